"""The partition function engines map, and `hotseat score --dask` on a local cluster."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hotseat.bulk import Summary
from hotseat.partition import Options, records, score_partition

SCORE = [sys.executable, "-m", "hotseat", "score"]


def dialogues(n: int) -> list[dict]:
    said = ["Calm down. That's our policy.", "对不起，我马上帮您查，今天五点前回电。", "OK."]
    return [
        {
            "id": f"c{i}",
            "turns": [
                {"speaker": "customer", "text": f"Where is my refund {i}?"},
                {"speaker": "agent", "text": said[i % 3]},
            ],
        }
        for i in range(n)
    ]


def write(path: Path, calls: list[dict]) -> Path:
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in calls), "utf-8")
    return path


def test_partitions_joined_and_merged_are_the_whole_run(tmp_path: Path) -> None:
    calls = dialogues(40)
    calls.insert(7, {"id": "bad", "turns": "nope"})
    path = write(tmp_path / "calls.jsonl", calls)
    run = subprocess.run([*SCORE, str(path)], capture_output=True, check=False)
    # the engine's partitions: three, uneven, each given as dicts; sources renamed to match
    parts = [calls[:5], calls[5:31], calls[31:]]
    chunks, start = [], 1
    for part in parts:
        recs = records(part, str(path))
        recs = [
            r.__class__(r.id, f"{path}:{start + k}", r.turns, r.error) for k, r in enumerate(recs)
        ]
        chunks.append(score_partition(recs))
        start += len(part)
    assert "".join(c.out for c in chunks).encode() == run.stdout
    total = Summary()
    for chunk in reversed(chunks):  # merged in any order
        total.merge(chunk.summary)
    assert total.calls == 40 and total.skipped == 1
    assert [e for c in chunks for e in c.errors] == [f'{path}:8: skipped: missing "turns" list']
    # the same partition again gives the same answer (the per-thread scorer only caches)
    again = score_partition(records(parts[1]), Options())
    assert again.out == score_partition(records(parts[1])).out


@pytest.mark.slow
def test_dask_on_a_local_cluster_is_byte_identical_to_jobs_one(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    path = write(tmp_path / "calls.jsonl", dialogues(300))
    stdin = write(tmp_path / "more.jsonl", dialogues(700)).read_bytes()
    args = [str(path), "-"]  # a share the Dask worker reads, and batches read from stdin
    one = subprocess.run([*SCORE, *args], input=stdin, capture_output=True, check=True)
    three = subprocess.run([*SCORE, "--jobs", "3", *args], input=stdin, capture_output=True)
    assert one.stdout.count(b"\n") == 1000 and three.stdout == one.stdout
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", dashboard_address=None
    ) as cluster:
        on_dask = subprocess.run(
            [*SCORE, "--dask", cluster.scheduler_address, *args],
            input=stdin,
            capture_output=True,
            check=False,
        )
    assert on_dask.returncode == 0, on_dask.stderr.decode()[-2000:]
    assert on_dask.stdout == one.stdout
    assert on_dask.stderr.splitlines()[-1] == one.stderr.splitlines()[-1]  # the summary line
