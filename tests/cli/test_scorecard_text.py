"""The `hotseat play` scorecard reads right in Chinese (issue 14.6): rule names in Chinese,
full-width colons, and the score column aligned by display cells, not characters."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.cells import cell_len

from hotseat.cli import main

RUDE = {
    "zh": "你冷静一点，我保证百分之百给您解决！",
    "en": "Calm down, I guarantee it'll be fixed.",
}


def play(tmp_path: Path, lang: str) -> str:
    replies = tmp_path / "replies.txt"
    replies.write_text(RUDE[lang] + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["play", f"{lang}/overcharged-data", "--replies", str(replies)]
    )
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_score_column_lines_up_by_display_width(tmp_path: Path, lang: str) -> None:
    lines = play(tmp_path, lang).splitlines()
    start = lines.index("-- 得分 --" if lang == "zh" else "-- Scores --")
    areas = lines[start + 1 : start + 6]
    assert [line.split()[0] for line in areas] == ["AP", "PR", "CT", "ET", "EM"]
    assert len({cell_len(line) for line in areas}) == 1  # the numbers end in one column


def test_chinese_scorecard_names_rules_in_chinese_with_full_width_colons(tmp_path: Path) -> None:
    out = play(tmp_path, "zh")
    assert "PR001 打包票（第1轮）：" in out and "ET001 用语不礼貌" in out
    assert "guarantee" not in out and "rude-language" not in out
    assert "总分：" in out and "建议说法：" in out
    assert ": " not in out.split("-- 得分 --")[1]  # no half-width colon in the Chinese card


def test_english_scorecard_keeps_its_rule_names(tmp_path: Path) -> None:
    out = play(tmp_path, "en")
    assert "PR001 guarantee (turn 1): " in out and "Overall: " in out
