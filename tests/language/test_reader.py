"""The learned reader: a shipped model rebuilt byte for byte, moves added with exact spans."""

from __future__ import annotations

import json

import numpy as np
import pytest
from click.testing import CliRunner

from hotseat.cli import main
from hotseat.language.analyzer import Analyzer, analyze
from hotseat.language.corpus import shared_dir
from hotseat.language.normalize import normalize
from hotseat.language.reader import (
    LABELS,
    MODEL_PATH,
    SPECS,
    FeatureSpec,
    LangModel,
    LearnedReader,
    ReaderModel,
    dumps,
    features,
    loads,
    shipped_model,
)
from hotseat.moves import MoveKind

TINY = FeatureSpec(bits=12, char_min=1, char_max=2, words=1, context=True)


def _model_for(word: str, label: str, spec: FeatureSpec = TINY) -> LangModel:
    """A model that reads ``label`` wherever ``word``'s grams occur, and nothing else."""
    weights = np.zeros((1 << spec.bits, len(LABELS)), dtype=np.float32)
    for index in features(word, FeatureSpec(spec.bits, spec.char_max, spec.char_max, 0, False)):
        weights[index, LABELS.index(label)] = 200.0
    bias = np.full(len(LABELS), -6.0, dtype=np.float32)
    thresholds = dict.fromkeys(LABELS, 0.5)
    return LangModel(spec, weights, bias, thresholds)


def test_the_shipped_model_names_its_version_and_training_data() -> None:
    model = shipped_model()
    assert model is not None, f"{MODEL_PATH} is missing: run python -m hotseat.language.train"
    assert model.version and len(model.data_hash) == 16
    assert set(model.models) == {"zh", "en"}
    for lang, lang_model in model.models.items():
        assert lang_model.spec == SPECS[lang]
        assert set(lang_model.thresholds) >= {"defend", "rude", "promise", "guarantee"}


@pytest.mark.slow
def test_the_training_command_rebuilds_the_shipped_model_byte_for_byte() -> None:
    shared = shared_dir()
    if shared is None:
        pytest.skip("shared/realdata/pool is not available: the pool labels cannot be joined")
    from hotseat.language.train import build

    blob, _ = build(shared)
    assert blob == MODEL_PATH.read_bytes(), "rebuild differs: run python -m hotseat.language.train"


def test_the_model_file_round_trips() -> None:
    model = _model_for("保证", "promise")
    back = loads(dumps("t", "0123456789abcdef", {"zh": model}))
    assert (back.version, back.data_hash) == ("t", "0123456789abcdef")
    again = back.models["zh"]
    assert np.allclose(again.weights, model.weights, atol=200.0 / 127)
    assert np.allclose(again.bias, model.bias)
    assert dumps("t", "0123456789abcdef", {"zh": model}) == dumps(
        "t", "0123456789abcdef", {"zh": model}
    )


def test_features_are_stable_and_fold_script_and_width() -> None:
    spec = SPECS["zh"]
    traditional = features(normalize("這不歸我們管，您找快遞。").text, spec)
    simplified = features(normalize("这不归我们管，您找快递。").text, spec)
    assert traditional == simplified == sorted(set(simplified))
    with_context = features(normalize("这不归我们管").text, spec, "我的包裹呢")
    assert set(features(normalize("这不归我们管").text, spec)) < set(with_context)


def test_an_added_move_takes_the_clause_that_reads_it_with_original_offsets() -> None:
    reader = LearnedReader(ReaderModel("t", "0" * 16, {"zh": _model_for("刮的", "defend")}))
    analyzer = Analyzer(reader=reader)
    text = "您好，那是您拆包裝時候自己刮的，我們出庫都檢查過。"
    analysis = analyzer.analyze(text, "zh")
    defend = analysis.of(MoveKind.DEFEND)
    assert len(defend) == 1
    assert analysis.quote(defend[0]) == "那是您拆包裝時候自己刮的"
    assert not Analyzer(reader=False).analyze(text, "zh").has(MoveKind.DEFEND)


def test_a_move_the_lexicons_found_is_not_added_again() -> None:
    reader = LearnedReader(ReaderModel("t", "0" * 16, {"zh": _model_for("心情", "empathy")}))
    analysis = Analyzer(reader=reader).analyze("我理解您的心情，我马上查。", "zh")
    assert analysis.count(MoveKind.EMPATHY) == 1
    reader = LearnedReader(ReaderModel("t", "0" * 16, {"zh": _model_for("规定", "defend")}))
    analysis = Analyzer(reader=reader).analyze("这是公司的规定，系统不会出错的。", "zh")
    assert analysis.count(MoveKind.DEFEND) == Analyzer(reader=False).analyze(
        "这是公司的规定，系统不会出错的。", "zh"
    ).count(MoveKind.DEFEND)


def test_an_added_promise_carries_the_flags_the_model_reads() -> None:
    model = _model_for("今晚到账", "promise")
    for index in features("今晚到账", FeatureSpec(TINY.bits, 2, 2, 0, False)):
        model.weights[index, LABELS.index("deadline")] = 40.0
    reader = LearnedReader(ReaderModel("t", "0" * 16, {"zh": model}))
    (promise,) = Analyzer(reader=reader).analyze("亲，今晚到账哈", "zh").of(MoveKind.PROMISE)
    assert (promise.deadline, promise.guarantee, promise.compensation) == (True, False, False)


def test_the_customer_line_can_decide_the_reading() -> None:
    model = _model_for("", "defend")
    for index in features("x", TINY, "划痕"):
        if index not in features("x", TINY):
            model.weights[index, LABELS.index("defend")] = 40.0
    analyzer = Analyzer(reader=LearnedReader(ReaderModel("t", "0" * 16, {"zh": model})))
    assert analyzer.analyze("出库前都检查过。", "zh", context="屏幕有划痕！").has(MoveKind.DEFEND)
    assert not analyzer.analyze("出库前都检查过。", "zh").has(MoveKind.DEFEND)


def test_many_replies_at_once_read_as_each_alone() -> None:
    replies = [
        ("Well, the system shows it was delivered, so it must have been taken after that.", "en"),
        ("那肯定是您自己没点确认，系统当然不会发货。", "zh"),
        ("", "en"),
        ("亲，今天给您发货哈", "zh"),
        ("I'm so sorry about the wait. I'll call you back by 5pm today.", "en"),
    ]
    contexts = ["Where is my parcel?", None, None, "什么时候发货", ""]
    analyzer = Analyzer(reader=True)
    many = analyzer.analyze_many([t for t, _ in replies], [lang for _, lang in replies], contexts)
    alone = [analyzer.analyze(t, lang, c) for (t, lang), c in zip(replies, contexts, strict=True)]
    assert many == alone


def test_hotseat_analyze_reads_the_context_field_like_the_function() -> None:
    line = {"text": "We checked, nothing is wrong on our side.", "context": "You overcharged me!"}
    result = CliRunner().invoke(
        main, ["analyze"], input=json.dumps(line) + "\n" + '{"text": "ok", "context": 3}\n'
    )
    assert result.exit_code == 0
    first, second = (json.loads(x) for x in result.stdout.splitlines())
    assert first == analyze(line["text"], None, line["context"]).to_json()
    assert "error" in second and '"context"' in second["error"]


def test_bulk_scoring_reads_a_batch_of_calls_as_each_call_alone() -> None:
    from hotseat.bulk import CallScorer
    from hotseat.rules import Rulebook
    from hotseat.transcripts import CallRecord, Turn

    records = [
        CallRecord(
            "a",
            "a:1",
            (
                Turn("customer", "The screen came scratched!"),
                Turn("agent", "It must have happened when you unpacked it, we check every unit."),
                Turn("customer", "Unbelievable."),
                Turn("agent", "I'm sorry. I'll arrange a replacement today."),
            ),
        ),
        CallRecord("b", "b:1", error="not JSON"),
        CallRecord("c", "c:1", (Turn("customer", "喂？"), Turn("agent", ""))),
        CallRecord(
            "d", "d:1", (Turn("customer", "什么时候发货"), Turn("agent", "亲，今天给您发货哈"))
        ),
    ]
    scorer = CallScorer(Rulebook.default(), cached=0)
    together = scorer.score_many(records)
    assert together == [CallScorer(Rulebook.default()).score(r) for r in records]
    call = scorer.call(records[0])
    assert call is not None
    first = call.replies[0]
    assert first.analysis == analyze(first.text, "en", "The screen came scratched!")
