"""The packaged model on ONNX Runtime gives torch's vectors (so an index built with either answers
the same); int8 is close but named apart. Real model, real export (into a temporary folder)."""

import numpy as np
import pytest

from index.embeddings import Embedder

pytestmark = pytest.mark.integration

TEXTS = [
    "What did Ofsted say about supervision?",
    "Managers do not provide staff with reflective supervision, and actions set in supervision are not always followed up.",
    "Inspection of Kent County Council children’s services — 20 May 2022\n9. Many social workers in the children’s social work teams currently have high caseloads.",
]


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    cache = tmp_path_factory.mktemp("models")
    plain = {"sentence_encoder": "same"}
    return Embedder(encoder="onnx", cache_dir=cache, **plain), Embedder(encoder="torch", **plain), Embedder(encoder="onnx-int8", cache_dir=cache)


def test_onnx_gives_torchs_vectors_and_keeps_the_index_name(models):
    onnx, torch, _ = models
    a, b = np.array(onnx.embed(TEXTS)), np.array(torch.embed(TEXTS))
    assert (a * b).sum(axis=1).min() > 0.9999
    assert onnx.name == torch.name == "packaged"


def test_int8_is_close_but_has_a_name_of_its_own(models):
    onnx, _, int8 = models
    a, b = np.array(onnx.embed(TEXTS)), np.array(int8.embed(TEXTS))
    assert (a * b).sum(axis=1).min() > 0.97
    assert int8.name == "packaged+int8pc"  # an index built with fp32 vectors is rebuilt, not mixed


def test_sentences_can_have_the_faster_encoding_and_the_index_says_so(models, tmp_path_factory):
    onnx, _, int8 = models
    mixed = Embedder(encoder="onnx", cache_dir=int8.cache_dir, sentence_encoder="onnx-int8")
    assert mixed.name == "packaged+int8pc-sentences"  # an index of all-fp32 vectors is rebuilt, not mixed
    assert np.allclose(mixed.embed(TEXTS), onnx.embed(TEXTS), atol=1e-5)  # passages and questions: fp32
    assert np.allclose(mixed.embed_sentences(TEXTS), int8.embed(TEXTS), atol=1e-5)
    assert Embedder(encoder="onnx-int8", cache_dir=int8.cache_dir, sentence_encoder="onnx-int8").name == "packaged+int8pc"
    assert Embedder(encoder="onnx", sentence_encoder="same").name == "packaged"


def test_several_threads_embed_batches_side_by_side_with_the_same_vectors(models):
    onnx, _, _ = models
    mixed = Embedder(encoder="onnx", cache_dir=onnx.cache_dir, sentence_encoder="onnx-int8")
    texts = [f"{t} ({n})" for n in range(6) for t in TEXTS]  # several batches of 4
    one = np.array(onnx.embed(texts, batch_size=4, threads=1))
    assert np.allclose(onnx.embed(texts, batch_size=4, threads=2), one, atol=1e-5)
    done = []
    onnx.embed(texts, batch_size=4, threads=2, on_batch=done.append)
    assert sum(done) == len(texts)
    passages, sentences = mixed.embed_with_sentences(texts, texts[:5], batch_size=4, threads=2)
    assert np.allclose(passages, one, atol=1e-5)
    assert np.allclose(sentences, mixed.embed_sentences(texts[:5], batch_size=4, threads=1), atol=1e-5)
