"""Put a hundred thousand generated replies through the reader, the judge and sessions (opt in).

Run: .venv/bin/python tests/fuzz/run_replies.py [COUNT]

Replies are stitched from lexicon phrases, punctuation, digit runs and odd characters
(seeded, so a failure names the reply number that reproduces it), sometimes repeated;
every tenth call is one of the shapes that once stalled the reader. Each reply is read in
both languages and played in a session that starts afresh every few replies. Prints the
count and any traceback; exits 1 if anything raised.
"""

from __future__ import annotations

import random
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script, outside pytest

from fuzz.shapes import SHAPES, repeated
from fuzz.test_reply_fuzz import ODD, _check_reply, _check_session, _phrases

PUNCTUATION = ["，", "。", "？", ", ", ". ", "? ", " ", "\n", "'", '"', "「"]


def reply(rng: random.Random, number: int) -> str:
    if number % 10 == 9:
        _, unit = rng.choice(list(SHAPES.values()))
        return repeated(unit, rng.randint(100, 5000))
    pieces = []
    for _ in range(rng.randint(0, 30)):
        roll = rng.random()
        if roll < 0.5:
            pieces.append(rng.choice(_phrases()))
        elif roll < 0.75:
            pieces.append(rng.choice(PUNCTUATION + ODD))
        elif roll < 0.85:
            pieces.append(str(rng.randint(0, 10 ** rng.randint(1, 30))))
        else:
            pieces.append("".join(chr(rng.randint(0, 0x10FFFF)) for _ in range(rng.randint(1, 4))))
    text = "".join(pieces)
    return text * rng.randint(2, 20) if text and rng.random() < 0.2 else text


def main(count: int) -> int:
    rng = random.Random(15)
    failed = 0
    started = time.process_time()
    batch: list[str] = []
    for number in range(count):
        text = reply(rng, number)
        batch.append(text)
        try:
            _check_reply(text)
            if len(batch) == 8:
                _check_session(batch, "zh" if number % 16 < 8 else "en")
                batch = []
        except Exception:  # the run reports every failure with its reply number, and goes on
            failed += 1
            batch = []
            print(f"reply {number}: {text[:200]!r}\n{traceback.format_exc()}", file=sys.stderr)
    seconds = time.process_time() - started
    print(
        f"{count} replies (each read in zh, en and auto, and played in a session): "
        f"{failed} raised ({seconds:.0f} s CPU)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000))
