"""The live call fold: instructor lines replace the script's, controls act, rules refuse."""

from __future__ import annotations

import pytest

from hotseat.live import Event, Kind, LiveCall, normal_code
from hotseat.live.codes import ALPHABET, new_code
from hotseat.scenario.model import Scenario
from hotseat.session import Session

SORRY_GUARANTEE = "I'm so sorry, I guarantee a full refund today."
EMPATHY_ASK = "I understand how frustrating this is. Could you tell me your number?"


class Log:
    """Writes events into a call the way the store would, numbering them."""

    def __init__(self, call: LiveCall) -> None:
        self.call = call

    def __call__(self, seat: str, kind: Kind, text: str = "", value: float | None = None):  # type: ignore[no-untyped-def]
        return self.call.apply(Event(self.call.next_seq, seat, kind, text, value))  # type: ignore[arg-type]


@pytest.fixture
def call(scenario: Scenario) -> LiveCall:
    return LiveCall(scenario, seed=3)


def started(call: LiveCall) -> Log:
    log = Log(call)
    log("trainee", Kind.JOIN, "Tom")
    log("host", Kind.SAY, call.session.suggestion or "")
    return log


def test_replies_are_judged_like_a_scripted_drill(call: LiveCall, scenario: Scenario) -> None:
    log = started(call)
    applied = log("trainee", Kind.REPLY, SORRY_GUARANTEE, 4.0)
    scripted = Session(scenario, seed=3, mode="drill")
    (expected,) = scripted.reply(SORRY_GUARANTEE, 4.0)
    assert applied.result is not None
    assert [f.code for f in applied.result.findings] == [f.code for f in expected.findings]
    assert "PR001" in [f.code for f in applied.result.findings]
    # the script's answer is only a suggestion while the instructor holds the call
    assert applied.said is None
    assert call.session.suggestion == expected.customer.line
    assert call.session.mood == expected.customer.mood


def test_the_instructors_line_is_what_the_call_goes_on_with(call: LiveCall) -> None:
    log = started(call)
    log("trainee", Kind.REPLY, SORRY_GUARANTEE, 4.0)
    log("host", Kind.SAY, "A guarantee? Put it in writing!")
    applied = log("trainee", Kind.REPLY, EMPATHY_ASK, 3.0)
    assert applied.result is not None
    assert applied.result.reply.customer_before == "A guarantee? Put it in writing!"
    assert call.session.exchanges[0].customer.line == "A guarantee? Put it in writing!"
    transcript = call.session.result().transcript
    assert transcript[2] == ("customer", "A guarantee? Put it in writing!")


def test_turns_alternate_and_the_end_closes_everything(call: LiveCall) -> None:
    log = Log(call)
    assert log("trainee", Kind.REPLY, "hello").refused == "live.refused.wait"  # not joined
    log("trainee", Kind.JOIN, "Tom")
    assert log("trainee", Kind.REPLY, "hello").refused == "live.refused.wait"  # no opening yet
    log("host", Kind.SAY, "Hello?!")
    log("trainee", Kind.REPLY, "Hello, how can I help?")
    assert log("trainee", Kind.REPLY, "again").refused == "live.refused.wait"  # customer due
    assert log("watch", Kind.SAY, "x").refused == "live.refused.seat"
    assert log("trainee", Kind.SAY, "x").refused == "live.refused.seat"
    ended = log("host", Kind.END, "resolved")
    assert ended.ended == "resolved" and call.over
    assert log("host", Kind.SAY, "late").refused == "live.refused.ended"
    assert log("host", Kind.END, "hung_up").refused == "live.refused.ended"
    assert call.session.outcome == "resolved"


def test_only_one_trainee(call: LiveCall) -> None:
    log = Log(call)
    assert log("trainee", Kind.JOIN, "Tom").refused is None
    assert log("trainee", Kind.JOIN, "Ann").refused == "live.refused.taken"
    assert log("trainee", Kind.JOIN, "Tom").refused is None  # Tom's seat, back after a drop
    named = LiveCall(call.session.scenario, trainee="Tom")
    assert Log(named)("trainee", Kind.JOIN, "Ann").refused == "live.refused.not_you"


def test_hand_over_says_the_due_answer_and_the_script_answers_on(call: LiveCall) -> None:
    log = started(call)
    log("trainee", Kind.REPLY, SORRY_GUARANTEE, 4.0)
    due = call.session.suggestion
    handed = log("host", Kind.HANDOVER)
    assert handed.said == due and call.session.suggestion is None
    answered = log("trainee", Kind.REPLY, EMPATHY_ASK, 3.0)
    assert answered.said is not None and answered.said == answered.result.customer.line  # type: ignore[union-attr]
    log("host", Kind.TAKEBACK)
    held = log("trainee", Kind.REPLY, "Thank you.", 2.0)
    assert held.said is None and call.session.suggestion is not None
    assert [(said.turn, said.note) for said in call.said] == [(0, ""), (1, "script"), (2, "script")]


def test_script_endings_wait_for_the_instructor(call: LiveCall) -> None:
    log = started(call)
    for _ in range(4):
        if call.session.script_would is not None:
            break
        log("trainee", Kind.REPLY, "Calm down, that's not my problem. You signed up yourself.")
        log("host", Kind.SAY, "What did you say?")
    assert call.session.script_would == "hung_up"
    assert not call.over  # the instructor decides
    log("trainee", Kind.REPLY, "Calm down.")
    log("host", Kind.HANDOVER)  # the script's due answer is its hang-up
    assert call.session.outcome == "hung_up" and call.over
    assert log("trainee", Kind.REPLY, "hello?").refused == "live.refused.ended"


def test_mood_nudges_and_facts_feed_the_judge(call: LiveCall) -> None:
    log = started(call)
    before = call.session.mood
    log("host", Kind.MOOD, value=-15)
    assert call.session.mood == max(0, before - 15)
    elements = set(call.session.scenario.elements())
    fact = next(f for f in call.session.scenario.facts if f.element is not None)
    assert fact.element not in call.session.call().captured
    log("host", Kind.FACT, fact.id, 1)
    assert fact.element in call.session.call().captured
    log("host", Kind.FACT, fact.id, 0)
    assert fact.element not in call.session.call().captured
    log("host", Kind.FACT, "no-such-fact", 1)
    assert call.session.call().captured <= elements


def test_step_out_ends_abandoned(call: LiveCall) -> None:
    log = started(call)
    applied = log("trainee", Kind.END, "abandoned", 1.0)
    assert applied.ended == "abandoned" and call.stepped_out


def test_folding_twice_gives_the_same_call(call: LiveCall, scenario: Scenario) -> None:
    log = started(call)
    log("trainee", Kind.REPLY, SORRY_GUARANTEE, 4.0)
    log("host", Kind.SAY, "Put it in writing!")
    log("host", Kind.MOOD, value=10)
    log("trainee", Kind.REPLY, EMPATHY_ASK, 3.0)
    again = LiveCall(scenario, seed=3)
    again.replay(call.events)
    again.replay(call.events)  # a re-read of the whole log folds nothing twice
    assert again.session.result() == call.session.result()
    assert again.session.suggestion == call.session.suggestion
    with pytest.raises(ValueError):
        again.apply(call.events[0])


def test_codes() -> None:
    import random

    code = new_code(random.Random(1))
    assert len(code) == 6 and set(code) <= set(ALPHABET)
    assert normal_code(f" {code.lower()[:3]}-{code[3:]} ") == code
    assert normal_code("ABC") is None and normal_code("ABCDE!") is None
    assert normal_code("AB0DE1") is None  # no look-alikes in a code


def test_the_reply_clock_running_out_is_a_silent_reply(call: LiveCall) -> None:
    log = started(call)
    applied = log("trainee", Kind.TIMEOUT)
    assert applied.result is not None and applied.result.reply.silent
    assert call.session.customer_due  # the instructor answers the dead air
    assert log("trainee", Kind.TIMEOUT).refused == "live.refused.wait"
