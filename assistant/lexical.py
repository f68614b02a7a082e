"""Keyword search (BM25) over passages, so exact terms ("Mosaic", "RAFT", "PLO", "action 8.1") are
found as well as paraphrases."""

from __future__ import annotations

import re

from index.text import normalise

STOPWORDS = frozenset(
    """a an and are as at be been being but by can could did do does for from had has have how i if in
    into is it its me my of on or our so than that the their them then there these they this those to
    was we were what when where which while who whom why will with would you your about also any all
    should shall may might must up out over under again further once here just only own same too very
    s t don not no nor each few more most other some such both between through during before after above
    below off tell please say said""".split()
)
_TOKEN = re.compile(r"\d+(?:\.\d+)+|[a-z0-9]+")


def stem(word: str) -> str:
    """A very light stemmer: plurals and a few suffixes, enough to match supervise/supervision."""
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ings", ""), ("ing", ""), ("ions", ""), ("ion", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: len(word) - len(suffix)] + repl
    return word


def tokens(text: str, keep_stopwords: bool = False) -> list[str]:
    words = _TOKEN.findall(normalise(text).replace("'s ", " "))
    return [stem(w) for w in words if keep_stopwords or w not in STOPWORDS]


class LexicalIndex:
    """BM25 over a fixed list of passages; built once per index version and reused."""

    def __init__(self, texts: list[str]):
        from rank_bm25 import BM25Okapi

        self.size = len(texts)
        corpus = [tokens(t) for t in texts]
        self.vocabulary = {w for doc in corpus for w in doc}
        self._bm25 = BM25Okapi(corpus or [[""]])

    def scores(self, query: str) -> list[float]:
        q = tokens(query)
        if not q or not self.size:
            return [0.0] * self.size
        return list(self._bm25.get_scores(q))

    def idf(self, word: str) -> float:
        return float(self._bm25.idf.get(word, 0.0))

    @property
    def max_idf(self) -> float:
        return max(self._bm25.idf.values(), default=1.0)
