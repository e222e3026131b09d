"""Reading real call transcripts for bulk scoring, one call at a time.

Two formats: JSON Lines with one call a line (``{"id": …, "turns": [{"speaker":
"agent"|"customer", "text": …}]}``) and plain text with speaker prefixes
(``客服:``/``客户:``, ``坐席:``/``用户:``, ``Agent:``/``Customer:``, full- or
half-width colon), calls separated by blank lines. Both are read as a stream so
memory stays flat however large the input; a bad record becomes an error with
its file and line, never the end of the batch.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

import orjson

Speaker = Literal["agent", "customer"]
Format = Literal["jsonl", "plain"]

AGENT_PREFIXES = ("客服", "坐席", "座席", "agent", "rep", "advisor")
CUSTOMER_PREFIXES = ("客户", "用户", "顾客", "来电人", "customer", "caller", "user")
_PREFIX = re.compile(
    r"^\s*(?P<who>" + "|".join(AGENT_PREFIXES + CUSTOMER_PREFIXES) + r")\s*[:：]\s?",
    re.IGNORECASE,
)
_AGENT: dict[str, Speaker] = dict.fromkeys(AGENT_PREFIXES, "agent")
_SPEAKER_OF: dict[str, Speaker] = _AGENT | dict.fromkeys(CUSTOMER_PREFIXES, "customer")


@dataclass(frozen=True, slots=True)
class Turn:
    speaker: Speaker
    text: str


@dataclass(frozen=True, slots=True)
class CallRecord:
    """One call as read, or the reason it could not be read (``error`` set, ``turns`` empty)."""

    id: str
    source: str  # "file:line" of the record's first line
    turns: tuple[Turn, ...] = ()
    error: str | None = None


def open_input(path: str, stdin: IO[bytes] | None = None) -> IO[bytes]:
    """A byte stream for a path, "-" for stdin; gzip recognised by its magic bytes."""
    raw: IO[bytes]
    if path == "-":
        if stdin is None:
            raise ValueError("stdin is not available")
        raw = stdin
    else:
        raw = Path(path).open("rb")  # noqa: SIM115 - the caller closes it
    head = raw.peek(2)[:2] if hasattr(raw, "peek") else b""
    if head == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=raw)  # type: ignore[return-value]
    return raw


# Lines read ahead, at most, for one that shows the format; a file whose first thousand
# lines show neither is read as plain text (and each of its calls names its own line).
SNIFF_LINES = 1000


def read_calls(
    stream: IO[bytes], name: str, fmt: Format | None = None, first_line: int = 1
) -> Iterator[CallRecord]:
    """Yield every call in a stream, in the format its first telling line shows.

    A line that opens a JSON object tells JSON Lines, a line with a speaker prefix tells
    plain text; garbage before either (a stray header, a line of noise) does not decide
    the format, it is reported line by line in the format that follows. A worker reading
    one share of a file passes the file's ``fmt`` and the share's ``first_line``, so its
    calls are read and named as a whole-file reading names them.
    """
    lines = _decoded(stream, first_line)
    ahead: list[tuple[int, str | None]] = []
    if fmt is None:
        fmt, ahead = _sniff(lines)
        if not any(text is None or text.strip() for _, text in ahead):
            return
    read = _jsonl if fmt == "jsonl" else _plain
    yield from read(_chain(ahead, lines), name)


def sniff_format(stream: IO[bytes]) -> Format:
    """The format ``read_calls`` would read this stream in (it reads at most SNIFF_LINES)."""
    return _sniff(_decoded(stream, 1))[0]


def _sniff(lines: Iterator[tuple[int, str | None]]) -> tuple[Format, list[tuple[int, str | None]]]:
    """The format the first telling line shows, and the lines read to see it."""
    ahead: list[tuple[int, str | None]] = []
    for lineno, text in lines:
        ahead.append((lineno, text))
        if text is not None and text.lstrip().startswith("{"):
            return "jsonl", ahead
        if (text is not None and _PREFIX.match(text)) or len(ahead) >= SNIFF_LINES:
            break
    return "plain", ahead


def _decoded(stream: IO[bytes], first_line: int) -> Iterator[tuple[int, str | None]]:
    """Numbered lines; None stands for a line that is not UTF-8."""
    for lineno, chunk in enumerate(stream, start=first_line):
        try:
            text = chunk.decode("utf-8")
        except UnicodeDecodeError:
            yield lineno, None
            continue
        yield lineno, (text.removeprefix("\ufeff") if lineno == 1 else text).rstrip("\r\n")


def _chain(
    first: list[tuple[int, str | None]], rest: Iterable[tuple[int, str | None]]
) -> Iterator[tuple[int, str | None]]:
    yield from first
    yield from rest


def _jsonl(lines: Iterable[tuple[int, str | None]], name: str) -> Iterator[CallRecord]:
    for lineno, text in lines:
        source = f"{name}:{lineno}"
        if text is None:
            yield CallRecord(source, source, error="not valid UTF-8")
            continue
        if not text.strip():
            continue
        yield _json_call(text, source)


def _loads(text: str) -> Any:
    """orjson's parse, about 3x the standard library's; where orjson refuses a line (a lone
    surrogate escape, NaN, an integer past 64 bits, a syntax error) the standard library
    decides, so what is read and each error's wording stay as before."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


def _json_call(text: str, source: str) -> CallRecord:
    try:
        obj = _loads(text)
    except json.JSONDecodeError as exc:
        return CallRecord(source, source, error=f"invalid JSON: {exc.msg}")
    except RecursionError:
        return CallRecord(source, source, error="invalid JSON: nested too deeply")
    return call_from_object(obj, source)


def call_from_object(obj: object, source: str) -> CallRecord:
    """A call from its JSON Lines object (``{"id", "turns": [{"speaker", "text"}]}``), as an
    engine's partition may hold it; ``source`` names it when it has no id or is bad."""
    if not isinstance(obj, dict):
        return CallRecord(source, source, error="a call must be a JSON object")
    call_id = str(obj.get("id", source))
    turns = obj.get("turns")
    if not isinstance(turns, list):
        return CallRecord(call_id, source, error='missing "turns" list')
    out: list[Turn] = []
    for i, turn in enumerate(turns, start=1):
        speaker = turn.get("speaker") if isinstance(turn, dict) else None
        said = turn.get("text") if isinstance(turn, dict) else None
        if speaker not in ("agent", "customer") or not isinstance(said, str):
            return CallRecord(
                call_id,
                source,
                error=f'turn {i}: needs "speaker" agent|customer and a string "text"',
            )
        out.append(Turn(speaker, said))
    return CallRecord(call_id, source, tuple(out))


@dataclass(slots=True)
class _Pending:
    start: int
    turns: list[Turn] = field(default_factory=list)
    error: str | None = None


def _plain(lines: Iterable[tuple[int, str | None]], name: str) -> Iterator[CallRecord]:
    pending: _Pending | None = None

    def flush(p: _Pending) -> CallRecord:
        source = f"{name}:{p.start}"
        if p.error:
            return CallRecord(source, source, error=p.error)
        return CallRecord(source, source, tuple(p.turns))

    for lineno, text in lines:
        if text is not None and not text.strip():
            if pending is not None:
                yield flush(pending)
                pending = None
            continue
        if pending is None:
            pending = _Pending(lineno)
        if pending.error:
            continue
        if text is None:
            pending.error = f"line {lineno}: not valid UTF-8"
            continue
        match = _PREFIX.match(text)
        if match:
            speaker = _SPEAKER_OF[match["who"].lower()]
            pending.turns.append(Turn(speaker, text[match.end() :].strip()))
        elif pending.turns:
            last = pending.turns[-1]
            pending.turns[-1] = Turn(last.speaker, f"{last.text}\n{text.strip()}")
        else:
            pending.error = f"line {lineno}: expected a speaker prefix such as 客服: or Agent:"
    if pending is not None:
        yield flush(pending)
