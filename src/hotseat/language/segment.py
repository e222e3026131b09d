"""Cut a folded reply into sentences and clauses, leaving quoted words whole.

Moves are decided clause by clause (a negation reaches to the end of its
clause, a commitment is counted once per clause) and questions sentence by
sentence, so this cut is the skeleton every later rule hangs on. Quotes are
found first because a customer's words quoted back ("您说'今天必须退'") may
contain punctuation that must not split the agent's sentence, and nothing
inside them is the agent's own move.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right

from hotseat.language.matcher import Hit
from hotseat.language.tags import CONJ

# Separators: punctuation runs (and, in Chinese, spaces); a spaced dash in English.
# A "." between digits is a decimal point, not a separator; that is checked by hand
# because a look-around in this pattern would slow every reply down.
_SEPARATORS = {
    "zh": re.compile(r"[,、:;。!?\n\r\t .…—–~]+"),
    "en": re.compile(r"[,、:;。!?\n\r\t.…—–~]+| -+ "),
}
# The terminator a one-character separator gives its sentence.
# A ";" separates clauses of one sentence (…，24小时内回电；核实后双倍返还).
_TERM_OF = {"?": "?", "。": ".", "!": ".", "\n": ".", ".": "."}
_TERMINAL = re.compile(r"[。!\n]|(?<!\.)\.(?!\.)")
_AFTER_ANY_END = sys.maxsize
_QUOTE = re.compile("[\"'“「『《]")
# A web address is one token whatever punctuation it holds (t.co/x?id=1): found only
# when a reply has "://" or "www." in it, so ordinary replies pay nothing.
_URL = re.compile(r"(?:https?://|www\.)[a-z0-9\-._~:/?#\[\]@!$&*+;=%]+")  # on folded text
_URL_TAIL = ".,:;!?"
_PAIRED = {'"': '"', "“": "”", "「": "」", "『": "』", "《": "》"}


class Clause:
    """A stretch between separators, with the lexicon hits that fall inside it and the
    OR of their category masks."""

    __slots__ = ("end", "hits", "mask", "sentence", "start")

    def __init__(self, start: int, end: int, sentence: int) -> None:
        self.start = start
        self.end = end
        self.sentence = sentence
        self.hits: list[Hit] = []
        self.mask = 0


class Sentence:
    """A run of clauses with its terminator: "?" asks, "." states, "" was left open;
    ``first`` and ``last`` index its first and last clause."""

    __slots__ = ("end", "first", "last", "term")

    def __init__(self, end: int, term: str, first: int, last: int) -> None:
        self.end = end
        self.term = term
        self.first = first
        self.last = last


def _wordy(char: str) -> bool:
    return char.isascii() and char.isalnum()


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of quoted material, quote marks included.

    Paired marks (“…”, 「…」, "…") quote; a single ' opens a quote only after a
    non-letter and closes only before one, so you're and boxes' stay words.
    """
    regions: list[tuple[int, int]] = []
    covered = -1
    opened = -1
    n = len(text)
    # the next closing mark of each kind, kept: a run of unclosed “ must not search the
    # rest of the text once per mark
    closing: dict[str, int] = {}
    for m in _QUOTE.finditer(text):
        i = m.start()
        if i < covered:
            continue
        char = text[i]
        if char != "'":
            close = _PAIRED[char]
            j = closing.get(close, -1)
            if j <= i:  # not looked for yet, or the one found is behind this mark
                j = text.find(close, i + 1)
                closing[close] = j = j if j >= 0 else n  # n: none after here, nor later
            if i + 1 < j < n:
                regions.append((i, j + 1))
                covered = j + 1
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        if opened < 0:
            if not _wordy(before) and not after.isspace():
                opened = i
        elif not _wordy(after) and not before.isspace():
            regions.append((opened, i + 1))
            covered = i + 1
            opened = -1
    return regions


def quote_at(pos: int, regions: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The quoted span (from ``find_quotes``, sorted and disjoint) holding ``pos``, if any."""
    i = bisect_right(regions, (pos, _AFTER_ANY_END)) - 1
    if i >= 0 and regions[i][0] <= pos < regions[i][1]:
        return regions[i]
    return None


def _inside(pos: int, regions: list[tuple[int, int]]) -> bool:
    return quote_at(pos, regions) is not None


def find_urls(text: str) -> list[tuple[int, int]]:
    """Spans of web addresses, without the sentence's own punctuation after them."""
    if "://" not in text and "www." not in text:
        return []
    spans = []
    for m in _URL.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in _URL_TAIL:
            end -= 1
        spans.append((m.start(), end))
    return spans


def _shielded(quotes: list[tuple[int, int]], urls: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quotes and web addresses as one sorted list of disjoint spans."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(quotes + urls):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _cuts(text: str, lang: str, hits: list[Hit], shielded: list[tuple[int, int]]) -> list:
    """(start, end, terminator) of every separator outside quotes and web addresses, plus a
    zero-width cut before each conjunction ("but", 但是) so it opens a clause of its own."""
    cuts: list[tuple[int, int, str]] = []
    n = len(text)
    for m in _SEPARATORS[lang].finditer(text):
        start, end = m.span()
        if shielded and _inside(start, shielded):
            continue
        sep = m.group()
        if end - start == 1:
            if (
                sep == "."
                and start > 0
                and end < n
                and text[start - 1].isdigit()
                and text[end].isdigit()
            ):
                continue  # 183.6元: a decimal point
            term = _TERM_OF.get(sep, "")
        elif "?" in sep:
            term = "?"
        else:
            term = "." if _TERMINAL.search(sep) else ""
        cuts.append((start, end, term))
    conj = [(h.start, h.start, "") for h in hits if h.mask & CONJ]
    if conj:
        cuts.extend(conj)
        cuts.sort()
    return cuts


def segment(
    text: str, lang: str, hits: list[Hit]
) -> tuple[list[Clause], list[Sentence], list[tuple[int, int]]]:
    """Clauses (each holding its hits), sentences, and quoted spans of a folded reply.

    A clause gets the hits that start inside it; hits inside quotes are the
    customer's words and hits inside a web address are nobody's: they belong to no clause.
    """
    quotes = find_quotes(text) if _QUOTE.search(text) else []
    urls = find_urls(text)
    shielded = _shielded(quotes, urls) if urls else quotes
    n = len(text)
    cuts = _cuts(text, lang, hits, shielded)
    cuts.append((n, n, ""))
    clauses: list[Clause] = []
    sentences: list[Sentence] = []
    pos = first = h = 0
    n_hits = len(hits)
    n_clauses = n_sentences = 0
    for start, end, term in cuts:
        if start < pos:
            continue
        # the clause's own words, without the spaces around them (no copies made)
        lead = pos
        while lead < start and text[lead].isspace():
            lead += 1
        if lead < start:
            tail = start
            while text[tail - 1].isspace():
                tail -= 1
            clause = Clause(lead, tail, n_sentences)
            own = clause.hits
            mask = 0
            while h < n_hits:
                hit = hits[h]
                at = hit[0]
                if at >= tail:
                    break
                h += 1
                if at >= lead and not (shielded and _inside(at, shielded)):
                    own.append(hit)
                    mask |= hit[2]
            clause.mask = mask
            clauses.append(clause)
            n_clauses += 1
        pos = end
        if (term or start == n) and n_clauses > first:
            sentences.append(Sentence(end, term, first, n_clauses - 1))
            n_sentences += 1
            first = n_clauses
    return clauses, sentences, quotes
