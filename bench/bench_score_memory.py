"""Peak memory of `hotseat score` on a 1 GB input: resident memory must stay flat while it streams.

Run from the repository root:
    .venv/bin/python -m bench.bench_score_memory [--mb 1024] [--gzip] [--jobs 1]
                                                 [--sample 60] [--full 600]

It writes a JSON Lines corpus of the requested size to /tmp (deleted at the
end), starts `hotseat score` on it in its own process group, and samples the
resident memory (VmRSS from /proc) of the command and all its workers once a
second. After ``--sample`` seconds it prints the samples and stops the run;
with ``--full N`` it lets the run finish instead (giving up after N seconds)
and reports the wall time and replies per second as well. Target: under
200 MB, and no growth after the first seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .corpus import write_jsonl

TARGET_MB = 200


def rss_kb(pid: int) -> int:
    """Resident memory of one process in kB; 0 once it has gone."""
    try:
        with Path(f"/proc/{pid}/status").open() as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def descendants(root: int) -> list[int]:
    """The process and every process below it, from /proc's parent links."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def sample(pid: int) -> tuple[int, int]:
    """(largest single process, whole tree) resident memory in MB."""
    sizes = [rss_kb(p) for p in descendants(pid)]
    return max(sizes, default=0) // 1024, sum(sizes) // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=1024, help="input size in MB (uncompressed)")
    parser.add_argument("--gzip", action="store_true", help="write the input gzip-compressed")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--sample", type=float, default=60, help="seconds to watch, then stop")
    parser.add_argument("--full", type=float, default=0, help="let it finish, up to N seconds")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="hotseat-mem-", dir="/tmp"))
    path = workdir / ("calls.jsonl.gz" if args.gzip else "calls.jsonl")
    try:
        began = time.perf_counter()
        n_calls, n_replies = write_jsonl(path, min_bytes=args.mb * 1024 * 1024)
        print(
            f"wrote {n_calls:,} calls, {n_replies:,} agent replies, "
            f"{path.stat().st_size / 2**20:,.0f} MB on disk in {time.perf_counter() - began:.0f} s"
        )
        run(path, args, n_replies)
    finally:
        path.unlink(missing_ok=True)
        workdir.rmdir()


def run(path: Path, args: argparse.Namespace, n_replies: int) -> None:
    cmd = [sys.executable, "-m", "hotseat", "score", "--jobs", str(args.jobs), str(path)]
    limit = args.full or args.sample
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True)
        began = time.perf_counter()
        peaks: list[tuple[float, int, int]] = []
        while proc.poll() is None and time.perf_counter() - began < limit:
            time.sleep(1)
            largest, tree = sample(proc.pid)
            if tree:
                peaks.append((time.perf_counter() - began, largest, tree))
        finished = proc.poll() is not None
        if not finished:
            os.killpg(
                proc.pid, signal.SIGTERM
            )  # the group this run started: the command and workers
            proc.wait(timeout=30)
        wall = time.perf_counter() - began
        err.seek(0)
        tail = err.read().decode(errors="replace").splitlines()
    report(peaks, finished, wall, n_replies, tail, args)


def report(
    peaks: list[tuple[float, int, int]],
    finished: bool,
    wall: float,
    n_replies: int,
    stderr_tail: list[str],
    args: argparse.Namespace,
) -> None:
    if not peaks:
        print("the run ended before the first sample")
        return
    print(f"{'second':>7} {'largest MB':>11} {'all MB':>7}")
    step = max(1, len(peaks) // 12)
    for t, largest, tree in peaks[::step]:
        print(f"{t:7.0f} {largest:11d} {tree:7d}")
    peak_one = max(p[1] for p in peaks)
    peak_all = max(p[2] for p in peaks)
    settled = [p[2] for p in peaks[len(peaks) // 4 :]]  # after start-up
    maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    print(f"getrusage(RUSAGE_CHILDREN).ru_maxrss: {maxrss} MB (the largest process waited for)")
    print(
        f"peak RSS: {peak_one} MB in one process, {peak_all} MB for the command and its "
        f"{args.jobs if args.jobs > 1 else 0} workers; after start-up the total ranged "
        f"{min(settled)}-{max(settled)} MB (target < {TARGET_MB} MB)"
    )
    if finished:
        summary = json.loads(stderr_tail[-1]) if stderr_tail else {}
        replies = summary.get("replies", 0)
        print(
            f"finished in {wall:.0f} s: {replies:,} of {n_replies:,} replies, "
            f"{replies / wall:,.0f} replies/s"
        )
    else:
        print(f"stopped after {wall:.0f} s (a sample, not a full run)")


if __name__ == "__main__":
    main()
