"""What the judge sees of a call: the trainee's replies in context, and what it says back.

These records are the seam between the session (which builds them turn by turn)
and the rules (which read them); both sides are pure, so a call can be judged
the same way live, on replay, or from a real transcript with no scenario.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from hotseat.moves import Analysis, Lang
from hotseat.scenario.model import Element, Policy

Outcome = Literal["resolved", "hung_up", "abandoned", "turn_limit", "unresolved"]
OUTCOMES: tuple[Outcome, ...] = ("resolved", "hung_up", "abandoned", "turn_limit", "unresolved")
# The outcomes where the trainee ended the call (closed it, or tried to and the customer would
# not settle): only these are judged on how the call was closed. A hung-up call never got
# to a close, and a call cut off at the turn limit was not closed by anyone.
CLOSED_BY_TRAINEE: frozenset[Outcome] = frozenset({"resolved", "abandoned", "unresolved"})

Band = Literal["pass", "borderline", "fail"]
BANDS: tuple[Band, ...] = ("pass", "borderline", "fail")
PASS_MARK = 70  # the default; a rulebook (and so a class) may set its own
FAIL_BELOW = 40


class Area(StrEnum):
    """The five scored areas of contract 3, by rule-code prefix."""

    AP = "AP"  # apology and soothing
    PR = "PR"  # promises
    CT = "CT"  # control of the conversation
    ET = "ET"  # etiquette
    EM = "EM"  # empathy


Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class Reply:
    """One trainee reply and the situation it was made in.

    ``venting`` is true while the customer is still in their first round of
    venting: comfort offered then bounces back (BRIEF.md, rule 1).
    ``asked`` holds the ids of the scenario facts this reply asked for.
    ``customer_before`` is the customer's line the reply answers.
    """

    turn: int
    text: str
    analysis: Analysis
    venting: bool = False
    asked: frozenset[str] = frozenset()
    customer_before: str = ""
    seconds: float | None = None

    @property
    def silent(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True, slots=True)
class Call:
    """A conversation as the judge sees it.

    ``policy`` is None when the call comes from a real transcript with no
    scenario: rules that need a policy or key elements skip themselves.
    ``outcome`` is None while the call is still going on; ``close_turn`` is the
    trainee's turn that closed the call when it ended resolved. ``refused`` holds the
    key elements the customer withheld because of the agent's conduct (rudeness,
    arguing) and never gave later: the judge may charge the conduct, not the gap.
    """

    lang: Lang
    replies: tuple[Reply, ...] = ()
    policy: Policy | None = None
    elements: tuple[Element, ...] = ()
    captured: frozenset[Element] = frozenset()
    outcome: Outcome | None = None
    close_turn: int | None = None
    refused: frozenset[Element] = frozenset()

    @property
    def has_scenario(self) -> bool:
        return self.policy is not None

    @property
    def closed_by_trainee(self) -> bool:
        """The trainee ended the call, so how it was closed is theirs to answer for."""
        return self.outcome in CLOSED_BY_TRAINEE


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule broken at one place: evidence quoted, and what to say instead.

    ``turn`` is the trainee's turn (1-based) the evidence comes from, or 0 for a
    finding about the whole call (e.g. a key element never captured). ``start``
    and ``end`` index that reply's original text; both are 0 when there is no span.
    """

    code: str
    name: str
    area: Area
    severity: Severity
    turn: int
    start: int
    end: int
    message: str
    tip: str
    quote: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "area": self.area.value,
            "severity": self.severity,
            "turn": self.turn,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "message": self.message,
            "tip": self.tip,
        }


@dataclass(frozen=True, slots=True)
class ScoreLine:
    """One reason a score moved: a finding's cost, a good move's credit, or a cap.

    ``area`` is None for a line about the overall score (an outcome cap).
    """

    area: Area | None
    points: int  # negative for a loss
    reason: str
    code: str = ""
    turn: int = 0


def band_of(overall: int, pass_mark: int = PASS_MARK, fail_below: int = FAIL_BELOW) -> Band:
    """Where a score lands on a trainer's scale: pass, borderline (worth a talk) or fail."""
    if overall >= pass_mark:
        return "pass"
    return "fail" if overall < min(fail_below, pass_mark) else "borderline"


@dataclass(frozen=True, slots=True)
class Scores:
    """Per-area and overall scores, 0-100, with every point explained.

    ``pass_mark`` is the one the call was scored under (the rulebook's, which a
    class may set), kept with the scores so a stored call keeps its verdict.
    """

    areas: dict[Area, int]
    overall: int
    lines: tuple[ScoreLine, ...] = field(default=())
    pass_mark: int = PASS_MARK
    fail_below: int = FAIL_BELOW

    @property
    def band(self) -> Band:
        return band_of(self.overall, self.pass_mark, self.fail_below)

    @property
    def passed(self) -> bool:
        return self.band == "pass"

    def to_json(self) -> dict[str, int]:
        out = {a.value: self.areas[a] for a in Area}
        out["overall"] = self.overall
        return out
