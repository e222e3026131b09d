"""The coded rulebook: rules with stable codes, the judge that applies them, and the scores.

Public API (the session, the TUI and the bulk scorer use only these names)::

    rb = Rulebook.default() / Rulebook.load(path) / rb.configured(select=..., ignore=...)
    judge = Judge(rb); judge.reply(call); judge.close(call); judge.replay(call)
    score(call, findings, rb) -> Scores
    RULES; get_rule("AP001") / get_rule("repeated-apology")
"""

from __future__ import annotations

from hotseat.rules.judge import Judge
from hotseat.rules.registry import RULES, Rule, get_rule
from hotseat.rules.rulebook import Rulebook, RulebookError
from hotseat.rules.scoring import CREDITS, score

__all__ = ["CREDITS", "RULES", "Judge", "Rule", "Rulebook", "RulebookError", "get_rule", "score"]
