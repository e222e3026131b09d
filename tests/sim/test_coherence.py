"""The customer listens: checked on simulated calls, not hand-picked ones (issue 13, item 5).

Every policy plays every scenario; in no call may the customer repeat a line,
name a response time the trainee never gave, or answer a question with something
else. The full-size run is `hotseat simulate --calls 20` (its last line is the audit).
"""

from __future__ import annotations

import pytest

from hotseat.i18n import t
from hotseat.moves import MoveKind
from hotseat.scenario.library import load_library
from hotseat.scenario.model import Element, Reaction
from hotseat.session import Session
from hotseat.sim.bank import POLICIES, bank, cases
from hotseat.sim.player import play_call

LIBRARY = load_library()
CALLS = 3  # per policy and scenario: 360 calls in all


@pytest.mark.parametrize("scenario", LIBRARY.scenarios, ids=lambda s: s.key)
def test_no_repeats_no_invented_times_no_off_topic_answers(scenario) -> None:
    for policy in POLICIES:
        for index in range(CALLS):
            call = play_call(scenario, policy, index, seed=11)
            where = f"{scenario.key} {policy} call {index}"
            assert call.repeated == (), where
            assert call.invented_times == (), where
            assert call.off_topic == (), where


def past_the_vent(scenario) -> Session:
    session = Session(scenario)
    listen = t("tui.listen_line", scenario.lang)
    while session.customer.venting:
        session.reply(listen)
    return session


@pytest.mark.parametrize("scenario", LIBRARY.scenarios, ids=lambda s: s.key)
def test_the_apps_own_listening_line_never_gets_you_have_gone_quiet(scenario) -> None:
    """F2 says 'I'm listening, go on.': an invitation, never dead air."""
    session = past_the_vent(scenario)
    silence = {
        *scenario.lines.get(Reaction.SILENCE, []),
        *scenario.drill_lines.get(Reaction.SILENCE, []),
    }
    for _ in range(3):
        [turn] = session.reply(t("tui.listen_line", scenario.lang))
        assert turn.customer.reaction in (Reaction.VENT, Reaction.BACKCHANNEL, Reaction.HANG_UP)
        assert not set(turn.customer.utterances) & silence


@pytest.mark.parametrize("scenario", LIBRARY.scenarios, ids=lambda s: s.key)
@pytest.mark.parametrize("element", list(Element))
def test_every_question_type_gets_an_on_topic_answer(scenario, element: Element) -> None:
    """Asked plainly for who, what, the demand or the contact, the customer tells it."""
    case = cases(scenario.lang)[scenario.id]
    question = bank(scenario.lang).policies["excellent"].ask[element][0]
    question = question.replace("{who}", case.who[0])
    session = past_the_vent(scenario)
    [turn] = session.reply(question)
    told = {f.element for f in scenario.facts if f.id in turn.customer.revealed}
    assert element in told, f"{question!r} -> {turn.customer.line!r}"


@pytest.mark.parametrize("scenario", LIBRARY.scenarios, ids=lambda s: s.key)
def test_asked_again_the_customer_says_so(scenario) -> None:
    question = bank(scenario.lang).policies["excellent"].ask[Element.CONTACT][0]
    session = past_the_vent(scenario)
    session.reply(question)
    [again] = session.reply(question)
    assert again.customer.reaction is Reaction.ALREADY_TOLD, again.customer.line


@pytest.mark.parametrize("scenario", LIBRARY.scenarios, ids=lambda s: s.key)
def test_a_rude_request_for_details_is_refused_and_recorded(scenario) -> None:
    rude = {"zh": "你冷静一点！手机号多少？", "en": "Calm down! What's your phone number?"}
    session = past_the_vent(scenario)
    [turn] = session.reply(rude[scenario.lang])
    assert turn.reply.analysis.has(MoveKind.RUDE)
    if not turn.customer.hung_up:
        assert turn.customer.refused and not turn.customer.revealed
        assert Element.CONTACT in session.call().refused
