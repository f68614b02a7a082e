"""Server mode against a real `chroma run` server on a free loopback port: load, re-indexing
while clients ask, the server dying and coming back; and two embedded index runs at once."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from assistant.ask import Assistant
from index.errors import StoreError
from index.indexer import run_index
from index.settings import PROJECT_ROOT, Settings
from index.store import Store
from tests.conftest import CORPUS

pytestmark = pytest.mark.integration
CHROMA = str(Path(sys.executable).parent / "chroma")
QUESTIONS = [
    "What did Ofsted say about supervision?",
    "Which product was procured for the new case management system?",
    "When did Ofsted visit the Isle of Wight in 2021?",
    "What is RAFT?",
    "Who owns action 2.1?",
    "What needs to improve on the Isles of Scilly?",
    "How did Hampshire help the Isle of Wight?",
    "Who won the 2022 World Cup?",
    "What were caseloads like in the assessment teams?",
    "What did inspectors find about early help on the Isles of Scilly?",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ChromaServer:
    def __init__(self, path: Path, port: int):
        self.path, self.port, self.proc = path, port, None

    def start(self):
        self.proc = subprocess.Popen(
            [CHROMA, "run", "--path", str(self.path), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("chroma server did not start")

    def kill(self):
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory, real_embedder):
    root = tmp_path_factory.mktemp("server")
    docs = root / "docs"
    shutil.copytree(CORPUS, docs)
    srv = ChromaServer(root / "chroma", free_port()).start()
    settings = Settings(source_dir=docs, data_dir=root / "data", chroma_host="127.0.0.1", chroma_port=srv.port)
    report = run_index(settings, embedder=real_embedder)
    assert report.count("added") == 5
    yield srv, settings
    srv.kill()


def askers(settings, embedder, n: int, stop: threading.Event, answers: list, errors: list) -> list[threading.Thread]:
    """``n`` clients, each with its own store connection, asking until ``stop`` is set; every
    request error is kept (with its traceback) to fail the test."""

    def client():
        import traceback

        assistant = Assistant(settings, store=Store.open(settings), embedder=embedder)
        i = 0
        while not stop.is_set():
            try:
                answers.append(assistant.ask(QUESTIONS[i % len(QUESTIONS)]))
            except Exception:
                errors.append(traceback.format_exc()[-1500:])
            i += 1

    threads = [threading.Thread(target=client) for _ in range(n)]
    for t in threads:
        t.start()
    return threads


def answer_key(answer):
    return (answer.abstained, answer.answer, tuple((c.passage_id, c.quote) for c in answer.citations))


def test_eight_concurrent_clients_get_the_single_client_answers(server, real_embedder):
    srv, settings = server
    single = Assistant(settings, embedder=real_embedder)
    expected = {q: answer_key(single.ask(q)) for q in QUESTIONS}
    clients = [Assistant(settings, store=Store.open(settings), embedder=real_embedder) for _ in range(8)]

    def client(assistant):
        out = []
        for i in range(50):
            q = QUESTIONS[i % len(QUESTIONS)]
            out.append((q, answer_key(assistant.ask(q))))
        return out

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = [r for batch in pool.map(client, clients) for r in batch]
    assert len(results) == 400
    mismatched = [q for q, key in results if key != expected[q]]
    assert not mismatched, mismatched[:3]


def test_an_instance_on_another_machine_reads_sentence_vectors_from_the_server(server, real_embedder, tmp_path):
    srv, settings = server
    here = Store.open(settings)
    records = here.document_records()
    passages = here.all_passages()[:40]
    elsewhere = Store.open(settings.replace(data_dir=tmp_path / "other-machine"))  # no sentence files there
    assert elsewhere.sentence_vectors(passages, records).keys() == here.sentence_vectors(passages, records).keys() != set()


def test_reindexing_while_clients_ask_never_mixes_versions(server, real_embedder, tmp_path):
    srv, settings = server
    store = Store.open(settings)
    old = {p.passage_id: p.text for p in store.all_passages()}
    plan = settings.source_dir / "isle-of-wight-improvement-plan-2024.txt"
    original = plan.read_text(encoding="utf-8")
    stop = threading.Event()
    errors, answers = [], []
    threads = askers(settings, real_embedder, 3, stop, answers, errors)
    try:
        time.sleep(1.0)
        plan.write_text(original.replace("Mosaic", "Mosaic (a case management product)"), encoding="utf-8")
        report = run_index(settings, embedder=real_embedder)
        assert report.count("updated") == 1
        time.sleep(3.0)  # clients see the new version (the corpus is re-checked every 2 s)
    finally:
        stop.set()
        for t in threads:
            t.join()
        plan.write_text(original, encoding="utf-8")
    new = {p.passage_id: p.text for p in Store.open(settings).all_passages()}
    assert not errors, errors[:3]
    assert len(answers) > 10
    for answer in answers:
        cited = {(c.passage_id, c.text) for c in answer.citations}
        in_old = all(old.get(pid) == text for pid, text in cited)
        in_new = all(new.get(pid) == text for pid, text in cited)
        assert in_old or in_new, answer.citations
    assert any("a case management product" in c.text for a in answers for c in a.citations)
    run_index(settings, embedder=real_embedder)  # back to the original for the next test


def test_server_down_gives_clear_errors_then_recovers(server, real_embedder):
    srv, settings = server
    assistant = Assistant(settings, embedder=real_embedder)
    assert not assistant.ask("What is RAFT?").abstained
    srv.kill()
    try:
        time.sleep(2.5)  # past the corpus re-check interval, so the store is asked again
        with pytest.raises(StoreError) as err:
            assistant.ask("What is RAFT?")
        assert f"127.0.0.1:{srv.port}" in str(err.value) and "\n" not in str(err.value)
        with pytest.raises(StoreError):
            Store.open(settings)
    finally:
        srv.start()
    answer = assistant.ask("Which product was procured for the new case management system?")
    assert "Mosaic" in answer.answer
    assert len(Store.open(settings).document_records()) == 5


SLOW_INDEX = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
from index.settings import Settings
from index.indexer import run_index
from tests.fakes import FakeEmbedder
import index.indexer
index.indexer.CHUNK_BATCHES = 8  # chunks of 32 passages, so a kill lands mid-run
settings = Settings(source_dir=Path({docs!r}), data_dir=Path({data!r}), batch_size=4)
print("started", flush=True)
run_index(settings, embedder=FakeEmbedder(delay=0.3))
print("finished", flush=True)
"""


def test_two_embedded_index_runs_at_once_refuse_cleanly(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(CORPUS, docs)
    script = SLOW_INDEX.format(root=str(PROJECT_ROOT), docs=str(docs), data=str(tmp_path / "data"))
    first = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert first.stdout.readline().strip() == "started"
    time.sleep(1.5)
    env = dict(os.environ, IA_DATA_DIR=str(tmp_path / "data"), IA_SOURCE_DIR=str(docs))
    second = subprocess.run([str(Path(sys.executable).parent / "inspection-assistant"), "index"], env=env, capture_output=True, text=True, timeout=120)
    first.wait(timeout=300)
    assert second.returncode == 1
    assert "another index run is in progress" in second.stderr
    assert first.returncode == 0
    records = Store.open(Settings(source_dir=docs, data_dir=tmp_path / "data")).document_records()
    assert len(records) == 5


def test_rebuild_under_four_askers_never_fails_or_cites_a_gone_passage(server, real_embedder):
    srv, settings = server
    stop = threading.Event()
    errors, answers = [], []
    live_before = {p.passage_id: p.text for p in Store.open(settings).all_passages()}
    threads = askers(settings, real_embedder, 4, stop, answers, errors)
    try:
        time.sleep(1.0)
        report = run_index(settings, rebuild=True, embedder=real_embedder)
        assert report.indexed == 5 and not report.failed
        time.sleep(2.5)
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert not errors, errors[:3]
    assert len(answers) > 20
    live_after = {p.passage_id: p.text for p in Store.open(settings).all_passages()}
    assert live_after == live_before  # the same documents: the same passages, in a new generation
    for answer in answers:
        for c in answer.citations:
            assert live_after.get(c.passage_id) == c.text, c.passage_id
