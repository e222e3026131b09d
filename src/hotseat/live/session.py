"""LiveSession: the ordinary Session, with an instructor's words in place of the script's.

Every reply is still read, judged and answered by the scripted customer, so the
instructor sees the script's suggested line and mood; the line the call goes on
with is the one the instructor says. While the instructor holds the call the
script's own ending (hang-up, accepted close, turn limit) is only a suggestion:
the instructor ends the call. Handed over to the script, it is the ordinary call.
"""

from __future__ import annotations

from dataclasses import replace

from hotseat.conversation import Outcome
from hotseat.rules import Rulebook
from hotseat.scenario.model import Scenario
from hotseat.session import Session, SessionEnded, TurnResult, Utterance

MOOD_MIN, MOOD_MAX = 0.0, 100.0


class LiveSession(Session):
    """One live call's judged state; changed only by the fold in ``hotseat.live.call``."""

    def __init__(
        self,
        scenario: Scenario,
        *,
        seed: int = 0,
        intensity: int = 2,
        rulebook: Rulebook | None = None,
        clock_seconds: float = 30.0,
    ) -> None:
        super().__init__(
            scenario,
            seed=seed,
            mode="drill",
            intensity=intensity,
            rulebook=rulebook,
            clock_seconds=clock_seconds,
        )
        self.host_holds = True
        self.script_would: Outcome | None = None  # how the script would have ended it by now
        self.exchanges: list[TurnResult] = []  # with the customer lines actually said
        # Nothing is said until the customer speaks: the opening is a suggestion like any other.
        self.suggestion: str | None = self.transcript.pop().text
        self._closing = False

    @property
    def customer_due(self) -> bool:
        """The trainee has spoken (or the call is opening) and the customer has not answered."""
        return self.suggestion is not None

    def exchange(self, text: str | None, seconds: float | None = None) -> TurnResult:
        """One reply (None: the reply clock ran out); the script's answer waits as a suggestion."""
        if self.ended:
            raise SessionEnded(self.outcome)
        self.script_would = None
        if text is None:
            result = self._exchange("", self.clock_seconds)
        else:
            result = self._exchange(text, seconds)
        self.suggestion = self.transcript.pop().text
        self.exchanges.append(result)
        if not self.host_holds:
            self.say(self.suggestion)
        return result

    def reply(self, text: str, seconds: float | None = None) -> list[TurnResult]:
        """A late reply is just late here: the instructor, not the script, fills dead air."""
        return [self.exchange(text, seconds)]

    def timeout(self) -> TurnResult:
        return self.exchange(None)

    def say(self, line: str) -> None:
        """The customer speaks: the answer that was due, or more words on top of the last."""
        turn = self.turn
        if self.suggestion is not None:
            self.suggestion = None
            self.transcript.append(Utterance("customer", line, turn))
            if self.exchanges:
                last = self.exchanges[-1]
                self.exchanges[-1] = replace(last, customer=replace(last.customer, line=line))
            return
        sep = "" if self.scenario.lang == "zh" else " "
        before = self.transcript[-1]
        self.transcript[-1] = Utterance("customer", f"{before.text}{sep}{line}", before.turn)
        if self.exchanges:
            last = self.exchanges[-1]
            said = f"{last.customer.line}{sep}{line}"
            self.exchanges[-1] = replace(last, customer=replace(last.customer, line=said))

    def hand_over(self) -> None:
        """The script answers from now on, starting with any answer that is due."""
        self.host_holds = False
        if self.suggestion is not None:
            self.say(self.suggestion)
            if self.script_would is not None:  # the answer due was the script's last word
                self.finish(self.script_would)

    def take_back(self) -> None:
        self.host_holds = True

    def nudge(self, points: float) -> None:
        """The instructor's reading of the customer overrides the script's from here on."""
        memory = self.customer.memory
        memory.mood = max(MOOD_MIN, min(MOOD_MAX, memory.mood + points))
        if self.moods:
            self.moods[-1] = self.customer.mood

    def reveal(self, fact_id: str, revealed: bool = True) -> None:
        """A fact the instructor has told: the key-element rules count it as captured."""
        if fact_id not in {f.id for f in self.scenario.facts}:
            return
        if revealed:
            self.customer.memory.revealed.add(fact_id)
        else:
            self.customer.memory.revealed.discard(fact_id)

    def finish(self, outcome: Outcome) -> None:
        """End the call now, judged as ending this way."""
        if self.ended:
            return
        self._closing = True
        self._end(outcome)

    def _end(self, outcome: Outcome) -> None:
        if self.host_holds and not self._closing:
            self.script_would = outcome
            return
        super()._end(outcome)
