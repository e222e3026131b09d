"""Calls from the tables QA teams export: CSV or Parquet, one row per utterance.

A contact-center platform exports each utterance as a row (call id, speaker, text,
a turn number or timestamp), often in no useful order. A table is read whole, its
rows grouped into calls by the call-id column (calls in the order their first row
appears) and each call's turns ordered by the time column (numbers as numbers,
anything else as text, so ISO timestamps sort; ties keep file order). A speaker
named by ``agent_roles`` is the agent, any other speaker the customer. A row that
cannot be used is reported as its own skipped record, named by file and row, and the
call is scored from its other rows.
"""

from __future__ import annotations

import contextlib
import csv
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from hotseat.transcripts import CallRecord, Turn, open_input

TABLE_SUFFIXES = (".csv", ".csv.gz", ".parquet")
PARQUET_MISSING = (
    "reading Parquet needs pyarrow: pip install 'hotseat[parquet]' "
    "(读取 Parquet 需要 pyarrow：pip install 'hotseat[parquet]')"
)


@dataclass(frozen=True, slots=True)
class Columns:
    """Which column holds what, and which speakers are the agent."""

    call: str = "call_id"
    speaker: str = "speaker"
    text: str = "text"
    time: str = "turn"
    agent_roles: tuple[str, ...] = ("agent",)

    @classmethod
    def parse(cls, spec: str, agent_roles: tuple[str, ...] = ("agent",)) -> Columns:
        """``call=conv_id,speaker=role,text=utterance,time=ts``; unnamed keys keep their
        defaults. ValueError names a key that is not one of the four."""
        names: dict[str, str] = {}
        for part in filter(None, (p.strip() for p in spec.split(","))):
            key, sep, column = part.partition("=")
            key = key.strip()
            if not sep or key not in ("call", "speaker", "text", "time") or not column.strip():
                raise ValueError(f"{part!r}: expected call=, speaker=, text= or time=COLUMN")
            names[key] = column.strip()
        roles = tuple(r.strip().casefold() for r in agent_roles if r.strip()) or ("agent",)
        return cls(**names, agent_roles=roles)


def is_table(name: str) -> bool:
    return name.lower().endswith(TABLE_SUFFIXES)


# A row as read: its row number (the file's line for CSV), and its cells by column name or
# the reason it cannot be read.
Row = tuple[int, Mapping[str, object] | str]


def read_table(name: str, columns: Columns) -> Iterator[CallRecord]:
    """Every call of one CSV or Parquet file, grouped and ordered (see the module doc)."""
    rows = _parquet_rows(name) if name.lower().endswith(".parquet") else _csv_rows(name)
    return calls_from_rows(rows, name, columns)


def calls_from_rows(rows: Iterable[Row], name: str, columns: Columns) -> Iterator[CallRecord]:
    """Rows grouped into calls by id, in the order of each call's first row."""
    calls: dict[str, list[tuple[int, object, str, str]]] = {}
    for number, row in rows:
        source = f"{name}:{number}"
        try:
            if isinstance(row, str):
                raise ValueError(row)
            call_id, when, speaker, text = _cells(row, columns)
        except ValueError as exc:
            yield CallRecord(source, source, error=f"row {number}: {exc}")
            continue
        calls.setdefault(call_id, []).append((number, when, speaker, text))
    for call_id, turns in calls.items():
        numeric = all(isinstance(t[1], int | float) for t in turns)
        turns.sort(key=(lambda t: t[1]) if numeric else (lambda t: str(t[1])))
        agent = columns.agent_roles
        said = tuple(
            Turn("agent" if s.casefold() in agent else "customer", text) for _, _, s, text in turns
        )
        first = min(t[0] for t in turns)
        yield CallRecord(call_id, f"{name}:{first}", said)


def _cells(row: Mapping[str, object], columns: Columns) -> tuple[str, object, str, str]:
    """A row's call id, time, speaker and text; ValueError says what is wrong with it."""
    values = []
    for key in ("call", "time", "speaker", "text"):
        column = getattr(columns, key)
        value = row.get(column)
        if value is None or (isinstance(value, str) and not value.strip() and key != "text"):
            raise ValueError(f'no {key} in column "{column}"')
        values.append(value)
    call_id, when, speaker, text = values
    if not isinstance(text, str):
        raise ValueError(f'the text in column "{columns.text}" is not text')
    if isinstance(when, str):
        with contextlib.suppress(ValueError):  # else a timestamp, compared as text
            when = float(when)
    return str(call_id), when, str(speaker).strip(), text


def _csv_rows(name: str) -> Iterator[Row]:
    """Rows by header name, numbered by the file line each begins on; a row with more or
    fewer cells than the header is reported rather than guessed at."""
    with Path(name).open("rb") as raw:
        stream = io.TextIOWrapper(open_input("-", raw), encoding="utf-8-sig", newline="")
        reader = csv.reader(stream)
        header = next(reader, None)
        if header is None:
            return
        start = reader.line_num + 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:  # a NUL byte, an unclosed quote at the end: this row only
                number, start = start, reader.line_num + 1
                yield number, f"not a CSV row ({exc})"
                continue
            number, start = start, reader.line_num + 1
            if len(cells) != len(header):
                if any(c.strip() for c in cells):
                    yield number, f"{len(cells)} cells, the header has {len(header)}"
                continue
            yield number, dict(zip(header, cells, strict=True))


def _parquet_rows(name: str) -> Iterator[Row]:
    """Rows of a Parquet file, numbered from 1, read a record batch at a time."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise OSError(PARQUET_MISSING) from None
    number = 0
    for batch in pq.ParquetFile(name).iter_batches():
        for row in batch.to_pylist():
            number += 1
            yield number, row
