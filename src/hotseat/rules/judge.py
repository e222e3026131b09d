"""The judge: runs the enabled rules over a call and words their evidence as findings.

Checks find evidence; the judge owns everything else (which rules run, skipping
rules that need a scenario, severities, and the message and tip in the call's
language), so the session, the TUI and the bulk scorer all get the same findings.
"""

from __future__ import annotations

from functools import partial

from hotseat.conversation import Call, Finding
from hotseat.i18n import t
from hotseat.moves import Lang, MoveKind
from hotseat.rules.checks import Check, Ctx, Evidence, Term, Turns
from hotseat.rules.docs import number, quotes, texts, turns
from hotseat.rules.phrases import compiled
from hotseat.rules.registry import Rule
from hotseat.rules.rulebook import Rulebook
from hotseat.scenario.model import Element

Bound = dict[bool, list[tuple[Rule, Check]]]  # has_scenario -> the checks to run


class Judge:
    """Findings for a call, reply by reply and at the close, under one rulebook."""

    def __init__(self, rulebook: Rulebook | None = None) -> None:
        self.rulebook = rulebook or Rulebook.default()
        self._phrases = compiled(self.rulebook.phrases)
        rules = self.rulebook.rules()
        self._on_reply = self._bind(rules, "on_reply")
        self._on_close = self._bind(rules, "on_close")
        # the reply checks that can fire, by (has_scenario, the moves a reply makes)
        self._for_moves: dict[tuple[bool, frozenset[MoveKind]], list[tuple[Rule, Check]]] = {}

    def _bind(self, rules: tuple[Rule, ...], when: str) -> Bound:
        """The checks to run, options bound once, for calls with (True) and without a scenario."""
        bound: list[tuple[Rule, Check]] = [
            (rule, partial(check, **self.rulebook.options(rule.code)))
            for rule in rules
            if (check := getattr(rule, when)) is not None
        ]
        return {
            True: bound,
            False: [(rule, check) for rule, check in bound if not rule.needs_scenario],
        }

    def reply(self, call: Call) -> list[Finding]:
        """Findings about ``call.replies[-1]``, judged in the light of the replies before it."""
        if not call.replies:
            return []
        made = frozenset(m.kind for m in call.replies[-1].analysis.moves)
        key = (call.has_scenario, made)
        rules = self._for_moves.get(key)
        if rules is None:
            everything = self._on_reply[call.has_scenario]
            rules = [(r, c) for r, c in everything if not r.moves or not r.moves.isdisjoint(made)]
            self._for_moves[key] = rules
        return self._run(rules, call)

    def close(self, call: Call) -> list[Finding]:
        """Findings about the whole call, once it has ended (``call.outcome`` is set)."""
        if call.outcome is None:
            raise ValueError("judge.close needs a call that has ended (call.outcome is None)")
        return self._run(self._on_close[call.has_scenario], call)

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

    def _run(self, rules: list[tuple[Rule, Check]], call: Call) -> list[Finding]:
        ctx = Ctx(call, self._phrases, self.rulebook.enabled)
        found: list[Finding] = []
        for rule, check in rules:
            found.extend(self._finding(rule, ev, call.lang) for ev in check(ctx))
        return found

    def _finding(self, rule: Rule, ev: Evidence, lang: Lang) -> Finding:
        doc = rule.doc(lang)
        reply = ev.reply
        start = end = 0
        pieces: list[str] = []
        if reply is not None and ev.spans:
            start = min(s.start for s in ev.spans)
            end = max(s.end for s in ev.spans)
            pieces = [reply.text[s.start : s.end] for s in ev.spans]
        turn = reply.turn if reply is not None else 0
        values = {"turn": str(turn), "quote": quotes(pieces, lang)}
        values.update({key: localize(value, lang) for key, value in ev.args.items()})
        return Finding(
            code=rule.code,
            name=rule.name,
            area=rule.area,
            severity=self.rulebook.severity(rule.code),
            turn=turn,
            start=start,
            end=end,
            message=doc.message.format_map(values),
            tip=doc.tip.format_map(values),
            quote=reply.text[start:end] if reply is not None else "",
        )


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
