"""One conversation: trainee replies in; findings, the customer's next line and a scorecard out.

The TUI and the CLI are both thin shells over this object. It holds no I/O and
no clock of its own: the caller says how long a reply took, and a drill timeout
is just a reply that came too late, so a whole call replays identically from its
transcript and seed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from hotseat.conversation import Call, Finding, Outcome, Reply
from hotseat.facts import FactIndex
from hotseat.hints import Phase, hint
from hotseat.language import Analyzer, analyze
from hotseat.moves import Analysis, MoveKind, Span
from hotseat.persona import Customer, CustomerTurn, Heard
from hotseat.rules import Judge, Rulebook, score
from hotseat.rules.praise import Praise, praise, praise_for
from hotseat.scenario.model import Fact, Mode, Scenario
from hotseat.scorecard import SessionResult

Speaker = Literal["customer", "trainee"]
DEFAULT_CLOCK_SECONDS = 30.0
RASH_PROMISE_RULES = ("PR001", "PR002", "PR003", "PR004")  # guarantee, beyond policy, too soon


@dataclass(frozen=True, slots=True)
class Utterance:
    """One line of the transcript. ``turn`` 0 is the customer's opening."""

    speaker: Speaker
    text: str
    turn: int


@dataclass(frozen=True, slots=True)
class TurnResult:
    """What one reply led to, for the shell to show."""

    reply: Reply
    findings: tuple[Finding, ...]
    customer: CustomerTurn
    outcome: Outcome | None
    praise: tuple[Praise, ...] = ()  # what the reply did well, for its card

    @property
    def ended(self) -> bool:
        return self.outcome is not None


def is_close_attempt(analysis: Analysis) -> bool:
    """Thanks plus a commitment or a recap, and no question: the trainee is wrapping up."""
    wraps = analysis.has(MoveKind.PROMISE) or analysis.has(MoveKind.SUMMARY)
    return analysis.has(MoveKind.THANKS) and wraps and not analysis.has(MoveKind.QUESTION)


class Session:
    """A call between one trainee and one scenario's customer."""

    def __init__(
        self,
        scenario: Scenario,
        *,
        seed: int = 0,
        mode: Mode = "onboarding",
        intensity: int = 2,
        rulebook: Rulebook | None = None,
        clock_seconds: float = DEFAULT_CLOCK_SECONDS,
    ) -> None:
        self.scenario = scenario
        self.seed = seed
        self.mode: Mode = mode
        self.clock_seconds = clock_seconds
        base = rulebook or Rulebook.default()
        self.rulebook = (
            base.configured(ignore=tuple(scenario.ignore), scenario=True)
            if scenario.ignore
            else base
        )
        overrides = self.rulebook.lexicon_overrides
        self._analyzer = Analyzer(overrides) if overrides else None
        self._judge = Judge(self.rulebook)
        # The customer holds the agent to every promise the promise rules call rash, whatever
        # rules this run reports: selecting rules changes the scorecard, not the customer.
        self._rash = Judge(Rulebook.default().configured(select=RASH_PROMISE_RULES))
        self._facts = FactIndex(scenario.facts, scenario.lang)
        self.customer = Customer(scenario, seed=seed, mode=mode, intensity=intensity)
        self.transcript: list[Utterance] = [Utterance("customer", self.customer.opening, 0)]
        self.replies: list[Reply] = []
        self.findings: list[Finding] = []
        self.moods: list[int] = []
        self.outcome: Outcome | None = None
        self.close_turn: int | None = None
        self.close_refused = False  # the trainee tried to close and the customer would not

    # -- the call ---------------------------------------------------------------

    @property
    def ended(self) -> bool:
        return self.outcome is not None

    @property
    def turn(self) -> int:
        """The number of trainee replies so far."""
        return len(self.replies)

    @property
    def mood(self) -> int:
        return self.customer.mood

    def reply(self, text: str, seconds: float | None = None) -> list[TurnResult]:
        """Take one trainee reply; returns one result, or two when a drill clock ran out first.

        In drill mode a reply slower than the clock is heard only after the
        customer has already reacted to the dead air.
        """
        if self.ended:
            raise SessionEnded(self.outcome)
        results: list[TurnResult] = []
        if self.mode == "drill" and seconds is not None and seconds > self.clock_seconds:
            results.append(self._exchange("", self.clock_seconds))
            if self.ended:
                return results
        results.append(self._exchange(text, seconds))
        return results

    def timeout(self) -> TurnResult:
        """The reply clock ran out with nothing said."""
        if self.ended:
            raise SessionEnded(self.outcome)
        return self._exchange("", self.clock_seconds)

    def say(self, line: str) -> None:
        """The customer's answer to the last reply, as actually said, in place of the script's.

        The script still reads and reacts to every reply (mood, facts, ending); only the
        words the call goes on with change, and the judge reads the next reply against
        them. A live drill's instructor speaks through this, and a stored transcript is
        replayed through it so the call judged is the call that was read.
        """
        last = self.transcript[-1]
        self.transcript[-1] = Utterance("customer", line, last.turn)

    def abandon(self) -> None:
        """The trainee ends the call: "unresolved" when the customer had refused their close
        (the trainee did not walk away; the customer would not settle), else "abandoned"."""
        if not self.ended:
            self._end("unresolved" if self.close_refused else "abandoned")

    def _exchange(self, text: str, seconds: float | None) -> TurnResult:
        analysis = self._analyze(text)
        venting = self.customer.venting
        reply = Reply(
            turn=self.turn + 1,
            text=text,
            analysis=analysis,
            venting=venting,
            # a fact's words inside a recap or a commitment ("I'm escalating your repair
            # ticket") restate or promise; they ask for nothing
            asked=self._facts.asked(
                text, (*analysis.of(MoveKind.SUMMARY), *analysis.of(MoveKind.PROMISE))
            ),
            customer_before=self.transcript[-1].text,
            seconds=seconds,
        )
        self.replies.append(reply)
        call = self.call()
        found = tuple(self._judge.reply(call))
        rash = tuple(Span(f.start, f.end) for f in self._rash.reply(self.call()))
        close = not venting and reply.turn >= 2 and is_close_attempt(analysis)
        customer = self.customer.respond(
            Heard(analysis, reply.asked, close_attempt=close, rash=rash)
        )
        self.transcript.append(Utterance("trainee", text, reply.turn))
        self.transcript.append(Utterance("customer", customer.line, reply.turn))
        self.moods.append(customer.mood)
        if customer.accepted_close:
            self.close_turn = reply.turn
        elif close:
            self.close_refused = True
        self.findings.extend(found)
        if customer.hung_up:
            self._end("hung_up")
        elif customer.accepted_close:
            self._end("resolved")
        elif reply.turn >= self.scenario.max_turns:
            self._end("turn_limit")
        return TurnResult(reply, found, customer, self.outcome, praise_for(call, self.rulebook))

    def _analyze(self, text: str) -> Analysis:
        if self._analyzer is not None:
            return self._analyzer.analyze(text, self.scenario.lang)
        return analyze(text, self.scenario.lang)

    def _end(self, outcome: Outcome) -> None:
        self.outcome = outcome
        self.findings.extend(self._judge.close(self.call()))

    # -- what the judge and the shells read -----------------------------------------

    def call(self) -> Call:
        """The conversation as the judge sees it."""
        return Call(
            lang=self.scenario.lang,
            replies=tuple(self.replies),
            policy=self.scenario.policy,
            elements=self.scenario.elements(),
            captured=self.customer.captured(),
            outcome=self.outcome,
            close_turn=self.close_turn,
            refused=self.customer.refused_elements(),
        )

    def phase(self) -> Phase:
        """Where the call stands in the order trainers teach."""
        if self.customer.venting:
            return Phase.LISTEN
        soothed = any(
            r.analysis.has(MoveKind.EMPATHY) or r.analysis.has(MoveKind.SUMMARY)
            for r in self.replies
            if not r.venting
        )
        if not soothed:
            return Phase.SOOTHE
        if self._next_fact() is not None:
            return Phase.ASK
        return Phase.CLOSE

    def hint(self) -> str:
        """A model phrasing for the current phase, in the scenario's language."""
        return hint(self.phase(), self.scenario.lang, self.scenario.policy, self._next_fact())

    def _next_fact(self) -> Fact | None:
        captured = self.customer.captured()
        for fact in self.scenario.facts:
            if fact.element is not None and fact.element not in captured:
                return fact
        return None

    def result(self) -> SessionResult:
        """The scorecard: final once the call has ended, provisional before."""
        call = self.call()
        return SessionResult(
            scenario=self.scenario.key,
            title=self.scenario.title,
            lang=self.scenario.lang,
            mode=self.mode,
            seed=self.seed,
            outcome=self.outcome,
            scores=score(call, self.findings, self.rulebook),
            findings=tuple(self.findings),
            elements={e: e in call.captured for e in call.elements},
            mood_start=self.scenario.persona.mood,
            moods=tuple(self.moods),
            transcript=tuple((u.speaker, u.text) for u in self.transcript),
            praise=praise(call, self.rulebook),
        )

    def restore(self, replies: list[tuple[str, float | None]]) -> None:
        """Replay saved replies (e.g. after a crash) to rebuild the exact state."""
        for text, seconds in replies:
            if self.ended:
                break
            self._exchange(text, seconds)


class SessionEnded(RuntimeError):
    """A reply arrived after the call was over: a bug in the shell, not the trainee's fault."""

    def __init__(self, outcome: Outcome | None) -> None:
        super().__init__(f"the call has already ended ({outcome})")
        self.outcome = outcome
