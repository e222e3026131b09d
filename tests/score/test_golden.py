"""Judging and scoring give the very bytes they gave before: speed work must not change a verdict.

The golden files (see ``golden.py``) were written by the code as it stood before
any optimization; the analyzer is pinned to its committed readings, so only the
judge, the scorer and the renderer are under test here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from hotseat import bulk
from hotseat.cli import main

from .golden import (
    CORPUS,
    HERE,
    JUDGED,
    SCORED,
    SUMMARY,
    PinnedAnalyzer,
    judged_lines,
    load_analyses,
)


def same_lines(got: str, golden: Path) -> None:
    """Equal to the golden file, byte for byte; a failure names the first line that differs."""
    want = golden.read_text(encoding="utf-8")
    if got != want:
        pairs = zip(got.splitlines(), want.splitlines(), strict=False)
        line = next((i for i, (g, w) in enumerate(pairs, 1) if g != w), None)
        where = f"line {line}" if line else "the number of lines"
        pytest.fail(f"{golden.name} differs at {where}")


@pytest.fixture
def pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PinnedAnalyzer, "table", load_analyses())
    monkeypatch.setattr(bulk, "Analyzer", PinnedAnalyzer)
    monkeypatch.chdir(HERE)


@pytest.mark.usefixtures("pinned")
def test_hotseat_score_writes_the_golden_jsonl_and_summary() -> None:
    result = CliRunner().invoke(main, ["score", "--jobs", "1", CORPUS.name])
    assert result.exit_code == 1  # the corpus holds two records that must be skipped
    same_lines(result.stdout, SCORED)
    same_lines(result.stderr, SUMMARY)


def test_scenario_calls_are_judged_and_scored_as_before() -> None:
    same_lines("\n".join(judged_lines(load_analyses())) + "\n", JUDGED)
