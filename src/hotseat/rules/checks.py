"""The check behind each rule: pure functions from a call to the evidence that a rule was broken.

A check never writes words for the trainee: it returns `Evidence` (which reply,
which stretches of it, a few values for the message) and the judge turns that
into a localized finding. Reply checks judge the last reply in the light of the
history; close checks judge the whole call once it has ended. Each check's
docstring states its exact trigger; the rule docs in ``data/rules.yaml`` say the
same thing for trainers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from hotseat.conversation import Call, Reply
from hotseat.moves import Move, MoveKind, Span
from hotseat.rules.phrases import Phrases
from hotseat.scenario.model import Policy

SOOTHING = (MoveKind.APOLOGY, MoveKind.EMPATHY)


@dataclass(frozen=True, slots=True)
class Term:
    """A word the judge localizes: an element's name, a policy limit."""

    key: str


@dataclass(frozen=True, slots=True)
class Turns:
    """A list of turns the judge writes out ("第3、4轮" / "turns 3 and 4")."""

    turns: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a rule was broken: the reply (None for the whole call) and the words in it."""

    reply: Reply | None
    spans: tuple[Move | Span, ...] = ()
    args: Mapping[str, object] = field(default_factory=dict)


class Ctx:
    """What every check sees of one call: the call, the phrase lists and the active codes.

    Built once per judging of a call and shared by all the checks, so the last
    reply's moves are sorted by kind once, not once per rule.
    """

    __slots__ = ("_kinds", "active", "call", "phrases")

    def __init__(self, call: Call, phrases: Phrases, active: frozenset[str] = frozenset()) -> None:
        self.call = call
        self.phrases = phrases
        self.active = active
        self._kinds: dict[MoveKind, tuple[Move, ...]] | None = None

    @property
    def reply(self) -> Reply:
        return self.call.replies[-1]

    @property
    def earlier(self) -> tuple[Reply, ...]:
        return self.call.replies[:-1]

    def of(self, kind: MoveKind) -> tuple[Move, ...]:
        """The last reply's moves of one kind, in order."""
        if self._kinds is None:
            kinds: dict[MoveKind, list[Move]] = {}
            for move in self.reply.analysis.moves:
                kinds.setdefault(move.kind, []).append(move)
            self._kinds = {k: tuple(v) for k, v in kinds.items()}
        return self._kinds.get(kind, ())

    def fact_questions(self, reply: Reply) -> tuple[Move, ...]:
        """Questions that ask for something new: not the "…, right?" that confirms a summary.

        A question overlapping a summary, or carrying a confirming tag (对吧, is
        that right), checks what the customer said rather than asking for more.
        """
        questions = reply.analysis.of(MoveKind.QUESTION)
        if not questions:
            return ()
        confirming: tuple[Move | Span, ...] = (
            *reply.analysis.of(MoveKind.SUMMARY),
            *self.phrases.find(reply.text, self.call.lang, "confirmations"),
        )
        return tuple(q for q in questions if not any(_overlap(c, q) for c in confirming))

    def asks(self, reply: Reply) -> bool:
        """The reply asks the customer something new.

        It goes by the question moves, not by the facts a scenario saw asked for:
        a reply that merely mentions a fact's words asks nothing.
        """
        return bool(self.fact_questions(reply))

    @property
    def policy(self) -> Policy:
        """The scenario's policy; only rules marked ``needs_scenario`` ask for it."""
        assert self.call.policy is not None, "a needs_scenario rule ran without a scenario"
        return self.call.policy


# A check takes the context and its rule's options as keyword arguments (from the rulebook).
Check = Callable[..., Iterator[Evidence]]


# -- shared readings of the call ---------------------------------------------------------


def vent_end(replies: tuple[Reply, ...]) -> int:
    """The index of the first reply made once the customer had finished venting."""
    return next((i for i, reply in enumerate(replies) if not reply.venting), len(replies))


def after_vent(replies: tuple[Reply, ...]) -> tuple[Reply, ...]:
    """The replies from the first one made once the customer had finished venting."""
    return replies[vent_end(replies) :]


def answered(replies: tuple[Reply, ...]) -> tuple[Reply, ...]:
    """What a close rule judges: the replies after the vent, or all of them when the call ended
    before the customer had finished venting (they left unsoothed either way)."""
    return after_vent(replies) or replies


def soothes(reply: Reply) -> bool:
    return any(reply.analysis.has(kind) for kind in SOOTHING)


def verified_before(ctx: Ctx, reply: Reply, position: int) -> bool:
    """A verification question came before ``position`` in ``reply`` (or in any earlier reply)."""
    for earlier in ctx.call.replies:
        if earlier is reply:
            return any(q.start < position for q in ctx.fact_questions(reply))
        if earlier.asked or ctx.fact_questions(earlier):
            return True
    return False


def conditional(ctx: Ctx, promise: Move) -> bool:
    """The promise is made on condition of verification ("核实后…", "if it's our error…")."""
    spans = ctx.phrases.find(ctx.reply.text, ctx.call.lang, "conditions")
    return any(s.start < promise.end for s in spans)


def promises_outcome(ctx: Ctx, promise: Move) -> bool:
    """The promise commits to a result (a fix, a refund), not just to a next step or a time."""
    spans = ctx.phrases.find(ctx.reply.text, ctx.call.lang, "outcomes")
    return promise.compensation or any(_overlap(s, promise) for s in spans)


def closing_replies(call: Call, window: int) -> tuple[Reply, ...]:
    """The last ``window`` replies up to and including the turn that closed the call."""
    end = len(call.replies)
    if call.close_turn is not None:
        end = next((i + 1 for i, r in enumerate(call.replies) if r.turn == call.close_turn), end)
    return call.replies[max(0, end - window) : end]


def replies_to_close(call: Call) -> tuple[Reply, ...]:
    return closing_replies(call, len(call.replies))


def motive_jabs(ctx: Ctx) -> tuple[Span, ...]:
    """Words questioning the customer's motives (in a rude, defensive or questioning reply) or
    status (in a rude or defensive one), except inside a summary of the customer's own words."""
    hostile = bool(ctx.of(MoveKind.RUDE) or ctx.of(MoveKind.DEFEND))
    if not (hostile or ctx.of(MoveKind.QUESTION)):
        return ()
    text, lang = ctx.reply.text, ctx.call.lang
    spans = ctx.phrases.find(text, lang, "motives")
    if hostile:
        status = ctx.phrases.find(text, lang, "status")
        spans = tuple(sorted((*spans, *status), key=lambda s: s.start))
    summaries = ctx.of(MoveKind.SUMMARY)
    return tuple(s for s in spans if not any(_overlap(s, m) for m in summaries))


def _overlap(a: Move | Span, b: Move | Span) -> bool:
    return a.start < b.end and b.start < a.end


# -- AP: apology and soothing ------------------------------------------------------------


def repeated_apology(ctx: Ctx, *, max_apologies: int) -> Iterator[Evidence]:
    """AP001: on the reply that takes the call's apologies past ``max_apologies``, once."""
    now = ctx.of(MoveKind.APOLOGY)
    if not now:
        return
    before = sum(r.analysis.count(MoveKind.APOLOGY) for r in ctx.earlier)
    if before <= max_apologies < before + len(now):
        crossing = now[max_apologies - before :]
        yield Evidence(ctx.reply, crossing, {"count": before + len(now), "max": max_apologies})


def stacked_apology(ctx: Ctx, *, min_apologies: int) -> Iterator[Evidence]:
    """AP002: one reply with at least ``min_apologies`` apologies."""
    apologies = ctx.of(MoveKind.APOLOGY)
    if len(apologies) >= min_apologies:
        yield Evidence(ctx.reply, apologies, {"count": len(apologies)})


def early_soothing(ctx: Ctx) -> Iterator[Evidence]:
    """AP003: an apology or empathy while the customer is still in the first round of venting."""
    if ctx.reply.venting:
        moves = tuple(m for m in ctx.reply.analysis.moves if m.kind in SOOTHING)
        if moves:
            yield Evidence(ctx.reply, moves)


def missing_soothing(ctx: Ctx) -> Iterator[Evidence]:
    """AP004 (close): after the vent, no reply apologized or empathized.

    Comfort offered while the customer was still venting does not count: it
    bounced back (AP003), and the customer still waits to be soothed. A call
    that ended before the vent did is judged on all its replies.
    """
    judged = answered(ctx.call.replies)
    if judged and not any(soothes(r) for r in judged):
        yield Evidence(None, (), {"turns": Turns(tuple(r.turn for r in judged))})


# -- PR: promises ------------------------------------------------------------------------


def guarantee(ctx: Ctx) -> Iterator[Evidence]:
    """PR001: a promise with a guarantee (保证, 一定, definitely, 100%)."""
    moves = tuple(m for m in ctx.of(MoveKind.PROMISE) if m.guarantee)
    if moves:
        yield Evidence(ctx.reply, moves)


def promise_beyond_policy(ctx: Ctx) -> Iterator[Evidence]:
    """PR002: money promised when the policy allows none, or an outcome promised on a case
    the agent must escalate (a response time or a next step is still fine there)."""
    policy = ctx.policy
    promises = ctx.of(MoveKind.PROMISE)
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
    )
    if moves:
        yield Evidence(ctx.reply, moves, {"limit": limit})


def _promises_response(ctx: Ctx, promise: Move) -> bool:
    spans = ctx.phrases.find(ctx.reply.text, ctx.call.lang, "responses")
    return any(_overlap(s, promise) for s in spans)


def _gives_time(reply: Reply) -> bool:
    return any(p.deadline for p in reply.analysis.of(MoveKind.PROMISE))


def close_without_response_time(ctx: Ctx, *, window: int) -> Iterator[Evidence]:
    """PR005 (close): a resolved call whose last ``window`` replies give no response time, or a
    call that ended any other way without a response time ever being given."""
    call = ctx.call
    if call.outcome == "resolved":
        closing = closing_replies(call, window)
        if closing and not any(_gives_time(r) for r in closing):
            yield Evidence(None, (), {"turns": Turns(tuple(r.turn for r in closing))})
    elif call.replies and not any(_gives_time(r) for r in call.replies):
        yield Evidence(None, (), {"turns": Turns(tuple(r.turn for r in answered(call.replies)))})


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
    questions = ctx.fact_questions(ctx.reply)
    if not questions or any(ctx.asks(r) for r in ctx.earlier):
        return
    if not any(r.analysis.has(MoveKind.PREFRAME) for r in ctx.call.replies):
        yield Evidence(ctx.reply, questions)


def arguing(ctx: Ctx) -> Iterator[Evidence]:
    """CT004: a reply that defends the company, argues, denies or blames the customer."""
    moves = ctx.of(MoveKind.DEFEND)
    if moves:
        yield Evidence(ctx.reply, moves)


def no_summary_before_close(ctx: Ctx) -> Iterator[Evidence]:
    """CT005 (close): no summary anywhere in the call up to the close (or to the end)."""
    replies = replies_to_close(ctx.call)
    if replies and not any(r.analysis.has(MoveKind.SUMMARY) for r in replies):
        yield Evidence(None)


def premature_judgement(ctx: Ctx) -> Iterator[Evidence]:
    """CT006: fault admitted or the complaint judged before anything was verified."""
    moves = ctx.of(MoveKind.ADMISSION)
    if moves:
        yield Evidence(ctx.reply, moves)


def dead_air(ctx: Ctx) -> Iterator[Evidence]:
    """CT007: an empty reply, or a drill clock that ran out with nothing said."""
    if ctx.reply.silent:
        yield Evidence(ctx.reply)


# -- ET: etiquette -----------------------------------------------------------------------


def rude_language(ctx: Ctx) -> Iterator[Evidence]:
    """ET001: rude, commanding or dismissive words, except where ET002 already flags them."""
    covered = motive_jabs(ctx) if "ET002" in ctx.active else ()
    moves = tuple(m for m in ctx.of(MoveKind.RUDE) if not any(_overlap(s, m) for s in covered))
    if moves:
        yield Evidence(ctx.reply, moves)


def questioning_motives(ctx: Ctx) -> Iterator[Evidence]:
    """ET002: a reply that questions the customer's motives or status (see ``motive_jabs``)."""
    spans = motive_jabs(ctx)
    if spans:
        yield Evidence(ctx.reply, spans)


def no_thanks_at_close(ctx: Ctx, *, window: int) -> Iterator[Evidence]:
    """ET003 (close): a resolved call whose last ``window`` replies thank nobody."""
    if ctx.call.outcome != "resolved" or not ctx.call.replies:
        return
    closing = closing_replies(ctx.call, window)
    if not any(r.analysis.has(MoveKind.THANKS) for r in closing):
        yield Evidence(None, (), {"turns": Turns(tuple(r.turn for r in closing))})


# -- EM: empathy -------------------------------------------------------------------------


def _no_empathy(replies: tuple[Reply, ...]) -> bool:
    return not any(r.analysis.has(MoveKind.EMPATHY) for r in replies)


def missing_empathy(ctx: Ctx) -> Iterator[Evidence]:
    """EM001: the first two replies after the vent carry no empathy; judged on the second."""
    replies = ctx.call.replies
    if len(replies) - vent_end(replies) != 2:
        return
    after = replies[-2:]
    if _no_empathy(after):
        yield Evidence(ctx.reply, (), {"turns": Turns((after[0].turn, after[1].turn))})


def missing_empathy_at_close(ctx: Ctx) -> Iterator[Evidence]:
    """EM001 (close): the call ended one reply after the vent and that reply had no empathy, or
    it ended before the vent did with no empathy in any reply."""
    replies = ctx.call.replies
    after = after_vent(replies)
    if len(after) == 1 and _no_empathy(after):
        yield Evidence(after[0], (), {"turns": Turns((after[0].turn,))})
    elif replies and not after and _no_empathy(replies):
        yield Evidence(None, (), {"turns": Turns(tuple(r.turn for r in replies))})


def apology_as_empathy(ctx: Ctx) -> Iterator[Evidence]:
    """EM002: after the vent, a reply soothes with apology alone while the call has shown no
    empathy yet; once per call (the first such reply)."""
    reply = ctx.reply
    apologies = ctx.of(MoveKind.APOLOGY)
    if not apologies or reply.venting or ctx.of(MoveKind.EMPATHY):
        return
    if not _no_empathy(ctx.earlier):
        return
    if any(r.analysis.has(MoveKind.APOLOGY) for r in after_vent(ctx.earlier)):
        return  # fired already on that earlier reply
    yield Evidence(reply, apologies)
