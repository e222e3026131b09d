"""Scoring one partition of calls: the function a data engine maps over its partitions.

``score_partition`` is the stable entry point for Dask, Spark (``mapPartitions``) and
Ray (``map_batches``); docs/bulk.md shows each. It is pure in what it returns: the same
calls and options give the same rendered text and the same summary, whichever process
or thread runs it and whatever it ran before (the scorer it builds once per thread
only caches readings). Summaries merge (``Summary.merge``), in any order, into the
summary ``hotseat score`` prints; texts joined in partition order are the output of
``hotseat score --jobs 1`` on the same calls in the same order.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping

from hotseat.cli.score import Chunk, Options, Packed, Worker, run_task
from hotseat.shares import Share
from hotseat.transcripts import CallRecord, call_from_object

__all__ = ["Chunk", "Options", "records", "score_partition", "score_task"]

_local = threading.local()


def _worker(options: Options) -> Worker:
    """This thread's worker for these options, built once (building it takes ~0.3 s)."""
    workers: dict[Options, Worker] = _local.__dict__.setdefault("workers", {})
    worker = workers.get(options)
    if worker is None:
        worker = workers[options] = Worker(options)
    return worker


def records(calls: Iterable[Mapping[str, object]], name: str = "partition") -> list[CallRecord]:
    """Calls as an engine holds them (``{"id", "turns": [{"speaker", "text"}]}`` dicts, as
    in JSON Lines) made records; a bad one is skipped in the output with its reason."""
    return [call_from_object(dict(c), f"{name}:{k}") for k, c in enumerate(calls, start=1)]


def score_partition(calls: Iterable[CallRecord], options: Options | None = None) -> Chunk:
    """The rendered results (``Chunk.out``), the skipped calls (``Chunk.errors``) and the
    mergeable summary (``Chunk.summary``) of one partition of calls."""
    return _worker(options or Options()).run_all(calls)


def score_task(task: Share | list[Packed], options: Options) -> Chunk:
    """``hotseat score --dask``'s task: a share of a file the Dask worker reads itself (the
    file must be at the same path there), or a batch of calls read from stdin."""
    return run_task(_worker(options), task)
