"""The learned reader: per-move logistic classifiers over hashed n-grams, beside the lexicons.

Lexicons read what they were written for exactly (spans, counts, negation,
refusals) and miss what they were not: blame by inference, sarcasm with no
stock phrase, a commitment with no "will". A linear model over character
n-grams (and English word n-grams) reads those by resemblance to labeled
replies. It only adds: where the lexicons found no move of a kind and the
model is confident enough, the move is added with the clause that scores
highest as its span, so offsets stay exact.

Inference is plain NumPy over a model file shipped in the package (built by
``python -m hotseat.language.train``); features are hashed with CRC-32, which
is stable across processes and machines, unlike Python's ``hash``.
"""

from __future__ import annotations

import gzip
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from hotseat.language.commitments import Flags
from hotseat.language.normalize import Normalized, normalize
from hotseat.moves import Lang, MoveKind

MODEL_PATH = Path(__file__).resolve().parent / "data" / "reader.bin"
FORMAT = "hotseat-reader/1"

# The labels each model scores: the moves it may add (the lexicons read apology,
# thanks, questions, preframes and backchannels near perfectly), then the promise flags.
MOVE_LABELS: tuple[str, ...] = ("empathy", "promise", "summary", "defend", "rude", "admission")
FLAG_LABELS: tuple[str, ...] = ("guarantee", "deadline", "compensation")
LABELS: tuple[str, ...] = MOVE_LABELS + FLAG_LABELS

_SPACES = re.compile(r"\s+")
_EN_WORD = re.compile(r"[a-z0-9']+|[^\sa-z0-9']")
# Where a clause ends, for the span of a move the model adds (as segment.py cuts, roughly).
_CLAUSE_END = re.compile(r"[,、:;。!?\n\r\t…~，；：！？]+|(?<![0-9])\.(?![0-9])")
_CLAUSE_TRIM = " \"'“”「」()（）-—*"


@dataclass(frozen=True, slots=True)
class FeatureSpec:
    """How a reply (and the customer's line before it) becomes hashed feature indices."""

    bits: int
    char_min: int
    char_max: int
    words: int  # English word n-grams up to this length; 0 for none
    context: bool  # whether the customer's line adds features of its own

    def to_json(self) -> dict[str, object]:
        return {
            "bits": self.bits,
            "char_min": self.char_min,
            "char_max": self.char_max,
            "words": self.words,
            "context": self.context,
        }


SPECS: dict[Lang, FeatureSpec] = {
    "zh": FeatureSpec(bits=18, char_min=1, char_max=3, words=0, context=True),
    "en": FeatureSpec(bits=18, char_min=2, char_max=5, words=2, context=True),
}


_PRIME = np.uint32(16777619)  # FNV-1a
_CONTEXT_SALT = 0x5BD1E995  # the customer's line hashes into features of its own


def _mix(h: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    """MurmurHash3's finalizer: every input bit reaches every bucket bit."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


_PRIME_INVERSE = np.uint32(pow(16777619, -1, 1 << 32))
# What an English word is made of; any other character but a space is a word of its own.
_WORD_CHARS = np.zeros(128, dtype=bool)
for _char in "abcdefghijklmnopqrstuvwxyz0123456789'":
    _WORD_CHARS[ord(_char)] = True


class _Codes:
    """Many texts end to end as one array of code points, each padded with a space on both
    sides and cut from the next by a NUL, with the row every position belongs to."""

    def __init__(self, texts: Sequence[str]) -> None:
        joined = "".join([f"\x00 {t} " for t in texts]) + "\x00"
        self.codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        lengths = np.fromiter((len(t) + 3 for t in texts), dtype=np.intp, count=len(texts))
        self.row = np.repeat(np.arange(len(texts) + 1, dtype=np.intp), np.append(lengths, 1))

    def char_grams(
        self, lo: int, hi: int, salt: int
    ) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.uint32]]:
        """(row, unmixed hash) of every character n-gram of sizes ``lo``..``hi`` within a
        text; each size's hashes extend the last size's by one character."""
        codes, row = self.codes, self.row
        n = codes.size
        rows, hashes = [], []
        with np.errstate(over="ignore"):
            h = (codes ^ np.uint32(salt)) * _PRIME
            for size in range(1, hi + 1):
                if size > 1:
                    h = (h[:-1] ^ codes[size - 1 :]) * _PRIME
                if size >= lo and h.size:
                    m = n - size + 1
                    keep = (codes[:m] != 0) & (row[:m] == row[size - 1 :])
                    rows.append(row[:m][keep])
                    hashes.append(h[keep] ^ np.uint32(size * 0x9E3779B1 & 0xFFFFFFFF))
        return np.concatenate(rows), np.concatenate(hashes)

    def word_grams(
        self, size: int, salt: int
    ) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.uint32]]:
        """(row, unmixed hash) of word n-grams up to ``size`` words: runs of letters, digits
        and apostrophes, and every other non-space character alone, hashed by prefix sums."""
        codes = self.codes
        word = np.zeros(codes.size + 1, dtype=bool)
        ascii_ = codes < 128
        word[:-1][ascii_] = _WORD_CHARS[codes[ascii_]]
        other = ~word[:-1] & (codes != 32) & (codes != 0)
        prev = np.concatenate(([False], word[:-2]))
        starts = np.flatnonzero(other | (word[:-1] & ~prev))
        ends = np.flatnonzero(other | (word[:-1] & ~word[1:])) + 1
        with np.errstate(over="ignore"):
            powers = np.cumprod(np.full(codes.size, _PRIME, dtype=np.uint32), dtype=np.uint32)
            inverse = np.cumprod(
                np.full(codes.size, _PRIME_INVERSE, dtype=np.uint32), dtype=np.uint32
            )
            prefix = np.concatenate(([0], np.cumsum(codes * powers, dtype=np.uint32)))
            prefix = prefix.astype(np.uint32)
            rows, hashes = [], []
            token_row = self.row[starts]
            for width in range(1, size + 1):
                m = starts.size - width + 1
                if m <= 0:
                    break
                a, b = starts[:m], ends[width - 1 : width - 1 + m]
                keep = token_row[:m] == token_row[width - 1 : width - 1 + m]
                h = (prefix[b[keep]] - prefix[a[keep]]) * inverse[a[keep]]
                rows.append(token_row[:m][keep])
                hashes.append(h ^ np.uint32((salt + width * 0x27D4EB2F) & 0xFFFFFFFF))
        if not rows:
            return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.uint32)
        return np.concatenate(rows), np.concatenate(hashes)


def feature_rows(
    folded: Sequence[str], spec: FeatureSpec, contexts: Sequence[str] | None = None
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """The hashed feature indices of many folded replies (and folded customer lines): all
    rows' sorted unique indices end to end, and each row's count."""
    replies = _Codes([_SPACES.sub(" ", t).strip() for t in folded])
    parts = [replies.char_grams(spec.char_min, spec.char_max, 0)]
    if spec.words:
        parts.append(replies.word_grams(spec.words, 1))
    if spec.context and contexts is not None and any(contexts):
        lines = _Codes([_SPACES.sub(" ", c).strip()[:200] for c in contexts])
        parts.append(lines.char_grams(2, 2, _CONTEXT_SALT))
        if spec.words:
            parts.append(lines.word_grams(1, _CONTEXT_SALT))
    row = np.concatenate([p[0] for p in parts])
    with np.errstate(over="ignore"):
        mixed = _mix(np.concatenate([p[1] for p in parts]))
    index = mixed.astype(np.intp) & ((1 << spec.bits) - 1)
    keys = np.sort((row << spec.bits) | index)  # np.unique hashes, and is slower here
    keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if keys.size else keys
    counts = np.bincount(keys >> spec.bits, minlength=len(folded))
    return keys & ((1 << spec.bits) - 1), counts


def features(folded: str, spec: FeatureSpec, context: str = "") -> list[int]:
    """Sorted hashed feature indices of one folded reply (and the folded customer line)."""
    return feature_rows([folded], spec, [context])[0].tolist()


class LangModel:
    """One language's weights: ``weights`` (2**bits x labels), ``bias``, thresholds."""

    def __init__(
        self,
        spec: FeatureSpec,
        weights: npt.NDArray[np.float32],
        bias: npt.NDArray[np.float32],
        thresholds: dict[str, float],
    ) -> None:
        self.spec = spec
        self.weights = weights
        self.bias = bias
        self.thresholds = thresholds

    def probabilities_many(
        self, folded: Sequence[str], contexts: Sequence[str]
    ) -> npt.NDArray[np.float32]:
        """P(label present) for many replies at once: one hashing pass, one gather and one
        segment sum."""
        flat, lengths = feature_rows(folded, self.spec, contexts)
        z = np.tile(self.bias, (len(folded), 1))
        full = lengths > 0
        if flat.size:
            starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))[full]
            sums = np.add.reduceat(self.weights[flat], starts, axis=0)
            z[full] += sums / np.sqrt(lengths[full]).astype(np.float32)[:, None]
        return (1.0 / (1.0 + np.exp(-z))).astype(np.float32, copy=False)

    def best_clause(self, folded: str, label: str) -> tuple[int, int]:
        """The clause of the folded reply that scores highest for ``label``, trimmed (the
        first of equals); all clauses are scored in one batch, so a reply of ten thousand
        clauses costs one pass."""
        spans: list[tuple[int, int]] = []
        start = 0
        for cut in [*_CLAUSE_END.finditer(folded), None]:
            end = cut.start() if cut is not None else len(folded)
            lo, hi = _trim(folded, start, end)
            if lo < hi:
                spans.append((lo, hi))
            if cut is not None:
                start = cut.end()
        if not spans:
            lo, hi = _trim(folded, 0, len(folded))
            return lo, max(hi, lo)
        flat, lengths = feature_rows([folded[lo:hi] for lo, hi in spans], self.spec)
        column = self.weights[:, LABELS.index(label)]
        scores = np.full(len(spans), self.bias[LABELS.index(label)], dtype=np.float32)
        full = lengths > 0
        if flat.size:
            starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))[full]
            sums = np.add.reduceat(column[flat], starts)
            scores[full] += sums / np.sqrt(lengths[full]).astype(np.float32)
        return spans[int(np.argmax(scores))]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _CLAUSE_TRIM):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _CLAUSE_TRIM):
        end -= 1
    return start, end


@dataclass(frozen=True, slots=True)
class ReaderModel:
    """Both languages' models and what they were built from."""

    version: str
    data_hash: str
    models: dict[Lang, LangModel]


def dumps(version: str, data_hash: str, models: dict[Lang, LangModel]) -> bytes:
    """The model file: gzip (no timestamp) of a JSON header line and the raw int8 weights.

    Weights are stored per label as int8 with one scale each, which keeps the file small
    and makes it byte-identical across rebuilds that differ only in the last float bits.
    """
    header: dict[str, object] = {"format": FORMAT, "version": version, "data_hash": data_hash}
    blobs: list[bytes] = []
    langs: dict[str, object] = {}
    for lang in sorted(models):
        model = models[lang]
        peak = np.abs(model.weights).max(axis=0)
        scale = np.where(peak > 0, peak / 127.0, 1.0).astype(np.float32)
        quantized = np.round(model.weights / scale).astype(np.int8)
        langs[lang] = {
            "spec": model.spec.to_json(),
            "labels": list(LABELS),
            "scale": [float(s) for s in scale],
            "bias": [round(float(b), 6) for b in model.bias],
            "thresholds": {k: round(v, 4) for k, v in sorted(model.thresholds.items())},
            "bytes": quantized.size,
        }
        blobs.append(quantized.tobytes(order="C"))
    header["langs"] = langs
    head = json.dumps(header, sort_keys=True, ensure_ascii=True).encode("ascii")
    return gzip.compress(head + b"\n" + b"".join(blobs), compresslevel=9, mtime=0)


def loads(blob: bytes) -> ReaderModel:
    raw = gzip.decompress(blob)
    newline = raw.index(b"\n")
    header = json.loads(raw[:newline])
    if header.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} model file")
    offset = newline + 1
    models: dict[Lang, LangModel] = {}
    for lang, info in sorted(header["langs"].items()):
        if tuple(info["labels"]) != LABELS:
            raise ValueError("the model file scores other labels than this code reads")
        spec = FeatureSpec(**info["spec"])
        size = int(info["bytes"])
        quantized = np.frombuffer(raw, dtype=np.int8, count=size, offset=offset)
        offset += size
        weights = quantized.reshape(1 << spec.bits, len(LABELS)).astype(np.float32)
        weights *= np.asarray(info["scale"], dtype=np.float32)
        bias = np.asarray(info["bias"], dtype=np.float32)
        models[lang] = LangModel(spec, weights, bias, dict(info["thresholds"]))
    return ReaderModel(header["version"], header["data_hash"], models)


@cache
def shipped_model() -> ReaderModel | None:
    """The model that ships in the package; None if it was never built."""
    if not MODEL_PATH.exists():
        return None
    return loads(MODEL_PATH.read_bytes())


# The moves the model may add, as analyzer moves.
_ADDABLE: tuple[tuple[str, MoveKind], ...] = tuple((n, MoveKind(n)) for n in MOVE_LABELS)
# An added move, as the analyzer's grammar reports its own: kind, folded span, flags.
Added = tuple[MoveKind, int, int, Flags | None]


def added_moves(
    model: LangModel, folded: str, probs: npt.NDArray[np.float32], settled: frozenset[MoveKind]
) -> list[Added]:
    """The moves the model reads of kinds the lexicons have not settled (found, or weighed
    and refused), each on its best-scoring clause; an added promise carries the flags the
    model reads."""
    out: list[Added] = []
    thresholds = model.thresholds
    for name, kind in _ADDABLE:
        if kind in settled or probs[LABELS.index(name)] < thresholds.get(name, 2.0):
            continue
        start, end = model.best_clause(folded, name)
        flags = None
        if kind is MoveKind.PROMISE:
            flags = Flags()
            flags.guarantee = bool(probs[_GUARANTEE] >= thresholds["guarantee"])
            flags.deadline = bool(probs[_DEADLINE] >= thresholds["deadline"])
            flags.compensation = bool(probs[_COMPENSATION] >= thresholds["compensation"])
        out.append((kind, start, end, flags))
    return out


_GUARANTEE, _DEADLINE, _COMPENSATION = (LABELS.index(f) for f in FLAG_LABELS)


class LearnedReader:
    """Adds the model's moves to the grammar's readings, many replies at a time."""

    def __init__(self, model: ReaderModel) -> None:
        self.model = model

    def add(
        self,
        readings: Sequence[
            tuple[Lang, Normalized, list[Added], list[tuple[int, int]], frozenset[MoveKind]]
        ],
        contexts: Sequence[str | None],
    ) -> None:
        """Append to each reading's moves what the model reads and the lexicons missed."""
        by_lang: dict[Lang, list[int]] = {}
        for k, reading in enumerate(readings):
            if reading[0] in self.model.models:
                by_lang.setdefault(reading[0], []).append(k)
        for lang, ks in by_lang.items():
            model = self.model.models[lang]
            folded = [readings[k][1].text for k in ks]
            ctx = [normalize(c).text if (c := contexts[k]) else "" for k in ks]
            probs = model.probabilities_many(folded, ctx)
            for row, k in enumerate(ks):
                readings[k][2].extend(added_moves(model, folded[row], probs[row], readings[k][4]))


@cache
def reader_on() -> bool:
    """Whether the learned reader judges by default: only where HOTSEAT_READER=on.

    It is opt-in until it meets the precision bar on the blind batches (issue 11): on
    replies unlike its corpus it still reads plain empathy ("I understand, it's really
    frustrating") or a look-alike ("是就是，不是就不是") as a defence or rudeness, and a
    trainee wrongly told they argued stops trusting the scorecard."""
    return os.environ.get("HOTSEAT_READER", "").lower() == "on"


def learned_reader() -> LearnedReader | None:
    """The reader over the shipped model; None when no model file ships."""
    model = shipped_model()
    return LearnedReader(model) if model is not None else None
