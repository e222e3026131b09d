"""Guess whether a reply is Chinese or English, so `analyze` can pick the right lexicon.

Trainees mix scripts freely ("sorry sorry，真的对不起", "我先帮您check一下"), so
the test is a vote, not a search: one Chinese character carries about as
much meaning as one English word, and the side with more of them wins.
"""

from __future__ import annotations

import re

from hotseat.moves import Lang

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def detect_lang(text: str) -> Lang:
    """Return "zh" when Han characters are at least as many as Latin words, else "en"."""
    if text.isascii():
        return "en"
    han = len(_HAN.findall(text))
    if not han:
        return "en"
    return "zh" if han >= len(_LATIN_WORD.findall(text)) else "en"
