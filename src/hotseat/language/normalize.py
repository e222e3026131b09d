"""Fold a reply into one canonical form while remembering where every character came from.

Lexicons are matched against the folded text (so 抱歉, 抱歉 in full width and
Traditional 對不起 all hit the same entries), but findings must quote the
trainee's own words: every folded character keeps the index of the original
character it came from.
"""

from __future__ import annotations

import unicodedata
from functools import cache

import opencc

# Typographic variants NFKC leaves alone but the lexicons should not have to spell twice.
_EXTRA_FOLDS: dict[str, str] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201b": "'",
    "\u02bc": "'",
    "\u00b4": "'",
}

# Ranges whose characters OpenCC may rewrite; probing them once tells which ones it does.
_HAN_RANGES: tuple[tuple[int, int], ...] = ((0x3400, 0x4DC0), (0x4E00, 0xA000))


def _fold_char(char: str) -> str:
    """Compatibility-normalize and case-fold one character, independently of its neighbours.

    Folding character by character (not the whole string at once) keeps the
    map back to the original trivial; it only forgoes composing a base letter
    with a separate combining mark, which no lexicon relies on.
    """
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"  # a lone surrogate cannot be encoded; keep its place
    folded = unicodedata.normalize("NFKC", char).casefold()
    return "".join(_EXTRA_FOLDS.get(c, c) for c in folded)


class _FoldTable(dict[int, str]):
    """A lazily filled `str.translate` table that notes which characters change length."""

    def __init__(self) -> None:
        super().__init__()
        self.resizing: set[str] = set()

    def __missing__(self, codepoint: int) -> str:
        char = chr(codepoint)
        folded = _fold_char(char)
        if len(folded) != 1:
            self.resizing.add(char)
        self[codepoint] = folded
        return folded


_FOLD = _FoldTable()


# Taiwan and Hong Kong write some words with variants that OpenCC's t2s leaves alone (接著,
# 等著, 綫): tw2t and hk2t first bring those to OpenCC's standard Traditional, then t2s
# simplifies. Each step keeps the length in practice, which keeps the origin map valid.
_CONFIGS = ("tw2t", "hk2t", "t2s")
# Characters that only some words rewrite (接著 but not 著名): their presence alone must
# send a reply through the converters, since probing single characters cannot find them.
_IN_WORDS_ONLY = "著"
# Words Taiwan and Hong Kong spell with a character mainland writing keeps for another use
# (想像 for 想象); OpenCC keeps them, the lexicons spell the mainland form.
_WORDS = {"想像": "想象"}


@cache
def _converters() -> tuple[opencc.OpenCC, ...]:
    return tuple(opencc.OpenCC(config) for config in _CONFIGS)


def _convert(text: str) -> str:
    for converter in _converters():
        text = converter.convert(text)
    return text


@cache
def _traditional() -> tuple[frozenset[str], dict[int, str]]:
    """The characters the converters rewrite, and a one-to-one fallback table for them."""
    chars = [chr(cp) for lo, hi in _HAN_RANGES for cp in range(lo, hi)]
    converted = _convert("\n".join(chars)).split("\n")
    table = {
        ord(src): dst
        for src, dst in zip(chars, converted, strict=True)
        if src != dst and len(dst) == 1
    }
    return frozenset([*(chr(cp) for cp in table), *_IN_WORDS_ONLY]), table


class Normalized:
    """A folded reply plus the way back to the original.

    ``origin`` holds, for each folded character, the index of the original
    character it came from; ``None`` means the two texts align one to one.
    """

    __slots__ = ("origin", "original", "text")

    def __init__(self, text: str, original: str, origin: tuple[int, ...] | None = None) -> None:
        self.text = text
        self.original = original
        self.origin = origin

    def __repr__(self) -> str:
        return f"Normalized(text={self.text!r}, original={self.original!r})"

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text`` onto ``original`` (end exclusive)."""
        n = len(self.text)
        start = min(max(start, 0), n)
        end = min(max(end, start), n)
        if self.origin is None:
            return start, end
        if start == end:
            pos = self.origin[start] if start < n else len(self.original)
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1


def _origin_map(text: str) -> tuple[str, tuple[int, ...]]:
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = _FOLD[ord(char)]
        pieces.append(folded)
        origin.extend([index] * len(folded))
    return "".join(pieces), tuple(origin)


def _to_simplified(text: str) -> str:
    """OpenCC tw2t, hk2t and t2s, kept to the same length so the origin map stays valid."""
    traditional, table = _traditional()
    if not traditional.isdisjoint(text):
        converted: str = _convert(text)
        text = converted if len(converted) == len(text) else text.translate(table)
    for word, mainland in _WORDS.items():
        if word in text:
            text = text.replace(word, mainland)
    return text


def normalize(text: str) -> Normalized:
    """NFKC, full width to half width, Traditional to Simplified, case-folded."""
    if text.isascii():
        return Normalized(text.lower(), text)
    folded = text.translate(_FOLD)
    origin: tuple[int, ...] | None = None
    if _FOLD.resizing and not _FOLD.resizing.isdisjoint(text):
        folded, origin = _origin_map(text)
    return Normalized(_to_simplified(folded), text, origin)


# Characters that belong to the character before them: combining marks, joiners, and the
# emoji skin tones. A span that starts on one, or stops just before one, cuts a character
# as the trainee sees it in two.
_JOINERS = frozenset(["\u200c", "\u200d", *map(chr, range(0x1F3FB, 0x1F400))])


class _Attaching(dict[str, bool]):
    """Whether a character attaches to the one before it, looked up once per character."""

    def __missing__(self, char: str) -> bool:
        found = self[char] = char in _JOINERS or unicodedata.category(char) in ("Mn", "Mc", "Me")
        return found


ATTACHES = _Attaching()  # char -> whether it belongs to the character before it


def whole_characters(text: str, start: int, end: int) -> tuple[int, int]:
    """The span ``text[start:end]`` moved to the edges of the characters as displayed: its
    start past any mark or joiner that belongs to the character before it, its end past
    the marks and joiners that belong to its last character."""
    n = len(text)
    attaches = ATTACHES
    if start < end and attaches[text[start]]:
        while start < end and (attaches[text[start]] or text[start].isspace()):
            start += 1  # and the spaces the mark stood before, as a clause start has none
    if start < end:
        while end < n and attaches[text[end]]:
            end += 1
    return start, end
