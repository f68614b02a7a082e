"""The incremental indexer with the fast fake embedder and a real Chroma store."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from index.errors import IndexBusy, IndexMissing
from index.indexer import index_lock, run_index
from index.settings import PROJECT_ROOT, Settings
from index.store import Store
from tests.fakes import FakeEmbedder

PLAN = "isle-of-wight-improvement-plan-2024.txt"


def consistent(settings):
    """Every document record's passages are all there, at its hash, and nothing else is visible."""
    store = Store.open(settings)
    records = store.document_records()
    live = store.all_passages()
    for record in records.values():
        assert sum(1 for p in live if p.doc_id == record.doc_id) == record.passage_count, record.doc_id
    assert {p.doc_id for p in live} == set(records)
    return records


def test_first_run_adds_all_then_second_run_embeds_nothing(settings, fake_embedder):
    first = run_index(settings, embedder=fake_embedder)
    assert first.count("added") == 5 and first.embedded == 225
    second_embedder = FakeEmbedder()
    second = run_index(settings, embedder=second_embedder)
    assert second.summary() == "5 unchanged"
    assert second.embedded == 0 and second_embedder.embedded == 0
    assert not Store.open(settings).needs_sweep  # nothing written since the last sweep: none to do
    consistent(settings)


def test_changed_file_is_replaced_and_deleted_file_removed(settings, corpus, fake_embedder):
    run_index(settings, embedder=fake_embedder)
    with open(corpus / "isle-of-wight-council-press-release-2019.txt", "a", encoding="utf-8") as f:
        f.write("\n\nA new closing paragraph about the inspection outcome was added later.\n")
    (corpus / "community-care-isle-of-wight-article-2019.txt").unlink()
    report = run_index(settings, embedder=fake_embedder)
    status = {o.source: o.status for o in report.outcomes}
    assert status["isle-of-wight-council-press-release-2019.txt"] == "updated"
    assert status["community-care-isle-of-wight-article-2019.txt"] == "removed"
    assert report.count("unchanged") == 3
    records = consistent(settings)
    assert records["isle-of-wight-council-press-release-2019"].passage_count == 18
    assert "community-care-isle-of-wight-article-2019" not in records
    store = Store.open(settings)
    assert store.get_passage("isle-of-wight-council-press-release-2019#p18").text.startswith("A new closing paragraph")


def test_rebuild_starts_over(settings, fake_embedder):
    run_index(settings, embedder=fake_embedder)
    report = run_index(settings, rebuild=True, embedder=FakeEmbedder())
    assert report.count("added") == 5 and report.embedded == 225
    consistent(settings)


def test_bad_files_are_listed_and_nothing_else_is_lost(settings, corpus, fake_embedder):
    run_index(settings, embedder=fake_embedder)
    (corpus / "corrupt.pdf").write_bytes(b"%PDF-1.7\n%broken beyond repair")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "table.xlsx").write_bytes(b"PK\x03\x04")
    (corpus / "scan.txt").write_bytes(bytes(range(256)))
    # a document that was indexed and then became unreadable keeps its previous version
    (corpus / PLAN).write_bytes(b"\xff\xfe broken \x00\x00")
    report = run_index(settings, embedder=fake_embedder)
    reasons = {o.source: o.reason for o in report.failed}
    assert "not a readable PDF" in reasons["corrupt.pdf"]
    assert reasons["empty.txt"] == "empty file"
    assert "unsupported file type .xlsx" in reasons["table.xlsx"]
    assert "binary data" in reasons["scan.txt"]
    assert PLAN in reasons
    assert report.count("unchanged") == 4
    records = consistent(settings)
    assert len(records) == 5
    assert Store.open(settings).get_passage("isle-of-wight-improvement-plan-2024#action-2.1").fields["rag"] == "G"


def test_file_without_manifest_entry_gets_inferred_metadata(settings, corpus, fake_embedder):
    (corpus / "extra-letter.txt").write_text(
        "Focused visit to Testshire children's services\n\n12 May 2023\n\nDear Sam\n\n"
        "Inspectors found that supervision was irregular in the assessment teams.\n",
        encoding="utf-8",
    )
    report = run_index(settings, embedder=fake_embedder)
    assert report.count("added") == 6
    record = Store.open(settings).document_records()["extra-letter"]
    assert record.title == "Focused visit to Testshire children's services"
    assert record.date == "2023-05-12"
    assert record.kind == "focused_visit_letter" and record.authority is None  # Testshire is no authority
    assert set(record.inferred) == {"title", "date", "kind", "publisher"}


def test_index_specific_paths(settings, corpus, fake_embedder, tmp_path):
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "note.md").write_text("# Visit note\n\nThe visit found strong practice in the RAFT team.\n", encoding="utf-8")
    report = run_index(settings, [corpus / PLAN, other / "note.md"], embedder=fake_embedder)
    assert report.count("added") == 2
    assert set(Store.open(settings).document_records()) == {"isle-of-wight-improvement-plan-2024", "note"}


def test_a_second_concurrent_run_is_refused(settings, fake_embedder):
    with index_lock(settings):
        with pytest.raises(IndexBusy, match="another index run is in progress"):
            run_index(settings, embedder=fake_embedder)


def test_missing_index_says_how_to_build_it(settings):
    with pytest.raises(IndexMissing, match="inspection-assistant index"):
        Store.open(settings)


KILLABLE = """
import sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from index.settings import Settings
import index.indexer
from index.indexer import run_index
index.indexer.CHUNK_BATCHES = 8  # chunks of 32 passages, so a kill lands mid-run
from tests.fakes import FakeEmbedder
settings = Settings(source_dir=Path({docs!r}), data_dir=Path({data!r}), batch_size=4)
def progress(what, done, total):
    print(what, done, total, flush=True)
run_index(settings, embedder=FakeEmbedder(delay=0.15), progress=progress)
"""


def test_killed_run_leaves_previous_index_usable_and_next_run_completes(settings, corpus, fake_embedder):
    run_index(settings, embedder=fake_embedder)
    before = consistent(settings)
    for name in (PLAN, "ofsted-focused-visit-isles-of-scilly-2022.txt"):
        text = (corpus / name).read_text(encoding="utf-8")
        (corpus / name).write_text(text.replace("children", "young people"), encoding="utf-8")
    script = KILLABLE.format(root=str(PROJECT_ROOT), docs=str(settings.source_dir), data=str(settings.data_dir))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    for line in proc.stdout:
        what, done, total = line.split()
        if what == "embed" and int(done) >= 40:  # well past the first document's switch
            break
        assert time.time() < deadline
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 40 <= int(done) < int(total)

    after_kill = consistent(settings)  # every document fully at one version: old or new
    assert set(after_kill) == set(before)
    store = Store.open(settings)
    assert store.get_passage("isle-of-wight-improvement-plan-2024#action-2.1").fields["rag"] == "G"

    resumed = FakeEmbedder()
    report = run_index(settings, embedder=resumed)
    assert report.reused >= 36  # what the killed run stored is not embedded again
    assert resumed.embedded == report.embedded + report.sentences and report.embedded < int(total)
    final = consistent(settings)
    assert final[PLAN.removesuffix(".txt")].content_hash != before[PLAN.removesuffix(".txt")].content_hash
    assert run_index(settings, embedder=FakeEmbedder()).summary() == "5 unchanged"


def test_a_path_that_does_not_exist_is_named_as_such(settings, fake_embedder, tmp_path):
    report = run_index(settings, [tmp_path / "ofsted-reports"], embedder=fake_embedder)
    assert [(o.source, o.reason) for o in report.failed] == [("ofsted-reports", "no such file or folder")]


def test_passages_written_before_the_packed_format_read_the_same(settings, fake_embedder):
    """Older stores keep each passage field as a key of its own and the text as Chroma's document."""
    run_index(settings, embedder=fake_embedder)
    store = Store.open(settings)
    before = {p.passage_id: p for p in store.all_passages()}
    got = store.passages.get(include=["metadatas", "embeddings"], limit=20)
    assert all(set(m) <= {"passage_id", "doc_id", "doc_hash", "kind", "doc_kind", "authority", "year", "stored"} for m in got["metadatas"])
    old = [{k: v for k, v in {**m, **json.loads(m["stored"])}.items() if k not in ("stored", "text")} for m in got["metadatas"]]
    texts = [json.loads(m["stored"])["text"] for m in got["metadatas"]]
    store.passages.upsert(ids=got["ids"], embeddings=got["embeddings"], metadatas=old, documents=texts)
    after = {p.passage_id: p for p in store.all_passages()}
    assert after == before
    some = old[0]["passage_id"]
    assert store.get_passage(some) == before[some]


def test_a_sentence_repeated_in_a_later_chunk_is_embedded_once(settings, tmp_path, monkeypatch):
    """Boilerplate that recurs in every report is embedded the first time only; every copy is stored."""
    import index.indexer as indexer

    folder = tmp_path / "copies"
    folder.mkdir()
    text = (settings.source_dir / PLAN).read_text(encoding="utf-8")
    for name in ("first.txt", "second.txt"):  # two documents, far enough apart to be in different chunks
        (folder / name).write_text(text, encoding="utf-8")
    runs, kept_size = {}, indexer.RECENT_SENTENCES
    for recent in (kept_size, 0):
        monkeypatch.setattr(indexer, "RECENT_SENTENCES", recent)
        embedder = FakeEmbedder()
        target = settings.replace(source_dir=folder, data_dir=tmp_path / f"data-{recent}", batch_size=1)
        runs[recent] = (run_index(target, embedder=embedder), embedder.embedded)
    (kept, fewer), (plain, all_texts) = runs[kept_size], runs[0]
    assert kept.summary() == plain.summary() == "2 added"
    assert kept.sentences == plain.sentences > 0  # both documents' sentences are stored
    assert all_texts - fewer >= kept.sentences // 2 - 20  # about one copy's sentences not embedded again
    # the copies' passages were embedded once too (same texts, in a later chunk) and stored for both
    consistent(settings.replace(source_dir=folder, data_dir=tmp_path / f"data-{kept_size}"))


def test_composed_passages_are_made_from_their_sentences_and_embed_no_windows(settings, tmp_path):
    """With passage_encoder "sentences", a passage's vector is the length-weighted mean of its
    sentences', its context's and its other words' vectors: no passage window is embedded (bar
    lists and tables, whose words are mostly not quotable sentences), and retrieval still finds it."""
    import numpy as np

    from index.indexer import Composed, passage_texts
    from index.sentences import passage_sentences

    composed = settings.replace(passage_encoder="sentences", data_dir=tmp_path / "composed")
    embedder = FakeEmbedder()
    report = run_index(composed, embedder=embedder)
    assert report.summary() == "5 added"
    store = Store.open(composed)
    passages, vectors = store.all_passages_and_vectors()
    made = 0
    for p, vector in zip(passages, vectors):
        sentences = [t for t, _ in passage_sentences(p.text, p.kind, p.fields)]
        plan = passage_texts(p, sentences, composed)
        if isinstance(plan, Composed):
            made += 1
            assert plan.pieces[: len(sentences)] == sentences
            expected = np.asarray([len(t) for t in plan.pieces], dtype=np.float32) @ np.asarray([embedder._vector(t) for t in plan.pieces])
            assert np.allclose(vector, expected / np.linalg.norm(expected), atol=1e-5)
    assert made >= 0.9 * len(passages)
    plain = run_index(settings.replace(data_dir=tmp_path / "plain"), embedder=FakeEmbedder())
    assert plain.embedded == report.embedded and plain.sentences == report.sentences


def test_a_composed_passage_keeps_the_words_its_sentences_leave_out(settings):
    """An action row's owner and date are not quotable sentences; they still shape its vector."""
    from index.indexer import Composed, passage_texts
    from index.types import Passage

    row = Passage(
        passage_id="plan#action-9.1", doc_id="plan", ordinal=0, locator="action 9.1", heading=(), start=0, end=10,
        text="9.1 Review who is invited to strategy meetings and how their decisions are recorded. Service Manager Strategic Development March 2025",
        context="Improvement plan — Isle of Wight", kind="paragraph",
    )
    said = ["Review who is invited to strategy meetings and how their decisions are recorded."]
    plan = passage_texts(row, said, settings.replace(passage_encoder="sentences"))
    assert isinstance(plan, Composed)
    assert plan.pieces == said + [ "9.1 Service Manager Strategic Development March 2025", "Improvement plan — Isle of Wight"]
    listed = passage_texts(row, ["9.1"], settings.replace(passage_encoder="sentences"))  # too little of it is sentences
    assert not isinstance(listed, Composed)
    assert passage_texts(row, said, settings) == [f"{row.context}\n{row.text}"]


def test_models_load_one_at_a_time(monkeypatch):
    """A first run loads the passage and sentence encoders from two threads at once; loading them
    together once failed ("cannot import name 'AutoModel'"), so loads are serialised."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from index.embeddings import Embedder

    active, most = [0], [0]
    lock = threading.Lock()

    def slow_load(self):
        with lock:
            active[0] += 1
            most[0] = max(most[0], active[0])
        time.sleep(0.05)
        with lock:
            active[0] -= 1
        return object()

    monkeypatch.setattr(Embedder, "_load", slow_load)
    embedders = [Embedder(encoder=e, sentence_encoder="same") for e in ("onnx", "onnx-int8", "torch", "onnx")]
    with ThreadPoolExecutor(4) as pool:
        loaded = list(pool.map(lambda e: e.model, embedders))
    assert all(loaded) and most[0] == 1
