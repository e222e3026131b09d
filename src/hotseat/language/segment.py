"""Cut a folded reply into sentences and clauses, leaving quoted words whole.

Moves are decided clause by clause (a negation reaches to the end of its
clause, a commitment is counted once per clause) and questions sentence by
sentence, so this cut is the skeleton every later rule hangs on. Quotes are
found first because a customer's words quoted back ("您说'今天必须退'") may
contain punctuation that must not split the agent's sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Sentence ends; "." only when it is not a decimal point.
_TERMINAL = frozenset("。!?;\n")
_SEPARATORS = {
    "zh": re.compile(r"[,、:;。!?\n\r\t ~]+|(?<!\d)\.+|\.+(?!\d)|…+|[—–]+|\s-+\s"),
    "en": re.compile(r"[,、:;。!?\n\r\t]+|(?<!\d)\.+|\.+(?!\d)|…+|[—–]+|\s-+\s"),
}
_PAIRED_QUOTES = {'"': '"', "“": "”", "「": "」", "『": "』", "《": "》"}
_QUOTE_CHARS = frozenset("'\"“「『《")


@dataclass(slots=True)
class Clause:
    """A stretch between separators; ``sentence`` indexes ``Segments.sentences``."""

    start: int
    end: int
    sentence: int


@dataclass(slots=True)
class Sentence:
    """A run of clauses with its terminator: "?" asks, "." states, "" was left open."""

    start: int
    end: int
    term: str
    first: int  # index of its first clause
    last: int  # index of its last clause (inclusive)


@dataclass(slots=True)
class Segments:
    clauses: list[Clause]
    sentences: list[Sentence]
    quotes: list[tuple[int, int]]


def _wordy(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _single_quotes(text: str) -> list[tuple[int, int]]:
    """English-style 'quotes', told apart from apostrophes in you're and boxes'."""
    regions: list[tuple[int, int]] = []
    opened = -1
    n = len(text)
    for i, char in enumerate(text):
        if char != "'":
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        if opened < 0:
            if not _wordy(before) and not after.isspace():
                opened = i
        elif not _wordy(after) and not before.isspace():
            regions.append((opened, i + 1))
            opened = -1
    return regions


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of quoted material, quote marks included."""
    if _QUOTE_CHARS.isdisjoint(text):
        return []
    regions: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        closer = _PAIRED_QUOTES.get(text[i])
        if closer is not None:
            j = text.find(closer, i + 1)
            if j > i + 1:
                regions.append((i, j + 1))
                i = j + 1
                continue
        i += 1
    if "'" in text:
        regions.extend(r for r in _single_quotes(text) if not _inside(r[0], regions))
        regions.sort()
    return regions


def _inside(pos: int, regions: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in regions)


def segment(text: str, lang: str, extra_cuts: list[int]) -> Segments:
    """Sentences and clauses of a folded reply; ``extra_cuts`` start new clauses (conjunctions)."""
    quotes = find_quotes(text)
    cuts: list[tuple[int, int, str]] = []
    for m in _SEPARATORS[lang].finditer(text):
        if quotes and _inside(m.start(), quotes):
            continue
        sep = m.group()
        term = "?" if "?" in sep else ("." if (sep == "." or not _TERMINAL.isdisjoint(sep)) else "")
        cuts.append((m.start(), m.end(), term))
    for pos in extra_cuts:
        cuts.append((pos, pos, ""))
    cuts.sort()

    clauses: list[Clause] = []
    sentences: list[Sentence] = []
    pos = 0
    sent_start = 0
    first_clause = 0

    def close_clause(end: int) -> None:
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            clauses.append(Clause(s, e, len(sentences)))

    for start, end, term in cuts:
        if start < pos:
            continue
        close_clause(start)
        pos = end
        if term and len(clauses) > first_clause:
            sentences.append(Sentence(sent_start, end, term, first_clause, len(clauses) - 1))
            first_clause = len(clauses)
            sent_start = end
    close_clause(len(text))
    if len(clauses) > first_clause:
        sentences.append(Sentence(sent_start, len(text), "", first_clause, len(clauses) - 1))
    return Segments(clauses, sentences, quotes)
