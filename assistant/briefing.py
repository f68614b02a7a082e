"""A briefing: answers collected with their cited quotes, in the order the user chooses, exported
as Markdown or a Word document with numbered references (title, publisher, date, locator) at the
end. Each answer's own [n] markers are renumbered to the briefing's references."""

from __future__ import annotations

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
    """One collected answer: the question, the answer text with [n] markers, its citations."""

    question: str
    answer: str
    citations: tuple[Citation, ...] = ()

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
            lines += [f"## {i}. {item.question.strip()}", "", text.strip(), ""]
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
        from docx.shared import Pt

        doc = Document()
        title = self.title.strip() or DEFAULT_TITLE
        doc.core_properties.title = title
        doc.add_heading(title, level=0)
        if not self.items:
            doc.add_paragraph("No answers collected yet.")
        for i, item in enumerate(self.items, start=1):
            text, quotes = self.renumbered(item)
            doc.add_heading(f"{i}. {item.question.strip()}", level=1)
            for line in text.splitlines():
                if not line.strip():
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
