"""HomeScreen: who is training (or which class draws lots), in which mode, on which scenario."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import SimpleCommand
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Footer, Header, Input, RadioButton, Select, Static

from hotseat.i18n import t
from hotseat.tui.catalog import (
    Entry,
    Opened,
    OpenFailed,
    Sources,
    load_catalog,
    open_entry,
    read_cache,
    write_cache,
)
from hotseat.tui.render import colon
from hotseat.tui.screens.base import HotseatScreen
from hotseat.tui.screens.confirm import ConfirmScreen
from hotseat.tui.settings import MODES
from hotseat.tui.widgets.choice_row import ChoiceButton, ChoiceRow
from hotseat.tui.widgets.scenario_list import ScenarioList

if TYPE_CHECKING:
    from hotseat.moves import Lang

INTENSITIES = (1, 2, 3)


class HomeScreen(HotseatScreen[None]):
    """The launch pad; Enter starts the highlighted scenario."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start", "key.start"),
        Binding("f2", "next_mode", "key.mode"),
        Binding("f5", "reload", "key.reload", show=False),  # for authors; F1 lists it
        Binding("f6", "progress", "key.progress"),
        Binding("f7", "class_board", "key.classes"),
        Binding("f8", "resume", "key.resume"),
        Binding("down", "move('cursor_down')", show=False),
        Binding("up", "move('cursor_up')", show=False),
        Binding("pagedown", "move('page_down')", show=False),
        Binding("pageup", "move('page_up')", show=False),
    ]

    @dataclass
    class StartCall(Message):
        """Everything needed to begin a call; the app turns it into a Session."""

        opened: Opened
        trainee: str
        mode: str
        intensity: int

    @dataclass
    class ClassDrillWanted(Message):
        """A drill for a class: lots decide who faces the customer, one call at a time."""

        opened: Opened
        class_name: str
        intensity: int

    class ClassesWanted(Message):
        """Drill mode is on: which classes could draw lots?"""

    @dataclass
    class ResumeWanted(Message):
        """The trainee wants to go on with one of their interrupted calls."""

        trainee: str

    @dataclass
    class ProgressWanted(Message):
        """The trainee asked for their history and what to practise next."""

        trainee: str

    class ClassBoardWanted(Message):
        """Someone asked for the class results."""

    @dataclass
    class CatalogLoaded(Message):
        """The scenario list was (re)loaded."""

        entries: list[Entry]

    def __init__(
        self,
        *,
        lang: Lang,
        sources: Sources,
        cache: Path,
        trainee: str,
        mode: str,
        intensity: int,
    ) -> None:
        super().__init__(lang)
        self.sources = sources
        self.cache = cache
        self.initial_trainee = trainee
        self.initial_mode = mode if mode in MODES else MODES[0]
        self.initial_intensity = intensity if intensity in INTENSITIES else 2
        self._listed = False  # the scenario list has been read at least once
        self._start_when_listed = False  # Enter came while it was still loading

    # -- layout ------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield Header()
        with Vertical(id="home"):
            with Horizontal(id="setup"):
                trainee = Input(
                    self.initial_trainee,
                    placeholder=t("tui.trainee_placeholder", lang),
                    id="trainee",
                    max_length=60,
                )
                trainee.border_title = t("tui.trainee", lang)
                yield trainee
                with ChoiceRow(id="mode") as modes:
                    modes.border_title = t("tui.mode", lang)
                    for mode in MODES:
                        yield ChoiceButton(
                            t(f"mode.{mode}", lang), value=mode == self.initial_mode, id=mode
                        )
                with ChoiceRow(id="intensity") as levels:
                    levels.border_title = t("tui.intensity", lang)
                    for level in INTENSITIES:
                        yield ChoiceButton(
                            str(level), value=level == self.initial_intensity, id=f"i{level}"
                        )
            with Horizontal(id="class-row"):
                yield Static(t("tui.class", lang), id="class-label")
                yield Select([], prompt=t("tui.class_none", lang), id="drill-class", compact=True)
            yield Static(id="mode-about")
            yield Static(id="intensity-about")
            # typed text adds to the filter, also when typing on a choice row brought it here
            search = Input(
                placeholder=t("tui.filter_placeholder", lang), id="filter", select_on_focus=False
            )
            search.border_title = t("tui.filter", lang)
            search.border_subtitle = t("tui.filter_keys", lang)  # the footer cannot show Enter
            yield search
            with Vertical(id="list-box"):
                yield ScenarioList(lang, id="scenarios")
                yield Static(t("tui.loading", lang), id="list-status")
        yield Footer()

    def on_mount(self) -> None:
        self.title = "hotseat"
        self.sub_title = t("tui.subtitle", self.lang)
        self.query_one("#class-row").display = False  # until the store names some classes
        self._mode_changed()
        self._intensity_about()
        target = "#filter" if self.initial_trainee else "#trainee"
        self.query_one(target, Input).focus()
        self.call_after_refresh(self._load, from_cache=True)  # draw first, then read files

    # -- the scenario list ---------------------------------------------------------

    def reload(self) -> None:
        """Read the scenario folders again, in the background."""
        self._load()

    @work(thread=True, exclusive=True, group="catalog")
    def _load(self, from_cache: bool = False) -> None:
        key = self.sources.key()
        if from_cache and (cached := read_cache(self.cache, key)) is not None:
            self.post_message(self.CatalogLoaded(cached))
        entries = load_catalog(self.sources.dirs())
        self.post_message(self.CatalogLoaded(entries))
        write_cache(self.cache, key, entries)

    @on(CatalogLoaded)
    def _loaded(self, event: CatalogLoaded) -> None:
        listing = self.query_one(ScenarioList)
        listing.set_entries(event.entries)
        self._show_count(listing.apply_filter(self.query_one("#filter", Input).value))
        self._listed = True
        if self._start_when_listed:
            self._start_when_listed = False
            self.action_start()

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        self._show_count(self.query_one(ScenarioList).apply_filter(event.value))

    def _show_count(self, shown: int) -> None:
        status = self.query_one("#list-status", Static)
        listing = self.query_one(ScenarioList)
        status.display = shown == 0
        if not listing.entries:
            status.update(t("tui.no_scenarios", self.lang))
        elif shown == 0:
            status.update(t("tui.no_match", self.lang, q=listing.query_text))

    def action_move(self, action: str) -> None:
        getattr(self.query_one(ScenarioList), f"action_{action}")()

    # -- mode ------------------------------------------------------------------------

    @property
    def mode(self) -> str:
        return self.query_one("#mode", ChoiceRow).chosen or MODES[0]

    @property
    def intensity(self) -> int:
        chosen = self.query_one("#intensity", ChoiceRow).chosen
        return int(chosen[1:]) if chosen else 2

    @property
    def drill_class(self) -> str | None:
        """The class drawing lots, when a drill for a class is set up."""
        choice = self.query_one("#drill-class", Select)
        if self.mode != "drill" or not self.query_one("#class-row").display or choice.is_blank():
            return None
        return str(choice.value)

    @on(ChoiceRow.Changed, "#mode")
    def _mode_changed(self) -> None:
        drill = self.mode == "drill"
        self._show("#intensity", drill)
        self._show("#intensity-about", drill)
        if not drill:
            self._show("#class-row", False)
        else:
            self.post_message(self.ClassesWanted())
        self._about()

    @on(Select.Changed, "#drill-class")
    def _about(self) -> None:
        """Name the chosen mode in words, so it reads right without colour."""
        lang, mode = self.lang, self.mode
        klass = self.drill_class
        about = (
            t(f"mode.{mode}.about", lang)
            if klass is None
            else t("tui.class_about", lang, name=klass)
        )
        chosen = t("tui.mode", lang) + colon(lang) + t(f"mode.{mode}", lang)
        self.query_one("#mode-about", Static).update(f"{chosen} — {about}")

    def on_screen_resume(self) -> None:
        """Back on the home screen: a class may have been set up meanwhile (on the classes
        screen, or with `hotseat class` in another terminal), so drill mode asks again."""
        if self.is_mounted and self.mode == "drill":
            self.post_message(self.ClassesWanted())

    @on(ChoiceRow.Changed, "#intensity")
    def _intensity_about(self) -> None:
        """What the chosen drill intensity does to the customer, in words."""
        n, lang = self.intensity, self.lang
        about = t("tui.intensity.about", lang, n=n, about=t(f"tui.intensity.{n}", lang))
        self.query_one("#intensity-about", Static).update(about)

    def offer_classes(self, names: list[str]) -> None:
        """Offer these classes for a drill (none: the row stays hidden)."""
        choice: Select[str] = self.query_one("#drill-class", Select)
        kept = self.drill_class
        choice.set_options([(name, name) for name in names])
        if kept in names:
            choice.value = kept
        self._show("#class-row", self.mode == "drill" and bool(names))
        self._about()

    def _show(self, selector: str, shown: bool) -> None:
        """Show or hide a drill-only part; focus on a part going away moves to the mode row."""
        part = self.query_one(selector)
        focused = self.focused
        if not shown and focused is not None and part in (focused, *focused.ancestors):
            self.query_one("#mode").focus()
        part.display = shown

    def set_mode(self, mode: str) -> None:
        """Choose a mode from outside the mode row (F2, the command palette, a confirmation)."""
        self.query_one(f"#{mode}", RadioButton).value = True

    def action_next_mode(self) -> None:
        """F2: the next mode, from wherever the focus is."""
        self.set_mode(MODES[(MODES.index(self.mode) + 1) % len(MODES)])

    def on_key(self, event: events.Key) -> None:
        """Typing on a choice row or the list goes to the filter: no Tab needed to search."""
        if not (event.is_printable and event.character and event.character.strip()):
            return
        if isinstance(self.focused, ChoiceRow | ScenarioList):
            search = self.query_one("#filter", Input)
            search.focus()
            search.action_end()
            search.insert_text_at_cursor(event.character)
            event.stop()

    # -- starting a call -------------------------------------------------------------

    @on(Input.Submitted, "#trainee")
    def _name_given(self) -> None:
        self.query_one("#filter", Input).focus()

    @on(Input.Submitted, "#filter")
    def action_start(self) -> None:
        """Start the highlighted scenario; pressed while the list still loads, start it then."""
        if not self._listed:
            self._start_when_listed = True
            self.query_one("#list-status", Static).update(t("tui.loading_then_start", self.lang))
            return
        entry = self.query_one(ScenarioList).highlighted_entry
        if entry is None:
            self.notify(t("tui.pick_scenario", self.lang), severity="warning")
            return
        self._start(entry)

    def start_scenario(self, key: str, mode: str) -> None:
        """Start the scenario addressed as LANG/ID (e.g. the one progress recommends)."""
        self.set_mode(mode)
        listing = self.query_one(ScenarioList)
        entry = next((e for e in listing.entries if e.card and e.card.key == key), None)
        if entry is None:
            self.notify(t("tui.scenario_gone", self.lang, ref=key), severity="warning")
            return
        self._start(entry, mode)

    @on(ScenarioList.Chosen)
    def _chosen(self, event: ScenarioList.Chosen) -> None:
        self._start(event.entry)

    def _start(self, entry: Entry, mode: str | None = None) -> None:
        mode = mode or self.mode
        if not self._named(mode):
            return
        try:
            opened = open_entry(entry)
        except OpenFailed as exc:
            self.notify(
                str(exc), title=t("tui.scenario_failed", self.lang), severity="error", timeout=12
            )
            self.reload()
            return
        if mode in opened.scenario.modes:
            self._launch(opened, mode)
        else:
            self._offer_mode(opened, mode)

    def _named(self, mode: str) -> bool:
        """Someone must be named to face the customer; in a class drill, the lot names them."""
        klass = self.drill_class if mode == "drill" else None
        if self.trainee or klass is not None:
            return True
        self.notify(t("tui.need_name", self.lang), severity="warning")
        self.query_one("#trainee", Input).focus()
        return False

    def _launch(self, opened: Opened, mode: str) -> None:
        klass = self.drill_class if mode == "drill" else None
        if klass is not None:
            self.post_message(self.ClassDrillWanted(opened, klass, self.intensity))
        else:
            self.post_message(self.StartCall(opened, self.trainee, mode, self.intensity))

    def _offer_mode(self, opened: Opened, mode: str) -> None:
        """The scenario is not meant for this mode: offer the first mode it is meant for."""
        lang, suited = self.lang, opened.scenario.modes
        offered = suited[0]
        question = t(
            "tui.mode_offer",
            lang,
            title=opened.scenario.title,
            modes=t("tui.and", lang).join(t(f"mode.{m}", lang) for m in suited),
            mode=t(f"mode.{mode}", lang),
            offered=t(f"mode.{offered}", lang),
        )

        def answered(yes: bool | None) -> None:
            if yes and self._named(offered):
                self.set_mode(offered)
                self._launch(opened, offered)

        self.app.push_screen(
            ConfirmScreen(
                question,
                yes=t("tui.start_in", lang, mode=t(f"mode.{offered}", lang)),
                no=t("key.no", lang),
                lang=lang,
                risky=False,
            ),
            answered,
        )

    # -- elsewhere -------------------------------------------------------------------

    @property
    def trainee(self) -> str:
        return self.query_one("#trainee", Input).value.strip()

    def host_live(self) -> None:
        """Host a live drill on the highlighted scenario: the name box names the instructor."""
        from hotseat.tui.screens.live_setup import host_live

        entry = self.query_one(ScenarioList).highlighted_entry
        host_live(self, entry, instructor=self.trainee, class_name=self.drill_class)

    def action_reload(self) -> None:
        self.reload()

    def action_progress(self) -> None:
        self.post_message(self.ProgressWanted(self.trainee))

    def action_class_board(self) -> None:
        self.post_message(self.ClassBoardWanted())

    def action_resume(self) -> None:
        self.post_message(self.ResumeWanted(self.trainee))

    def paths_of(self, key: str) -> list[Path]:
        """The listed files of the scenario addressed as LANG/ID (one per folder that has it)."""
        entries = self.query_one(ScenarioList).entries
        return [e.path for e in entries if e.card is not None and e.card.key == key]

    def palette_commands(self) -> list[SimpleCommand]:
        """What the command palette offers on this screen."""
        lang = self.lang
        commands = [
            SimpleCommand(t("key.start", lang), self.action_start, t("tui.cmd.start", lang)),
            SimpleCommand(t("key.reload", lang), self.reload, t("tui.cmd.reload", lang)),
            SimpleCommand(
                t("key.progress", lang), self.action_progress, t("tui.cmd.progress", lang)
            ),
            SimpleCommand(
                t("key.classes", lang), self.action_class_board, t("tui.cmd.class_board", lang)
            ),
            SimpleCommand(t("key.resume", lang), self.action_resume, t("tui.cmd.resume", lang)),
            SimpleCommand(t("live.home.host", lang), self.host_live, t("live.home.about", lang)),
        ]
        for mode in MODES:
            commands.append(
                SimpleCommand(
                    t("tui.mode", lang) + colon(lang) + t(f"mode.{mode}", lang),
                    partial(self.set_mode, mode),
                    t(f"mode.{mode}.about", lang),
                )
            )
        return commands
