"""The judge: runs the enabled rules over a call and words their evidence as findings.

Checks find evidence; the judge owns everything else (which rules run, skipping
rules that need a scenario, severities, and the message and tip in the call's
language), so the session, the TUI and the bulk scorer all get the same findings.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from hotseat.conversation import Area, Call, Finding, Severity
from hotseat.i18n import t
from hotseat.moves import Lang, MoveKind
from hotseat.rules.checks import Check, Ctx, Evidence, Reader, Term, Turns, reader
from hotseat.rules.docs import number, texts, turns
from hotseat.rules.phrases import compiled
from hotseat.rules.registry import Rule
from hotseat.rules.rulebook import Rulebook
from hotseat.scenario.model import Element

Bound = dict[bool, list[tuple[Rule, Check]]]  # has_scenario -> the checks to run

Key = tuple[object, ...]  # everything a finding is made of (see Judge._finding)

FINDINGS_KEPT = 4096  # the memo of findings is emptied when it holds this many
# A message quotes this many pieces of the reply, then "…": a sentence asking five questions
# is one stretch five times, and quoting a long reply's every piece grows as its square.
QUOTED_KEPT = 12


@dataclass(frozen=True, slots=True)
class Wording:
    """A rule's fixed words in one language, looked up once per judge rather than per finding."""

    code: str
    name: str
    area: Area
    severity: Severity
    message: str
    tip: str
    quote_open: str  # the marks around each quoted piece, and between pieces
    quote_close: str
    quote_sep: str


class Judge:
    """Findings for a call, reply by reply and at the close, under one rulebook.

    A finding is a pure function of its rule, its language, and the turn, the
    span and the message values of its evidence, and findings are immutable: the
    judge keeps the ones it has made and hands out the same one again when the
    same evidence recurs (a scripted line, a close finding about the same turns).
    """

    def __init__(self, rulebook: Rulebook | None = None) -> None:
        self.rulebook = rulebook or Rulebook.default()
        self._phrases = compiled(self.rulebook.phrases)
        self._active = self.rulebook.enabled
        rules = self.rulebook.rules()
        self._on_reply = self._bind(rules, "on_reply")
        self._on_close = self._bind(rules, "on_close")
        # the reply checks that can fire, by (has_scenario, the moves a reply makes)
        self._for_moves: dict[tuple[bool, frozenset[MoveKind]], list[tuple[Rule, Check]]] = {}
        self._words: dict[tuple[str, Lang], Wording] = {}
        self._findings: dict[Key, Finding] = {}
        self._readers: dict[Lang, Reader] = {}

    def _bind(self, rules: tuple[Rule, ...], when: str) -> Bound:
        """The checks to run, options bound once, for calls with (True) and without a scenario."""
        bound: list[tuple[Rule, Check]] = []
        for rule in rules:
            check = getattr(rule, when)
            if check is not None:
                options = self.rulebook.options(rule.code)
                bound.append((rule, partial(check, **options) if options else check))
        return {
            True: bound,
            False: [(rule, check) for rule, check in bound if not rule.needs_scenario],
        }

    def reply(self, call: Call) -> list[Finding]:
        """Findings about ``call.replies[-1]``, judged in the light of the replies before it."""
        if not call.replies:
            return []
        ctx = Ctx(call, self._readers.get(call.lang) or self._reader(call.lang), self._active)
        key = (call.policy is not None, frozenset(ctx.reading.kinds))
        rules = self._for_moves.get(key)
        if rules is None:
            made = key[1]
            everything = self._on_reply[key[0]]
            rules = [(r, c) for r, c in everything if not r.moves or not r.moves.isdisjoint(made)]
            self._for_moves[key] = rules
        return self._run(rules, ctx)

    def close(self, call: Call) -> list[Finding]:
        """Findings about the whole call, once it has ended (``call.outcome`` is set)."""
        if call.outcome is None:
            raise ValueError("judge.close needs a call that has ended (call.outcome is None)")
        ctx = Ctx(call, self._readers.get(call.lang) or self._reader(call.lang), self._active)
        return self._run(self._on_close[call.has_scenario], ctx)

    def replay(self, call: Call) -> list[Finding]:
        """Every finding of a finished or recorded call: each reply in turn, then the close."""
        found: list[Finding] = []
        for i in range(1, len(call.replies) + 1):
            so_far = Call(call.lang, call.replies[:i], call.policy, call.elements, call.captured)
            found += self.reply(so_far)
        if call.outcome is not None:
            found += self.close(call)
        return found

    def skipped(self, call: Call) -> tuple[Rule, ...]:
        """Enabled rules that cannot judge this call because it has no scenario."""
        if call.has_scenario:
            return ()
        return tuple(r for r in self.rulebook.rules() if r.needs_scenario)

    def _reader(self, lang: Lang) -> Reader:
        """The reader for calls in ``lang``, looked up the first time a call needs it."""
        found = self._readers[lang] = reader(self._phrases, lang)
        return found

    def _run(self, rules: list[tuple[Rule, Check]], ctx: Ctx) -> list[Finding]:
        lang = ctx.call.lang
        found: list[Finding] = []
        for rule, check in rules:
            for ev in check(ctx):
                found.append(self._finding(rule, ev, lang))
        return found

    def _wording(self, rule: Rule, lang: Lang) -> Wording:
        """The rule's words in ``lang``, looked up the first time a finding needs them."""
        doc = rule.doc(lang)
        marks = texts(lang).quote
        words = self._words[rule.code, lang] = Wording(
            rule.code,
            rule.name,
            rule.area,
            self.rulebook.severity(rule.code),
            doc.message,
            doc.tip,
            marks.open,
            marks.close,
            marks.sep,
        )
        return words

    def _finding(self, rule: Rule, ev: Evidence, lang: Lang) -> Finding:
        words = self._words.get((rule.code, lang)) or self._wording(rule, lang)
        reply = ev.reply
        start = end = turn = 0
        quoted = quote = ""
        if reply is not None:
            turn = reply.turn
            spans = ev.spans
            if spans:
                text = reply.text
                start, end = spans[0].start, spans[0].end
                pieces: list[str] = []
                for span in spans:
                    if span.start < start:
                        start = span.start
                    if span.end > end:
                        end = span.end
                    if len(pieces) < QUOTED_KEPT:
                        pieces.append(
                            f"{words.quote_open}{text[span.start : span.end]}{words.quote_close}"
                        )
                if len(spans) > QUOTED_KEPT:
                    pieces.append("…")
                quote = text[start:end]
                quoted = words.quote_sep.join(pieces)
        values = {"turn": str(turn), "quote": quoted}
        for name, value in ev.args.items():
            values[name] = localize(value, lang)
        key = (words.code, lang, turn, start, end, quote, *values.items())
        finding = self._findings.get(key)
        if finding is None:
            if len(self._findings) >= FINDINGS_KEPT:
                self._findings.clear()
            finding = self._findings[key] = Finding(
                code=words.code,
                name=words.name,
                area=words.area,
                severity=words.severity,
                turn=turn,
                start=start,
                end=end,
                message=words.message.format_map(values),
                tip=words.tip.format_map(values),
                quote=quote,
            )
        return finding


def localize(value: object, lang: Lang) -> str:
    """A message argument in the call's language."""
    if isinstance(value, Element):
        return t(f"element.{value.value}", lang)
    if isinstance(value, Term):
        return texts(lang).terms[value.key]
    if isinstance(value, Turns):
        return turns(value.turns, lang)
    if isinstance(value, float):
        return number(value)
    return str(value)
