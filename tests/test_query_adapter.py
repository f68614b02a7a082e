"""The query adapter: what it does to a question's vector, which one the settings choose, and how
retrieval applies it."""

import numpy as np
import pytest

from assistant import query_adapter
from assistant.query_adapter import QueryAdapter, get_adapter
from assistant.retrieval import Retriever
from index.errors import ConfigError
from index.settings import Settings


def test_a_zero_matrix_leaves_the_question_as_it_is():
    assert QueryAdapter(np.zeros((3, 3)))([[0.6, 0.8, 0.0]])[0] == pytest.approx([0.6, 0.8, 0.0])


def test_the_question_moves_toward_what_answers_such_questions():
    # questions along the first axis are answered by sentences along the second
    moved = QueryAdapter(np.array([[0.0, 1.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]))([[1.0, 0.0, 0.0]])[0]
    answer, other = np.array([0.0, 1.0, 0.0]), np.array([0.0, 0.0, 1.0])
    assert np.dot(moved, answer) == pytest.approx(1.0) and np.dot(moved, other) == 0.0
    assert np.dot(moved, [1.0, 0.0, 0.0]) == pytest.approx(1.0)  # what it asked stays as near


def test_another_models_vectors_are_left_alone():
    assert QueryAdapter(np.eye(3))([[1.0, 0.0]]) == [[1.0, 0.0]]
    with pytest.raises(ValueError, match="square"):
        QueryAdapter(np.zeros((3, 2)))


def test_settings_choose_the_adapter(tmp_path):
    assert get_adapter(Settings(query_adapter="none")) is None
    packaged = get_adapter(Settings())
    assert packaged is not None and packaged.matrix.shape == (384, 384)
    assert get_adapter(Settings(embedding_model="some/other-model")) is None  # learned for the packaged model only
    path = tmp_path / "w.npy"
    np.save(path, np.eye(4))
    assert get_adapter(Settings(query_adapter=str(path))).matrix.shape == (4, 4)


def test_settings_choose_the_passage_adapter_apart(tmp_path):
    assert get_adapter(Settings(), passages=True) is None  # off unless asked for (see the setting)
    passages = get_adapter(Settings(passage_adapter="packaged"), passages=True)
    assert passages is not None and passages.matrix.shape == (384, 384)
    assert not np.array_equal(passages.matrix, get_adapter(Settings()).matrix)  # learned on passages, not sentences
    assert get_adapter(Settings(passage_adapter="none"), passages=True) is None
    assert get_adapter(Settings(passage_adapter="none")) is not None  # the sentences' stays
    assert get_adapter(Settings(passage_adapter="packaged", embedding_model="some/other-model"), passages=True) is None
    assert Settings.from_env({"IA_PASSAGE_ADAPTER": "packaged"}).passage_adapter == "packaged"
    (tmp_path / "bad.npy").write_text("not a matrix")
    with pytest.raises(ConfigError, match="IA_PASSAGE_ADAPTER: .*bad.npy is not a square .npy matrix"):
        get_adapter(Settings(passage_adapter=str(tmp_path / "bad.npy")), passages=True)


def test_an_unreadable_adapter_is_a_clear_error(tmp_path):
    (tmp_path / "bad.npy").write_text("not a matrix")
    with pytest.raises(ConfigError, match="IA_QUERY_ADAPTER: .*bad.npy is not a square .npy matrix"):
        get_adapter(Settings(query_adapter=str(tmp_path / "bad.npy")))


@pytest.mark.parametrize("model", [query_adapter.MODEL, query_adapter.PASSAGE_MODEL])
def test_the_packaged_adapters_are_small_and_finite(model):
    matrix = np.load(model)
    assert matrix.dtype == np.float16 and np.isfinite(matrix).all()
    assert model.stat().st_size < 400_000


def test_retrieval_turns_the_question_only_where_asked(tmp_path, settings, fake_embedder):
    dim = len(fake_embedder.embed(["x"])[0])
    path = tmp_path / "w.npy"
    np.save(path, np.eye(dim))  # doubles the vector
    retriever = Retriever(settings.replace(query_adapter=str(path)), store=object(), embedder=fake_embedder)  # no store: only the question is embedded
    plain = retriever.embed_query("supervision of social workers", adapted=False)
    turned = retriever.embed_query("supervision of social workers")
    assert turned == pytest.approx([2 * v for v in plain])
    assert retriever.embed_queries(["a", "b"], adapted=False) == [fake_embedder.embed(["a"])[0], fake_embedder.embed(["b"])[0]]


def test_turning_a_sentence_is_turning_the_question():
    rng = np.random.RandomState(0)
    adapter = QueryAdapter(rng.normal(size=(4, 4)))
    q, s, other = rng.normal(size=4), rng.normal(size=4), rng.normal(size=4)
    turned, untouched = adapter.turn_sentences([s.tolist(), other.tolist()], [True, False])
    assert np.dot(q, turned) == pytest.approx(np.dot(adapter([q.tolist()])[0], s), rel=1e-5)
    assert untouched == other.tolist()
    # a float32 matrix turns as its rows do, and comes back a matrix
    matrix = adapter.turn_sentences(np.asarray([s, other], dtype=np.float32), [True, False])
    assert isinstance(matrix, np.ndarray) and matrix[0] == pytest.approx(turned, rel=1e-5) and matrix[1] == pytest.approx(other, rel=1e-6)


def test_ofsteds_passages_are_searched_with_the_passage_adapters_turn(tmp_path, settings, fake_embedder):
    """Ofsted's passages (the kind the passage adapter was learned on) meet the question turned by
    it, an article's or a plan's the plain question; either way a similarity is a dot product,
    whether the search runs in process (one authority) or in Chroma."""
    from assistant.types import Filters
    from index.indexer import run_index
    from index.types import OFSTED_KINDS

    dim = len(fake_embedder.embed(["x"])[0])
    path = tmp_path / "w.npy"
    np.save(path, np.eye(dim))  # doubles the vector
    run_index(settings, embedder=fake_embedder)
    retriever = Retriever(settings.replace(passage_adapter=str(path), query_adapter="none"), embedder=fake_embedder)
    question = "supervision of social workers"
    plain = retriever.embed_query(question, adapted=False)
    vectors = retriever.passage_query(question)
    assert vectors.plain == plain and vectors.turned == pytest.approx([2 * v for v in plain])
    assert retriever.embed_query(question) == plain  # sentences: no adapter set
    corpus = retriever.corpus()
    filters = Filters(authorities=("Isle of Wight",))
    kinds = set()
    for found in (retriever._dense(vectors, 40, Filters(), corpus, None), retriever._dense(vectors, 40, filters, corpus, corpus.mask(filters))):
        assert [sim for _, sim in found] == sorted((sim for _, sim in found), reverse=True)
        for passage, sim in found:
            stored = np.asarray(corpus.vectors[[corpus.numbers[passage.passage_id]]][0], dtype=np.float64)
            turned = passage.doc_kind in OFSTED_KINDS
            kinds.add(turned)
            assert sim == pytest.approx(float(stored @ np.asarray(plain)) * (2 if turned else 1), abs=1e-3)
    assert kinds == {True, False}  # the seeds hold both kinds
    assert Retriever(settings, embedder=fake_embedder).passage_query(question).turned is None  # the default


def test_the_trainers_find_the_documents_holding_an_items_evidence():
    from types import SimpleNamespace

    from evals.train_adapter import MOST_DOCUMENTS, document_texts, documents_holding

    by_doc = {f"d{n}": [SimpleNamespace(text="Caseloads for IROs are high."), SimpleNamespace(text=f"Report {n}.")] for n in range(5)}
    by_doc["other"] = [SimpleNamespace(text="Nothing about reviewing officers.")]
    texts = document_texts(by_doc)
    assert documents_holding(["caseloads for  IROs are high", "-"], texts) == ["d0", "d1", "d2"][:MOST_DOCUMENTS]
    assert documents_holding(["Report 4."], texts) == ["d4"]
    assert documents_holding(["ok"], texts) == []  # a snippet too short to mean anything
