"""Plain records the store hands out, so reports and screens never touch SQLAlchemy rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from hotseat.conversation import Area, Outcome
from hotseat.moves import Lang
from hotseat.scenario.model import Mode

Status = Literal["finished", "interrupted"]


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """One stored call: who, what, when, how it ended and its scores.

    ``areas`` and ``overall`` are None until the call is finished: an interrupted
    call has turns but no scorecard (rebuild it with ``Session.restore``).
    """

    id: int
    trainee: str
    class_name: str | None
    scenario: str
    scenario_hash: str
    title: str
    lang: Lang
    mode: Mode
    seed: int
    intensity: int
    clock_seconds: float
    started_at: datetime
    ended_at: datetime | None
    outcome: Outcome | None
    stepped_out: bool
    overall: int | None
    areas: dict[Area, int] | None
    turns: int

    @property
    def status(self) -> Status:
        return "finished" if self.ended_at is not None else "interrupted"

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "trainee": self.trainee,
            "class": self.class_name,
            "scenario": self.scenario,
            "scenario_hash": self.scenario_hash,
            "title": self.title,
            "lang": self.lang,
            "mode": self.mode,
            "seed": self.seed,
            "intensity": self.intensity,
            "clock_seconds": self.clock_seconds,
            "started_at": self.started_at.isoformat(),
            "ended_at": self.ended_at.isoformat() if self.ended_at else None,
            "status": self.status,
            "outcome": self.outcome,
            "stepped_out": self.stepped_out,
            "overall": self.overall,
            "scores": {a.value: s for a, s in self.areas.items()} if self.areas else None,
            "turns": self.turns,
        }


@dataclass(frozen=True, slots=True)
class StoredTurn:
    """One exchange as written when it happened: enough to replay and to read."""

    turn: int
    text: str
    seconds: float | None
    customer_line: str
    reaction: str
    mood: int


@dataclass(frozen=True, slots=True)
class RuleCount:
    """How often one rule was broken, and in how many calls."""

    code: str
    name: str
    area: Area
    count: int
    sessions: int

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "area": self.area.value,
            "count": self.count,
            "sessions": self.sessions,
        }


@dataclass(frozen=True, slots=True)
class Progress:
    """A trainee's calls oldest first, the rules they break most, and their best per scenario."""

    trainee: str
    sessions: tuple[SessionRecord, ...]
    rules: tuple[RuleCount, ...]
    best: dict[str, int] = field(default_factory=dict)

    @property
    def finished(self) -> tuple[SessionRecord, ...]:
        return tuple(s for s in self.sessions if s.overall is not None)


@dataclass(frozen=True, slots=True)
class BoardRow:
    """One trainee's line on a class board; ``rank`` is None for someone with no finished call."""

    rank: int | None
    trainee: str
    sessions: int
    overall: int | None
    areas: dict[Area, int] | None
    worst: RuleCount | None
    stepped_out: int

    def to_json(self) -> dict[str, object]:
        return {
            "rank": self.rank,
            "trainee": self.trainee,
            "sessions": self.sessions,
            "overall": self.overall,
            "scores": {a.value: s for a, s in self.areas.items()} if self.areas else None,
            "worst_rule": self.worst.to_json() if self.worst else None,
            "stepped_out": self.stepped_out,
        }


@dataclass(frozen=True, slots=True)
class ClassBoard:
    """A class's ranked results: best average first, then those yet to finish a call."""

    name: str
    rows: tuple[BoardRow, ...]

    def to_json(self) -> dict[str, object]:
        return {"class": self.name, "rows": [r.to_json() for r in self.rows]}


@dataclass(frozen=True, slots=True)
class TraineeInfo:
    name: str
    sessions: int
    classes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClassInfo:
    name: str
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Lot:
    """Who was drawn, in which round, and who is still waiting in that round."""

    trainee: str
    round: int
    position: int
    waiting: tuple[str, ...]
