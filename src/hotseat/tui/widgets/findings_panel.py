"""FindingsPanel: onboarding feedback beside the chat, one card per reply, with hints on request."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from hotseat.i18n import t, turn_label
from hotseat.tui.render import finding_block, group_by_rule

if TYPE_CHECKING:
    from hotseat.conversation import Finding
    from hotseat.moves import Lang


class FindingsPanel(VerticalScroll):
    """What each reply did wrong and what to say instead, newest at the bottom."""

    def __init__(self, lang: Lang, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.border_title = t("tui.feedback", lang)

    def compose(self) -> ComposeResult:
        yield Static(t("tui.feedback_empty", self.lang), classes="card -empty")

    def show_turn(self, turn: int, findings: Sequence[Finding]) -> None:
        """The findings of one reply (or of the whole call when ``turn`` is 0)."""
        self.query(".-empty").remove()
        card = Static(classes="card -clean" if not findings else "card")
        card.border_title = turn_label(turn, self.lang)
        if findings:
            blocks = [
                finding_block(code, items, self.lang)
                for code, items in group_by_rule(findings).items()
            ]
            card.update(Content("\n\n").join(blocks))
        else:
            card.update(Content.assemble(("✓ ", "bold $success"), t("tui.turn_clean", self.lang)))
        self._add(card)

    def show_hint(self, text: str) -> None:
        """A model phrasing for where the call stands."""
        self.query(".-empty").remove()
        card = Static(Content(text), classes="card -hint")
        card.border_title = t("tui.hint", self.lang)
        self._add(card)

    def _add(self, card: Static) -> None:
        self.mount(card)
        self.scroll_end(animate=False)  # runs after the card is laid out
