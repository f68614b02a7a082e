"""Keyword search: BM25 over passages as an inverted index, saved beside the store, tolerant of
misspelt question words."""

import numpy as np

from assistant.lexical import LexicalIndex, stem, tokens

TEXTS = [
    "Managers do not provide staff with reflective supervision.",
    "The product Mosaic has been procured for the case management system.",
    "Strategy discussions are held face to face over Teams.",
    "The resilience around families team (RAFT) works alongside children.",
]


def test_exact_terms_rank_their_passage_first():
    index = LexicalIndex(TEXTS)
    assert index.top("Mosaic", 2)[0][0] == 1
    assert index.top("what is RAFT", 2)[0][0] == 3
    assert index.top("weather tomorrow", 2) == []


def test_words_side_by_side_outrank_the_same_words_apart():
    index = LexicalIndex([
        "The previous agency involvement was not explored, and the inspection found gaps.",
        "Leaders have continued at pace since the previous inspection in November 2018.",
    ])
    (first, best), (_, other) = index.top("When was the previous inspection?", 2)
    assert first == 1 and best > other


def test_a_pair_as_common_as_its_words_adds_nothing():
    index = LexicalIndex(["Social workers visit.", "Social workers write.", "Social workers plan.", "Supervision is regular.", "Other text here."])
    assert "social worker" not in index._pair_idf  # "social" always comes with "workers"
    assert index.top("supervision of social workers", 1)[0][0] == 3  # the rare word decides


def test_stopwords_and_light_stemming():
    assert tokens("What did the managers supervise?") == ["manager", "supervise"]
    assert stem("discussions") == "discuss"
    # words that say how, not what: "neither working nor studying" shares no topic with "neither consistently evident"
    assert tokens("were they neither working nor actually studying?") == ["work", "study"]


def test_allowed_mask_filters_passages():
    index = LexicalIndex(TEXTS)
    allowed = np.array([True, False, True, True])
    assert all(doc != 1 for doc, _ in index.top("Mosaic management", 4, allowed))


def test_misspelt_words_find_the_library_word():
    index = LexicalIndex(TEXTS)
    assert index.correct("supervison") == "supervis"  # "supervision" as stemmed in the index
    assert index.correct("mosiac") == "mosaic"
    assert index.correct("hovercraft") == "hovercraft"  # nothing close: left alone
    assert index.top("reflective supervison", 1)[0][0] == 0


def test_saved_index_loads_with_the_same_results(tmp_path):
    index = LexicalIndex(TEXTS)
    path = tmp_path / "lexical" / "abc.bm25"
    index.save(path)
    loaded = LexicalIndex.load(path)
    assert loaded.top("Teams strategy", 4) == index.top("Teams strategy", 4)
    assert loaded.pair_idf("teams strategy") == index.pair_idf("teams strategy")
    (path / "meta.pickle").write_bytes(b"not a pickle")
    assert LexicalIndex.load(path) is None  # a damaged index is rebuilt, not trusted
    (path / "postings.docs.npy").unlink()
    assert LexicalIndex.load(path) is None


def test_an_index_replaced_while_it_is_read_is_not_trusted(tmp_path, monkeypatch):
    """A .npy header read half-written fails to parse; under threads CPython 3.11 can report that
    as a SystemError (gh-106905), which a reader takes as it takes a damaged index."""
    import numpy as np

    path = tmp_path / "lexical" / "abc.bm25"
    LexicalIndex(TEXTS).save(path)

    def torn(*args, **kwargs):
        raise SystemError("AST constructor recursion depth mismatch (before=48, after=44)")

    monkeypatch.setattr(np, "load", torn)
    assert LexicalIndex.load(path) is None


def test_misspelt_words_are_written_as_the_library_writes_them_for_meaning_search(tmp_path):
    from index.tokens import known_word

    index = LexicalIndex(TEXTS + ["Supervisors reviewed the supervision records."])
    fixed = index.correct_text("Do managers give reflective supervison and procurd Mosiac?", known_word)
    assert fixed == "Do managers give reflective supervision and procured mosaic?"
    # a real word the library lacks is not a typo of one it has
    assert index.correct_text("What will the weather be like?", known_word) == "What will the weather be like?"
    # a contraction typed without its apostrophe is no misspelling ("whats" is not "wants")
    assert index.correct_text("whats the latest grade", known_word) == "whats the latest grade"
    index.save(tmp_path / "x.bm25")
    assert LexicalIndex.load(tmp_path / "x.bm25").correct_text("supervison", known_word) == "supervision"


def test_names_are_the_words_never_written_in_lower_case():
    index = LexicalIndex(["Amanda Maxwell visited Adult Services.", "Children's services and adult social care were seen."])
    assert index.is_name("Maxwell") and index.is_name("Amanda")
    assert not index.is_name("Services") and not index.is_name("Adult")
