"""Lint diagnostics and the table of their codes, shared by the loader, the linter and the library.

Codes are stable like a linter's: a code is never reused for another problem, so
trainers can search for one and tests can name the file that proves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """Errors make a scenario unplayable; warnings make it worse to play."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Code:
    """One kind of problem: its code, a name for the bad pattern, and how bad it is."""

    code: str
    name: str
    severity: Severity
    summary: str


_E = Severity.ERROR
_W = Severity.WARNING

CODES: dict[str, Code] = {
    c.code: c
    for c in (
        Code("S001", "yaml-syntax", _E, "The file is not valid YAML."),
        Code("S002", "not-utf8", _E, "The file is not UTF-8 text."),
        Code(
            "S003", "unknown-key", _E, "A key the format does not know (a typo is never ignored)."
        ),
        Code("S004", "wrong-type", _E, "A value of the wrong kind, e.g. text where a number goes."),
        Code("S005", "missing-field", _E, "A required key is absent."),
        Code(
            "S006", "duplicate-key", _E, "The same key twice in one mapping; YAML keeps only one."
        ),
        Code("S007", "unknown-move", _E, "A beat's condition names a move outside the vocabulary."),
        Code(
            "S008",
            "fact-never-revealed",
            _E,
            "A fact the trainee can never get out of the customer.",
        ),
        Code("S009", "no-reaction-lines", _W, "Moves the customer has no words for."),
        Code("S010", "duplicate-id", _E, "Two files define the same LANG/ID."),
        Code("S011", "duplicate-fact-id", _E, "Two facts share an id."),
        Code("S012", "empty-file", _E, "The file holds no YAML document."),
        Code("S013", "not-a-mapping", _E, "The document is not a mapping of keys to values."),
        Code("S014", "value-out-of-range", _E, "A number, list or text outside its allowed size."),
        Code("S015", "invalid-value", _E, "A value outside the allowed choices or shape."),
        Code(
            "S016", "example-invalid", _E, "An example conversation whose expectations cannot hold."
        ),
        Code(
            "S017", "file-name-mismatch", _W, "The file name or folder disagrees with id or lang."
        ),
        Code("S018", "file-too-large", _E, "The file is too large to be a scenario."),
        Code("S019", "yaml-too-complex", _E, "Nesting or alias expansion beyond a sane limit."),
        Code(
            "S020",
            "unsupported-tag",
            _E,
            "A YAML tag or merge key: scenarios hold plain data only.",
        ),
        Code("S021", "unknown-placeholder", _E, "A {name} in a line that nothing fills in."),
        Code("S022", "beat-never-fires", _W, "A beat whose condition can never hold."),
        Code("S023", "persona-inconsistent", _E, "Persona thresholds that contradict each other."),
        Code(
            "S024", "unknown-rule-code", _E, "A rule code in ignore or an example that no rule has."
        ),
        Code("S025", "duplicate-beat-id", _E, "Two beats share an id."),
        Code("S026", "file-unreadable", _E, "The path does not exist or cannot be read."),
        Code(
            "S027",
            "no-memory-lines",
            _W,
            "No words for a question asked twice, a refusal, or a formula heard again.",
        ),
        Code("S028", "no-angry-answer", _W, "A key fact the customer can only tell politely."),
    )
}


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """One problem at one place; orders by file, then position, then code."""

    path: str
    line: int
    col: int
    code: str
    message: str

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    @property
    def name(self) -> str:
        return CODES[self.code].name

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}"

    def to_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
        }
