"""Count the questions in a reply by their form, with or without a question mark.

Trainees type fast: "你上次什么时候打的 谁接的" and "when did you last call who
did you speak to" are several questions with no "?" at all, while "请提供订单号"
and "please send me your number" are requests, not questions. So a question
is counted from its form (吗, 对吧, 什么, 有没有; do you..., what did...) and the
sentence's end decides how much a form counts: after "?" every form asks, in
a statement only the unmistakable ones (吗, a tag, "Could you..." at the head)
do, and a restatement ending in a tag check (…对吧? / ..., is that right?) is
one question however many question words the restated content holds.
"""

from __future__ import annotations

from collections.abc import Mapping

from hotseat.language.segment import Clause, Sentence
from hotseat.language.tags import (
    ADMISSION,
    AGENT,
    APOLOGY,
    COMMIT,
    CONDITION,
    CONTINUER,
    CUSTOMER_DO,
    DEADLINE,
    DEFEND,
    DEFEND_ANY,
    DONE,
    EMPATHY,
    FUTURE,
    HEDGE,
    IN_CALL,
    INDIRECT,
    INQUIRY,
    NEGATOR,
    OUTCOME,
    PRECURSOR,
    PREFRAME,
    PURPOSE,
    Q_LEAD,
    Q_TAG,
    Q_WORD,
    RUDE,
    SARCASM,
    SUMMARY,
    THANKS,
    VERIFIED,
)

# Sentence-final particles stripped before looking for 吗/呢 at a clause's end.
_TRAILING_PARTICLES = "啊呀啦喔哦嘛哈吖了"
# 么 ends 什么, 怎么, 这么...: only a bare 么 asks.
_NOT_PARTICLE_MO = ("什", "怎", "这", "那", "多")
# Words that may sit between a wh-word and its auxiliary even in a statement: "how much is".
_WH_MODIFIERS = frozenset({"much", "many", "long", "often", "far", "soon", "old"})
# Auxiliaries that open a question even without a pronoun after them: "is data roaming on".
_BARE_AUX = frozenset({"is", "are", "was", "were", "does", "did"})
_TOKEN_EDGES = "\"'()[]-"
# Words after which a wh-word opens an embedded clause, not a question ("look at how…").
_EMBEDS = frozenset(
    {"at", "into", "about", "see", "check", "know", "explain", "understand", "out", "show",
     "confirm", "sure", "wonder", "tell"}
)  # fmt: skip


# A "so…" statement with one of these is the agent acting, arguing or feeling, not a recap.
_NOT_NARRATING = (
    COMMIT | FUTURE | DEFEND_ANY | RUDE | SARCASM | PREFRAME | PRECURSOR | CUSTOMER_DO | HEDGE
    | APOLOGY | THANKS | EMPATHY | ADMISSION | NEGATOR | DONE | CONDITION | PURPOSE | DEADLINE
    | OUTCOME | VERIFIED
)  # fmt: skip
_YOU_WORDS = frozenset({"you", "your", "you've", "you're", "you'd", "yours"})
_FIRST_PERSON = frozenset({"i", "i'm", "im", "i've", "i'll", "i'd", "we", "we're", "we've", "we'll",
                           "our", "us", "me", "my"})  # fmt: skip


# What may open a read-back before its colon ("Let me double-check:", 我先核对一下：).
_CHECKS = INQUIRY | SUMMARY | PRECURSOR | IN_CALL


def _read_back_from(text: str, clauses: list[Clause], sent: Sentence) -> int:
    """Where the read content starts when the sentence opens with a check and a colon
    ("Let me double-check: you were on…?", 我先核对一下：您原来是…，对吗？); -1 otherwise."""
    opener = clauses[sent.first]
    if sent.first < sent.last and opener.mask & _CHECKS and text.startswith(":", opener.end):
        return sent.first + 1
    return -1


def _acts(clauses: list[Clause], sent: Sentence) -> bool:
    """Whether a sentence does something of its own (commits, argues, feels…): a "so…"
    statement that does is the agent speaking, not a recap of what happened."""
    mask = 0
    for k in range(sent.first, sent.last + 1):
        mask |= clauses[k].mask
    return bool(mask & _NOT_NARRATING)


def _first_person(text: str, clauses: list[Clause], sent: Sentence) -> bool:
    """Whether our side speaks in the sentence (I, we, our): "So I checked…" is no recap."""
    stretch = text[clauses[sent.first].start : clauses[sent.last].end]
    return not _FIRST_PERSON.isdisjoint(w.strip(_TOKEN_EDGES + ",.") for w in stretch.split())


class QuestionCounter:
    """Question forms for one language; English reads token sets from the lexicon."""

    def __init__(self, lang: str, words: Mapping[str, frozenset[str]]) -> None:
        self.zh = lang == "zh"
        self.wh = words.get("wh", frozenset())
        self.wh_aux = words.get("wh_aux", frozenset())
        self.aux = words.get("aux", frozenset())
        self.subject = words.get("subject", frozenset())
        self.lead = words.get("lead", frozenset())
        self.recap = words.get("recap", frozenset())
        # What a statement must open with to ask at all (a wh-word alone states there).
        self.opens = self.wh_aux | self.aux | _BARE_AUX

    # --------------------------------------------------------------- Chinese

    @staticmethod
    def zh_forms(text: str, clause: Clause) -> tuple[int, int]:
        """(strong, weak) forms in a Chinese clause: 吗, a tag or 请问 ask anywhere;
        什么 / 有没有 / a final 呢 only where the sentence does not end in "。"."""
        mask = clause.mask
        if mask & CONTINUER:
            return 0, 0  # 然后呢 invites the customer to go on
        strong = 1 if mask & (Q_TAG | Q_LEAD) else 0
        end = clause.end
        while end > clause.start + 1 and text[end - 1] in _TRAILING_PARTICLES:
            end -= 1
        last = text[end - 1]
        if last == "吗":
            strong = 1
        weak = 0
        if mask & Q_WORD:
            for hit in clause.hits:
                if hit.mask & INDIRECT:
                    break  # 弄清楚是谁开的: the question word is embedded
                if hit.mask & Q_WORD:
                    weak = 1
                    break
        if last in "呢咩" or (last == "么" and text[end - 2 : end - 1] not in _NOT_PARTICLE_MO):
            weak = 1
        return strong, weak

    # --------------------------------------------------------------- English

    def _form_at(self, tokens: list[str], i: int, gap: int) -> int:
        """If an interrogative form starts at token ``i``, the index just past it, else 0.

        Forms: a wh-contraction (what's); a wh-word with an auxiliary at most
        ``gap`` words later (what plan are you...) and no subject before it
        (what you'd like is... states); an auxiliary before a subject (do you, is that).
        """
        tok = tokens[i]
        n = len(tokens)
        if tok in self.wh_aux:
            # "who's fault is that": the inversion after it belongs to the same question
            for k in range(i + 1, min(i + 3, n - 1)):
                if tokens[k] in self.aux and tokens[k + 1] in self.subject:
                    return k + 2
            return i + 1
        if tok in self.wh:
            for k in range(i + 1, min(i + 2 + max(gap, 1), n)):
                word = tokens[k]
                if word in self.subject:
                    return 0
                if word in self.aux:
                    return k + 2 if k + 1 < n and tokens[k + 1] in self.subject else k + 1
                if gap == 0 and word not in _WH_MODIFIERS:
                    return 0
            return 0
        if tok in self.aux and i + 1 < n and tokens[i + 1] in self.subject:
            return i + 2
        return 0

    def en_forms(self, text: str, clause: Clause, term: str, first: bool) -> int:
        """Interrogative forms in an English clause.

        A statement ("." sentence) asks only if its first clause opens with a
        form; a sentence that ends with "?" or runs on unpunctuated counts every
        form in it ("when did you last call who did you speak to...").
        """
        if term == "." and not first:
            return 0
        words = text[clause.start : clause.end]
        raw = words.split(None, 8) if term == "." else words.split()
        tokens = [tok for tok in (t.strip(_TOKEN_EDGES) for t in raw) if tok]
        i = 0
        while i < len(tokens) and tokens[i] in self.lead:
            i += 1
        if i >= len(tokens):
            return 0
        if term == "." and tokens[i] not in self.opens:
            return 0  # "How much can be refunded depends on…" states; a question would ask
        gap = 0 if term == "." else 2
        forms = 0
        past = self._form_at(tokens, i, gap)
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
            if tokens[i] in self.wh and tokens[i - 1] in _EMBEDS:
                i += 1  # "I'll look at how the card was set up": embedded, not asked
                continue
            past = self._form_at(tokens, i, gap)
            if past:
                # "Is it the money, or do you want it fixed?" offers a choice: one question
                forms += 0 if i and tokens[i - 1] == "or" else 1
                i = past
            else:
                i += 1
        return forms

    # ----------------------------------------------------------------- count

    def _tagged(self, text: str, sent: Sentence, last: Clause) -> bool:
        """Whether the sentence ends in a tag check (…对吧 / ..., is that right?)."""
        if not last.mask & Q_TAG:
            return False
        for hit in last.hits:
            if hit.mask & Q_TAG and hit.end == last.end:
                # a lone "right" / "ok" is a tag only when a "?" says so
                return self.zh or sent.term == "?" or " " in text[hit.start : hit.end]
        return False

    def _recaps(self, text: str, clauses: list[Clause], sent: Sentence) -> bool:
        """A "?" with no question form whose clause opens with "so": a restatement being
        checked ("Right, so the alerts stopped in March?")."""
        for k in range(sent.first, sent.last + 1):
            words = text[clauses[k].start : clauses[k].end].split(None, 1)
            if words and words[0] in self.recap:
                return True
        return False

    def _checks_back(
        self, text: str, clauses: list[Clause], sent: Sentence, tag: bool, forms_at: list[int]
    ) -> bool:
        """A statement checked with a tag ("…, is that right?", …，对吗？) or read back
        after a check and a colon restates the customer: no question form, no act of
        the agent's own, no first person in the checked content."""
        first = _read_back_from(text, clauses, sent)
        read_back = first >= 0 and sent.term == "?"
        if not read_back and not tag:
            return False
        first = first if read_back else sent.first
        last = sent.last - 1 if tag else sent.last
        if last < first:
            return False
        if any(first <= k <= last for k in forms_at) and not (
            tag and self.recap and self._recaps(text, clauses, sent)
        ):
            return False  # a question of its own, unless "so…" restates ("So the problem is…")
        mask = 0
        for k in range(first, last + 1):
            mask |= clauses[k].mask
        # what is read back may hold the customer's claim ("it was sent…"): not an argument,
        # nor a commitment by date: "it went out last Wednesday, right?"
        narrating = _NOT_NARRATING & ~(DEFEND_ANY | DEADLINE | DONE if read_back else DEADLINE)
        if mask & narrating & DEFEND and self._names_customer(text, clauses[first], clauses[last]):
            narrating &= ~DEFEND  # 您的包裹显示签收了但您没收到，对吧？ restates their claim
        if mask & narrating:
            return False
        if self.zh:
            return not mask & AGENT
        body = Sentence(clauses[last].end, sent.term, first, last)
        return not _first_person(text, clauses, body)

    def _names_customer(self, text: str, first: Clause, last: Clause) -> bool:
        """Whether the customer is named in a stretch (您, 你, you, your)."""
        stretch = text[first.start : last.end]
        if self.zh:
            return "您" in stretch or "你" in stretch
        return not _YOU_WORDS.isdisjoint(w.strip(_TOKEN_EDGES + ",.") for w in stretch.split())

    def count(
        self, text: str, clauses: list[Clause], sentences: list[Sentence]
    ) -> tuple[list[tuple[int, int]], set[int], set[int], set[int]]:
        """The question spans (one per question), the clauses that ask (nothing in them
        is committed or admitted), the clauses with an interrogative form of their own,
        and the sentences that restate the customer after "so" ("So you were charged
        twice?", "OK, so the card was declined twice at the till.")."""
        spans: list[tuple[int, int]] = []
        asking: set[int] = set()
        formed: set[int] = set()
        recaps: set[int] = set()
        for index, sent in enumerate(sentences):
            tag = self._tagged(text, sent, clauses[sent.last])
            strong = weak = 0
            forms_at: list[int] = []
            statement = sent.term == "."
            for k in range(sent.first, sent.last + 1):
                clause = clauses[k]
                if (
                    clause.mask & Q_LEAD
                    and k < sent.last
                    and sent.term == "?"
                    and text.startswith(":", clause.end)
                ):
                    continue  # 先请问您：卡片是在哪家分行办的？ asks once, after the colon
                if self.zh:
                    if (
                        statement
                        and not clause.mask & (Q_TAG | Q_LEAD)
                        and "吗" not in text[clause.start : clause.end]
                    ):
                        continue  # a statement asks only with 吗, a tag or 请问
                    s, w = self.zh_forms(text, clause)
                elif statement and k != sent.first:
                    break  # a statement asks only if it opens with a question form
                else:
                    s, w = self.en_forms(text, clause, sent.term, k == sent.first), 0
                if s or (w and sent.term != "."):
                    forms_at.append(k)
                strong += s
                weak += 1 if (w and not s) else 0
            if sent.term == "?":
                count = 1 if tag else max(1, strong + weak)
            elif sent.term == "":
                count = 1 if tag else strong + weak
            else:
                count = strong
            statement = sent.term != "?"
            if (
                not forms_at
                and self.recap
                and not (statement and _acts(clauses, sent))
                and self._recaps(text, clauses, sent)
                and not (statement and _first_person(text, clauses, sent))
            ):
                recaps.add(index)  # "So the alerts stopped in March?" / "OK, so the card was…"
            elif (tag or sent.term == "?") and self._checks_back(
                text, clauses, sent, tag, forms_at
            ):
                recaps.add(index)  # "You were charged twice, is that right?"
            if tag:
                # before a tag check, question words belong to the restated content
                formed.update(k for k in forms_at if k == sent.last)
            else:
                formed.update(forms_at)
            if count:
                asking.update([sent.last] if tag or not forms_at else forms_at)
                span = (clauses[sent.first].start, min(sent.end, len(text)))
                spans.extend([span] * count)
        return spans, asking, formed, recaps
