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
