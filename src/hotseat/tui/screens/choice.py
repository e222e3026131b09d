"""ChoiceScreen: pick one of a few named things (e.g. which class's board to show)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from hotseat.i18n import t
from hotseat.tui.keys import localize_bindings

if TYPE_CHECKING:
    from hotseat.moves import Lang


class ChoiceScreen(ModalScreen[str | None]):
    """Dismisses with the chosen key, or None on Escape; a modal has no footer, so it says so."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "key.close")]

    def __init__(self, question: str, choices: Sequence[tuple[str, str]], lang: Lang) -> None:
        """``choices`` are (key, label) pairs, shown in order."""
        super().__init__()
        localize_bindings(self, lang)
        self.question = question
        self.choices = choices
        self.lang: Lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(id="choice"):
            yield Static(self.question, id="choice-question")
            yield OptionList(*[Option(label, id=key) for key, label in self.choices])
            yield Static(t("tui.choice_keys", self.lang), id="choice-keys")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
