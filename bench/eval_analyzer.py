"""Print how well the analyzer labels replies: per-move P/R/F1, flags, exact counts.

Usage: python bench/eval_analyzer.py [--misses] [--no-reader] [FILE.jsonl ...]
With no file it scores the dev sets in tests/data. Files follow
shared/eval/LABELING.md; each reply is scored in its own language, with the customer's
line as context when the file has it; --no-reader reads with the lexicons alone.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from hotseat.language.analyzer import Analyzer
from hotseat.language.corpus import dialogue_labels, shared_dir
from hotseat.language.scoring import Labeled, LabelError, Report, load_labeled, score
from hotseat.moves import Lang, MoveKind

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
    """A labeled file: LABELING.md lines with text, or labels of pool dialogue turns whose text
    is joined from the shared folder (their licence keeps it out of the repo)."""
    with path.open(encoding="utf-8") as handle:
        first = next((line for line in handle if line.strip()), "")
    if not first or "text" in json.loads(first):
        return load_labeled(path)
    shared = shared_dir()
    if shared is None:
        raise ValueError(f"{path.name}: its text is in shared/realdata/pool, which is not here")
    lang: Lang = "zh" if path.stem.endswith("zh") else "en"
    joined = dialogue_labels(path, lang, shared)
    if joined.missing or joined.changed:
        print(
            f"note: {path.name}: {len(joined.missing)} not found, {len(joined.changed)} changed",
            file=sys.stderr,
        )
    return joined.items


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
