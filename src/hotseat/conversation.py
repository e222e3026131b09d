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

Outcome = Literal["resolved", "hung_up", "abandoned", "turn_limit"]
OUTCOMES: tuple[Outcome, ...] = ("resolved", "hung_up", "abandoned", "turn_limit")


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


@dataclass(frozen=True, slots=True)
class Scores:
    """Per-area and overall scores, 0-100, with every point explained."""

    areas: dict[Area, int]
    overall: int
    lines: tuple[ScoreLine, ...] = field(default=())

    def to_json(self) -> dict[str, int]:
        out = {a.value: self.areas[a] for a in Area}
        out["overall"] = self.overall
        return out
