"""Learn the passage order (assistant/ranker.py) from an evaluation set's dev split.

    HF_HUB_OFFLINE=1 IA_DATA_DIR=<library index> .venv/bin/python -m evals.train_ranker \\
        evals/library_questions.jsonl --features /tmp/ranker-features.pkl \\
        --adapter-features /tmp/adapter-features.pkl [--passage-adapter-features /tmp/passage-adapter-features.pkl]

Each answerable dev item with evidence is asked; at the step where the candidate passages are
ordered, each candidate's features (ranker.features) are recorded with whether it holds one of the
item's evidence sentences. The question's similarities come through the sentence adapter, and
the passage adapter when the settings turn it on (``IA_PASSAGE_ADAPTER``; query_adapter.py), which
were learned on these items: each item is asked with adapters learned without its authority (five
authority folds, fitted here from the adapters' trainers' recorded features, collected into those
files when missing), so the trees weigh similarities as strong as they are on an authority the
adapters never saw. Boosted trees (scikit-learn, needed only here) are fitted to those
labels and written to assistant/data/ranker.json as plain arrays. Before writing, the order is
cross-validated with the items' authorities held out five ways, and compared with the
hand-weighted order on how often a passage holding the evidence comes first, in the top 5 and in
the top 15."""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

from assistant import ranker
from evals.dataset import load_dataset
from evals.matching import contains

# 200 trees of 15 leaves; a leaf holds at least 200 passages and leaf values are damped (chosen on
# the cross-validation below: 400 trees of 31 leaves, or no length and place, did no better)
TREES, LEARNING_RATE, LEAVES, MIN_LEAF, L2 = 200, 0.05, 15, 200, 1.0


def group(item) -> str:
    """An item's authority (its third tag), the unit its folds hold out."""
    return item.tags[2] if len(item.tags) > 2 else item.id


def held_out_adapters(groups, sentence: dict | None, passage: dict | None, into: Path, folds: int = 5) -> tuple[dict[str, int], list[dict]]:
    """Each group's fold, and for each fold the sentence and passage adapters learned without its
    groups (from the adapters' trainers' recorded features ``sentence`` and ``passage``, at the
    strength each ships at; none where there are no features), written into ``into`` and named as
    settings."""
    import numpy as np

    from evals import train_adapter, train_passage_adapter

    fold = authority_folds(groups, folds)
    settings = []
    for k in range(folds):
        chosen = {"query_adapter": "none", "passage_adapter": "none"}
        for name, found, strength in (("query_adapter", sentence, train_adapter.STRENGTH), ("passage_adapter", passage, train_passage_adapter.STRENGTH)):
            if found is None:
                continue
            rows = [r for r in found["rows"] if fold.get(r["group"]) != k]
            path = into / f"{name}-{k}.npy"
            np.save(path, (strength * train_adapter.fit(rows, found["documents"])).astype(np.float16))
            chosen[name] = str(path)
        settings.append(chosen)
        print(f"adapters without fold {k + 1} of {folds} learned", file=sys.stderr, flush=True)
    return fold, settings


def collect(questions: Path, split: str, adapters: tuple[dict[str, int], list[dict]] | None = None) -> list[dict]:
    """For each ordering of candidates while answering the split's items: features, labels and the
    hand-weighted order. ``adapters``: each group's fold and each fold's adapter settings (see
    held_out_adapters); without them every item is asked with the settings' own."""
    from assistant.ask import Assistant
    from index.settings import Settings

    ranker.get_ranker = lambda: None  # the candidates are the hand-weighted order's
    seen: list[tuple] = []
    nearest = Assistant._nearest_sentences

    def recording(self, query, filters, hits):
        near = nearest(self, query, filters, hits)
        seen.append((query, list(hits), near))
        return near

    Assistant._nearest_sentences = recording
    items = [i for i in load_dataset(questions, split).items if i.answerable and i.evidence]
    fold, chosen = adapters or ({}, [{}])
    items.sort(key=lambda i: fold.get(group(i), 0))  # one assistant a fold, made as its first item comes
    assistant, at = None, None
    out = []
    for n, item in enumerate(items, start=1):
        k = fold.get(group(item), 0)
        if k != at:
            assistant, at = Assistant(Settings.from_env(**chosen[k])), k
        seen.clear()
        assistant.ask(item.question)
        for query, hits, near in seen:
            if not hits:
                continue
            question = query.focus or query.dense_query
            hand = {h.passage.passage_id: i for i, h in enumerate(ranker.weighted(hits, near))}
            out.append({
                "item": item.id,
                "group": group(item),
                "fold": k if adapters else None,
                "broad": query.kind == "broad",
                "rows": ranker.features(hits, near, question, query.kind == "broad"),
                "labels": [any(contains(h.passage.text, e) for e in item.evidence) for h in hits],
                "hand": [hand[h.passage.passage_id] for h in hits],
            })
        if n % 250 == 0:
            print(f"{n}/{len(items)} items asked", file=sys.stderr, flush=True)
    return out


def fit(rows, labels):
    from sklearn.ensemble import HistGradientBoostingClassifier

    model = HistGradientBoostingClassifier(max_iter=TREES, learning_rate=LEARNING_RATE, max_leaf_nodes=LEAVES, min_samples_leaf=MIN_LEAF, l2_regularization=L2, random_state=0)
    return model.fit(rows, labels)


def export(model, features: tuple[str, ...] = ranker.FEATURES) -> dict:
    """The fitted trees as plain arrays (a leaf's feature is -1)."""
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append({
            "feature": [-1 if l else int(f) for f, l in zip(nodes["feature_idx"], leaf)],
            "threshold": [0.0 if l else float(t) for t, l in zip(nodes["num_threshold"], leaf)],
            "left": [int(v) for v in nodes["left"]],
            "right": [int(v) for v in nodes["right"]],
            "value": [float(v) if l else 0.0 for v, l in zip(nodes["value"], leaf)],
        })
    return {"features": list(features), "baseline": float(model._baseline_prediction.ravel()[0]), "trees": trees}


def authority_folds(groups, folds: int) -> dict[str, int]:
    """Each group (an item's authority) to one of ``folds`` folds, shuffled the same way each run."""
    import numpy as np

    ordered = sorted(groups)
    np.random.RandomState(0).shuffle(ordered)
    return {g: i % folds for i, g in enumerate(ordered)}


def cross_validate(orderings: list[dict], folds: int = 5) -> dict:
    """How often a passage holding the evidence is first, in the top 5 and in the top 15, in the
    hand-weighted and in the learned order, each item's authority held out of its training (in the
    folds its adapters were held out in, when it was asked so)."""
    import numpy as np

    useful = [o for o in orderings if any(o["labels"])]
    if all(o.get("fold") is not None for o in useful):  # asked with adapters held out in these folds
        fold = {o["group"]: o["fold"] for o in useful}
    else:
        fold = authority_folds({o["group"] for o in useful}, folds)
    counts = {kind: {f"{order}@{n}": 0 for order in ("hand", "learned") for n in (1, 5, 15)} | {"orderings": 0} for kind in ("broad", "other")}
    for k in sorted(set(fold.values())):
        train = [o for o in useful if fold[o["group"]] != k]
        test = [o for o in useful if fold[o["group"]] == k]
        model = fit([r for o in train for r in o["rows"]], [l for o in train for l in o["labels"]])
        for o in test:
            learned = model.decision_function(np.asarray(o["rows"]))
            c = counts["broad" if o["broad"] else "other"]
            c["orderings"] += 1
            for n in (1, 5, 15):
                c[f"hand@{n}"] += any(l for l, h in zip(o["labels"], o["hand"]) if h < n)
                top = np.argsort(-learned, kind="stable")[:n]
                c[f"learned@{n}"] += any(o["labels"][i] for i in top)
    return counts


def arguments(argv: list[str] | None, description: str, out: Path, more=None) -> argparse.Namespace:
    """A training script's arguments: the questions, their split, where features are kept, the
    model's file (and ``more(parser)``'s)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("questions", type=Path)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--features", type=Path, help="read the recorded features from here, or record them here")
    parser.add_argument("--out", type=Path, default=out)
    if more:
        more(parser)
    return parser.parse_args(argv)


def recorded(args: argparse.Namespace, collect, path: Path | None = None):
    """The features recorded in ``path`` (default ``--features``) when that file exists; else
    collected (and kept there)."""
    path = path or args.features
    if path and path.exists():
        return pickle.loads(path.read_bytes())
    found = collect(args.questions, args.split)
    if path:
        path.write_bytes(pickle.dumps(found))
    return found


def main(argv: list[str] | None = None) -> None:
    import tempfile

    from assistant.query_adapter import get_adapter
    from evals import train_adapter, train_passage_adapter
    from index.settings import Settings

    def more(parser):
        parser.add_argument("--adapter-features", type=Path, help="the sentence adapter's trainer's recorded features (read, or recorded here)")
        parser.add_argument("--passage-adapter-features", type=Path, help="the passage adapter's trainer's recorded features (read, or recorded here)")

    args = arguments(argv, __doc__.splitlines()[0], ranker.MODEL, more)
    if args.features and args.features.exists():
        orderings = recorded(args, collect)
    else:
        settings = Settings.from_env()  # the order is learned as it will run: with the adapters it sets
        sentence = recorded(args, train_adapter.collect, args.adapter_features) if get_adapter(settings) else None
        passage = recorded(args, train_passage_adapter.collect, args.passage_adapter_features) if get_adapter(settings, passages=True) else None
        groups = {group(i) for i in load_dataset(args.questions, args.split).items}
        with tempfile.TemporaryDirectory() as into:
            adapters = held_out_adapters(groups, sentence, passage, Path(into))
            orderings = recorded(args, lambda questions, split: collect(questions, split, adapters))
    print(json.dumps(cross_validate(orderings), indent=1))
    useful = [o for o in orderings if any(o["labels"])]
    model = fit([r for o in useful for r in o["rows"]], [l for o in useful for l in o["labels"]])
    args.out.write_text(json.dumps(export(model), separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out} ({len(useful)} orderings, {sum(len(o['rows']) for o in useful)} passages)")


if __name__ == "__main__":
    main()
