"""Every test process gets its own home for hotseat's settings, caches and default database;
and `-n auto` (the addopts) spreads the suite, or a folder of it, over a worker per core.

With pytest-xdist several processes run at once: without this, tests that fall back on
the user's folders (the remembered trainee, the scenario list cache, the default SQLite
file) would share them with each other, and with the real user of the machine.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

HOMES = ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")
_HOME = pytest.StashKey[str]()


def pytest_configure(config: pytest.Config) -> None:
    home = Path(tempfile.mkdtemp(prefix="hotseat-tests-"))
    config.stash[_HOME] = str(home)
    for name in HOMES:
        os.environ[name] = str(home / name.lower())
    os.environ["HOTSEAT_CONFIG_DIR"] = str(home / "hotseat-config")
    os.environ.pop("HOTSEAT_DB", None)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(config.stash.get(_HOME, ""), ignore_errors=True)


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """A file or a single test runs in this process: starting a worker per core costs more
    than it saves there. The suite, or a folder of it, gets xdist's own count (None)."""
    named = [arg.split("::", 1)[0] for arg in config.args]
    return 0 if named and all(Path(arg).is_file() for arg in named) else None
