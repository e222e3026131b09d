"""Shared set-up for the TUI tests: the real app from `make_app`, on fixture scenarios, steady."""

from __future__ import annotations

import asyncio
import inspect
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from hotseat.tui.app import HotseatApp, make_app
from hotseat.tui.options import TuiOptions

FIXTURES = Path(__file__).parent / "fixtures" / "scenarios"


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests (pilot tests) in a fresh event loop; no asyncio plugin needed."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


class FrozenClock:
    """A clock that only moves when a test moves it."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock()


@pytest.fixture
def scenarios(tmp_path: Path) -> Path:
    """A private copy of the fixture scenarios, so a test may break or delete them."""
    target = tmp_path / "scenarios"
    shutil.copytree(FIXTURES, target)
    return target


@pytest.fixture
def app_factory(tmp_path: Path, clock: FrozenClock, scenarios: Path) -> Callable[..., HotseatApp]:
    """The app as the CLI builds it, on fixtures, with no delay, no recording, a frozen clock."""

    def build(**changes: Any) -> HotseatApp:
        options = TuiOptions(
            lang="zh",
            trainee="小王",
            mode="onboarding",
            scenario_dirs=(scenarios,),
            builtin_scenarios=False,
            record=False,
            seed=0,
            typing_delay=0,
            clock=clock,
            export_dir=tmp_path / "exports",
            settings_path=tmp_path / "config" / "tui.json",
            catalog_cache=tmp_path / "cache" / "catalog.json",
            steady=True,
        )
        return make_app(replace(options, **changes))

    return build
