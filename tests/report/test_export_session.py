"""export_session: the three formats say the same thing, and no typed text becomes markup."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from hotseat.report import export_session
from hotseat.scorecard import SessionResult
from hotseat.store.codec import result_from_json

from .conftest import HOSTILE, make_result


class _Tags(HTMLParser):
    """Collects every start tag and attribute the browser would see."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [name for name, _ in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> _Tags:
    p = _Tags()
    p.feed(page)
    return p


def test_html_escapes_reply_title_and_customer_text(result: SessionResult) -> None:
    page = export_session(result, "html")
    tags = parse(page)
    assert "script" not in tags.tags
    assert not any(a.startswith("on") for a in tags.attrs)
    assert tags.tags.count("b") == len(result.transcript)  # only the speaker labels
    # the words survive as text, exactly as typed
    assert HOSTILE in "".join(tags.text)


def test_html_is_self_contained_and_forbids_scripts(result: SessionResult) -> None:
    page = export_session(result, "html")
    assert not re.search(r"(src|href)\s*=", page)
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert page.count("<svg") == 2  # area bars and mood curve


def test_markdown_neutralises_html(result: SessionResult) -> None:
    """Rendered by a CommonMark renderer, the hostile text stays text."""
    md = export_session(result, "md")
    tags = parse(MarkdownIt("commonmark").render(md))
    assert "script" not in tags.tags
    assert not any(a.startswith("on") for a in tags.attrs)
    assert HOSTILE in "".join(tags.text)
    assert "ET001 rude-language" in md


def test_json_round_trips_to_the_same_result(result: SessionResult) -> None:
    data = json.loads(export_session(result, "json"))
    assert data == result.to_json()
    assert result_from_json(data) == result


def test_chinese_report_uses_chinese_labels() -> None:
    res = make_result(reply="你冷静一点")
    md = export_session(res, "md", lang="zh")
    assert "通话记录" in md and "得分" in md and "你冷静一点" in md


def test_unknown_format_is_a_clear_error(result: SessionResult) -> None:
    with pytest.raises(ValueError, match="choose one of md, html, json"):
        export_session(result, "pdf")  # type: ignore[arg-type]
