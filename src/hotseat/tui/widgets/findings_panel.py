"""FindingsPanel: onboarding feedback beside the chat, one card per reply, with hints on request.

Cards are framed blocks of one self-drawn widget (see BlockStack), so a reply's
card is added without mounting or laying out anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual.content import Content

from hotseat.i18n import t, turn_label
from hotseat.tui.render import finding_block, group_by_rule
from hotseat.tui.widgets.block_stack import Block, BlockStack, Look

if TYPE_CHECKING:
    from hotseat.conversation import Finding
    from hotseat.moves import Lang

LOOKS = {
    "turn": Look(frame="findings-panel--faulty", title="findings-panel--title", gap=1),
    "clean": Look(frame="findings-panel--clean", title="findings-panel--title", gap=1),
    "hint": Look(frame="findings-panel--hint", gap=1),
    "empty": Look(text="findings-panel--empty"),
}


class FindingsPanel(BlockStack):
    """What each reply did wrong and what to say instead, newest at the bottom.

    Blocks are of kind "turn" (one reply's findings, or a clean reply), "hint"
    or "empty" (what the panel is for, until the first card).
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "findings-panel--faulty",
        "findings-panel--clean",
        "findings-panel--hint",
        "findings-panel--title",
        "findings-panel--empty",
    }

    def __init__(self, lang: Lang, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.border_title = t("tui.feedback", lang)
        self.add(Block("empty", Content(t("tui.feedback_empty", lang)), LOOKS["empty"]))

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
        self._show(card)

    def show_hint(self, text: str) -> None:
        """A model phrasing for where the call stands."""
        self._show(Block("hint", Content(text), LOOKS["hint"], t("tui.hint", self.lang)))

    def _show(self, card: Block) -> None:
        self.discard("empty")
        self.add(card)
        self.anchor()  # the new card comes into view, even if the trainee had scrolled back
