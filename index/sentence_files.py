"""Sentence vectors beside the store, memory-mapped.

Answering scores the sentences of the few passages it retrieved, so it needs their stored
vectors. Reading even one of them from Chroma's embedded store loads the whole sentence vector
index into the process (~320 MB for the library's 150,000 sentences, and growing with it). The
same vectors are therefore also written here, one pair of files per write (``<hash>.<n>.npy``,
the vectors, then ``<hash>.<n>.json``, which passage each row belongs to), named by the
document's content hash, and read with ``mmap``: a question touches a few kilobytes.

Chroma stays the store of record (a server's clients on other machines read it there); these
files are a copy that any reader may lack, in which case it asks Chroma.
"""

from __future__ import annotations

import json
import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Sequence

import numpy as np

_KEEP_OPEN = 256  # documents whose row maps stay in memory


class SentenceFiles:
    def __init__(self, folder: Path):
        self.folder = folder
        self._maps: OrderedDict[str, dict[str, list[tuple[str, Path, int]]]] = OrderedDict()
        self._arrays: dict[Path, np.ndarray] = {}
        self._documents: OrderedDict[str, tuple[list[str], np.ndarray]] = OrderedDict()  # whole documents' rows
        self._lock = threading.Lock()

    @staticmethod
    def _key(content_hash: str) -> str:
        return content_hash[:16]

    def write(self, content_hash: str, rows: Sequence[tuple[str, int, str]], vectors: Sequence[Sequence[float]]) -> None:
        """Store (passage chroma id, sentence index, text) rows with their vectors."""
        if not rows:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            key = self._key(content_hash)
            n = len(list(self.folder.glob(f"{key}.*.json")))
            while (self.folder / f"{key}.{n}.json").exists():
                n += 1
            tmp = self.folder / f"{key}.{n}.{os.getpid()}.tmp"
            with open(tmp, "wb") as handle:
                np.save(handle, np.asarray(vectors, dtype=np.float32))
            os.replace(tmp, self.folder / f"{key}.{n}.npy")
            mapping: dict[str, list] = {}
            for row, (passage, _, text) in enumerate(rows):
                mapping.setdefault(passage, []).append([text, row])
            tmp.write_text(json.dumps(mapping, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.folder / f"{key}.{n}.json")  # written last: the pair is complete
        except OSError:
            pass  # a read-only or full disk: readers ask a Chroma server, or embed the sentences they need
        with self._lock:
            self._maps.pop(self._key(content_hash), None)
            self._documents.pop(self._key(content_hash), None)

    def _map(self, key: str, reload: bool = False) -> dict[str, list[tuple[str, Path, int]]]:
        with self._lock:
            if key in self._maps and not reload:
                self._maps.move_to_end(key)
                return self._maps[key]
        mapping: dict[str, list[tuple[str, Path, int]]] = {}
        for part in sorted(self.folder.glob(f"{key}.*.json")):
            try:
                rows = json.loads(part.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            vectors = part.with_name(part.name[: -len(".json")] + ".npy")  # one path for the part's rows
            for passage, items in rows.items():
                mapping[passage] = [(text, vectors, row) for text, row in items]
        with self._lock:
            self._maps[key] = mapping
            while len(self._maps) > _KEEP_OPEN:
                self._maps.popitem(last=False)
        return mapping

    def _array(self, path: Path) -> np.ndarray:
        """The mapped array of one file. A file replaced while it is read fails with OSError or
        ValueError, or (a .npy header parsed under threads, CPython 3.11's gh-106905) SystemError."""
        with self._lock:
            if path not in self._arrays:
                if len(self._arrays) > 4 * _KEEP_OPEN:
                    self._arrays.clear()
                self._arrays[path] = np.load(path, mmap_mode="r")
            return self._arrays[path]

    def lookup(self, wanted: dict[str, str]) -> tuple[dict[str, list[tuple[str, np.ndarray]]], set[str]]:
        """For ``wanted`` (passage chroma id -> content hash): each found passage's (sentence,
        vector) rows, and the content hashes held here (a passage of a held document that is
        not found has no quotable sentences; one of another document must be asked of Chroma).
        A vector is a row of the memory-mapped file, read when it is used."""
        out: dict[str, list[tuple[str, np.ndarray]]] = {}
        held: set[str] = set()
        if not self.folder.is_dir():
            return out, held
        by_key: dict[str, list[str]] = {}
        for passage, content_hash in wanted.items():
            by_key.setdefault(self._key(content_hash), []).append(passage)
        for key, passages in by_key.items():
            mapping = self._map(key)
            if any(p not in mapping for p in passages):
                mapping = self._map(key, reload=True)  # written since this reader looked
            if mapping:
                held.add(key)
            for passage in passages:
                try:
                    out[passage] = [(text, self._array(path)[row]) for text, path, row in mapping[passage]]
                except (KeyError, OSError, ValueError, IndexError, SystemError):  # (SystemError: see _array)
                    continue
        return out, {h for h in wanted.values() if self._key(h) in held}

    def document(self, content_hash: str) -> tuple[list[str], np.ndarray]:
        """Every stored sentence of one document: the passage (chroma id) of each row, and the
        rows' vectors; empty when this copy lacks the document."""
        key = self._key(content_hash)
        with self._lock:
            if key in self._documents:
                self._documents.move_to_end(key)
                return self._documents[key]
        mapping = self._map(key) if self.folder.is_dir() else {}
        by_path: dict[Path, list[tuple[str, int]]] = {}
        for passage, items in mapping.items():
            for _text, path, row in items:
                by_path.setdefault(path, []).append((passage, row))
        owners, blocks = [], []
        for path, rows in by_path.items():
            rows.sort(key=lambda item: item[1])
            try:
                array = self._array(path)
                wanted = [row for _, row in rows]
                # every row of the file, as it always is: the mapped file itself, nothing copied
                blocks.append(array if wanted == list(range(len(array))) else np.asarray(array[wanted], dtype=np.float32))
            except (OSError, ValueError, IndexError, SystemError):  # (SystemError: see _array)
                continue
            owners += [passage for passage, _ in rows]
        matrix = blocks[0] if len(blocks) == 1 else np.concatenate(blocks) if blocks else np.zeros((0, 0), dtype=np.float32)
        found = (owners, matrix)
        with self._lock:
            self._documents[key] = found
            while len(self._documents) > _KEEP_OPEN:  # (mapped, not copied: they cost the page cache, not the process)
                self._documents.popitem(last=False)
        return found

    def everything(self) -> tuple[list[str], np.ndarray]:
        """Every stored sentence and its vector (for the benchmark's synthetic libraries)."""
        texts, arrays = [], []
        for part in sorted(self.folder.glob("*.json")) if self.folder.is_dir() else ():
            try:
                rows = json.loads(part.read_text(encoding="utf-8"))
                array = np.load(part.with_name(part.name[: -len(".json")] + ".npy"))
            except (OSError, ValueError):
                continue
            for items in rows.values():
                for text, row in items:
                    texts.append(text)
                    arrays.append(array[row])
        return texts, (np.stack(arrays) if arrays else np.zeros((0, 0), dtype=np.float32))

    def prune(self, live_hashes: set[str] | None = None) -> None:
        """Delete the files of every document version not in ``live_hashes`` (None: all)."""
        if not self.folder.is_dir():
            return
        keep = {self._key(h) for h in live_hashes or ()}
        for path in self.folder.iterdir():
            if path.name.split(".", 1)[0] not in keep:
                path.unlink(missing_ok=True)
        with self._lock:
            self._maps.clear()
            self._arrays.clear()
            self._documents.clear()
