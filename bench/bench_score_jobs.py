"""`hotseat score` with one and two jobs: CPU per reply (every process counted), wall-clock
speed-up, start-up CPU on a one-call file, and unique-reply throughput against an older
build of the source.

Run: .venv/bin/python -m bench.bench_score_jobs --replies 200000 [--before DIR]
(``--before DIR``: a source tree to compare with, e.g. ``git archive REV src | tar -x -C DIR``.)

Workers start from a fork server that the `score` process does not wait for, so this
harness makes itself the subreaper of everything it starts (Linux prctl) and reaps the
orphans: RUSAGE_CHILDREN then holds the CPU of every process of the run.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import write_jsonl

PR_SET_CHILD_SUBREAPER = 36


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def reap() -> None:
    """Wait for every orphan handed to us (the fork server and its workers)."""
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def run(path: Path, jobs: int, src: str | None = None) -> tuple[float, float, bytes]:
    """Wall seconds, CPU seconds of every process and stdout of one `hotseat score`."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    reap()
    cpu, began = children_cpu(), time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "hotseat", "score", "--jobs", str(jobs), str(path)],
        capture_output=True,
        check=True,
        env=env,
    )
    wall = time.perf_counter() - began
    reap()
    return wall, children_cpu() - cpu, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--replies", type=int, default=200_000)
    parser.add_argument("--before", help="an older src/ tree for the --jobs 1 comparison")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.jsonl"
        write_jsonl(one, count=1)
        big = Path(tmp) / "calls.jsonl"
        calls, replies = write_jsonl(big, count=max(1, args.replies // 4), unique=True)
        print(f"{replies:,} unique replies in {calls:,} calls; {os.cpu_count()} cores")
        for _ in range(3):
            _, cpu, _ = run(one, 1)
            print(f"start-up, one-call file: {cpu:.3f} s CPU")
        for _ in range(args.repeat):
            w1, c1, out1 = run(big, 1)
            w2, c2, out2 = run(big, 2)
            assert out1 == out2, "--jobs 2 output differs from --jobs 1"
            load = os.getloadavg()[0]
            print(
                f"--jobs 1: {w1:.1f} s wall, {c1:.1f} s CPU "
                f"({1e6 * c1 / replies:.1f} µs CPU/reply, "
                f"{replies / c1:,.0f} replies/CPU-s); --jobs 2: {w2:.1f} s wall, {c2:.1f} s CPU "
                f"({1e6 * c2 / replies:.1f} µs/reply); CPU ratio {c2 / c1:.2f}, "
                f"speed-up {w1 / w2:.2f}x (load {load:.1f})"
            )
            if args.before:
                wb, cb, _ = run(big, 1, args.before)
                print(
                    f"before: --jobs 1 {wb:.1f} s wall, {cb:.1f} s CPU, "
                    f"{replies / cb:,.0f} replies/CPU-s (now {replies / c1:,.0f})"
                )


if __name__ == "__main__":
    main()
