"""What the judge remembers between turns (readings, histories, findings) never changes a verdict.

The judge reads each reply once and sums a call up turn by turn; these tests
judge the same replies in orders and combinations the turn-by-turn path never
sees, and compare with a judge that starts from nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from hotseat.conversation import Call, Finding, Reply
from hotseat.rules import Judge, Rulebook, checks, phrases, score
from hotseat.rules.checks import NO_HISTORY, READERS_KEPT, History, Reader, Reading, reader
from hotseat.rules.judge import FINDINGS_KEPT
from hotseat.rules.phrases import COMPILED_KEPT, Lists, compiled
from hotseat.scenario.model import Policy

from .conftest import EMPATHY, SORRY, SUMMARY, call, prefix, reply

QUESTION = reply("请问您的手机号是多少？", ("question", "请问您的手机号是多少？"))
PREFRAME = reply("为了尽快帮您处理，我需要核实几个信息。", ("preframe", "为了尽快帮您处理"))
APOLOGY = reply("对不起。", SORRY)
VENTING = reply("对不起。", SORRY, venting=True)


def fresh(c: Call) -> list[Finding]:
    """The last reply judged by a judge that has seen nothing before."""
    return Judge().reply(c)


def test_a_reply_judged_without_its_earlier_turns_gets_the_same_findings() -> None:
    c = call(VENTING, APOLOGY, APOLOGY, QUESTION, APOLOGY)
    judge = Judge()
    codes: set[str] = set()
    # the last turn first, then every turn in reverse: no history is ever extended by one
    for n in range(len(c.replies), 0, -1):
        found = judge.reply(prefix(c, n))
        assert found == fresh(prefix(c, n))
        codes.update(f.code for f in found)
    assert {"AP001", "AP003", "EM002", "CT003"} <= codes  # not a vacuous comparison


def test_the_same_reply_object_in_two_calls_is_judged_on_each_calls_history() -> None:
    shared = replace(QUESTION, turn=2)
    framed = Call("zh", (replace(PREFRAME, turn=1), shared))
    unframed = Call("zh", (replace(EMPATHY, turn=1), shared))
    judge = Judge()
    found = judge.reply(framed)
    assert found == fresh(framed) and "CT003" not in {f.code for f in found}
    found = judge.reply(unframed)
    assert found == fresh(unframed) and "CT003" in {f.code for f in found}


def test_equal_replies_that_are_different_objects_are_read_apart() -> None:
    read = Reader(compiled(Rulebook.default().phrases), "zh")
    a, b = replace(QUESTION, turn=1), replace(QUESTION, turn=1)
    assert a == b and a is not b
    assert read.read(a).reply is a and read.read(b).reply is b
    assert read.read(a) is read.read(a)  # read once, however often asked


def test_a_history_is_used_only_for_the_very_same_replies() -> None:
    read = Reader(compiled(Rulebook.default().phrases), "zh")
    last = replace(APOLOGY, turn=3)
    two = (replace(APOLOGY, turn=1), replace(APOLOGY, turn=2), last)
    none = (replace(EMPATHY, turn=1), replace(EMPATHY, turn=2), last)
    assert read.history(two).apologies == 3
    assert read.history(none).apologies == 1  # same last reply, other replies before it
    assert read.history(none).empathy and not read.history(two).empathy


def test_the_readers_tables_stay_bounded() -> None:
    read = Reader(compiled(Rulebook.default().phrases), "zh")
    replies: tuple[Reply, ...] = ()
    for turn in range(1, Reader.LIMIT + 50):
        replies = (*replies[-3:], replace(APOLOGY, turn=turn))
        read.history(replies)
    assert len(read._readings) <= Reader.LIMIT
    assert len(read._histories) <= Reader.LIMIT


def test_judges_and_scores_of_different_rulebooks_do_not_share_words_or_weights() -> None:
    c = call(APOLOGY, APOLOGY, APOLOGY, SUMMARY, outcome="resolved")
    lenient = Rulebook.default().configured(ignore=["AP001"])
    strict, loose = Judge().replay(c), Judge(lenient).replay(c)
    assert "AP001" in {f.code for f in strict} and "AP001" not in {f.code for f in loose}
    assert score(c, strict).overall < score(c, loose, lenient).overall


def test_a_scenario_call_and_a_transcript_share_readings_but_not_rules() -> None:
    refund = reply("我们会把钱退给您。", ("promise", "我们会把钱退给您", {"compensation": True}))
    with_policy = call(refund, policy=Policy(compensation="never"))
    without = replace(with_policy, policy=None)
    judge = Judge()
    found = judge.reply(with_policy)
    assert found == fresh(with_policy) and "PR002" in {f.code for f in found}
    found = judge.reply(without)
    assert found == fresh(without) and "PR002" not in {f.code for f in found}


def test_findings_for_the_same_evidence_are_made_once_and_the_memo_stays_bounded() -> None:
    judge = Judge()
    first = judge.replay(call(APOLOGY, APOLOGY, APOLOGY, outcome="hung_up"))
    again = judge.replay(call(APOLOGY, APOLOGY, APOLOGY, outcome="hung_up"))
    assert first == again and all(a is b for a, b in zip(first, again, strict=True))
    for turn in range(FINDINGS_KEPT + 10):  # each turn number is new evidence
        judge.reply(Call("zh", (replace(APOLOGY, turn=turn), replace(APOLOGY, turn=turn + 1))))
    assert len(judge._findings) <= FINDINGS_KEPT


def test_one_reader_per_phrase_table_and_language() -> None:
    phrases = compiled(Rulebook.default().phrases)
    assert reader(phrases, "zh") is reader(phrases, "zh")
    assert reader(phrases, "zh") is not reader(phrases, "en")


def test_readers_and_matchers_of_many_phrase_tables_stay_bounded() -> None:
    tables: list[Lists] = [
        {"zh": {"motives": (f"为了{i}",)}} for i in range(READERS_KEPT + COMPILED_KEPT)
    ]
    for table in tables:
        found = reader(compiled(table), "zh")
        assert found is reader(compiled(table), "zh")
    assert len(checks._READERS) <= READERS_KEPT
    assert len(phrases._COMPILED) <= COMPILED_KEPT


POOL = (
    APOLOGY,
    VENTING,
    QUESTION,
    PREFRAME,
    EMPATHY,
    SUMMARY,
    reply("嗯。", venting=True),
    reply(
        "您是说扣了两次，对吧？请问是哪天？",
        ("summary", "您是说扣了两次"),
        ("question", "请问是哪天？"),
    ),
    reply(""),
)
SHARED = tuple(replace(r, turn=i % 4 + 1) for i, r in enumerate(POOL))  # reused across calls


@contextmanager
def nothing_remembered() -> Iterator[None]:
    """Every reading and history worked out afresh, as if the reader kept nothing."""

    def read(self: Reader, reply: Reply) -> Reading:
        return Reading(reply, self.phrases, self.lang)

    def history(self: Reader, replies: tuple[Reply, ...]) -> History:
        summed = NO_HISTORY
        for r in replies:
            summed = summed.then(read(self, r))
        return summed

    remembering = Reader.read, Reader.history
    setattr(Reader, "read", read)  # noqa: B010 - a method swapped for the test, then restored
    setattr(Reader, "history", history)  # noqa: B010
    try:
        yield
    finally:
        setattr(Reader, "read", remembering[0])  # noqa: B010
        setattr(Reader, "history", remembering[1])  # noqa: B010


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.integers(0, len(SHARED) - 1), min_size=1, max_size=6), max_size=8))
def test_a_long_lived_judge_agrees_with_one_that_remembers_nothing(calls: list[list[int]]) -> None:
    """Calls share reply objects and come in any order, prefixes and repeats included."""
    judge = Judge()
    for picks in calls:
        c = Call("zh", tuple(SHARED[i] for i in picks), outcome="hung_up")
        found = [judge.reply(prefix(c, n)) for n in range(len(picks), 0, -1)]
        closed = judge.close(c)
        scores = score(c, judge.replay(c))
        with nothing_remembered():
            forgetful = Judge()
            assert found == [forgetful.reply(prefix(c, n)) for n in range(len(picks), 0, -1)]
            assert closed == forgetful.close(c)
            assert scores == score(c, forgetful.replay(c))
