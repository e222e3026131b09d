"""LiveCall: the event log folded into a judged call, and the rules of who may write what, when.

Every seat folds the same log with the same scenario and seed, so every seat sees
the same call. An event the rules refuse (a reply while the customer is due, a
line after the end) is kept in the log but changes nothing, on every seat alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from hotseat.conversation import OUTCOMES, Outcome
from hotseat.live.events import WRITES, Event, Kind, Seat
from hotseat.live.session import LiveSession
from hotseat.rules import Rulebook
from hotseat.scenario.model import Scenario
from hotseat.session import TurnResult


@dataclass(frozen=True, slots=True)
class Said:
    """A customer line as said after the trainee's ``turn`` (0: the opening), and by whom:
    the script's suggestion as it was (script), edited, the instructor's own, or a drill line."""

    turn: int
    note: str
    line: str


@dataclass(frozen=True, slots=True)
class Applied:
    """What one event did, for a seat to show; ``refused`` names the rule it broke."""

    event: Event
    refused: str | None = None
    result: TurnResult | None = None  # a reply or a timeout, as judged
    said: str | None = None  # a customer line now said (by the instructor or the script)
    ended: Outcome | None = None  # the call ended with this event


class LiveCall:
    """One live call, built up one event at a time."""

    def __init__(
        self,
        scenario: Scenario,
        *,
        seed: int = 0,
        intensity: int = 2,
        clock_seconds: float = 30.0,
        trainee: str | None = None,
        rulebook: Rulebook | None = None,
    ) -> None:
        self.session = LiveSession(
            scenario,
            seed=seed,
            intensity=intensity,
            clock_seconds=clock_seconds,
            rulebook=rulebook,
        )
        self.trainee = trainee  # named by the host, or by whoever joins first
        self.joined = False
        self.closed: Event | None = None  # the END event, once written
        self.events: list[Event] = []
        self.said: list[Said] = []  # every customer line, in order

    @property
    def next_seq(self) -> int:
        return len(self.events) + 1

    @property
    def over(self) -> bool:
        """No more lines: the session has ended, whether or not the END is in the log yet."""
        return self.closed is not None or self.session.ended

    @property
    def trainee_due(self) -> bool:
        return self.joined and not self.over and not self.session.customer_due

    @property
    def stepped_out(self) -> bool:
        return self.closed is not None and self.closed.seat == "trainee" and bool(self.closed.value)

    def refusal(self, seat: Seat, kind: Kind, text: str = "") -> str | None:
        """Why ``seat`` may not write ``kind`` now (an i18n key), or None when it may."""
        if kind not in WRITES[seat]:
            return "live.refused.seat"
        if kind is Kind.END:
            return "live.refused.ended" if self.closed is not None else None
        if self.over:
            return "live.refused.ended"
        if kind is Kind.JOIN:
            if self.joined and text != self.trainee:
                return "live.refused.taken"
            if self.trainee is not None and text != self.trainee:
                return "live.refused.not_you"
            return None
        if kind in (Kind.REPLY, Kind.TIMEOUT) and not self.trainee_due:
            return "live.refused.wait"
        return None

    def apply(self, event: Event) -> Applied:
        """Fold one event in; events must come in log order."""
        if event.seq != self.next_seq:
            raise ValueError(f"event {event.seq} out of order: expected {self.next_seq}")
        self.events.append(event)
        refused = self.refusal(event.seat, event.kind, event.text)
        if refused is not None:
            return Applied(event, refused=refused)
        s = self.session
        match event.kind:
            case Kind.JOIN:
                self.joined, self.trainee = True, event.text
            case Kind.SAY:
                s.say(event.text)
                self.said.append(Said(s.turn, event.note, event.text))
                return Applied(event, said=event.text)
            case Kind.REPLY | Kind.TIMEOUT:
                text = event.text if event.kind is Kind.REPLY else None
                result = s.exchange(text, event.value)
                said = None if s.customer_due else result.customer.line
                if said is not None:
                    self.said.append(Said(s.turn, "script", said))
                return Applied(event, result=result, said=said, ended=s.outcome)
            case Kind.MOOD:
                s.nudge(event.value or 0.0)
            case Kind.FACT:
                s.reveal(event.text, bool(event.value))
            case Kind.HANDOVER:
                due = s.suggestion
                s.hand_over()
                if due is not None:
                    self.said.append(Said(s.turn, "script", due))
                return Applied(event, said=due, ended=s.outcome)
            case Kind.TAKEBACK:
                s.take_back()
            case Kind.END:
                self.closed = event
                if not s.ended:
                    s.finish(_outcome(event.text))
                return Applied(event, ended=s.outcome)
        return Applied(event)

    def replay(self, events: list[Event]) -> list[Applied]:
        """Fold every event not yet seen (the log may be read again from the start)."""
        return [self.apply(e) for e in events if e.seq >= self.next_seq]


def _outcome(text: str) -> Outcome:
    for outcome in OUTCOMES:
        if outcome == text:
            return outcome
    return "abandoned"
