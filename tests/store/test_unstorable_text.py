"""NUL and lone surrogates in a reply (issue 15.5, 15.9): PostgreSQL refuses NUL and no UTF-8
database takes a lone surrogate; a recorded call stores each as U+FFFD, on both backends,
and shows the same text it stored."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from hotseat.cli import main
from hotseat.scenario.model import Scenario
from hotseat.session import Session
from hotseat.store import Store, open_store
from hotseat.store.clean import storable

RAW = "嗯\x00，您请讲\ud800，我在听\udfff。"
CLEAN = "嗯\ufffd，您请讲\ufffd，我在听\ufffd。"


def test_storable_keeps_length_and_everything_else() -> None:
    assert storable(RAW) == CLEAN and len(storable(RAW)) == len(RAW)
    assert storable("😀 fine") == "😀 fine"


def test_the_recorder_stores_a_raw_reply_cleaned(store: Store, scenario: Scenario) -> None:
    """The store's own guard, for any shell that hands it a reply as typed."""
    session = Session(scenario)
    rec = store.begin("Ann", scenario, "h", "onboarding", 0)
    for exchange in session.reply(RAW):
        rec.turn(exchange)
    session.abandon()
    rec.finish(session.result())
    assert store.replies(rec.session_id) == [(CLEAN, None)]
    stored = store.result(rec.session_id)
    assert stored is not None and ("trainee", CLEAN) in stored.transcript


def test_a_recorded_play_shows_what_it_stored(tmp_path: Path, db_url: str) -> None:
    replies = tmp_path / "replies.jsonl"
    replies.write_text(json.dumps({"text": RAW}) + "\n", encoding="utf-8")
    args = ["play", "zh/overcharged-data", "--replies", str(replies), "--json"]
    result = CliRunner().invoke(main, [*args, "--trainee", "Ann", "--db", db_url])
    assert result.exit_code == 0, result.output
    shown = [u["text"] for u in json.loads(result.stdout)["transcript"]]
    assert CLEAN in shown
    with open_store(db_url) as store:
        (call,) = store.history()
        assert call.turns == 1 and call.status == "finished"
        assert store.replies(call.id) == [(CLEAN, None)]
