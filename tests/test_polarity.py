"""Which side of the findings a sentence states: the learned signal (assistant/polarity.py) beside
Ofsted's words for a shortcoming (sides.states_shortcoming)."""

import math

import numpy as np

from assistant import extractive, polarity
from assistant.types import Hit
from index.store import StoredPassage


def test_the_model_reads_words_and_word_pairs():
    assert polarity.terms("Plans are not clear.") == ["plans", "are", "not", "clear", "plans are", "are not", "not clear"]


def test_a_sentence_s_probability_is_its_words_and_its_embedding_weighed():
    model = polarity.Polarity({"terms": {"not": [2.0, 3.0], "clear": [1.0, -1.0]}, "vector": [1.0, 0.0], "bias": -0.5, "threshold": 0.7})
    # "not clear": tf-idf (2, 1) / sqrt(5), weighed 3 and -1; the embedding (unit length) adds 1
    z = (2 * 3.0 + 1 * -1.0) / math.sqrt(5) + 1.0 - 0.5
    assert math.isclose(model.scores(["Not clear."], np.array([[2.0, 0.0]]))[0], 1 / (1 + math.exp(-z)), rel_tol=1e-6)
    assert model.states_shortcoming(["Not clear.", "Clear."], np.array([[2.0, 0.0], [0.0, 1.0]])) == [True, False]


def test_the_shipped_model_reads_shortcomings_said_without_ofsted_s_words(real_embedder):
    from assistant import sides

    texts = [
        "As a result, leaders cannot be sure that children placed out of the area are safe.",
        "Managers recognise that more needs to be done to reduce caseloads.",
        "Social workers know their children well and visit them regularly.",
        "The council has 312 children in care.",
    ]
    assert not any(sides.states_shortcoming(t) for t in texts)  # none in the word list's words
    model = polarity.get_model()
    assert model is not None
    assert model.states_shortcoming(texts, real_embedder.embed(texts)) == [True, True, False, False]


def _sentence(text: str, heading=()) -> extractive.Sentence:
    p = StoredPassage(passage_id="p", doc_id="d", text=text, heading=heading, start=0, end=len(text), context="", ordinal=0, page=1,
                      locator="page 1", kind="paragraph", title="t", doc_kind="inspection_report", authority="Kent", publisher="Ofsted", date="2024-01-01", fields={})
    return extractive.Sentence(Hit(p, 1.0), text)


def test_a_shortcoming_is_one_by_ofsted_s_words_its_list_or_the_learned_signal():
    said = _sentence("Plans are not clear.")  # the word list's "not"
    unread = _sentence("Agency use is high.")
    learned = _sentence("Agency use is high.")
    learned.shortfall = True
    listed = _sentence("The quality of plans.", heading=("What needs to improve?",))
    praise = _sentence("Social workers know their children well.")
    praise.shortfall = False
    assert [extractive.shortcoming(s) for s in (said, unread, learned, listed, praise)] == [True, False, True, True, False]
    # read from their embeddings by the shipped model (each sentence's row, in order) when asked
    fresh = [_sentence("Plans are clear."), _sentence("Plans are clear.")]
    extractive.read_sides(fresh, np.zeros((2, len(polarity.get_model().vector)), dtype=np.float32))
    assert [s.shortfall for s in fresh] == [None, None]
    extractive.shortcoming(fresh[0])
    assert fresh[0].shortfall is not None and fresh[1].shortfall is None


def test_embeddings_of_another_size_are_not_read_and_the_words_stand():
    other = _sentence("Agency use is high.")
    extractive.read_sides([other], np.ones((1, 64), dtype=np.float32))  # (another model's embeddings)
    assert extractive.shortcoming(other) is False and other.shortfall is None
    assert extractive.shortcoming(_sentence("Plans are not clear."))
