"""Input files cut into shares that worker processes read on their own.

With ``--jobs N`` the parent process only plans: it finds cut points in each file
(after a line for JSON Lines, after a blank line for speaker-prefixed text, so no
call is ever split) and counts the lines before each, so a worker names every call
with the same file:line a whole-file reading gives. Each worker then opens the file,
reads its byte range and scores it; no call is read, parsed or pickled twice.
A gzip file cannot be entered in the middle and is one share, read whole.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from hotseat.tables import Columns, is_table, read_table
from hotseat.transcripts import CallRecord, Format, open_input, read_calls, sniff_format

SHARE_BYTES = 1 << 20  # about 5,000 replies: a second of work, small enough to balance


@dataclass(frozen=True, slots=True)
class Share:
    """Bytes ``start``..``end`` of a file (``end`` None: to its end), whose first line is
    line ``first_line`` of the file, in the file's format (None: the worker sniffs it);
    a table (CSV, Parquet) is read whole with its ``columns``."""

    name: str
    start: int
    end: int | None
    first_line: int
    fmt: Format | None
    columns: Columns | None = None


def plan(name: str, columns: Columns, size: int = SHARE_BYTES) -> Iterator[Share]:
    """The shares of one file, in order; a file that cannot be cut is one share."""
    if is_table(name):  # rows of a call may stand anywhere in it: grouped by one reader
        Path(name).stat()  # OSError now, for a file that is not there
        yield Share(name, 0, None, 1, None, columns)
        return
    with Path(name).open("rb") as raw:
        if raw.peek(2)[:2] == b"\x1f\x8b":
            yield Share(name, 0, None, 1, None)
            return
        fmt = sniff_format(raw)
        raw.seek(0)
        start, line = 0, 1
        while True:
            skipped = raw.read(size).count(b"\n")
            lines, cut = _next_cut(raw, fmt)
            if cut is None:
                break
            yield Share(name, start, cut, line, fmt)
            start, line = cut, line + skipped + lines
        yield Share(name, start, None, line, fmt)


def _next_cut(raw: io.BufferedReader, fmt: Format) -> tuple[int, int | None]:
    """From the current offset: the lines read to the first cut point and its offset, or
    None at the end of the file. The line the offset falls in is finished first."""
    if not raw.readline():
        return 0, None
    if fmt == "jsonl":
        return 1, raw.tell()
    lines = 1
    for line in raw:  # speaker-prefixed text: a call ends at a blank line
        lines += 1
        if not line.strip():
            return lines, raw.tell()
    return lines, None


def guarded(name: str, records: Iterator[CallRecord]) -> Iterator[CallRecord]:
    """The calls read, then one error record if the input breaks off (as ``score`` reports
    an unreadable or truncated file, whichever process reads it)."""
    try:
        yield from records
    except (OSError, EOFError, zlib.error) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        yield CallRecord(name, name, error=f"cannot read: {reason}")


def read(share: Share) -> Iterator[CallRecord]:
    """The calls of one share, named by their file and line as a whole-file reading names
    them; an unreadable file yields one error record (as the parent's reading does)."""
    return guarded(share.name, _read(share))


def _read(share: Share) -> Iterator[CallRecord]:
    if share.columns is not None:
        yield from read_table(share.name, share.columns)
        return
    with Path(share.name).open("rb") as raw:
        if share.end is None and share.start == 0:
            stream = open_input("-", raw)
        else:
            raw.seek(share.start)
            size = -1 if share.end is None else share.end - share.start
            stream = io.BufferedReader(io.BytesIO(raw.read(size)))
        yield from read_calls(stream, share.name, share.fmt, share.first_line)
