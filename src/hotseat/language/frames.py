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
import sys
from bisect import bisect_left, bisect_right

from hotseat.language.matcher import Hit
from hotseat.language.segment import Clause, Sentence
from hotseat.language.tags import (
    ACTION,
    ADMISSION,
    AGENT,
    APOLOGY,
    BENEFACTIVE,
    CAUSE,
    COMMIT,
    COMPENSATION,
    CONDITION,
    CONDUCT,
    CONTRAST,
    COUNTERFACTUAL,
    CUSTOMER_DO,
    DEFEND,
    DEFEND_ALT,
    DEFEND_ANY,
    DEFEND_BLAME,
    DEFEND_CONTRACT,
    DEFEND_POLICY,
    DISOWN,
    ELSEWHERE,
    EMPATHY,
    EMPHATIC,
    EVAL_FRAME,
    FAULT,
    FEEL,
    FEEL_FRAME,
    FUTURE,
    GAIN,
    HABITUAL,
    HANG_UP,
    HEDGE,
    MOTIVE,
    NEG_COMMIT,
    NEGATOR,
    NOTICE,
    OTHERS,
    OUTCOME,
    PER,
    PERCEIVE,
    PRECURSOR,
    PROHIBIT,
    Q_TAG,
    Q_WORD,
    REBUT,
    RECORD,
    REFLEXIVE,
    REFUSAL,
    RUDE,
    STATED,
    SUMMARY,
    UNRELATED,
    VERDICT,
    YOU_COND,
    YOURS,
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
_ZH_LINKERS = "跟和与"
_ZH_LINKED = re.compile(f"[{_ZH_LINKERS}](?![您你])")
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


def _customer_did(text: str, start: int, at: int) -> bool:
    """Whether the customer is the subject right before a fault verb at ``at`` (您填错了,
    是你弄丢的); in 给您乱开 the customer is the one it was done to."""
    if text.endswith(_ZH_YOU_DID_EMPHATIC, start, at):
        return True
    return text.endswith(("您", "你"), start, at) and (
        at - 2 < start or text[at - 2] not in _ZH_DONE_TO
    )


_TOKEN = re.compile(r"\S+")


class _Words:
    """A clause's whitespace-separated words, indexed once so that what stands before or
    after any point is found by bisection: a frame asked at each of a run of hits would
    otherwise split the clause again for every hit, quadratic in a long reply.

    A word cut by the point counts as the part of it on that side, as a split of the
    text on that side would have it.
    """

    __slots__ = ("_ends", "_firsts", "_starts", "_text")

    def __init__(self, text: str, clause: Clause) -> None:
        self._text = text
        self._starts: list[int] = []
        self._ends: list[int] = []
        for m in _TOKEN.finditer(text, clause.start, clause.end):
            self._starts.append(m.start())
            self._ends.append(m.end())
        self._firsts: dict[tuple[frozenset[str], str], int] = {}

    def last_before(self, pos: int) -> str:
        """The last word before ``pos`` ("" if none)."""
        i = bisect_left(self._starts, pos) - 1
        return self._text[self._starts[i] : min(self._ends[i], pos)] if i >= 0 else ""

    def first_from(self, pos: int) -> str:
        """The first word from ``pos`` on ("" if none)."""
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and self._ends[i] > pos:
            return self._text[pos : self._ends[i]]
        i += 1
        return self._text[self._starts[i] : self._ends[i]] if i < len(self._starts) else ""

    def any_before(self, pos: int, words: frozenset[str], strip: str = "") -> bool:
        """Whether a word before ``pos``, stripped of ``strip``, is one of ``words``."""
        key = (words, strip)
        first = self._firsts.get(key)
        if first is None:
            text = self._text
            first = self._firsts[key] = next(
                (
                    end
                    for start, end in zip(self._starts, self._ends, strict=True)
                    if text[start:end].strip(strip) in words
                ),
                sys.maxsize,
            )
        if first <= pos:
            return True
        i = bisect_left(self._starts, pos) - 1  # a word cut by ``pos``
        return i >= 0 and self._ends[i] > pos and self.last_before(pos).strip(strip) in words


def _insists(words: _Words, hit: Hit) -> bool:
    """An emphatic "did"/"does" inside a statement ("the driver did knock", "it does say on
    the website") insists against the customer; at the head or after a wh-word it asks."""
    last = words.last_before(hit.start)
    after = words.first_from(hit.end)
    return (
        last != ""
        and last != "you"  # "you did everything right" reassures
        and not words.any_before(hit.start, _EN_WH)
        and after != ""
        and after not in _EN_NOT_INSISTING
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
    | ADMISSION | EMPHATIC | YOURS | REFLEXIVE | HANG_UP | VERDICT
    | PERCEIVE | DEFEND_BLAME
)  # fmt: skip
# The frames that span a sentence; a reply with none of them skips the sentence pass.
SENTENCE_TRIGGERS = YOU_COND | PER | REBUT | NOTICE | EVAL_FRAME | RECORD | RUDE
# A reply that disowns the matter, or defends us, has its orders to contact others read as
# brush-offs: after "it says delivered", "check with your neighbours" sends the customer away.
REPLY_TRIGGERS = DISOWN | DEFEND_ANY


# What may follow an echoed word and still dare: 投诉就投诉呗, 差评就差评吧.
_ZH_DARE_TAIL = "呗吧啦啊嘛了"
# An echoed demand is granted, not dared: 退款就退款，我马上给您办.
_GIVEN = ACTION | COMPENSATION
# An echo of these states a fact rather than daring: 是就是, 不是就不是, 有就有.
_ZH_NOT_DARING = frozenset("是不没有")


def _end(hit: Hit) -> int:
    return hit.end


def _dares(text: str, clause: Clause, at: int) -> bool:
    """X就X at ``at``: the customer's threat echoed back (投诉就投诉呗, 告就告, 差评就差评吧),
    a dare; an echoed demand (退款就退款，我马上给您办) is granted instead."""
    before = bisect_right(clause.hits, at, key=_end)
    if before and clause.hits[before - 1].end == at and clause.hits[before - 1].mask & _GIVEN:
        return False
    for size in (4, 3, 2, 1):
        start = at - size
        if start < clause.start or at + 1 + size > clause.end:
            continue
        word = text[start:at]
        if text.startswith(word, at + 1) and word[0] not in _ZH_NOT_DARING:
            after = text[at + 1 + size : at + 2 + size]
            return size > 1 or (after != "" and after in _ZH_DARE_TAIL)
    return False


# After the customer's thing, 是 (or an adverb before it) attributes the cause to it.
_ZH_ATTRIBUTES = re.compile(r"是(?:[^，。]{0,2})$")
_EN_ATTRIBUTES = re.compile(
    r"\b(?:(?:that|it|this)'ll be|sounds like|looks like|probably)\s+"
    r"(?:(?:just|probably|likely) )?(?:(?:an issue|a problem|a fault) with )?$"
)
# What the customer is sent off to do after 您自己 / 你自己: go, come, fetch, find.
# Causes that judge the customer's thing worn out, not merely broken (坏了 restates a fault).
_ZH_WORN = ("太旧", "太老", "老化", "太厚", "太薄", "老了", "松了", "不稳定")
_ZH_SENT = ("去", "过去", "来", "过来", "找", "拿", "到")
_EN_YOU_WORDS = frozenset(["you", "you've", "you'd", "you'll", "you're", "your"])


def _blames_things(text: str, clause: Clause, k: int, zh: bool) -> bool:
    """The cause put on the customer's own things: 多半是您手机网络的问题, 应该是您家冷气本身太旧了,
    "it's probably your walls", "that'll be your phone's connection"."""
    hits = clause.hits
    if clause.mask & (NEGATOR | CONDITION):
        return False  # 如果是您家路由器的问题，…: supposed, not blamed
    if not zh and _EN_ATTRIBUTES.search(
        text, max(clause.start, hits[k].start - _WINDOW), hits[k].start
    ):
        return True  # "that'll be your phone's connection"
    if not clause.mask & CAUSE:
        return False
    if any(h.mask & _HELPING and not h.mask & CAUSE for h in hits):
        return False  # "we'll check your router": the agent acting on it
    if zh:
        before = text[clause.start : hits[k].start]
        if _ZH_ATTRIBUTES.search(before) is not None:
            return any(h.mask & CAUSE for h in hits[k + 1 :])
        # 你家的路由器太旧了吧: the customer's thing as subject, judged worn out (asked with
        # 是不是…, it is a check instead)
        return (
            not clause.mask & Q_WORD
            and _at_head(text, clause, hits[k].start, zh)
            and any(h.mask & CAUSE and text.startswith(_ZH_WORN, h.start) for h in hits[k + 1 :])
        )
    return True


def _sends_off(text: str, clause: Clause, hit: Hit, zh: bool) -> bool:
    """Whether "yourself" sends the customer to do something (grab it yourself, 您自己过去拿)
    or repeats a word back (repeating yourself), rather than naming who did the deed."""
    if zh:
        return text.startswith(_ZH_SENT, hit.end)
    before = text[max(clause.start, hit.start - _WINDOW) : hit.start].split()
    return _EN_YOU_WORDS.isdisjoint(w.strip(_PUNCT) for w in before)


# How far before a frame word its other half is looked for: a bound keeps a long run of
# repeated words linear.
_WINDOW = 40
# The agent announcing it will end the call: "I'm hanging up", "or I'll put the phone down".
_EN_AGENT_WILL = re.compile(
    r"\b(?:i'm|im|i am|i'll|ill|i will|we'll|we will)\s+(?:just |simply |going to |gonna "
    r"|have to |about to )?$"
)


def _threatens_to_end(text: str, clause: Clause, hit: Hit) -> bool:
    """ "I'm hanging up", "Any more of that and I'm ending the call": a threat, where
    "before we end the call" or "please don't hang up" is not."""
    return (
        _EN_AGENT_WILL.search(text, max(clause.start, hit.start - _WINDOW), hit.start) is not None
    )


# A judgement names a fault after a verdict adverb; these make it something else: a
# commitment (我们一定会解决这个问题), a supposition, a hedge, a denial, the customer's doing.
_NOT_JUDGING = COMMIT | FUTURE | CONDITION | HEDGE | NEGATOR | DEFEND_ANY
_ZH_DENIED = ("没", "不", "无", "没有")
_EN_DENIED = re.compile(r"\b(?:not|no|never|nothing)\b")


def _judges(text: str, clause: Clause, k: int, zh: bool) -> bool:
    """明显有质量问题 / "clearly a fault on our end": a verdict passed on a fault, unchecked."""
    if clause.mask & _NOT_JUDGING:
        return False
    hits = clause.hits
    for later in hits[k + 1 :]:
        if later.mask & FAULT:
            between = text[hits[k].end : later.start]
            before = text[clause.start : later.start]  # the customer as subject: blame
            if zh:
                return not _YOU.intersection(before) and not between.endswith(_ZH_DENIED)
            words = [w.strip(_PUNCT) for w in before.split()]
            return _EN_YOU_WORDS.isdisjoint(words) and not _EN_DENIED.search(between)
    return False


# Words after 去 that still close the order: 找快递公司去吧.
_ZH_CLOSERS = "吧呗啊啦嘛呀"
# What one is sent off to do before 去: find, ask, sue, complain, ring.
_ZH_SEND_VERBS = ("找", "问", "告", "投诉", "打给", "联系")


def _sends_away(text: str, clause: Clause) -> bool:
    """找快递公司去 / 你问他们去 / 你自己找学校去: an order to take it elsewhere, closed by 去;
    我帮您问问同事去 and 您可以找客服去 help or suggest instead."""
    if clause.mask & (_HELPING | CUSTOMER_DO):
        return False
    end = clause.end
    while end > clause.start and text[end - 1] in _ZH_CLOSERS:
        end -= 1
    if end <= clause.start or text[end - 1] != "去":
        return False
    at = end - 1
    before = text[max(clause.start, at - _WINDOW) : at]
    return any(verb in before for verb in _ZH_SEND_VERBS) and not _agent_before(
        text, clause, at, True
    )


# 那是回访组的事 / 那是物业的责任: the matter handed to someone else (not 您, not 我们).
_ZH_NOT_OURS = re.compile(
    r"[ ]*(?:那|这)?(?:个|件事)?(?:是|归)(?![您你我])[^，。]{1,8}的(?:事|责任)"
)


# Where each Chinese reply-level cue is read: 就 between two words (an echo), 去 closing its
# clause before any particles, 是您 / 是你, 的事.
_ZH_CUE = re.compile(
    r"(?<=[^\W就])就(?=[^\W就])|去(?=[吧呗啊啦嘛呀]*(?:\W|$))|是您|是你|的事|的责任"
    r"|这么(?:简单|基本|容易)"
)
# 这么简单的步骤都要教 / 这么基本的都不会: the task belittled, then the customer's failing.
_ZH_BELITTLES = re.compile(
    r"这么(?:简单|基本|容易)[^,.?!;:]{0,8}?(?:都|也)(?:要|不会|不懂|搞不|弄不|看不)"
)


def refine_zh_reply(text: str, clauses: list[Clause]) -> int:
    """Chinese dares (投诉就投诉呗), orders to go elsewhere (找快递公司去), causes put on the
    customer (是您路由器设置的问题) and matters disowned (那是回访组的事), read off 就, 去, 是您
    and 的事 in the text rather than from the lexicon, so replies without them pay nothing;
    each cue is found by one regex pass and only its own clause is looked at. Returns the
    categories it added."""
    starts = [clause.start for clause in clauses]
    added = 0
    looked: set[tuple[int, str]] = set()  # a clause-wide check is made once per clause
    for cue in _ZH_CUE.finditer(text):
        k = bisect_right(starts, cue.start()) - 1
        if k < 0 or cue.start() >= clauses[k].end:
            continue  # a cue in a separator run
        clause = clauses[k]
        word = cue.group()
        if word != "就":
            if (k, word) in looked:
                continue
            looked.add((k, word))
        if word == "就":
            found = RUDE if _dares(text, clause, cue.start()) else 0
        elif word == "去":
            found = RUDE if _sends_away(text, clause) else 0
        elif word.startswith("这么"):
            found = RUDE if _ZH_BELITTLES.match(text, cue.start(), clause.end) else 0
        elif word in ("的事", "的责任"):
            found = (DEFEND | DISOWN) if _ZH_NOT_OURS.match(text, clause.start, clause.end) else 0
        else:
            found = DEFEND_BLAME if _blames_cause(text, clause) else 0
        clause.mask |= found
        added |= found
    return added


# The customer named as the one at fault before a cause: 是您路由器设置的问题, 是你那边的原因;
# 这就是您反映的问题 names what they reported instead.
_ZH_YOUR_CAUSE = re.compile(r"是(?:您|你)(?!们)[^，。]{0,10}$")
_ZH_REPORTED = ("反映", "说", "提", "遇到", "问", "关心", "担心", "咨询")


def _blames_cause(text: str, clause: Clause) -> bool:
    """是您路由器设置的问题: the customer's side named as the cause."""
    if not clause.mask & CAUSE or clause.mask & (_HELPING | NEGATOR | DEFEND_BLAME | CONDITION):
        return False
    for hit in clause.hits:
        if hit.mask & CAUSE:
            found = _ZH_YOUR_CAUSE.search(text, max(clause.start, hit.start - _WINDOW), hit.start)
            if found is not None and not any(w in found.group() for w in _ZH_REPORTED):
                return True
    return False


# A head is a few words: a longer stretch before a frame word is never only head words, and
# the bound keeps a run of prohibitions linear.
_HEAD_CHARS = _WINDOW


def _at_head(text: str, clause: Clause, start: int, zh: bool) -> bool:
    """Whether only a subject, an adverb or an interjection stands before ``start``."""
    if start - clause.start > _HEAD_CHARS:
        return False
    prefix = text[clause.start : start].strip(_PUNCT)
    if not prefix:
        return True
    if zh:
        return _ZH_HEAD.fullmatch(prefix.replace(" ", "")) is not None
    return all(word.strip(_PUNCT) in _EN_HEAD_WORDS for word in prefix.split())


class _Looks:
    """What stands before a point of one clause, worked out once per clause and then read
    in logarithmic time: frames ask it at every hit of a kind, and a reply that repeats
    one phrase a hundred thousand times must not be read from its clause start each time.
    """

    __slots__ = ("_agent_ends", "_hit_starts", "_linked", "_words", "_yous", "clause", "text")

    def __init__(self, text: str, clause: Clause) -> None:
        self.text = text
        self.clause = clause
        self._words: _Words | None = None
        self._hit_starts: list[int] | None = None
        self._agent_ends: list[int] = []  # the furthest end of an agent hit up to each hit
        self._yous: list[int] = []  # where 您 / 你 stand
        self._linked: int | None = None

    @property
    def words(self) -> _Words:
        if self._words is None:
            self._words = _Words(self.text, self.clause)
        return self._words

    def agent_before(self, start: int, zh: bool) -> bool:
        """Whether the agent is the subject before ``start`` ("我们不会借机…", "I'm just
        trying to"); in "我看您就是想…" the agent only frames what the customer is said to
        want."""
        if not zh:
            return self.words.any_before(start, _EN_AGENT_WORDS, _PUNCT)
        if self._hit_starts is None:
            self._index_zh()
        assert self._hit_starts is not None
        before = bisect_left(self._hit_starts, start)  # the hits starting before it
        agent_end = self._agent_ends[before - 1] if before else -1
        if agent_end < 0:
            return False
        k = bisect_left(self._yous, agent_end)
        return not (k < len(self._yous) and self._yous[k] < start)

    def _index_zh(self) -> None:
        clause = self.clause
        self._hit_starts = [h.start for h in clause.hits]
        furthest = -1
        for h in clause.hits:
            if h.mask & AGENT:
                furthest = max(furthest, h.end)
            self._agent_ends.append(furthest)
        self._yous = [m.start() for m in _ZH_YOU.finditer(self.text, clause.start, clause.end)]

    def unlinks(self, hit: Hit, zh: bool) -> bool:
        """跟药店没关系 / "nothing to do with the bank": a party other than the customer
        cleared, which argues the cause lies elsewhere; 跟您没关系 and "nothing to do with
        you" reassure."""
        text, clause = self.text, self.clause
        if not zh:
            return hit.end < clause.end and _EN_UNLINKED.match(text, hit.end, clause.end) is None
        if self._linked is None:  # the first 跟 / 和 / 与 not before 您 / 你
            found = _ZH_LINKED.search(text, clause.start, clause.end)
            self._linked = found.start() if found is not None else sys.maxsize
        # right before the hit, the word after 跟 is the hit itself, never the customer
        return self._linked < hit.start or (
            hit.start > clause.start and text[hit.start - 1] in _ZH_LINKERS
        )


def _agent_before(text: str, clause: Clause, start: int, zh: bool) -> bool:
    """``_Looks.agent_before`` asked once of a clause."""
    return _Looks(text, clause).agent_before(start, zh)


# A notice cited in a sentence where the agent apologizes, commits or feels with the customer
# backs no refusal: "the page said it would arrive today, I'm sorry" restates what went wrong.
_NOT_CITING = _HELPING | APOLOGY | EMPATHY | CONDITION
_EN_UNLINKED = re.compile(r"[ ]*(?:you|your|yours|yourself)\b")


_ZH_YOU = re.compile("[您你]")
_EN_YOU = re.compile(r"\byou(?:'re|'ve|'d|r)?\b")


def _first_you(text: str, start: int, end: int) -> int:
    """Where the customer is first named in ``text[start:end]`` (您, 你, you, your), or
    ``end`` when they are not."""
    found = _ZH_YOU.search(text, start, end) or _EN_YOU.search(text, start, end)
    return found.start() if found is not None else end


def refine(text: str, clause: Clause, zh: bool) -> None:
    """Add the moves a clause's frames make, and drop the words they explain away."""
    add = drop = 0
    hits = clause.hits
    mask = clause.mask
    motive_at = -1
    frame_seen = prohibited = blamed = False
    excused = looked = 0
    judged = jabbed = False
    supposing = False  # after "if" / 如果: blame words suppose, they do not accuse
    accused = supposed = False
    perceived_at = you_at = -1  # where "让人觉得" / the customer is first named, once looked for
    looks = _Looks(text, clause)
    admitted = False  # an admission among the hits before this one
    alt_at = -1  # where the first other explanation (DEFEND_ALT) is
    admitted_before_alt = False
    cleft: bool | None = None
    for k, hit in enumerate(hits):
        m = hit.mask
        if m & (PERCEIVE | RUDE) and you_at == -1:
            you_at = _first_you(text, clause.start, clause.end)
        if m & PERCEIVE and perceived_at < 0 and hit.start <= you_at:
            perceived_at = hit.start
        if m & RUDE:
            # 确实会让人觉得小题大做 / "being cut off over £5 feels out of proportion": the
            # situation judged as the customer sees it; "it feels like you're overreacting" jabs
            if 0 <= perceived_at < hit.start <= you_at:
                judged = True
            else:
                jabbed = True
        if m & PROHIBIT and not prohibited and _at_head(text, clause, hit.start, zh):
            prohibited = True
        if m & CONDUCT and prohibited:
            add |= RUDE  # 您先别吵 / 你咪嘈住先 / don't take that tone with me
        if m & MOTIVE and motive_at < 0 and not looks.agent_before(hit.start, zh):
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
        if m & (FEEL_FRAME | EVAL_FRAME):
            frame_seen = True
        if m & RECORD and zh and _ZH_RECORD_BLAME.match(text, hit.end):
            add |= DEFEND_BLAME  # 系统显示是您先挂断的 / 数据显示您确实用了
        if m & UNRELATED and looks.unlinks(hit, zh):
            add |= DEFEND  # 跟药店没关系, "nothing to do with the bank" (but not with 您 / you)
        if m & OTHERS and zh and _ZH_NONE_COMPLAINED.match(text, hit.end, clause.end):
            add |= DEFEND  # 其他家长都没提过这个问题
        if m & ADMISSION and zh and _customer_did(text, clause.start, hit.start):
            drop |= ADMISSION  # 您填错了: the fault is the customer's
            add |= DEFEND_BLAME
        if m & EMPHATIC and not zh and _insists(looks.words, hit):
            add |= DEFEND  # "the driver did knock"
        if m & YOURS and not looked & YOURS:
            looked |= YOURS
            if _blames_things(text, clause, k, zh):
                add |= DEFEND_BLAME  # 应该是您家冷气本身太旧了 / it's probably your walls
        if m & HANG_UP and not zh and _threatens_to_end(text, clause, hit):
            add |= RUDE  # "Any more of that and I'm hanging up"
        if m & VERDICT and not looked & VERDICT:
            looked |= VERDICT  # the first verdict decides: a run of them stays linear
            if _judges(text, clause, k, zh):
                add |= ADMISSION  # 这批货明显有质量问题 / "clearly a fault on our end"
        if m & CONDITION:
            supposing = True
        if m & DEFEND_BLAME:
            if supposing:
                supposed = True  # "if you forgot your password, I can reset it"
            else:
                accused = True
        if m & REFLEXIVE and _sends_off(text, clause, hit, zh):
            excused |= m & DEFEND_BLAME
        elif m & DEFEND_BLAME:
            blamed = True
        if m & ADMISSION and 0 <= alt_at < k:
            # 是物流公司弄丢的 puts the cause elsewhere (an excuse); 是物业在乱收费 and
            # 肯定是营业厅那边乱开的 pass a verdict on them
            if cleft is None:
                cleft = _cleft(text, clause)
            drop |= ADMISSION if cleft and not admitted_before_alt else DEFEND_ALT
        if m & NEG_COMMIT:
            # 不会再给您乱开了: the fault named is what will not happen again
            drop |= ADMISSION if not admitted else 0
        if m & DEFEND_ALT and alt_at < 0:
            alt_at = k
            admitted_before_alt = admitted
        admitted = admitted or bool(m & ADMISSION)
    if judged and not jabbed and not add & RUDE:
        drop |= RUDE
    if excused and not blamed and not add & DEFEND_BLAME:
        drop |= DEFEND_BLAME  # "grab it yourself", 您自己过去拿: sent, not blamed
    if supposed and not accused and not add & DEFEND_BLAME:
        drop |= DEFEND_BLAME
    clause.mask = (mask | add) & ~drop


# Words that make an order to contact someone a courtesy: 请, "please" (CUSTOMER_DO holds
# "please" and 请您 too).
_ZH_POLITE = ("请", "麻烦")


# An order to contact someone, at a clause's head: 您找厂家吧, 你问返个商户, "ring the school".
_ZH_CONTACT = re.compile(
    r"[ ]*(?:这事|这个|那个|你们|您|你|就|先|那|自己|直接|还是)*(?:找|问|揾|打给|打去|联系)"
)
_EN_CONTACT = re.compile(
    r"[ ]*(?:(?:just|then|so|and|now|go|go and)\s+)*(?:ask|call|ring|contact|phone|email|"
    r"check with|"
    r"speak to|talk to|get on to|get in touch with|chase|try)\b"
)

# Who is rung or what is tried is not someone else: "phone you within two hours", "try standing
# by a window", 联系您.
_NOT_SENT = re.compile(r"[ ]*(?:(?:you|yourself|us|me)\b|\w+ing\b)|[ ]*[您你我]")


def refine_reply(text: str, clauses: list[Clause], zh: bool) -> None:
    """After "not our department" / 不归我们管 or a defence, an order to contact someone else
    ("ring the school", 您找厂家吧, "check with your neighbours") sends the customer away: a
    brush-off, rude."""
    contact = _ZH_CONTACT if zh else _EN_CONTACT
    for clause in clauses:
        if clause.mask & (_HELPING | CUSTOMER_DO | DISOWN):
            continue
        order = contact.match(text, clause.start, clause.end)
        if order is None or _NOT_SENT.match(text, order.end(), clause.end):
            continue
        if zh and any(w in text[clause.start : clause.end] for w in _ZH_POLITE):
            continue
        clause.mask |= RUDE


def refine_sentence(text: str, clauses: list[Clause], sent: Sentence) -> None:
    """Frames that span the clauses of one sentence.

    "If you'd paid on time, this wouldn't have happened" blames the customer, and so
    does "Actually, our records show you hung up first" (a record held up against them);
    "我们会按照公平计费的规定，把多扣的钱退还给您" names a rule that gives
    the customer something, which is a commitment, not a defence, unless the
    rule caps it ("按照规定，最多只能补偿您一个月").
    """
    supposed = rebutted = False
    sentence_mask = 0
    for k in range(sent.first, sent.last + 1):
        sentence_mask |= clauses[k].mask
    citing = not sentence_mask & _NOT_CITING
    # A record read back inside a restatement ("…但是系统显示签收了，对不对？") proves nothing.
    proving = citing and not sentence_mask & (SUMMARY | Q_TAG)
    # "That's really unfair, we've done nothing wrong": a judgement the agent backs with a
    # defence is indignation at the customer, not a feeling shared with them ("…, but").
    indignant = sentence_mask & DEFEND_ANY and not sentence_mask & CONTRAST
    capped_from = -1  # where the sentence's last limit word starts, once looked for
    for k in range(sent.first, sent.last + 1):
        clause = clauses[k]
        mask = clause.mask
        if mask & RECORD and (
            rebutted or _rebuts(clause) or (proving and _record_proves(text, clause))
        ):
            clause.mask |= DEFEND  # "actually, records show…" / "records show no payment"
        rebutted = rebutted or bool(mask & REBUT)
        if indignant and mask & EVAL_FRAME:
            clause.mask &= ~EMPATHY
        if citing and mask & NOTICE and mask & STATED:
            clause.mask |= DEFEND_CONTRACT  # 详情页写着呢 / "there's a sign at the entrance saying"
        if mask & YOU_COND:
            supposed = True
        if (
            mask & DEFEND_POLICY
            and mask & PER
            and not mask & (DEFEND_ANY & ~DEFEND_POLICY)
            and _policy_under_rule(clause)
            and (_gives(clause) or (k < sent.last and _gives(clauses[k + 1])))
        ):
            if capped_from == -1:
                capped_from = _last_limit(text, clauses[sent.first].start, clauses[sent.last].end)
            if capped_from < clause.start:  # no limit from this clause to the sentence's end
                clause.mask &= ~DEFEND_POLICY
    if sentence_mask & RUDE and sentence_mask & _HELPING:
        for k in range(sent.first, sent.last + 1):
            if _offers_on_condition(text, clauses[k]):
                clauses[k].mask &= ~RUDE  # 您要是不满意，我帮您申请换货: an offer
    if supposed:
        # "if you'd topped up on time" with "you'd have avoided the fee", in either order
        for k in range(sent.first, sent.last + 1):
            if clauses[k].mask & COUNTERFACTUAL:
                clauses[k].mask |= DEFEND_BLAME


def _last_limit(text: str, start: int, end: int) -> int:
    """Where the last limit word of ``text[start:end]`` starts (-2 if none): found once per
    sentence, because looking from each clause to the sentence's end is quadratic."""
    last = -2
    for found in _LIMIT.finditer(text, start, end):
        last = found.start()
    return last


# After a record, what it is held up to prove: nothing came in ("records show no payment",
# 系统显示没有收到), or the deed was done ("the tracking shows it was delivered", 系统显示已签收).
_EN_RECORD_PROVES = re.compile(
    r"[ ]*(?:that )?(?:no|nothing|none|zero\b|(?:it|they|the \w+|your \w+) (?:was|were|has been"
    r"|had been) (?:delivered|signed for|sent|collected|used|activated|received|paid))\b"
)
_ZH_RECORD_PROVES = re.compile(
    r"[ ]*(?:您的?|你的?|包裹|快递|订单)?(?:已经?|是)?(?:送达|签收|妥投|发出|寄出|使用|开通|激活"
    r"|没有?收到|未收到|没有?付款|未付款)"
)


def _record_proves(text: str, clause: Clause) -> bool:
    """A record held up as proof against the customer's account, with nothing given back."""
    for hit in clause.hits:
        if hit.mask & RECORD:
            english = text[hit.start : hit.end].isascii()
            pattern = _EN_RECORD_PROVES if english else _ZH_RECORD_PROVES
            return pattern.match(text, hit.end, clause.end) is not None
    return False


# A rude phrase that only opens a condition ("if you don't like it", 要是不满意) threatens
# nothing by itself: what follows decides, and the agent helping makes it an offer.
_CONDITIONAL_OPENERS = ("if ", "要是", "您要是", "你要是", "如果", "假如")


def _offers_on_condition(text: str, clause: Clause) -> bool:
    """Whether every rude phrase in the clause only opens a condition; the caller has seen
    the agent helping in the same sentence."""
    rude = [hit for hit in clause.hits if hit.mask & RUDE]
    return bool(rude) and all(text.startswith(_CONDITIONAL_OPENERS, h.start) for h in rude)


def _gives(clause: Clause) -> bool:
    """Whether the clause applies the rule in the agent's own commitment (我们会按照…,
    "will be refunded under…"); the caller also asks it of the next clause, which may hold
    the verb (按照规定，我们会给您退款)."""
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
