"""The rulebook: thresholds, weights, severities, rule selection and extra phrases, from YAML.

The built-in ``data/default.yaml`` holds every default, so a trainer's own
rulebook file only says what it changes. Files are validated with pydantic and
every problem is reported at its ``file:line:col``, all at once. Selection works
as in ruff: by code ("AP001"), prefix ("AP", "AP00") or name
("repeated-apology"); within one layer the most specific selector wins (ignore
wins a tie). Layers stack: the command line beats a scenario's ignores (like
ruff's per-file ignores), which beat the rulebook files, which beat the
defaults. A layer with a ``select`` list decides for every rule; one with only
``ignore`` decides only for the rules it names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from hotseat.conversation import FAIL_BELOW, PASS_MARK, Area, Outcome, Severity
from hotseat.datafiles import load_data
from hotseat.language.lexicon import CATEGORIES
from hotseat.moves import Lang
from hotseat.rules.phrases import PhraseKind
from hotseat.rules.registry import RULES, Rule, get_rule, unknown
from hotseat.scenario.loader import Loaded, Loc, read_yaml

Phrase = Annotated[str, Field(min_length=1)]
Number = int | float


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleSettings(_Strict):
    """How one rule behaves: all fields optional in a trainer's file."""

    severity: Severity | None = Field(None, description="error, warning or info.")
    weight: int | None = Field(None, ge=0, le=100, description="Points the finding costs its area.")
    step: int | None = Field(
        None,
        ge=0,
        le=100,
        description="Each further finding of this rule in a call costs this many points more.",
    )
    cap: int | None = Field(
        None,
        ge=0,
        le=100,
        description="A call where this fires scores at most this: the score is scaled into 0-cap.",
    )
    options: dict[str, Number] = Field(
        default_factory=dict, description="The rule's thresholds (see `hotseat rules CODE`)."
    )


class RulebookFile(_Strict):
    """One rulebook file; the built-in default uses the same shape."""

    version: Literal[1] = Field(description="Format version; this is version 1.")
    select: list[str] = Field(default_factory=list, description="Codes, prefixes or names to run.")
    ignore: list[str] = Field(default_factory=list, description="Codes, prefixes or names to skip.")
    rules: dict[str, RuleSettings] = Field(
        default_factory=dict, description="Per rule code or name."
    )
    credits: dict[str, Annotated[int, Field(ge=0, le=100)]] = Field(
        default_factory=dict, description="Points for good moves in the right place."
    )
    areas: dict[Area, Annotated[float, Field(ge=0)]] = Field(
        default_factory=dict, description="Weight of each area in the overall score."
    )
    outcome_caps: dict[Outcome, Annotated[int, Field(ge=0, le=100)]] = Field(
        default_factory=dict,
        description="The highest overall score a call can have when it ends this way.",
    )
    error_caps: dict[Annotated[int, Field(ge=1)], Annotated[int, Field(ge=0, le=100)]] = Field(
        default_factory=dict,
        description="The highest overall score with at least this many error-level findings.",
    )
    weakest_area: float | None = Field(
        None, ge=0, le=1, description="Share of the overall given to the weakest area."
    )
    pass_mark: int | None = Field(None, ge=1, le=100, description="Lowest overall that passes.")
    fail_below: int | None = Field(
        None, ge=0, le=100, description="Overall scores under this fail; between, borderline."
    )
    lexicon: dict[Lang, dict[Annotated[str, Field(pattern=r"^[a-z_]+$")], list[Phrase]]] = Field(
        default_factory=dict, description="Extra analyzer phrases per language and category."
    )
    phrases: dict[Lang, dict[PhraseKind, list[Phrase]]] = Field(
        default_factory=dict,
        description="Extra phrases for the rules: motives, outcomes, conditions.",
    )


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a rulebook file, at a 1-based line and column."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class RulebookError(ValueError):
    """A rulebook file that cannot be used; ``problems`` says every reason, with file:line:col."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(map(str, self.problems)))


@dataclass(frozen=True, slots=True)
class Layer:
    """One level of selection; a higher ``rank`` beats a lower one, then a later layer an earlier.

    Ranks: the defaults and files 0, a scenario's ignores 1, a run (the command line) 2.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    rank: int = 0

    def decide(self, rule: Rule) -> bool | None:
        chosen = _best(self.select, rule)
        dropped = _best(self.ignore, rule)
        if chosen is None and dropped is None:
            return False if self.select else None
        return dropped is None or (chosen is not None and chosen > dropped)


_SELECTOR = re.compile(r"^[A-Z]{2}[0-9]{0,3}$")


def _specificity(selector: str, rule: Rule) -> int | None:
    if selector == "ALL":
        return 0
    if selector == rule.name:
        return len(rule.code)
    return len(selector) if rule.code.startswith(selector) else None


def _best(selectors: Iterable[str], rule: Rule) -> int | None:
    found = [s for sel in selectors if (s := _specificity(sel, rule)) is not None]
    return max(found, default=None)


def check_selector(selector: str) -> str | None:
    """None if the selector names at least one rule, else what is wrong with it."""
    if selector == "ALL" or any(selector == r.name for r in RULES):
        return None
    if _SELECTOR.match(selector) and any(r.code.startswith(selector) for r in RULES):
        return None
    return unknown(
        "rule selector", selector, ["ALL", *(r.code for r in RULES), *(r.name for r in RULES)]
    )


@dataclass(frozen=True, slots=True)
class RuleConfig:
    severity: Severity
    weight: int
    options: Mapping[str, Number]
    step: int = 0
    cap: int | None = None

    def cost(self, nth: int) -> int:
        """What the ``nth`` finding of this rule in a call costs (1-based)."""
        return self.weight + self.step * (nth - 1)


@dataclass(frozen=True, slots=True)
class Rulebook:
    """Everything tunable about judging and scoring, immutable; ``configured`` makes a variant."""

    settings: Mapping[str, RuleConfig]
    credits: Mapping[str, int]
    areas: Mapping[Area, float]
    outcome_caps: Mapping[Outcome, int]
    lexicon: Mapping[Lang, Mapping[str, tuple[str, ...]]]
    phrases: Mapping[Lang, Mapping[PhraseKind, tuple[str, ...]]]
    layers: tuple[Layer, ...]
    error_caps: Mapping[int, int] = field(default_factory=lambda: MappingProxyType({}))
    weakest_area: float = 0.0
    pass_mark: int = PASS_MARK
    fail_below: int = FAIL_BELOW
    enabled: frozenset[str] = field(init=False, default=frozenset())

    def __post_init__(self) -> None:
        on = frozenset(r.code for r in RULES if r.status != "removed" and self._decide(r))
        object.__setattr__(self, "enabled", on)

    def _decide(self, rule: Rule) -> bool:
        ordered = sorted(enumerate(self.layers), key=lambda pair: (pair[1].rank, pair[0]))
        for _, layer in reversed(ordered):  # highest rank first, then the latest
            verdict = layer.decide(rule)
            if verdict is not None:
                return verdict
        return False

    # -- construction ------------------------------------------------------------------

    @staticmethod
    def default() -> Rulebook:
        """The built-in rulebook (``data/default.yaml`` and ``data/phrases.yaml``)."""
        return _default()

    @staticmethod
    def load(path: str | Path) -> Rulebook:
        """A trainer's rulebook file applied on top of the default; RulebookError if it is wrong."""
        loaded, problems = _read(Path(path))
        if loaded is None:
            raise RulebookError(problems)
        parsed, more = _validate(loaded)
        problems += more
        if problems or parsed is None:
            raise RulebookError(sorted(problems, key=lambda p: (p.line, p.col)))
        book = _default().merged(parsed)
        if not any(book.areas.values()):
            message = "at least one area needs a weight"
            raise RulebookError([_problem(loaded, ("areas",), message, at_key=True)])
        return book

    def configured(
        self, select: Sequence[str] = (), ignore: Sequence[str] = (), *, scenario: bool = False
    ) -> Rulebook:
        """This rulebook with one more selection layer: a run's, or with ``scenario`` a scenario's
        ignores, which beat the rulebook files but not a run's own selection."""
        bad = [m for s in (*select, *ignore) if (m := check_selector(_canon(s))) is not None]
        if bad:
            raise ValueError("; ".join(bad))
        layer = Layer(
            tuple(_canon(s) for s in select), tuple(_canon(s) for s in ignore), 1 if scenario else 2
        )
        return replace(self, layers=(*self.layers, layer))

    def merged(self, file: RulebookFile) -> Rulebook:
        """This rulebook with a validated file's settings over it."""
        settings = dict(self.settings)
        for key, change in file.rules.items():
            code = get_rule(key).code
            old = settings[code]
            settings[code] = RuleConfig(
                severity=change.severity or old.severity,
                weight=old.weight if change.weight is None else change.weight,
                options=MappingProxyType({**old.options, **change.options}),
                step=old.step if change.step is None else change.step,
                cap=old.cap if change.cap is None else change.cap,
            )
        return Rulebook(
            settings=MappingProxyType(settings),
            credits=MappingProxyType({**self.credits, **file.credits}),
            areas=MappingProxyType({**self.areas, **file.areas}),
            outcome_caps=MappingProxyType({**self.outcome_caps, **file.outcome_caps}),
            lexicon=_extend(self.lexicon, file.lexicon),
            phrases=_extend(self.phrases, file.phrases),
            layers=(*self.layers, Layer(tuple(file.select), tuple(file.ignore)))
            if file.select or file.ignore
            else self.layers,
            error_caps=MappingProxyType({**self.error_caps, **file.error_caps}),
            weakest_area=self.weakest_area if file.weakest_area is None else file.weakest_area,
            pass_mark=self.pass_mark if file.pass_mark is None else file.pass_mark,
            fail_below=self.fail_below if file.fail_below is None else file.fail_below,
        )

    # -- what the judge and the scorer read ------------------------------------------------

    def is_enabled(self, code: str) -> bool:
        return code in self.enabled

    def rules(self) -> tuple[Rule, ...]:
        """The enabled rules, in code order."""
        return tuple(r for r in RULES if r.code in self.enabled)

    def severity(self, code: str) -> Severity:
        return self.settings[code].severity

    def weight(self, code: str) -> int:
        return self.settings[code].weight

    def cost(self, code: str, nth: int) -> int:
        """Points the ``nth`` finding of a rule in one call costs (see ``RuleSettings.step``)."""
        return self.settings[code].cost(nth)

    def error_cap(self, errors: int) -> int | None:
        """The highest overall score a call with ``errors`` error-level findings can have."""
        caps = [cap for at_least, cap in self.error_caps.items() if errors >= at_least]
        return min(caps, default=None)

    def with_pass_mark(self, pass_mark: int) -> Rulebook:
        """This rulebook with another pass mark (a class's own)."""
        return replace(self, pass_mark=pass_mark)

    def options(self, code: str) -> Mapping[str, Number]:
        return self.settings[code].options

    def credit(self, name: str) -> int:
        return self.credits[name]

    @property
    def lexicon_overrides(self) -> dict[str, dict[str, list[str]]]:
        """Extra analyzer phrases, shaped for ``hotseat.language.Analyzer(overrides)``."""
        return {
            lang: {cat: list(phrases) for cat, phrases in cats.items()}
            for lang, cats in self.lexicon.items()
            if cats
        }


def _canon(selector: str) -> str:
    """Codes and prefixes are upper case, names lower case; accept either spelling."""
    s = selector.strip()
    return s.upper() if _SELECTOR.match(s.upper()) or s.upper() == "ALL" else s.lower()


def _extend(
    base: Mapping[Any, Mapping[Any, tuple[str, ...]]],
    more: Mapping[Any, Mapping[Any, list[str]]],
) -> Mapping[Any, Mapping[Any, tuple[str, ...]]]:
    out = {lang: dict(cats) for lang, cats in base.items()}
    for lang, cats in more.items():
        slot = out.setdefault(lang, {})
        for cat, phrases in cats.items():
            slot[cat] = (*slot.get(cat, ()), *(p for p in phrases if p not in slot.get(cat, ())))
    return MappingProxyType({k: MappingProxyType(v) for k, v in out.items()})


# -- validation with line numbers ------------------------------------------------------------


def _read(path: Path) -> tuple[Loaded | None, list[Problem]]:
    """The file's data with the place of every value, and its YAML-level problems.

    It is read as a scenario is (duplicate keys, tags and runaway nesting are
    problems), except that aliases are refused outright: a rulebook has no use for
    them, and a few nested ones can make validation walk billions of values.
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
    loaded = read_yaml(text, where, aliases=False)
    problems = []
    for d in loaded.diagnostics:
        prefix = "YAML syntax: " if d.name == "yaml-syntax" else ""
        problems.append(Problem(d.path, d.line, d.col, prefix + d.message))
    if problems and not loaded.places:  # nothing composed (an empty file is data None)
        return None, problems
    return loaded, problems


def _problem(loaded: Loaded, loc: Loc, message: str, *, at_key: bool = False) -> Problem:
    """A problem at the value ``loc`` reaches, or with ``at_key`` at its key.

    A ``"[key]"`` step (pydantic's marker for a bad mapping key) also lands on the key.
    """
    if "[key]" in loc:
        loc, at_key = loc[: loc.index("[key]")], True
    return Problem(loaded.path, *loaded.position(loc, key=at_key), message)


def _validate(loaded: Loaded) -> tuple[RulebookFile | None, list[Problem]]:
    if not isinstance(loaded.data, dict):
        return None, [_problem(loaded, (), "a rulebook is a mapping (version: 1, rules: ...)")]
    try:
        parsed = RulebookFile.model_validate(loaded.data)
    except ValidationError as exc:
        return None, [
            _problem(
                loaded,
                tuple(err["loc"]),
                _pydantic_message(err),
                at_key=err["type"] == "extra_forbidden",
            )
            for err in exc.errors()
        ]
    return parsed, _semantics(parsed, loaded)


def _pydantic_message(err: Any) -> str:
    where = ".".join(str(p) for p in err["loc"] if p != "[key]")
    if err["type"] == "extra_forbidden":
        return f"unknown key '{err['loc'][-1]}'"
    if err["type"] == "missing":
        return f"missing key '{where}'"
    return f"{where}: {err['msg']}"


def _semantics(parsed: RulebookFile, loaded: Loaded) -> list[Problem]:
    """What the schema cannot know: rule codes, options, selectors, lexicon categories, credits."""
    defaults = _default()
    problems: list[Problem] = []
    for key in ("select", "ignore"):
        for i, selector in enumerate(getattr(parsed, key)):
            message = check_selector(_canon(selector))
            if message:
                problems.append(_problem(loaded, (key, i), message))
    seen: dict[str, str] = {}
    for key, change in parsed.rules.items():
        try:
            code = get_rule(key).code
        except KeyError as exc:
            problems.append(_problem(loaded, ("rules", key), str(exc.args[0]), at_key=True))
            continue
        if code in seen:
            message = f"{key} repeats {seen[code]}"
            problems.append(_problem(loaded, ("rules", key), message, at_key=True))
        seen[code] = key
        known = defaults.options(code)
        for name, value in change.options.items():
            where = ("rules", key, "options", name)
            if not known:
                problems.append(_problem(loaded, where, f"{code} has no options", at_key=True))
            elif name not in known:
                message = unknown(f"option of {code}", name, list(known))
                problems.append(_problem(loaded, where, message, at_key=True))
            elif isinstance(value, bool) or value < 0:
                problems.append(_problem(loaded, where, f"{name} must be a number ≥ 0"))
            elif isinstance(known[name], int) and not float(value).is_integer():
                problems.append(_problem(loaded, where, f"{name} must be a whole number"))
    for lang, categories in parsed.lexicon.items():
        for name in categories:
            if name not in CATEGORIES:
                message = unknown("lexicon category", name, list(CATEGORIES))
                problems.append(_problem(loaded, ("lexicon", lang, name), message, at_key=True))
    for name in parsed.credits:
        if name not in defaults.credits:
            message = unknown("credit", name, list(defaults.credits))
            problems.append(_problem(loaded, ("credits", name), message, at_key=True))
    return problems


@cache
def _default() -> Rulebook:
    data = resources.files("hotseat.rules").joinpath("data")
    raw = load_data(data.joinpath("default.yaml").read_text("utf-8"))
    assert isinstance(raw, dict), "default.yaml is a mapping"
    raw["phrases"] = load_data(data.joinpath("phrases.yaml").read_text("utf-8"))
    base = RulebookFile.model_validate(raw)
    missing = [
        r.code for r in RULES if r.code not in base.rules or base.rules[r.code].weight is None
    ]
    if missing:
        raise RuntimeError(f"default.yaml lacks a weight for {', '.join(missing)}")
    empty = Rulebook(
        settings=MappingProxyType(
            {r.code: RuleConfig(r.severity, 0, MappingProxyType({})) for r in RULES}
        ),
        credits=MappingProxyType({}),
        areas=MappingProxyType(dict.fromkeys(Area, 1.0)),
        outcome_caps=MappingProxyType({}),
        lexicon=MappingProxyType({}),
        phrases=MappingProxyType({}),
        layers=(),
    )
    return empty.merged(base)
