"""What a reply did well: the good moves a trainer names so the trainee keeps doing them.

A scorecard that only lists faults teaches what to stop, not what to keep (issue 12).
Each praise names one move the brief teaches, made where it belongs, in a reply
where no rule objects to that same move: a response time that is a guarantee, or
empathy read out again word for word, earns no praise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hotseat.conversation import Call, Reply
from hotseat.moves import MoveKind
from hotseat.rules.checks import Reading, conditional_on_check, felt_empathy, reader
from hotseat.rules.docs import texts
from hotseat.rules.phrases import compiled
from hotseat.rules.rulebook import Rulebook

KINDS = (
    "listened",
    "comfort",
    "empathy",
    "summary",
    "preframe",
    "one_question",
    "response_time",
    "conditional_offer",
    "thanks",
)


@dataclass(frozen=True, slots=True)
class Praise:
    """One good move on one turn, worded for the trainee (``key`` is stable, ``text`` localized)."""

    turn: int
    key: str
    text: str

    def to_json(self) -> dict[str, object]:
        return {"turn": self.turn, "key": self.key, "text": self.text}


def _keys(
    call: Call, read: Callable[[Reply], Reading], index: int, max_questions: int
) -> list[str]:
    reply = call.replies[index]
    reading = read(reply)
    kinds = reading.kinds
    if reply.venting:
        return ["listened"] if set(kinds) == {MoveKind.BACKCHANNEL} else []
    keys: list[str] = []
    felt = felt_empathy(reading, call.replies, index)
    summary = MoveKind.SUMMARY in kinds
    if felt and summary:
        keys.append("comfort")
    elif felt:
        keys.append("empathy")
    elif summary:
        keys.append("summary")
    if MoveKind.PREFRAME in kinds:
        keys.append("preframe")
    if len(reading.fact_questions) == 1 and len(reading.of(MoveKind.QUESTION)) <= max_questions:
        keys.append("one_question")
    limit = call.policy.response_hours if call.policy else None
    promises = reading.of(MoveKind.PROMISE)
    if any(
        p.deadline
        and not p.guarantee
        and (limit is None or (p.hours is not None and p.hours >= limit))
        for p in promises
    ):
        keys.append("response_time")
    if any(
        p.compensation and not p.guarantee and conditional_on_check(reading, p) for p in promises
    ):
        keys.append("conditional_offer")
    if MoveKind.THANKS in kinds and not kinds.keys() & {MoveKind.RUDE, MoveKind.DEFEND}:
        keys.append("thanks")
    return keys


def praise(call: Call, rulebook: Rulebook | None = None) -> tuple[Praise, ...]:
    """Every reply's good moves, in turn order (a reply may earn several, or none)."""
    return tuple(p for i in range(len(call.replies)) for p in _praise_at(call, i, rulebook))


def praise_for(call: Call, rulebook: Rulebook | None = None) -> tuple[Praise, ...]:
    """The last reply's good moves, for the card shown after it."""
    return _praise_at(call, len(call.replies) - 1, rulebook) if call.replies else ()


def _praise_at(call: Call, index: int, rulebook: Rulebook | None) -> tuple[Praise, ...]:
    rb = rulebook or Rulebook.default()
    read = reader(compiled(rb.phrases), call.lang)
    words = texts(call.lang).praise
    max_questions = int(rb.options("CT002")["max_questions"])
    turn = call.replies[index].turn
    keys = _keys(call, read.read, index, max_questions)
    return tuple(Praise(turn, key, words[key]) for key in keys)
