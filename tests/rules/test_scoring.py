"""Scores: a model call gets 100, apology spam and arguing land at 40 or under, all explained."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from hotseat.conversation import Area, Call, Scores, band_of
from hotseat.rules import CREDITS, Judge, Rulebook, score
from hotseat.rules.rulebook import RulebookFile, RuleSettings
from hotseat.scenario.model import Element, Policy

from .conftest import SORRY, TIME, call, reply

ALL = tuple(Element)


def scored(c: Call, rulebook: Rulebook | None = None) -> Scores:
    return score(c, Judge(rulebook).replay(c), rulebook)


def model_call() -> Call:
    """Listen, soothe + summarize + empathize, preframe, one question at a time, proper close."""
    return call(
        reply("嗯，您请讲。", ("backchannel", "嗯，您请讲"), venting=True),
        reply(
            "先跟您说声抱歉。您是说没收到提醒就扣了一百八十块，对吧？换作是我也会着急。",
            ("apology", "先跟您说声抱歉"),
            ("summary", "您是说没收到提醒就扣了一百八十块，对吧"),
            ("empathy", "换作是我也会着急"),
        ),
        reply(
            "为了尽快给您回复，我需要核实几个信息。请问您的手机号是多少？",
            ("preframe", "为了尽快给您回复，我需要核实几个信息"),
            ("question", "请问您的手机号是多少？"),
            asked=("phone",),
        ),
        reply("您希望我们怎么处理呢？", ("question", "您希望我们怎么处理呢？"), asked=("demand",)),
        reply(
            "我跟您确认一下，您要求退回多扣的费用。我们会在24小时内给您回电，感谢您的耐心。",
            ("summary", "我跟您确认一下，您要求退回多扣的费用"),
            TIME,
            ("thanks", "感谢您的耐心"),
        ),
        policy=Policy(),
        elements=ALL,
        captured=ALL,
        outcome="resolved",
    )


def spam_call(scenario: bool = True) -> Call:
    sorry = reply("对不起，真的对不起。", SORRY, ("apology", "对不起"))
    return call(
        reply("嗯。", venting=True),
        *(sorry for _ in range(5)),
        policy=Policy() if scenario else None,
        elements=ALL if scenario else (),
        outcome="hung_up",
    )


def arguing_call(scenario: bool = True) -> Call:
    defend = reply("系统是不会出错的，是您自己开通的。", ("defend", "系统是不会出错的"))
    return call(
        reply("嗯。", venting=True),
        defend,
        defend,
        defend,
        policy=Policy() if scenario else None,
        elements=ALL if scenario else (),
        outcome="hung_up",
    )


def test_a_model_call_has_no_findings_earns_every_credit_and_scores_100() -> None:
    c = model_call()
    assert Judge().replay(c) == []
    s = scored(c)
    assert s.overall == 100 and set(s.areas.values()) == {100}
    credited = [line for line in s.lines if line.points > 0 and not line.code]
    assert {line.area for line in credited} == {area for area, _ in CREDITS.values()}


@pytest.mark.parametrize("scenario", [True, False])
def test_pure_apology_spam_lands_at_40_or_under(scenario: bool) -> None:
    s = scored(spam_call(scenario))
    assert s.overall <= 40, s
    assert s.areas[Area.AP] <= 10 and s.areas[Area.EM] == 0


@pytest.mark.parametrize("scenario", [True, False])
def test_pure_arguing_lands_at_40_or_under(scenario: bool) -> None:
    s = scored(arguing_call(scenario))
    assert s.overall <= 40, s
    assert s.areas[Area.CT] == 0


def test_every_point_is_explained() -> None:
    for c in (model_call(), spam_call(), arguing_call(), spam_call(scenario=False)):
        s = scored(c)
        for area in Area:
            lines = [line for line in s.lines if line.area is area]
            assert 100 + sum(line.points for line in lines) == s.areas[area]
            assert all(line.reason for line in lines)


def test_a_finding_costs_its_weight_and_each_repeat_its_step_more() -> None:
    rb = Rulebook.default()
    c = spam_call()
    findings = Judge().replay(c)
    costs = [line for line in score(c, findings, rb).lines if line.code]
    nth: dict[str, int] = {}
    expected = []
    for f in findings:
        nth[f.code] = nth.get(f.code, 0) + 1
        expected.append(
            (f.code, f.turn, rb.weight(f.code) + rb.settings[f.code].step * (nth[f.code] - 1))
        )
    assert sorted((line.code, line.turn, -line.points) for line in costs) == sorted(expected)
    apologies = [-line.points for line in costs if line.code == "AP001"]
    assert len(apologies) > 2 and apologies == sorted(apologies) and apologies[0] < apologies[-1]


def test_clamping_is_a_line_of_its_own() -> None:
    s = scored(spam_call())
    floors = [line for line in s.lines if line.area is Area.EM and not line.code]
    assert len(floors) == 1 and floors[0].points > 0


def test_credits_offset_findings_but_never_pass_100() -> None:
    c = model_call()
    with_sorry = replace(
        c,
        replies=(
            *c.replies[:3],
            reply("对不起对不起。", SORRY, SORRY),
            *c.replies[3:],
        ),
    )
    with_sorry = call(
        *with_sorry.replies, policy=Policy(), elements=ALL, captured=ALL, outcome="resolved"
    )
    assert sorted(f.code for f in Judge().replay(with_sorry)) == ["AP001", "AP002"]
    rb = Rulebook.default()
    lost = rb.weight("AP001") + rb.weight("AP002")
    assert scored(with_sorry).areas[Area.AP] == 100 - lost + rb.credit("comfort-after-vent")


def test_a_credit_set_to_zero_is_not_awarded(tmp_path: Path) -> None:
    lines = scored(model_call()).lines
    assert any(line.area is Area.ET and line.points > 0 for line in lines)
    path = tmp_path / "rb.yaml"
    path.write_text("version: 1\ncredits: {proper-close: 0}\n", encoding="utf-8")
    no_close = Rulebook.load(path)
    assert not any(
        line.area is Area.ET and line.points > 0 for line in scored(model_call(), no_close).lines
    )


def test_a_time_faster_than_the_service_level_earns_no_credit() -> None:
    fast = ("promise", "我们今天给您回电", {"deadline": True, "hours": 8.0})
    c = call(reply("我们今天给您回电。", fast), policy=Policy(response_hours=24))
    assert not any(line.area is Area.PR and line.points > 0 for line in scored(c).lines)
    assert any(
        line.area is Area.PR and line.points > 0 for line in scored(replace(c, policy=None)).lines
    )


def test_score_lines_speak_the_call_language() -> None:
    zh = scored(spam_call())
    en = scored(replace(spam_call(), lang="en"))
    assert any("\u4e00" <= ch <= "\u9fff" for line in zh.lines for ch in line.reason)
    assert all(line.reason.isascii() for line in en.lines)


def test_area_weights_shape_the_overall() -> None:
    c = arguing_call()
    even = scored(c)
    ct_heavy = Rulebook.default().merged(RulebookFile(version=1, areas={Area.CT: 10}))
    assert scored(c, ct_heavy).overall < even.overall


def test_a_call_with_no_replies_scores_nothing() -> None:
    s = scored(call(outcome="abandoned", policy=Policy(), elements=ALL))
    assert s.overall == 0 and set(s.areas.values()) == {0}


def test_a_call_the_customer_hung_up_on_is_capped_and_the_cap_is_explained() -> None:
    good = model_call()
    lost = replace(good, outcome="hung_up", close_turn=None)
    capped = scored(lost)
    assert scored(good).overall == 100
    assert capped.overall == Rulebook.default().outcome_caps["hung_up"] == 20
    assert capped.band == "fail"
    cap_lines = [line for line in capped.lines if line.area is None]
    assert len(cap_lines) == 1 and cap_lines[0].points < 0
    assert "挂断" in cap_lines[0].reason


def test_outcome_caps_come_from_the_rulebook(tmp_path: Path) -> None:
    path = tmp_path / "book.yaml"
    path.write_text("version: 1\noutcome_caps:\n  hung_up: 60\n", encoding="utf-8")
    lost = replace(model_call(), outcome="hung_up", close_turn=None)
    assert scored(lost, Rulebook.load(path)).overall == 60


def test_a_hang_up_scales_the_score_under_its_cap_so_worse_calls_stay_lower() -> None:
    """The cap flattens nothing: the faults that lost the customer still count under it."""
    lost = replace(model_call(), outcome="hung_up", close_turn=None)
    rude = replace(renumbered(with_errors("你冷静一点！", "你听不懂吗！")), outcome="hung_up")
    assert scored(lost).overall == 20
    assert 0 < scored(rude).overall < scored(lost).overall
    worse = replace(
        renumbered(with_errors("你冷静一点！", "你听不懂吗！", "这不归我管！")), outcome="hung_up"
    )
    assert scored(worse).overall < scored(rude).overall


# The error count caps alone: rudeness, the errors these tests are made of, keeps its own cap
# (tested on its own below) out of the way.
COUNT_CAPS_ONLY = Rulebook.default().merged(
    RulebookFile(version=1, rules={"ET001": RuleSettings(cap=100)})
)


def with_errors(*texts: str) -> Call:
    """The model call with rude replies added before its close: one error each."""
    good = model_call()
    rude = tuple(reply(t, ("rude", t.rstrip("！"))) for t in texts)
    return replace(good, replies=(*good.replies[:-1], *rude, good.replies[-1]))


def renumbered(c: Call) -> Call:
    replies = tuple(replace(r, turn=i) for i, r in enumerate(c.replies, start=1))
    return replace(c, replies=replies, close_turn=replies[-1].turn)


@pytest.mark.parametrize(("errors", "cap"), [(1, 60), (2, 35), (3, 35)])
def test_error_level_findings_cap_the_overall(errors: int, cap: int) -> None:
    """However good the rest, one error keeps a call from passing; two make it a fail."""
    c = renumbered(with_errors(*["你冷静一点！", "你听不懂吗！", "这不归我管！"][:errors]))
    s = scored(c, COUNT_CAPS_ONLY)
    assert sum(f.severity == "error" for f in Judge().replay(c)) == errors
    assert s.overall == cap
    (line,) = [line for line in s.lines if line.area is None and "严重问题" in line.reason]
    assert f"{errors}处" in line.reason and line.points < 0
    assert s.band == ("borderline" if cap == 60 else "fail")


def test_error_caps_and_the_pass_mark_come_from_the_rulebook(tmp_path: Path) -> None:
    path = tmp_path / "book.yaml"
    path.write_text(
        "version: 1\nerror_caps: {1: 75}\npass_mark: 80\nfail_below: 50\n"
        "rules: {ET001: {cap: 100}}\n",
        encoding="utf-8",
    )
    book = Rulebook.load(path)
    s = scored(renumbered(with_errors("你冷静一点！")), book)
    assert s.overall == 75 and s.pass_mark == 80 and s.band == "borderline"
    assert book.error_cap(2) == 35  # the defaults the file did not override stay
    assert scored(model_call(), book.with_pass_mark(101 - 1)).band == "pass"


def test_an_insult_fails_the_call_on_its_own_and_more_insults_score_lower() -> None:
    """Rudeness scales the overall into 0-20 (the rulebook's cap), so calls under it keep order."""
    one, two = (
        renumbered(with_errors("你冷静一点！")),
        renumbered(with_errors("你冷静一点！", "你听不懂吗！")),
    )
    s = scored(one)
    assert Rulebook.default().settings["ET001"].cap == 20
    assert 0 < s.overall <= 20 and s.band == "fail"
    assert "ET001" in [line.code for line in s.lines if line.area is None]
    assert 0 < scored(two).overall < s.overall


@pytest.mark.parametrize(
    ("overall", "band"),
    [(100, "pass"), (70, "pass"), (69, "borderline"), (40, "borderline"), (39, "fail")],
)
def test_bands_follow_the_trainers_scale(overall: int, band: str) -> None:
    assert band_of(overall) == band
    assert Scores(dict.fromkeys(Area, overall), overall).band == band


def test_a_class_pass_mark_moves_the_band() -> None:
    assert band_of(75, pass_mark=80) == "borderline"
    assert band_of(30, pass_mark=35, fail_below=40) == "fail"  # the fail line never passes the mark


def test_mechanical_empathy_earns_no_credit_and_each_repeat_costs_more() -> None:
    said = reply("我理解您的心情。", ("empathy", "我理解您的心情"))
    c = call(reply("嗯。", venting=True), said, said, said, said, outcome="abandoned")
    s = scored(c)
    costs = [-line.points for line in s.lines if line.code == "EM003"]
    assert len(costs) == 3 and costs[0] < costs[1] < costs[2]
    assert s.areas[Area.EM] < 50


def test_understanding_then_but_is_not_empathy() -> None:
    text = "我理解您的心情，但是这个是您自己开通的。"
    hollow = reply(text, ("empathy", "我理解您的心情"), ("defend", "这个是您自己开通的"))
    c = call(reply("嗯。", venting=True), hollow, hollow, outcome="abandoned")
    codes = [f.code for f in Judge().replay(c)]
    assert "EM001" in codes and "CT004" in codes and "ET004" in codes
    assert not [line for line in scored(c).lines if line.area is Area.EM and line.points > 0]


def test_the_weakest_area_pulls_the_overall_down_and_says_so() -> None:
    """A call that never gives a time (PR empty) cannot hide behind four good areas."""
    c = model_call()
    no_time = replace(c, replies=c.replies[:-1], close_turn=c.replies[-2].turn)
    s = scored(no_time)
    weakest = min(s.areas.values())
    rb = Rulebook.default()
    mean = sum(rb.areas[a] * v for a, v in s.areas.items()) / sum(rb.areas.values())
    assert s.overall == round((1 - rb.weakest_area) * mean + rb.weakest_area * weakest)
    (line,) = [line for line in s.lines if line.area is None]
    assert line.points == s.overall - round(mean) < 0 and str(weakest) in line.reason
    flat = Rulebook.default().merged(RulebookFile(version=1, weakest_area=0))
    assert scored(no_time, flat).overall == round(mean)
