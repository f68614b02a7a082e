"""The packaged model run by torch in bfloat16 (autocast: matrix products in bf16, layer norms and
softmax in fp32), for embedding passages while indexing.

On this machine's CPUs (AVX-512 with bf16 instructions) it embeds library passage windows ~1.7x
as fast as the fp32 ONNX export, one single-threaded batch per core, and its vectors are within
cosine 0.9999 of the fp32 ones (``tests/test_encoder.py``): far closer than int8's 0.993, close
enough that questions (embedded by the fp32 ONNX export, which loads without torch) find the same
passages. On a CPU without bf16 instructions torch would emulate it, more slowly than the fp32
export, so there passages keep the fp32 encoder (``embeddings.cpu_has_bf16``).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Sequence

from .onnx_encoder import MAX_LENGTH, _unit


class Bf16Encoder:
    """Mean-pooled, normalised vectors from a BERT-style sentence model in bf16."""

    def __init__(self, model_dir: Path):
        import torch
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        hf_logging.set_verbosity_error()
        self._torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
        self.model = AutoModel.from_pretrained(str(model_dir)).eval()
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str], threads: int = 1):
        """A (len(texts), dim) array of unit vectors; ``texts`` are encoded as one batch."""
        torch = self._torch
        with self._lock:  # the thread count is the process's: set it once, not per batch
            if torch.get_num_threads() != max(1, threads or 1):
                torch.set_num_threads(max(1, threads or 1))
        encoded = self.tokenizer(list(texts), padding=True, truncation=True, max_length=MAX_LENGTH, return_tensors="pt")
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16):
            hidden = self.model(**encoded).last_hidden_state.float()
        mask = encoded["attention_mask"].unsqueeze(-1).float()
        pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)
        return _unit(pooled.numpy())
