"""The TUI starts with mutated scenario files in its folder (issue 15.3): a broken file
never stops the library loading, so the home screen comes up and lists the good ones."""

from __future__ import annotations

import asyncio
from pathlib import Path

from fuzz.mutations import SCENARIOS, mutants
from hotseat.tui.app import make_app
from hotseat.tui.options import TuiOptions
from hotseat.tui.screens.home import HomeScreen

WORST = [
    b"max_turns: " + b"9" * 5000,
    b"max_turns: 1" + b":59" * 3000,
    b"max_turns: 0x" + b"f" * 5000,
    b"a: " + b"[" * 200,
    b"\xff\xfe",
]


def test_the_home_screen_comes_up_over_a_folder_of_mutants(tmp_path: Path) -> None:
    folder = tmp_path / "scenarios"
    (folder / "zh").mkdir(parents=True)
    good = next(p for p in SCENARIOS if p.parent.name == "zh")
    (folder / "zh" / good.name).write_bytes(good.read_bytes())
    others = [m for m in mutants(60, first_seed=5000) if m[0] != f"zh/{good.name}"]
    for i, raw in enumerate([*WORST, *(m[2] for m in others[:30])]):
        (folder / f"mutant-{i}.yaml").write_bytes(raw)
    options = TuiOptions(
        lang="zh",
        trainee="小王",
        mode="onboarding",
        scenario_dirs=(folder,),
        builtin_scenarios=False,
        record=False,
        seed=0,
        typing_delay=0,
        export_dir=tmp_path / "exports",
        settings_path=tmp_path / "config" / "tui.json",
        catalog_cache=tmp_path / "cache" / "catalog.json",
        steady=True,
    )

    async def start() -> None:
        app = make_app(options)
        async with app.run_test() as pilot:
            for _ in range(3):
                await app.workers.wait_for_complete()
                await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert app.is_running

    asyncio.run(start())
