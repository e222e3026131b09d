"""`hotseat play --trainee`: killed mid-call nothing said is lost; resumed, the call is whole."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from hotseat.cli import main
from hotseat.store import open_store

# The scenario's model call, which the customer accepts at the seventh reply.
REPLIES = [
    "嗯，您请讲，我在听。",
    "先跟您说声抱歉。您是说套餐里有流量，用超了我们一条提醒都没发，就直接扣了您一百八十多，对吧？"
    "换作是我也会着急。",
    "为了尽快帮您处理，我需要跟您核实几个信息。请问这是哪个月的账单？",
    "好的，是3月份的账单。请问您希望我们怎么处理？",
    "明白，您是要退回多扣的流量费，以后流量快用完时按时提醒您。请问您的联系电话是多少？",
    "好的刘先生。我会把您的情况提交给计费部门核实，24小时内给您回电；"
    "核实确实是我们没按规定发提醒的，多扣的费用按公司承诺双倍返还。",
    "刘先生，我跟您确认一下：您3月份流量用超没收到提醒，被扣了186.4元套餐外流量费，"
    "希望退回并且以后按时提醒。我们会在24小时内给您回电，感谢您的耐心和反馈。",
]
KILL_AFTER = 3


def _turns_saved(url: str) -> int:
    with open_store(url) as store:
        calls = store.history()
        return calls[0].turns if calls else 0


def _wait_for(url: str, turns: int, proc: subprocess.Popen[bytes], limit: float = 60) -> None:
    deadline = time.monotonic() + limit
    while _turns_saved(url) < turns:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        assert time.monotonic() < deadline, f"turn {turns} never reached the database"
        time.sleep(0.05)


def _play(*args: str) -> list[str]:
    return [sys.executable, "-m", "hotseat", "play", *args]


@pytest.mark.slow
def test_sigkill_mid_call_keeps_the_turns_and_resume_finishes_it(
    db_url: str, tmp_path: Path
) -> None:
    proc = subprocess.Popen(
        _play("zh/overcharged-data", "--replies", "-", "--trainee", "王芳", "--db", db_url),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdin is not None
    try:
        for n, reply in enumerate(REPLIES[:KILL_AFTER], start=1):
            proc.stdin.write(reply.encode() + b"\n")
            proc.stdin.flush()
            _wait_for(db_url, n, proc)  # slow feeding: one line, then its turn lands
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL

    with open_store(db_url) as store:
        (call,) = store.history("王芳")
        assert (call.status, call.turns, call.outcome) == ("interrupted", KILL_AFTER, None)
        assert [text for text, _ in store.replies(call.id)] == REPLIES[:KILL_AFTER]
    listing = CliRunner().invoke(main, ["history", "--db", db_url, "--lang", "en"])
    assert listing.exit_code == 0, listing.output
    assert "interrupted" in listing.output and "--resume ID" in listing.output

    rest = tmp_path / "rest.txt"
    rest.write_text("\n".join(REPLIES[KILL_AFTER:]) + "\n", encoding="utf-8")
    resumed = subprocess.run(
        _play("--resume", str(call.id), "--replies", str(rest), "--db", db_url, "--json"),
        capture_output=True,
        check=True,
    )
    whole = tmp_path / "whole.txt"
    whole.write_text("\n".join(REPLIES) + "\n", encoding="utf-8")
    uninterrupted = subprocess.run(
        _play("zh/overcharged-data", "--replies", str(whole), "--json"),
        capture_output=True,
        check=True,
    )
    assert resumed.stdout == uninterrupted.stdout  # the resumed call is the same call
    assert json.loads(resumed.stdout)["outcome"] == "resolved"
    with open_store(db_url) as store:
        (call,) = store.history("王芳")
        assert (call.status, call.outcome, call.turns) == ("finished", "resolved", len(REPLIES))
        assert store.result(call.id) is not None


def test_recording_prints_the_same_json_as_plain_play(tmp_path: Path, sqlite_url: str) -> None:
    replies = tmp_path / "r.txt"
    replies.write_text("\n".join(REPLIES[:4]) + "\n", encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(
        main, ["play", "zh/overcharged-data", "--replies", str(replies), "--json"]
    )
    recorded = runner.invoke(
        main,
        [
            *("play", "zh/overcharged-data", "--replies", str(replies), "--json"),
            *("--trainee", "Ann", "--db", sqlite_url),
        ],
    )
    assert plain.exit_code == 0 and recorded.exit_code == 0, recorded.output
    assert recorded.stdout == plain.stdout
    assert "recording session 1" in recorded.stderr
    with open_store(sqlite_url) as store:
        (call,) = store.history()
        assert store.result(call.id) is not None
        assert store.result(call.id).to_json() == json.loads(plain.stdout)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["zh/overcharged-data", "--db", "sqlite://"], "--db records a call"),
        (["--resume", "1", "--trainee", "Ann"], "drop --trainee"),
        ([], "missing argument SCENARIO"),
    ],
)
def test_recording_options_are_checked(tmp_path: Path, args: list[str], message: str) -> None:
    replies = tmp_path / "r.txt"
    replies.write_text("嗯\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["play", *args, "--replies", str(replies)])
    assert out.exit_code == 2 and message in out.output


def test_a_bad_line_leaves_the_call_interrupted(tmp_path: Path, sqlite_url: str) -> None:
    replies = tmp_path / "r.jsonl"
    replies.write_text(json.dumps({"text": REPLIES[0]}) + "\n{broken\n", encoding="utf-8")
    out = CliRunner().invoke(
        main,
        [
            *("play", "zh/overcharged-data", "--replies", str(replies)),
            *("--trainee", "Ann", "--db", sqlite_url),
        ],
    )
    assert out.exit_code == 2
    assert "r.jsonl:2: invalid JSON" in out.stderr and "--resume 1" in out.stderr
    with open_store(sqlite_url) as store:
        (call,) = store.history()
        assert (call.status, call.turns) == ("interrupted", 1)


def test_resuming_a_finished_call_is_refused(tmp_path: Path, sqlite_url: str) -> None:
    replies = tmp_path / "r.txt"
    replies.write_text(REPLIES[0] + "\n", encoding="utf-8")
    base = ["play", "--replies", str(replies), "--db", sqlite_url]
    runner = CliRunner()
    assert runner.invoke(main, [*base, "zh/overcharged-data", "--trainee", "Ann"]).exit_code == 0
    out = runner.invoke(main, [*base, "--resume", "1"])
    assert out.exit_code == 1 and "already finished" in out.output


def test_resume_refuses_a_changed_scenario_file(tmp_path: Path, sqlite_url: str) -> None:
    from hotseat.scenario.library import resolve

    scenario = tmp_path / "overcharged-data.yaml"
    scenario.write_bytes(resolve("zh/overcharged-data").read_bytes())
    replies = tmp_path / "r.jsonl"
    replies.write_text(REPLIES[0] + "\n{broken\n", encoding="utf-8")
    runner = CliRunner()
    first = runner.invoke(
        main,
        ["play", str(scenario), "--replies", str(replies), "--trainee", "A", "--db", sqlite_url],
    )
    assert first.exit_code == 2
    scenario.write_bytes(scenario.read_bytes() + b"\n# edited\n")
    out = runner.invoke(
        main,
        ["play", str(scenario), "--resume", "1", "--replies", str(replies), "--db", sqlite_url],
    )
    assert out.exit_code == 1 and "has changed since session 1" in out.output
