"""ChatLog: the call as a chat, customer on the left, trainee on the right, newest at the bottom.

Each line said is a framed bubble titled with who said it. Text is wrapped by
cell width, so wide Chinese characters wrap and align like any other text, and
it is wrapped again when the chat changes width. The whole chat is one widget
that draws its own lines (see BlockStack), so a new line costs no layout.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, Literal

from textual.content import Content

from hotseat.tui.render import highlighted
from hotseat.tui.widgets.block_stack import Block, BlockStack, Look

if TYPE_CHECKING:
    from hotseat.conversation import Finding

Speaker = Literal["customer", "trainee"]

BUBBLE_SHARE = 0.85  # a bubble never spans the chat, so which side it sits on shows

LOOKS = {
    "customer": Look(frame="chat-log--customer", share=BUBBLE_SHARE),
    "trainee": Look(frame="chat-log--trainee", right=True, share=BUBBLE_SHARE),
    "silence": Look(
        text="chat-log--silence",
        frame="chat-log--quiet",
        title="chat-log--trainee",
        right=True,
        share=BUBBLE_SHARE,
    ),
    "note": Look(text="chat-log--note", edge="chat-log--note-edge", gap=1),
    "typing": Look(text="chat-log--typing"),
}


class ChatLog(BlockStack):
    """The transcript so far; the trainee's replies can be re-drawn with their findings marked.

    Blocks are of kind "customer", "trainee", "silence" (the clock ran out) or
    "note" (a line nobody said, tagged by what it is about, e.g. "scene").
    """

    BOTTOM_UP = True
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "chat-log--customer",
        "chat-log--trainee",
        "chat-log--quiet",
        "chat-log--silence",
        "chat-log--note",
        "chat-log--note-edge",
        "chat-log--typing",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._replies: dict[int, tuple[Block, str]] = {}

    def on_mount(self) -> None:
        self.anchor()  # stay at the newest line until the trainee scrolls back

    def say(self, speaker: Speaker, title: str, text: str, *, turn: int = 0) -> Block:
        """Add a line; a trainee line remembers its turn so findings can mark it later."""
        block = self.add(Block(speaker, Content(text), LOOKS[speaker], title))
        if speaker == "trainee" and turn:
            self._replies[turn] = (block, text)
        return block

    def silence(self, title: str, label: str) -> Block:
        """The trainee let the clock run out: dead air, shown where a reply would be."""
        return self.add(Block("silence", Content(label), LOOKS["silence"], title))

    def note(self, text: str | Content, *, tag: str = "") -> Block:
        """A line that nobody said: the scene, or where a resumed call goes on."""
        content = text if isinstance(text, Content) else Content(text)
        return self.add(Block("note", content, LOOKS["note"], tag=tag))

    def said(self, kind: str) -> list[str]:
        """The plain text of every block of one kind, top to bottom."""
        return [b.content.plain for b in self.blocks if b.kind == kind]

    def mark(self, turn: int, findings: Iterable[Finding]) -> None:
        """Underline the words in the trainee's reply that the findings quote."""
        found = [f for f in findings if f.turn == turn]
        if turn in self._replies and found:
            block, text = self._replies[turn]
            self.redraw(block, highlighted(text, found))

    def typing(self, label: str | None) -> None:
        """Show or hide "the customer is typing" below the last line."""
        self.set_footer(None if label is None else Block("typing", Content(label), LOOKS["typing"]))
