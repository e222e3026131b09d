"""CorrectionScreen: tell the judge it was wrong about a finding, or missed a fault on a reply.

What is said here joins the trainer's review queue (``hotseat review``); the
modal only gathers the correction, and the app saves it to the records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from hotseat.i18n import turn_label
from hotseat.moves import MoveKind
from hotseat.rules.docs import texts
from hotseat.store.db import StoreError
from hotseat.tui.keys import localize_bindings

if TYPE_CHECKING:
    from hotseat.moves import Lang
    from hotseat.scorecard import SessionResult
    from hotseat.store import Store

# the moves a judge can miss that matter to a trainer, in the order they are offered
FAULTS = (MoveKind.RUDE, MoveKind.DEFEND, MoveKind.ADMISSION, MoveKind.PROMISE, MoveKind.APOLOGY)


@dataclass(frozen=True, slots=True)
class Wish:
    """A correction as the trainee or trainer put it, before it is stored."""

    kind: Literal["wrong", "missed"]
    turn: int
    reason: str
    code: str | None = None
    move: str | None = None


class CorrectionScreen(ModalScreen["Wish | None"]):
    """Pick a finding (or a missed fault and its turn), say why; Escape leaves it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave", "key.back")]
    DEFAULT_CSS = """
    CorrectionScreen { align: center middle; }
    #correction { width: 90%; max-width: 100; height: auto; max-height: 90%;
                  border: round $accent; padding: 1 2; background: $surface; }
    #correction-choice { height: auto; max-height: 12; }
    #correction-problem { color: $error; }
    """

    def __init__(self, result: SessionResult, *, lang: Lang) -> None:
        super().__init__()
        localize_bindings(self, lang)
        self.result = result
        self.lang = lang
        self.words = texts(lang).labels
        self.choices: list[tuple[str, str | None, str | None]] = [
            ("wrong", f.code, None) for f in result.findings if f.turn
        ]
        self.choices += [("missed", None, m.value) for m in FAULTS]

    def compose(self) -> ComposeResult:
        w = self.words
        options = [
            Option(f"{w['review_wrong']}: {turn_label(f.turn, self.lang)} {f.code} {f.quote}")
            for f in self.result.findings
            if f.turn
        ]
        options += [Option(f"{w['review_missed']}: {m.value}") for m in FAULTS]
        with Vertical(id="correction"):
            yield Static(w["review_title"], id="correction-title")
            yield OptionList(*options, id="correction-choice")
            yield Input(placeholder=w["review_turn"], id="correction-turn", type="integer")
            yield Input(placeholder=w["review_reason"], id="correction-reason", max_length=500)
            yield Static("", id="correction-problem")
            with Horizontal():
                yield Button(w["review_save"], variant="primary", id="correction-save")

    def on_mount(self) -> None:
        choice = self.query_one(OptionList)
        if choice.option_count:
            choice.highlighted = 0
        choice.focus()

    @on(Button.Pressed, "#correction-save")
    @on(Input.Submitted, "#correction-reason")
    def _save(self) -> None:
        wish = self.wish()
        if wish is not None:
            self.dismiss(wish)

    def wish(self) -> Wish | None:
        """The correction as filled in, or None (and a line saying what is missing)."""
        index = self.query_one(OptionList).highlighted
        reason = self.query_one("#correction-reason", Input).value.strip()
        problem = self.query_one("#correction-problem", Static)
        if index is None or not reason:
            problem.update(self.words["review_incomplete"])
            return None
        kind, code, move = self.choices[index]
        if kind == "wrong":
            finding = [f for f in self.result.findings if f.turn][index]
            return Wish("wrong", finding.turn, reason, code=code)
        turn = self.query_one("#correction-turn", Input).value.strip()
        replies = sum(1 for speaker, _ in self.result.transcript if speaker == "trainee")
        if not turn.isdigit() or not 1 <= int(turn) <= replies:
            problem.update(self.words["review_turn"])
            return None
        return Wish("missed", int(turn), reason, move=move)

    def action_leave(self) -> None:
        self.dismiss(None)


def mark_latest(store: Store, trainee: str, wish: Wish) -> int:
    """Queue the correction on the trainee's latest call: the one whose report is on screen."""
    latest = store.history(trainee, limit=1)
    if not latest:
        raise StoreError(f"no recorded call for {trainee!r}")
    return store.mark(
        latest[0].id,
        wish.turn,
        kind=wish.kind,
        reason=wish.reason,
        author=trainee,
        code=wish.code,
        move=wish.move,
    )
