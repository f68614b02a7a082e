"""A tiny deterministic embedder with the real one's interface, for fast unit tests."""

from __future__ import annotations

import hashlib
import math
import re
import time


class FakeEmbedder:
    """Bag-of-words vectors hashed into 64 dimensions: similar words give similar vectors."""

    def __init__(self, name: str = "fake-hash-64", delay: float = 0.0):
        self.name = name
        self.delay = delay
        self.calls = 0
        self.embedded = 0

    def _vector(self, text: str) -> list[float]:
        vec = [0.0] * 64
        for word in re.findall(r"\w+", text.lower()):
            h = int(hashlib.md5(word.encode()).hexdigest(), 16)
            vec[h % 64] += 1.0 if (h >> 8) % 2 else -1.0
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        return [v / norm for v in vec]

    def embed(self, texts, batch_size=32, threads=None, on_batch=None):
        self.calls += 1
        self.embedded += len(texts)
        if self.delay:
            time.sleep(self.delay)
        return [self._vector(t) for t in texts]

    def embed_sentences(self, texts, batch_size=32, threads=None, on_batch=None):
        return self.embed(texts, batch_size, threads, on_batch)

    def embed_passages(self, texts, batch_size=32, threads=None, on_batch=None):
        return self.embed(texts, batch_size, threads, on_batch)

    def embed_with_sentences(self, texts, sentences, batch_size=32, threads=None):
        return self.embed(texts, batch_size, threads), self.embed_sentences(sentences, batch_size, threads)

    def embed_query(self, text, threads=1):
        return self._vector(text)
