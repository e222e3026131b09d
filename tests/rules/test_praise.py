"""Each reply's card names what was good, and only moves no rule objects to (issue 12, item 4)."""

from __future__ import annotations

import json

from hotseat.report.session import export_session
from hotseat.rules.praise import praise, praise_for
from hotseat.scenario.library import builtin_dir, load_scenario
from hotseat.scenario.model import Policy
from hotseat.session import Session
from hotseat.store.codec import result_from_json

from .conftest import EMPATHY, SUMMARY, TIME, call, reply

LISTEN = reply("嗯，您请讲。", ("backchannel", "嗯，您请讲"), venting=True)
COMFORT = reply(
    "您是说多扣了一百八十块，换作是我也会着急。",
    ("summary", "您是说多扣了一百八十块"),
    ("empathy", "换作是我也会着急"),
)


def keys(c, turn: int | None = None) -> list[str]:
    return [p.key for p in praise(c) if turn is None or p.turn == turn]


def test_summary_plus_own_reaction_is_praised_as_the_comfort_that_works() -> None:
    c = call(LISTEN, COMFORT)
    assert keys(c, 1) == ["listened"]
    assert keys(c, 2) == ["comfort"]
    assert "保持" in praise_for(c)[0].text


def test_empathy_alone_and_a_summary_alone_are_praised_for_what_they_are() -> None:
    assert keys(call(LISTEN, EMPATHY), 2) == ["empathy"]
    assert keys(call(LISTEN, SUMMARY), 2) == ["summary"]


def test_a_formula_said_again_is_not_praised_as_empathy() -> None:
    assert keys(call(LISTEN, EMPATHY, EMPATHY), 3) == []


def test_a_response_time_is_praised_only_within_the_service_level_and_without_a_guarantee() -> None:
    ok = reply("我们会在24小时内给您回电。", TIME)
    assert keys(call(ok, policy=Policy(response_hours=24))) == ["response_time"]
    fast = reply("我们会在24小时内给您回电。", TIME)
    assert keys(call(fast, policy=Policy(response_hours=48))) == []
    sure = (
        "promise",
        "我保证24小时内给您回电",
        {"deadline": True, "hours": 24.0, "guarantee": True},
    )
    assert keys(call(reply("我保证24小时内给您回电。", sure))) == []


def test_money_offered_on_condition_of_verification_is_praised() -> None:
    text = "核实后如果属实，我们会把钱退给您。"
    offer = reply(text, ("promise", "我们会把钱退给您", {"compensation": True}))
    assert "conditional_offer" in keys(call(offer, policy=Policy()))
    rash = reply("我们会把钱退给您。", ("promise", "我们会把钱退给您", {"compensation": True}))
    assert "conditional_offer" not in keys(call(rash, policy=Policy()))


def test_praise_is_worded_in_the_call_language() -> None:
    from dataclasses import replace

    en = replace(call(LISTEN), lang="en")
    assert praise(en)[0].text.startswith("Let the customer finish")


def test_the_model_call_earns_praise_on_its_cards_in_the_report_and_the_json() -> None:
    path = builtin_dir() / "en" / "overcharged-data.yaml"
    scenario = load_scenario(path)
    model = next(e for e in scenario.examples if e.kind == "model")
    session = Session(scenario, seed=model.seed)
    cards = [r.praise for text in model.replies if not session.ended for r in session.reply(text)]
    assert any(cards), "no reply's card names anything good"
    result = session.result()
    assert result.praise and result.scores.band == "pass"
    data = json.loads(export_session(result, "json"))
    assert data["band"] == "pass" and data["pass_mark"] == 70
    assert [p["key"] for p in data["praise"]] == [p.key for p in result.praise]
    assert result_from_json(data) == result
    markdown = export_session(result, "md")
    assert "What went well" in markdown and "How the score was made" in markdown
    assert result.praise[0].text in markdown
    assert "pass (Pass mark 70)" in markdown
