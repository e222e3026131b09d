"""Cohen's κ as the textbook computes it, per move and flag."""

from __future__ import annotations

import pytest

from hotseat.language.agreement import agreement, cohen_kappa


def test_kappa_of_a_textbook_table() -> None:
    # 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: po = 0.7, pe = 0.5, κ = 0.4
    a = [True] * 25 + [False] * 25
    b = [True] * 20 + [False] * 5 + [True] * 10 + [False] * 15
    assert cohen_kappa(a, b) == pytest.approx(0.4)


def test_kappa_is_one_for_full_agreement_and_undefined_when_nobody_marks() -> None:
    assert cohen_kappa([True, False, True], [True, False, True]) == pytest.approx(1.0)
    assert cohen_kappa([False, False], [False, False]) is None
    with pytest.raises(ValueError):
        cohen_kappa([True], [True, False])


def test_agreement_compares_only_ids_both_labelings_hold() -> None:
    first = {
        "a": ({"defend": 1, "apology": 2}, frozenset({"deadline"})),
        "b": ({"defend": 1}, frozenset()),
        "c": ({}, frozenset()),
    }
    second = {
        "a": ({"defend": 1, "apology": 1}, frozenset({"deadline"})),
        "b": ({}, frozenset()),
        "z": ({"rude": 1}, frozenset()),
    }
    rows = {row.name: row for row in agreement(first, second)}
    assert rows["defend"].both == 1 and rows["defend"].either == 2
    assert rows["defend"].kappa == pytest.approx(0.0)
    assert rows["apology"].kappa == pytest.approx(1.0)  # present/absent agrees...
    assert rows["apology"].same_count == pytest.approx(0.5)  # ...the count does not
    assert rows["rude"].either == 0 and rows["rude"].kappa is None  # "z" is not compared
    assert rows["flag:deadline"].both == 1
