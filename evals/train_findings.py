"""Learn the order of a broad answer's findings (assistant/finding_order.py) from an evaluation set's
dev split.

    HF_HUB_OFFLINE=1 IA_DATA_DIR=<library index> .venv/bin/python -m evals.train_findings \\
        evals/library_questions.jsonl --features /tmp/findings-features.pkl

Each answerable dev item that asks broadly (or compares) and names the findings an answer must hold
is asked; where its candidate sentences are chosen from, each candidate's features
(finding_order.features, in the hand-weighted order) are recorded with whether it holds one of the
item's expected findings. Boosted trees (scikit-learn, needed only here) are fitted to those labels
and written to assistant/data/findings.json as plain arrays. Before writing, the order is
cross-validated with the items' authorities held out five ways: how many of the expected findings
the best TOP sentences hold, in the hand-weighted and in the learned order."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from assistant import extractive, finding_order
from evals.dataset import load_dataset
from evals.matching import group_matched
from evals.train_ranker import arguments, authority_folds, export, fit, group, recorded

TOP = 13  # about as many sentences as a broad answer quotes (library dev: 13.0 on average)


def collect(questions: Path, split: str) -> list[dict]:
    """For each broad choice of sentences while answering the split's items: features and labels."""
    from assistant.ask import Assistant
    from index.settings import Settings

    assistant = Assistant(Settings.from_env())
    finding_order.get_model = lambda: None  # the candidates in the hand-weighted order
    select = extractive.select
    commonness = assistant.retriever.corpus().templates.commonness
    out: list[dict] = []
    current: dict = {}

    def recording(query, sentences, *args, **kwargs):
        if query.kind == "broad" and sentences:
            out.append({
                "item": current["item"].id,
                "group": group(current["item"]),
                "findings": len(current["item"].must_include),
                "rows": finding_order.features(sentences, commonness),
                "labels": [[i for i, named in enumerate(current["item"].must_include) if group_matched(s.text, list(named))] for s in sentences],
                "hand": [s.score for s in sentences],
            })
        return select(query, sentences, *args, **kwargs)

    extractive.select = recording
    items = [i for i in load_dataset(questions, split).items if i.answerable and i.must_include and set(i.tags) & {"broad", "compare-time", "compare-authorities"}]
    for n, item in enumerate(items, start=1):
        current["item"] = item
        assistant.ask(item.question)
        if n % 250 == 0:
            print(f"{n}/{len(items)} items asked", file=sys.stderr, flush=True)
    extractive.select = select
    return out


def _rows(choices: list[dict]) -> tuple[list, list]:
    return [r for c in choices for r in c["rows"]], [bool(labels) for c in choices for labels in c["labels"]]


def cross_validate(choices: list[dict], folds: int = 5) -> dict:
    """How many expected findings the best TOP sentences hold, hand-weighted and learned, each item's
    authority held out of the training."""
    import numpy as np

    fold = authority_folds({c["group"] for c in choices}, folds)
    counts = {"findings": 0, "hand": 0, "learned": 0}
    for k in range(folds):
        model = fit(*_rows([c for c in choices if fold[c["group"]] != k]))
        for c in (c for c in choices if fold[c["group"]] == k):
            learned = model.decision_function(np.asarray(c["rows"]))
            counts["findings"] += c["findings"]
            for name, order in (("hand", np.argsort(-np.asarray(c["hand"]), kind="stable")), ("learned", np.argsort(-learned, kind="stable"))):
                counts[name] += len({g for i in order[:TOP] for g in c["labels"][i]})
    return counts


def main(argv: list[str] | None = None) -> None:
    args = arguments(argv, __doc__.splitlines()[0], finding_order.MODEL)
    choices = recorded(args, collect)
    print(json.dumps(cross_validate(choices), indent=1))
    model = fit(*_rows(choices))
    args.out.write_text(json.dumps(export(model, finding_order.FEATURES), separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out} ({len(choices)} choices, {sum(len(c['rows']) for c in choices)} sentences)")


if __name__ == "__main__":
    main()
