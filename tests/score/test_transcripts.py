"""Real transcripts in both formats, both languages, including the malformed and the empty."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from hotseat.transcripts import open_input, read_calls


def calls_of(data: bytes, name: str = "in") -> list:
    return list(read_calls(io.BufferedReader(io.BytesIO(data)), name))


def test_jsonl_calls_keep_ids_turns_and_order() -> None:
    rows = [
        {
            "id": "a",
            "turns": [
                {"speaker": "customer", "text": "扣了我180"},
                {"speaker": "agent", "text": "非常抱歉"},
            ],
        },
        {"id": "b", "turns": [{"speaker": "agent", "text": "Hello"}]},
    ]
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows).encode()
    calls = calls_of(data)
    assert [c.id for c in calls] == ["a", "b"]
    assert [t.speaker for t in calls[0].turns] == ["customer", "agent"]
    assert calls[0].turns[1].text == "非常抱歉"


def test_malformed_jsonl_records_are_reported_with_their_line_and_skipped() -> None:
    data = (
        b'{"id": "ok", "turns": []}\n{not json\n[1, 2]\n'
        b'{"id": "x", "turns": [{"speaker": "bot", "text": "hi"}]}\n'
        b'\xff\xfe\n{"id": "last", "turns": []}\n'
    )
    calls = calls_of(data, "calls.jsonl")
    assert [c.error is None for c in calls] == [True, False, False, False, False, True]
    assert calls[1].source == "calls.jsonl:2" and "invalid JSON" in (calls[1].error or "")
    assert "turn 1" in (calls[3].error or "")
    assert calls[4].source == "calls.jsonl:5" and "UTF-8" in (calls[4].error or "")
    assert calls[5].id == "last"


def test_plain_text_with_full_and_half_width_colons_in_both_languages() -> None:
    text = (
        "客户：你们凭什么扣我钱？\n客服:非常抱歉，我帮您查一下。\n"
        "坐席： 请问您的号码是？\n用户:138\n\n"
        "Customer: You charged me twice.\nAgent: I'm sorry about that.\n"
        "  I'll refund it today.\n"
    )
    calls = calls_of(text.encode())
    assert len(calls) == 2
    assert [t.speaker for t in calls[0].turns] == ["customer", "agent", "agent", "customer"]
    assert calls[0].turns[2].text == "请问您的号码是？"
    assert calls[1].turns[1].text == "I'm sorry about that.\nI'll refund it today."
    assert calls[1].source == "in:6"


def test_plain_text_without_a_speaker_prefix_is_an_error_for_that_call_only() -> None:
    calls = calls_of(b"hello there\nAgent: hi\n\nAgent: fine\n")
    assert calls[0].error and "line 1" in calls[0].error
    assert calls[1].error is None and calls[1].turns[0].text == "fine"


def test_empty_input_has_no_calls() -> None:
    assert calls_of(b"") == []
    assert calls_of(b"\n\n  \n") == []


def test_one_call_file_and_gzip_input(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl.gz"
    row = {"id": "solo", "turns": [{"speaker": "agent", "text": "您好"}]}
    path.write_bytes(gzip.compress(json.dumps(row).encode() + b"\n"))
    with open_input(str(path)) as stream:
        calls = list(read_calls(stream, str(path)))
    assert len(calls) == 1 and calls[0].id == "solo"
