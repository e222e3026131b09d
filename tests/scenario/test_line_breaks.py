"""Lint positions count lines as editors do (issue 15.11): U+0085, U+2028 and U+2029 inside a
value are characters to an editor, though YAML 1.1 (and PyYAML's marks) break lines there."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotseat.scenario.lint import lint_bytes

SOURCE = Path(__file__).resolve().parents[2] / "scenarios" / "en" / "overcharged-data.yaml"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_line_separator_in_a_value_does_not_shift_later_lines(newline: str) -> None:
    text = SOURCE.read_text(encoding="utf-8").replace(
        "title:", 'note: "one\u2028two\u0085three\u2029four"\ntitle:', 1
    )
    text += "unknown_key: 1\n"
    text = text.replace("\n", newline)
    lines = text.split(newline)
    note = lines.index('note: "one\u2028two\u0085three\u2029four"') + 1
    last = lines.index("unknown_key: 1") + 1
    diagnostics = lint_bytes(text.encode(), "overcharged-data.yaml").diagnostics
    assert {(d.line, d.col) for d in diagnostics if d.code == "S003"} == {(note, 1), (last, 1)}
