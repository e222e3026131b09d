"""The labeled corpus the learned reader trains on, gathered from where the labels live.

Real helpdesk turns may not be copied into the repo (their licence), so their labels
sit in ``corpus/pool`` with the turn's id and a hash of its text, and the text is
joined back from ``shared/realdata/pool`` at train time; a hash that no longer
matches drops the label rather than train on a turn someone relabeled in place.
Replies the labelers wrote themselves (``corpus/written``) and the repo's older
labeled sets carry their text. Everything is read in a fixed order, so one corpus
gives one training set.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from hotseat.language.normalize import normalize
from hotseat.language.scoring import FLAG_NAMES, Labeled, LabelError, load_labeled
from hotseat.moves import MOVE_NAMES, Lang

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO / "corpus"
TEST_DATA = REPO / "tests" / "data"
# Never trained on: the honest held-out batch the README quotes, and the shared dev set.
HELD_OUT_SETS = ("fresh7_", "dev_")
# Never opened except to collect what must be left out of training (see ``blind_marks``).
BLIND_DIRS = (REPO / "tests" / "data" / "blind", REPO / "tests" / "calibration")


def shared_dir() -> Path | None:
    """The shared folder: beside the repo (a CI clone, the main checkout) or /work/shared."""
    for candidate in (REPO.parent / "shared", Path("/work/shared")):
        if (candidate / "realdata" / "pool").is_dir():
            return candidate
    return None


def text_hash(text: str) -> str:
    """The first 12 hex digits of the SHA-1 of the text as UTF-8: how pool labels name it."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def folded_hash(text: str) -> str:
    """A text's hash after folding and squeezing spaces, so a copy differing only in script,
    width or spacing counts as the same text."""
    folded = " ".join(normalize(text).text.split())
    return hashlib.sha1(folded.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class PoolTurn:
    """One real agent turn as shared/realdata/pool holds it (never written into the repo)."""

    id: str
    lang: Lang
    text: str
    context: str
    dialogue_id: str


def pool_turns(lang: Lang, shared: Path) -> dict[str, PoolTurn]:
    path = shared / "realdata" / "pool" / f"{lang}_agent_turns.jsonl"
    turns: dict[str, PoolTurn] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                raw = json.loads(line)
                turns[raw["id"]] = PoolTurn(
                    raw["id"],
                    lang,
                    raw["text"],
                    raw.get("prev_customer") or "",
                    str(raw.get("dialogue_id", "")),
                )
    return turns


def _label_fields(raw: object, where: str) -> tuple[dict[str, int], frozenset[str]]:
    if not isinstance(raw, dict):
        raise LabelError(f"{where}: expected a JSON object")
    moves = raw.get("moves", {})
    if not isinstance(moves, dict) or not set(moves) <= MOVE_NAMES:
        raise LabelError(f"{where}: moves must map move names to counts")
    if not all(isinstance(n, int) and n >= 0 for n in moves.values()):
        raise LabelError(f"{where}: move counts must be whole numbers")
    flags = raw.get("promise_flags", [])
    if not isinstance(flags, list) or not set(flags) <= set(FLAG_NAMES):
        raise LabelError(f"{where}: promise_flags must be a list of {', '.join(FLAG_NAMES)}")
    return {k: v for k, v in moves.items() if v}, frozenset(flags)


@dataclass(slots=True)
class PoolJoin:
    """Pool labels joined with their text, and what could not be joined."""

    items: list[Labeled]
    missing: list[str]  # ids the pool does not hold
    changed: list[str]  # ids whose text no longer has the labeled hash


def join_pool(path: Path, turns: dict[str, PoolTurn]) -> PoolJoin:
    """The labeled pool turns of one labels file, with text and the customer's line."""
    out = PoolJoin([], [], [])
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise LabelError(f"{where}: not JSON ({exc.msg})") from None
            moves, flags = _label_fields(raw, where)
            turn = turns.get(str(raw.get("id")))
            if turn is None:
                out.missing.append(str(raw.get("id")))
            elif raw.get("sha1") != text_hash(turn.text):
                out.changed.append(turn.id)
            else:
                out.items.append(Labeled(turn.id, turn.lang, turn.text, moves, flags, turn.context))
    return out


def corpus_files(lang: Lang, root: Path = CORPUS) -> tuple[list[Path], list[Path]]:
    """(pool label files, written files) of one language, first labelings only, sorted."""
    pool = sorted((root / "pool").glob(f"{lang}_*.jsonl"))
    mine = sorted((root / "written").glob(f"{lang}_*.jsonl"))
    return pool, mine


def repo_sets(lang: Lang) -> list[Path]:
    """The repo's older labeled sets of one language that may be trained on."""
    return [
        p for p in sorted(TEST_DATA.glob(f"*_{lang}.jsonl")) if not p.name.startswith(HELD_OUT_SETS)
    ]


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@dataclass(frozen=True, slots=True)
class BlindMarks:
    """What identifies a blind item, collected without showing it: every string its files
    hold (ids, hashes, dialogue ids) and the folded hash of each."""

    strings: frozenset[str]
    hashes: frozenset[str]

    def covers(self, item: Labeled, dialogue_id: str = "") -> bool:
        return (
            item.id in self.strings
            or (bool(dialogue_id) and dialogue_id in self.strings)
            or text_hash(item.text) in self.strings
            or folded_hash(item.text) in self.hashes
        )


def blind_marks(dirs: Iterable[Path] = BLIND_DIRS) -> BlindMarks:
    """The marks of every blind item, so training can drop a copy of one; nothing is printed
    or kept but the marks."""
    strings: set[str] = set()
    for folder in dirs:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if not path.is_file():
                continue
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                continue
            for line in lines:
                try:
                    strings.update(_strings(json.loads(line)))
                except json.JSONDecodeError:
                    if line.strip():
                        strings.add(line.strip())
    return BlindMarks(frozenset(strings), frozenset(folded_hash(s) for s in strings))


@dataclass(slots=True)
class Corpus:
    """Training items of one language, in a fixed order, and what was left out."""

    lang: Lang
    items: list[Labeled]
    dropped_blind: int = 0
    missing: int = 0
    changed: int = 0


def load_corpus(lang: Lang, shared: Path | None, marks: BlindMarks, root: Path = CORPUS) -> Corpus:
    """Every trainable labeled reply of one language: repo sets, written replies and (when
    the shared folder is there) labeled pool turns; blind copies and duplicates dropped."""
    pool_files, written_files = corpus_files(lang, root)
    out = Corpus(lang, [])
    candidates: list[tuple[Labeled, str]] = []
    for path in repo_sets(lang) + written_files:
        candidates.extend((item, "") for item in load_labeled(path) if item.lang == lang)
    if shared is not None and pool_files:
        turns = pool_turns(lang, shared)
        for path in pool_files:
            joined = join_pool(path, turns)
            out.missing += len(joined.missing)
            out.changed += len(joined.changed)
            candidates.extend((item, turns[item.id].dialogue_id) for item in joined.items)
    seen: set[str] = set()
    for item, dialogue in candidates:
        if marks.covers(item, dialogue):
            out.dropped_blind += 1
            continue
        key = folded_hash(item.text) + "\x00" + folded_hash(item.context)
        if key not in seen:
            seen.add(key)
            out.items.append(item)
    return out


Labels = tuple[dict[str, int], frozenset[str]]

# The sets labeled twice, independently, for Cohen's κ: (first labeling, second labeling),
# each a list of JSON Lines files holding an "id" per line (no text is needed to compare).
TWICE_LABELED: dict[str, Callable[[Lang], tuple[list[Path], list[Path]]]] = {
    "pool": lambda lang: (
        [CORPUS / "pool" / f"{lang}_labels.jsonl"],
        [CORPUS / "pool" / "second" / f"{lang}_labels.jsonl"],
    ),
    "written": lambda lang: (
        sorted((CORPUS / "written").glob(f"{lang}_*.jsonl")),
        [CORPUS / "written" / "second" / f"{lang}.jsonl"],
    ),
    "blind": lambda lang: (
        [TEST_DATA / "blind" / f"written_{lang}.jsonl"],
        [TEST_DATA / "blind" / "second2" / f"written_{lang}.jsonl"],
    ),
}


def labels_by_id(paths: Iterable[Path]) -> dict[str, Labels]:
    """The labels of every line in ``paths`` (missing files hold none), by id."""
    out: dict[str, Labels] = {}
    for path in paths:
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    raw = json.loads(line)
                    out[str(raw.get("id"))] = _label_fields(raw, f"{path.name}:{number}")
    return out


def dialogue_labels(path: Path, lang: Lang, shared: Path) -> PoolJoin:
    """Labels of turns picked from the pool's whole dialogues (``{"id", "dialogue_id", "turn",
    "sha1", "moves", "promise_flags"}``, ``turn`` indexing the dialogue's ``turns``), joined
    with their text and the customer's line before; ``sha1`` may be the full hex digest or its
    first 12 digits. Used to read a labeled set whose text may not sit in the repo."""
    dialogues: dict[str, list[dict[str, str]]] = {}
    with (shared / "realdata" / "pool" / f"dialogues_{lang}.jsonl").open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                raw = json.loads(line)
                dialogues[str(raw["id"])] = raw["turns"]
    out = PoolJoin([], [], [])
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            raw = json.loads(line)
            moves, flags = _label_fields(raw, f"{path.name}:{number}")
            turns = dialogues.get(str(raw.get("dialogue_id")))
            index = raw.get("turn")
            if turns is None or not isinstance(index, int) or not 0 <= index < len(turns):
                out.missing.append(str(raw.get("id")))
                continue
            text = turns[index]["text"]
            digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
            if str(raw.get("sha1")) not in (digest, digest[:12]):
                out.changed.append(str(raw.get("id")))
                continue
            before = [t["text"] for t in turns[:index] if t.get("speaker") == "customer"]
            context = before[-1] if before else ""
            out.items.append(Labeled(str(raw.get("id")), lang, text, moves, flags, context))
    return out


def labeled_set(path: Path) -> list[Labeled] | None:
    """A labeled file of either kind: LABELING.md lines with their text, or labels of pool
    dialogue turns (``dialogue_labels``, language from the file name's ``_zh``/``_en``) whose
    text is joined from the shared folder; None when that folder is not here."""
    with path.open(encoding="utf-8") as handle:
        first = next((line for line in handle if line.strip()), "")
    if not first or "text" in json.loads(first):
        return load_labeled(path)
    shared = shared_dir()
    if shared is None:
        return None
    lang: Lang = "zh" if path.stem.endswith("zh") else "en"
    return dialogue_labels(path, lang, shared).items
