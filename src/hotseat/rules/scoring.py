"""Per-area scores with every point explained: findings cost points, good moves in place earn them.

Each area starts at 100, loses each finding's weight, gains the credits the call
earned, and is clamped to 0-100; the clamp is itself a line, so the lines of an
area always add up to its score minus 100. The overall score is the weighted
mean of the areas. Weights live in the rulebook; ``data/default.yaml`` explains
how they were set so that apology spam or arguing cannot pass.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from hotseat.conversation import Area, Call, Finding, Reply, ScoreLine, Scores
from hotseat.moves import MoveKind
from hotseat.rules.checks import Ctx, after_vent, closing_replies, soothes
from hotseat.rules.docs import texts
from hotseat.rules.phrases import compiled
from hotseat.rules.registry import get_rule
from hotseat.rules.rulebook import Rulebook

Detect = Callable[[Call, Rulebook], Reply | None]


def _comfort_after_vent(call: Call, rb: Rulebook) -> Reply | None:
    """Soothing plus a summary of what the customer said, once they had finished venting."""
    return next(
        (r for r in after_vent(call.replies) if soothes(r) and r.analysis.has(MoveKind.SUMMARY)),
        None,
    )


def _empathy_after_vent(call: Call, rb: Rulebook) -> Reply | None:
    return next((r for r in after_vent(call.replies) if r.analysis.has(MoveKind.EMPATHY)), None)


def _preframe_before_questions(call: Call, rb: Rulebook) -> Reply | None:
    """The preframe that came at or before the first reply asking for facts."""
    ctx = Ctx(call, compiled(rb.phrases))
    for reply in call.replies:
        if reply.analysis.has(MoveKind.PREFRAME):
            return reply if any(ctx.asks(r) for r in call.replies) else None
        if ctx.asks(reply):
            return None
    return None


def _response_time_promise(call: Call, rb: Rulebook) -> Reply | None:
    """A response time without a guarantee and no faster than the service level."""
    limit = call.policy.response_hours if call.policy else None
    for reply in call.replies:
        for p in reply.analysis.of(MoveKind.PROMISE):
            in_policy = limit is None or (p.hours is not None and p.hours >= limit)
            if p.deadline and not p.guarantee and in_policy:
                return reply
    return None


def _proper_close(call: Call, rb: Rulebook) -> Reply | None:
    """A resolved call whose closing replies summarize, give a time and thank the customer."""
    if call.outcome != "resolved":
        return None
    closing = closing_replies(call, int(rb.options("ET003")["window"]))
    kinds = {m.kind for r in closing for m in r.analysis.moves}
    has_time = any(p.deadline for r in closing for p in r.analysis.of(MoveKind.PROMISE))
    if has_time and {MoveKind.SUMMARY, MoveKind.THANKS} <= kinds:
        return closing[-1]
    return None


AREAS: tuple[Area, ...] = tuple(Area)  # iterating the enum itself is slow on a hot path

CREDITS: dict[str, tuple[Area, Detect]] = {
    "comfort-after-vent": (Area.AP, _comfort_after_vent),
    "empathy-after-vent": (Area.EM, _empathy_after_vent),
    "preframe-before-questions": (Area.CT, _preframe_before_questions),
    "response-time-promise": (Area.PR, _response_time_promise),
    "proper-close": (Area.ET, _proper_close),
}


def score(call: Call, findings: Sequence[Finding], rulebook: Rulebook | None = None) -> Scores:
    """Per-area and overall scores, 0-100, with a line for every point lost or gained."""
    rb = rulebook or Rulebook.default()
    words = texts(call.lang)
    by_area: dict[Area, list[ScoreLine]] = {area: [] for area in AREAS}
    if not call.replies:
        for area in AREAS:
            by_area[area].append(ScoreLine(area, -100, words.labels["no_replies"]))
    for f in findings:
        title = get_rule(f.code).doc(call.lang).title
        by_area[f.area].append(ScoreLine(f.area, -rb.weight(f.code), title, f.code, f.turn))
    for name, (area, detect) in CREDITS.items():
        points = rb.credit(name)
        reply = detect(call, rb) if points else None
        if reply is not None:
            by_area[area].append(ScoreLine(area, points, words.credits[name], "", reply.turn))
    areas: dict[Area, int] = {}
    for area, lines in by_area.items():
        raw = 100 + sum(line.points for line in lines)
        areas[area] = min(100, max(0, raw))
        if areas[area] != raw:
            reason = words.labels["floor" if raw < 0 else "cap"]
            lines.append(ScoreLine(area, areas[area] - raw, reason))
    total = sum(rb.areas.get(a, 1.0) for a in AREAS)
    overall = round(sum(rb.areas.get(a, 1.0) * areas[a] for a in AREAS) / total) if total else 0
    lines = [line for area_lines in by_area.values() for line in area_lines]
    cap = rb.outcome_caps.get(call.outcome) if call.outcome else None
    if cap is not None and overall > cap:
        # Losing the customer is the failure the whole call is judged by (seed 000: "do not
        # be the reason a customer becomes angrier"); good moves before it don't outweigh it.
        reason = words.labels[f"cap_{call.outcome}"]
        lines.append(ScoreLine(None, cap - overall, reason))
        overall = cap
    return Scores(areas, overall, tuple(lines))
