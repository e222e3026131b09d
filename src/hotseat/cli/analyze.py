"""`hotseat analyze`: label replies with moves, one JSON object a line (DESIGN.md contract 2).

Built for bulk use in pipelines: a bad line never stops the run, it becomes
an ``{"error": ...}`` line in its place (so output lines stay aligned with
input lines) and a ``line N: ...`` note on stderr; the exit status stays 0.
"""

from __future__ import annotations

import json
from typing import BinaryIO

import click

from hotseat.moves import LANGS, Lang


class _BadLine(ValueError):
    """A line that cannot be analysed, with the reason to report."""


def _reply(raw: bytes) -> tuple[str, Lang | None]:
    """The reply text of one input line, and the language it declares (JSON lines may)."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _BadLine(f"not valid UTF-8 (byte {exc.start})") from None
    if not line.lstrip().startswith("{"):
        return line, None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _BadLine(f"invalid JSON object ({exc.msg}, column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise _BadLine("invalid JSON object")
    text = obj.get("text")
    if text is None:
        raise _BadLine('JSON object has no "text" field')
    if not isinstance(text, str):
        raise _BadLine(f'"text" must be a string, not {type(text).__name__}')
    lang = obj.get("lang")
    return text, lang if lang in LANGS else None


def _lines(stream: BinaryIO) -> list[bytes]:
    data = stream.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return [line[:-1] if line.endswith(b"\r") else line for line in lines]


def _write(out: BinaryIO, obj: dict[str, object]) -> None:
    # backslashreplace keeps a lone surrogate from a JSON escape as a valid \\uXXXX escape
    out.write(json.dumps(obj, ensure_ascii=False).encode("utf-8", "backslashreplace") + b"\n")


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

    Each input line is a plain reply, or a JSON object with a "text" field.
    Each output line is {"text", "lang", "moves"}; offsets index the reply as given.
    """
    from hotseat.language import analyze

    out: BinaryIO = click.open_file("-", "wb")  # type: ignore[assignment]
    forced: Lang | None = None if lang == "auto" else lang  # type: ignore[assignment]
    for number, raw in enumerate(_lines(file), 1):
        try:
            text, declared = _reply(raw)
        except _BadLine as exc:
            click.echo(f"line {number}: {exc}", err=True)
            _write(out, {"error": str(exc)})
            continue
        _write(out, analyze(text, forced or declared).to_json())
    out.flush()
