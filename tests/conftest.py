import os
import shutil
from pathlib import Path

import pytest

from index.settings import PROJECT_ROOT, Settings
from tests.fakes import FakeEmbedder

CORPUS = PROJECT_ROOT / "source_docs"
# The caller's IA_* settings, read before the autouse fixture clears them: the eval gate honours
# them, so `IA_TOP_K=1 ./test.sh` shows the gate failing when retrieval is broken on purpose.
CALLER_SETTINGS = {k: v for k, v in os.environ.items() if k.startswith("IA_")}


@pytest.fixture(autouse=True)
def isolated_env(tmp_path, monkeypatch):
    """Every test gets its own data folder and no IA_* settings from the caller's shell."""
    for name in list(os.environ):
        if name.startswith("IA_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("IA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IA_SOURCE_DIR", str(tmp_path / "docs"))
    yield


@pytest.fixture
def corpus(tmp_path) -> Path:
    """A writable copy of the real corpus (with its manifest)."""
    target = tmp_path / "docs"
    shutil.copytree(CORPUS, target)
    return target


@pytest.fixture
def settings(tmp_path, corpus) -> Settings:
    return Settings.from_env()


@pytest.fixture
def runner(monkeypatch):
    """The CLI in-process, indexing with the fake embedder, wide enough for whole reasons."""
    from click.testing import CliRunner

    embedder = FakeEmbedder()
    monkeypatch.setattr("index.indexer.get_embedder", lambda settings: embedder)
    monkeypatch.setenv("COLUMNS", "250")
    return CliRunner()


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(scope="session")
def real_embedder():
    from index.embeddings import Embedder

    return Embedder()


@pytest.fixture(scope="session")
def real_index(tmp_path_factory, real_embedder):
    """The real corpus indexed once with the real packaged model; shared read-only by tests."""
    from index.indexer import run_index

    root = tmp_path_factory.mktemp("real")
    docs = root / "docs"
    shutil.copytree(CORPUS, docs)
    settings = Settings.from_env(CALLER_SETTINGS, source_dir=docs, data_dir=root / "data")
    report = run_index(settings, embedder=real_embedder)
    assert report.count("added") == 5, report.outcomes
    return settings
