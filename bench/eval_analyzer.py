"""Print how well the analyzer labels replies: per-move P/R/F1, flags, exact counts.

Usage: python bench/eval_analyzer.py [--misses] [--no-reader] [FILE.jsonl ...]
With no file it scores the dev sets in tests/data. Files follow
shared/eval/LABELING.md; each reply is scored in its own language, with the customer's
line as context when the file has it; --no-reader reads with the lexicons alone.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hotseat.language.analyzer import Analyzer
from hotseat.language.corpus import labeled_set
from hotseat.language.scoring import Labeled, LabelError, Report, score
from hotseat.moves import MoveKind

DEFAULT_FILES = [
    Path(__file__).resolve().parents[1] / "tests" / "data" / name
    for name in ("dev_zh.jsonl", "dev_en.jsonl")
]


def _print_report(report: Report, show_misses: bool) -> None:
    print(f"\n== {report.lang}: {report.replies} replies")
    print(f"{'move':<12} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
    for kind in MoveKind:
        t = report.moves[kind.value]
        gold, pred = t.tp + t.fn, t.tp + t.fp
        print(
            f"{kind.value:<12} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f} {gold:5d} {pred:5d}"
        )
    f = report.flags
    print(f"{'flags':<12} {f.precision:6.3f} {f.recall:6.3f} {f.f1:6.3f}")
    print(f"exact apology count: {report.apology_accuracy:.3f}")
    print(f"exact question count: {report.question_accuracy:.3f}")
    if show_misses:
        for miss in report.misses:
            gold = dict(sorted(miss.item.moves.items()))
            pred = dict(sorted(miss.predicted.items()))
            print(f"\n  {miss.item.id}: {miss.item.text}")
            print(f"    gold {gold} {sorted(miss.item.flags)}")
            print(f"    pred {pred} {sorted(miss.flags)}")


def _load(path: Path) -> list[Labeled]:
    items = labeled_set(path)
    if items is None:
        raise ValueError(f"{path.name}: its text is in shared/realdata/pool, which is not here")
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="labeled JSON Lines files")
    parser.add_argument("--misses", action="store_true", help="list every reply got wrong")
    parser.add_argument("--no-reader", action="store_true", help="lexicons only, no model")
    args = parser.parse_args(argv)
    items = []
    for path in args.files or DEFAULT_FILES:
        try:
            items.extend(_load(path))
        except (OSError, LabelError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    for report in score(items, Analyzer(reader=not args.no_reader)).values():
        _print_report(report, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
