"""`hotseat score` through click: formats, languages, bad records, gzip, stdin, jobs, exit codes."""

from __future__ import annotations

import csv
import gc
import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from hotseat.cli import main
from hotseat.cli.score import BATCH, Progress
from hotseat.rules import RULES

DATA = Path(__file__).resolve().parents[1] / "data"
SCENARIO_ONLY = [r.code for r in RULES if r.needs_scenario]

ZH_PLAIN = """\
客户：你们凭什么多扣我180块？
客服:对不起对不起，真的非常抱歉。
坐席： 请问您的手机号是多少？
用户:13800138000

客户: 我没开通过这个业务！
客服：这是您自己开通的，系统不会出错的。
"""
EN_PLAIN = """\
Customer: You charged me twice!
Agent: I understand how frustrating that is.
Agent：So, to confirm, you were charged twice this month, right?
  Thank you for your patience.

Customer: Nobody told me about this fee.
Agent: Calm down, that's not my problem.
"""


def call(call_id: str, *turns: tuple[str, str]) -> dict[str, object]:
    return {"id": call_id, "turns": [{"speaker": s, "text": t} for s, t in turns]}


ZH_CALLS = [
    call(
        "zh-a", ("customer", "这个流量包是谁给我加的？"), ("agent", "非常抱歉，我马上帮您查一下。")
    ),
    call("zh-b", ("customer", "我要投诉！"), ("agent", "你冷静一点，这不归我管。")),
]
EN_CALLS = [
    call(
        "en-a",
        ("customer", "Why was I charged?"),
        ("agent", "I'm sorry. I guarantee a refund today."),
    ),
    call("en-b", ("agent", "Thanks for calling. Could you tell me your account number?")),
]


def jsonl(rows: list[dict[str, object]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["score", *args], input=stdin)


def lines_of(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def summary_of(result: Result) -> dict[str, Any]:
    return json.loads(result.stderr.splitlines()[-1])


def dev_corpus(calls: int) -> str:
    """Calls built from the dev sets' (customer, agent) pairs, both languages interleaved."""
    rows = {
        lang: [json.loads(x) for x in (DATA / f"dev_{lang}.jsonl").open(encoding="utf-8")]
        for lang in ("zh", "en")
    }
    out = []
    for i in range(calls):
        pool = rows["zh" if i % 2 else "en"]
        picked = [pool[(i * 3 + k) % len(pool)] for k in range(1 + i % 4)]
        turns = [("customer", r["context"]) for r in picked[:1]]
        turns += [("agent", r["text"]) for r in picked]
        out.append(call(f"dev-{i}", *turns))
    return jsonl(out)


@pytest.mark.parametrize(("rows", "lang"), [(ZH_CALLS, "zh"), (EN_CALLS, "en")], ids=["zh", "en"])
def test_jsonl_calls_in_each_language_get_scores_and_findings(
    tmp_path: Path, rows: list[dict[str, object]], lang: str
) -> None:
    result = run(str(write(tmp_path, f"{lang}.jsonl", jsonl(rows))))
    assert result.exit_code == 0, result.stderr
    out = lines_of(result)
    assert [o["id"] for o in out] == [r["id"] for r in rows]
    for o in out:
        assert o["lang"] == lang
        assert set(o["scores"]) == {"AP", "PR", "CT", "ET", "EM", "overall"}
        for f in o["findings"]:
            assert f["code"] not in SCENARIO_ONLY
            assert {"code", "turn", "quote", "message", "tip"} <= set(f)
    codes = {f["code"] for o in out for f in o["findings"]}
    assert codes & {"AP001", "ET001", "PR001"}, "the bad replies above must be caught"


@pytest.mark.parametrize(("text", "lang"), [(ZH_PLAIN, "zh"), (EN_PLAIN, "en")], ids=["zh", "en"])
def test_plain_transcripts_with_speaker_prefixes(tmp_path: Path, text: str, lang: str) -> None:
    path = write(tmp_path, "calls.txt", text)
    result = run(str(path))
    assert result.exit_code == 0, result.stderr
    out = lines_of(result)
    assert [o["source"] for o in out] == [f"{path}:1", f"{path}:6"]
    assert [o["lang"] for o in out] == [lang, lang]
    assert [o["replies"] for o in out] == [2, 1]
    assert summary_of(result)["replies"] == 3


def test_summary_counts_everything_and_names_the_scenario_only_rules(tmp_path: Path) -> None:
    result = run(str(write(tmp_path, "c.jsonl", jsonl(ZH_CALLS + EN_CALLS))))
    summary = summary_of(result)
    out = lines_of(result)
    assert summary["calls"] == 4 and summary["skipped_calls"] == 0
    assert summary["replies"] == sum(o["replies"] for o in out)
    per_rule: dict[str, int] = {}
    for o in out:
        for f in o["findings"]:
            per_rule[f["code"]] = per_rule.get(f["code"], 0) + 1
    assert summary["findings_per_rule"] == dict(sorted(per_rule.items()))
    assert sum(summary["overall_distribution"].values()) == 4
    assert summary["rules_skipped_without_scenario"] == SCENARIO_ONLY
    ignored = summary_of(run("--ignore", SCENARIO_ONLY[0], str(tmp_path / "c.jsonl")))
    assert ignored["rules_skipped_without_scenario"] == SCENARIO_ONLY[1:]


def test_malformed_records_are_reported_and_skipped_and_the_exit_status_says_so(
    tmp_path: Path,
) -> None:
    text = (
        jsonl(ZH_CALLS[:1])
        + "{not json\n"
        + json.dumps({"id": "no-turns"})
        + "\n"
        + json.dumps(call("bot", ("robot", "beep")))
        + "\n"
        + json.dumps(call("silent", ("customer", "hello?")))
        + "\n"
        + jsonl(EN_CALLS[:1])
    )
    path = write(tmp_path, "mixed.jsonl", text)
    result = run(str(path))
    assert result.exit_code == 1
    assert [o["id"] for o in lines_of(result)] == ["zh-a", "en-a"]
    for line in (2, 3, 4, 5):
        assert f"{path}:{line}: skipped:" in result.stderr
    assert "Traceback" not in result.output
    summary = summary_of(result)
    assert (summary["calls"], summary["skipped_calls"]) == (2, 4)


def test_a_clean_run_exits_zero_and_a_missing_file_does_not_stop_the_others(
    tmp_path: Path,
) -> None:
    good = write(tmp_path, "good.jsonl", jsonl(ZH_CALLS))
    assert run(str(good)).exit_code == 0
    result = run(str(tmp_path / "missing.jsonl"), str(good))
    assert result.exit_code == 1
    assert "missing.jsonl: skipped: cannot read" in result.stderr
    assert [o["id"] for o in lines_of(result)] == ["zh-a", "zh-b"]


def test_an_empty_file_scores_nothing_and_succeeds(tmp_path: Path) -> None:
    result = run(str(write(tmp_path, "empty.jsonl", "")))
    assert result.exit_code == 0
    assert result.stdout == ""
    summary = summary_of(result)
    assert (summary["calls"], summary["replies"], summary["skipped_calls"]) == (0, 0, 0)


def test_a_one_call_file(tmp_path: Path) -> None:
    result = run(str(write(tmp_path, "one.jsonl", jsonl(EN_CALLS[:1]))))
    assert result.exit_code == 0
    (only,) = lines_of(result)
    assert only["id"] == "en-a" and only["replies"] == 1
    assert summary_of(result)["calls"] == 1


def test_two_jobs_give_the_same_output_in_the_same_order(tmp_path: Path) -> None:
    calls = 2 * BATCH + 37  # several batches, the last one short
    bad = '{"id": "broken", "turns": [{"speaker": "agent"}]}\n'
    corpus = dev_corpus(calls)
    rows = corpus.splitlines(keepends=True)
    path = write(tmp_path, "dev.jsonl", "".join(rows[:300]) + bad + "".join(rows[300:]))
    one = run("--jobs", "1", str(path))
    two = run("--jobs", "2", str(path))
    assert one.exit_code == two.exit_code == 1
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert [o["id"] for o in lines_of(two)] == [f"dev-{i}" for i in range(calls)]
    assert f"{path}:301: skipped:" in two.stderr
    for fmt in ("csv", "table"):
        assert run("--jobs", "2", "--format", fmt, str(path)).stdout == (
            run("--format", fmt, str(path)).stdout
        )


def test_gzip_files_and_gzip_on_stdin_read_like_plain_ones(tmp_path: Path) -> None:
    text = jsonl(ZH_CALLS + EN_CALLS)
    plain = run(str(write(tmp_path, "c.jsonl", text)))
    packed = tmp_path / "c.jsonl.gz"
    packed.write_bytes(gzip.compress(text.encode()))
    from_file = run(str(packed))
    from_stdin = run("-", stdin=gzip.compress(text.encode()))
    assert plain.exit_code == from_file.exit_code == from_stdin.exit_code == 0
    strip = [{k: v for k, v in o.items() if k != "source"} for o in lines_of(plain)]
    for result in (from_file, from_stdin):
        assert [{k: v for k, v in o.items() if k != "source"} for o in lines_of(result)] == strip
    assert lines_of(from_stdin)[0]["source"] == "-:1"


def test_plain_text_on_stdin(tmp_path: Path) -> None:
    result = run("--lang", "zh", "-", stdin=ZH_PLAIN.encode())
    assert result.exit_code == 0
    assert [o["source"] for o in lines_of(result)] == ["-:1", "-:6"]


def test_a_truncated_gzip_keeps_what_was_read_and_reports_the_rest(tmp_path: Path) -> None:
    packed = gzip.compress(dev_corpus(400).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(packed[: len(packed) // 2])
    result = run(str(path))
    assert result.exit_code == 1
    assert f"{path}: skipped: cannot read:" in result.stderr
    assert 0 < len(lines_of(result)) < 400
    assert "Traceback" not in result.output


def test_csv_reads_back_with_the_csv_module(tmp_path: Path) -> None:
    path = write(tmp_path, "c.jsonl", jsonl(ZH_CALLS + EN_CALLS))
    as_json = lines_of(run(str(path)))
    result = run("--format", "csv", str(path))
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == [o["id"] for o in as_json]
    for row, o in zip(rows, as_json, strict=True):
        for area, value in o["scores"].items():
            assert int(row[area]) == value
        assert row["codes"].split() == sorted({f["code"] for f in o["findings"]})
        assert int(row["replies"]) == o["replies"] and row["lang"] == o["lang"]
    assert summary_of(result)["calls"] == 4


def test_table_has_a_row_per_call_and_a_human_summary(tmp_path: Path) -> None:
    path = write(tmp_path, "c.jsonl", jsonl(ZH_CALLS + EN_CALLS) + "{oops\n")
    result = run("--format", "table", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["id", "replies"]
    overall = {o["id"]: o["scores"]["overall"] for o in lines_of(run(str(path)))}
    for row in lines[1:5]:
        cells = row.split()
        assert int(cells[7]) == overall[cells[0]]
    assert "4 calls" in result.stdout and "1 skipped" in result.stdout
    assert "not judged without a scenario: " + " ".join(SCENARIO_ONLY) in result.stdout
    assert "90-100" in result.stdout
    assert "skipped: invalid JSON" in result.stderr


def test_a_fixed_language_overrides_detection(tmp_path: Path) -> None:
    path = write(tmp_path, "zh.jsonl", jsonl(ZH_CALLS))
    assert {o["lang"] for o in lines_of(run("--lang", "en", str(path)))} == {"en"}


def test_select_and_ignore_choose_the_rules(tmp_path: Path) -> None:
    path = write(tmp_path, "c.jsonl", jsonl(ZH_CALLS + EN_CALLS))
    selected = lines_of(run("--select", "ET", str(path)))
    codes = {f["code"] for o in selected for f in o["findings"]}
    assert codes and all(c.startswith("ET") for c in codes)
    ignored = lines_of(run("--ignore", "ET,AP001", str(path)))
    codes = {f["code"] for o in ignored for f in o["findings"]}
    assert codes and not any(c.startswith("ET") or c == "AP001" for c in codes)


def test_bad_options_are_usage_errors_not_tracebacks(tmp_path: Path) -> None:
    path = write(tmp_path, "c.jsonl", jsonl(ZH_CALLS))
    unknown = run("--select", "XX999", str(path))
    assert unknown.exit_code == 2
    assert "unknown rule selector" in unknown.stderr and "Traceback" not in unknown.output
    book = write(tmp_path, "book.yaml", "rules: {AP001: 3}\n")
    broken = run("--rulebook", str(book), str(path))
    assert broken.exit_code == 2
    assert f"{book}:" in broken.stderr and "Traceback" not in broken.output


def test_piped_output_has_no_progress_bar(tmp_path: Path) -> None:
    result = run(str(write(tmp_path, "dev.jsonl", dev_corpus(300))))
    assert "\r" not in result.stderr and "[#" not in result.stderr


def test_progress_draws_a_bar_for_files_and_a_count_for_streams() -> None:
    out = io.StringIO()
    bar = Progress(out, enabled=True, total=1000)
    bar.update(250, 12)
    assert "[" + "#" * 7 + "-" * 23 + "]" in out.getvalue() and "25%" in out.getvalue()
    assert "12 calls" in out.getvalue()
    bar.clear()
    assert out.getvalue().endswith("\r")
    count = io.StringIO()
    Progress(count, enabled=True, total=None).update(5000, 1234)
    assert "1,234 calls" in count.getvalue()
    silent = io.StringIO()
    Progress(silent, enabled=False, total=10).update(5, 1)
    assert silent.getvalue() == ""


def test_scoring_takes_the_start_up_tables_out_of_the_collectors_sight(tmp_path: Path) -> None:
    gc.unfreeze()
    try:
        result = run(str(write(tmp_path, "c.jsonl", jsonl(ZH_CALLS))))
        assert result.exit_code == 0
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()  # leave the test process as it was
