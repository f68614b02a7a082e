"""Dense search under a filter: an authority's passages are searched exactly in process, and give
what Chroma's filtered search gives (on a library this small, its HNSW search is exact too)."""

from assistant.retrieval import PassageQuery, Retriever
from assistant.types import Filters
from index.indexer import run_index


def test_a_filtered_search_in_process_matches_chromas(settings, fake_embedder):
    run_index(settings, embedder=fake_embedder)
    retriever = Retriever(settings, embedder=fake_embedder)
    corpus = retriever.corpus()
    vector = fake_embedder.embed_query("supervision and management oversight of social workers")
    for filters in (Filters(authorities=("Isles of Scilly",)), Filters(authorities=("Isle of Wight",), year_from=2021)):
        allowed = corpus.mask(filters)
        local = retriever._dense(PassageQuery(vector), 8, filters, corpus, allowed)
        chroma = retriever.dense.query(vector, 8, filters.where(), records=corpus.records)
        assert [p.passage_id for p, _ in local] == [p.passage_id for p, _ in chroma]
        assert all(abs(a - b) < 1e-4 for (_, a), (_, b) in zip(local, chroma))
        assert all(filters.admits_record(corpus.records[p.doc_id]) for p, _ in local)
    assert len(retriever._filtered) == 2  # each filter's vectors are read once per index version


def test_an_unfiltered_search_takes_its_passages_from_the_process_copy(settings, fake_embedder):
    run_index(settings, embedder=fake_embedder)
    retriever = Retriever(settings, embedder=fake_embedder)
    corpus = retriever.corpus()
    vector = fake_embedder.embed_query("Which product was procured for the new case management system?")
    local = retriever._dense(PassageQuery(vector), 10, Filters(), corpus, None)
    chroma = retriever.dense.query(vector, 10, None, records=corpus.records)
    assert [(p, round(s, 5)) for p, s in local] == [(p, round(s, 5)) for p, s in chroma]


class _GoneCollection:
    """A collection deleted under a reader (a rebuild went live on another process): every query fails."""

    def query(self, **kwargs):
        raise RuntimeError("Missing field: [Missing metadata segment]")


def test_a_search_that_meets_a_dropped_collection_follows_the_live_one(settings, fake_embedder):
    from index.store import Store

    run_index(settings, embedder=fake_embedder)
    vector = fake_embedder.embed_query("supervision")
    for search in ("query", "nearest_ids"):
        store = Store.open(settings)
        store.passages = _GoneCollection()
        assert len(getattr(store, search)(vector, 3)) == 3  # retried after following the pointer again


def test_the_process_copy_holds_each_passages_stored_vector(settings, fake_embedder):
    """The copy beside the keyword index has each passage's vector, as Chroma stores it; a second
    process reads the rows it needs from the file; a copy left without its vectors (written
    before they were kept) is made again."""
    import numpy as np

    from assistant.retrieval import VectorRows
    from index.store import chroma_id

    run_index(settings, embedder=fake_embedder)
    corpus = Retriever(settings, embedder=fake_embedder).corpus()
    assert isinstance(corpus.vectors, VectorRows) and len(corpus.vectors) == len(corpus.passages)
    picked = [3, 0, 7, 8, 9, len(corpus.passages) - 1]  # out of order, with a run of three
    ids = [chroma_id(corpus.passages[i].passage_id, corpus.records[corpus.passages[i].doc_id].content_hash) for i in picked]
    stored = Retriever(settings, embedder=fake_embedder).dense.passage_vectors(ids)
    assert np.array_equal(corpus.vectors[picked], np.asarray([stored[cid] for cid in ids], dtype=np.float32))

    for old in (settings.data_dir / "lexical").glob("*.vectors.npy"):
        old.unlink()
    again = Retriever(settings, embedder=fake_embedder).corpus()
    assert [p.passage_id for p in again.passages] == [p.passage_id for p in corpus.passages]
    assert np.array_equal(again.vectors[picked], corpus.vectors[picked])
    assert list((settings.data_dir / "lexical").glob("*.vectors.npy"))


def test_candidates_similarities_are_the_stored_vectors_dot_the_question(settings, fake_embedder):
    from assistant.extractive import dots
    from index.store import chroma_id

    run_index(settings, embedder=fake_embedder)
    retriever = Retriever(settings, embedder=fake_embedder)
    corpus = retriever.corpus()
    vector = fake_embedder.embed_query("caseloads in the assessment teams")
    some = corpus.passages[5:25]
    held = retriever._similarities(PassageQuery(vector), some, corpus)
    ids = [chroma_id(p.passage_id, corpus.records[p.doc_id].content_hash) for p in some]
    stored = retriever.dense.passage_vectors(ids)  # as Chroma holds them
    assert held == dict(zip((p.passage_id for p in some), dots([stored[cid] for cid in ids], vector)))


def test_the_section_a_topic_heads_is_found_by_its_heading():
    from assistant.retrieval import Corpus
    from index.store import StoredPassage

    def p(n, heading, kind="paragraph"):
        return StoredPassage(
            passage_id=f"r#para-{n}", doc_id="r", text=f"Paragraph {n}.", locator=f"paragraph {n}", heading=heading, start=0, end=1,
            context="", ordinal=n, kind=kind, page=None, title="Report", doc_kind="inspection_report", authority="Kent",
            publisher="Ofsted", date="2023-11-03", fields={},
        )

    care = ("The experiences and progress of care leavers: good",)
    passages = [p(1, ("The experiences and progress of children in care: good",)), p(2, care), p(3, care), p(4, care, kind="field")]
    corpus = Corpus(version=(), records={}, passages=passages, lexical=None, vectors=None)
    assert [x.passage_id for x in corpus.section_on("r", {"care", "leaver"})] == ["r#para-2", "r#para-3"]
    assert corpus.section_on("r", {"supervision"}) == [] and corpus.section_on("r", set()) == []


def test_the_section_judging_the_area_a_question_names_is_found_by_its_heading():
    from assistant import records
    from assistant.retrieval import Corpus
    from index.store import StoredPassage

    def p(n, heading, kind="paragraph", area=""):
        return StoredPassage(
            passage_id=f"r#para-{n}", doc_id="r", text=f"Paragraph {n}.", locator=f"paragraph {n}", heading=heading, start=0, end=1,
            context="", ordinal=n, kind=kind, page=None, title="Report", doc_kind="inspection_report", authority="Wokingham",
            publisher="Ofsted", date="2023-03-17", fields={"area": area} if area else {},
        )

    care = ("The experiences and progress of care leavers: requires improvement to be good",)
    passages = [p(0, (), "judgement", "children_in_care"), p(1, (), "judgement", "care_leavers"),
                p(2, ("The experiences and progress of children in care: good",)), p(3, care), p(4, care)]
    corpus = Corpus(version=(), records={}, passages=passages, lexical=None, vectors=None)
    # "CLs got RI, what were the main problems?": no heading holds "main problems", but one judges care leavers
    asked = records.named_areas("Wokingham care leavers got RI in 2023. What were the main problems?", corpus.judgement_areas)
    assert [x.passage_id for x in corpus.section_judging("r", asked)] == ["r#para-3", "r#para-4"]
    assert corpus.section_judging("r", set()) == [] and corpus.section_judging("r", {"children_in_care", "care_leavers"}) == []
    # where some reports judge children in care and care leavers together, "care leavers" names both
    # areas, as the care leavers heading does: that section still (it had none)
    combined = Corpus(version=(), records={}, passages=passages + [p(5, (), "judgement", "children_in_care_and_care_leavers")], lexical=None, vectors=None)
    asked = records.named_areas("What did Ofsted say about support for care leavers in Wokingham?", combined.judgement_areas)
    assert asked == {"care_leavers", "children_in_care_and_care_leavers"}
    assert [x.passage_id for x in combined.section_judging("r", asked)] == ["r#para-3", "r#para-4"]


def test_a_word_many_headings_hold_picks_the_tightest_section_only():
    from assistant.retrieval import Corpus
    from index.store import StoredPassage

    def p(n, heading):
        return StoredPassage(
            passage_id=f"r#para-{n}", doc_id="r", text=f"Paragraph {n}.", locator=f"paragraph {n}", heading=(heading,), start=0, end=1,
            context="", ordinal=n, kind="paragraph", page=None, title="Report", doc_kind="inspection_report", authority="Kent",
            publisher="Ofsted", date="2023-11-03", fields={},
        )

    passages = [p(1, "The experiences and progress of children who need help and protection"), p(2, "Children in care"), p(3, "Children in care")]
    corpus = Corpus(version=(), records={}, passages=passages, lexical=None, vectors=None)
    assert [x.passage_id for x in corpus.section_on("r", {"children"})] == ["r#para-2", "r#para-3"]


def test_a_paragraph_opening_on_the_group_the_one_before_introduced_goes_on_from_it():
    from assistant.retrieval import _goes_on_about

    before = "There is an engaged group of children in the Children in Care Council, who meet senior leaders."
    assert _goes_on_about("The group has made an excellent animated video.", before)
    assert not _goes_on_about("The group has made an excellent animated video.", "Care leavers are well supported.")
    assert not _goes_on_about("Children are seen regularly by the group.", before)


def test_a_reader_looks_at_every_record_only_when_a_stamp_says_the_documents_changed(settings, fake_embedder, monkeypatch):
    """Checking for a new index reads two small values, not every document's record (~60 ms for
    the library): the stamp each document write leaves. An index written before stamps gets one
    from its next `index` run, with nothing changed."""
    from index.store import Store

    run_index(settings, embedder=fake_embedder)
    retriever = Retriever(settings, embedder=fake_embedder)
    first = retriever.corpus()
    reads = []
    real = Store.document_versions
    monkeypatch.setattr(Store, "document_versions", lambda self: reads.append(1) or real(self))
    assert retriever.corpus(max_age=0) is first and not reads  # nothing written: the stamp is the same
    plan = settings.source_dir / "isle-of-wight-improvement-plan-2024.txt"
    plan.write_text(plan.read_text(encoding="utf-8").replace("Mosaic", "Mosaic (a case recording product)"), encoding="utf-8")
    run_index(settings, embedder=fake_embedder)  # written by another store: a new stamp
    changed = retriever.corpus(max_age=0)
    assert reads and changed is not first
    assert any("a case recording product" in p.text for p in changed.passages)

    # an index without a stamp is checked the long way until `index` leaves one
    store = Store.open(settings)
    meta = dict(store.client.get_collection(store.documents_collection.name).metadata or {})
    meta.pop("stamp")
    store.documents_collection.modify(metadata=meta or {"none": 0})
    assert store.change_stamp() is None
    report = run_index(settings, embedder=fake_embedder)
    assert report.count("unchanged") == 5 and Store.open(settings).change_stamp() is not None
