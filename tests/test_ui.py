"""The Streamlit app's pages as a user meets them (streamlit.testing.v1.AppTest), over the real
corpus indexed with the real model: a cited answer with its passages, a filter, a briefing
exported as Markdown and Word, an upload that fails without harming the library, an eval run."""

import html
import io
import json
import shutil
from pathlib import Path

import pytest
from docx import Document
from streamlit import config as streamlit_config
from streamlit.testing.v1 import AppTest

from index.settings import MODES, PROJECT_ROOT, Settings
from index.store import Store
from index.text import display_date
from ui import render

pytestmark = pytest.mark.integration

APP = str(PROJECT_ROOT / "ui" / "app.py")
HEADLINE = "What did Ofsted say about supervision?"
PRODUCT = "Which product was procured for the new case management system?"
SCILLY = "ofsted-focused-visit-isles-of-scilly-2022"


def point_at(monkeypatch, settings: Settings) -> None:
    monkeypatch.setenv("IA_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("IA_SOURCE_DIR", str(settings.source_dir))


# as `inspection-assistant ui` runs it: no "magic" (its ast.parse of each page can fail spuriously on
# Python 3.11 with "AST constructor recursion depth mismatch", CPython gh-106905)
streamlit_config.set_option("runner.magicEnabled", False)


@pytest.fixture
def app(real_index, monkeypatch):
    """The app over the shared real index (these tests only read it)."""
    point_at(monkeypatch, real_index)
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def own_index(real_index, tmp_path, monkeypatch) -> Settings:
    """A private copy of the real index and its documents, for tests that change them."""
    data, docs = tmp_path / "own-data", tmp_path / "own-docs"
    shutil.copytree(real_index.data_dir, data, ignore=shutil.ignore_patterns("index.lock"))
    shutil.copytree(real_index.source_dir, docs)
    settings = real_index.replace(data_dir=data, source_dir=docs)
    point_at(monkeypatch, settings)
    return settings


def ask(at: AppTest, question: str):
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    return at.session_state["chat"][-1]["answer"]


def test_the_page_says_what_it_covers(app):
    assert app.title[0].value == "Inspection assistant"
    help_text = " ".join(c.value for c in app.caption)
    assert "Ofsted inspection letters" in help_text
    assert "Answers come only from the indexed documents" in help_text
    assert [b.label for b in app.button][:1] == [HEADLINE]  # an example to start from


def test_headline_question_renders_a_cited_answer_with_its_passages(app, real_index):
    answer = ask(app, HEADLINE)
    assert not answer.abstained and len(answer.citations) >= 2
    shown = "\n".join(m.value for m in app.markdown)
    assert "[1]" in shown and "supervision" in shown  # the answer with its markers
    store = Store.open(real_index)
    labels = [e.label for e in app.expander]
    passages = [h.value for h in app.html]
    for c in answer.citations:
        # one sources entry per cited passage: markers, title, kind, date, locator
        assert any(f"[{c.n}]" in label and c.title in label and display_date(c.date) in label and c.locator in label for label in labels)
        # the whole stored passage holds the quote, and it is shown with the quote highlighted
        assert c.quote in c.text == store.get_passage(c.passage_id).text
        assert any(f'">{html.escape(c.quote)}</mark>' in p or f"{html.escape(c.quote)}</mark>" in p for p in passages), c.quote
    assert any(b.label == "Add to briefing" for b in app.button)


def test_show_in_document_highlights_the_passage_in_the_full_text(app, real_index):
    answer = ask(app, HEADLINE)
    c = answer.citations[0]
    app.button(key=f"doc-0-{c.passage_id}").click().run()
    assert not app.exception
    views = [h.value for h in app.html if 'id="ia-passage"' in h.value]
    assert len(views) == 1
    document = Store.open(real_index).document_text(c.doc_id)
    view = views[0]
    marked = view.split('id="ia-passage"', 1)[1].split("</span>", 1)[0]
    assert html.escape(c.quote) in marked  # the quote, inside the marked passage
    assert html.escape(document[:200]) in view and html.escape(document[-200:]) in view  # the whole document
    assert "scrollTop" in view  # scrolled to


def test_follow_up_uses_the_history(app):
    ask(app, HEADLINE)
    follow = ask(app, "And on the Isles of Scilly?")
    assert "supervision" in follow.search_query.lower()
    assert {c.doc_id for c in follow.citations} == {SCILLY}
    assert len(app.chat_message) == 4


def test_abstention_is_plain_and_lists_related_passages(app, real_index):
    answer = ask(app, "What is the capital of France?")
    assert answer.abstained and answer.related
    assert [i.value for i in app.info] == [answer.answer]
    assert "don't cover this question" in answer.answer
    assert any("they don't answer the question" in m.value for m in app.markdown)
    labels = [e.label for e in app.expander]
    assert len(labels) == len(answer.related)
    for r, label in zip(answer.related, labels):
        assert r.title in label and r.locator in label
    assert not any(b.label == "Show in document" and b.key.startswith("doc-") for b in app.button)  # nothing cited
    first = answer.related[0]
    app.button(key=f"rel-0-{first.passage_id}").click().run()
    view = next(h.value for h in app.html if 'id="ia-passage"' in h.value)
    # the passage where the document has it (an action row's passage labels its columns: "Ref: 5.1\nAction: …")
    store = Store.open(real_index)
    stored = store.get_passage(first.passage_id)
    assert html.escape(store.document_text(first.doc_id)[stored.start:stored.end][:80]) in view.split('id="ia-passage"', 1)[1]


def test_answering_mode_is_offered_only_with_a_generative_backend(app, monkeypatch):
    assert not [s for s in app.selectbox if s.label == "Answering mode"]
    monkeypatch.setenv("IA_LLM_MODEL", "llama3.2")
    app.run()
    mode = app.selectbox(key="filter_mode")
    assert mode.value == "extractive" and mode.options == list(MODES)


def test_document_text_is_escaped_before_it_is_highlighted():
    text = 'Intro <script>alert("x")</script> & the quote: "A & B <b>bold</b>". End.'
    shown = render.passage_html(text, ['"A & B <b>bold</b>"'])
    assert "<script>" not in shown and "<b>" not in shown
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in shown
    assert '&quot;A &amp; B &lt;b&gt;bold&lt;/b&gt;&quot;</mark>' in shown
    view = render.document_html(text, text.index("the quote"), len(text) - 5, ["A & B"])
    assert view.count("<script>") == 1 and "alert" in view and "&lt;script&gt;alert" in view  # only our scroll script
    marked = view.split('id="ia-passage"', 1)[1].split("</span>", 1)[0]
    assert "A &amp; B</mark>" in marked and "Intro" not in marked


def test_a_filter_narrows_the_sources(app):
    unfiltered = ask(app, HEADLINE)
    assert len({c.doc_id for c in unfiltered.citations}) >= 2
    app.multiselect(key="filter_docs").select(SCILLY).run()
    filtered = ask(app, HEADLINE)
    assert filtered.citations and {c.doc_id for c in filtered.citations} == {SCILLY}
    labels = [e.label for e in app.expander]
    scilly_title = "Focused visit to Isles of Scilly children's services"
    assert sum(scilly_title in label for label in labels) >= 1
    assert any("filtered by documents: " + scilly_title in c.value for c in app.caption)


def test_the_home_authority_scopes_a_question_that_names_none(app):
    answer = ask(app, HEADLINE)
    shown = [c.value for c in app.caption]
    assert "From the documents on Isle of Wight, the home authority." in shown
    assert SCILLY not in {c.doc_id for c in answer.citations}
    app.selectbox(key="home_authority").set_value(None).run()  # no home authority: the whole library
    answer = ask(app, HEADLINE)
    assert SCILLY in {c.doc_id for c in answer.citations} and answer.scope == ""


def test_kind_and_year_filters(app):
    app.multiselect(key="filter_kinds").select("improvement_plan").run()
    answer = ask(app, HEADLINE)
    assert answer.citations and {c.kind for c in answer.citations} == {"improvement_plan"}
    app.multiselect(key="filter_kinds").unselect("improvement_plan")
    app.slider(key="filter_years").set_value((2021, 2022)).run()
    answer = ask(app, HEADLINE)
    assert answer.citations and {c.date[:4] for c in answer.citations} <= {"2021", "2022"}


@pytest.fixture
def downloads(monkeypatch):
    """What the page hands to st.download_button: file name -> (bytes, mime type)."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    got = {}
    original = MediaFileManager.add

    def add(self, path_or_data, mimetype, coordinates, file_name=None, is_for_static_download=False):
        if is_for_static_download:
            got[file_name] = (path_or_data, mimetype)
        return original(self, path_or_data, mimetype, coordinates, file_name, is_for_static_download)

    monkeypatch.setattr(MediaFileManager, "add", add)
    return got


def test_briefing_collects_orders_and_exports_markdown_and_docx(app, downloads):
    first = ask(app, HEADLINE)
    app.button(key="brief-0").click().run()
    assert app.button(key="brief-0").label == "In the briefing" and app.button(key="brief-0").disabled
    second = ask(app, PRODUCT)
    app.button(key="brief-1").click().run()
    assert len(app.session_state["briefing"].items) == 2

    app.switch_page("page_briefing.py").run()
    assert not app.exception
    app.text_input(key="briefing_title").input("Supervision and systems").run()
    app.button(key="down-0").click().run()  # the product answer first
    assert [i.question for i in app.session_state["briefing"].items] == [PRODUCT, HEADLINE]
    assert app.button(key="up-0").disabled and app.button(key="down-1").disabled

    assert {"supervision-and-systems.md", "supervision-and-systems.docx"} <= set(downloads)
    md = downloads["supervision-and-systems.md"][0].decode()
    assert md.startswith("# Supervision and systems")
    assert md.index(PRODUCT) < md.index(HEADLINE)
    docx_bytes, mime = downloads["supervision-and-systems.docx"]
    assert mime.endswith("wordprocessingml.document")
    doc = Document(io.BytesIO(docx_bytes))
    paragraphs = [p.text for p in doc.paragraphs]
    docx_text = "\n".join(paragraphs)
    assert paragraphs[0] == "Supervision and systems"
    references = paragraphs[paragraphs.index("References") + 1 :]
    cited = {c.passage_id: c for c in second.citations + first.citations}
    assert len(references) == len(cited)
    for c in first.citations + second.citations:
        assert c.quote in md and c.quote in docx_text
        entry = f"{c.title}. {c.publisher}, {display_date(c.date)}, {c.locator}."
        assert entry in md.split("## References", 1)[1]
        assert any(entry in r for r in references)

    app.button(key="remove-0").click().run()
    assert [i.question for i in app.session_state["briefing"].items] == [HEADLINE]
    assert PRODUCT not in downloads["supervision-and-systems.md"][0].decode()


def test_a_bad_upload_shows_its_error_and_leaves_the_library_intact(own_index):
    at = AppTest.from_file(APP, default_timeout=180).run()
    at.switch_page("page_library.py").run()
    assert not at.exception
    before = Store.open(own_index).document_records()
    table = at.dataframe[0].value
    assert len(table) == 5 and sorted(table["Passages"]) == sorted(r.passage_count for r in before.values())
    assert {"Amanda Maxwell", "Tracey Ledder"} <= set(table["Lead inspector"])  # read from the letters themselves
    assert "28 to 29 July 2021" in set(table["Inspected"])

    good = b"# Leaving care review\n\nPersonal advisers now meet care leavers every eight weeks, and the local offer for care leavers was refreshed in June 2023.\n"
    at.file_uploader[0].set_value([
        ("broken.pdf", b"%PDF-1.4 truncated and corrupt", "application/pdf"),
        ("leaving-care.md", good, "text/markdown"),
    ]).run()
    next(b for b in at.button if b.label == "Add to library").click().run()
    assert not at.exception

    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "broken\\.pdf" in errors[0] and "not a readable PDF" in errors[0]
    assert any("leaving\\-care\\.md" in s.value and "added" in s.value for s in at.success)
    after = Store.open(own_index).document_records()
    assert set(after) == set(before) | {"leaving-care"}
    assert all(after[d].content_hash == before[d].content_hash for d in before)
    assert not (own_index.source_dir / "broken.pdf").exists()
    assert len(at.dataframe[0].value) == 6


def test_evals_page_runs_shows_figures_and_compares_with_the_last_run(own_index, tmp_path):
    questions = tmp_path / "questions.jsonl"
    questions.write_text("\n".join(json.dumps(q) for q in [
        {"id": "supervision", "question": HEADLINE, "must_include": [["supervision"]], "evidence": ["reflective case discussion"], "tags": ["ofsted"]},
        {"id": "product", "question": PRODUCT, "must_include": [["Mosaic"]], "evidence": ["Mosaic"], "tags": ["plan"]},
        {"id": "weather", "question": "What will the weather be in Newport tomorrow?", "answerable": False, "tags": ["unanswerable"]},
        {"id": "wrong", "question": HEADLINE, "must_include": [["a phrase the documents never use"]], "tags": ["ofsted"]},
    ]) + "\n", encoding="utf-8")
    at = AppTest.from_file(APP, default_timeout=180).run()
    at.switch_page("page_evals.py").run()
    assert not at.exception
    # before any run on this machine: the figures committed with the code
    assert any("figures committed with the code" in md.value for md in at.markdown)
    committed = json.loads((Path(__file__).resolve().parent.parent / "evals/reports/test/results.json").read_text())
    shown = {m.label: m.value for m in at.metric}
    assert shown["Answer correctness"] == f"{100 * committed['metrics']['answer_correctness']:.1f}%"
    assert shown["Quote fidelity"] == "100.0%"
    at.text_input(key="eval_file").input(str(questions))
    at.radio(key="eval_split").set_value("all")
    next(b for b in at.button if b.label == "Run the evaluation").click().run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Answer correctness"] == "66.7%" and metrics["Abstention recall"] == "100.0%"
    assert any(s.value.startswith("Failures (1)") for s in at.subheader)
    failures = at.dataframe[-1].value
    assert list(failures["Id"]) == ["wrong"]
    saved = json.loads((own_index.data_dir / "evals" / "last.json").read_text())
    assert saved["metrics"]["items"] == 4 and saved["split"] == "all"

    next(b for b in at.button if b.label == "Run the evaluation").click().run()
    assert any("compared with the run saved" in c.value for c in at.caption)
    assert {m.label: m.delta for m in at.metric}["Answer correctness"] == "+0.0 pts"


# --- Judgements ----------------------------------------------------------------------------------

LIBRARY = PROJECT_ROOT.parent / "shared" / "ofsted-reports"
# Two Isle of Wight reports (2018 good; 2023 good, help and protection requires improvement) and
# Barking and Dagenham's 2019 and 2023 reports (requires improvement), from the report library.
REPORTS = ("50048228.pdf", "50235617.pdf", "50066870.pdf", "50227183.pdf")


@pytest.fixture
def judged_index(tmp_path, monkeypatch) -> Settings:
    """The seed documents plus four real inspection reports, indexed with the fake embedder (the
    Judgements page reads records, not vectors); the app's warm-up gets the fake embedder too."""
    from index.indexer import run_index
    from tests.fakes import FakeEmbedder

    if not all((LIBRARY / name).is_file() for name in REPORTS):
        pytest.skip(f"the Ofsted report library is not at {LIBRARY}: judgement page tests skipped")
    docs = tmp_path / "judged-docs"
    shutil.copytree(PROJECT_ROOT / "source_docs", docs)
    for name in REPORTS:
        shutil.copy(LIBRARY / name, docs / name)
    settings = Settings.from_env(source_dir=docs, data_dir=tmp_path / "judged-data")
    embedder = FakeEmbedder()
    run_index(settings, embedder=embedder)
    monkeypatch.setattr("assistant.ask.get_embedder", lambda s: embedder)
    point_at(monkeypatch, settings)
    return settings


def judgements_page(timeout: int = 60) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=timeout).run()
    at.switch_page("page_judgements.py").run()
    assert not at.exception, at.exception
    return at


def source_view(at: AppTest) -> str:
    views = [h.value for h in at.html if 'id="ia-passage"' in h.value]
    assert len(views) == 1
    return views[0].split('id="ia-passage"', 1)[1].split(">", 1)[1].split("</span>", 1)[0]


def test_judgements_page_explains_a_library_without_judgement_records(app, real_index):
    records = Store.open(real_index).document_records()
    assert not any(r.judgements for r in records.values())  # the seeds: letters, a plan, articles
    app.switch_page("page_judgements.py").run()
    assert not app.exception
    assert app.title[0].value == "Judgements"
    assert any("has a judgement table" in i.value and "Focused visits" in i.value for i in app.info)
    assert not app.dataframe and not app.get("vega_lite_chart")


def test_judgements_table_starts_from_the_home_authority_and_filters(judged_index):
    at = judgements_page()
    assert at.selectbox(key="home_authority").value == "Isle of Wight"  # from the manifest
    assert at.multiselect(key="judgements_authorities").value == ["Isle of Wight"]
    table = at.dataframe[0].value
    assert list(table["Authority"]) == ["Isle of Wight", "Isle of Wight"]
    assert list(table["Inspected"]) == ["19 to 30 November 2018", "30 October to 3 November 2023"]
    assert list(table["Overall effectiveness"]) == ["Good", "Good"]
    assert list(table["Help and protection"]) == ["Good", "Requires improvement"]
    assert list(table["Framework"]) == ["ILACS standard", "ILACS short"]

    at.multiselect(key="judgements_authorities").set_value([]).run()
    assert len(at.dataframe[0].value) == 4
    at.multiselect(key="judgements_grades").set_value(["Requires improvement"]).run()
    assert set(at.dataframe[0].value["Authority"]) == {"Barking and Dagenham"}
    at.multiselect(key="judgements_grades").set_value([]).run()
    at.slider(key="judgements_years").set_value((2023, 2023)).run()
    assert list(at.dataframe[0].value["Inspected"]) == ["10 to 21 July 2023", "30 October to 3 November 2023"]
    assert not at.exception


def test_home_authority_setting_wins_over_the_manifest(judged_index, monkeypatch):
    monkeypatch.setenv("IA_HOME_AUTHORITY", "barking and dagenham")
    at = judgements_page()
    assert at.selectbox(key="home_authority").value == "Barking and Dagenham"
    assert set(at.dataframe[0].value["Authority"]) == {"Barking and Dagenham"}
    at.selectbox(key="home_authority").set_value("Isle of Wight").run()
    assert set(at.dataframe[0].value["Authority"]) == {"Isle of Wight"}


def test_choosing_a_row_or_a_grade_opens_its_judgement_row_in_the_report(judged_index):
    store = Store.open(judged_index)
    at = judgements_page()
    at.session_state["judgements_table"] = {"selection": {"rows": [1], "columns": [], "cells": []}}
    at.run()
    assert not at.exception
    overall = store.get_passage("50235617#judgement-overall-effectiveness")
    document = store.document_text("50235617")
    marked = source_view(at)
    assert html.escape(document[overall.start : overall.end]) == marked  # the row, marked in the report
    assert " ".join(html.unescape(marked).split()) == overall.text == "Overall effectiveness Good"

    at.session_state["judgements_table"] = {"selection": {"rows": [], "columns": [], "cells": [[1, "Help and protection"]]}}
    at.run()
    row = store.get_passage("50235617#judgement-help-and-protection")
    assert " ".join(html.unescape(source_view(at)).split()) == row.text
    assert row.text.endswith("Requires improvement to be good")  # as printed


def test_judgement_table_and_chart_go_into_the_briefing_with_their_citations(judged_index, downloads):
    at = judgements_page()
    timeline, spread = (c.proto.spec for c in at.get("vega_lite_chart"))
    assert "50235617#judgement-overall-effectiveness" in timeline and '"pick"' in timeline  # each point opens its row
    assert '"Requires improvement"' in spread
    at.button(key="judgements_add_table").click().run()
    assert at.button(key="judgements_add_table").label == "Table in the briefing"
    at.button(key="judgements_add_chart").click().run()
    assert not at.exception
    items = at.session_state["briefing"].items
    assert [i.question for i in items] == ["Inspection judgements: Isle of Wight", "Overall effectiveness over time: Isle of Wight"]
    assert items[1].chart_png.startswith(b"\x89PNG")
    table = items[0]
    assert "| Isle of Wight | 30 October to 3 November 2023 | ILACS short | Good [" in table.answer
    assert {c.passage_id for c in table.citations} >= {"50235617#judgement-overall-effectiveness", "50048228#judgement-help-and-protection"}

    at.switch_page("page_briefing.py").run()
    assert not at.exception
    docx_bytes, _ = downloads["briefing.docx"]
    doc = Document(io.BytesIO(docx_bytes))
    assert doc.inline_shapes and doc.tables
    assert doc.tables[0].cell(0, 0).text == "Authority"
    paragraphs = [p.text for p in doc.paragraphs]
    references = paragraphs[paragraphs.index("References") + 1 :]
    assert any("judgement table, page 1" in r and "Isle of Wight" in r for r in references)
    md = downloads["briefing.md"][0].decode()
    assert "data:image/png;base64," in md and "Overall effectiveness Good" in md


def test_a_grade_from_the_records_lists_where_the_reports_write_of_it(judged_index):
    at = AppTest.from_file(APP, default_timeout=180).run()
    answer = ask(at, "How did Ofsted judge help and protection on the Isle of Wight in 2023?")
    assert not answer.abstained and answer.reason.startswith(("inspection records", "judgement records"))
    assert any(c.passage_id == "50235617#judgement-help-and-protection" for c in answer.citations)
    assert answer.related  # the report's own passages, beside the row
    assert any("where the reports write of this" in m.value for m in at.markdown)
    labels = [e.label for e in at.expander]
    for r in answer.related:
        assert any(r.title in label and r.locator in label for label in labels)
