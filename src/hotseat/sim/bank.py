"""The bank of simulated trainees: five policies a language, and what each needs per scenario.

Both halves are trusted package data, validated on load so a typo in a policy
fails loudly in the tests rather than quietly skewing every measurement.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from hotseat.datafiles import load_data
from hotseat.moves import Lang
from hotseat.scenario.model import Element

PolicyName = Literal["excellent", "decent", "mediocre", "poor", "rude"]
POLICIES: tuple[PolicyName, ...] = ("excellent", "decent", "mediocre", "poor", "rude")

Lines = list[str]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Policy(_Strict):
    """One kind of trainee: interchangeable replies per phase, and a few habits."""

    listens: list[int] = Field(min_length=1)  # listening replies during the vent, one drawn a call
    batch: int = Field(ge=1)  # questions in one reply
    listen: Lines = Field(min_length=1)
    soothe: Lines = Field(min_length=1)
    announce: Lines = Field(default_factory=list)  # said before the first question; none: never
    ask: dict[Element, Lines]
    propose: Lines = Field(min_length=1)
    close: Lines = Field(min_length=1)
    recover: Lines = Field(min_length=1)


class Case(_Strict):
    """What a trainee knows of one scenario: its story in brief, who to ask about, what to offer."""

    summary: Lines = Field(min_length=1)
    who: Lines = Field(min_length=1)
    promise: Lines = Field(min_length=1)
    listens: dict[PolicyName, list[int]] = Field(default_factory=dict)  # per-scenario openings


class Bank(_Strict):
    lang: Lang
    policies: dict[PolicyName, Policy]


def _read(folder: str, lang: Lang) -> object:
    text = resources.files("hotseat.sim").joinpath(folder, f"{lang}.yaml").read_text("utf-8")
    return load_data(text)


@cache
def bank(lang: Lang) -> Bank:
    """The five policies for one language."""
    return Bank.model_validate(_read("trainees", lang))


@cache
def cases(lang: Lang) -> dict[str, Case]:
    """Scenario id -> what the trainee knows about it."""
    raw = _read("cases", lang)
    assert isinstance(raw, dict)
    return {key: Case.model_validate(value) for key, value in raw.items()}
