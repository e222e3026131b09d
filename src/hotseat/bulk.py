"""Scoring real call transcripts with the training rules: one call in, findings and scores out.

A real transcript has no scenario, so there is no policy, no key-element list
and no knowledge of when the customer finished venting: rules that need those
skip themselves (the summary names them). The call is judged as it was closed:
the agent's last reply is taken as the close.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TypeVar

from hotseat.conversation import Call, Finding, Reply, Scores
from hotseat.language import Analyzer, detect_lang
from hotseat.moves import Lang
from hotseat.rules import RULES, Judge, Rulebook, score
from hotseat.transcripts import CallRecord

T = TypeVar("T")


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most ``size`` items (itertools.batched is 3.12+)."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


@dataclass(frozen=True, slots=True)
class ScoredCall:
    """One call's verdict, or the reason it was skipped."""

    id: str
    source: str
    lang: Lang | None = None
    replies: int = 0
    findings: tuple[Finding, ...] = ()
    scores: Scores | None = None
    error: str | None = None

    def to_json(self) -> dict[str, object]:
        if self.error is not None:
            return {"id": self.id, "source": self.source, "error": self.error}
        assert self.scores is not None
        return {
            "id": self.id,
            "source": self.source,
            "lang": self.lang,
            "replies": self.replies,
            "scores": self.scores.to_json(),
            "findings": [f.to_json() for f in self.findings],
        }


class CallScorer:
    """Judges whole calls with one rulebook; built once per worker process."""

    def __init__(self, rulebook: Rulebook, lang: Lang | None = None) -> None:
        self.rulebook = rulebook
        self.lang = lang
        self._judge = Judge(rulebook)
        self._analyzer = Analyzer(rulebook.lexicon_overrides or None)

    def score(self, record: CallRecord) -> ScoredCall:
        if record.error is not None:
            return ScoredCall(record.id, record.source, error=record.error)
        agent_text = " ".join(t.text for t in record.turns if t.speaker == "agent")
        if not agent_text.strip():
            return ScoredCall(record.id, record.source, error="no agent replies to score")
        lang = self.lang or detect_lang(agent_text)
        replies: list[Reply] = []
        findings: list[Finding] = []
        customer_before = ""
        call = Call(lang=lang)
        for turn in record.turns:
            if turn.speaker == "customer":
                customer_before = turn.text
                continue
            analysis = self._analyzer.analyze(turn.text, lang)
            replies.append(
                Reply(len(replies) + 1, turn.text, analysis, customer_before=customer_before)
            )
            call = Call(lang=lang, replies=tuple(replies))
            findings.extend(self._judge.reply(call))
        closed = Call(lang=lang, replies=call.replies, outcome="resolved", close_turn=len(replies))
        findings.extend(self._judge.close(closed))
        return ScoredCall(
            record.id,
            record.source,
            lang,
            len(replies),
            tuple(findings),
            score(closed, findings, self.rulebook),
        )


def skipped_rules(rulebook: Rulebook) -> list[str]:
    """Codes of the enabled rules that cannot judge a call without a scenario."""
    return [r.code for r in RULES if r.needs_scenario and rulebook.is_enabled(r.code)]


@dataclass(slots=True)
class Summary:
    """Running totals for the end-of-batch summary; constant memory however many calls."""

    calls: int = 0
    skipped: int = 0
    replies: int = 0
    by_rule: Counter[str] = field(default_factory=Counter)
    overall_bins: Counter[int] = field(default_factory=Counter)  # lower edge of a 10-point bin

    def add(self, scored: ScoredCall) -> None:
        if scored.error is not None:
            self.skipped += 1
            return
        self.calls += 1
        self.replies += scored.replies
        self.by_rule.update(f.code for f in scored.findings)
        if scored.scores is not None:
            self.overall_bins[min(scored.scores.overall // 10 * 10, 90)] += 1

    def extend(self, many: Iterable[ScoredCall]) -> None:
        for scored in many:
            self.add(scored)

    def to_json(self, skipped_codes: list[str]) -> dict[str, object]:
        return {
            "calls": self.calls,
            "skipped_calls": self.skipped,
            "replies": self.replies,
            "findings_per_rule": dict(sorted(self.by_rule.items())),
            "overall_distribution": {
                f"{lo}-{lo + 9 if lo < 90 else 100}": self.overall_bins[lo]
                for lo in range(0, 100, 10)
            },
            "rules_skipped_without_scenario": skipped_codes,
        }
