"""Load the per-language lexicon files that hold every phrase the analyzer knows.

Phrases live in data (``data/zh.yaml``, ``data/en.yaml``) so trainers can
extend them without touching code; the grammar in ``analyzer`` only knows the
category names below. Each phrase is normalized on load, so the files may be
written in Simplified, Traditional, full-width or mixed case.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from hotseat.datafiles import load_data
from hotseat.language.normalize import normalize
from hotseat.moves import LANGS, Lang

# Every category the grammar reads, with the reason it exists.
CATEGORIES: dict[str, str] = {
    "apology": "an apology phrase; each occurrence is one apology",
    "apology_soft": "a formula that apologizes only when no plain apology shares its clause",
    "apology_mention": "names an apology without making one (a manager will call to apologize)",
    "empathy": "acknowledges the customer's feelings or situation",
    "thanks": "thanks the customer; each occurrence counts",
    "summary": "a lead-in that restates or confirms what the customer said",
    "grievance": "the customer's complaint in their own terms; restating it is a summary",
    "desire": "the customer's wish (you'd like...): restated, never committed to",
    "preframe": "announces the questions or steps that follow",
    "precursor": "opens an in-call step (let me, 我先); with an inquiry verb it is a preframe",
    "inquiry": "an in-call look-up (check, 查): a step in this call, not a commitment",
    "defend": "denies the problem or insists the company got it right",
    "defend_blame": "puts the fault on the customer",
    "defend_policy": "hides behind a rule or policy",
    "defend_contract": "points at the contract or what the customer was told",
    "defend_alt": "offers another explanation to dismiss the complaint",
    "rude": "impolite, commanding, dismissive or questioning the customer's motives",
    "sarcasm": "mockery: rude, and it turns apologies, thanks and admissions sour",
    "admission": "admits fault or passes judgement before anything is verified",
    "ours": "names our own side as the subject of a fault (是我们门店…, 是我们这边…)",
    "fault": "a fault word (问题, 错, 疏忽): after our side, an admission",
    "verified": "the agent says it has checked; fault stated afterwards is not premature",
    "backchannel": "a listening token; a reply made only of these is a backchannel",
    "continuer": "invites the customer to go on (然后呢, and then?)",
    "filler": "politeness or particles that do not change a backchannel",
    "q_tag": "a tag check that turns a statement into a question (对吧, is that right)",
    "q_word": "an interrogative word or A-not-A form (什么, 有没有)",
    "q_lead": "opens a question wherever it stands (请问)",
    "indirect": "embeds a question word in a statement (弄清楚是谁)",
    "agent": "the agent or the company as subject",
    "commit": "a modal or adverb that commits to the future (会, 马上, will)",
    "future": "a future modal (会, 将): after 已经 it turns a report back into a commitment",
    "benefactive": "for the customer's benefit (给您, 帮您): with a committing word, a promise",
    "action": "something the company can do for the customer after or beyond the call",
    "try": "a hedge that still commits (尽量, I'll try): a promise without guarantee",
    "hedge": "speculation that commits to nothing (也许, maybe, should)",
    "negator": "negates a commitment that follows in its clause (不能, can't)",
    "commit_verb": "the verb of promising itself (保证, promise)",
    "refusal": "a commitment declined in one word (承诺不了, 退不了)",
    "neg_commit": "a commitment phrased negatively (不会再出现, won't happen again)",
    "done": "already done, so reported rather than promised (已经, I've)",
    "purpose": "opens a purpose clause (为了, so that): intentions, not commitments",
    "condition": "opens a condition (如果, if): what follows is supposed, not admitted",
    "generic": "speaks of such things in general (这种事, this kind of): restates no one",
    "habitual": "how things usually go (一般, usually): a description, not a commitment",
    "customer_do": "something the customer can do themselves (您可以, you can)",
    "in_call": "after will/let me: a step within this call (need to, ask you)",
    "guarantee": "absolute certainty on a promise",
    "deadline": "a time a promise names",
    "compensation": "money back or compensation",
    "conj": "a conjunction that starts a new clause (但是, but, and)",
    "contrast": "turns to the agent's own view (但是, but): a restatement ends there",
    "neutral": "blocks a shorter entry inside a longer word (会员 is not 会)",
    "prohibit": "a prohibition (别, 不要, don't, stop): at a clause's head, an order",
    "conduct": "the customer's conduct on the call (吵, 打断, that tone): what an order forbids",
    "motive": "imputes a motive to the customer (趁机, 冲着, trying to get): rude with a gain",
    "gain": "what an imputed motive is after (钱, 赔偿, free, payout)",
    "elsewhere": "someone else the customer is sent to (别的部门, someone else): a brush-off",
    "feel": "a feeling word (着急, 委屈, frustrated, livid): empathy after a feeling frame",
    "feel_frame": "opens a shared or imagined feeling (换谁都, 我也, I'd be, that sounds)",
    "perceive": "how a situation strikes one (让人觉得, feels): a jab word after it judges it",
    "eval_frame": "judges a situation (让人, that's, what a): with a feeling word, empathy",
    "rebut": "turns to contradict the customer (其实, actually)",
    "record": "a record held up as evidence (系统显示, records show)",
    "per": "puts what follows under a rule (按照, under, in line with)",
    "you_cond": "supposes the customer had acted otherwise (if you'd, 要是您早)",
    "counterfactual": "what would not have happened (wouldn't have, 就不会)",
    "unrelated": "disowns a link (没关系, 无关): after 跟/和 + someone, a denial",
    "others": "other customers or people (其他, 别人): 'others never complained' defends",
    "emphatic": "an emphatic auxiliary (did, does): mid-statement it insists against the customer",
    "outcome": "what the customer will see or get (you'll see): with money or a time, a promise",
    "yours": "the customer's own things (您家, 您手机, your walls, your router)",
    "cause": "names a cause (问题, 太旧, probably): with the customer's things, blame",
    "hang_up": "ending the call (hang up, 挂电话): the agent's threat when the agent says it",
    "verdict": "a verdict adverb (明显, 显然, clearly, obviously): with a fault word, a judgement",
    "disown": "says the matter is not ours (不归我们管, not our department): sets up a brush-off",
    "noted": "closes a read-back (这些我都记下了, I've noted all that): what came before restates",
    "reflexive": "yourself / 您自己: blame when the customer did the deed, not when sent to do it",
    "notice": "a posted or printed notice (详情页, 门口, the product page, a sign)",
    "stated": "says what a notice holds (写着, 注明, says, printed): with a notice, a term cited",
}

_WORD_LISTS: tuple[str, ...] = ("wh", "wh_aux", "aux", "subject", "lead", "recap")


class LexiconError(ValueError):
    """A lexicon file or override that cannot be used, with the reason."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the analyzer knows about one language, already normalized.

    ``deadline`` maps a fixed time phrase to its hours; ``duration`` maps a
    unit (小时, days) to its hours per unit, for phrases like "within 3 days";
    ``numbers`` spells small numbers out; ``words`` are token sets the English
    question grammar reads.
    """

    lang: Lang
    phrases: Mapping[str, tuple[str, ...]]
    deadline: Mapping[str, float]
    duration: Mapping[str, float]
    numbers: Mapping[str, int]
    words: Mapping[str, frozenset[str]]


def _fold(phrase: object, where: str) -> str:
    if not isinstance(phrase, str) or not phrase.strip():
        raise LexiconError(f"{where}: expected a non-empty string, got {phrase!r}")
    return normalize(phrase.strip()).text


def _phrase_list(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise LexiconError(f"{where}: expected a list of phrases")
    return tuple(_fold(p, where) for p in value)


def _hours_map(value: object, where: str) -> dict[str, float]:
    if not isinstance(value, dict):
        raise LexiconError(f"{where}: expected a mapping of hours to phrases")
    out: dict[str, float] = {}
    for hours, phrases in value.items():
        if not isinstance(hours, int | float) or hours < 0:
            raise LexiconError(f"{where}: {hours!r} is not a number of hours")
        for phrase in _phrase_list(phrases, f"{where}.{hours}"):
            out[phrase] = float(hours)
    return out


def parse_lexicon(raw: object, source: str) -> Lexicon:
    """Validate one lexicon document (already YAML-loaded)."""
    if not isinstance(raw, dict):
        raise LexiconError(f"{source}: expected a mapping at the top level")
    lang = raw.get("lang")
    if lang not in LANGS:
        raise LexiconError(f"{source}: lang must be one of {', '.join(LANGS)}")
    lexicon = raw.get("lexicon")
    if not isinstance(lexicon, dict):
        raise LexiconError(f"{source}: missing the 'lexicon' mapping")
    phrases: dict[str, tuple[str, ...]] = {}
    for name, value in lexicon.items():
        if name not in CATEGORIES:
            raise LexiconError(f"{source}: unknown category {name!r}")
        phrases[name] = _phrase_list(value, f"{source}: lexicon.{name}")
    numbers_raw = raw.get("numbers", {})
    if not isinstance(numbers_raw, dict) or not all(
        isinstance(v, int) for v in numbers_raw.values()
    ):
        raise LexiconError(f"{source}: numbers must map words to integers")
    words_raw = raw.get("words", {})
    if not isinstance(words_raw, dict) or not set(words_raw) <= set(_WORD_LISTS):
        raise LexiconError(f"{source}: words may only hold {', '.join(_WORD_LISTS)}")
    return Lexicon(
        lang=lang,
        phrases=phrases,
        deadline=_hours_map(raw.get("deadline", {}), f"{source}: deadline"),
        duration=_hours_map(raw.get("duration", {}), f"{source}: duration"),
        numbers={_fold(k, f"{source}: numbers"): v for k, v in numbers_raw.items()},
        words={
            name: frozenset(_phrase_list(value, f"{source}: words.{name}"))
            for name, value in words_raw.items()
        },
    )


@cache
def builtin_lexicon(lang: Lang) -> Lexicon:
    """The lexicon shipped with hotseat for one language."""
    path = resources.files("hotseat.language") / "data" / f"{lang}.yaml"
    return parse_lexicon(load_data(path.read_text(encoding="utf-8")), f"{lang}.yaml")


def with_overrides(base: Lexicon, extra: Mapping[str, Sequence[str]]) -> Lexicon:
    """The base lexicon plus extra phrases per category (from a rulebook file)."""
    phrases = dict(base.phrases)
    for name, values in extra.items():
        if name not in CATEGORIES:
            known = ", ".join(sorted(CATEGORIES))
            raise LexiconError(f"unknown lexicon category {name!r} (known: {known})")
        if isinstance(values, str):
            raise LexiconError(f"{name}: expected a list of phrases, not a single string")
        added = _phrase_list(list(values), f"override {base.lang}.{name}")
        phrases[name] = phrases.get(name, ()) + added
    return Lexicon(base.lang, phrases, base.deadline, base.duration, base.numbers, base.words)
