"""Find every lexicon phrase in a reply with one Aho-Corasick pass.

A reply is scanned once, however many phrases the lexicons hold: the
automaton reports the leftmost-longest phrase at each point, so 深感抱歉 is one
apology rather than 抱歉 plus noise, and 会不会 (a question) is never misread
as 不会 (a negation). Each phrase carries a bit mask of its categories, so a
word like 马上 can be both a commitment and a deadline.
"""

from __future__ import annotations

import string
from typing import NamedTuple

import ahocorasick

from hotseat.language.lexicon import CATEGORIES, Lexicon

# One bit per category, in the order of CATEGORIES.
BIT: dict[str, int] = {name: 1 << i for i, name in enumerate(CATEGORIES)}


class Hit(NamedTuple):
    """One phrase found in the folded text; ``hours`` is set on time phrases."""

    start: int
    end: int
    mask: int
    hours: float | None
    per_unit: bool


# Characters handed to the automaton at once. It copies the whole string it is given on
# every call, and the scan calls it again after each phrase that splits a word: on a long
# reply, a window keeps each call, and so the scan, linear.
WINDOW = 1024

# The characters that can continue an English word (you're, 24hrs); nothing else joins.
_WORDISH = frozenset(string.ascii_letters + string.digits + "'")


def _is_word_char(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _joins_before(text: str, start: int) -> bool:
    """Whether the text before ``start`` continues the same English word (or contraction)."""
    prev = text[start - 1]
    if prev == "'":
        return start >= 2 and text[start - 2].isascii() and text[start - 2].isalnum()
    if not prev.isascii() or not prev.isalnum():
        return False
    return not (prev.isdigit() and text[start].isalpha())  # "5pm", "24hrs": a unit and its number


def _joins_after(text: str, end: int) -> bool:
    """Whether the text from ``end`` continues the same English word (you're is not you)."""
    nxt = text[end]
    if nxt == "'":
        return end + 1 < len(text) and text[end + 1].isascii() and text[end + 1].isalnum()
    return nxt.isascii() and nxt.isalnum()


class Matcher:
    """A compiled automaton over every phrase of one lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        masks: dict[str, int] = {}
        for name, phrases in lexicon.phrases.items():
            for phrase in phrases:
                masks[phrase] = masks.get(phrase, 0) | BIT[name]
        for phrase in (*lexicon.deadline, *lexicon.duration):
            masks[phrase] = masks.get(phrase, 0) | BIT["deadline"]
        self._automaton = ahocorasick.Automaton()
        for phrase, mask in masks.items():
            hours = lexicon.deadline.get(phrase)
            unit = lexicon.duration.get(phrase)
            value = (
                len(phrase),
                mask,
                unit if unit is not None else hours,
                unit is not None,
                _is_word_char(phrase[0]),
                _is_word_char(phrase[-1]),
            )
            self._automaton.add_word(phrase, value)
        self.size = len(masks)
        # the longest phrase, and the stretch of text handed to the automaton at once
        self._longest = max(map(len, masks), default=1)
        self._window = max(WINDOW, 8 * self._longest)
        if masks:
            self._automaton.make_automaton()

    def scan(self, text: str) -> list[Hit]:
        """Leftmost-longest phrases, never one that starts or ends inside an English word.

        When the longest phrase at a point turns out to split a word ("aim to" in
        "claim today"), the scan resumes just after its first character, so the
        phrase it swallowed ("today") is still found.
        """
        if not self.size:
            return []
        hits: list[Hit] = []
        append = hits.append
        new = tuple.__new__
        n = len(text)
        pos = 0
        while pos < n:
            limit = min(n, pos + self._window)
            # a phrase ending past ``safe`` might be the start of a longer one beyond the window
            safe = n if limit == n else limit - self._longest
            resume = safe
            piece = text if pos == 0 and limit == n else text[pos:limit]
            for last, (
                length,
                mask,
                hours,
                per_unit,
                word_start,
                word_end,
            ) in self._automaton.iter_long(piece):
                end = pos + last + 1
                start = end - length
                if end > safe:
                    resume = start  # read it again in the next window, with what follows
                    break
                # a space or a mark beside the phrase settles it without a call
                if (
                    word_start
                    and start
                    and text[start - 1] in _WORDISH
                    and _joins_before(text, start)
                ) or (word_end and end < n and text[end] in _WORDISH and _joins_after(text, end)):
                    resume = start + 1
                    break
                append(new(Hit, (start, end, mask, hours, per_unit)))
            pos = resume
        return hits
