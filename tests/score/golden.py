"""Golden files that pin what judging and scoring produce, so speed work cannot change a byte.

The corpus is built once from the dev-set replies and committed; the analyzer's
reading of every reply is committed beside it, so the golden output depends on
the judge, the scorer and the renderer only (the analyzer and its lexicons
change under other work). Regenerate, only when a change of behaviour is
intended, with ``.venv/bin/python tests/score/golden.py`` and review the diff.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import chdir
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from hotseat.conversation import OUTCOMES, Call, Finding, Reply
from hotseat.language import Analyzer, detect_lang
from hotseat.moves import Analysis, Lang, Move, MoveKind, Span
from hotseat.rules import Judge, Rulebook, score
from hotseat.scenario.model import Element, Policy

HERE = Path(__file__).resolve().parent / "golden"
DEV = Path(__file__).resolve().parents[1] / "data"
CORPUS = HERE / "corpus.jsonl"
ANALYSES = HERE / "analyses.jsonl"
SCORED = HERE / "score.jsonl"
SUMMARY = HERE / "score.summary.json"
JUDGED = HERE / "judged.jsonl"

# Call lengths (agent replies) of the two passes over the dev replies: the first keeps file
# order, the second interleaves replies from across the file so every reply meets new history.
FIRST_PASS = (1, 2, 3, 4, 5, 6, 7)
SECOND_PASS = (3, 5, 8, 2, 6, 4)
STRIDE = 37  # coprime with the dev sets' sizes: a permutation, not a cycle of a few replies

POLICIES = (
    Policy(),
    Policy(response_hours=48, compensation="never"),
    Policy(response_hours=2, compensation="allowed"),
    Policy(response_hours=24, escalate=True),
)
ELEMENTS = tuple(Element)
# Variants of the rulebook the scenario-path golden is judged under (ET001 reads ET002's state).
RULEBOOKS = {"default": (), "no-ET002": ("ET002",), "no-AP": ("AP",)}


def dev_pairs(lang: Lang) -> list[tuple[str, str]]:
    with (DEV / f"dev_{lang}.jsonl").open(encoding="utf-8") as handle:
        return [((row.get("context") or ""), row["text"]) for row in map(json.loads, handle)]


def _calls(pairs: list[tuple[str, str]], lengths: tuple[int, ...], customers: bool) -> Iterator:
    i = k = 0
    while i < len(pairs):
        n = lengths[k % len(lengths)]
        turns = []
        for j, (customer, agent) in enumerate(pairs[i : i + n]):
            if customer and (customers or j % 2 == 0):
                turns.append({"speaker": "customer", "text": customer})
            turns.append({"speaker": "agent", "text": agent})
        yield turns
        i, k = i + n, k + 1


def build_corpus() -> list[str]:
    """The corpus's lines: both passes in both languages, a silent reply, and two bad records."""
    rows: list[dict[str, object]] = []
    for lang in ("zh", "en"):
        pairs = dev_pairs(lang)
        mixed = [pairs[i * STRIDE % len(pairs)] for i in range(len(pairs))]
        passes = (_calls(pairs, FIRST_PASS, True), _calls(mixed, SECOND_PASS, False))
        for p, calls in enumerate(passes):
            rows += [{"id": f"{lang}-{p}-{n:03d}", "turns": t} for n, t in enumerate(calls)]
    rows.append(
        {
            "id": "silent",
            "turns": [
                {"speaker": "customer", "text": "喂？有人吗？"},
                {"speaker": "agent", "text": ""},
                {"speaker": "agent", "text": "不好意思，请问您的手机号是多少？"},
            ],
        }
    )
    rows.append({"id": "customer-only", "turns": [{"speaker": "customer", "text": "Hello?"}]})
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    lines.insert(len(lines) // 2, '{"id": "broken", "turns": [')
    return lines


def agent_texts(lines: list[str]) -> Iterator[tuple[Lang, str]]:
    """(language, text) of every agent reply, the language as `hotseat score --lang auto` sees."""
    for line in lines:
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        texts = [t["text"] for t in row["turns"] if t["speaker"] == "agent"]
        if any(text.strip() for text in texts):
            lang = detect_lang(" ".join(texts))
            yield from ((lang, text) for text in texts)


def dump_analysis(a: Analysis) -> str:
    moves = [
        [m.kind.value, m.start, m.end, m.guarantee, m.deadline, m.compensation, m.hours]
        for m in a.moves
    ]
    refusals = [[s.start, s.end] for s in a.refusals]
    row = {"lang": a.lang, "text": a.text, "moves": moves, "refusals": refusals}
    return json.dumps(row, ensure_ascii=False)


def load_analyses() -> dict[tuple[str, str], Analysis]:
    pinned: dict[tuple[str, str], Analysis] = {}
    with ANALYSES.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            moves = tuple(
                Move(MoveKind(k), s, e, g, d, c, h) for k, s, e, g, d, c, h in row["moves"]
            )
            refusals = tuple(Span(s, e) for s, e in row["refusals"])
            pinned[row["lang"], row["text"]] = Analysis(row["text"], row["lang"], moves, refusals)
    return pinned


class PinnedAnalyzer:
    """Stands in for the analyzer: the committed reading of each corpus reply, nothing else."""

    table: ClassVar[dict[tuple[str, str], Analysis]] = {}

    def __init__(self, overrides: object = None) -> None:
        self.overrides = overrides

    def analyze(self, text: str, lang: Lang) -> Analysis:
        found = self.table.get((lang, text))
        if found is None:
            raise AssertionError(f"no pinned analysis for {lang} {text!r}; regenerate the golden")
        return found

    def analyze_many(
        self, texts: list[str], langs: list[Lang], contexts: object = None
    ) -> list[Analysis]:
        """The batch form bulk scoring calls; the pinned readings ignore the customer's line."""
        return [self.analyze(text, lang) for text, lang in zip(texts, langs, strict=True)]


def scenario_calls(
    analyses: dict[tuple[str, str], Analysis], every: int
) -> Iterator[tuple[str, Call]]:
    """Every ``every``-th corpus call as a scenario would build it: a policy, venting, facts
    asked, elements captured and every outcome, varied call by call so each rule meets each
    case."""
    for n, line in enumerate(CORPUS.read_text(encoding="utf-8").splitlines()):
        if n % every:
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        texts = [t["text"] for t in row["turns"] if t["speaker"] == "agent"]
        if not any(text.strip() for text in texts):
            continue
        lang = detect_lang(" ".join(texts))
        vent = n % 3
        replies = tuple(
            Reply(
                i + 1,
                text,
                analyses[lang, text],
                venting=i < vent,
                asked=frozenset({"phone"}) if (n + i) % 4 == 3 else frozenset(),
                customer_before=f"line {i}",
            )
            for i, text in enumerate(texts)
        )
        outcome = OUTCOMES[n % len(OUTCOMES)]
        yield (
            str(row["id"]),
            Call(
                lang,
                replies,
                POLICIES[n % len(POLICIES)],
                ELEMENTS,
                frozenset(ELEMENTS[: n % 5]),
                outcome,
                close_turn=max(1, len(replies) - n % 2) if outcome == "resolved" else None,
            ),
        )


def brief(f: Finding) -> list[object]:
    return [f.code, f.severity, f.turn, f.start, f.end, f.message]


def judged_lines(analyses: dict[tuple[str, str], Analysis]) -> list[str]:
    """Each scenario call judged live (reply by reply, then the close) and scored, in full."""
    lines: list[str] = []
    for variant, ignore in RULEBOOKS.items():
        book = Rulebook.default().configured(ignore=ignore)
        judge = Judge(book)
        for call_id, call in scenario_calls(analyses, every=1 if variant == "default" else 5):
            found: list[Finding] = []
            for i in range(1, len(call.replies) + 1):
                found += judge.reply(replace(call, replies=call.replies[:i], outcome=None))
            found += judge.close(call)
            scores = score(call, found, book)
            row = {
                "rulebook": variant,
                "id": call_id,
                # tips and quotes are worded as in score.jsonl; the message carries the values
                "findings": [
                    [f.code, f.severity, f.turn, f.start, f.end, f.message] for f in found
                ],
                "replay": judge.replay(call) == found,
                "scores": scores.to_json(),
                "lines": [[ln.area, ln.points, ln.reason, ln.code, ln.turn] for ln in scores.lines],
            }
            lines.append(json.dumps(row, ensure_ascii=False))
    return lines


def regenerate() -> None:
    """Write every golden file from the code as it is now."""
    from click.testing import CliRunner

    from hotseat import bulk
    from hotseat.cli import main

    HERE.mkdir(exist_ok=True)
    corpus = build_corpus()
    CORPUS.write_text("\n".join(corpus) + "\n", encoding="utf-8")
    analyzer = Analyzer()
    seen = dict.fromkeys(agent_texts(corpus))
    analyses = {key: analyzer.analyze(key[1], key[0]) for key in seen}
    ANALYSES.write_text(
        "".join(dump_analysis(a) + "\n" for a in analyses.values()), encoding="utf-8"
    )
    PinnedAnalyzer.table = load_analyses()
    real = bulk.Analyzer
    setattr(bulk, "Analyzer", PinnedAnalyzer)  # noqa: B010 - the analyzer pinned, then restored
    try:
        with chdir(HERE):  # sources read "corpus.jsonl:N" wherever the repository is
            result = CliRunner().invoke(main, ["score", "--jobs", "1", CORPUS.name])
    finally:
        setattr(bulk, "Analyzer", real)  # noqa: B010
    SCORED.write_text(result.stdout, encoding="utf-8")
    SUMMARY.write_text(result.stderr, encoding="utf-8")
    JUDGED.write_text("\n".join(judged_lines(PinnedAnalyzer.table)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    regenerate()
