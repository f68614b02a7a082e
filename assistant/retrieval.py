"""Hybrid retrieval: dense (Chroma) and lexical (BM25) candidates fused (relative score fusion by
default, or reciprocal rank fusion), for the question and for its focus, with metadata filters and
an optional cross-encoder rerank."""

from __future__ import annotations

import functools
import os
import pickle
import re
import shutil
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Callable, Protocol, Sequence

from index.embeddings import Embedder, get_embedder
from index.settings import Settings
from index.store import DocumentRecord, Store, StoredPassage
from index.text import normalise
from index.types import OFSTED_KINDS

from .lexical import LexicalIndex, tokens
from .query_adapter import get_adapter
from .templates import Templates
from .types import Filters, Hit

RRF_K = 60
# Filters admitting at most this many passages are searched exactly over their vectors, in process
# (an authority's documents: a few hundred to a few thousand passages).
LOCAL_DENSE_MAX = 10_000
# A paragraph that leans on the one before ("…,” she says.") shares this much of its score: what
# it is about is partly written in its predecessor.
LEAN_SHARE = 0.3
# A passage holding a phrase the question quotes ('who said "I came away smiling"') gains this.
PHRASE_BONUS = 0.5
_QUOTED = re.compile(r"[“\"]([^”\"]{3,200})[”\"]|(?:^|(?<=\s))‘([^’]{3,200})’|(?:^|(?<=\s))'([^']{3,200})'(?=[\s?.,!;:]|$)")


class DenseSearch(Protocol):
    """What retrieval asks of the vector store (``index.store.Store`` here; a distributed Chroma
    collection in a national deployment, see docs/scaling.md)."""

    def query(self, vector: Sequence[float], k: int, where: dict | None = None, records: dict | None = None) -> list[tuple[StoredPassage, float]]: ...

    def nearest_ids(self, vector: Sequence[float], k: int, where: dict | None = None, records: dict | None = None) -> list[tuple[str, float]]: ...


class KeywordSearch(Protocol):
    """What retrieval asks of the keyword index (``LexicalIndex`` here, held per process; a
    server-side BM25 sparse index in a distributed deployment): passage numbers and scores."""

    def top(self, query: str, k: int, allowed=None) -> list[tuple[int, float]]: ...


def quoted_phrases(question: str) -> list[str]:
    """Phrases of two or more words the question puts in quotation marks, normalised."""
    found = [next(g for g in m.groups() if g) for m in _QUOTED.finditer(question)]
    return [normalise(f) for f in found if len(f.split()) >= 2]


def astuple_shallow(passage: StoredPassage) -> tuple:
    """A passage's fields in order (dataclasses.astuple would copy them deeply: slow)."""
    return tuple(getattr(passage, f.name) for f in fields(StoredPassage))


@functools.lru_cache(maxsize=4096)  # a report's headings, read for each broad question about it
def heading_words(heading: str) -> frozenset[str]:
    return frozenset(tokens(heading))


@dataclass
class Corpus:
    """Every live passage and the keyword index over them, for one version of the index."""

    version: tuple
    records: dict[str, DocumentRecord]
    passages: list[StoredPassage]
    lexical: LexicalIndex  # its top() is the KeywordSearch boundary
    vectors: object  # float32 rows, one a passage (VectorRows, read by row from a file; an array if it couldn't be written)
    templates: Templates = field(default_factory=lambda: Templates({}, 0))  # the library's boilerplate sentences

    @functools.cached_property
    def by_doc(self) -> dict[str, list[StoredPassage]]:
        """Each document's passages, in document order."""
        out: dict[str, list[StoredPassage]] = {}
        for p in self.passages:
            out.setdefault(p.doc_id, []).append(p)
        return out

    @functools.cached_property
    def record_passages(self) -> list[StoredPassage]:
        """The passages that are records (judgements, action rows), in document order."""
        from .records import RECORD_KINDS

        return [p for p in self.passages if p.kind in RECORD_KINDS]

    @functools.cached_property
    def judgement_areas(self) -> set[str]:
        """Every judgement area the indexed reports grade ("overall_effectiveness", "adoption", …)."""
        return {p.fields.get("area", "") for p in self.record_passages if p.kind == "judgement"} - {""}

    @functools.cached_property
    def years(self) -> set[int]:
        """The years the documents are dated in."""
        return {r.year for r in self.records.values() if r.year}

    @functools.cached_property
    def by_chroma_id(self) -> dict[str, int]:
        """Chroma's id of each passage (its id at its document's version) -> its number here."""
        from index.store import chroma_id

        return {chroma_id(p.passage_id, self.records[p.doc_id].content_hash): i for i, p in enumerate(self.passages) if p.doc_id in self.records}

    @functools.cached_property
    def by_id(self) -> dict[str, StoredPassage]:
        return {p.passage_id: p for p in self.passages}

    def title_passage(self, doc_id: str, document_text: Callable[[str], str]) -> StoredPassage | None:
        """The document's title as it prints it ("Re-inspection of services for children in need
        of help and protection, …" under the council's name), as a passage of its own: a report's
        title says what kind of inspection it was, and no passage holds it (the title is left out
        of the passages). Kept beside them by id, so an answer quoting it is found like any other;
        None when the document does not print its title."""
        pid = f"{doc_id}#title"
        if pid in self.by_id:
            return self.by_id[pid]
        record = self.records.get(doc_id)
        if record is None or not record.title:
            return None
        text = document_text(doc_id)
        words = [w.strip(":") for w in record.title.split()]
        pattern = r"[:\s]+".join(re.escape(w) for w in words if w)
        # as the record gives it (the colon after the council's name may be a line break), else
        # without its first word (a cover that prints the council's name apart from the title)
        found = re.search(pattern, text[:3000]) or (re.search(pattern.split(r"[:\s]+", 1)[-1], text[:3000]) if len(words) > 1 else None)
        if found is None:
            return None
        passage = StoredPassage(
            passage_id=pid, doc_id=doc_id, text=re.sub(r"\s+", " ", found.group(0)), locator="title, page 1", heading=(), start=found.start(), end=found.end(),
            context="", ordinal=-1, kind="title", page=1, title=record.title, doc_kind=record.kind, authority=record.authority,
            publisher=record.publisher, date=record.date, fields={},
        )
        self.by_id[pid] = passage
        return passage

    def verdict(self, row: StoredPassage) -> tuple[StoredPassage, str] | None:
        """The sentence a judgement row's report states it in (records.verdict_sentence), worked
        out once a row for this index version."""
        if row.passage_id not in self._verdicts:
            from .records import verdict_sentence

            self._verdicts[row.passage_id] = verdict_sentence(row, self.by_doc.get(row.doc_id, []))
        return self._verdicts[row.passage_id]

    @functools.cached_property
    def _verdicts(self) -> dict[str, tuple[StoredPassage, str] | None]:
        return {}

    @functools.cached_property
    def numbers(self) -> dict[str, int]:
        """Each passage's number (its row in ``vectors``)."""
        return {p.passage_id: i for i, p in enumerate(self.passages)}

    @functools.cached_property
    def _by_place(self) -> dict[tuple[str, int], StoredPassage]:
        return {(p.doc_id, p.ordinal): p for p in self.passages}

    @functools.cached_property
    def _leans(self) -> dict[str, bool]:
        return {}

    def holding(self, phrases: list[str], allowed=None) -> list[int]:
        """Numbers of the passages that hold every phrase (found through the keyword postings of
        each phrase's rarest word, then checked in the text)."""
        if not phrases:
            return []
        candidates = None
        for phrase in phrases:
            terms = [t for t in tokens(phrase) if t in self.lexical.postings]
            if not terms:
                return []
            rarest = min(terms, key=lambda t: len(self.lexical.postings[t][0]))
            numbers = {int(i) for i in self.lexical.postings[rarest][0]}
            candidates = numbers if candidates is None else candidates & numbers
        out = []
        for i in sorted(candidates or ()):
            if allowed is not None and not allowed[i]:
                continue
            text = normalise(self.passages[i].text)
            if all(phrase in text for phrase in phrases):
                out.append(i)
        return out

    def leans_on(self, passage: StoredPassage) -> StoredPassage | None:
        """The paragraph before ``passage`` when ``passage`` leans on it ("…,” she says.")."""
        if passage.kind != "paragraph":
            return None
        before = self._by_place.get((passage.doc_id, passage.ordinal - 1))
        if before is None or before.kind != "paragraph":
            return None
        leans = self._leans.get(passage.passage_id)
        if leans is None:
            from .extractive import paragraph_leans_back

            leans = self._leans[passage.passage_id] = paragraph_leans_back(passage.text) or _goes_on_about(passage.text, before.text)
        return before if leans else None

    @functools.cached_property
    def acronyms(self) -> dict[str, tuple[str, ...]]:
        """The acronyms the passages define, and their expansions (see acronyms.py), with the
        sector's shorthand they never define ("CLs": care leavers)."""
        from . import acronyms

        return {**acronyms.shorthand(), **acronyms.read(p.text for p in self.passages)}

    @functools.cached_property
    def titled_acronyms(self) -> frozenset[str]:
        """The acronyms the passages define as names ("Care Quality Commission (CQC)")."""
        from . import acronyms

        return acronyms.titled(p.text for p in self.passages)

    def section_on(self, doc_id: str, words: set[str]) -> list[StoredPassage]:
        """The paragraphs of ``doc_id`` under the heading that holds every one of ``words`` with the
        fewest other words (the section a topic names as its heading), in order;
        empty when no heading holds them."""
        if not words:
            return []
        sections: dict[str, list[StoredPassage]] = {}
        for p in self.by_doc.get(doc_id, []):
            if p.heading and p.kind in ("paragraph", "item"):
                sections.setdefault(p.heading[-1], []).append(p)
        fits = {h: len(heading_words(h) - words) for h in sections if words <= heading_words(h)}
        return sections[min(fits, key=lambda h: (fits[h], sections[h][0].ordinal))] if fits else []

    def section_about(self, doc_id: str, words: set[str], areas: set[str]) -> list[StoredPassage]:
        """The section of ``doc_id`` a topic heads (``section_on``), or else the one judging the
        judgement areas it names (``section_judging``)."""
        return self.section_on(doc_id, words) or self.section_judging(doc_id, areas)

    def section_judging(self, doc_id: str, areas: set[str]) -> list[StoredPassage]:
        """The paragraphs of ``doc_id`` under the heading that names just the judgement areas of
        ``areas`` (as ``records.named_areas`` reads both: one area, or the several a question's
        words name equally, as an area's words also name a judgement combining it with another),
        in order; empty when none does."""
        if not areas:
            return []
        from .records import named_areas

        return [p for p in self.by_doc.get(doc_id, []) if p.heading and p.kind == "paragraph" and named_areas(p.heading[-1], self.judgement_areas) == areas]

    def follower(self, passage: StoredPassage) -> StoredPassage | None:
        """The next paragraph when it leans on ``passage``."""
        after = self._by_place.get((passage.doc_id, passage.ordinal + 1))
        return after if after is not None and self.leans_on(after) is not None else None

    @functools.cached_property
    def _doc_numbers(self):
        """For each passage, the number of its document (so a filter costs one vectorised lookup)."""
        import numpy as np

        numbers = {doc_id: i for i, doc_id in enumerate(self.records)}
        return np.fromiter((numbers.get(p.doc_id, -1) for p in self.passages), dtype=np.int64, count=len(self.passages))

    def mask(self, filters: Filters):
        """Which passages ``filters`` admits, as a boolean array (documents decide, so per document)."""
        import numpy as np

        admitted = np.fromiter((filters.admits_record(r) for r in self.records.values()), dtype=bool, count=len(self.records))
        numbers = self._doc_numbers
        return np.where(numbers >= 0, admitted[np.clip(numbers, 0, None)], False) if len(admitted) else np.zeros(len(numbers), dtype=bool)


class VectorRows:
    """The rows of a float32 matrix saved with ``numpy.save``, read from the file as they are
    asked for: a process holds only the rows it reads. (A memory map would do the same on paper,
    but the kernel maps page-cache folios of up to 2 MB whole: 36 rows read made 51 MB resident.)"""

    def __init__(self, path: Path):
        import numpy as np

        with path.open("rb") as handle:
            version = np.lib.format.read_magic(handle)
            header = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
            shape, fortran, dtype = header(handle)
            self._offset = handle.tell()
        if fortran or dtype != np.float32 or len(shape) != 2:
            raise ValueError(f"{path} is not a float32 matrix")
        self.shape = shape
        self._row_bytes = shape[1] * 4
        self._fd = os.open(path, os.O_RDONLY)

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, rows):
        """The given rows (a sequence of row numbers), in that order; runs of consecutive rows are one read."""
        import numpy as np

        rows = np.asarray(rows, dtype=np.int64).reshape(-1)
        out = np.empty((len(rows), self.shape[1]), dtype=np.float32)
        at = 0
        while at < len(rows):
            end = at + 1
            while end < len(rows) and rows[end] == rows[end - 1] + 1:
                end += 1
            data = os.pread(self._fd, (end - at) * self._row_bytes, self._offset + int(rows[at]) * self._row_bytes)
            out[at:end] = np.frombuffer(data, dtype=np.float32).reshape(end - at, -1)
            at = end
        return out

    def __del__(self):
        try:
            os.close(self._fd)
        except (AttributeError, OSError):
            pass


# a paragraph opening on a group the one before introduced ("The group has made an animated video"
# after "…the Children in Care Council, who…"): it goes on about it
_THE_UNIT = re.compile(r"^\W*(?:\d+\.\s*)?the\s+(group|team|service|panel|board|forum|scheme|project|programme|hub|partnership)\b", re.I)


def _goes_on_about(text: str, before: str) -> bool:
    unit = _THE_UNIT.match(text)
    return bool(unit) and re.search(rf"\b{unit.group(1)}\b", before, re.I) is not None and not re.search(rf"\b{unit.group(1)}\b", text[unit.end():], re.I)


def _shared(passages) -> list[StoredPassage]:
    """The passages with one copy of each value their documents repeat (title, kind, authority,
    date, context, heading...): a quarter less memory for a library's 50,000 passages."""
    seen: dict = {}
    names = [f.name for f in fields(StoredPassage) if f.name not in ("text", "start", "end", "ordinal", "fields", "passage_id")]

    def one(value):
        try:
            return seen.setdefault(value, value)
        except TypeError:
            return value

    out = []
    for p in passages:
        for name in names:
            object.__setattr__(p, name, one(getattr(p, name)))
        out.append(p)
    return out


@dataclass(frozen=True)
class PassageQuery:
    """A question's vectors for searching passages: ``plain``, and ``turned`` by the passage adapter
    (see query_adapter.py), which Ofsted's passages, the kind it was learned on, are set against;
    an article's or a plan's meet the plain question."""

    plain: list[float]
    turned: list[float] | None = None

    def similarities(self, vectors, passages: Sequence[StoredPassage], dtype=None):
        """Each of ``vectors``' (``passages``') dot product with the question, turned for Ofsted's."""
        import numpy as np

        dtype = dtype or np.float32
        matrix = np.asarray(vectors, dtype=dtype)
        sims = matrix @ np.asarray(self.plain, dtype=dtype)
        if self.turned is not None:
            ofsted = np.fromiter((p.doc_kind in OFSTED_KINDS for p in passages), dtype=bool, count=len(passages))
            if ofsted.any():
                sims = np.where(ofsted, matrix @ np.asarray(self.turned, dtype=dtype), sims)
        return sims


class Retriever:
    """Finds the passages that answer a question. Thread-safe; one per process is enough."""

    def __init__(self, settings: Settings, store: Store | None = None, embedder: Embedder | None = None):
        self.settings = settings
        self.store = store or Store.open(settings)
        self.dense: DenseSearch = self.store  # the boundary a distributed store would take over
        self.embedder = embedder or get_embedder(settings)
        self._corpus: Corpus | None = None
        self._lock = threading.Lock()
        self._checked = 0.0
        self._stamp: tuple | None = None  # the store's change stamp when the corpus was read
        self._reranker = None
        self._query_vectors: dict[str, list[float]] = {}
        self._filtered: OrderedDict = OrderedDict()  # (version, filters) -> admitted passages, their vectors

    def embed_query(self, text: str, adapted: bool = True) -> list[float]:
        """The question's vector (the last few are kept: answering reuses retrieval's)."""
        return self.embed_queries([text], adapted)[0]

    def embed_queries(self, texts: list[str], adapted: bool = True) -> list[list[float]]:
        """Vectors for a question's texts (as asked, its focus, its parts), the new ones encoded
        together; ``adapted``: turned by the query adapter (see query_adapter.py), if one is set."""
        with self._lock:
            found = {t: self._query_vectors[t] for t in texts if t in self._query_vectors}
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            found.update(zip(missing, self.embedder.embed(missing, batch_size=len(missing), threads=self.settings.query_threads)))
            with self._lock:
                self._query_vectors.update((t, found[t]) for t in missing)
                while len(self._query_vectors) > 64:
                    self._query_vectors.pop(next(iter(self._query_vectors)))
        vectors = [found[t] for t in texts]
        adapter = get_adapter(self.settings) if adapted else None
        return adapter(vectors) if adapter and vectors else vectors

    def passage_query(self, text: str) -> PassageQuery:
        """The question's vectors for searching passages: as it is, and turned by the passage
        adapter (see query_adapter.py) if one is set."""
        vector = self.embed_query(text, adapted=False)
        adapter = get_adapter(self.settings, passages=True)
        return PassageQuery(vector, adapter([vector])[0] if adapter else None)

    def corpus(self, max_age: float = 2.0) -> Corpus:
        """The current corpus; re-read when the index has changed (checked at most every ``max_age`` s)."""
        now = time.monotonic()
        if self._corpus is not None and now - self._checked < max_age:
            return self._corpus
        with self._lock:
            stamp = self.store.change_stamp()
            if stamp is not None and self._corpus is not None and stamp == self._stamp:
                self._checked = now  # nothing written since the corpus was read
                return self._corpus
            version = tuple(sorted(self.store.document_versions().items()))
            if self._corpus is None or self._corpus.version != version:
                if self._corpus is not None:  # re-indexed by another process: read its index afresh
                    self.store.refresh()
                records = self.store.document_records()
                version = tuple(sorted((r.doc_id, r.content_hash) for r in records.values()))
                passages, vectors = self._passages(version)
                self._corpus = Corpus(version, records, passages, self._lexical(version, passages), vectors, self._templates(version, passages))
            self._checked, self._stamp = now, stamp
            return self._corpus

    def _cache_path(self, version: tuple, suffix: str) -> Path:
        import hashlib

        key = hashlib.sha256(repr((self.settings.collection, version)).encode()).hexdigest()[:20]
        return self.settings.data_dir / "lexical" / f"{key}{suffix}"

    def _passages(self, version: tuple):
        """Every live passage of this index version and their stored vectors (row i is passage
        i's): from a copy beside the keyword index when there is one (reading 50,000 passages
        back from Chroma takes seconds), else from the store. The vectors are read from their
        file row by row as needed, so a process holds only the rows it reads; without them every
        candidate's vector is a Chroma ``get`` (~2.5 ms a question at 100,000 passages)."""
        import numpy as np

        path, matrix = self._cache_path(version, ".passages"), self._cache_path(version, ".vectors.npy")
        try:
            with path.open("rb") as handle:
                rows = pickle.load(handle)
            vectors = VectorRows(matrix)
            if len(vectors) == len(rows):
                return [StoredPassage(*row) for row in rows], vectors  # shared values stay shared (pickle keeps one copy)
        except (OSError, pickle.UnpicklingError, EOFError, TypeError, ValueError, AttributeError):
            pass
        passages, vectors = self.store.all_passages_and_vectors()
        passages = _shared(passages)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            for target, write in ((matrix, lambda h: np.save(h, vectors)), (path, lambda h: pickle.dump([astuple_shallow(p) for p in passages], h, protocol=pickle.HIGHEST_PROTOCOL))):
                tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
                with tmp.open("wb") as handle:
                    write(handle)
                tmp.replace(target)  # the vectors first: a copy of the passages is never without them
            for suffix in ("*.passages", "*.vectors.npy"):
                for old in path.parent.glob(suffix):
                    if old not in (path, matrix) and time.time() - old.stat().st_mtime > 600:
                        old.unlink(missing_ok=True)
            vectors = VectorRows(matrix)  # this process too holds only the rows it reads
        except (OSError, ValueError):
            pass  # a read-only data folder: the copy is read from the store each time and held whole
        return passages, vectors

    def _templates(self, version: tuple, passages: list[StoredPassage]) -> Templates:
        """The library's sentence templates for this index version: loaded from beside the keyword
        index, else counted (~4 s for 400 reports) and saved."""
        path = self._cache_path(version, ".templates")
        try:
            with path.open("rb") as handle:
                counts, documents = pickle.load(handle)
            return Templates(counts, documents)
        except (OSError, pickle.UnpicklingError, EOFError, TypeError, ValueError):
            pass
        templates = Templates.build(passages)
        try:
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            with tmp.open("wb") as handle:
                pickle.dump((templates.counts, templates.documents), handle, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
            for old in path.parent.glob("*.templates"):
                if old != path and time.time() - old.stat().st_mtime > 600:
                    old.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only data folder: counted again next time
        return templates

    def _lexical(self, version: tuple, passages: list[StoredPassage]) -> LexicalIndex:
        """The keyword index for this index version: loaded from beside the store, else built and saved."""
        path = self._cache_path(version, ".bm25")
        index = LexicalIndex.load(path)
        if index is None or index.size != len(passages):
            index = LexicalIndex([p.search_text for p in passages])
            try:
                index.save(path)
                for old in path.parent.glob("*.bm25"):
                    if old != path and time.time() - old.stat().st_mtime > 600:
                        shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
            except OSError:
                pass  # a read-only data folder: the index is simply rebuilt next time
        return index

    def search(
        self,
        query: str,
        k: int = 5,
        filters: Filters | None = None,
        candidates: int = 30,
        rerank: bool = False,
        lexical_query: str | None = None,
        focus: str | None = None,
    ) -> list[Hit]:
        """The ``k`` best passages for ``query``, fused from dense and keyword rankings.
        ``lexical_query`` (default: ``query``) is what keyword search looks for. ``focus`` is the
        question without its setting ("…for the 2021 visit"): a passage scores the better of its
        fused scores for the two, so one about what is asked is not outranked by ones about where."""
        filters = filters or Filters()
        if self.settings.retrieval == "dense":
            return self.dense_only(query, k, filters)
        corpus = self.corpus()
        allowed = None if filters.is_empty() else corpus.mask(filters)
        lexical = corpus.lexical.top(lexical_query or query, candidates, allowed)
        if focus and focus != query:
            self.embed_queries([query, focus])  # one encoding for both
        hits = self._fused(query, filters, candidates, lexical_query, corpus, allowed, lexical)
        if focus and focus != query:
            # the keyword search is the same one when it looks for lexical_query
            shared = lexical if lexical_query else corpus.lexical.top(focus, candidates, allowed)
            best = {h.passage.passage_id: h for h in hits}
            for hit in self._fused(focus, filters, candidates, lexical_query, corpus, allowed, shared):
                pid = hit.passage.passage_id
                if pid not in best or hit.score > best[pid].score:
                    best[pid] = hit
            hits = sorted(best.values(), key=lambda h: (-h.score, h.passage.passage_id))
        if rerank and hits:
            hits = self._rerank(query, hits[: max(k, candidates)])
        return hits[:k]

    def _fused(self, query: str, filters: Filters, candidates: int, lexical_query: str | None, corpus: Corpus, allowed, lexical) -> list[Hit]:
        """Every candidate passage for ``query`` (and for the keyword search's results
        ``lexical``), best first, with its fused score."""
        vector = self.passage_query(query)
        dense = self._dense(vector, candidates, filters, corpus, allowed)
        dense_rank = {p.passage_id: (i, sim) for i, (p, sim) in enumerate(dense)}
        lexical_rank = {corpus.passages[i].passage_id: (r, score) for r, (i, score) in enumerate(lexical)}
        by_id, phrased = {p.passage_id: p for p, _ in dense}, set()
        by_id.update({corpus.passages[i].passage_id: corpus.passages[i] for i, _ in lexical})
        held = corpus.holding(quoted_phrases(lexical_query or query), allowed)
        if len(held) > candidates:  # a common phrase: the ones already found, then the first others
            held = sorted(held, key=lambda i: corpus.passages[i].passage_id not in by_id)[:candidates]
        for i in held:
            by_id.setdefault(corpus.passages[i].passage_id, corpus.passages[i])
            phrased.add(corpus.passages[i].passage_id)
        found = list(by_id)
        leaning = {}  # follower id -> the candidate it leans on
        for pid in found:
            follower = corpus.follower(by_id[pid])
            if follower is not None and (allowed is None or filters.admits_record(corpus.records[follower.doc_id])):
                leaning[follower.passage_id] = pid
                by_id.setdefault(follower.passage_id, follower)
        sims = {pid: sim for pid, (_, sim) in dense_rank.items()}
        missing = [pid for pid in by_id if pid not in sims]
        sims.update(self._similarities(vector, [by_id[pid] for pid in missing], corpus))
        top_lex = max((s for _, s in lexical_rank.values()), default=0.0) or 1.0
        low = min((sims[pid] for pid in found if pid in sims), default=0.0)
        for pid in by_id:  # a passage re-indexed away meanwhile: no vector, lowest similarity
            sims.setdefault(pid, low)
        high = max(sims.values(), default=1.0)
        span = (high - low) or 1.0
        hits, fused_scores = [], {}
        for pid, passage in by_id.items():
            d = dense_rank.get(pid)
            lx = lexical_rank.get(pid)
            if self.settings.fusion == "rrf":
                fused = (1 / (RRF_K + d[0] + 1) if d else 0.0) + (1 / (RRF_K + lx[0] + 1) if lx else 0.0)
            else:  # relative score fusion: min-max dense similarity plus BM25 relative to the best
                fused = 0.5 * max(0.0, sims[pid] - low) / span + 0.5 * ((lx[1] / top_lex) if lx else 0.0)
            fused_scores[pid] = fused
        for pid in phrased:
            fused_scores[pid] += PHRASE_BONUS
        for pid, before in leaning.items():
            fused_scores[pid] += LEAN_SHARE * fused_scores[before]
        for pid, passage in by_id.items():
            d = dense_rank.get(pid)
            lx = lexical_rank.get(pid)
            hits.append(
                Hit(
                    passage=passage,
                    score=fused_scores[pid],
                    dense=sims[pid],
                    lexical=lx[1] if lx else 0.0,
                    dense_rank=d[0] if d else None,
                    lexical_rank=lx[0] if lx else None,
                )
            )
        hits.sort(key=lambda h: (-h.score, h.passage.passage_id))
        return hits

    def _dense(self, vector: PassageQuery, k: int, filters: Filters, corpus: Corpus, allowed) -> list[tuple[StoredPassage, float]]:
        """The k passages nearest ``vector`` that ``filters`` admits. A filter that leaves few
        passages (an authority's documents: every question scoped to the home authority) is
        searched here, exactly, over their vectors held for this index version; Chroma's filtered
        search costs ~45 ms at 100,000 passages. Otherwise Chroma gives the nearest ids alone and
        the passages come from this process's copy (fetching them is most of Chroma's 5 ms)."""
        import numpy as np

        if allowed is None or int(allowed.sum()) > LOCAL_DENSE_MAX:
            # the passages come from this process's copy (a passage re-indexed since it was made is left out)
            found = [
                (corpus.passages[corpus.by_chroma_id[cid]], sim)
                for cid, sim in self.dense.nearest_ids(vector.plain, k, filters.where(), records=corpus.records)
                if cid in corpus.by_chroma_id
            ]
            if vector.turned is None:
                return found
            # Ofsted's passages nearest the turned question, the others nearest the plain one;
            # Chroma gives cosines and a turned question is not of unit length: its similarities
            # here are dot products, as in the search below and _similarities
            scale = float(np.linalg.norm(vector.turned)) or 1.0
            turned = [
                (corpus.passages[corpus.by_chroma_id[cid]], sim * scale)
                for cid, sim in self.dense.nearest_ids(vector.turned, k, filters.where(), records=corpus.records)
                if cid in corpus.by_chroma_id
            ]
            merged = [(p, sim) for p, sim in turned if p.doc_kind in OFSTED_KINDS] + [(p, sim) for p, sim in found if p.doc_kind not in OFSTED_KINDS]
            return sorted(merged, key=lambda pair: -pair[1])[:k]
        passages, matrix = self._vectors_of(filters, corpus, allowed)
        if not passages:
            return []
        sims = vector.similarities(matrix, passages)
        top = np.argsort(-sims, kind="stable")[:k]
        return [(passages[i], float(sims[i])) for i in top]

    def _vectors_of(self, filters: Filters, corpus: Corpus, allowed):
        """The admitted passages and their stored vectors (a few filters' worth kept per version)."""
        import numpy as np

        key = (corpus.version, filters)
        with self._lock:
            if key in self._filtered:
                self._filtered.move_to_end(key)
                return self._filtered[key]
        numbers = np.flatnonzero(allowed)
        entry = ([corpus.passages[i] for i in numbers], np.asarray(corpus.vectors[numbers], dtype=np.float32))
        with self._lock:
            self._filtered[key] = entry
            while len(self._filtered) > 8:
                self._filtered.popitem(last=False)
        return entry

    def _similarities(self, vector: PassageQuery, passages: list[StoredPassage], corpus: Corpus) -> dict[str, float]:
        """Similarity of ``vector`` to passages the dense search did not return."""
        rows = [i for i in (corpus.numbers.get(p.passage_id) for p in passages) if i is not None]
        if not rows:
            return {}
        import numpy as np

        sims = vector.similarities(corpus.vectors[rows], [corpus.passages[i] for i in rows], np.float64)
        return dict(zip((corpus.passages[i].passage_id for i in rows), sims.tolist()))

    def dense_only(self, query: str, k: int = 5, filters: Filters | None = None) -> list[Hit]:
        """Dense retrieval alone (for comparisons in the eval)."""
        corpus = self.corpus()
        vector = self.embed_query(query, adapted=False)
        found = self.dense.query(vector, k, (filters or Filters()).where(), records=corpus.records)
        return [Hit(passage=p, score=sim, dense=sim, dense_rank=i) for i, (p, sim) in enumerate(found)]

    def _rerank(self, query: str, hits: list[Hit]) -> list[Hit]:
        from dataclasses import replace

        from .rerank import get_reranker

        scores = get_reranker().score(query, [h.passage.search_text for h in hits])
        ranked = sorted(zip(hits, scores), key=lambda pair: -pair[1])
        return [replace(h, rerank=float(s)) for h, s in ranked]
