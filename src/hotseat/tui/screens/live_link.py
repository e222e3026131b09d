"""LiveLink: one seat's line into a live call — reads the log in a thread, folds it on the UI.

The store is read by a waiting loop off the UI thread (LISTEN on PostgreSQL,
polling on SQLite) and each new batch of events is folded on the UI thread, so
the screen and the fold never race. Writes go through one writer thread, in order;
a refused write comes back as a readable message. The seat never changes its
fold directly: what it wrote is shown when it comes back from the log, exactly as
every other seat sees it, which is also what a seat rejoining the call replays.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from hotseat.i18n import t
from hotseat.live import Applied, Kind, LiveCall, Seat

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from hotseat.live import Event
    from hotseat.moves import Lang
    from hotseat.scenario.model import Scenario
    from hotseat.store.live import LiveInfo, LiveStore

WAIT_SECONDS = 0.5  # a quiet log is re-read this often, so a stopped seat notices
RECORD_WAIT_SECONDS = 15.0
RECORD_POLL_SECONDS = 0.05


class LiveLink:
    """A seat (host, trainee or watch) on one live call."""

    def __init__(
        self, live: LiveStore, info: LiveInfo, scenario: Scenario, seat: Seat, ui_lang: Lang
    ) -> None:
        self.live = live
        self.ui_lang: Lang = ui_lang
        self.info = info
        self.seat: Seat = seat
        self.call = LiveCall(
            scenario,
            seed=info.seed,
            intensity=info.intensity,
            clock_seconds=info.clock_seconds,
            trainee=info.trainee,
        )
        self._fetched = 0
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hotseat-live")
        self._post: Callable[[Callable[[], None]], None] = lambda job: job()
        self.stopped = False

    # -- reading -------------------------------------------------------------------------

    def read(self, until: Callable[[Applied], bool] | None = None) -> list[Applied]:
        """Fold what the log holds now (blocking: at start, before a screen is up).

        With ``until``, stops after the first applied event it accepts, so a
        screen can open at that point and take the rest as it comes.
        """
        out: list[Applied] = []
        for event in self.live.events(self.info.id, self._fetched):
            self._fetched = event.seq
            applied = self.call.apply(event)
            out.append(applied)
            if until is not None and until(applied):
                break
        return out

    def follow_from(self, screen: Screen[Any], deliver: Callable[[list[Applied]], None]) -> None:
        """Follow the log in a thread worker of ``screen`` (one per seat; every seat's screen
        starts it on mount the same way); ``stopped`` ends it when the screen goes."""
        screen.run_worker(
            lambda: self.follow(screen.app, deliver),
            thread=True,
            exclusive=True,
            group="live-follow",
        )

    def follow(self, app: App[object], deliver: Callable[[list[Applied]], None]) -> None:
        """Wait for new events until stopped; each batch is folded and delivered on the UI.

        Runs in a thread worker of the seat's screen.
        """
        self._post = app.call_later  # type: ignore[assignment]  # its bool answer is unused
        listener = self.live.listener()
        try:
            while not self.stopped:
                events = listener.wait(self.info.id, self._fetched, WAIT_SECONDS)
                if events and not self.stopped:
                    self._fetched = events[-1].seq
                    app.call_from_thread(self._fold, events, deliver)
        finally:
            listener.close()

    def _fold(self, events: list[Event], deliver: Callable[[list[Applied]], None]) -> None:
        deliver(self.call.replay(events))

    def stop(self) -> None:
        self.stopped = True
        self._writer.shutdown(wait=True)

    # -- writing -------------------------------------------------------------------------

    def write(
        self,
        kind: Kind,
        text: str = "",
        value: float | None = None,
        note: str = "",
        *,
        refused: Callable[[str], None] | None = None,
    ) -> None:
        """Append to the log in order, off the UI thread; ``refused`` hears why it could not."""
        self._writer.submit(self._append, kind, text, value, note, refused)

    def _append(
        self,
        kind: Kind,
        text: str,
        value: float | None,
        note: str,
        refused: Callable[[str], None] | None,
    ) -> None:
        from hotseat.store import StoreError
        from hotseat.store.live import LiveRefused

        try:
            self.live.append(self.info.id, self.seat, kind, text, value, note)
        except LiveRefused as exc:
            why = t(exc.key, self.ui_lang, code=self.info.code, **exc.values)
        except StoreError as exc:
            why = str(exc)
        else:
            return
        if refused is not None:
            self._post(lambda: refused(why))

    def finish_if_over(self) -> None:
        """The script ended the call: write the END it needs (another seat may beat us to it)."""
        session = self.call.session
        if self.seat != "watch" and self.call.closed is None and session.outcome is not None:
            self.write(Kind.END, session.outcome)

    def record(self, done: Callable[[int | None], None] | None = None) -> None:
        """Save the ended call like any other; only the first seat to claim it does.

        ``done`` hears the saved call's id whichever seat saved it (None if nobody
        managed to within a while).
        """

        def save() -> None:
            saved = self.live.record(self.live.get(self.info.id), self.call)
            if saved is None:
                saved = self.saved_id()
            if done is not None:
                self._post(lambda: done(saved))

        self._writer.submit(save)

    def saved_id(self, wait: float = RECORD_WAIT_SECONDS) -> int | None:
        """The id the ended call was saved under, waiting for whichever seat is saving it."""
        deadline = time.monotonic() + wait
        while True:
            saved = self.live.get(self.info.id).session_id
            if saved is not None or time.monotonic() >= deadline:
                return saved
            time.sleep(RECORD_POLL_SECONDS)
