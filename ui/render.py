"""HTML and text formatting for the pages: passages with their quotes highlighted, a document with
one passage marked in place. Every piece of document text is escaped before it is wrapped."""

from __future__ import annotations

import html
import json
import re

from index.text import display_date
from index.types import KIND_LABELS

PASSAGE_ANCHOR = "ia-passage"
_MARK = "background:#ffe58f;color:#1f1f1f;padding:0 1px;border-radius:2px"
_PASSAGE = "background:#fff7d6;color:#1f1f1f;outline:2px solid #f0b400;border-radius:3px;padding:2px 0"


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


def source_line(kind: str, date: str | None, locator: str) -> str:
    """'Ofsted letter · 7 September 2021 · paragraph 21'"""
    return " · ".join(p for p in (kind_label(kind), display_date(date), locator) if p)


def markdown_text(text: str) -> str:
    """Answer text made safe for st.markdown: '$' would start LaTeX."""
    return text.replace("$", "\\$")


def md_escape(text: str) -> str:
    """Plain text (a file name, a title) made literal in st.markdown."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>$~:])", r"\\\1", text)


def quote_spans(text: str, quotes: list[str]) -> list[tuple[int, int]]:
    """Merged (start, end) spans of every occurrence of each quote in ``text``."""
    spans = []
    for quote in quotes:
        if not quote:
            continue
        start = text.find(quote)
        while start != -1:
            spans.append((start, start + len(quote)))
            start = text.find(quote, start + len(quote))
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def highlighted(text: str, spans: list[tuple[int, int]], style: str = _MARK) -> str:
    """``text`` as escaped HTML with ``spans`` wrapped in <mark>."""
    out, position = [], 0
    for start, end in spans:
        out.append(html.escape(text[position:start]))
        out.append(f'<mark style="{style}">{html.escape(text[start:end])}</mark>')
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out)


def passage_html(text: str, quotes: list[str]) -> str:
    """A whole passage with the quoted spans highlighted."""
    body = highlighted(text, quote_spans(text, quotes))
    return f'<div class="ia-passage-text" style="white-space:pre-wrap;line-height:1.6">{body}</div>'


def document_html(text: str, start: int, end: int, quotes: list[str], height: str = "60vh") -> str:
    """The full document text in a scrolling box, the passage at ``start:end`` marked in place (its
    quotes highlighted within it), scrolled so the passage is in view."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if end <= start:
        start, end = 0, 0
    inner = text[start:end]
    marked = highlighted(inner, quote_spans(inner, quotes), _MARK + ";font-weight:600")
    body = (
        html.escape(text[:start])
        + f'<span id="{PASSAGE_ANCHOR}" data-testid="ia-passage" style="{_PASSAGE}">{marked}</span>'
        + html.escape(text[end:])
    )
    anchor = json.dumps(PASSAGE_ANCHOR)
    # Scroll the box (not the page) so the passage sits a little below its top. The box may not be
    # laid out yet when the script runs (the dialog animates in), so try for a second or so. (No
    # "<" in the script: the sanitiser drops a script whose text looks like it holds a tag.)
    script = (
        "<script>(function(){var n=0;function go(){var el=document.getElementById(" + anchor + ");"
        "var box=el&&el.closest('.ia-document');"
        "if(box&&box.clientHeight>0){box.scrollTop=Math.max(0,el.offsetTop-box.clientHeight/5);}"
        "else if(40>n++){setTimeout(go,50);}}go();})();</script>"
    )
    return (
        f'<div class="ia-document" style="position:relative;max-height:{height};overflow-y:auto;'
        'white-space:pre-wrap;line-height:1.6;padding:0.75rem 1rem;border:1px solid rgba(128,128,128,0.35);'
        f'border-radius:0.5rem;font-size:0.95rem">{body}</div>{script}'
    )


def short(text: str, limit: int = 160) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
