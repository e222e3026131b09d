"""Trainers correct the judge: mark, review, export, on SQLite and PostgreSQL (issue 12, item 5).

A real call is played and recorded; a finding on it is marked wrong and a missed
fault is marked; a trainer accepts one and rejects the other; the export is read
back by the very loader the analyzer's eval sets go through.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from hotseat.cli import main
from hotseat.language.scoring import load_labeled
from hotseat.scenario.model import Scenario
from hotseat.session import Session
from hotseat.store import Store, StoreError

REPLIES = [
    "嗯，您请讲。",
    "我保证今天之内一定给您全部退回来。",  # a guarantee the judge flags (PR001)
    "这个问题我们会查清楚的。",
]


def recorded(store: Store, scenario: Scenario) -> tuple[int, Session]:
    session = Session(scenario, seed=3)
    recorder = store.begin("王芳", scenario, "hash", "onboarding", 3)
    for text in REPLIES:
        if session.ended:
            break
        for step in session.reply(text):
            recorder.turn(step)
    session.abandon()
    recorder.finish(session.result())
    return recorder.session_id, session


def run(*args: str) -> str:
    result = CliRunner().invoke(main, ["review", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_mark_review_and_export_through_the_command(
    store: Store, db_url: str, scenario: Scenario, tmp_path: Path
) -> None:
    sid, session = recorded(store, scenario)
    flagged = next(f for f in session.findings if f.code == "PR001")
    out = run(
        "mark", str(sid), str(flagged.turn), "--wrong", "PR001",
        "--reason", "客户要求当天退，坐席只是复述", "--by", "王芳", "--db", db_url,
    )  # fmt: skip
    assert "waiting for a trainer" in out
    run(
        "mark", str(sid), "3", "--missed", "defend",
        "--reason", "语气在推脱", "--by", "王芳", "--db", db_url,
    )  # fmt: skip
    queue = json.loads(run("list", "--json", "--db", db_url))
    assert [(c["kind"], c["status"]) for c in queue] == [
        ("wrong", "pending"),
        ("missed", "pending"),
    ]
    assert queue[0]["text"] == REPLIES[flagged.turn - 1] and queue[0]["context"]
    first, second = (c["id"] for c in queue)
    assert "accepted" in run("accept", str(first), "--by", "李老师", "--db", db_url)
    run("reject", str(second), "--by", "李老师", "--db", db_url)
    assert json.loads(run("list", "--json", "--db", db_url)) == []
    decided = json.loads(run("list", "--status", "all", "--json", "--db", db_url))
    assert [c["status"] for c in decided] == ["accepted", "rejected"]
    assert decided[0]["reviewer"] == "李老师"

    path = tmp_path / "review.jsonl"
    run("export", "-o", str(path), "--db", db_url)
    (item,) = load_labeled(path)  # the eval sets' own reader
    assert item.text == REPLIES[flagged.turn - 1] and item.lang == "zh"
    assert "guarantee" not in item.flags  # the accepted verdict: no guarantee in this reply
    line = json.loads(path.read_text(encoding="utf-8"))
    assert line["note"] == "客户要求当天退，坐席只是复述" and line["context"]


def test_a_missed_fault_accepted_exports_the_move(store: Store, scenario: Scenario) -> None:
    sid, _ = recorded(store, scenario)
    cid = store.mark(sid, 3, kind="missed", move="defend", reason="推脱", author="王芳")
    store.review(cid, accept=True, reviewer="李老师")
    from hotseat.language import analyze
    from hotseat.rules.labels import Verdict, labeled

    (c,) = store.corrections("accepted")
    verdict = Verdict(c.id, c.lang, c.text, c.context, c.kind, c.code, c.move, c.reason)
    assert labeled(verdict, analyze(c.text, c.lang))["moves"]["defend"] == 1  # type: ignore[index]


def test_bad_corrections_are_refused_with_a_reason(store: Store, scenario: Scenario) -> None:
    sid, _ = recorded(store, scenario)
    with pytest.raises(StoreError, match="no ET001 finding on turn 1"):
        store.mark(sid, 1, kind="wrong", code="ET001", reason="x", author="王芳")
    with pytest.raises(StoreError, match="unknown move"):
        store.mark(sid, 1, kind="missed", move="shouting", reason="x", author="王芳")
    with pytest.raises(StoreError, match="no reply 9"):
        store.mark(sid, 9, kind="missed", move="rude", reason="x", author="王芳")
    with pytest.raises(StoreError, match="reason"):
        store.mark(sid, 1, kind="missed", move="rude", reason="  ", author="王芳")
    cid = store.mark(sid, 1, kind="missed", move="rude", reason="x", author="王芳")
    store.review(cid, accept=False, reviewer="李老师")
    with pytest.raises(StoreError, match="already rejected"):
        store.review(cid, accept=True, reviewer="李老师")


def test_mark_needs_exactly_one_of_wrong_or_missed(db_url: str) -> None:
    result = CliRunner().invoke(
        main, ["review", "mark", "1", "1", "--reason", "r", "--by", "x", "--db", db_url]
    )
    assert result.exit_code != 0 and "--wrong CODE or --missed MOVE" in result.output
