"""Recording a call: turn rows committed as they happen, the scorecard at the end."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from hotseat.conversation import Area
from hotseat.scenario.model import Scenario
from hotseat.store import Store, StoreError
from hotseat.store.schema import FindingRow

from .calls import OPENING, finding, result, turn


def test_turns_are_readable_before_the_call_ends(store: Store, scenario: Scenario) -> None:
    rec = store.begin("王芳", scenario, "h" * 64, "drill", 7, intensity=3, clock_seconds=20.0)
    rec.turn(turn(1, "嗯，您请讲。", mood=62))
    rec.turn(turn(2, "", mood=70, seconds=20.0))
    record = store.session(rec.session_id)
    assert record.status == "interrupted"
    assert (record.trainee, record.mode, record.seed, record.intensity) == ("王芳", "drill", 7, 3)
    assert (record.scenario, record.scenario_hash, record.turns) == (scenario.key, "h" * 64, 2)
    assert record.clock_seconds == 20.0
    assert record.overall is None and record.areas is None
    assert store.replies(rec.session_id) == [("嗯，您请讲。", None), ("", 20.0)]
    assert [t.mood for t in store.turns(rec.session_id)] == [62, 70]
    assert store.opening(rec.session_id) == OPENING
    assert store.result(rec.session_id) is None


def test_finish_stores_the_scorecard_and_final_findings(store: Store, scenario: Scenario) -> None:
    rec = store.begin("Ann", scenario, "h", "onboarding", 0)
    rec.turn(turn(1, findings=(finding("AP001", 1),)))
    rec.turn(turn(2, findings=(finding("AP001", 2), finding("PR001", 2))))
    final = (finding("AP001", 1), finding("AP001", 2), finding("PR001", 2), finding("CT003", 0))
    scored = result(overall=61, areas=(50, 40, 70, 80, 65), findings=final, moods=(55, 48))
    rec.finish(scored, stepped_out=True)

    record = store.session(rec.session_id)
    assert record.status == "finished" and record.outcome == "resolved"
    assert record.overall == 61
    assert record.areas == {Area.AP: 50, Area.PR: 40, Area.CT: 70, Area.ET: 80, Area.EM: 65}
    assert record.stepped_out is True
    assert record.ended_at is not None and record.ended_at > record.started_at
    assert store.result(rec.session_id) == scored
    with store.engine.connect() as conn:
        codes = conn.execute(
            select(FindingRow.code, func.count()).group_by(FindingRow.code).order_by("code")
        ).all()
    assert [tuple(c) for c in codes] == [("AP001", 2), ("CT003", 1), ("PR001", 1)]


def test_a_finished_call_cannot_be_written_again(store: Store, scenario: Scenario) -> None:
    rec = store.begin("Ann", scenario, "h", "onboarding", 0)
    rec.finish(result())
    with pytest.raises(StoreError, match="already finished"):
        rec.turn(turn(1))
    with pytest.raises(StoreError, match="nothing to resume"):
        store.reopen(rec.session_id)


def test_reopen_continues_an_interrupted_call(store: Store, scenario: Scenario) -> None:
    first = store.begin("Ann", scenario, "h", "practice", 4)
    first.turn(turn(1, "第一句"))
    again = store.reopen(first.session_id)
    again.turn(turn(2, "第二句"))
    again.finish(result(replies=("第一句", "第二句")))
    assert store.replies(first.session_id) == [("第一句", None), ("第二句", None)]
    assert store.session(first.session_id).status == "finished"


def test_history_is_newest_first_and_filters_by_trainee(store: Store, scenario: Scenario) -> None:
    ids = [store.begin(name, scenario, "h", "onboarding", 0).session_id for name in "ABA"]
    assert [r.id for r in store.history()] == ids[::-1]
    assert [r.id for r in store.history("A")] == [ids[2], ids[0]]
    assert [r.id for r in store.history(limit=1)] == [ids[2]]
    with pytest.raises(StoreError, match="no trainee named 'Z'"):
        store.history("Z")


def test_unknown_session_and_class_are_clear_errors(store: Store, scenario: Scenario) -> None:
    with pytest.raises(StoreError, match="no session 999"):
        store.session(999)
    with pytest.raises(StoreError, match="no class named 'nope'"):
        store.begin("Ann", scenario, "h", "drill", 0, class_name="nope")


def test_text_survives_exactly(store: Store, scenario: Scenario) -> None:
    """Chinese, emoji, quotes, markup and very long replies come back byte for byte."""
    texts = ["繁體：您好！😡", "'; DROP TABLE sessions; --", "<script>x</script>", "长" * 20_000]
    rec = store.begin("Ann", scenario, "h", "onboarding", 0)
    for i, typed in enumerate(texts, start=1):
        rec.turn(turn(i, typed))
    assert [t for t, _ in store.replies(rec.session_id)] == texts


def test_a_failed_write_says_which_turn_was_lost(store: Store, scenario: Scenario) -> None:
    rec = store.begin("Ann", scenario, "h", "onboarding", 0)
    rec.turn(turn(1))
    with store.engine.begin() as conn:
        conn.execute(text("DROP TABLE turns"))
    with pytest.raises(StoreError, match=f"could not save turn 2 of session {rec.session_id}: "):
        rec.turn(turn(2))
