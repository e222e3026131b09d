"""A scorecard built by hand, with hostile text in every field a person can type."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hotseat.conversation import Area, Finding, ScoreLine, Scores
from hotseat.scenario.model import Element
from hotseat.scorecard import SessionResult
from hotseat.store.records import (
    BoardRow,
    ClassBoard,
    Progress,
    RuleCount,
    ScenarioStats,
    ScorePoint,
    SessionRecord,
)

HOSTILE = '<script>alert("x")</script><b onmouseover=alert(1)>&amp;</b>'


def make_result(reply: str = HOSTILE, title: str = "Title " + HOSTILE) -> SessionResult:
    return SessionResult(
        scenario="en/overcharged-data",
        title=title,
        lang="en",
        mode="onboarding",
        seed=3,
        outcome="hung_up",
        scores=Scores(
            areas={Area.AP: 70, Area.PR: 40, Area.CT: 55, Area.ET: 20, Area.EM: 90},
            overall=48,
            lines=(ScoreLine(Area.ET, -30, "rude", "ET001", 2),),
        ),
        findings=(
            Finding(
                code="ET001",
                name="rude-language",
                area=Area.ET,
                severity="error",
                turn=2,
                start=0,
                end=8,
                message=f"Rude words in turn 2: {reply}",
                tip="Say: I understand this is frustrating.",
                quote=reply[:8],
            ),
        ),
        elements={Element.WHO: True, Element.CONTACT: False},
        mood_start=60,
        moods=(65, 90, 100),
        transcript=(
            ("customer", "You charged me " + HOSTILE),
            ("trainee", reply),
            ("customer", "What?"),
            ("trainee", "calm down"),
            ("customer", "Bye."),
        ),
    )


@pytest.fixture
def result() -> SessionResult:
    return make_result()


def make_record(
    sid: int = 1,
    trainee: str = "王芳",
    overall: int | None = 48,
    outcome: str | None = "hung_up",
    class_name: str | None = None,
    stepped_out: bool = False,
    day: int = 1,
) -> SessionRecord:
    start = datetime(2026, 3, day, 9, 0, tzinfo=UTC)
    return SessionRecord(
        id=sid,
        trainee=trainee,
        class_name=class_name,
        scenario="en/overcharged-data",
        scenario_hash="ab" * 32,
        title="Title " + HOSTILE,
        lang="en",
        mode="drill",
        seed=3,
        intensity=2,
        clock_seconds=30.0,
        started_at=start,
        ended_at=None if outcome is None else start + timedelta(minutes=4, seconds=5.5),
        outcome=outcome,  # type: ignore[arg-type]
        stepped_out=stepped_out,
        overall=overall,
        areas=None if overall is None else dict.fromkeys(Area, overall),
        turns=5,
    )


@pytest.fixture
def calls() -> tuple[SessionRecord, ...]:
    """A hostile-named trainee's calls, newest first: one interrupted, two finished."""
    return (
        make_record(3, HOSTILE, None, None, day=3),
        make_record(2, HOSTILE, 65, "resolved", day=2),
        make_record(1, HOSTILE, 40, day=1),
    )


@pytest.fixture
def progress(calls: tuple[SessionRecord, ...]) -> Progress:
    rules = (RuleCount("ET001", "rude-language", Area.ET, 4, 2),)
    stats = {"en/overcharged-data": ScenarioStats("en/overcharged-data", "en", 3, 65, 65)}
    scores = (ScorePoint(40, 40, 40, 40, 40, 40), ScorePoint(65, 65, 65, 65, 65, 65))
    return Progress(HOSTILE, 3, scores, calls, rules, stats)


@pytest.fixture
def board() -> ClassBoard:
    worst = RuleCount("PR001", "guarantee", Area.PR, 3, 2)
    rows = (
        BoardRow(1, HOSTILE, 2, 81, dict.fromkeys(Area, 81), worst, 1),
        BoardRow(None, "李雷", 0, None, None, None, 0),
    )
    return ClassBoard("一班 " + HOSTILE, rows)
