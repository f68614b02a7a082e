"""The app in a real browser: `inspection-assistant ui` on a free loopback port, Debian's chromium
driven by Playwright. Asks the headline question, waits for the cited answer, opens a citation and
its place in the document, and saves screenshots to test-artifacts/."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from index.settings import PROJECT_ROOT

pytestmark = pytest.mark.integration

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = PROJECT_ROOT / "test-artifacts"
HEADLINE = "What did Ofsted say about supervision?"
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(url: str, process: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the UI exited with {process.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.25)
    pytest.fail(f"the UI did not answer on {url} within {timeout:.0f} s:\n{log.read_text(errors='replace')[-3000:]}")


def stop(process: subprocess.Popen) -> None:
    """Stop the UI and the Streamlit server it started (its own process group)."""
    if process.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture
def served(real_index, tmp_path):
    """The UI serving a private copy of the real index; always stopped afterwards."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (scripts/setup.sh installs it with apt-get); "
                    "the real-browser test cannot run without it")
    data, docs = tmp_path / "data", tmp_path / "docs"
    shutil.copytree(real_index.data_dir, data, ignore=shutil.ignore_patterns("index.lock"))
    shutil.copytree(real_index.source_dir, docs)
    yield from serve(tmp_path, IA_DATA_DIR=str(data), IA_SOURCE_DIR=str(docs), IA_EMBEDDING_MODEL=real_index.embedding_model)


def serve(tmp_path: Path, **settings: str):
    """`inspection-assistant ui` with ``settings`` (IA_* variables) on a free port: yields its URL
    once it serves, and stops it afterwards."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("IA_")}
    env.update(HF_HUB_OFFLINE="1", **settings)
    port = free_port()
    log = tmp_path / "ui.log"
    command = [str(Path(sys.executable).with_name("inspection-assistant")), "ui", "--port", str(port), "--address", "127.0.0.1"]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, cwd=tmp_path)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_serving(url, process, log)
        yield url
    finally:
        stop(process)


def test_a_real_browser_gets_a_cited_answer_and_the_highlighted_passage(served):
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=BROWSER_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1100})
            page.goto(served)
            expect(page.get_by_role("heading", name="Inspection assistant")).to_be_visible(timeout=60_000)
            box = page.get_by_test_id("stChatInputTextArea")
            box.fill(HEADLINE)
            box.press("Enter")

            # the cited answer: [n] markers in the text, a sources panel with one entry per passage
            sources = page.get_by_test_id("stExpander")
            expect(sources.first).to_be_visible(timeout=120_000)
            answer = page.get_by_test_id("stChatMessage").last
            expect(answer).to_contain_text("[1]")
            expect(answer).to_contain_text("Sources")
            expect(sources.first).to_contain_text("Focused visit to Isle of Wight children's services")

            # open the citation: the whole passage, the quote highlighted
            sources.first.locator("summary").click()
            quote = sources.first.locator("mark").first
            expect(quote).to_be_visible()
            assert "supervis" in quote.inner_text().lower()  # a passage on supervision, or on workers who are supervised
            # tall enough to show the question, the answer and the opened citation together
            page.set_viewport_size({"width": 1400, "height": 2300})
            page.wait_for_timeout(500)
            expect(page.get_by_test_id("stChatMessage").first).to_be_in_viewport()
            page.screenshot(path=str(ARTIFACTS / "ui-answer.png"))
            page.set_viewport_size({"width": 1400, "height": 1100})

            # show it in the document: the full text, the passage marked and scrolled into view
            sources.first.get_by_role("button", name="Show in document").click()
            dialog = page.get_by_role("dialog")
            expect(dialog).to_be_visible()
            passage = dialog.locator("#ia-passage")
            expect(passage).to_be_visible()
            expect(passage).to_contain_text(quote.inner_text())
            page.wait_for_function(
                """() => { const el = document.getElementById('ia-passage'); const box = el && el.closest('.ia-document');
                           if (!box || box.scrollTop === 0) return false;
                           const r = el.getBoundingClientRect(), b = box.getBoundingClientRect();
                           return r.top >= b.top && r.top < b.bottom; }""",
                timeout=10_000,
            )
            expect(passage).to_be_in_viewport()
            expect(dialog.locator(".ia-document")).to_contain_text("Ofsted will take the findings")  # the rest of the letter
            page.screenshot(path=str(ARTIFACTS / "ui-document.png"))
        finally:
            browser.close()
    assert (ARTIFACTS / "ui-answer.png").stat().st_size > 10_000


REPORTS = ("50048228.pdf", "50235617.pdf", "50066870.pdf", "50227183.pdf")
LIBRARY = PROJECT_ROOT.parent / "shared" / "ofsted-reports"


@pytest.fixture
def served_judgements(tmp_path):
    """The UI over the seeds and four real inspection reports (indexed with the fake embedder:
    the Judgements page reads records, not vectors); always stopped afterwards."""
    from index.indexer import run_index
    from index.settings import Settings
    from tests.fakes import FakeEmbedder

    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium: the real-browser test cannot run without it")
    if not all((LIBRARY / name).is_file() for name in REPORTS):
        pytest.skip(f"the Ofsted report library is not at {LIBRARY}")
    docs, data = tmp_path / "docs", tmp_path / "data"
    shutil.copytree(PROJECT_ROOT / "source_docs", docs)
    for name in REPORTS:
        shutil.copy(LIBRARY / name, docs / name)
    run_index(Settings.from_env(source_dir=docs, data_dir=data), embedder=FakeEmbedder())
    yield from serve(tmp_path, IA_DATA_DIR=str(data), IA_SOURCE_DIR=str(docs))


def test_a_real_browser_shows_judgements_and_takes_the_chart_into_the_word_briefing(served_judgements):
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=BROWSER_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1500}, accept_downloads=True)
            page.goto(f"{served_judgements}/judgements")
            expect(page.get_by_role("heading", name="Judgements")).to_be_visible(timeout=60_000)
            # the table starts from the manifest's home authority; both charts are drawn
            expect(page.get_by_text("2 of 4 inspections")).to_be_visible()
            expect(page.get_by_test_id("stDataFrame")).to_be_visible(timeout=30_000)  # slow to draw on a busy machine
            charts = page.locator("[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg")
            expect(charts.first).to_be_visible(timeout=30_000)
            page.wait_for_timeout(1000)
            page.screenshot(path=str(ARTIFACTS / "ui-judgements.png"), full_page=True)

            page.get_by_role("button", name="Add chart to briefing").click()
            expect(page.get_by_role("button", name="Chart in the briefing")).to_be_visible(timeout=60_000)
            page.get_by_test_id("stSidebarNav").get_by_role("link", name="Briefing").click()  # same session
            expect(page.get_by_test_id("stImage").first).to_be_visible(timeout=60_000)
            with page.expect_download() as got:
                page.get_by_role("button", name="Download Word").click()
            saved = ARTIFACTS / "judgements-briefing.docx"
            got.value.save_as(str(saved))
        finally:
            browser.close()
    from docx import Document

    doc = Document(str(saved))
    assert len(doc.inline_shapes) == 1
    paragraphs = [p.text for p in doc.paragraphs]
    assert any("Isle of Wight: Good (19 to 30 November 2018) [1]" in t for t in paragraphs)
    assert any("judgement table, page 1" in t for t in paragraphs[paragraphs.index("References") :])
