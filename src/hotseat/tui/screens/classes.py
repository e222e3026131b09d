"""ClassesScreen: a trainer sets up classes in the app (F7): create one, fill its roster,
open its board, export its report. Drilling a class stays on the home screen (drill mode).

The screen holds no store: it posts what the trainer asked for, and the app answers
with the classes as they now stand (`show`), read and written off the UI thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from hotseat.i18n import t
from hotseat.tui.render import colon
from hotseat.tui.screens.base import HotseatScreen

if TYPE_CHECKING:
    from hotseat.moves import Lang
    from hotseat.store.records import ClassInfo

NAME_SEPARATORS = re.compile(r"[,，、;；\n]+")


def roster_names(text: str) -> list[str]:
    """Names typed in one line: separated by commas (either width), 、 or semicolons."""
    return [name.strip() for name in NAME_SEPARATORS.split(text) if name.strip()]


class ClassesScreen(HotseatScreen[None]):
    """Every class with its roster; Enter on a class opens its board, R exports its report."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "board", "key.class_board"),
        Binding("r", "report", "key.class_report"),
        Binding("escape", "close", "key.close"),
    ]
    DEFAULT_CSS = """
    ClassesScreen #classes { height: 1fr; border: round $border; }
    ClassesScreen #roster { height: auto; padding: 0 1; color: $text-muted; }
    ClassesScreen Input { margin: 0 0; }
    """

    @dataclass
    class CreateWanted(Message):
        name: str

    @dataclass
    class MembersWanted(Message):
        class_name: str
        names: list[str]

    @dataclass
    class BoardWanted(Message):
        class_name: str

    @dataclass
    class ReportWanted(Message):
        class_name: str

    def __init__(self, lang: Lang) -> None:
        super().__init__(lang)
        self.known: list[ClassInfo] = []
        self._shown = False  # the store's answer has not come yet

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield Header()
        listing = OptionList(id="classes")
        listing.border_title = t("tui.classes", lang)
        listing.border_subtitle = t("tui.classes_keys", lang)
        yield listing
        yield Static(id="roster", markup=False)
        new = Input(placeholder=t("tui.class_new_placeholder", lang), id="new-class", max_length=60)
        new.border_title = t("tui.class_new", lang)
        yield new
        members = Input(placeholder=t("tui.class_add_placeholder", lang), id="add-members")
        members.border_title = t("tui.class_add", lang)
        yield members
        yield Footer()

    def on_mount(self) -> None:
        self.title = "hotseat"
        self.sub_title = t("tui.classes", self.lang)
        self._roster()  # nothing chosen yet: nobody to add until the classes arrive

    @property
    def chosen(self) -> str | None:
        """The highlighted class."""
        listing = self.query_one("#classes", OptionList)
        index = listing.highlighted
        return self.known[index].name if index is not None and self.known else None

    def show(self, classes: list[ClassInfo], keep: str | None = None) -> None:
        """The classes as the store has them now; ``keep`` stays (or becomes) highlighted."""
        keep = keep or self.chosen
        typing = self.focused.id if isinstance(self.focused, Input) and self._shown else None
        self._shown = True
        self.known = classes
        listing = self.query_one("#classes", OptionList)
        listing.set_options(
            [
                Option(f"{c.name}  ({t('tui.members', self.lang, n=len(c.members))})")
                for c in classes
            ]
        )
        names = [c.name for c in classes]
        if names:
            listing.highlighted = names.index(keep) if keep in names else 0
        else:
            listing.set_options([Option(t("tui.no_classes_yet", self.lang), disabled=True)])
        self._roster()
        # the focus goes to the next step: name a class, fill the one just named, or pick one
        if not names:
            self.query_one("#new-class", Input).focus()
        elif typing == "new-class" and keep in names:
            self.query_one("#add-members", Input).focus()
        elif typing is None:
            listing.focus()

    @on(OptionList.OptionHighlighted, "#classes")
    def _roster(self) -> None:
        chosen = next((c for c in self.known if c.name == self.chosen), None)
        roster = self.query_one("#roster", Static)
        members = self.query_one("#add-members", Input)
        members.disabled = chosen is None
        if chosen is None:
            roster.update("")
            return
        sep = "、" if self.lang == "zh" else ", "
        names = sep.join(chosen.members) or t("tui.roster_empty", self.lang)
        roster.update(f"{chosen.name}{colon(self.lang)}{names}")
        members.border_title = t("tui.class_add_to", self.lang, name=chosen.name)

    @on(Input.Submitted, "#new-class")
    def _create(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        if name:
            event.input.clear()
            self.post_message(self.CreateWanted(name))

    @on(Input.Submitted, "#add-members")
    def _add(self, event: Input.Submitted) -> None:
        names = roster_names(event.value)
        if names and self.chosen is not None:
            event.input.clear()
            self.post_message(self.MembersWanted(self.chosen, names))

    @on(OptionList.OptionSelected, "#classes")
    def action_board(self) -> None:
        if self.chosen is not None:
            self.post_message(self.BoardWanted(self.chosen))

    def action_report(self) -> None:
        if self.chosen is not None:
            self.post_message(self.ReportWanted(self.chosen))

    def action_close(self) -> None:
        self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """B and R are letters: while a name is being typed they are part of it."""
        if action in ("board", "report"):
            return not isinstance(self.focused, Input)
        return True
