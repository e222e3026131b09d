"""Reactions a trainer would recognise: scripts grate, closes are judged on the closing reply,
listening through the vent helps, and no single well-meant reply sends the mood through the roof."""

from __future__ import annotations

from collections.abc import Callable

from hotseat.moves import Analysis, Move, MoveKind
from hotseat.persona import REPLY_RISE_CAP, Customer, Heard
from hotseat.scenario.model import Reaction, Scenario


def reply(text: str, *moves: tuple[MoveKind, int, int], close: bool = False, **flags) -> Heard:
    return Heard(
        Analysis(text, "zh", tuple(Move(k, a, b, **flags) for k, a, b in moves)),
        close_attempt=close,
    )


def past_vent(s: Scenario, **kw: object) -> Customer:
    c = Customer(s, **kw)  # type: ignore[arg-type]
    c.respond(reply("嗯", (MoveKind.BACKCHANNEL, 0, 1)))
    return c


def persona(make_scenario: Callable[..., Scenario], **changes: object) -> Scenario:
    base = make_scenario().persona.model_dump()
    return make_scenario(persona={**base, **changes})


EMPATHY = reply("我理解您的心情", (MoveKind.EMPATHY, 0, 7))


def test_the_same_formula_again_is_heard_as_a_script(scenario: Scenario) -> None:
    c = past_vent(scenario)
    first = c.respond(EMPATHY)
    assert first.reaction is Reaction.EMPATHY and first.mood < 60
    again = c.respond(EMPATHY)
    assert again.reaction is Reaction.SCRIPTED and again.line.startswith("scripted-")
    assert again.mood > first.mood
    assert ("scripted", 8) in again.causes


def test_a_formula_with_something_new_is_not_a_script_but_does_not_soothe(
    scenario: Scenario,
) -> None:
    c = past_vent(scenario)
    c.respond(EMPATHY)
    with_summary = c.respond(
        reply("我理解您的心情，您是说扣了两次", (MoveKind.EMPATHY, 0, 7), (MoveKind.SUMMARY, 8, 15))
    )
    assert with_summary.reaction is Reaction.SUMMARY
    fresh = past_vent(scenario)
    fresh_turn = fresh.respond(
        reply("我理解您的心情，您是说扣了两次", (MoveKind.EMPATHY, 0, 7), (MoveKind.SUMMARY, 8, 15))
    )
    assert 60 - fresh_turn.mood > 0
    # the summary still soothes, the repeated empathy (and its ownership bonus) does not
    assert with_summary.causes != fresh_turn.causes


def test_the_closing_reply_itself_can_settle_the_customer(
    make_scenario: Callable[..., Scenario],
) -> None:
    s = persona(make_scenario, mood=58, settle_at=50)  # above settle_at before the reply
    c = past_vent(s)
    assert c.mood > 50
    close = reply(
        "谢谢您，我跟您确认一下，24小时内给您回电",
        (MoveKind.THANKS, 0, 3),
        (MoveKind.SUMMARY, 4, 11),
        (MoveKind.PROMISE, 12, 22),
        close=True,
        deadline=True,
    )
    turn = c.respond(close)
    assert turn.accepted_close and turn.reaction is Reaction.CLOSE


def test_no_close_without_knowing_when_they_will_hear_back(
    make_scenario: Callable[..., Scenario],
) -> None:
    c = past_vent(persona(make_scenario, mood=20))
    turn = c.respond(
        reply("谢谢，我们会处理", (MoveKind.THANKS, 0, 2), (MoveKind.PROMISE, 3, 8), close=True)
    )
    assert turn.reaction is Reaction.CLOSE_REFUSED and not turn.accepted_close


def test_four_apologies_cannot_take_a_calming_customer_to_a_hang_up(
    make_scenario: Callable[..., Scenario],
) -> None:
    s = persona(make_scenario, mood=41, escalation=3.0, hang_up_at=100)
    c = past_vent(s)
    before = c.mood
    a = MoveKind.APOLOGY
    turn = c.respond(reply("对不起对不起对不起对不起", (a, 0, 3), (a, 3, 6), (a, 6, 9), (a, 9, 12)))
    assert not turn.hung_up
    assert turn.mood - before <= REPLY_RISE_CAP * 3.0
    assert any(what == "capped" for what, _ in turn.causes)


def test_an_insult_can_jump(make_scenario: Callable[..., Scenario]) -> None:
    s = persona(make_scenario, mood=41, escalation=1.0)
    c = past_vent(s)
    before = c.mood
    turn = c.respond(reply("你有病吧，滚", (MoveKind.RUDE, 0, 4), (MoveKind.RUDE, 5, 6)))
    assert turn.mood - before > REPLY_RISE_CAP
    assert turn.causes[0] == ("rude", 52)


def test_short_of_an_insult_the_customer_warns_before_hanging_up(
    make_scenario: Callable[..., Scenario],
) -> None:
    c = past_vent(persona(make_scenario, mood=92, escalation=3.0, hang_up_at=100))
    a = MoveKind.APOLOGY
    spam = reply("对不起对不起", (a, 0, 3), (a, 3, 6))
    warned = c.respond(spam)
    assert not warned.hung_up and warned.mood == 99 and "escalate-" in warned.line
    assert c.respond(spam).hung_up


def test_an_insult_needs_no_warning(make_scenario: Callable[..., Scenario]) -> None:
    c = past_vent(persona(make_scenario, mood=92, hang_up_at=100))
    assert c.respond(reply("你有病吧", (MoveKind.RUDE, 0, 4))).hung_up
