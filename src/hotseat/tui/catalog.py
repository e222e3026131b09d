"""The scenario list behind the home screen: playable scenarios and broken files, side by side.

A file that fails to load is an entry with its diagnostics, never a crash and
never hidden; a file that breaks or disappears after the list was loaded is
caught again when the trainee picks it, because a call always starts from the
file as it is on disk now.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hotseat.scenario.model import Scenario


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the scenario list."""

    path: Path
    scenario: Scenario | None
    problems: tuple[str, ...] = ()  # `lang/file.yaml:line:col: CODE message`, when broken
    haystack: str = ""  # what the filter matches, normalized like the trainee's typing

    @property
    def broken(self) -> bool:
        return self.scenario is None

    @property
    def label(self) -> str:
        """The scenario's title, or the file's name when it did not load."""
        return self.scenario.title if self.scenario else f"{self.path.parent.name}/{self.path.name}"


@dataclass(frozen=True, slots=True)
class Opened:
    """A scenario read fresh from its file, with the hash the training records keep."""

    scenario: Scenario
    content_hash: str


class OpenFailed(Exception):
    """The file changed under the app: it is gone, unreadable, or no longer valid."""


def fold(text: str) -> str:
    """Normalize for matching, so 繁體 typing finds 简体 titles and case does not matter."""
    from hotseat.language import normalize

    return normalize(text).text


def load_catalog(dirs: Iterable[Path]) -> list[Entry]:
    """Every scenario under ``dirs``, playable ones first, each broken file with its problems."""
    from hotseat.scenario.library import load_library

    library = load_library(list(dirs))
    entries = [Entry(library.paths[s.key], s, haystack=fold(_words(s))) for s in library.scenarios]
    for bad in sorted(library.broken, key=lambda b: str(b.path)):
        short = f"{bad.path.parent.name}/{bad.path.name}"
        problems = tuple(
            f"{short}:{d.line}:{d.col}: {d.code} {d.message}" for d in bad.diagnostics
        ) or (f"{short}: cannot load",)
        entries.append(Entry(bad.path, None, problems, fold(f"{bad.path} {' '.join(problems)}")))
    return entries


def builtin_dirs() -> list[Path]:
    from hotseat.scenario.library import builtin_dir

    return [builtin_dir()]


def matches(entry: Entry, query: str) -> bool:
    """Every word of the query occurs somewhere in the entry."""
    words = fold(query).split()
    return all(word in entry.haystack for word in words)


def open_entry(entry: Entry) -> Opened:
    """Read the entry's file again, as it is now; OpenFailed says why it cannot be played."""
    from hotseat.scenario.library import ScenarioError, content_hash, load_scenario

    if entry.scenario is None:
        raise OpenFailed("\n".join(entry.problems))
    try:
        scenario = load_scenario(entry.path)
        digest = content_hash(entry.path)
    except ScenarioError as exc:
        raise OpenFailed(str(exc)) from exc
    except OSError as exc:
        raise OpenFailed(f"{entry.path}: {exc.strerror or exc}") from exc
    return Opened(scenario, digest)


def _words(s: Scenario) -> str:
    return " ".join(
        [s.key, s.title, s.description, s.persona.name, *s.tags, *s.modes, f"d{s.difficulty}"]
    )
