"""The committed JSON Schema is exactly what the model generates, so editors stay in sync."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from hotseat.cli import main
from hotseat.scenario.schema import SCHEMA_FILE, SCHEMA_ID, schema_json

REPO = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "refund-delay.yaml"


def test_committed_schema_equals_the_generated_one() -> None:
    committed = (REPO / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_json(), "regenerate: hotseat schema > " + SCHEMA_FILE


def test_schema_command_prints_it() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert result.output == schema_json()


def test_schema_names_itself_and_describes_the_format() -> None:
    schema = json.loads(schema_json())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_ID
    assert schema["title"].startswith("hotseat scenario")
    assert schema["additionalProperties"] is False
    assert {"version", "id", "lang", "persona", "facts", "lines"} <= set(schema["required"])
    reactions = schema["$defs"]["Reaction"]["enum"]
    assert {"opening", "hang_up", "apology_spam"} <= set(reactions)


def test_the_editor_comment_in_the_fixture_points_at_the_committed_schema() -> None:
    first = FIXTURE.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match
    assert (FIXTURE.parent / match[1]).resolve() == (REPO / SCHEMA_FILE).resolve()
