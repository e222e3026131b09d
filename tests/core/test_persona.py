"""The customer reacts to what the trainee did: calms, bristles, pins promises, hangs up."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from hotseat.moves import Analysis, Move, MoveKind, Span
from hotseat.persona import Customer, Heard
from hotseat.scenario.model import Reaction, Scenario


def said(text: str, *kinds: MoveKind, **flags: object) -> Heard:
    """A reply whose moves each span the whole text (spans don't matter to the persona)."""
    moves = tuple(Move(k, 0, max(1, len(text)), **flags) for k in kinds)  # type: ignore[arg-type]
    return Heard(Analysis(text, "zh", moves))


def past_vent(s: Scenario, **kw: object) -> Customer:
    c = Customer(s, **kw)  # type: ignore[arg-type]
    c.respond(said("嗯", MoveKind.BACKCHANNEL))
    assert not c.venting
    return c


def test_opening_comes_from_opening_lines(scenario: Scenario) -> None:
    assert Customer(scenario).opening.startswith("opening-")


def test_listening_through_the_vent_gets_more_venting_and_is_rewarded(scenario: Scenario) -> None:
    c = Customer(scenario)
    turn = c.respond(said("嗯，您请讲", MoveKind.BACKCHANNEL))
    assert turn.reaction is Reaction.VENT and 55 <= turn.mood < 60
    assert not c.venting


def test_soothing_before_the_vent_is_over_bounces_back(scenario: Scenario) -> None:
    turn = Customer(scenario).respond(said("非常抱歉", MoveKind.APOLOGY))
    assert turn.reaction is Reaction.VENT
    assert turn.mood > 60


def test_empathy_with_ownership_calms_more_than_empathy_alone(scenario: Scenario) -> None:
    alone = past_vent(scenario).respond(said("我理解", MoveKind.EMPATHY))
    owned = past_vent(scenario).respond(said("我理解，您是说", MoveKind.EMPATHY, MoveKind.SUMMARY))
    assert alone.mood < 60
    assert owned.mood < alone.mood


def test_apology_spam_bristles(scenario: Scenario) -> None:
    c = past_vent(scenario)
    turn = c.respond(said("对不起对不起", MoveKind.APOLOGY, MoveKind.APOLOGY))
    assert turn.reaction is Reaction.APOLOGY_SPAM
    assert turn.mood > 60


def test_third_apology_in_the_call_is_spam(scenario: Scenario) -> None:
    c = past_vent(scenario)
    assert c.respond(said("抱歉", MoveKind.APOLOGY)).reaction is Reaction.APOLOGY
    assert c.respond(said("不好意思", MoveKind.APOLOGY)).reaction is Reaction.APOLOGY
    assert c.respond(said("对不起", MoveKind.APOLOGY)).reaction is Reaction.APOLOGY_SPAM


def test_defensiveness_and_rudeness_explode(scenario: Scenario) -> None:
    defend = past_vent(scenario).respond(said("系统不会错", MoveKind.DEFEND))
    rude = past_vent(scenario).respond(said("你冷静一点", MoveKind.RUDE))
    assert defend.reaction is Reaction.DEFEND and defend.mood >= 70
    assert rude.reaction is Reaction.RUDE and rude.mood > defend.mood


def test_rude_line_quotes_the_trainees_words(scenario: Scenario) -> None:
    turn = past_vent(scenario).respond(said("你冷静一点", MoveKind.RUDE))
    assert "你冷静一点" in turn.line


def test_preframed_question_is_answered_with_the_fact(scenario: Scenario) -> None:
    c = past_vent(scenario)
    heard = Heard(
        Analysis(
            "为了帮您处理，请问您的手机号是？",
            "zh",
            (Move(MoveKind.PREFRAME, 0, 6), Move(MoveKind.QUESTION, 7, 16)),
        ),
        asked=frozenset({"phone"}),
    )
    turn = c.respond(heard)
    assert "13800000000" in turn.line
    assert turn.revealed == ("phone",)
    assert c.captured() == frozenset({"contact"})  # type: ignore[comparison-overlap]


def test_interrogation_irritates_and_gets_one_answer(scenario: Scenario) -> None:
    c = past_vent(scenario)
    q = MoveKind.QUESTION
    heard = Heard(
        Analysis(
            "手机号？您希望？怎么回事？", "zh", (Move(q, 0, 4), Move(q, 4, 8), Move(q, 8, 13))
        ),
        asked=frozenset({"phone", "demand", "story"}),
    )
    turn = c.respond(heard)
    assert turn.reaction is Reaction.INTERROGATION
    assert len(turn.revealed) == 1 and turn.mood > 60


def test_rash_promise_is_pinned_and_walking_it_back_is_punished(scenario: Scenario) -> None:
    c = past_vent(scenario)
    promise = "我保证今天给您退"
    pinned = c.respond(
        Heard(
            Analysis(promise, "zh", (Move(MoveKind.PROMISE, 0, 8, guarantee=True),)),
            rash=(Span(0, 8),),
        )
    )
    assert pinned.reaction is Reaction.RASH_PROMISE
    assert "我保证今天给您退" in pinned.line
    before = pinned.mood
    back = c.respond(Heard(Analysis("这个我不能保证", "zh", (), refusals=(Span(0, 7),))))
    assert back.reaction is Reaction.WALK_BACK
    assert "我保证今天给您退" in back.line
    assert back.mood > before + 10


def test_silence_is_dead_air(scenario: Scenario) -> None:
    turn = past_vent(scenario).respond(said(""))
    assert turn.reaction is Reaction.SILENCE and turn.mood > 60


def test_hangs_up_at_the_top_of_the_scale(make_scenario: Callable[..., Scenario]) -> None:
    c = past_vent(
        make_scenario(
            persona={
                "name": "x",
                "who": "x",
                "motives": ["vent"],
                "mood": 90,
                "vent_rounds": 2,
                "hang_up_at": 100,
            }
        )
    )
    turn = c.respond(said("你有病吧", MoveKind.RUDE))
    assert turn.hung_up and turn.reaction is Reaction.HANG_UP and turn.mood == 100


def test_threatens_before_hanging_up_and_beats_fire_once(scenario: Scenario) -> None:
    c = past_vent(scenario)
    turn = c.respond(said("系统不会错", MoveKind.DEFEND))
    turn = c.respond(said("这是规定", MoveKind.DEFEND))
    assert not turn.hung_up
    assert "我要发微博" in turn.line  # the beat at mood 85
    assert "escalate-" not in turn.line  # one added line a turn: the beat, not a threat too
    later = c.respond(said("规定就是规定", MoveKind.DEFEND))
    assert "我要发微博" not in later.line


def test_close_accepted_only_when_calm_enough(
    scenario: Scenario, make_scenario: Callable[..., Scenario]
) -> None:
    angry = past_vent(scenario)
    refused = angry.respond(
        Heard(Analysis("谢谢", "zh", (Move(MoveKind.THANKS, 0, 2),)), close_attempt=True)
    )
    assert refused.reaction is Reaction.CLOSE_REFUSED and not refused.accepted_close
    calm = past_vent(
        make_scenario(
            persona={
                "name": "x",
                "who": "x",
                "motives": ["vent"],
                "mood": 30,
                "vent_rounds": 2,
                "settle_at": 50,
            }
        )
    )
    ok = calm.respond(
        Heard(
            Analysis(
                "谢谢，24小时内回电",
                "zh",
                (Move(MoveKind.THANKS, 0, 2), Move(MoveKind.PROMISE, 3, 10, deadline=True)),
            ),
            close_attempt=True,
        )
    )
    assert ok.accepted_close and ok.reaction is Reaction.CLOSE


def test_drill_mode_prefers_harsh_lines_and_rises_faster(scenario: Scenario) -> None:
    calm = past_vent(scenario).respond(said("你冷静一点", MoveKind.RUDE))
    drill = past_vent(scenario, mode="drill", intensity=3).respond(
        said("你冷静一点", MoveKind.RUDE)
    )
    assert drill.line.startswith("drill-rude-")
    assert drill.mood > calm.mood


def test_never_the_same_line_twice_in_a_row(scenario: Scenario) -> None:
    c = past_vent(scenario)
    lines = [c.respond(said("嗯?", MoveKind.QUESTION)).line for _ in range(12)]
    assert all(a != b for a, b in pairwise(lines))


def test_same_seed_same_lines_other_seed_other_lines(scenario: Scenario) -> None:
    def run(seed: int) -> list[str]:
        c = Customer(scenario, seed=seed)
        return [c.opening] + [c.respond(said("我理解", MoveKind.EMPATHY)).line for _ in range(6)]

    assert run(7) == run(7)
    assert any(run(7) != run(s) for s in range(8, 14))


def test_volunteered_elements_are_captured_by_a_summary(scenario: Scenario) -> None:
    c = past_vent(scenario)
    assert c.captured() == frozenset()
    c.respond(said("您是说流量超了", MoveKind.SUMMARY))
    assert {e.value for e in c.captured()} == {"what", "who"}


def test_mood_counts_everything_in_a_reply_not_just_what_the_line_answers(
    scenario: Scenario,
) -> None:
    c = past_vent(scenario)
    a = "非常抱歉，对不起对不起，我保证今天就给您退钱！"
    apology = MoveKind.APOLOGY
    heard = Heard(
        Analysis(
            a,
            "zh",
            (
                Move(apology, 0, 4),
                Move(apology, 5, 8),
                Move(apology, 8, 11),
                Move(MoveKind.PROMISE, 12, 23, guarantee=True, deadline=True, hours=8.0),
            ),
        ),
        rash=(Span(12, 23),),
    )
    turn = c.respond(heard)
    assert turn.reaction is Reaction.RASH_PROMISE  # the line pins the promise down...
    assert turn.mood > 60  # ...but the apology spam around it still grates
