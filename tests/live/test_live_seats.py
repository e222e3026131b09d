"""Pilot tests: an instructor app and a trainee app on one live call, through SQLite or PostgreSQL.

Each seat is a real app with its own database engine; nothing passes between
them but the store. Every test runs on one SQLite file, and on PostgreSQL
when ``HOTSEAT_TEST_PG_URL`` is set.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Input

from hotseat.live.events import Kind
from hotseat.scenario.model import Scenario
from hotseat.store import open_store
from hotseat.store.live import LiveStore
from hotseat.tui.screens.class_board import ClassBoardScreen
from hotseat.tui.screens.live_host import LiveHostScreen
from hotseat.tui.screens.live_trainee import LiveTraineeScreen
from hotseat.tui.screens.live_watch import LiveWatchScreen
from hotseat.tui.widgets.chat_log import ChatLog
from hotseat.tui.widgets.findings_panel import FindingsPanel

from .conftest import host_call
from .seats import Seats, reply, said, until

GUARANTEE = "I'm so sorry, I guarantee a full refund today."
EMPATHY_ASK = "I understand how frustrating this is. Could you tell me your number?"
CLOSE = (
    "Thank you, Mr Lawson. So to confirm, you were charged 42 pounds for data. "
    "I'll pass this to billing and they will call you back within 24 hours."
)


def seats_for(db_url: str, tmp_path: Path, scenario: Scenario, **kw: object) -> Seats:
    store = open_store(db_url)
    try:
        if kw.get("class_name"):
            store.create_class("C1")
            store.add_members("C1", ["Tom"])
        info = host_call(LiveStore(store), scenario, **kw)
    finally:
        store.close()
    return Seats(db_url, tmp_path, info, scenario)


def test_a_full_call_with_an_edited_line_then_report_and_board(
    db_url: str, tmp_path: Path, scenario: Scenario
) -> None:
    async def run() -> None:
        seats = seats_for(db_url, tmp_path, scenario, trainee="Tom", class_name="C1")
        try:
            host = await seats.open("host")
            await until(host, lambda: isinstance(host.app.screen, LiveHostScreen))
            trainee = await seats.open("trainee", "Tom")
            watch = await seats.open("watch")
            await until(watch, lambda: isinstance(watch.app.screen, LiveWatchScreen))
            watched = watch.app.screen
            hs = host.app.screen
            assert isinstance(hs, LiveHostScreen)
            opening = hs.session.suggestion
            await host.press("ctrl+s")  # the script's opening, as it is
            await until(trainee, lambda: isinstance(trainee.app.screen, LiveTraineeScreen))
            assert said(trainee, "customer") == [opening]

            await reply(trainee, GUARANTEE)
            await until(host, lambda: said(host, "trainee") == [GUARANTEE])
            # the reply arrives with its moves, findings and the script's mood and line
            notes = said(host, "note")
            assert any("promise (compensation, deadline, guarantee)" in n for n in notes)
            cards = hs.query_one(FindingsPanel).blocks
            assert "PR001" in cards[-1].content.plain
            line = hs.query_one("#line", Input)
            await until(host, lambda: line.value == hs.session.suggestion)
            edited = f"{hs.session.suggestion} And I want it in writing!"
            line.value = edited
            line.focus()
            await host.press("enter")
            await until(trainee, lambda: said(trainee, "customer")[-1:] == [edited])

            await reply(trainee, EMPATHY_ASK)
            await until(host, lambda: hs.session.customer_due)
            await host.press("ctrl+s")
            await reply(trainee, CLOSE)
            await until(host, lambda: hs.session.customer_due)
            await host.press("f10")  # end: resolved
            ts = trainee.app.screen
            assert isinstance(ts, LiveTraineeScreen)
            await until(trainee, lambda: ts.result is not None)
            assert ts.result is not None and ts.result.outcome == "resolved"
            await until(host, lambda: hs.recorded is not None)
            # the trainee's report, then the class board on the projector
            await trainee.click("#to-report")
            await until(trainee, lambda: type(trainee.app.screen).__name__ == "ReportScreen")
            await until(watch, lambda: isinstance(watch.app.screen, ClassBoardScreen))
            board = watch.app.screen
            assert isinstance(board, ClassBoardScreen)
            assert [(r.trainee, r.sessions) for r in board.board.rows if r.rank is not None] == [
                ("Tom", 1)
            ]
            projected = watched.query_one(ChatLog)
            assert projected.said("trainee") == [GUARANTEE, EMPATHY_ASK, CLOSE]
            # drawn within the projector's width, so the right-hand bubbles are on screen
            drawn = [strip for b in projected.blocks for strip in b.lines or ()]
            assert drawn and max(strip.cell_length for strip in drawn) <= watch.app.size.width
        finally:
            await seats.close()
        store = open_store(db_url)
        try:
            (record,) = store.history("Tom")
            assert (record.outcome, record.turns, record.class_name) == ("resolved", 3, "C1")
            lines = [t.customer_line for t in store.turns(record.id)]
            assert lines[0] == edited
            linked = LiveStore(store).for_session(record.id)
            assert linked is not None and linked.host == "Vera" and linked.state == "recorded"
        finally:
            store.close()

    asyncio.run(run())


def test_hand_over_to_the_script_and_back(db_url: str, tmp_path: Path, scenario: Scenario) -> None:
    async def run() -> None:
        seats = seats_for(db_url, tmp_path, scenario)
        try:
            host = await seats.open("host")
            await until(host, lambda: isinstance(host.app.screen, LiveHostScreen))
            hs = host.app.screen
            assert isinstance(hs, LiveHostScreen)
            trainee = await seats.open("trainee", "Ann")
            await host.press("f9")  # hand over: the script's opening is said at once
            await until(trainee, lambda: isinstance(trainee.app.screen, LiveTraineeScreen))
            await reply(trainee, EMPATHY_ASK)
            await until(trainee, lambda: len(said(trainee, "customer")) == 2)
            assert not hs.session.customer_due  # nobody had to answer: the script did
            await host.press("f9")  # take back
            await until(host, lambda: hs.session.host_holds)
            await reply(trainee, GUARANTEE)
            await until(host, lambda: hs.session.customer_due)
            await asyncio.sleep(0.2)
            assert len(said(trainee, "customer")) == 2  # waiting for the instructor now
            notes = said(host, "note")
            assert "Handed over to the script." in notes
            assert notes[-2:][0] == "The instructor is the customer again." or (
                "The instructor is the customer again." in notes
            )
        finally:
            await seats.close()

    asyncio.run(run())


def test_a_trainee_steps_out(db_url: str, tmp_path: Path, scenario: Scenario) -> None:
    async def run() -> None:
        seats = seats_for(db_url, tmp_path, scenario)
        try:
            host = await seats.open("host")
            await until(host, lambda: isinstance(host.app.screen, LiveHostScreen))
            hs = host.app.screen
            assert isinstance(hs, LiveHostScreen)
            trainee = await seats.open("trainee", "Ann")
            await host.press("ctrl+s")
            await until(trainee, lambda: isinstance(trainee.app.screen, LiveTraineeScreen))
            await reply(trainee, GUARANTEE)
            await until(host, lambda: hs.session.customer_due)
            await host.press("ctrl+s")
            await until(trainee, lambda: len(said(trainee, "customer")) == 2)
            await trainee.press("escape")
            await until(trainee, lambda: not isinstance(trainee.app.screen, LiveTraineeScreen))
            await until(host, lambda: hs.recorded is not None)
            assert hs.link.call.stepped_out and hs.session.outcome == "abandoned"
            assert hs.query_one("#line", Input).disabled
        finally:
            await seats.close()
        store = open_store(db_url)
        try:
            (record,) = store.history("Ann")
            assert record.stepped_out and record.outcome == "abandoned"
        finally:
            store.close()

    asyncio.run(run())


def test_a_seat_killed_and_rejoined_loses_nothing(
    db_url: str, tmp_path: Path, scenario: Scenario
) -> None:
    async def run() -> None:
        seats = seats_for(db_url, tmp_path, scenario)
        first = Seats(db_url, tmp_path, seats.info, scenario)
        try:
            host = await seats.open("host")
            await until(host, lambda: isinstance(host.app.screen, LiveHostScreen))
            hs = host.app.screen
            assert isinstance(hs, LiveHostScreen)
            trainee = await first.open("trainee", "Ann")
            await host.press("ctrl+s")
            await until(trainee, lambda: isinstance(trainee.app.screen, LiveTraineeScreen))
            await reply(trainee, GUARANTEE)
            await until(host, lambda: hs.session.customer_due)
            await host.press("f8")  # angrier
            await host.press("ctrl+s")
            await until(trainee, lambda: len(said(trainee, "customer")) == 2)
            before = said(trainee, "customer"), said(trainee, "trainee")
            await first.close()  # the trainee's terminal dies
            # while the seat is gone the instructor says one more thing
            line = hs.query_one("#line", Input)
            line.value = "Hello? Are you still there?"
            line.focus()
            await host.press("enter")
            await until(host, lambda: said(host, "customer")[-1].endswith("still there?"))
            again = await seats.open("trainee", "Ann")
            await until(again, lambda: isinstance(again.app.screen, LiveTraineeScreen))
            await until(again, lambda: len(said(again, "trainee")) == 1)
            assert said(again, "trainee") == before[1]
            assert said(again, "customer")[:1] == before[0][:1]
            assert said(again, "customer")[-1].endswith("Are you still there?")
            await reply(again, EMPATHY_ASK)
            await until(host, lambda: said(host, "trainee") == [GUARANTEE, EMPATHY_ASK])
            ts = again.app.screen
            assert isinstance(ts, LiveTraineeScreen)
            assert ts.session.result() == hs.session.result()  # both seats fold the same call
        finally:
            await seats.close()

    asyncio.run(run())


def test_the_projector_cannot_write(db_url: str, tmp_path: Path, scenario: Scenario) -> None:
    async def run() -> None:
        seats = seats_for(db_url, tmp_path, scenario)
        try:
            watch = await seats.open("watch")
            await until(watch, lambda: isinstance(watch.app.screen, LiveWatchScreen))
            ws = watch.app.screen
            assert isinstance(ws, LiveWatchScreen)
            assert not ws.query(Input)  # nothing to type into
            for key in ("ctrl+s", "f8", "f9", "f10", "enter"):
                await watch.press(key)
            await asyncio.sleep(0.2)
            assert ws.link.live.events(seats.info.id) == []
            refused: list[str] = []
            ws.link.write(Kind.SAY, "sneaky", refused=refused.append)
            await until(watch, lambda: bool(refused))
            assert refused == ["This seat cannot do that."]
        finally:
            await seats.close()

    asyncio.run(run())


def test_hosting_from_the_home_screen(sqlite_url: str, tmp_path: Path) -> None:
    from hotseat.tui.app import make_app
    from hotseat.tui.options import TuiOptions
    from hotseat.tui.screens.home import HomeScreen

    fixtures = Path(__file__).parent.parent / "tui" / "fixtures" / "scenarios"
    app = make_app(
        TuiOptions(
            lang="zh",
            trainee="王老师",
            db=sqlite_url,
            builtin_scenarios=False,
            scenario_dirs=(fixtures,),
            settings_path=tmp_path / "tui.json",
            catalog_cache=tmp_path / "catalog.json",
            steady=True,
        )
    )

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            home = pilot.app.screen
            assert isinstance(home, HomeScreen)
            await until(pilot, lambda: home.query_one("ScenarioList").highlighted_entry)
            home.host_live()
            await until(pilot, lambda: isinstance(pilot.app.screen, LiveHostScreen))
            hs = pilot.app.screen
            assert isinstance(hs, LiveHostScreen)
            assert hs.link.info.host == "王老师" and hs.link.info.open
            assert hs.session.suggestion == hs.session.customer.opening
            assert "主持实战演练" in [c.name for c in home.palette_commands()]
            await pilot.pause(0.1)  # let the new screen finish mounting before the app closes

    asyncio.run(run())
    store = open_store(sqlite_url)
    try:
        with store.engine.connect() as conn:
            (code,) = conn.exec_driver_sql("SELECT code FROM live_calls").scalars().all()
        assert LiveStore(store).find(code).host == "王老师"
    finally:
        store.close()


def test_the_instructor_killed_and_rejoined_picks_up_the_due_answer(
    db_url: str, tmp_path: Path, scenario: Scenario
) -> None:
    async def run() -> None:
        seats = seats_for(db_url, tmp_path, scenario)
        first = Seats(db_url, tmp_path, seats.info, scenario)
        try:
            host = await first.open("host")
            await until(host, lambda: isinstance(host.app.screen, LiveHostScreen))
            trainee = await seats.open("trainee", "Ann")
            await host.press("ctrl+s")
            await until(trainee, lambda: isinstance(trainee.app.screen, LiveTraineeScreen))
            await reply(trainee, GUARANTEE)
            hs = host.app.screen
            assert isinstance(hs, LiveHostScreen)
            await until(host, lambda: hs.session.customer_due)
            await host.press("f8")
            await until(host, lambda: len(hs.link.call.events) == 4)
            due, mood = hs.session.suggestion, hs.session.mood
            await first.close()  # the instructor's terminal dies with an answer due
            again = await seats.open("host")
            await until(again, lambda: isinstance(again.app.screen, LiveHostScreen))
            back = again.app.screen
            assert isinstance(back, LiveHostScreen)
            await until(again, lambda: said(again, "trainee") == [GUARANTEE])
            assert (back.session.suggestion, back.session.mood) == (due, mood)
            await until(again, lambda: back.query_one("#line", Input).value == due)
            await again.press("ctrl+s")
            await until(trainee, lambda: said(trainee, "customer")[-1:] == [due])
        finally:
            await seats.close()

    asyncio.run(run())
