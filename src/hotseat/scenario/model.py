"""The scenario format, version 1: a pydantic model that is both validator and JSON Schema.

Every field carries a description because the generated schema is what editors
show while a trainer types; the description is the documentation.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from hotseat.moves import Lang


class Strict(BaseModel):
    """Unknown keys are errors: a misspelt key silently ignored is a scenario that lies."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Mode = Literal["onboarding", "drill", "practice"]
MODES: tuple[Mode, ...] = ("onboarding", "drill", "practice")

Line = Annotated[str, Field(min_length=1)]


class Motive(StrEnum):
    """What an angry caller wants (BRIEF.md, seed 003), in the order trainers teach them."""

    VENT = "vent"
    RECOVER_LOSS = "recover_loss"
    COMPENSATION = "compensation"
    ATTENTION = "attention"
    FOR_KICKS = "for_kicks"


class Element(StrEnum):
    """The four key elements an agent must capture for a complaint (BRIEF.md, seed 004)."""

    WHO = "who"  # who or what is complained about
    WHAT = "what"  # what happened: cause, course, result
    DEMAND = "demand"  # what the customer wants
    CONTACT = "contact"  # caller's name, role and a way to reach them


class Reaction(StrEnum):
    """Keys of a scenario's ``lines``: one per move, plus the situations that are not moves.

    The persona picks the reaction; the scenario supplies the words. ``{quote}``
    in a line is replaced with the trainee's own words that provoked it.
    """

    # the conversation's frame
    OPENING = "opening"  # the first thing the customer says
    VENT = "vent"  # more of the first round of venting, while the trainee listens
    # one per move of contract 1
    APOLOGY = "apology"
    EMPATHY = "empathy"
    THANKS = "thanks"
    QUESTION = "question"  # a question that asks for nothing the customer can answer
    PROMISE = "promise"  # a sound promise within policy
    PREFRAME = "preframe"
    SUMMARY = "summary"
    DEFEND = "defend"
    RUDE = "rude"
    ADMISSION = "admission"
    BACKCHANNEL = "backchannel"  # after the vent: "hello? are you still there?"
    # situations
    APOLOGY_SPAM = "apology_spam"  # "stop saying sorry and fix it"
    INTERROGATION = "interrogation"  # too many questions at once
    RASH_PROMISE = (
        "rash_promise"  # pins the promise down: "you said {quote} - I'm writing that down"
    )
    WALK_BACK = "walk_back"  # the agent retracts a pinned promise
    SILENCE = "silence"  # dead air: an empty reply or a drill timeout
    UNCLEAR = "unclear"  # a reply that does nothing the customer can react to
    ESCALATE = "escalate"  # threatens to go public, demands a supervisor
    # the customer's memory of the call
    ALREADY_TOLD = "already_told"  # asked again for something already told: "I just told you"
    REFUSE = "refuse"  # won't give a detail to an agent who was rude or argued
    SCRIPTED = "scripted"  # the same formula again, read off a card: "is that the whole script?"
    CLOSE = "close"  # accepts a proper close; the call ends resolved
    CLOSE_REFUSED = "close_refused"  # the agent tries to wrap up while the customer is still angry
    HANG_UP = "hang_up"  # the last words before hanging up


REQUIRED_REACTIONS: frozenset[Reaction] = frozenset({Reaction.OPENING, Reaction.HANG_UP})


class Persona(Strict):
    name: str = Field(description="How the customer is called in the transcript, e.g. 王女士.")
    who: str = Field(description="Who they are, in a sentence or two; shown to the trainee.")
    backstory: str = Field("", description="What happened before the call, for the trainer.")
    motives: list[Motive] = Field(
        min_length=1, description="What they want, from the brief's table (seed 003)."
    )
    mood: int = Field(70, ge=0, le=100, description="Anger at the start, 0 (calm) to 100.")
    escalation: float = Field(
        1.0, gt=0, le=3, description="How fast anger rises: multiplies every increase."
    )
    calming: float = Field(
        1.0, gt=0, le=3, description="How fast anger falls: multiplies every decrease."
    )
    vent_rounds: int = Field(
        1,
        ge=1,
        le=4,
        description="Customer lines in the first round of venting (the opening counts as one).",
    )
    hang_up_at: int = Field(100, ge=50, le=100, description="Mood at which they hang up.")
    settle_at: int = Field(
        45, ge=0, le=100, description="Mood at or below which they accept a close."
    )


class Policy(Strict):
    """What this agent may promise; rules judge promises against it."""

    response_hours: float = Field(
        24, gt=0, description="Service level: hours within which the customer gets a response."
    )
    compensation: Literal["never", "after_verification", "allowed"] = Field(
        "after_verification",
        description="May the agent promise money back: never, only once verified, or at once.",
    )
    compensation_terms: str = Field(
        "",
        description="The company's published commitment, e.g. a double refund of a billing error.",
    )
    escalate: bool = Field(
        False,
        description="The outcome is beyond the agent's authority: record, escalate, give a time.",
    )
    may_promise: list[str] = Field(
        default_factory=list, description="Model phrasings of promises within policy (for hints)."
    )


class Fact(Strict):
    """Something the customer knows and reveals when the trainee asks for it."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$", description="Unique within the scenario.")
    element: Element | None = Field(
        None, description="The key element this fact captures, or null for a scenario detail."
    )
    label: str = Field(description="What the fact is, for the report, e.g. 联系电话.")
    ask: list[Line] = Field(
        default_factory=list,
        description="Words that show the trainee asks for it (matched in normalized text).",
    )
    lines: list[Line] = Field(
        default_factory=list, description="The customer's lines that reveal it."
    )
    angry_lines: list[Line] = Field(
        default_factory=list,
        description=(
            "The same answer said with attitude, used while the customer is still angry "
            "(mood above halfway between settle_at and hang_up_at). Each is a whole answer: "
            "never a fragment to be joined to another line."
        ),
    )
    volunteered: bool = Field(
        False,
        description="Said in the vent without being asked; captured once the trainee summarizes.",
    )


class Condition(Strict):
    """When a beat fires. All given fields must hold; conditions are data, never code."""

    mood_at_least: int | None = Field(None, ge=0, le=100)
    mood_at_most: int | None = Field(None, ge=0, le=100)
    turn_at_least: int | None = Field(None, ge=1)
    move: str | None = Field(None, description="A move name (contract 1) in the last reply.")
    reaction: Reaction | None = Field(None, description="The reaction just chosen.")


class Beat(Strict):
    """A scripted moment, e.g. threatening to post online when mood passes 80."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$")
    when: Condition
    lines: list[Line] = Field(min_length=1)
    mood: int = Field(0, ge=-50, le=50, description="Mood change when the beat fires.")
    once: bool = Field(True, description="Fire at most once per call.")


class Expect(Strict):
    """What an example conversation must produce when the tests replay it."""

    outcome: list[Literal["resolved", "hung_up", "abandoned", "turn_limit"]] | None = None
    overall_at_least: int | None = Field(None, ge=0, le=100)
    overall_at_most: int | None = Field(None, ge=0, le=100)
    codes: list[str] = Field(
        default_factory=list, description="Rule codes that must be among the findings."
    )
    absent_codes: list[str] = Field(
        default_factory=list, description="Rule codes that must not be among the findings."
    )


class Example(Strict):
    """A scripted playthrough: the scenario's test plan."""

    name: str
    kind: Literal["model", "failing"]
    seed: int = 0
    mode: Mode = "onboarding"
    replies: list[str] = Field(min_length=1)
    expect: Expect


class Scenario(Strict):
    """One angry customer, the rules of the call, and the words they say."""

    version: Literal[1] = Field(description="Format version; this is version 1.")
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$", description="Same id in every language.")
    lang: Lang
    title: str
    description: str = Field(description="One line, shown in the scenario list.")
    difficulty: int = Field(ge=1, le=5)
    tags: list[str] = Field(default_factory=list)
    modes: list[Mode] = Field(default_factory=lambda: list(MODES), min_length=1)
    persona: Persona
    policy: Policy = Field(default_factory=Policy)
    facts: list[Fact] = Field(min_length=1)
    lines: dict[Reaction, list[Line]] = Field(
        description="The customer's lines for each reaction; see Reaction."
    )
    drill_lines: dict[Reaction, list[Line]] = Field(
        default_factory=dict,
        description="Harsher lines preferred in drill mode at high intensity.",
    )
    beats: list[Beat] = Field(default_factory=list)
    ignore: list[str] = Field(
        default_factory=list, description="Rule codes that make no sense for this scenario."
    )
    max_turns: int = Field(30, ge=3, le=200)
    examples: list[Example] = Field(default_factory=list)

    @property
    def key(self) -> str:
        """How a scenario is addressed: LANG/ID."""
        return f"{self.lang}/{self.id}"

    def elements(self) -> tuple[Element, ...]:
        """The key elements this scenario can capture, in their canonical order."""
        present = {f.element for f in self.facts if f.element is not None}
        return tuple(e for e in Element if e in present)

    @model_validator(mode="after")
    def _required_lines(self) -> Scenario:
        missing = [r.value for r in REQUIRED_REACTIONS if not self.lines.get(r)]
        if missing:
            raise ValueError(f"lines must include {', '.join(sorted(missing))}")
        return self
