"""Per-turn speed (issue 2): one reply analyzed, judged and answered, and a 30-turn `hotseat play`.

Run: .venv/bin/pytest bench/test_bench_session.py --benchmark-enable -s

A turn is `Session.reply`: the analyzer, the judge (and the rash-promise judge
the customer listens to) and the persona's next line. Turns are timed in
real conversations on zh/overcharged-data and en/overcharged-data: the dev
set's replies in order (calls end when the customer hangs up or accepts the
close) and a patient 30-turn call (the longest history the judge ever reads).
Target: p99 under 2 ms per turn, asserted on CPU time (wall time printed too).
The whole-process figure is a headless
`hotseat play` of 30 turns, start-up included, timed with hyperfine when it
is installed (`apt-get install hyperfine`), else with a timed loop.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from hotseat import session as session_module
from hotseat.language.analyzer import Analyzer
from hotseat.scenario.library import load_scenario, resolve
from hotseat.scenario.model import Scenario
from hotseat.session import Session

from .corpus import dev_pairs

SCENARIOS = ["zh/overcharged-data", "en/overcharged-data"]
P99_BUDGET = 0.002
TURNS = 3000
PLAY_RUNS = 10

# Patient replies that neither anger the customer into hanging up nor close the call.
PATIENT = {
    "zh": [
        "嗯，您请讲。",
        "我理解您的心情，换作是我也会着急。",
        "为了尽快帮您处理，我需要核实几个信息。请问您的手机号是多少？",
        "好的，我记下了。请问是哪一天扣的费？",
    ],
    "en": [
        "I see, go on.",
        "I understand how frustrating this is.",
        "To sort this out quickly, I need to ask a few questions. Could you tell me your number?",
        "Thanks, I've noted that. Which day was the charge?",
    ],
}


Timing = tuple[float, float]  # (wall seconds, CPU seconds of this process)


def timed_turns(scenario: Scenario, script: list[str], turns: int, endless: bool) -> list[Timing]:
    """Wall and CPU seconds per `Session.reply`, over as many calls as it takes; ``endless``
    plays each call to the turn limit from the script's start, else the script runs on across
    calls."""
    timings: list[Timing] = []
    k = seed = 0
    while len(timings) < turns:
        session = Session(scenario, seed=seed)
        seed += 1
        if endless:
            k = 0
        while not session.ended and len(timings) < turns:
            text = script[k % len(script)]
            k += 1
            wall, cpu = time.perf_counter(), time.process_time()
            session.reply(text)
            timings.append((time.perf_counter() - wall, time.process_time() - cpu))
    return timings


def percentiles(seconds: list[float]) -> tuple[float, float]:
    """p50 and p99 in milliseconds."""
    cuts = statistics.quantiles(seconds, n=100)
    return cuts[49] * 1e3, cuts[98] * 1e3


@pytest.mark.parametrize("key", SCENARIOS)
def test_one_turn_p99_under_two_milliseconds(
    benchmark: Any, key: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asserted on CPU time: on a shared machine the wall clock also counts other people's work
    (both are printed; on an idle machine they agree). The same turns are timed with the
    lexicons alone first, so the learned reader's cost is read side by side."""
    scenario = load_scenario(resolve(key))
    dev = [text for _, text in dev_pairs(scenario.lang)]
    timed_turns(scenario, dev, 200, endless=False)  # load the lexicons and warm every table
    with monkeypatch.context() as patched:
        patched.setattr(session_module, "analyze", Analyzer(reader=False).analyze)
        lexicons_only = [
            *timed_turns(scenario, dev, TURNS, endless=False),
            *timed_turns(scenario, PATIENT[scenario.lang], TURNS, endless=True),
        ]
    runs = {
        "dev replies": timed_turns(scenario, dev, TURNS, endless=False),
        "30-turn calls": timed_turns(scenario, PATIENT[scenario.lang], TURNS, endless=True),
    }
    every = [t for timings in runs.values() for t in timings]
    cpu_p50, cpu_p99 = percentiles([cpu for _, cpu in every])
    wall_p50, wall_p99 = percentiles([wall for wall, _ in every])
    benchmark.extra_info.update(
        {
            "cpu_p50_ms": cpu_p50,
            "cpu_p99_ms": cpu_p99,
            "wall_p50_ms": wall_p50,
            "wall_p99_ms": wall_p99,
        }
    )
    benchmark.pedantic(timed_turns, args=(scenario, dev, 30, False), rounds=1, iterations=1)
    with capsys.disabled():
        for name, timings in [*runs.items(), ("all", every), ("all, lexicons only", lexicons_only)]:
            c50, c99 = percentiles([cpu for _, cpu in timings])
            w50, w99 = percentiles([wall for wall, _ in timings])
            print(
                f"\n{key}, {name}: {len(timings)} turns; CPU p50 {c50:.3f} ms p99 {c99:.3f} ms; "
                f"wall p50 {w50:.3f} ms p99 {w99:.3f} ms"
            )
    assert cpu_p99 < P99_BUDGET * 1e3, f"CPU p99 {cpu_p99:.3f} ms"


def play_command(key: str, replies: Path) -> list[str]:
    return [sys.executable, "-m", "hotseat", "play", key, "--replies", str(replies), "--json"]


@pytest.mark.parametrize("key", SCENARIOS)
def test_thirty_turn_headless_play_as_a_process(
    benchmark: Any, key: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lang = key.split("/")[0]
    replies = tmp_path / "replies.txt"
    replies.write_text("\n".join(PATIENT[lang] * 8) + "\n", encoding="utf-8")
    cmd = play_command(key, replies)
    done = json.loads(subprocess.run(cmd, capture_output=True, check=True).stdout)
    assert done["outcome"] == "turn_limit"
    assert sum(1 for line in done["transcript"] if line["speaker"] == "trainee") == 30

    hyperfine = shutil.which("hyperfine")
    if hyperfine:
        report = tmp_path / "hyperfine.json"
        subprocess.run(
            [
                hyperfine,
                "--warmup", "2",
                "--runs", str(PLAY_RUNS),
                "--export-json", str(report),
                "--output", "null",
                " ".join(cmd),
            ],
            capture_output=True,
            check=True,
        )  # fmt: skip
        result = json.loads(report.read_text())["results"][0]
        mean, spread, tool = result["mean"], result["stddev"], "hyperfine"
    else:
        subprocess.run(cmd, capture_output=True, check=True)  # warm the file cache
        timings = []
        for _ in range(PLAY_RUNS):
            began = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True)
            timings.append(time.perf_counter() - began)
        mean, spread, tool = statistics.mean(timings), statistics.stdev(timings), "timed loop"
    benchmark.extra_info.update({"mean_s": mean, "stddev_s": spread, "tool": tool})
    benchmark.pedantic(subprocess.run, args=(cmd,), kwargs={"capture_output": True}, rounds=1)
    with capsys.disabled():
        print(f"\n{key}: 30-turn headless play, {mean:.3f} s ± {spread:.3f} s ({tool})")
