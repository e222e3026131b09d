"""Score the analyzer against labeled replies (the format of shared/eval/LABELING.md).

One scoring routine serves the eval script (bench/eval_analyzer.py) and the
test that holds the analyzer to its bars, so the figures a reviewer reads
and the figures the suite enforces can never drift apart.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from hotseat.language.analyzer import Analyzer, default_analyzer
from hotseat.moves import LANGS, MOVE_NAMES, Analysis, Lang, MoveKind

FLAG_NAMES: tuple[str, ...] = ("guarantee", "deadline", "compensation")


@dataclass(frozen=True, slots=True)
class Labeled:
    """One labeled reply: gold move counts and the union of its promise flags."""

    id: str
    lang: Lang
    text: str
    moves: dict[str, int]
    flags: frozenset[str]
    context: str = ""  # the customer's line just before, when the label file has it


@dataclass(slots=True)
class Tally:
    """Micro counts for one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: int, gold: int) -> None:
        hit = min(predicted, gold)
        self.tp += hit
        self.fp += predicted - hit
        self.fn += gold - hit

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Miss:
    """A reply the analyzer got wrong, for reading the failures."""

    item: Labeled
    predicted: dict[str, int]
    flags: frozenset[str]


@dataclass(slots=True)
class Report:
    """Per-move tallies, promise-flag tally and exact-count accuracies for one language."""

    lang: str
    replies: int = 0
    moves: dict[str, Tally] = field(default_factory=lambda: {m.value: Tally() for m in MoveKind})
    flags: Tally = field(default_factory=Tally)
    exact_apology: int = 0
    exact_question: int = 0
    misses: list[Miss] = field(default_factory=list)

    @property
    def apology_accuracy(self) -> float:
        return self.exact_apology / self.replies if self.replies else 1.0

    @property
    def question_accuracy(self) -> float:
        return self.exact_question / self.replies if self.replies else 1.0


class LabelError(ValueError):
    """A labeled file line that does not follow the labeling guide."""


def _parse(line: str, where: str) -> Labeled:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise LabelError(f"{where}: not JSON ({exc.msg})") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise LabelError(f"{where}: expected an object with a string 'text'")
    lang = raw.get("lang")
    if lang not in LANGS:
        raise LabelError(f"{where}: lang must be zh or en")
    moves = raw.get("moves", {})
    if not isinstance(moves, dict) or not set(moves) <= MOVE_NAMES:
        raise LabelError(f"{where}: moves must map move names to counts")
    flags = raw.get("promise_flags", [])
    if not isinstance(flags, list) or not set(flags) <= set(FLAG_NAMES):
        raise LabelError(f"{where}: promise_flags must be a list of {', '.join(FLAG_NAMES)}")
    context = raw.get("context")
    return Labeled(
        str(raw.get("id", where)),
        lang,
        raw["text"],
        dict(moves),
        frozenset(flags),
        context if isinstance(context, str) else "",
    )


def load_labeled(path: Path) -> list[Labeled]:
    """Every labeled reply in a JSON Lines file."""
    items: list[Labeled] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                items.append(_parse(line, f"{path.name}:{number}"))
    return items


def predicted_flags(analysis: Analysis) -> frozenset[str]:
    """The union of flags over the reply's promises, as the labels record them."""
    flags: set[str] = set()
    for move in analysis.of(MoveKind.PROMISE):
        flags.update(name for name in FLAG_NAMES if getattr(move, name))
    return frozenset(flags)


def score(items: Iterable[Labeled], analyzer: Analyzer | None = None) -> dict[str, Report]:
    """Score every item with its own language; one report per language seen."""
    analyzer = analyzer or default_analyzer()
    reports: dict[str, Report] = {}
    for item in items:
        report = reports.setdefault(item.lang, Report(item.lang))
        analysis = analyzer.analyze(item.text, item.lang, item.context or None)
        counts = {kind.value: n for kind, n in analysis.counts().items()}
        flags = predicted_flags(analysis)
        report.replies += 1
        wrong = False
        for name, tally in report.moves.items():
            predicted, gold = counts.get(name, 0), item.moves.get(name, 0)
            tally.add(predicted, gold)
            wrong = wrong or predicted != gold
        for flag in FLAG_NAMES:
            report.flags.add(int(flag in flags), int(flag in item.flags))
        wrong = wrong or flags != item.flags
        report.exact_apology += counts.get("apology", 0) == item.moves.get("apology", 0)
        report.exact_question += counts.get("question", 0) == item.moves.get("question", 0)
        if wrong:
            report.misses.append(Miss(item, counts, flags))
    return reports
