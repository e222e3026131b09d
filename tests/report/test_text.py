"""Terminal tables line up whatever mix of Chinese and Latin names they hold."""

from __future__ import annotations

from hotseat.report.text import cells, fit, table


def test_wide_characters_take_two_cells() -> None:
    assert cells("王芳") == 4
    assert cells("Ann") == 3
    assert cells("Ｂ") == 2  # full-width Latin
    assert cells("é") == 1 and cells("e\u0301") == 1  # combining accent adds nothing


def test_columns_align_by_display_width() -> None:
    out = table(["Name", "Score"], [["王芳", "90"], ["Ann", "7"], ["欧阳娜娜", "100"]])
    lines = out.splitlines()
    assert lines[0] == "Name      Score"
    assert lines[2] == "王芳         90"
    assert lines[3] == "Ann           7"
    assert lines[4] == "欧阳娜娜    100"
    assert len({cells(line) for line in lines[2:]}) == 1


def test_long_cells_are_cut_with_an_ellipsis_and_newlines_folded() -> None:
    assert fit("一二三四五六", 7) == "一二三…"
    assert cells(fit("一二三四五六", 7)) <= 7
    out = table(["Reply"], [["line one\nline two"]])
    assert out.splitlines()[2] == "line one line two"
