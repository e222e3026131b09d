"""Build the learned reader's model from the labeled corpus: ``python -m hotseat.language.train``.

Per language: a hash of each reply's id sets 15% of the corpus aside as the test
split and deals the rest into five folds. Models fitted on four folds score the
fifth; on these out-of-fold probabilities (every reply scored by a model that
never saw it) each move gets the threshold at which adding it helps the combined
reading most (never, if it does not help; for defend, rude and admission only where
85% or more of the moves it adds are right, since a trainee must not be accused
wrongly). The
shipped model is fitted on all five folds, and the test split, never seen, gives
the figures it prints.

Everything is deterministic: fixed order, full-batch Adam from zeros in float64,
sums by ``np.bincount``; the same corpus gives the same file, byte for byte
(``--check`` says whether the shipped file is that file).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from hotseat.language.analyzer import Analyzer
from hotseat.language.corpus import Corpus, blind_marks, load_corpus, shared_dir
from hotseat.language.normalize import normalize
from hotseat.language.reader import (
    FLAG_LABELS,
    LABELS,
    MODEL_PATH,
    MOVE_LABELS,
    SPECS,
    FeatureSpec,
    LangModel,
    dumps,
    feature_rows,
)
from hotseat.language.scoring import Labeled, Tally
from hotseat.moves import LANGS, Lang

VERSION = "1"
# A wrong accusation costs a trainee more than a missed one: of the moves the model adds,
# this share at least must be right.
CAREFUL: dict[str, float] = {"defend": 0.85, "rude": 0.85, "admission": 0.85}
NEVER = 1.01  # a threshold no probability reaches
# Adding must find this many more moves on validation than the lexicons did, or the gain is noise.
MIN_GAIN = 3
# An added move must be read with confidence: the pool's labels are noisy enough that F1
# alone picks thresholds near 0.15 (empathy added to a bare "Sorry. So sorry."), and at 0.5
# the model still reads the repo's look-alike probes (颜色随您挑, "是就是，不是就不是") as rude.
GRID = tuple(round(0.05 * k, 2) for k in range(14, 20))
EPOCHS = 8
LEARNING_RATE = 0.5
L2 = 1e-4
SEED = 20261207
SPLIT_TEST = 85  # ids hashing to 85..99 of 100 are the held-out test split
FOLDS = 5  # thresholds are chosen on out-of-fold probabilities over the rest


def split_of(item_id: str) -> str:
    """ "test" for 15% of ids, else "fold0".."fold4": the cross-validation fold."""
    bucket = int(hashlib.sha1(item_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "test" if bucket >= SPLIT_TEST else f"fold{bucket % FOLDS}"


def targets(items: Sequence[Labeled]) -> npt.NDArray[np.float64]:
    y = np.zeros((len(items), len(LABELS)), dtype=np.float64)
    for i, item in enumerate(items):
        for j, name in enumerate(MOVE_LABELS):
            y[i, j] = item.moves.get(name, 0) > 0
        for j, name in enumerate(FLAG_LABELS, len(MOVE_LABELS)):
            y[i, j] = name in item.flags
    return y


Rows = list[list[int]]  # each reply's sorted hashed feature indices


def rows_of(items: Sequence[Labeled], spec: FeatureSpec) -> Rows:
    flat, counts = feature_rows(
        [normalize(i.text).text for i in items], spec, [normalize(i.context).text for i in items]
    )
    ends = np.cumsum(counts)
    return [flat[end - n : end].tolist() for end, n in zip(ends, counts, strict=True)]


def fit(rows: Rows, y: npt.NDArray[np.float64], dim: int) -> tuple[np.ndarray, np.ndarray]:
    """Logistic regression per label by AdaGrad SGD, one reply at a time in a seeded order:
    a few passes over the data reach what hundreds of full-batch steps would."""
    used = np.unique(np.fromiter((i for r in rows for i in r), dtype=np.intp))
    local = [np.searchsorted(used, np.asarray(r, dtype=np.intp)) for r in rows]
    scale = [1.0 / np.sqrt(len(r)) if r else 0.0 for r in rows]
    labels = y.shape[1]
    w = np.zeros((used.size, labels))
    b = np.zeros(labels)
    g2_w = np.full_like(w, 1e-6)
    g2_b = np.full_like(b, 1e-6)
    rng = np.random.default_rng(SEED)
    for _ in range(EPOCHS):
        for r in rng.permutation(len(rows)):
            idx, v = local[r], scale[r]
            if not idx.size:
                continue
            rows_w = w[idx]
            z = rows_w.sum(axis=0) * v + b
            g = 1.0 / (1.0 + np.exp(-z)) - y[r]
            grad = v * g + L2 * rows_w
            g2_w[idx] += grad * grad
            w[idx] = rows_w - LEARNING_RATE * grad / np.sqrt(g2_w[idx])
            g2_b += g * g
            b -= LEARNING_RATE * g / np.sqrt(g2_b)
    full = np.zeros((dim, labels))
    full[used] = w
    return full, b


def probabilities(model: LangModel, items: Sequence[Labeled]) -> npt.NDArray[np.float32]:
    folded = [normalize(i.text).text for i in items]
    contexts = [normalize(i.context).text for i in items]
    return model.probabilities_many(folded, contexts)


def combined(lexicon: int, p: float, add: float) -> int:
    """The count the combined reader gives: the lexicons' where they settled the move
    (``lexicon`` -1: weighed and refused, as ``Analyzer.settled`` says); one where they did
    not and the model reads it (at ``add`` or above)."""
    if lexicon:
        return max(lexicon, 0)
    return int(p >= add)


def choose_thresholds(
    items: Sequence[Labeled], lexicon: Sequence[dict[str, int]], probs: npt.NDArray[np.float32]
) -> dict[str, float]:
    """Per move, the threshold at which adding helps the combined F1 most (NEVER when it
    does not find MIN_GAIN more moves); per flag, the one that reads added promises' flags
    best."""
    chosen: dict[str, float] = {}
    for name in MOVE_LABELS:
        j = LABELS.index(name)
        gold = [i.moves.get(name, 0) for i in items]
        lex = [c.get(name, 0) for c in lexicon]
        base = _tally(gold, [max(c, 0) for c in lex])
        best, best_f1 = NEVER, base.f1
        for add in GRID:
            adds = [not c and p >= add for c, p in zip(lex, probs[:, j], strict=True)]
            right = sum(1 for a, g in zip(adds, gold, strict=True) if a and g)
            if right < MIN_GAIN or right < CAREFUL.get(name, 0.0) * sum(adds):
                continue  # too few found, or too many of them wrong accusations
            tally = _tally(gold, [max(c, 0) or int(a) for c, a in zip(lex, adds, strict=True)])
            if tally.f1 > best_f1 + 1e-9:
                best, best_f1 = add, tally.f1
        chosen[name] = best
    added = [k for k, c in enumerate(lexicon) if not c.get("promise", 0)]
    for flag in FLAG_LABELS:
        j = LABELS.index(flag)
        gold = [int(flag in items[k].flags) for k in added]
        flag_at, flag_f1 = 0.5, -1.0
        for t in GRID:
            f1 = _tally(gold, [int(probs[k, j] >= t) for k in added]).f1
            if f1 > flag_f1 + 1e-9:
                flag_at, flag_f1 = t, f1
        chosen[flag] = flag_at
    return chosen


def _tally(gold: Sequence[int], predicted: Sequence[int]) -> Tally:
    tally = Tally()
    for g, p in zip(gold, predicted, strict=True):
        tally.add(p, g)
    return tally


def lexicon_counts(items: Sequence[Labeled]) -> list[dict[str, int]]:
    """Each reply's move counts by the lexicons; -1 for a move they weighed and refused."""
    analyzer = Analyzer(reader=False)
    out = []
    for item in items:
        counts = {
            kind.value: n for kind, n in analyzer.analyze(item.text, item.lang).counts().items()
        }
        for kind in analyzer.settled(item.text, item.lang):
            counts.setdefault(kind.value, -1)
        out.append(counts)
    return out


def corpus_hash(corpora: Sequence[Corpus]) -> str:
    """What the model was built from: every training item and the settings, hashed."""
    digest = hashlib.sha256()
    settings = {
        "version": VERSION,
        "specs": {k: v.to_json() for k, v in SPECS.items()},
        "fit": [EPOCHS, LEARNING_RATE, L2, SEED, SPLIT_TEST, FOLDS],
    }
    digest.update(json.dumps(settings, sort_keys=True).encode("utf-8"))
    for corpus in corpora:
        for item in corpus.items:
            row = [
                item.lang,
                item.id,
                item.text,
                item.context,
                sorted(item.moves.items()),
                sorted(item.flags),
            ]
            digest.update(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
    return digest.hexdigest()[:16]


@dataclass(slots=True)
class Built:
    """One language's shipped model and the held-out test figures."""

    model: LangModel
    corpus: Corpus
    counts: dict[str, int]
    test: list[tuple[str, Tally, Tally]]  # move, lexicons only, with the reader


def build_lang(lang: Lang, corpus: Corpus) -> Built:
    spec = SPECS[lang]
    dim = 1 << spec.bits
    fitted = [i for i in corpus.items if split_of(i.id) != "test"]
    test_items = [i for i in corpus.items if split_of(i.id) == "test"]
    rows = rows_of(fitted, spec)
    y = targets(fitted)
    folds = [split_of(i.id) for i in fitted]
    out_of_fold = np.zeros((len(fitted), len(LABELS)), dtype=np.float32)
    for fold in sorted(set(folds)):
        inside = [k for k, f in enumerate(folds) if f != fold]
        outside = [k for k, f in enumerate(folds) if f == fold]
        w, b = fit([rows[k] for k in inside], y[inside], dim)
        probe = LangModel(spec, w.astype(np.float32), b.astype(np.float32), {})
        out_of_fold[outside] = probabilities(probe, [fitted[k] for k in outside])
    thresholds = choose_thresholds(fitted, lexicon_counts(fitted), out_of_fold)
    w, b = fit(rows, y, dim)
    model = LangModel(spec, w.astype(np.float32), b.astype(np.float32), thresholds)
    test_probs = probabilities(model, test_items)
    test_lexicon = lexicon_counts(test_items)
    test = []
    for name in MOVE_LABELS:
        j = LABELS.index(name)
        gold = [i.moves.get(name, 0) for i in test_items]
        lex = [c.get(name, 0) for c in test_lexicon]  # -1: settled by the lexicons as absent
        both = [
            combined(c, p, thresholds[name]) for c, p in zip(lex, test_probs[:, j], strict=True)
        ]
        test.append((name, _tally(gold, [max(c, 0) for c in lex]), _tally(gold, both)))
    counts = {"fitted": len(fitted), "test": len(test_items)}
    return Built(model, corpus, counts, test)


def build(shared: Path | None) -> tuple[bytes, dict[Lang, Built]]:
    """The model file's bytes, from the corpus as it stands, and the per-language figures."""
    marks = blind_marks()
    corpora = {lang: load_corpus(lang, shared, marks) for lang in LANGS}
    built = {lang: build_lang(lang, corpora[lang]) for lang in LANGS}
    blob = dumps(
        VERSION, corpus_hash(list(corpora.values())), {k: v.model for k, v in built.items()}
    )
    return blob, built


def _report(built: dict[Lang, Built]) -> None:
    for lang, b in built.items():
        c = b.corpus
        print(
            f"\n== {lang}: {len(c.items)} replies ({b.counts}); left out: {c.dropped_blind} blind,"
            f" {c.missing} not in pool, {c.changed} changed text"
        )
        print(f"{'move':<11} {'add':>5}  {'lexicons P/R/F1':>20}  {'with reader P/R/F1':>20}")
        for name, lex, both in b.test:
            print(
                f"{name:<11} {b.model.thresholds[name]:5.2f}  "
                f"{lex.precision:6.3f} {lex.recall:6.3f} {lex.f1:6.3f}  "
                f"{both.precision:6.3f} {both.recall:6.3f} {both.f1:6.3f}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether the file matches")
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    shared = shared_dir()
    if shared is None:
        print("note: shared/realdata/pool not found; pool labels are left out", file=sys.stderr)
    blob, built = build(shared)
    _report(built)
    digest = hashlib.sha256(blob).hexdigest()
    if args.check:
        same = args.output.exists() and args.output.read_bytes() == blob
        print(
            f"\n{args.output}: {'matches' if same else 'DIFFERS from'} the rebuild ({digest[:16]})"
        )
        return 0 if same else 1
    args.output.write_bytes(blob)
    print(f"\nwrote {args.output} ({len(blob)} bytes, sha256 {digest[:16]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
