"""Standard streams that write any str: a lone surrogate (a valid JSON escape such as \\ud800
in an input line) is written as its \\uXXXX escape instead of ending the command."""

from __future__ import annotations

import io
import sys


def tolerant_output() -> None:
    """Make stdout and stderr escape what UTF-8 cannot encode, for the rest of the command."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
