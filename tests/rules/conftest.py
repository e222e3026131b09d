"""Calls built by hand, so rule tests pin the judge's logic independently of the analyzer."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from hotseat.conversation import Call, Outcome, Reply
from hotseat.moves import Analysis, Lang, Move, MoveKind
from hotseat.scenario.model import Element, Policy

Mark = tuple[str, str] | tuple[str, str, dict[str, Any]]


def analysis(text: str, *marks: Mark, lang: Lang = "zh") -> Analysis:
    """Moves at the successive occurrences of phrases: ("apology", "对不起"), ("promise", "...",
    {"deadline": True, "hours": 24}); a phrase may overlap the one before it."""
    moves: list[Move] = []
    start, end, last = 0, 0, ""
    for mark in marks:
        kind, phrase = mark[0], mark[1]
        flags: dict[str, Any] = mark[2] if len(mark) == 3 else {}
        # the next occurrence; a different phrase may overlap the previous one
        start = text.index(phrase, end if phrase == last else start)
        end, last = start + len(phrase), phrase
        moves.append(Move(MoveKind(kind), start, end, **flags))
    return Analysis(text, lang, tuple(sorted(moves, key=lambda m: m.start)))


def reply(
    text: str,
    *marks: Mark,
    venting: bool = False,
    asked: tuple[str, ...] = (),
    lang: Lang = "zh",
) -> Reply:
    """A reply; its turn is set when it is put in a call."""
    return Reply(0, text, analysis(text, *marks, lang=lang), venting, frozenset(asked))


def call(
    *replies: Reply,
    lang: Lang = "zh",
    policy: Policy | None = None,
    elements: tuple[Element, ...] = (),
    captured: tuple[Element, ...] = (),
    outcome: Outcome | None = None,
) -> Call:
    """A call with turns numbered 1..n; a resolved call closes on its last reply."""
    numbered = tuple(replace(r, turn=i) for i, r in enumerate(replies, start=1))
    close = numbered[-1].turn if outcome == "resolved" and numbered else None
    return Call(
        lang=lang,
        replies=numbered,
        policy=policy,
        elements=elements,
        captured=frozenset(captured),
        outcome=outcome,
        close_turn=close,
    )


def prefix(c: Call, n: int) -> Call:
    """The call as it stood after ``n`` replies, still going on."""
    return replace(c, replies=c.replies[:n], outcome=None, close_turn=None)


SORRY = ("apology", "对不起")
LISTEN = reply("嗯，您请讲。", ("backchannel", "嗯，您请讲"))
EMPATHY = reply("换作是我也会着急。", ("empathy", "换作是我也会着急"))
SUMMARY = reply("您是说多扣了一百八十块，对吧？", ("summary", "您是说多扣了一百八十块，对吧"))
TIME = ("promise", "我们会在24小时内给您回电", {"deadline": True, "hours": 24.0})
CLOSE = reply(
    "我们会在24小时内给您回电，感谢您的耐心。",
    TIME,
    ("thanks", "感谢您的耐心"),
)
