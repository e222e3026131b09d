"""Promises are judged by what they commit to, and the call's outcome agrees with the call
(issue 12, items 2 and 3). These run the real analyzer on the issue's own examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotseat.conversation import Call, Reply
from hotseat.language import analyze
from hotseat.moves import Lang
from hotseat.rules import Judge
from hotseat.scenario.library import builtin_dir, load_scenario
from hotseat.scenario.model import Policy
from hotseat.session import Session, is_close_attempt

SCENARIOS = sorted(builtin_dir().glob("*/*.yaml"))


def judged(lang: Lang, *texts: str, policy: Policy | None = None, customer: str = "") -> list[str]:
    replies = tuple(
        Reply(i, text, analyze(text, lang), customer_before=customer)
        for i, text in enumerate(texts, start=1)
    )
    return [f.code for f in Judge().replay(Call(lang, replies, policy or Policy()))]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "I'll make sure it never happens again, and the agent will be disciplined."),
        ("en", "A director will send you a letter of apology by tomorrow morning."),
        ("en", "We'll refund the full amount and compensate you for your lost earnings."),
        ("zh", "我保证以后再也不会发生这种事，那个客服我们会开除。"),
        ("zh", "您的误工费我们也会一起赔偿给您。"),
    ],
)
def test_a_commitment_beyond_any_policy_is_pr002_whatever_the_wording(
    lang: Lang, text: str
) -> None:
    """Even where money is allowed at once, staff discipline, 'never again', a manager's
    decision or lost earnings are not the agent's to promise."""
    assert "PR002" in judged(lang, text, policy=Policy(compensation="allowed"))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "So you want a full refund and compensation for the wasted day, is that right?"),
        ("zh", "您是希望我们退款并赔偿误工费，对吗？"),
    ],
)
def test_a_summary_of_the_demand_is_not_a_money_promise(lang: Lang, text: str) -> None:
    codes = judged(lang, text, policy=Policy(compensation="never"))
    assert not {"PR002", "PR003"} & set(codes)


def test_a_conditional_offer_after_verification_is_fine() -> None:
    text = "If it turns out the courier damaged it, we'll refund you in full."
    assert not {"PR002", "PR003"} & set(judged("en", text))


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_scenario_s_permitted_promises_never_fire_a_finding(path: Path) -> None:
    scenario = load_scenario(path)
    for line in scenario.policy.may_promise:
        codes = judged(scenario.lang, line, policy=scenario.policy)
        assert not [c for c in codes if c[:2] in ("PR", "ET") or c == "CT004"], (line, codes)


def test_a_permitted_promise_is_recognised_not_any_promise() -> None:
    """The same guarantee-looking words fire once the scenario no longer permits them."""
    scenario = load_scenario(builtin_dir() / "en" / "overcharged-data.yaml")
    line = next(p for p in scenario.policy.may_promise if "100%" in p)
    assert "PR001" not in judged("en", line, policy=scenario.policy)
    bare = scenario.policy.model_copy(update={"may_promise": []})
    assert "PR001" in judged("en", line, policy=bare)


def test_the_customer_s_own_words_echoed_back_are_not_rude() -> None:
    from hotseat.moves import Analysis, Move, MoveKind

    text = "您说我们是骗子，这话我记下了，我先帮您查。"
    rude = Move(MoveKind.RUDE, 2, 7)
    reply = Reply(1, text, Analysis(text, "zh", (rude,)), customer_before="你们就是骗子！")
    assert "ET001" not in [f.code for f in Judge().replay(Call("zh", (reply,)))]
    alone = Reply(1, text, Analysis(text, "zh", (rude,)), customer_before="我要投诉。")
    assert "ET001" in [f.code for f in Judge().replay(Call("zh", (alone,)))]


def test_i_understand_but_a_defence_is_a_defence() -> None:
    codes = judged("en", "I understand how you feel, but you did tick the box when you ordered.")
    assert "CT004" in codes


def test_a_refused_close_then_leaving_is_unresolved_not_abandoned() -> None:
    """The trainee tried to close and the customer would not: the trainee did not walk away.

    The customer accepts a close only once a response time has been given, so a
    wrap-up of thanks and a recap with no time in it is a real close they refuse.
    """
    scenario = load_scenario(builtin_dir() / "zh" / "overcharged-data.yaml")
    session = Session(scenario, seed=1)
    session.reply("嗯，您请讲。")
    results = session.reply("感谢您的来电，您反映的是这个月流量费多扣了的问题，我都记下了。")
    assert is_close_attempt(results[-1].reply.analysis)
    assert not results[-1].customer.accepted_close
    assert not session.ended
    session.abandon()
    assert session.outcome == "unresolved"
    plain = Session(scenario, seed=1)
    plain.reply("嗯，您请讲。")
    plain.abandon()
    assert plain.outcome == "abandoned"


def test_the_customer_s_demand_for_an_apology_quoted_back_is_not_an_apology() -> None:
    """'她本人道歉' restates what the customer asks for; a bare 'sorry' is still an apology."""
    from hotseat.moves import Analysis, Move, MoveKind

    text = "三条我原话记下：她本人道歉、公司表态。非常抱歉，让您久等了。"
    moves = (Move(MoveKind.APOLOGY, 8, 13), Move(MoveKind.APOLOGY, 19, 23))
    reply = Reply(
        1, text, Analysis(text, "zh", moves), customer_before="她本人道歉，你们公司表个态。"
    )
    found = [f.code for f in Judge().replay(Call("zh", (reply,)))]
    assert "AP002" not in found  # one apology of the trainee's own, not two
    sorry = "Sorry, I didn't mean it that way."
    said = Reply(1, sorry, Analysis(sorry, "en", (Move(MoveKind.APOLOGY, 0, 5),)),
                 customer_before="I'm sorry, but you're arguing with me?")  # fmt: skip
    assert "EM002" in [f.code for f in Judge().replay(Call("en", (said,)))]
