"""HelpScreen: every key of every screen, and every rule explained as `hotseat rules CODE` does."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Header, Markdown, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from hotseat.i18n import t
from hotseat.tui.screens.base import HotseatScreen

if TYPE_CHECKING:
    from hotseat.moves import Lang

KEY_NAMES = {"escape": "Esc", "enter": "Enter", "pagedown": "PgDn", "pageup": "PgUp"}


def key_table(sections: Sequence[tuple[str, Sequence[BindingType]]], lang: Lang) -> Content:
    """The described bindings of each screen, as an aligned two-column list."""
    rows: list[tuple[str, str, str]] = []
    for title, bindings in sections:
        for b in Binding.make_bindings(bindings):
            if b.description:
                key = "+".join(
                    KEY_NAMES.get(k, k.upper() if len(k) <= 3 else k.capitalize())
                    for k in b.key.split("+")
                )
                rows.append((title, key, t(b.description, lang)))
    width = max(cell_len(key) for _, key, _ in rows)
    parts: list[tuple[str, str] | str] = []
    last = ""
    for title, key, text in rows:
        if title != last:
            parts.append((("\n" if last else "") + title + "\n", "bold $text-accent"))
            last = title
        parts += [("  " + key.ljust(width) + "  ", "bold"), text + "\n"]
    return Content.assemble(*parts)


class HelpScreen(HotseatScreen[None]):
    """Keys first; the rules tab lists every rule and shows the highlighted one in full."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "key.close")]

    def __init__(self, *, lang: Lang, keys: Sequence[tuple[str, Sequence[BindingType]]]) -> None:
        super().__init__(lang)
        self.keys = keys

    def compose(self) -> ComposeResult:
        from hotseat.rules import RULES

        lang = self.lang
        yield Header()
        yield Static(t("tui.help.close", lang), id="help-close")
        with TabbedContent(id="help"):
            with TabPane(t("tui.help.keys", lang), id="keys"), VerticalScroll():
                yield Static(key_table(self.keys, lang), id="key-table")
                yield Static(t("tui.help.about", lang), id="about")
            with TabPane(t("tui.help.rules", lang), id="rules"), Horizontal():
                yield OptionList(
                    *[
                        Option(
                            Content.assemble((r.code, "bold"), " ", r.doc(lang).title), id=r.code
                        )
                        for r in RULES
                    ],
                    id="rule-list",
                )
                with VerticalScroll(id="rule-doc"):
                    yield Markdown(id="rule-text")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "hotseat"
        self.sub_title = t("key.help", self.lang)
        self._show_rule(0)

    @on(OptionList.OptionHighlighted, "#rule-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_rule(event.option_index)

    def _show_rule(self, index: int) -> None:
        from hotseat.rules import RULES

        doc = RULES[index].doc(self.lang)
        self.query_one("#rule-text", Markdown).update(doc.render())

    def action_close(self) -> None:
        self.dismiss()
