"""The training app and its one factory, `make_app`, used by the CLI, pilot tests and snapshots.

The app wires screens to the core and the store and owns nothing else: a call
is a `hotseat.session.Session`, a report is its `SessionResult`, and saving is
the store's job. The core is imported only when the first call starts, so the
home screen comes up before any analyzer, rulebook or database driver loads.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import SimpleCommand
from textual.screen import Screen

from hotseat.i18n import t, ui_lang
from hotseat.tui.catalog import Sources, default_cache
from hotseat.tui.commands import HotseatCommands
from hotseat.tui.keys import localize_bindings
from hotseat.tui.options import TuiOptions
from hotseat.tui.recording import Records
from hotseat.tui.screens.choice import ChoiceScreen
from hotseat.tui.screens.conversation import ConversationScreen
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.settings import THEMES, load_remembered, save_remembered, settings_file

if TYPE_CHECKING:
    from hotseat.report.recommend import Recommendation
    from hotseat.scenario.model import Persona
    from hotseat.store import Store
    from hotseat.store.records import ClassBoard, ClassInfo, Progress
    from hotseat.tui.screens.progress import ProgressScreen


class HotseatApp(App[None]):
    """Home → conversation → report, with help, themes and the command palette around them."""

    CSS_PATH = "hotseat.tcss"
    TITLE = "hotseat"
    COMMANDS = App.COMMANDS | {HotseatCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "key.help"),
        Binding("ctrl+t", "toggle_theme", "key.theme", show=False),
        Binding("ctrl+q", "quit", "key.quit", priority=True),
    ]

    def __init__(self, options: TuiOptions) -> None:
        super().__init__()
        self.options = options
        self.lang = ui_lang(options.lang)
        localize_bindings(self, self.lang)
        self.settings_path = options.settings_path or settings_file()
        self.remembered = load_remembered(self.settings_path)
        self.theme = self.remembered.theme
        if options.steady:
            self.animation_level = "none"
        self.records = Records(
            enabled=options.record,
            url=options.db,
            store=_as_store(options.store) if options.store is not None else None,
            post=self._post,
            on_error=self._record_failed,
        )
        self._warmed = False
        self._core_error: str | None = None
        self._persona: Persona | None = None
        self._trainee = ""

    # -- start and stop ----------------------------------------------------------------

    def on_mount(self) -> None:
        options, remembered = self.options, self.remembered
        self.push_screen(
            HomeScreen(
                lang=self.lang,
                sources=Sources(options.builtin_scenarios, options.scenario_dirs),
                cache=options.catalog_cache or default_cache(),
                trainee=options.trainee or remembered.trainee,
                mode=options.mode or remembered.mode,
                intensity=options.intensity,
            )
        )

    def on_unmount(self) -> None:
        self.records.close()

    def _post(self, callback: Callable[[], None]) -> None:
        """From the records thread into the app's queue, without waiting for it to run
        (call_from_thread would wait, and deadlock with close() on the way out)."""
        self.call_later(callback)

    def _record_failed(self, error: str) -> None:
        self.notify(error, title=t("tui.record_failed", self.lang), severity="error", timeout=10)

    @on(HomeScreen.CatalogLoaded)
    def _catalog_loaded(self) -> None:
        if not self._warmed:
            self._warmed = True
            self._warm_up()

    @work(thread=True, group="warm-up")
    def _warm_up(self) -> None:
        """Load the analyzer and the rulebook while the trainee is still choosing.

        If they cannot load, no call could be judged: say so now, and refuse calls,
        rather than fail on the trainee's first reply.
        """
        try:
            from hotseat.language import analyze
            from hotseat.rules import Rulebook

            Rulebook.default()
            analyze("您好，请问有什么可以帮您？", "zh")
            analyze("Hello, how can I help?", "en")
        except Exception as exc:  # broken built-in data: a clear message, not a traceback
            self.call_from_thread(self._core_failed, f"{type(exc).__name__}: {exc}")

    def _core_failed(self, reason: str) -> None:
        self._core_error = reason
        self.notify(reason, title=t("tui.core_failed", self.lang), severity="error", timeout=30)

    # -- the flow of a call ----------------------------------------------------------------

    @on(HomeScreen.StartCall)
    def _start_call(self, event: HomeScreen.StartCall) -> None:
        if self._core_error is not None:
            self._core_failed(self._core_error)
            return
        from hotseat.session import Session

        self._remember(trainee=event.trainee, mode=event.mode)
        scenario = event.opened.scenario
        seed = self.options.seed if self.options.seed is not None else random.randrange(2**31)
        session = Session(
            scenario,
            seed=seed,
            mode=event.mode,  # type: ignore[arg-type]
            intensity=event.intensity,
            clock_seconds=self.options.clock_seconds,
        )
        log = self.records.begin(
            trainee=event.trainee,
            scenario=scenario,
            scenario_hash=event.opened.content_hash,
            mode=event.mode,  # type: ignore[arg-type]
            seed=seed,
            intensity=event.intensity,
            clock_seconds=self.options.clock_seconds,
        )
        self._persona = scenario.persona
        self._trainee = event.trainee
        self.push_screen(
            ConversationScreen(
                session,
                log,
                lang=self.lang,
                trainee=event.trainee,
                clock=self.options.clock,
                typing_delay=self.options.typing_delay,
            )
        )

    @on(ConversationScreen.ReportWanted)
    def _show_report(self, event: ConversationScreen.ReportWanted) -> None:
        from hotseat.tui.screens.report import ReportScreen

        assert self._persona is not None  # a report only follows a call this app started
        self.switch_screen(
            ReportScreen(
                event.result,
                lang=self.lang,
                trainee=self._trainee,
                persona=self._persona,
                export_dir=self.options.export_dir or Path.cwd(),
            )
        )

    # -- the training records ------------------------------------------------------------------

    @on(HomeScreen.ProgressWanted)
    def _progress(self, event: HomeScreen.ProgressWanted) -> None:
        """The trainee's history and next scenario, read off the UI thread."""
        trainee, lang = event.trainee, self.lang
        if not trainee:
            self.notify(t("tui.need_name", lang), severity="warning")
            return
        sources = Sources(self.options.builtin_scenarios, self.options.scenario_dirs)

        def read(store: Store) -> tuple[Progress, Recommendation | None]:
            from hotseat.report.recommend import recommend
            from hotseat.scenario.library import load_library

            progress = store.progress(trainee)
            return progress, recommend(load_library(sources.dirs()).scenarios, progress, lang)

        def show(answer: tuple[Progress, Recommendation | None]) -> None:
            from hotseat.tui.screens.progress import ProgressScreen

            self.push_screen(ProgressScreen(*answer, lang))

        if not self.records.query(read, show):
            self.notify(t("tui.no_records", lang), severity="warning")

    @on(HomeScreen.ClassBoardWanted)
    def _class_board(self) -> None:
        """Pick a class (when there are several), then show its board."""
        lang = self.lang

        def chosen(name: str | None) -> None:
            if name:
                self.records.query(lambda store: store.class_board(name), show)

        def show(board: ClassBoard) -> None:
            from hotseat.tui.screens.class_board import ClassBoardScreen

            self.push_screen(ClassBoardScreen(board, lang))

        def pick(classes: list[ClassInfo]) -> None:
            if not classes:
                self.notify(t("tui.no_classes", lang), severity="warning", timeout=8)
            elif len(classes) == 1:
                chosen(classes[0].name)
            else:
                choices = [(c.name, f"{c.name} ({len(c.members)})") for c in classes]
                self.push_screen(ChoiceScreen(t("tui.pick_class", lang), choices, lang), chosen)

        if not self.records.query(lambda store: store.classes(), pick):
            self.notify(t("tui.no_records", lang), severity="warning")

    def on_progress_screen_practise_wanted(self, event: ProgressScreen.PractiseWanted) -> None:
        """Play the recommended scenario in practice mode (a handler by name, so the
        progress screen and its plotting are only imported when someone opens it)."""
        self.pop_screen()
        home = self.screen
        if isinstance(home, HomeScreen):
            home.start_scenario(event.scenario, "practice")

    # -- around the call ---------------------------------------------------------------------

    def action_help(self) -> None:
        from hotseat.tui.screens.help import HelpScreen
        from hotseat.tui.screens.report import ReportScreen

        if isinstance(self.screen, HelpScreen):
            return
        keys = [
            (t("tui.help.everywhere", self.lang), self.BINDINGS),
            (t("tui.help.home", self.lang), HomeScreen.BINDINGS),
            (t("tui.help.call", self.lang), ConversationScreen.BINDINGS),
            (t("tui.help.report", self.lang), ReportScreen.BINDINGS),
        ]
        self.push_screen(HelpScreen(lang=self.lang, keys=keys))

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]
        self._remember(theme=self.theme)

    def _remember(self, **changes: str) -> None:
        self.remembered = replace(self.remembered, **changes)
        error = save_remembered(self.settings_path, self.remembered)
        if error:
            self.notify(error, title=t("tui.settings_failed", self.lang), severity="warning")

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own entries, minus its theme picker: ours toggles and is remembered."""
        return (
            c for c in super().get_system_commands(screen) if c.callback != self.action_change_theme
        )

    def palette_commands(self) -> list[SimpleCommand]:
        """Commands offered on every screen."""
        lang = self.lang
        return [
            SimpleCommand(t("key.help", lang), self.action_help, t("tui.cmd.help", lang)),
            SimpleCommand(t("key.theme", lang), self.action_toggle_theme, t("tui.cmd.theme", lang)),
        ]


def _as_store(store: object) -> Store:
    """An injected store must be able to begin a call; anything else is a wiring mistake."""
    if not callable(getattr(store, "begin", None)):
        raise TypeError(f"{type(store).__name__} cannot record calls: it has no begin()")
    return store  # type: ignore[return-value]


def make_app(options: TuiOptions | None = None) -> HotseatApp:
    """The app as the CLI, the pilot tests and the snapshot tests all run it."""
    return HotseatApp(options or TuiOptions())
