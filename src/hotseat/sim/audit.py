"""What a listening customer must never do, checked on every simulated turn.

Three faults a trainee notices at once: the same line twice in one call, a
response time the trainee never gave, and a question answered with something
else. The audit reads the session's own records (the analysed reply, the facts
it asked for, the customer's utterances), so it judges the customer, not the
simulated trainee's wording.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hotseat.moves import MoveKind
from hotseat.persona import time_limits
from hotseat.scenario.model import Reaction, Scenario
from hotseat.session import TurnResult


def recalled_lines(scenario: Scenario) -> frozenset[str]:
    """Lines that tell the past (opening, vent, facts): they may quote times others gave."""
    out: set[str] = set()
    for table in (scenario.lines, scenario.drill_lines):
        for reaction in (Reaction.OPENING, Reaction.VENT):
            out.update(line.strip() for line in table.get(reaction, []))
    for fact in scenario.facts:
        out.update(line.strip() for line in (*fact.lines, *fact.angry_lines))
    return frozenset(out)


@dataclass(slots=True)
class Audit:
    """One call's faults, turn by turn."""

    scenario: Scenario
    recalled: frozenset[str] = frozenset()
    said: set[str] = field(default_factory=set)
    hours: set[int] = field(default_factory=set)
    repeated: list[str] = field(default_factory=list)
    invented_times: list[str] = field(default_factory=list)
    off_topic: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.recalled = recalled_lines(self.scenario)

    @property
    def problems(self) -> int:
        return len(self.repeated) + len(self.invented_times) + len(self.off_topic)

    def opening(self, line: str) -> None:
        self.said.add(line.strip())

    def turn(self, result: TurnResult) -> None:
        reply, customer = result.reply, result.customer
        self.hours |= time_limits(reply.text)
        for utterance in customer.utterances:
            if utterance in self.said:
                self.repeated.append(utterance)
            self.said.add(utterance)
            if utterance not in self.recalled and not time_limits(utterance) <= self.hours:
                self.invented_times.append(utterance)
        a = reply.analysis
        conduct = a.has(MoveKind.RUDE) or a.has(MoveKind.DEFEND)
        # an accepted close held no question, so a fact's words in it asked for nothing
        if reply.asked and not conduct and not reply.silent and not customer.accepted_close:
            answered = customer.revealed or customer.reaction is Reaction.ALREADY_TOLD
            if not (answered or customer.hung_up):
                self.off_topic.append(f"{reply.text} -> {customer.line}")
