"""The rules are core logic: importing and using them must never pull in the TUI framework."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
from hotseat.rules import RULES, Judge, Rulebook, score
from hotseat.cli import rules as cli_rules
Judge(Rulebook.default())
print(sorted(m for m in sys.modules if m == "textual" or m.startswith("textual.")))
"""


def test_rules_never_import_textual() -> None:
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
