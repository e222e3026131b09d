"""Workers that read their own share of a file: the shares read back as the whole file."""

from __future__ import annotations

import gzip
import io
import itertools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hotseat.shares import Share, plan, read
from hotseat.tables import Columns
from hotseat.transcripts import read_calls

SCORE = [sys.executable, "-m", "hotseat", "score"]
# shared/ stands beside the repository (as in CI) or, for a worktree, at /work/shared
SHARED = next(
    (
        p
        for p in (Path(__file__).resolve().parents[2] / ".." / "shared", Path("/work/shared"))
        if p.is_dir()
    ),
    Path("/nonexistent"),
)
REAL = sorted((SHARED / "realdata").glob("dialogues_*.jsonl")) + sorted(
    (SHARED / "realdata" / "pool").glob("dialogues_*.jsonl")
)


def jsonl_file(tmp_path: Path, calls: int, broken: bool = True) -> Path:
    lines = []
    for i in range(calls):
        said = "对不起，我马上帮您查。" if i % 2 else "Calm down. That's our policy."
        turns = [
            {"speaker": "customer", "text": f"Where is order {i}?"},
            {"speaker": "agent", "text": said},
        ]
        lines.append(json.dumps({"id": f"c{i}", "turns": turns}, ensure_ascii=False))
        if i % 7 == 3:
            lines.append("")  # blank lines are skipped wherever a cut falls
        if broken and i % 11 == 5:
            lines.append("{not json")  # a broken line keeps its own line number
    path = tmp_path / "calls.jsonl"
    path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def plain_file(tmp_path: Path, calls: int) -> Path:
    blocks = [
        f"Customer: Where is my refund {i}?\nAgent: I'm sorry.\nI will check it today.\n"
        for i in range(calls)
    ]
    path = tmp_path / "calls.txt"
    path.write_text("\n\n".join(blocks), encoding="utf-8")
    return path


def whole(path: Path) -> list:
    with path.open("rb") as raw:
        return list(read_calls(io.BufferedReader(raw), str(path)))


@pytest.mark.parametrize("maker", [jsonl_file, plain_file])
@pytest.mark.parametrize("size", [1, 37, 500, 1 << 20])
def test_shares_read_back_as_the_whole_file(tmp_path: Path, maker, size: int) -> None:
    path = maker(tmp_path, 60)
    shares = list(plan(str(path), Columns(), size))
    assert [r for s in shares for r in read(s)] == whole(path)
    assert shares[0].start == 0 and shares[-1].end is None
    assert all(a.end == b.start for a, b in itertools.pairwise(shares))
    if size == 1:
        assert len(shares) > 30  # cut after (nearly) every call


def test_a_gzip_file_is_one_share_read_whole(tmp_path: Path) -> None:
    path = jsonl_file(tmp_path, 20)
    packed = tmp_path / "calls.jsonl.gz"
    packed.write_bytes(gzip.compress(path.read_bytes()))
    shares = list(plan(str(packed), Columns(), 10))
    assert shares == [Share(str(packed), 0, None, 1, None)]
    got = [(r.turns, r.error) for r in read(shares[0])]
    assert got == [(r.turns, r.error) for r in whole(path)]


def test_a_truncated_gzip_share_reports_it_after_the_calls_it_read(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl_file(tmp_path, 200).read_bytes())[:-40])
    records = list(read(next(plan(str(path), Columns()))))
    assert records[-1].error is not None and records[-1].error.startswith("cannot read")


@pytest.mark.parametrize("maker", [jsonl_file, plain_file])
def test_jobs_three_is_byte_identical_to_jobs_one(tmp_path: Path, maker) -> None:
    path = maker(tmp_path, 40)
    gz = tmp_path / "more.jsonl.gz"
    gz.write_bytes(gzip.compress(jsonl_file(tmp_path, 9).read_bytes()))
    args = [str(path), "-", str(gz), str(tmp_path / "missing.jsonl")]
    stdin = jsonl_file(tmp_path, 5).read_bytes()
    one = subprocess.run([*SCORE, *args], input=stdin, capture_output=True, check=False)
    three = subprocess.run(
        [*SCORE, "--jobs", "3", *args], input=stdin, capture_output=True, check=False
    )
    assert one.stdout and one.stdout == three.stdout
    assert one.stderr == three.stderr  # the same skipped records, the same summary line
    assert one.returncode == three.returncode == 1
    for fmt in ("csv", "table"):
        cmd = [*SCORE, "--format", fmt, str(path)]
        one = subprocess.run(cmd, capture_output=True, check=False)
        three = subprocess.run([*cmd, "--jobs", "3"], capture_output=True, check=False)
        assert one.stdout == three.stdout


def test_a_named_pipe_is_read_by_the_parent_with_jobs(tmp_path: Path) -> None:
    path = jsonl_file(tmp_path, 30)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    feeder = subprocess.Popen(["sh", "-c", f"cat '{path}' > '{fifo}'"])
    piped = subprocess.run([*SCORE, "--jobs", "2", str(fifo)], capture_output=True, check=False)
    feeder.wait(timeout=60)
    one = subprocess.run([*SCORE, str(path)], capture_output=True, check=False)
    assert piped.stdout.replace(str(fifo).encode(), str(path).encode()) == one.stdout
    assert piped.stderr.replace(str(fifo).encode(), str(path).encode()) == one.stderr


@pytest.mark.slow
def test_ctrl_c_mid_run_leaves_whole_calls(tmp_path: Path) -> None:
    path = jsonl_file(tmp_path, 30000, broken=False)
    out = tmp_path / "out.jsonl"
    with out.open("wb") as sink:
        proc = subprocess.Popen(
            [*SCORE, "--jobs", "2", str(path)], stdout=sink, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 120
        while out.stat().st_size == 0 and time.monotonic() < deadline:
            time.sleep(0.05)  # interrupt once some output is written, mid-run
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    text = out.read_text(encoding="utf-8")
    assert text.endswith("\n")
    ids = [json.loads(line)["id"] for line in text.splitlines()]  # every line whole
    expected = [r.id for r in whole(path) if r.error is None]
    assert 0 < len(ids) < len(expected) and ids == expected[: len(ids)]
    assert f"the first {len(ids):,} calls" in err.decode()
    assert b"Traceback" not in err


@pytest.mark.skipif(not REAL, reason="the shared real dialogues are not present")
def test_real_dialogues_score_the_same_with_jobs_three() -> None:
    args = [str(p) for p in REAL]
    one = subprocess.run([*SCORE, *args], capture_output=True, check=False)
    three = subprocess.run([*SCORE, "--jobs", "3", *args], capture_output=True, check=False)
    assert one.stdout.count(b"\n") > 1000 and one.stdout == three.stdout
    assert one.stderr == three.stderr
