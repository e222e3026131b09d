"""Reading trainee replies from a file: one reply a line, or JSON Lines with a "text" field.

Shared by `hotseat play` and `hotseat analyze` so both accept exactly the same
input and report a bad line the same way: by line number, without stopping.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReplyLine:
    """One input line: the reply, how long it took to type, or why it could not be read."""

    lineno: int
    text: str = ""
    seconds: float | None = None
    error: str | None = None


def parse_line(raw: str, lineno: int) -> ReplyLine:
    """A line starting with "{" is JSON with a string "text"; anything else is the reply itself."""
    line = raw.rstrip("\r\n")
    if not line.lstrip().startswith("{"):
        return ReplyLine(lineno, line)
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return ReplyLine(lineno, error=f"invalid JSON: {exc.msg} at column {exc.colno}")
    except RecursionError:
        return ReplyLine(lineno, error="invalid JSON: nested too deeply")
    if not isinstance(obj, dict):
        return ReplyLine(lineno, error='a JSON line must be an object with a "text" field')
    text = obj.get("text")
    if not isinstance(text, str):
        return ReplyLine(lineno, error='missing or non-string "text" field')
    seconds = obj.get("seconds")
    if seconds is not None and (
        isinstance(seconds, bool) or not isinstance(seconds, int | float) or seconds < 0
    ):
        return ReplyLine(lineno, error='"seconds" must be a non-negative number')
    return ReplyLine(lineno, text, float(seconds) if seconds is not None else None)


def read_lines(chunks: Iterable[bytes]) -> Iterator[ReplyLine]:
    """Parse raw byte lines; a line that is not UTF-8 becomes an error, not a crash."""
    for lineno, chunk in enumerate(chunks, start=1):
        try:
            raw = chunk.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield ReplyLine(lineno, error=f"not valid UTF-8 (byte {exc.start + 1})")
            continue
        if lineno == 1:
            raw = raw.removeprefix("\ufeff")
        yield parse_line(raw, lineno)
