"""Label one reply with moves (DESIGN.md contract 1): the grammar over lexicon hits.

The lexicons say which words are apologies, commitments, negators...; the
grammar says how they combine. Words restated after "您是说" or quoted back
are the customer's, not the agent's; an apology or thanks next to a jab is
sarcasm; a fault admitted after "I've just checked" is not premature; a
reply made only of listening tokens is a backchannel. Questions and
commitments have modules of their own. Everything is decided on the folded
text and mapped back to the trainee's own characters at the end.

Per-reply work is kept small on purpose (bulk scoring runs it on every line
of a corpus): one fold, one automaton pass, one separator pass, and rules
that look at a clause only when its category mask says they might apply.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from hotseat.language.commitments import Commitments, Flags, negation_start, reports_done
from hotseat.language.detect import detect_lang
from hotseat.language.frames import (
    REPLY_TRIGGERS,
    SENTENCE_TRIGGERS,
    TRIGGERS,
    refine,
    refine_reply,
    refine_sentence,
    refine_zh_reply,
)
from hotseat.language.lexicon import Lexicon, builtin_lexicon, with_overrides
from hotseat.language.matcher import Hit, Matcher
from hotseat.language.normalize import ATTACHES, Normalized, normalize, whole_characters
from hotseat.language.questions import QuestionCounter
from hotseat.language.reader import LearnedReader, learned_reader, reader_on
from hotseat.language.segment import Clause, Sentence, quote_at, segment
from hotseat.language.tags import (
    ACTION,
    ADMISSION,
    AGENT,
    APOLOGY,
    APOLOGY_SOFT,
    BACKCHANNEL,
    BACKCHANNEL_ONLY,
    BENEFACTIVE,
    COMMIT,
    COMMITTING,
    CONDITION,
    CONDUCT,
    CONJ,
    CONTINUER,
    CONTRAST,
    CUSTOMER_DO,
    DEFEND_ANY,
    DEFEND_BLAME,
    DESIRE,
    EMPATHY,
    EVAL_FRAME,
    FAULT,
    FEEL,
    FEEL_FRAME,
    FILLER,
    FLAGS,
    FUTURE,
    GENERIC,
    GLUE,
    GRIEVANCE,
    GUARANTEE,
    INQUIRY,
    MOTIVE,
    NEGATOR,
    NO_PROMISE,
    NOT_FLAG_ONLY,
    NOTED,
    OURS,
    PER,
    PERCEIVE,
    PRECURSOR,
    PREFRAME,
    PROHIBIT,
    Q_TAG,
    Q_WORD,
    REBUT,
    RECORD,
    REFLEXIVE,
    REFUSAL,
    RUDE,
    SARCASM,
    SUMMARY,
    THANKS,
    VERIFIED,
)
from hotseat.moves import LANGS, Analysis, Lang, Move, MoveKind, Span

_BACKCHANNEL_PUNCT = " ,.!?~、。-…'\""
# Longer than this, a reply is more than "嗯嗯，您请讲" / "I see, go on".
_MAX_BACKCHANNEL_LEN = 60
_SOUR = APOLOGY | APOLOGY_SOFT | FILLER | BACKCHANNEL


# A move found on the folded text, before its span is mapped back: kind, start, end and, on
# a promise, its flags. A plain tuple, because bulk scoring makes millions of them.
_Found = tuple[MoveKind, int, int, Flags | None]


def _is_backchannel(text: str, hits: list[Hit]) -> bool:
    """Whether the reply is nothing but listening tokens (嗯嗯，您请讲 / Mm-hm, go on)."""
    signal = False
    pos = 0
    for hit in hits:
        if not hit.mask & BACKCHANNEL_ONLY or text[pos : hit.start].strip(_BACKCHANNEL_PUNCT):
            return False
        signal = signal or bool(hit.mask & (BACKCHANNEL | CONTINUER))
        pos = hit.end
    return signal and not text[pos:].strip(_BACKCHANNEL_PUNCT)


def _span_start(text: str, clause: Clause) -> int:
    """Where a clause's quotable words begin: after an opening "but" / "但是"."""
    pos = clause.start
    for hit in clause.hits:
        if not hit.mask & CONJ or text[pos : hit.start].strip():
            break
        pos = hit.end
    while pos < clause.end and text[pos].isspace():
        pos += 1
    return pos if pos < clause.end else clause.start


class _Grammar:
    """The rules for one language, over a compiled matcher."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lang: Lang = lexicon.lang
        self.matcher = Matcher(lexicon)
        self.questions = QuestionCounter(lexicon.lang, lexicon.words)
        self.commitments = Commitments(lexicon.lang, lexicon.numbers)
        # What may open an in-call step before a look-up verb: in Chinese a benefactive
        # (我帮您查一下); in English a future form too (I'm going to pull up...).
        self.step_opener = PRECURSOR | (BENEFACTIVE if lexicon.lang == "zh" else COMMIT)

    def _preframes(self, text: str, clause: Clause) -> bool:
        """Announces questions, or an in-call step: an opener (我先, let me, I'm going to)
        before a look-up verb (查, check). 我会确认 commits to after the call instead."""
        mask = clause.mask
        if mask & PREFRAME:
            return True
        opener = self.step_opener
        if not mask & INQUIRY or not mask & opener:
            return False
        if self.lang == "zh" and reports_done(text, clause):
            return False  # 我给您登记了: a step already taken, not one announced
        opened = 0
        for hit in clause.hits:
            if opened and hit.mask & INQUIRY:
                # "I'll look into it" after the call commits; "let me look into it" is a step
                return bool(opened & PRECURSOR) or not hit.mask & ACTION
            # the look-up must come right after its opener: "I'll pass this to billing
            # to check" commits to a step after the call, it does not announce one now
            opened = hit.mask & opener or (opened if hit.mask & GLUE else 0)
        return False

    def run(self, text: str) -> tuple[list[_Found], list[tuple[int, int]], int]:
        """Moves and refusal spans of one folded reply, in folded positions, and every
        category its words and frames touched (the OR of hit and clause masks)."""
        hits = self.matcher.scan(text)
        if len(text) <= _MAX_BACKCHANNEL_LEN and hits and _is_backchannel(text, hits):
            stripped = text.strip(_BACKCHANNEL_PUNCT)
            start = text.find(stripped) if stripped else 0
            return [(MoveKind.BACKCHANNEL, start, start + len(stripped), None)], [], 0
        clauses, sentences, quotes = segment(text, self.lang, hits)
        if not clauses:
            return [], [], 0
        zh = self.lang == "zh"
        reply_mask = 0
        for clause in clauses:
            if clause.mask & TRIGGERS:
                refine(text, clause, zh)
            reply_mask |= clause.mask
        if reply_mask & SENTENCE_TRIGGERS:
            for sent in sentences:
                refine_sentence(text, clauses, sent)
        if zh and (
            "就" in text
            or "去" in text
            or "是您" in text
            or "是你" in text
            or "的事" in text
            or "的责任" in text
            or "这么" in text
        ):
            reply_mask |= refine_zh_reply(text, clauses)
        if reply_mask & REPLY_TRIGGERS:
            refine_reply(text, clauses, zh)
            reply_mask |= RUDE
        found: list[_Found] = []
        spans, asking, formed, recaps = self.questions.count(text, clauses, sentences)
        found.extend((MoveKind.QUESTION, s, e, None) for s, e in spans)
        preframes = [False] * len(clauses)
        if reply_mask & (PREFRAME | INQUIRY):
            for k, clause in enumerate(clauses):
                if clause.mask & (PREFRAME | INQUIRY):
                    preframes[k] = self._preframes(text, clause)
        for index in recaps:
            opener = sentences[index].first
            if preframes[opener] and text.startswith(":", clauses[opener].end):
                preframes[opener] = False  # "Let me double-check: …?" reads back, not a step
        if reply_mask & (SUMMARY | DESIRE) or quotes or recaps:
            context = _summary_context(text, clauses, sentences, quotes, formed, preframes, recaps)
        else:
            context = [False] * len(clauses)
        if reply_mask & NOTED:
            _mark_noted(clauses, sentences, context)
        if reply_mask & EMPATHY:
            _mark_situations(text, clauses, sentences, context, zh)
        out = self._moves(text, clauses, sentences, reply_mask, asking, context, preframes)
        for k, flags in enumerate(out.values):
            if flags is not None:
                found.append((MoveKind.PROMISE, *out.spans[k], flags))
        found.extend(out.found)
        for hit in hits:
            reply_mask |= hit.mask
        return found, out.refusals, reply_mask

    def _moves(
        self,
        text: str,
        clauses: list[Clause],
        sentences: list[Sentence],
        reply_mask: int,
        asking: set[int],
        context: list[bool],
        preframes: list[bool],
    ) -> _ClauseMoves:
        """Every move but questions, clause by clause."""
        out = _ClauseMoves(len(clauses))
        found = out.found
        sarcastic = bool(reply_mask & SARCASM)
        verified_at = -1
        if reply_mask & VERIFIED:
            verified_at = min(h.start for c in clauses for h in c.hits if h.mask & VERIFIED)
        defend_seen = 0
        promised_in = -1  # the last sentence that made a promise
        once: set[MoveKind] = set()
        commitments = self.commitments
        for k, clause in enumerate(clauses):
            m = clause.mask
            in_summary = context[k]
            if in_summary and MoveKind.SUMMARY not in once:
                once.add(MoveKind.SUMMARY)
                found.append((MoveKind.SUMMARY, clause.start, clause.end, None))
            if not m:
                continue
            span = (_span_start(text, clause) if m & CONJ else clause.start, clause.end)
            if m & CUSTOMER_DO:
                m &= ~DEFEND_BLAME  # "you can cancel it yourself" instructs, it does not blame
            restated = in_summary and not m & (SUMMARY | DESIRE)  # the customer's own words
            if (
                m & (APOLOGY | APOLOGY_SOFT)
                and not sarcastic
                and not restated
                and not _sour(k, clauses)
            ):
                # after "您希望…" / "you'd like…" the apology is the customer's demand
                own = _before_lead_in(clause) if in_summary else clause.hits
                plain = [h for h in own if h.mask & APOLOGY]
                counted = plain or [h for h in own if h.mask & APOLOGY_SOFT]
                for hit in counted:
                    where = span if len(counted) == 1 else (hit.start, hit.end)
                    found.append((MoveKind.APOLOGY, *where, None))
            if m & THANKS and not sarcastic and not m & RUDE:
                thanked = [h for h in clause.hits if h.mask & THANKS]
                for hit in thanked:
                    where = span if len(thanked) == 1 else (hit.start, hit.end)
                    found.append((MoveKind.THANKS, *where, None))
            if m & EMPATHY and MoveKind.EMPATHY not in once:
                once.add(MoveKind.EMPATHY)
                found.append((MoveKind.EMPATHY, *span, None))
            if preframes[k] and MoveKind.PREFRAME not in once:
                once.add(MoveKind.PREFRAME)
                found.append((MoveKind.PREFRAME, *span, None))
            if m & DEFEND_ANY & ~defend_seen and not in_summary:
                # one argument a clause, of the first kind not yet made in the reply
                defend_seen |= _first_new_kind(clause, m, defend_seen)
                found.append((MoveKind.DEFEND, *span, None))
            if (
                m & (RUDE | SARCASM)
                and not _threat_continues(k, clauses)
                and not (reply_mask & DEFEND_ANY and _only_refuses(clause))
            ):
                found.append((MoveKind.RUDE, *span, None))
            if m & OURS and m & (FAULT | GRIEVANCE) and _owns_fault(clause):
                m |= ADMISSION
            if m & ADMISSION and not m & (CONDITION | DEFEND_ANY):
                premature = verified_at < 0 or clause.start < verified_at
                if premature and not in_summary and k not in asking:
                    if not sarcastic:
                        found.append((MoveKind.ADMISSION, *span, None))
                    elif not m & (RUDE | SARCASM):
                        found.append((MoveKind.RUDE, *span, None))  # "都是我们的错，满意了吧?"
            if m & (NEGATOR | REFUSAL):
                refused = negation_start(clause)
                if refused is not None:
                    out.refusals.append((refused, clause.end))
                    continue
            first = sentences[clause.sentence].first
            continues = promised_in == clause.sentence or (k > first and preframes[k - 1])
            if (
                m & COMMITTING
                and k not in asking
                and not in_summary
                and not m & NO_PROMISE
                and not preframes[k]
                and not commitments.opens_purpose(text, clause)
                # "为了尽快帮您冻结账户并提交调查": the purpose runs on past its "并" / "and"
                and not (
                    k > first
                    and not m & FUTURE  # "…, and will keep you updated" commits
                    and _opens_with(text, clause, CONJ)
                    and commitments.opens_purpose(text, clauses[k - 1])
                )
                and commitments.commits(text, clause, continues)
            ):
                flags = Flags()
                commitments.set_flags(text, flags, clause.hits)
                out.values[k] = flags
                out.spans[k] = span
                promised_in = clause.sentence
            elif m & FLAGS and not m & NOT_FLAG_ONLY and not in_summary and k not in asking:
                out.flag_only.append(k)
            if (
                m & GRIEVANCE
                and not m & ADMISSION  # 确实是我们多扣了: our doing, owned, not restated
                and MoveKind.SUMMARY not in once
                and _restates(k, clauses, asking, out.values, verified_at)
            ):
                once.add(MoveKind.SUMMARY)
                found.append((MoveKind.SUMMARY, *span, None))
        if promised_in >= 0 and self.lang == "zh":
            _join_split_commitments(text, clauses, out)
        commitments.attach(text, out.flag_only, clauses, sentences, out.values)
        return out


class _ClauseMoves:
    """What the clause pass produces: moves, promise flags per clause, refusals."""

    __slots__ = ("flag_only", "found", "refusals", "spans", "values")

    def __init__(self, n: int) -> None:
        self.found: list[_Found] = []
        self.values: list[Flags | None] = [None] * n
        self.spans: list[tuple[int, int]] = [(0, 0)] * n
        self.refusals: list[tuple[int, int]] = []
        self.flag_only: list[int] = []


# Nouns that close a "按照…" adverbial: a clause ending in one has no verb of its own.
_RULE_NOUNS = ("规定", "标准", "政策", "流程", "规则", "制度", "要求", "约定", "条款", "情况")


def _join_split_commitments(text: str, clauses: list[Clause], out: _ClauseMoves) -> None:
    """A Chinese commitment split by a comma is one: the verb of "我们会根据退款规定，" comes
    in the next clause, and a clause that opens with 把 has its subject and modal before it
    ("我们会按照公平计费的规定，把多扣的钱退还给您")."""
    values = out.values
    for k in range(len(values) - 1):
        here, nxt = values[k], values[k + 1]
        if (
            here is not None
            and nxt is not None
            and clauses[k].sentence == clauses[k + 1].sentence
            and (
                text.startswith("把", clauses[k + 1].start)
                or (clauses[k].mask & PER and text.endswith(_RULE_NOUNS, 0, clauses[k].end))
            )
        ):
            nxt.take(here)
            out.spans[k + 1] = (out.spans[k][0], out.spans[k + 1][1])
            values[k] = None


def _opens_with(text: str, clause: Clause, category: int) -> bool:
    """Whether the clause's first words are a phrase of ``category``."""
    return bool(
        clause.hits
        and clause.hits[0].mask & category
        and not text[clause.start : clause.hits[0].start].strip()
    )


def _sour(k: int, clauses: list[Clause]) -> bool:
    """A bare "sorry," followed by a jab in the same sentence is sarcasm, not an apology."""
    if clauses[k].mask & ~_SOUR:
        return False
    nxt = k + 1
    return (
        nxt < len(clauses)
        and clauses[nxt].sentence == clauses[k].sentence
        and bool(clauses[nxt].mask & RUDE)
    )


def _only_refuses(clause: Clause) -> bool:
    """Whether the clause's only rude words are a refusal ("there's nothing I can do"): a
    brush-off said bare, but the end of an argument when the reply gives its reason."""
    rude = [h for h in clause.hits if h.mask & RUDE]
    # a rude frame (找快递公司去) has no rude word of its own: it is no refusal
    return bool(rude) and not clause.mask & SARCASM and all(h.mask & REFUSAL for h in rude)


def _first_new_kind(clause: Clause, mask: int, seen: int) -> int:
    """The kind of defending argument a clause makes first among those not yet made
    (a kind a frame added has no hit of its own: it comes last)."""
    for hit in clause.hits:
        new = hit.mask & mask & DEFEND_ANY & ~seen
        if new:
            return new & -new  # one kind, even if the phrase carries two
    new = mask & DEFEND_ANY & ~seen
    return new & -new


def _before_lead_in(clause: Clause) -> list[Hit]:
    """The hits of a clause before its summary lead-in: the agent's own words."""
    own: list[Hit] = []
    for hit in clause.hits:
        if hit.mask & (SUMMARY | DESIRE):
            break
        own.append(hit)
    return own


def _owns_fault(clause: Clause) -> bool:
    """是我们门店的问题 / 是我们这边的疏忽 / 确实是我们多扣了: our side named, then a fault or
    the customer's grievance after it, as what we did."""
    ours = False
    for hit in clause.hits:
        if hit.mask & OURS:
            ours = True
        elif ours and hit.mask & (FAULT | GRIEVANCE):
            return True
    return False


def _threat_continues(k: int, clauses: list[Clause]) -> bool:
    """ "If you keep swearing at me, I'll end this call" is one jab, not two: the
    consequence after a rude condition is counted with it."""
    if not k:
        return False
    prev = clauses[k - 1]
    return (
        prev.sentence == clauses[k].sentence
        and bool(prev.mask & CONDITION)
        and bool(prev.mask & (RUDE | SARCASM))
    )


def _restates(
    k: int,
    clauses: list[Clause],
    asking: set[int],
    promises: list[Flags | None],
    verified_at: int,
) -> bool:
    """Whether a grievance phrase (没收到任何提醒, no alert at all) restates the customer:
    not when it is asked, promised, admitted, argued, supposed, or found by the agent."""
    clause = clauses[k]
    if k in asking or promises[k] is not None:
        return False
    if clause.mask & (ADMISSION | DEFEND_ANY | CONDITION | GENERIC):
        return False
    if 0 <= verified_at < clause.start:
        return False
    prev = clauses[k - 1] if k else None
    return not (
        prev is not None
        and prev.sentence == clause.sentence
        and prev.mask & (ADMISSION | DEFEND_ANY)
    )


def _leads_in(clause: Clause) -> bool:
    """Whether a summary lead-in in the clause opens a restatement; after the agent's own
    commitment ("I'll note that you'd prefer…", 我会备注您希望…) it is only its object."""
    for hit in clause.hits:
        if hit.mask & (SUMMARY | DESIRE):
            return True
        if hit.mask & (COMMIT | FUTURE):
            return False
    return False


# How many words may stand before an apology that still opens its clause ("I'm so sorry").
_APOLOGY_LEAD = 2


def _opens(text: str, start: int, at: int) -> bool:
    """Whether only a few English words ("I'm really") stand before ``at`` in the clause;
    in Chinese nothing may ("客服连一句抱歉都没有" restates what the customer got)."""
    before = text[start:at]
    return before.isascii() and len(before.split()) <= _APOLOGY_LEAD


def _summary_context(
    text: str,
    clauses: list[Clause],
    sentences: list[Sentence],
    quotes: list[tuple[int, int]],
    formed: set[int],
    preframes: list[bool],
    recaps: set[int],
) -> list[bool]:
    """Which clauses restate the customer: from a summary lead-in to the end of its sentence,
    until the agent starts committing in its own voice. A lead-in inside a real question
    (您想要我们怎么处理?) asks rather than restates; a tag check (…对吧?) still restates, and
    so does a sentence that opens with the customer's own words in quotes, or a checking
    "so…?" with no question form (``recaps``)."""
    context = [False] * len(clauses)
    for index, sent in enumerate(sentences):
        active = index in recaps and not any(
            clauses[k].mask & (RUDE | SARCASM) for k in range(sent.first, sent.last + 1)
        )
        if not active and quotes:
            quoted = quote_at(clauses[sent.first].start, quotes)
            active = quoted is not None and quoted[1] - quoted[0] > 3
        for k in range(sent.first, sent.last + 1):
            clause = clauses[k]
            m = clause.mask
            if active and clause.hits:
                opener = clause.hits[0]
                if (
                    opener.start <= clause.start + 1
                    and (
                        opener.mask & CONTRAST
                        or (m & (COMMIT | ACTION) and opener.mask & (AGENT | COMMIT))
                    )
                ) or (opener.mask & APOLOGY and _opens(text, clause.start, opener.start)):
                    # "…, but the engineer says…" / "… - I'm sorry, …" is the agent's own voice
                    active = False
            if (
                m & (SUMMARY | DESIRE)
                and (k not in formed or m & Q_TAG)
                and not preframes[k]
                and not m & (RUDE | SARCASM)  # "you're only calling because you want…" mocks
                and _leads_in(clause)
            ):
                active = True
            context[k] = active
    return context


# A clause with one of these does something of its own, so it is no bare statement of what
# happened (一个多礼拜还没解决 names a time and a service, and still only states).
_DOING = NOT_FLAG_ONLY | AGENT | COMMIT | FUTURE | BENEFACTIVE | PRECURSOR | GUARANTEE
# Chinese marks what happened with aspect and negation, not tense: 等了, 还没, 都冇, 又, 等着.
_HAPPENED = frozenset("了咗没冇还又都被却着")

# An English clause this short ("Oh no", "Honestly") states no situation; one that opens
# with the agent ("I checked…") tells our side, one with "nobody" speaks of anyone; a
# situation is the customer's when it names them or what went missing or wrong again.
_EN_SITUATION_WORDS = 3
_EN_NOT_THEIRS = frozenset(
    {"i", "i'm", "i've", "i'll", "i'd", "we", "we're", "we've", "we'll", "our", "nobody",
     "no one", "anyone", "anybody", "everyone", "everybody"}
)  # fmt: skip
_EN_THEIRS = frozenset(
    {"you", "you're", "you've", "your", "you'd", "without", "still", "no", "never", "twice",
     "again", "missed", "lost", "broken", "cancelled", "canceled", "charged", "overcharged",
     "late", "delayed", "stuck", "declined", "wrong"}
)  # fmt: skip


def _feels(text: str, clause: Clause) -> bool:
    """Whether a feeling word states a feeling (本来就着急, 您肯定急坏了) rather than tell
    what happened with an aspect after it (卡被吞了又急着用钱, 折腾了这么久)."""
    return any(h.mask & FEEL and text[h.end : h.end + 1] not in _HAPPENED for h in clause.hits)


def _mark_situations(
    text: str, clauses: list[Clause], sentences: list[Sentence], context: list[bool], zh: bool
) -> None:
    """The customer's situation stated just before a shared feeling restates it
    ("您等了一个多礼拜还没消息，肯定急坏了", "Three days without internet - I can only
    imagine"): a summary, like a restatement after a lead-in."""
    for sent in sentences:
        feeling = next(
            (k for k in range(sent.last, sent.first - 1, -1) if clauses[k].mask & EMPATHY), -1
        )
        if feeling >= 0 and _situation_judged(text, clauses[feeling], zh):
            context[feeling] = True
        for k in range(sent.first, feeling):
            clause = clauses[k]
            if clause.mask & _DOING:
                continue
            words = text[clause.start : clause.end]
            if zh:
                happened = not _HAPPENED.isdisjoint(words) and not (
                    clause.mask & FEEL and _feels(text, clause)
                )
            else:
                tokens = [w.strip(_BACKCHANNEL_PUNCT) for w in words.split()]
                happened = (
                    len(tokens) >= _EN_SITUATION_WORDS
                    and tokens[0] not in _EN_NOT_THEIRS
                    and not clause.mask & GENERIC
                    and not _EN_THEIRS.isdisjoint(tokens)
                )
            context[k] = context[k] or happened


# What a judgement of the situation is said of: "Being home all day and still having it sent
# back is really annoying", 饮料洒了一地一定很扫兴.
_JUDGING = EMPATHY | FEEL_FRAME | EVAL_FRAME | PERCEIVE
# "That's gutting", "It must be", "What a letdown" judge without naming the situation.
_EN_POINTERS = _EN_NOT_THEIRS | {"that", "that's", "this", "it", "it's", "what", "how", "oh", "so"}
_EN_SUBJECT_WORDS = 4
_EN_ANYONE = frozenset({"anyone", "anybody", "everyone", "everybody"})
_ZH_SUBJECT_CHARS = 4


def _situation_judged(text: str, clause: Clause, zh: bool) -> bool:
    """Whether the feeling clause opens with the customer's situation as the subject of its
    judgement: a restatement, like one made in a clause of its own before it."""
    if any(h.mask & _DOING & ~EMPATHY and not h.mask & _JUDGING for h in clause.hits):
        return False  # 一定 in 一定很扫兴 judges; 我们 or "I'll" would be the agent's own act
    at = next((h.start for h in clause.hits if h.mask & _JUDGING), clause.start)
    subject = text[clause.start : at].strip(_BACKCHANNEL_PUNCT)
    if zh:
        return (
            len(subject) >= _ZH_SUBJECT_CHARS
            and not _HAPPENED.isdisjoint(subject)
            and "我" not in subject  # 我听着都替您着急: the agent's own hearing
        )
    if not _EN_ANYONE.isdisjoint(text[clause.start : clause.end].split()):
        return False  # "…would make anyone feel let down" speaks of such mishaps in general
    tokens = [w.strip(_BACKCHANNEL_PUNCT) for w in subject.split()]
    return (
        len(tokens) >= _EN_SUBJECT_WORDS
        and tokens[0] not in _EN_POINTERS
        and not _EN_THEIRS.isdisjoint(tokens)  # the customer's own mishap, not one in general
    )


# The agent's own acts in a clause, which a read-back closed by "I've noted all that" does
# not take over.
_OWN_ACTS = APOLOGY | APOLOGY_SOFT | EMPATHY | THANKS | RUDE | SARCASM | PREFRAME | ADMISSION


def _mark_noted(clauses: list[Clause], sentences: list[Sentence], context: list[bool]) -> None:
    """What comes before "I've noted all that" in its sentence restates the customer, demands
    and all ("您的账户被盗刷了八千块，要求我们承担责任，这些我都记下了")."""
    for sent in sentences:
        if not clauses[sent.last].mask & NOTED or sent.last == sent.first:
            continue
        for k in range(sent.first, sent.last):
            if not clauses[k].mask & _OWN_ACTS:
                context[k] = True


# Moves already built, by value: a Move is immutable, so equal moves can be one object, and
# building a frozen dataclass costs more than finding it again. Cleared when it grows large.
_MOVES: dict[tuple[object, ...], Move] = {}
_MOVES_MAX = 1 << 16


def _move(kind: MoveKind, start: int, end: int, flags: Flags | None) -> Move:
    if flags is None:
        key: tuple[object, ...] = (kind, start, end)
        move = _MOVES.get(key)
        if move is None:
            move = Move(kind, start, end)
    else:
        hours = flags.hours if flags.deadline else None
        key = (kind, start, end, flags.guarantee, flags.deadline, flags.compensation, hours)
        move = _MOVES.get(key)
        if move is None:
            move = Move(
                kind, start, end, flags.guarantee, flags.deadline, flags.compensation, hours
            )
    if len(_MOVES) >= _MOVES_MAX:
        _MOVES.clear()
    _MOVES[key] = move
    return move


def _to_moves(norm: Normalized, found: list[_Found]) -> tuple[Move, ...]:
    """Moves with spans in the original text, sorted by start."""
    origin, length = norm.origin, len(norm.text)
    text, n = norm.original, len(norm.original)
    marked = not text.isascii()  # no span may cut a character with a mark in two
    attaches = ATTACHES
    placed = []
    for kind, start, end, flags in found:
        if origin is not None:
            start = origin[start] if start < length else origin[-1] + 1
            end = origin[end - 1] + 1 if end > 0 else 0
        if marked and start < end and (attaches[text[start]] or (end < n and attaches[text[end]])):
            start, end = whole_characters(text, start, end)
        if start < end:
            placed.append((kind, start, end, flags))
    placed.sort(key=_by_span)
    return tuple([_move(*f) for f in placed])


def _by_span(found: _Found) -> tuple[int, int]:
    return found[1], found[2]


class Analyzer:
    """The reply analyzer, with optional extra lexicon phrases per language and category.

    ``overrides`` = {"zh": {"apology": ["新短语"]}, "en": {...}} adds phrases
    (a rulebook's lexicon section); the built-in lexicons stay as they are.
    """

    def __init__(
        self,
        overrides: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
        reader: LearnedReader | bool | None = None,
    ) -> None:
        overrides = overrides or {}
        unknown = set(overrides) - set(LANGS)
        if unknown:
            raise ValueError(f"unknown language(s) in overrides: {', '.join(sorted(unknown))}")
        self._grammars: dict[str, _Grammar] = {}
        for lang in LANGS:
            lexicon = builtin_lexicon(lang)
            if lang in overrides:
                lexicon = with_overrides(lexicon, overrides[lang])
            self._grammars[lang] = _Grammar(lexicon)
        # The learned reader (reader.py) beside the lexicons: ``True`` the shipped one,
        # ``False`` the lexicons alone (as the model's training compares), ``None`` whatever
        # HOTSEAT_READER says (off unless "on": see ``reader_on``).
        self._reader = reader if isinstance(reader, LearnedReader) else None
        if reader is True or (reader is None and reader_on()):
            self._reader = learned_reader()

    def analyze(self, text: str, lang: Lang | None = None, context: str | None = None) -> Analysis:
        """The moves of one reply; ``lang`` None detects it; ``context`` is the customer's
        line just before, which the learned reader weighs. Never raises on a str."""
        return self.analyze_many([text], [lang], [context])[0]

    def analyze_many(
        self,
        texts: Sequence[str],
        langs: Sequence[Lang | None] | None = None,
        contexts: Sequence[str | None] | None = None,
    ) -> list[Analysis]:
        """The moves of many replies, the learned reader scoring them all at once: the same
        answers as ``analyze`` one by one, faster in bulk."""
        n = len(texts)
        langs = langs if langs is not None else [None] * n
        contexts = contexts if contexts is not None else [None] * n
        if len(langs) != n or len(contexts) != n:
            raise ValueError("texts, langs and contexts must be equally long")
        readings: list[_Reading] = []
        for text, lang in zip(texts, langs, strict=True):
            if not isinstance(text, str):
                raise TypeError(f"analyze expects a str, got {type(text).__name__}")
            if lang is None:
                lang = detect_lang(text)
            elif lang not in self._grammars:
                raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
            norm = normalize(text)
            found, refused, mask = self._grammars[lang].run(norm.text)
            readings.append((lang, norm, found, refused, _settled(found, refused, mask)))
        if self._reader is not None:
            self._reader.add(readings, contexts)
        return [_analysis(text, r) for text, r in zip(texts, readings, strict=True)]

    def settled(self, text: str, lang: Lang) -> frozenset[MoveKind]:
        """The moves the lexicons have settled for this reply, found or not, which the learned
        reader may not add (its training mirrors the analyzer with this)."""
        found, refused, mask = self._grammars[lang].run(normalize(text).text)
        return _settled(found, refused, mask)


# One reply as the grammar read it: language, folded text, moves found, refusal spans, and
# the kinds of move the grammar has settled (see ``_settled``).
_Reading = tuple[Lang, Normalized, list[_Found], list[tuple[int, int]], frozenset[MoveKind]]


# The categories whose words mean the grammar weighed a kind of move: where it met them and
# still found no such move (a look-alike, a negation, a purpose, the customer's own words),
# its "no" stands. The learned reader adds a move only where the lexicons met nothing of it:
# wording they were never written for.
_WEIGHED: tuple[tuple[MoveKind, int], ...] = (
    (MoveKind.PROMISE, COMMITTING | NEGATOR | REFUSAL),
    (MoveKind.SUMMARY, SUMMARY | DESIRE | Q_TAG | GRIEVANCE | NOTED | EMPATHY),
    (MoveKind.EMPATHY, EMPATHY | FEEL | FEEL_FRAME | EVAL_FRAME | PERCEIVE),
    (MoveKind.DEFEND, DEFEND_ANY | REFLEXIVE | RECORD | REBUT | FAULT | ADMISSION),
    # a wh-question too: the frames read rhetorical questions (你听不懂吗) for rudeness
    (MoveKind.RUDE, RUDE | SARCASM | CONDUCT | PROHIBIT | MOTIVE | Q_WORD),
    (MoveKind.ADMISSION, ADMISSION | FAULT | OURS),
)


def _settled(found: list[_Found], refused: list[tuple[int, int]], mask: int) -> frozenset[MoveKind]:
    """The kinds of move the grammar has decided on, so the learned reader may not add one:
    every kind it found, every kind whose words it weighed (``_WEIGHED``), a promise where it
    heard one declined; everything on a bare backchannel, which only signals listening."""
    kinds = {f[0] for f in found}
    if MoveKind.BACKCHANNEL in kinds:
        return frozenset(MoveKind)
    kinds.update(kind for kind, weighed in _WEIGHED if mask & weighed)
    if refused:
        kinds.add(MoveKind.PROMISE)
    return frozenset(kinds)


def _analysis(text: str, reading: _Reading) -> Analysis:
    lang, norm, found, refused, _ = reading
    refusals = tuple([Span(*norm.to_original(s, e)) for s, e in refused]) if refused else ()
    moves = _to_moves(norm, found) if found else ()
    return Analysis(text, lang, moves, refusals)


@cache
def default_analyzer() -> Analyzer:
    """The shared analyzer with the built-in lexicons (built on first use)."""
    return Analyzer()


def analyze(text: str, lang: Lang | None = None, context: str | None = None) -> Analysis:
    """The moves of one reply with the built-in lexicons and the learned reader; ``lang``
    None detects it; ``context`` is the customer's line just before."""
    return default_analyzer().analyze(text, lang, context)
