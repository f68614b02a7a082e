"""Plain data passed between the answering stages: filters, hits, citations, answers."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from index.store import StoredPassage


@dataclass(frozen=True)
class Filters:
    """Restrict retrieval. Empty tuples and None mean "no restriction"."""

    doc_ids: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    authorities: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None

    def is_empty(self) -> bool:
        return not (self.doc_ids or self.kinds or self.authorities or self.year_from or self.year_to)

    def admits(self, p: StoredPassage) -> bool:
        year = int(p.date[:4]) if p.date else None
        return (
            (not self.doc_ids or p.doc_id in self.doc_ids)
            and (not self.kinds or p.doc_kind in self.kinds)
            and (not self.authorities or p.authority in self.authorities)
            and (self.year_from is None or (year is not None and year >= self.year_from))
            and (self.year_to is None or (year is not None and year <= self.year_to))
        )

    def admits_record(self, record) -> bool:
        """The same test for a document record (filters are about documents)."""
        year = record.year
        return (
            (not self.doc_ids or record.doc_id in self.doc_ids)
            and (not self.kinds or record.kind in self.kinds)
            and (not self.authorities or record.authority in self.authorities)
            and (self.year_from is None or (year is not None and year >= self.year_from))
            and (self.year_to is None or (year is not None and year <= self.year_to))
        )

    def where(self) -> dict | None:
        """The same restriction as a Chroma ``where`` clause."""
        clauses = []
        if self.doc_ids:
            clauses.append({"doc_id": {"$in": list(self.doc_ids)}})
        if self.kinds:
            clauses.append({"doc_kind": {"$in": list(self.kinds)}})
        if self.authorities:
            clauses.append({"authority": {"$in": list(self.authorities)}})
        if self.year_from is not None:
            clauses.append({"year": {"$gte": self.year_from}})
        if self.year_to is not None:
            clauses.append({"year": {"$lte": self.year_to}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


@dataclass(frozen=True)
class Hit:
    """A retrieved passage with its scores. ``dense`` is cosine similarity, ``lexical`` BM25."""

    passage: StoredPassage
    score: float
    dense: float = 0.0
    lexical: float = 0.0
    dense_rank: int | None = None
    lexical_rank: int | None = None
    rerank: float | None = None


@dataclass(frozen=True)
class Citation:
    n: int
    doc_id: str
    title: str
    kind: str
    publisher: str | None
    date: str | None
    locator: str
    passage_id: str
    text: str  # the whole cited passage
    quote: str  # a verbatim span of text
    start: int = 0  # the passage's offsets in its document's text
    end: int = 0

    @classmethod
    def of(cls, n: int, passage: StoredPassage, quote: str | None = None) -> "Citation":
        """Citation ``n`` of ``passage``, quoting ``quote`` (default: the whole passage)."""
        p = passage
        return cls(n=n, doc_id=p.doc_id, title=p.title, kind=p.doc_kind, publisher=p.publisher, date=p.date, locator=p.locator,
                   passage_id=p.passage_id, text=p.text, quote=p.text if quote is None else quote, start=p.start, end=p.end)

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Related:
    doc_id: str
    title: str
    date: str | None
    locator: str
    passage_id: str
    text: str

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Turn:
    """One earlier exchange in a chat, for follow-up questions."""

    question: str
    answer: str = ""
    search_query: str = ""


@dataclass
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: list[Citation] = field(default_factory=list)
    related: list[Related] = field(default_factory=list)
    mode: str = "extractive"
    dropped: list[dict] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    search_query: str = ""
    warnings: list[str] = field(default_factory=list)
    reason: str = ""  # why it abstained, for people running evals
    retrieved: list[str] = field(default_factory=list)  # passage ids retrieved, best first
    scope: str = ""  # where the answer comes from, when a home authority narrowed it ("From the documents on …")

    def to_json(self) -> dict:
        return {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "citations": [c.to_json() for c in self.citations],
            "related": [r.to_json() for r in self.related],
            "mode": self.mode,
            "dropped": self.dropped,
            "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
            "search_query": self.search_query,
            "warnings": self.warnings,
            "reason": self.reason,
            "retrieved": self.retrieved,
            "scope": self.scope,
        }
