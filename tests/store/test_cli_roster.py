"""`hotseat trainee`, `hotseat class` and `hotseat history` as a trainer types them."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from click.testing import CliRunner, Result

from hotseat.cli import main
from hotseat.scenario.model import Scenario
from hotseat.store import open_store

from .calls import finding, result, turn

Run = Callable[..., Result]


@pytest.fixture
def hs(sqlite_url: str) -> Run:
    runner = CliRunner()

    def run(*args: str) -> Result:
        return runner.invoke(main, [*args, "--db", sqlite_url])

    return run


def test_trainee_add_list_remove(hs: Run) -> None:
    assert hs("trainee", "add", "王芳", "Bob").output == "added 王芳\nadded Bob\n"
    assert hs("trainee", "add", "Bob").output == "Bob is already a trainee\n"
    listed = json.loads(hs("trainee", "list", "--json").output)
    assert listed == [
        {"name": "Bob", "sessions": 0, "classes": []},
        {"name": "王芳", "sessions": 0, "classes": []},
    ]
    table = hs("trainee", "list", "--lang", "zh").output
    assert table.splitlines()[0].split() == ["学员", "通话次数", "班级"]
    assert hs("trainee", "remove", "Bob").output == "removed Bob\n"
    missing = hs("trainee", "remove", "Bob")
    assert missing.exit_code == 1 and "no trainee named 'Bob'" in missing.output
    assert "Traceback" not in missing.output


def test_class_roster_draw_and_board(hs: Run, sqlite_url: str, scenario: Scenario) -> None:
    assert hs("class", "create", "一班").output == "created class 一班\n"
    added = hs("class", "add", "一班", "王芳", "李雷", "王芳")
    assert added.output == "王芳 joined 一班\n李雷 joined 一班\n"
    assert json.loads(hs("class", "list", "--json").output) == [
        {"name": "一班", "members": ["李雷", "王芳"]}
    ]
    drawn = [hs("class", "draw", "一班", "--seed", "3", "--lang", "en").output for _ in range(2)]
    names = {line.split(":")[1].split()[0] for line in (d.splitlines()[0] for d in drawn)}
    assert names == {"王芳", "李雷"}
    assert "still to go" in drawn[0] and "still to go" not in drawn[1]

    with open_store(sqlite_url) as store:
        rec = store.begin("王芳", scenario, "h", "drill", 0, class_name="一班")
        rec.turn(turn(1, findings=(finding("ET001", 1),)))
        rec.finish(result(overall=64, findings=(finding("ET001", 1),)), stepped_out=True)
    board = json.loads(hs("class", "show", "一班", "--json").output)
    # a stepped-out drill is never ranked (issue 12): 王芳 has a call, but no score on the board
    assert [(r["rank"], r["trainee"], r["overall"]) for r in board["rows"]] == [
        (None, "王芳", None),
        (None, "李雷", None),
    ]
    assert board["rows"][0]["stepped_out"] == 1 and board["pass_mark"] == 70
    assert board["rows"][0]["worst_rule"]["code"] == "ET001"
    text = hs("class", "show", "一班", "--lang", "en").output
    assert "Class board: 一班" in text and "ET001 rule-et001 ×1" in text
    rows = text.splitlines()
    assert rows[4].split()[:4] == ["-", "王芳", "1", "-"]
    assert hs("class", "pass-mark", "一班", "80").output == "一班: pass mark 80\n"
    assert "(Pass mark 80)" in hs("class", "show", "一班", "--lang", "en").output


def test_drawing_from_an_unknown_class_is_one_clear_line(hs: Run) -> None:
    out = hs("class", "draw", "nope")
    assert out.exit_code == 1
    assert out.output == "Error: no class named 'nope' (see `hotseat class list`)\n"


def test_history_table_and_json(hs: Run, sqlite_url: str, scenario: Scenario) -> None:
    assert hs("history", "--lang", "en").output == "No calls recorded yet.\n"
    with open_store(sqlite_url) as store:
        done = store.begin("Ann", scenario, "h", "practice", 0)
        done.finish(result(overall=77))
        store.begin("Ann", scenario, "h", "drill", 0).turn(turn(1))
    out = hs("history", "--trainee", "Ann", "--lang", "en")
    lines = out.output.splitlines()
    assert lines[2].split()[0] == "2" and "interrupted" in lines[2]
    assert lines[3].split()[0] == "1" and "resolved" in lines[3] and "77" in lines[3]
    assert "hotseat play --resume ID" in out.output
    data = json.loads(hs("history", "--json").output)
    assert [(c["id"], c["status"], c["overall"]) for c in data] == [
        (2, "interrupted", None),
        (1, "finished", 77),
    ]


def test_an_unreachable_database_is_a_clear_error() -> None:
    out = CliRunner().invoke(
        main, ["history", "--db", "postgresql://u:pw@127.0.0.1:1/x?connect_timeout=2"]
    )
    assert out.exit_code == 1
    assert out.output.startswith("Error: cannot open the training records at")
    assert "pw" not in out.output


def test_history_plot_needs_a_trainee_and_draws_their_scores(
    hs: Run, sqlite_url: str, scenario: Scenario
) -> None:
    assert hs("history", "--plot").exit_code == 2
    with open_store(sqlite_url) as store:
        for overall in (30, 60, 90):
            store.begin("Ann", scenario, "h", "practice", 0).finish(result(overall=overall))
    out = hs("history", "--trainee", "Ann", "--plot", "--lang", "en")
    assert out.exit_code == 0, out.output
    assert "Scores over time (Overall  AP  PR  CT  ET  EM)" in out.output
    assert "100┤" in out.output and "\x1b[" not in out.output  # no colour codes into a pipe
