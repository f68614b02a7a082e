"""Nothing lost: `index --rebuild` builds beside the live index and switches when complete, and an
answering process (embedded store) keeps answering while another process re-indexes or rebuilds.
Real store, real packaged model, real processes killed with SIGKILL."""

import os
import shutil
import signal
import subprocess
import sys
import threading
import time

import pytest

from assistant.ask import Assistant
from index.indexer import run_index
from index.settings import PROJECT_ROOT, Settings
from index.store import Store, _collection_names
from tests.conftest import CORPUS

pytestmark = pytest.mark.integration
MOSAIC = "Which product was procured for the new case management system?"

CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from index.settings import Settings
from index.indexer import run_index
import index.indexer
index.indexer.CHUNK_BATCHES = 8  # chunks of 32 passages, so a kill lands mid-run
settings = Settings(source_dir=Path({docs!r}), data_dir=Path({data!r}), batch_size=4)
def progress(what, done, total):
    print(what, done, total, flush=True)
run_index(settings, rebuild={rebuild}, progress=progress)
print("finished", flush=True)
"""


def child(settings: Settings, rebuild: bool) -> subprocess.Popen:
    script = CHILD.format(root=str(PROJECT_ROOT), docs=str(settings.source_dir), data=str(settings.data_dir), rebuild=rebuild)
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    return subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)


@pytest.fixture
def indexed(tmp_path, real_embedder):
    docs = tmp_path / "docs"
    shutil.copytree(CORPUS, docs)
    settings = Settings(source_dir=docs, data_dir=tmp_path / "data")
    assert run_index(settings, embedder=real_embedder).count("added") == 5
    return settings


def generations(settings: Settings) -> set[str]:
    store = Store.open(settings)
    return {name for name in _collection_names(store.client) if name.startswith(settings.collection) and not name.endswith("_live")}


@pytest.mark.parametrize("point", ["read", "embed", "documents"])
def test_rebuild_killed_midway_leaves_the_old_index_answering(indexed, real_embedder, point):
    settings = indexed
    asking = Assistant(settings, embedder=real_embedder)
    assert "Mosaic" in asking.ask(MOSAIC).answer
    before = generations(settings)
    proc = child(settings, rebuild=True)
    deadline = time.time() + 120
    for line in proc.stdout:
        what, done, total = (line.split() + ["", "", ""])[:3]
        if what == point and (point == "read" and done == total or point == "embed" and 0 < int(done) < int(total) or point == "documents" and 2 <= int(done) < int(total)):
            break
        assert time.time() < deadline, "the rebuild never reached the point to kill it at"
    else:
        pytest.fail(f"the rebuild finished before reaching {point}")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    # the old index answers, in this process and in a new one
    assert "Mosaic" in asking.ask(MOSAIC).answer
    assert "Mosaic" in Assistant(settings, embedder=real_embedder).ask(MOSAIC).answer
    assert len(Store.open(settings).document_records()) == 5
    assert before < generations(settings)  # the unfinished one sits beside it

    # a re-run completes, switches, and leaves one generation
    report = run_index(settings, rebuild=True, embedder=real_embedder)
    assert report.indexed == 5 and not report.failed
    if point == "documents":
        assert report.count("unchanged") >= 2  # the killed rebuild's finished documents are kept
    assert len(generations(settings)) == 3  # passages, documents, sentences of the live one
    assert not before & generations(settings)
    assert "Mosaic" in asking.ask(MOSAIC).answer


def test_an_answering_process_survives_reindex_and_rebuild_by_another(indexed, real_embedder):
    settings = indexed
    asking = Assistant(settings, embedder=real_embedder)
    questions = [MOSAIC, "What did Ofsted say about supervision?", "When did Ofsted visit the Isles of Scilly?"]
    stop, errors, answers = threading.Event(), [], []

    def ask_until_stopped():
        i = 0
        while not stop.is_set():
            try:
                answers.append(asking.ask(questions[i % 3]))
            except Exception as err:
                errors.append(f"{type(err).__name__}: {err}")
            i += 1

    thread = threading.Thread(target=ask_until_stopped)
    thread.start()
    try:
        plan = settings.source_dir / "isle-of-wight-improvement-plan-2024.txt"
        plan.write_text(plan.read_text(encoding="utf-8").replace("Mosaic", "Mosaic (a case recording product)"), encoding="utf-8")
        for rebuild in (False, True):
            proc = child(settings, rebuild=rebuild)
            out, _ = proc.communicate(timeout=300)
            assert proc.returncode == 0 and "finished" in out
            time.sleep(2.5)  # past the answering side's re-check interval
    finally:
        stop.set()
        thread.join()
    assert not errors, errors[:3]
    assert len(answers) > 20
    assert "a case recording product" in asking.ask(MOSAIC).answer
