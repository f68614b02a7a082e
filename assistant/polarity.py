"""Which side of the findings a sentence states: a learned signal of whether it says what is not yet
good enough (a shortcoming, alone or beside praise), for answers that ask for one side ("What did
Ofsted criticise about supervision?") and for broad answers that give both.

A logistic regression over the sentence's words (TF-IDF of words and word pairs) and its embedding,
learned from 2,388 report sentences of dev authorities labelled by reading them
(``evals/polarity_labels.jsonl``) by ``evals/train_polarity.py`` and shipped as plain JSON beside
this module. A sentence states a shortcoming when Ofsted's words for one say so
(``sides.states_shortcoming``) or this model does, over a high bar: it reads shortcomings said
otherwise ("As a result, leaders cannot be sure that…", "more needs to be done to…", "This makes it
harder for…"). Authority-held-out on those labels, the two together find 79.6% of the shortcomings
against the words' 70.9%, at the same precision (80.0% against 80.2%); the model alone, at its bar,
67.1% at 93.3%. When the model's file is missing, the words stand alone."""

from __future__ import annotations

import functools
import json
import math
import re
from pathlib import Path

import numpy as np

MODEL = Path(__file__).parent / "data" / "polarity.json"
_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def terms(text: str) -> list[str]:
    """The words (of two letters or more, lower case) and adjacent word pairs the model reads."""
    words = _TOKEN.findall(text.lower())
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


class Polarity:
    def __init__(self, data: dict):
        self.idf = {t: v[0] for t, v in data["terms"].items()}
        self.weight = {t: v[1] for t, v in data["terms"].items()}
        self.vector = np.asarray(data["vector"], dtype=np.float32)
        self.bias = float(data["bias"])
        self.threshold = float(data["threshold"])

    @functools.lru_cache(maxsize=20_000)  # (a sentence is read again by later questions)
    def words_part(self, text: str) -> float:
        counts: dict[str, int] = {}
        for t in terms(text):
            if t in self.idf:
                counts[t] = counts.get(t, 0) + 1
        if not counts:
            return 0.0
        values = {t: (1.0 + math.log(n)) * self.idf[t] for t, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values()))
        return sum(v * self.weight[t] for t, v in values.items()) / norm

    def scores(self, texts: list[str], vectors) -> list[float]:
        """The probability that each text states a shortcoming; ``vectors``: their embeddings (rows)."""
        if not texts:
            return []
        rows = np.asarray(vectors, dtype=np.float32)
        rows = rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
        z = rows @ self.vector + self.bias
        return [1.0 / (1.0 + math.exp(-(float(v) + self.words_part(t)))) for t, v in zip(texts, z)]

    def states_shortcoming(self, texts: list[str], vectors) -> list[bool]:
        return [p > self.threshold for p in self.scores(texts, vectors)]


@functools.lru_cache(maxsize=1)
def get_model() -> Polarity | None:
    """The shipped model, or None when its file is missing (the word list stands)."""
    try:
        return Polarity(json.loads(MODEL.read_text()))
    except (OSError, ValueError, KeyError):
        return None
