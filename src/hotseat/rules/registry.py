"""The one table of rules: code, name, severity, status and the checks behind each.

Codes are a public contract (scenario authors cite them; DESIGN.md contract 3)
and are never reused: a retired rule keeps its row with status "removed".
Thresholds and weights are not here but in the rulebook, so a trainer can tune
them without touching code; words are in ``data/rules.yaml``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from hotseat.conversation import Area, Severity
from hotseat.moves import Lang, MoveKind
from hotseat.rules import checks
from hotseat.rules.checks import Check
from hotseat.rules.docs import RuleDoc, doc_for

Status = Literal["stable", "preview", "deprecated", "removed"]


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule. ``on_reply`` judges the latest reply; ``on_close`` judges the ended call.

    ``moves``, when given, are the moves without which ``on_reply`` cannot fire:
    the judge skips the check on a reply that makes none of them, which keeps
    bulk scoring cheap (most replies break no rule).
    """

    code: str
    name: str
    severity: Severity
    on_reply: Check | None = None
    on_close: Check | None = None
    status: Status = "stable"
    needs_scenario: bool = False
    moves: frozenset[MoveKind] = frozenset()

    @property
    def area(self) -> Area:
        return Area(self.code[:2])

    def doc(self, lang: Lang) -> RuleDoc:
        return doc_for(self, lang)


APOLOGY = frozenset({MoveKind.APOLOGY})
PROMISE = frozenset({MoveKind.PROMISE})
QUESTION = frozenset({MoveKind.QUESTION})

RULES: tuple[Rule, ...] = (
    Rule("AP001", "repeated-apology", "warning", on_reply=checks.repeated_apology, moves=APOLOGY),
    Rule("AP002", "stacked-apology", "warning", on_reply=checks.stacked_apology, moves=APOLOGY),
    Rule(
        "AP003",
        "early-soothing",
        "warning",
        on_reply=checks.early_soothing,
        moves=frozenset(checks.SOOTHING),
    ),
    Rule("AP004", "missing-soothing", "warning", on_close=checks.missing_soothing),
    Rule("PR001", "guarantee", "error", on_reply=checks.guarantee, moves=PROMISE),
    Rule(
        "PR002",
        "promise-beyond-policy",
        "error",
        on_reply=checks.promise_beyond_policy,
        needs_scenario=True,
        moves=PROMISE,
    ),
    Rule(
        "PR003",
        "premature-compensation",
        "warning",
        on_reply=checks.premature_compensation,
        needs_scenario=True,
        moves=PROMISE,
    ),
    Rule(
        "PR004",
        "deadline-beyond-service-level",
        "error",
        on_reply=checks.deadline_beyond_service_level,
        needs_scenario=True,
        moves=PROMISE,
    ),
    Rule(
        "PR005",
        "close-without-response-time",
        "warning",
        on_close=checks.close_without_response_time,
    ),
    Rule(
        "CT001",
        "element-not-captured",
        "warning",
        on_close=checks.element_not_captured,
        needs_scenario=True,
    ),
    Rule(
        "CT002",
        "question-barrage",
        "warning",
        on_reply=checks.question_barrage,
        moves=QUESTION,
    ),
    Rule(
        "CT003",
        "unframed-questions",
        "warning",
        on_reply=checks.unframed_questions,
        moves=QUESTION,
    ),
    Rule(
        "CT004",
        "arguing",
        "error",
        on_reply=checks.arguing,
        moves=frozenset({MoveKind.DEFEND, MoveKind.EMPATHY}),
    ),
    Rule("CT005", "no-summary-before-close", "warning", on_close=checks.no_summary_before_close),
    Rule(
        "CT006",
        "premature-judgement",
        "warning",
        on_reply=checks.premature_judgement,
        moves=frozenset({MoveKind.ADMISSION}),
    ),
    Rule("CT007", "dead-air", "warning", on_reply=checks.dead_air),
    Rule(
        "ET001",
        "rude-language",
        "error",
        on_reply=checks.rude_language,
        moves=frozenset({MoveKind.RUDE}),
    ),
    Rule(
        "ET002",
        "questioning-motives",
        "error",
        on_reply=checks.questioning_motives,
        moves=frozenset({MoveKind.RUDE, MoveKind.DEFEND, MoveKind.QUESTION}),
    ),
    Rule("ET003", "no-thanks-at-close", "warning", on_close=checks.no_thanks_at_close),
    Rule(
        "ET004",
        "blaming-the-customer",
        "error",
        on_reply=checks.blame,
        moves=frozenset({MoveKind.DEFEND, MoveKind.RUDE}),
    ),
    Rule(
        "EM001",
        "missing-empathy",
        "warning",
        on_reply=checks.missing_empathy,
        on_close=checks.missing_empathy_at_close,
    ),
    Rule(
        "EM002",
        "apology-as-empathy",
        "warning",
        on_reply=checks.apology_as_empathy,
        moves=APOLOGY,
    ),
    Rule(
        "EM003",
        "mechanical-empathy",
        "warning",
        on_reply=checks.mechanical_empathy,
        moves=frozenset({MoveKind.EMPATHY}),
    ),
)

_BY_KEY: dict[str, Rule] = {r.code: r for r in RULES} | {r.name: r for r in RULES}


def get_rule(code_or_name: str) -> Rule:
    """A rule by code ("AP001", any case) or name ("repeated-apology")."""
    key = code_or_name.strip()
    rule = _BY_KEY.get(key) or _BY_KEY.get(key.upper())
    if rule is None:
        raise KeyError(unknown("rule", code_or_name, list(_BY_KEY)))
    return rule


def unknown(what: str, value: str, choices: list[str]) -> str:
    """ "unknown rule 'AP01'; did you mean AP001?" (or the list when nothing is close)."""
    close = difflib.get_close_matches(value, choices, n=3, cutoff=0.6)
    if not close:
        close = difflib.get_close_matches(value.upper(), choices, n=3, cutoff=0.6)
    if close:
        return f"unknown {what} {value!r}; did you mean {' or '.join(close)}?"
    return f"unknown {what} {value!r}"
