"""Phrase lists the rules need beyond the analyzer's moves, found in one Aho-Corasick pass.

The analyzer says *that* a reply is rude or promises something; some rules need
to know *what kind*: a jab at the customer's motives, a promised outcome, a
promise made conditional on verification. Phrases are matched on normalized text
(Simplified, half-width, case-folded), so one list serves Traditional input too,
and hits are mapped back to the trainee's original words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Literal, get_args

import ahocorasick

from hotseat.language import normalize
from hotseat.moves import Lang, Span

PhraseKind = Literal[
    "motives",
    "status",
    "outcomes",
    "conditions",
    "responses",
    "confirmations",
    "offers",
    "overreach",
    "losses",
    "blame",
    "contrasts",
    "denials",
    "checks",
]
PHRASE_KINDS: tuple[PhraseKind, ...] = get_args(PhraseKind)

Hit = tuple[PhraseKind, int, int]  # kind, start, end in the original text
Lists = Mapping[Lang, Mapping[PhraseKind, Sequence[str]]]


def _wordish(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class Phrases:
    """Every phrase list of every language, compiled once; lookups are cached per text."""

    def __init__(self, lists: Lists) -> None:
        self._automata: dict[str, ahocorasick.Automaton] = {}
        for lang, kinds in lists.items():
            automaton = ahocorasick.Automaton()
            entries: dict[str, set[PhraseKind]] = {}
            for kind, phrases in kinds.items():
                for phrase in phrases:
                    key = normalize(phrase).text.strip()
                    if key:
                        entries.setdefault(key, set()).add(kind)
            for key, found in entries.items():
                automaton.add_word(key, (len(key), tuple(sorted(found))))
            if entries:
                automaton.make_automaton()
                self._automata[lang] = automaton
        self._scan = lru_cache(maxsize=512)(self._scan_uncached)

    def find(self, text: str, lang: Lang, kind: PhraseKind) -> tuple[Span, ...]:
        """Spans of the original text where a phrase of ``kind`` occurs, left to right."""
        return tuple(Span(s, e) for k, s, e in self._scan(text, lang) if k == kind)

    def _scan_uncached(self, text: str, lang: Lang) -> tuple[Hit, ...]:
        automaton = self._automata.get(lang)
        if automaton is None or not text:
            return ()
        norm = normalize(text)
        folded = norm.text
        found: list[tuple[int, int, tuple[PhraseKind, ...]]] = []
        for last, (length, kinds) in automaton.iter(folded):
            start, end = last - length + 1, last + 1
            if _wordish(folded[start]) and start > 0 and _wordish(folded[start - 1]):
                continue  # "fix" inside "prefix"
            if _wordish(folded[end - 1]) and end < len(folded) and _wordish(folded[end]):
                continue
            found.append((start, end, kinds))
        # longest leftmost, no overlaps: "为了出名" wins over the "出名" inside it
        found.sort(key=lambda h: (h[0], h[0] - h[1]))
        hits: list[Hit] = []
        reach = -1
        for start, end, kinds in found:
            if start < reach:
                continue
            reach = end
            o_start, o_end = norm.to_original(start, end)
            hits.extend((kind, o_start, o_end) for kind in kinds)
        return tuple(hits)


_COMPILED: dict[int, tuple[Lists, Phrases]] = {}
COMPILED_KEPT = 16  # rulebooks loaded in one process; each judge keeps its own matcher anyway


def compiled(lists: Lists) -> Phrases:
    """One matcher per phrase table: every judge and scorer of a rulebook shares it."""
    hit = _COMPILED.get(id(lists))
    if hit is None or hit[0] is not lists:
        if len(_COMPILED) >= COMPILED_KEPT:
            _COMPILED.clear()
        hit = (lists, Phrases(lists))
        _COMPILED[id(lists)] = hit
    return hit[1]
