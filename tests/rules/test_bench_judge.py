"""Judging speed: a whole call judged and scored (`--benchmark-enable` to measure).

Bulk scoring runs the judge on every reply of every real transcript, so it has
to stay a small fraction of the analyzer's per-reply cost.
"""

from __future__ import annotations

from typing import Any

from hotseat.rules import Judge, score

from .test_scoring import model_call, spam_call


def test_judge_and_score_a_clean_call(benchmark: Any) -> None:
    judge, c = Judge(), model_call()
    result = benchmark(lambda: score(c, judge.replay(c)))
    assert result.overall == 100


def test_judge_and_score_apology_spam(benchmark: Any) -> None:
    judge, c = Judge(), spam_call()
    result = benchmark(lambda: score(c, judge.replay(c)))
    assert result.overall <= 40
