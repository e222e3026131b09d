"""The customer: how anger moves with what the trainee does, which facts come out, what gets said.

The persona reacts to the analyzer's moves, the facts a reply asked for, and its
own memory of the call: what it has said (never the same line twice), what it has
told (asked again, it says so), the response times the trainee named (it never
names one first), pinned promises, apologies heard, beats fired. Each turn it says
one whole utterance: an answer when asked, else its reaction, with a threat or a
scripted beat added only when it pulls the same way. Every random choice goes
through one seeded generator, so the same replies and seed give the same customer.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field

from hotseat.language.formula import repeated_formulas
from hotseat.language.normalize import normalize
from hotseat.moves import Analysis, Lang, MoveKind, Span
from hotseat.scenario.model import Condition, Element, Fact, Mode, Reaction, Scenario

# Base mood changes, before the persona's escalation/calming multipliers.
# Positive is angrier. Tuned so a textbook call settles a difficulty-2 customer
# in four or five replies, and so arguing twice tips a difficulty-5 one over.
RISE = {
    Reaction.RUDE: 26,
    Reaction.DEFEND: 16,
    Reaction.WALK_BACK: 22,
    Reaction.APOLOGY_SPAM: 9,
    Reaction.SCRIPTED: 8,
    Reaction.INTERROGATION: 11,
    Reaction.SILENCE: 10,
    Reaction.CLOSE_REFUSED: 6,
    Reaction.BACKCHANNEL: 4,
    Reaction.UNCLEAR: 3,
    Reaction.QUESTION: 3,
}
FALL = {
    Reaction.EMPATHY: 10,
    Reaction.SUMMARY: 9,
    Reaction.PROMISE: 7,
    Reaction.RASH_PROMISE: 6,  # relief now, trouble later
    Reaction.PREFRAME: 6,
    Reaction.THANKS: 3,
    Reaction.APOLOGY: 4,
    Reaction.ADMISSION: 2,
    Reaction.CLOSE: 0,
}
OWNERSHIP_BONUS = 7  # empathy that comes with a summary, a preframe or a promise
FACT_ANSWERED_FALL = 2  # being asked the right thing is itself calming
INTERRUPTED_VENT_RISE = 5  # soothing before the customer has finished
LISTENED_FALL = 3  # only listening while they vent: being let finish is itself calming
# One reply moves the mood at most this far (times the escalation factor): an insult, an
# argument or a promise taken back can jump, but no pile of well-meant apologies or
# questions takes a customer who was calming down to a hang-up.
REPLY_RISE_CAP = 15
INSULT_RISE_CAP = 40
REPLY_FALL_CAP = 30
ESCALATE_MARGIN = 15  # threats start this far below the hang-up point
ESCALATE_COOLDOWN = 3  # turns between two threats
# Drill intensity multiplies every rise and every fall: a harsher drill customer flares up
# faster and takes more to calm, whatever order the trainee does things in.
DRILL_RISE = {1: 1.0, 2: 1.2, 3: 1.45}
DRILL_CALM = {1: 1.0, 2: 0.9, 3: 0.8}

HOSTILE = frozenset(
    {
        Reaction.RUDE,
        Reaction.DEFEND,
        Reaction.WALK_BACK,
        Reaction.APOLOGY_SPAM,
        Reaction.SCRIPTED,
        Reaction.SILENCE,
    }
)
# When a scenario has no line for a reaction, say the nearest thing it does have.
FALLBACK: dict[Reaction, tuple[Reaction, ...]] = {
    Reaction.VENT: (Reaction.OPENING,),
    Reaction.APOLOGY_SPAM: (Reaction.APOLOGY, Reaction.UNCLEAR),
    Reaction.INTERROGATION: (Reaction.QUESTION, Reaction.UNCLEAR),
    Reaction.RASH_PROMISE: (Reaction.PROMISE, Reaction.UNCLEAR),
    Reaction.WALK_BACK: (Reaction.DEFEND, Reaction.ESCALATE),
    Reaction.CLOSE_REFUSED: (Reaction.ESCALATE, Reaction.UNCLEAR),
    Reaction.CLOSE: (Reaction.THANKS, Reaction.SUMMARY),
    Reaction.SILENCE: (Reaction.BACKCHANNEL, Reaction.UNCLEAR),
    Reaction.ALREADY_TOLD: (Reaction.QUESTION, Reaction.UNCLEAR),
    Reaction.REFUSE: (Reaction.RUDE, Reaction.DEFEND),
    Reaction.SCRIPTED: (Reaction.APOLOGY_SPAM, Reaction.UNCLEAR),
}
# The moves that calm; a reply with none of them fresh is only its formula.
SOOTHERS = frozenset(
    {
        MoveKind.EMPATHY,
        MoveKind.SUMMARY,
        MoveKind.PROMISE,
        MoveKind.PREFRAME,
        MoveKind.THANKS,
        MoveKind.APOLOGY,
    }
)
# Lines that recall the past (how the call opened, the vent, the facts) may name the times
# other agents gave; every other line names a response time only once the trainee has.
RECALLS = frozenset({Reaction.OPENING, Reaction.VENT})
# The last resort when every line for a reaction has been said: short, and fitting anything
# of the same tone, so the customer never repeats itself and never answers off-topic.
LAST_RESORT: dict[Lang, dict[bool, tuple[str, ...]]] = {
    "en": {
        True: ("And?", "Well?", "I'm waiting.", "Is that it?", "So what now?", "Get on with it."),
        False: ("Right.", "Okay.", "Mm.", "Fine.", "All right.", "Fair enough."),
    },
    "zh": {
        True: ("然后呢？", "所以呢？", "我等着呢。", "就这？", "你倒是说啊。", "接下来呢？"),
        False: ("嗯。", "行。", "好吧。", "那行。", "知道了。", "嗯，好。"),
    },
}
_HOURS_WORDS = {
    "twenty-four": 24,
    "twenty four": 24,
    "forty-eight": 48,
    "forty eight": 48,
    "seventy-two": 72,
    "seventy two": 72,
    "二十四": 24,
    "四十八": 48,
    "七十二": 72,
}
# a response time has at most four digits; a longer run of digits names no time
_HOURS = re.compile(
    r"(?<!\d)(\d{1,4}|"
    + "|".join(map(re.escape, _HOURS_WORDS))
    + r")\s*(?:-\s*)?(?:个)?(?:hours?|hrs?|小时)"
)


def time_limits(text: str) -> frozenset[int]:
    """The response times (in hours) a line names: "24 hours", "twenty-four hours", "48小时"."""
    folded = normalize(text).text
    return frozenset(int(n) if n.isdigit() else _HOURS_WORDS[n] for n in _HOURS.findall(folded))


@dataclass(frozen=True, slots=True)
class Heard:
    """What the customer takes in from one reply."""

    analysis: Analysis
    asked: frozenset[str] = frozenset()  # fact ids the reply asked for
    close_attempt: bool = False
    rash: tuple[Span, ...] = ()  # promises the judge flags (PR001-PR004): the customer pins them


@dataclass(frozen=True, slots=True)
class CustomerTurn:
    """The customer's answer to one reply."""

    line: str
    reaction: Reaction
    mood: int
    utterances: tuple[str, ...] = ()  # the whole lines ``line`` is made of, in order
    revealed: tuple[str, ...] = ()  # fact ids told in this line
    refused: tuple[str, ...] = ()  # fact ids asked for and withheld because of the agent's conduct
    venting: bool = False  # still in the first round of venting after this line
    hung_up: bool = False
    accepted_close: bool = False
    # why the mood moved: (what, points) for each part of the reply that counted, and
    # ("capped", points) when one reply's change hit its limit
    causes: tuple[tuple[str, int], ...] = ()


@dataclass(slots=True)
class Memory:
    """What the customer remembers of the call so far."""

    mood: float
    vent_left: int
    apologies: int = 0
    pinned: list[str] = field(default_factory=list)  # rash promises, in the trainee's words
    summarized: bool = False
    revealed: set[str] = field(default_factory=set)
    fired: set[str] = field(default_factory=set)
    last_threat_turn: int = -ESCALATE_COOLDOWN
    said: set[str] = field(default_factory=set)  # every line said this call
    spent: bool = False  # every fitting line has been said: nothing left but to hang up
    hours: set[int] = field(default_factory=set)  # response times the trainee has named
    refused: set[str] = field(default_factory=set)  # fact ids withheld and not told since
    heard: list[Analysis] = field(default_factory=list)  # the trainee's replies so far
    deadline: bool = False  # the trainee has said when they will hear back
    turn: int = 0


class Customer:
    """One scenario's customer for one call: a small state machine over reactions."""

    def __init__(
        self, scenario: Scenario, *, seed: int = 0, mode: Mode = "onboarding", intensity: int = 2
    ) -> None:
        self.scenario = scenario
        self.persona = scenario.persona
        self.mode = mode
        self.intensity = max(1, min(3, intensity))
        self._rng = random.Random(seed)
        self.memory = Memory(mood=float(self.persona.mood), vent_left=self.persona.vent_rounds - 1)
        self._facts = {f.id: f for f in scenario.facts}
        self.opening = self._pick(Reaction.OPENING)

    # -- what the trainee sees -------------------------------------------------

    @property
    def mood(self) -> int:
        return round(self.memory.mood)

    @property
    def venting(self) -> bool:
        return self.memory.vent_left > 0

    def captured(self) -> frozenset[Element]:
        """Key elements now on record: told in answer to a question, or summarized back."""
        out: set[Element] = set()
        for fact in self.scenario.facts:
            if fact.element is None:
                continue
            if fact.id in self.memory.revealed or (fact.volunteered and self.memory.summarized):
                out.add(fact.element)
        return frozenset(out)

    # -- one exchange ------------------------------------------------------------

    def refused_elements(self) -> frozenset[Element]:
        """Key elements the customer withheld because of the agent's conduct and never gave."""
        captured = self.captured()
        return frozenset(
            e
            for fact_id in self.memory.refused
            if (e := self._facts[fact_id].element) is not None and e not in captured
        )

    # -- one exchange ------------------------------------------------------------

    def respond(self, heard: Heard) -> CustomerTurn:
        """React to one reply: choose a reaction, move the mood, say one whole utterance."""
        mem = self.memory
        mem.turn += 1
        a = heard.analysis
        was_venting = self.venting
        silent = not a.text.strip()
        mem.hours |= time_limits(a.text)
        mem.deadline = (
            mem.deadline or bool(mem.hours) or any(m.deadline for m in a.of(MoveKind.PROMISE))
        )

        causes: list[tuple[str, float]] = []
        reaction, delta = self._react(heard, silent, was_venting, causes)
        mem.heard.append(a)

        mem.apologies += a.count(MoveKind.APOLOGY)
        if a.has(MoveKind.SUMMARY) and not self.venting:
            mem.summarized = True

        new = sorted((f for f in heard.asked if f not in mem.revealed), key=self._fact_order)
        told_before = bool(heard.asked) and not new
        answered: list[str] = []
        refused: list[str] = []
        if new and (a.has(MoveKind.RUDE) or a.has(MoveKind.DEFEND)):
            refused = new  # nobody hands their details to an agent who just insulted them
        elif new and reaction is not Reaction.SILENCE:
            answered = new[: 1 if reaction is Reaction.INTERROGATION else 2]
            if not was_venting:
                delta -= FACT_ANSWERED_FALL * self._calm_factor()
                causes.append(("asked_right", -FACT_ANSWERED_FALL * self._calm_factor()))

        hostile = a.has(MoveKind.RUDE) or a.has(MoveKind.DEFEND) or reaction is Reaction.WALK_BACK
        bounded = self._bounded(delta, insult=hostile)
        if bounded != delta:
            causes.append(("capped", bounded - delta))
        self._move_mood(bounded)
        delta = bounded
        if was_venting and reaction is Reaction.VENT:
            mem.vent_left -= 1

        accepted = reaction is Reaction.CLOSE
        parts: list[str] = []
        if accepted:
            parts.append(self._pick(Reaction.CLOSE))
        elif answered:
            for fact_id in answered:
                mem.revealed.add(fact_id)
                mem.refused.discard(fact_id)
                parts.append(self._answer(self._facts[fact_id]))
        elif refused:
            mem.refused.update(refused)
            parts.append(self._pick(Reaction.REFUSE, quote=self._quote(heard, reaction)))
        elif told_before and reaction not in HOSTILE:
            reaction = Reaction.ALREADY_TOLD
            parts.append(self._pick(Reaction.ALREADY_TOLD))
        else:
            chosen = reaction or Reaction.UNCLEAR
            parts.append(self._pick(self._heard_as(chosen), quote=self._quote(heard, reaction)))
        warned = mem.last_threat_turn > 0
        if not accepted:
            parts.extend(self._threats_and_beats(a, reaction, delta, answered=bool(answered)))
        hung_up = self.mood >= self.persona.hang_up_at
        if hung_up and not hostile and not warned:
            # short of an insult, nobody slams the phone down without a warning first
            self.memory.mood = self.persona.hang_up_at - 1.0
            hung_up = False
            if mem.last_threat_turn != mem.turn:
                threat = self._pick(Reaction.ESCALATE)
                mem.last_threat_turn = mem.turn
                parts = [*parts[:1], threat]
        if mem.spent and not accepted:
            hung_up = True
        if hung_up:
            parts = [self._pick(Reaction.HANG_UP) or self._last_words()]
        return self._finish(
            Reaction.HANG_UP if hung_up else reaction or Reaction.UNCLEAR,
            parts,
            revealed=tuple(answered),
            refused=tuple(refused),
            hung_up=hung_up,
            accepted_close=accepted,
            causes=tuple((what, round(points)) for what, points in causes if round(points)),
        )

    def _heard_as(self, reaction: Reaction) -> Reaction:
        """After the vent, an invitation to go on is taken up while the customer has more to say."""
        if reaction is Reaction.BACKCHANNEL and self._fresh(self._lines_for(Reaction.VENT), True):
            return Reaction.VENT
        return reaction

    def _answer(self, fact: Fact) -> str:
        """One fact told, with attitude while the customer is still angry."""
        angry = self.mood > (self.persona.settle_at + self.persona.hang_up_at) / 2
        pools = (fact.angry_lines, fact.lines) if angry else (fact.lines, fact.angry_lines)
        for pool in pools:
            line = self._choose(pool, recalls=True)
            if line:
                return line
        return self._pick(Reaction.ALREADY_TOLD)

    def _react(
        self, heard: Heard, silent: bool, venting: bool, causes: list[tuple[str, float]]
    ) -> tuple[Reaction | None, float]:
        """Pick the one thing the customer answers, and how much the whole reply moves them.

        The line answers the loudest thing in the reply, but the mood counts
        everything in it: three apologies wrapped around a rash promise still
        grate, even while the promise is being written down. Returns None as the
        reaction when the reply only asked for facts: the answer is the line.
        ``causes`` collects what moved the mood and by how much.
        """
        a = heard.analysis
        counts = a.counts()
        rises, calms = self._rise_factor(), self._calm_factor()
        hostile = counts[MoveKind.RUDE] or counts[MoveKind.DEFEND]
        if venting and not hostile and counts[MoveKind.SUMMARY]:
            # their own story said back is proof of listening: the first vent is over
            self.memory.vent_left = 0
            venting = False
        if venting and not hostile:
            if counts[MoveKind.APOLOGY] or counts[MoveKind.EMPATHY]:
                causes.append(("interrupted_vent", INTERRUPTED_VENT_RISE * rises))
                return Reaction.VENT, INTERRUPTED_VENT_RISE * rises
            if a.moves and all(m.kind is MoveKind.BACKCHANNEL for m in a.moves):
                causes.append(("listened", -LISTENED_FALL * calms))
                return Reaction.VENT, -LISTENED_FALL * calms
            return Reaction.VENT, 0.0

        formulas = repeated_formulas(self.memory.heard, a)
        stale = {m.kind for m in formulas}
        # the formula said again soothes no more; said with nothing new, it is a script
        fresh = [m for m in a.moves if m not in formulas and m.kind in SOOTHERS]
        triggers = self._triggers(heard, counts, silent, scripted=bool(formulas) and not fresh)
        spam = any(r is Reaction.APOLOGY_SPAM for r, _ in triggers)
        rash = any(r is Reaction.RASH_PROMISE for r, _ in triggers)
        skipped = set(stale)
        if spam:
            skipped.add(MoveKind.APOLOGY)
        if rash:
            skipped.add(MoveKind.PROMISE)
        soothing = self._soothing(counts, skipped) * calms
        delta = sum(d for _, d in triggers) - soothing
        causes.extend((r.value, d) for r, d in triggers)
        if soothing:
            causes.append(("soothed", -soothing))
        if heard.close_attempt and not triggers:
            # the closing reply itself counts: a good wrap-up can be what settles them,
            # but nobody hangs up without knowing when they will hear back
            settled = self.mood + self._bounded(delta, insult=False) <= self.persona.settle_at
            if settled and self.memory.deadline:
                return Reaction.CLOSE, delta
            # wrapping up with nothing in it grates; a real wrap-up that comes too soon
            # is only turned down
            refused = 0.0 if soothing else RISE[Reaction.CLOSE_REFUSED] * rises
            if refused:
                causes.append((Reaction.CLOSE_REFUSED.value, refused))
            return Reaction.CLOSE_REFUSED, delta + refused
        if triggers:
            return triggers[0][0], delta

        for kind, reaction in (
            (MoveKind.SUMMARY, Reaction.SUMMARY),
            (MoveKind.EMPATHY, Reaction.EMPATHY),
            (MoveKind.PROMISE, Reaction.PROMISE),
            (MoveKind.PREFRAME, Reaction.PREFRAME),
        ):
            if counts[kind] and kind not in stale:
                return (None if heard.asked and kind is MoveKind.PREFRAME else reaction), delta
        if heard.asked:
            return None, delta
        for kind, reaction in (
            (MoveKind.THANKS, Reaction.THANKS),
            (MoveKind.APOLOGY, Reaction.APOLOGY),
        ):
            if counts[kind] and kind not in stale:
                return reaction, delta
        for kind, reaction in (
            (MoveKind.QUESTION, Reaction.QUESTION),
            (MoveKind.BACKCHANNEL, Reaction.BACKCHANNEL),
        ):
            if counts[kind]:
                causes.append((reaction.value, RISE[reaction] * rises))
                return reaction, delta + RISE[reaction] * rises
        causes.append((Reaction.UNCLEAR.value, RISE[Reaction.UNCLEAR] * rises))
        return Reaction.UNCLEAR, delta + RISE[Reaction.UNCLEAR] * rises

    def _triggers(
        self, heard: Heard, counts: Counter[MoveKind], silent: bool, *, scripted: bool
    ) -> list[tuple[Reaction, float]]:
        """Everything in the reply the customer cannot let pass, loudest first, with its cost."""
        a, mem = heard.analysis, self.memory
        rises, calms = self._rise_factor(), self._calm_factor()
        out: list[tuple[Reaction, float]] = []
        if counts[MoveKind.RUDE]:
            out.append((Reaction.RUDE, RISE[Reaction.RUDE] * min(counts[MoveKind.RUDE], 2) * rises))
        if counts[MoveKind.DEFEND]:
            out.append(
                (Reaction.DEFEND, RISE[Reaction.DEFEND] * min(counts[MoveKind.DEFEND], 2) * rises)
            )
        if silent:
            out.append((Reaction.SILENCE, RISE[Reaction.SILENCE] * rises))
        if mem.pinned and a.refusals:
            out.append((Reaction.WALK_BACK, RISE[Reaction.WALK_BACK] * rises))
        fresh = [q for q in (a.quote(span) for span in heard.rash) if q not in mem.pinned]
        if fresh:  # a promise already written down is not news the second time
            mem.pinned.extend(fresh)
            out.append((Reaction.RASH_PROMISE, -FALL[Reaction.RASH_PROMISE] * calms))
        apologies = counts[MoveKind.APOLOGY]
        if apologies >= 2 or (apologies and mem.apologies + apologies > 2):
            spam = RISE[Reaction.APOLOGY_SPAM] * min(apologies, 2) * rises
            out.append((Reaction.APOLOGY_SPAM, spam))
        if scripted:
            out.append((Reaction.SCRIPTED, RISE[Reaction.SCRIPTED] * rises))
        if counts[MoveKind.QUESTION] >= 3:
            out.append((Reaction.INTERROGATION, RISE[Reaction.INTERROGATION] * rises))
        if counts[MoveKind.ADMISSION]:
            out.append((Reaction.ADMISSION, -FALL[Reaction.ADMISSION] * calms))
        return out

    def _soothing(self, counts: Counter[MoveKind], skipped: set[MoveKind]) -> float:
        """How much the constructive part of a reply calms, before the calming factor.

        ``skipped`` kinds already count otherwise (spam, a rash promise) or are a
        formula heard before, so they don't soothe.
        """
        total = 0.0
        for kind, reaction in (
            (MoveKind.EMPATHY, Reaction.EMPATHY),
            (MoveKind.SUMMARY, Reaction.SUMMARY),
            (MoveKind.PROMISE, Reaction.PROMISE),
            (MoveKind.PREFRAME, Reaction.PREFRAME),
            (MoveKind.THANKS, Reaction.THANKS),
            (MoveKind.APOLOGY, Reaction.APOLOGY),
        ):
            if counts[kind] and kind not in skipped:
                total += FALL[reaction]
        owns = counts[MoveKind.SUMMARY] or counts[MoveKind.PREFRAME] or counts[MoveKind.PROMISE]
        if counts[MoveKind.EMPATHY] and MoveKind.EMPATHY not in skipped and owns:
            total += OWNERSHIP_BONUS
        return total

    def _bounded(self, delta: float, *, insult: bool) -> float:
        """One reply's change within its limits: an insult may jump, nothing else may."""
        rises = self._rise_factor()
        cap = (INSULT_RISE_CAP if insult else REPLY_RISE_CAP) * rises
        return max(-REPLY_FALL_CAP * self._calm_factor(), min(cap, delta))

    def _calm_factor(self) -> float:
        factor = self.persona.calming
        if self.mode == "drill":
            factor *= DRILL_CALM[self.intensity]
        return factor

    def _rise_factor(self) -> float:
        factor = self.persona.escalation
        if self.mode == "drill":
            factor *= DRILL_RISE[self.intensity]
        return factor

    def _move_mood(self, delta: float) -> None:
        self.memory.mood = max(0.0, min(100.0, self.memory.mood + delta))

    def _threats_and_beats(
        self, a: Analysis, reaction: Reaction | None, delta: float, *, answered: bool
    ) -> list[str]:
        """Lines the situation adds to the reply, only when they pull the same way.

        A scripted beat comes first; otherwise a threat follows a reply that made
        things worse and got no answer. A beat that angers needs an angering reply,
        one that calms a calming one, so a line never praises the agent and then
        demands a supervisor; and at most one line is added, so the customer answers
        rather than delivering a monologue.
        """
        mem = self.memory
        out: list[str] = []
        for beat in self.scenario.beats:
            if out or (beat.once and beat.id in mem.fired):
                continue  # one line added a turn at most: a reply, not a monologue
            pleased = delta < 0 and reaction not in HOSTILE and reaction not in RISE
            agrees = (beat.mood > 0 and delta > 0) or (beat.mood < 0 and pleased) or not beat.mood
            if agrees and self._holds(beat.when, a, reaction):
                line = self._choose(beat.lines)
                if line:
                    mem.fired.add(beat.id)
                    self._move_mood(float(beat.mood))
                    out.append(line)
        threat_at = self.persona.hang_up_at - ESCALATE_MARGIN
        if (
            not out
            and delta > 0
            and not answered
            and self.mood >= threat_at
            and mem.turn - mem.last_threat_turn >= ESCALATE_COOLDOWN
            and Reaction.ESCALATE in self.scenario.lines
        ):
            threat = self._pick(Reaction.ESCALATE, fallback=False)
            if threat:
                mem.last_threat_turn = mem.turn
                out.append(threat)
        return out

    def _holds(self, when: Condition, a: Analysis, reaction: Reaction | None) -> bool:
        mood, turn = self.mood, self.memory.turn
        checks = (
            when.mood_at_least is None or mood >= when.mood_at_least,
            when.mood_at_most is None or mood <= when.mood_at_most,
            when.turn_at_least is None or turn >= when.turn_at_least,
            when.move is None or any(m.kind.value == when.move for m in a.moves),
            when.reaction is None or when.reaction is reaction,
        )
        return all(checks)

    def _finish(
        self,
        reaction: Reaction,
        parts: list[str],
        *,
        revealed: tuple[str, ...] = (),
        refused: tuple[str, ...] = (),
        hung_up: bool = False,
        accepted_close: bool = False,
        causes: tuple[tuple[str, int], ...] = (),
    ) -> CustomerTurn:
        sep = "" if self.scenario.lang == "zh" else " "
        said = tuple(p.strip() for p in parts if p.strip())
        return CustomerTurn(
            line=sep.join(said),
            utterances=said,
            reaction=reaction,
            mood=self.mood,
            revealed=revealed,
            refused=refused,
            venting=self.venting,
            hung_up=hung_up,
            accepted_close=accepted_close,
            causes=causes,
        )

    # -- choosing words ------------------------------------------------------------

    def _quote(self, heard: Heard, reaction: Reaction | None) -> str:
        """The trainee's words the customer throws back at them."""
        a = heard.analysis
        if reaction is Reaction.WALK_BACK and self.memory.pinned:
            return self.memory.pinned[-1]
        kind = (
            {
                Reaction.RUDE: MoveKind.RUDE,
                Reaction.DEFEND: MoveKind.DEFEND,
                Reaction.ADMISSION: MoveKind.ADMISSION,
                Reaction.RASH_PROMISE: MoveKind.PROMISE,
                Reaction.APOLOGY_SPAM: MoveKind.APOLOGY,
            }.get(reaction)
            if reaction
            else None
        )
        moves = a.of(kind) if kind else ()
        if reaction is Reaction.RASH_PROMISE and self.memory.pinned:
            return self.memory.pinned[-1]
        return a.quote(moves[0]) if moves else a.text.strip()[:40]

    def _pick(self, reaction: Reaction, quote: str = "", *, fallback: bool = True) -> str:
        """A line not yet said for a reaction, or the nearest reaction's, drill lines first.

        With ``fallback``, a customer who has used up every fitting line says a short
        one of the same tone rather than repeat themselves.
        """
        recalls = reaction in RECALLS
        for candidate in (reaction, *FALLBACK.get(reaction, ())):
            for lines in self._tables(candidate):
                line = self._choose(lines, recalls=recalls)
                if line:
                    return line.replace("{quote}", quote) if "{quote}" in line else line
        if not fallback:
            return ""
        hostile = reaction in HOSTILE or reaction in RISE
        line = self._choose(list(LAST_RESORT[self.scenario.lang][hostile]))
        if not line:
            # a call that has gone round in circles until the customer has nothing left to
            # say: rather than repeat themselves, they end it
            self.memory.spent = True
        return line

    def _last_words(self) -> str:
        """Hanging up when every hang-up line has already been said (a very long call)."""
        return (
            "我不想再说了，再见。"
            if self.scenario.lang == "zh"
            else "I've nothing more to say. Goodbye."
        )

    def _tables(self, reaction: Reaction) -> list[list[str]]:
        out = []
        if self.mode == "drill" and self.intensity >= 2:
            out.append(self.scenario.drill_lines.get(reaction, []))
        out.append(self.scenario.lines.get(reaction, []))
        return out

    def _lines_for(self, reaction: Reaction) -> list[str]:
        return [line for table in self._tables(reaction) for line in table]

    def _fresh(self, lines: list[str], recalls: bool) -> list[str]:
        """Lines not yet said that name no response time the trainee has not given."""
        mem = self.memory
        return [
            line
            for line in lines
            if line not in mem.said and (recalls or time_limits(line) <= mem.hours)
        ]

    def _choose(self, lines: list[str], *, recalls: bool = False) -> str:
        """A seeded choice among the fresh lines; "" when every one has been said."""
        pool = self._fresh(lines, recalls)
        if not pool:
            return ""
        line = pool[self._rng.randrange(len(pool))]
        self.memory.said.add(line)
        return line

    def _fact_order(self, fact_id: str) -> int:
        return [f.id for f in self.scenario.facts].index(fact_id)
