"""FindingsPanel: onboarding feedback beside the chat, one card per reply, with hints on request.

The panel is a titled frame around a column of cards (a BlockStack): the frame
stays still and the column scrolls inside it, so a reply's card is added without
mounting or laying out anything, and without redrawing the frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content

from hotseat.i18n import t, turn_label
from hotseat.tui.render import finding_block, group_by_rule
from hotseat.tui.widgets.block_stack import Block, BlockStack, Look

if TYPE_CHECKING:
    from hotseat.conversation import Finding
    from hotseat.moves import Lang

LOOKS = {
    "turn": Look(frame="feedback-cards--faulty", title="feedback-cards--title", gap=1),
    "clean": Look(frame="feedback-cards--clean", title="feedback-cards--title", gap=1),
    "hint": Look(frame="feedback-cards--hint", gap=1),
    "empty": Look(text="feedback-cards--empty"),
}


class FeedbackCards(BlockStack):
    """The cards, newest at the bottom and in view.

    Blocks are of kind "turn" (one reply's findings, or a clean reply), "hint"
    or "empty" (what the panel is for, until the first card).
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "feedback-cards--faulty",
        "feedback-cards--clean",
        "feedback-cards--hint",
        "feedback-cards--title",
        "feedback-cards--empty",
    }

    def show(self, card: Block) -> None:
        """Add a card and bring it into view; one taller than the panel shows from its top,
        where its first finding is, not from its last tip."""
        self.discard("empty")
        self.anchor()  # the new card comes into view, even if the trainee had scrolled back
        self.add(card)
        drawn = len(card.lines or ())  # drawn by now when the panel is on screen
        if drawn > self.scrollable_content_region.height:
            self.set_scroll(None, self.virtual_size.height - drawn)
            self.release_anchor()  # held at the card's top until the next one comes


class FindingsPanel(Vertical):
    """What each reply did wrong and what to say instead."""

    def __init__(self, lang: Lang, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.border_title = t("tui.feedback", lang)
        self.cards = FeedbackCards()
        self.cards.add(Block("empty", Content(t("tui.feedback_empty", lang)), LOOKS["empty"]))

    def compose(self) -> ComposeResult:
        yield self.cards

    @property
    def blocks(self) -> tuple[Block, ...]:
        """Every card, top to bottom."""
        return self.cards.blocks

    def show_turn(self, turn: int, findings: Sequence[Finding]) -> None:
        """The findings of one reply (or of the whole call when ``turn`` is 0)."""
        if findings:
            blocks = [
                finding_block(code, items, self.lang)
                for code, items in group_by_rule(findings).items()
            ]
            card = Block("turn", Content("\n\n").join(blocks), LOOKS["turn"])
        else:
            clean = Content.assemble(("✓ ", "bold $success"), t("tui.turn_clean", self.lang))
            card = Block("turn", clean, LOOKS["clean"])
        card.title = turn_label(turn, self.lang)
        self.cards.show(card)

    def show_hint(self, text: str) -> None:
        """A model phrasing for where the call stands."""
        self.cards.show(Block("hint", Content(text), LOOKS["hint"], t("tui.hint", self.lang)))
