"""`hotseat analyze`: label replies with moves, one JSON object a line (DESIGN.md contract 2).

Built for bulk use in pipelines: input is read and answered a line at a time
(so a corpus of any size streams through, and a program can converse with it
over a pipe); a bad line never stops the run, it becomes an ``{"error": ...}``
line in its place (so output lines stay aligned with input lines) and a
``line N: ...`` note on stderr; the exit status stays 0.
"""

from __future__ import annotations

import io
import json
import os
import stat
from collections.abc import Iterator
from typing import BinaryIO

import click

from hotseat.moves import LANGS, Lang


class _BadLine(ValueError):
    """A line that cannot be analysed, with the reason to report."""


def _reply(raw: bytes) -> tuple[str, Lang | None, str | None]:
    """The reply text of one input line, the language it declares and the customer's line
    before it (JSON lines may carry both)."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _BadLine(f"not valid UTF-8 (byte {exc.start})") from None
    if not line.lstrip().startswith("{"):
        return line, None, None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _BadLine(f"invalid JSON object ({exc.msg}, column {exc.colno})") from None
    except RecursionError:
        raise _BadLine("invalid JSON object (nested too deeply)") from None
    if not isinstance(obj, dict):
        raise _BadLine("invalid JSON object")
    text = obj.get("text")
    if text is None:
        raise _BadLine('JSON object has no "text" field')
    if not isinstance(text, str):
        raise _BadLine(f'"text" must be a string, not {type(text).__name__}')
    lang = obj.get("lang")
    context = obj.get("context")
    if context is not None and not isinstance(context, str):
        raise _BadLine(f'"context" must be a string, not {type(context).__name__}')
    return text, lang if lang in LANGS else None, context


def _lines(stream: BinaryIO) -> Iterator[bytes]:
    """Input lines one at a time, as they arrive: a pipe gets each answer before it sends
    the next reply, and a corpus of any size is never held in memory."""
    first = True
    for line in stream:
        if first:
            first = False
            if line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
        if line.endswith(b"\n"):
            line = line[:-1]
        yield line[:-1] if line.endswith(b"\r") else line


def _from_file(stream: BinaryIO) -> bool:
    """Whether the input is a regular file: nobody waits on each answer, so output may buffer."""
    try:
        return stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (OSError, ValueError, io.UnsupportedOperation):
        return False


def _write(out: BinaryIO, obj: dict[str, object], flush: bool) -> None:
    # backslashreplace keeps a lone surrogate from a JSON escape as a valid \\uXXXX escape
    out.write(json.dumps(obj, ensure_ascii=False).encode("utf-8", "backslashreplace") + b"\n")
    if flush:
        out.flush()  # a pipe or a terminal gets each answer before it sends the next reply


@click.command("analyze")
@click.option(
    "--lang",
    type=click.Choice(["zh", "en", "auto"]),
    default="auto",
    show_default=True,
    help="Language of the replies; auto detects each line (or uses a JSON line's own lang).",
)
@click.argument("file", type=click.File("rb"), default="-")
def command(lang: str, file: BinaryIO) -> None:
    """Label each reply in FILE (or stdin) with its moves, as JSON Lines.

    Each input line is a plain reply, or a JSON object with a "text" field (and optionally
    "context": the customer's line just before, which the reading may weigh).
    Each output line is {"text", "lang", "moves"}; offsets index the reply as given.
    """
    from hotseat.language import analyze

    out: BinaryIO = click.open_file("-", "wb")  # type: ignore[assignment]
    forced: Lang | None = None if lang == "auto" else lang  # type: ignore[assignment]
    flush = not _from_file(file)
    for number, raw in enumerate(_lines(file), 1):
        try:
            text, declared, context = _reply(raw)
            answer = analyze(text, forced or declared, context).to_json()
        except _BadLine as exc:
            answer = _failed(number, str(exc))
        except Exception as exc:  # the command's one boundary: a line never ends the run
            answer = _failed(number, f"cannot analyse this line ({type(exc).__name__}: {exc})")
        _write(out, answer, flush)
    out.flush()


def _failed(number: int, reason: str) -> dict[str, object]:
    """The ``{"error": ...}`` line that stands in for a line, noted on stderr with its number."""
    click.echo(f"line {number}: {reason}".encode("utf-8", "backslashreplace"), err=True)
    return {"error": reason}
