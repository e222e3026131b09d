"""The move vocabulary (DESIGN.md contract 1) shared by the analyzer, rules, persona and scenarios.

These names are a public contract: scenarios, rulebooks and outside evaluations
refer to them, so they live in one place and are never renamed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")


class MoveKind(StrEnum):
    """What one stretch of a reply does."""

    APOLOGY = "apology"
    EMPATHY = "empathy"
    THANKS = "thanks"
    QUESTION = "question"
    PROMISE = "promise"
    PREFRAME = "preframe"
    SUMMARY = "summary"
    DEFEND = "defend"
    RUDE = "rude"
    ADMISSION = "admission"
    BACKCHANNEL = "backchannel"


MOVE_NAMES: frozenset[str] = frozenset(m.value for m in MoveKind)


@dataclass(frozen=True, slots=True)
class Move:
    """One move with its span in the original (un-normalized) text.

    The promise flags are only meaningful when ``kind`` is PROMISE; they are
    kept on every move so the record stays flat and cheap to compare.
    ``hours`` is the time a deadline promise names, in hours from now (马上 /
    right away = 0, 今天 / today = 8, 24小时内 = 24, 明天 / tomorrow = 24), so
    rules can compare it with the scenario's service level; it is internal and
    not part of contract 2.
    """

    kind: MoveKind
    start: int
    end: int
    guarantee: bool = False
    deadline: bool = False
    compensation: bool = False
    hours: float | None = None

    def to_json(self) -> dict[str, object]:
        """The contract-2 shape: flags appear only on promises."""
        out: dict[str, object] = {"move": self.kind.value, "start": self.start, "end": self.end}
        if self.kind is MoveKind.PROMISE:
            out["guarantee"] = self.guarantee
            out["deadline"] = self.deadline
            out["compensation"] = self.compensation
        return out


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the original text, for signals that are not moves."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the analyzer learned about one reply.

    ``refusals`` are commitments the agent explicitly declined ("我不能保证",
    "I can't promise"): not moves, but the persona needs them to notice a
    promise being walked back.
    """

    text: str
    lang: Lang
    moves: tuple[Move, ...] = ()
    refusals: tuple[Span, ...] = field(default=())

    def count(self, kind: MoveKind) -> int:
        """How many moves of one kind the reply makes."""
        return sum(1 for m in self.moves if m.kind is kind)

    def has(self, kind: MoveKind) -> bool:
        return any(m.kind is kind for m in self.moves)

    def of(self, kind: MoveKind) -> tuple[Move, ...]:
        return tuple(m for m in self.moves if m.kind is kind)

    def counts(self) -> Counter[MoveKind]:
        return Counter(m.kind for m in self.moves)

    def quote(self, move: Move | Span) -> str:
        """The trainee's own words for a move, as evidence in a finding."""
        return self.text[move.start : move.end]

    def to_json(self) -> dict[str, object]:
        """The contract-2 line for ``hotseat analyze``."""
        return {
            "text": self.text,
            "lang": self.lang,
            "moves": [m.to_json() for m in self.moves],
        }
