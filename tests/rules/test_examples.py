"""Examples are tests: each rule's bad examples fire it; good ones fire nothing (real analyzer).

The examples in ``data/rules.yaml`` are what `hotseat rules CODE` prints under
"Example" and "Say instead"; replaying them through ``hotseat.language.analyze``
and the judge keeps the docs honest as the analyzer and the rules evolve. A
good example is a model reply, so it must break no rule at all; a bad one may
break others besides its own (apology spam also lacks empathy).
"""

from __future__ import annotations

import pytest

from hotseat.language import analyze
from hotseat.moves import LANGS
from hotseat.rules import RULES, Judge
from hotseat.rules.docs import Example, rule_texts

CASES = [
    pytest.param(rule.code, lang, kind, i, example, id=f"{rule.code}-{lang}-{kind}{i}")
    for rule in RULES
    for lang in LANGS
    for kind in ("bad", "good")
    for i, example in enumerate(getattr(getattr(rule_texts()[rule.code], lang), kind))
]


@pytest.mark.parametrize(("code", "lang", "kind", "index", "example"), CASES)
def test_bad_examples_fire_their_rule_and_good_ones_fire_nothing(
    code: str, lang: str, kind: str, index: int, example: Example
) -> None:
    call = example.call(lang, analyze)  # type: ignore[arg-type]
    fired = [f.code for f in Judge().replay(call)]
    moves = [
        (r.turn, [(m.kind.value, r.text[m.start : m.end]) for m in r.analysis.moves])
        for r in call.replies
    ]
    if kind == "bad":
        assert code in fired, (fired, moves)
    else:
        assert fired == [], (fired, moves)


def test_every_rule_has_bad_and_good_examples_in_both_languages() -> None:
    for rule in RULES:
        for lang in LANGS:
            text = getattr(rule_texts()[rule.code], lang)
            assert text.bad and text.good, (rule.code, lang)
