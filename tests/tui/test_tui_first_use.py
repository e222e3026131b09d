"""What a newcomer trips on in the first minutes (issue 14.5, 14.8), each driven in the real app."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from hotseat.tui import catalog
from hotseat.tui.app import HotseatApp
from hotseat.tui.screens.conversation import ConversationScreen
from hotseat.tui.screens.home import HomeScreen

from .driving import settle

Factory = Callable[..., HotseatApp]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_enter_while_the_list_loads_starts_the_scenario_once_it_is_in(
    app_factory: Factory, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    gate = threading.Event()
    real = catalog.load_catalog

    def slow(dirs: list[Path]) -> list[catalog.Entry]:
        gate.wait(10)
        return real(dirs)

    monkeypatch.setattr("hotseat.tui.screens.home.load_catalog", slow)
    app = app_factory(lang=lang)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")  # while the status still says it is loading
        status = str(app.screen.query_one("#list-status").render())
        assert ("starts as soon" in status) if lang == "en" else ("加载完毕后立即开始" in status)
        gate.set()
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)


@pytest.mark.parametrize(
    ("lang", "none"), [("zh", "没有找到匹配的命令"), ("en", "No matches found")]
)
async def test_the_palette_says_nothing_matched_in_the_interface_language(
    app_factory: Factory, lang: str, none: str
) -> None:
    from textual.command import CommandList

    app = app_factory(lang=lang)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"7777")
        hits = app.screen.query_one(CommandList)
        for _ in range(40):
            await pilot.pause(0.05)
            if hits.option_count:
                break
        prompts = [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]
        assert any(none in p for p in prompts), prompts
        if lang == "zh":
            assert not any("No matches" in p for p in prompts)


async def test_a_single_click_on_the_list_picks_and_never_starts_a_call(
    app_factory: Factory,
) -> None:
    """Issue 14.5: the click that dismisses the served page's start button lands on the
    list; it may pick a scenario, but only a double click (or Enter) starts one."""
    from hotseat.tui.widgets.scenario_list import ScenarioList

    app = app_factory()
    async with app.run_test() as pilot:
        await settle(pilot)
        listing = app.screen.query_one(ScenarioList)
        await pilot.click(ScenarioList, offset=(4, 1))
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen) and listing.highlighted is not None
        await pilot.click(ScenarioList, offset=(4, 1), times=2)
        await settle(pilot)
        assert isinstance(app.screen, ConversationScreen)


@pytest.mark.parametrize(
    ("lang", "hint"), [("zh", "按 Esc 关闭帮助"), ("en", "Esc closes this help")]
)
async def test_the_help_screen_says_how_to_close_it(
    app_factory: Factory, lang: str, hint: str
) -> None:
    from textual.widgets import Static

    from hotseat.tui.screens.help import HelpScreen

    app = app_factory(lang=lang)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        close = app.screen.query_one("#help-close", Static)
        assert hint in str(close.render()) and close.region.y <= 2  # at the top, in sight
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_a_practice_call_is_not_stored_with_the_drill_intensity(
    app_factory: Factory,
) -> None:
    from .test_tui_pilot import FakeStore

    store = FakeStore()
    app = app_factory(store=store, mode="practice", intensity=3)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        app.records.close()
    ((_, _, _, mode, _, extra),) = store.begun
    assert mode == "practice" and extra["intensity"] == 2  # the neutral default, not 3


def test_report_words_for_modes_and_outcomes_match_the_app() -> None:
    """Issue 14.8: one word for each mode and outcome, on screens and in exports alike."""
    from hotseat.i18n import TEXTS as UI
    from hotseat.report.labels import TEXTS as REPORT

    shared = [k for k in REPORT if k.startswith(("mode.", "outcome.")) and k in UI]
    assert "mode.practice" in shared
    for key in shared:
        for i in (0, 1):
            assert REPORT[key][i].lower() == UI[key][i].lower(), key


def contrast(a: object, b: object) -> float:
    """WCAG contrast ratio of two Textual colours."""

    def luminance(c: object) -> float:
        def channel(v: int) -> float:
            x = v / 255
            return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

        r, g, b_ = c.rgb  # type: ignore[attr-defined]
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b_)

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_box_titles_on_the_home_screen_are_readable(app_factory: Factory, theme: str) -> None:
    """Issue 14.5: the titles of the trainee, mode, scenario boxes were dark on dark."""
    app = app_factory()
    async with app.run_test() as pilot:
        app.theme = theme
        await settle(pilot)
        for selector in ("#trainee", "#mode", "#filter", "#scenarios"):
            box = app.screen.query_one(selector)
            assert box.border_title
            title = box.styles.border_title_color
            behind = box.background_colors[1]
            assert contrast(behind + title, behind) >= 4.5, (theme, selector)


async def test_the_report_at_80_columns_scrolls_as_one_page(app_factory: Factory) -> None:
    """Issue 14.8: one scrollbar for the whole report, none nested inside it."""
    from hotseat.tui.screens.report import ReportScreen

    from .driving import say, start

    app = app_factory(mode="practice")
    async with app.run_test(size=(80, 24)) as pilot:
        await start(pilot)
        for text in ("您好，请您慢慢说。", "非常抱歉让您着急了。您是说包裹七天还没到，对吧？"):
            await say(pilot, text)
        await pilot.press("f4", "y")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReportScreen)
        scrolling = [w for w in app.screen.walk_children() if w.show_vertical_scrollbar]
        assert [w.id for w in scrolling] == ["report"]
