"""Incremental indexing: find files, load, cut into passages, embed what is new, store, and remove
what has gone. One run at a time per store (a lock file); a killed run leaves the previous index
usable and the next run completes the work without embedding anything twice."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .embeddings import Embedder, get_embedder
from .errors import IndexBusy, LoadError, StoreError
from .loaders import SUPPORTED, load
from .manifest import MANIFEST_NAME, Manifest, document_meta, load_manifest
from .ofsted import read_facts
from .passages import infer_title, make_passages, passage_windows
from .sentences import passage_sentences
from .settings import Settings
from .store import Store, chroma_id
from .types import Document, Passage

# Bump when loading or passage-making changes, so every document is re-indexed once.
PIPELINE_VERSION = "16"

Progress = Callable[[str, int, int], None]  # (what, done, total)


@dataclass(frozen=True)
class Outcome:
    """What happened to one file (or one document that was removed)."""

    source: str
    status: str  # added | updated | unchanged | removed | failed
    doc_id: str | None = None
    passages: int = 0
    reason: str = ""


@dataclass
class IndexReport:
    outcomes: list[Outcome] = field(default_factory=list)
    embedded: int = 0  # passages embedded in this run
    reused: int = 0  # passages found already stored by an interrupted run
    sentences: int = 0  # quotable sentences embedded with them
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)  # what the run did beyond the files (a damaged store moved aside)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def indexed(self) -> int:
        """Documents that are in the index after this run (new, updated or unchanged)."""
        return sum(1 for o in self.outcomes if o.status in ("added", "updated", "unchanged"))

    def summary(self) -> str:
        parts = [f"{self.count(s)} {s}" for s in ("added", "updated", "unchanged", "removed", "failed") if self.count(s)]
        return ", ".join(parts) or "nothing to index"


@dataclass
class _Pending:
    doc: Document
    passages: list[Passage]
    path: str
    status: str
    replaces: str | None = None  # the id this file was indexed under before (its manifest id changed)


@contextlib.contextmanager
def index_lock(settings: Settings):
    """Hold the store's index lock, or raise IndexBusy if another process holds it."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    path = settings.data_dir / "index.lock"
    handle = open(path, "a+")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise IndexBusy(f"another index run is in progress ({holder}); wait for it to finish") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        yield
    finally:
        handle.close()


def discover(paths: Iterable[Path]) -> tuple[list[tuple[Path, Path | None]], list[Path]]:
    """(files to index, each with the folder it was found in (None: named itself), folders
    scanned). Hidden files and the manifest are skipped; links are not followed into folders."""
    files: list[tuple[Path, Path | None]] = []
    folders: list[Path] = []
    for path in paths:
        if path.is_dir():  # a folder named on the command line is read even through a link
            root = path.resolve()
            folders.append(root)
            for item in sorted(_walk(path)):
                rel = item.relative_to(path)
                if any(part.startswith(".") for part in rel.parts) or item.name == MANIFEST_NAME:
                    continue
                files.append((item, root))
        else:
            files.append((path, None))
    return files, folders


def _walk(folder: Path) -> Iterable[Path]:
    """Every entry under ``folder`` that is not a folder, without descending into linked folders."""
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        base = Path(dirpath)
        for name in dirnames:
            if (base / name).is_symlink():
                yield base / name  # reported as a link, not walked
        for name in filenames:
            yield base / name


def refusal(file: Path, root: Path | None, max_bytes: int) -> str | None:
    """Why ``file`` must not be read, or None. A file found in a folder is read only when it is a
    regular file inside that folder (a link is followed only when it stays inside); no file is
    read past the size limit."""
    if file.is_symlink() and root is not None:
        try:
            target = file.resolve(strict=True)
        except (OSError, RuntimeError):
            return "a symbolic link to nothing (broken link)"
        if target != root and root not in target.parents:
            return "a symbolic link to outside the folder (not followed)"
    if file.is_dir():
        return "a folder reached through a link (not followed)"
    try:
        info = file.stat()
    except OSError:
        return None  # reported by the reader as missing or unreadable
    import stat

    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a device, pipe or socket)"
    if info.st_size > max_bytes:
        return f"{info.st_size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit for one file (IA_MAX_FILE_MB)"
    return None


# A reader changed for one format re-reads only that format's files (HTML: text outside block
# elements, session 19); every other file keeps its hash, so nothing else is embedded again.
READER_VERSIONS = {".html": "2", ".htm": "2"}


def content_hash(data: bytes, entry: dict | None, model: str, suffix: str = "") -> str:
    digest = hashlib.sha256(data)
    versions = [entry or {}, PIPELINE_VERSION, model]
    if suffix.lower() in READER_VERSIONS:
        versions.append(READER_VERSIONS[suffix.lower()])
    digest.update(json.dumps(versions, sort_keys=True).encode())
    return digest.hexdigest()


def run_index(
    settings: Settings,
    paths: list[Path] | None = None,
    rebuild: bool = False,
    embedder: Embedder | None = None,
    progress: Progress | None = None,
) -> IndexReport:
    """Bring the index up to date with ``paths`` (default: the source folder).

    Files that cannot be read are reported with a reason and leave their previous version (if
    any) in place; documents whose files have gone from a scanned folder are removed.
    """
    started = time.perf_counter()
    embedder = embedder or get_embedder(settings)
    progress = progress or (lambda what, done, total: None)
    paths = [Path(p) for p in (paths or [settings.source_dir])]
    with index_lock(settings):
        notes = []
        try:
            live = Store.open(settings, create=True)
        except IndexBusy:
            raise
        except StoreError:
            if not rebuild or settings.chroma_host:
                raise
            # --rebuild starts from nothing anyway: a store that cannot be opened is kept aside, not lost
            aside = settings.chroma_dir.with_name(f"{settings.chroma_dir.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
            settings.chroma_dir.rename(aside)
            notes.append(f"the store could not be opened, so it was moved to {aside} and a new one built")
            live = Store.open(settings, create=True, fresh=True)
        store = live
        if rebuild or (live.model_name() not in (None, embedder.name)):
            # built beside the live index, which keeps answering until the new one is complete
            store = live.begin_rebuild(embedder.name)
        store.set_model_name(embedder.name)
        records = store.document_records()
        report = IndexReport(notes=notes)
        order: dict[str, int] = {}
        _store_pending(store, _read_files(paths, records, embedder.name, report, progress, settings, order), embedder, settings, report, progress)
        # files read later may be stored first: the outcomes go back to the order the files were found in
        report.outcomes.sort(key=lambda o: order.get(o.source, len(order)))
        _remove_missing(store, records, paths, report, settings.source_dir)
        if store.needs_sweep or report.count("removed"):
            # stale rows (old versions, a killed run's leftovers) go; with nothing written since
            # the last sweep there are none, and an unchanged library re-indexes in seconds
            live_versions = {r.doc_id: r.content_hash for r in store.document_records().values()}
            store.sweep(live_versions)
        if store.change_stamp() is None:
            store.mark_changed()  # an index from before stamps: its readers check it cheaply from now on
        if store is not live:
            store.go_live()
    report.seconds = time.perf_counter() - started
    return report


def path_key(file: Path, source_dir: Path) -> str:
    """How a record names its file: relative to the source folder when inside it (so the folder
    and the data folder can move together), else absolute."""
    absolute = _absolute(file)
    try:
        return absolute.relative_to(source_dir.resolve()).as_posix()
    except ValueError:
        return str(absolute)


def _absolute(path: Path) -> Path:
    return path.parent.resolve() / path.name


def _record_path(record_path: str, source_dir: Path) -> Path:
    path = Path(record_path)
    return path if path.is_absolute() else source_dir / path


def _read_files(paths, records, model, report: IndexReport, progress: Progress, settings: Settings, order: dict[str, int]) -> Iterator[_Pending]:
    """Each file to (re-)embed, as it is read (so the encoder starts on the first while the rest
    are read); unchanged and unreadable files go straight to ``report``."""
    source_dir = settings.source_dir
    files, _ = discover(paths)
    manifests: dict[Path, Manifest] = {}
    by_path = {_absolute(_record_path(r.path, source_dir)): r for r in records.values()}
    claimed: dict[str, str] = {}
    for done, (file, root) in enumerate(files, start=1):
        order.setdefault(file.name, done)
        progress("read", done - 1, len(files))
        key = path_key(file, source_dir)
        try:
            if not file.exists() and not file.is_symlink():
                raise LoadError("no such file or folder")
            refused = refusal(file, root, int(settings.max_file_mb * 1_000_000))
            if refused:
                raise LoadError(refused)
            if file.suffix.lower() not in SUPPORTED:
                load(file)  # raises the "unsupported file type" reason
            folder = file.parent.resolve()
            if folder not in manifests:
                manifests[folder] = load_manifest(folder)
            if file.name in manifests[folder].problems:
                raise LoadError(manifests[folder].problems[file.name])
            entry = manifests[folder].entries.get(file.name)
            data = file.read_bytes() if file.is_file() else b""
            digest = content_hash(data, entry, model, file.suffix)
            previous = by_path.get(_absolute(file))
            if previous is not None and previous.content_hash == digest:
                claimed[previous.doc_id] = key
                report.outcomes.append(Outcome(file.name, "unchanged", previous.doc_id, previous.passage_count))
                continue
            loaded = load(file)
            facts = read_facts(loaded.text, loaded.pages)
            meta = document_meta(file.name, loaded.text, entry, infer_title, facts)
            other = records.get(meta.doc_id)
            if meta.doc_id in claimed or (other and _absolute(_record_path(other.path, source_dir)) != _absolute(file) and _record_path(other.path, source_dir).exists()):
                meta = _unique_id(meta, file, claimed, records)
            claimed[meta.doc_id] = key
            doc = Document(meta=meta, source=file.name, text=loaded.text, format=loaded.format, content_hash=digest, pages=loaded.pages)
            passages = make_passages(doc, loaded.headings, judgements=facts.judgements)
            if not passages:
                raise LoadError("no passages found (the text is too short)")
            status = "updated" if meta.doc_id in records else "added"
            # the file was indexed under another id before (its manifest id changed): that copy goes
            replaces = previous.doc_id if previous is not None and previous.doc_id != meta.doc_id else None
            found = _Pending(doc, passages, key, status, replaces)
        except LoadError as err:
            report.outcomes.append(Outcome(file.name, "failed", reason=str(err)))
            continue
        yield found
    progress("read", len(files), len(files))


def _unique_id(meta, file: Path, claimed, records):
    from dataclasses import replace

    base = f"{meta.doc_id}-{file.suffix.lstrip('.').lower() or 'file'}"
    candidate, n = base, 2
    while candidate in claimed:
        candidate, n = f"{base}-{n}", n + 1
    return replace(meta, doc_id=candidate)


def _store_pending(store: Store, pending: Iterable[_Pending], embedder: Embedder, settings: Settings, report: IndexReport, progress: Progress) -> None:
    """Embed what is missing in large chunks (the encoder sorts each chunk by length, so little is
    padding), store it, and switch each document to its new version once all of it is stored.

    Three stages run at once: this thread reads the files (iterating ``pending``), one thread embeds
    a chunk and one stores the chunk before, so reading and writing overlap the encoder's work."""
    queue: list[tuple[_Pending, Passage]] = []
    remaining: dict[int, int] = {}
    total = done = seen = 0
    switched = [0]
    chunk = settings.batch_size * CHUNK_BATCHES
    flight: dict = {"embedding": None, "writing": None}
    switches: list = []  # documents with nothing to embed (an interrupted run stored all of it)
    recent = _RecentVectors(RECENT_SENTENCES)  # texts repeated across chunks (boilerplate) are embedded once

    def switch(item: _Pending) -> None:
        _switch(store, item, report)
        switched[0] += 1

    def reported() -> None:  # progress is reported from this thread only (a UI may need it)
        progress("embed", done, total)
        progress("documents", switched[0], seen)

    def write(part, sentences, passage_vectors, sentence_vectors) -> None:
        by_doc: dict[int, tuple[_Pending, list, list, list, list]] = {}
        for (item, p), vec in zip(part, passage_vectors):
            entry = by_doc.setdefault(id(item), (item, [], [], [], []))
            entry[1].append(p)
            entry[2].append(vec)
        for (item, p, i, text), vec in zip(sentences, sentence_vectors):
            entry = by_doc.setdefault(id(item), (item, [], [], [], []))
            entry[3].append((p, i, text))
            entry[4].append(vec)
        for item, passages, pvecs, srows, svecs in by_doc.values():
            store.add_sentences(item.doc, srows, svecs)
            store.add_passages(item.doc, passages, pvecs)
            report.embedded += len(passages)
            report.sentences += len(srows)
            remaining[id(item)] -= len(passages)
            if remaining[id(item)] == 0:
                switch(item)

    def stored() -> None:
        """Wait for the chunk being written; count it done."""
        nonlocal done
        if flight["writing"] is not None:
            future, part = flight["writing"]
            future.result()
            done += len(part)
            flight["writing"] = None
            reported()

    def embedded() -> None:
        """Wait for the chunk being embedded, and hand it to the writer (once the one before is stored)."""
        if flight["embedding"] is not None:
            future, part, sentences = flight["embedding"]
            passage_vectors, sentence_vectors = future.result()
            flight["embedding"] = None
            stored()
            flight["writing"] = (writer.submit(write, part, sentences, passage_vectors, sentence_vectors), part)

    def embed(part) -> None:
        # Each passage and its quotable sentences are embedded together; sentences are stored
        # first, so any stored passage has them (answers then embed nothing but the question).
        # The texts are cut here, while the encoder is busy with the chunk before, not on its time.
        sentences = [(item, p, i, text) for item, p in part for i, (text, _) in enumerate(passage_sentences(p.text, p.kind, p.fields))]
        said: dict[int, list[str]] = {}
        for _, p, _, text in sentences:
            said.setdefault(id(p), []).append(text)
        windows = [passage_texts(p, said.get(id(p), []), settings) for _, p in part]
        embedded()
        flight["embedding"] = (encoder.submit(_embed_part, embedder, settings, windows, sentences, recent), part, sentences)

    def encoder_idle() -> bool:
        return flight["embedding"] is None or flight["embedding"][0].done()

    # One chunk embedding and one being stored at a time, so a killed run loses at most those
    # two chunks' work and memory stays bounded; reading waits for the encoder, not the reverse.
    with ThreadPoolExecutor(max_workers=1) as encoder, ThreadPoolExecutor(max_workers=1) as writer:
        try:
            for item in pending:
                if not seen:
                    store.mark_unswept()
                seen += 1
                ids = [chroma_id(p.passage_id, item.doc.content_hash) for p in item.passages]
                already = store.existing(ids)  # left by an interrupted run: no need to embed again
                missing = [p for p, cid in zip(item.passages, ids) if cid not in already]
                report.reused += len(item.passages) - len(missing)
                remaining[id(item)] = len(missing)
                total += len(missing)
                if not missing:  # switched by the writer, after what it is storing, as it does the others
                    switches.append(writer.submit(switch, item))
                queue.extend((item, p) for p in missing)
                # a full chunk goes to the encoder; so does a quarter of one when it would otherwise
                # wait idle (the run's first files, or reading that fell behind)
                while len(queue) >= chunk or (len(queue) >= chunk // 4 and encoder_idle()):
                    embed(queue[:chunk])
                    queue = queue[chunk:]
                reported()
            if queue:
                embed(queue)
            embedded()
            stored()
            for future in switches:
                future.result()
        except BaseException:  # an error stops the run: what has not started does not start
            encoder.shutdown(cancel_futures=True)
            writer.shutdown(cancel_futures=True)
            raise


# Passages embedded and stored together, in batches (256 at the default batch size of 8; the
# library's index times were measured with it): with one chunk in flight, a killed run loses at
# most two. Larger chunks let the encoder sort more texts by length, but on 16 library reports
# 1,024 measured anywhere from 15% faster to 9% slower across runs, so it was not taken.
CHUNK_BATCHES = 32


# Vectors kept from earlier chunks of a run: a report's boilerplate sentences recur in every report
# (~5% of the library's sentences), a report filed twice repeats all of its texts; 20,000 float32
# vectors hold ~30 MB.
RECENT_SENTENCES = 20_000


class _RecentVectors:
    """The last ``size`` vectors embedded in a run, by (encoding, text) (least recently used go first)."""

    def __init__(self, size: int):
        self.size = size
        self._vectors: dict[tuple[str, str], object] = {}

    def get(self, key: tuple[str, str]):
        vector = self._vectors.pop(key, None)
        if vector is not None:
            self._vectors[key] = vector  # most recently used last
        return vector

    def put(self, key: tuple[str, str], vector) -> None:
        import numpy as np

        self._vectors[key] = np.asarray(vector, dtype=np.float32)
        while len(self._vectors) > self.size:
            del self._vectors[next(iter(self._vectors))]


def passage_texts(passage: Passage, sentences: list[str], settings: Settings) -> "list[str] | Composed":
    """What ``index`` embeds for a passage's own vector: its windows (see passage_windows), or,
    with ``passage_encoder`` ``sentences``, the pieces it is composed of (see Composed)."""
    if settings.passage_encoder == "sentences" and sentences and sum(map(len, sentences)) >= COMPOSED_SHARE * len(passage.text):
        context = passage.context
        rest = _remainder(passage.text, sentences)
        return Composed(list(sentences) + ([rest] if rest else []) + ([context] if context else []))
    return passage_windows(passage)


# A passage is composed from its sentences only when they hold at least this share of its text
# (in the library, all but 138 of 49,856 passages: the rest are lists and tables, embedded whole).
COMPOSED_SHARE = 0.5


@dataclass
class Composed:
    """A passage's vector made from the vectors of its pieces (its quotable sentences, the words
    they leave out, its context), each weighted by its length, as mean pooling over the whole
    passage would weigh their words. The sentences are embedded anyway (they pick what an answer
    quotes), so the passage costs only its context and remainder, which are short."""

    pieces: list[str]


def _embed_part(embedder: Embedder, settings: Settings, windows: list, sentences, recent: _RecentVectors | None = None) -> tuple[list, list]:
    """Vectors for each passage (the mean of its ``windows``', or its Composed vector) and for
    each quotable sentence."""
    recent = recent or _RecentVectors(0)
    # a text repeated word for word (a library's boilerplate, a report filed twice) is embedded once
    all_windows = list(dict.fromkeys(w for ws in windows if not isinstance(ws, Composed) for w in ws))
    # a composed passage's pieces are embedded as its sentences are
    all_said = list(dict.fromkeys([text for *_, text in sentences] + [t for ws in windows if isinstance(ws, Composed) for t in ws.pieces]))
    known = {(kind, text): vector for kind, texts in (("window", all_windows), ("sentence", all_said)) for text in texts if (vector := recent.get((kind, text))) is not None}
    texts = [text for text in all_windows if ("window", text) not in known]
    said = [text for text in all_said if ("sentence", text) not in known]
    vectors, sentence_vectors = embedder.embed_with_sentences(texts, said, batch_size=settings.batch_size, threads=settings.index_threads)
    for kind, done, got in (("window", texts, vectors), ("sentence", said, sentence_vectors)):
        for text, vector in zip(done, got):
            recent.put((kind, text), vector)
    by_text, by_sentence = dict(zip(texts, vectors)), dict(zip(said, sentence_vectors))
    for (kind, text), vector in known.items():
        (by_text if kind == "window" else by_sentence)[text] = vector.tolist()
    passage_vectors = [_composed([by_sentence[t] for t in ws.pieces], list(map(len, ws.pieces))) if isinstance(ws, Composed) else _mean([by_text[w] for w in ws]) for ws in windows]
    return passage_vectors, [by_sentence[text] for *_, text in sentences]


def _remainder(text: str, sentences: list[str]) -> str:
    """What of a passage's text its quotable sentences leave out (an action row's other columns,
    a list's items), when it holds words."""
    for sentence in sentences:
        text = text.replace(sentence, " ", 1)
    rest = " ".join(text.split())
    return rest if sum(len(w) > 2 and w.isalpha() for w in rest.split()) >= 2 else ""


def _composed(vectors, weights) -> list[float]:
    """The unit vector of the weighted sum of ``vectors``."""
    import numpy as np

    total = np.asarray(weights, dtype=np.float32) @ np.asarray(vectors, dtype=np.float32)
    return (total / (np.linalg.norm(total) or 1.0)).tolist()


def _mean(vectors):
    """One unit vector for a passage embedded in several windows (one window: itself)."""
    if len(vectors) == 1:
        return vectors[0]
    total = [sum(values) for values in zip(*vectors)]
    norm = sum(v * v for v in total) ** 0.5 or 1.0
    return [v / norm for v in total]


def _switch(store: Store, item: _Pending, report: IndexReport) -> None:
    store.put_document(item.doc, item.path, len(item.passages))  # the switch to the new version
    store.delete_old_versions(item.doc.doc_id, item.doc.content_hash)
    if item.replaces:
        store.remove_document(item.replaces)
    report.outcomes.append(Outcome(item.doc.source, item.status, item.doc.doc_id, len(item.passages)))


def _remove_missing(store: Store, records, paths: list[Path], report: IndexReport, source_dir: Path) -> None:
    scanned = [p.resolve() for p in paths]
    for record in records.values():
        path = _absolute(_record_path(record.path, source_dir))
        if path.exists() or path.is_symlink():
            continue
        if any(path == s or s in path.parents for s in scanned):
            store.remove_document(record.doc_id)
            report.outcomes.append(Outcome(record.source, "removed", record.doc_id, record.passage_count))
