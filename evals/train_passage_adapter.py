"""Learn the passage adapter (assistant/query_adapter.py) from an evaluation set's dev split.

    HF_HUB_OFFLINE=1 IA_DATA_DIR=<library index> .venv/bin/python -m evals.train_passage_adapter \\
        evals/library_questions.jsonl --features /tmp/passage-adapter-features.pkl

A question about one authority searches all of that authority's passages (its reports of every
year, its letters): the passage holding the answer must come near the top of them. For each
answerable dev item with evidence, the question's vector (as asked) is recorded with the passages
of the authorities whose documents hold its evidence, and which of those passages hold it. ``W`` is
fitted as the sentence adapter is (evals/train_adapter.fit: a softmax over the authority's
passages, an anchor keeping the evidence's similarity), so that ``q + qW`` puts the evidence's
passage first. Before writing, the fit is cross-validated with the items' authorities held out
five ways: how often an evidence passage is the authority's nearest, in its best 5 and in its best
20, with the adapter (at the strength shipped) and without. The matrix is written as float16."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from assistant import query_adapter
from evals.dataset import load_dataset
from evals.matching import contains
from evals.train_adapter import cross_validate, document_texts, documents_holding, fit
from evals.train_ranker import arguments, group, recorded

# shipped at half the strength learned: library dev held out by authority (5,310 items) gained
# 14 answers and 28 items' evidence in the top 5 at half strength, 10 and 30 at full, with more churn
STRENGTH = 0.5


def collect(questions: Path, split: str) -> dict:
    """Per item: its authority, tags and question vector, and which of its authorities' passages
    hold the evidence; each authority's passage vectors once."""
    from assistant.retrieval import Retriever
    from index.settings import Settings

    retriever = Retriever(Settings.from_env(query_adapter="none", passage_adapter="none"))
    corpus = retriever.corpus()
    numbers: dict[str, list[int]] = {}
    for n, p in enumerate(corpus.passages):
        if p.kind != "judgement":  # a judgement record is found by its own route (records.py)
            numbers.setdefault(p.authority, []).append(n)
    doc_text = document_texts(corpus.by_doc)
    items = [i for i in load_dataset(questions, split).items if i.answerable and i.evidence]
    vectors = retriever.embedder.embed([i.question for i in items], batch_size=64, threads=retriever.settings.query_threads)
    documents: dict[str, dict] = {}
    rows = []
    for item, vector in zip(items, vectors):
        held = documents_holding(item.evidence, doc_text)
        authorities = sorted({corpus.records[d].authority for d in held if d in corpus.records and corpus.records[d].authority})
        if not authorities:
            continue
        key = " | ".join(authorities)
        if key not in documents:
            chosen = [n for a in authorities for n in numbers.get(a, [])]
            documents[key] = {"numbers": chosen, "vectors": np.asarray(corpus.vectors[chosen], dtype=np.float16)}
        labels = np.asarray([any(contains(corpus.passages[n].text, e) for e in item.evidence) for n in documents[key]["numbers"]])
        if labels.any() and not labels.all():
            rows.append({
                "item": item.id,
                "group": group(item),
                "paraphrase": "paraphrase" in item.tags,
                "question": np.asarray(vector, dtype=np.float32),
                "doc": key,
                "labels": labels,
            })
    return {"rows": rows, "documents": documents}


def main(argv: list[str] | None = None) -> None:
    args = arguments(argv, __doc__.splitlines()[0], query_adapter.PASSAGE_MODEL)
    found = recorded(args, collect)
    print(json.dumps(cross_validate(found, strength=STRENGTH), indent=1))
    np.save(args.out, (STRENGTH * fit(found["rows"], found["documents"])).astype(np.float16))
    print(f"wrote {args.out} ({len(found['rows'])} items, {len(found['documents'])} authorities' passages)", file=sys.stderr)


if __name__ == "__main__":
    main()
