"""HomeScreen: who is training (or which class draws lots), in which mode, on which scenario."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import SimpleCommand
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Footer, Header, Input, RadioButton, RadioSet, Select, Static

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
from hotseat.tui.screens.base import HotseatScreen
from hotseat.tui.widgets.scenario_list import ScenarioList

if TYPE_CHECKING:
    from hotseat.moves import Lang

MODES = ("onboarding", "drill", "practice")
INTENSITIES = (1, 2, 3)


class HomeScreen(HotseatScreen[None]):
    """The launch pad; Enter starts the highlighted scenario."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start", "key.start"),
        Binding("f5", "reload", "key.reload"),
        Binding("f6", "progress", "key.progress"),
        Binding("f7", "class_board", "key.class_board"),
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
                with RadioSet(id="mode") as modes:
                    modes.border_title = t("tui.mode", lang)
                    for mode in MODES:
                        yield RadioButton(
                            t(f"mode.{mode}", lang), value=mode == self.initial_mode, id=mode
                        )
                with RadioSet(id="intensity") as levels:
                    levels.border_title = t("tui.intensity", lang)
                    for level in INTENSITIES:
                        yield RadioButton(
                            str(level), value=level == self.initial_intensity, id=f"i{level}"
                        )
            with Horizontal(id="class-row"):
                yield Static(t("tui.class", lang), id="class-label")
                yield Select([], prompt=t("tui.class_none", lang), id="drill-class", compact=True)
            yield Static(id="mode-about")
            search = Input(placeholder=t("tui.filter_placeholder", lang), id="filter")
            search.border_title = t("tui.filter", lang)
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
        pressed = self.query_one("#mode", RadioSet).pressed_button
        return pressed.id if pressed is not None and pressed.id else MODES[0]

    @property
    def intensity(self) -> int:
        pressed = self.query_one("#intensity", RadioSet).pressed_button
        return int(pressed.id[1:]) if pressed is not None and pressed.id else 2

    @property
    def drill_class(self) -> str | None:
        """The class drawing lots, when a drill for a class is set up."""
        choice = self.query_one("#drill-class", Select)
        if self.mode != "drill" or not self.query_one("#class-row").display or choice.is_blank():
            return None
        return str(choice.value)

    @on(RadioSet.Changed, "#mode")
    def _mode_changed(self) -> None:
        drill = self.mode == "drill"
        self.query_one("#intensity").display = drill
        if not drill:
            self.query_one("#class-row").display = False
        else:
            self.post_message(self.ClassesWanted())
        self._about()

    @on(Select.Changed, "#drill-class")
    def _about(self) -> None:
        about = self.query_one("#mode-about", Static)
        klass = self.drill_class
        if klass is None:
            about.update(t(f"mode.{self.mode}.about", self.lang))
        else:
            about.update(t("tui.class_about", self.lang, name=klass))

    def offer_classes(self, names: list[str]) -> None:
        """Offer these classes for a drill (none: the row stays hidden)."""
        choice: Select[str] = self.query_one("#drill-class", Select)
        kept = self.drill_class
        choice.set_options([(name, name) for name in names])
        if kept in names:
            choice.value = kept
        self.query_one("#class-row").display = self.mode == "drill" and bool(names)
        self._about()

    def set_mode(self, mode: str) -> None:
        """Choose a mode from outside the radio set (the command palette)."""
        self.query_one(f"#{mode}", RadioButton).value = True

    # -- starting a call -------------------------------------------------------------

    @on(Input.Submitted, "#trainee")
    def _name_given(self) -> None:
        self.query_one("#filter", Input).focus()

    @on(Input.Submitted, "#filter")
    def action_start(self) -> None:
        """Start the highlighted scenario."""
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
        klass = self.drill_class if mode == "drill" else None
        trainee = self.trainee
        if not trainee and klass is None:  # in a class drill, the lot names who plays
            self.notify(t("tui.need_name", self.lang), severity="warning")
            self.query_one("#trainee", Input).focus()
            return
        try:
            opened = open_entry(entry)
        except OpenFailed as exc:
            self.notify(
                str(exc), title=t("tui.scenario_failed", self.lang), severity="error", timeout=12
            )
            self.reload()
            return
        if mode not in opened.scenario.modes:
            self.notify(
                t(
                    "tui.mode_unsuited",
                    self.lang,
                    title=opened.scenario.title,
                    mode=t(f"mode.{mode}", self.lang),
                ),
                severity="warning",
            )
            return
        if klass is not None:
            self.post_message(self.ClassDrillWanted(opened, klass, self.intensity))
        else:
            self.post_message(self.StartCall(opened, trainee, mode, self.intensity))

    # -- elsewhere -------------------------------------------------------------------

    @property
    def trainee(self) -> str:
        return self.query_one("#trainee", Input).value.strip()

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
                t("key.class_board", lang), self.action_class_board, t("tui.cmd.class_board", lang)
            ),
            SimpleCommand(t("key.resume", lang), self.action_resume, t("tui.cmd.resume", lang)),
        ]
        for mode in MODES:
            commands.append(
                SimpleCommand(
                    f"{t('tui.mode', lang)}: {t(f'mode.{mode}', lang)}",
                    partial(self.set_mode, mode),
                    t(f"mode.{mode}.about", lang),
                )
            )
        return commands
