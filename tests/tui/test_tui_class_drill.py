"""Pilot tests on a real SQLite store: a class drill by drawn lots; resuming an interrupted call."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Select, Static
from textual.widgets.select import InvalidSelectValueError

from hotseat.store import Store, open_store
from hotseat.tui.app import HotseatApp
from hotseat.tui.screens.choice import ChoiceScreen
from hotseat.tui.screens.class_board import ClassBoardScreen
from hotseat.tui.screens.conversation import ConversationScreen
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.lot import LotScreen, spaced
from hotseat.tui.screens.report import ReportScreen
from hotseat.tui.widgets.chat_log import ChatLog
from hotseat.tui.widgets.elapsed_time import ElapsedTime

from .driving import Recording, bubbles, say, settle

Factory = Callable[..., HotseatApp]

CLASS = "一班"
MEMBERS = ["小王", "小李", "张晓明"]
LISTEN_ZH = "您好，请您慢慢说，我在听。"
SOOTHE_ZH = "非常抱歉让您着急了。您是说包裹七天还没到，物流三天没更新，对吧？换作是我也会着急的。"
PREFRAME_ZH = "为了尽快帮您处理，我需要跟您核实几个信息。请问您希望我们怎么处理？"


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'records.db'}"


@pytest.fixture
def store(db: str) -> Iterator[Store]:
    opened = open_store(db)
    yield opened
    opened.close()


@pytest.fixture
def klass(store: Store) -> str:
    store.create_class(CLASS)
    store.add_members(CLASS, MEMBERS)
    return CLASS


async def until(pilot: Pilot[None], ready: Callable[[], bool]) -> None:
    """Wait for an answer from the records thread (it reaches the UI a moment later)."""
    for _ in range(200):
        if ready():
            break
        await pilot.pause(0.05)
    assert ready()
    await pilot.pause()


async def choose_class(pilot: Pilot[None], name: str) -> HomeScreen:
    """Drill mode offers the store's classes; pick one."""
    await settle(pilot)
    home = pilot.app.screen
    assert isinstance(home, HomeScreen)
    await until(pilot, lambda: bool(home.query_one("#class-row").display))
    home.query_one("#drill-class", Select).value = name
    await pilot.pause()
    assert home.drill_class == name
    return home


async def lot_shown(pilot: Pilot[None]) -> LotScreen:
    await until(
        pilot, lambda: isinstance(pilot.app.screen, LotScreen) and pilot.app.screen.lot is not None
    )
    screen = pilot.app.screen
    assert isinstance(screen, LotScreen)
    return screen


# -- a class drill ---------------------------------------------------------------------------


async def test_a_class_drill_draws_everyone_once_then_shows_the_ranked_board(
    app_factory: Factory, db: str, klass: str, store: Store
) -> None:
    app = app_factory(record=True, db=db, mode="drill")
    hook = Recording()
    drawn: list[str] = []
    async with app.run_test(message_hook=hook) as pilot:
        home = await choose_class(pilot, klass)
        assert klass in str(home.query_one("#mode-about", Static).render())
        await pilot.press("enter")  # the highlighted scenario, for the class
        for i in range(3):
            lots = await lot_shown(pilot)
            assert lots.lot is not None
            name = lots.lot.trainee
            drawn.append(name)
            assert str(lots.query_one("#lot-name", Static).render()) == spaced(name)
            assert "下一位" in str(lots.query_one("#lot-label", Static).render())
            await pilot.press("enter")
            await settle(pilot)
            call = app.screen
            assert isinstance(call, ConversationScreen)
            assert call.trainee == name and call.session.mode == "drill"
            await say(pilot, LISTEN_ZH)
            if i == 1:
                await pilot.press("escape")  # steps out at once: no question, no report
                await settle(pilot)
            else:
                await pilot.press("f4", "y")
                await settle(pilot)
                await pilot.press("enter")  # the report, with this trainee's name
                await settle(pilot)
                assert isinstance(app.screen, ReportScreen) and app.screen.trainee == name
                esc = app.screen.active_bindings["escape"].binding
                assert esc.description == "回到抽签"  # back to the lot screen, not home
                await pilot.press("escape")
                await settle(pilot)
            if i < 2:
                assert isinstance(app.screen, LotScreen)
                assert name in str(app.screen.query_one("#lot-label", Static).render())
                await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, ClassBoardScreen))  # all gone
        board = app.screen
        assert isinstance(board, ClassBoardScreen)
        assert board.board.name == klass
        rows = board.board.rows
        ranked = [(r.rank, r.overall) for r in rows if r.rank is not None and r.overall is not None]
        # the one who stepped out is on the board, unranked (issue 12: never "best")
        assert len(ranked) == 2 and ranked == sorted(ranked, key=lambda r: (r[0], -r[1]))
        assert [r.stepped_out for r in rows if r.rank is None] == [1]
        assert [o for _, o in ranked] == sorted((o for _, o in ranked), reverse=True)
        top = rows[0]
        detail = str(board.query_one("#board-detail", Static).render())
        assert detail.startswith(top.trainee) and "最常犯的规则" in detail
        assert top.worst is not None and top.worst.code in detail  # spelled out at 80 columns
        await pilot.press("escape")  # back to the drill, where a new round can start
        assert isinstance(app.screen, LotScreen) and app.screen.check_action("draw", ())
    assert sorted(drawn) == sorted(MEMBERS)  # nobody twice until everyone has gone
    calls = {c.trainee: c for c in store.class_sessions(klass, class_only=True)}
    assert sorted(calls) == sorted(MEMBERS)
    assert all(c.mode == "drill" and c.status == "finished" for c in calls.values())
    assert calls[drawn[1]].stepped_out and not calls[drawn[0]].stepped_out
    assert [(e.outcome, e.stepped_out) for e in hook.of(ConversationScreen.Ended)] == [
        ("abandoned", False),
        ("abandoned", True),
        ("abandoned", False),
    ]


async def test_a_drawn_lot_stands_until_that_trainee_has_played(
    app_factory: Factory, db: str, klass: str, store: Store
) -> None:
    app = app_factory(record=True, db=db, mode="drill")
    async with app.run_test() as pilot:
        await choose_class(pilot, klass)
        await pilot.press("enter")
        first = (await lot_shown(pilot)).lot
        await pilot.press("escape")  # the trainer steps back before the call
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        again = (await lot_shown(pilot)).lot
        assert again == first  # the same name, not a fresh draw
    assert first is not None
    next_lot = store.draw(klass, seed=0)
    assert next_lot.position == 2  # the app drew once
    assert next_lot.trainee != first.trainee and first.trainee not in next_lot.waiting


async def test_a_class_drill_needs_no_name_but_drawn_lots_need_members(
    app_factory: Factory, db: str, store: Store
) -> None:
    store.create_class("空班")  # nobody on the roster: nothing to draw from
    store.create_class(CLASS)
    store.add_members(CLASS, MEMBERS)
    app = app_factory(record=True, db=db, mode="drill", trainee="")
    async with app.run_test() as pilot:
        home = await choose_class(pilot, CLASS)
        with pytest.raises(InvalidSelectValueError):
            home.query_one("#drill-class", Select).value = "空班"
        await pilot.press("enter", "enter")  # no name typed, on to the list: the lot names who
        assert isinstance(await lot_shown(pilot), LotScreen)


async def test_names_on_the_lot_screen_are_shown_as_typed(app_factory: Factory) -> None:
    from hotseat.store.records import Lot

    app = app_factory()
    async with app.run_test() as pilot:
        await settle(pilot)
        screen = LotScreen("[b]一班", "说好三天到", "zh")
        await app.push_screen(screen)
        screen.show_lot(Lot("[red]Ann", 1, 1, ("[i]小李",)))
        await pilot.pause()
        assert str(screen.query_one("#lot-name", Static).render()) == "[red]Ann"  # not markup
        assert "[i]小李" in str(screen.query_one("#lot-detail", Static).render())
        assert str(screen.query_one("#lot-class", Static).render()).startswith("[b]一班")
        assert spaced("张晓明") == "张 晓 明" and spaced("Ann Lee") == "Ann Lee"


async def test_solo_drills_still_start_without_a_class(app_factory: Factory, db: str) -> None:
    app = app_factory(record=True, db=db, mode="drill")
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.pause(0.3)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert not home.query_one("#class-row").display  # no classes in this store
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen) and app.screen.trainee == "小王"


# -- resuming an interrupted call ---------------------------------------------------------------


def interrupted_call(store: Store, scenarios: Path, replies: list[str]) -> int:
    """A call the app lost mid-way: its turns are saved, its end never was."""
    from hotseat.scenario.library import content_hash, load_scenario
    from hotseat.session import Session

    path = scenarios / "zh" / "late-parcel.yaml"
    scenario = load_scenario(path)
    session = Session(scenario, seed=7, mode="onboarding")
    recorder = store.begin("小王", scenario, content_hash(path), "onboarding", 7)
    for text in replies:
        for result in session.reply(text, 5.0):
            recorder.turn(result)
    return recorder.session_id


async def pick_the_interrupted_call(pilot: Pilot[None]) -> None:
    """F8 from the home screen, then the first interrupted call in the list."""
    await settle(pilot)
    await pilot.press("f8")
    await until(pilot, lambda: isinstance(pilot.app.screen, ChoiceScreen))
    await pilot.press("enter")


async def test_an_interrupted_call_is_resumed_and_finished(
    app_factory: Factory, db: str, store: Store, scenarios: Path
) -> None:
    sid = interrupted_call(store, scenarios, [SOOTHE_ZH, PREFRAME_ZH])
    said = [t.customer_line for t in store.turns(sid)]
    app = app_factory(record=True, db=db)
    async with app.run_test(notifications=True) as pilot:
        await pick_the_interrupted_call(pilot)
        await until(pilot, lambda: isinstance(app.screen, ConversationScreen))
        call = app.screen
        assert isinstance(call, ConversationScreen)
        assert call.session.turn == 2 and call.session.seed == 7
        assert bubbles(call, "trainee") == [SOOTHE_ZH, PREFRAME_ZH]
        assert bubbles(call, "customer")[1:] == said  # the same customer, word for word
        assert [b.tag for b in call.query_one(ChatLog).blocks if b.kind == "note"][-1] == "resumed"
        assert call.query_one(ElapsedTime).seconds() == 10.0  # the call clock goes on (5 s + 5 s)
        assert not [n for n in app._notifications if n.severity != "information"]
        await say(pilot, "好的。请问您的联系电话是？")
        assert call.session.turn == 3
        await pilot.press("f4", "y")
        await settle(pilot)
    record = store.session(sid)
    assert record.status == "finished" and record.outcome == "abandoned"
    assert record.turns == 3 and len(store.history("小王")) == 1  # the same call, not a new one


async def test_a_call_whose_scenario_changed_cannot_be_resumed_and_says_why(
    app_factory: Factory, db: str, store: Store, scenarios: Path
) -> None:
    sid = interrupted_call(store, scenarios, [SOOTHE_ZH])
    path = scenarios / "zh" / "late-parcel.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    app = app_factory(record=True, db=db)
    async with app.run_test(notifications=True) as pilot:
        await pick_the_interrupted_call(pilot)
        await until(pilot, lambda: any(n.severity == "error" for n in app._notifications))
        assert isinstance(app.screen, HomeScreen)  # no call that would not be the same call
        [error] = [n for n in app._notifications if n.severity == "error"]
        assert error.title == "无法继续这通电话" and str(sid) in error.message
    assert store.session(sid).status == "interrupted"  # still there to resume later


async def test_no_interrupted_calls_is_said_plainly(
    app_factory: Factory, db: str, store: Store
) -> None:
    app = app_factory(record=True, db=db, trainee="新来的")
    async with app.run_test(notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("f8")
        await until(pilot, lambda: bool(app._notifications))
        assert isinstance(app.screen, HomeScreen)
        assert [n.message for n in app._notifications] == ["新来的没有中断的通话。"]


@pytest.mark.parametrize(("lang", "words"), [("zh", "按 F8 接着打"), ("en", "F8 goes on with it")])
async def test_the_app_mentions_an_unfinished_call_at_start(
    app_factory: Factory, db: str, store: Store, scenarios: Path, lang: str, words: str
) -> None:
    interrupted_call(store, scenarios, [SOOTHE_ZH])
    app = app_factory(record=True, db=db, lang=lang)
    async with app.run_test(notifications=True) as pilot:
        await settle(pilot)
        await until(pilot, lambda: any(words in n.message for n in app._notifications))
        assert isinstance(app.screen, HomeScreen)  # said, not forced: the trainee chooses


async def test_no_mention_when_nothing_is_unfinished(
    app_factory: Factory, db: str, store: Store
) -> None:
    app = app_factory(record=True, db=db, lang="en")
    async with app.run_test(notifications=True) as pilot:
        await settle(pilot)
        await pilot.pause(0.5)
        assert not any("F8" in n.message for n in app._notifications)


async def test_enter_on_a_past_call_in_progress_reopens_its_report(
    app_factory: Factory, db: str, store: Store, scenarios: Path
) -> None:
    """Issue 14.8: the calls on the progress screen open again (an unfinished one rebuilt)."""
    from hotseat.tui.screens.progress import CallList, ProgressScreen

    interrupted_call(store, scenarios, [SOOTHE_ZH, PREFRAME_ZH])
    app = app_factory(record=True, db=db)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await until(pilot, lambda: isinstance(app.screen, ProgressScreen))
        progress = app.screen
        calls = progress.query_one(CallList)
        calls.focus()
        await pilot.pause()
        assert calls.chosen is not None
        assert progress.active_bindings["enter"].binding.description == "查看这通电话"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReportScreen))
        report = app.screen
        assert isinstance(report, ReportScreen)
        assert report.trainee == "小王"
        assert [text for who, text in report.result.transcript if who == "trainee"] == [
            SOOTHE_ZH,
            PREFRAME_ZH,
        ]
        await pilot.press("escape")
        assert app.screen is progress
