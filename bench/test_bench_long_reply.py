"""Time per character of one long reply through `Session.reply` (issue 15.2): linear, not
quadratic.

Run: .venv/bin/pytest bench/test_bench_long_reply.py -s -p no:cacheprovider

Each shape that once made the reader or the judge quadratic (a phrase repeated with the
separator that made a frame rescan its clause, or the judge rebuild a tuple per move) is
sent as one reply of 10k, 100k and 1M characters to a fresh call; the CPU seconds and the
microseconds per character are printed. The bar: under 5 s CPU for the 1M reply, and a
flat time per character from 10k to 1M. Replies of any length are read, never refused.
Nothing is asserted about time here: a shared machine's clock is no test.
"""

from __future__ import annotations

import time

import pytest

from fuzz.shapes import SHAPES, repeated
from hotseat.scenario.library import load_scenario, resolve
from hotseat.session import Session

LENGTHS = (10_000, 100_000, 1_000_000)


def cpu_seconds(lang: str, text: str) -> float:
    session = Session(load_scenario(resolve(f"{lang}/overcharged-data")))
    started = time.process_time()
    session.reply(text)
    return time.process_time() - started


def test_time_per_character_is_flat(capsys: pytest.CaptureFixture[str]) -> None:
    cpu_seconds("zh", "对不起。")  # load both lexicons and the rulebook before timing
    cpu_seconds("en", "Sorry.")
    header = f"{'shape':<18}" + "".join(f"{n:>12,} ch (s, us/ch)" for n in LENGTHS)
    rows = [header]
    for name, (lang, unit) in SHAPES.items():
        cells = []
        for length in LENGTHS:
            seconds = cpu_seconds(lang, repeated(unit, length))
            cells.append(f"{seconds:>12.2f} {seconds / length * 1e6:>10.2f}")
        rows.append(f"{name:<18}" + "".join(cells))
    with capsys.disabled():
        print("\n" + "\n".join(rows))
