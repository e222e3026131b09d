"""Plain records the store hands out, so reports and screens never touch SQLAlchemy rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, NamedTuple

from hotseat.conversation import PASS_MARK, Area, Band, Outcome
from hotseat.moves import Lang
from hotseat.scenario.model import Mode

Status = Literal["finished", "interrupted"]


def _scores_json(areas: dict[Area, int] | None) -> dict[str, int] | None:
    return {a.value: s for a, s in areas.items()} if areas else None


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
            "scores": _scores_json(self.areas),
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


class ScorePoint(NamedTuple):
    """One finished call's scores, for plotting a trend."""

    overall: int
    AP: int
    PR: int
    CT: int
    ET: int
    EM: int


@dataclass(frozen=True, slots=True)
class ScenarioStats:
    """How a trainee has done on one scenario: enough to judge mastery and language."""

    scenario: str
    lang: Lang
    calls: int
    best: int | None  # best overall of a finished call
    best_resolved: int | None  # best overall of a call the customer accepted


@dataclass(frozen=True, slots=True)
class Progress:
    """What the progress screen needs, compact however many calls there are.

    ``scores`` has every finished call, oldest first; ``recent`` the latest
    calls in full, newest first; ``scenarios`` per-scenario stats by LANG/ID.
    """

    trainee: str
    calls: int
    scores: tuple[ScorePoint, ...]
    recent: tuple[SessionRecord, ...]
    rules: tuple[RuleCount, ...]
    scenarios: dict[str, ScenarioStats] = field(default_factory=dict)

    @property
    def finished(self) -> int:
        return len(self.scores)

    @property
    def interrupted(self) -> int:
        return self.calls - len(self.scores)

    def best(self, scenario: str) -> int | None:
        stats = self.scenarios.get(scenario)
        return stats.best if stats else None

    def to_json(self) -> dict[str, object]:
        return {
            "trainee": self.trainee,
            "calls": self.calls,
            "finished": self.finished,
            "scores": [p._asdict() for p in self.scores],
            "rules": [r.to_json() for r in self.rules],
            "scenarios": {
                k: {
                    "lang": v.lang,
                    "calls": v.calls,
                    "best": v.best,
                    "best_resolved": v.best_resolved,
                }
                for k, v in self.scenarios.items()
            },
        }


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
    band: Band | None = None  # the average against the class's pass mark

    def to_json(self) -> dict[str, object]:
        return {
            "rank": self.rank,
            "band": self.band,
            "trainee": self.trainee,
            "sessions": self.sessions,
            "overall": self.overall,
            "scores": _scores_json(self.areas),
            "worst_rule": self.worst.to_json() if self.worst else None,
            "stepped_out": self.stepped_out,
        }


@dataclass(frozen=True, slots=True)
class ClassBoard:
    """A class's ranked results: best average first, then those yet to finish a call."""

    name: str
    rows: tuple[BoardRow, ...]
    class_pass_mark: int | None = None  # the class's own; None: the default

    @property
    def pass_mark(self) -> int:
        return PASS_MARK if self.class_pass_mark is None else self.class_pass_mark

    def to_json(self) -> dict[str, object]:
        return {
            "class": self.name,
            "pass_mark": self.pass_mark,
            "rows": [r.to_json() for r in self.rows],
        }


@dataclass(frozen=True, slots=True)
class TraineeInfo:
    name: str
    sessions: int
    classes: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "sessions": self.sessions, "classes": list(self.classes)}


@dataclass(frozen=True, slots=True)
class ClassInfo:
    name: str
    members: tuple[str, ...]

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "members": list(self.members)}


@dataclass(frozen=True, slots=True)
class Lot:
    """Who was drawn, in which round, and who is still waiting in that round."""

    trainee: str
    round: int
    position: int
    waiting: tuple[str, ...]
