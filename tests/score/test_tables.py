"""CSV and Parquet call tables: rows grouped into calls and ordered, bad rows named."""

from __future__ import annotations

import csv
import gzip
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from hotseat.tables import Columns, read_table
from hotseat.transcripts import Turn

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
HEADER = ["conv", "ts", "role", "utterance"]
COLUMNS = "call=conv,time=ts,speaker=role,text=utterance"


def calls(n: int) -> list[dict]:
    out = []
    for i in range(n):
        turns = [
            {"speaker": "customer", "text": f"第{i}次了，包裹还没到！"},
            {"speaker": "agent", "text": "Calm down, that's our policy."},
            {"speaker": "customer", "text": 'What?\nSeriously, "policy"?'},
            {"speaker": "agent", "text": "对不起，我今天下午五点前给您回电。"},
        ][: 2 + i % 3]
        out.append({"id": f"call-{i}", "turns": turns})
    return out


def rows_of(dialogues: list[dict], seed: int = 7) -> list[list[object]]:
    """One row per turn, the agent called 'rep', turn numbers past 9 (sorted as numbers),
    every row shuffled."""
    rows: list[list[object]] = [
        [c["id"], 8 + k, "rep" if t["speaker"] == "agent" else "caller", t["text"]]
        for c in dialogues
        for k, t in enumerate(c["turns"])
    ]
    random.Random(seed).shuffle(rows)
    return rows


def write_csv(path: Path, rows: list[list[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def write_parquet(path: Path, rows: list[list[object]]) -> Path:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({name: [r[k] for r in rows] for k, name in enumerate(HEADER)})
    pq.write_table(table, path, row_group_size=5)  # several batches
    return path


def write_jsonl(path: Path, dialogues: list[dict]) -> Path:
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in dialogues))
    return path


def by_id(stdout: bytes) -> dict[str, dict]:
    """Scored calls by id, without the source (a file:line that differs between formats)."""
    out = {}
    for line in stdout.decode().splitlines():
        obj = json.loads(line)
        obj.pop("source")
        out[obj["id"]] = obj
    return out


@pytest.mark.parametrize(("writer", "suffix"), [(write_csv, ".csv"), (write_parquet, ".parquet")])
def test_shuffled_rows_come_back_grouped_and_ordered(tmp_path: Path, writer, suffix) -> None:
    dialogues = calls(12)
    path = writer(tmp_path / f"calls{suffix}", rows_of(dialogues))
    got = list(read_table(str(path), Columns.parse(COLUMNS, ("rep",))))
    assert sorted(r.id for r in got) == sorted(c["id"] for c in dialogues)
    for record in got:
        call = next(c for c in dialogues if c["id"] == record.id)
        assert record.turns == tuple(Turn(t["speaker"], t["text"]) for t in call["turns"])


def test_a_malformed_row_is_named_and_the_run_goes_on(tmp_path: Path) -> None:
    rows = rows_of(calls(6))
    path = write_csv(tmp_path / "calls.csv", rows)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(3, "call-1,,rep,a row with no time\r\n")  # line 4 of the file
    lines.insert(5, "just,three,cells\r\n")  # line 6
    path.write_text("".join(lines), encoding="utf-8")
    run = subprocess.run(
        [*SCORE, "--columns", COLUMNS, "--agent-role", "rep", str(path)],
        capture_output=True,
        check=False,
    )
    err = run.stderr.decode()
    assert f'{path}:4: skipped: row 4: no time in column "ts"' in err
    assert f"{path}:6: skipped: row 6: 3 cells, the header has 4" in err
    assert run.returncode == 1
    assert len(by_id(run.stdout)) == 6  # every call still scored


def test_formats_and_jobs_agree(tmp_path: Path) -> None:
    """JSON Lines, CSV, gzip'd CSV and Parquet of the same calls score the same, with
    --jobs 1 and --jobs 3."""
    dialogues = calls(30)
    rows = rows_of(dialogues)
    jsonl = write_jsonl(tmp_path / "calls.jsonl", dialogues)
    table = write_csv(tmp_path / "calls.csv", rows)
    gz = tmp_path / "calls.csv.gz"
    gz.write_bytes(gzip.compress(table.read_bytes()))
    parquet = write_parquet(tmp_path / "calls.parquet", rows)
    base = subprocess.run([*SCORE, str(jsonl)], capture_output=True, check=True).stdout
    for path in (table, gz, parquet):
        cmd = [*SCORE, "--columns", COLUMNS, "--agent-role", "REP", str(path)]
        one = subprocess.run(cmd, capture_output=True, check=True).stdout
        three = subprocess.run([*cmd, "--jobs", "3"], capture_output=True, check=True).stdout
        assert one == three
        assert by_id(one) == by_id(base)


def test_an_unknown_column_key_is_a_usage_error(tmp_path: Path) -> None:
    run = subprocess.run(
        [*SCORE, "--columns", "who=role", str(tmp_path / "x.csv")], capture_output=True
    )
    assert run.returncode == 2 and b"--columns" in run.stderr


@pytest.mark.slow
@pytest.mark.skipif(not REAL, reason="the shared real dialogues are not present")
def test_real_dialogues_score_the_same_through_every_format(tmp_path: Path) -> None:
    """Converted here, in a temporary folder: no real text is kept in the repository."""
    for source in REAL:
        dialogues = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
        dialogues = [c for c in dialogues if c.get("turns")]
        for k, c in enumerate(dialogues):
            c["id"] = f"{k}:{c['id']}"  # ids repeat across the pool's sources
        rows = rows_of(dialogues)
        jsonl = write_jsonl(tmp_path / "real.jsonl", dialogues)
        base = by_id(subprocess.run([*SCORE, str(jsonl)], capture_output=True).stdout)
        assert len(base) > 10
        for path in (
            write_csv(tmp_path / "real.csv", rows),
            write_parquet(tmp_path / "real.parquet", rows),
        ):
            cmd = [*SCORE, "--columns", COLUMNS, "--agent-role", "rep", str(path)]
            assert by_id(subprocess.run(cmd, capture_output=True).stdout) == base, source.name


def test_parquet_output_holds_what_json_lines_hold(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    dialogues = calls(25)
    dialogues[3]["id"] = "odd-\ud800-id"  # a lone surrogate, from a JSON escape
    path = tmp_path / "calls.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in dialogues), encoding="utf-8")
    lines = subprocess.run([*SCORE, str(path)], capture_output=True, check=True).stdout
    made = []
    for jobs in ("1", "3"):
        out = tmp_path / f"scored-{jobs}.parquet"
        with out.open("wb") as sink:
            cmd = [*SCORE, "--format", "parquet", "--jobs", jobs, str(path)]
            subprocess.run(cmd, stdout=sink, check=True)
        made.append(out.read_bytes())
    assert made[0] == made[1]
    rows = pq.read_table(tmp_path / "scored-1.parquet").to_pylist()
    expected = [json.loads(line) for line in lines.decode("utf-8", "surrogateescape").splitlines()]
    assert len(rows) == len(expected) == 25
    for row, call in zip(rows, expected, strict=True):
        assert row["id"].encode("utf-8") == call["id"].encode("utf-8", "backslashreplace")
        assert row["overall"] == call["scores"]["overall"] and row["replies"] == call["replies"]
        assert json.loads(row["findings"]) == call["findings"]
