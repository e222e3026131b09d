"""Building the records a real call produces (TurnResult, SessionResult) without the analyzer.

The store only reads what these carry, so tests can write thousands of turns
quickly and know exactly what should come back.
"""

from __future__ import annotations

from hotseat.conversation import Area, Finding, Outcome, Reply, Scores
from hotseat.moves import Analysis, Lang
from hotseat.persona import CustomerTurn
from hotseat.scenario.model import Element, Reaction
from hotseat.scorecard import SessionResult
from hotseat.session import TurnResult

OPENING = "你们凭什么多扣我一百八十多块钱？"


def finding(code: str, turn: int, area: Area | None = None) -> Finding:
    return Finding(
        code=code,
        name=f"rule-{code.lower()}",
        area=area or Area(code[:2]),
        severity="warning",
        turn=turn,
        start=0,
        end=2,
        message=f"{code} at turn {turn}",
        tip="换一种说法",
        quote="对不",
    )


def turn(
    n: int,
    text: str = "非常抱歉，我理解您的心情。",
    mood: int = 50,
    findings: tuple[Finding, ...] = (),
    seconds: float | None = None,
    lang: Lang = "zh",
) -> TurnResult:
    reply = Reply(
        turn=n,
        text=text,
        analysis=Analysis(text, lang),
        customer_before=OPENING if n == 1 else f"customer line {n - 1}",
        seconds=seconds,
    )
    customer = CustomerTurn(line=f"customer line {n}", reaction=Reaction.EMPATHY, mood=mood)
    return TurnResult(reply, findings, customer, None)


def result(
    overall: int = 70,
    areas: tuple[int, int, int, int, int] = (70, 70, 70, 70, 70),
    findings: tuple[Finding, ...] = (),
    outcome: Outcome | None = "resolved",
    scenario: str = "zh/overcharged-data",
    replies: tuple[str, ...] = ("非常抱歉，我理解您的心情。",),
    moods: tuple[int, ...] = (50,),
) -> SessionResult:
    transcript: list[tuple[str, str]] = [("customer", OPENING)]
    for i, text in enumerate(replies, start=1):
        transcript += [("trainee", text), ("customer", f"customer line {i}")]
    return SessionResult(
        scenario=scenario,
        title="流量超了没提醒",
        lang="zh",
        mode="onboarding",
        seed=0,
        outcome=outcome,
        scores=Scores(areas=dict(zip(Area, areas, strict=True)), overall=overall),
        findings=findings,
        elements={Element.WHO: True, Element.CONTACT: False},
        mood_start=60,
        moods=moods,
        transcript=tuple(transcript),
    )
