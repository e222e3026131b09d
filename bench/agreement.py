"""Print inter-annotator agreement (Cohen's κ per move) between two independent labelings.

Usage: python bench/agreement.py [--set pool|written|blind] [--markdown]
pool: real pool turns (second labels on the ids numbered in tens up to 03000); written: the
replies the labelers wrote (every tenth id labeled again by another annotator); blind: the
blind written batches (every fifth id labeled again by a second blind labeler). Only ids
both labelings hold are compared; no text is needed, the labels name replies by id.
"""

from __future__ import annotations

import argparse
import sys

from hotseat.language.agreement import Agreement, agreement
from hotseat.language.corpus import TWICE_LABELED, labels_by_id
from hotseat.language.scoring import LabelError
from hotseat.moves import LANGS


def _kappa(row: Agreement) -> str:
    return "n/a" if row.kappa is None else f"{row.kappa:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(TWICE_LABELED), default="pool", dest="which")
    parser.add_argument("--markdown", action="store_true", help="one table for the README")
    args = parser.parse_args(argv)
    tables: dict[str, tuple[int, list[Agreement]]] = {}
    for lang in LANGS:
        try:
            paths = TWICE_LABELED[args.which](lang)
            first, second = labels_by_id(paths[0]), labels_by_id(paths[1])
        except (OSError, LabelError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        shared = len(set(first) & set(second))
        tables[lang] = (shared, agreement(first, second))
    if args.markdown:
        counts = " / ".join(f"{lang} {tables[lang][0]}" for lang in LANGS)
        print(f"Replies labeled twice: {counts}. κ (both marked / either marked):\n")
        print("| move | zh | en |\n|---|---|---|")
        names = [row.name for row in tables["zh"][1] or tables["en"][1]]
        for k, name in enumerate(names):
            cells = []
            for lang in LANGS:
                rows = tables[lang][1]
                cells.append(f"{_kappa(rows[k])} ({rows[k].both}/{rows[k].either})" if rows else "")
            print(f"| {name} | {' | '.join(cells)} |")
        return 0
    for lang in LANGS:
        shared, rows = tables[lang]
        print(f"\n== {lang}: {shared} replies labeled twice")
        if not rows:
            continue
        print(f"{'measure':<18} {'kappa':>6} {'both':>5} {'either':>6} {'same count':>10}")
        for row in rows:
            print(
                f"{row.name:<18} {_kappa(row):>6} {row.both:5d} {row.either:6d}"
                f" {row.same_count:10.3f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
