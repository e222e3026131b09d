"""`hotseat score`: the training rules applied to real call transcripts, in bulk."""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

import click

from hotseat.cli.output import tolerant_output
from hotseat.cli.rulebook_options import load_rulebook, rulebook_from_options, split_codes

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult, Pool

    from distributed import Future

    from hotseat.bulk import CallScorer, ScoredCall, Summary
    from hotseat.conversation import Finding
    from hotseat.moves import Lang
    from hotseat.rules import Rulebook
    from hotseat.shares import Share
    from hotseat.tables import Columns
    from hotseat.transcripts import CallRecord

BATCH = 256  # calls handed to a worker at once: big enough to amortize, small enough to stream
IN_FLIGHT = 2  # batches per worker queued ahead, so memory stays flat on huge input
AREAS = ("AP", "PR", "CT", "ET", "EM", "overall")


@dataclass(frozen=True, slots=True)
class Options:
    """What every worker needs to build the same scorer and formatter as the parent."""

    fmt: str = "jsonl"
    lang: Lang | None = None
    rulebook: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    columns: Columns = field(default_factory=lambda: _columns())

    def load_rulebook(self) -> Rulebook:
        """The rulebook for this run; RulebookError or ValueError when it cannot be used."""
        return load_rulebook(self.rulebook, self.select, self.ignore)


@dataclass(frozen=True, slots=True)
class Chunk:
    """One batch of calls, scored and rendered: all that crosses back from a worker."""

    out: str
    errors: list[str]
    summary: Summary
    size: int = 0  # bytes of the input file this chunk read (a share), for the progress bar


FINDINGS_KEPT = 4096  # encoded findings remembered by a formatter (emptied when full)


class Formatter:
    """Renders scored calls as JSON Lines, CSV rows or a fixed-width table.

    A JSON line is ``ScoredCall.to_json()`` encoded, byte for byte, but each
    finding is encoded once: the judge hands out the same immutable finding for
    the same evidence, and real calls repeat scripted lines, so most findings of
    a batch have been encoded before.
    """

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self._encode = json.JSONEncoder(ensure_ascii=False).encode
        self._findings: dict[int, tuple[Finding, str]] = {}

    def header(self) -> str:
        if self.fmt == "csv":
            return self._csv([["id", "source", "lang", "replies", *AREAS, "codes"]])
        if self.fmt == "table":
            return f"{'id':<28} {'replies':>7} " + " ".join(f"{a:>7}" for a in AREAS) + "  codes\n"
        return ""

    def rows(self, calls: list[ScoredCall]) -> str:
        scored = [c for c in calls if c.error is None]
        if self.fmt == "jsonl":
            return "".join(map(self._json_line, scored))
        if self.fmt == "csv":
            return self._csv(
                [
                    [c.id, c.source, c.lang, c.replies, *self._areas(c), self._codes(c)]
                    for c in scored
                ]
            )
        return "".join(
            f"{c.id[:28]:<28} {c.replies:>7} "
            + " ".join(f"{v:>7}" for v in self._areas(c))
            + f"  {self._codes(c)}\n"
            for c in scored
        )

    def footer(self, summary: Summary, skipped_codes: list[str]) -> str:
        """The human summary that ends a table; the other formats keep stdout machine-readable."""
        if self.fmt != "table":
            return ""
        lines = [
            "",
            f"{summary.calls} calls, {summary.replies} replies, {summary.skipped} skipped",
            "findings per rule:",
            *(f"  {code}  {n}" for code, n in sorted(summary.by_rule.items(), key=_most)),
            "overall score distribution:",
            *(f"  {bin_:>6}  {n:>7}" for bin_, n in summary.distribution().items()),
            "not judged without a scenario: " + (" ".join(skipped_codes) or "none"),
        ]
        return "\n".join(lines) + "\n"

    def _json_line(self, call: ScoredCall) -> str:
        verdict = self._encode(call.verdict_json())  # "{...}": the findings go before its brace
        findings = ", ".join(map(self._finding_json, call.findings))
        return f'{verdict[:-1]}, "findings": [{findings}]}}\n'

    def _finding_json(self, finding: Finding) -> str:
        kept = self._findings.get(id(finding))
        if kept is None or kept[0] is not finding:  # the entry holds it: its id is not reused
            if len(self._findings) >= FINDINGS_KEPT:
                self._findings.clear()
            kept = self._findings[id(finding)] = (finding, self._encode(finding.to_json()))
        return kept[1]

    @staticmethod
    def _areas(call: ScoredCall) -> list[int]:
        assert call.scores is not None
        areas = call.scores.to_json()
        return [areas[a] for a in AREAS]

    @staticmethod
    def _codes(call: ScoredCall) -> str:
        return " ".join(sorted({f.code for f in call.findings}))

    @staticmethod
    def _csv(rows: list[list[object]]) -> str:
        from hotseat.report.tabular import defused

        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for row in rows:  # an id or a source like =HYPERLINK(…) is text, not a formula
            writer.writerow([defused(v) if isinstance(v, str) else v for v in row])
        return buffer.getvalue()


class Worker:
    """Scores a batch and renders it, so a worker process sends back text and counters only."""

    def __init__(self, options: Options, rulebook: Rulebook | None = None) -> None:
        from hotseat.bulk import CallScorer

        self.scorer: CallScorer = CallScorer(rulebook or options.load_rulebook(), options.lang)
        self.formatter = Formatter(options.fmt)

    def run_all(self, records: Iterable[CallRecord], size: int = 0) -> Chunk:
        """Every call of a share, scored a batch at a time, as one chunk."""
        from hotseat.bulk import Summary, batched

        chunks = [self.run(batch) for batch in batched(records, BATCH)]
        summary = Summary()
        for chunk in chunks:
            summary.merge(chunk.summary)
        out = "".join(c.out for c in chunks)
        return Chunk(out, [e for c in chunks for e in c.errors], summary, size)

    def run(self, records: list[CallRecord]) -> Chunk:
        from hotseat.bulk import Summary

        try:
            scored = self.scorer.score_many(records)  # one batch for the learned reader
        except Exception:  # one call spoiled the batch: score them one by one to name it
            scored = [self._score(r) for r in records]
        summary = Summary()
        for call in scored:
            summary.add(call)
        errors = [f"{c.source}: skipped: {c.error}" for c in scored if c.error is not None]
        return Chunk(self.formatter.rows(scored), errors, summary)

    def _score(self, record: CallRecord) -> ScoredCall:
        """The command's one boundary: a call that cannot be scored is skipped with its
        reason and its file:line, and the calls around it are still scored."""
        from hotseat.bulk import ScoredCall

        try:
            return self.scorer.score(record)
        except Exception as exc:
            reason = f"cannot score this call ({type(exc).__name__}: {exc})"
            return ScoredCall(record.id, record.source, error=reason)


def _columns() -> Columns:
    from hotseat.tables import Columns

    return Columns()


_worker: Worker | None = None


def _settle() -> None:
    """Take what start-up built (lexicons, automata, rule texts) out of the garbage collector's
    sight: a long batch makes many short-lived objects, and every full collection would walk
    those large, permanent tables again (about 6% of a run's time, measured)."""
    gc.freeze()


def _init_worker(options: Options) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle, once
    _worker = Worker(options)
    _settle()


# A call as plain tuples (id, source, error, ((speaker, text), ...)): pickled to a worker
# in a quarter of the time the dataclasses take, which the parent would otherwise spend.
Packed = tuple[str, str, str | None, tuple[tuple[str, str], ...]]


def _pack(record: CallRecord) -> Packed:
    return record.id, record.source, record.error, tuple((t.speaker, t.text) for t in record.turns)


def _run_task(task: Share | list[Packed]) -> Chunk:
    assert _worker is not None, "the pool initializer did not run"
    return run_task(_worker, task)


def run_task(worker: Worker, task: Share | list[Packed]) -> Chunk:
    """A worker's job: a share of a file it reads itself, or calls the parent read (stdin)."""
    from hotseat.shares import Share, read
    from hotseat.transcripts import CallRecord, Turn

    if isinstance(task, Share):
        end = task.end if task.end is not None else _size(task.name)
        return worker.run_all(read(task), end - task.start)
    packed = task
    records = [
        CallRecord(id_, source, tuple(Turn(s, t) for s, t in turns), error)  # type: ignore[arg-type]
        for id_, source, error, turns in packed
    ]
    return worker.run(records)


def _size(name: str) -> int:
    try:
        return Path(name).stat().st_size
    except OSError:
        return 0


def _tasks(
    names: tuple[str, ...], stdin: IO[bytes], columns: Columns
) -> Iterator[Share | list[Packed]]:
    """The work for ``--jobs N`` in input order: each file as shares its workers read; stdin
    and other streams, which only this process can read, as batches of calls."""
    from hotseat.bulk import batched
    from hotseat.shares import plan
    from hotseat.transcripts import CallRecord

    for name in names:
        if name == "-" or not Path(name).is_file():  # a pipe (<(…)) cannot be cut, nor seen twice
            for batch in batched(Inputs((name,), stdin, columns).records(), BATCH):
                yield [_pack(r) for r in batch]
            continue
        try:
            yield from plan(name, columns)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            yield [_pack(CallRecord(name, name, error=f"cannot read: {reason}"))]


class Inputs:
    """The named inputs read one after another, with how far through them the reading is."""

    def __init__(self, names: tuple[str, ...], stdin: IO[bytes], columns: Columns) -> None:
        self.names = names
        self.stdin = stdin
        self.columns = columns
        self.total = self._total_bytes(names)
        self._done = 0
        self._current: IO[bytes] | None = None

    @staticmethod
    def _total_bytes(names: tuple[str, ...]) -> int | None:
        """The sum of the file sizes, or None when one of them is a stream or unreadable."""
        total = 0
        for name in names:
            path = Path(name)
            if name == "-" or not path.is_file():
                return None
            total += path.stat().st_size
        return total

    def position(self) -> int:
        """Bytes of the input (compressed bytes for gzip) read so far."""
        current = self._current
        return self._done + (current.tell() if current is not None else 0)

    def records(self) -> Iterator[CallRecord]:
        """Every call of every input; an unreadable input becomes one error record."""
        from hotseat.shares import guarded

        for name in self.names:
            yield from guarded(name, self._read(name))

    def _read(self, name: str) -> Iterator[CallRecord]:
        from hotseat.tables import is_table, read_table
        from hotseat.transcripts import open_input, read_calls

        if is_table(name):
            yield from read_table(name, self.columns)
            return
        raw = self.stdin if name == "-" else Path(name).open("rb")  # noqa: SIM115 - closed below
        if not hasattr(raw, "peek"):
            raw = io.BufferedReader(raw)  # type: ignore[type-var]
        self._current = raw if raw.seekable() else None
        # open_input reads "-" from the stream we pass, so it sniffs gzip on files and stdin alike
        stream = open_input("-", raw)
        try:
            yield from read_calls(stream, name)
        finally:
            if self._current is not None:
                self._done += self._current.tell()
            self._current = None
            if stream is not raw:
                stream.close()  # the gzip layer; it leaves the stream under it open
            if raw is not self.stdin:
                raw.close()


class Progress:
    """A bar (or, for streams, a count) on stderr while a terminal watches; nothing when piped."""

    WIDTH = 30
    EVERY = 0.1  # seconds between redraws

    def __init__(self, out: IO[str], enabled: bool, total: int | None) -> None:
        self.out = out
        self.enabled = enabled
        self.total = total
        self._shown = 0
        self._last = 0.0

    def update(self, position: int, calls: int) -> None:
        now = time.monotonic()
        if not self.enabled or now - self._last < self.EVERY:
            return
        self._last = now
        if self.total:
            share = min(position / self.total, 1.0)
            filled = int(share * self.WIDTH)
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            line = f"[{bar}] {share:4.0%}  {calls:,} calls"
        else:
            line = f"scored {calls:,} calls"
        self.out.write("\r" + line.ljust(self._shown))
        self.out.flush()
        self._shown = len(line)

    def clear(self) -> None:
        """Wipe the bar so a message can take its line."""
        if self._shown:
            self.out.write("\r" + " " * self._shown + "\r")
            self.out.flush()
            self._shown = 0
            self._last = 0.0


@click.command("score")
@click.argument("files", nargs=-1, required=True)
@click.option("--lang", type=click.Choice(["zh", "en", "auto"]), default="auto", show_default=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "table", "parquet"]),
    default="jsonl",
    show_default=True,
)
@click.option(
    "--jobs", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes."
)
@click.option("--select", default="", help="Comma-separated rule codes, prefixes or names to use.")
@click.option("--ignore", default="", help="Comma-separated rule codes, prefixes or names to skip.")
@click.option(
    "--rulebook",
    type=click.Path(exists=True, dir_okay=False),
    help="A rulebook file overriding thresholds, weights, severities or lexicons.",
)
@click.option(
    "--columns",
    "column_spec",
    default="",
    help="CSV/Parquet columns: call=…,speaker=…,text=…,time=… "
    "(defaults call_id, speaker, text, turn).",
)
@click.option(
    "--agent-role",
    "agent_roles",
    multiple=True,
    help="A speaker value that is the agent in CSV/Parquet rows (repeatable; default agent).",
)
@click.option(
    "--dask",
    metavar="ADDRESS",
    help="Score on an existing Dask cluster (its workers must see the files at the same "
    "paths); needs hotseat[dask].",
)
def command(
    files: tuple[str, ...],
    lang: str,
    fmt: str,
    jobs: int,
    select: str,
    ignore: str,
    rulebook: str | None,
    column_spec: str,
    agent_roles: tuple[str, ...],
    dask: str | None,
) -> None:
    """Score real call transcripts (JSON Lines or speaker-prefixed text; gzip; - for stdin;
    CSV or Parquet with one row per utterance, by file name: .csv, .csv.gz, .parquet).

    Prints one result per call in input order. The summary (calls, replies,
    findings per rule, score distribution, the rules a transcript cannot trigger
    without a scenario) ends the table; for jsonl and csv it is one JSON line on
    stderr. Exit status 0 when every call was scored, 1 when any record was
    skipped (reported on stderr with its file and line), 2 on a usage error.
    """
    from hotseat.bulk import Summary, batched, skipped_rules

    tolerant_output()
    from hotseat.tables import Columns

    try:
        columns = Columns.parse(column_spec, agent_roles)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--columns") from exc
    options = Options(
        columns=columns,
        fmt="jsonl" if fmt == "parquet" else fmt,  # workers render lines; the sink converts
        lang=None if lang == "auto" else lang,  # type: ignore[arg-type]
        rulebook=rulebook,
        select=split_codes(select),
        ignore=split_codes(ignore),
    )
    book = rulebook_from_options(rulebook, options.select, options.ignore)

    inputs = Inputs(files, sys.stdin.buffer, columns)
    formatter = Formatter(options.fmt)
    progress = Progress(sys.stderr, sys.stderr.isatty(), inputs.total)
    summary = Summary()
    out: IO[str] = sys.stdout
    if fmt == "parquet":
        out = _parquet_sink()
    try:
        with Stop() as stop:
            out.write(formatter.header())
            if jobs == 1:
                worker = Worker(options, book)
                _settle()
                batches = batched(inputs.records(), BATCH)
                chunks: Iterator[Chunk] = (worker.run(batch) for batch in batches)
                _drain(chunks, summary, inputs.position, progress, out, stop)
            else:
                import multiprocessing

                ctx = multiprocessing.get_context("forkserver")
                # workers fork from a server that has imported hotseat once, not each on its own
                ctx.set_forkserver_preload(["hotseat.cli.score", "hotseat.bulk", "hotseat.shares"])
                with ctx.Pool(jobs, _init_worker, (options,)) as pool:
                    tasks = _tasks(files, sys.stdin.buffer, columns)
                    chunks = _in_order(pool, tasks, jobs, stop)
                    _drain(chunks, summary, None, progress, out, stop)
            progress.clear()
            out.write(formatter.footer(summary, skipped_rules(book)))
            out.flush()
    except BrokenPipeError:
        _quiet_stdout()  # the reader went away (| head): stop, without a traceback
        sys.exit(1)
    except KeyboardInterrupt:  # the pool's exit has stopped the workers; the output ends whole
        progress.clear()
        out.close() if fmt == "parquet" else out.flush()
        done = summary.calls + summary.skipped
        click.echo(f"interrupted: the output holds the first {done:,} calls, whole", err=True)
        sys.exit(130)
    if fmt == "parquet":
        out.close()
    if fmt != "table":
        json_summary = summary.to_json(skipped_rules(book))
        click.echo(json.dumps(json_summary, ensure_ascii=False), err=True)
    if summary.skipped:
        sys.exit(1)


def _parquet_sink() -> IO[str]:
    """Parquet on stdout, which must not be a terminal (the file is binary)."""
    from hotseat.scored_parquet import ParquetSink

    if sys.stdout.isatty():
        raise click.UsageError(
            "--format parquet writes a binary file: redirect stdout (> x.parquet)"
        )
    try:
        return ParquetSink(sys.stdout.buffer)  # type: ignore[return-value]
    except RuntimeError as exc:
        raise click.UsageError(str(exc)) from None


def _in_order(
    pool: Pool, tasks: Iterator[Share | list[Packed]], jobs: int, stop: Stop
) -> Iterator[Chunk]:
    """Results in input order, with at most IN_FLIGHT tasks per worker queued."""
    pending: deque[AsyncResult[Chunk]] = deque()
    for task in tasks:
        pending.append(pool.apply_async(_run_task, (task,)))
        if len(pending) >= IN_FLIGHT * jobs:
            yield _wait(pending.popleft(), stop)
    while pending:
        yield _wait(pending.popleft(), stop)


def _on_dask(
    address: str, tasks: Iterator[Share | list[Packed]], options: Options, stop: Stop
) -> Iterator[Chunk]:
    """Chunks from a Dask cluster in input order, a bounded window of tasks submitted."""
    try:
        from distributed import Client
    except ImportError:
        raise click.UsageError(
            "--dask needs dask[distributed]: pip install 'hotseat[dask]' "
            "(--dask 需要 dask[distributed]：pip install 'hotseat[dask]')"
        ) from None
    from hotseat.partition import score_task

    with Client(address) as client:
        window = IN_FLIGHT * max(1, sum(client.nthreads().values()))
        pending: deque[Future] = deque()
        for task in tasks:
            pending.append(client.submit(score_task, task, options, pure=False))
            if len(pending) >= window:
                yield _dask_result(pending.popleft(), stop)
        while pending:
            yield _dask_result(pending.popleft(), stop)


def _wait(result: AsyncResult[Chunk], stop: Stop) -> Chunk:
    """A worker's chunk, or KeyboardInterrupt as soon as Ctrl+C is pressed."""
    while not result.ready():
        result.wait(0.1)
        stop.check()
    return result.get()


def _dask_result(future: Future, stop: Stop) -> Chunk:
    """As ``_wait``, for a Dask future."""
    while not future.done():
        stop.check()
        time.sleep(0.02)
    chunk: Chunk = future.result()
    return chunk


class Stop:
    """Ctrl+C noted rather than raised where it lands: a chunk half written would leave a
    broken call at the end of the output, so the run stops between chunks instead."""

    def __init__(self) -> None:
        self.asked = False

    def __enter__(self) -> Stop:
        self._before = signal.signal(signal.SIGINT, self._ask)
        return self

    def __exit__(self, *exc: object) -> None:
        signal.signal(signal.SIGINT, self._before)

    def _ask(self, signum: int, frame: object) -> None:
        self.asked = True

    def check(self) -> None:
        if self.asked:
            raise KeyboardInterrupt


def _drain(
    chunks: Iterator[Chunk],
    summary: Summary,
    position: Callable[[], int] | None,
    progress: Progress,
    out: IO[str],
    stop: Stop,
) -> None:
    """Write each chunk whole and count it. ``position`` None: the chunks tell how much of
    the input they read."""
    done = 0
    for chunk in chunks:
        stop.check()
        if chunk.errors:
            progress.clear()
            click.echo("\n".join(chunk.errors), err=True)
        out.write(chunk.out)
        summary.merge(chunk.summary)
        done += chunk.size
        progress.update(position() if position else done, summary.calls + summary.skipped)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _most(item: tuple[str, int]) -> tuple[int, str]:
    """Most frequent first, ties by code, so the order never depends on the input's order."""
    return -item[1], item[0]
