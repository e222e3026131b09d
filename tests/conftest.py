"""Every test process gets its own home for hotseat's settings, caches and default database.

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
