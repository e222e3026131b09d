"""Records: saves every call to the training store turn by turn, off the UI thread and in order.

The store is opened lazily on one writer thread, so the home screen never waits
for database drivers or migrations, and the writes of a call happen in the order
they were said. A store that cannot be opened or written to costs the trainee a
notification, never the call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from hotseat.scenario.model import Mode, Scenario
    from hotseat.scorecard import SessionResult
    from hotseat.session import TurnResult
    from hotseat.store import Recorder, Store
    from hotseat.store.resume import Rebuilt

T = TypeVar("T")


class Records:
    """The app's single way into the store; every write runs on one background thread."""

    def __init__(
        self,
        *,
        enabled: bool,
        url: str | None = None,
        store: Store | None = None,
        post: Callable[[Callable[[], None]], None],
        on_error: Callable[[str], None],
    ) -> None:
        """``post`` hands a function to the UI loop from the writer thread without waiting;
        ``on_error`` is then called there with a readable reason."""
        self.enabled = enabled or store is not None
        self._url = url
        self._store = store
        self._owned = store is None  # a store we opened is ours to close
        self._failed = False
        self._post = post
        self._on_error = on_error
        self._writer: ThreadPoolExecutor | None = None

    def begin(
        self,
        *,
        trainee: str,
        scenario: Scenario,
        scenario_hash: str,
        mode: Mode,
        seed: int,
        intensity: int,
        clock_seconds: float,
        class_name: str | None = None,
    ) -> CallLog:
        """Start saving a call; returns the log the conversation writes its turns to.

        ``class_name`` files the call under a class, as a class drill does.
        """
        log = CallLog(self)

        def begin() -> None:
            store = self._open()
            log.attach(
                store.begin(
                    trainee,
                    scenario,
                    scenario_hash,
                    mode,
                    seed,
                    intensity=intensity,
                    clock_seconds=clock_seconds,
                    class_name=class_name,
                )
            )

        self._submit(log, begin)
        return log

    def resume(
        self,
        session_id: int,
        candidates: Sequence[Path],
        done: Callable[[Rebuilt, CallLog], None],
        failed: Callable[[str], None],
    ) -> bool:
        """Replay an interrupted call and reopen it, so its next turns are saved where it stopped.

        ``candidates`` are the files that may hold its scenario (every listed file
        with its LANG/ID); the one whose bytes match the stored hash is replayed,
        else the built-in scenario of that name. ``done`` gets the rebuilt call and
        its log on the UI; ``failed`` a readable reason. False when there are no records.
        """
        log = CallLog(self)

        def reopen(store: Store) -> Rebuilt:
            from hotseat.store.resume import rebuild

            same = _played_on(candidates, store.session(session_id).scenario_hash)
            rebuilt = rebuild(store, session_id, str(same) if same else None)
            log.attach(store.reopen(session_id))
            return rebuilt

        return self.query(reopen, lambda rebuilt: done(rebuilt, log), failed)

    def query(
        self,
        job: Callable[[Store], T],
        done: Callable[[T], None],
        failed: Callable[[str], None] | None = None,
    ) -> bool:
        """Read from the store after the pending writes; ``done`` gets the answer on the UI.

        If the job raises, ``failed`` gets the reason there instead (by default the
        same handler as a failed write). Returns False at once when there are no
        records to read.
        """
        if not self.enabled or self._failed:
            return False

        def read() -> None:
            store = self._open()
            try:
                answer = job(store)
            except Exception as exc:  # a missing class, a changed scenario: say why
                if failed is None:
                    raise
                reason = f"{type(exc).__name__}: {exc}"
                self._post(lambda: failed(reason))
                return
            self._post(lambda: done(answer))

        self._submit(CallLog(self), read)
        return True

    def close(self) -> None:
        """Wait for the pending writes, so the last turn of a call is never lost on exit."""
        if self._writer is not None:
            self._writer.shutdown(wait=True)
            self._writer = None
        if self._owned and self._store is not None:
            self._store.close()
            self._store = None

    def _open(self) -> Store:
        if self._store is None:
            from hotseat.store import open_store

            self._store = open_store(self._url)
        return self._store

    def _submit(self, log: CallLog, job: Callable[[], None]) -> None:
        if not self.enabled or self._failed or log.broken:
            return
        if self._writer is None:
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hotseat-records")
        self._writer.submit(self._run, log, job)

    def _run(self, log: CallLog, job: Callable[[], None]) -> None:
        if self._failed or log.broken:
            return
        try:
            job()
        except Exception as exc:  # any driver or disk error: report it, keep the call going
            log.broken = True
            if self._store is None:
                self._failed = True
            reason = f"{type(exc).__name__}: {exc}"
            self._post(lambda: self._on_error(reason))


def _played_on(candidates: Sequence[Path], digest: str) -> Path | None:
    """The first file whose bytes are the ones the call was played on."""
    from hotseat.scenario.library import content_hash

    for path in candidates:
        try:
            if content_hash(path) == digest:
                return path
        except OSError:  # a listed file that has gone since: not the one
            continue
    return None


class CallLog:
    """The writes of one call; a call whose log broke stops writing, and says so once."""

    def __init__(self, records: Records) -> None:
        self._records = records
        self._recorder: Recorder | None = None
        self.broken = False

    def attach(self, recorder: Recorder) -> None:
        self._recorder = recorder

    def turn(self, result: TurnResult) -> None:
        """Save one exchange as soon as it happened."""
        self._records._submit(self, lambda: self._require().turn(result))

    def finish(self, result: SessionResult, *, stepped_out: bool = False) -> None:
        """Save the end of the call; ``stepped_out`` marks a drill the trainee walked out of."""
        self._records._submit(self, lambda: self._require().finish(result, stepped_out=stepped_out))

    def _require(self) -> Recorder:
        if self._recorder is None:
            raise RuntimeError("the call was never opened in the store")
        return self._recorder
