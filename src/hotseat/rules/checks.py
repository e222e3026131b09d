"""The check behind each rule: pure functions from a call to the evidence that a rule was broken.

A check never writes words for the trainee: it returns `Evidence` (which reply,
which stretches of it, a few values for the message) and the judge turns that
into a localized finding. Reply checks judge the last reply in the light of the
history; close checks judge the whole call once it has ended. Each check's
docstring states its exact trigger; the rule docs in ``data/rules.yaml`` say the
same thing for trainers.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import accumulate
from types import MappingProxyType
from typing import NamedTuple, TypeVar

from hotseat.conversation import Call, Reply
from hotseat.language import normalize
from hotseat.language.formula import repeated_formulas
from hotseat.moves import Lang, Move, MoveKind, Span
from hotseat.rules.phrases import PhraseKind, Phrases
from hotseat.scenario.model import Policy

T = TypeVar("T")
S = TypeVar("S", Move, Span)

SOOTHING = (MoveKind.APOLOGY, MoveKind.EMPATHY)
EMPATHY_ONLY = frozenset({MoveKind.EMPATHY})
HELPING = (MoveKind.PROMISE, MoveKind.PREFRAME, MoveKind.QUESTION, MoveKind.SUMMARY)
SENTENCE_ENDS = frozenset("。！？!?；;\n")
PERMITTED_LIKENESS = 0.6  # how closely a sentence must follow a permitted promise to be one


@dataclass(frozen=True, slots=True)
class Term:
    """A word the judge localizes: an element's name, a policy limit."""

    key: str


@dataclass(frozen=True, slots=True)
class Turns:
    """A list of turns the judge writes out ("第3、4轮" / "turns 3 and 4")."""

    turns: tuple[int, ...]


NO_ARGS: Mapping[str, object] = MappingProxyType({})


class Evidence(NamedTuple):
    """Where a rule was broken: the reply (None for the whole call) and the words in it."""

    reply: Reply | None
    spans: tuple[Move | Span, ...] = ()
    args: Mapping[str, object] = NO_ARGS


class Reading:
    """One reply as the checks read it, worked out once however many rules and turns ask.

    A reply is read once in a call, not once per rule nor again on every later
    turn; what is derived from it is kept with it. All of it depends on the
    reply, the phrase lists and the call's language only, which is what makes
    sharing it safe.
    """

    __slots__ = ("_derived", "_found", "_lang", "_phrases", "_questions", "kinds", "reply")

    def __init__(self, reply: Reply, phrases: Phrases, lang: Lang) -> None:
        self.reply = reply
        self._phrases = phrases
        self._lang = lang
        # grouped in lists first: growing a tuple per move would be quadratic in a long reply
        grouped: dict[MoveKind, list[Move]] = {}
        for move in reply.analysis.moves:
            grouped.setdefault(move.kind, []).append(move)
        self.kinds = {kind: tuple(moves) for kind, moves in grouped.items()}
        self._questions: tuple[Move, ...] | None = None
        self._found: dict[PhraseKind, tuple[Span, ...]] = {}
        self._derived: dict[Callable[[Reading], object], object] | None = None

    def of(self, kind: MoveKind) -> tuple[Move, ...]:
        """The reply's moves of one kind, in order."""
        return self.kinds.get(kind, ())

    def has(self, kind: MoveKind) -> bool:
        return kind in self.kinds

    def find(self, kind: PhraseKind) -> tuple[Span, ...]:
        """Where the reply says a phrase of ``kind``, left to right (found once per kind: a
        check may ask for every promise in the reply)."""
        found = self._found.get(kind)
        if found is None:
            found = self._found[kind] = self._phrases.find(self.reply.text, self._lang, kind)
        return found

    def derive(self, fn: Callable[[Reading], T]) -> T:
        """``fn(self)``, worked out on the first call only (``fn`` reads this reading alone)."""
        if self._derived is None:
            self._derived = {}
        elif fn in self._derived:
            return self._derived[fn]  # type: ignore[return-value]
        value = self._derived[fn] = fn(self)
        return value

    @property
    def hollow(self) -> tuple[tuple[Move, Span], ...]:
        """Empathy that only prefaces a defence: "I understand, but you did tick the box".

        Each is the empathy move and the stretch after its "but" to the end of the
        sentence, when that stretch defends, is rude, or offers nothing (no promise,
        preframe, question or summary): the customer hears the "but", not the comfort.
        """
        return self.derive(_hollow)

    @property
    def apologies(self) -> tuple[Move, ...]:
        """The trainee's own apologies: not the customer's demand quoted back ("她本人道歉")."""
        return self.derive(_own_apologies)

    @property
    def empathy(self) -> tuple[Move, ...]:
        """The empathy moves that count as empathy: not the preface of a "but"."""
        hollow = {e for e, _ in self.hollow}
        return tuple(m for m in self.of(MoveKind.EMPATHY) if m not in hollow)

    @property
    def fact_questions(self) -> tuple[Move, ...]:
        """Questions that ask for something new: not the "…, right?" that confirms a summary,
        nor the open offer of help ("how can I help you?") that invites the customer to talk.

        A question overlapping a summary, or carrying a confirming tag (对吧, is
        that right), checks what the customer said rather than asking for more.
        """
        if self._questions is None:
            questions = self.kinds.get(MoveKind.QUESTION, ())
            if questions:
                questions = _apart(
                    questions,
                    (
                        *self.of(MoveKind.SUMMARY),
                        *self.find("confirmations"),
                        *self.find("offers"),
                    ),
                )
            self._questions = questions
        return self._questions

    @property
    def asks(self) -> bool:
        """The reply asks the customer something new.

        It goes by the question moves, not by the facts a scenario saw asked for:
        a reply that merely mentions a fact's words asks nothing.
        """
        return bool(self.fact_questions)


class History(NamedTuple):
    """A call's replies so far, summed up for the rules that look back; each turn adds one.

    ``vent_end`` is the index of the first reply made once the customer had
    finished venting (None while they still vent); ``before`` is the history
    one reply earlier.
    """

    replies: int = 0
    vent_end: int | None = None
    apologies: int = 0
    asked: bool = False  # a reply asked for facts
    preframed: bool = False
    empathy: bool = False
    apology_after_vent: bool = False
    before: History | None = None

    def then(self, reading: Reading) -> History:
        """This history with one more reply."""
        vent_end = self.vent_end
        if vent_end is None and not reading.reply.venting:
            vent_end = self.replies
        kinds = reading.kinds
        return History(
            self.replies + 1,
            vent_end,
            self.apologies + len(reading.apologies),
            self.asked or reading.asks,
            self.preframed or MoveKind.PREFRAME in kinds,
            self.empathy or bool(reading.empathy),
            self.apology_after_vent or (vent_end is not None and MoveKind.APOLOGY in kinds),
            self,
        )


NO_HISTORY = History()


class Reader:
    """Readings of replies and histories of calls, for one phrase table and one language.

    Judging a call turn by turn asks for the same replies again and again: each
    reply is read once and each history extended by one reply per turn. Entries
    are found by the reply object's identity and hold that object, so an id is
    never taken for another reply's; a history is used only for the very same
    sequence of replies. The tables are emptied when full, so memory stays flat
    over any number of calls.
    """

    LIMIT = 1024

    def __init__(self, phrases: Phrases, lang: Lang) -> None:
        self.phrases = phrases
        self.lang = lang
        self._readings: dict[int, Reading] = {}
        self._histories: dict[int, tuple[tuple[Reply, ...], History]] = {}

    def read(self, reply: Reply) -> Reading:
        reading = self._readings.get(id(reply))
        if reading is None or reading.reply is not reply:
            if len(self._readings) >= self.LIMIT:
                self._readings.clear()
            reading = self._readings[id(reply)] = Reading(reply, self.phrases, self.lang)
        return reading

    def history(self, replies: tuple[Reply, ...]) -> History:
        """All of ``replies`` summed up; cheap when the replies before the last were summed."""
        if not replies:
            return NO_HISTORY
        hit = self._histories.get(id(replies[-1]))
        if hit is not None and hit[0] == replies:
            return hit[1]
        earlier = self._known(replies[:-1]) if len(replies) > 1 else NO_HISTORY
        if earlier is None:
            earlier = NO_HISTORY
            for reply in replies[:-1]:
                earlier = earlier.then(self.read(reply))
        history = earlier.then(self.read(replies[-1]))
        if len(self._histories) >= self.LIMIT:
            self._histories.clear()
        self._histories[id(replies[-1])] = (replies, history)
        return history

    def _known(self, replies: tuple[Reply, ...]) -> History | None:
        hit = self._histories.get(id(replies[-1]))
        return hit[1] if hit is not None and hit[0] == replies else None


_READERS: dict[tuple[int, Lang], Reader] = {}
READERS_KEPT = 16  # phrase tables come with rulebooks; a judge keeps its own readers anyway


def reader(phrases: Phrases, lang: Lang) -> Reader:
    """The one reader of a phrase table and language, so the judge and the scorer share it.

    The entry holds the phrase table, so its id cannot pass to another table.
    """
    found = _READERS.get((id(phrases), lang))
    if found is None or found.phrases is not phrases:
        if len(_READERS) >= READERS_KEPT:
            _READERS.clear()
        found = _READERS[id(phrases), lang] = Reader(phrases, lang)
    return found


class Ctx:
    """What every check sees of one call: the call, the last reply read, the history, the
    active codes. Built once per judging of a call and shared by all the checks.

    ``reply``, ``reading``, ``history`` (all the replies, the last included) and
    ``before`` (the replies before the last) are there when the call has replies.
    """

    __slots__ = ("active", "before", "call", "history", "read", "reading", "reply")

    reply: Reply
    reading: Reading
    history: History
    before: History

    def __init__(self, call: Call, reader: Reader, active: frozenset[str] = frozenset()) -> None:
        self.call = call
        self.active = active
        self.read = reader.read
        self.history = NO_HISTORY
        if call.replies:
            self.reply = call.replies[-1]
            self.reading = reader.read(self.reply)
            self.history = reader.history(call.replies)
            self.before = self.history.before or NO_HISTORY

    def of(self, kind: MoveKind) -> tuple[Move, ...]:
        """The last reply's moves of one kind, in order."""
        return self.reading.kinds.get(kind, ())

    def fact_questions(self, reply: Reply) -> tuple[Move, ...]:
        return self.read(reply).fact_questions

    def asks(self, reply: Reply) -> bool:
        return self.read(reply).asks

    def makes(self, replies: tuple[Reply, ...], *kinds: MoveKind) -> bool:
        """Some of ``replies`` makes a move of one of ``kinds``."""
        read = self.read
        for reply in replies:
            made = read(reply).kinds
            for kind in kinds:
                if kind in made:
                    return True
        return False

    def after_vent(self) -> tuple[Reply, ...]:
        """The replies from the first one made once the customer had finished venting."""
        end = self.history.vent_end
        return () if end is None else self.call.replies[end:]

    def find(self, kind: PhraseKind) -> tuple[Span, ...]:
        """Where the last reply says a phrase of ``kind``."""
        return self.reading.find(kind)

    @property
    def policy(self) -> Policy:
        """The scenario's policy; only rules marked ``needs_scenario`` ask for it."""
        assert self.call.policy is not None, "a needs_scenario rule ran without a scenario"
        return self.call.policy


# A check takes the context and its rule's options as keyword arguments (from the rulebook).
Check = Callable[..., Iterator[Evidence]]


# -- shared readings of the call ---------------------------------------------------------


def answered(ctx: Ctx) -> tuple[Reply, ...]:
    """What a close rule judges: the replies after the vent, or all of them when the call ended
    before the customer had finished venting (they left unsoothed either way)."""
    return ctx.after_vent() or ctx.call.replies


def soothes(reading: Reading) -> bool:
    made = reading.kinds
    return MoveKind.APOLOGY in made or MoveKind.EMPATHY in made


def gives_time(reading: Reading) -> bool:
    """The reply promises a response time."""
    return any(promise.deadline for promise in reading.of(MoveKind.PROMISE))


def verified_before(ctx: Ctx, reply: Reply, position: int) -> bool:
    """A verification question came before ``position`` in ``reply`` (or in any earlier reply)."""
    for earlier in ctx.call.replies:
        if earlier is reply:
            questions = ctx.fact_questions(reply)
            return bool(questions) and questions[0].start < position  # moves are sorted
        if earlier.asked or ctx.asks(earlier):
            return True
    return False


def conditional(ctx: Ctx, promise: Move) -> bool:
    """The promise is made on condition of verification ("核实后…", "if it's our error…")."""
    return conditional_on_check(ctx.reading, promise)


def conditional_on_check(reading: Reading, promise: Move) -> bool:
    conditions = reading.find("conditions")  # left to right: the first one decides
    return bool(conditions) and conditions[0].start < promise.end


def promises_outcome(ctx: Ctx, promise: Move) -> bool:
    """The promise commits to a result (a fix, a refund), not just to a next step or a time."""
    return promise.compensation or ctx.reading.derive(_outcomes).hit(promise)


def _outcomes(reading: Reading) -> Overlaps:
    return Overlaps(reading.find("outcomes"))


def _responses(reading: Reading) -> Overlaps:
    return Overlaps(reading.find("responses"))


def closing(call: Call, window: int) -> slice:
    """Where the last ``window`` replies up to and including the turn that closed the call are."""
    end = len(call.replies)
    if call.close_turn is not None:
        for i, reply in enumerate(call.replies):
            if reply.turn == call.close_turn:
                end = i + 1
                break
    return slice(max(0, end - window), end)


def closing_replies(call: Call, window: int) -> tuple[Reply, ...]:
    """The last ``window`` replies up to and including the turn that closed the call."""
    return call.replies[closing(call, window)]


def replies_to_close(call: Call) -> tuple[Reply, ...]:
    return closing_replies(call, len(call.replies))


def motive_jabs(reading: Reading) -> tuple[Span, ...]:
    """Words questioning the customer's motives (in a rude, defensive or questioning reply) or
    status (in a rude or defensive one), except inside a summary of the customer's own words."""
    kinds = reading.kinds
    hostile = MoveKind.RUDE in kinds or MoveKind.DEFEND in kinds
    if not (hostile or MoveKind.QUESTION in kinds):
        return ()
    spans = reading.find("motives")
    if hostile:
        status = reading.find("status")
        spans = tuple(sorted((*spans, *status), key=lambda s: s.start))
    return _apart(spans, reading.of(MoveKind.SUMMARY))


class Overlaps:
    """Which stretches overlap any of a set of spans, each asked in logarithmic time.

    Asking span by span against every other span is quadratic, and a pasted reply can hold
    a hundred thousand of each: the spans are sorted by start once, with the furthest end
    reached so far, so a stretch overlaps one of them exactly when the furthest end among
    those starting before its own end passes its start.
    """

    __slots__ = ("_reach", "_starts")

    def __init__(self, spans: Iterable[Move | Span]) -> None:
        ordered = sorted((s.start, s.end) for s in spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))

    def hit(self, span: Move | Span) -> bool:
        before = bisect_left(self._starts, span.end)  # the spans starting before it ends
        return before > 0 and self._reach[before - 1] > span.start


def _apart(spans: tuple[S, ...], others: tuple[Move | Span, ...]) -> tuple[S, ...]:
    """The ``spans`` that overlap none of ``others``."""
    if not others:
        return spans
    overlaps = Overlaps(others)
    return tuple(s for s in spans if not overlaps.hit(s))


def _ends_sentence(text: str, i: int) -> bool:
    """``text[i]`` ends a sentence: a full stop only before a space or the end ("$2.50" goes on)."""
    ch = text[i]
    if ch in SENTENCE_ENDS:
        return True
    return ch == "." and (i + 1 == len(text) or text[i + 1].isspace())


def sentence_of(text: str, start: int, end: int | None = None) -> Span:
    """The sentence of ``text`` around ``start`` (to the one holding ``end``, when given)."""
    begin = start
    while begin > 0 and not _ends_sentence(text, begin - 1):
        begin -= 1
    stop = start if end is None else max(start, end - 1)
    while stop < len(text) and not _ends_sentence(text, stop):
        stop += 1
    return Span(begin, stop)


def _own_apologies(reading: Reading) -> tuple[Move, ...]:
    apologies = reading.of(MoveKind.APOLOGY)
    if not apologies or not reading.reply.customer_before:
        return apologies
    return tuple(m for m in apologies if not echoed(reading.reply, m, QUOTED_APOLOGY))


def _hollow(reading: Reading) -> tuple[tuple[Move, Span], ...]:
    empathy = reading.of(MoveKind.EMPATHY)
    if not empathy:
        return ()
    text = reading.reply.text
    contrasts = reading.find("contrasts")
    found: list[tuple[Move, Span]] = []
    for move in empathy:
        but = next((c for c in contrasts if c.start >= move.end), None)
        if but is None or any(ch.isalnum() for ch in text[move.end : but.start]):
            continue
        end = sentence_of(text, but.end).end
        start = but.end
        while start < end and not text[start].isalnum():
            start += 1
        rest = Span(start, end)
        if not any(ch.isalnum() for ch in text[rest.start : rest.end]):
            continue
        inside = [m for m in reading.reply.analysis.moves if rest.start <= m.start < rest.end]
        hostile = any(m.kind in (MoveKind.DEFEND, MoveKind.RUDE) for m in inside)
        helps = any(m.kind in HELPING for m in inside)
        if hostile or not helps:
            found.append((move, rest))
    return tuple(found)


def repeated_empathy(replies: tuple[Reply, ...], index: int) -> tuple[Move, ...]:
    """The empathy of ``replies[index]`` said in the same words as empathy earlier in the call.

    The reading is the shared one (``hotseat.language.formula``), so the judge calls
    mechanical exactly what the customer hears as a script.
    """
    reply = replies[index]
    if not reply.analysis.has(MoveKind.EMPATHY):
        return ()
    earlier = (r.analysis for r in replies[:index] if r.analysis.has(MoveKind.EMPATHY))
    return repeated_formulas(earlier, reply.analysis, EMPATHY_ONLY)


def felt_empathy(reading: Reading, replies: tuple[Reply, ...], index: int) -> tuple[Move, ...]:
    """Empathy that counts: not the preface of a "but", not a formula said before in the call."""
    moves = reading.empathy
    if not moves:
        return ()
    repeats = repeated_empathy(replies, index)
    return tuple(m for m in moves if m not in repeats)


def echoed(reply: Reply, span: Move | Span, at_least: int = 2) -> bool:
    """The words are the customer's own, quoted back from the line the reply answers.

    Pronouns are set aside, since a quote turns "you are cheats" into "we are cheats".
    ``at_least`` is how long the quote must be (a Chinese character counts two), so a
    bare "sorry" the customer also said is not taken for a quote.
    """
    said = _unpersoned(reply.text[span.start : span.end])
    weight = sum(2 if ord(ch) > 0x2E80 else 1 for ch in said)
    return weight >= at_least and said in _unpersoned(reply.customer_before)


QUOTED_APOLOGY = 8  # "她本人道歉" (the customer's demand) is a quote; "sorry" is an apology


_PERSONS = re.compile(r"我们|你们|您们|咱们|[我你您]|\b(?:we|you|i|me|us|our|your)\b|'re|'m")


def _unpersoned(text: str) -> str:
    return _letters(_PERSONS.sub("", normalize(text).text))


def _letters(text: str) -> str:
    return "".join(ch for ch in normalize(text).text if ch.isalnum())


def permitted(reply: Reply, span: Move | Span, policy: Policy | None) -> bool:
    """The sentence around ``span`` follows one of the scenario's permitted promises closely.

    A scenario's ``may_promise`` lines are what its trainer wants said; words that
    follow them are never a finding, however they read out of context.
    """
    if policy is None or not policy.may_promise:
        return False
    where = sentence_of(reply.text, span.start, span.end)
    said = _letters(reply.text[where.start : where.end])
    if not said:
        return False
    for line in policy.may_promise:
        model = _letters(line)
        for part in _sentences(model, line):
            if 2 * min(len(said), len(part)) < PERMITTED_LIKENESS * (len(said) + len(part)):
                continue  # lengths alone rule it out (and keep a huge reply linear)
            matcher = SequenceMatcher(None, said, part, autojunk=False)
            if (
                matcher.quick_ratio() >= PERMITTED_LIKENESS
                and matcher.ratio() >= PERMITTED_LIKENESS
            ):
                return True
    return False


def _sentences(whole: str, line: str) -> tuple[str, ...]:
    """A permitted line as a whole and sentence by sentence (a reply may say one part)."""
    parts = [_letters(line[s.start : s.end]) for s in _split(line)]
    return tuple(dict.fromkeys(p for p in (whole, *parts) if p))


def _split(text: str) -> Iterator[Span]:
    start = 0
    for i, ch in enumerate(text):
        if _ends_sentence(text, i) or ch in ",，":
            yield Span(start, i)
            start = i + 1
    yield Span(start, len(text))


def stated_demand(reading: Reading, promise: Move) -> bool:
    """The "promise" restates what the customer asks for ("so you want a refund"), which
    commits the agent to nothing."""
    return Overlaps(reading.of(MoveKind.SUMMARY)).hit(promise)


# -- AP: apology and soothing ------------------------------------------------------------


def repeated_apology(ctx: Ctx, *, max_apologies: int) -> Iterator[Evidence]:
    """AP001: each apology that takes the call past ``max_apologies``, one finding apiece.

    Every one past the limit is its own finding so that the rulebook's ``step`` can
    make each cost more than the last: the sixth "sorry" is hollower than the third.
    """
    now = ctx.reading.apologies
    if not now:
        return
    before = ctx.before.apologies
    for i, apology in enumerate(now, start=before + 1):
        if i > max_apologies:
            yield Evidence(ctx.reply, (apology,), {"count": i, "max": max_apologies})


def stacked_apology(ctx: Ctx, *, min_apologies: int) -> Iterator[Evidence]:
    """AP002: one reply with at least ``min_apologies`` apologies of the trainee's own."""
    apologies = ctx.reading.apologies
    if len(apologies) >= min_apologies:
        yield Evidence(ctx.reply, apologies, {"count": len(apologies)})


def early_soothing(ctx: Ctx) -> Iterator[Evidence]:
    """AP003: an apology or empathy while the customer is still in the first round of venting."""
    if ctx.reply.venting:
        moves = tuple(m for m in ctx.reply.analysis.moves if m.kind in SOOTHING)
        if moves:
            yield Evidence(ctx.reply, moves)


def missing_soothing(ctx: Ctx) -> Iterator[Evidence]:
    """AP004 (close): after the vent, no reply apologized, empathized or summed up what the
    customer said (the restatement is comfort too: seed 004's soothing + facts + reaction).

    Comfort offered while the customer was still venting does not count: it
    bounced back (AP003), and the customer still waits to be soothed. A call
    that ended before the vent did is judged on all its replies.
    """
    judged = answered(ctx)
    if judged and not ctx.makes(judged, *SOOTHING, MoveKind.SUMMARY):
        yield Evidence(None, (), {"turns": Turns(tuple(r.turn for r in judged))})


# -- PR: promises ------------------------------------------------------------------------


def guarantee(ctx: Ctx) -> Iterator[Evidence]:
    """PR001: a promise with a guarantee (保证, 一定, definitely, 100%), unless it follows one
    of the scenario's permitted promises ("texted at 80% and 100% of your allowance")."""
    policy = ctx.call.policy
    moves = tuple(
        m for m in ctx.of(MoveKind.PROMISE) if m.guarantee and not permitted(ctx.reply, m, policy)
    )
    if moves:
        yield Evidence(ctx.reply, moves)


def promise_beyond_policy(ctx: Ctx) -> Iterator[Evidence]:
    """PR002: a commitment to an outcome outside the scenario's policy, whatever its wording.

    Judged by what the promise commits to: staff discipline, "never again", a
    decision only another department can take, money for losses no company pays
    (the ``overreach`` and ``losses`` phrases) on any scenario; money when the policy
    allows none; any outcome on a case the agent must escalate (a response time
    or a next step is still fine there). A restated demand commits to nothing, and
    a promise that follows the scenario's own permitted promises is never flagged.
    """
    policy = ctx.policy
    reading = ctx.reading
    promises = tuple(
        p
        for p in ctx.of(MoveKind.PROMISE)
        if not stated_demand(reading, p) and not permitted(ctx.reply, p, policy)
    )
    if not promises:
        return
    reach, lost = Overlaps(ctx.find("overreach")), Overlaps(ctx.find("losses"))
    beyond = tuple(p for p in promises if reach.hit(p) or (p.compensation and lost.hit(p)))
    if beyond:
        yield Evidence(ctx.reply, beyond, {"policy": Term("policy_overreach")})
        promises = tuple(p for p in promises if p not in beyond)
    if policy.escalate:
        moves = tuple(p for p in promises if promises_outcome(ctx, p))
        if moves:
            yield Evidence(ctx.reply, moves, {"policy": Term("policy_escalate")})
    elif policy.compensation == "never":
        moves = tuple(p for p in promises if p.compensation)
        if moves:
            yield Evidence(ctx.reply, moves, {"policy": Term("policy_never")})


def premature_compensation(ctx: Ctx) -> Iterator[Evidence]:
    """PR003: money promised before any verification question, when the policy pays only
    after verification. A promise made on condition of verification ("核实后如属实…") is fine."""
    if ctx.policy.compensation != "after_verification" or ctx.policy.escalate:
        return
    moves = tuple(
        p
        for p in ctx.of(MoveKind.PROMISE)
        if p.compensation
        and not conditional(ctx, p)
        and not stated_demand(ctx.reading, p)
        and not permitted(ctx.reply, p, ctx.policy)
        and not verified_before(ctx, ctx.reply, p.start)
    )
    if moves:
        yield Evidence(ctx.reply, moves)


def deadline_beyond_service_level(ctx: Ctx) -> Iterator[Evidence]:
    """PR004: a time promise faster than the service level (hours < policy.response_hours).

    "Right now" (0 hours) counts only when it promises an answer or a result that
    others must deliver ("我马上给您回复"); the agent's own action in the call
    ("I'll cancel it for you now") is not a deadline.
    """
    limit = ctx.policy.response_hours
    moves = tuple(
        p
        for p in ctx.of(MoveKind.PROMISE)
        if p.deadline
        and p.hours is not None
        and p.hours < limit
        and (p.hours > 0 or _promises_response(ctx, p))
        and not permitted(ctx.reply, p, ctx.policy)
    )
    if moves:
        yield Evidence(ctx.reply, moves, {"limit": limit})


def _promises_response(ctx: Ctx, promise: Move) -> bool:
    return ctx.reading.derive(_responses).hit(promise)


def close_without_response_time(ctx: Ctx, *, window: int) -> Iterator[Evidence]:
    """PR005 (close): a resolved call whose last ``window`` replies up to the close give no
    response time, or a call the trainee ended otherwise (abandoned, or the customer would
    not settle) in which no response time was ever given.

    A call the customer hung up on, or that ran out of turns, never reached a close:
    it is judged on what happened, not told it "closed without a time".
    """
    call = ctx.call
    if call.outcome == "resolved":
        closing = closing_replies(call, window)
        if closing and not any(gives_time(ctx.read(r)) for r in closing):
            yield Evidence(None, (), {"turns": Turns(tuple(r.turn for r in closing))})
    elif (
        call.closed_by_trainee
        and call.replies
        and not any(gives_time(ctx.read(r)) for r in call.replies)
    ):
        # ended by the trainee without the customer's say-so: a time given at any point counts
        yield Evidence(None, (), {"turns": Turns(tuple(r.turn for r in answered(ctx)))})


# -- CT: control of the conversation -----------------------------------------------------


def element_not_captured(ctx: Ctx) -> Iterator[Evidence]:
    """CT001 (close): one finding per key element of the scenario not on record."""
    for element in ctx.call.elements:
        if element not in ctx.call.captured:
            yield Evidence(None, (), {"element": element})


def question_barrage(ctx: Ctx, *, max_questions: int) -> Iterator[Evidence]:
    """CT002: more than ``max_questions`` questions in one reply."""
    questions = ctx.of(MoveKind.QUESTION)
    if len(questions) > max_questions:
        yield Evidence(ctx.reply, questions, {"count": len(questions), "max": max_questions})


def unframed_questions(ctx: Ctx) -> Iterator[Evidence]:
    """CT003: the first reply that asks for facts, when no preframe came before or in it."""
    questions = ctx.reading.fact_questions
    if not questions or ctx.before.asked:
        return
    if not ctx.history.preframed:
        yield Evidence(ctx.reply, questions)


def arguing(ctx: Ctx) -> Iterator[Evidence]:
    """CT004: a reply that defends the company, argues, denies or blames the customer; also
    "I understand, but…" when what follows the "but" defends or offers nothing.

    Words that follow one of the scenario's permitted promises are not an argument.
    """
    policy = ctx.call.policy
    moves: tuple[Move | Span, ...] = tuple(
        m for m in ctx.of(MoveKind.DEFEND) if not permitted(ctx.reply, m, policy)
    )
    buts = tuple(rest for _, rest in ctx.reading.hollow if _apart((rest,), moves))
    moves = tuple(sorted((*moves, *buts), key=lambda s: s.start))
    if moves:
        yield Evidence(ctx.reply, moves)


def no_summary_before_close(ctx: Ctx) -> Iterator[Evidence]:
    """CT005 (close): the trainee closed the call (or tried to) with no summary anywhere
    before the close; a hung-up or timed-out call was never closed."""
    if not ctx.call.closed_by_trainee:
        return
    replies = replies_to_close(ctx.call)
    if replies and not ctx.makes(replies, MoveKind.SUMMARY):
        yield Evidence(None)


def premature_judgement(ctx: Ctx) -> Iterator[Evidence]:
    """CT006: fault admitted or the complaint judged before anything was verified. A fault
    named as what is to be checked ("I'll check why the texts didn't go out") is not admitted."""
    checks = ctx.reading.find("checks")
    checked = Overlaps(checks)
    moves = tuple(m for m in ctx.of(MoveKind.ADMISSION) if not checked.hit(m))
    if moves:
        yield Evidence(ctx.reply, moves)


def dead_air(ctx: Ctx) -> Iterator[Evidence]:
    """CT007: an empty reply, or a drill clock that ran out with nothing said."""
    if ctx.reply.silent:
        yield Evidence(ctx.reply)


# -- ET: etiquette -----------------------------------------------------------------------


def rude_language(ctx: Ctx) -> Iterator[Evidence]:
    """ET001: rude, commanding or dismissive words, except where ET002 already flags them, the
    customer's own words quoted back to them (in a summary, or echoed from their line),
    words in quotation marks (someone else's, reported) and words the reply denies."""
    covered = ctx.reading.derive(motive_jabs) if "ET002" in ctx.active else ()
    summaries = ctx.of(MoveKind.SUMMARY)
    blamed = ctx.reading.derive(blaming) if "ET004" in ctx.active else ()
    denials = ctx.reading.find("denials")
    moves = tuple(
        m
        for m in _apart(ctx.of(MoveKind.RUDE), (*covered, *summaries))
        if m not in blamed
        and not echoed(ctx.reply, m)
        and not quoted(ctx.reply.text, m)
        and not any(_denies(d, m) for d in denials)
    )
    if moves:
        yield Evidence(ctx.reply, moves)


QUOTES = (("“", "”"), ("「", "」"), ("‘", "’"), ('"', '"'))


def quoted(text: str, span: Move | Span) -> bool:
    """The words sit inside quotation marks: someone's words reported, not the trainee's own
    (what the last agent said, put back to the customer to apologize for it)."""
    for opening, closing in QUOTES:
        before = text.rfind(opening, 0, span.start)
        if before < 0 or closing in text[before + 1 : span.start].replace(opening, ""):
            continue
        if text.find(closing, span.end) >= 0:
            return True
    return False


def _denies(denial: Span, span: Move | Span) -> bool:
    """A denial in or right before the words ("I don't think you're stupid") takes them back."""
    overlaps = denial.start < span.end and span.start < denial.end
    return overlaps or 0 <= span.start - denial.end <= 2


def questioning_motives(ctx: Ctx) -> Iterator[Evidence]:
    """ET002: a reply that questions the customer's motives or status (see ``motive_jabs``)."""
    spans = ctx.reading.derive(motive_jabs)
    if spans:
        yield Evidence(ctx.reply, spans)


def blaming(reading: Reading) -> tuple[Move, ...]:
    """Defensive or rude moves that make the customer the cause ("you must have signed up")."""
    hostile = (*reading.of(MoveKind.DEFEND), *reading.of(MoveKind.RUDE))
    if not hostile:
        return ()
    blame = reading.find("blame")
    blamed = Overlaps(blame)
    return tuple(m for m in hostile if blamed.hit(m))


def blame(ctx: Ctx) -> Iterator[Evidence]:
    """ET004: the customer blamed for their own trouble in a defensive or rude reply. It is an
    argument too (CT004 still fires on a defensive one), but rude words that blame are this
    rule's alone (ET001 leaves them)."""
    moves = tuple(
        m
        for m in ctx.reading.derive(blaming)
        if not echoed(ctx.reply, m) and not permitted(ctx.reply, m, ctx.call.policy)
    )
    if moves:
        yield Evidence(ctx.reply, moves)


def no_thanks_at_close(ctx: Ctx, *, window: int) -> Iterator[Evidence]:
    """ET003 (close): a call the trainee closed (resolved, abandoned, or the customer would not
    settle) whose last ``window`` replies thank nobody: "您等通知吧，再见" is a brush-off."""
    if not ctx.call.closed_by_trainee or not ctx.call.replies:
        return
    closing = closing_replies(ctx.call, window)
    if not ctx.makes(closing, MoveKind.THANKS):
        yield Evidence(None, (), {"turns": Turns(tuple(r.turn for r in closing))})


# -- EM: empathy -------------------------------------------------------------------------


def _acknowledged(ctx: Ctx, reply: Reply) -> bool:
    """The reply acknowledges the customer's feelings or situation (contract 1's empathy): with
    empathy that counts, or by restating their situation in the agent's own words."""
    reading = ctx.read(reply)
    if MoveKind.SUMMARY in reading.kinds:
        return True
    replies = ctx.call.replies
    index = next(i for i, r in enumerate(replies) if r is reply)
    return bool(felt_empathy(reading, replies, index))


def missing_empathy(ctx: Ctx) -> Iterator[Evidence]:
    """EM001: the first two replies after the vent acknowledge neither the customer's feelings
    nor their situation (a "but" preface or a formula already said does not count; a summary
    of what happened to them does); judged on the second."""
    history = ctx.history
    if history.vent_end is None or history.replies - history.vent_end != 2:
        return
    after = ctx.call.replies[-2:]
    if not any(_acknowledged(ctx, r) for r in after):
        yield Evidence(ctx.reply, (), {"turns": Turns((after[0].turn, after[1].turn))})


def missing_empathy_at_close(ctx: Ctx) -> Iterator[Evidence]:
    """EM001 (close): the call ended one reply after the vent and that reply had no empathy, or
    it ended before the vent did with no empathy in any reply."""
    replies = ctx.call.replies
    after = ctx.after_vent()
    if len(after) == 1 and not _acknowledged(ctx, after[0]):
        yield Evidence(after[0], (), {"turns": Turns((after[0].turn,))})
    elif replies and not after and not any(_acknowledged(ctx, r) for r in replies):
        yield Evidence(None, (), {"turns": Turns(tuple(r.turn for r in replies))})


def apology_as_empathy(ctx: Ctx) -> Iterator[Evidence]:
    """EM002: after the vent, a reply soothes with apology alone while the call has shown no
    empathy yet; once per call (the first such reply)."""
    reply = ctx.reply
    apologies = ctx.reading.apologies
    if not apologies or reply.venting or ctx.reading.empathy:
        return
    before = ctx.before
    if before.empathy or before.apology_after_vent:
        return  # no longer the first: empathy was shown, or this fired on an earlier reply
    yield Evidence(reply, apologies)


def mechanical_empathy(ctx: Ctx) -> Iterator[Evidence]:
    """EM003: empathy said in the same words as earlier in the call: a formula read out turn
    after turn is a script, not empathy (it counts for nothing, and each repeat costs)."""
    replies = ctx.call.replies
    repeats = repeated_empathy(replies, len(replies) - 1)
    for move in repeats:
        yield Evidence(ctx.reply, (move,))
