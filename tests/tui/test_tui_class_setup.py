"""A class set up and run entirely in the app (issue 14.4): created and filled on the classes
screen (F7), drilled from the home screen at once, and reported with only its own calls,
on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Input, Select

from hotseat.cli import main
from hotseat.store import open_store
from hotseat.tui.app import HotseatApp
from hotseat.tui.screens.class_board import ClassBoardScreen
from hotseat.tui.screens.classes import ClassesScreen, roster_names
from hotseat.tui.screens.conversation import ConversationScreen
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.lot import LotScreen
from hotseat.tui.screens.report import ReportScreen

from .driving import say, settle
from .test_tui_class_drill import lot_shown, until

pytest_plugins = ["store.conftest"]  # the per-test PostgreSQL schema (pg_url)

Factory = Callable[..., HotseatApp]
CLASS = "三班"
LISTEN_ZH = "您好，请您慢慢说，我在听。"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'records.db'}"
    url: str = request.getfixturevalue("pg_url")
    return url


def test_roster_names_split_on_either_width_of_comma() -> None:
    assert roster_names(" 小王，小李、张晓明, Ann ;Bo；\n") == [
        "小王",
        "小李",
        "张晓明",
        "Ann",
        "Bo",
    ]
    assert roster_names(" ，、 ") == []


async def test_a_class_is_created_filled_drilled_and_reported_from_the_app(
    app_factory: Factory, db: str, tmp_path: Path
) -> None:
    # a call 小王 makes on their own, before the class exists: not the class's business
    replies = tmp_path / "replies.txt"
    replies.write_text(LISTEN_ZH + "\n", encoding="utf-8")
    alone = ["play", "zh/overcharged-data", "--replies", str(replies), "--trainee", "小王"]
    assert CliRunner().invoke(main, [*alone, "--db", db]).exit_code == 0

    app = app_factory(record=True, db=db, mode="drill")
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert not home.query_one("#class-row").display  # no class to drill yet
        await pilot.press("f7")
        await until(pilot, lambda: isinstance(app.screen, ClassesScreen))
        classes = app.screen
        assert isinstance(classes, ClassesScreen)
        await until(pilot, lambda: classes.query_one("#new-class", Input).has_focus)
        classes.query_one("#new-class", Input).value = CLASS
        await pilot.press("enter")
        await until(pilot, lambda: [c.name for c in classes.known] == [CLASS])
        members = classes.query_one("#add-members", Input)
        await until(pilot, lambda: members.has_focus)  # the next step: fill the new class
        members.value = "小王，小李"
        await pilot.press("enter")
        await until(pilot, lambda: set(classes.known[0].members) == {"小王", "小李"})
        await pilot.press("escape")
        # on the home screen at once, without switching modes
        await until(pilot, lambda: bool(home.query_one("#class-row").display))
        home.query_one("#drill-class", Select).value = CLASS
        await pilot.pause()
        await pilot.press("enter")
        lot = (await lot_shown(pilot)).lot
        assert lot is not None and lot.trainee in ("小王", "小李")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)
        await say(pilot, LISTEN_ZH)
        await pilot.press("f4", "y")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        await pilot.press("escape")  # back to the draw
        await settle(pilot)
        assert isinstance(app.screen, LotScreen)
        await pilot.press("escape")  # home
        await settle(pilot)
        await pilot.press("f7")
        await until(pilot, lambda: isinstance(app.screen, ClassesScreen) and app.screen.known)
        await pilot.press("r")  # the class report, into the export folder
        exports = tmp_path / "exports"
        await until(pilot, lambda: any(exports.glob("hotseat-三班-class-*.html")))
        page = next(exports.glob("hotseat-三班-class-*.html")).read_text(encoding="utf-8")
        await pilot.press("b")
        await until(pilot, lambda: isinstance(app.screen, ClassBoardScreen))
        board = app.screen
        assert isinstance(board, ClassBoardScreen)
        ranked = [r for r in board.board.rows if r.sessions]
        assert [(r.trainee, r.sessions) for r in ranked] == [(lot.trainee, 1)]

    assert "历次通话" in page and "zh/late-parcel" in page  # the drill call is listed...
    assert "zh/overcharged-data" not in page  # ...and the call made on one's own is not
    store = open_store(db)
    try:
        assert [c.trainee for c in store.class_sessions(CLASS, class_only=True)] == [lot.trainee]
    finally:
        store.close()
