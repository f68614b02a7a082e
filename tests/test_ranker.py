"""The learned passage order: its features, its trees applied without scikit-learn, and the
shipped model."""

import numpy as np
import pytest

from assistant import ranker
from assistant.types import Hit
from index.store import StoredPassage


def hit(n, text, score, dense, lexical=0.0, heading=(), kind="paragraph"):
    p = StoredPassage(
        passage_id=f"doc#p{n}", doc_id="doc", text=text, locator=f"paragraph {n}", heading=heading, start=0, end=len(text),
        context="", ordinal=n, kind=kind, page=None, title="Doc", doc_kind="inspection_report", authority="Kent",
        publisher="Ofsted", date="2022-08-23", fields={},
    )
    return Hit(p, score, dense=dense, lexical=lexical, dense_rank=n, lexical_rank=None)


HITS = [
    hit(0, "Supervision is regular and reflective.", 0.9, 0.6, 12.0, heading=("Supervision",)),
    hit(1, "The local authority has a stable workforce.", 0.5, 0.4),
    hit(2, "Care leavers are well supported.", 0.2, 0.3, kind="item"),
]


def test_features_one_row_each_named():
    rows = ranker.features(HITS, {"doc#p0": 0.7, "doc#p2": 0.5}, "What did Ofsted say about supervision?", broad=True)
    assert len(rows) == 3 and all(len(r) == len(ranker.FEATURES) for r in rows)
    named = [dict(zip(ranker.FEATURES, r)) for r in rows]
    assert named[0]["fused_share"] == 1.0 and named[0]["sentence_scaled"] == 1.0 and named[0]["question_in_heading"] > 0
    assert named[0]["heading_in_question"] == 1.0 and named[1]["heading_in_question"] == 0.0
    assert named[1]["has_sentence"] == 0.0 and named[2]["sentence_scaled"] == 0.0
    assert named[2]["item"] == 1.0 and named[2]["paragraph"] == 0.0 and named[2]["keyword_rank"] == 0.0
    assert all(n["broad"] == 1.0 for n in named)


def stump(feature, threshold, low, high):
    """A tree of one split: rows whose feature is at most the threshold score ``low``."""
    return {"feature": [ranker.FEATURES.index(feature), -1, -1], "threshold": [threshold, 0, 0], "left": [1, 0, 0], "right": [2, 0, 0], "value": [0, low, high]}


def test_trees_score_rows_and_order_hits(monkeypatch):
    model = ranker.Ranker({"features": list(ranker.FEATURES), "baseline": 0.5, "trees": [stump("dense", 0.35, 0.0, -1.0), stump("item", 0.5, 0.0, 2.0)]})
    rows = ranker.features(HITS, {}, "care leavers", broad=False)
    assert model.score(rows) == [-0.5, -0.5, 2.5]
    monkeypatch.setattr(ranker, "get_ranker", lambda: model)
    assert [h.passage.passage_id for h in ranker.ranked(HITS, {}, "care leavers", False)] == ["doc#p2", "doc#p0", "doc#p1"]


def test_a_model_of_other_features_is_refused():
    with pytest.raises(ValueError):
        ranker.Ranker({"features": ["dense"], "baseline": 0, "trees": []})


def test_the_shipped_model_loads_and_prefers_the_nearer_passage():
    model = ranker.get_ranker()
    assert model is not None and len(model.trees) > 10
    near, far = ranker.features(HITS[:2], {"doc#p0": 0.8, "doc#p1": 0.1}, "supervision", broad=False)
    assert model.score([near])[0] > model.score([far])[0]


def test_exported_trees_score_as_scikit_learn_does():
    sklearn = pytest.importorskip("sklearn.ensemble")
    from evals.train_ranker import export

    rng = np.random.RandomState(1)
    x = rng.rand(400, len(ranker.FEATURES))
    y = (x[:, 2] + 0.5 * x[:, 5] + 0.1 * rng.rand(400)) > 0.8
    fitted = sklearn.HistGradientBoostingClassifier(max_iter=20, max_leaf_nodes=7, random_state=0).fit(x, y)
    ours = ranker.Ranker(export(fitted)).score(x.tolist())
    assert np.allclose(ours, fitted.decision_function(x), atol=1e-6)


def test_without_the_trees_the_hand_weighted_order_is_used(monkeypatch):
    monkeypatch.setattr(ranker, "get_ranker", lambda: None)
    assert ranker.ranked(HITS, {}, "care leavers", False) is None
    # fused 0.5 with the nearest sentence (+0.3) outranks fused 0.6 with the farthest
    first, second = hit(5, "A finding.", 0.6, 0.5), hit(6, "Another finding.", 0.5, 0.5)
    assert [h.passage.passage_id for h in ranker.weighted([first, second], {"doc#p5": 0.1, "doc#p6": 0.9})] == ["doc#p6", "doc#p5"]
    assert ranker.weighted(HITS, {}) == HITS


def test_each_folds_adapters_are_learned_without_its_authorities(tmp_path, monkeypatch):
    from evals import train_adapter, train_ranker

    seen = []

    def fit(rows, documents):
        seen.append({r["group"] for r in rows})
        return np.eye(3)

    monkeypatch.setattr(train_adapter, "fit", fit)
    groups = {f"Authority {n}" for n in range(10)}
    found = {"rows": [{"group": g} for g in sorted(groups)], "documents": {}}
    fold, chosen = train_ranker.held_out_adapters(groups, found, found, tmp_path, folds=5)
    assert set(fold) == groups and set(fold.values()) == set(range(5))
    assert len(chosen) == 5 and len(seen) == 10  # a sentence and a passage adapter a fold
    for k, settings in enumerate(chosen):
        assert set(settings) == {"query_adapter", "passage_adapter"}
        for learned in seen[2 * k: 2 * k + 2]:
            assert learned == {g for g in groups if fold[g] != k}
        shipped = np.load(settings["passage_adapter"])
        assert shipped.dtype == np.float16 and np.allclose(shipped, train_adapter.STRENGTH * np.eye(3))
    # with the passage adapter off (as it runs by default) only the sentences' is learned
    fold, chosen = train_ranker.held_out_adapters(groups, found, None, tmp_path, folds=5)
    assert all(c["passage_adapter"] == "none" and c["query_adapter"].endswith(".npy") for c in chosen) and len(seen) == 15


def test_the_order_is_cross_validated_in_the_folds_its_adapters_were_held_out_in(monkeypatch):
    pytest.importorskip("sklearn.ensemble")
    from evals import train_ranker

    rng = np.random.RandomState(0)
    orderings = []
    for n in range(40):
        rows = rng.rand(6, len(ranker.FEATURES)).tolist()
        labels = [i == n % 6 for i in range(6)]
        orderings.append({"group": f"Authority {n % 4}", "fold": n % 2, "broad": False, "rows": rows, "labels": labels, "hand": list(range(6))})
    held = []
    monkeypatch.setattr(train_ranker, "fit", lambda rows, labels: held.append(len(rows)) or type("M", (), {"decision_function": lambda self, x: x[:, 0]})())
    counts = train_ranker.cross_validate(orderings, folds=5)
    assert held == [120, 120]  # two folds, as asked: each trained on the other's 20 orderings
    assert counts["other"]["orderings"] == 40 and counts["broad"]["orderings"] == 0
