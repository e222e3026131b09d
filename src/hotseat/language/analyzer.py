"""Label one reply with moves (DESIGN.md contract 1): the grammar over lexicon hits.

The lexicons say which words are apologies, commitments, negators...; this
module says how they combine: a negation reaches to the end of its clause
(没办法跟您保证一定今天到账), a hedge keeps a promise but drops its guarantee
(I'll try to), words restated after "您是说" or quoted back are the customer's,
not the agent's, and a question is recognised by its form, not only by "?".
Everything is decided on the folded text and mapped back to the trainee's
own characters at the end.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache

from hotseat.language.detect import detect_lang
from hotseat.language.lexicon import Lexicon, builtin_lexicon, with_overrides
from hotseat.language.matcher import BIT, Hit, Matcher
from hotseat.language.normalize import Normalized, normalize
from hotseat.language.segment import Clause, Sentence, segment
from hotseat.moves import LANGS, Analysis, Lang, Move, MoveKind, Span

APOLOGY = BIT["apology"]
APOLOGY_SOFT = BIT["apology_soft"]
EMPATHY = BIT["empathy"]
THANKS = BIT["thanks"]
SUMMARY = BIT["summary"]
GRIEVANCE = BIT["grievance"]
DESIRE = BIT["desire"]
PREFRAME = BIT["preframe"]
PRECURSOR = BIT["precursor"]
INQUIRY = BIT["inquiry"]
RUDE = BIT["rude"]
SARCASM = BIT["sarcasm"]
ADMISSION = BIT["admission"]
VERIFIED = BIT["verified"]
BACKCHANNEL = BIT["backchannel"]
CONTINUER = BIT["continuer"]
FILLER = BIT["filler"]
Q_TAG = BIT["q_tag"]
Q_WORD = BIT["q_word"]
Q_LEAD = BIT["q_lead"]
INDIRECT = BIT["indirect"]
AGENT = BIT["agent"]
COMMIT = BIT["commit"]
ACTION = BIT["action"]
TRY = BIT["try"]
HEDGE = BIT["hedge"]
NEGATOR = BIT["negator"]
COMMIT_VERB = BIT["commit_verb"]
REFUSAL = BIT["refusal"]
NEG_COMMIT = BIT["neg_commit"]
DONE = BIT["done"]
PURPOSE = BIT["purpose"]
HABITUAL = BIT["habitual"]
CUSTOMER_DO = BIT["customer_do"]
IN_CALL = BIT["in_call"]
GUARANTEE = BIT["guarantee"]
DEADLINE = BIT["deadline"]
COMPENSATION = BIT["compensation"]
CONJ = BIT["conj"]
BENEFACTIVE = BIT["benefactive"]
FUTURE = BIT["future"]
CONDITION = BIT["condition"]
DEFEND_BLAME = BIT["defend_blame"]

DEFEND_TYPES: tuple[int, ...] = tuple(
    BIT[name]
    for name in ("defend", "defend_blame", "defend_policy", "defend_contract", "defend_alt")
)
DEFEND_ANY = 0
for _bit in DEFEND_TYPES:
    DEFEND_ANY |= _bit

BACKCHANNEL_ONLY = BACKCHANNEL | CONTINUER | FILLER
FLAGS = GUARANTEE | DEADLINE | COMPENSATION
# Anything that makes a clause more than a bare time, guarantee or refund word.
NOT_FLAG_ONLY = (
    APOLOGY
    | EMPATHY
    | THANKS
    | SUMMARY
    | GRIEVANCE
    | DESIRE
    | PREFRAME
    | RUDE
    | SARCASM
    | ADMISSION
    | DEFEND_ANY
    | NEGATOR
    | REFUSAL
    | HEDGE
    | HABITUAL
    | CUSTOMER_DO
    | PURPOSE
    | Q_WORD
    | Q_TAG
    | Q_LEAD
    | INQUIRY
)
# A clause with one of these is doing something else than committing.
NO_PROMISE = (
    HABITUAL | CUSTOMER_DO | HEDGE | PREFRAME | DEFEND_ANY | SUMMARY | DESIRE | THANKS | EMPATHY
)
# Hits that do not change what a clause opens with.
GLUE = CONJ | FILLER
_TRAILING_PARTICLES = "啊呀啦喔哦嘛哈吖了"
_BACKCHANNEL_PUNCT = " ,.!?~、。-…'\""
_MAX_BACKCHANNEL_LEN = 40
# Words that may sit between a wh-word and its auxiliary even in a statement: "how much is".
_WH_MODIFIERS = frozenset({"much", "many", "long", "often", "far", "soon", "old"})
# Auxiliaries that open a question even without a pronoun after them: "is data roaming on".
_BARE_AUX = frozenset({"is", "are", "was", "were", "does", "did"})


class _Found:
    """A move found on the folded text, before its span is mapped back."""

    __slots__ = ("compensation", "deadline", "end", "guarantee", "hours", "kind", "start")

    def __init__(self, kind: MoveKind, start: int, end: int) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.guarantee = False
        self.deadline = False
        self.compensation = False
        self.hours: float | None = None


class _Grammar:
    """The rules for one language, over a compiled matcher."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lang: Lang = lexicon.lang
        self.matcher = Matcher(lexicon)
        self.numbers = lexicon.numbers
        words = lexicon.words
        self.wh = words.get("wh", frozenset())
        self.wh_aux = words.get("wh_aux", frozenset())
        self.aux = words.get("aux", frozenset())
        self.subject = words.get("subject", frozenset())
        self.lead = words.get("lead", frozenset())
        # What may open an in-call step before a look-up verb: in Chinese a benefactive
        # (我帮您查一下); in English a future form too (I'm going to pull up...).
        self.step_opener = PRECURSOR | (BENEFACTIVE if self.lang == "zh" else COMMIT)

    # ------------------------------------------------------------------ helpers

    def _number_before(self, text: str, pos: int) -> int | None:
        """The number spelled just before a time unit ("24" 小时, "three" days, 三个工作日)."""
        i = pos
        while i > 0 and text[i - 1] in " 个個":
            i -= 1
        j = i
        while j > 0 and text[j - 1].isdigit():
            j -= 1
        if j < i:
            return int(text[j:i]) if text[j:i].isascii() else None
        while j > 0 and text[j - 1] in self.numbers:
            j -= 1
        if j < i:
            return self._spelled_number(text[j:i])
        word_start = text.rfind(" ", 0, i) + 1
        return self.numbers.get(text[word_start:i])

    def _spelled_number(self, chars: str) -> int | None:
        """A number spelled in single-character numerals (三, 十, 二十四), as in Chinese."""
        if len(chars) == 1:
            return self.numbers.get(chars)
        total = 0
        digit = 0
        for char in chars:
            value = self.numbers[char]
            if value == 10:
                total += (digit or 1) * 10
                digit = 0
            else:
                digit = value
        return total + digit

    def _hours(self, text: str, hit: Hit) -> float | None:
        if hit.hours is None or not hit.per_unit:
            return hit.hours
        count = self._number_before(text, hit.start)
        return None if count is None else count * hit.hours

    @staticmethod
    def _is_backchannel(text: str, hits: list[Hit]) -> bool:
        """Whether the reply is nothing but listening tokens."""
        if len(text) > _MAX_BACKCHANNEL_LEN or not hits:
            return False
        signal = False
        pos = 0
        for hit in hits:
            if not hit.mask & BACKCHANNEL_ONLY:
                return False
            if text[pos : hit.start].strip(_BACKCHANNEL_PUNCT):
                return False
            signal = signal or bool(hit.mask & (BACKCHANNEL | CONTINUER))
            pos = hit.end
        return signal and not text[pos:].strip(_BACKCHANNEL_PUNCT)

    # ------------------------------------------------------------- questions

    def _zh_forms(self, text: str, clause: Clause, hits: list[Hit], mask: int) -> tuple[int, int]:
        """(strong, weak) question forms in a Chinese clause: 吗/对吧 ask anywhere, 什么 only in
        a sentence that ends with "?" or none at all."""
        if mask & CONTINUER:
            return 0, 0
        strong = 1 if mask & (Q_TAG | Q_LEAD) else 0
        end = clause.end
        while end > clause.start + 1 and text[end - 1] in _TRAILING_PARTICLES:
            end -= 1
        last = text[end - 1]
        if last == "吗":
            strong = 1
        weak = 0
        if mask & Q_WORD:
            indirect = False
            for hit in hits:
                if hit.mask & INDIRECT:
                    indirect = True
                elif hit.mask & Q_WORD and not indirect:
                    weak = 1
                    break
        if last in "呢咩" or (
            last == "么" and text[end - 2 : end - 1] not in ("什", "怎", "这", "那", "多")
        ):
            weak = 1
        return strong, weak

    def _en_form_at(self, tokens: list[str], i: int, gap: int) -> int:
        """If an interrogative form starts at token ``i``, the index just past it, else 0.

        Forms: a wh-contraction (what's); a wh-word with an auxiliary at most
        ``gap`` words later (what plan are you...) and no subject before it
        (what you'd like is... states); an auxiliary before a subject (do you,
        is that); a bare is/did/does at the head of a clause (is data roaming on).
        """
        tok = tokens[i]
        n = len(tokens)
        if tok in self.wh_aux:
            return i + 1
        if tok in self.wh:
            for k in range(i + 1, min(i + 2 + max(gap, 1), n)):
                if tokens[k] in self.subject:
                    return 0
                if tokens[k] in self.aux:
                    return k + 2 if k + 1 < n and tokens[k + 1] in self.subject else k + 1
                if gap == 0 and tokens[k] not in _WH_MODIFIERS:
                    return 0
            return 0
        if tok in self.aux and i + 1 < n and tokens[i + 1] in self.subject:
            return i + 2
        return 0

    def _en_forms(self, text: str, clause: Clause, term: str, first: bool) -> int:
        """Interrogative forms in an English clause.

        A statement ("." sentence) asks only if its first clause opens with a
        form; a sentence that ends with "?" or runs on unpunctuated counts every
        form in it ("when did you last call who did you speak to...").
        """
        if term == "." and not first:
            return 0
        tokens = [tok.strip("\"'()[]-") for tok in text[clause.start : clause.end].split()]
        tokens = [tok for tok in tokens if tok]
        i = 0
        while i < len(tokens) and tokens[i] in self.lead:
            i += 1
        if i >= len(tokens):
            return 0
        gap = 0 if term == "." else 2
        forms = 0
        past = self._en_form_at(tokens, i, gap)
        if not past and i + 1 < len(tokens) and tokens[i] in _BARE_AUX and tokens[i + 1] != "not":
            past = i + 2
        if (
            not past
            and term == "?"
            and tokens[i] in self.wh
            and (first or len(tokens) - i <= 2)
            and not (i + 1 < len(tokens) and tokens[i + 1] in self.subject)
        ):
            past = i + 1  # "Which supermarket?", but not "What you'd like is...?"
        if past:
            forms, i = 1, past
        else:
            i += 1
        if term == ".":
            return forms
        while i < len(tokens):
            past = self._en_form_at(tokens, i, gap)
            if past:
                forms += 1
                i = past
            else:
                i += 1
        return forms

    # ---------------------------------------------------------------- promises

    def _negation_start(self, hits: list[Hit]) -> int | None:
        """Where a refusal or negated commitment begins in the clause, if it has one."""
        for k, hit in enumerate(hits):
            if hit.mask & REFUSAL:
                return hit.start
            if hit.mask & NEGATOR and any(
                h.mask & (COMMIT_VERB | ACTION | COMMIT | GUARANTEE | COMPENSATION)
                for h in hits[k + 1 :]
            ):
                return hit.start
        return None

    @staticmethod
    def _commits_zh(text: str, end: int, hits: list[Hit]) -> bool:
        """A Chinese clause commits when a verb of service has a committing word before it
        (会, 马上, 帮您, 我...), when the agent speaks in the future (我们会...), or when a
        committing word precedes a benefactive or a refund (明天会给您..., 款项会退回)."""
        if any(h.mask & NEG_COMMIT for h in hits):
            return True
        agent = committed = False
        for hit in hits:
            if hit.mask & FUTURE and agent and text[hit.end : end].strip():
                return True
            if committed and hit.mask & (BENEFACTIVE | COMPENSATION):
                return True
            if hit.mask & AGENT:
                agent = True
            if hit.mask & (FUTURE | TRY | GUARANTEE | DEADLINE) or (
                hit.mask & COMMIT and not hit.mask & BENEFACTIVE
            ):
                committed = True
        trigger = False
        for hit in hits:
            if hit.mask & ACTION and text[hit.end : hit.end + 1] == "了" and not trigger:
                continue  # 我给您登记了: reported as done
            if hit.mask & ACTION:
                if trigger or hit.mask & (COMMIT | TRY):
                    return True
                # a benefactive right after the verb (赔给您, 退返畀你)
                later = [h for h in hits if h.start >= hit.end]
                if later and later[0].start == hit.end and later[0].mask & COMMIT:
                    return True
            if hit.mask & (COMMIT | TRY | AGENT | GUARANTEE | DEADLINE | PRECURSOR):
                trigger = True
            if hit.mask & DONE:
                trigger = False
        return False

    def _commits_en(self, text: str, hits: list[Hit]) -> bool:
        if any(h.mask & NEG_COMMIT for h in hits):
            return True
        for k, hit in enumerate(hits):
            if not hit.mask & (COMMIT | TRY | PRECURSOR):
                continue
            following = hits[k + 1 :]
            if (
                following
                and following[0].mask & (IN_CALL | INQUIRY)
                and not following[0].mask & ACTION
            ):
                return False
            if hit.mask & PRECURSOR and not hit.mask & (COMMIT | TRY):
                if any(h.mask & ACTION for h in following):
                    return True
                continue
            rest = text[hit.end :].lstrip()
            if not rest:
                continue
            if rest.startswith("be ") or rest == "be":
                if any(h.mask & (ACTION | GUARANTEE) for h in hits):
                    return True
                continue
            return True
        return False

    # ------------------------------------------------------------------- main

    def run(self, text: str) -> tuple[list[_Found], list[tuple[int, int]]]:
        hits = self.matcher.scan(text)
        if self._is_backchannel(text, hits):
            stripped = text.strip(_BACKCHANNEL_PUNCT)
            start = text.find(stripped) if stripped else 0
            return [_Found(MoveKind.BACKCHANNEL, start, start + len(stripped))], []
        seg = segment(text, self.lang, [h.start for h in hits if h.mask & CONJ])
        clauses, sentences = seg.clauses, seg.sentences
        if not clauses:
            return [], []
        quotes = seg.quotes
        per_clause: list[list[Hit]] = [[] for _ in clauses]
        ci = 0
        for hit in hits:
            if quotes and any(s <= hit.start < e for s, e in quotes):
                continue
            while ci < len(clauses) and clauses[ci].end <= hit.start:
                ci += 1
            if ci == len(clauses):
                break
            if hit.start >= clauses[ci].start:
                per_clause[ci].append(hit)
        masks = [0] * len(clauses)
        for k, clause_hits in enumerate(per_clause):
            m = 0
            for hit in clause_hits:
                m |= hit.mask
            masks[k] = m
        reply_mask = 0
        for m in masks:
            reply_mask |= m
        found: list[_Found] = []
        refusals: list[tuple[int, int]] = []
        sarcastic = bool(reply_mask & SARCASM)
        asking, formed = self._questions(text, clauses, sentences, per_clause, masks, found)
        context = self._summary_context(clauses, sentences, per_clause, masks, quotes, formed)

        verified_at = -1
        if reply_mask & VERIFIED:
            verified_at = min(h.start for h in hits if h.mask & VERIFIED)

        promise_at: list[_Found | None] = [None] * len(clauses)
        flag_only: list[int] = []
        defend_seen = 0
        once: set[MoveKind] = set()
        for k, clause in enumerate(clauses):
            m = masks[k]
            clause_hits = per_clause[k]
            span = (_span_start(text, clause, clause_hits), clause.end)
            in_summary = context[k]
            m_q = k in asking
            if in_summary and MoveKind.SUMMARY not in once:
                once.add(MoveKind.SUMMARY)
                found.append(_Found(MoveKind.SUMMARY, *span))
            if not m:
                continue
            purpose = self._opens_purpose(text, clause, clause_hits)
            if m & CUSTOMER_DO:
                m &= ~DEFEND_BLAME
            # apologies and thanks: each occurrence counts, unless the reply is sarcastic
            if (
                m & (APOLOGY | APOLOGY_SOFT)
                and not sarcastic
                and not self._sour_apology(k, clauses, masks)
            ):
                plain = [h for h in clause_hits if h.mask & APOLOGY]
                counted = plain or [h for h in clause_hits if h.mask & APOLOGY_SOFT]
                for hit in counted:
                    found.append(
                        _Found(MoveKind.APOLOGY, *(span if len(counted) == 1 else hit[:2]))
                    )
            if m & THANKS and not sarcastic and not m & RUDE:
                thanked = [h for h in clause_hits if h.mask & THANKS]
                for hit in thanked:
                    found.append(_Found(MoveKind.THANKS, *(span if len(thanked) == 1 else hit[:2])))
            if m & EMPATHY and MoveKind.EMPATHY not in once:
                once.add(MoveKind.EMPATHY)
                found.append(_Found(MoveKind.EMPATHY, *span))
            if MoveKind.PREFRAME not in once and self._preframes(clause_hits, m):
                once.add(MoveKind.PREFRAME)
                found.append(_Found(MoveKind.PREFRAME, *span))
            if m & DEFEND_ANY and not in_summary and m & DEFEND_ANY & ~defend_seen:
                # one argument a clause; a kind of argument already made is not counted again
                defend_seen |= m & DEFEND_ANY
                found.append(_Found(MoveKind.DEFEND, *span))
            if m & (RUDE | SARCASM):
                found.append(_Found(MoveKind.RUDE, *span))
            premature = verified_at < 0 or clause.start < verified_at
            judged = m & ADMISSION and not m & (CONDITION | DEFEND_ANY)
            if judged and not (in_summary or m_q) and premature:
                if not sarcastic:
                    found.append(_Found(MoveKind.ADMISSION, *span))
                elif not m & (RUDE | SARCASM):
                    found.append(_Found(MoveKind.RUDE, *span))
            # promises
            neg = self._negation_start(clause_hits)
            if neg is not None:
                refusals.append((neg, clause.end))
            elif not (
                m_q
                or in_summary
                or purpose
                or m & NO_PROMISE
                or self._preframes(clause_hits, m)
                or self._continues_step(text, k, clauses, per_clause, masks)
            ):
                if self._clause_commits(text, clause, clause_hits, m, k, clauses, promise_at):
                    promise = _Found(MoveKind.PROMISE, *span)
                    self._set_flags(text, promise, clause_hits)
                    promise_at[k] = promise
                    found.append(promise)
                elif m & FLAGS and not m & NOT_FLAG_ONLY:
                    flag_only.append(k)
            if (
                m & GRIEVANCE
                and MoveKind.SUMMARY not in once
                and not m_q
                and promise_at[k] is None
                and not m & (ADMISSION | DEFEND_ANY | CONDITION)
                and not (k and clauses[k - 1].sentence == clause.sentence
                         and masks[k - 1] & (ADMISSION | DEFEND_ANY))
            ):  # fmt: skip
                once.add(MoveKind.SUMMARY)
                found.append(_Found(MoveKind.SUMMARY, *span))
        self._attach_flags(text, flag_only, clauses, sentences, per_clause, promise_at)
        found.sort(key=lambda f: (f.start, f.end))
        return found, refusals

    # ------------------------------------------------------------ clause rules

    def _clause_commits(
        self,
        text: str,
        clause: Clause,
        hits: list[Hit],
        mask: int,
        k: int,
        clauses: list[Clause],
        promise_at: list[_Found | None],
    ) -> bool:
        if self.lang == "zh":
            done = self._reported_done(text, clause, hits)
            return not done and self._commits_zh(text, clause.end, hits)
        if self._commits_en(text[clause.start : clause.end], self._shift(hits, clause.start)):
            return True
        # "I'll chase it up and ring you back": the verb after "and" shares the commitment
        prev = promise_at[k - 1] if k else None
        head = _head(text, clause, hits)
        return bool(
            prev is not None
            and clauses[k - 1].sentence == clause.sentence
            and head is not None
            and head.mask & ACTION
        )

    @staticmethod
    def _reported_done(text: str, clause: Clause, hits: list[Hit]) -> bool:
        """已经/已 or a clause-final 了 report what was done, unless a 会/将 follows (已经收的费用
        也会退还)."""
        done_at = next((h.start for h in hits if h.mask & DONE), None)
        end = clause.end
        while end > clause.start and text[end - 1] in "啊呀喔哦啦":
            end -= 1
        if done_at is None and text[end - 1 : end] == "了":
            done_at = clause.start
        if done_at is None:
            return False
        return not any(h.mask & (FUTURE | NEG_COMMIT) and h.start > done_at for h in hits)

    def _opens_purpose(self, text: str, clause: Clause, hits: list[Hit]) -> bool:
        """A clause that opens with 为了 / so that / to ...: an intention, not a commitment."""
        head = _head(text, clause, hits)
        if head is not None and head.mask & PURPOSE:
            return True
        return self.lang == "en" and text.startswith("to ", clause.start)

    @staticmethod
    def _shift(hits: list[Hit], offset: int) -> list[Hit]:
        return [h._replace(start=h.start - offset, end=h.end - offset) for h in hits]

    def _preframes(self, hits: list[Hit], mask: int) -> bool:
        """Announces questions, or an in-call step: an opener (我先, let me, I'm going to) before
        a look-up verb (查, check). 我会确认 is a commitment for after the call, not a step."""
        if mask & PREFRAME:
            return True
        opener = self.step_opener
        if not mask & INQUIRY or not mask & opener:
            return False
        opened = False
        for hit in hits:
            if hit.mask & opener:
                opened = True
            elif hit.mask & INQUIRY and opened:
                return True
        return False

    def _continues_step(
        self,
        text: str,
        k: int,
        clauses: list[Clause],
        per_clause: list[list[Hit]],
        masks: list[int],
    ) -> bool:
        """我先跟您说一下流程，然后再帮您登记: the "then" step belongs to the announced plan."""
        if not k or clauses[k - 1].sentence != clauses[k].sentence:
            return False
        head = _head(text, clauses[k], per_clause[k])
        return bool(
            head is not None
            and head.mask & CONTINUER
            and self._preframes(per_clause[k - 1], masks[k - 1])
        )

    @staticmethod
    def _sour_apology(k: int, clauses: list[Clause], masks: list[int]) -> bool:
        """A bare "sorry," followed by a jab in the same sentence is sarcasm, not an apology."""
        if masks[k] & ~(APOLOGY | APOLOGY_SOFT | FILLER | BACKCHANNEL):
            return False
        nxt = k + 1
        return (
            nxt < len(clauses)
            and clauses[nxt].sentence == clauses[k].sentence
            and bool(masks[nxt] & RUDE)
        )

    def _set_flags(self, text: str, promise: _Found, hits: list[Hit]) -> None:
        for hit in hits:
            if hit.mask & GUARANTEE:
                promise.guarantee = True
            if hit.mask & COMPENSATION:
                promise.compensation = True
            if hit.mask & DEADLINE:
                hours = self._hours(text, hit)
                if hit.per_unit and hours is None:
                    continue
                promise.deadline = True
                if hours is not None and (promise.hours is None or hours < promise.hours):
                    promise.hours = hours

    def _attach_flags(
        self,
        text: str,
        flag_only: list[int],
        clauses: list[Clause],
        sentences: list[Sentence],
        per_clause: list[list[Hit]],
        promise_at: list[_Found | None],
    ) -> None:
        """Give a bare "明天就到账" / "Definitely not." to the promise it elaborates."""
        for k in flag_only:
            sent = sentences[clauses[k].sentence]
            target: _Found | None = None
            for j in range(k - 1, sent.first - 1, -1):
                target = promise_at[j]
                if target:
                    break
            if target is None:
                for j in range(k + 1, sent.last + 1):
                    target = promise_at[j]
                    if target:
                        break
            if target is None and sent.first == sent.last:
                for j in range(k - 1, -1, -1):
                    target = promise_at[j]
                    if target:
                        break
            if target is not None:
                self._set_flags(text, target, per_clause[k])

    def _summary_context(
        self,
        clauses: list[Clause],
        sentences: list[Sentence],
        per_clause: list[list[Hit]],
        masks: list[int],
        quotes: list[tuple[int, int]],
        formed: set[int],
    ) -> list[bool]:
        """Which clauses restate the customer: from a summary lead-in to the end of its sentence,
        until the agent starts committing in its own voice. A lead-in inside a real question
        (您想要我们怎么处理?) asks rather than restates; a tag check (…对吧?) still restates."""
        context = [False] * len(clauses)
        for sent in sentences:
            active = bool(quotes) and any(
                s <= clauses[sent.first].start < e and e - s > 3 for s, e in quotes
            )
            for k in range(sent.first, sent.last + 1):
                m = masks[k]
                if (
                    active
                    and per_clause[k]
                    and per_clause[k][0].start <= clauses[k].start + 1
                    and (per_clause[k][0].mask & (AGENT | COMMIT) and m & (COMMIT | ACTION))
                ):
                    active = False
                if (
                    m & (SUMMARY | DESIRE)
                    and (k not in formed or m & Q_TAG)
                    and not self._preframes(per_clause[k], m)
                ):
                    active = True
                context[k] = active
        return context

    def _questions(
        self,
        text: str,
        clauses: list[Clause],
        sentences: list[Sentence],
        per_clause: list[list[Hit]],
        masks: list[int],
        found: list[_Found],
    ) -> tuple[set[int], set[int]]:
        """Count questions sentence by sentence.

        Returns the clauses that ask (no commitment or admission is read in them) and
        the clauses with an interrogative form of their own (什么, do you...).
        """
        asking: set[int] = set()
        formed: set[int] = set()
        zh = self.lang == "zh"
        for sent in sentences:
            last = clauses[sent.last]
            tag = False
            for hit in per_clause[sent.last]:
                if hit.mask & Q_TAG and hit.end == last.end:
                    single_word = " " not in text[hit.start : hit.end]
                    tag = not (single_word and not zh and sent.term != "?")
            strong = weak = 0
            forms_at: set[int] = set()
            for k in range(sent.first, sent.last + 1):
                clause = clauses[k]
                if zh:
                    s, w = self._zh_forms(text, clause, per_clause[k], masks[k])
                else:
                    s = self._en_forms(text, clause, sent.term, k == sent.first)
                    w = 0
                if s or (w and sent.term != "."):
                    forms_at.add(k)
                strong += s
                weak += 1 if (w and not s) else 0
            if sent.term == "?":
                count = 1 if tag else max(1, strong + weak)
            elif sent.term == "":
                count = 1 if tag else strong + weak
            else:
                count = strong
            # before a tag check, a question word belongs to the restated content
            formed |= {sent.last} & forms_at if tag else forms_at
            if count:
                asked = [k for k in range(sent.first, sent.last + 1) if k in forms_at]
                asking.update([sent.last] if tag or not asked else asked)
                end = min(sent.end, len(text))
                for _ in range(count):
                    found.append(_Found(MoveKind.QUESTION, clauses[sent.first].start, end))
        return asking, formed


def _head(text: str, clause: Clause, hits: list[Hit]) -> Hit | None:
    """The hit a clause opens with, past conjunctions and particles; None if words come first."""
    pos = clause.start
    for hit in hits:
        if text[pos : hit.start].strip():
            return None
        if not hit.mask & GLUE:
            return hit
        pos = hit.end
    return None


def _span_start(text: str, clause: Clause, hits: list[Hit]) -> int:
    """Where a clause's quotable words begin: after an opening "but" / "但是"."""
    pos = clause.start
    for hit in hits:
        if not hit.mask & CONJ or text[pos : hit.start].strip():
            break
        pos = hit.end
    while pos < clause.end and text[pos].isspace():
        pos += 1
    return pos if pos < clause.end else clause.start


def _to_moves(norm: Normalized, found: list[_Found]) -> tuple[Move, ...]:
    moves: list[Move] = []
    for f in found:
        start, end = norm.to_original(f.start, f.end)
        if start >= end:
            continue
        if f.kind is MoveKind.PROMISE:
            moves.append(
                Move(f.kind, start, end, f.guarantee, f.deadline, f.compensation,
                     f.hours if f.deadline else None)
            )  # fmt: skip
        else:
            moves.append(Move(f.kind, start, end))
    moves.sort(key=lambda m: (m.start, m.end))
    return tuple(moves)


class Analyzer:
    """The reply analyzer, with optional extra lexicon phrases per language and category.

    ``overrides`` = {"zh": {"apology": ["新短语"]}, "en": {...}} adds phrases
    (a rulebook's lexicon section); the built-in lexicons stay as they are.
    """

    def __init__(self, overrides: Mapping[str, Mapping[str, Sequence[str]]] | None = None) -> None:
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

    def analyze(self, text: str, lang: Lang | None = None) -> Analysis:
        """The moves of one reply; ``lang`` None detects it. Never raises on a str."""
        if not isinstance(text, str):
            raise TypeError(f"analyze expects a str, got {type(text).__name__}")
        if lang is None:
            lang = detect_lang(text)
        elif lang not in self._grammars:
            raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGS)}")
        norm = normalize(text)
        found, refused = self._grammars[lang].run(norm.text)
        refusals = tuple(Span(*norm.to_original(s, e)) for s, e in refused)
        return Analysis(text=text, lang=lang, moves=_to_moves(norm, found), refusals=refusals)


@cache
def default_analyzer() -> Analyzer:
    """The shared analyzer with the built-in lexicons (built on first use)."""
    return Analyzer()


def analyze(text: str, lang: Lang | None = None) -> Analysis:
    """The moves of one reply with the built-in lexicons; ``lang`` None detects it."""
    return default_analyzer().analyze(text, lang)
