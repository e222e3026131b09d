"""ScenarioList: scenarios by title, language, difficulty, tags and description; broken ones too."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import events, on
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from hotseat.i18n import t
from hotseat.tui.catalog import Entry, matches
from hotseat.tui.kinsoku import KinsokuText
from hotseat.tui.render import stars
from hotseat.tui.settings import MODES

if TYPE_CHECKING:
    from hotseat.moves import Lang

MAX_PROBLEMS_SHOWN = 3


class ScenarioList(OptionList):
    """The filterable list on the home screen; choosing an entry posts Chosen."""

    @dataclass
    class Chosen(Message):
        """The trainee picked a scenario (or a broken file, to see why it is broken)."""

        entry: Entry

    def __init__(self, lang: Lang, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.entries: list[Entry] = []
        self.query_text = ""

    def set_entries(self, entries: list[Entry]) -> None:
        """Replace the list, keeping the current filter and, when possible, the highlight."""
        current = self.highlighted_entry
        # scenarios in the interface language first; the library's order within each group
        self.entries = sorted(entries, key=lambda e: e.card is None or e.card.lang != self.lang)
        self.apply_filter(self.query_text, keep=current)

    def apply_filter(self, query: str, *, keep: Entry | None = None) -> int:
        """Show only the entries matching every word of ``query``; returns how many."""
        self.query_text = query
        shown = [(i, e) for i, e in enumerate(self.entries) if matches(e, query)]
        self.clear_options()
        options: list[Option | None] = []
        for i, e in shown:
            # None draws a divider; the card wraps by Chinese line-breaking rules
            options += [Option(KinsokuText(self._prompt(e)), id=str(i)), None]
        self.add_options(options[:-1])
        if shown:
            ids = [e.path for _, e in shown]
            self.highlighted = ids.index(keep.path) if keep and keep.path in ids else 0
        playable = sum(1 for e in self.entries if not e.broken)
        broken = len(self.entries) - playable
        title = (
            t("tui.scenarios", self.lang, n=playable)
            if len(shown) == len(self.entries)
            else t("tui.scenarios_shown", self.lang, shown=len(shown), n=len(self.entries))
        )
        if broken:
            title += " · " + t("tui.broken_count", self.lang, n=broken)
        self.border_title = title
        return len(shown)

    @property
    def highlighted_entry(self) -> Entry | None:
        if self.highlighted is None or not self.option_count:
            return None
        option_id = self.get_option_at_index(self.highlighted).id
        return self.entries[int(option_id)] if option_id is not None else None

    async def _on_click(self, event: events.Click) -> None:
        """A click picks a scenario; a double click (or Enter) starts it. A single stray
        click, such as the one that dismisses a browser's start page, never starts a call."""
        event.prevent_default()  # OptionList's own handler would start it on one click
        clicked: int | None = event.style.meta.get("option")
        if clicked is None or self.get_option_at_index(clicked).disabled:
            return
        self.highlighted = clicked
        if event.chain >= 2:
            self.action_select()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self.entries[int(event.option.id)]))

    def _prompt(self, entry: Entry) -> Content:
        s = entry.card
        if s is None:
            problems = entry.problems[:MAX_PROBLEMS_SHOWN]
            more = len(entry.problems) - len(problems)
            lines = [("\n" + p, "$error") for p in problems]
            if more > 0:
                lines.append(("\n" + t("tui.more_problems", self.lang, n=more), "$text-muted"))
            return Content.assemble(
                ("✖ " + entry.label, "bold $error"),
                ("  " + t("tui.broken", self.lang), "$error"),
                *lines,
            )
        lang = self.lang
        facts = [t(f"tui.lang.{s.lang}", lang), stars(s.difficulty)]
        if set(s.modes) != set(MODES):  # say so before Enter, not after
            names = t("tui.and", lang).join(t(f"mode.{m}", lang) for m in s.modes)
            facts.append(t("tui.only_modes", lang, modes=names))
        meta = " · ".join([*facts, *s.tags])
        return Content.assemble(
            (s.title, "bold"),
            ("\n" + meta, "$text-accent"),
            ("\n" + s.description, "$text-muted"),
        )
