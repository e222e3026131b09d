"""Live drill latency: the trainee presses Enter; the reply and its findings reach the instructor.

Run: .venv/bin/pytest bench/test_bench_live.py -s
(PostgreSQL too when HOTSEAT_TEST_PG_URL is set.) Two real apps, an instructor's
and a trainee's, each on its own database engine, share one live call through
the store. Each sample is one reply: the clock starts as the trainee's Enter is
pressed and stops when the instructor's screen holds the reply in its transcript
and its findings card (the trainee seat's write, the host seat's wake-up by
polling or NOTIFY, the fold — analysis, judging, the script's answer — and the
widgets mounted). Both apps share one process and event loop here, so each
competes with the other for the CPU: separate terminals can only do better.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path

from hotseat.scenario.library import load_scenario, resolve
from hotseat.store import open_store
from hotseat.store.live import LiveStore
from hotseat.tui.screens.live_host import LiveHostScreen
from hotseat.tui.screens.live_trainee import LiveTraineeScreen
from hotseat.tui.widgets.chat_log import ChatLog
from hotseat.tui.widgets.findings_panel import FindingsPanel
from hotseat.tui.widgets.reply_input import ReplyInput
from live.conftest import host_call
from live.seats import Seats, until
from store.conftest import db_url, pg_url, sqlite_url  # noqa: F401  (fixtures)

SAMPLES = 25
WARM_UP = 1
TARGET = 0.300
REPLIES = [
    "I'm so sorry, I guarantee a full refund today.",
    "I understand how frustrating this is. Could you tell me your number?",
    "Mm-hm, go on.",
    "That's our policy, you must have signed up yourself.",
    "To sort this out quickly, I need to ask a few questions. Which month's bill is it?",
]


def test_reply_reaches_the_instructor(db_url: str, tmp_path: Path) -> None:  # noqa: F811
    scenario = load_scenario(resolve("en/overcharged-data"))
    store = open_store(db_url)
    info = host_call(LiveStore(store), scenario)
    store.close()
    seats = Seats(db_url, tmp_path, info, scenario)
    took: list[float] = []

    async def run() -> None:
        try:
            host = await seats.open("host")
            await until(host, lambda: isinstance(host.app.screen, LiveHostScreen))
            hs = host.app.screen
            assert isinstance(hs, LiveHostScreen)
            trainee = await seats.open("trainee", "Tom")
            await host.press("ctrl+s")
            await until(trainee, lambda: isinstance(trainee.app.screen, LiveTraineeScreen))
            ts = trainee.app.screen
            assert isinstance(ts, LiveTraineeScreen)
            chat, cards = hs.query_one(ChatLog), hs.query_one(FindingsPanel)
            for n in range(1, WARM_UP + SAMPLES + 1):
                await until(trainee, lambda: not ts.locked)
                ts.query_one(ReplyInput).value = REPLIES[n % len(REPLIES)]
                # The pilot's press also waits for both apps to go idle; the clock must not.
                started = time.perf_counter()
                pressing = asyncio.create_task(trainee.press("enter"))
                while not (
                    len(chat.said("trainee")) == n and cards.blocks[-1].title.endswith(f" {n}")
                ):
                    await asyncio.sleep(0.001)
                if n > WARM_UP:  # the first reply also loads the analyzer and the rulebook
                    took.append(time.perf_counter() - started)
                await pressing
                await host.press("ctrl+s")
        finally:
            await seats.close()

    asyncio.run(run())
    ms = sorted(t * 1000 for t in took)
    median = statistics.median(ms)
    p90 = ms[int(len(ms) * 0.9) - 1]
    backend = db_url.split(":", 1)[0]
    print(
        f"\n{backend}: Enter → reply with findings on the instructor's screen, "
        f"{len(ms)} replies: median {median:.0f} ms, p90 {p90:.0f} ms, "
        f"min {ms[0]:.0f} ms, max {ms[-1]:.0f} ms"
    )
    assert median < TARGET * 1000
