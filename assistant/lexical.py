"""Keyword search (BM25) over passages, so exact terms ("Mosaic", "RAFT", "PLO", "action 8.1") are
found as well as paraphrases. An inverted index: a question costs time in proportion to the
passages that hold its words, not to the whole library; it is built once per index version and
saved beside the store."""

from __future__ import annotations

import difflib
import functools
import math
import os
import pickle
import re
import shutil
from collections import Counter
from pathlib import Path

import numpy as np

from index.text import cached_when_short, normalise

STOPWORDS = frozenset(
    """a an and are as at be been being but by can could did do does for from had has have how i if in
    into is it its me my of on or our so than that the their them then there these they this those to
    was we were what when where which while who whom why will with would you your about also any all
    should shall may might must up out over under again further once here just only own same too very
    s t don not no nor each few more most other some such both between through during before after above
    below off tell please say said neither either actually really ever anything something anyone someone everyone everything
    whats hows whos wheres whens whys dont doesnt didnt isnt arent wasnt werent couldnt wouldnt shouldnt hasnt havent hadnt""".split()
)  # (the last line: contractions typed without their apostrophe, "whats the latest grade", never mended into a word)
_TOKEN = re.compile(r"\d+(?:\.\d+)+|[a-z0-9]+")
_CASED_WORD = re.compile(r"[A-Za-z][a-z]+")  # "Maxwell", "services"; not acronyms (RAFT) or ALL CAPS
K1, B = 1.5, 0.75
FORMAT = 6
# Two words side by side in the question and in a passage ("previous inspection", "revolving door")
# count for more than the same words apart: each adjacent pair is also a term, at this weight.
# Chosen on the dev split (85 questions): recall@5 92.6% -> 95.6% over plain pairs (0.4: 95.6%, 1.0: 92.6%).
PAIR_WEIGHT = 0.75


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A very light stemmer: plurals and a few suffixes, enough to match supervise/supervision."""
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ings", ""), ("ing", ""), ("ions", ""), ("ion", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: len(word) - len(suffix)] + repl
    return word


def tokens(text: str, keep_stopwords: bool = False) -> list[str]:
    return _tokens(text, keep_stopwords)


@cached_when_short  # a passage's words, once for every question that retrieves it
def _tokens(text: str, keep_stopwords: bool) -> list[str]:
    words = _TOKEN.findall(normalise(text).replace("'s ", " "))
    return [stem(w) for w in words if keep_stopwords or w not in STOPWORDS]


class Postings:
    """term -> (document numbers, counts), held as three flat arrays (compressed sparse rows):
    saved and loaded as a few arrays, memory-mapped, instead of one small array per term."""

    def __init__(self, terms: list[str], offsets: np.ndarray, docs: np.ndarray, counts: np.ndarray):
        self.terms = terms
        self.offsets, self.docs, self.counts = offsets, docs, counts
        self._at = {t: i for i, t in enumerate(terms)}

    @classmethod
    def from_lists(cls, docs: dict[str, list[int]], counts: dict[str, list[int]]) -> "Postings":
        terms = list(docs)
        sizes = np.array([len(docs[t]) for t in terms], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
        flat_docs = np.fromiter((d for t in terms for d in docs[t]), dtype=np.int32, count=int(offsets[-1]))
        flat_counts = np.fromiter((c for t in terms for c in counts[t]), dtype=np.float32, count=int(offsets[-1]))
        return cls(terms, offsets, flat_docs, flat_counts)

    def __contains__(self, term: str) -> bool:
        return term in self._at

    def __getitem__(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        i = self._at[term]
        start, end = self.offsets[i], self.offsets[i + 1]
        return self.docs[start:end], self.counts[start:end]

    def __iter__(self):
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def frequencies(self) -> np.ndarray:
        """How many documents hold each term, in ``terms`` order."""
        return np.diff(self.offsets)


class LexicalIndex:
    """BM25 (Okapi) over a fixed list of texts, as postings: term -> (document numbers, counts)."""

    def __init__(self, texts: list[str] | None = None):
        self.size = 0
        self.postings = Postings([], np.zeros(1, dtype=np.int64), np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))
        self.lengths = np.zeros(0, dtype=np.float32)
        self._idf: dict[str, float] = {}
        self.surface: dict[str, list[str]] = {}  # each stem's written forms, most frequent first ("supervis" -> ["supervision", …])
        self.pairs = self.postings  # "previous inspect" -> postings of the adjacent pair
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
        self.postings = Postings.from_lists(docs, counts)
        self.pairs = Postings.from_lists(pair_docs, pair_counts)
        self._prepare()

    def _prepare(self) -> None:
        n = max(self.size, 1)
        df = self.postings.frequencies()
        self._idf = dict(zip(self.postings.terms, np.log(1 + (n - df + 0.5) / (df + 0.5)).tolist()))
        self._max_idf = max(self._idf.values(), default=1.0)
        self._pair_idf: dict[str, float] = {}  # worked out per pair when a question asks for it
        self._pair_df = self.pairs.frequencies()
        self._corrections: dict[str, str] = {}
        self._buckets: dict[tuple[str, int], list[str]] | None = None  # words by (first letter, length), built on first need
        self._written: dict[tuple[str, int], list[str]] | None = None  # the same for written forms
        average = float(self.lengths.mean()) if self.size else 1.0
        self._norm = K1 * (1 - B + B * self.lengths / (average or 1.0))

    def pair_idf(self, pair: str) -> float:
        """What an adjacent pair says beyond its rarer word: "previous inspection" is much rarer
        than "previous"; "social worker" is about as common as "worker", so it adds nothing."""
        if pair not in self._pair_idf:
            extra = 0.0
            if pair in self.pairs:
                n, df = max(self.size, 1), float(self._pair_df[self.pairs._at[pair]])
                a, b = pair.split(" ", 1)
                extra = max(0.0, math.log(1 + (n - df + 0.5) / (df + 0.5)) - max(self._idf.get(a, 0.0), self._idf.get(b, 0.0)))
            self._pair_idf[pair] = extra
        return self._pair_idf[pair]

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
            if low in STOPWORDS or len(low) < 4 or known(low) or (word.isupper() and not text.isupper()):
                return word  # "HMIP" typed in capitals is a name to find or miss, not a typo
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
            extra = self.pair_idf(pair)
            if extra > 0:
                docs, tf = self.pairs[pair]
                touched.append((docs, PAIR_WEIGHT * extra * tf * (K1 + 1) / (tf + self._norm[docs])))
        if not touched:
            return []
        all_docs = np.concatenate([d for d, _ in touched])
        all_scores = np.concatenate([s for _, s in touched])
        # summed per passage over the whole index at once: sorting the hits (np.unique) and
        # np.add.at cost ~4 ms a question at 100,000 passages, bincount a tenth of that
        hit = np.zeros(self.size, dtype=bool)
        hit[all_docs] = True
        unique = np.flatnonzero(hit)
        acc = np.bincount(all_docs, weights=all_scores, minlength=self.size)[unique]
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
        """A folder of arrays (memory-mapped on load) and a small pickle of the rest, written
        beside and renamed into place: a reader never sees half an index."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.mkdir(exist_ok=True)
        for name, postings in (("postings", self.postings), ("pairs", self.pairs)):
            for part in ("offsets", "docs", "counts"):
                np.save(tmp / f"{name}.{part}.npy", getattr(postings, part))
        np.save(tmp / "lengths.npy", self.lengths)
        with (tmp / "meta.pickle").open("wb") as handle:
            meta = {"format": FORMAT, "size": self.size, "terms": self.postings.terms, "pair_terms": self.pairs.terms, "names": self.names, "surface": self.surface}
            pickle.dump(meta, handle, protocol=pickle.HIGHEST_PROTOCOL)
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        elif path.exists():
            path.unlink()  # an index of the earlier one-file format
        try:
            tmp.rename(path)
        except OSError:
            shutil.rmtree(tmp, ignore_errors=True)
            raise

    @classmethod
    def load(cls, path: Path) -> "LexicalIndex | None":
        try:
            with (path / "meta.pickle").open("rb") as handle:
                meta = pickle.load(handle)
            if not isinstance(meta, dict) or meta.get("format") != FORMAT:
                return None

            def arrays(name):
                return [np.load(path / f"{name}.{part}.npy", mmap_mode="r") for part in ("offsets", "docs", "counts")]

            index = cls()
            index.size, index.names, index.surface = meta["size"], meta["names"], meta["surface"]
            index.lengths = np.load(path / "lengths.npy")
            index.postings = Postings(meta["terms"], *arrays("postings"))
            index.pairs = Postings(meta["pair_terms"], *arrays("pairs"))
        except (OSError, ValueError, KeyError, pickle.UnpicklingError, EOFError, AttributeError, SystemError):
            # (an index replaced while it is read: a .npy header read half-written fails to parse,
            # which CPython 3.11 can report under threads as a SystemError, gh-106905)
            return None
        index._prepare()
        return index
