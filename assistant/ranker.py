"""The learned passage order: which of a question's candidate passages hold its answer, scored by
boosted trees over signals retrieval already has (the fused score, dense and keyword scores and
ranks, how near the passage's best sentence is, its heading's overlap with the question, its kind,
length and place). The trees are learned from the library evaluation set's dev split (the passages
holding each item's evidence) by ``evals/train_ranker.py`` and shipped as plain JSON beside this
module: no model is downloaded and nothing but numpy is needed to apply them."""

from __future__ import annotations

import functools
import json
import math
from pathlib import Path
from typing import Mapping, Sequence

from .lexical import tokens
from .retrieval import heading_words
from .types import Hit

MODEL = Path(__file__).parent / "data" / "ranker.json"
# the hand-weighted order's share for the best sentence's nearness beside the fused score (library
# dev 4,410 items: recall@5 91.6% -> 92.2%, +15 -13 items; 0.6 lost correctness)
SENTENCE_SUPPORT = 0.3
FEATURES = (
    "fused", "fused_share", "dense_scaled", "dense", "keyword_share", "sentence_scaled", "sentence",
    "has_sentence", "dense_rank", "keyword_rank", "paragraph", "item", "heading_in_question",
    "question_in_heading", "length", "place", "broad",
)


def features(hits: Sequence[Hit], near: Mapping[str, float], question: str, broad: bool) -> list[list[float]]:
    """One row of FEATURES for each hit, its signals set against the other hits' (``near``: the
    cosine of each passage's best sentence to the question, where known)."""
    if not hits:
        return []
    asked = set(tokens(question))
    scores = [h.score for h in hits]
    dense = [h.dense for h in hits]
    keyword = [h.lexical for h in hits]
    nears = [near[h.passage.passage_id] for h in hits if h.passage.passage_id in near]
    top, low, high, top_keyword = max(scores) or 1.0, min(dense), max(dense), max(keyword) or 1.0
    near_low, near_high = (min(nears), max(nears)) if nears else (0.0, 1.0)
    rows = []
    for h in hits:
        p = h.passage
        sentence = near.get(p.passage_id)
        heading = frozenset().union(*map(heading_words, p.heading))
        rows.append([
            h.score,
            h.score / top,
            (h.dense - low) / ((high - low) or 1.0),
            h.dense,
            h.lexical / top_keyword,
            (sentence - near_low) / ((near_high - near_low) or 1.0) if sentence is not None else 0.0,
            sentence if sentence is not None else 0.0,
            float(sentence is not None),
            1 / (1 + h.dense_rank) if h.dense_rank is not None else 0.0,
            1 / (1 + h.lexical_rank) if h.lexical_rank is not None else 0.0,
            float(p.kind == "paragraph"),
            float(p.kind == "item"),
            len(heading & asked) / len(heading) if heading else 0.0,
            len(heading & asked) / len(asked) if asked else 0.0,
            math.log1p(len(p.text)),
            math.log1p(p.ordinal),
            float(broad),
        ])
    return rows


class Ranker:
    """Boosted regression trees: a row's score is the baseline plus each tree's leaf value."""

    def __init__(self, model: dict, features: tuple[str, ...] = FEATURES):
        import numpy as np

        if tuple(model["features"]) != features:
            raise ValueError("the ranker's features are not this module's")
        self.features = features
        self.baseline = float(model["baseline"])
        # every tree's nodes in one set of arrays (a tree's children offset to where its nodes
        # start), so all trees are walked together: feature, threshold, children, value (a leaf's
        # feature is -1 and its children are itself)
        feature, threshold, left, right, value, roots = [], [], [], [], [], []
        for tree in model["trees"]:
            at = len(feature)
            roots.append(at)
            leaf = [f < 0 for f in tree["feature"]]
            feature += [max(f, 0) for f in tree["feature"]]
            threshold += tree["threshold"]
            left += [at + i if is_leaf else at + c for i, (c, is_leaf) in enumerate(zip(tree["left"], leaf))]
            right += [at + i if is_leaf else at + c for i, (c, is_leaf) in enumerate(zip(tree["right"], leaf))]
            value += tree["value"]
        self.trees = roots
        self._feature, self._threshold = np.asarray(feature, dtype=np.int64), np.asarray(threshold, dtype=np.float64)
        self._left, self._right, self._value = np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64), np.asarray(value, dtype=np.float64)
        self._leaf = np.asarray([f < 0 for t in model["trees"] for f in t["feature"]], dtype=bool)

    def score(self, rows: list[list[float]]) -> list[float]:
        """Each row's score (higher: likelier to hold the answer)."""
        import numpy as np

        x = np.asarray(rows, dtype=np.float64).reshape(len(rows), len(self.features))
        node = np.tile(np.asarray(self.trees, dtype=np.int64), (len(rows), 1))  # rows x trees
        row = np.arange(len(rows))[:, None]
        while not self._leaf[node].all():
            goes_left = x[row, self._feature[node]] <= self._threshold[node]
            node = np.where(goes_left, self._left[node], self._right[node])
        return (self.baseline + self._value[node].sum(axis=1)).tolist()


@functools.lru_cache(maxsize=1)
def get_ranker() -> Ranker | None:
    """The shipped ranker, or None when its file is missing (the hand-weighted order is used)."""
    try:
        return Ranker(json.loads(MODEL.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError):
        return None


def weighted(hits: list[Hit], near: Mapping[str, float]) -> list[Hit]:
    """The hand-weighted order the learned one replaced: by fused score plus SENTENCE_SUPPORT
    times how near each passage's best sentence is (min-max over the hits); as given when none is known."""
    values = [near[h.passage.passage_id] for h in hits if h.passage.passage_id in near]
    if not values:
        return hits
    low, span = min(values), (max(values) - min(values)) or 1.0

    def key(h: Hit) -> tuple[float, str]:
        sentence = near.get(h.passage.passage_id)
        return (-(h.score + (SENTENCE_SUPPORT * (sentence - low) / span if sentence is not None else 0.0)), h.passage.passage_id)

    return sorted(hits, key=key)


def ranked(hits: list[Hit], near: Mapping[str, float], question: str, broad: bool) -> list[Hit] | None:
    """``hits`` in the learned order (ties by passage id); None without a ranker."""
    ranker = get_ranker()
    if ranker is None or not hits:
        return None
    scores = ranker.score(features(hits, near, question, broad))
    order = sorted(range(len(hits)), key=lambda i: (-scores[i], hits[i].passage.passage_id))
    return [hits[i] for i in order]
