"""YAML that remembers where each value was written, so a rulebook error can name file:line:col."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file, at a 1-based line and column."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


@dataclass(frozen=True, slots=True)
class Located:
    """A parsed document and the node tree it came from."""

    path: str
    data: Any
    root: yaml.Node | None

    def problem(self, loc: Sequence[str | int], message: str, *, at_key: bool = False) -> Problem:
        """A problem at the deepest node ``loc`` reaches: the value, or with ``at_key`` the key.

        A ``"[key]"`` step (pydantic's marker for a bad mapping key) also lands on the key.
        """
        node = self.root
        key: yaml.Node | None = None
        for i, part in enumerate(loc):
            if part == "[key]":
                node = key or node
                break
            entry = _entry(node, part)
            if entry is None:
                break
            key, node = entry
            if at_key and i == len(loc) - 1 and key is not None:
                node = key
        if node is None:
            return Problem(self.path, 1, 1, message)
        return Problem(self.path, node.start_mark.line + 1, node.start_mark.column + 1, message)


def _entry(node: yaml.Node | None, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    """The (key, value) of a mapping entry, or (None, item) of a sequence item."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return key, value
    if (
        isinstance(node, yaml.SequenceNode)
        and isinstance(part, int)
        and 0 <= part < len(node.value)
    ):
        return None, node.value[part]
    return None


def read(path: Path) -> tuple[Located | None, list[Problem]]:
    """Parse one file with the safe loader; syntax errors, duplicate keys and aliases are problems.

    Aliases are refused outright: a rulebook has no use for them, and a few
    nested ones can make validation walk billions of values.
    """
    where = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(where, 1, 1, f"cannot read the file: {exc.strerror or exc}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(where, line, 1, "the file is not UTF-8 text")]
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        problems = _structure(where, root)
        if any(p.message.startswith("aliases") for p in problems):
            return None, problems
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return None, [Problem(where, line, col, f"YAML syntax: {exc.problem or exc}")]
    except yaml.YAMLError as exc:
        return None, [Problem(where, 1, 1, f"YAML syntax: {exc}")]
    finally:
        loader.dispose()
    return Located(where, data, root), problems


def _structure(path: str, root: yaml.Node | None) -> list[Problem]:
    """Duplicate keys (PyYAML silently keeps the last one) and aliases (a node met twice)."""
    problems: list[Problem] = []
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            mark = node.start_mark
            problems.append(
                Problem(
                    path, mark.line + 1, mark.column + 1, "aliases (*name) are not allowed here"
                )
            )
            break
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in keys:
                        mark = key.start_mark
                        message = f"duplicate key '{key.value}'"
                        problems.append(Problem(path, mark.line + 1, mark.column + 1, message))
                    keys.add(key.value)
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    problems.sort(key=lambda p: (p.line, p.col))
    return problems
