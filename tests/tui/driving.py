"""Driving the app in tests: start a call, say something, wait for the customer, keep messages."""

from __future__ import annotations

from typing import Any

from textual.command import CommandList
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Input

from hotseat.tui.screens.conversation import ConversationScreen
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.widgets.chat_log import ChatLog
from hotseat.tui.widgets.reply_input import ReplyInput


class Recording:
    """A message hook that keeps what the app posted."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    def __call__(self, message: Message) -> None:
        self.messages.append(message)

    def of(self, kind: type[Any]) -> list[Any]:
        """Each message once, though the hook sees it again at every step it bubbles up."""
        unique = {id(m): m for m in self.messages if isinstance(m, kind)}
        return list(unique.values())


async def settle(pilot: Pilot[None]) -> None:
    """Let workers (scenario loading, the customer typing) finish and the screen redraw."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def palette_hits(pilot: Pilot[None], query: str) -> CommandList:
    """Type into the open command palette and wait for its hits: it searches in the background."""
    await pilot.press(*query)
    hits = pilot.app.screen.query_one(CommandList)
    for _ in range(100):
        if hits.option_count:
            break
        await pilot.pause(0.05)
    await pilot.pause(0.2)
    return hits


async def start(pilot: Pilot[None], query: str = "") -> ConversationScreen:
    """From the home screen, filter and start the first matching scenario."""
    await settle(pilot)
    assert isinstance(pilot.app.screen, HomeScreen)
    if query:
        pilot.app.screen.query_one("#filter", Input).value = query
        await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, ConversationScreen)
    return screen


async def say(pilot: Pilot[None], text: str) -> None:
    reply = pilot.app.screen.query_one(ReplyInput)
    assert not reply.disabled
    reply.value = text
    await pilot.press("enter")
    await settle(pilot)


def bubbles(screen: Any, kind: str) -> list[str]:
    """What the chat shows of one kind of line: customer, trainee, silence or note."""
    chat: ChatLog = screen.query_one(ChatLog)
    return chat.said(kind)
