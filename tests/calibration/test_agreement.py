"""The scorecard agrees with an expert trainer at least as well as it did when last tuned.

The floors are the figures reached (issue 12), not the issue's bars, which the
analyzer's misses still keep out of reach (see the README's "How far to trust the
score"). A change that makes the judge agree less with the trainer fails here; one
that agrees more should raise the floors. Print the figures with
``.venv/bin/python tests/calibration/agreement.py -v``.

The held-out set (``holdout.jsonl``) is never tuned on: its floors are the figures
measured once, rounded down to 0.05, and only say the judge has not got worse on
calls it was never fitted to. Raise them only from a fresh measurement, never by
changing rules to please it.
"""

from __future__ import annotations

import pytest

from calibration.agreement import (
    HOLDOUT,
    Agreement,
    agreement,
    judge,
    load_calls,
    ranks,
    spearman,
)

# area -> (most required flags missed, most forbidden flags raised), as counts
AREA_FLOORS = {
    "AP": (0, 12),
    "PR": (2, 3),
    "CT": (1, 4),
    "ET": (5, 4),
    "EM": (1, 7),
}
HOLDOUT_AREA_FLOORS = {
    "AP": (0, 17),
    "PR": (1, 3),
    "CT": (0, 12),
    "ET": (7, 2),
    "EM": (3, 4),
}


@pytest.fixture(scope="module")
def figures() -> Agreement:
    return agreement(judge(call) for call in load_calls())


@pytest.fixture(scope="module")
def held_out() -> Agreement:
    return agreement(judge(call) for call in load_calls(HOLDOUT))


def test_the_calibration_set_is_the_one_tuned_on() -> None:
    calls = load_calls()
    assert len(calls) >= 56
    assert {c["lang"] for c in calls} == {"zh", "en"}
    assert len({c["scenario"] for c in calls}) >= 8


@pytest.mark.slow
def test_ranking_and_bands_hold(figures: Agreement) -> None:
    assert figures.spearman >= 0.85
    assert figures.spearman_without_excellent >= 0.81
    assert figures.band_agreement >= 0.75
    assert figures.fail_to_pass == 0  # no call a trainer fails ever passes
    assert figures.mean_gap <= 14.25


@pytest.mark.slow
@pytest.mark.parametrize("area", sorted(AREA_FLOORS))
def test_flags_hold_per_area(figures: Agreement, area: str) -> None:
    most_missed, most_false = AREA_FLOORS[area]
    assert figures.missed[area][0] <= most_missed
    assert figures.false_flags[area][0] <= most_false


@pytest.mark.slow
def test_held_out_calls_hold_what_was_measured(held_out: Agreement) -> None:
    assert held_out.calls == 36
    assert held_out.spearman >= 0.65
    assert held_out.spearman_without_excellent >= 0.80
    assert held_out.band_agreement >= 0.60
    assert held_out.fail_to_pass == 0
    assert held_out.mean_gap <= 20.35


@pytest.mark.slow
@pytest.mark.parametrize("area", sorted(HOLDOUT_AREA_FLOORS))
def test_held_out_flags_hold_per_area(held_out: Agreement, area: str) -> None:
    most_missed, most_false = HOLDOUT_AREA_FLOORS[area]
    assert held_out.missed[area][0] <= most_missed
    assert held_out.false_flags[area][0] <= most_false


def test_the_stored_call_is_what_is_judged() -> None:
    """Every reply is read against the stored customer line it answered, not today's."""
    from calibration.agreement import _customer_lines, play

    call = load_calls()[0]
    result, _ = play(call)
    stored = [u["text"] for u in call["transcript"] if u["speaker"] == "customer"]
    said = [text for speaker, text in result.transcript if speaker == "customer"]
    assert said == stored == _customer_lines(call["transcript"])
    assert len(result.transcript) == len(call["transcript"])


def test_spearman_ranks_ties_by_their_mean_rank() -> None:
    assert ranks([10, 20, 20, 30]) == [1.0, 2.5, 2.5, 4.0]
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [40, 30, 20, 10]) == pytest.approx(-1.0)
    assert spearman([1, 2, 3], [5, 5, 5]) == 0.0
