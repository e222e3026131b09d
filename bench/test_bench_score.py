"""Bulk scoring speed (issue 7): agent replies scored per second, beside a naive regex scan.

Run: .venv/bin/pytest bench/test_bench_score.py --benchmark-enable -s
HOTSEAT_BENCH_CALLS sets the corpus size (default 6000 calls, about 24,000 agent replies).

Everything in the printed table is measured in the same run on the same
replies: the naive scan (normalize, then one regex per lexicon phrase), the
analyzer's own Aho-Corasick scan, the whole analyzer, the in-process stages
of scoring, and `hotseat score` end to end (a fresh process, start-up
included) with one and two jobs, on two corpora built from the dev-set
replies: "cycled" (each reply recurs, as scripted lines do in real traffic)
and "unique" (a ticket number makes every reply distinct, so no cache helps).
In-process rates are per CPU-second, so other load on a shared machine does
not count; `hotseat score` runs are given by wall clock and, with one job,
by the CPU time of the process as well. Target: 50,000 replies/s on one core.

The in-process stages are one pass each with a fresh scorer, judge and
formatter, as a real run meets its calls: what they remember (readings,
findings, encoded findings) helps only where the corpus itself repeats.
"""

from __future__ import annotations

import gc
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

from hotseat.bulk import CallScorer, ScoredCall
from hotseat.cli.score import Formatter
from hotseat.conversation import Call, Finding
from hotseat.language import Analyzer, normalize
from hotseat.language.lexicon import builtin_lexicon
from hotseat.language.matcher import Matcher
from hotseat.rules import Judge, Rulebook, score
from hotseat.transcripts import CallRecord, Turn, read_calls

from .corpus import LANGS, calls, write_jsonl
from .naive import NaiveScanner

CALLS = int(os.environ.get("HOTSEAT_BENCH_CALLS", "6000"))
SAMPLE_CALLS = 600  # for the in-process stages and the scans (the naive scan is slow)

NAIVE = "naive scan: normalize + one regex per phrase"
AHO_CORASICK = "Aho-Corasick scan: normalize + matcher"

Reply = tuple[str, str]  # (lang, text)


def records(count: int, *, unique: bool) -> list[CallRecord]:
    return [
        CallRecord(
            str(c["id"]),
            str(c["id"]),
            tuple(Turn(t["speaker"], t["text"]) for t in c["turns"]),
        )
        for c in calls(count, unique=unique)
    ]


def agent_replies(recs: Sequence[CallRecord]) -> list[Reply]:
    return [
        (LANGS[i % 2], t.text)
        for i, rec in enumerate(recs)
        for t in rec.turns
        if t.speaker == "agent"
    ]


def rate(items: int, work: Callable[[], object]) -> float:
    """Items per CPU-second of this process for one run of ``work`` (other load does not count)."""
    began = time.process_time()
    work()
    return items / (time.process_time() - began)


STAGES = (
    "reading JSON Lines (transcripts.read_calls)",
    "judge: each reply (Judge.reply)",
    "judge: the close (Judge.close)",
    "scores (score())",
    "rendering JSON Lines (Formatter.rows)",
)


def stage_rates(path: Path, sample: list[CallRecord]) -> list[tuple[str, float]]:
    """Replies per CPU-second of each stage after the analyzer, in one pass over ``sample``
    (analysed beforehand), each call taken through every stage in turn as `hotseat score`
    does; and of reading ``path``, the same calls as JSON Lines."""
    clock = time.process_time
    began = clock()
    with path.open("rb") as stream:
        read = sum(1 for _ in read_calls(stream, path.name))
    reading = clock() - began
    assert read == len(sample)
    rulebook = Rulebook.default()
    scorer = CallScorer(rulebook, cached=0)
    calls = [(record, scorer.call(record)) for record in sample]
    judge, formatter = Judge(rulebook), Formatter("jsonl")
    spent = [reading, 0.0, 0.0, 0.0, 0.0]
    n = 0
    for record, call in calls:
        assert call is not None
        n += len(call.replies)
        t0 = clock()
        found: list[Finding] = []
        for i in range(1, len(call.replies) + 1):
            found += judge.reply(Call(call.lang, call.replies[:i]))
        t1 = clock()
        found += judge.close(call)
        t2 = clock()
        scores = score(call, found, rulebook)
        t3 = clock()
        verdict = (record.id, record.source, call.lang, len(call.replies), tuple(found), scores)
        formatter.rows([ScoredCall(*verdict)])
        t4 = clock()
        for stage, took in enumerate((t1 - t0, t2 - t1, t3 - t2, t4 - t3), start=1):
            spent[stage] += took
    return [(name, n / seconds) for name, seconds in zip(STAGES, spent, strict=True)]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def score_process(
    path: Path, jobs: int, reader: bool = True
) -> tuple[float, float, bytes, dict[str, Any]]:
    """`hotseat score` on a file as a fresh process: wall seconds, CPU seconds of the process
    and its workers, its stdout and its summary; ``reader`` False reads with the lexicons
    alone (HOTSEAT_READER=off), as before the learned reader."""
    env = {**os.environ, "HOTSEAT_READER": "on" if reader else "off"}
    cpu, began = children_cpu(), time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "hotseat", "score", "--jobs", str(jobs), str(path)],
        capture_output=True,
        check=True,
        timeout=1800,
        env=env,
    )
    wall = time.perf_counter() - began
    summary = json.loads(done.stderr.decode().splitlines()[-1])
    return wall, children_cpu() - cpu, done.stdout, summary


@pytest.fixture(scope="module")
def scanners() -> dict[str, tuple[NaiveScanner, Matcher]]:
    return {
        lang: (NaiveScanner(builtin_lexicon(lang)), Matcher(builtin_lexicon(lang)))
        for lang in LANGS
    }


@pytest.fixture(scope="module")
def folded() -> list[Reply]:
    return [
        (lang, normalize(text).text)
        for lang, text in agent_replies(records(SAMPLE_CALLS, unique=True))
    ]


def test_the_naive_scan_finds_every_phrase_the_matcher_finds(
    scanners: dict[str, tuple[NaiveScanner, Matcher]], folded: list[Reply]
) -> None:
    """Both scan the same lexicon: the naive one also reports overlaps the matcher resolves."""
    found = 0
    for lang, text in folded:
        naive, matcher = scanners[lang]
        everything = set(naive.scan(text))
        for hit in matcher.scan(text):
            assert (hit.start, hit.end, hit.mask) in everything, (text, hit)
            found += 1
    assert found > len(folded)  # the sample is full of phrases, not a vacuous pass


@pytest.mark.benchmark(group="lexicon-scan")
def test_scan_naive_regex_per_phrase(
    benchmark: Any, scanners: dict[str, tuple[NaiveScanner, Matcher]], folded: list[Reply]
) -> None:
    sample = folded[:500]
    hits = benchmark(lambda: sum(len(scanners[lang][0].scan(text)) for lang, text in sample))
    assert hits > 0


@pytest.mark.benchmark(group="lexicon-scan")
def test_scan_aho_corasick(
    benchmark: Any, scanners: dict[str, tuple[NaiveScanner, Matcher]], folded: list[Reply]
) -> None:
    sample = folded[:500]
    hits = benchmark(lambda: sum(len(scanners[lang][1].scan(text)) for lang, text in sample))
    assert hits > 0


def test_replies_scored_per_second_side_by_side(
    benchmark: Any,
    scanners: dict[str, tuple[NaiveScanner, Matcher]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sample = records(SAMPLE_CALLS, unique=True)
    replies = agent_replies(sample)
    n = len(replies)
    figures: list[tuple[str, float]] = []

    def naive() -> None:
        for lang, text in replies:
            scanners[lang][0].scan(normalize(text).text)

    def aho_corasick() -> None:
        for lang, text in replies:
            scanners[lang][1].scan(normalize(text).text)

    analyzer, lexicons = Analyzer(), Analyzer(reader=False)

    def analyze() -> None:
        for lang, text in replies:
            analyzer.analyze(text, lang)

    def analyze_lexicons() -> None:
        for lang, text in replies:
            lexicons.analyze(text, lang)

    def analyze_batches() -> None:
        for start in range(0, n, 256):
            batch = replies[start : start + 256]
            analyzer.analyze_many([t for _, t in batch], [lang for lang, _ in batch])

    [CallScorer(Rulebook.default()).score(r) for r in sample[:50]]  # load every lazy table
    scorer = CallScorer(Rulebook.default(), cached=0)  # its first pass is the one timed
    sample_path = tmp_path / "sample.jsonl"
    write_jsonl(sample_path, count=SAMPLE_CALLS, unique=True)
    gc.collect()
    gc.freeze()  # as `hotseat score` does: the test session's objects are not the scorer's cost
    try:
        figures += [
            (NAIVE, rate(n, naive)),
            (AHO_CORASICK, rate(n, aho_corasick)),
            ("analyzer, lexicons only: all moves of a reply", rate(n, analyze_lexicons)),
            ("analyzer + learned reader, one reply at a time", rate(n, analyze)),
            ("analyzer + learned reader, batches of 256 (analyze_many)", rate(n, analyze_batches)),
            *stage_rates(sample_path, sample),
            (
                "in-process score, no cache (analyze + judge + score)",
                rate(n, lambda: [scorer.score(r) for r in sample]),
            ),
        ]
    finally:
        gc.unfreeze()

    outputs: dict[str, bytes] = {}
    for corpus in ("cycled", "unique"):
        path = tmp_path / f"{corpus}.jsonl"
        _, total = write_jsonl(path, count=CALLS, unique=corpus == "unique")
        for jobs, reader in ((1, False), (1, True), (2, True)):
            wall, cpu, stdout, summary = score_process(path, jobs, reader)
            assert summary["replies"] == total and summary["skipped_calls"] == 0
            if reader:
                outputs[f"{corpus}-{jobs}"] = stdout
            how = "learned reader" if reader else "lexicons only"
            name = f"hotseat score --jobs {jobs}, {corpus} ({total:,} replies), {how}"
            figures.append((f"{name}: wall clock", total / wall))
            if jobs == 1:
                figures.append((f"{name}: CPU time", total / cpu))
        assert outputs[f"{corpus}-1"] == outputs[f"{corpus}-2"]

    benchmark.extra_info.update({name: round(value) for name, value in figures})
    benchmark.pedantic(lambda: [scorer.score(r) for r in sample[:100]], rounds=1, iterations=1)
    with capsys.disabled():
        print(
            f"\n\nagent replies per second ({os.cpu_count()} cores; load {os.getloadavg()[0]:.1f}):"
        )
        for name, value in figures:
            print(f"  {name:<86} {value:>9,.0f}/s  {1e6 / value:>7.1f} µs/reply")
    by_name = dict(figures)
    naive_rate = by_name[NAIVE]
    # the whole scorer, start-up and I/O included, outruns the naive approach's first stage alone
    unique = f"hotseat score --jobs 1, unique ({total:,} replies)"
    assert by_name[f"{unique}, learned reader: CPU time"] > naive_rate
    assert by_name[AHO_CORASICK] > 10 * naive_rate
