"""Plain data passed between the indexing stages: a loaded text, a document, a passage."""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = (
    "inspection_report",
    "focused_visit_letter",
    "monitoring_visit_letter",
    "ofsted_letter",
    "improvement_plan",
    "press_release",
    "news_article",
    "other",
)
# the kinds of document Ofsted writes: a report's own text tells the first three apart (index/ofsted.py)
OFSTED_KINDS = ("inspection_report", "focused_visit_letter", "monitoring_visit_letter", "ofsted_letter")
KIND_LABELS = {
    "inspection_report": "Inspection report",
    "focused_visit_letter": "Focused visit letter",
    "monitoring_visit_letter": "Monitoring visit letter",
    "ofsted_letter": "Ofsted letter",
    "improvement_plan": "Improvement plan",
    "press_release": "Press release",
    "news_article": "News article",
    "other": "Document",
}


@dataclass(frozen=True)
class LoadedText:
    """What a loader returns: the document's text and what it knows of its layout.

    ``pages`` holds (page number, start, end) offsets into ``text`` for paged formats.
    ``headings`` holds (start, end) offsets of lines the format marks as headings; ``None``
    means the format does not say and headings are guessed from the text.
    """

    text: str
    format: str
    pages: tuple[tuple[int, int, int], ...] = ()
    headings: tuple[tuple[int, int], ...] | None = None


@dataclass(frozen=True)
class DocumentMeta:
    doc_id: str
    title: str
    kind: str = "other"
    authority: str | None = None
    publisher: str | None = None
    date: str | None = None  # ISO 8601: YYYY-MM-DD, or YYYY-MM / YYYY when the source gives no day
    inferred: tuple[str, ...] = ()  # which fields were guessed from the text (no manifest entry)
    # What an inspection report or visit letter states about itself (read from its content):
    framework: str | None = None  # SIF, ILACS standard, ILACS short, focused visit, monitoring visit
    start_date: str | None = None  # the inspection's first and last days
    end_date: str | None = None
    published: str | None = None
    lead_inspector: str | None = None
    inspectors: tuple[str, ...] = ()
    judgements: tuple[tuple[str, str, str], ...] = ()  # (area key, judgement as worded, grade), in the report's order

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None


@dataclass(frozen=True)
class Document:
    meta: DocumentMeta
    source: str  # file name (or path relative to the source folder)
    text: str
    format: str
    content_hash: str
    pages: tuple[tuple[int, int, int], ...] = ()

    @property
    def doc_id(self) -> str:
        return self.meta.doc_id


@dataclass(frozen=True)
class Passage:
    """One citable unit: a paragraph, a list item, or one row of an action table.

    ``start``/``end`` are character offsets into the document's text covering everything the
    passage was made from (a paragraph broken by a page break spans both halves). ``context`` is
    the title/date/heading line prefixed to the text for embedding and keyword search.
    """

    passage_id: str
    doc_id: str
    ordinal: int
    text: str
    locator: str
    heading: tuple[str, ...]
    start: int
    end: int
    context: str = ""
    page: int | None = None
    # or "item" (of a list), "action" (a table row), "block" (a letter's address, date or signature),
    # "field" (a labelled cover line: "Lead inspector: …"), "judgement" (a row of a judgement table)
    kind: str = "paragraph"
    fields: dict[str, str] = field(default_factory=dict)  # labelled columns of an action row

    @property
    def search_text(self) -> str:
        return f"{self.context}\n{self.text}" if self.context else self.text
