"""The core never imports Textual: the shells are thin, and `hotseat analyze` never pays for a UI.

Each check runs in a fresh interpreter, because this test process has long since
imported Textual for the TUI tests.
"""

from __future__ import annotations

import json
import subprocess
import sys

CORE_PACKAGES = ("hotseat.scenario", "hotseat.language", "hotseat.rules", "hotseat.store")
CORE_MODULES = (
    "hotseat.moves",
    "hotseat.conversation",
    "hotseat.facts",
    "hotseat.hints",
    "hotseat.i18n",
    "hotseat.replies",
    "hotseat.persona",
    "hotseat.session",
    "hotseat.scorecard",
    "hotseat.cli",
)

PROBE = """
import importlib, json, pkgutil, sys
packages, modules = json.loads(sys.argv[1])
names = list(modules)
for package in packages:
    root = importlib.import_module(package)
    names.append(package)
    for info in pkgutil.walk_packages(root.__path__, package + "."):
        if ".migrations" not in info.name:  # Alembic scripts run only inside a migration
            names.append(info.name)
for name in names:
    importlib.import_module(name)
leaked = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print(json.dumps({"imported": names, "textual": leaked}))
"""


def test_core_modules_never_import_textual() -> None:
    run = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps([CORE_PACKAGES, CORE_MODULES])],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report["textual"] == [], f"textual imported by the core: {report['textual'][:5]}"
    for package in CORE_PACKAGES:
        assert package in report["imported"]
    assert "hotseat.session" in report["imported"]


def test_the_probe_would_notice_textual() -> None:
    """The same probe on the TUI does see Textual, so an empty list above means something."""
    run = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps([[], ["hotseat.tui.app"]])],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "textual" in json.loads(run.stdout)["textual"]
