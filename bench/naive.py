"""The naive baseline for the lexicon scan: one regex per phrase, every reply scanned with each.

It reads the same lexicons as the analyzer's Aho-Corasick matcher
(``hotseat.language.lexicon``: every category's phrases plus the time phrases)
and keeps English phrases whole the same way, so the two find the same
phrases and differ only in how they look for them.
"""

from __future__ import annotations

import re

from hotseat.language.lexicon import Lexicon
from hotseat.language.matcher import BIT


def _is_word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _pattern(phrase: str) -> re.Pattern[str]:
    """The phrase, kept from starting or ending inside an English word as the matcher keeps it.

    A letter may follow a digit ("5pm"); an apostrophe between letters joins a word ("you're").
    """
    head = tail = ""
    if _is_word_char(phrase[0]):
        glued = "a-z" if phrase[0].isalpha() else "a-z0-9"
        head = f"(?<![{glued}])(?<![a-z0-9]')"
    if _is_word_char(phrase[-1]):
        tail = "(?![a-z0-9])(?!'[a-z0-9])"
    return re.compile(head + re.escape(phrase) + tail)


class NaiveScanner:
    """Every phrase of one lexicon as its own regex."""

    def __init__(self, lexicon: Lexicon) -> None:
        masks: dict[str, int] = {}
        for name, phrases in lexicon.phrases.items():
            for phrase in phrases:
                masks[phrase] = masks.get(phrase, 0) | BIT[name]
        for phrase in (*lexicon.deadline, *lexicon.duration):
            masks[phrase] = masks.get(phrase, 0) | BIT["deadline"]
        self.patterns = [(_pattern(phrase), mask) for phrase, mask in masks.items()]

    def scan(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, category mask) of every occurrence of every phrase, overlaps included."""
        return [
            (m.start(), m.end(), mask)
            for pattern, mask in self.patterns
            for m in pattern.finditer(text)
        ]
