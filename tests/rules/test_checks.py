"""Each rule fires on a call that breaks it and keeps quiet on one that does not (moves by hand)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from hotseat.conversation import Call, Finding, Outcome
from hotseat.moves import Lang
from hotseat.rules import RULES, Judge, Rulebook
from hotseat.scenario.model import Element, Policy

from .conftest import CLOSE, EMPATHY, LISTEN, SORRY, SUMMARY, TIME, call, prefix, reply

QUESTION = reply("请问您的手机号是多少？", ("question", "请问您的手机号是多少？"))
PREFRAME = reply(
    "为了尽快帮您处理，我需要核实几个信息。", ("preframe", "为了尽快帮您处理，我需要核实几个信息")
)
REFUND = ("promise", "我们会把钱退给您", {"compensation": True})
ALL = tuple(Element)


def findings(c: Call, rulebook: Rulebook | None = None) -> list[Finding]:
    return Judge(rulebook).replay(c)


def codes(c: Call, rulebook: Rulebook | None = None) -> list[str]:
    return [f.code for f in findings(c, rulebook)]


# code -> (a call that breaks the rule, a call that doesn't)
CASES: dict[str, tuple[Call, Call]] = {
    "AP001": (
        call(reply("对不起。", SORRY), reply("对不起。", SORRY), reply("真对不起。", SORRY)),
        call(reply("对不起。", SORRY), reply("对不起。", SORRY), EMPATHY),
    ),
    "AP002": (call(reply("对不起对不起！", SORRY, SORRY)), call(reply("对不起。", SORRY))),
    "AP003": (
        call(reply("对不起。", SORRY, venting=True)),
        call(reply("嗯，您请讲。", ("backchannel", "嗯，您请讲"), venting=True), EMPATHY),
    ),
    "AP004": (
        call(reply("嗯。", venting=True), QUESTION, outcome="hung_up"),
        call(reply("嗯。", venting=True), EMPATHY, outcome="hung_up"),
    ),
    "PR001": (
        call(reply("我保证今天退给您。", ("promise", "我保证今天退给您", {"guarantee": True}))),
        call(reply("我会帮您查一下。", ("promise", "我会帮您查一下"))),
    ),
    "PR002": (
        call(reply("我们会把钱退给您。", REFUND), policy=Policy(compensation="never")),
        call(reply("我们会把钱退给您。", REFUND), policy=Policy(compensation="allowed")),
    ),
    "PR003": (
        call(reply("我们会把钱退给您。", REFUND), policy=Policy()),
        call(QUESTION, reply("我们会把钱退给您。", REFUND), policy=Policy()),
    ),
    "PR004": (
        call(
            reply(
                "我今天给您回电。", ("promise", "我今天给您回电", {"deadline": True, "hours": 8.0})
            ),
            policy=Policy(response_hours=24),
        ),
        call(reply("我们会在24小时内给您回电。", TIME), policy=Policy(response_hours=24)),
    ),
    "PR005": (
        call(SUMMARY, reply("感谢您的耐心。", ("thanks", "感谢您的耐心")), outcome="resolved"),
        call(SUMMARY, CLOSE, outcome="resolved"),
    ),
    "CT001": (
        call(SUMMARY, CLOSE, policy=Policy(), elements=ALL, captured=ALL[:3], outcome="resolved"),
        call(SUMMARY, CLOSE, policy=Policy(), elements=ALL, captured=ALL, outcome="resolved"),
    ),
    "CT002": (
        call(
            reply(
                "贵姓？电话？想怎么处理？",
                *(("question", q) for q in ("贵姓？", "电话？", "想怎么处理？")),
            )
        ),
        call(reply("贵姓？电话？", ("question", "贵姓？"), ("question", "电话？"))),
    ),
    "CT003": (call(QUESTION), call(PREFRAME, QUESTION)),
    "CT004": (
        call(reply("系统是不会出错的。", ("defend", "系统是不会出错的"))),
        call(EMPATHY),
    ),
    "CT005": (
        call(EMPATHY, CLOSE, outcome="resolved"),
        call(SUMMARY, CLOSE, outcome="resolved"),
    ),
    "CT006": (call(reply("肯定是我们搞错了。", ("admission", "肯定是我们搞错了"))), call(EMPATHY)),
    "CT007": (call(reply("")), call(LISTEN)),
    "ET001": (call(reply("你冷静一点！", ("rude", "你冷静一点"))), call(EMPATHY)),
    "ET002": (
        call(reply("您是为了炒作吧？", ("rude", "您是为了炒作吧？"))),
        call(reply("网上有人说您炒作，我们不这么看。", ("empathy", "我们不这么看"))),
    ),
    "ET003": (
        call(SUMMARY, reply("我们会在24小时内给您回电。", TIME), outcome="resolved"),
        call(SUMMARY, CLOSE, outcome="resolved"),
    ),
    "EM001": (
        call(reply("嗯。", venting=True), QUESTION, QUESTION),
        call(reply("嗯。", venting=True), QUESTION, EMPATHY),
    ),
    "ET004": (
        call(reply("这是您自己开通的。", ("defend", "这是您自己开通的"))),
        call(reply("系统是不会出错的。", ("defend", "系统是不会出错的"))),
    ),
    "EM003": (
        call(EMPATHY, EMPATHY),
        call(EMPATHY, reply("白白多扣了钱，谁都会窝火。", ("empathy", "谁都会窝火"))),
    ),
    "EM002": (
        call(reply("真不好意思。", ("apology", "真不好意思"))),
        call(
            reply(
                "真不好意思，换作是我也会着急。",
                ("apology", "真不好意思"),
                ("empathy", "换作是我也会着急"),
            )
        ),
    ),
}

# phrase lists follow the call's language: these need English words in English calls
_JAB = "Are you doing this for publicity?"
_BLAME = "You must have signed up yourself."
EN_CASES = {
    "ET002": call(reply(_JAB, ("rude", _JAB), lang="en"), lang="en"),
    "ET004": call(reply(_BLAME, ("defend", _BLAME[:-1]), lang="en"), lang="en"),
}


def test_every_rule_has_a_case() -> None:
    assert set(CASES) == {r.code for r in RULES}


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_fires_on_the_bad_call(code: str) -> None:
    bad, _ = CASES[code]
    assert code in codes(bad)


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_keeps_quiet_on_the_good_call(code: str) -> None:
    _, good = CASES[code]
    assert code not in codes(good)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("code", sorted(CASES))
def test_finding_is_worded_in_the_call_language_with_its_evidence(code: str, lang: str) -> None:
    bad = CASES[code][0] if lang == "zh" else EN_CASES.get(code, replace(CASES[code][0], lang="en"))
    found = [f for f in findings(bad) if f.code == code]
    assert found
    for f in found:
        assert f.message and f.tip and "{" not in f.message + f.tip
        assert f.area.value == code[:2] and f.name == next(r.name for r in RULES if r.code == code)
        if f.turn:
            text = bad.replies[f.turn - 1].text
            assert f.quote == text[f.start : f.end]
            assert str(f.turn) in f.message
            if f.quote:
                assert f.quote in f.message or all(
                    piece in f.quote for piece in _quoted_pieces(f.message)
                )
        words = re.sub(r"「.*?」|\u201c.*?\u201d", "", f.message)
        has_cjk = any("\u4e00" <= ch <= "\u9fff" for ch in words)
        assert has_cjk == (lang == "zh"), f.message


def _quoted_pieces(message: str) -> list[str]:
    return [a or b for a, b in re.findall(r"「(.*?)」|\u201c(.*?)\u201d", message)]


def test_severities_follow_the_brief() -> None:
    errors = {"PR001", "PR002", "PR004", "ET001", "ET002", "ET004", "CT004"}
    for code, (bad, _) in CASES.items():
        for f in findings(bad):
            if f.code == code:
                assert f.severity == ("error" if code in errors else "warning")


# -- the finer points of each trigger ---------------------------------------------------------


def test_repeated_apology_fires_on_every_apology_past_the_limit() -> None:
    c = call(*(reply("对不起。", SORRY) for _ in range(5)))
    found = [f for f in findings(c) if f.code == "AP001"]
    assert [f.turn for f in found] == [3, 4, 5]
    assert "3" in found[0].message and "2" in found[0].message
    assert "5" in found[-1].message


def test_repeated_apology_quotes_only_the_apologies_past_the_limit() -> None:
    c = call(
        reply("对不起。", SORRY),
        reply("抱歉抱歉，对不起。", ("apology", "抱歉"), ("apology", "抱歉"), SORRY),
    )
    found = [f for f in findings(c) if f.code == "AP001"]
    assert [f.quote for f in found] == ["抱歉", "对不起"]


def test_early_soothing_counts_empathy_too_and_fires_per_reply() -> None:
    vent = reply("我理解您的心情。", ("empathy", "我理解您的心情"), venting=True)
    c = call(vent, vent)
    assert [f.turn for f in findings(c) if f.code == "AP003"] == [1, 2]


def test_missing_soothing_ignores_comfort_given_during_the_vent() -> None:
    c = call(reply("对不起。", SORRY, venting=True), QUESTION, outcome="hung_up")
    assert "AP004" in codes(c)


def test_a_call_that_ends_during_the_vent_is_judged_on_all_its_replies() -> None:
    listened = call(reply("嗯。", venting=True), outcome="hung_up")
    assert {"AP004", "EM001"} <= set(codes(listened))
    # the customer hung up: nobody closed the call, so nothing is said about the close
    assert not {"PR005", "CT005"} & set(codes(listened))
    soothed = call(
        reply("我理解您的心情。", ("empathy", "我理解您的心情"), venting=True), outcome="hung_up"
    )
    assert not {"AP004", "EM001"} & set(codes(soothed))
    assert not set(codes(call(outcome="abandoned")))


def test_promise_beyond_policy_on_an_escalated_case_flags_outcomes_not_times() -> None:
    escalate = Policy(escalate=True)
    outcome = reply("我们会帮您解决这个问题。", ("promise", "我们会帮您解决这个问题"))
    assert "PR002" in codes(call(outcome, policy=escalate))
    assert "PR002" not in codes(call(reply("我们会在24小时内给您回电。", TIME), policy=escalate))


def test_promise_beyond_policy_reads_traditional_script() -> None:
    text = "我們會幫您解決這個問題。"
    c = call(reply(text, ("promise", text[:-1])), policy=Policy(escalate=True))
    assert "PR002" in codes(c)


def test_premature_compensation_accepts_a_promise_conditional_on_verification() -> None:
    text = "核实后如果属实，我们会把钱退给您。"
    assert "PR003" not in codes(call(reply(text, REFUND), policy=Policy()))


def test_premature_compensation_counts_a_question_earlier_in_the_same_reply() -> None:
    text = "请问是哪个月的账单？我们会把钱退给您。"
    r = reply(text, ("question", "请问是哪个月的账单？"), REFUND)
    assert "PR003" not in codes(call(r, policy=Policy()))


def test_premature_compensation_only_under_after_verification() -> None:
    bad, _ = CASES["PR003"]
    assert "PR003" not in codes(replace(bad, policy=Policy(compensation="allowed")))


def test_deadline_rule_ignores_times_it_cannot_size() -> None:
    vague = reply("我会尽快回复您。", ("promise", "我会尽快回复您", {"deadline": True}))
    assert "PR004" not in codes(call(vague, policy=Policy()))


def test_right_now_is_a_deadline_only_for_an_answer_or_a_result() -> None:
    policy = Policy(response_hours=24)
    answer = ("promise", "我马上给您回复", {"deadline": True, "hours": 0.0})
    assert "PR004" in codes(call(reply("我马上给您回复。", answer), policy=policy))
    action = ("promise", "我现在就帮您取消", {"deadline": True, "hours": 0.0})
    assert "PR004" not in codes(call(reply("我现在就帮您取消。", action), policy=policy))


def test_close_without_time_looks_only_at_the_closing_replies_of_a_resolved_call() -> None:
    thanks = reply("感谢您的耐心。", ("thanks", "感谢您的耐心"))
    early = reply("我们会在24小时内给您回电。", TIME)
    assert "PR005" in codes(call(early, SUMMARY, thanks, outcome="resolved"))
    assert "PR005" not in codes(call(early, SUMMARY, thanks, outcome="hung_up"))
    # ended by the trainee without the customer's say-so: a time given at any point counts
    assert "PR005" not in codes(call(early, SUMMARY, thanks, outcome="unresolved"))
    assert "PR005" in codes(call(SUMMARY, thanks, outcome="unresolved"))
    assert "PR005" in codes(call(SUMMARY, thanks, outcome="abandoned"))


@pytest.mark.parametrize("outcome", ["hung_up", "turn_limit"])
def test_close_findings_only_when_the_trainee_closed(outcome: Outcome) -> None:
    """A hung-up call is not told "you closed without summing up": nobody closed it."""
    thanks = reply("感谢您的耐心。", ("thanks", "感谢您的耐心"))
    assert not {"PR005", "CT005", "ET003"} & set(codes(call(EMPATHY, thanks, outcome=outcome)))
    assert {"PR005", "CT005"} <= set(codes(call(EMPATHY, thanks, outcome="abandoned")))


def test_element_not_captured_names_each_missing_element() -> None:
    c = call(
        SUMMARY, CLOSE, policy=Policy(), elements=ALL, captured=(Element.WHO,), outcome="resolved"
    )
    found = [f for f in findings(c) if f.code == "CT001"]
    assert len(found) == 3 and all(f.turn == 0 for f in found)
    assert any("联系方式" in f.message for f in found)


def test_unframed_questions_fires_only_on_the_first_questioning_reply() -> None:
    assert [f.turn for f in findings(call(QUESTION, QUESTION)) if f.code == "CT003"] == [1]


def test_a_summary_confirmed_with_a_tag_question_is_not_an_unframed_question() -> None:
    text = "您是说多扣了一百八十块，对吧？"
    confirm = reply(text, ("summary", "您是说多扣了一百八十块"), ("question", text))
    assert "CT003" not in codes(call(confirm))
    assert "CT003" in codes(call(confirm, QUESTION))


@pytest.mark.parametrize(
    ("lang", "offer", "question"),
    [
        ("zh", "请问有什么可以帮您？", "请问您的手机号是多少？"),
        ("en", "How can I help you?", "What's the number on the account?"),
    ],
)
def test_an_open_offer_of_help_is_not_an_unframed_question(
    lang: Lang, offer: str, question: str
) -> None:
    """An open "how can I help you?" hands over the floor; the next real question still counts."""
    offered = reply(offer, ("question", offer), lang=lang)
    asked = reply(question, ("question", question), lang=lang)
    assert "CT003" not in codes(call(offered, lang=lang))
    assert [f.turn for f in findings(call(offered, asked, lang=lang)) if f.code == "CT003"] == [2]


def test_unframed_questions_go_by_questions_not_by_fact_words_mentioned() -> None:
    mention = reply("手机号的事我记下了。", asked=("phone",))
    assert "CT003" not in codes(call(EMPATHY, mention, policy=Policy()))
    (f,) = [f for f in findings(call(EMPATHY, QUESTION, policy=Policy())) if f.code == "CT003"]
    assert f.turn == 2 and f.quote == QUESTION.text


def test_rude_words_questioning_motives_count_once_under_et002() -> None:
    bad, _ = CASES["ET002"]
    assert codes(bad).count("ET002") == 1 and "ET001" not in codes(bad)
    ignored = Rulebook.default().configured(ignore=["ET002"])
    assert "ET001" in codes(bad, ignored)


def test_motives_count_in_a_question_status_only_in_a_rude_or_defensive_reply() -> None:
    motive = "您不会是为了出名吧？"
    assert "ET002" in codes(call(reply(motive, ("question", motive))))
    status = "您是名人吗？"
    assert "ET002" not in codes(call(reply(status, ("question", status))))
    assert "ET002" in codes(call(reply(status, ("rude", "您是名人吗"))))


def test_motives_in_a_summary_of_the_customer_words_are_not_a_jab() -> None:
    text = "您是说网上有人说您炒作，对吧？"
    quoted = reply(text, ("summary", "您是说网上有人说您炒作"), ("question", text))
    assert "ET002" not in codes(call(quoted))


def test_questioning_motives_maps_traditional_input_back_to_the_original_words() -> None:
    text = "您是為了出名才發微博的吧？"
    c = call(reply(text, ("rude", text)))
    (f,) = [f for f in findings(c) if f.code == "ET002"]
    assert f.quote in text and "出名" in f.quote


def test_questioning_motives_in_english_matches_whole_words() -> None:
    text = "Are you just doing this for publicity?"
    c = call(reply(text, ("rude", text), lang="en"), lang="en")
    (f,) = [f for f in findings(c) if f.code == "ET002"]
    assert f.quote == "publicity"
    assert f.message.startswith("Turn 1")


def test_no_thanks_at_close_only_judges_calls_the_trainee_closed() -> None:
    bad, _ = CASES["ET003"]
    assert "ET003" not in codes(replace(bad, outcome="hung_up", close_turn=None))
    assert "ET003" not in codes(replace(bad, outcome="turn_limit", close_turn=None))
    assert "ET003" in codes(replace(bad, outcome="abandoned", close_turn=None))


def test_missing_empathy_fires_once_on_the_second_reply_after_the_vent() -> None:
    c = call(reply("嗯。", venting=True), QUESTION, QUESTION, QUESTION)
    assert [f.turn for f in findings(c) if f.code == "EM001"] == [3]


def test_missing_empathy_at_the_close_when_only_one_reply_followed_the_vent() -> None:
    c = call(reply("嗯。", venting=True), QUESTION, outcome="hung_up")
    judge = Judge()
    assert "EM001" not in [f.code for f in judge.reply(prefix(c, 2))]
    assert "EM001" in [f.code for f in judge.close(c)]


def test_apology_as_empathy_fires_once_and_not_after_empathy() -> None:
    sorry = reply("真不好意思。", ("apology", "真不好意思"))
    assert [f.turn for f in findings(call(sorry, sorry)) if f.code == "EM002"] == [1]
    assert "EM002" not in codes(call(EMPATHY, sorry))
    assert "EM002" not in codes(call(reply("不好意思。", ("apology", "不好意思"), venting=True)))


# -- the judge itself ------------------------------------------------------------------------


def test_reply_findings_are_about_the_last_reply_only() -> None:
    c = call(reply("对不起对不起。", SORRY, SORRY), EMPATHY)
    assert Judge().reply(c) == []
    assert [f.code for f in Judge().reply(prefix(c, 1))] == ["AP002", "EM002"]


def test_close_needs_an_ended_call() -> None:
    with pytest.raises(ValueError, match="ended"):
        Judge().close(call(EMPATHY))


def test_rules_that_need_a_scenario_skip_real_transcripts_and_say_so() -> None:
    c = call(reply("我们会把钱退给您。", REFUND), outcome="hung_up")
    judge = Judge()
    assert not {"PR002", "PR003", "PR004", "CT001"} & set(codes(c))
    assert {r.code for r in judge.skipped(c)} == {"PR002", "PR003", "PR004", "CT001"}
    assert judge.skipped(replace(c, policy=Policy())) == ()


def test_judging_is_deterministic() -> None:
    bad, _ = CASES["ET002"]
    assert findings(bad) == findings(bad)


@pytest.mark.parametrize(
    ("text", "rude", "lang"),
    [
        ("上一位同事说了句“你听不懂吗”，这太不应该了。", "你听不懂吗", "zh"),
        ("我不是说您糊涂，是我们没讲清楚。", "您糊涂", "zh"),
        ('Your last agent said "calm down" to you, and that was wrong.', "calm down", "en"),
        ("Not at all, I don't think you're stupid.", "you're stupid", "en"),
    ],
)
def test_rude_words_quoted_or_denied_are_not_said_to_the_customer(
    text: str, rude: str, lang: Lang
) -> None:
    """Someone else's words reported in quotes, or words the reply takes back, are no insult."""
    assert "ET001" not in codes(call(reply(text, ("rude", rude), lang=lang), lang=lang))
    said = text.replace("“", "").replace("”", "").replace('"', "")
    for denial in ("不是说", "I don't think "):
        said = said.replace(denial, "")
    assert "ET001" in codes(call(reply(said, ("rude", rude), lang=lang), lang=lang))


@pytest.mark.parametrize(
    ("text", "admitted", "lang"),
    [
        ("我会请计费部门查一下为什么提醒短信没发出去。", "查一下为什么提醒短信没发出去", "zh"),
        (
            "I'll ask billing to check why the alerts didn't go out.",
            "check why the alerts didn't go out",
            "en",
        ),
    ],
)
def test_a_fault_named_as_what_is_to_be_checked_is_not_admitted(
    text: str, admitted: str, lang: Lang
) -> None:
    """CT006 is for a verdict before the check, not for saying what the check is about."""
    assert "CT006" not in codes(call(reply(text, ("admission", admitted), lang=lang), lang=lang))
    verdict = admitted.replace("查一下为什么", "就是").replace("check why ", "")
    assert "CT006" in codes(call(reply(verdict, ("admission", verdict), lang=lang), lang=lang))
