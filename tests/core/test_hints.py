"""Hints model the question for the next key element and never give the customer's answer away.

Issue 14.2: the F3 hint used to paste a fact's label into the sentence, and a label is
the report's note of the answer ("Contact: Pete Lawson, 07700 900318", 「诉求：退回…」).
"""

from __future__ import annotations

import re

import pytest

from hotseat.hints import QUESTIONS, Phase, hint
from hotseat.scenario.library import load_library
from hotseat.scenario.model import Element, Fact, Scenario

SCENARIOS = load_library().scenarios
KEYED = [
    pytest.param(scenario, fact, id=f"{scenario.key}:{fact.id}")
    for scenario in SCENARIOS
    for fact in scenario.facts
    if fact.element is not None
]


def given_away(fact: Fact) -> list[str]:
    """Pieces of the answer: the label, what follows its colon, every number and name in it."""
    pieces = [fact.label, *re.split(r"[:：]", fact.label)[1:]]
    for text in (fact.label, *(str(line) for line in fact.lines)):
        pieces += re.findall(r"\d[\d ]{2,}\d", text)  # phone numbers, order numbers, amounts
        pieces += re.findall(r"\b[A-Z][a-z]{2,}\b", text)  # names: Lawson, Benson, Dean
    return [p.strip() for p in pieces if p.strip()]


def test_the_built_in_scenarios_come_in_both_languages() -> None:
    assert {s.lang for s in SCENARIOS} == {"zh", "en"}
    assert len(KEYED) >= 80  # every scenario's four key elements, in both languages


@pytest.mark.parametrize(("scenario", "fact"), KEYED)
def test_the_ask_hint_models_a_question_without_revealing_the_fact(
    scenario: Scenario, fact: Fact
) -> None:
    text = hint(Phase.ASK, scenario.lang, scenario.policy, fact)
    question = QUESTIONS[scenario.lang][fact.element or Element.CONTACT]
    assert question in text
    assert question.endswith("？" if scenario.lang == "zh" else "?")
    for piece in given_away(fact):
        if piece in question:  # a generic word of ours, e.g. "What" or 联系电话
            continue
        assert piece not in text, f"hint gives away {piece!r}: {text}"
    assert not re.search(r"\d", text)  # no number of any kind: those are always answers


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_model_questions_are_heard_as_asking_for_their_element(lang: str) -> None:
    """Said by the trainee, the model question asks for what it should, in every scenario
    whose wording for the element is generic (what happened, what they want, who they are)."""
    for scenario in (s for s in SCENARIOS if s.lang == lang):
        for fact in scenario.facts:
            if fact.element not in (Element.WHAT, Element.DEMAND, Element.CONTACT):
                continue
            question = QUESTIONS[lang][fact.element].lower()  # type: ignore[index]
            asks = [str(a).lower() for a in fact.ask]
            assert any(a in question for a in asks), (scenario.key, fact.element, asks)


def test_the_other_phases_carry_the_response_time_and_no_scenario_text() -> None:
    scenario = SCENARIOS[0]
    hours = f"{scenario.policy.response_hours:g}"
    assert hours in hint(Phase.CLOSE, scenario.lang, scenario.policy)
    for phase in (Phase.LISTEN, Phase.SOOTHE):
        for lang in ("zh", "en"):
            assert "{" not in hint(phase, lang, scenario.policy)  # type: ignore[arg-type]
