"""The tricky patterns the analyzer must get right, one behaviour per test."""

from __future__ import annotations

from collections import Counter
from typing import Any, cast

import pytest

from hotseat.language import Analyzer, analyze
from hotseat.moves import Analysis, Move, MoveKind


def counts(text: str) -> dict[str, int]:
    return {kind.value: n for kind, n in analyze(text).counts().items()}


def promises(text: str) -> tuple[Move, ...]:
    return analyze(text).of(MoveKind.PROMISE)


# ------------------------------------------------------------------ negation


@pytest.mark.parametrize(
    "text",
    [
        "我不能保证今天就能退。",
        "没办法跟您保证一定今天到账。",
        "这个我真的没办法向您保证明天一定能修好。",
        "我沒辦法跟您保證今天一定到帳。",
        "I can't promise it'll be refunded today.",
        "I can't say for sure it'll be fixed by tomorrow.",
        "There's no guarantee it'll be refunded by Friday.",
    ],
)
def test_negation_at_a_distance_cancels_the_promise(text: str) -> None:
    analysis = analyze(text)
    assert not analysis.has(MoveKind.PROMISE)
    assert analysis.refusals, "the declined commitment is reported for the persona"


def test_refusal_span_covers_the_declined_words() -> None:
    text = "我没办法保证一定能退，但我会尽力帮您去争取。"
    analysis = analyze(text)
    (refusal,) = analysis.refusals
    assert analysis.quote(refusal) == "没办法保证一定能退"
    (promise,) = analysis.of(MoveKind.PROMISE)
    assert "争取" in analysis.quote(promise)
    assert not (promise.guarantee or promise.compensation), "flags of the refused part stay there"


def test_negatively_phrased_commitment_is_still_a_promise() -> None:
    (zh,) = promises("我保证以后绝对不会再出现这种情况。")
    (en,) = promises("It won't happen again, I promise.")
    assert zh.guarantee and en.guarantee


# ------------------------------------------------------------------- hedging


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("I'll try to get it sorted by tomorrow.", True),
        ("I'll do my best to have the manager call you.", False),
        ("我会尽量在今天内让售后主管联系您。", True),
        ("我尽力帮您争取。", False),
    ],
)
def test_a_try_is_a_promise_without_guarantee(text: str, deadline: bool) -> None:
    (promise,) = promises(text)
    assert not promise.guarantee
    assert promise.deadline is deadline


@pytest.mark.parametrize(
    "text",
    [
        "也许能退一部分吧。",
        "The refund should show up in three to five working days.",
        "Maybe we could refund part of it.",
        "退款一般3到5个工作日到账。",
        "The technician might be able to come tomorrow.",
    ],
)
def test_speculation_and_usual_timing_commit_to_nothing(text: str) -> None:
    assert not promises(text)


# --------------------------------------------------------- quoting the customer


@pytest.mark.parametrize(
    "text",
    [
        "您说'必须今天退',对吧?",
        "您说「今天必须给我退钱」，我记下了。",
        "You said 'refund me today', is that right?",
        "So what you want is 'a full refund today, no excuses' - have I got that right?",
    ],
)
def test_quoted_demand_is_a_summary_not_a_promise(text: str) -> None:
    analysis = analyze(text)
    assert analysis.has(MoveKind.SUMMARY)
    assert not analysis.has(MoveKind.PROMISE)


def test_restated_wish_carries_no_flags_but_the_next_sentence_does() -> None:
    text = "您希望核实后退还。我们会在24小时内给您回电。"
    (promise,) = promises(text)
    assert promise.deadline and not promise.compensation
    assert analyze(text).has(MoveKind.SUMMARY)


# ---------------------------------------------------------- questions vs orders


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("请您提供一下订单号。", 0),
        ("麻烦您报一下手机号码。", 0),
        ("Please send me your order number.", 0),
        ("您方便说一下订单号吗", 1),
        ("请问您的手机号是多少", 1),
        ("Could you give me your order number?", 1),
        ("can I have your number please", 1),
        ("what's the tracking number", 1),
        ("你上次什么时候打的 谁接的 答应你什么了 有没有工单号", 4),
        ("when did you last call who did you speak to what did they promise you", 3),
        ("Name? Date of birth? When was it added?", 3),
        ("Can you give me the order number and the date?", 1),
    ],
)
def test_questions_are_recognised_by_form(text: str, n: int) -> None:
    assert analyze(text).count(MoveKind.QUESTION) == n


def test_a_restatement_with_a_tag_check_is_one_question() -> None:
    text = "您要的是先把这个包停掉，再弄清楚是谁开的，对吗?"
    assert counts(text) == {"summary": 1, "question": 1}


def test_embedded_question_word_in_a_statement_does_not_ask() -> None:
    assert not analyze("是谁办理的这个要调后台记录，我们会在24小时内给您回复。").has(
        MoveKind.QUESTION
    )
    assert not analyze("以后会不会再出现，说实话我不敢保证。").has(MoveKind.QUESTION)


# -------------------------------------------------------------- backchannels


@pytest.mark.parametrize(
    "text", ["嗯", "嗯嗯，您请讲。", "嗯，然后呢？", "I see, go on.", "Mm-hm.", "ok"]
)
def test_a_listening_token_alone_is_a_backchannel(text: str) -> None:
    assert counts(text) == {"backchannel": 1}


@pytest.mark.parametrize(
    "text",
    ["嗯嗯，请问您的手机号是？", "好的好的,马上给您退!", "Okay, okay, I'll refund it right now!"],
)
def test_a_listening_token_that_goes_on_is_not_a_backchannel(text: str) -> None:
    assert not analyze(text).has(MoveKind.BACKCHANNEL)


def test_a_request_to_wait_is_not_a_backchannel() -> None:
    assert counts("稍等") == {}
    assert counts("One moment.") == {}


# ------------------------------------------------------------------ counting


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("对不起对不起，真的非常抱歉。", {"apology": 3}),
        ("抱谦，真的非常抱歉，对不起对不起。", {"apology": 4}),
        ("非常非常抱歉！！", {"apology": 1}),
        ("sorry sorry sorry, that's totally on us, sorry", {"apology": 4, "admission": 1}),
        ("谢谢您的耐心，也谢谢您愿意再给我们一次机会。", {"thanks": 2}),
        ("We'll investigate how the pack got there and let you know by Thursday.", {"promise": 2}),
    ],
)
def test_several_moves_of_one_kind_are_counted_separately(
    text: str, expected: dict[str, int]
) -> None:
    assert counts(text) == expected


# -------------------------------------------------------- sarcasm and judgement


def test_sarcastic_thanks_and_apologies_are_rude() -> None:
    assert counts("谢谢您每个月都来关照我们啊。") == {"rude": 1}
    assert counts("不好意思喔，我們倉庫不是垃圾場。") == {"rude": 1}
    assert counts("Thanks a lot for yelling at me.") == {"rude": 1}


def test_fault_stated_after_checking_is_not_premature() -> None:
    checked = "我刚查了您的记录，系统确实没有给您发提醒短信，这是我们的问题，非常抱歉。"
    assert not analyze(checked).has(MoveKind.ADMISSION)
    assert analyze("肯定是我们系统搞错了，真不好意思。").has(MoveKind.ADMISSION)


# ------------------------------------------------------------ scripts and spans


@pytest.mark.parametrize(
    ("simplified", "traditional"),
    [
        ("这部分我没办法跟您保证一定退得回来，不过我会尽量帮您争取退费。",
         "這部分我沒辦法跟您保證一定退得回來，不過我會盡量幫您爭取退費。"),
        ("很抱歉让您有这么不好的退货经验，我能体会您的心情。您是说八箱货都被拒收了，是这样吗?",
         "很抱歉讓您有這麼不好的退貨經驗，我能體會您的心情。您是說八箱貨都被拒收了，是這樣嗎?"),
        ("跟您确认一下：这是您第五次来电。我这边已经标记为加急，明天中午前会有专人回电。谢谢您的耐心。",
         "跟您確認一下：這是您第五次來電。我這邊已經標記為加急，明天中午前會有專人回電。謝謝您的耐心。"),
    ],
)  # fmt: skip
def test_traditional_input_gives_the_same_moves_as_simplified(
    simplified: str, traditional: str
) -> None:
    a, b = analyze(simplified), analyze(traditional)
    assert a.lang == b.lang == "zh"
    assert [(m.kind, m.start, m.end, m.guarantee, m.deadline, m.compensation) for m in a.moves] == [
        (m.kind, m.start, m.end, m.guarantee, m.deadline, m.compensation) for m in b.moves
    ]
    assert a.moves


def test_full_width_input_is_read_and_spans_quote_it() -> None:
    text = "非常抱歉，我会在２４小时内给您回复！"
    analysis = analyze(text)
    (promise,) = analysis.of(MoveKind.PROMISE)
    assert promise.deadline and promise.hours == 24
    assert analysis.quote(promise) == "我会在２４小时内给您回复"
    assert analysis.quote(analysis.of(MoveKind.APOLOGY)[0]) == "非常抱歉"


def test_spans_index_the_original_when_folding_changes_length() -> None:
    # "…" folds to "..." and "ﬁ" to "fi": every span must still quote the original.
    text = "ﬁne… I'm so sorry… I'll call you back tomorrow."
    analysis = analyze(text)
    assert analysis.quote(analysis.of(MoveKind.APOLOGY)[0]) == "I'm so sorry"
    assert analysis.quote(analysis.of(MoveKind.PROMISE)[0]) == "I'll call you back tomorrow"


def test_moves_are_sorted_by_start() -> None:
    analysis = analyze(
        "非常抱歉，我理解您的心情。请问您的手机号是多少？我们会在24小时内回复您。谢谢。"
    )
    starts = [m.start for m in analysis.moves]
    assert starts == sorted(starts)
    assert Counter(m.kind for m in analysis.moves) == Counter(
        [MoveKind.APOLOGY, MoveKind.EMPATHY, MoveKind.QUESTION, MoveKind.PROMISE, MoveKind.THANKS]
    )


def test_contract_two_example() -> None:
    analysis = analyze("非常抱歉,我会在24小时内给您回复。")
    assert analysis.to_json() == {
        "text": "非常抱歉,我会在24小时内给您回复。",
        "lang": "zh",
        "moves": [
            {"move": "apology", "start": 0, "end": 4},
            {"move": "promise", "start": 5, "end": 17, "guarantee": False, "deadline": True,
             "compensation": False},
        ],
    }  # fmt: skip


# --------------------------------------------------------------------- hours


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("我马上给您取消。", 0),
        ("今天下班前一定给您退回去。", 8),
        ("我们会在24小时内给您回电。", 24),
        ("明天中午前会有专人回电。", 24),
        ("我们会在三个工作日内给您答复。", 72),
        ("I'll refund it right away.", 0),
        ("Someone will call you back within 2 hours.", 2),
        ("We'll get back to you by Friday.", 72),
        ("We'll email you tomorrow.", 24),
    ],
)
def test_deadline_hours(text: str, hours: float) -> None:
    (promise,) = promises(text)
    assert promise.deadline and promise.hours == hours


def test_no_deadline_no_hours() -> None:
    (promise,) = promises("我们会尽快给您回复。")
    assert not promise.deadline and promise.hours is None


# ------------------------------------------------------------- public surface


def test_language_is_detected_or_taken_as_given() -> None:
    assert analyze("非常抱歉").lang == "zh"
    assert analyze("so sorry").lang == "en"
    assert analyze("sorry", "zh").lang == "zh"


def test_bad_arguments_get_clear_errors() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        analyze("hi", cast(Any, "fr"))
    with pytest.raises(TypeError, match="expects a str"):
        analyze(cast(Any, b"hi"))


def test_analysis_is_a_value() -> None:
    first: Analysis = analyze("I'm so sorry, I'll call you back today.")
    assert first == analyze("I'm so sorry, I'll call you back today.")
    assert Analyzer().analyze(first.text) == first


@pytest.mark.parametrize(
    "text",
    [
        "Please confirm your email address through direct message so we can assist.",
        "Send us a DM with your email address and we'll take a look.",
        "I'm sorry you feel that way.",
        "I saw your tweet.",
    ],
)
def test_naming_the_customers_email_or_feelings_is_not_summing_up(text: str) -> None:
    """Asking for an email address or "sorry you feel that way" restates nothing they said."""
    assert not analyze(text, "en").has(MoveKind.SUMMARY)


def test_what_their_message_said_is_summed_up() -> None:
    assert analyze("Your email said you were billed twice in March.", "en").has(MoveKind.SUMMARY)


def test_a_feeling_word_spelled_across_two_words_is_not_empathy() -> None:
    """具体|会 contains 体会 ("to feel for") but says nothing about the customer's feelings."""
    assert not analyze("请问无法截屏时具体会有什么现象呢？", "zh").has(MoveKind.EMPATHY)
    assert analyze("我能体会您的心情。", "zh").has(MoveKind.EMPATHY)


# --------------------------------------------------------------- web addresses


@pytest.mark.parametrize(
    ("text", "questions"),
    [
        ("Could you try the web player (https://t.co/aT5o0wcN4V)? Do your songs show up?", 2),
        ("See www.example.com/help?topic=billing. Does that page load for you?", 1),
        ("您可以登录 https://10086.cn/query?type=flow 查一下，能打开吗？", 1),
    ],
)
def test_a_web_address_is_one_token_whatever_punctuation_it_holds(
    text: str, questions: int
) -> None:
    """A "." or "?" inside a link neither ends a sentence nor asks anything."""
    assert counts(text).get("question", 0) == questions


def test_words_inside_a_web_address_are_nobodys_moves() -> None:
    analysis = analyze("Details are at https://help.example.com/sorry-for-the-delay/thanks")
    assert not analysis.has(MoveKind.APOLOGY)
    assert not analysis.has(MoveKind.THANKS)


def test_punctuation_after_a_web_address_still_separates() -> None:
    """The comma and the full stop after the link are the sentence's, not the link's."""
    assert counts("请访问https://10086.cn/a?b=1，非常抱歉。您看可以吗？") == {
        "apology": 1,
        "question": 1,
    }


# ------------------------------------------- a negator inside a condition, and more flags


@pytest.mark.parametrize(
    "text",
    ["If it can't be repaired we'll replace it.", "如果今天不能送到我们会全额退款。",
     "如果今天不能送到我們會全額退款。"],
)  # fmt: skip
def test_a_negated_condition_leaves_the_commitment_standing(text: str) -> None:
    assert len(promises(text)) == 1


def test_a_negator_with_no_commitment_after_it_still_refuses() -> None:
    assert not analyze("Even if you complain I can't refund it.").has(MoveKind.PROMISE)


@pytest.mark.parametrize(
    "text",
    ["Sorry, I'll speak more slowly.", "Of course, I'll slow down.",
     "There's no point, they'll only tell you the same."],
)  # fmt: skip
def test_in_call_manners_and_third_party_predictions_promise_nothing(text: str) -> None:
    assert not analyze(text).has(MoveKind.PROMISE)


@pytest.mark.parametrize(
    "text",
    ["剩下的明天之前给您补上。", "剩下的明天之前給您補上。",
     "修理的费用全部由我们来出，我们会安排师傅上门。",
     "We'll pay for the repair, I promise.", "Don't worry, we'll pay for all of it."],
)  # fmt: skip
def test_making_up_or_paying_is_compensation(text: str) -> None:
    assert any(p.compensation for p in promises(text))


# ------------------------------------------- purposes that run on, read-backs noted after


@pytest.mark.parametrize(
    "text",
    ["为了尽快帮您冻结账户并提交调查，我需要先核实您的身份。",
     "為了幫您查清楚並儘快退款，我需要先核對幾個資料。",
     "To sort this out and get you a refund, I need your order number."],
)  # fmt: skip
def test_a_purpose_joined_by_and_is_still_a_purpose(text: str) -> None:
    assert not analyze(text).has(MoveKind.PROMISE)


def test_a_commitment_joined_by_and_still_commits() -> None:
    assert len(promises("为了尽快处理，我会马上提交并通知您。")) == 2


@pytest.mark.parametrize(
    "text",
    ["您的订单被取消了两次，还要求我们赔偿运费，这些我都记下了。",
     "您的訂單被取消了兩次，還要求我們賠償運費，這些我都記下了。",
     "Your order was cancelled twice and you want the postage back, I've noted all that."],
)  # fmt: skip
def test_what_comes_before_ive_noted_all_that_is_a_summary(text: str) -> None:
    assert counts(text) == {"summary": 1}


@pytest.mark.parametrize(
    ("text", "n"),
    [("You typed it wrong, so who's fault is that?", 1), ("What's the order number, is it 12?", 2),
     ("Who's calling, please?", 1)],
)  # fmt: skip
def test_a_wh_contraction_and_its_own_inversion_ask_once(text: str, n: int) -> None:
    assert counts(text).get("question") == n


def test_a_commitment_after_a_purpose_with_its_own_modal_still_commits() -> None:
    assert len(promises("So that we can reply faster, and we will keep you updated daily.")) == 1


@pytest.mark.parametrize("text", ["在听在听，您继续。", "在聽在聽，您繼續。"])
def test_saying_one_is_listening_is_a_backchannel(text: str) -> None:
    assert counts(text) == {"backchannel": 1}
