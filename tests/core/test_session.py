"""One call end to end on the fixture scenario, through the real analyzer and judge."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.fixture_scenario import make_scenario
from hotseat.scenario.model import Reaction, Scenario
from hotseat.session import Session, SessionEnded

LISTEN = "嗯，您请讲。"
SOOTHE = "先跟您说声抱歉。您是说流量用超了没收到提醒，对吧？换作是我也会着急。"
ASK = "为了尽快帮您处理，我需要核实几个信息。请问您的手机号是多少？"
DEMAND = "好的。请问您希望我们怎么处理？"
CLOSE = "我跟您确认一下，我们会在24小时内给您回电。感谢您的耐心！"


def test_opening_then_each_reply_adds_two_lines_and_a_mood(scenario: Scenario) -> None:
    s = Session(scenario, seed=1)
    assert [u.speaker for u in s.transcript] == ["customer"]
    (result,) = s.reply(LISTEN)
    assert [u.speaker for u in s.transcript] == ["customer", "trainee", "customer"]
    assert result.reply.venting and result.customer.reaction is Reaction.VENT
    assert s.moods == [result.customer.mood]


def test_a_textbook_call_resolves(scenario: Scenario) -> None:
    s = Session(scenario, seed=3)
    for text in (LISTEN, SOOTHE, ASK, DEMAND, CLOSE):
        s.reply(text)
        if s.ended:
            break
    assert s.outcome == "resolved"
    assert s.result().elements == dict.fromkeys(scenario.elements(), True)


def test_running_out_of_replies_is_abandoned_and_later_replies_are_refused(
    scenario: Scenario,
) -> None:
    s = Session(scenario)
    s.reply(LISTEN)
    s.abandon()
    assert s.outcome == "abandoned"
    with pytest.raises(SessionEnded):
        s.reply("还有人吗")


def test_rudeness_ends_in_a_hang_up(scenario: Scenario) -> None:
    s = Session(scenario)
    for _ in range(6):
        s.reply("你冷静一点，你听不懂吗？这不归我管。")
        if s.ended:
            break
    assert s.outcome == "hung_up"
    assert s.transcript[-1].text.startswith("hang_up-")
    assert any(f.code == "ET001" for f in s.findings)


def test_drill_reply_after_the_clock_first_meets_the_silence(scenario: Scenario) -> None:
    s = Session(scenario, mode="drill", clock_seconds=10)
    s.reply(LISTEN, seconds=2)
    late = s.reply(SOOTHE, seconds=25)
    assert len(late) == 2
    assert late[0].reply.text == "" and late[0].customer.reaction is Reaction.SILENCE
    assert s.turn == 3


def test_timeout_is_a_silent_turn(scenario: Scenario) -> None:
    s = Session(scenario, mode="drill")
    s.reply(LISTEN)
    result = s.timeout()
    assert result.reply.silent and result.customer.reaction is Reaction.SILENCE


def test_turn_limit(make_scenario: Callable[..., Scenario]) -> None:
    s = Session(make_scenario(max_turns=3))
    for _ in range(3):
        s.reply(LISTEN)
    assert s.outcome == "turn_limit"


def test_same_replies_same_seed_same_result(scenario: Scenario) -> None:
    def play(seed: int) -> str:
        s = Session(scenario, seed=seed)
        for text in (LISTEN, "对不起对不起", SOOTHE, ASK, "系统不会出错的", CLOSE):
            if not s.ended:
                s.reply(text)
        s.abandon()
        return json.dumps(s.result().to_json(), ensure_ascii=False)

    assert play(5) == play(5)


def test_restore_rebuilds_the_same_state(scenario: Scenario) -> None:
    replies = [(LISTEN, None), (SOOTHE, 3.0), (ASK, None)]
    live = Session(scenario, seed=9)
    for text, seconds in replies:
        live.reply(text, seconds)
    again = Session(scenario, seed=9)
    again.restore(replies)
    assert again.result().to_json() == live.result().to_json()


def test_hint_follows_the_phase(scenario: Scenario) -> None:
    s = Session(scenario)
    assert "说完" in s.hint()
    s.reply(LISTEN)
    assert "安抚" in s.hint()
    s.reply(SOOTHE)
    assert "电话" in s.hint()  # the next key element to ask for is the contact's label


replies_strategy = st.lists(
    st.one_of(
        st.text(max_size=200),
        st.sampled_from(["", "   ", "\x00\x1b[2J", "😡" * 50, "مرحبا بك", "sorry 对不起 OK?"]),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=60, deadline=None)
@given(replies=replies_strategy, seed=st.integers(0, 2**31))
def test_no_reply_crashes_a_session(replies: list[str], seed: int) -> None:
    s = Session(make_scenario(), seed=seed)
    for text in replies:
        if s.ended:
            break
        for r in s.reply(text):
            assert 0 <= r.customer.mood <= 100
            for m in r.reply.analysis.moves:
                assert 0 <= m.start <= m.end <= len(text)
    s.abandon()
    json.dumps(s.result().to_json(), ensure_ascii=False)


def test_a_100_kb_reply_is_handled(scenario: Scenario) -> None:
    s = Session(scenario)
    (r,) = s.reply("您好，" * 35_000)
    assert r.customer.line


def test_the_customer_pins_exactly_the_promises_the_judge_calls_rash(scenario: Scenario) -> None:
    s = Session(scenario, seed=2)
    s.reply(LISTEN)
    (sound,) = s.reply("核实后如果确实是我们的问题，我们会按规定给您退还多扣的费用。")
    assert not any(f.code.startswith("PR") for f in sound.findings)
    assert sound.customer.reaction is not Reaction.RASH_PROMISE
    (rash,) = s.reply("我保证今天就给您把钱退回来！")
    assert {"PR001"} <= {f.code for f in rash.findings}
    assert rash.customer.reaction is Reaction.RASH_PROMISE


def test_ignoring_promise_rules_changes_the_scorecard_not_the_customer(
    scenario: Scenario,
) -> None:
    from hotseat.rules import Rulebook

    quiet = Session(scenario, seed=2, rulebook=Rulebook.default().configured(ignore=("PR",)))
    loud = Session(scenario, seed=2)
    for s in (quiet, loud):
        s.reply(LISTEN)
        s.reply("我保证今天就给您把钱退回来！")
    assert quiet.transcript == loud.transcript
    assert not any(f.code.startswith("PR") for f in quiet.findings)
    assert any(f.code.startswith("PR") for f in loud.findings)


def test_a_request_asks_and_a_commitment_does_not() -> None:
    """'Please leave your number' asks for the contact; 'I'll note your number and call
    within 24 hours' promises and asks nothing (the fact's words sit inside the promise)."""
    session = Session(make_scenario())
    request = session.reply("请留一下您的手机号。")[-1]
    assert request.reply.asked == frozenset({"phone"})
    promise = Session(make_scenario()).reply("我会在24小时内给您手机号回电话。")[-1]
    assert [m.kind.value for m in promise.reply.analysis.moves] == ["promise"]
    assert promise.reply.asked == frozenset()


def test_a_line_actually_said_replaces_the_script_s_and_is_what_the_next_reply_answers(
    scenario: Scenario,
) -> None:
    """An instructor's or a stored transcript's line goes on record; the script still reacts."""
    plain = Session(scenario, seed=1)
    plain.reply(LISTEN)
    said = Session(scenario, seed=1)
    said.say("我的号码是13800000000。")
    said.reply(LISTEN)
    said.say("你们到底管不管？")
    (result,) = said.reply(SOOTHE)
    assert said.transcript[0].text == "我的号码是13800000000。"
    assert said.transcript[2].text == "你们到底管不管？" != plain.transcript[2].text
    assert result.reply.customer_before == "你们到底管不管？"
    assert said.moods[0] == plain.moods[0]  # the customer's reaction is the script's


@pytest.mark.parametrize(
    ("key", "summary"),
    [
        (
            "zh/shock-drill",
            "您是说断网三天，上门的师傅一直没来，两场直播全黄了，损失要我们赔，对吧？",
        ),
        (
            "en/shock-drill",
            "So your line has been dead since Thursday, nobody came, and you want us to pay "
            "for the work you lost, right?",
        ),
    ],
)
def test_a_demand_the_customer_states_in_the_vent_is_captured_by_a_summary(
    key: str, summary: str
) -> None:
    """Asking "what would you like us to do" after the customer has said it is not needed."""
    from hotseat.scenario.library import load_library
    from hotseat.scenario.model import Element

    scenario = next(s for s in load_library().scenarios if s.key == key)
    s = Session(scenario, seed=1, mode="onboarding")
    for _ in range(6):
        if not s.customer.venting:
            break
        s.reply("嗯，您说。" if scenario.lang == "zh" else "Go on, I'm listening.")
    assert Element.DEMAND not in s.customer.captured()
    s.reply(summary)
    assert not any("demand" in r.asked for r in s.replies)
    assert Element.DEMAND in s.customer.captured()
