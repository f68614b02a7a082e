"""The Chroma store: one collection of passages (text, metadata, vectors) and one of documents
(one record per indexed document: metadata, content hash, full text).

A document's passages are written under ids that carry the document's content hash, then the
document record is switched to that hash, then older passages are deleted. Readers only see
passages whose hash is the one their document record names, so a run killed at any point leaves
the previous index whole, and the next run picks up where it stopped.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass
from typing import Iterable, Sequence

from .errors import IndexMissing, NotFound, StoreError
from .sentence_files import SentenceFiles
from .settings import Settings
from .types import Document, Passage

_DOC_VECTOR = [1.0]  # the documents collection needs a vector per record; it is never searched
_GET_PAGE = 2000


@dataclass(frozen=True)
class DocumentRecord:
    doc_id: str
    title: str
    kind: str
    authority: str | None
    publisher: str | None
    date: str | None
    source: str
    path: str
    format: str
    content_hash: str
    passage_count: int
    pages: int
    indexed_at: float
    inferred: tuple[str, ...] = ()
    framework: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    published: str | None = None
    lead_inspector: str | None = None
    inspectors: tuple[str, ...] = ()
    judgements: tuple[tuple[str, str, str], ...] = ()

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None


@dataclass(frozen=True)
class StoredPassage:
    """A passage as read back from the store, with its document's metadata."""

    passage_id: str
    doc_id: str
    text: str
    locator: str
    heading: tuple[str, ...]
    start: int
    end: int
    context: str
    ordinal: int
    kind: str
    page: int | None
    title: str
    doc_kind: str
    authority: str | None
    publisher: str | None
    date: str | None
    fields: dict[str, str]

    @property
    def search_text(self) -> str:
        return f"{self.context}\n{self.text}" if self.context else self.text


def describe_store(settings: Settings) -> str:
    if settings.chroma_host:
        return f"the Chroma server {settings.chroma_host}:{settings.chroma_port} (collection {settings.collection})"
    return str(settings.chroma_dir)


def _names(collection: str, generation: str) -> tuple[str, str, str]:
    base = f"{collection}-{generation}" if generation else collection
    return base, f"{base}_documents", f"{base}_sentences"


_GENERATION = re.compile(r"-(g\d+)(?:_documents|_sentences)?$")


def _generation_of(name: str, collection: str) -> str | None:
    """The generation a collection belongs to ("" for the plain names), or None for another's."""
    if name in _names(collection, ""):
        return ""
    found = _GENERATION.search(name)
    if found and name[: found.start()] == collection:
        return found.group(1)
    return None


def _collection_names(client) -> list[str]:
    return [c if isinstance(c, str) else c.name for c in client.list_collections()]


def _client(settings: Settings, fresh: bool = False):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=True)
    if settings.chroma_host:
        client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
        client.heartbeat()
        return client
    settings.chroma_dir.mkdir(parents=True, exist_ok=True)
    if fresh:  # a new Chroma system for the folder, so its vector index is read from disk again
        from chromadb.api.shared_system_client import SharedSystemClient

        folder = str(settings.chroma_dir)
        for key in [k for k in SharedSystemClient._identifier_to_system if k.endswith(folder)]:
            _retired.append(SharedSystemClient._identifier_to_system.pop(key))
            SharedSystemClient._identifier_to_refcount.pop(key, None)
        while len(_retired) > 1:  # the one before stays up for questions still using it
            try:
                _retired.pop(0).stop()
            except Exception:
                pass
    return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)


_retired: list = []  # Chroma systems replaced by a fresh one


def _open_failure(settings: Settings, err: Exception) -> str:
    line = f"cannot open the Chroma store at {describe_store(settings)}: {_first_line(err)}"
    if not settings.chroma_host:
        line += f" (if its files are damaged: move {settings.chroma_dir} aside and run `inspection-assistant index` to build it again)"
    return line


def _first_line(err: Exception) -> str:
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0][:200]}" if text else type(err).__name__


def chroma_id(passage_id: str, content_hash: str) -> str:
    return f"{passage_id}@{content_hash[:16]}"


def _clean(meta: dict) -> dict:
    return {k: v for k, v in meta.items() if v is not None and v != ""}


def passage_metadata(passage: Passage, doc: Document) -> dict:
    meta = {
        "passage_id": passage.passage_id,
        "doc_id": doc.doc_id,
        "doc_hash": doc.content_hash,
        "ordinal": passage.ordinal,
        "locator": passage.locator,
        "heading": json.dumps(list(passage.heading), ensure_ascii=False),
        "start": passage.start,
        "end": passage.end,
        "context": passage.context,
        "kind": passage.kind,
        "page": passage.page,
        "title": doc.meta.title,
        "doc_kind": doc.meta.kind,
        "authority": doc.meta.authority,
        "publisher": doc.meta.publisher,
        "date": doc.meta.date,
        "year": doc.meta.year,
        "framework": doc.meta.framework,
    }
    for name, value in passage.fields.items():
        meta[f"action_{name}"] = value
    return _clean(meta)


# Extra nearest neighbours fetched so that a few stale rows (mid re-index) don't shorten the results.
_STALE_MARGIN = 10


# Chroma keeps every metadata key as a row of its own, indexed for filtering. A passage keeps as keys
# only what reads filter on; the rest, with its text, is one JSON value. Its text is not Chroma's
# document either: Chroma indexes documents for full-text search, which nothing here uses. On 16
# library reports this took the passages' writes from 2.3 s to 1.5 s (they share the cores with the
# encoder). Stores written before keep each field as a key and the text as the document, and are
# read either way.
_FILTERED = ("passage_id", "doc_id", "doc_hash", "kind", "doc_kind", "authority", "year")
_PACKED = "stored"


def _packed(meta: dict, text: str) -> dict:
    kept = {k: meta[k] for k in _FILTERED if k in meta}
    kept[_PACKED] = json.dumps({**{k: v for k, v in meta.items() if k not in kept}, "text": text}, ensure_ascii=False)
    return kept


def _passage(text: str | None, meta: dict | None) -> StoredPassage | None:
    """The stored passage of one row, or None for a row deleted while it was read."""
    if not meta:
        return None
    if _PACKED in meta:
        meta = {**meta, **json.loads(meta[_PACKED])}
        text = meta["text"]
    return None if text is None else _stored(text, meta)


def _stored(text: str, meta: dict) -> StoredPassage:
    return StoredPassage(
        passage_id=meta["passage_id"],
        doc_id=meta["doc_id"],
        text=text,
        locator=meta.get("locator", ""),
        heading=tuple(json.loads(meta.get("heading", "[]"))),
        start=int(meta.get("start", 0)),
        end=int(meta.get("end", 0)),
        context=meta.get("context", ""),
        ordinal=int(meta.get("ordinal", 0)),
        kind=meta.get("kind", "paragraph"),
        page=meta.get("page"),
        title=meta.get("title", ""),
        doc_kind=meta.get("doc_kind", "other"),
        authority=meta.get("authority"),
        publisher=meta.get("publisher"),
        date=meta.get("date"),
        fields={k[len("action_"):]: v for k, v in meta.items() if k.startswith("action_")},
    )


class Store:
    """Passages and document records in Chroma, in one *generation* of collections. Use :meth:`open`.

    ``index --rebuild`` builds a new generation beside the live one and switches a pointer (the
    metadata of the ``<collection>_live`` collection) only when it is complete, so readers (in
    this process, others, or on a Chroma server) keep answering from the old one until then, and
    a killed rebuild loses nothing. A store made before generations has the plain names, which
    are generation ""."""

    def __init__(self, client, settings: Settings, generation: str | None = None):
        self.client = client
        self.settings = settings
        self.generation = self.live_generation() if generation is None else generation
        self._bind()

    def _bind(self) -> None:
        passages, documents, sentences = _names(self.settings.collection, self.generation)
        self.passages = self.client.get_or_create_collection(passages, configuration={"hnsw": {"space": "cosine"}}, embedding_function=None)
        self.documents_collection = self.client.get_or_create_collection(documents, embedding_function=None)
        self.sentences = self.client.get_or_create_collection(sentences, configuration={"hnsw": {"space": "cosine"}}, embedding_function=None)

    @classmethod
    def open(cls, settings: Settings, create: bool = False, fresh: bool = False) -> "Store":
        """Open the store: the embedded one in the data folder, or a Chroma server when
        ``chroma_host`` is set. Without ``create``, a missing index raises IndexMissing."""
        where = describe_store(settings)
        if not settings.chroma_host and not create and not (settings.chroma_dir / "chroma.sqlite3").exists():
            raise IndexMissing(f"no index at {where}; build it with `inspection-assistant index`")
        try:
            store = cls(_client(settings, fresh=fresh), settings)
        except (IndexMissing, StoreError):
            raise
        except Exception as err:
            raise StoreError(_open_failure(settings, err)) from None
        if settings.chroma_host and not create and store.documents_collection.count() == 0:
            raise IndexMissing(f"no index at {where}; build it with `inspection-assistant index`")
        return store

    # --- generations ----------------------------------------------------------------------

    def _pointer(self):
        return self.client.get_or_create_collection(f"{self.settings.collection}_live", embedding_function=None)

    def _pointer_meta(self) -> dict:
        return dict(self._pointer().metadata or {})

    def live_generation(self) -> str:
        return str(self._pointer_meta().get("generation", ""))

    def begin_rebuild(self, model: str) -> "Store":
        """A store for building a new generation beside the live one: the unfinished generation
        of a stopped rebuild with the same ``model``, when there is one (its finished documents
        are kept), else a new, empty one."""
        meta = self._pointer_meta()
        live, building = str(meta.get("generation", "")), str(meta.get("building", ""))
        if building and building != live:
            resumed = Store(self.client, self.settings, generation=building)
            if resumed.model_name() in (None, model):
                return resumed
        building = f"g{time.time_ns() // 1_000_000}"
        self._drop_generations(keep={live})
        self._pointer().modify(metadata={**meta, "building": building})
        return Store(self.client, self.settings, generation=building)

    def go_live(self) -> None:
        """Make this (complete) generation the one every reader uses, then drop the others."""
        pointer = self._pointer()
        meta = dict(pointer.metadata or {})
        meta["generation"] = self.generation
        meta.pop("building", None)
        pointer.modify(metadata=meta)
        self._drop_generations(keep={self.generation})

    def _drop_generations(self, keep: set[str]) -> None:
        base = self.settings.collection
        for name in _collection_names(self.client):
            generation = _generation_of(name, base)
            if generation is not None and generation not in keep:
                try:
                    self.client.delete_collection(name)
                except Exception:
                    pass

    def refresh(self) -> None:
        """Follow the pointer to the live generation and, in embedded mode, drop Chroma's
        in-memory copy of the vector index (another process may have written since it was read)."""
        if not self.settings.chroma_host:
            self.client = _client(self.settings, fresh=True)
        self.generation = self.live_generation()
        self._bind()

    # --- document records -------------------------------------------------------------

    def model_name(self) -> str | None:
        return (self.passages.metadata or {}).get("embedding_model")

    def set_model_name(self, name: str) -> None:
        if self.model_name() != name:
            self._set_meta(embedding_model=name)

    def _set_meta(self, **values) -> None:
        meta = dict(self.passages.metadata or {})
        meta.update(values)
        self.passages.modify(metadata=meta)

    @property
    def needs_sweep(self) -> bool:
        """Was anything written since the last complete sweep (or a run killed half-way)?"""
        return bool((self.passages.metadata or {}).get("unswept", True))

    def mark_unswept(self) -> None:
        """Called before a run writes anything: until its sweep, stale rows may exist."""
        if not (self.passages.metadata or {}).get("unswept"):
            self._set_meta(unswept=True)

    def document_records(self) -> dict[str, DocumentRecord]:
        got = self.documents_collection.get(include=["metadatas"])
        records = {}
        for meta in got["metadatas"] or []:
            record = DocumentRecord(
                doc_id=meta["doc_id"],
                title=meta.get("title", ""),
                kind=meta.get("kind", "other"),
                authority=meta.get("authority"),
                publisher=meta.get("publisher"),
                date=meta.get("date"),
                source=meta.get("source", ""),
                path=meta.get("path", ""),
                format=meta.get("format", ""),
                content_hash=meta["content_hash"],
                passage_count=int(meta.get("passage_count", 0)),
                pages=int(meta.get("pages", 0)),
                indexed_at=float(meta.get("indexed_at", 0)),
                inferred=tuple(filter(None, meta.get("inferred", "").split(","))),
                framework=meta.get("framework"),
                start_date=meta.get("start_date"),
                end_date=meta.get("end_date"),
                published=meta.get("published"),
                lead_inspector=meta.get("lead_inspector"),
                inspectors=tuple(json.loads(meta.get("inspectors", "[]"))),
                judgements=tuple(tuple(j) for j in json.loads(meta.get("judgements", "[]"))),
            )
            records[record.doc_id] = record
        return records

    def change_stamp(self) -> tuple | None:
        """What changes whenever the live documents do: the live generation and the stamp each
        document write leaves on the documents collection (two small reads, ~1 ms, where
        :meth:`document_versions` reads every record, ~60 ms for the library). None for an index
        written before stamps were kept, or when the live generation is no longer this store's:
        its readers compare the versions."""
        generation = self.live_generation()
        stamp = (self.client.get_collection(self.documents_collection.name).metadata or {}).get("stamp")
        return (generation, stamp) if stamp is not None and generation == self.generation else None

    def mark_changed(self) -> None:
        """Leave a new stamp (see :meth:`change_stamp`): readers will look at the documents again."""
        meta = dict(self.client.get_collection(self.documents_collection.name).metadata or {})
        meta["stamp"] = f"{time.time_ns()}.{os.getpid()}"
        self.documents_collection.modify(metadata=meta)

    def document_versions(self) -> dict[str, str]:
        """Each document's id -> its content hash: what tells a reader the index has changed, read
        without making the records (their judgements and inspectors are JSON: two thirds of the time)."""
        got = self.documents_collection.get(include=["metadatas"])
        return {meta["doc_id"]: meta["content_hash"] for meta in got["metadatas"] or []}

    def document_text(self, doc_id: str) -> str:
        got = self.documents_collection.get(ids=[doc_id], include=["documents"])
        if not got["ids"]:
            raise NotFound(f"no document {doc_id!r} in the index")
        return got["documents"][0]

    def put_document(self, doc: Document, path: str, passage_count: int) -> None:
        """Make ``doc`` (at its content hash) the live version of its document."""
        meta = _clean(
            {
                "doc_id": doc.doc_id,
                "title": doc.meta.title,
                "kind": doc.meta.kind,
                "authority": doc.meta.authority,
                "publisher": doc.meta.publisher,
                "date": doc.meta.date,
                "source": doc.source,
                "path": path,
                "format": doc.format,
                "content_hash": doc.content_hash,
                "passage_count": passage_count,
                "pages": len(doc.pages),
                "indexed_at": time.time(),
                "inferred": ",".join(doc.meta.inferred),
                "framework": doc.meta.framework,
                "start_date": doc.meta.start_date,
                "end_date": doc.meta.end_date,
                "published": doc.meta.published,
                "lead_inspector": doc.meta.lead_inspector,
                "inspectors": json.dumps(list(doc.meta.inspectors), ensure_ascii=False) if doc.meta.inspectors else None,
                "judgements": json.dumps([list(j) for j in doc.meta.judgements], ensure_ascii=False) if doc.meta.judgements else None,
            }
        )
        self.documents_collection.upsert(ids=[doc.doc_id], embeddings=[_DOC_VECTOR], metadatas=[meta], documents=[doc.text])
        self.mark_changed()

    def remove_document(self, doc_id: str) -> None:
        self.documents_collection.delete(ids=[doc_id])
        self.passages.delete(where={"doc_id": doc_id})
        self.sentences.delete(where={"doc_id": doc_id})
        self.mark_changed()

    def delete_old_versions(self, doc_id: str, keep_hash: str) -> None:
        where = {"$and": [{"doc_id": doc_id}, {"doc_hash": {"$ne": keep_hash}}]}
        self.passages.delete(where=where)
        self.sentences.delete(where=where)

    # --- passages -----------------------------------------------------------------------

    def existing(self, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(ids), _GET_PAGE):
            found.update(self.passages.get(ids=list(ids[start : start + _GET_PAGE]), include=[])["ids"])
        return found

    def add_sentences(self, doc: Document, rows: Sequence[tuple[Passage, int, str]], vectors: Sequence[Sequence[float]]) -> None:
        """Store (passage, index, sentence) vectors; written before their passage, so a stored
        passage always has its sentences. They go to memory-mapped files beside the store, which
        answering reads; a Chroma server also gets them, for app instances on other machines (an
        embedded store's own copy cost 9% of the index time and was never read)."""
        if not rows:
            return
        self.sentence_files.write(doc.content_hash, [(chroma_id(p.passage_id, doc.content_hash), i, text) for p, i, text in rows], vectors)
        if not self.settings.chroma_host:
            return
        self.sentences.upsert(
            ids=[f"{chroma_id(p.passage_id, doc.content_hash)}#s{i}" for p, i, _ in rows],
            embeddings=[list(v) for v in vectors],
            documents=[text for _, _, text in rows],
            metadatas=[{"passage": chroma_id(p.passage_id, doc.content_hash), "doc_id": doc.doc_id, "doc_hash": doc.content_hash, "i": i} for p, i, _ in rows],
        )

    @property
    def sentence_files(self) -> SentenceFiles:
        """The memory-mapped copy of this generation's sentence vectors (see sentence_files.py)."""
        model = re.sub(r"[^A-Za-z0-9._-]+", "-", self.model_name() or "unknown")
        folder = self.settings.data_dir / "sentences" / self.settings.collection / model
        if getattr(self, "_sentence_files", None) is None or self._sentence_files.folder != folder:
            self._sentence_files = SentenceFiles(folder)
        return self._sentence_files

    def sentence_vectors(self, passages: Sequence[StoredPassage], records: dict[str, DocumentRecord]) -> dict[tuple[str, str], Sequence[float]]:
        """(passage id, sentence) -> vector for the given passages' stored sentences: from the
        memory-mapped copy where it has them (a row of its array), else from Chroma."""
        keys, hashes = {}, {}  # chroma id -> passage id, and -> its document's content hash
        for p in passages:
            if p.doc_id in records:
                cid = chroma_id(p.passage_id, records[p.doc_id].content_hash)
                keys[cid], hashes[cid] = p.passage_id, records[p.doc_id].content_hash
        if not keys:
            return {}
        found, held = self.sentence_files.lookup(hashes)
        out = {(keys[cid], text): vector for cid, rows in found.items() for text, vector in rows}
        missing = [cid for cid in keys if hashes[cid] not in held]
        if missing:
            got = self.sentences.get(where={"passage": {"$in": missing}}, include=["embeddings", "documents", "metadatas"])
            out.update(
                ((keys[m["passage"]], text), list(vec))
                for text, vec, m in zip(got["documents"], got["embeddings"], got["metadatas"])
                if text is not None and vec is not None and m and m.get("passage") in keys  # skip records deleted mid-read
            )
        return out

    def passage_vectors(self, ids: Sequence[str]) -> dict[str, list[float]]:
        """Chroma id -> stored vector, for the ids still stored."""
        got = self.passages.get(ids=list(ids), include=["embeddings"])
        return {cid: list(vec) for cid, vec in zip(got["ids"], got["embeddings"])}

    def add_passages(self, doc: Document, passages: Sequence[Passage], vectors: Sequence[Sequence[float]]) -> None:
        if not passages:
            return
        self.passages.upsert(
            ids=[chroma_id(p.passage_id, doc.content_hash) for p in passages],
            embeddings=[list(v) for v in vectors],
            metadatas=[_packed(passage_metadata(p, doc), p.text) for p in passages],
        )

    def sweep(self, live: dict[str, str]) -> int:
        """Delete passages that belong to no live document version. Returns how many."""
        stale = []
        for ids, metas in self._pages(include=["metadatas"]):
            for cid, meta in zip(ids, metas):
                if live.get(meta.get("doc_id")) != meta.get("doc_hash"):
                    stale.append(cid)
        for start in range(0, len(stale), _GET_PAGE):
            self.passages.delete(ids=stale[start : start + _GET_PAGE])
        offset, stale_sentences = 0, []
        while True:
            got = self.sentences.get(include=["metadatas"], limit=_GET_PAGE, offset=offset)
            stale_sentences += [cid for cid, m in zip(got["ids"], got["metadatas"]) if live.get(m.get("doc_id")) != m.get("doc_hash")]
            if len(got["ids"]) < _GET_PAGE:
                break
            offset += _GET_PAGE
        for start in range(0, len(stale_sentences), _GET_PAGE):
            self.sentences.delete(ids=stale_sentences[start : start + _GET_PAGE])
        self.sentence_files.prune(set(live.values()))
        self._set_meta(unswept=False)
        return len(stale)

    def _pages(self, include: list[str], where: dict | None = None) -> Iterable[tuple[list, list]]:
        offset = 0
        while True:
            got = self.passages.get(where=where, include=include, limit=_GET_PAGE, offset=offset)
            if not got["ids"]:
                return
            yield got["ids"], got["metadatas"] if "metadatas" in include else got["documents"]
            if len(got["ids"]) < _GET_PAGE:
                return
            offset += _GET_PAGE

    def live_filter(self, records: dict[str, DocumentRecord] | None = None) -> dict:
        records = self.document_records() if records is None else records
        hashes = sorted({r.content_hash for r in records.values()})
        return {"doc_hash": {"$in": hashes or ["-"]}}

    def get_passage(self, passage_id: str) -> StoredPassage:
        records = self.document_records()
        got = self.passages.get(
            where={"$and": [{"passage_id": passage_id}, self.live_filter(records)]}, include=["documents", "metadatas"]
        )
        found = _passage(got["documents"][0], got["metadatas"][0]) if got["ids"] else None
        if found is None:
            raise NotFound(f"no passage {passage_id!r} in the index (see `inspection-assistant sources`)")
        return found

    def passages_of(self, doc_id: str) -> list[StoredPassage]:
        records = self.document_records()
        if doc_id not in records:
            raise NotFound(f"no document {doc_id!r} in the index")
        got = self.passages.get(
            where={"$and": [{"doc_id": doc_id}, {"doc_hash": records[doc_id].content_hash}]}, include=["documents", "metadatas"]
        )
        out = [p for p in map(_passage, got["documents"], got["metadatas"]) if p]
        return sorted(out, key=lambda p: p.ordinal)

    def passages_of_kind(self, kind: str, records: dict[str, DocumentRecord] | None = None) -> list[StoredPassage]:
        """Every live passage of one kind ("judgement": every judgement-table row), in one read."""
        records = self.document_records() if records is None else records
        got = self.passages.get(where={"$and": [{"kind": kind}, self.live_filter(records)]}, include=["documents", "metadatas"])
        out = [p for p in map(_passage, got["documents"], got["metadatas"]) if p]
        return sorted(out, key=lambda p: (p.doc_id, p.ordinal))

    def all_passages(self) -> list[StoredPassage]:
        """Every live passage, in document order."""
        return [p for p, _ in self._every_live(["documents", "metadatas"])]

    def all_passages_and_vectors(self):
        """Every live passage, in document order, and a float32 matrix of their stored vectors
        (row i is passage i's), read in the same pass (an answering process's copy)."""
        import numpy as np

        rows = self._every_live(["documents", "metadatas", "embeddings"])
        vectors = np.asarray([v for _, v in rows], dtype=np.float32).reshape(len(rows), -1) if rows else np.zeros((0, 0), dtype=np.float32)
        return [p for p, _ in rows], vectors

    def _every_live(self, include: list[str]) -> list[tuple[StoredPassage, object]]:
        records = self.document_records()
        where = self.live_filter(records)
        out = []
        offset = 0
        while True:
            got = self.passages.get(where=where, include=include, limit=_GET_PAGE, offset=offset)
            vectors = got["embeddings"] if "embeddings" in include else [None] * len(got["ids"])
            out.extend((p, v) for p, v in zip(map(_passage, got["documents"], got["metadatas"]), vectors) if p)
            if len(got["ids"]) < _GET_PAGE:
                break
            offset += _GET_PAGE
        return sorted(out, key=lambda row: (row[0].doc_id, row[0].ordinal))

    def query(
        self, vector: Sequence[float], k: int, where: dict | None = None, records: dict[str, DocumentRecord] | None = None
    ) -> list[tuple[StoredPassage, float]]:
        """The k nearest live passages to ``vector`` as (passage, cosine similarity)."""
        records = self.document_records() if records is None else records
        live = {r.content_hash for r in records.values()}
        return self._live_nearest(vector, k, where, records, ["documents", "metadatas", "distances"], lambda got: _nearest(got, live))

    def nearest_ids(self, vector: Sequence[float], k: int, where: dict | None = None, records: dict[str, DocumentRecord] | None = None) -> list[tuple[str, float]]:
        """As :meth:`query`, but the Chroma ids of the k nearest live passages, without their text
        and metadata: a caller holding the passages (the answering process's copy) saves Chroma
        fetching them, most of a top-k query's time (~3.8 of 5 ms at 100,000 passages)."""
        records = self.document_records() if records is None else records
        live = {r.content_hash[:16] for r in records.values()}  # a Chroma id ends in its version's hash

        def ranked(got) -> list[tuple[str, float]]:
            return [(cid, 1.0 - float(d)) for cid, d in zip(got["ids"][0], got["distances"][0]) if d is not None and cid.rsplit("@", 1)[-1] in live]

        return self._live_nearest(vector, k, where, records, ["distances"], ranked)

    def _live_nearest(self, vector, k: int, where: dict | None, records: dict[str, DocumentRecord], include: list[str], live_rows) -> list:
        """The k nearest rows that ``live_rows`` keeps of a Chroma query's results.

        Liveness is checked on the results rather than in Chroma's filter: a ``$in`` over every
        document's hash costs time in proportion to the library. Stale rows exist only while a
        re-index is under way; when they crowd live ones out of the results, the query is re-run
        with the filter."""
        fetch = k + _STALE_MARGIN
        got = self.passages.query(query_embeddings=[list(vector)], n_results=fetch, where=where or None, include=include)
        out = live_rows(got)
        if len(out) < k and len(got["ids"][0]) == fetch:
            strict = {"$and": [self.live_filter(records), where]} if where else self.live_filter(records)
            out = live_rows(self.passages.query(query_embeddings=[list(vector)], n_results=k, where=strict, include=include))
        return out[:k]


def _nearest(got: dict, live: set[str]) -> list[tuple[StoredPassage, float]]:
    return [
        (p, 1.0 - float(d))
        for p, m, d in zip(map(_passage, got["documents"][0], got["metadatas"][0]), got["metadatas"][0], got["distances"][0])
        if p and d is not None and m.get("doc_hash") in live  # skip stale rows and rows deleted mid-read
    ]


_RETRY_PAUSES = (0.0, 0.2, 0.5)  # seconds before each retry of a failed read


def _reachable(method, retry: bool = False):
    """Chroma and connection errors become StoreError, with a one-line reason. With ``retry``
    (reads), a failure is tried again after :meth:`Store.refresh`, up to three times with short
    pauses: another process may be re-indexing or rebuilding while this one reads the index."""
    import functools

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (StoreError, NotFound):
            raise
        except Exception as err:
            failure = err
        for pause in _RETRY_PAUSES if retry else ():
            time.sleep(pause)
            try:
                self.refresh()
                return method(self, *args, **kwargs)
            except (StoreError, NotFound):
                raise
            except Exception as err:
                failure = err
        raise StoreError(f"the Chroma store at {describe_store(self.settings)} failed: {_first_line(failure)}") from failure

    return wrapper


for _name in ("mark_changed", "put_document", "remove_document", "delete_old_versions", "existing", "add_sentences", "add_passages", "sweep", "begin_rebuild", "go_live"):
    setattr(Store, _name, _reachable(getattr(Store, _name)))
for _name in ("change_stamp", "document_records", "document_versions", "document_text", "sentence_vectors", "passage_vectors", "get_passage", "passages_of", "passages_of_kind", "all_passages", "all_passages_and_vectors", "query", "nearest_ids"):
    setattr(Store, _name, _reachable(getattr(Store, _name), retry=True))
