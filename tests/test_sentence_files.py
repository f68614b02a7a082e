"""Sentence vectors are kept beside the store, memory-mapped, so answering never loads a whole
sentence index; an embedded store keeps no other copy, and without the files the sentences are
embedded as the question is answered."""

import shutil

from assistant.ask import Assistant
from index.indexer import run_index
from index.store import Store
from tests.fakes import FakeEmbedder

QUESTION = "Which product was procured for the new case management system?"


def test_answers_read_sentence_vectors_from_the_files_not_chroma(settings):
    embedder = FakeEmbedder()
    run_index(settings, embedder=embedder)
    store = Store.open(settings)
    records = store.document_records()
    passages = store.all_passages()[:40]
    from_files = store.sentence_vectors(passages, records)
    assert from_files and store.sentence_files.folder.is_dir()

    def refuse(*args, **kwargs):
        raise AssertionError("Chroma's sentence collection was read")

    store.sentences.get = refuse
    assistant = Assistant(settings, store=store, embedder=embedder)
    assert "Mosaic" in assistant.ask(QUESTION).answer

    fallback = Store.open(settings)
    shutil.rmtree(fallback.sentence_files.folder)
    assert fallback.sentence_vectors(passages, records) == {}
    assert fallback.sentences.count() == 0  # only a Chroma server gets a copy (test_server.py)
    assert "Mosaic" in Assistant(settings, store=fallback, embedder=embedder).ask(QUESTION).answer


def test_removed_and_replaced_documents_leave_no_files(settings, corpus):
    run_index(settings, embedder=FakeEmbedder())
    folder = Store.open(settings).sentence_files.folder
    before = {p.name.split(".")[0] for p in folder.iterdir()}
    assert len(before) == 5
    (corpus / "community-care-isle-of-wight-article-2019.txt").unlink()
    plan = corpus / "isle-of-wight-improvement-plan-2024.txt"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n\nA closing note.\n", encoding="utf-8")
    run_index(settings, embedder=FakeEmbedder())
    live = {r.content_hash[:16] for r in Store.open(settings).document_records().values()}
    assert {p.name.split(".")[0] for p in folder.iterdir()} == live and len(live) == 4


def test_a_whole_document_s_sentences_come_with_the_passage_each_belongs_to(settings):
    run_index(settings, embedder=FakeEmbedder())
    store = Store.open(settings)
    record = next(iter(store.document_records().values()))
    owners, matrix = store.sentence_files.document(record.content_hash)
    assert owners and matrix.shape[0] == len(owners)
    passages = [p for p in store.all_passages() if p.doc_id == record.doc_id]
    stored = store.sentence_vectors(passages, {record.doc_id: record})
    assert len(stored) <= len(owners)  # the same rows, each once (a repeated sentence once per passage)
    missing, empty = store.sentence_files.document("0" * 64)
    assert missing == [] and empty.size == 0


def test_hits_are_ordered_by_their_best_sentence_too_keeping_their_own_scores(settings):
    from dataclasses import replace

    from assistant.query import analyse
    from assistant.types import Filters, Hit

    embedder = FakeEmbedder()
    run_index(settings, embedder=embedder)
    assistant = Assistant(settings, embedder=embedder)
    corpus = assistant.retriever.corpus()

    def long_ones(record):
        return [p for p in corpus.by_doc[record.doc_id] if p.kind == "paragraph" and len(p.text.split(". ")) > 2][:4]

    record = next(r for r in corpus.records.values() if r.authority and len(long_ones(r)) == 4)
    passages = long_ones(record)
    asked = passages[-1].text.split(". ")[1]  # a sentence inside the last paragraph, not its opening
    hits = [Hit(passage=p, score=0.5) for p in passages]
    query = replace(analyse(asked, [record.authority], lambda t: True), focus=None, dense_query=asked)
    ordered = assistant._sentence_supported(query, Filters(authorities=(record.authority,)), hits)
    assert ordered[0].passage.passage_id == passages[-1].passage_id
    assert [h.score for h in ordered] == [0.5] * 4  # the passages' own scores
