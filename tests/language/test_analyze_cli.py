"""`hotseat analyze` exactly as DESIGN.md contract 2, in-process and as a real subprocess."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from pathlib import Path

from click.testing import CliRunner

from hotseat.cli import main

CONTRACT_LINE = {
    "text": "非常抱歉,我会在24小时内给您回复。",
    "lang": "zh",
    "moves": [
        {"move": "apology", "start": 0, "end": 4},
        {"move": "promise", "start": 5, "end": 17, "guarantee": False, "deadline": True,
         "compensation": False},
    ],
}  # fmt: skip


def run(stdin: bytes | str, *args: str) -> tuple[list[dict[str, object]], str, int]:
    result = CliRunner().invoke(main, ["analyze", *args], input=stdin)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    return lines, result.stderr, result.exit_code


def test_contract_example_from_stdin() -> None:
    lines, err, code = run("非常抱歉,我会在24小时内给您回复。\n")
    assert code == 0 and not err
    assert lines == [CONTRACT_LINE]


def test_output_keys_and_unescaped_chinese() -> None:
    result = CliRunner().invoke(
        main, ["analyze"], input="谢谢您的耐心\nthanks, I'll call you today\n"
    )
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert "谢谢" in result.stdout  # ensure_ascii=False
    assert list(first) == ["text", "lang", "moves"]
    assert all(set(m) == {"move", "start", "end"} for m in first["moves"])
    promise = next(m for m in second["moves"] if m["move"] == "promise")
    assert list(promise) == ["move", "start", "end", "guarantee", "deadline", "compensation"]


def test_json_lines_and_plain_lines_mix_in_order(tmp_path: Path) -> None:
    path = tmp_path / "replies.jsonl"
    path.write_text(
        '{"id": 1, "text": "I\'m so sorry."}\n'
        "嗯嗯，您请讲。\n"
        '{"text": "对不起", "lang": "zh"}\n'
        "[not json, just a reply]\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["analyze", str(path)])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["text"] for line in lines] == [
        "I'm so sorry.",
        "嗯嗯，您请讲。",
        "对不起",
        "[not json, just a reply]",
    ]
    assert [line["lang"] for line in lines] == ["en", "zh", "zh", "en"]
    assert lines[1]["moves"] == [{"move": "backchannel", "start": 0, "end": 6}]


def test_lang_option_forces_the_lexicon() -> None:
    lines, _, _ = run("sorry\n", "--lang", "zh")
    assert lines[0]["lang"] == "zh"
    lines, _, _ = run('{"text": "sorry", "lang": "zh"}\n', "--lang", "en")
    assert lines[0]["lang"] == "en"


def test_bad_lines_become_errors_in_place_and_the_run_goes_on() -> None:
    stdin = (
        b"first reply, sorry\n"
        b'{"text": 3}\n'
        b'{"no_text": "x"}\n'
        b"{broken json\n"
        b"\xff\xfe not utf-8\n"
        b"last reply, thanks\n"
    )
    lines, err, code = run(stdin)
    assert code == 0
    assert len(lines) == 6
    assert lines[0]["moves"] and lines[5]["moves"]
    assert [set(line) for line in lines[1:5]] == [{"error"}] * 4
    notes = err.strip().splitlines()
    assert [note.split(":")[0] for note in notes] == ["line 2", "line 3", "line 4", "line 5"]
    assert (
        "string" in notes[0] and "text" in notes[1] and "JSON" in notes[2] and "UTF-8" in notes[3]
    )


def test_blank_lines_and_crlf_keep_alignment() -> None:
    lines, _, _ = run(b"sorry\r\n\r\nthanks\r\n")
    assert [line["text"] for line in lines] == ["sorry", "", "thanks"]
    assert lines[1]["moves"] == []


def test_missing_file_is_a_usage_error_not_a_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["analyze", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "No such file" in result.stderr
    assert "Traceback" not in result.output


def test_real_subprocess(tmp_path: Path) -> None:
    path = tmp_path / "in.txt"  # with a byte-order mark, as Windows editors save it
    path.write_text("\ufeff非常抱歉,我会在24小时内给您回复。\n{oops\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", "from hotseat.cli import main; main()", "analyze", str(path)],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0
    out = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert out[0] == CONTRACT_LINE
    assert set(out[1]) == {"error"}
    assert proc.stderr.decode("utf-8").startswith("line 2: ")


def test_a_pipe_gets_each_answer_before_it_sends_the_next_reply() -> None:
    """Streaming: the first answer arrives while stdin is still open, so a program can
    converse with `hotseat analyze` and a corpus never has to fit in memory."""
    proc = subprocess.Popen(
        [sys.executable, "-c", "from hotseat.cli import main; main()", "analyze"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None and proc.stdout is not None
    answers: queue.Queue[bytes] = queue.Queue()

    def read() -> None:
        for line in proc.stdout or []:
            answers.put(line)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        proc.stdin.write("非常抱歉,我会在24小时内给您回复。\n".encode())
        proc.stdin.flush()
        first = json.loads(answers.get(timeout=60))
        assert first == CONTRACT_LINE
        proc.stdin.write(b"thanks\n")
        proc.stdin.close()
        second = json.loads(answers.get(timeout=60))
        assert second["moves"] == [{"move": "thanks", "start": 0, "end": 6}]
    finally:
        proc.kill()
        reader.join(timeout=10)
        proc.wait(timeout=10)


def test_a_large_input_streams_in_order(tmp_path: Path) -> None:
    path = tmp_path / "many.txt"
    path.write_text("".join(f"reply {i}, sorry\n" for i in range(2000)), encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(path)])
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["text"] for line in lines] == [f"reply {i}, sorry" for i in range(2000)]
