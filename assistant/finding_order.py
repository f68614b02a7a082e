"""The learned order of a broad answer's findings: which of the candidate sentences a reader would
name as what a report found on the topic, scored by boosted trees over signals the sentence scorer
already has (its score and rank, meaning, the question's words it holds) and a few of the sentence's
own (its length, figures, words inspectors judge with, how common its wording is in the library,
whether it is a list's item or opens its paragraph, its document's share of the candidates).
Learned from the library evaluation set's dev split (the sentences holding each broad item's
expected findings) by ``evals/train_findings.py`` and shipped as plain JSON beside this module.

The trees only reorder: the sentences keep the hand-weighted scores they had, each taking the one
at its place in the learned order, so the bars, caps and shares an answer is chosen by are
unchanged and only which sentence stands where changes."""

from __future__ import annotations

import collections
import functools
import json
import math
import re
from pathlib import Path
from typing import Callable, Sequence

from .ranker import Ranker

MODEL = Path(__file__).parent / "data" / "findings.json"
FEATURES = (
    "score", "score_share", "dense", "dense_gap", "coverage", "literal", "rank", "length", "judging",
    "figure", "document_share", "introduces_list", "grade_line", "commonness", "list_item", "action_row", "opens_passage",
)
# words inspectors judge with ("too", "timely", "drift", "consistently"): a finding, not a description
_JUDGING = re.compile(
    r"\b(not|too|poor|weak|inadequate|strong|effective|ineffective|good|outstanding|well|timely|delay|drift|variable|"
    r"inconsistent|improv\w*|declin\w*|robust|thorough|lack|limited|insufficient|significant|consistently|rarely|always|"
    r"never|most|many|some|few)\b",
    re.I,
)
_GRADE_LINE = re.compile(r"\b(Outstanding|Good|Requires improvement|Inadequate)\s*$")
_DIGIT = re.compile(r"\d")


def features(sentences: Sequence, commonness: Callable[[str], float] = lambda text: 0.0) -> list[list[float]]:
    """One row of FEATURES for each scored sentence (extractive.Sentence), set against the others;
    ``commonness``: how many of the library's documents share the sentence's wording (boilerplate)."""
    if not sentences:
        return []
    order = sorted(range(len(sentences)), key=lambda i: -sentences[i].score)
    rank = {i: r for r, i in enumerate(order)}
    top = max(s.score for s in sentences) or 1.0
    nearest = max(s.dense for s in sentences)
    per_document = collections.Counter(s.passage.doc_id for s in sentences)
    rows = []
    for i, s in enumerate(sentences):
        text = s.text
        words = len(text.split())
        rows.append([
            s.score,
            s.score / top,
            s.dense,
            s.dense - nearest,
            s.coverage,
            float(s.literal),
            float(rank[i]),
            math.log1p(words),
            len(_JUDGING.findall(text)) / max(words, 1),
            float(bool(_DIGIT.search(text))),
            per_document[s.passage.doc_id] / len(sentences),
            float(text.rstrip().endswith(":")),
            float(bool(_GRADE_LINE.search(text))),
            commonness(text),
            float(s.passage.kind == "item"),
            float(s.passage.kind == "action"),
            float(s.before is None),
        ])
    return rows


@functools.lru_cache(maxsize=1)
def get_model() -> Ranker | None:
    """The shipped trees, or None when their file is missing (the hand-weighted order stands)."""
    try:
        return Ranker(json.loads(MODEL.read_text(encoding="utf-8")), FEATURES)
    except (OSError, ValueError, KeyError):
        return None


def reorder(sentences: Sequence, commonness: Callable[[str], float] = lambda text: 0.0) -> None:
    """Give the sentences' scores out again in the learned order: the best-placed sentence takes the
    highest score, and so on (ties keep the sentences' order). Nothing changes without a model."""
    model = get_model()
    if model is None or len(sentences) < 2:
        return
    learned = model.score(features(sentences, commonness))
    scores = sorted((s.score for s in sentences), reverse=True)
    for i, score in zip(sorted(range(len(sentences)), key=lambda i: -learned[i]), scores):
        sentences[i].score = score
