"""The training app and its one factory, `make_app`, used by the CLI, pilot tests and snapshots.

The app wires screens to the core and the store and owns nothing else: a call
is a `hotseat.session.Session`, a report is its `SessionResult`, and saving is
the store's job. The core is imported only when the first call starts, so the
home screen comes up before any analyzer, rulebook or database driver loads.

A class drill is a lot screen under a run of calls: the store draws who is next,
that trainee's call is recorded for the class, and the board ends the round. An
interrupted call is replayed from the store and goes on where it stopped.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette, SimpleCommand
from textual.screen import Screen

from hotseat.i18n import TEXTS, t, ui_lang
from hotseat.tui.catalog import Sources, default_cache
from hotseat.tui.commands import HotseatCommands
from hotseat.tui.keys import localize_bindings
from hotseat.tui.options import DEFAULT_INTENSITY, TuiOptions, default_export_dir
from hotseat.tui.recording import Records
from hotseat.tui.screens.choice import ChoiceScreen
from hotseat.tui.screens.conversation import ConversationScreen
from hotseat.tui.screens.home import HomeScreen
from hotseat.tui.screens.lot import LotScreen
from hotseat.tui.settings import THEMES, load_remembered, save_remembered, settings_file

if TYPE_CHECKING:
    from hotseat.moves import Lang
    from hotseat.report.recommend import Recommendation
    from hotseat.scenario.model import Mode, Persona
    from hotseat.scorecard import SessionResult
    from hotseat.session import Session
    from hotseat.store import Store
    from hotseat.store.records import ClassBoard, ClassInfo, Lot, Progress, SessionRecord
    from hotseat.store.resume import Rebuilt
    from hotseat.tui.catalog import Opened
    from hotseat.tui.recording import CallLog
    from hotseat.tui.screens.classes import ClassesScreen
    from hotseat.tui.screens.progress import ProgressScreen


@dataclass(frozen=True, slots=True)
class ClassDrill:
    """A drill for a class under way: every call is on one scenario, at one intensity."""

    class_name: str
    opened: Opened
    intensity: int
    screen: LotScreen


class HotseatApp(App[None]):
    """Home → conversation → report, with help, themes and the command palette around them."""

    CSS_PATH = "hotseat.tcss"
    TITLE = "hotseat"
    COMMANDS = App.COMMANDS | {HotseatCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "key.help"),
        Binding("ctrl+t", "toggle_theme", "key.theme", show=False),
        Binding("ctrl+q", "quit", "key.quit", priority=True),
        Binding("ctrl+p", "command_palette", "key.palette", show=False, priority=True),
        Binding("ctrl+r", "correct", "key.correct", show=False),  # on a report: the judge erred
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
        self._drill: ClassDrill | None = None
        self._lots: dict[str, Lot] = {}  # drawn, not yet played: the lot stands until they play

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

    def _read_failed(self, error: str) -> None:
        self.notify(error, title=t("tui.records_failed", self.lang), severity="error", timeout=10)

    @on(HomeScreen.CatalogLoaded)
    def _catalog_loaded(self) -> None:
        if not self._warmed:
            self._warmed = True
            self._warm_up()
            self._mention_interrupted()

    def _mention_interrupted(self) -> None:
        """At start, a trainee with a call left unfinished (a crash, a closed terminal)
        hears about it, and how to go on with it."""
        home = self._home()
        trainee, lang = (home.trainee if home is not None else ""), self.lang
        if not trainee:
            return

        def read(store: Store) -> list[SessionRecord]:
            from hotseat.store import StoreError

            try:
                return [c for c in store.history(trainee) if c.status == "interrupted"]
            except StoreError:  # nobody of that name has played yet
                return []

        def say(calls: list[SessionRecord]) -> None:
            if calls:
                latest = _call_label(calls[0], lang)
                self.notify(
                    t("tui.interrupted_waiting", lang, n=len(calls), call=latest), timeout=12
                )

        def unsaid(_: str) -> None:
            """A courtesy, not a task: a store that cannot answer it says so elsewhere."""

        self.records.query(read, say, unsaid)

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
        if self._refused():
            return
        self._remember(trainee=event.trainee, mode=event.mode)
        # intensity is a drill's: any other call keeps the neutral default, whatever the
        # (hidden) drill row still shows
        intensity = event.intensity if event.mode == "drill" else DEFAULT_INTENSITY
        self._begin_call(event.opened, event.trainee, event.mode, intensity)  # type: ignore[arg-type]

    def _refused(self) -> bool:
        """No call starts when its replies could not be judged."""
        if self._core_error is not None:
            self._core_failed(self._core_error)
        return self._core_error is not None

    def _begin_call(
        self,
        opened: Opened,
        trainee: str,
        mode: Mode,
        intensity: int,
        class_name: str | None = None,
    ) -> None:
        from hotseat.session import Session

        scenario = opened.scenario
        seed = self.options.seed if self.options.seed is not None else random.randrange(2**31)
        session = Session(
            scenario,
            seed=seed,
            mode=mode,
            intensity=intensity,
            clock_seconds=self.options.clock_seconds,
        )
        log = self.records.begin(
            trainee=trainee,
            scenario=scenario,
            scenario_hash=opened.content_hash,
            mode=mode,
            seed=seed,
            intensity=intensity,
            clock_seconds=self.options.clock_seconds,
            class_name=class_name,
        )
        self._converse(session, log, trainee)

    def _converse(self, session: Session, log: CallLog, trainee: str) -> None:
        self._persona = session.scenario.persona
        self._trainee = trainee
        self.push_screen(
            ConversationScreen(
                session,
                log,
                lang=self.lang,
                trainee=trainee,
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
                export_dir=self.options.export_dir or default_export_dir(),
                back_to_draw=self._drill is not None,
            )
        )

    # -- a class drill ----------------------------------------------------------------------------

    @on(HomeScreen.ClassesWanted)
    def _offer_classes(self) -> None:
        """Classes with someone on the roster can draw lots; read off the UI thread."""

        def offer(classes: list[ClassInfo]) -> None:
            home = self._home()
            if home is not None:
                home.offer_classes([c.name for c in classes if c.members])

        self.records.query(lambda store: store.classes(), offer, self._read_failed)

    @on(HomeScreen.ClassDrillWanted)
    async def _class_drill(self, event: HomeScreen.ClassDrillWanted) -> None:
        """The lot screen goes up at once; the name follows from the store (or the standing lot)."""
        if self._refused():
            return
        lot_screen = LotScreen(event.class_name, event.opened.scenario.title, self.lang)
        drill = ClassDrill(event.class_name, event.opened, event.intensity, lot_screen)
        self._drill = drill
        self._remember(mode="drill")

        def over(_: None) -> None:
            if self._drill is drill:
                self._drill = None

        await self.push_screen(lot_screen, over)  # mounted before a name can arrive
        standing = self._lots.get(drill.class_name)
        if standing is not None:
            lot_screen.show_lot(standing)
        else:
            self._draw(drill)

    @on(LotScreen.DrawWanted)
    def _next_draw(self) -> None:
        if self._drill is not None:
            self._draw(self._drill)

    def _draw(self, drill: ClassDrill) -> None:
        """Draw through the store, which keeps the round: nobody twice until everyone has gone."""
        seed = self.options.seed

        def drawn(lot: Lot) -> None:
            self._lots[drill.class_name] = lot
            if self._drill is drill:
                drill.screen.show_lot(lot)

        def failed(reason: str) -> None:
            self._read_failed(reason)
            if self._drill is drill and drill.screen.lot is None:
                drill.screen.dismiss()  # nothing drawn: nothing to show

        if not self.records.query(lambda store: store.draw(drill.class_name, seed), drawn, failed):
            self.notify(t("tui.no_records", self.lang), severity="warning")
            drill.screen.dismiss()

    @on(LotScreen.BeginWanted)
    def _drawn_one_plays(self, event: LotScreen.BeginWanted) -> None:
        drill = self._drill
        if drill is None or self._refused():
            return
        self._lots.pop(drill.class_name, None)
        self._begin_call(
            drill.opened, event.lot.trainee, "drill", drill.intensity, drill.class_name
        )

    @on(ConversationScreen.Ended)
    def _call_ended(self, event: ConversationScreen.Ended) -> None:
        if self._drill is not None:
            self._drill.screen.call_ended(event.outcome, event.stepped_out)

    @on(LotScreen.BoardWanted)
    def _drill_board(self, event: LotScreen.BoardWanted) -> None:
        """The board of this class's drills: only calls recorded for the class count."""
        lang = self.lang

        def show(board: ClassBoard) -> None:
            from hotseat.tui.screens.class_board import ClassBoardScreen

            self.push_screen(ClassBoardScreen(board, lang))

        name = event.class_name
        self.records.query(lambda store: store.class_board(name, True), show, self._read_failed)

    # -- resuming an interrupted call ----------------------------------------------------------

    @on(HomeScreen.ResumeWanted)
    def _resume_wanted(self, event: HomeScreen.ResumeWanted) -> None:
        """List the trainee's interrupted calls, newest first, and go on with the chosen one."""
        trainee, lang = event.trainee, self.lang
        if not trainee:
            self.notify(t("tui.need_name", lang), severity="warning")
            return

        def read(store: Store) -> list[SessionRecord]:
            from hotseat.store import StoreError

            try:
                calls = store.history(trainee)
            except StoreError:  # nobody of that name has played yet
                return []
            return [c for c in calls if c.status == "interrupted"]

        def pick(calls: list[SessionRecord]) -> None:
            if not calls:
                self.notify(t("tui.no_interrupted", lang, name=trainee), timeout=6)
                return
            by_id = {str(c.id): c for c in calls}
            choices = [(key, _call_label(c, lang)) for key, c in by_id.items()]

            def chosen(key: str | None) -> None:
                if key is not None:
                    self._resume(by_id[key])

            self.push_screen(ChoiceScreen(t("tui.resume_pick", lang), choices, lang), chosen)

        if not self.records.query(read, pick, self._read_failed):
            self.notify(t("tui.no_records", lang), severity="warning")

    def _resume(self, call: SessionRecord) -> None:
        if self._refused():
            return
        home = self._home()
        paths = home.paths_of(call.scenario) if home is not None else []

        def failed(reason: str) -> None:
            self.notify(
                reason, title=t("tui.resume_failed", self.lang), severity="error", timeout=12
            )

        def resumed(rebuilt: Rebuilt, log: CallLog) -> None:
            if not rebuilt.faithful:
                self.notify(t("tui.resume_unfaithful", self.lang), severity="warning", timeout=12)
            self._converse(rebuilt.session, log, rebuilt.record.trainee)

        self.records.resume(call.id, paths, resumed, failed)

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

        if not self.records.query(read, show, self._read_failed):
            self.notify(t("tui.no_records", lang), severity="warning")

    @on(HomeScreen.ClassBoardWanted)
    async def _open_classes(self) -> None:
        """F7: the classes screen, where a trainer creates classes and fills their rosters."""
        from hotseat.tui.screens.classes import ClassesScreen

        if not self.records.enabled:
            self.notify(t("tui.no_records", self.lang), severity="warning")
            return
        screen = ClassesScreen(self.lang)
        await self.push_screen(screen)  # mounted before the classes can arrive
        self.records.query(lambda store: store.classes(), screen.show, self._read_failed)

    def on_classes_screen_create_wanted(self, event: ClassesScreen.CreateWanted) -> None:
        name, lang = event.name, self.lang

        def done(answer: tuple[bool, list[ClassInfo]]) -> None:
            created, classes = answer
            key = "tui.class_created" if created else "tui.class_exists"
            self.notify(t(key, lang, name=name), severity="information" if created else "warning")
            self._classes_changed(classes, name)

        self.records.query(
            lambda store: (store.create_class(name), store.classes()), done, self._read_failed
        )

    def on_classes_screen_members_wanted(self, event: ClassesScreen.MembersWanted) -> None:
        klass, names, lang = event.class_name, event.names, self.lang

        def done(answer: tuple[list[str], list[ClassInfo]]) -> None:
            joined, classes = answer
            sep = "、" if lang == "zh" else ", "
            if joined:
                self.notify(t("tui.class_joined", lang, name=klass, names=sep.join(joined)))
            else:
                self.notify(t("tui.class_nobody_new", lang, name=klass), severity="warning")
            self._classes_changed(classes, klass)

        self.records.query(
            lambda store: (store.add_members(klass, names), store.classes()),
            done,
            self._read_failed,
        )

    def _classes_changed(self, classes: list[ClassInfo], keep: str) -> None:
        """The classes screen and the home screen's drill choice both show the change."""
        from hotseat.tui.screens.classes import ClassesScreen

        for screen in self.screen_stack:
            if isinstance(screen, ClassesScreen):
                screen.show(classes, keep)
        home = self._home()
        if home is not None:
            home.offer_classes([c.name for c in classes if c.members])

    def on_classes_screen_board_wanted(self, event: ClassesScreen.BoardWanted) -> None:
        """The board of the class's own calls (its drills), as `report --class` counts them."""
        from hotseat.tui.screens.class_board import ClassBoardScreen

        name, lang = event.class_name, self.lang

        def show(board: ClassBoard) -> None:
            self.push_screen(ClassBoardScreen(board, lang))

        self.records.query(lambda store: store.class_board(name, True), show, self._read_failed)

    def on_classes_screen_report_wanted(self, event: ClassesScreen.ReportWanted) -> None:
        """The class report, as `hotseat report --class NAME --format html` writes it."""
        from hotseat.tui.exporting import save_or_send

        name, lang = event.class_name, self.lang

        def build(store: Store) -> str:
            from hotseat.report.html import render_html
            from hotseat.report.people import class_document

            board, calls = store.class_board(name, True), store.class_sessions(name, True)
            return render_html(class_document(board, lang, calls))

        def send(text: str) -> None:
            folder = self.options.export_dir or default_export_dir()
            save_or_send(self, text, folder=folder, who=name, what="class", fmt="html", lang=lang)

        self.records.query(build, send, self._read_failed)

    def on_progress_screen_call_wanted(self, event: ProgressScreen.CallWanted) -> None:
        """A past call's report again, from the progress list (rebuilt if it never ended)."""
        call_id, lang = event.call_id, self.lang
        sources = Sources(self.options.builtin_scenarios, self.options.scenario_dirs)

        def read(store: Store) -> tuple[SessionResult, SessionRecord, Persona]:
            from hotseat.scenario.library import load_library
            from hotseat.store.resume import rebuild

            record = store.session(call_id)
            library = load_library(sources.dirs())
            path = library.paths.get(record.scenario)
            if path is None:
                raise LookupError(t("tui.scenario_gone", lang, ref=record.scenario))
            result = store.result(call_id)
            if result is None:  # never ended: replayed from its replies, as `report` does
                result = rebuild(store, call_id, str(path)).session.result()
            return result, record, library.get(record.scenario).persona

        def show(answer: tuple[SessionResult, SessionRecord, Persona]) -> None:
            from hotseat.tui.screens.report import ReportScreen

            result, record, persona = answer
            folder = self.options.export_dir or default_export_dir()
            self.push_screen(
                ReportScreen(
                    result, lang=lang, trainee=record.trainee, persona=persona, export_dir=folder
                )
            )

        self.records.query(read, show, self._read_failed)

    def on_progress_screen_practise_wanted(self, event: ProgressScreen.PractiseWanted) -> None:
        """Play the recommended scenario in practice mode (a handler by name, so the
        progress screen and its plotting are only imported when someone opens it)."""
        self.pop_screen()
        home = self.screen
        if isinstance(home, HomeScreen):
            home.start_scenario(event.scenario, "practice")

    def _home(self) -> HomeScreen | None:
        """The home screen, wherever it is in the stack."""
        return next((s for s in self.screen_stack if isinstance(s, HomeScreen)), None)

    # -- around the call ---------------------------------------------------------------------

    def action_correct(self) -> None:
        """Mark a finding on the report wrong, or a missed fault; a trainer reviews it later."""
        from hotseat.rules.docs import texts
        from hotseat.tui.screens.correction import CorrectionScreen, Wish, mark_latest
        from hotseat.tui.screens.report import ReportScreen

        report = self.screen
        if isinstance(report, ReportScreen):
            trainee, said = report.trainee, texts(self.lang).labels["review_saved"]

            def save(wish: Wish | None) -> None:
                if wish is not None:
                    job = lambda store: mark_latest(store, trainee, wish)  # noqa: E731
                    self.records.query(job, lambda _: self.notify(said), self._read_failed)

            self.push_screen(CorrectionScreen(report.result, lang=self.lang), save)

    def action_help(self) -> None:
        from hotseat.tui.screens.help import HelpScreen
        from hotseat.tui.screens.report import ReportScreen

        if isinstance(self.screen, HelpScreen):
            return
        keys = [
            (t("tui.help.everywhere", self.lang), self.BINDINGS),
            (t("tui.help.home", self.lang), HomeScreen.BINDINGS),
            (t("tui.help.lot", self.lang), LotScreen.BINDINGS),
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

    def action_command_palette(self) -> None:
        """Textual's command palette, with its search line in the interface language."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            from hotseat.tui.palette import LocalizedPalette

            self.push_screen(
                LocalizedPalette(
                    placeholder=t("tui.palette_search", self.lang),
                    no_matches=t("tui.palette_none", self.lang),
                )
            )

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own entries in the interface language, minus its theme picker: ours
        toggles and is remembered. An entry a newer Textual adds keeps its own words."""
        for command in super().get_system_commands(screen):
            if command.callback == self.action_change_theme:
                continue
            key = f"tui.sys.{command.title}"
            if key in TEXTS:
                command = command._replace(
                    title=t(key, self.lang), help=t(f"{key}.help", self.lang)
                )
            yield command

    def palette_commands(self) -> list[SimpleCommand]:
        """Commands offered on every screen."""
        lang = self.lang
        return [
            SimpleCommand(t("key.help", lang), self.action_help, t("tui.cmd.help", lang)),
            SimpleCommand(t("key.theme", lang), self.action_toggle_theme, t("tui.cmd.theme", lang)),
        ]


def _call_label(call: SessionRecord, lang: Lang) -> str:
    """One interrupted call in the resume list: when, what, how far it got."""
    started = call.started_at.astimezone().strftime("%Y-%m-%d %H:%M")
    mode = t(f"mode.{call.mode}", lang)
    return f"{started}  {call.title} · {mode} · {t('tui.turns', lang, n=call.turns)}"


def _as_store(store: object) -> Store:
    """An injected store must be able to begin a call; anything else is a wiring mistake."""
    if not callable(getattr(store, "begin", None)):
        raise TypeError(f"{type(store).__name__} cannot record calls: it has no begin()")
    return store  # type: ignore[return-value]


def make_app(options: TuiOptions | None = None) -> HotseatApp:
    """The app as the CLI, the pilot tests and the snapshot tests all run it."""
    return HotseatApp(options or TuiOptions())
