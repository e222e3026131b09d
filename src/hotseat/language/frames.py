"""Frames: moves heard from a pattern of two kinds of words, not from one fixed phrase.

A phrase list only catches the wordings someone thought to write down, and
trainees under pressure say "您先别吵", "你咪嘈住先" and "don't take that tone
with me": three wordings of one frame, a prohibition at the head of a clause.
Each frame pairs an opener with what must follow it in the same clause (an
imputed motive and what it is after, a frame of shared feeling and a feeling
word, "actually" and a record), so a new verb or a new object still lands in
the right move. Frames only refine each clause's category mask, before any
move is decided, so every later rule reads the refined mask.
"""

from __future__ import annotations

import re

from hotseat.language.matcher import Hit
from hotseat.language.segment import Clause, Sentence
from hotseat.language.tags import (
    ADMISSION,
    AGENT,
    BENEFACTIVE,
    COMMIT,
    CONDUCT,
    COUNTERFACTUAL,
    CUSTOMER_DO,
    DEFEND,
    DEFEND_ALT,
    DEFEND_ANY,
    DEFEND_BLAME,
    DEFEND_POLICY,
    ELSEWHERE,
    EMPATHY,
    EMPHATIC,
    FEEL,
    FEEL_FRAME,
    FUTURE,
    GAIN,
    HABITUAL,
    HEDGE,
    MOTIVE,
    NEG_COMMIT,
    NEGATOR,
    OTHERS,
    OUTCOME,
    PER,
    PRECURSOR,
    PROHIBIT,
    REBUT,
    RECORD,
    REFUSAL,
    RUDE,
    UNRELATED,
    YOU_COND,
)

# Words that may stand before a prohibition that still orders the customer: 您先别吵,
# 那你就别说了, 这事你别找我, "Look, don't..." ("you don't need to" is not an order).
# What is forbidden decides the rest: the customer's conduct on the call (吵, 打断, that
# tone) is an order; 别着急, 不要断电 and "don't worry" soothe or instruct.
_ZH_HEAD = re.compile(
    r"(?:这事|这件事|这个|那个|你们|您们|你哋|你|您|先|就|再|也|都|可|千万|还|给我|那|所以|好了|行了|喂)*"
)
_EN_HEAD_WORDS = frozenset(
    {"please", "just", "so", "and", "now", "look", "oh", "well", "hey", "ok", "okay", "but",
     "then", "listen", "sir", "madam", "right"}
)  # fmt: skip
_EN_AGENT_WORDS = frozenset(["i", "i'm", "im", "i've", "i'll", "we", "we're", "we've", "we'll"])
_YOU = frozenset("您你")
# After a record: the customer named as the one who acted (是您…, 您确实…, 您本人…).
_ZH_RECORD_BLAME = re.compile(
    r"是(?:您|你)|(?:您|你)[^，。的]{0,4}?(?:本人|自己|确实|是有|亲自|已经确认|确认过)"
)
# 跟/和/与 + someone other than the customer, before 没关系: a link disowned.
_ZH_LINKED = re.compile(r"(?:跟|和|与)(?![您你])")
# After "其他家长" / "别人": they never complained, so the fault must be the customer's.
_ZH_NONE_COMPLAINED = re.compile(
    r"[^，。]{0,6}?都(?:没|没有|从来没有?)(?:提|反映|投诉|问题|说|遇到|出现|出过|碰到)"
)
# Words that put the customer right before a fault verb: 您填错了, 是你自己弄丢的.
_ZH_YOU_DID_EMPHATIC = ("您自己", "你自己", "是您", "是你")
# Before 您/你, these make the customer the object: 给您, 帮您, 对您…
_ZH_DONE_TO = frozenset("给帮为替跟对向让把被和与")
_ZH_SOFT = "啊呀喔哦啦了吧呢"
# Words after an emphatic "did" that make it a question or a negation, not an insistence.
_EN_NOT_INSISTING = frozenset(
    {"not", "you", "we", "they", "i", "he", "she", "it", "that", "this", "anyone", "someone"}
)
_EN_WH = frozenset({"what", "when", "where", "who", "why", "how", "which"})


def _cleft(text: str, clause: Clause) -> bool:
    """是…的: "it was X that did it", an attribution rather than a verdict."""
    return text[clause.start : clause.end].rstrip(_ZH_SOFT).endswith("的")


def _customer_did(prefix: str) -> bool:
    """Whether the customer is the subject right before a fault verb (您填错了, 是你弄丢的);
    in 给您乱开 the customer is the one it was done to."""
    if prefix.endswith(_ZH_YOU_DID_EMPHATIC):
        return True
    return prefix.endswith(("您", "你")) and prefix[-2:-1] not in _ZH_DONE_TO


def _first(hits: list[Hit], category: int) -> int:
    return next(k for k, h in enumerate(hits) if h.mask & category)


def _insists(text: str, clause: Clause, hit: Hit) -> bool:
    """An emphatic "did"/"does" inside a statement ("the driver did knock", "it does say on
    the website") insists against the customer; at the head or after a wh-word it asks."""
    before = text[clause.start : hit.start].split()
    after = text[hit.end : clause.end].split(None, 1)
    return (
        bool(before)
        and before[-1] not in _EN_WH
        and before[-1] != "you"  # "you did everything right" reassures
        and not _EN_WH.intersection(before)
        and bool(after)
        and after[0] not in _EN_NOT_INSISTING
    )


# A rule that caps what the customer gets still defends the cap.
_LIMIT = re.compile(
    r"只能|最多|顶多|至多|仅|不超过|\b(?:only|at most|maximum|no more than|capped)\b"
)
_PUNCT = " ,.!?~、。:;…-\"'"
# A clause with one of these commits to nothing, so a rule it names still defends.
_NOT_GIVING = NEGATOR | REFUSAL | CUSTOMER_DO | HEDGE | HABITUAL
# A clause with one of these is the agent acting, so "someone else" is a transfer, not a brush-off.
_HELPING = COMMIT | FUTURE | BENEFACTIVE | PRECURSOR
# The frames that can change a clause; a clause with none of them is left alone.
TRIGGERS = (
    CONDUCT | MOTIVE | ELSEWHERE | FEEL | RECORD | NEG_COMMIT | DEFEND_ALT | UNRELATED | OTHERS
    | ADMISSION | EMPHATIC
)  # fmt: skip
# The frames that span a sentence; a reply with none of them skips the sentence pass.
SENTENCE_TRIGGERS = YOU_COND | PER | REBUT


def _at_head(text: str, clause: Clause, start: int, zh: bool) -> bool:
    """Whether only a subject, an adverb or an interjection stands before ``start``."""
    prefix = text[clause.start : start].strip(_PUNCT)
    if not prefix:
        return True
    if zh:
        return _ZH_HEAD.fullmatch(prefix.replace(" ", "")) is not None
    return all(word.strip(_PUNCT) in _EN_HEAD_WORDS for word in prefix.split())


def _agent_before(text: str, clause: Clause, start: int, zh: bool) -> bool:
    """Whether the agent is the subject before ``start`` ("我们不会借机…", "I'm just trying to");
    in "我看您就是想…" the agent only frames what the customer is said to want."""
    if zh:
        ends = [h.end for h in clause.hits if h.mask & AGENT and h.start < start]
        agent_end = max(ends, default=-1)
        return agent_end >= 0 and not _YOU.intersection(text[agent_end:start])
    return any(w.strip(_PUNCT) in _EN_AGENT_WORDS for w in text[clause.start : start].split())


def refine(text: str, clause: Clause, zh: bool) -> None:
    """Add the moves a clause's frames make, and drop the words they explain away."""
    add = drop = 0
    hits = clause.hits
    mask = clause.mask
    motive_at = -1
    frame_seen = prohibited = False
    for k, hit in enumerate(hits):
        m = hit.mask
        if m & PROHIBIT and not prohibited and _at_head(text, clause, hit.start, zh):
            prohibited = True
        if m & CONDUCT and prohibited:
            add |= RUDE  # 您先别吵 / 你咪嘈住先 / don't take that tone with me
        if m & MOTIVE and motive_at < 0 and not _agent_before(text, clause, hit.start, zh):
            motive_at = hit.start
        if m & GAIN and 0 <= motive_at < hit.start:
            add |= RUDE  # 冲着钱来的 / trying to get a free upgrade
        if m & ELSEWHERE and not mask & _HELPING:
            add |= RUDE  # 您找别的部门去 / take it up with someone else
        if m & FEEL:
            if frame_seen:
                add |= EMPATHY  # 搁谁身上都窝火 / I'd be unsettled too
            prev = hits[k - 1] if k else None
            if prev is not None and prev.mask & DEFEND_ANY and hit.start - prev.end <= 2:
                drop |= prev.mask & DEFEND_ANY  # 本来就着急: the customer's state, no policy
        if m & FEEL_FRAME:
            frame_seen = True
        if m & RECORD and zh and _ZH_RECORD_BLAME.match(text, hit.end):
            add |= DEFEND_BLAME  # 系统显示是您先挂断的 / 数据显示您确实用了
        if m & UNRELATED and zh and _ZH_LINKED.search(text, clause.start, hit.start):
            add |= DEFEND  # 跟药店没关系 (but 跟您没关系 reassures)
        if m & OTHERS and zh and _ZH_NONE_COMPLAINED.match(text, hit.end, clause.end):
            add |= DEFEND  # 其他家长都没提过这个问题
        if m & ADMISSION and zh and _customer_did(text[clause.start : hit.start]):
            drop |= ADMISSION  # 您填错了: the fault is the customer's
            add |= DEFEND_BLAME
        if m & EMPHATIC and not zh and _insists(text, clause, hit):
            add |= DEFEND  # "the driver did knock"
        if m & ADMISSION and mask & DEFEND_ALT and any(h.mask & DEFEND_ALT for h in hits[:k]):
            # 是物流公司弄丢的 puts the cause elsewhere (an excuse); 是物业在乱收费 and
            # 肯定是营业厅那边乱开的 pass a verdict on them
            verdict = any(h.mask & ADMISSION for h in hits[: _first(hits, DEFEND_ALT)])
            drop |= ADMISSION if _cleft(text, clause) and not verdict else DEFEND_ALT
        if m & NEG_COMMIT:
            # 不会再给您乱开了: the fault named is what will not happen again
            drop |= ADMISSION if not any(h.mask & ADMISSION for h in hits[:k]) else 0
    clause.mask = (mask | add) & ~drop


def refine_sentence(text: str, clauses: list[Clause], sent: Sentence) -> None:
    """Frames that span the clauses of one sentence.

    "If you'd paid on time, this wouldn't have happened" blames the customer, and so
    does "Actually, our records show you hung up first" (a record held up against them);
    "我们会按照公平计费的规定，把多扣的钱退还给您" names a rule that gives
    the customer something, which is a commitment, not a defence, unless the
    rule caps it ("按照规定，最多只能补偿您一个月").
    """
    supposed = rebutted = False
    for k in range(sent.first, sent.last + 1):
        clause = clauses[k]
        mask = clause.mask
        if mask & RECORD and (rebutted or _rebuts(clause)):
            clause.mask |= DEFEND
        rebutted = rebutted or bool(mask & REBUT)
        if mask & YOU_COND:
            supposed = True
        if (
            mask & DEFEND_POLICY
            and mask & PER
            and not mask & (DEFEND_ANY & ~DEFEND_POLICY)
            and _policy_under_rule(clause)
            and _gives(clause)
            and not _LIMIT.search(text, clause.start, clauses[sent.last].end)
        ):
            clause.mask &= ~DEFEND_POLICY
    if supposed:
        # "if you'd topped up on time" with "you'd have avoided the fee", in either order
        for k in range(sent.first, sent.last + 1):
            if clauses[k].mask & COUNTERFACTUAL:
                clauses[k].mask |= DEFEND_BLAME


def _gives(clause: Clause) -> bool:
    """Whether the clause applies the rule in the agent's own commitment (我们会按照…,
    "will be refunded under…"); its verb may follow in the next clause."""
    return bool(clause.mask & (FUTURE | COMMIT | OUTCOME) and not clause.mask & _NOT_GIVING)


def _rebuts(clause: Clause) -> bool:
    """A record after "actually" / 其实 in the same clause."""
    rebut = False
    for hit in clause.hits:
        if hit.mask & REBUT:
            rebut = True
        elif rebut and hit.mask & RECORD:
            return True
    return False


def _policy_under_rule(clause: Clause) -> bool:
    """Every policy word in the clause comes after an "under" / 按照 that applies it."""
    under = False
    for hit in clause.hits:
        if hit.mask & PER:
            under = True
        elif hit.mask & DEFEND_POLICY and not under:
            return False
    return True
