"""ChatLog: the call as a chat, customer on the left, trainee on the right, newest at the bottom.

Bubbles are Static widgets, so Rich measures every character by its cell width:
wide Chinese characters wrap and align like any other text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from hotseat.tui.render import highlighted

if TYPE_CHECKING:
    from hotseat.conversation import Finding

Speaker = Literal["customer", "trainee"]


class Bubble(Static):
    """One line said, titled with who said it."""

    def __init__(self, text: str | Content, *, title: str, classes: str) -> None:
        super().__init__(text, classes=classes)
        self.border_title = title


class ChatLog(VerticalScroll):
    """The transcript so far; the trainee's replies can be re-drawn with their findings marked."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._typing = Static("", id="typing")
        self._replies: dict[int, tuple[Bubble, str]] = {}

    def compose(self) -> ComposeResult:
        yield self._typing

    def on_mount(self) -> None:
        self._typing.display = False
        self.anchor()  # stay at the newest line until the trainee scrolls back

    def say(self, speaker: Speaker, title: str, text: str, *, turn: int = 0) -> Bubble:
        """Add a line; a trainee line remembers its turn so findings can mark it later."""
        bubble = Bubble(Content(text), title=title, classes=f"bubble -{speaker}")
        self._add(bubble, speaker)
        if speaker == "trainee" and turn:
            self._replies[turn] = (bubble, text)
        return bubble

    def silence(self, title: str, label: str) -> None:
        """The trainee let the clock run out: dead air, shown where a reply would be."""
        self._add(Bubble(label, title=title, classes="bubble -trainee -silence"), "trainee")

    def note(self, text: str | Content, *, classes: str = "") -> Static:
        """A line that nobody said: the scene, or how the call ended."""
        note = Static(text, classes=f"note {classes}".strip())
        self.mount(note, before=self._typing)
        return note

    def mark(self, turn: int, findings: Iterable[Finding]) -> None:
        """Underline the words in the trainee's reply that the findings quote."""
        found = [f for f in findings if f.turn == turn]
        if turn in self._replies and found:
            bubble, text = self._replies[turn]
            bubble.update(highlighted(text, found))

    def typing(self, label: str | None) -> None:
        """Show or hide "the customer is typing"."""
        self._typing.update(label or "")
        self._typing.display = label is not None

    def _add(self, bubble: Bubble, speaker: Speaker) -> None:
        self.mount(Horizontal(bubble, classes=f"row -{speaker}"), before=self._typing)
