"""The learned order of a broad answer's findings (assistant/finding_order.py): features, the
reordering that keeps the hand-weighted scores, and the shipped trees."""

from assistant import extractive, finding_order, ranker
from assistant.types import Hit
from index.store import StoredPassage


def passage(pid, text, doc_kind="inspection_report"):
    doc_id = pid.split("#")[0]
    return StoredPassage(
        passage_id=pid, doc_id=doc_id, text=text, locator="paragraph 1", heading=(), start=0, end=len(text),
        context="", ordinal=0, kind="paragraph", page=None, title=f"Title of {doc_id}", doc_kind=doc_kind,
        authority="Kent", publisher="Ofsted", date="2023-01-20", fields={},
    )


def sentences():
    out = []
    for pid, text, score in (
        ("r#p1", "Social workers told inspectors that they enjoy working in the council.", 0.8),
        ("r#p2", "Supervision is too infrequent and rarely reflective.", 0.6),
        ("q#p1", "In 2022, 41 social workers received supervision training.", 0.5),
    ):
        s = extractive.sentences_of(Hit(passage(pid, text), 1.0))[0]
        s.score, s.dense, s.coverage, s.literal = score, score, 0.5, True
        out.append(s)
    return out


def stump(feature, threshold, low, high):
    return {"feature": [finding_order.FEATURES.index(feature), -1, -1], "threshold": [threshold, 0, 0], "left": [1, 0, 0], "right": [2, 0, 0], "value": [0, low, high]}


def test_each_sentence_gets_a_row_set_against_the_others():
    rows = [dict(zip(finding_order.FEATURES, r)) for r in finding_order.features(sentences())]
    assert [r["rank"] for r in rows] == [0.0, 1.0, 2.0]
    assert [round(r["score_share"], 3) for r in rows] == [1.0, 0.75, 0.625]
    assert rows[0]["dense_gap"] == 0.0 and rows[2]["dense_gap"] < 0
    assert rows[1]["judging"] > rows[0]["judging"]  # "too", "rarely"
    assert [r["figure"] for r in rows] == [0.0, 0.0, 1.0]
    assert [round(r["document_share"], 3) for r in rows] == [0.667, 0.667, 0.333]
    assert [r["opens_passage"] for r in rows] == [1.0, 1.0, 1.0] and [r["list_item"] for r in rows] == [0.0, 0.0, 0.0]
    # boilerplate (wording many of the library's documents share) is told apart
    common = [dict(zip(finding_order.FEATURES, r)) for r in finding_order.features(sentences(), lambda text: 0.9 if text.startswith("Social") else 0.0)]
    assert [r["commonness"] for r in common] == [0.9, 0.0, 0.0]


def test_the_learned_order_hands_out_the_same_scores(monkeypatch):
    # trees that put the sentence inspectors judge in first: it takes the best score, the others follow
    model = ranker.Ranker({"features": list(finding_order.FEATURES), "baseline": 0.0, "trees": [stump("judging", 0.1, 0.0, 1.0)]}, finding_order.FEATURES)
    monkeypatch.setattr(finding_order, "get_model", lambda: model)
    found = sentences()
    finding_order.reorder(found)
    assert [s.score for s in found] == [0.6, 0.8, 0.5]
    assert sorted(s.score for s in found) == [0.5, 0.6, 0.8]


def test_without_trees_the_hand_weighted_order_stands(monkeypatch):
    monkeypatch.setattr(finding_order, "get_model", lambda: None)
    found = sentences()
    finding_order.reorder(found)
    assert [s.score for s in found] == [0.8, 0.6, 0.5]


def test_the_shipped_trees_load_and_score_every_row():
    model = finding_order.get_model()
    assert model is not None and model.features == finding_order.FEATURES
    scores = model.score(finding_order.features(sentences()))
    assert len(scores) == 3 and all(isinstance(s, float) for s in scores)
