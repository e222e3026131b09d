"""Two (or three) real app instances on one live call, each with its own store connection."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from hotseat.live.events import Kind, Seat
from hotseat.scenario.model import Scenario
from hotseat.store import Store, open_store
from hotseat.store.live import LiveInfo, LiveStore
from hotseat.tui.options import TuiOptions
from hotseat.tui.screens.live_app import LiveApp
from hotseat.tui.screens.live_link import LiveLink
from hotseat.tui.widgets.chat_log import ChatLog
from hotseat.tui.widgets.reply_input import ReplyInput

SIZE = (120, 40)


class Seats:
    """Opens each seat as its own app on its own engine, as separate processes would."""

    def __init__(self, url: str, tmp: Path, info: LiveInfo, scenario: Scenario) -> None:
        self.url, self.tmp, self.info, self.scenario = url, tmp, info, scenario
        self.stores: list[Store] = []
        self.stack = AsyncExitStack()
        self.pilots: list[Pilot[None]] = []

    def app(self, seat: Seat, trainee: str = "") -> LiveApp:
        store = open_store(self.url)
        self.stores.append(store)
        live = LiveStore(store)
        if seat == "trainee":
            live.append(self.info.id, "trainee", Kind.JOIN, trainee)
        link = LiveLink(live, live.get(self.info.id), self.scenario, seat, "en")
        options = TuiOptions(
            lang="en",
            builtin_scenarios=False,
            record=False,
            typing_delay=0,
            settings_path=self.tmp / f"{seat}.json",
            catalog_cache=self.tmp / f"{seat}-catalog.json",
            steady=True,
        )
        return LiveApp(options, link, trainee)

    async def open(self, seat: Seat, trainee: str = "") -> Pilot[None]:
        app = self.app(seat, trainee)
        pilot: Pilot[None] = await self.stack.enter_async_context(app.run_test(size=SIZE))
        self.pilots.append(pilot)
        return pilot

    async def close(self) -> None:
        for pilot in self.pilots:  # screens still mounting must finish before their app closes
            await pilot.pause(0.1)
        await self.stack.aclose()
        for store in self.stores:
            store.close()


async def until(pilot: Pilot[None], check: Callable[[], Any], timeout: float = 30.0) -> None:
    """Let the app run until ``check()`` holds (the other seat writes through the store)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not check():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting on {pilot.app.screen!r}")
        await pilot.pause(0.02)


def said(pilot: Pilot[None], kind: str) -> list[str]:
    """The lines of one kind on the seat's transcript (none while the screen is composing)."""
    chats = pilot.app.screen.query(ChatLog)
    return chats.first().said(kind) if chats else []


async def reply(pilot: Pilot[None], text: str) -> None:
    """The trainee types a reply and presses Enter, once the customer has spoken."""
    box = pilot.app.screen.query_one(ReplyInput)
    await until(pilot, lambda: not getattr(pilot.app.screen, "locked", True))
    box.value = text
    await pilot.press("enter")
