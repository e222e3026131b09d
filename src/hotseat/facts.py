"""Which of a scenario's facts a trainee reply asks for.

Matching runs on normalized text (Simplified, case-folded, half-width), the same
form the analyzer works on, so a trainee typing Traditional Chinese or capitals
asks for the same facts. One Aho-Corasick automaton per scenario keeps it to a
single pass per reply.
"""

from __future__ import annotations

from collections.abc import Sequence

import ahocorasick

from hotseat.language import normalize
from hotseat.moves import Move, Span
from hotseat.scenario.model import Fact


class FactIndex:
    """The ask phrases of a scenario's facts, compiled once per call."""

    def __init__(self, facts: list[Fact]) -> None:
        self._automaton = ahocorasick.Automaton()
        phrases: dict[str, set[str]] = {}
        for fact in facts:
            for phrase in fact.ask:
                key = normalize(phrase).text.strip()
                if key:
                    phrases.setdefault(key, set()).add(fact.id)
        for key, ids in phrases.items():
            self._automaton.add_word(key, (len(key), frozenset(ids)))
        self._empty = not phrases
        if not self._empty:
            self._automaton.make_automaton()

    def asked(self, text: str, quoted: Sequence[Span | Move] = ()) -> frozenset[str]:
        """Ids of the facts whose ask phrases occur in the reply, outside ``quoted`` spans.

        A phrase inside the trainee's summary of what the customer said ("您是要…")
        restates the answer rather than asking for it.
        """
        if self._empty or not text:
            return frozenset()
        norm = normalize(text)
        found: set[str] = set()
        for end, (length, ids) in self._automaton.iter(norm.text):
            start, stop = norm.to_original(end - length + 1, end + 1)
            if not any(q.start <= start and stop <= q.end for q in quoted):
                found.update(ids)
        return frozenset(found)
