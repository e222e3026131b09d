"""ChoiceRow: a row of radio buttons where moving is choosing, and the choice reads without colour.

Textual's RadioSet moves a highlight with the arrows and chooses only on Space
or Enter, and draws every button with the same mark, told apart by colour alone.
A trainee who pressed → then Tab believed Drill was chosen and got Onboarding.
Here an arrow chooses at once, Enter moves on to the next field, and the chosen
button is ● where the others are ○, so a plain-text capture reads right too.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import RadioButton, RadioSet

CHOSEN = "●"
NOT_CHOSEN = "○"


class ChoiceButton(RadioButton):
    """One choice in a ChoiceRow: filled when chosen, hollow when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        """Textual draws the mark from this class attribute; here it follows the value."""
        return CHOSEN if self.value else NOT_CHOSEN


class ChoiceRow(RadioSet):
    """A RadioSet of ChoiceButtons whose arrow keys press the button they move to."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "choose(1)", show=False),
        Binding("up,left", "choose(-1)", show=False),
        Binding("enter", "app.focus_next", show=False),
    ]

    def on_mount(self) -> None:
        # RadioSet's own mount handler runs after this one and highlights the first button
        self.call_later(self._from_chosen)

    def _from_chosen(self) -> None:
        """Highlight the chosen button, so the arrows step away from what is chosen."""
        if self.pressed_index >= 0:
            self._selected = self.pressed_index

    def action_choose(self, step: int) -> None:
        """Move to the next (1) or previous (-1) choice and choose it."""
        if step > 0:
            self.action_next_button()
        else:
            self.action_previous_button()
        self.action_toggle_button()

    @property
    def chosen(self) -> str | None:
        """The id of the chosen button."""
        button = self.pressed_button
        return button.id if button is not None else None
