"""A briefing: answers collected with their cited quotes, in the order the user chooses, exported
as Markdown or a Word document with numbered references (title, publisher, date, locator) at the
end. Each answer's own [n] markers are renumbered to the briefing's references. An item may carry
a chart (PNG): Markdown embeds it as a data: URI, Word as a picture."""

from __future__ import annotations

import base64
import io
import re
from dataclasses import dataclass, field

from index.text import display_date

from .types import Answer, Citation

DEFAULT_TITLE = "Briefing"
_MARKER = re.compile(r"\[(\d+)\]")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class BriefingItem:
    """One collected answer: the question, the answer text with [n] markers, its citations, and
    optionally a chart (PNG bytes) with its caption, shown before the text."""

    question: str
    answer: str
    citations: tuple[Citation, ...] = ()
    chart_png: bytes | None = None
    chart_caption: str = ""

    @classmethod
    def from_answer(cls, answer: Answer) -> "BriefingItem":
        return cls(answer.question, answer.answer, tuple(answer.citations))


@dataclass(frozen=True)
class Reference:
    """A numbered reference: one cited passage, however many quotes were taken from it."""

    number: int
    passage_id: str
    title: str
    publisher: str | None
    date: str | None
    locator: str

    def text(self) -> str:
        """'Title. Publisher, 7 September 2021, paragraph 16.'"""
        parts = [p for p in (self.publisher, display_date(self.date), self.locator) if p]
        return f"{self.title.rstrip('.')}. {', '.join(parts)}."


@dataclass
class Briefing:
    title: str = DEFAULT_TITLE
    items: list[BriefingItem] = field(default_factory=list)

    # --- collecting and ordering ---------------------------------------------------------

    def add(self, item: BriefingItem) -> bool:
        """Append ``item``; False (and nothing added) when the same answer is already there."""
        if self.has(item):
            return False
        self.items.append(item)
        return True

    def has(self, item: BriefingItem) -> bool:
        return any(i.question == item.question and i.answer == item.answer for i in self.items)

    def remove(self, index: int) -> None:
        """Remove the item at ``index`` (an index out of range is ignored)."""
        if 0 <= index < len(self.items):
            del self.items[index]

    def move(self, index: int, offset: int) -> None:
        """Move the item at ``index`` by ``offset`` places (-1 up, +1 down), stopping at the ends."""
        if not 0 <= index < len(self.items):
            return
        target = max(0, min(len(self.items) - 1, index + offset))
        self.items.insert(target, self.items.pop(index))

    # --- numbering ---------------------------------------------------------------------------

    def references(self) -> list[Reference]:
        """The briefing's references, numbered in order of first citation; a passage cited by
        several answers (or several quotes) has one number."""
        refs: dict[str, Reference] = {}
        for item in self.items:
            for c in item.citations:
                if c.passage_id not in refs:
                    refs[c.passage_id] = Reference(len(refs) + 1, c.passage_id, c.title, c.publisher, c.date, c.locator)
        return list(refs.values())

    def _numbers(self) -> dict[str, int]:
        return {r.passage_id: r.number for r in self.references()}

    def renumbered(self, item: BriefingItem) -> tuple[str, list[tuple[int, str]]]:
        """The item's answer with its [n] markers changed to reference numbers, and the
        (reference number, quote) pairs of its citations."""
        numbers = self._numbers()
        by_n = {c.n: numbers[c.passage_id] for c in item.citations}
        text = _MARKER.sub(lambda m: f"[{by_n[int(m.group(1))]}]" if int(m.group(1)) in by_n else m.group(0), item.answer)
        return text, [(numbers[c.passage_id], c.quote) for c in item.citations]

    # --- export ------------------------------------------------------------------------------

    def to_markdown(self) -> str:
        """The briefing as Markdown: each question and answer, any quotes the answer text does
        not already carry, then the numbered references."""
        title = self.title.strip() or DEFAULT_TITLE
        lines = [f"# {title}", ""]
        if not self.items:
            lines += ["_No answers collected yet._", ""]
        for i, item in enumerate(self.items, start=1):
            text, quotes = self.renumbered(item)
            lines += [f"## {i}. {item.question.strip()}", ""]
            if item.chart_png:
                encoded = base64.b64encode(item.chart_png).decode("ascii")
                alt = item.chart_caption.replace("[", "(").replace("]", ")").replace("\n", " ") or "Chart"
                lines += [f"![{alt}](data:image/png;base64,{encoded})", ""]
                if item.chart_caption:
                    lines += [f"_{item.chart_caption}_", ""]
            lines += [text.strip(), ""]
            extra = [(n, q) for n, q in quotes if q not in item.answer]
            if extra:
                quoted = [line for n, q in extra for line in (f"> “{q}” [{n}]", ">")]
                lines += ["Quoted:", ""] + quoted[:-1] + [""]
        refs = self.references()
        if refs:
            lines += ["## References", ""]
            for r in refs:
                lines += [f"[{r.number}] {r.text()} `{r.passage_id}`", ""]
        return "\n".join(lines).rstrip() + "\n"

    def to_docx(self) -> bytes:
        """The briefing as a Word document (.docx bytes), laid out like :meth:`to_markdown`."""
        from docx import Document
        from docx.shared import Inches, Pt

        doc = Document()
        title = self.title.strip() or DEFAULT_TITLE
        doc.core_properties.title = title
        doc.add_heading(title, level=0)
        if not self.items:
            doc.add_paragraph("No answers collected yet.")
        for i, item in enumerate(self.items, start=1):
            text, quotes = self.renumbered(item)
            doc.add_heading(f"{i}. {item.question.strip()}", level=1)
            if item.chart_png:
                doc.add_picture(io.BytesIO(item.chart_png), width=Inches(6))
                if item.chart_caption:
                    doc.add_paragraph(item.chart_caption, style="Caption")
            lines = text.splitlines()
            for n, line in enumerate(lines):
                if not line.strip():
                    continue
                if _TABLE_ROW.match(line):
                    if n == 0 or not _TABLE_ROW.match(lines[n - 1]):  # a table's first row: add it whole
                        _add_table(doc, _table_at(lines, n))
                    continue
                bullet = line.lstrip().startswith(("- ", "* "))
                body = line.lstrip()[2:] if bullet else line
                paragraph = doc.add_paragraph(style="List Bullet" if bullet else None)
                _add_runs(paragraph, body)
            for n, quote in [(n, q) for n, q in quotes if q not in item.answer]:
                doc.add_paragraph(f"“{quote}” [{n}]", style="Quote")
        refs = self.references()
        if refs:
            doc.add_heading("References", level=1)
            for r in refs:
                paragraph = doc.add_paragraph(f"[{r.number}] {r.text()}")
                paragraph.paragraph_format.space_after = Pt(4)
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()


_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|(\s*:?-+:?\s*\|)+\s*$")


def _table_at(lines: list[str], start: int) -> list[str]:
    rows = []
    for line in lines[start:]:
        if not _TABLE_ROW.match(line):
            break
        rows.append(line)
    return rows


def _cells(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    return [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", inner)]


def _add_table(doc, rows: list[str]) -> None:
    """A Markdown table as a Word table, its first row bold."""
    cells = [_cells(r) for r in rows if not _TABLE_RULE.match(r)]
    if not cells:
        return
    width = max(len(r) for r in cells)
    table = doc.add_table(rows=len(cells), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(cells):
        for c, value in enumerate(row):
            paragraph = table.cell(r, c).paragraphs[0]
            run = paragraph.add_run(value)
            run.bold = r == 0


def _add_runs(paragraph, text: str) -> None:
    """Markdown **bold** spans become bold runs; the rest is plain text."""
    position = 0
    for match in _BOLD.finditer(text):
        if match.start() > position:
            paragraph.add_run(text[position : match.start()])
        paragraph.add_run(match.group(1)).bold = True
        position = match.end()
    if position < len(text):
        paragraph.add_run(text[position:])
