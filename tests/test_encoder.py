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


def test_passages_can_be_embedded_in_bf16_within_a_hair_of_fp32(models):
    """Indexing embeds passages with the same weights in bfloat16: the vectors are within cosine
    0.9999 of fp32 (questions, embedded in fp32, find the same passages), so the index keeps its name;
    batches side by side give each text the vector it gets alone."""
    onnx, _, _ = models
    bf16 = Embedder(encoder="onnx", cache_dir=onnx.cache_dir, sentence_encoder="same", passage_encoder="bf16")
    assert bf16.name == onnx.name == "packaged"
    texts = [f"{t} ({n})" for n in range(3) for t in TEXTS]
    fp32 = np.array(onnx.embed(texts))
    alone = np.array([bf16.embed_passages([t])[0] for t in texts])
    assert (alone * fp32).sum(axis=1).min() > 0.9999
    assert np.allclose(bf16.embed(texts), fp32, atol=1e-5)  # questions: fp32
    passages, sentences = bf16.embed_with_sentences(texts, TEXTS, batch_size=2, threads=2)
    assert (np.array(passages) * alone).sum(axis=1).min() > 0.99999
    assert np.allclose(sentences, onnx.embed(TEXTS), atol=1e-5)


def test_a_cpu_without_bf16_keeps_the_fp32_encoder_for_passages(models, monkeypatch):
    import index.embeddings

    onnx, _, _ = models
    monkeypatch.setattr(index.embeddings, "cpu_has_bf16", lambda: False)
    plain = Embedder(encoder="onnx", cache_dir=onnx.cache_dir, sentence_encoder="same", passage_encoder="bf16")
    assert plain._passages is plain
    assert np.allclose(plain.embed_passages(TEXTS), onnx.embed(TEXTS), atol=1e-5)
