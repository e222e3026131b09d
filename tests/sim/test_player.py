"""The simulated trainees are an instrument: every scenario has a case, and a table replays."""

from __future__ import annotations

import pytest

from hotseat.scenario.library import load_library
from hotseat.sim.bank import POLICIES, bank, cases
from hotseat.sim.player import play_call, simulate

LIBRARY = load_library()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_language_has_all_five_policies(lang: str) -> None:
    assert tuple(bank(lang).policies) == POLICIES  # type: ignore[arg-type]


@pytest.mark.parametrize("scenario", LIBRARY.scenarios, ids=lambda s: s.key)
def test_every_scenario_has_a_case(scenario) -> None:
    case = cases(scenario.lang)[scenario.id]
    assert case.summary and case.who and case.promise


@pytest.mark.parametrize("scenario", LIBRARY.scenarios, ids=lambda s: s.key)
def test_trainee_questions_ask_what_they_mean_to(scenario) -> None:
    """A question the bank means for an element must be heard as asking for it."""
    from hotseat.facts import FactIndex

    index = FactIndex(scenario.facts, scenario.lang)
    by_element = {f.id: f.element for f in scenario.facts}
    questions = {
        element: lines
        for policy in bank(scenario.lang).policies.values()
        for element, lines in policy.ask.items()
    }
    for element, lines in questions.items():
        for line in lines:
            for who in cases(scenario.lang)[scenario.id].who:
                text = line.replace("{who}", who)
                asked = {by_element[f] for f in index.asked(text)}
                assert element in asked, f"{text!r} does not ask for {element}"


def test_a_call_replays_exactly() -> None:
    scenario = LIBRARY.get("en/shock-drill")
    assert play_call(scenario, "decent", 3, seed=7) == play_call(scenario, "decent", 3, seed=7)


def test_seeds_vary_the_calls() -> None:
    scenario = LIBRARY.get("zh/overcharged-data")
    transcripts = {play_call(scenario, "excellent", i).transcript for i in range(6)}
    assert len(transcripts) > 1


def test_table_shares_add_up() -> None:
    rows = simulate(LIBRARY.get("en/small-charge"), 4)
    assert [r.policy for r in rows] == list(POLICIES)
    for row in rows:
        assert row.resolved + row.hung_up + row.ran_out == pytest.approx(1.0)
