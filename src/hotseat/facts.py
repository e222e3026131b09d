"""Which of a scenario's facts a trainee reply asks for.

Matching runs on normalized text (Simplified, case-folded, half-width), the same
form the analyzer works on, so a trainee typing Traditional Chinese or capitals
asks for the same facts. One Aho-Corasick automaton per scenario keeps it to a
single pass per reply.
"""

from __future__ import annotations

import ahocorasick

from hotseat.language import normalize
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
            self._automaton.add_word(key, frozenset(ids))
        self._empty = not phrases
        if not self._empty:
            self._automaton.make_automaton()

    def asked(self, text: str) -> frozenset[str]:
        """Ids of the facts whose ask phrases occur in the reply."""
        if self._empty or not text:
            return frozenset()
        found: set[str] = set()
        for _end, ids in self._automaton.iter(normalize(text).text):
            found.update(ids)
        return frozenset(found)
