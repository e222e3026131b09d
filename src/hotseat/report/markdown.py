"""Markdown rendering of a report document; every piece of user text is escaped.

Markdown passes raw HTML through, so a trainee's ``<script>`` must be neutralised
here too, not only in the HTML report.
"""

from __future__ import annotations

import re

from hotseat.report.document import (
    Bars,
    Block,
    Document,
    Facts,
    Heading,
    Items,
    LineChart,
    Para,
    Table,
    Transcript,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_SPARKS = "▁▂▃▄▅▆▇█"


def md_escape(text: str) -> str:
    """Backslash-escape Markdown punctuation, defuse entities, fold newlines into spaces."""
    text = _ENTITY.sub("&amp;", text)
    text = _SPECIAL.sub(r"\\\1", text)
    return " ".join(text.splitlines()) if "\n" in text or "\r" in text else text


def sparkline(values: list[int | None], top: int = 100) -> str:
    """A one-line chart that survives any Markdown viewer."""
    out = []
    for v in values:
        if v is None:
            out.append(" ")
        else:
            out.append(_SPARKS[min(len(_SPARKS) - 1, max(0, v) * len(_SPARKS) // (top + 1))])
    return "".join(out)


def _block(block: Block) -> list[str]:
    match block:
        case Heading(text, level):
            return ["#" * level + " " + md_escape(text), ""]
        case Para(text):
            return [md_escape(text), ""]
        case Facts(pairs):
            return [f"- **{md_escape(k)}:** {md_escape(v)}" for k, v in pairs] + [""]
        case Table(header, rows):
            out = ["| " + " | ".join(md_escape(h) for h in header) + " |"]
            out.append("|" + "---|" * len(header))
            out += ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in rows]
            return [*out, ""]
        case LineChart(title, series, _, _):
            out = [f"**{md_escape(title)}**", ""]
            for s in series:
                vals = list(s.values)
                shown = " → ".join("–" if v is None else str(v) for v in vals[-12:])
                prefix = "… " if len(vals) > 12 else ""
                out.append(f"- {md_escape(s.label)}: `{sparkline(vals)}` {prefix}{shown}")
            return [*out, ""]
        case Bars(title, bars):
            out = [f"**{md_escape(title)}**", ""]
            out += [f"- {md_escape(name)}: {value}" for name, value in bars]
            return [*out, ""]
        case Items(items):
            out = []
            for item in items:
                out.append(f"- **{md_escape(item.title)}**")
                out += [f"  - {md_escape(line)}" for line in item.lines]
            return [*out, ""]
        case Transcript(lines):
            return [f"> **{md_escape(u.speaker)}:** {md_escape(u.text)}  " for u in lines] + [""]
    raise TypeError(f"unknown block {block!r}")


def render_markdown(doc: Document) -> str:
    out = ["# " + md_escape(doc.title), ""]
    for block in doc.blocks:
        out += _block(block)
    return "\n".join(out).rstrip("\n") + "\n"
