"""A move repeated in the same words across replies is a formula; reworded, it is not."""

from __future__ import annotations

from hotseat.language.analyzer import analyze
from hotseat.language.formula import repeated_formulas
from hotseat.moves import MoveKind


def test_the_same_empathy_again_is_a_formula_in_both_languages() -> None:
    first = analyze("I understand your concern. Could I have your number?", "en")
    again = analyze("i understand your concern!! Let me check that.", "en")
    (move,) = repeated_formulas([first], again)
    assert move.kind is MoveKind.EMPATHY
    assert again.quote(move).lower().startswith("i understand your concern")

    zh_first = analyze("我理解您的心情。请问您的手机号是多少？", "zh")
    zh_again = analyze("我理解您的心情，我马上帮您查。", "zh")
    assert [m.kind for m in repeated_formulas([zh_first], zh_again)] == [MoveKind.EMPATHY]


def test_traditional_and_full_width_spellings_are_the_same_words() -> None:
    first = analyze("我理解您的心情。", "zh")
    again = analyze("我理解您的心情！", "zh")
    traditional = analyze("我理解您的心情，請稍等。", "zh")
    assert repeated_formulas([first], again)
    assert repeated_formulas([first], traditional)


def test_reworded_moves_and_other_kinds_are_not_formulas() -> None:
    first = analyze("I understand your concern.", "en")
    reworded = analyze("Three days without signal would drive me mad too.", "en")
    assert repeated_formulas([first], reworded) == ()
    asked = analyze("Could I have your number?", "en")
    assert repeated_formulas([asked], asked) == ()  # questions are judged by other rules
    assert repeated_formulas([], first) == ()
