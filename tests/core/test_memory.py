"""The customer remembers the call: answers what is asked, never repeats, never invents a time."""

from __future__ import annotations

from collections.abc import Callable

from hotseat.moves import Analysis, Move, MoveKind
from hotseat.persona import Customer, Heard, time_limits
from hotseat.scenario.model import Reaction, Scenario


def heard(text: str, *kinds: MoveKind, asked: tuple[str, ...] = (), **flags: object) -> Heard:
    moves = tuple(Move(k, 0, max(1, len(text)), **flags) for k in kinds)  # type: ignore[arg-type]
    return Heard(Analysis(text, "zh", moves), asked=frozenset(asked))


def past_vent(s: Scenario, **kw: object) -> Customer:
    c = Customer(s, **kw)  # type: ignore[arg-type]
    c.respond(heard("嗯", MoveKind.BACKCHANNEL))
    return c


def test_time_limits_are_read_in_digits_words_and_chinese() -> None:
    assert time_limits("We'll call within 24 hours.") == {24}
    assert time_limits("Twenty-four hours, and not a minute more.") == {24}
    assert time_limits("48小时内给您答复，最迟七十二个小时") == {48, 72}
    assert time_limits("four days without a phone, three hours on hold") == frozenset()
    assert time_limits("马上处理") == frozenset()


def test_an_angry_customer_still_answers_the_question_put(scenario: Scenario) -> None:
    c = past_vent(scenario)
    turn = c.respond(
        heard(
            "对不起对不起，手机号多少？",
            MoveKind.APOLOGY,
            MoveKind.APOLOGY,
            MoveKind.QUESTION,
            asked=("phone",),
        )
    )
    assert turn.reaction is Reaction.APOLOGY_SPAM and turn.mood > 60  # it still grates
    assert turn.line == "电话是13800000000"  # but the answer is the whole line
    assert turn.revealed == ("phone",)


def test_answers_with_attitude_while_angry(make_scenario: Callable[..., Scenario]) -> None:
    s = make_scenario()
    facts = [f.model_dump() for f in s.facts]
    facts[0]["angry_lines"] = ["13800000000！记好了！"]
    angry = make_scenario(facts=facts, persona={**s.persona.model_dump(), "mood": 90})
    calm = make_scenario(facts=facts)
    ask = heard("请问手机号？", MoveKind.QUESTION, asked=("phone",))
    assert past_vent(angry).respond(ask).line == "13800000000！记好了！"
    assert past_vent(calm).respond(ask).line == "电话是13800000000"


def test_refuses_an_agent_who_was_rude_and_remembers_it(scenario: Scenario) -> None:
    c = past_vent(scenario)
    turn = c.respond(
        heard("你冷静点，手机号？", MoveKind.RUDE, MoveKind.QUESTION, asked=("phone",))
    )
    assert turn.refused == ("phone",) and turn.revealed == ()
    assert turn.line.startswith("refuse-") and "你冷静点" in turn.line
    assert c.refused_elements() == {"contact"}
    later = c.respond(heard("请问您的手机号？", MoveKind.QUESTION, asked=("phone",)))
    assert later.revealed == ("phone",)
    assert c.refused_elements() == frozenset()


def test_asked_again_says_so(scenario: Scenario) -> None:
    c = past_vent(scenario)
    ask = heard("手机号？", MoveKind.QUESTION, asked=("phone",))
    c.respond(ask)
    again = c.respond(ask)
    assert again.reaction is Reaction.ALREADY_TOLD and again.line.startswith("already_told-")


def test_never_repeats_a_line_within_a_call_while_it_has_lines(scenario: Scenario) -> None:
    c = past_vent(scenario)
    said = [c.respond(heard("嗯?", MoveKind.QUESTION)).line for _ in range(8)]
    assert len(set(said)) == len(said)


def test_names_a_response_time_only_after_the_trainee_did(
    make_scenario: Callable[..., Scenario],
) -> None:
    lines = {**make_scenario().lines}
    lines[Reaction.PROMISE] = ["24小时是吧，我等着。", "行，我等你们消息。"]
    s = make_scenario(lines={k.value: v for k, v in lines.items()})
    for seed in range(6):
        c = past_vent(s, seed=seed)
        vague = c.respond(heard("我们会尽快处理", MoveKind.PROMISE))
        assert "24" not in vague.line
    c = past_vent(s, seed=0)
    c.respond(heard("我们会尽快处理", MoveKind.PROMISE))
    given = c.respond(heard("24小时内给您回电", MoveKind.PROMISE, deadline=True))
    assert given.line == "24小时是吧，我等着。"


def test_an_invitation_to_go_on_after_the_vent_is_taken_up(scenario: Scenario) -> None:
    c = past_vent(scenario)
    turn = c.respond(heard("嗯，您请讲，我在听", MoveKind.BACKCHANNEL))
    assert turn.line.startswith("vent-")


def test_an_accepted_close_is_one_utterance(make_scenario: Callable[..., Scenario]) -> None:
    s = make_scenario(persona={**make_scenario().persona.model_dump(), "settle_at": 70})
    c = past_vent(s)
    turn = c.respond(
        Heard(
            Analysis(
                "谢谢您，24小时内回电",
                "zh",
                (Move(MoveKind.THANKS, 0, 3), Move(MoveKind.PROMISE, 4, 11, deadline=True)),
            ),
            close_attempt=True,
        )
    )
    assert turn.accepted_close and turn.line.startswith("close-") and "escalate" not in turn.line


def test_a_threat_never_follows_a_reply_that_calmed(make_scenario: Callable[..., Scenario]) -> None:
    s = make_scenario(persona={**make_scenario().persona.model_dump(), "mood": 95})
    c = past_vent(s)
    turn = c.respond(heard("我理解，您是说流量超了", MoveKind.EMPATHY, MoveKind.SUMMARY))
    assert turn.mood < 95 and "escalate-" not in turn.line and "我要发微博" not in turn.line


def test_a_digit_flood_names_no_time() -> None:
    assert time_limits("9" * 5000 + " hours") == frozenset()
    assert time_limits("within 24 hours, not 12345 hours") == {24}
