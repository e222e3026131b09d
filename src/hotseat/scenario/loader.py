"""Read a scenario file into the model, mapping every validation error back to its file:line:col.

PyYAML's constructors are never run: the loader composes the node graph (safe
parsing, no tags) and builds plain data itself, so it can keep each node's mark,
notice duplicate keys that PyYAML would silently overwrite, refuse alias bombs,
and collect every problem in one pass instead of stopping at the first.
"""

from __future__ import annotations

import difflib
import re
import types
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from hotseat.scenario.diagnostic import Diagnostic
from hotseat.scenario.model import Scenario

MAX_BYTES = 1 << 20  # a rich scenario is tens of kilobytes; a megabyte is not a scenario
MAX_DEPTH = 40  # the format nests five levels deep
MAX_VALUES = 100_000  # values after alias expansion: stops "billion laughs"
MAX_NUMBER_CHARS = 30  # digits in one integer; the largest a scenario takes has a handful

Loc = tuple[str | int, ...]

_YAML = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_YAML + t for t in ("null", "bool", "int", "float")}
_INT = _YAML + "int"
_SAFE_EXPLICIT_TAGS = {"!", _YAML + "str"}  # `!!str 123` only forces text


class ScenarioError(Exception):
    """A scenario that cannot be used, with every diagnostic that says why."""

    def __init__(self, message: str, diagnostics: Iterable[Diagnostic] = ()) -> None:
        self.diagnostics = tuple(diagnostics)
        details = "".join(f"\n  {d}" for d in self.diagnostics)
        super().__init__(message + details)


@dataclass(frozen=True, slots=True)
class Place:
    """Where a value sits in the source, 1-based, and where its key starts."""

    line: int
    col: int
    key_line: int
    key_col: int
    raw: str | None = None  # source text of an unquoted scalar, for "put it in quotes" hints


@dataclass
class Loaded:
    """The outcome of loading one file: whatever could be read, and every problem found."""

    path: str
    data: Any = None
    places: dict[Loc, Place] = field(default_factory=dict)
    scenario: Scenario | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def place(self, loc: Loc) -> Place:
        """The place of ``loc`` or of its nearest known ancestor."""
        for end in range(len(loc), -1, -1):
            found = self.places.get(loc[:end])
            if found is not None:
                return found
        return Place(1, 1, 1, 1)

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """The line and column of a value (or of its key) of this file."""
        p = self.place(loc)
        return (p.key_line, p.key_col) if key else (p.line, p.col)

    def at(self, loc: Loc, code: str, message: str, *, key: bool = False) -> Diagnostic:
        """A diagnostic at a value (or at its key) of this file."""
        return Diagnostic(self.path, *self.position(loc, key=key), code, message)


def load_file(path: Path) -> Loaded:
    """Load a scenario file; diagnostics name it by ``path`` as given."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            message = f"file is {size:,} bytes; a scenario must be under {MAX_BYTES:,}"
            return Loaded(name, diagnostics=[Diagnostic(name, 1, 1, "S018", message)])
        raw = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return Loaded(name, diagnostics=[Diagnostic(name, 1, 1, "S026", f"cannot read: {reason}")])
    return load_bytes(raw, name)


def load_bytes(raw: bytes, name: str) -> Loaded:
    """Load a scenario from its bytes; never raises for anything the bytes hold."""
    loaded = Loaded(name)
    if len(raw) > MAX_BYTES:
        message = f"file is {len(raw):,} bytes; a scenario must be under {MAX_BYTES:,}"
        loaded.diagnostics.append(Diagnostic(name, 1, 1, "S018", message))
        return loaded
    text = _decode(raw, loaded)
    if text is None:
        return loaded
    loaded = read_yaml(text, name)
    if not loaded.places:
        if not loaded.diagnostics:
            message = "the file holds no YAML document, only blanks or comments"
            loaded.diagnostics.append(Diagnostic(name, 1, 1, "S012", message))
        return loaded
    if loaded.data is None:
        loaded.diagnostics.append(Diagnostic(name, 1, 1, "S012", "the file holds no data"))
        return loaded
    if not isinstance(loaded.data, dict):
        what = _describe(loaded.data)
        message = f"a scenario is a mapping of keys (version, id, lang, ...), not {what}"
        loaded.diagnostics.append(loaded.at((), "S013", message))
        return loaded
    try:
        loaded.scenario = Scenario.model_validate(loaded.data)
    except ValidationError as exc:
        # a number refused as too long is kept as its text: it is not also "not a number"
        refused = {(d.line, d.col) for d in loaded.diagnostics if d.code == "S014"}
        loaded.diagnostics.extend(
            d for d in _from_pydantic(exc, loaded) if (d.line, d.col) not in refused
        )
    return loaded


def read_yaml(text: str, name: str, *, aliases: bool = True) -> Loaded:
    """Plain data and the place of every value, with every YAML-level problem; no schema.

    ``places`` stays empty when there is no document or it cannot be composed (the
    diagnostics then say why). ``aliases=False`` refuses every alias where it is written.
    """
    loaded = Loaded(name)
    lines = _Lines(text)
    composed = _compose(text, lines, loaded, aliases)
    if composed is not None:
        _Builder(loaded, composed[1], lines).build(composed[0])
    return loaded


# --- decoding and parsing -----------------------------------------------------------------


def _decode(raw: bytes, loaded: Loaded) -> str | None:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            hint = "it looks like UTF-16"
        else:
            hint = "Chinese editors often save GBK or Big5"
        message = f"not UTF-8 (byte 0x{raw[exc.start]:02x}); {hint}: save the file as UTF-8"
        loaded.diagnostics.append(Diagnostic(loaded.path, line, col, "S002", message))
        return None


class _TooComplex(Exception):
    def __init__(self, mark: Any, message: str) -> None:
        super().__init__(message)
        self.mark = mark


class _Composer(yaml.SafeLoader):
    """Composes nodes only, measuring each as it would be once its aliases are expanded.

    An alias reuses an already composed node, so the expanded size and depth of
    every node are known the moment it is composed: a "billion laughs" is
    refused where it is written, long before anything is expanded.
    """

    def __init__(self, text: str, aliases: bool) -> None:
        super().__init__(text)
        self.aliases = aliases
        self.nesting = 0
        self.sizes: dict[int, tuple[int, int]] = {}  # id(node) -> (values, depth) expanded
        self.tagged: list[Node] = []

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            if not self.aliases:
                raise _TooComplex(event.start_mark, "aliases (*name) are not allowed here")
            target: Node | None = super().compose_node(parent, index)
            if id(target) not in self.sizes:
                raise _TooComplex(event.start_mark, "an alias refers to the value that holds it")
            return target
        self.nesting += 1
        if self.nesting > MAX_DEPTH:
            raise _TooComplex(event.start_mark, f"nested deeper than {MAX_DEPTH} levels")
        try:
            node = super().compose_node(parent, index)
        finally:
            self.nesting -= 1
        if node is None:
            return None
        children = [self.sizes[id(c)] for c in _children(node)]
        values = 1 + sum(v for v, _ in children)
        depth = 1 + max((d for _, d in children), default=0)
        if values > MAX_VALUES:
            message = f"expands to more than {MAX_VALUES:,} values (aliases within aliases?)"
            raise _TooComplex(node.start_mark, message)
        if depth > MAX_DEPTH:
            raise _TooComplex(node.start_mark, f"aliases nest deeper than {MAX_DEPTH} levels")
        self.sizes[id(node)] = (values, depth)
        if event.tag not in (None, *_SAFE_EXPLICIT_TAGS):
            self.tagged.append(node)
        return node


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _compose(
    text: str, lines: _Lines, loaded: Loaded, aliases: bool
) -> tuple[Node, set[int]] | None:
    """The document's root node and the ids of explicitly tagged nodes; None if there is no
    document, or on failure."""
    try:
        composer = _Composer(text, aliases)  # the reader checks every character here, once
    except yaml.reader.ReaderError as exc:
        line, col = lines.position(exc.position)
        message = f"character U+{exc.character:04X} is not allowed in YAML ({exc.reason})"
        loaded.diagnostics.append(Diagnostic(loaded.path, line, col, "S001", message))
        return None
    try:
        node: Node | None = composer.get_single_node()
    except yaml.MarkedYAMLError as exc:
        loaded.diagnostics.append(_syntax(exc, text, lines, loaded.path))
        return None
    except _TooComplex as exc:
        loaded.diagnostics.append(Diagnostic(loaded.path, *lines.at(exc.mark), "S019", str(exc)))
        return None
    finally:
        composer.dispose()
    if node is None:
        return None
    for tagged in composer.tagged:
        message = f"tag {tagged.tag!r}: scenarios hold plain data only, no YAML tags"
        where = lines.at(tagged.start_mark)
        loaded.diagnostics.append(Diagnostic(loaded.path, *where, "S020", message))
    return node, {id(n) for n in composer.tagged}


class _Lines:
    """Line and column as an editor shows them, from a position in the text.

    PyYAML's marks count U+0085, U+2028 and U+2029 as line breaks (YAML 1.1 does);
    editors break lines at \\n, \\r\\n and \\r only, so a message would point lines
    below the problem. Positions are mapped from the mark's index instead.
    """

    def __init__(self, text: str) -> None:
        self._starts = [0, *(m.end() for m in _BREAK.finditer(text))]

    def position(self, index: int) -> tuple[int, int]:
        line = bisect_right(self._starts, index)
        return line, index - self._starts[line - 1] + 1

    def at(self, mark: Any) -> tuple[int, int]:
        return self.position(mark.index) if mark is not None else (1, 1)


_BREAK = re.compile(r"\r\n|\r|\n")


def _syntax(exc: yaml.MarkedYAMLError, text: str, lines: _Lines, path: str) -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    if exc.context == "while scanning a simple key":  # the key's line, not the line after it
        mark = exc.context_mark
    line, col = lines.at(mark)
    message = exc.problem or exc.context or "invalid YAML"
    if exc.context and exc.context_mark is not None and exc.problem:
        message = f"{message} ({exc.context} at line {lines.at(exc.context_mark)[0]})"
    nearby = text.splitlines()[max(line - 2, 0) : line]
    if "\t" in message or any(s[: len(s) - len(s.lstrip())].count("\t") for s in nearby):
        message += "; YAML indents with spaces, never tabs"
    elif "'?'" in message:
        message += "; inside [ ] or { }, put text containing '?' in quotes"
    elif any("：" in s for s in nearby):
        message += "; a full-width colon '：' does not separate a key from its value, use ':'"
    return Diagnostic(path, line, col, "S001", message)


# --- nodes to plain data --------------------------------------------------------------------


def _too_long(value: str) -> bool:
    """Whether an integer scalar has more digits than any scenario value: PyYAML would build
    a number of any size (a base-60 one in quadratic time) and Python refuses to print one
    past 4,300 digits, so such a number is refused as written."""
    return len(value.replace("_", "").lstrip("+-")) > MAX_NUMBER_CHARS


class _Builder:
    """Turns the node graph into plain data, recording a Place for every value."""

    def __init__(self, loaded: Loaded, tagged: set[int], lines: _Lines) -> None:
        self.loaded = loaded
        self.tagged = tagged
        self.lines = lines
        self.constructor = yaml.SafeLoader("")

    def build(self, root: Node) -> None:
        self.loaded.data = self.value(root, (), self._mark(root))

    def value(self, node: Node, loc: Loc, key_at: tuple[int, int]) -> Any:
        line, col = self._mark(node)
        raw = node.value if isinstance(node, ScalarNode) and node.style is None else None
        self.loaded.places[loc] = Place(line, col, key_at[0], key_at[1], raw)
        if isinstance(node, ScalarNode):
            return self.scalar(node)
        if isinstance(node, SequenceNode):
            return [
                self.value(item, (*loc, i), self._mark(item)) for i, item in enumerate(node.value)
            ]
        assert isinstance(node, MappingNode)
        return self.mapping(node, loc)

    def scalar(self, node: ScalarNode) -> Any:
        if node.tag in _PLAIN_TAGS and id(node) not in self.tagged:
            if node.tag == _INT and _too_long(node.value):
                message = (
                    f"a number {len(node.value):,} characters long; no value in a scenario "
                    f"takes more than {MAX_NUMBER_CHARS} digits"
                )
                self._report(self._mark(node), "S014", message)
                return node.value
            return self.constructor.construct_object(node)
        return node.value

    def mapping(self, node: MappingNode, loc: Loc) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first: dict[str, tuple[int, int]] = {}
        for key_node, value_node in node.value:
            key_at = self._mark(key_node)
            if not isinstance(key_node, ScalarNode):
                self._report(key_at, "S004", "a key must be plain text, not a list or mapping")
                continue
            if key_node.tag == _YAML + "merge":
                message = "merge keys (<<) are not supported; write the keys out"
                self._report(key_at, "S020", message)
                continue
            key = key_node.value
            if key in first:
                line = first[key][0]
                message = f"duplicate key {key!r} (first at line {line}); YAML keeps only the last"
                self._report(key_at, "S006", message)
            first[key] = key_at
            out[key] = self.value(value_node, (*loc, key), key_at)
        return out

    def _mark(self, node: Node) -> tuple[int, int]:
        return self.lines.at(node.start_mark)

    def _report(self, at: tuple[int, int], code: str, message: str) -> None:
        self.loaded.diagnostics.append(Diagnostic(self.loaded.path, at[0], at[1], code, message))


# --- pydantic errors to diagnostics ---------------------------------------------------------


def _from_pydantic(exc: ValidationError, loaded: Loaded) -> list[Diagnostic]:
    out = []
    for err in exc.errors(include_url=False):
        loc: Loc = tuple(err["loc"])
        out.append(_one_error(err["type"], loc, err, loaded))
    return out


def _one_error(kind: str, loc: Loc, err: Any, loaded: Loaded) -> Diagnostic:
    ctx: dict[str, Any] = err.get("ctx") or {}
    value = err.get("input")
    if loc and loc[-1] == "[key]":
        owner = loc[:-2]
        choices = _choices(ctx)
        message = (
            f"unknown key {loc[-2]!r} in {_where(owner)}{_did_you_mean(str(loc[-2]), choices)}"
        )
        return loaded.at(loc[:-1], "S003", message, key=True)
    if kind == "extra_forbidden":
        return loaded.at(loc, "S003", _unknown_key(loc), key=True)
    if kind == "missing":
        message = f"{_where(loc[:-1])} is missing the required key {loc[-1]!r}"
        return loaded.at(loc[:-1], "S005", message)
    if kind in _RANGE:
        return loaded.at(
            loc, "S014", f"{_where(loc)} {_RANGE[kind].format(**ctx)}, got {_short(value)}"
        )
    if kind in ("enum", "literal_error"):
        choices = _choices(ctx)
        message = (
            f"{_where(loc)}: {_short(value)} is not one of {ctx.get('expected', '')}"
            f"{_did_you_mean(str(value), choices)}"
        )
        return loaded.at(loc, "S015", message)
    if kind == "string_pattern_mismatch":
        return loaded.at(loc, "S015", _pattern(loc, str(value), ctx["pattern"]))
    if kind in _TYPES:
        return loaded.at(loc, "S004", _wrong_type(loc, _TYPES[kind], value, loaded.place(loc)))
    message = str(err.get("msg", kind)).removeprefix("Value error, ")
    if not loc:  # a model-level check: point at the key its message starts with
        first = message.split(" ", 1)[0]
        if isinstance(loaded.data, dict) and first in loaded.data:
            return loaded.at((first,), "S015", message, key=True)
    return loaded.at(loc, "S015", f"{_where(loc)}: {message}")


_RANGE = {
    "greater_than": "must be more than {gt}",
    "greater_than_equal": "must be at least {ge}",
    "less_than": "must be less than {lt}",
    "less_than_equal": "must be at most {le}",
    "too_short": "needs at least {min_length} item(s)",
    "too_long": "takes at most {max_length} item(s)",
    "string_too_short": "must not be empty",
    "string_too_long": "must be at most {max_length} characters",
}

_TYPES = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "string_type": "text",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of keys to values",
    "model_type": "a mapping of keys to values",
    "model_attributes_type": "a mapping of keys to values",
}


def _where(loc: Loc) -> str:
    if not loc:
        return "the scenario"
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _short(value: Any) -> str:
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "...")
    return _describe(value)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {_short(value)}"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _wrong_type(loc: Loc, expected: str, value: Any, place: Place) -> str:
    message = f"{_where(loc)} should be {expected}, not {_describe(value)}"
    if expected == "text" and place.raw is not None:
        message += f"; YAML reads unquoted {place.raw} as {_describe(value)}, so quote it"
    return message


def _choices(ctx: dict[str, Any]) -> list[str]:
    return re.findall(r"'([^']*)'", str(ctx.get("expected", "")))


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _pattern(loc: Loc, value: str, pattern: str) -> str:
    message = (
        f"{_where(loc)} {value!r} must be lowercase letters, digits and '-' (pattern {pattern})"
    )
    slug = re.sub(r"[^a-z0-9_-]+", "-", value.strip().lower()).strip("-")
    if re.fullmatch(pattern, slug):
        message += f"; did you mean {slug!r}?"
    return message


def _unknown_key(loc: Loc) -> str:
    key = str(loc[-1])
    message = f"unknown key {key!r} in {_where(loc[:-1])}"
    homes = [where for where, names in _FIELD_HOMES if key in names]
    if homes and len(loc) == 1:  # a key indented at the wrong level
        return f"{message}; it belongs under {homes[0]}"
    owner = _model_at(loc[:-1])
    return message + _did_you_mean(key, list(owner.model_fields) if owner is not None else [])


def _unwrap(ann: Any) -> Any:
    while True:
        origin = get_origin(ann)
        if origin is Annotated:
            ann = get_args(ann)[0]
        elif origin in (Union, types.UnionType):
            ann = next(a for a in get_args(ann) if a is not type(None))
        else:
            return ann


def _model_at(loc: Loc) -> type[BaseModel] | None:
    """The model that validates the mapping at ``loc``, walking the field annotations."""
    ann: Any = Scenario
    for part in loc:
        ann = _unwrap(ann)
        if isinstance(ann, type) and issubclass(ann, BaseModel) and isinstance(part, str):
            info = ann.model_fields.get(part)
            if info is None:
                return None
            ann = info.annotation
        elif get_origin(ann) in (list, dict):
            ann = get_args(ann)[-1]
        else:
            return None
    ann = _unwrap(ann)
    return ann if isinstance(ann, type) and issubclass(ann, BaseModel) else None


def _field_homes() -> list[tuple[str, frozenset[str]]]:
    """Every nested model's key names, so a key at the wrong level can say where it goes."""
    out = []
    for name in Scenario.model_fields:
        inner = _model_at((name,)) or _model_at((name, 0))
        if inner is not None:
            out.append((name, frozenset(inner.model_fields)))
    return out


_FIELD_HOMES = _field_homes()
