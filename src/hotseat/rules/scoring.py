"""Per-area scores with every point explained: findings cost points, good moves in place earn them.

Each area starts at 100, loses each finding's weight, gains the credits the call
earned, and is clamped to 0-100; the clamp is itself a line, so the lines of an
area always add up to its score minus 100. The overall score is the weighted
mean of the areas, pulled towards the weakest area, then scaled under the caps of
its gravest faults and of how the call ended (scaled, not cut, so calls under a
cap keep the order their faults give them), then capped by its count of
error-level findings; each of these is a line of its own.
Weights live in the rulebook; ``data/default.yaml`` explains how they were set.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from hotseat.conversation import Area, Call, Finding, Reply, ScoreLine, Scores
from hotseat.moves import Lang, MoveKind
from hotseat.rules.checks import Reading, closing, felt_empathy, gives_time, reader, soothes
from hotseat.rules.docs import Texts, texts
from hotseat.rules.phrases import compiled
from hotseat.rules.registry import get_rule
from hotseat.rules.rulebook import Rulebook


class Readings:
    """A call's replies as the judge read them: the same readings, not read again."""

    __slots__ = ("call", "history", "replies")

    def __init__(self, call: Call, rb: Rulebook) -> None:
        read = reader(compiled(rb.phrases), call.lang)
        self.call = call
        self.replies = [read.read(r) for r in call.replies]
        self.history = read.history(call.replies)

    def after_vent(self) -> list[Reading]:
        """The replies from the first one made once the customer had finished venting."""
        end = self.history.vent_end
        return [] if end is None else self.replies[end:]


Detect = Callable[[Readings, Rulebook], Reply | None]


def _comfort_after_vent(call: Readings, rb: Rulebook) -> Reply | None:
    """Soothing plus a summary of what the customer said, once they had finished venting."""
    for reading in call.after_vent():
        if MoveKind.SUMMARY in reading.kinds and soothes(reading):
            return reading.reply
    return None


def _empathy_after_vent(call: Readings, rb: Rulebook) -> Reply | None:
    """Empathy that counts (not a "but" preface, not a formula again) once they had vented."""
    end = call.history.vent_end
    if end is None:
        return None
    replies = call.call.replies
    for index in range(end, len(replies)):
        if felt_empathy(call.replies[index], replies, index):
            return replies[index]
    return None


def _preframe_before_questions(call: Readings, rb: Rulebook) -> Reply | None:
    """The preframe that came at or before the first reply asking for facts."""
    for reading in call.replies:
        if reading.has(MoveKind.PREFRAME):
            return reading.reply if call.history.asked else None
        if reading.asks:
            return None
    return None


def _response_time_promise(call: Readings, rb: Rulebook) -> Reply | None:
    """A response time without a guarantee and no faster than the service level."""
    policy = call.call.policy
    limit = policy.response_hours if policy else None
    for reading in call.replies:
        for p in reading.of(MoveKind.PROMISE):
            in_policy = limit is None or (p.hours is not None and p.hours >= limit)
            if p.deadline and not p.guarantee and in_policy:
                return reading.reply
    return None


def _proper_close(call: Readings, rb: Rulebook) -> Reply | None:
    """A resolved call whose closing replies summarize, give a time and thank the customer."""
    if call.call.outcome != "resolved":
        return None
    last = call.replies[closing(call.call, int(rb.options("ET003")["window"]))]
    made: set[MoveKind] = set()
    for reading in last:
        made.update(reading.kinds)
    if {MoveKind.SUMMARY, MoveKind.THANKS} <= made and any(gives_time(r) for r in last):
        return last[-1].reply
    return None


AREAS: tuple[Area, ...] = tuple(Area)  # iterating the enum itself is slow on a hot path

CREDITS: dict[str, tuple[Area, Detect]] = {
    "comfort-after-vent": (Area.AP, _comfort_after_vent),
    "empathy-after-vent": (Area.EM, _empathy_after_vent),
    "preframe-before-questions": (Area.CT, _preframe_before_questions),
    "response-time-promise": (Area.PR, _response_time_promise),
    "proper-close": (Area.ET, _proper_close),
}


class _Table:
    """What scoring reads of one rulebook in one language, looked up once, not once a call.

    Score lines are immutable, so the line a finding costs is made once per rule
    and turn and shared.
    """

    __slots__ = ("_costs", "_lang", "area_weights", "credits", "rulebook", "total", "words")

    def __init__(self, rb: Rulebook, lang: Lang) -> None:
        self.rulebook = rb
        self.words: Texts = texts(lang)
        self.credits = [
            (name, area, detect, points)
            for name, (area, detect) in CREDITS.items()
            if (points := rb.credit(name))
        ]
        self.area_weights = [(area, rb.areas.get(area, 1.0)) for area in AREAS]
        self.total = sum(w for _, w in self.area_weights)
        self._costs: dict[tuple[str, int, int], ScoreLine] = {}
        self._lang = lang

    def cost(self, f: Finding, nth: int) -> ScoreLine:
        """The line of the ``nth`` finding of its rule in the call (later ones may cost more)."""
        line = self._costs.get((f.code, f.turn, nth))
        if line is None:
            title = get_rule(f.code).doc(self._lang).title
            line = ScoreLine(f.area, -self.rulebook.cost(f.code, nth), title, f.code, f.turn)
            self._costs[f.code, f.turn, nth] = line
        return line


_TABLES: dict[tuple[int, Lang], _Table] = {}


def _table(rb: Rulebook, lang: Lang) -> _Table:
    table = _TABLES.get((id(rb), lang))
    if table is None or table.rulebook is not rb:
        if len(_TABLES) >= 64:
            _TABLES.clear()  # rulebooks come and go with sessions: keep memory flat
        table = _TABLES[id(rb), lang] = _Table(rb, lang)
    return table


def _scale(
    overall: int, cap: int | None, lines: list[ScoreLine], reason: str, code: str = ""
) -> int:
    """The overall scaled into 0-cap, with the line that says so; unchanged without a cap."""
    scaled = overall if cap is None else round(cap * overall / 100)
    if scaled < overall:
        lines.append(ScoreLine(None, scaled - overall, reason, code))
    return scaled


def score(call: Call, findings: Sequence[Finding], rulebook: Rulebook | None = None) -> Scores:
    """Per-area and overall scores, 0-100, with a line for every point lost or gained."""
    rb = rulebook or Rulebook.default()
    table = _table(rb, call.lang)
    words = table.words
    by_area: dict[Area, list[ScoreLine]] = {area: [] for area in AREAS}
    if not call.replies:
        for area in AREAS:
            by_area[area].append(ScoreLine(area, -100, words.labels["no_replies"]))
    seen: dict[str, int] = {}
    errors = 0
    for f in findings:
        nth = seen[f.code] = seen.get(f.code, 0) + 1
        by_area[f.area].append(table.cost(f, nth))
        if f.severity == "error":
            errors += 1
    if table.credits:
        readings = Readings(call, rb)
        for name, area, detect, points in table.credits:
            reply = detect(readings, rb)
            if reply is not None:
                by_area[area].append(ScoreLine(area, points, words.credits[name], "", reply.turn))
    areas: dict[Area, int] = {}
    for area, lines in by_area.items():
        raw = 100
        for line in lines:
            raw += line.points
        areas[area] = min(100, max(0, raw))
        if areas[area] != raw:
            reason = words.labels["floor" if raw < 0 else "cap"]
            lines.append(ScoreLine(area, areas[area] - raw, reason))
    total = table.total
    weighted = table.area_weights
    mean = sum(w * areas[a] for a, w in weighted) / total if total else 0.0
    overall = round(mean)
    lines = [line for area_lines in by_area.values() for line in area_lines]
    share = rb.weakest_area
    if share and total:
        # A trainer reads a call by its weakest skill: one area in ruins (no time ever given,
        # nothing captured) drags the call down more than an average of five would show.
        weakest = min((a for a, w in weighted if w), key=lambda a: areas[a])
        blended = round((1 - share) * mean + share * areas[weakest])
        if blended < overall:
            reason = words.labels["weakest"].format(area=weakest.value, score=areas[weakest])
            lines.append(ScoreLine(None, blended - overall, reason))
            overall = blended
    for code in dict.fromkeys(f.code for f in findings):
        # The gravest faults fail a call on their own (an insult: trainers score such calls
        # 5-15), whatever went well around them; scaled, not cut, like a hang-up below.
        overall = _scale(overall, rb.settings[code].cap, lines, words.labels["cap_rule"], code)
    cap = rb.outcome_caps.get(call.outcome) if call.outcome else None
    # Losing the customer is the failure the whole call is judged by (seed 000: "do not
    # be the reason a customer becomes angrier"); good moves before it don't outweigh it.
    # The score is scaled under the cap, not cut to it: the faults that lost the customer
    # still count, so lost calls keep the order their faults give them.
    reason = words.labels[f"cap_{call.outcome}"] if cap is not None else ""
    overall = _scale(overall, cap, lines, reason)
    cap = rb.error_cap(errors) if errors else None
    if cap is not None and overall > cap:
        # A trainer weighs by severity: one guarantee, insult or argument can lose the customer
        # however well the rest went, so no number of good moves buys it back.
        reason = words.labels["cap_errors"].format(count=errors)
        lines.append(ScoreLine(None, cap - overall, reason))
        overall = cap
    return Scores(areas, overall, tuple(lines), rb.pass_mark, rb.fail_below)
