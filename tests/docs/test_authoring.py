"""The guide's complete example is a real scenario: it lints clean and its examples replay."""

from __future__ import annotations

import re
from pathlib import Path

from hotseat.scenario.lint import lint_bytes
from hotseat.scenario.loader import load_bytes
from hotseat.session import Session

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"


def guide_example() -> str:
    """The YAML block of section 9, the complete annotated example."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("## 9.", 1)[1].split("\n## 10.", 1)[0]
    match = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert match, "section 9 has no yaml block"
    return match.group(1)


def test_the_guides_example_lints_clean() -> None:
    result = lint_bytes(guide_example().encode(), "authoring-example.yaml", None)
    errors = [str(d) for d in result.diagnostics if d.severity.value == "error"]
    assert not errors, errors


def test_the_guides_example_conversations_do_what_they_claim() -> None:
    loaded = load_bytes(guide_example().encode(), "authoring-example.yaml")
    scenario = loaded.scenario
    assert scenario is not None, [str(d) for d in loaded.diagnostics]
    assert {e.kind for e in scenario.examples} >= {"model", "failing"}
    for example in scenario.examples:
        session = Session(scenario, seed=example.seed, mode=example.mode)
        for text in example.replies:
            if session.ended:
                break
            session.reply(text)
        session.abandon()
        result = session.result()
        codes = {f.code for f in result.findings}
        if example.expect.outcome:
            assert result.outcome in example.expect.outcome, example.name
        if example.expect.overall_at_least is not None:
            assert result.scores.overall >= example.expect.overall_at_least, example.name
        if example.expect.overall_at_most is not None:
            assert result.scores.overall <= example.expect.overall_at_most, example.name
        assert set(example.expect.codes) <= codes, example.name
