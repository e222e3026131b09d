"""LiveWatchScreen: the projector view — the live transcript and the mood, then the board.

It only reads: the watch seat has no key that writes, and the store refuses any
event from it. When the call has been saved, the class board (or the call's
score, for a call outside a class) takes the screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Footer, Header, Static

from hotseat.i18n import t
from hotseat.live import Applied, Kind
from hotseat.tui.screens.base import HotseatScreen
from hotseat.tui.widgets.chat_log import ChatLog
from hotseat.tui.widgets.mood_meter import MoodMeter

if TYPE_CHECKING:
    from hotseat.store.records import ClassBoard
    from hotseat.tui.screens.live_link import LiveLink


class LiveWatchScreen(HotseatScreen[None]):
    """A read-only seat on a live call."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.quit", "key.quit")]
    DEFAULT_CSS = """
    LiveWatchScreen #live-status { height: 3; }
    LiveWatchScreen #live-caller { width: 1fr; padding: 0 1; }
    LiveWatchScreen #live-body { height: 1fr; }
    """

    def __init__(self, link: LiveLink) -> None:
        super().__init__(link.ui_lang)
        self.link = link
        self.session = link.call.session
        self.title = f"{self.session.scenario.title} · {t('live.watch_title', self.lang)}"
        self.sub_title = f"{t('live.code', self.lang)} {self.link.info.code}"

    def compose(self) -> ComposeResult:
        persona = self.session.scenario.persona
        yield Header()
        with Horizontal(id="live-status"):
            yield Static(id="live-caller")
            yield MoodMeter(
                self.session.mood,
                label=t("mood", self.lang),
                settle_at=persona.settle_at,
                hang_up_at=persona.hang_up_at,
                id="mood",
            )
        with Horizontal(id="live-body"):  # the app's stylesheet sizes a ChatLog among siblings
            yield ChatLog(id="chat")
        yield Footer()

    def on_mount(self) -> None:
        s = self.session.scenario
        self.query_one(ChatLog).note(
            Content.assemble((s.persona.name, "bold"), "\n", s.persona.who), tag="scene"
        )
        self._status()
        self.link.follow_from(self, self.take)

    def on_unmount(self) -> None:
        self.link.stopped = True

    def take(self, batch: list[Applied]) -> None:
        chat = self.query_one(ChatLog)
        call, name = self.link.call, self.session.scenario.persona.name
        for applied in batch:
            if applied.refused is not None:
                continue
            if applied.event.kind is Kind.JOIN:
                chat.note(t("live.joined", self.lang, name=applied.event.text), tag="joined")
            if applied.result is not None:
                reply = applied.result.reply
                if reply.silent:
                    chat.silence(call.trainee or "", t("tui.silence", self.lang))
                else:
                    chat.say("trainee", call.trainee or "", reply.text, turn=reply.turn)
            if applied.said is not None:
                chat.say("customer", name, applied.said)
            if applied.ended is not None:
                outcome = t(f"outcome.{applied.ended}", self.lang)
                chat.note(f"{outcome} · {t('live.saving', self.lang)}", tag="ended")
                self.link.stopped = True
                self._board()
        self._status()

    def _status(self) -> None:
        s, call = self.session, self.link.call
        self.query_one(MoodMeter).show(s.mood)
        self.query_one("#live-caller", Static).update(
            Content.assemble(
                (s.scenario.persona.name, "bold"),
                f" · {t('live.host', self.lang)}: {self.link.info.host}",
                f" · {t('live.trainee', self.lang)}: {call.trainee or '…'}",
            )
        )

    @work(thread=True, exclusive=True, group="live-board")
    def _board(self) -> None:
        """Wait for the call to be saved, then show where it stands."""
        live, info = self.link.live, self.link.info
        saved = self.link.saved_id()
        if saved is None:
            return
        board = live.store.class_board(info.class_name, True) if info.class_name else None
        self.app.call_from_thread(self._show_board, board, saved)

    def _show_board(self, board: ClassBoard | None, session_id: int) -> None:
        from hotseat.tui.screens.class_board import ClassBoardScreen

        result = self.session.result()
        self.query_one(ChatLog).note(
            t("live.saved_score", self.lang, id=session_id, overall=result.scores.overall),
            tag="saved",
        )
        if board is not None:
            self.app.push_screen(ClassBoardScreen(board, self.lang))
