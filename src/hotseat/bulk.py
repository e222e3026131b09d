"""Scoring real call transcripts with the training rules: one call in, findings and scores out.

A real transcript has no scenario, so there is no policy, no key-element list
and no knowledge of when the customer finished venting: rules that need those
skip themselves (the summary names them). The call is judged as it was closed:
the agent's last reply is taken as the close.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import TypeVar

from hotseat.conversation import Call, Finding, Reply, Scores
from hotseat.language import Analyzer, detect_lang
from hotseat.moves import Analysis, Lang
from hotseat.rules import RULES, Judge, Rulebook, score
from hotseat.transcripts import CallRecord

T = TypeVar("T")

# Agents reuse scripted lines ("您好，请问有什么可以帮您？", "Let me check that for you")
# thousands of times in a day's calls; analyzing each distinct short line once pays for
# itself on real traffic. The bound keeps memory flat whatever the input.
CACHED_REPLIES = 8192
CACHEABLE_LENGTH = 160  # characters; longer replies are rarely repeated word for word


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
        return {**self.verdict_json(), "findings": [f.to_json() for f in self.findings]}

    def verdict_json(self) -> dict[str, object]:
        """Everything ``to_json`` holds of a scored call but the findings, in the same order."""
        assert self.scores is not None
        return {
            "id": self.id,
            "source": self.source,
            "lang": self.lang,
            "replies": self.replies,
            "scores": self.scores.to_json(),
        }


class CallScorer:
    """Judges whole calls with one rulebook; built once per worker process."""

    def __init__(
        self, rulebook: Rulebook, lang: Lang | None = None, cached: int = CACHED_REPLIES
    ) -> None:
        self.rulebook = rulebook
        self.lang = lang
        self._judge = Judge(rulebook)
        self._analyzer = Analyzer(rulebook.lexicon_overrides or None)
        self._cached: Callable[[str, Lang], Analysis] = lru_cache(maxsize=cached)(
            self._analyzer.analyze
        )

    def analyze(self, text: str, lang: Lang) -> Analysis:
        """The analyzer's reading of one reply; short ones are remembered (CACHED_REPLIES)."""
        if len(text) <= CACHEABLE_LENGTH:
            return self._cached(text, lang)
        return self._analyzer.analyze(text, lang)

    def score(self, record: CallRecord) -> ScoredCall:
        if record.error is not None:
            return ScoredCall(record.id, record.source, error=record.error)
        call = self.call(record)
        if call is None:
            return ScoredCall(record.id, record.source, error="no agent replies to score")
        findings = self._judge.replay(call)  # each reply as the call went on, then the close
        return ScoredCall(
            record.id,
            record.source,
            call.lang,
            len(call.replies),
            tuple(findings),
            score(call, findings, self.rulebook),
        )

    def call(self, record: CallRecord) -> Call | None:
        """The transcript as the judge sees it, closed on the agent's last reply; None when the
        agent never said anything."""
        agent_turns = [t.text for t in record.turns if t.speaker == "agent"]
        if not any(text.strip() for text in agent_turns):
            return None
        lang = self.lang or detect_lang(" ".join(agent_turns))
        replies: list[Reply] = []
        customer_before = ""
        for turn in record.turns:
            if turn.speaker == "customer":
                customer_before = turn.text
                continue
            analysis = self.analyze(turn.text, lang)
            replies.append(
                Reply(len(replies) + 1, turn.text, analysis, customer_before=customer_before)
            )
        n = len(replies)
        return Call(lang=lang, replies=tuple(replies), outcome="resolved", close_turn=n)


def skipped_rules(rulebook: Rulebook) -> list[str]:
    """Codes of the enabled rules that cannot judge a call without a scenario."""
    return [r.code for r in RULES if r.needs_scenario and rulebook.is_enabled(r.code)]


def overall_bin(overall: int) -> int:
    """The lower edge of the 10-point bin an overall score falls in (90-100 is one bin)."""
    return min(overall // 10 * 10, 90)


@dataclass(slots=True)
class Summary:
    """Running totals for the end-of-batch summary; constant memory however many calls.

    Workers each keep one for their batches and the parent merges them, so only
    these few counters cross between processes, never the calls.
    """

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
            self.overall_bins[overall_bin(scored.scores.overall)] += 1

    def merge(self, other: Summary) -> None:
        self.calls += other.calls
        self.skipped += other.skipped
        self.replies += other.replies
        self.by_rule.update(other.by_rule)
        self.overall_bins.update(other.overall_bins)

    def distribution(self) -> dict[str, int]:
        """Calls per overall-score bin, every bin named even when empty."""
        return {
            f"{lo}-{lo + 9 if lo < 90 else 100}": self.overall_bins[lo] for lo in range(0, 100, 10)
        }

    def to_json(self, skipped_codes: list[str]) -> dict[str, object]:
        return {
            "calls": self.calls,
            "skipped_calls": self.skipped,
            "replies": self.replies,
            "findings_per_rule": dict(sorted(self.by_rule.items())),
            "overall_distribution": self.distribution(),
            "rules_skipped_without_scenario": skipped_codes,
        }
