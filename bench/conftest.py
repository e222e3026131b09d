"""Benchmarks run in one process, even though the test suite's addopts ask pytest-xdist for
a worker per core: a timing taken beside another worker measures the other worker too, and
pytest-benchmark switches itself off under xdist."""

from __future__ import annotations

import pytest


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    return 0
