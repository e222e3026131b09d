"""Lint scenario files: what the loader finds, plus the checks a schema cannot express.

The checks read the raw data, not the validated model, so a file with a typo in
its persona still hears about its unknown move: every problem in one run.
A check skips any value of the wrong shape, because the loader already reported it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hotseat.moves import LANGS, MOVE_NAMES, MoveKind
from hotseat.scenario.diagnostic import CODES, Code, Diagnostic, Severity
from hotseat.scenario.loader import Loaded, Loc, load_bytes, load_file
from hotseat.scenario.model import MODES, Persona, Reaction, Scenario

__all__ = [
    "CODES",
    "Code",
    "Diagnostic",
    "FileResult",
    "LintResult",
    "Severity",
    "duplicate_ids",
    "lint_bytes",
    "lint_file",
    "lint_paths",
    "scenario_files",
]

SUFFIXES = (".yaml", ".yml")
PLACEHOLDERS = frozenset({"quote"})  # what the persona fills in a customer line
# what the customer says from memory of the call; without them it borrows other lines
MEMORY_REACTIONS = (Reaction.ALREADY_TOLD, Reaction.REFUSE, Reaction.SCRIPTED)


@dataclass(frozen=True)
class FileResult:
    """One file's scenario (when it validates) and its problems."""

    path: str
    scenario: Scenario | None
    diagnostics: list[Diagnostic]
    key: str | None = None  # LANG/ID as written, even when the file does not validate
    key_at: tuple[int, int] = (1, 1)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]


@dataclass(frozen=True)
class LintResult:
    """Every problem in a set of files, sorted by file and position."""

    files: list[str]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> int:
        return sum(d.severity is Severity.ERROR for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.severity is Severity.WARNING for d in self.diagnostics)


def scenario_files(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given, and every *.yaml / *.yml under a directory, in a stable order."""
    out: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
            out.extend(sorted(found))
        else:
            out.append(path)
    return out


def lint_paths(paths: Iterable[Path | str], known_codes: set[str] | None = None) -> LintResult:
    """Lint files and directories together; ``known_codes`` enables the rule-code check."""
    results = [lint_file(p, known_codes) for p in scenario_files(paths)]
    diagnostics = [d for r in results for d in r.diagnostics]
    diagnostics += duplicate_ids(results)
    return LintResult([r.path for r in results], sorted(diagnostics))


def lint_file(path: Path, known_codes: set[str] | None = None) -> FileResult:
    return _lint(load_file(path), path, known_codes)


def lint_bytes(raw: bytes, name: str, known_codes: set[str] | None = None) -> FileResult:
    """Lint text that is not (yet) a file, e.g. from an editor; ``name`` stands for its path."""
    return _lint(load_bytes(raw, name), Path(name), known_codes)


def duplicate_ids(results: Iterable[FileResult]) -> list[Diagnostic]:
    """S010 on every file whose LANG/ID another file also defines."""
    by_key: dict[str, list[FileResult]] = {}
    for r in results:
        if r.key is not None:
            by_key.setdefault(r.key, []).append(r)
    out = []
    for key, group in by_key.items():
        for r in group if len(group) > 1 else ():
            others = [o.path for o in group if o is not r]
            more = f" and {len(others) - 2} more" if len(others) > 2 else ""
            message = f"scenario {key} is also defined in {', '.join(others[:2])}{more}"
            out.append(Diagnostic(r.path, *r.key_at, "S010", message))
    return out


def _lint(loaded: Loaded, path: Path, known_codes: set[str] | None) -> FileResult:
    data = loaded.data
    if not isinstance(data, dict):
        return FileResult(loaded.path, None, loaded.diagnostics)
    checks = [
        *_file_name(loaded, data, path),
        *_persona(loaded, data),
        *_facts(loaded, data),
        *_reactions(loaded, data),
        *_placeholders(loaded, data),
        *_beats(loaded, data),
        *_examples(loaded, data),
        *(_rule_codes(loaded, data, known_codes) if known_codes is not None else ()),
    ]
    # one place, one problem: a value the loader rejected is not judged again
    flagged = {(d.line, d.col) for d in loaded.diagnostics}
    found = loaded.diagnostics + [d for d in checks if (d.line, d.col) not in flagged]
    lang, ident = data.get("lang"), data.get("id")
    if isinstance(lang, str) and isinstance(ident, str):
        p = loaded.place(("id",))
        return FileResult(loaded.path, loaded.scenario, found, f"{lang}/{ident}", (p.line, p.col))
    return FileResult(loaded.path, loaded.scenario, found)


# --- raw-data access ------------------------------------------------------------------------


def _items(data: dict[str, Any], key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """The mappings in a list-valued key, with their index; anything else is skipped."""
    value = data.get(key)
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield i, item


def _int(data: Any, key: str, default: int | None = None) -> int | None:
    value = data.get(key, default) if isinstance(data, dict) else default
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _persona_int(data: dict[str, Any], key: str) -> int | None:
    default = Persona.model_fields[key].default
    return _int(data.get("persona", {}), key, default)


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _duplicates(
    loaded: Loaded, data: dict[str, Any], key: str, code: str, what: str
) -> Iterator[Diagnostic]:
    seen: dict[str, int] = {}
    for i, item in _items(data, key):
        ident = item.get("id")
        if not isinstance(ident, str):
            continue
        here = loaded.place((key, i, "id"))
        if ident in seen:
            message = f"{what} id {ident!r} is used twice (first at line {seen[ident]})"
            yield Diagnostic(loaded.path, here.line, here.col, code, message)
        else:
            seen[ident] = here.line


# --- the checks -----------------------------------------------------------------------------


def _file_name(loaded: Loaded, data: dict[str, Any], path: Path) -> Iterator[Diagnostic]:
    ident, lang = data.get("id"), data.get("lang")
    if isinstance(ident, str) and path.stem != ident:
        message = f"file name {path.name!r} differs from id {ident!r}: name it {ident}.yaml"
        yield loaded.at(("id",), "S017", message)
    folder = path.parent.name
    if isinstance(lang, str) and folder in LANGS and folder != lang:
        yield loaded.at(("lang",), "S017", f"file is in {folder}/ but its lang is {lang!r}")


def _persona(loaded: Loaded, data: dict[str, Any]) -> Iterator[Diagnostic]:
    mood, hang_up = _persona_int(data, "mood"), _persona_int(data, "hang_up_at")
    settle = _persona_int(data, "settle_at")
    if hang_up is None:
        return
    if mood is not None and mood >= hang_up:
        message = (
            f"starting mood {mood} is at or above hang_up_at {hang_up}: "
            "the customer would hang up before the trainee says a word"
        )
        yield loaded.at(("persona", "mood"), "S023", message)
    if settle is not None and settle >= hang_up:
        message = (
            f"settle_at {settle} is at or above hang_up_at {hang_up}: "
            "the customer would accept a close however angry they are"
        )
        yield loaded.at(("persona", "settle_at"), "S023", message)


def _facts(loaded: Loaded, data: dict[str, Any]) -> Iterator[Diagnostic]:
    yield from _duplicates(loaded, data, "facts", "S011", "fact")
    for i, fact in _items(data, "facts"):
        name = repr(fact.get("id", f"#{i + 1}"))
        ask, lines = fact.get("ask", []), fact.get("lines", [])
        if ask == [] and fact.get("volunteered") is not True:
            message = (
                f"fact {name} has no ask phrases and is not volunteered: "
                "the trainee can never ask for it"
            )
            yield loaded.at(("facts", i, "ask") if "ask" in fact else ("facts", i), "S008", message)
        if lines == []:
            message = f"fact {name} has no lines: the customer has no words that reveal it"
            where: Loc = ("facts", i, "lines") if "lines" in fact else ("facts", i)
            yield loaded.at(where, "S008", message, key="lines" in fact)
        asked = fact.get("element") is not None and fact.get("volunteered") is not True
        if asked and lines and not fact.get("angry_lines"):
            message = (
                f"fact {name} has no angry_lines: an angry customer asked for it answers "
                "as politely as a calm one"
            )
            yield loaded.at(("facts", i), "S028", message)


def _reactions(loaded: Loaded, data: dict[str, Any]) -> Iterator[Diagnostic]:
    lines = data.get("lines")
    if not isinstance(lines, dict):
        return
    missing = [m.value for m in MoveKind if lines.get(m.value, []) == []]
    if missing:
        message = (
            f"no lines for the move(s) {', '.join(missing)}: "
            "the customer can only answer them with a generic line"
        )
        yield loaded.at(("lines",), "S009", message, key=True)
    silent = [r.value for r in MEMORY_REACTIONS if lines.get(r.value, []) == []]
    if silent:
        message = (
            f"no lines for {', '.join(silent)}: the customer borrows the nearest other "
            "reaction's words when asked twice, refusing, or hearing the same formula again"
        )
        yield loaded.at(("lines",), "S027", message, key=True)


def _placeholders(loaded: Loaded, data: dict[str, Any]) -> Iterator[Diagnostic]:
    for loc, text in _customer_lines(data):
        for name in re.findall(r"\{([^{}]*)\}", text):
            if name not in PLACEHOLDERS:
                message = (
                    f"unknown placeholder {{{name}}}: only {{quote}}, "
                    "the trainee's own words, is filled in"
                )
                yield loaded.at(loc, "S021", message)


def _customer_lines(data: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    for table in ("lines", "drill_lines"):
        reactions = data.get(table)
        if isinstance(reactions, dict):
            for reaction, lines in reactions.items():
                yield from _strings((table, reaction), lines)
    for key in ("facts", "beats"):
        for i, item in _items(data, key):
            yield from _strings((key, i, "lines"), item.get("lines"))
    for i, item in _items(data, "facts"):
        yield from _strings(("facts", i, "angry_lines"), item.get("angry_lines"))


def _strings(loc: Loc, value: Any) -> Iterator[tuple[Loc, str]]:
    if isinstance(value, list):
        for i, text in enumerate(value):
            if isinstance(text, str):
                yield (*loc, i), text


def _beats(loaded: Loaded, data: dict[str, Any]) -> Iterator[Diagnostic]:
    yield from _duplicates(loaded, data, "beats", "S025", "beat")
    hang_up = _persona_int(data, "hang_up_at")
    max_turns = _int(data, "max_turns", Scenario.model_fields["max_turns"].default)
    for i, beat in _items(data, "beats"):
        when = beat.get("when")
        if not isinstance(when, dict):
            continue
        move = when.get("move")
        if isinstance(move, str) and move not in MOVE_NAMES:
            message = f"unknown move {move!r}{_did_you_mean(move, MOVE_NAMES)}"
            yield loaded.at(("beats", i, "when", "move"), "S007", message)
        low, high = _int(when, "mood_at_least"), _int(when, "mood_at_most")
        turn = _int(when, "turn_at_least")
        reasons = []
        if low is not None and high is not None and low > high:
            reasons.append(f"mood_at_least {low} is above mood_at_most {high}")
        if low is not None and hang_up is not None and low > hang_up:
            reasons.append(f"the customer hangs up at mood {hang_up}, before {low}")
        if turn is not None and max_turns is not None and turn > max_turns:
            reasons.append(f"the call ends after {max_turns} turns, before turn {turn}")
        if reasons:
            message = f"beat {beat.get('id', i + 1)!r} never fires: {'; '.join(reasons)}"
            yield loaded.at(("beats", i, "when"), "S022", message, key=True)


def _examples(loaded: Loaded, data: dict[str, Any]) -> Iterator[Diagnostic]:
    modes = data.get("modes", list(MODES))
    names: dict[str, int] = {}
    for i, example in _items(data, "examples"):
        label = repr(example.get("name", f"#{i + 1}"))
        name = example.get("name")
        if isinstance(name, str):
            if name in names:
                message = f"example {label} is named twice (first at line {names[name]})"
                yield loaded.at(("examples", i, "name"), "S016", message)
            names.setdefault(name, loaded.place(("examples", i, "name")).line)
        mode = example.get("mode")
        if isinstance(mode, str) and isinstance(modes, list) and mode not in modes:
            message = f"example {label} plays in {mode} mode, which the scenario's modes exclude"
            yield loaded.at(("examples", i, "mode"), "S016", message)
        expect = example.get("expect")
        if not isinstance(expect, dict):
            continue
        low, high = _int(expect, "overall_at_least"), _int(expect, "overall_at_most")
        if low is not None and high is not None and low > high:
            message = f"example {label} expects a score of at least {low} and at most {high}"
            yield loaded.at(("examples", i, "expect", "overall_at_least"), "S016", message)
        codes, absent = expect.get("codes"), expect.get("absent_codes")
        if isinstance(codes, list) and isinstance(absent, list):
            both = sorted({c for c in codes if isinstance(c, str)} & set(absent))
            if both:
                message = f"example {label} wants {', '.join(both)} both present and absent"
                yield loaded.at(("examples", i, "expect", "absent_codes"), "S016", message)


def _rule_codes(loaded: Loaded, data: dict[str, Any], known: set[str]) -> Iterator[Diagnostic]:
    def check(loc: Loc, value: Any, prefixes: bool) -> Iterator[Diagnostic]:
        for at, code in _strings(loc, value):
            family = prefixes and code.isalpha() and any(k.startswith(code) for k in known)
            if code not in known and not family:
                message = f"unknown rule code {code!r}{_did_you_mean(code, known)}"
                yield loaded.at(at, "S024", message)

    yield from check(("ignore",), data.get("ignore"), prefixes=True)
    for i, example in _items(data, "examples"):
        expect = example.get("expect")
        if isinstance(expect, dict):
            for key in ("codes", "absent_codes"):
                yield from check(("examples", i, "expect", key), expect.get(key), prefixes=False)
