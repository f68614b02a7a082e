"""Learn which side of the findings a sentence states (assistant/polarity.py) from labelled report
sentences.

    HF_HUB_OFFLINE=1 .venv/bin/python -m evals.train_polarity evals/polarity_labels.jsonl

Each line of the labels file is a sentence of a dev authority's report (``text``, ``authority``,
``doc``) with its ``label``, given by reading it: S (a shortcoming), P (praise), M (both), N
(neither: a fact, a procedure). A logistic regression (scikit-learn, needed only here) learns S or M
from the sentence's TF-IDF words and word pairs and its embedding by the packaged model, and is
written to assistant/data/polarity.json as plain numbers. Before writing, it is cross-validated
with the sentences' authorities held out five ways, against the word list it replaces
(sides.states_shortcoming)."""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np

from assistant import polarity, sides

C = 10.0  # the regression's inverse regularisation (authority-held-out: 3 and 30 within 0.2 points)
THRESHOLD = 0.7  # a shortcoming over this probability, beside those the word list finds
MIN_DF = 2  # a term read when at least this many labelled sentences hold it


def tfidf(texts: list[str], idf: dict[str, float]):
    """The rows (scipy sparse) of ``texts``' terms weighted as polarity.Polarity weighs them."""
    from scipy.sparse import csr_matrix

    index = {t: i for i, t in enumerate(idf)}
    rows, cols, vals = [], [], []
    for r, text in enumerate(texts):
        counts = Counter(t for t in polarity.terms(text) if t in index)
        values = {t: (1.0 + math.log(n)) * idf[t] for t, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        for t, v in values.items():
            rows.append(r), cols.append(index[t]), vals.append(v / norm)
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), len(index)))


def fit_idf(texts: list[str]) -> dict[str, float]:
    df = Counter(t for text in texts for t in set(polarity.terms(text)))
    n = len(texts)
    return {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in sorted(df.items()) if d >= MIN_DF}


def fit(texts: list[str], vectors: np.ndarray, labels: np.ndarray):
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    idf = fit_idf(texts)
    features = hstack([tfidf(texts, idf), csr_matrix(vectors)]).tocsr()
    model = LogisticRegression(C=C, max_iter=5000).fit(features, labels)
    weights = model.coef_[0]
    return polarity.Polarity({
        "terms": {t: [idf[t], float(weights[i])] for i, t in enumerate(idf)},
        "vector": [float(w) for w in weights[len(idf):]],
        "bias": float(model.intercept_[0]),
        "threshold": THRESHOLD,
    })


def export(model: polarity.Polarity, path: Path, trained_on: int) -> None:
    data = {
        "about": f"assistant/polarity.py: learned by evals/train_polarity.py from {trained_on} labelled sentences",
        "threshold": model.threshold,
        "bias": round(model.bias, 6),
        "vector": [round(float(w), 6) for w in model.vector],
        "terms": {t: [round(model.idf[t], 5), round(model.weight[t], 6)] for t in model.idf},
    }
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n")


def figures(name: str, predicted: np.ndarray, labels: np.ndarray) -> str:
    found = predicted[labels].mean() if labels.any() else 0.0
    precise = labels[predicted].mean() if predicted.any() else 0.0
    return f"{name}: accuracy {100 * (predicted == labels).mean():.1f}%, shortcomings found {100 * found:.1f}%, precision {100 * precise:.1f}%"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels", type=Path)
    parser.add_argument("--out", type=Path, default=polarity.MODEL)
    args = parser.parse_args(argv)
    from index.embeddings import get_embedder
    from index.settings import Settings

    rows = [json.loads(line) for line in args.labels.read_text().splitlines() if line.strip()]
    texts = [r["text"] for r in rows]
    labels = np.array([r["label"] in ("S", "M") for r in rows])
    vectors = np.asarray(get_embedder(Settings.from_env()).embed(texts, batch_size=64), dtype=np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    # authority-held-out, five ways (each authority's sentences in one fold)
    authorities = sorted({r["authority"] for r in rows})
    fold = {a: i % 5 for i, a in enumerate(authorities)}
    predicted = np.zeros(len(rows), dtype=bool)
    for k in range(5):
        test = np.array([fold[r["authority"]] == k for r in rows])
        model = fit([t for t, x in zip(texts, test) if not x], vectors[~test], labels[~test])
        predicted[test] = model.states_shortcoming([t for t, x in zip(texts, test) if x], vectors[test])
    print(Counter(r["label"] for r in rows), file=sys.stderr)
    words = np.array([sides.states_shortcoming(t) for t in texts])
    print(figures("the word list", words, labels), file=sys.stderr)
    print(figures("learned, authority-held-out", predicted, labels), file=sys.stderr)
    print(figures("the word list or learned (as answers read them)", predicted | words, labels), file=sys.stderr)
    export(fit(texts, vectors, labels), args.out, len(rows))
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
