"""Loaders on generated PDF/DOCX/HTML fixtures, and every kind of bad input."""

import io
import os

import pytest

from index.errors import LoadError
from index.loaders import load
from index.manifest import document_meta
from index.passages import infer_title, make_passages
from index.types import Document

PARA1 = "Inspectors found that supervision is regular and reflective in most teams across the service."
PARA2 = "Managers review workloads every month. Caseloads have fallen since the new recruitment campaign."


def make_pdf(path, pages, encrypt=False):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for paragraphs in pages:
        pdf.add_page()
        for text in paragraphs:
            pdf.multi_cell(0, 6, text)
            pdf.ln(6)
    if encrypt:
        pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.output(str(path))
    return path


def make_doc(loaded, name="f", entry=None):
    meta = document_meta(name, loaded.text, entry, infer_title)
    return Document(meta, name, loaded.text, loaded.format, "h", loaded.pages)


def test_pdf_has_page_numbers_and_paragraph_locators(tmp_path):
    path = make_pdf(tmp_path / "report.pdf", [["Focused visit to Testshire", PARA1], [PARA2]])
    loaded = load(path)
    assert [p[0] for p in loaded.pages] == [1, 2]
    passages = make_passages(make_doc(loaded, "report.pdf"))
    by_text = {p.text: p for p in passages}
    assert by_text[PARA1].page == 1 and by_text[PARA1].locator == "page 1, paragraph 1"
    assert by_text[PARA2].page == 2 and by_text[PARA2].locator == "page 2, paragraph 1"
    assert loaded.text[by_text[PARA2].start : by_text[PARA2].end] == PARA2


def test_pdf_paragraph_across_a_page_break_is_joined(tmp_path):
    path = make_pdf(tmp_path / "split.pdf", [["Main findings", "When concerns increase or progress is not made for children, social workers act"], ["quickly to provide appropriate interventions."]])
    passages = make_passages(make_doc(load(path), "split.pdf", {"title": "Testshire visit"}))
    assert [p.text for p in passages] == ["When concerns increase or progress is not made for children, social workers act quickly to provide appropriate interventions."]
    assert passages[0].heading == ("Main findings",)


def test_docx_headings_paragraphs_and_tables(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Improvement plan for Testshire", level=1)
    document.add_heading("Supervision", level=2)
    document.add_paragraph(PARA1)
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Ref", "Action", "RAG"]):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["1.1", "Refresh the supervision policy.", "G"]):
        cell.text = text
    document.save(tmp_path / "plan.docx")
    loaded = load(tmp_path / "plan.docx")
    doc = make_doc(loaded, "plan.docx")
    assert doc.meta.title == "Improvement plan for Testshire"
    passages = {p.passage_id.split("#")[1]: p for p in make_passages(doc, loaded.headings)}
    assert passages["p1"].text == PARA1 and passages["p1"].heading == ("Supervision",)
    assert passages["action-1.1"].fields == {"ref": "1.1", "action": "Refresh the supervision policy.", "rag": "G", "section": "Supervision"} or passages["action-1.1"].fields["rag"] == "G"


def test_html_blocks_and_headings(tmp_path):
    (tmp_path / "news.html").write_text(
        "<html><head><title>x</title><script>var a=1;</script></head><body><nav>Home | News</nav>"
        f"<h1>Council praised by Ofsted</h1><p>{PARA1}</p><ul><li>Caseloads fell.</li><li>Morale rose.</li></ul>"
        "<p>Published 4 March 2023.</p></body></html>",
        encoding="utf-8",
    )
    loaded = load(tmp_path / "news.html")
    doc = make_doc(loaded, "news.html")
    assert doc.meta.title == "Council praised by Ofsted" and doc.meta.date == "2023-03-04"
    assert set(doc.meta.inferred) == {"title", "date"}
    texts = [p.text for p in make_passages(doc, loaded.headings)]
    assert texts == [PARA1, "Caseloads fell.", "Morale rose.", "Published 4 March 2023."]
    assert "var a" not in loaded.text and "Home | News" not in loaded.text


def test_html_text_outside_block_elements_is_kept(tmp_path):
    (tmp_path / "press.html").write_text(
        "<html><body><h1>Council welcomes Ofsted report</h1>"
        "<div class='lead'>The council was judged good in 2023.<br><br>The director said she was <b>delighted</b>.</div>"
        "<p>Contact the press office.</p><article><span>Inspectors praised <a href='#'>early help</a>.</span></article></body></html>",
        encoding="utf-8",
    )
    text = load(tmp_path / "press.html").text
    assert text.split("\n\n") == [
        "Council welcomes Ofsted report", "The council was judged good in 2023.", "The director said she was delighted.",
        "Contact the press office.", "Inspectors praised early help.",
    ]
    (tmp_path / "inline.html").write_text("<p>Hello <em>world</em>, this is <a href='#'>a link</a>.</p><button>Accept cookies</button>", encoding="utf-8")
    assert load(tmp_path / "inline.html").text == "Hello world, this is a link."  # no space before the comma; no button
    deep = "<div>" * 5000 + "Deeply nested text." + "</div>" * 5000  # a page may nest thousands of elements
    (tmp_path / "deep.html").write_text(deep, encoding="utf-8")
    assert load(tmp_path / "deep.html").text == "Deeply nested text."


def test_a_reader_changed_for_one_format_re_reads_only_its_files():
    from index.indexer import content_hash

    assert content_hash(b"x", None, "m", ".pdf") == content_hash(b"x", None, "m")
    assert content_hash(b"x", None, "m", ".html") != content_hash(b"x", None, "m")


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("notes.xlsx", b"PK\x03\x04 whatever", "unsupported file type .xlsx"),
        ("README", b"hello", "unsupported file type (no extension)"),
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\n \t\n", "empty file"),
        ("binary.txt", bytes(range(256)) * 4, "binary data, not text"),
        ("latin1.txt", "Caf\xe9 society report".encode("latin-1"), "not valid UTF-8 text (byte 0xe9 at offset 3)"),
        ("corrupt.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage", "not a readable PDF"),
        ("notreally.pdf", b"This is plain text named .pdf", "not a readable PDF"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "not a readable Word document"),
    ],
)
def test_bad_input_has_a_one_line_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoadError) as err:
        load(path)
    assert reason in str(err.value)
    assert "\n" not in str(err.value)


def test_encrypted_pdf_is_refused_clearly(tmp_path):
    path = make_pdf(tmp_path / "locked.pdf", [[PARA1]], encrypt=True)
    with pytest.raises(LoadError, match="encrypted"):
        load(path)


def test_scanned_pdf_without_text_layer(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(LoadError, match="no text layer"):
        load(tmp_path / "scan.pdf")


def test_unreadable_paths(tmp_path):
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    with pytest.raises(LoadError, match="cannot read file"):
        load(tmp_path / "dangling.txt")
    (tmp_path / "folder.md").mkdir()
    with pytest.raises(LoadError, match="folder"):
        load(tmp_path / "folder.md")


def test_utf8_bom_and_crlf_are_accepted(tmp_path):
    (tmp_path / "win.txt").write_bytes("\ufeffTitle line\r\n\r\nFirst paragraph here.\r\n".encode("utf-8"))
    loaded = load(tmp_path / "win.txt")
    assert loaded.text == "Title line\n\nFirst paragraph here.\n"
