"""The correction modal: pick a finding or a missed fault, give a reason, and it is queued."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from hotseat.scenario.library import load_scenario, resolve
from hotseat.session import Session
from hotseat.store import open_store
from hotseat.tui.screens.correction import CorrectionScreen, Wish, mark_latest

REPLIES = ["嗯，您请讲。", "我保证今天之内一定给您全部退回来。", "这个问题我们会查清楚的。"]


def played() -> Session:
    session = Session(load_scenario(resolve("zh/overcharged-data")), seed=3)
    for text in REPLIES:
        if not session.ended:
            session.reply(text)
    session.abandon()
    return session


async def submit(pilot: Pilot[None], host: Host) -> None:
    """Enter in the reason box sends the correction, as a trainee would."""
    host.modal.query_one("#correction-reason", Input).focus()
    await pilot.press("enter")
    await pilot.pause()


class Host(App[None]):
    def __init__(self, screen: CorrectionScreen) -> None:
        super().__init__()
        self.modal = screen
        self.got: list[Wish | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.modal, self.got.append)


async def test_a_finding_marked_wrong_comes_back_as_a_wish() -> None:
    result = played().result()
    first = next(f for f in result.findings if f.turn)
    host = Host(CorrectionScreen(result, lang="zh"))
    async with host.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        host.modal.query_one("#correction-reason", Input).value = ""
        await submit(pilot, host)
        await pilot.pause()
        assert host.got == []  # no reason yet: it says so and stays open
        host.modal.query_one("#correction-reason", Input).value = "只是复述客户的要求"
        await submit(pilot, host)
        await pilot.pause()
    assert host.got == [Wish("wrong", first.turn, "只是复述客户的要求", code=first.code)]


async def test_a_missed_fault_needs_a_turn_of_the_call() -> None:
    result = played().result()
    host = Host(CorrectionScreen(result, lang="en"))
    async with host.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        choice = host.modal.query_one(OptionList)
        choice.highlighted = len([f for f in result.findings if f.turn]) + 1  # missed: defend
        host.modal.query_one("#correction-reason", Input).value = "passing the buck"
        host.modal.query_one("#correction-turn", Input).value = "9"
        await submit(pilot, host)
        await pilot.pause()
        assert host.got == []
        host.modal.query_one("#correction-turn", Input).value = "3"
        await submit(pilot, host)
        await pilot.pause()
    assert host.got == [Wish("missed", 3, "passing the buck", move="defend")]


def test_the_wish_is_queued_on_the_trainee_s_latest_call(tmp_path: Path) -> None:
    scenario = load_scenario(resolve("zh/overcharged-data"))
    session = Session(scenario, seed=3)
    with open_store(f"sqlite:///{tmp_path / 'r.db'}") as store:
        recorder = store.begin("王芳", scenario, "h", "onboarding", 3)
        for text in REPLIES:
            if not session.ended:
                for step in session.reply(text):
                    recorder.turn(step)
        session.abandon()
        recorder.finish(session.result())
        cid = mark_latest(store, "王芳", Wish("missed", 3, "太敷衍", move="rude"))
        (queued,) = store.corrections("pending")
        assert (queued.id, queued.session_id, queued.turn, queued.move) == (
            cid,
            recorder.session_id,
            3,
            "rude",
        )
        assert queued.author == "王芳" and queued.text == REPLIES[2]
