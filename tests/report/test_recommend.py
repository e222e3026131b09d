"""The next-scenario recommendation: weakest rules first, never a mastered scenario."""

from __future__ import annotations

import pytest

from hotseat.conversation import Area, Outcome
from hotseat.moves import Lang
from hotseat.report.recommend import MASTERY, exercised, recommend
from hotseat.scenario.library import load_scenario, resolve
from hotseat.scenario.model import Example, Expect, Scenario
from hotseat.store.records import Progress, RuleCount, ScenarioStats


@pytest.fixture(scope="module")
def base() -> Scenario:
    return load_scenario(resolve("en/overcharged-data"))


def variant(
    base: Scenario,
    sid: str,
    codes: list[str] = [],  # noqa: B006 - read only
    absent: list[str] = [],  # noqa: B006
    difficulty: int = 2,
    modes: list[str] | None = None,
    lang: str = "en",
) -> Scenario:
    examples = [
        Example(name="bad", kind="failing", replies=["x"], expect=Expect(codes=codes)),
        Example(name="good", kind="model", replies=["y"], expect=Expect(absent_codes=absent)),
    ]
    return base.model_copy(
        update={
            "id": sid,
            "examples": examples,
            "difficulty": difficulty,
            "lang": lang,
            "modes": modes or ["onboarding", "drill", "practice"],
        }
    )


def played(key: str, best: int, outcome: Outcome = "resolved", lang: Lang = "en") -> ScenarioStats:
    """One call on ``key`` scoring ``best``."""
    return ScenarioStats(key, lang, 1, best, best if outcome == "resolved" else None)


def progress(played: list[ScenarioStats], rules: list[tuple[str, int]]) -> Progress:
    counts = tuple(RuleCount(c, f"rule-{c}", Area(c[:2]), n, n) for c, n in rules)
    calls = sum(s.calls for s in played)
    return Progress("Ann", calls, (), (), counts, {s.scenario: s for s in played})


def test_exercised_weights_failing_codes_above_model_ones(base: Scenario) -> None:
    s = variant(base, "a", codes=["AP002", "PR001"], absent=["AP002", "ET001"])
    assert exercised(s) == {"AP002": 3, "PR001": 2, "ET001": 1}


def test_the_scenario_for_the_weakest_rule_wins(base: Scenario) -> None:
    scenarios = [
        variant(base, "apologies", codes=["AP002"]),
        variant(base, "promises", codes=["PR001"]),
        variant(base, "manners", codes=["ET001"]),
    ]
    rec = recommend(scenarios, progress([], [("PR001", 6), ("AP002", 2)]))
    assert rec is not None and rec.scenario == "en/promises"
    assert rec.codes == ("PR001",)
    assert "PR001 rule-PR001 (×6)" in rec.reason
    assert "not played it yet" in rec.reason


def test_mastered_scenarios_are_skipped(base: Scenario) -> None:
    scenarios = [
        variant(base, "promises", codes=["PR001"]),
        variant(base, "other", codes=["ET001"]),
    ]
    done = progress([played("en/promises", MASTERY)], [("PR001", 6)])
    rec = recommend(scenarios, done)
    assert rec is not None and rec.scenario == "en/other"


def test_a_high_score_without_resolution_is_not_mastery(base: Scenario) -> None:
    scenarios = [variant(base, "promises", codes=["PR001"]), variant(base, "other")]
    hung_up = progress([played("en/promises", 95, outcome="hung_up")], [("PR001", 3)])
    rec = recommend(scenarios, hung_up)
    assert rec is not None and rec.scenario == "en/promises"
    assert "best here is 95" in rec.reason


def test_same_area_beats_nothing_in_common(base: Scenario) -> None:
    scenarios = [variant(base, "far", codes=["ET001"]), variant(base, "near", codes=["PR003"])]
    rec = recommend(scenarios, progress([], [("PR001", 4)]))
    assert rec is not None and rec.scenario == "en/near"
    assert rec.codes == ()  # the area fits, not the rule itself


def test_a_newcomer_gets_the_easiest_in_their_language(base: Scenario) -> None:
    scenarios = [
        variant(base, "hard", difficulty=4),
        variant(base, "easy", difficulty=1),
        variant(base, "zh-easy", difficulty=1, lang="zh"),
        variant(base, "drill-only", difficulty=1, modes=["drill"]),
    ]
    rec = recommend(scenarios, progress([], []), lang="zh", practice_lang="en")
    assert rec is not None and rec.scenario == "en/easy"
    assert "难度 1" in rec.reason  # the reason speaks the interface language


def test_the_language_played_most_is_kept(base: Scenario) -> None:
    scenarios = [variant(base, "a", lang="en"), variant(base, "b", lang="zh")]
    rec = recommend(scenarios, progress([played("zh/x", 50, lang="zh")], []))
    assert rec is not None and rec.scenario == "zh/b"


def test_nothing_left_when_all_are_mastered(base: Scenario) -> None:
    scenarios = [variant(base, "a")]
    assert recommend(scenarios, progress([played("en/a", 90)], [("AP001", 9)])) is None


def test_built_in_library_gives_a_reasoned_choice() -> None:
    from hotseat.scenario.library import load_library

    library = load_library()
    rec = recommend(library.scenarios, progress([], [("CT004", 5), ("ET001", 3)]), lang="en")
    assert rec is not None
    chosen = next(s for s in library.scenarios if s.key == rec.scenario)
    assert {"CT004", "ET001"} & set(exercised(chosen))


@pytest.mark.parametrize(("ui", "other"), [("zh", "en"), ("en", "zh")])
def test_the_twin_in_the_interface_language_is_recommended(
    base: Scenario, ui: Lang, other: Lang
) -> None:
    """Issue 14.3: a trainee who played the other language's version is still sent to the
    scenario in the language they read the app in, when it exists there."""
    scenarios = [
        variant(base, "promises", codes=["PR001"], lang=other),
        variant(base, "promises", codes=["PR001"], lang=ui),
        variant(base, "manners", codes=["ET001"], lang=other),
    ]
    history = progress([played(f"{other}/manners", 40, lang=other)], [("PR001", 5)])
    rec = recommend(scenarios, history, lang=ui)
    assert rec is not None and rec.scenario == f"{ui}/promises"
    assert rec.codes == ("PR001",)
    # without a twin, or with the twin mastered, the best fit in the played language stands
    alone = recommend([scenarios[0], scenarios[2]], history, lang=ui)
    assert alone is not None and alone.scenario == f"{other}/promises"
    twice = ScenarioStats(f"{other}/manners", other, 2, 40, None)  # still played most
    mastered_twin = progress([twice, played(f"{ui}/promises", 90, lang=ui)], [("PR001", 5)])
    kept = recommend(scenarios, mastered_twin, lang=ui)
    assert kept is not None and kept.scenario == f"{other}/promises"


@pytest.mark.parametrize("ui", ["zh", "en"])
def test_built_in_twins_follow_the_interface_language(ui: Lang) -> None:
    from hotseat.scenario.library import load_library

    other: Lang = "en" if ui == "zh" else "zh"
    library = load_library()
    history = progress([played(f"{other}/small-charge", 30, lang=other)], [("CT004", 5)])
    rec = recommend(library.scenarios, history, lang=ui)
    assert rec is not None and rec.scenario.startswith(f"{ui}/")
