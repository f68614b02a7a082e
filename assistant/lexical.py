"""Keyword search (BM25) over passages, so exact terms ("Mosaic", "RAFT", "PLO", "action 8.1") are
found as well as paraphrases. An inverted index: a question costs time in proportion to the
passages that hold its words, not to the whole library; it is built once per index version and
saved beside the store."""

from __future__ import annotations

import difflib
import math
import pickle
import re
from collections import Counter
from pathlib import Path

import numpy as np

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
_CASED_WORD = re.compile(r"[A-Za-z][a-z]+")  # "Maxwell", "services"; not acronyms (RAFT) or ALL CAPS
K1, B = 1.5, 0.75
FORMAT = 5
# Two words side by side in the question and in a passage ("previous inspection", "revolving door")
# count for more than the same words apart: each adjacent pair is also a term, at this weight.
# Chosen on the dev split (85 questions): recall@5 92.6% -> 95.6% over plain pairs (0.4: 95.6%, 1.0: 92.6%).
PAIR_WEIGHT = 0.75


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
    """BM25 (Okapi) over a fixed list of texts, as postings: term -> (document numbers, counts)."""

    def __init__(self, texts: list[str] | None = None):
        self.size = 0
        self.postings: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.lengths = np.zeros(0, dtype=np.float32)
        self._idf: dict[str, float] = {}
        self.surface: dict[str, list[str]] = {}  # each stem's written forms, most frequent first ("supervis" -> ["supervision", …])
        self.pairs: dict[str, tuple[np.ndarray, np.ndarray]] = {}  # "previous inspect" -> postings of the adjacent pair
        self.names: frozenset[str] = frozenset()  # words the library only ever writes capitalised ("maxwell", "mosaic")
        if texts is not None:
            self._build(texts)

    def _build(self, texts: list[str]) -> None:
        docs: dict[str, list[int]] = {}
        counts: dict[str, list[int]] = {}
        pair_docs: dict[str, list[int]] = {}
        pair_counts: dict[str, list[int]] = {}
        lengths = []
        written: Counter = Counter()
        capitalised, lower = set(), set()
        for i, text in enumerate(texts):
            for word in _CASED_WORD.findall(text):
                (lower if word[0].islower() else capitalised).add(word.lower())
            words = [w for w in _TOKEN.findall(normalise(text).replace("'s ", " ")) if w not in STOPWORDS]
            written.update(words)
            stems = [stem(w) for w in words]
            bag = Counter(stems)
            lengths.append(sum(bag.values()))
            for term, count in bag.items():
                docs.setdefault(term, []).append(i)
                counts.setdefault(term, []).append(count)
            for pair, count in Counter(f"{a} {b}" for a, b in zip(stems, stems[1:])).items():
                pair_docs.setdefault(pair, []).append(i)
                pair_counts.setdefault(pair, []).append(count)
        self.size = len(texts)
        for word, _ in written.most_common():
            forms = self.surface.setdefault(stem(word), [])
            if len(forms) < 5:
                forms.append(word)
        self.names = frozenset(capitalised - lower)
        self.lengths = np.array(lengths, dtype=np.float32)
        self.postings = {t: (np.array(docs[t], dtype=np.int32), np.array(counts[t], dtype=np.float32)) for t in docs}
        self.pairs = {t: (np.array(pair_docs[t], dtype=np.int32), np.array(pair_counts[t], dtype=np.float32)) for t in pair_docs}
        self._prepare()

    def _prepare(self) -> None:
        n = max(self.size, 1)
        self._idf = {t: math.log(1 + (n - len(d) + 0.5) / (len(d) + 0.5)) for t, (d, _) in self.postings.items()}
        # a pair counts for what it says beyond its rarer word: "previous inspection" is much rarer
        # than "previous"; "social worker" is about as common as "worker", so it adds nothing
        self._pair_idf = {}
        for t, (d, _) in self.pairs.items():
            a, b = t.split(" ", 1)
            extra = math.log(1 + (n - len(d) + 0.5) / (len(d) + 0.5)) - max(self._idf.get(a, 0.0), self._idf.get(b, 0.0))
            if extra > 0:
                self._pair_idf[t] = extra
        self._max_idf = max(self._idf.values(), default=1.0)
        self._corrections: dict[str, str] = {}
        self._buckets: dict[tuple[str, int], list[str]] | None = None  # words by (first letter, length), built on first need
        self._written: dict[tuple[str, int], list[str]] | None = None  # the same for written forms
        average = float(self.lengths.mean()) if self.size else 1.0
        self._norm = K1 * (1 - B + B * self.lengths / (average or 1.0))

    def is_name(self, word: str) -> bool:
        """Is ``word`` a name here: written capitalised and never in lower case ("Maxwell", not "Services")?"""
        return word.lower().replace("’", "'").split("'")[0] in self.names

    @property
    def vocabulary(self) -> set[str]:
        return set(self.postings)

    def idf(self, word: str) -> float:
        return self._idf.get(word, 0.0)

    @property
    def max_idf(self) -> float:
        return self._max_idf

    def correct(self, term: str) -> str:
        """``term``, or for a word the library lacks (a misspelling: "supervison", "reprot") the
        closest word it has, when one is close enough. Looked up among words of the same first
        letter and similar length, so the cost follows the vocabulary's shape, not its size."""
        if term in self.postings or len(term) < 4 or term.isdigit():
            return term
        if term not in self._corrections:
            if self._buckets is None:
                buckets: dict[tuple[str, int], list[str]] = {}
                for word in self.postings:
                    if word[:1].isalpha():
                        buckets.setdefault((word[0], len(word)), []).append(word)
                self._buckets = buckets
            near = [w for size in range(len(term) - 2, len(term) + 3) for w in self._buckets.get((term[0], size), ())]
            found = difflib.get_close_matches(term, near, n=1, cutoff=0.8)
            self._corrections[term] = found[0] if found else term
        return self._corrections[term]

    def correct_text(self, text: str, known=lambda word: False) -> str:
        """``text`` with its misspelt words written as the library writes them ("What did
        inspecters find about supervison" -> "… inspectors … supervision"), for meaning search,
        which a typo throws off. Words ``known(word)`` says are real ("weather") stay as they are."""

        def fix(match: re.Match) -> str:
            word = match.group(0)
            low = word.lower()
            if low in STOPWORDS or len(low) < 4 or known(low):
                return word
            if stem(low) in self.postings:
                return word
            return self._written_like(low) or word

        return re.sub(r"[A-Za-z]+", fix, text)

    def _written_like(self, word: str) -> str | None:
        """The library's written word closest to ``word`` (same first letter, similar length)."""
        if self._written is None:
            written: dict[tuple[str, int], list[str]] = {}
            for forms in self.surface.values():
                for form in forms:
                    if form[:1].isalpha():
                        written.setdefault((form[0], len(form)), []).append(form)
            self._written = written
        near = [w for size in range(len(word) - 2, len(word) + 3) for w in self._written.get((word[0], size), ())]
        found = difflib.get_close_matches(word, near, n=1, cutoff=0.8)
        return found[0] if found else None

    def terms(self, query: str) -> list[str]:
        """The query's search terms, misspellings corrected to the library's words."""
        return list(dict.fromkeys(self.correct(t) for t in tokens(query)))

    def top(self, query: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The k best (document number, score) for ``query``; ``allowed`` is a boolean mask."""
        touched = []
        terms = self.terms(query)
        for term in terms:
            if term not in self.postings:
                continue
            docs, tf = self.postings[term]
            touched.append((docs, self._idf[term] * tf * (K1 + 1) / (tf + self._norm[docs])))
        for pair in dict.fromkeys(f"{a} {b}" for a, b in zip(terms, terms[1:])):
            if pair in self._pair_idf:
                docs, tf = self.pairs[pair]
                touched.append((docs, PAIR_WEIGHT * self._pair_idf[pair] * tf * (K1 + 1) / (tf + self._norm[docs])))
        if not touched:
            return []
        all_docs = np.concatenate([d for d, _ in touched])
        all_scores = np.concatenate([s for _, s in touched])
        unique, inverse = np.unique(all_docs, return_inverse=True)
        acc = np.zeros(len(unique), dtype=np.float64)
        np.add.at(acc, inverse, all_scores)
        if allowed is not None:
            keep = allowed[unique]
            unique, acc = unique[keep], acc[keep]
        if len(unique) > k:
            best = np.argpartition(-acc, k)[:k]
            unique, acc = unique[best], acc[best]
        order = np.argsort(-acc, kind="stable")
        return [(int(unique[i]), float(acc[i])) for i in order]

    def scores(self, query: str) -> list[float]:
        """Scores for every document (for small corpora and tests)."""
        out = np.zeros(self.size)
        for doc, score in self.top(query, self.size or 1):
            out[doc] = score
        return out.tolist()

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as handle:
            pickle.dump({"format": FORMAT, "size": self.size, "lengths": self.lengths, "postings": self.postings, "pairs": self.pairs, "names": self.names, "surface": self.surface}, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)  # atomic: a reader never sees half a file

    @classmethod
    def load(cls, path: Path) -> "LexicalIndex | None":
        try:
            with path.open("rb") as handle:
                data = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return None
        index = cls()
        index.size, index.lengths, index.postings, index.surface = data["size"], data["lengths"], data["postings"], data["surface"]
        index.pairs, index.names = data["pairs"], data["names"]
        index._prepare()
        return index
