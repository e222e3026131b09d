"""A scorecard built by hand, with hostile text in every field a person can type."""

from __future__ import annotations

import pytest

from hotseat.conversation import Area, Finding, ScoreLine, Scores
from hotseat.scenario.model import Element
from hotseat.scorecard import SessionResult

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
