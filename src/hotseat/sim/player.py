"""Play one simulated trainee through one call, and many calls into a table.

The trainee hears what a real agent hears (whether the customer is still
venting, what has been told, whether a close was accepted) and nothing of the
customer's inner numbers. Every choice comes from a generator seeded by the
scenario, policy and call number, so a table replays exactly.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from hotseat.conversation import Outcome
from hotseat.scenario.model import Element, Mode, Scenario
from hotseat.session import Session
from hotseat.sim.audit import Audit
from hotseat.sim.bank import POLICIES, Case, Policy, PolicyName, bank, cases

ASKS_PER_ELEMENT = 2  # a trainee asks for the same thing at most this often, then moves on


@dataclass(slots=True)
class Trainee:
    """One policy playing one call: remembers what it has said and where it is in the call."""

    policy: Policy
    case: Case
    hours: str
    rng: random.Random
    sep: str  # between sentences: a space in English, nothing in Chinese
    listens: int = 0
    listened: int = 0
    soothed: bool = False
    announced: bool = False
    proposed: bool = False
    closing: bool = False  # the last reply tried to close
    asked: dict[Element, int] = field(default_factory=dict)
    said: set[str] = field(default_factory=set)

    openings: list[int] = field(default_factory=list)  # listening replies to draw from

    def __post_init__(self) -> None:
        self.listens = self.rng.choice(self.openings or self.policy.listens)

    def reply(self, session: Session) -> str:
        """The next reply, from what the call sounds like now."""
        refused_close, self.closing = self.closing, False
        if self.listened < self.listens and session.customer.venting:
            self.listened += 1
            return self._say(self.policy.listen)
        if not self.soothed:
            self.soothed = True
            return self._say(self.policy.soothe)
        if refused_close:
            return self._say(self.policy.recover)
        missing = self._missing(session)
        if missing:
            return self._ask(missing[: self.policy.batch])
        if not self.proposed:
            self.proposed = True
            return self._say(self.policy.propose)
        self.closing = True
        return self._say(self.policy.close)

    def _missing(self, session: Session) -> list[Element]:
        captured = session.customer.captured()
        return [
            e
            for e in session.scenario.elements()
            if e not in captured
            and e in self.policy.ask
            and self.asked.get(e, 0) < ASKS_PER_ELEMENT
        ]

    def _ask(self, elements: list[Element]) -> str:
        parts = []
        if self.policy.announce and not self.announced:
            self.announced = True
            parts.append(self._say(self.policy.announce))
        for element in elements:
            self.asked[element] = self.asked.get(element, 0) + 1
            parts.append(self._say(self.policy.ask[element]))
        return self.sep.join(parts)

    def _say(self, lines: list[str]) -> str:
        """A line not yet said this call (any, once they are all used), with its blanks filled."""
        fresh = [line for line in lines if line not in self.said] or lines
        line = fresh[self.rng.randrange(len(fresh))]
        self.said.add(line)
        return self._fill(line)

    def _fill(self, line: str) -> str:
        for key, options in (
            ("{summary}", self.case.summary),
            ("{who}", self.case.who),
            ("{promise}", self.case.promise),
        ):
            if key in line:
                line = line.replace(key, options[self.rng.randrange(len(options))])
        return line.replace("{hours}", self.hours)


@dataclass(frozen=True, slots=True)
class SimCall:
    """One simulated call, kept whole so tests can read every line of it."""

    scenario: str
    policy: PolicyName
    index: int
    outcome: Outcome
    score: int
    opening: int  # listening replies the trainee gave before soothing
    transcript: tuple[tuple[str, str], ...]
    repeated: tuple[str, ...] = ()  # customer lines said twice in the call
    invented_times: tuple[str, ...] = ()  # customer lines naming a time the trainee never gave
    off_topic: tuple[str, ...] = ()  # questions answered with something else


def default_mode(scenario: Scenario) -> Mode:
    """The mode a scenario is first offered in: the drill for the go-live drill."""
    return scenario.modes[0]


def play_call(
    scenario: Scenario,
    policy: PolicyName,
    index: int,
    *,
    seed: int = 0,
    mode: Mode | None = None,
    intensity: int = 2,
) -> SimCall:
    """Play call number ``index`` of one policy against one scenario, to the end."""
    rng = random.Random(f"{seed}:{scenario.key}:{policy}:{index}")
    case = cases(scenario.lang)[scenario.id]
    trainee = Trainee(
        bank(scenario.lang).policies[policy],
        case,
        f"{scenario.policy.response_hours:g}",
        rng,
        "" if scenario.lang == "zh" else " ",
        openings=case.listens.get(policy, []),
    )
    session = Session(
        scenario,
        seed=seed * 1_000_003 + index,
        mode=mode or default_mode(scenario),
        intensity=intensity,
    )
    audit = Audit(scenario)
    audit.opening(session.customer.opening)
    while not session.ended:
        for turn in session.reply(trainee.reply(session)):
            audit.turn(turn)
    result = session.result()
    assert result.outcome is not None
    return SimCall(
        scenario=scenario.key,
        policy=policy,
        index=index,
        outcome=result.outcome,
        score=result.scores.overall,
        opening=trainee.listened,
        transcript=result.transcript,
        repeated=tuple(audit.repeated),
        invented_times=tuple(audit.invented_times),
        off_topic=tuple(audit.off_topic),
    )


@dataclass(frozen=True, slots=True)
class Row:
    """One policy on one scenario over many calls."""

    scenario: str
    policy: PolicyName
    calls: int
    resolved: float
    hung_up: float
    ran_out: float
    score: float
    winning_openings: tuple[int, ...]  # listening replies before soothing, in resolved calls
    repeated: int = 0  # customer lines said twice within a call, over all calls
    invented_times: int = 0
    off_topic: int = 0


def tally(calls: list[SimCall]) -> Row:
    n = len(calls)

    def share(outcome: Outcome) -> float:
        return sum(c.outcome == outcome for c in calls) / n

    return Row(
        scenario=calls[0].scenario,
        policy=calls[0].policy,
        calls=n,
        resolved=share("resolved"),
        hung_up=share("hung_up"),
        ran_out=share("turn_limit"),
        score=sum(c.score for c in calls) / n,
        winning_openings=tuple(sorted({c.opening for c in calls if c.outcome == "resolved"})),
        repeated=sum(len(c.repeated) for c in calls),
        invented_times=sum(len(c.invented_times) for c in calls),
        off_topic=sum(len(c.off_topic) for c in calls),
    )


def simulate(
    scenario: Scenario,
    calls: int,
    *,
    seed: int = 0,
    policies: tuple[PolicyName, ...] = POLICIES,
    mode: Mode | None = None,
    intensity: int = 2,
) -> list[Row]:
    """Every policy, ``calls`` times each, against one scenario."""
    return [
        tally(
            [
                play_call(scenario, p, i, seed=seed, mode=mode, intensity=intensity)
                for i in range(calls)
            ]
        )
        for p in policies
    ]
