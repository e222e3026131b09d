"""Line breaking for Chinese text: no line starts with closing punctuation (禁则, kinsoku).

Textual wraps by cell width alone, so a comma or a full stop that does not fit is
carried to the next line and starts it (「，我在听」), which Chinese typesetting never
allows. Here the greedy break Textual would make is kept unless it lands before a
closing mark (or after an opening one); then the character before it moves down with
it. The cost stays linear: each break is found in a window of the text near it.
"""

from __future__ import annotations

import unicodedata

from rich._wrap import divide_line  # the very break finder Textual's Content wraps with
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

NO_LINE_START = frozenset("，。！？、；：」』）》〉】〕〗”’…‥～·％")
NO_LINE_END = frozenset("「『（《〈【〔〖“‘")
WINDOW = 8  # characters searched per cell of width for the next break: always past it


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _movable(char: str) -> bool:
    """Whether a character may be carried down to the next line: Chinese text and marks,
    never part of a Latin word (that would split the word)."""
    return _wide(char) or char in NO_LINE_START or char in NO_LINE_END


def _bad_break(text: str, at: int) -> bool:
    return text[at] in NO_LINE_START or text[at - 1] in NO_LINE_END


def line_starts(text: str, width: int) -> list[int]:
    """Where each line after the first begins, wrapping one paragraph at ``width`` cells."""
    if width < 2:
        return divide_line(text, max(width, 1))
    starts: list[int] = []
    start, window = 0, WINDOW * width
    while True:
        chunk = text[start : start + window]
        breaks = divide_line(chunk, width)
        if not breaks:
            if start + window >= len(text):
                return starts
            breaks = divide_line(text[start:], width)  # zero-width characters: no shortcut
            if not breaks:
                return starts
        at = start + breaks[0]
        moved = at
        while moved - 1 > start and _bad_break(text, moved) and _movable(text[moved - 1]):
            moved -= 1
        if not _bad_break(text, moved):  # a line of nothing but marks is left as it was
            at = moved
        starts.append(at)
        start = at


class KinsokuText(Visual):
    """Content that wraps by these rules wherever Textual draws it (e.g. the scenario cards
    in an option list, which wrap their prompts themselves)."""

    def __init__(self, content: Content) -> None:
        self.content = content

    def __str__(self) -> str:
        return self.content.plain

    def lines(self, width: int) -> list[Content]:
        out: list[Content] = []
        for paragraph in self.content.split("\n", allow_blank=True):
            pieces = paragraph.divide(line_starts(paragraph.plain, width))
            out += [p if n == len(pieces) else p.rstrip() for n, p in enumerate(pieces, 1)]
        return out

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        strips = [
            strip
            for line in self.lines(width)
            for strip in line.render_strips(width, None, style, options)
        ]
        return strips if height is None else strips[:height]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width))
