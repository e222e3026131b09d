"""Where an exported report goes and how it gets there: a name every file system takes,
and a file written whole or not at all.

A trainee's name goes into the file name, and a long Chinese name is three bytes a
character: seventy-odd characters pass the 255-byte limit most file systems put on one
name, and every export failed. A report is written beside its final name and renamed
over it, so a crash or a full disk mid-write never leaves half a report in its place.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path

MAX_NAME_BYTES = 255  # one file name, in bytes (ext4, APFS, NTFS in UTF-16 units: no fewer)
_NUMBER_ROOM = 8  # "-NNNNNN." left for the counter and its dot


def _cut(text: str, max_bytes: int) -> str:
    """``text`` shortened to at most ``max_bytes`` of UTF-8, never splitting a character."""
    return text.encode("utf-8")[:max_bytes].decode("utf-8", "ignore")


def export_path(folder: Path, trainee: str, scenario: str, fmt: str) -> Path:
    """A new file name that never overwrites an earlier export: hotseat-name-lang-id-N.ext,
    the name shortened to fit the file system's limit."""
    person = re.sub(r"[^\w-]+", "-", trainee).strip("-") or "trainee"
    tail = f"-{scenario.replace('/', '-')}"
    room = MAX_NAME_BYTES - len(f"hotseat-{tail}.{fmt}".encode()) - _NUMBER_ROOM
    stem = f"hotseat-{_cut(person, max(room, 1))}{tail}"
    stem = _cut(stem, MAX_NAME_BYTES - _NUMBER_ROOM - len(fmt.encode()))
    n = 1
    while (candidate := folder / f"{stem}-{n}.{fmt}").exists():
        n += 1
    return candidate


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole: into a temporary file beside it, then renamed over it."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".hotseat-", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        Path(temporary).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise
