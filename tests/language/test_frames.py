"""Frames: a move heard from a pattern of two kinds of words, on wordings no list holds.

Each test pairs replies that share a frame but not their words, and a look-alike
the frame must leave alone, so a frame that degrades into a phrase list fails.
"""

from __future__ import annotations

import pytest

from hotseat.language import analyze
from hotseat.moves import MoveKind


def counts(text: str) -> dict[str, int]:
    return {kind.value: n for kind, n in analyze(text).counts().items()}


def has(text: str, kind: MoveKind) -> bool:
    return analyze(text).has(kind)


# ------------------------------------------------- an order about the customer's conduct


@pytest.mark.parametrize(
    "text",
    ["你别再嚷嚷了。", "您先别插嘴。", "你咪再嘈啦。", "那您就别骂人了。",
     "Don't shout at me like that.", "Please stop yelling."],
)  # fmt: skip
def test_a_prohibition_of_the_customers_conduct_is_rude(text: str) -> None:
    assert counts(text).get("rude") == 1


@pytest.mark.parametrize(
    "text",
    ["您别着急，我马上帮您查。", "升级的时候不要断电。", "您不要担心，钱不会丢。", "唔好嬲住先。",
     "Don't worry, we'll sort it out.", "You don't need to shout for me to help you."],
)  # fmt: skip
def test_a_prohibition_that_soothes_or_instructs_is_not(text: str) -> None:
    assert not has(text, MoveKind.RUDE)


# ------------------------------------------------------- a motive and what it is after


@pytest.mark.parametrize(
    "text",
    ["你就是冲着赔偿来的吧。", "您是不是想借这件事上热搜捞点好处？", "你係咪專登嚟搞事？",
     "Are you just trying to get a discount?", "You're only complaining because you want cash."],
)  # fmt: skip
def test_imputing_a_motive_is_rude(text: str) -> None:
    assert has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    "text",
    ["我们不会借机多收您一分钱。", "I'm just trying to get you a refund.",
     "您是想要退款还是换货？"],
)  # fmt: skip
def test_the_agents_own_aim_or_a_plain_question_about_the_demand_is_not(text: str) -> None:
    assert not has(text, MoveKind.RUDE)


# ---------------------------------------------------------------- sent elsewhere


def test_sending_the_customer_to_someone_else_is_a_brush_off_but_a_transfer_is_not() -> None:
    assert has("你去问别的部门吧。", MoveKind.RUDE)
    assert has("Try somebody else.", MoveKind.RUDE)
    assert not has("我帮您转接到其他部门。", MoveKind.RUDE)
    assert not has("I'll put you through to someone else who can help.", MoveKind.RUDE)


# ------------------------------------------------------------------- shared feeling


@pytest.mark.parametrize(
    "text",
    ["换成谁都会委屈。", "我听着都替您着急。", "I would be furious in your place.",
     "That must be really unsettling.", "Anybody would be fed up by now."],
)  # fmt: skip
def test_a_feeling_frame_with_a_feeling_word_is_empathy(text: str) -> None:
    assert counts(text) == {"empathy": 1}


@pytest.mark.parametrize("text", ["That sounds like a billing error.", "您别着急。"])
def test_a_frame_or_a_feeling_word_alone_is_not(text: str) -> None:
    assert not has(text, MoveKind.EMPATHY)


def test_a_feeling_after_ben_lai_jiu_is_the_customers_state_not_a_policy() -> None:
    assert not has("孩子病了本来就心急，换谁都一样。", MoveKind.DEFEND)
    assert has("这个费用本来就是要收的。", MoveKind.DEFEND)


def test_what_happened_stated_before_a_shared_feeling_is_a_summary() -> None:
    assert counts("电梯坏了三天都没人修，换谁都着急。") == {"summary": 1, "empathy": 1}
    assert counts("这个情况，换谁都着急。") == {"empathy": 1}


# ------------------------------------------------------ a record held against them


def test_a_record_after_actually_contradicts_the_customer() -> None:
    assert has("实际上后台显示您已经签收了。", MoveKind.DEFEND)
    assert has("In fact, the tracking shows you signed for it.", MoveKind.DEFEND)
    assert not has("我查了，记录显示确实多扣了您的钱。", MoveKind.DEFEND)


# ------------------------------------------------------------- counterfactual blame


@pytest.mark.parametrize(
    "text",
    ["要是您早点来办理，就不会被扣费了。",
     "If you had told us earlier, this wouldn't have happened.",
     "You would have avoided the charge if you'd read the email."],
)  # fmt: skip
def test_supposing_the_customer_had_acted_otherwise_blames_them(text: str) -> None:
    assert counts(text).get("defend") == 1


def test_a_polite_if_you_d_like_blames_nobody() -> None:
    assert not has("If you'd like, we can call you back tomorrow.", MoveKind.DEFEND)


# ------------------------------------------------------- a rule that gives or defends


def test_a_rule_applied_in_the_customers_favour_is_a_promise_not_a_defence() -> None:
    analysis = analyze("我们会根据退款规定，全额退给您。")
    assert not analysis.has(MoveKind.DEFEND)
    (promise,) = analysis.of(MoveKind.PROMISE)
    assert promise.compensation
    en = analyze("The late fee will be waived under our goodwill policy.")
    assert not en.has(MoveKind.DEFEND) and en.of(MoveKind.PROMISE)[0].compensation


def test_a_rule_that_caps_what_the_customer_gets_still_defends() -> None:
    assert has("根据规定，我们最多只能退一半。", MoveKind.DEFEND)


# ----------------------------------------------------- words that are not the agent's


def test_a_restated_demand_for_an_apology_is_no_apology_and_no_promise() -> None:
    assert counts("您的诉求是希望门店经理当面道歉。") == {"summary": 1}
    assert counts("You'd like the manager to apologise and refund you, is that right?") == {
        "summary": 1,
        "question": 1,
    }


def test_a_fault_that_will_not_happen_again_is_promised_not_admitted() -> None:
    analysis = analyze("我保证以后绝不会再乱扣您的费用。")
    assert not analysis.has(MoveKind.ADMISSION)
    (promise,) = analysis.of(MoveKind.PROMISE)
    assert promise.guarantee


# ---------------------------------------------------------- commitments without "I"


@pytest.mark.parametrize(
    ("text", "deadline", "compensation"),
    [
        ("You'll see the refund in your account by Friday.", True, True),
        ("The credit is applied within 48 hours.", True, True),
        ("Your new router goes out in tomorrow's post.", True, False),
        ("款项会在三个工作日内退回。", True, True),
    ],
)
def test_an_agentless_commitment_is_a_promise(
    text: str, deadline: bool, compensation: bool
) -> None:
    (promise,) = analyze(text).of(MoveKind.PROMISE)
    assert (promise.deadline, promise.compensation) == (deadline, compensation)


def test_what_the_customer_will_see_without_money_or_time_commits_to_nothing() -> None:
    assert not has("You'll see that the charge was applied twice.", MoveKind.PROMISE)


def test_a_threat_to_end_the_call_is_rude_not_a_promise() -> None:
    assert counts("您再骂人我就挂了。") == {"rude": 1}
    assert counts("If you keep swearing at me, I'm ending this call.") == {"rude": 1}


def test_the_hours_of_a_promise_come_from_its_own_clause() -> None:
    text = "Your autopay now runs on the 10th, and the late fee will be credited within 24 hours."
    (promise,) = analyze(text).of(MoveKind.PROMISE)
    assert promise.hours == 24


# ------------------------------------------------------------------------ counting


def test_an_either_or_question_is_one_question() -> None:
    assert (
        analyze("Is it the fee you're unhappy with, or the way you were told?").count(
            MoveKind.QUESTION
        )
        == 1
    )


def test_a_policy_named_twice_is_one_argument() -> None:
    assert counts("这是公司的规定，制度就是这样。") == {"defend": 1}


def test_a_comma_inside_one_commitment_does_not_make_two() -> None:
    assert analyze("我们会按照补偿标准，把差价退还给您。").count(MoveKind.PROMISE) == 1


def test_a_so_statement_of_what_happened_restates_it_but_a_so_commitment_does_not() -> None:
    assert counts("Right, so your parcel went to the wrong address.") == {"summary": 1}
    assert counts("So the replacement goes out today.") == {"promise": 1}
    assert counts("So I'll ring you back tomorrow.") == {"promise": 1}


# ------------------------------------------------------------ more ways to defend


def test_disowning_a_link_defends_but_reassuring_the_customer_does_not() -> None:
    assert has("这个跟物业公司没关系。", MoveKind.DEFEND)
    assert not has("这跟您没关系，是我们的问题。", MoveKind.DEFEND)
    assert not has("没关系，您慢慢说。", MoveKind.DEFEND)


def test_others_never_complained_defends() -> None:
    assert has("别的住户都没反映过这个情况。", MoveKind.DEFEND)
    assert not has("别的您不用担心，我来处理。", MoveKind.DEFEND)


def test_a_record_naming_the_customer_as_the_one_who_acted_defends() -> None:
    assert has("系统显示您本人已经确认过这个订单。", MoveKind.DEFEND)
    assert not has("系统显示您的退款已经到账了。", MoveKind.DEFEND)


def test_an_emphatic_did_insists_but_a_question_with_did_asks() -> None:
    assert has("Our engineer did turn up on time.", MoveKind.DEFEND)
    assert not has("What did the engineer say?", MoveKind.DEFEND)
    assert not has("Did you get the email?", MoveKind.DEFEND)


def test_a_cleft_puts_the_cause_elsewhere_and_a_verdict_judges() -> None:
    assert counts("是快递公司弄丢的。") == {"defend": 1}
    assert counts("这明摆着是快递公司在乱收费。") == {"admission": 1}


def test_the_customer_named_before_a_fault_verb_is_blamed() -> None:
    assert counts("是您自己写错了地址。") == {"defend": 1}
    assert counts("我们把地址写错了。") == {"admission": 1}


def test_a_motive_imputed_through_i_think_is_still_imputed() -> None:
    assert has("我看您就是想借机要赔偿。", MoveKind.RUDE)


def test_a_bare_i_ll_try_commits() -> None:
    (promise,) = analyze("I can't promise it'll be today, but I'll try.").of(MoveKind.PROMISE)
    assert not promise.guarantee
    assert not has("We don't have the connection to try.", MoveKind.PROMISE)


# ------------------------------------------------- misreads reported by scenario authors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("手机丢了本来就着急，换谁都着急。", {"empathy": 1}),
        ("我跟您核对一下：您的诉求是给您一个正式的道歉和处理结果，对吗？",
         {"summary": 1, "question": 1}),
        ("您的要求是，希望她本人致歉。", {"summary": 1}),
        ("这不是我们客服能决定的。", {"defend": 1}),
        ("那肯定是他的问题，我保证他会被开除。", {"admission": 1, "promise": 1}),
        ("您这就是冲着钱来的。", {"rude": 1}),
        ("您就是想借这个机会多要点钱。", {"rude": 1}),
        ("我保证以后绝对不会再给您乱开了。", {"promise": 1}),
        ("I guarantee the mayor will apologize to you.", {"promise": 1}),
        ("If you keep swearing at me I'll end this call.", {"rude": 1}),
        ("您再这样我就挂电话了。", {"rude": 1}),
        ("您说得对，这个费用确实是我们多扣了，我马上给您退。", {"admission": 1, "promise": 1}),
    ],
)  # fmt: skip
def test_reported_misreads_stay_fixed(text: str, expected: dict[str, int]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("I guarantee an engineer will call you today.", (True, True, False)),
        ("I promise we'll call you back within 24 hours.", (True, True, False)),  # dev-0002
        ("我保证以后绝对不会再给您乱开了。", (True, False, False)),
        ("Your bill will be refunded under our Fair Billing Policy.", (False, False, True)),
        ("You'll see the credit within 24 hours.", (False, True, True)),
        ("The fee is credited back within 24 hours.", (False, True, True)),
    ],
)
def test_reported_promise_flags(text: str, flags: tuple[bool, bool, bool]) -> None:
    (promise,) = analyze(text).of(MoveKind.PROMISE)
    assert (promise.guarantee, promise.deadline, promise.compensation) == flags


# ------------------------------------------- a dare: the customer's threat echoed back


@pytest.mark.parametrize(
    "text",
    ["举报就举报呗，随你。", "檢舉就檢舉吧。", "曝光就曝光吧，我无所谓。",
     "Report us then, be my guest.", "Makes no difference to me what you write."],
)  # fmt: skip
def test_a_dare_or_indifference_is_rude(text: str) -> None:
    assert has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    "text",
    ["有就有，没有就没有，我帮您查一下。", "是就是，不是就不是。", "退款就退款，我马上给您办。",
     "If you'd like to complain, I can give you the address."],
)  # fmt: skip
def test_an_echo_that_states_or_agrees_is_not_a_dare(text: str) -> None:
    assert not has(text, MoveKind.RUDE)


# ------------------------------------------ the cause put on the customer's own things


@pytest.mark.parametrize(
    "text",
    ["多半是您家路由器的问题。", "應該是您的電腦太老了。", "估计是你那边的网络原因。",
     "It's most likely your wiring.", "That'll be your router's settings.",
     "Your boiler is probably the problem."],
)  # fmt: skip
def test_blaming_the_customers_things_defends(text: str) -> None:
    assert counts(text).get("defend") == 1


@pytest.mark.parametrize(
    "text",
    ["我们会帮您检查您家的线路问题。", "您的手机号码是多少？", "我們會派師傅去您家看看。",
     "We'll check whether the problem is your router.", "Is your phone switched on?"],
)  # fmt: skip
def test_naming_the_customers_things_while_helping_does_not(text: str) -> None:
    assert not has(text, MoveKind.DEFEND)


# --------------------------------------- "yourself": who did the deed, or who is sent


@pytest.mark.parametrize(
    "text",
    ["您自己過來拿就好。", "那你自己去营业厅问一下。", "Feel free to grab it yourself.",
     "No need to repeat yourself, I have it all down."],
)  # fmt: skip
def test_yourself_that_sends_the_customer_is_no_blame(text: str) -> None:
    assert not has(text, MoveKind.DEFEND)


@pytest.mark.parametrize(
    "text", ["是你自己勾选的。", "這是您自己取消的。", "You set this up yourself."]
)
def test_yourself_that_names_who_did_it_blames(text: str) -> None:
    assert has(text, MoveKind.DEFEND)


# ----------------------------------------------- an order not to bring it to the agent


@pytest.mark.parametrize(
    "text",
    ["你别来找我。", "別再來問我了。", "你别一直重复了。", "Don't come to me with this.",
     "Stop repeating yourself."],
)  # fmt: skip
def test_forbidding_the_customer_to_ask_is_rude(text: str) -> None:
    assert counts(text).get("rude") == 1


@pytest.mark.parametrize(
    "text",
    ["有问题随时来找我。", "不要重复提交申请。", "別客氣，有事隨時找我。",
     "Don't hesitate to ask me.", "Don't worry, just come to me if it happens again."],
)  # fmt: skip
def test_inviting_the_customer_to_ask_is_not(text: str) -> None:
    assert not has(text, MoveKind.RUDE)


# --------------------------------------------- a statement checked back with the customer


@pytest.mark.parametrize(
    "text",
    ["你的包裹三天都没送到，对吧？", "您上個月被多收了兩次月費，對嗎？",
     "Your card was declined twice at the till, is that right?",
     "So the issue is that the screen stays black - is that right?"],
)  # fmt: skip
def test_a_statement_with_a_tag_check_restates(text: str) -> None:
    assert counts(text) == {"summary": 1, "question": 1}


@pytest.mark.parametrize(
    "text",
    ["我们已经给您退款了，对吧？", "您可以在App里查，对吗？", "I've sent you the link, right?",
     "Could you send it again, is that ok?"],
)  # fmt: skip
def test_the_agents_own_step_with_a_tag_restates_nothing(text: str) -> None:
    assert not has(text, MoveKind.SUMMARY)


@pytest.mark.parametrize(
    "text",
    ["我先核对一下：您是上周五下的单，一直没发货，对吗？",
     "我先幫您確認一下：您的門號是去年辦的，對嗎？",
     "Let me double-check: you ordered on Friday and it still hasn't shipped?"],
)  # fmt: skip
def test_a_read_back_after_a_check_and_a_colon_is_a_summary(text: str) -> None:
    found = counts(text)
    assert found.get("summary") == 1 and "preframe" not in found


@pytest.mark.parametrize(
    "text", ["我先查一下：请问您的订单号是多少？", "Let me check: what's your order number?"]
)
def test_a_check_then_a_question_is_a_preframe(text: str) -> None:
    found = counts(text)
    assert found.get("preframe") == 1 and "summary" not in found


# ------------------------------------- the customer's situation before a shared feeling


@pytest.mark.parametrize(
    "text",
    ["等了三天还没人上门，换我也受不了。", "被扣了兩次錢又沒人回覆，換誰都會生氣。",
     "Two weeks without a working phone - I'd be fed up too.",
     "You paid twice and still have no ticket - I can only imagine how annoying that is."],
)  # fmt: skip
def test_the_situation_before_a_shared_feeling_is_a_summary(text: str) -> None:
    assert counts(text) == {"summary": 1, "empathy": 1}


@pytest.mark.parametrize(
    "text",
    ["这种事放谁身上都会着急。", "Nobody likes a surprise bill - I'd be annoyed too.",
     "200 dollars is a lot of money - I'd be upset too.", "Oh no - I'd be fed up too."],
)  # fmt: skip
def test_a_general_remark_before_a_shared_feeling_restates_nothing(text: str) -> None:
    assert counts(text) == {"empathy": 1}


@pytest.mark.parametrize(
    "text",
    ["来回跑了好几趟，真的很折腾。", "這的確會讓人摸不著頭腦。", "I'd have lost patience too.",
     "I'd have been baffled too."],
)  # fmt: skip
def test_new_feeling_words_after_a_shared_frame_are_empathy(text: str) -> None:
    assert has(text, MoveKind.EMPATHY)


def test_the_agents_own_indignation_is_not_empathy() -> None:
    assert not has("That's really unfair, we've done nothing wrong.", MoveKind.EMPATHY)


# ------------------------------------------------- a lead to a question before a colon


@pytest.mark.parametrize(
    ("text", "n"),
    [("先请问您：订单是哪天下的呢？", 1), ("請問一下：您是哪一天收到帳單的？", 1),
     ("请问您：订单是哪天下的？方便留个电话吗？", 2)],
)  # fmt: skip
def test_a_question_lead_before_a_colon_asks_once_with_its_question(text: str, n: int) -> None:
    assert counts(text).get("question") == n


# ------------------------------------------ an apology ends a restatement without a lead-in


@pytest.mark.parametrize(
    "text",
    ["You've been billed twice this month - I'm sorry, that's a lot to deal with.",
     "You were charged for a cancelled order - really sorry, I know how annoying that is."],
)  # fmt: skip
def test_an_apology_after_a_restatement_is_the_agents_own(text: str) -> None:
    found = counts(text)
    assert found.get("summary") == 1 and found.get("apology") == 1


# ------------------------------------------------- the agent threatening to end the call


@pytest.mark.parametrize(
    "text",
    ["One more word like that and I'm ending the call.",
     "Keep swearing and I'll put the phone down.", "I'm hanging up now.", "你再骂一句我就挂了。"],
)  # fmt: skip
def test_threatening_to_end_the_call_is_rude(text: str) -> None:
    assert counts(text).get("rude") == 1


@pytest.mark.parametrize(
    "text",
    ["Before we end the call, is there anything else?", "Please don't hang up, I'm still here.",
     "If the call drops, I'll ring you straight back.", "挂电话之前还有什么需要帮您的吗？"],
)  # fmt: skip
def test_ending_the_call_politely_is_not(text: str) -> None:
    assert not has(text, MoveKind.RUDE)


# -------------------------------------------------- a verdict passed on a fault, unchecked


@pytest.mark.parametrize(
    "text",
    ["这批货明显有质量问题。", "這明顯是系統的故障。", "This is clearly a fault on our end.",
     "That's obviously a billing glitch."],
)  # fmt: skip
def test_a_verdict_on_a_fault_is_an_admission(text: str) -> None:
    assert counts(text).get("admission") == 1


@pytest.mark.parametrize(
    "text",
    ["我们一定会把这个问题查清楚。", "这明显没有问题。", "I'll definitely look into the error.",
     "It's clearly not a fault with the line.", "You clearly typed the address wrong."],
)  # fmt: skip
def test_a_verdict_that_commits_denies_or_blames_admits_nothing(text: str) -> None:
    assert not has(text, MoveKind.ADMISSION)


# --------------------------------------------------- an order to take it elsewhere (…去)


@pytest.mark.parametrize(
    "text", ["找快递公司去，跟我们没关系。", "那是財務部的事，你問他們去。", "你自己找学校去吧。"]
)
def test_an_order_to_go_elsewhere_is_rude(text: str) -> None:
    assert counts(text).get("rude") == 1


def test_yourself_in_an_order_to_go_elsewhere_is_no_blame() -> None:
    assert counts("你自己找学校去吧。") == {"rude": 1}


@pytest.mark.parametrize(
    "text",
    ["我帮您问问同事去。", "您可以找客服去问问。", "师傅明天上午就过去。", "我先去问一下主管。"],
)
def test_going_to_ask_on_the_customers_behalf_is_not(text: str) -> None:
    assert not has(text, MoveKind.RUDE)


# ----------------------------------------------- the customer's side named as the cause


@pytest.mark.parametrize(
    "text", ["估计是您路由器设置的问题。", "應該是你那邊網路的原因。", "可能是您自己操作的问题。"]
)
def test_naming_the_customers_side_as_the_cause_defends(text: str) -> None:
    assert counts(text).get("defend") == 1


@pytest.mark.parametrize(
    "text",
    ["这就是您反映的问题吧，我记下了。", "我们会查清楚是什么原因。", "您的问题我已经记录下来了。"],
)
def test_naming_the_customers_report_is_not_blame(text: str) -> None:
    assert not has(text, MoveKind.DEFEND)


# ------------------------------------- disowning the matter, then sending the customer off


@pytest.mark.parametrize(
    ("text", "expected"),
    [("这不是我们负责的，您找厂家吧。", {"defend": 1, "rude": 1}),
     ("唔關我哋事，你問返個商戶。", {"rude": 2}), ("這事不歸我們管，你打給銀行。", {"rude": 2}),
     ("That's nothing to do with me, ask the warehouse.", {"rude": 2}),
     ("Not our department. Call the council.", {"rude": 2})],
)  # fmt: skip
def test_an_order_to_contact_someone_after_disowning_is_a_brush_off(
    text: str, expected: dict[str, int]
) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(
    "text",
    ["这不是我们负责的，不过我帮您联系厂家。", "这不归我们管，请您联系物业，电话我发给您。",
     "It's not our department, but I'll call them for you.",
     "That's nothing to do with us - you can ask the bank, and I'll give you their number."],
)  # fmt: skip
def test_a_referral_with_help_or_courtesy_is_not_a_second_jab(text: str) -> None:
    assert counts(text).get("rude", 0) <= 1


def test_an_order_to_contact_someone_alone_is_no_brush_off() -> None:
    assert not has("Call the branch on Monday and they'll sort it.", MoveKind.RUDE)


# ------------------------------------------------------ put-downs and our-side denials


@pytest.mark.parametrize(
    "text",
    ["这么基本的操作都不会？", "這種小事也值得打來？", "全部人都识用，就你唔识。",
     "It's literally one button.", "Most people manage to read the instructions.",
     "It's all the same to me."],
)  # fmt: skip
def test_a_put_down_is_rude(text: str) -> None:
    assert has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    "text",
    ["我们的产品都有经过质检。", "我們的員工不會做這種事。", "All our staff are properly trained.",
     "Our drivers would never do that.", "Every item is checked before it leaves the warehouse."],
)  # fmt: skip
def test_insisting_our_side_is_sound_defends(text: str) -> None:
    assert has(text, MoveKind.DEFEND)


# ------------------------------------------------ a matter handed to someone else (…的事)


@pytest.mark.parametrize("text", ["那是回访组的事。", "這是物業的事。", "那个是快递公司的事。"])
def test_handing_the_matter_to_someone_else_defends(text: str) -> None:
    assert counts(text) == {"defend": 1}


@pytest.mark.parametrize(
    "text", ["这是我们的事，我们来处理。", "那是我們的失誤。", "这件事是小事，马上能办好。"]
)
def test_owning_the_matter_is_no_defence(text: str) -> None:
    assert not has(text, MoveKind.DEFEND)


# --------------------------------------------------- a wh-word embedded after a verb


@pytest.mark.parametrize(
    ("text", "n"),
    [("I'll need to look at how the card was set up, so first: which branch was it?", 1),
     ("Let me check what was ordered - when did it arrive?", 1),
     ("What happened, and how did they leave it?", 2)],
)  # fmt: skip
def test_an_embedded_wh_clause_asks_nothing(text: str, n: int) -> None:
    assert counts(text).get("question") == n


# ------------------------------------------------ more wordings of a shared feeling


@pytest.mark.parametrize(
    "text",
    ["辛苦您等了这么久，真的很不容易。", "聽到你咁講，我都覺得好唔舒服。",
     "換作係我，我都會好擔心。", "It's completely natural to be worried about that.",
     "That's really tough on you."],
)  # fmt: skip
def test_more_shared_feelings_are_empathy(text: str) -> None:
    assert has(text, MoveKind.EMPATHY)


@pytest.mark.parametrize(
    "text", ["我都记下了，稍后回复您。", "It's normal to be billed on the 1st."]
)
def test_a_frame_with_no_feeling_after_it_is_not_empathy(text: str) -> None:
    assert not has(text, MoveKind.EMPATHY)


# --------------------------------------------------- each argument of a reply counts


@pytest.mark.parametrize(
    "text",
    ["这是公司规定，合同里也写了，您签字的时候就该看清楚。",
     "That's our policy, it's in the terms you agreed to, and you should have read them."],
)  # fmt: skip
def test_policy_contract_and_blame_are_three_arguments(text: str) -> None:
    assert counts(text) == {"defend": 3}


# --------------------------------------- jabs in Cantonese, Traditional script and English


@pytest.mark.parametrize(
    "text",
    ["你有冇睇清楚先打嚟？", "你自己唔小心，怪得邊個？", "唔好再打嚟啦。",
     "你鍾意等就等，唔等就算。", "你到底有沒有在聽我說話？",
     "我们这么多客户，不可能只顾着你。", "别在这磨磨唧唧的。",
     "Have you even tried turning it off and on?", "I'm not here to babysit you.",
     "Seriously? You rang about this?", "You should know better than that."],
)  # fmt: skip
def test_more_jabs_are_rude(text: str) -> None:
    assert has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    "text",
    ["Fine, complain. See if I care.", "Not my job. Try the help centre."],
)
def test_a_dare_or_brush_off_after_a_jab_is_a_second_jab(text: str) -> None:
    assert counts(text).get("rude") == 2


@pytest.mark.parametrize(
    "text",
    ["Fine, I'll sort that for you today.", "Did you get the confirmation email?",
     "唔好意思，我哋即刻幫你跟進。", "有任何问题随时打来。"],
)  # fmt: skip
def test_look_alikes_of_jabs_are_not_rude(text: str) -> None:
    assert not has(text, MoveKind.RUDE)


# ------------------------------------- look-alikes of denials and jabs in helpful replies


@pytest.mark.parametrize(
    "text",
    ["We'll send you a brand new one today.", "Our engineers are trained for this, I'll book one.",
     "Our team will look into it on our side and call you back.", "我们给您换一个正品。",
     "让您受冤枉了，真的很抱歉。", "这么简单的事还让您跑了几趟，真不好意思。"],
)  # fmt: skip
def test_helpful_replies_with_denial_words_do_not_defend(text: str) -> None:
    found = counts(text)
    assert "defend" not in found and "admission" not in found and "rude" not in found


@pytest.mark.parametrize(
    "text",
    ["Don't be afraid to ask me anything.", "Don't worry about repeating yourself.",
     "I'll hold your hand through the setup.", "你打咗几多次电话？",
     "别人都会遇到这种情况，您别担心。",     "Their department will call you tomorrow."],
)  # fmt: skip
def test_helpful_replies_with_jab_words_are_not_rude(text: str) -> None:
    assert not has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    "text",
    ["您的包裹显示签收了但您没收到，对吧？", "您的包裹顯示簽收了但您沒收到，對吧？",
     "Two missed appointments in a row - I'd be annoyed too."],
)  # fmt: skip
def test_the_customers_claim_or_mishap_restated_is_a_summary(text: str) -> None:
    assert has(text, MoveKind.SUMMARY)


@pytest.mark.parametrize("text", ["系统显示已经签收了，对吧？", "你自己没看清楚，对吧？"])
def test_our_record_or_their_fault_checked_with_a_tag_is_no_summary(text: str) -> None:
    assert not has(text, MoveKind.SUMMARY)


# ------------------------------------------------ the task belittled, then the customer


@pytest.mark.parametrize(
    "text", ["這麼簡單的步驟都要教？", "这么基本的设置也不会？", "这么容易的事都搞不定。"]
)
def test_belittling_the_task_is_rude(text: str) -> None:
    assert has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    "text", ["其实这么简单就能解决，我教您。", "這麼簡單的事還讓您跑一趟，真抱歉。"]
)
def test_calling_the_fix_simple_to_reassure_is_not(text: str) -> None:
    assert not has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    ("text", "kind"),
    [("多半是你家网线接触不良。", MoveKind.DEFEND),
     ("Carry on swearing and I'll disconnect the call.", MoveKind.RUDE),
     ("Just to double-check: the fee appeared after you'd already cancelled?", MoveKind.SUMMARY)],
)  # fmt: skip
def test_more_wordings_of_blame_threat_and_read_back(text: str, kind: MoveKind) -> None:
    assert has(text, kind)


# ------------------------------------------- a notice cited for what it states: a defence


@pytest.mark.parametrize(
    "text",
    ["The receipt clearly says no returns on sale items.",
     "It's printed on the back of the ticket.", "官网上写得很清楚，特价商品不退换。",
     "收據上有註明過期不候。", "活动页上标明了限量一百份。"],
)  # fmt: skip
def test_a_notice_cited_for_what_it_states_defends(text: str) -> None:
    assert counts(text).get("defend") == 1


@pytest.mark.parametrize(
    "text",
    ["The website said it would arrive today, I'm so sorry it hasn't.",
     "官网上写着今天发货，我马上帮您催一下。", "官網上寫著今天發貨，真的很抱歉。"],
)  # fmt: skip
def test_a_notice_quoted_beside_an_apology_or_a_commitment_does_not(text: str) -> None:
    assert not has(text, MoveKind.DEFEND)


# ------------------------- a rule that only applies under a condition, a decision made above


@pytest.mark.parametrize(
    "text",
    ["The warranty only covers manufacturing faults.",
     "Free delivery is only valid for orders over fifty pounds.",
     "Fees are decided by head office.",
     "退款仅限未拆封的商品。", "保固是有條件的，人為損壞不算。", "这个价格是总部定的。",
     "運費是集團統一定的。", "依規定，天災造成的延誤我們不賠。"],
)  # fmt: skip
def test_a_conditional_rule_or_a_decision_from_above_defends(text: str) -> None:
    assert has(text, MoveKind.DEFEND)


@pytest.mark.parametrize(
    "text",
    [
        "您只需要提供订单号就可以了。",
        "核实后会依规定把差价退给您。",
        "I'll apply the discount for you.",
        "核实确实是我们没按规定发提醒的，费用会退还。",
        "確實是我們未依規定通知您。",
    ],
)
def test_a_rule_applied_in_the_customers_favour_does_not(text: str) -> None:
    assert not has(text, MoveKind.DEFEND)


# ---------------------------- another party cleared: "nothing to do with the shop" defends


@pytest.mark.parametrize(
    "text",
    ["That's down to the courier, it's nothing to do with the shop.",
     "It's your card issuer's decision, nothing to do with us.", "这是快递的问题，跟店里没关系。"],
)  # fmt: skip
def test_clearing_another_party_defends(text: str) -> None:
    assert has(text, MoveKind.DEFEND)


@pytest.mark.parametrize(
    "text", ["Don't worry, the fee is nothing to do with you.", "这笔费用跟您没关系，您放心。"]
)
def test_clearing_the_customer_reassures(text: str) -> None:
    assert not has(text, MoveKind.DEFEND)


# ------------------- helpless rhetoric, a put-down on repetition, "X all you want": rude


@pytest.mark.parametrize(
    "text",
    ["What am I meant to do about it?", "And what do you expect me to do, magic it back?",
     "你要我怎么办？", "那我能怎麼辦呢？", "I'm not deaf, you know.", "我又不是聾子。",
     "Stop making excuses.", "Don't give me excuses.", "你别找借口了。", "別再狡辯了。",
     "Complain all you want, it won't change anything.", "Shout all you like.", "随您。",
     "那就隨您吧。"],
)  # fmt: skip
def test_helplessness_thrown_back_and_put_downs_are_rude(text: str) -> None:
    assert counts(text).get("rude") == 1


@pytest.mark.parametrize(
    "text",
    ["What would you like me to do next, refund or replace?", "我看看还有什么办法能帮您。",
     "Sorry, I didn't hear that, could you repeat it?", "Please don't hesitate to call us.",
     "时间随您方便。", "顏色隨您挑。"],
)  # fmt: skip
def test_offers_and_courtesies_with_those_words_are_not(text: str) -> None:
    assert not has(text, MoveKind.RUDE)


# -------------------------- an evaluative reaction to the customer's situation: empathy


@pytest.mark.parametrize(
    "text",
    ["Missing the flight over that is genuinely maddening.",
     "That's gutting after all that waiting.",
     "What a disappointing start to your holiday.", "行李箱被摔坏了，真让人心寒。",
     "出國前一天卡被鎖，令人沮喪。"],
)  # fmt: skip
def test_an_evaluative_reaction_is_empathy(text: str) -> None:
    assert has(text, MoveKind.EMPATHY)


@pytest.mark.parametrize(
    "text",
    ["That's difficult to say without the order number.", "那个让人联系您的工作人员明天会到。",
     "It's really hard to get hold of the engineer today."],
)  # fmt: skip
def test_difficulty_of_a_task_is_not_empathy(text: str) -> None:
    assert not has(text, MoveKind.EMPATHY)


@pytest.mark.parametrize(
    "text",
    ["A broken suitcase on your first day away - that's heartbreaking.",
     "行李箱被摔坏了，真让人心寒。"],
)  # fmt: skip
def test_the_situation_before_an_evaluative_reaction_is_a_summary(text: str) -> None:
    assert has(text, MoveKind.SUMMARY)


# ------------------ a jab word after "让人觉得" / "feels" judges the situation, not the customer


@pytest.mark.parametrize(
    "text",
    ["Being charged twice for one coffee feels completely out of proportion.",
     "为了几块钱就停机，确实会让人觉得小题大做。", "為了幾塊錢就停機，確實會讓人覺得小題大做。"],
)  # fmt: skip
def test_a_jab_word_judging_the_situation_is_not_rude(text: str) -> None:
    assert not has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    "text",
    ["It feels like you're blowing this out of proportion.", "你这是小题大做。",
     "我觉得你是在小题大做。"],
)  # fmt: skip
def test_the_same_word_aimed_at_the_customer_is(text: str) -> None:
    assert has(text, MoveKind.RUDE)


# -------------------------- "it's not like I did it": a denial that defends; care promised


@pytest.mark.parametrize(
    "text", ["网络断了又不是我弄的。", "停電又不是我們搞的。", "It's not like I cut the power."]
)
def test_an_it_was_not_me_denial_defends(text: str) -> None:
    assert has(text, MoveKind.DEFEND)


@pytest.mark.parametrize("text", ["给您添麻烦了，我们以后会注意的。", "抱歉，我們下次注意。"])
def test_our_own_care_next_time_is_a_promise_not_blame(text: str) -> None:
    assert counts(text).get("promise") == 1 and not has(text, MoveKind.DEFEND)


# ---------- everyone does the same, a claim denied its conclusion, evidence held, a burden


@pytest.mark.parametrize(
    "text",
    ["It's not just us - every provider does it.", "這個不是只有我們這樣，各家都一樣。",
     "A late parcel doesn't make it a scam.", "退得慢也不能说我们骗人。",
     "沒收到也不代表我們沒發。", "每一单都有拍照存证。", "You'll have to prove you weren't home.",
     "您得拿出合同来证明是我们的问题。", "您当初应该先问清楚的。",
     "签之前应该看清楚。", "She was probably just fed up with you ringing."],
)  # fmt: skip
def test_more_wordings_of_a_defence(text: str) -> None:
    assert has(text, MoveKind.DEFEND)


@pytest.mark.parametrize(
    "text",
    ["请您提供购买凭证。", "Don't worry, you probably won't need to do anything.",
     "我们会按规定处理，不只是您一位。", "It doesn't make it any less annoying, I know."],
)  # fmt: skip
def test_their_look_alikes_do_not_defend(text: str) -> None:
    assert not has(text, MoveKind.DEFEND)


# ------------------ the customer's mishap as the subject of the judgement: summary + empathy


@pytest.mark.parametrize(
    "text",
    ["Waiting in all morning and still no engineer is really maddening.",
     "包裹摔坏了还被退回来，一定很闹心。", "機票被取消了兩次，真的很讓人沮喪。"],
)  # fmt: skip
def test_a_mishap_judged_in_one_clause_is_a_summary(text: str) -> None:
    assert has(text, MoveKind.SUMMARY) and has(text, MoveKind.EMPATHY)


@pytest.mark.parametrize(
    "text",
    ["Getting the wrong size in the post would make anyone feel let down.",
     "我们这边给您添的麻烦确实让人很生气。", "That's gutting after all that waiting."],
)  # fmt: skip
def test_a_mishap_in_general_or_our_own_act_is_no_summary(text: str) -> None:
    assert not has(text, MoveKind.SUMMARY)


# --------------------------- coordinated commitments: handing it on, a gift on top of a fix


@pytest.mark.parametrize(
    "text",
    ["我会把情况交给主管，明天给您答复。", "我們馬上幫您換新，另外再送您一個月會員。"],
)
def test_a_hand_over_or_a_gift_beside_another_commitment_counts_again(text: str) -> None:
    assert counts(text).get("promise") == 2


@pytest.mark.parametrize("text", ["您把材料交给前台就可以了。", "买一送一的活动已经结束了。"])
def test_the_same_verbs_as_an_instruction_or_a_fact_commit_nothing(text: str) -> None:
    assert not has(text, MoveKind.PROMISE)


# ------------------------------- a verdict on a billing fault, before any check: admission


@pytest.mark.parametrize(
    "text",
    ["We've clearly overcharged you, I'm sorry.", "The system has obviously billed you twice."],
)
def test_a_verdict_on_a_billing_fault_is_an_admission(text: str) -> None:
    assert has(text, MoveKind.ADMISSION)


@pytest.mark.parametrize(
    "text",
    ["So you were overcharged last month, is that right?",
     "I checked and we definitely haven't overcharged you."],
)  # fmt: skip
def test_a_billing_fault_restated_or_denied_is_not(text: str) -> None:
    assert not has(text, MoveKind.ADMISSION)


# ------------------------ "I'm with you" alone only signals listening; in a reply, empathy


def test_im_with_you_alone_is_a_backchannel_and_in_a_reply_is_empathy() -> None:
    assert counts("Mm-hmm, I'm with you.") == {"backchannel": 1}
    assert has("I'm with you, that's not acceptable and I'll fix it today.", MoveKind.EMPATHY)


# ------------------------------------------- round 5: rude classes, each with look-alikes


@pytest.mark.parametrize(
    "text",
    ["你说话客气点，我们不欠你的。", "說話放尊重一點。", "先生，说话注意一点。",
     "Watch your mouth, please.", "Show some respect, I'm trying to help."],
)  # fmt: skip
def test_an_order_to_mind_ones_speech_is_rude(text: str) -> None:
    assert has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    "text",
    ["月底账单会自动出来，这还用问吗？", "退貨要帶發票，這不是常識嗎？", "这不明摆着的事吗？",
     "Everyone knows you need a receipt.", "Do I have to spell it out for you?"],
)  # fmt: skip
def test_an_is_it_not_obvious_put_down_is_rude(text: str) -> None:
    assert has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    "text",
    ["这个情况很常见，我给您说明一下原因。", "這個問題問得好，我幫您查一下。",
     "I know you've had to put up with it for weeks, I'm sorry.",
     "Let me spell your surname back to you."],
)  # fmt: skip
def test_asking_or_explaining_plainly_is_not_a_put_down(text: str) -> None:
    assert not has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    "text",
    ["楼上装修就几天，你忍忍吧。", "信號差就忍一忍吧。", "旧的先凑合着用吧。",
     "You'll just have to live with it.", "Like everyone else, you'll have to put up with it."],
)  # fmt: skip
def test_telling_the_customer_to_put_up_with_it_is_rude(text: str) -> None:
    assert has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    "text",
    ["行行行，给你退，这下行了吧？", "打住，我不想听。", "谁骗你了？账单写得很清楚。",
     "Let me stop you right there.", "Listen to the question, please.",
     "Nobody's lying to you, madam."],
)  # fmt: skip
def test_a_brush_off_an_interruption_or_an_accusation_turned_back_is_rude(text: str) -> None:
    assert has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    "text",
    ["人人都这么说，我们怎么知道真假？", "個個都這麼說。",
     "A lot of people try it on with claims like this.",
     "Some customers are just trying their luck."],
)  # fmt: skip
def test_doubting_the_customer_as_one_of_many_chancers_is_rude(text: str) -> None:
    assert has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    "text",
    ["您先试穿一下，不合适可以换。", "You're welcome to try it on in store.",
     "Good luck with the new job!"],
)  # fmt: skip
def test_the_same_words_said_kindly_are_not_rude(text: str) -> None:
    assert not has(text, MoveKind.RUDE)


# ------------------------------------------ round 5: defend classes, each with look-alikes


@pytest.mark.parametrize(
    "text",
    ["平台规定超过七天不予退款。", "這種情況不在賠付範圍內。", "人为损坏不属于赔偿范围。",
     "The fare rise goes up for everyone, not just you.", "That fee applies to everyone."],
)  # fmt: skip
def test_a_rule_or_scope_cited_for_a_no_defends(text: str) -> None:
    assert has(text, MoveKind.DEFEND)


@pytest.mark.parametrize(
    "text",
    ["停电是天灾，我们也控制不了。", "快遞員已經按要求送達了。", "人家施工是合法的。",
     "We can't control the weather, unfortunately.", "The tracking shows it was delivered.",
     "It's marked as delivered on our end."],
)  # fmt: skip
def test_a_cause_beyond_us_or_a_status_held_up_defends(text: str) -> None:
    assert has(text, MoveKind.DEFEND)


@pytest.mark.parametrize(
    "text",
    ["家里小孩会不会拿手机点了？", "是不是家裡孩子玩的時候按到了？",
     "Could one of your kids have ordered it?", "Did you actually tick the box?"],
)  # fmt: skip
def test_suspecting_the_customers_household_defends(text: str) -> None:
    assert has(text, MoveKind.DEFEND)


@pytest.mark.parametrize(
    "text",
    ["我们会按规定给您退款。", "您的包裹明天送达。", "请问您这个号码最近有没有借给别人？",
     "Did you get the email I sent?", "We'll control the costs so you pay less.",
     "I'll make sure it's delivered tomorrow."],
)  # fmt: skip
def test_a_rule_given_or_a_plain_check_does_not_defend(text: str) -> None:
    assert not has(text, MoveKind.DEFEND)


@pytest.mark.parametrize(
    "text",
    ["系统显示已经签收了。", "後台顯示沒有收到您的付款。", "记录显示包裹已妥投。",
     "Our records show no payment on that date.", "The log shows the parcel was signed for."],
)  # fmt: skip
def test_a_record_held_up_as_proof_against_the_customer_defends(text: str) -> None:
    assert has(text, MoveKind.DEFEND)


@pytest.mark.parametrize(
    "text",
    ["系统显示您的退款已经到账了，我会再帮您确认。", "系統顯示沒有收到，我馬上幫您查。",
     "Our records show no payment yet, I'll chase it today.",
     "Our records show your refund went out yesterday, I'm sorry for the wait."],
)  # fmt: skip
def test_a_record_read_out_while_helping_does_not_defend(text: str) -> None:
    assert not has(text, MoveKind.DEFEND)


@pytest.mark.parametrize(
    "text",
    ["您的手机太老了，系统跟不上。", "你屋企啲電線老化咗啦。", "你家网线太旧了吧。",
     "Your router's too old for those speeds.", "下次写清楚一点就不会送错了。"],
)  # fmt: skip
def test_the_customers_thing_judged_worn_or_their_next_time_advised_defends(text: str) -> None:
    assert has(text, MoveKind.DEFEND)


@pytest.mark.parametrize(
    "text",
    ["您家的热水器坏了三天，真的太糟糕了。", "您说您家的线路老化了，我马上派师傅上门。",
     "您家线路老化的问题我们会安排师傅处理。", "你家路由器是不是太老了？",
     "We'll replace your router if it's too old."],
)  # fmt: skip
def test_the_customers_thing_restated_or_fixed_does_not_defend(text: str) -> None:
    assert not has(text, MoveKind.DEFEND)


@pytest.mark.parametrize(
    "text",
    ["It says delivered, so it's delivered. Ask your neighbours.",
     "That's our policy. Check with your bank.", "系统显示已经签收了。你问问邻居吧。",
     "這是平台規定，你找商家。"],
)  # fmt: skip
def test_after_a_defence_an_order_to_contact_someone_else_is_a_brush_off(text: str) -> None:
    assert has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    "text",
    ["It's probably your walls being too thick. Try standing by a window.",
     "That's our policy, I'm afraid. I'll phone you tomorrow with the options.",
     "这是平台规定，我这边联系您再确认。",
     "Our records show no payment. Please check with your bank."],
)  # fmt: skip
def test_after_a_defence_advice_or_our_own_call_is_no_brush_off(text: str) -> None:
    assert not has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    "text",
    ["按照规定，我们会给您全额退款。", "按規定，我們會給您退款。",
     "If you forgot your password, I can reset it.", "如果您没看到短信，我们再发一次。",
     "如果您沒注意到提醒，我幫您重新設置。"],
)  # fmt: skip
def test_a_rule_that_gives_in_the_next_clause_or_blame_only_supposed_does_not_defend(
    text: str,
) -> None:
    assert not has(text, MoveKind.DEFEND)


@pytest.mark.parametrize(
    "text",
    ["按照规定，最多只能补偿您一个月。", "You forgot to pay, so the fee applies.",
     "如果是您自己弄坏的，就不在保修范围。"],
)  # fmt: skip
def test_a_capped_rule_or_blame_stated_outright_still_defends(text: str) -> None:
    assert has(text, MoveKind.DEFEND)


@pytest.mark.parametrize(
    "text",
    ["除非您能证明是运输途中坏的，否则没法退。", "你要拿出證據來。", "您需要自己提供检测报告。",
     "You'll need to prove it was damaged on arrival.",
     "Unless you can show a receipt, no refund."],
)  # fmt: skip
def test_the_burden_of_proof_put_on_the_customer_defends(text: str) -> None:
    assert has(text, MoveKind.DEFEND)


@pytest.mark.parametrize(
    "text",
    ["我们同事也是按流程办事。", "師傅當時太忙了。", "他也不容易，您多体谅。",
     "He was probably having a bad day.", "She was just doing her job."],
)  # fmt: skip
def test_excusing_a_colleague_defends(text: str) -> None:
    assert has(text, MoveKind.DEFEND)


@pytest.mark.parametrize(
    "text",
    ["您不需要自己提供任何材料，我们来调取。", "If you have a receipt, that will speed things up.",
     "我们同事会在今天联系您。", "Our engineer will come out tomorrow, he'll do the job properly."],
)  # fmt: skip
def test_asking_for_papers_kindly_or_sending_a_colleague_does_not_defend(text: str) -> None:
    assert not has(text, MoveKind.DEFEND)


@pytest.mark.parametrize(
    "text",
    ["你连这个都看不懂？", "這種問題也好意思打電話來問。", "没什么好说的了。",
     "Honestly, it's not that complicated.", "Even my gran manages it.",
     "I've got nothing more to say to you.", "Oh, well done you.", "Stop talking and listen."],
)  # fmt: skip
def test_contempt_dismissal_and_mockery_are_rude(text: str) -> None:
    assert has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    "text",
    ["不好意思，让您久等了。", "这个操作有点复杂，我一步步带您做。",
     "It's a bit complicated, so I'll walk you through it.",
     "Thanks for talking me through it."],
)  # fmt: skip
def test_apologizing_or_explaining_a_complication_is_not_rude(text: str) -> None:
    assert not has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    "text",
    ["别的客户都会弄，人家都能等，你为什么不能？", "其他人都能自己弄好。",
     "Everyone else managed to fill the form in fine.", "Most people figure it out on their own.",
     "我都解释了半天了。", "同一個問題你問了幾遍了？", "We've been over this.",
     "How many more times do I have to say it?", "你按我说的做就行。", "Just do what I tell you.",
     "Nobody's forcing you to stay with us.", "觉得不好就别用了。", "告我们啊，随便。"],
)  # fmt: skip
def test_comparisons_impatience_orders_and_dares_are_rude(text: str) -> None:
    assert has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    "text",
    ["别人都能享受这个优惠，我帮您也申请一下。", "我先把情况给您解释一下。",
     "Let me go over this with you once more so it's clear.",
     "No one is rushing you, take your time.", "我按您说的地址重新寄一次。"],
)  # fmt: skip
def test_the_same_words_helping_or_reassuring_are_not_rude(text: str) -> None:
    assert not has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    "text",
    ["那是物业的责任。", "這是快遞公司的責任。", "That's their responsibility, not ours.",
     "That can't be our fault, we check every parcel.", "We'd never charge you twice."],
)  # fmt: skip
def test_another_party_made_responsible_or_our_fault_denied_defends(text: str) -> None:
    assert has(text, MoveKind.DEFEND)


@pytest.mark.parametrize(
    "text", ["這是我們的責任，我馬上處理。", "That's our responsibility and we'll fix it today."]
)
def test_our_own_responsibility_owned_does_not_defend(text: str) -> None:
    assert not has(text, MoveKind.DEFEND)


@pytest.mark.parametrize(
    "text",
    ["您要是不满意，我帮您申请换货。", "你要是不滿意，我們會給您全額退款。",
     "If you don't like it, we'll refund you."],
)  # fmt: skip
def test_a_condition_the_agent_answers_with_help_is_an_offer_not_rude(text: str) -> None:
    assert not has(text, MoveKind.RUDE)


@pytest.mark.parametrize(
    "text",
    ["您要是不满意，自己去APP上设个封顶。", "你要是不滿意，就去投訴吧。",
     "If you don't like it, go elsewhere."],
)  # fmt: skip
def test_a_condition_answered_with_a_brush_off_stays_rude(text: str) -> None:
    assert has(text, MoveKind.RUDE)
