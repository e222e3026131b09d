"""ConfirmScreen: a yes/no question that must be answered before something final happens."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from hotseat.tui.keys import localize_bindings

if TYPE_CHECKING:
    from hotseat.moves import Lang


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True for yes; Escape or "no" keep things as they were.

    A risky question (ending a call) waits on "no", so a stray Enter changes
    nothing; a helpful offer (start in the mode the scenario is for) waits on
    "yes". Each button names its key, as the modal has no footer.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", "key.no"),
        Binding("y", "answer(True)", show=False),
        Binding("n", "answer(False)", show=False),
    ]

    def __init__(self, question: str, *, yes: str, no: str, lang: Lang, risky: bool = True) -> None:
        super().__init__()
        localize_bindings(self, lang)
        self.question = question
        self.yes = yes
        self.no = no
        self.risky = risky

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm", classes="-risky" if self.risky else "-offer"):
            yield Static(self.question, id="question", markup=False)
            with Horizontal(id="answers"):
                yield Button(
                    f"{self.yes} (y)", variant="error" if self.risky else "success", id="yes"
                )
                yield Button(
                    f"{self.no} (n)", variant="primary" if self.risky else "default", id="no"
                )

    def on_mount(self) -> None:
        self.query_one("#no" if self.risky else "#yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
