"""Scoring real call transcripts with the training rules: one call in, findings and scores out.

A real transcript has no scenario, so there is no policy, no key-element list
and no knowledge of when the customer finished venting: rules that need those
skip themselves (the summary names them). The call is judged as it was closed:
the agent's last reply is taken as the close.
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TypeVar

from hotseat.conversation import Call, Finding, Reply, Scores
from hotseat.language import Analyzer, detect_lang
from hotseat.moves import Analysis, Lang
from hotseat.rules import RULES, Judge, Rulebook, score
from hotseat.transcripts import CallRecord

T = TypeVar("T")

# Agents reuse scripted lines ("您好，请问有什么可以帮您？", "Let me check that for you")
# thousands of times in a day's calls; analyzing each distinct short line (after the same
# customer line) once pays for itself on real traffic. The bound keeps memory flat.
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


# One reply to read: its text, language and the customer's line before it ("" for none).
_Key = tuple[str, Lang, str]


class CallScorer:
    """Judges whole calls with one rulebook; built once per worker process."""

    def __init__(
        self, rulebook: Rulebook, lang: Lang | None = None, cached: int = CACHED_REPLIES
    ) -> None:
        self.rulebook = rulebook
        self.lang = lang
        self._judge = Judge(rulebook)
        self._analyzer = Analyzer(rulebook.lexicon_overrides or None)
        self._cached = cached
        self._readings: OrderedDict[_Key, Analysis] = OrderedDict()

    def analyze(self, text: str, lang: Lang, context: str = "") -> Analysis:
        """The analyzer's reading of one reply; short ones are remembered (CACHED_REPLIES)."""
        return self._read([(text, lang, context)])[(text, lang, context)]

    def _read(self, keys: list[_Key]) -> dict[_Key, Analysis]:
        """Readings of many replies: remembered ones looked up, the rest analysed in one
        batch, so the learned reader scores them together (vectorised)."""
        out: dict[_Key, Analysis] = {}
        todo: dict[_Key, None] = {}  # in first-seen order, each once
        memory = self._readings
        for key in keys:
            if key in out or key in todo:
                continue
            known = memory.get(key)
            if known is not None:
                memory.move_to_end(key)
                out[key] = known
            else:
                todo[key] = None
        if todo:
            analyses = self._analyzer.analyze_many(
                [k[0] for k in todo], [k[1] for k in todo], [k[2] or None for k in todo]
            )
            for key, analysis in zip(todo, analyses, strict=True):
                out[key] = analysis
                if self._cached and len(key[0]) <= CACHEABLE_LENGTH:
                    memory[key] = analysis
                    if len(memory) > self._cached:
                        memory.popitem(last=False)
        return out

    def score(self, record: CallRecord) -> ScoredCall:
        return self.score_many([record])[0]

    def score_many(self, records: list[CallRecord]) -> list[ScoredCall]:
        """Each call's verdict; the replies of all the calls are read in one batch."""
        calls = self.calls(records)
        return [self._verdict(record, call) for record, call in zip(records, calls, strict=True)]

    def _verdict(self, record: CallRecord, call: Call | None) -> ScoredCall:
        if record.error is not None:
            return ScoredCall(record.id, record.source, error=record.error)
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
        return self.calls([record])[0]

    def calls(self, records: list[CallRecord]) -> list[Call | None]:
        """``call`` for many transcripts, their replies read in one batch."""
        plans: list[tuple[Lang, list[tuple[str, str]]] | None] = []
        keys: list[_Key] = []
        for record in records:
            agent_turns = [t.text for t in record.turns if t.speaker == "agent"]
            if record.error is not None or not any(text.strip() for text in agent_turns):
                plans.append(None)
                continue
            lang = self.lang or detect_lang(" ".join(agent_turns))
            replies: list[tuple[str, str]] = []
            customer_before = ""
            for turn in record.turns:
                if turn.speaker == "customer":
                    customer_before = turn.text
                    continue
                replies.append((turn.text, customer_before))
                keys.append((turn.text, lang, customer_before))
            plans.append((lang, replies))
        readings = self._read(keys)
        out: list[Call | None] = []
        for plan in plans:
            if plan is None:
                out.append(None)
                continue
            lang, replies = plan
            built = tuple(
                Reply(n, text, readings[(text, lang, before)], customer_before=before)
                for n, (text, before) in enumerate(replies, 1)
            )
            out.append(Call(lang=lang, replies=built, outcome="resolved", close_turn=len(built)))
        return out


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
