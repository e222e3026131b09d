"""Rule documentation in Chinese and English: fixed sections, worked examples, and rendering.

Texts live in ``data/rules.yaml`` (one entry per rule) and ``data/texts.yaml``
(the words around them), validated on load so a missing section or a typo in a
key fails the test suite rather than a trainee's screen. The bad and good
examples double as tests: they are small calls that the real analyzer and judge
replay.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator

from hotseat.conversation import Call, Outcome, Reply
from hotseat.datafiles import load_data
from hotseat.i18n import t
from hotseat.moves import LANGS, Analysis, Lang
from hotseat.scenario.model import Element, Policy

if TYPE_CHECKING:
    from hotseat.rules.registry import Rule
    from hotseat.rules.rulebook import Rulebook

Section = Literal["what", "why", "example", "instead", "options"]
SECTIONS: tuple[Section, ...] = get_args(Section)

Text = Annotated[str, Field(min_length=1)]
Analyze = Callable[[str, Lang], Analysis]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExampleReply(Strict):
    """One trainee reply of an example, with the customer's line it answers."""

    text: str
    customer: str = ""
    asked: list[str] = Field(default_factory=list, description="Fact ids the reply asks for.")


class Example(Strict):
    """A small call: enough context for a rule to fire or stay silent."""

    replies: list[ExampleReply] = Field(min_length=1)
    vent: int = Field(
        0, ge=0, description="How many leading replies come while the customer vents."
    )
    policy: Policy | None = Field(None, description="The scenario policy; absent = no scenario.")
    elements: list[Element] = Field(default_factory=list)
    captured: list[Element] = Field(default_factory=list)
    outcome: Outcome | None = None

    @field_validator("replies", mode="before")
    @classmethod
    def _plain_strings(cls, value: object) -> object:
        if isinstance(value, list):
            return [{"text": v} if isinstance(v, str) else v for v in value]
        return value

    def call(self, lang: Lang, analyze: Analyze) -> Call:
        """The example as the judge sees it, analysed by ``analyze``."""
        replies = tuple(
            Reply(
                turn=i + 1,
                text=r.text,
                analysis=analyze(r.text, lang),
                venting=i < self.vent,
                asked=frozenset(r.asked),
                customer_before=r.customer,
            )
            for i, r in enumerate(self.replies)
        )
        resolved = self.outcome == "resolved"
        return Call(
            lang=lang,
            replies=replies,
            policy=self.policy,
            elements=tuple(self.elements),
            captured=frozenset(self.captured),
            outcome=self.outcome,
            close_turn=replies[-1].turn if resolved else None,
        )


class RuleText(Strict):
    """Everything said about one rule in one language."""

    title: Text
    message: Text = Field(description="The finding's message; {turn} and {quote} are filled in.")
    tip: Text
    what: Text
    why: Text
    example: Text
    instead: Text
    options: Text
    bad: list[Example] = Field(min_length=1)
    good: list[Example] = Field(min_length=1)


class RuleEntry(Strict):
    zh: RuleText
    en: RuleText


class RulesFile(RootModel[dict[str, RuleEntry]]):
    pass


class TurnWords(Strict):
    one: Text
    many: Text
    sep: Text
    last: Text
    span: Text


class QuoteMarks(Strict):
    open: Text
    close: Text
    sep: Text


class Texts(Strict):
    """The words around the rules in one language."""

    headings: dict[Section, Text]
    labels: dict[str, Text]
    terms: dict[str, Text]
    credits: dict[str, Text]
    praise: dict[str, Text]
    turn: TurnWords
    quote: QuoteMarks


class TextsFile(Strict):
    zh: Texts
    en: Texts


def _data(name: str) -> object:
    return load_data(resources.files("hotseat.rules").joinpath("data", name).read_text("utf-8"))


@cache
def rule_texts() -> dict[str, RuleEntry]:
    return RulesFile.model_validate(_data("rules.yaml")).root


@cache
def _texts_file() -> TextsFile:
    return TextsFile.model_validate(_data("texts.yaml"))


def texts(lang: Lang) -> Texts:
    file = _texts_file()
    return file.zh if lang == "zh" else file.en


# -- small formatters shared by findings, scores and docs ----------------------------------


def number(value: float) -> str:
    """24.0 -> "24", 0.5 -> "0.5"."""
    return f"{value:g}"


@lru_cache(maxsize=1024)  # findings name the same few turn lists over and over
def turns(values: tuple[int, ...], lang: Lang) -> str:
    """ "第3轮" / "第3、5轮" / "第2至7轮"; "turn 3" / "turns 3 and 5" / "turns 2–7"."""
    words = texts(lang).turn
    if len(values) == 1:
        return words.one.format(n=values[0])
    consecutive = all(b == a + 1 for a, b in itertools.pairwise(values))
    if len(values) > 2 and consecutive:
        listed = words.span.format(a=values[0], b=values[-1])
    else:
        listed = words.sep.join(map(str, values[:-1])) + words.last + str(values[-1])
    return words.many.format(list=listed)


def _keyword(labels: dict[str, Text], word: str) -> str:
    """A severity or status in the reader's words, with the keyword a rulebook file uses
    beside it when the two differ: 提醒 (warning)."""
    said = labels[word]
    return said if said == word else f"{said} ({word})"


def reflow(text: str) -> str:
    """Join wrapped lines into paragraphs: no space between Chinese, one between English words."""
    paragraphs = []
    for block in text.strip().split("\n\n"):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        joined = lines[0] if lines else ""
        for line in lines[1:]:
            wide = ord(joined[-1]) >= _WIDE or ord(line[0]) >= _WIDE
            joined += line if wide else " " + line
        paragraphs.append(joined)
    return "\n\n".join(paragraphs)


_WIDE = 0x2E80  # CJK radicals onwards: scripts written without spaces, and full-width marks


def quotes(pieces: list[str], lang: Lang) -> str:
    marks = texts(lang).quote
    return marks.sep.join(f"{marks.open}{p}{marks.close}" for p in pieces)


# -- the public documentation object ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """One rule explained in one language, ready to print or to send as JSON."""

    rule: Rule
    lang: Lang
    text: RuleText

    @property
    def title(self) -> str:
        return self.text.title

    @property
    def message(self) -> str:
        return self.text.message

    @property
    def tip(self) -> str:
        return self.text.tip

    def section(self, name: Section) -> str:
        """One section, its paragraphs reflowed (authors wrap lines in the YAML freely)."""
        return reflow(getattr(self.text, name))

    def render(self, rulebook: Rulebook | None = None) -> str:
        """The full explanation, as `hotseat rules CODE` prints it and the TUI's help shows it."""
        words = texts(self.lang)
        rule = self.rule
        labels = words.labels
        yes_no = labels["yes"] if rule.needs_scenario else labels["no"]
        severity = rulebook.severity(rule.code) if rulebook else rule.severity
        colon = labels["colon"]
        facts = [
            f"{labels['area']}{colon}{area_name(rule.area.value, self.lang)} ({rule.area.value})",
            f"{labels['severity']}{colon}{_keyword(labels, severity)}",
            f"{labels['status']}{colon}{_keyword(labels, rule.status)}",
            f"{labels['needs_scenario']}{colon}{yes_no}",
        ]
        out = [f"# {rule.code} {rule.name} — {self.title}", "", " · ".join(facts)]
        for name in SECTIONS:
            out += ["", f"## {words.headings[name]}", "", self.section(name)]
            if name == "example":
                out += ["", *self.transcript(self.text.bad[0])]
            elif name == "instead":
                out += ["", *self.transcript(self.text.good[0])]
            elif name == "options" and rulebook is not None:
                out += ["", *self.settings(rulebook)]
        return "\n".join(out) + "\n"

    def transcript(self, example: Example) -> list[str]:
        labels = texts(self.lang).labels
        colon = labels["colon"]
        lines: list[str] = []
        for i, reply in enumerate(example.replies, start=1):
            if reply.customer:
                lines.append(f"    {labels['customer']}{colon}{reply.customer}")
            agent = labels["agent"].format(turn=turns((i,), self.lang))
            lines.append(f"    {agent}{colon}{reply.text or '…'}")
        return lines

    def settings(self, rulebook: Rulebook) -> list[str]:
        """The rule's current configuration, one `key = value` a line."""
        code = self.rule.code
        pairs: dict[str, object] = {
            "severity": rulebook.severity(code),
            "weight": rulebook.weight(code),
            **rulebook.options(code),
        }
        return [
            f"    {key} = {number(v) if isinstance(v, float) else v}" for key, v in pairs.items()
        ]

    def to_json(self, rulebook: Rulebook | None = None) -> dict[str, object]:
        rule = self.rule
        out: dict[str, object] = {
            "code": rule.code,
            "name": rule.name,
            "area": rule.area.value,
            "severity": rulebook.severity(rule.code) if rulebook else rule.severity,
            "status": rule.status,
            "needs_scenario": rule.needs_scenario,
            "lang": self.lang,
            "title": self.title,
            "message": self.message,
            "tip": self.tip,
            "sections": {name: self.section(name) for name in SECTIONS},
            "examples": {
                "bad": [e.model_dump(mode="json", exclude_defaults=True) for e in self.text.bad],
                "good": [e.model_dump(mode="json", exclude_defaults=True) for e in self.text.good],
            },
        }
        if rulebook is not None:
            out["weight"] = rulebook.weight(rule.code)
            out["options"] = dict(rulebook.options(rule.code))
        return out


def area_name(area: str, lang: Lang) -> str:
    return t(f"area.{area}", lang)


@cache
def doc_for(rule: Rule, lang: Lang) -> RuleDoc:
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGS)}")
    entry = rule_texts()[rule.code]
    return RuleDoc(rule, lang, entry.zh if lang == "zh" else entry.en)
