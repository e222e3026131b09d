"""The built-in scenarios and scenario files by reference: found from any working directory.

A broken file never stops the library from loading and is never hidden: it is
listed with its diagnostics so the app and `hotseat lint` can show why.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from hotseat.moves import LANGS
from hotseat.scenario.diagnostic import Diagnostic
from hotseat.scenario.lint import duplicate_ids, lint_file, scenario_files
from hotseat.scenario.loader import ScenarioError
from hotseat.scenario.model import Scenario

# an installed wheel carries the repository's scenarios/ here (pyproject force-include)
PACKAGED = "_scenarios"
REPO_SCENARIOS = Path(__file__).resolve().parents[3] / "scenarios"

__all__ = [
    "BrokenScenario",
    "Library",
    "ScenarioError",
    "builtin_dir",
    "content_hash",
    "load_library",
    "load_scenario",
    "resolve",
]


@dataclass(frozen=True)
class BrokenScenario:
    """A file that did not load, and why."""

    path: Path
    diagnostics: list[Diagnostic]


@dataclass
class Library:
    """Scenarios sorted by language (zh first), difficulty and id, plus the files that failed."""

    scenarios: list[Scenario] = field(default_factory=list)
    broken: list[BrokenScenario] = field(default_factory=list)
    paths: dict[str, Path] = field(default_factory=dict)  # LANG/ID -> file

    def get(self, key: str) -> Scenario:
        """The scenario addressed as LANG/ID; the error lists close matches."""
        for scenario in self.scenarios:
            if scenario.key == key:
                return scenario
        raise ScenarioError(_not_found(key, [s.key for s in self.scenarios]))


def builtin_dir() -> Path:
    """Where the built-in scenarios live: inside the installed package, else the checkout."""
    packaged = Path(str(resources.files("hotseat") / PACKAGED))
    return packaged if packaged.is_dir() else REPO_SCENARIOS


def content_hash(path: Path) -> str:
    """The sha256 of a scenario file's bytes, so a stored call names the exact text it played."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_scenario(path: Path) -> Scenario:
    """One scenario file, or ScenarioError carrying every error (warnings do not stop it)."""
    result = lint_file(path)
    if result.scenario is None or result.errors:
        raise ScenarioError(f"{path}: cannot load scenario", result.errors)
    return result.scenario


def load_library(dirs: Iterable[Path] | None = None) -> Library:
    """Every scenario under ``dirs`` (default: the built-in ones), broken files listed aside.

    Two files with the same LANG/ID are both broken: which one is meant is anyone's guess.
    """
    results = [lint_file(p) for p in scenario_files([builtin_dir()] if dirs is None else dirs)]
    clashes: dict[str, list[Diagnostic]] = {}
    for d in duplicate_ids(results):
        clashes.setdefault(d.path, []).append(d)
    library = Library()
    for r in results:
        errors = r.errors + clashes.get(r.path, [])
        if r.scenario is None or errors:
            library.broken.append(BrokenScenario(Path(r.path), errors))
        else:
            library.scenarios.append(r.scenario)
            library.paths[r.scenario.key] = Path(r.path)
    library.scenarios.sort(key=lambda s: (LANGS.index(s.lang), s.difficulty, s.id))
    return library


def resolve(ref: str) -> Path:
    """A scenario file from LANG/ID (a built-in scenario) or a path to a file."""
    path = Path(ref)
    if path.is_file():
        return path
    root = builtin_dir()
    lang, _, ident = ref.partition("/")
    for suffix in (".yaml", ".yml"):
        candidate = root / lang / f"{ident}{suffix}"
        if lang in LANGS and ident and candidate.is_file():
            return candidate
    library = load_library([root])
    if ref in library.paths:
        return library.paths[ref]
    known = sorted(
        [*library.paths, *(f"{b.path.parent.name}/{b.path.stem}" for b in library.broken)]
    )
    raise ScenarioError(_not_found(ref, known))


def _not_found(ref: str, known: list[str]) -> str:
    close = difflib.get_close_matches(ref, known, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    listing = f" Known scenarios: {', '.join(known)}." if known and not close else ""
    return f"no scenario {ref!r} (give LANG/ID or a file path){hint}{listing}"
