"""With the real packaged model and a real Chroma store: the corpus as a user indexes and queries it."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from index.embeddings import PACKAGED_SHA256, packaged_model_path
from index.store import Store

pytestmark = pytest.mark.integration
CLI = str(Path(sys.executable).parent / "inspection-assistant")


def top_ids(settings, embedder, question, k=5):
    store = Store.open(settings)
    return [p.passage_id for p, _ in store.query(embedder.embed_query(question), k)]


def test_packaged_model_is_the_pinned_one(real_embedder):
    import hashlib

    digest = hashlib.sha256((packaged_model_path() / "model.safetensors").read_bytes()).hexdigest()
    assert digest == PACKAGED_SHA256
    assert real_embedder.dimension == 384


def test_real_retrieval_finds_the_supporting_passages(real_index, real_embedder):
    assert "isle-of-wight-improvement-plan-2024#action-8.1" in top_ids(
        real_index, real_embedder, "Which product was procured for the new case management system?"
    )
    assert "isle-of-wight-improvement-plan-2024#action-2.1" in top_ids(
        real_index, real_embedder, "Who owns the revised pre-proceedings framework action?"
    )
    scilly = top_ids(real_index, real_embedder, "Did managers on the Isles of Scilly provide reflective supervision?")
    assert "ofsted-focused-visit-isles-of-scilly-2022#p19" in scilly


def run_cli(settings, *args):
    env = dict(os.environ, IA_DATA_DIR=str(settings.data_dir), IA_SOURCE_DIR=str(settings.source_dir), COLUMNS="200")
    return subprocess.run([CLI, *args], env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture
def copy_of_real_index(real_index, tmp_path):
    from index.settings import Settings

    shutil.copytree(real_index.source_dir, tmp_path / "docs")
    shutil.copytree(real_index.data_dir, tmp_path / "data")
    return Settings(source_dir=tmp_path / "docs", data_dir=tmp_path / "data")


def test_cli_second_run_is_all_unchanged_and_show_finds_action_2_1(copy_of_real_index):
    result = run_cli(copy_of_real_index, "index")
    assert result.returncode == 0, result.stderr
    assert "5 unchanged; embedded 0 passages" in result.stdout
    shown = run_cli(copy_of_real_index, "show", "isle-of-wight-improvement-plan-2024#action-2.1")
    assert shown.returncode == 0, shown.stderr
    assert "Pre-Proceedings Framework" in shown.stdout and "RAG: G" in shown.stdout


def test_corrupt_pdf_and_empty_file_leave_the_corpus_searchable(copy_of_real_index, real_embedder):
    docs = copy_of_real_index.source_dir
    (docs / "scanned-letter.pdf").write_bytes(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R")
    (docs / "notes.txt").write_bytes(b"")
    result = run_cli(copy_of_real_index, "index")
    assert result.returncode == 0, result.stderr
    assert "scanned-letter.pdf" in result.stdout and "not a readable PDF" in result.stdout
    assert "notes.txt" in result.stdout and "empty file" in result.stdout
    assert "5 unchanged, 2 failed" in result.stdout
    assert "isle-of-wight-improvement-plan-2024#action-8.1" in top_ids(
        copy_of_real_index, real_embedder, "Which product was procured for the new case management system?"
    )
    sources = run_cli(copy_of_real_index, "sources")
    assert "5 documents" in sources.stdout
