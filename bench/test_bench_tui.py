"""TUI speed: cold start to a usable home screen, and one reply processed and drawn.

Run: .venv/bin/pytest bench/test_bench_tui.py --benchmark-enable -s
Targets: the home screen with its scenario list in under 0.6 s from a fresh
interpreter; a reply, the customer's answer and the feedback on it drawn and
written to the terminal within one frame (1/60 s) of the Enter key, at 80x24
and at 160x48, once the analyzer is warm (median over 15 replies; `-s` prints
the processed and drawn medians, also kept in the benchmark's extra_info).
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.drivers.headless_driver import HeadlessDriver
from textual.pilot import Pilot

from hotseat.tui.app import make_app
from hotseat.tui.options import TuiOptions
from hotseat.tui.screens.conversation import ConversationScreen
from hotseat.tui.widgets.chat_log import ChatLog
from hotseat.tui.widgets.reply_input import ReplyInput

COLD_START_BUDGET = 0.6
FRAME = 1 / 60
FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "tui" / "fixtures" / "scenarios"

# Starts the real app headless on the built-in scenarios and prints the wall-clock
# time at which the home screen shows the scenario list; then leaves at once, without
# waiting for the background validation and warm-up that follow.
COLD_START = """
import asyncio, os, time
from hotseat.tui.app import make_app
from hotseat.tui.options import TuiOptions
from hotseat.tui.widgets.scenario_list import ScenarioList

async def main():
    app = make_app(TuiOptions(lang="zh", trainee="bench", record=False, steady=True))
    async with app.run_test(size=(80, 24)) as pilot:
        while True:
            listing = app.screen.query(ScenarioList)
            if listing and listing.first().option_count:
                print(time.time(), flush=True)
                os._exit(0)
            await asyncio.sleep(0.005)
asyncio.run(main())
"""


def cold_start(config: Path) -> float:
    """Seconds from launching a fresh interpreter to the home screen with its list."""
    began = time.time()
    run = subprocess.run(
        [sys.executable, "-c", COLD_START],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "HOTSEAT_CONFIG_DIR": str(config)},
        timeout=60,
    )
    return float(run.stdout.split()[-1]) - began


def test_cold_start_to_home_screen(benchmark: Any, tmp_path: Path) -> None:
    cold_start(tmp_path)  # the first start ever validates every file and fills the list cache
    timings = [cold_start(tmp_path) for _ in range(5)]
    benchmark.extra_info["cold_start_median_s"] = statistics.median(timings)
    benchmark.pedantic(cold_start, args=(tmp_path,), rounds=3, iterations=1)
    assert statistics.median(timings) < COLD_START_BUDGET, timings


REPLIES = [
    "非常抱歉让您着急了。您是说包裹七天还没到，对吧？换作是我也会着急的。",
    "为了尽快帮您处理，我需要跟您核实几个信息。请问您希望我们怎么处理？",
    "好的，我记下了。请问您的联系电话是？",
]
SIZES = [(80, 24), (160, 48)]
TYPING_PAUSE = 0.5  # reading the answer and typing a reply takes longer: the app is idle by Enter


class Terminal(HeadlessDriver):
    """A terminal for the benchmark: every frame is turned into escape codes, as for a real one.

    A headless test driver skips that last step of drawing; this one does it and
    then drops the bytes, counting them.
    """

    written = 0

    @property
    def is_headless(self) -> bool:
        return False

    def write(self, data: str) -> None:
        Terminal.written += len(data)


async def reply_timings(size: tuple[int, int], rounds: int) -> tuple[list[float], list[float]]:
    """Per reply: seconds from the Enter key until both new lines are in the chat, and until
    the frame showing them has been drawn and written to the terminal.

    The app runs as a trainee gets it (animations, blinking cursor, the feedback panel
    of onboarding), except that the customer answers at once, so the reply and the
    answer land in the same frame. The first reply of each call only lets the
    customer finish venting and is not timed.
    """
    with tempfile.TemporaryDirectory() as home:
        app = make_app(
            TuiOptions(
                lang="zh",
                trainee="bench",
                mode="onboarding",
                scenario_dirs=(FIXTURES,),
                builtin_scenarios=False,
                record=False,
                seed=0,
                typing_delay=0,
                settings_path=Path(home) / "settings.json",
                catalog_cache=Path(home) / "catalog.json",
            )
        )
        app.driver_class = Terminal
        processed: list[float] = []
        drawn: list[float] = []

        async def calls(pilot: Pilot[None]) -> None:
            for _ in range(rounds):
                for _ in range(2):  # the scenario list, then the warm-up it starts
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                await pilot.press("enter")  # start the call
                await app.workers.wait_for_complete()
                screen = app.screen
                assert isinstance(screen, ConversationScreen)
                chat = screen.query_one(ChatLog)
                reply = screen.query_one(ReplyInput)
                for text in ["嗯，您请讲。", *REPLIES]:
                    before = len(chat.blocks)
                    reply.value = text
                    await pilot.pause(TYPING_PAUSE)
                    began = time.perf_counter()
                    app.post_message(events.Key("enter", "\r"))
                    while len(chat.blocks) < before + 2:
                        await asyncio.sleep(0)
                    done = time.perf_counter()
                    frame = asyncio.Event()
                    screen.call_after_refresh(frame.set)
                    await frame.wait()
                    if text in REPLIES:
                        processed.append(done - began)
                        drawn.append(time.perf_counter() - began)
                    await app.workers.wait_for_complete()
                screen.action_step_out()
                await pilot.pause()
            app.exit()

        await app.run_async(headless=False, size=size, auto_pilot=calls)
    return processed, drawn


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_reply_drawn_within_a_frame(benchmark: Any, size: tuple[int, int]) -> None:
    """The trainee's reply and the customer's answer are on the terminal within one frame.

    Timed from the Enter key to the end of writing the frame that shows both
    lines: the reply analysed and judged, the customer's answer chosen, the chat,
    the feedback card, the mood meter and the footer updated, the screen drawn.
    """
    written = Terminal.written
    processed, drawn = asyncio.run(reply_timings(size, rounds=5))
    assert Terminal.written > written  # frames really went out as escape codes
    benchmark.extra_info["processed_median_s"] = statistics.median(processed)
    benchmark.extra_info["drawn_median_s"] = statistics.median(drawn)
    benchmark.extra_info["drawn_min_s"] = min(drawn)
    benchmark.extra_info["drawn_max_s"] = max(drawn)
    print(
        f"\n{size[0]}x{size[1]}: processed median {statistics.median(processed) * 1e3:.1f} ms, "
        f"drawn median {statistics.median(drawn) * 1e3:.1f} ms "
        f"(min {min(drawn) * 1e3:.1f}, max {max(drawn) * 1e3:.1f}) over {len(drawn)} replies"
    )
    benchmark.pedantic(lambda: asyncio.run(reply_timings(size, rounds=1)), rounds=1, iterations=1)
    assert statistics.median(processed) < FRAME, processed
    assert statistics.median(drawn) < FRAME, drawn
