"""The scenario list behind the home screen: playable scenarios and broken files, side by side.

A file that fails to load is an entry with its diagnostics, never a crash and
never hidden; a file that breaks or disappears after the list was loaded is
caught again when the trainee picks it, because a call always starts from the
file as it is on disk now.

Validating every file takes longer than drawing the home screen, so the list
shown last time is kept in the user's cache folder and drawn first; the freshly
validated list replaces it a moment later.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hotseat.scenario.model import Scenario

CACHE_FORMAT = 1


@dataclass(frozen=True, slots=True)
class Card:
    """What the list shows of a playable scenario."""

    key: str
    lang: str
    title: str
    description: str
    difficulty: int
    tags: tuple[str, ...]
    modes: tuple[str, ...]

    @classmethod
    def of(cls, s: Scenario) -> Card:
        return cls(
            s.key, s.lang, s.title, s.description, s.difficulty, tuple(s.tags), tuple(s.modes)
        )

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Card:
        return cls(**{**data, "tags": tuple(data["tags"]), "modes": tuple(data["modes"])})


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the scenario list."""

    path: Path
    card: Card | None
    problems: tuple[str, ...] = ()  # `lang/file.yaml:line:col: CODE message`, when broken
    haystack: str = ""  # what the filter matches, normalized like the trainee's typing

    @property
    def broken(self) -> bool:
        return self.card is None

    @property
    def label(self) -> str:
        """The scenario's title, or the file's name when it did not load."""
        return self.card.title if self.card else f"{self.path.parent.name}/{self.path.name}"

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "card": asdict(self.card) if self.card else None,
            "problems": list(self.problems),
            "haystack": self.haystack,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entry:
        card = Card.from_json(data["card"]) if data["card"] is not None else None
        return cls(Path(data["path"]), card, tuple(data["problems"]), data["haystack"])


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
    entries = [
        Entry(library.paths[s.key], Card.of(s), haystack=fold(_words(s))) for s in library.scenarios
    ]
    for bad in sorted(library.broken, key=lambda b: str(b.path)):
        short = f"{bad.path.parent.name}/{bad.path.name}"
        problems = tuple(
            f"{short}:{d.line}:{d.col}: {d.code} {d.message}" for d in bad.diagnostics
        ) or (f"{short}: cannot load",)
        entries.append(Entry(bad.path, None, problems, fold(f"{short} {' '.join(problems)}")))
    return entries


@dataclass(frozen=True, slots=True)
class Sources:
    """Where scenarios come from: the built-in ones (found lazily) and extra folders."""

    builtin: bool
    extra: tuple[Path, ...] = ()

    def key(self) -> list[str]:
        """Names the sources without importing the library, so the cache is read at once."""
        return (["builtin"] if self.builtin else []) + [str(d) for d in self.extra]

    def dirs(self) -> list[Path]:
        if not self.builtin:
            return list(self.extra)
        from hotseat.scenario.library import builtin_dir

        return [builtin_dir(), *self.extra]


def matches(entry: Entry, query: str) -> bool:
    """Every word of the query occurs somewhere in the entry."""
    words = fold(query).split() if query.strip() else []
    return all(word in entry.haystack for word in words)


def open_entry(entry: Entry) -> Opened:
    """Read the entry's file again, as it is now; OpenFailed says why it cannot be played."""
    from hotseat.scenario.library import ScenarioError, content_hash, load_scenario

    if entry.card is None:
        raise OpenFailed("\n".join(entry.problems))
    try:
        scenario = load_scenario(entry.path)
        digest = content_hash(entry.path)
    except ScenarioError as exc:
        raise OpenFailed(str(exc)) from exc
    except OSError as exc:
        raise OpenFailed(f"{entry.path}: {exc.strerror or exc}") from exc
    return Opened(scenario, digest)


# -- the list shown last time ------------------------------------------------------------


def default_cache() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("hotseat", appauthor=False) / "catalog.json"


def read_cache(path: Path, sources: list[str]) -> list[Entry] | None:
    """The list last shown for the same sources, or None; a damaged cache is just a miss."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != CACHE_FORMAT or data.get("sources") != sources:
            return None
        return [Entry.from_json(e) for e in data["entries"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def write_cache(path: Path, sources: list[str], entries: list[Entry]) -> None:
    """Keep the list for the next start; a cache that cannot be written is not worth a word."""
    data = {
        "format": CACHE_FORMAT,
        "sources": sources,
        "entries": [e.to_json() for e in entries],
    }
    with suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _words(s: Scenario) -> str:
    return " ".join(
        [s.key, s.title, s.description, s.persona.name, *s.tags, *s.modes, f"d{s.difficulty}"]
    )
