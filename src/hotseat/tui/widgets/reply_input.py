"""ReplyInput: the trainee's line; Enter sends it, and a multi-line paste becomes one reply."""

from __future__ import annotations

import unicodedata
from collections import deque
from dataclasses import dataclass
from typing import Any

from textual import events
from textual.message import Message
from textual.widgets import Input


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def join_lines(text: str) -> str:
    """One reply from pasted lines: Chinese lines run together, other lines join with a space."""
    out = ""
    for line in (part.strip() for part in text.splitlines()):
        if not line:
            continue
        if out and not (_wide(out[-1]) or _wide(line[0])):
            out += " "
        out += line
    return out


class ReplyInput(Input):
    """A single-line input that never splits a pasted reply and never sends a blank one.

    While the customer is typing it is locked: the trainee may go on typing, and
    Enter queues what is in the box (the box empties for the next line) to be sent
    the moment the turn comes back, so no Enter is lost and no two replies are glued
    together. Locking keeps the focus where it is, which disabling would not. A
    sent reply stays in the box until the screen takes it: the box empties in the
    same frame as the reply appears in the chat.
    """

    locked = False

    @dataclass
    class Sent(Message):
        """The trainee sent a reply; ``queued`` when it waited for the customer to finish."""

        input: ReplyInput
        text: str
        queued: bool = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._queued: deque[str] = deque()
        self._in_flight = False  # sent from the box, not yet taken by the screen

    @property
    def queued(self) -> tuple[str, ...]:
        """Replies sent while the customer was typing, oldest first."""
        return tuple(self._queued)

    async def action_submit(self) -> None:
        text = self.value.strip()
        if not text or self._in_flight:
            return
        if self.locked:
            self.queue(text)
            self.clear()
            return
        self._in_flight = True
        self.post_message(self.Sent(self, text))

    def queue(self, text: str) -> None:
        """Send this reply when the turn comes back."""
        self._queued.append(text)

    def taken(self) -> None:
        """The screen has the reply that was in the box: empty it for the next one."""
        self._in_flight = False
        self.clear()

    def unlock(self) -> None:
        """The trainee's turn: the oldest queued reply, if any, goes now."""
        self.locked = False
        if self._queued:
            self.post_message(self.Sent(self, self._queued.popleft(), queued=True))

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # Input's own handler would paste the first line only
        joined = join_lines(event.text)
        if joined:
            if self.selection.is_empty:
                self.insert_text_at_cursor(joined)
            else:
                self.replace(joined, *self.selection)
        event.stop()
