"""Decide which clauses commit the agent (promises), which decline (refusals), and their flags.

The trainers' rule is "commit appropriately, never over-promise", so the
analyzer must tell a real commitment from its look-alikes: a negated one
(没办法跟您保证一定今天到账 — the negation reaches every word after it in the
clause), a hedge that commits to nothing (也许能退, the refund should show up),
a step inside this call (我先帮您查一下, let me check), a report of what is
already done (已经提交了, I've raised a ticket) and a purpose (为了…, so that I
can...). A try (尽量, I'll try) still commits, without a guarantee.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import pairwise

from hotseat.language.matcher import Hit
from hotseat.language.segment import Clause, Sentence
from hotseat.language.tags import (
    ACTION,
    AGENT,
    BENEFACTIVE,
    COMMIT,
    COMMIT_VERB,
    COMPENSATION,
    CONDITION,
    CONJ,
    DEADLINE,
    DONE,
    FUTURE,
    GLUE,
    GUARANTEE,
    IN_CALL,
    INQUIRY,
    NEG_COMMIT,
    NEGATOR,
    OUTCOME,
    PRECURSOR,
    PURPOSE,
    REFUSAL,
    TRY,
)

# What a negator must reach to decline a commitment ("I can't promise", 不能退).
_NEGATABLE = COMMIT_VERB | ACTION | COMMIT | GUARANTEE | COMPENSATION
_ZH_SOFT_ENDINGS = "啊呀喔哦啦"
# The longest number (in digits or numerals) and number word read before a time unit.
MAX_NUMBER_CHARS = 6
MAX_WORD_CHARS = 12


class Flags:
    """The flags a promise carries; ``hours`` is the time it names, if any."""

    __slots__ = ("compensation", "deadline", "guarantee", "hours")

    def __init__(self) -> None:
        self.guarantee = False
        self.deadline = False
        self.compensation = False
        self.hours: float | None = None

    def take(self, other: Flags) -> None:
        """Carry another part of the same commitment's flags into this one."""
        self.guarantee = self.guarantee or other.guarantee
        self.deadline = self.deadline or other.deadline
        self.compensation = self.compensation or other.compensation
        if other.hours is not None and (self.hours is None or other.hours > self.hours):
            self.hours = other.hours


def head(text: str, clause: Clause) -> Hit | None:
    """The hit a clause opens with, past conjunctions and particles; None if words come first."""
    pos = clause.start
    for hit in clause.hits:
        if text[pos : hit.start].strip():
            return None
        if not hit.mask & GLUE:
            return hit
        pos = hit.end
    return None


def negation_start(clause: Clause) -> int | None:
    """Where a refusal or a negated commitment begins in the clause, if it has one."""
    hits = clause.hits
    last_negatable = max((k for k, h in enumerate(hits) if h.mask & _NEGATABLE), default=-1)
    # "if it can't be fixed we'll pay for a new door": a negator inside a condition, with
    # the commitment's own modal after it, negates the condition, not the commitment
    last_commit = max((k for k, h in enumerate(hits) if h.mask & COMMIT), default=-1)
    supposing = False
    for k, hit in enumerate(hits):
        supposing = bool(hit.mask & CONDITION) or (supposing and not hit.mask & COMMIT)
        if hit.mask & REFUSAL or (
            hit.mask & NEGATOR and k < last_negatable and not (supposing and k < last_commit)
        ):
            return hit.start
    return None


class Commitments:
    """Commitment rules for one language."""

    def __init__(self, lang: str, numbers: Mapping[str, int]) -> None:
        self.zh = lang == "zh"
        self.numbers = numbers

    # ------------------------------------------------------------- deciding

    def opens_purpose(self, text: str, clause: Clause) -> bool:
        """A clause that opens with 为了 / so that / to ...: an intention, not a commitment."""
        if not self.zh and text.startswith("to ", clause.start):
            return True
        if not clause.mask & PURPOSE:
            return False
        first = head(text, clause)
        return first is not None and bool(first.mask & PURPOSE)

    def commits(self, text: str, clause: Clause, continues: bool) -> bool:
        """Whether a clause (already cleared of questions, summaries, hedges...) commits;
        ``continues`` says an earlier clause of its sentence already did."""
        if self.zh:
            if reports_done(text, clause) or _states_a_fact(text, clause):
                return False
            if _commits_zh(text, clause):
                return True
        elif _commits_en(text, clause):
            return True
        return continues and _shares_commitment(text, clause, self.zh)

    # ---------------------------------------------------------------- flags

    def set_flags(self, text: str, flags: Flags, hits: list[Hit]) -> None:
        """Raise the flags the hits name; the latest time wins ("明天下午五点前" is tomorrow)."""
        for hit in hits:
            mask = hit.mask
            if mask & GUARANTEE:
                flags.guarantee = True
            if mask & COMPENSATION:
                flags.compensation = True
            if mask & DEADLINE:
                hours = self._hours(text, hit)
                if hit.per_unit and hours is None:
                    continue  # 天 with no number before it names no time
                flags.deadline = True
                if hours is not None and (flags.hours is None or hours > flags.hours):
                    flags.hours = hours

    def attach(
        self,
        text: str,
        flag_only: list[int],
        clauses: list[Clause],
        sentences: list[Sentence],
        promises: list[Flags | None],
    ) -> None:
        """Give a bare "明天就到账" / "百分之百没问题" / "Definitely not." to the promise it
        elaborates: the nearest one in its sentence, or the one before a one-clause sentence."""
        if not flag_only:
            return
        n = len(promises)
        before = [-1] * n  # for each clause, the last promise at or before it
        after = [n] * n  # and the first one at or after it
        last = -1
        for k in range(n):
            if promises[k] is not None:
                last = k
            before[k] = last
        nxt = n
        for k in range(n - 1, -1, -1):
            if promises[k] is not None:
                nxt = k
            after[k] = nxt
        for k in flag_only:
            sent = sentences[clauses[k].sentence]
            if before[k] >= sent.first:
                j = before[k]
            elif after[k] <= sent.last:
                j = after[k]
            elif sent.first == sent.last:
                j = before[k]
            else:
                j = -1
            target = promises[j] if j >= 0 else None
            if target is not None:
                self.set_flags(text, target, clauses[k].hits)

    def _hours(self, text: str, hit: Hit) -> float | None:
        if hit.hours is None or not hit.per_unit:
            return hit.hours
        count = self._number_before(text, hit.start)
        return None if count is None else count * hit.hours

    def _number_before(self, text: str, pos: int) -> int | None:
        """The number spelled just before a time unit ("24" 小时, "three" days, 三个工作日).

        Looks back at most ``MAX_NUMBER_CHARS``: no time a trainee gives is longer, and a
        longer run (a pasted account number, a flood of digits) names no time at all. The
        bound also keeps each look constant-time and the count far from float overflow.
        """
        i = pos
        while i > 0 and pos - i < MAX_NUMBER_CHARS and text[i - 1] in " 个個":
            i -= 1
        limit = max(0, i - MAX_NUMBER_CHARS - 1)
        j = i
        while j > limit and text[j - 1].isdigit():
            j -= 1
        if j < i:
            run = text[j:i]
            if len(run) > MAX_NUMBER_CHARS or (j > 0 and text[j - 1].isdigit()):
                return None
            return int(run) if run.isascii() else None
        while j > limit and text[j - 1] in self.numbers:
            j -= 1
        if j < i:
            if i - j > MAX_NUMBER_CHARS or (j > 0 and text[j - 1] in self.numbers):
                return None
            return self._spelled_number(text[j:i])
        word_start = text.rfind(" ", max(0, i - MAX_WORD_CHARS), i) + 1
        if word_start == 0 and i > MAX_WORD_CHARS:
            return None  # no number word is that long
        return self.numbers.get(text[word_start:i])

    def _spelled_number(self, chars: str) -> int | None:
        """A number in single-character numerals (三, 十, 二十四), as Chinese spells it."""
        if len(chars) == 1:
            return self.numbers.get(chars)
        total = digit = 0
        for char in chars:
            value = self.numbers[char]
            if value == 10:
                total += (digit or 1) * 10
                digit = 0
            else:
                digit = value
        return total + digit


def _shares_commitment(text: str, clause: Clause, zh: bool) -> bool:
    """A clause that carries on the commitment before it: a verb after "and" / 并 ("I'll
    chase it up and ring you back", 并把记录提交核实), a refund with no subject of its own
    (…；已扣费用双倍返还), or in English a bare verb ("…, ring you back"). A bare Chinese
    verb after a commitment says what it is for (回个电话，告诉您进度): not counted again."""
    mask = clause.mask
    if not mask & (ACTION | COMPENSATION):
        return False
    opener = clause.hits[0]
    if opener.mask & CONJ and opener.start == clause.start:
        return True  # "…and cover the postage", 并把记录提交核实
    if mask & ACTION and mask & COMPENSATION:
        return True
    first = head(text, clause)
    return not zh and first is not None and bool(first.mask & ACTION)


def _states_a_fact(text: str, clause: Clause) -> bool:
    """是…的 reports how things were (是在线售后这样答复的); it commits to nothing, unless a
    future or a guarantee sits inside it (这个钱是一定会退给您的)."""
    if clause.mask & (FUTURE | GUARANTEE):
        return False
    end = clause.end
    while end > clause.start and text[end - 1] in _ZH_SOFT_ENDINGS:
        end -= 1
    return text[end - 1 : end] == "的" and "是" in text[clause.start : end]


def reports_done(text: str, clause: Clause) -> bool:
    """已经/已 or a clause-final 了 report what was done, unless a 会 follows
    (已经收的费用也会退还 still commits)."""
    hits = clause.hits
    done_at = -1
    if clause.mask & DONE:
        done_at = next(h.start for h in hits if h.mask & DONE)
    else:
        end = clause.end
        while end > clause.start and text[end - 1] in _ZH_SOFT_ENDINGS:
            end -= 1
        if text[end - 1 : end] != "了":
            return False
        done_at = clause.start
    return not any(h.mask & (FUTURE | NEG_COMMIT) and h.start > done_at for h in hits)


def _commits_zh(text: str, clause: Clause) -> bool:
    """A Chinese clause commits when the agent speaks in the future (我们会…), when a
    committing word precedes a benefactive or a refund (明天会给您…, 款项会退回), or when
    a verb of service has a committing word before it (马上取消, 帮您提交)."""
    hits = clause.hits
    if clause.mask & NEG_COMMIT:
        return True
    agent = committed = False
    for hit in hits:
        mask = hit.mask
        if agent and (
            mask & TRY
            or (mask & (FUTURE | GUARANTEE | DEADLINE) and text[hit.end : clause.end].strip())
        ):
            return True  # 我们会…, 我一定…, 我马上…, 我帮您想想办法
        if committed and mask & (BENEFACTIVE | COMPENSATION):
            return True
        if mask & (AGENT | PRECURSOR):
            agent = True
        if mask & (FUTURE | TRY | GUARANTEE | DEADLINE) or (
            mask & COMMIT and not mask & BENEFACTIVE
        ):
            committed = True
    if not clause.mask & ACTION:
        return False
    trigger = future = False
    for k, hit in enumerate(hits):
        mask = hit.mask
        future = future or bool(mask & FUTURE)
        if mask & ACTION:
            if text[hit.end : hit.end + 1] == "了" and not future:
                return False  # 我给您申请了补偿: a report of what was done
            if trigger or mask & (COMMIT | TRY):
                return True
            # a benefactive right after the verb (赔给您, 退返畀你)
            nxt = hits[k + 1] if k + 1 < len(hits) else None
            if nxt is not None and nxt.start == hit.end and nxt.mask & COMMIT:
                return True
        if mask & (COMMIT | TRY | AGENT | GUARANTEE | DEADLINE | PRECURSOR):
            trigger = True
        if mask & DONE:
            trigger = False
    return False


_FUTURE_WORD = re.compile(r"'ll\b|\bwill\b")
# Present forms that state a scheduled outcome: "the fee is credited back within 24 hours".
_EN_PRESENT = frozenset({"is", "are", "gets", "get", "goes", "go", "ships"})


def _scheduled_en(text: str, clause: Clause) -> bool:
    """An outcome the customer will see (you'll see the credit…) or a present-tense service
    with a time (the fee is credited back within 24 hours, the card goes out tomorrow):
    agentless, but the company still commits to it."""
    mask = clause.mask
    if not mask & (DEADLINE | COMPENSATION) or not mask & (ACTION | COMPENSATION | OUTCOME):
        return False
    outcome = False
    for hit in clause.hits:
        if hit.mask & OUTCOME:
            outcome = True
        elif hit.mask & (ACTION | COMPENSATION):
            if outcome:
                return True
            if not mask & DEADLINE:
                continue
            first = text[hit.start : hit.end].split(None, 1)[0]
            if first in _EN_PRESENT or _word_before(text, clause.start, hit.start) in _EN_PRESENT:
                return True
        elif outcome and hit.mask & DEADLINE:
            return True
    # "the credit is applied within 48 hours": a present passive of any verb, with a time
    words = text[clause.start : clause.end].split()
    return bool(mask & DEADLINE and mask & COMPENSATION) and any(
        a in _EN_PRESENT and b.endswith("ed") for a, b in pairwise(words)
    )


def _word_before(text: str, start: int, at: int) -> str:
    """The last word of ``text[start:at]``, found from ``at`` backwards: splitting the whole
    stretch at every hit of a long clause would be quadratic."""
    end = at
    while end > start and text[end - 1].isspace():
        end -= 1
    begin = end
    while begin > start and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:end]


def _imperative_try(text: str, clause: Clause, hit: Hit) -> bool:
    """ "Try somebody else" / "try restarting it" tells the customer what to do."""
    return hit.start == clause.start and text.startswith("try ", hit.start)


def _commits_en(text: str, clause: Clause) -> bool:
    """An English clause commits with a future form (will, I'll, going to) or a try before a
    verb, unless that verb is a step in this call (I'll need to check, I'm going to pull up);
    "let me" commits only before a verb of service (let me get that refunded)."""
    if clause.mask & NEG_COMMIT or _scheduled_en(text, clause):
        return True
    hits = clause.hits
    last_action = max((k for k, h in enumerate(hits) if h.mask & ACTION), default=-1)
    for k, hit in enumerate(hits):
        mask = hit.mask
        if not mask & (COMMIT | TRY | PRECURSOR) or _imperative_try(text, clause, hit):
            continue
        nxt = hits[k + 1] if k + 1 < len(hits) else None
        if nxt is not None and nxt.mask & (IN_CALL | INQUIRY) and not nxt.mask & ACTION:
            return False
        if mask & PRECURSOR and not mask & (COMMIT | TRY):
            if last_action > k:
                return True
            continue
        rest = hit.end  # where the words after it start (no copy: a clause may be long)
        while rest < clause.end and text[rest].isspace():
            rest += 1
        if rest == clause.end:
            if mask & TRY and _FUTURE_WORD.search(text, hit.start, hit.end):
                return True  # "…, but I'll try." (not "…we have nothing to try")
            continue
        if text.startswith("be ", rest, clause.end) or (
            clause.end - rest == 2 and text.startswith("be", rest)
        ):
            # "it'll be refunded" commits; "it'll be in your account tomorrow" elaborates
            if clause.mask & (ACTION | GUARANTEE):
                return True
            continue
        return True
    return False
