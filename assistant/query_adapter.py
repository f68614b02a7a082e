"""A learned turn of a question's vector toward the sentences that answer questions like it.

The packaged model puts "Who led the inspection?" nearer to sentences about leadership than to
"Lead inspector: …", and "How does Havering mark the successes of the youngsters it looks after?"
nearer to other sentences about children in care than to "achievements … celebrated through the
annual awards ceremony". Passages and sentences are embedded as they are; the question's vector
``q`` moves, to ``q + qW``, where an answer's sentences of Ofsted's documents are scored (the kind
``W`` was learned on; an article's or a plan's sentences meet the plain ``q``) and where the
sentences of a question's few documents are searched (for passages holding a figure or name, and
each passage's best sentence, a signal of the passage order). ``W`` is learned by
``evals/train_adapter.py`` from the library eval's dev split, each question against every sentence
of the report holding its evidence: the evidence keeps its plain similarity and the sentences
around it move away, so thresholds on similarity keep their meaning. It is shipped at half the
strength learned (``evals/train_adapter.STRENGTH``) as a float16 matrix beside this module: no model
is downloaded, numpy applies it.

Ofsted's passages can be searched with a turn of their own (``passage_adapter.npy``, off unless
``IA_PASSAGE_ADAPTER=packaged``), learned by ``evals/train_passage_adapter.py`` the same way, each
question against all the passages of its authority: a question about one authority searches all
its reports and letters, among which the plain question's nearest passage held the evidence for
23% of library dev questions.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Sequence

import numpy as np

from index.errors import ConfigError
from index.settings import PACKAGED_MODEL, Settings

MODEL = Path(__file__).parent / "data" / "query_adapter.npy"
PASSAGE_MODEL = Path(__file__).parent / "data" / "passage_adapter.npy"


class QueryAdapter:
    def __init__(self, matrix: np.ndarray):
        if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
            raise ValueError(f"a query adapter is a square matrix, not {matrix.shape}")
        self.matrix = np.asarray(matrix, dtype=np.float32)

    def __call__(self, vectors: Sequence[Sequence[float]]) -> list[list[float]]:
        q = np.asarray(vectors, dtype=np.float32)
        if q.ndim != 2 or q.shape[1] != self.matrix.shape[0]:
            return [list(v) for v in vectors]  # another model's vectors: left as they are
        return (q + q @ self.matrix).tolist()

    def turn_sentences(self, vectors: Sequence[Sequence[float]] | np.ndarray, which: Sequence[bool]) -> list | np.ndarray:
        """The ``which`` rows of ``vectors`` turned so that a plain question's similarity to them is
        the turned question's: ``q·(s + Ws)`` is ``(q + qW)·s``. Others are left as they are. A
        float32 matrix is turned as one (an answer's few hundred sentences in a millisecond or
        two, where rows as lists take ten times as long); rows as lists come back as lists."""
        rows = [i for i, turn in enumerate(which) if turn]
        if isinstance(vectors, np.ndarray):
            out = vectors.copy()
            if rows and vectors.ndim == 2 and vectors.shape[1] == self.matrix.shape[0]:
                s = vectors[rows]
                out[rows] = s + s @ self.matrix.T
            return out
        out = list(vectors)
        if rows:
            s = np.asarray([vectors[i] for i in rows], dtype=np.float32)
            if s.shape[1] == self.matrix.shape[0]:
                for i, v in zip(rows, (s + s @ self.matrix.T).tolist()):
                    out[i] = v
        return out


@functools.lru_cache(maxsize=4)
def _load(path: str, setting: str = "IA_QUERY_ADAPTER") -> QueryAdapter:
    try:
        return QueryAdapter(np.load(path))
    except (OSError, ValueError) as e:
        raise ConfigError(f"{setting}: {path} is not a square .npy matrix ({e})") from None


def get_adapter(settings: Settings, passages: bool = False) -> QueryAdapter | None:
    """The adapter the settings name, for sentences or (``passages``) for searching passages: the
    packaged one (for the packaged model only), a file, or none."""
    choice = (settings.passage_adapter if passages else settings.query_adapter).strip()
    if choice.lower() in ("", "none", "off"):
        return None
    if choice == "packaged":
        model = PASSAGE_MODEL if passages else MODEL
        return _load(str(model)) if settings.embedding_model == PACKAGED_MODEL and model.exists() else None
    return _load(str(Path(choice).expanduser()), "IA_PASSAGE_ADAPTER" if passages else "IA_QUERY_ADAPTER")
