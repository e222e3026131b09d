"""The corpus loader joins pool labels with text it never copies, and leaves blind items out."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from hotseat.language.corpus import (
    TWICE_LABELED,
    PoolTurn,
    blind_marks,
    join_pool,
    labels_by_id,
    load_corpus,
    pool_turns,
    shared_dir,
    text_hash,
)
from hotseat.language.scoring import Labeled, LabelError


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


TURNS = {
    "zh-pool-00001": PoolTurn("zh-pool-00001", "zh", "这是您自己开通的。", "我没开通过！", "d1"),
    "zh-pool-00002": PoolTurn("zh-pool-00002", "zh", "非常抱歉。", "", "d2"),
}


def test_pool_labels_join_their_text_and_context_by_id_and_hash(tmp_path: Path) -> None:
    labels = _write(
        tmp_path / "zh_labels.jsonl",
        [
            {
                "id": "zh-pool-00001",
                "sha1": text_hash("这是您自己开通的。"),
                "moves": {"defend": 1},
            },
            {"id": "zh-pool-00002", "sha1": "000000000000", "moves": {"apology": 1}},
            {"id": "zh-pool-09999", "sha1": "000000000000", "moves": {}},
        ],
    )
    joined = join_pool(labels, TURNS)
    assert [i.id for i in joined.items] == ["zh-pool-00001"]
    item = joined.items[0]
    assert (item.text, item.context, item.moves) == (
        "这是您自己开通的。",
        "我没开通过！",
        {"defend": 1},
    )
    assert joined.changed == ["zh-pool-00002"]
    assert joined.missing == ["zh-pool-09999"]


def test_a_label_outside_the_guide_is_an_error_with_its_line(tmp_path: Path) -> None:
    labels = _write(tmp_path / "zh_labels.jsonl", [{"id": "zh-pool-00001", "moves": {"blame": 1}}])
    with pytest.raises(LabelError, match=r"zh_labels\.jsonl:1"):
        join_pool(labels, TURNS)


def test_blind_marks_cover_ids_hashes_and_folded_copies(tmp_path: Path) -> None:
    blind = tmp_path / "blind"
    _write(blind / "b.jsonl", [{"id": "x-1", "text": "這是您自己開通的。"}])
    _write(blind / "refs.jsonl", [{"dialogue": "d2", "sha1": text_hash("别的话")}])
    marks = blind_marks([blind, tmp_path / "absent"])
    simplified = Labeled("other-id", "zh", "这是您自己开通的。", {}, frozenset())
    assert marks.covers(simplified)  # the same words in Simplified script
    assert marks.covers(Labeled("x-1", "zh", "完全不同", {}, frozenset()))
    assert marks.covers(Labeled("y", "zh", "别的话", {}, frozenset()))
    assert marks.covers(Labeled("y", "zh", "完全不同", {}, frozenset()), dialogue_id="d2")
    assert not marks.covers(Labeled("y", "zh", "完全不同", {}, frozenset()), dialogue_id="d3")


def test_the_corpus_drops_blind_copies_and_duplicates(tmp_path: Path) -> None:
    row = {"lang": "zh", "context": "你们怎么回事", "moves": {"defend": 1}}
    _write(
        tmp_path / "corpus" / "written" / "zh_01.jsonl",
        [
            {**row, "id": "zh-w-1", "text": "系统不会出错的。"},
            {**row, "id": "zh-w-2", "text": "系統不會出錯的。"},  # the same, in Traditional
            {**row, "id": "zh-w-3", "text": "这是规定。"},
        ],
    )
    _write(tmp_path / "blind" / "b.jsonl", [{"text": "这是规定。"}])
    corpus = load_corpus("zh", None, blind_marks([tmp_path / "blind"]), tmp_path / "corpus")
    written = [i.id for i in corpus.items if i.id.startswith("zh-w-")]
    assert written == ["zh-w-1"]
    assert corpus.dropped_blind == 1
    assert not any(i.id.startswith(("zh-fresh7", "zh-dev")) for i in corpus.items)


def test_labelings_are_read_by_id_across_files(tmp_path: Path) -> None:
    one, two, missing = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "none.jsonl"
    _write(one, [{"id": "en-pool-00010", "moves": {"rude": 1}}])
    _write(two, [{"id": "en-w-0020", "moves": {"promise": 1}, "promise_flags": ["deadline"]}])
    assert labels_by_id([one, two, missing]) == {
        "en-pool-00010": ({"rude": 1}, frozenset()),
        "en-w-0020": ({"promise": 1}, frozenset({"deadline"})),
    }


def test_every_twice_labeled_set_names_files_in_the_repo() -> None:
    for name, files in TWICE_LABELED.items():
        for lang in ("zh", "en"):
            first, second = files(lang)
            assert first and all(p.exists() for p in first + second), (name, lang)


def test_every_pool_label_in_the_repo_joins_the_shared_pool() -> None:
    shared = shared_dir()
    if shared is None:
        pytest.skip("shared/realdata/pool is not available")
    for lang in ("zh", "en"):
        turns = pool_turns(lang, shared)
        for path in sorted(
            (Path(__file__).resolve().parents[2] / "corpus" / "pool").glob(f"{lang}_*.jsonl")
        ):
            joined = join_pool(path, turns)
            assert not joined.missing and not joined.changed, path.name


def test_labels_of_dialogue_turns_join_their_text_and_the_customer_line(tmp_path: Path) -> None:
    from hotseat.language.corpus import dialogue_labels

    turns = [
        {"speaker": "customer", "text": "屏幕有划痕！"},
        {"speaker": "agent", "text": "出库前都检查过的。"},
        {"speaker": "agent", "text": "您再看看？"},
    ]
    _write(tmp_path / "realdata" / "pool" / "dialogues_zh.jsonl", [{"id": "d1", "turns": turns}])
    full = hashlib.sha1("出库前都检查过的。".encode()).hexdigest()
    labels = _write(
        tmp_path / "refs_zh.jsonl",
        [
            {"id": "p1", "dialogue_id": "d1", "turn": 1, "sha1": full, "moves": {"defend": 1}},
            {"id": "p2", "dialogue_id": "d1", "turn": 2, "sha1": text_hash("别的"), "moves": {}},
            {"id": "p3", "dialogue_id": "d9", "turn": 0, "sha1": full, "moves": {}},
        ],
    )
    joined = dialogue_labels(labels, "zh", tmp_path)
    assert [(i.id, i.text, i.context) for i in joined.items] == [
        ("p1", "出库前都检查过的。", "屏幕有划痕！")
    ]
    assert (joined.changed, joined.missing) == (["p2"], ["p3"])
