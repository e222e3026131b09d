"""Fixtures for the core tests: the code-built scenario and its builder."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from helpers.fixture_scenario import make_scenario
from hotseat.scenario.model import Scenario


@pytest.fixture
def scenario() -> Scenario:
    return make_scenario()


@pytest.fixture(name="make_scenario")
def make_scenario_fixture() -> Callable[..., Scenario]:
    """The builder itself, for tests that need a variant of the fixture scenario."""
    return make_scenario
