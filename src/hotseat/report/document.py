"""A report as a short list of blocks, written once and rendered to Markdown or HTML.

Keeping the content apart from the markup means the two formats always say the
same thing, and escaping happens in exactly one place per format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from hotseat.moves import Lang
from hotseat.report.svg import Series


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True, slots=True)
class Para:
    text: str


@dataclass(frozen=True, slots=True)
class Facts:
    """Label: value pairs, e.g. who, when, outcome."""

    pairs: Sequence[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class Table:
    header: Sequence[str]
    rows: Sequence[Sequence[str]]


@dataclass(frozen=True, slots=True)
class LineChart:
    title: str
    series: Sequence[Series]
    x_labels: Sequence[str]
    axis: str


@dataclass(frozen=True, slots=True)
class Bars:
    title: str
    bars: Sequence[tuple[str, int]]


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of a list of findings: a title, the evidence and the advice."""

    title: str
    lines: Sequence[str] = ()
    severity: str = ""


@dataclass(frozen=True, slots=True)
class Items:
    items: Sequence[Item]


@dataclass(frozen=True, slots=True)
class Utter:
    """One transcript line; ``side`` decides which way the chat bubble leans."""

    speaker: str
    text: str
    side: Literal["customer", "trainee"]


@dataclass(frozen=True, slots=True)
class Transcript:
    lines: Sequence[Utter]


Block = Heading | Para | Facts | Table | LineChart | Bars | Items | Transcript


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    lang: Lang
    blocks: list[Block] = field(default_factory=list)
