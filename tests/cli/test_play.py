"""`hotseat play` as a user runs it: real files, a real process, byte-identical replays."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from hotseat.cli import main

REPLIES = [
    "嗯，您请讲。",
    "先跟您说声抱歉。您是说流量用超了一条提醒都没收到，对吧？换作是我也会着急。",
    "为了尽快帮您处理，我需要核实几个信息。请问您的手机号是多少？",
]


def write(tmp_path: Path, lines: list[str], name: str = "replies.txt") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_same_replies_same_seed_byte_identical_json_across_processes(tmp_path: Path) -> None:
    replies = write(tmp_path, REPLIES)
    cmd = [
        sys.executable,
        "-m",
        "hotseat",
        "play",
        "zh/overcharged-data",
        "--replies",
        str(replies),
        "--seed",
        "11",
        "--json",
    ]
    first = subprocess.run(cmd, capture_output=True, check=True)
    second = subprocess.run(cmd, capture_output=True, check=True)
    assert first.stdout == second.stdout
    doc = json.loads(first.stdout)
    assert doc["scenario"] == "zh/overcharged-data"
    assert set(doc["scores"]) == {"AP", "PR", "CT", "ET", "EM", "overall"}
    assert len(doc["mood"]) == 3 and doc["transcript"][0]["speaker"] == "customer"


def test_replies_running_out_means_abandoned(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["play", "zh/overcharged-data", "--replies", str(write(tmp_path, REPLIES[:1])), "--json"],
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["outcome"] == "abandoned"
    for finding in doc["findings"]:
        assert {"code", "turn", "start", "end", "message", "tip"} <= set(finding)


def test_json_lines_with_seconds_drive_the_drill_clock(tmp_path: Path) -> None:
    rows = [{"text": REPLIES[0], "seconds": 3}, {"text": REPLIES[1], "seconds": 45}]
    path = write(tmp_path, [json.dumps(r, ensure_ascii=False) for r in rows], "r.jsonl")
    result = CliRunner().invoke(
        main,
        [
            "play",
            "en/overcharged-data",
            "--replies",
            str(path),
            "--mode",
            "drill",
            "--clock",
            "20",
            "--json",
        ],
    )
    doc = json.loads(result.output)
    speakers = [t["speaker"] for t in doc["transcript"]]
    trainee = [t["text"] for t in doc["transcript"] if t["speaker"] == "trainee"]
    assert speakers[0] == "customer"
    assert trainee[:3] == [REPLIES[0], "", REPLIES[1]]  # the dead air comes first
    assert any(f["code"] == "CT007" for f in doc["findings"])


def test_bad_reply_lines_are_named_by_line_and_nothing_is_played(tmp_path: Path) -> None:
    path = write(tmp_path, ["嗯", '{"text": 5}', "{broken"])
    result = CliRunner().invoke(main, ["play", "zh/overcharged-data", "--replies", str(path)])
    assert result.exit_code == 2
    assert f"{path}:2:" in result.stderr and f"{path}:3:" in result.stderr


def test_unknown_scenario_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["play", "zh/no-such-thing", "--replies", str(write(tmp_path, ["嗯"]))]
    )
    assert result.exit_code != 0
    assert "no-such-thing" in result.output + result.stderr
    assert "Traceback" not in result.output


def test_text_output_shows_transcript_and_scorecard(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["play", "zh/overcharged-data", "--replies", str(write(tmp_path, REPLIES))]
    )
    assert result.exit_code == 0
    assert "通话记录" in result.output and "总分" in result.output


def test_unknown_rule_selector_is_a_usage_error_not_a_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "play",
            "zh/overcharged-data",
            "--replies",
            str(write(tmp_path, ["嗯"])),
            "--select",
            "XX9",
        ],
    )
    assert result.exit_code == 2
    assert "XX9" in result.output and "Traceback" not in result.output


def test_options_without_a_command_go_to_the_tui() -> None:
    result = CliRunner().invoke(main, ["--lang", "zh", "--help"])
    assert result.exit_code == 0
    assert "--trainee" in result.output  # the tui command's own help, reached without naming it
