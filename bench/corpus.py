"""A deterministic synthetic call corpus for the bulk-scoring benchmarks, built from real replies.

The dev sets pair an angry customer's line with an agent's reply; cycling them
into calls gives realistic text (both languages, Traditional, typos, long and
short replies) at any size without a random generator, so every run measures
the same input.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
LANGS = ("zh", "en")


def dev_pairs(lang: str) -> list[tuple[str, str]]:
    """(customer line, agent reply) pairs of one language's dev set, in file order."""
    pairs = []
    with (DATA / f"dev_{lang}.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            pairs.append((row.get("context") or "", row["text"]))
    return pairs


# Appended to every agent reply when replies must not repeat (a ticket number, as agents read out).
_REFERENCE = {"zh": "（工单号{n}）", "en": " (ticket {n})"}


def calls(count: int | None = None, *, unique: bool = False) -> Iterator[dict[str, object]]:
    """Calls alternating zh and en, 2 to 6 agent replies each; endless when ``count`` is None.

    Cycling a few hundred dev replies repeats each one many times, as scripted
    lines repeat in real traffic; ``unique`` gives every reply its own ticket
    number so that no two are alike (the worst case for any cache).
    """
    pools = {lang: dev_pairs(lang) for lang in LANGS}
    cursor = dict.fromkeys(LANGS, 0)
    i = 0
    while count is None or i < count:
        lang = LANGS[i % 2]
        pool = pools[lang]
        turns: list[dict[str, str]] = []
        for _ in range(2 + i % 5):
            customer, agent = pool[cursor[lang] % len(pool)]
            if unique:
                agent += _REFERENCE[lang].format(n=cursor[lang])
            cursor[lang] += 1
            if customer:
                turns.append({"speaker": "customer", "text": customer})
            turns.append({"speaker": "agent", "text": agent})
        yield {"id": f"syn-{i:08d}", "turns": turns}
        i += 1


def agent_replies(record: dict[str, object]) -> int:
    turns = record["turns"]
    assert isinstance(turns, list)
    return sum(1 for t in turns if t["speaker"] == "agent")


def write_jsonl(
    path: Path, *, count: int | None = None, min_bytes: int = 0, unique: bool = False
) -> tuple[int, int]:
    """Write calls until ``count`` calls or ``min_bytes`` bytes; gzip when the name ends in .gz.

    Returns (calls, agent replies) written.
    """
    n_calls = n_replies = written = 0
    packed = path.suffix == ".gz"
    with gzip.open(path, "wb", compresslevel=1) if packed else path.open("wb") as out:
        for record in calls(count, unique=unique):
            if count is None and written >= min_bytes:
                break
            line = json.dumps(record, ensure_ascii=False).encode() + b"\n"
            out.write(line)
            written += len(line)
            n_calls += 1
            n_replies += agent_replies(record)
    return n_calls, n_replies
