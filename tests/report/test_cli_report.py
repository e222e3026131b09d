"""`hotseat report` on real recorded calls whose replies and names carry markup.

The HTML must show every typed character and run none of it; when Chromium is
installed (scripts/test installs it where it can) the pages are also loaded headless
and must render without a single console message.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from hotseat.cli import main

from .test_export_session import parse

EVIL_NAME = "<img src=x onerror=alert(1)>Eve"
EVIL_REPLY = '您好<script>alert("pwned")</script><b onclick="x()">我在听</b> & 您请讲'
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One finished call and one interrupted call by a trainee with a hostile name, in a class."""
    folder = tmp_path_factory.mktemp("reports")
    url = f"sqlite:///{folder / 'records.db'}"
    runner = CliRunner()
    replies = folder / "replies.jsonl"
    replies.write_text(
        json.dumps({"text": EVIL_REPLY}, ensure_ascii=False)
        + "\n先跟您说声抱歉。您是说流量用超了一条提醒都没收到，对吧？\n",
        encoding="utf-8",
    )
    play = ["play", "zh/overcharged-data", "--replies", str(replies), "--db", url]
    assert runner.invoke(main, [*play, "--trainee", EVIL_NAME]).exit_code == 0
    broken = folder / "broken.jsonl"
    broken.write_text(json.dumps({"text": EVIL_REPLY}) + "\n{oops\n", encoding="utf-8")
    play[3] = str(broken)
    assert runner.invoke(main, [*play, "--trainee", EVIL_NAME]).exit_code == 2
    assert runner.invoke(main, ["class", "create", "<i>1班</i>", "--db", url]).exit_code == 0
    added = runner.invoke(main, ["class", "add", "<i>1班</i>", EVIL_NAME, "--db", url])
    assert added.exit_code == 0
    return url


def report(db: str, *args: str) -> Result:
    out = CliRunner().invoke(main, ["report", *args, "--db", db])
    assert out.exit_code == 0, out.output
    return out


def assert_inert(page: str, *texts: str) -> None:
    tags = parse(page)
    assert not {"script", "img", "i"} & set(tags.tags), tags.tags
    assert not any(a.startswith("on") for a in tags.attrs)
    shown = "".join(tags.text)
    for text in texts:
        assert text in shown


def test_session_html_shows_the_reply_and_runs_none_of_it(db: str) -> None:
    page = report(db, "--session", "1", "--format", "html").stdout
    assert_inert(page, EVIL_REPLY, EVIL_NAME)


def test_trainee_and_class_html_escape_names(db: str) -> None:
    assert_inert(report(db, "--trainee", EVIL_NAME, "--format", "html").stdout, EVIL_NAME)
    page = report(db, "--class", "<i>1班</i>", "--format", "html", "--lang", "zh").stdout
    assert_inert(page, EVIL_NAME, "<i>1班</i>")


def test_an_interrupted_call_is_rebuilt_for_its_report(db: str) -> None:
    md = report(db, "--session", "2", "--lang", "en").stdout
    assert "**Outcome:** in progress" in md
    assert r"\<script\>" in md  # the reply, escaped for Markdown


def test_csv_and_xapi_cover_every_call_of_the_trainee(db: str) -> None:
    rows = list(
        csv.DictReader(io.StringIO(report(db, "--trainee", EVIL_NAME, "--format", "csv").stdout))
    )
    assert [(r["id"], r["status"]) for r in rows] == [("1", "finished"), ("2", "interrupted")]
    assert rows[0]["trainee"] == EVIL_NAME
    klass = ["--class", "<i>1班</i>"]
    everyone = json.loads(report(db, *klass, "--all-calls", "--format", "xapi").stdout)
    assert [s["verb"]["display"]["en-US"] for s in everyone] == ["failed", "suspended"]
    # by default a class report counts the class's own calls: these were made outside it
    assert json.loads(report(db, *klass, "--format", "xapi").stdout) == []


def test_a_class_report_lists_every_call_it_counts(db: str) -> None:
    """Issue 14.4: the help promises the board and every call; only the class's own by
    default (none here: both calls were played outside it), all of them with --all-calls."""
    own = report(db, "--class", "<i>1班</i>", "--lang", "en").stdout
    assert "## Calls" not in own and "No calls recorded yet." in own
    every = report(db, "--class", "<i>1班</i>", "--all-calls", "--lang", "en").stdout
    calls = every.split("## Calls", 1)[1]
    assert calls.count("zh/overcharged-data") == 2  # the finished and the interrupted call
    assert "interrupted" in calls


def test_output_file_and_scope_checks(db: str, tmp_path: Path) -> None:
    target = tmp_path / "call.json"
    out = report(db, "--session", "1", "--format", "json", "-o", str(target))
    assert f"wrote {target}" in out.stderr
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["record"]["trainee"] == EVIL_NAME and data["transcript"][1]["text"] == EVIL_REPLY
    for args in ([], ["--session", "1", "--trainee", "x"]):
        bad = CliRunner().invoke(main, ["report", *args, "--db", db])
        assert bad.exit_code == 2 and "exactly one of --session, --trainee or --class" in bad.output
    missing = CliRunner().invoke(main, ["report", "--session", "99", "--db", db])
    assert missing.exit_code == 1 and "no session 99" in missing.output


@pytest.mark.slow
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs chromium (apt-get install chromium)")
@pytest.mark.parametrize(
    "scope",
    [["--session", "1"], ["--trainee", EVIL_NAME], ["--class", "<i>1班</i>", "--all-calls"]],
)
def test_pages_render_in_headless_chromium_without_errors(
    db: str, tmp_path: Path, scope: list[str]
) -> None:
    page = tmp_path / "report.html"
    page.write_text(report(db, *scope, "--format", "html").stdout, encoding="utf-8")
    shot = tmp_path / "report.png"
    base = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr"]
    base += ["--v=0", "--window-size=1000,1600"]
    dom = subprocess.run(
        [*base, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120
    )
    assert dom.returncode == 0, dom.stderr
    console = [ln for ln in dom.stderr.splitlines() if "CONSOLE" in ln or "Uncaught" in ln]
    assert console == []  # no script error, no blocked fetch, no CSP violation
    assert "<script" not in dom.stdout and "<svg" in dom.stdout
    assert "&lt;img src=x onerror=alert(1)&gt;Eve" in dom.stdout
    shotrun = subprocess.run(
        [*base, f"--screenshot={shot}", page.as_uri()], capture_output=True, timeout=120
    )
    assert shotrun.returncode == 0 and shot.stat().st_size > 20_000
