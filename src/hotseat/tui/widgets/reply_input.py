"""ReplyInput: the trainee's line; Enter sends it, and a multi-line paste becomes one reply."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

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

    While the customer is typing it is locked: the trainee may go on typing, but
    Enter sends nothing. Locking keeps the focus where it is, which disabling
    would not. A sent reply locks it too, and stays in the box until the screen
    takes it: the box empties in the same frame as the reply appears in the chat.
    """

    locked = False

    @dataclass
    class Sent(Message):
        """The trainee sent a reply."""

        input: ReplyInput
        text: str

    async def action_submit(self) -> None:
        text = self.value.strip()
        if not text or self.locked:
            return
        self.locked = True  # until the screen has taken it and hands the turn back
        self.post_message(self.Sent(self, text))

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # Input's own handler would paste the first line only
        joined = join_lines(event.text)
        if joined:
            if self.selection.is_empty:
                self.insert_text_at_cursor(joined)
            else:
                self.replace(joined, *self.selection)
        event.stop()
