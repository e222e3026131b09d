"""`hotseat score` as a real process, on real helpdesk dialogues when they are present."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

REALDATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "realdata"
SCORE = [sys.executable, "-m", "hotseat", "score"]

CALLS = [
    {
        "id": "zh-1",
        "turns": [
            {"speaker": "customer", "text": "凭什么多扣我钱？"},
            {"speaker": "agent", "text": "对不起对不起，真的非常抱歉，我保证今天给您退款。"},
        ],
    },
    {
        "id": "en-1",
        "turns": [
            {"speaker": "customer", "text": "You charged me twice."},
            {"speaker": "agent", "text": "Calm down. That's our policy."},
        ],
    },
]
PLAIN = "Customer: Where is my refund?\nAgent: I'm sorry. Let me check that for you.\n"


def corpus(tmp_path: Path, copies: int) -> Path:
    path = tmp_path / "calls.jsonl"
    lines = [
        json.dumps({**c, "id": f"{c['id']}-{i}"}, ensure_ascii=False)
        for i in range(copies)
        for c in CALLS
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_files_stdin_and_two_jobs_in_a_real_process(tmp_path: Path) -> None:
    path = corpus(tmp_path, 300)
    one = subprocess.run([*SCORE, str(path)], capture_output=True, check=False)
    assert one.returncode == 0, one.stderr.decode()
    out = [json.loads(line) for line in one.stdout.decode().splitlines()]
    assert [o["id"] for o in out[:2]] == ["zh-1-0", "en-1-0"] and len(out) == 600
    assert [o["lang"] for o in out[:2]] == ["zh", "en"]
    assert json.loads(one.stderr.decode().splitlines()[-1])["calls"] == 600
    two = subprocess.run([*SCORE, "--jobs", "2", str(path)], capture_output=True, check=False)
    assert (two.returncode, two.stdout, two.stderr) == (0, one.stdout, one.stderr)
    piped = subprocess.run(
        [*SCORE, "--format", "csv", "-"],
        input=gzip.compress(PLAIN.encode()),
        capture_output=True,
        check=False,
    )
    assert piped.returncode == 0, piped.stderr.decode()
    header, row = piped.stdout.decode().splitlines()
    # stdin's records are named "-:LINE"; a leading "-" is defused like any formula start
    assert header.startswith("id,source,lang,replies") and row.startswith("'-:1,'-:1,en,1,")


def test_a_skipped_record_sets_exit_status_one(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(PLAIN + "\nno prefix here\n", encoding="utf-8")
    done = subprocess.run([*SCORE, "--format", "table", str(path)], capture_output=True)
    assert done.returncode == 1
    assert f"{path}:4: skipped:" in done.stderr.decode()
    assert "1 calls, 1 replies, 1 skipped" in done.stdout.decode()


def test_a_reader_that_stops_early_leaves_no_traceback(tmp_path: Path) -> None:
    path = corpus(tmp_path, 2000)
    proc = subprocess.Popen([*SCORE, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert json.loads(proc.stdout.readline())["id"] == "zh-1-0"
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) != 0
    assert "Traceback" not in err and "BrokenPipe" not in err


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_real_helpdesk_dialogues_all_score(lang: str) -> None:
    path = REALDATA / f"dialogues_{lang}.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    with path.open(encoding="utf-8") as handle:
        ids = [json.loads(line)["id"] for line in handle if line.strip()]
    done = subprocess.run([*SCORE, str(path)], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    out = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == ids
    assert {o["lang"] for o in out} == {lang}
    assert all(0 <= o["scores"]["overall"] <= 100 and o["replies"] >= 1 for o in out)
    summary = json.loads(done.stderr.decode().splitlines()[-1])
    assert summary["calls"] == len(ids) and summary["skipped_calls"] == 0
    assert summary["replies"] == sum(o["replies"] for o in out)
