"""Which facts a reply asks for: normalized matching, and summaries don't count as asking."""

from __future__ import annotations

from hotseat.facts import FactIndex
from hotseat.moves import Span
from hotseat.scenario.model import Scenario


def test_ask_phrases_match_traditional_and_full_width_input(scenario: Scenario) -> None:
    index = FactIndex(scenario.facts)
    assert index.asked("請問您的手機號是多少？") == {"phone"}
    assert index.asked("ＯＫ，您希望怎麼處理？") == {"demand"}
    assert index.asked("好的。") == frozenset()


def test_a_phrase_inside_a_summary_restates_rather_than_asks(scenario: Scenario) -> None:
    index = FactIndex(scenario.facts)
    text = "您希望退钱，对吧？请问您的手机号是？"
    summary = Span(0, text.index("，"))
    assert index.asked(text) == {"demand", "phone"}
    assert index.asked(text, [summary]) == {"phone"}


def test_everyday_questions_reach_the_key_facts(scenario) -> None:
    """A plain "what's your name?" is a question for the contact fact even if unlisted."""
    index = FactIndex(scenario.facts, "zh")
    assert index.asked("您贵姓？") == {"phone"}
    assert index.asked("那您想怎么样？") == {"demand"}
    assert FactIndex(scenario.facts).asked("您贵姓？") == frozenset()  # no language, no extras
