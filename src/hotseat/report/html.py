"""Self-contained, printable HTML rendering of a report document.

Nothing is fetched: styles are inline, charts are inline SVG, and a
Content-Security-Policy forbids scripts outright, so even text that slipped past
escaping could not run. Every piece of user text goes through ``html.escape``.
"""

from __future__ import annotations

from html import escape

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
from hotseat.report.svg import bar_chart, line_chart

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC",
       "Microsoft YaHei", sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem;
       color: #111; line-height: 1.5; }
h1 { font-size: 1.6rem; border-bottom: 2px solid #111; padding-bottom: .3rem; }
h2 { font-size: 1.2rem; margin-top: 1.8rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bbb; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
figure { margin: 1rem 0; }
figcaption { font-weight: 600; margin-bottom: .3rem; }
svg.chart { width: 100%; height: auto; }
ul.items { padding-left: 1.2rem; }
ul.items li { margin-bottom: .6rem; }
ul.items .error { color: #a00; }
ul.items .warning { color: #8a5a00; }
.chat { display: flex; flex-direction: column; gap: .35rem; }
.chat p { margin: 0; padding: .35rem .6rem; border-radius: .5rem; max-width: 80%;
          white-space: pre-wrap; }
.chat .customer { background: #f4e9e6; align-self: flex-start; }
.chat .trainee { background: #e6eef6; align-self: flex-end; }
.chat b { margin-right: .4rem; }
@media print {
  body { margin: 0; max-width: none; }
  h2, figure, table, .chat p { break-inside: avoid; }
}
"""


def _block(block: Block) -> str:
    match block:
        case Heading(text, level):
            return f"<h{level}>{escape(text)}</h{level}>"
        case Para(text):
            return f"<p>{escape(text)}</p>"
        case Facts(pairs):
            body = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in pairs)
            return f'<dl class="facts">{body}</dl>'
        case Table(header, rows):
            head = "".join(f"<th>{escape(h)}</th>" for h in header)
            body = "".join(
                "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows
            )
            return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        case LineChart(title, series, x_labels, axis):
            chart = line_chart(title, series, x_labels, axis)
            return f"<figure><figcaption>{escape(title)}</figcaption>{chart}</figure>"
        case Bars(title, bars):
            return (
                f"<figure><figcaption>{escape(title)}</figcaption>{bar_chart(title, bars)}</figure>"
            )
        case Items(items):
            lis = "".join(
                f'<li class="{escape(i.severity)}"><strong>{escape(i.title)}</strong>'
                + "".join(f"<br>{escape(line)}" for line in i.lines)
                + "</li>"
                for i in items
            )
            return f'<ul class="items">{lis}</ul>'
        case Transcript(lines):
            ps = "".join(
                f'<p class="{u.side}"><b>{escape(u.speaker)}</b>{escape(u.text)}</p>' for u in lines
            )
            return f'<div class="chat">{ps}</div>'
    raise TypeError(f"unknown block {block!r}")


def render_html(doc: Document) -> str:
    lang = "zh-CN" if doc.lang == "zh" else "en"
    body = "\n".join(_block(b) for b in doc.blocks)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(doc.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{escape(doc.title)}</h1>\n{body}\n</body>\n</html>\n"
    )
