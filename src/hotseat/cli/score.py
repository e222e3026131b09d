"""`hotseat score`: the training rules applied to real call transcripts, in bulk."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from hotseat.bulk import CallScorer, ScoredCall, Summary
    from hotseat.transcripts import CallRecord

BATCH = 256  # calls handed to a worker at once: big enough to amortize, small enough to stream
_worker: CallScorer | None = None


def _init_worker(
    rulebook_path: str | None, select: tuple[str, ...], ignore: tuple[str, ...], lang: str | None
) -> None:
    global _worker
    _worker = _make_scorer(rulebook_path, select, ignore, lang)


def _score_batch(records: list[CallRecord]) -> list[ScoredCall]:
    assert _worker is not None
    return [_worker.score(r) for r in records]


def _make_scorer(
    rulebook_path: str | None, select: tuple[str, ...], ignore: tuple[str, ...], lang: str | None
) -> CallScorer:
    from hotseat.bulk import CallScorer
    from hotseat.rules import Rulebook

    book = Rulebook.load(rulebook_path) if rulebook_path else Rulebook.default()
    if select or ignore:
        book = book.configured(select=select, ignore=ignore)
    return CallScorer(book, lang)  # type: ignore[arg-type]


@click.command("score")
@click.argument("files", nargs=-1, required=True)
@click.option("--lang", type=click.Choice(["zh", "en", "auto"]), default="auto", show_default=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "table"]),
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
def command(
    files: tuple[str, ...],
    lang: str,
    fmt: str,
    jobs: int,
    select: str,
    ignore: str,
    rulebook: str | None,
) -> None:
    """Score real call transcripts (JSON Lines or speaker-prefixed text; gzip; - for stdin).

    Prints one result per call, then a summary on stderr. Exit status 0 when every
    call was scored, 1 when any record was skipped as malformed.
    """
    from hotseat.bulk import Summary, batched, skipped_rules
    from hotseat.transcripts import open_input, read_calls

    sel = tuple(p.strip() for p in select.split(",") if p.strip())
    ign = tuple(p.strip() for p in ignore.split(",") if p.strip())
    fixed_lang = None if lang == "auto" else lang

    def records() -> Iterator[CallRecord]:
        for name in files:
            try:
                stream = open_input(name, sys.stdin.buffer)
            except OSError as exc:
                click.echo(f"{name}: cannot read: {exc.strerror}", err=True)
                summary.skipped += 1
                continue
            with stream:
                yield from read_calls(stream, name)

    summary = Summary()
    emit = _Emitter(fmt)
    progress = _Progress(sys.stderr.isatty())
    scorer = _make_scorer(rulebook, sel, ign, fixed_lang)
    if jobs == 1:
        results: Iterator[list[ScoredCall]] = (
            [scorer.score(r) for r in batch] for batch in batched(records(), BATCH)
        )
        _drain(results, summary, emit, progress)
    else:
        import multiprocessing

        ctx = multiprocessing.get_context("forkserver")
        with ctx.Pool(jobs, _init_worker, (rulebook, sel, ign, fixed_lang)) as pool:
            _drain(_bounded(pool, records(), jobs), summary, emit, progress)
    progress.done()
    emit.finish(summary)
    click.echo(
        json.dumps(summary.to_json(skipped_rules(scorer.rulebook)), ensure_ascii=False), err=True
    )
    if summary.skipped:
        sys.exit(1)


def _bounded(pool: object, records: Iterator[CallRecord], jobs: int) -> Iterator[list[ScoredCall]]:
    """Keep at most two batches per worker in flight, so memory stays flat on huge input."""
    from collections import deque

    from hotseat.bulk import batched

    pending: deque = deque()
    for batch in batched(records, BATCH):
        pending.append(pool.apply_async(_score_batch, (list(batch),)))  # type: ignore[attr-defined]
        if len(pending) >= 2 * jobs:
            yield pending.popleft().get()
    while pending:
        yield pending.popleft().get()


def _drain(
    results: Iterator[list[ScoredCall]], summary: Summary, emit: _Emitter, progress: _Progress
) -> None:
    for batch in results:
        for scored in batch:
            if scored.error is not None:
                click.echo(f"{scored.source}: skipped: {scored.error}", err=True)
            else:
                emit.write(scored)
            summary.add(scored)
        progress.update(summary.calls + summary.skipped)


class _Emitter:
    """Writes each scored call in the chosen format as soon as it is ready."""

    AREAS = ("AP", "PR", "CT", "ET", "EM", "overall")

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self._csv = csv.writer(sys.stdout) if fmt == "csv" else None
        if self._csv is not None:
            self._csv.writerow(["id", "source", "lang", "replies", *self.AREAS, "codes"])
        elif fmt == "table":
            click.echo(
                f"{'id':<28} {'replies':>7} " + " ".join(f"{a:>7}" for a in self.AREAS) + "  codes"
            )

    def write(self, scored: ScoredCall) -> None:
        assert scored.scores is not None
        areas = scored.scores.to_json()
        codes = " ".join(sorted({f.code for f in scored.findings}))
        if self.fmt == "jsonl":
            click.echo(json.dumps(scored.to_json(), ensure_ascii=False))
        elif self._csv is not None:
            self._csv.writerow(
                [
                    scored.id,
                    scored.source,
                    scored.lang,
                    scored.replies,
                    *(areas[a] for a in self.AREAS),
                    codes,
                ]
            )
        else:
            click.echo(
                f"{scored.id[:28]:<28} {scored.replies:>7} "
                + " ".join(f"{areas[a]:>7}" for a in self.AREAS)
                + f"  {codes}"
            )

    def finish(self, summary: Summary) -> None:
        if self.fmt != "table":
            return
        click.echo(f"\n{summary.calls} calls, {summary.replies} replies, {summary.skipped} skipped")
        for code, n in summary.by_rule.most_common():
            click.echo(f"  {code}  {n}")


class _Progress:
    """A count of calls on stderr while a terminal watches; nothing when piped."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._shown = False

    def update(self, n: int) -> None:
        if self.enabled:
            click.echo(f"\rscored {n} calls", err=True, nl=False)
            self._shown = True

    def done(self) -> None:
        if self._shown:
            click.echo(err=True)
