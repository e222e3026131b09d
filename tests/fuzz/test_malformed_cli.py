"""Malformed input to `analyze`, `play` and `score` (issue 15.1, 15.5-15.8): each bad line or
call gets a clear message with its file and line, the rest of the run goes on, the exit
status says so, and no traceback is ever printed."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from hotseat.cli import main

DEEP = "[" * 100_000 + "]" * 100_000
GOOD_CALL = {
    "id": "good",
    "turns": [
        {"speaker": "customer", "text": "You charged me twice!"},
        {"speaker": "agent", "text": "I'm sorry about that. Could you tell me your number?"},
    ],
}


def _run(args: list[str], stdin: bytes | None = None) -> Result:
    result = CliRunner().invoke(main, args, input=stdin)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result


def _lines(result: Result) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


# -- analyze -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"text": ' + DEEP + "}", "nested too deeply"),
        (DEEP.replace("[", "{", 1), "invalid JSON"),
        ('{"text": 5}', '"text" must be a string'),
        ('{"text": "ok" ', "invalid JSON"),
    ],
)
def test_analyze_names_a_bad_line_and_answers_the_next(line: str, expected: str) -> None:
    stdin = f"sorry\n{line}\nI'm sorry\n".encode()
    result = _run(["analyze", "--lang", "en"], stdin)
    out = _lines(result)
    assert result.exit_code == 0 and len(out) == 3
    assert expected in str(out[1]["error"]) and "line 2:" in result.stderr
    assert out[2]["moves"] and out[0]["moves"]


def test_analyze_answers_lone_surrogates_and_digit_floods() -> None:
    lines = [
        json.dumps({"text": "sorry \ud800 there"}),
        "9" * 5000 + " hours",
        "我们" + "9" * 400 + "天内给您回复",
        '{"text": "\\udfff\\u0000"}',
    ]
    result = _run(["analyze"], ("\n".join(lines) + "\n").encode())
    out = _lines(result)
    assert result.exit_code == 0 and len(out) == len(lines)
    assert all("error" not in o for o in out)
    assert out[0]["text"] == "sorry \ud800 there"  # written as the \ud800 escape, read back


# -- play ----------------------------------------------------------------------------------


def _play(tmp_path: Path, lines: list[str], *extra: str) -> Result:
    replies = tmp_path / "replies.txt"
    replies.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    return _run(["play", "en/overcharged-data", "--replies", str(replies), *extra])


def test_play_names_every_bad_line_with_its_file(tmp_path: Path) -> None:
    result = _play(tmp_path, ["I see, go on.", '{"text": ' + DEEP + "}", '{"text": 1}', "ok"])
    assert result.exit_code == 2
    assert "replies.txt:2: invalid JSON: nested too deeply" in result.stderr
    assert "replies.txt:3:" in result.stderr


@pytest.mark.parametrize("as_json", [False, True])
def test_play_prints_a_reply_holding_a_lone_surrogate(tmp_path: Path, as_json: bool) -> None:
    lines = [json.dumps({"text": "I see \ud800, go on."}), "9" * 5000 + " hours, sorry"]
    result = _play(tmp_path, lines, *(["--json"] if as_json else []))
    assert result.exit_code == 0
    assert "\\ud800" in result.stdout
    if as_json:
        said = [u["text"] for u in json.loads(result.stdout)["transcript"]]
        assert "I see \ud800, go on." in said


def test_recorded_play_stores_nul_and_surrogates_cleaned(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'records.db'}"
    lines = [json.dumps({"text": "I see\u0000 \ud800, go on."})]
    result = _play(tmp_path, lines, "--trainee", "Ann", "--db", url, "--json")
    assert result.exit_code == 0, result.output
    shown = [u["text"] for u in json.loads(result.stdout)["transcript"]]
    assert "I see\ufffd \ufffd, go on." in shown


# -- score ---------------------------------------------------------------------------------


def _score(tmp_path: Path, lines: list[str], *extra: str) -> Result:
    calls = tmp_path / "calls.jsonl"
    calls.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    return _run(["score", str(calls), *extra])


def test_score_keeps_the_good_calls_around_deep_json(tmp_path: Path) -> None:
    deep = '{"id": "deep", "turns": ' + DEEP + "}"
    result = _score(tmp_path, [json.dumps(GOOD_CALL), deep, json.dumps(GOOD_CALL)])
    assert result.exit_code == 1
    assert [o["id"] for o in _lines(result)] == ["good", "good"]
    assert "calls.jsonl:2: skipped: invalid JSON: nested too deeply" in result.stderr


def test_a_garbage_first_line_does_not_decide_the_format(tmp_path: Path) -> None:
    result = _score(tmp_path, ["garbage, not a call", json.dumps(GOOD_CALL), json.dumps(GOOD_CALL)])
    assert result.exit_code == 1
    assert len(_lines(result)) == 2
    assert "calls.jsonl:1: skipped" in result.stderr
    assert "calls.jsonl:2" not in result.stderr and "calls.jsonl:3" not in result.stderr


def test_score_writes_lone_surrogates_in_ids_and_quotes(tmp_path: Path) -> None:
    call = {**GOOD_CALL, "id": "x\ud800"}
    call["turns"] = [*GOOD_CALL["turns"], {"speaker": "agent", "text": "calm down \udfff!"}]  # type: ignore[list-item]
    result = _score(tmp_path, [json.dumps(call)])
    assert result.exit_code == 0
    (scored,) = _lines(result)
    assert scored["id"] == "x\ud800"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "＝", "＋", "－", "＠"])
def test_score_csv_defuses_formula_ids(tmp_path: Path, start: str) -> None:
    call = {**GOOD_CALL, "id": f'{start}HYPERLINK("http://x","y")'}
    result = _score(tmp_path, [json.dumps(call)], "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[1][0] == "'" + call["id"]


# -- report files (issue 15.11) --------------------------------------------------------------


def test_an_export_name_fits_the_file_system_for_a_long_chinese_name(tmp_path: Path) -> None:
    from hotseat.report.files import MAX_NAME_BYTES, export_path

    name = "欧阳" * 200  # 400 characters, 1,200 bytes of UTF-8
    first = export_path(tmp_path, name, "zh/overcharged-data", "html")
    assert len(first.name.encode()) <= MAX_NAME_BYTES
    assert first.name.startswith("hotseat-欧阳") and first.name.endswith("-1.html")
    first.write_text("x", encoding="utf-8")  # the file system takes it
    assert export_path(tmp_path, name, "zh/overcharged-data", "html").name.endswith("-2.html")


def test_a_report_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    from hotseat.report.files import write_atomic

    target = tmp_path / "report.md"
    target.write_text("the earlier report", encoding="utf-8")

    with pytest.raises(TypeError):  # a write that fails once the temporary file is open
        write_atomic(target, object())  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "the earlier report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # no partial file left
    write_atomic(target, "新的报告")
    assert target.read_text(encoding="utf-8") == "新的报告"


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "＝", "＋", "－", "＠", "\t", "\r"])
def test_report_csv_defuses_every_formula_start(start: str) -> None:
    """`report --format csv` writes names through the same guard as `score --format csv`."""
    from hotseat.report.tabular import defused

    assert defused(f"{start}cmd|' /C calc'!A0") == f"'{start}cmd|' /C calc'!A0"
    assert defused("王小明") == "王小明"
