"""The progress and class-board screens, driven headless: what they show and what they post."""

from __future__ import annotations

import asyncio

from textual.app import App
from textual.message import Message
from textual.widgets import Button, DataTable, Static

from hotseat.report.recommend import Recommendation
from hotseat.store.records import ClassBoard, Progress
from hotseat.tui.screens.class_board import ClassBoardScreen
from hotseat.tui.screens.progress import CallList, ProgressScreen, ScoreChart

ADVICE = Recommendation("zh/for-kicks", "图个痛快", ("ET001",), "专练 ET001。")


class Host(App[None]):
    """A bare app that shows one screen, as the real app does on F6 / F7."""

    def __init__(self, screen: ProgressScreen | ClassBoardScreen) -> None:
        super().__init__()
        self.shown = screen

    def on_mount(self) -> None:
        self.push_screen(self.shown)


def test_progress_screen_shows_plot_rules_and_advice(progress: Progress) -> None:
    async def run() -> None:
        posted: list[Message] = []
        app = Host(ProgressScreen(progress, ADVICE, "zh"))
        async with app.run_test(size=(100, 40), message_hook=posted.append) as pilot:
            screen = app.screen
            chart = screen.query_one(ScoreChart)
            drawn = chart.render().plain
            assert "100┤" in drawn and "通话" in drawn  # axis and its label, plotted to fit
            assert chart.content_size.width >= 90
            rules = str(screen.query_one("#top-rules", Static).render()).splitlines()
            assert rules[0].split() == ["规则", "类别", "次数"]
            assert rules[2].split() == ["ET001", "用语不礼貌", "礼仪", "4"]  # a Chinese name
            recent = str(screen.query_one("#recent", CallList).render()).splitlines()
            assert [line.split()[0] for line in recent[2:]] == ["3", "2", "1"]  # newest first
            reason = screen.query_one("#next-reason", Static)
            assert str(reason.render()) == "专练 ET001。"
            await pilot.click("#practise")
            await pilot.pause()
            wanted = [m for m in posted if isinstance(m, ProgressScreen.PractiseWanted)]
            assert len({id(m) for m in wanted}) == 1  # one message, seen as it bubbles up
            assert wanted[0].scenario == "zh/for-kicks"
            await pilot.press("escape")
            assert not isinstance(app.screen, ProgressScreen)

    asyncio.run(run())


def test_progress_screen_for_a_newcomer_has_no_button(progress: Progress) -> None:
    async def run() -> None:
        empty = Progress("新人", 0, (), (), ())
        app = Host(ProgressScreen(empty, None, "en"))
        async with app.run_test(size=(80, 24)):
            assert "No calls recorded yet." in app.screen.query_one(ScoreChart).render().plain
            assert not app.screen.query(Button)
            assert len(str(app.screen.query_one("#top-rules", Static).render()).splitlines()) == 2

    asyncio.run(run())


def test_chart_redraws_to_the_new_size(progress: Progress) -> None:
    async def run() -> None:
        app = Host(ProgressScreen(progress, None, "en"))
        async with app.run_test(size=(80, 30)) as pilot:
            narrow = app.screen.query_one(ScoreChart).render().plain.splitlines()[0]
            await pilot.resize_terminal(140, 30)
            await pilot.pause()
            wide = app.screen.query_one(ScoreChart).render().plain.splitlines()[0]
            assert len(wide) > len(narrow) + 40

    asyncio.run(run())


def test_class_board_screen_lists_the_ranked_rows(board: ClassBoard) -> None:
    async def run() -> None:
        app = Host(ClassBoardScreen(board, "zh"))
        async with app.run_test(size=(120, 30)) as pilot:
            table = app.screen.query_one("#board", DataTable)
            assert table.row_count == 2
            first = [str(c) for c in table.get_row_at(0)]
            assert first[0] == "1" and first[3] == "81" and first[-2] == "PR001 打包票 ×3"
            assert [str(c) for c in table.get_row_at(1)][:2] == ["-", "李雷"]
            assert "班级排行榜" in str(app.screen.query_one("#board-title", Static).render())
            await pilot.press("escape")
            assert not isinstance(app.screen, ClassBoardScreen)

    asyncio.run(run())
