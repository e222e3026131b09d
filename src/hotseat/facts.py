"""Which of a scenario's facts a trainee reply asks for.

Matching runs on normalized text (Simplified, case-folded, half-width), the same
form the analyzer works on, so a trainee typing Traditional Chinese or capitals
asks for the same facts. One Aho-Corasick automaton per scenario keeps it to a
single pass per reply.

Besides each fact's own ask phrases, the everyday ways of asking for a key element
("what's your number?", 您贵姓, "what do you want?") reach the first fact that
holds that element in every scenario, so a customer is never baffled by a plain
question a scenario's author did not think to list.
"""

from __future__ import annotations

from collections.abc import Sequence

import ahocorasick

from hotseat.language import normalize
from hotseat.moves import Lang, Move, Span
from hotseat.scenario.model import Element, Fact

# Everyday questions for the key elements, per language. Each is a question's own words,
# so a promise or a summary that mentions a phone or a demand does not match.
COMMON_ASKS: dict[Lang, dict[Element, tuple[str, ...]]] = {
    "en": {
        Element.WHAT: (
            "what happened",
            "what's happened",
            "what's the problem",
            "what is the problem",
            "what's wrong",
            "what went wrong",
            "walk me through",
            "tell me what",
        ),
        Element.DEMAND: (
            "what do you want",
            "what would you like",
            "what outcome",
            "want us to do",
            "like us to do",
            "hoping for",
            "looking for",
            "put this right",
        ),
        Element.CONTACT: (
            "your name",
            "name?",
            "name and number",
            "your number",
            "phone number",
            "contact number",
            "best number",
            "reach you on",
            "number to reach",
            "who am i speaking",
        ),
    },
    "zh": {
        Element.WHAT: ("怎么回事", "什么情况", "什么事", "发生了什么", "具体说说"),
        Element.DEMAND: (
            "您希望",
            "希望我们",
            "想怎么",
            "要什么",
            "要干嘛",
            "诉求",
            "您的要求",
            "要求是",
            "怎么解决",
            "怎么处理",
        ),
        Element.CONTACT: (
            "怎么称呼",
            "贵姓",
            "名字",
            "手机号",
            "联系电话",
            "电话多少",
            "电话是",
            "号码",
            "联系方式",
        ),
    },
}


class FactIndex:
    """The ask phrases of a scenario's facts, compiled once per call."""

    def __init__(self, facts: list[Fact], lang: Lang | None = None) -> None:
        self._automaton = ahocorasick.Automaton()
        phrases: dict[str, set[str]] = {}
        common = COMMON_ASKS.get(lang, {}) if lang else {}
        everyday: dict[str, tuple[str, ...]] = {}  # fact id -> the everyday asks it answers
        for element, asks in common.items():
            first = next((f for f in facts if f.element is element), None)
            if first is not None:
                everyday[first.id] = asks
        for fact in facts:
            for phrase in (*fact.ask, *everyday.get(fact.id, ())):
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
