"""The PDF reader on a generated report laid out as Ofsted lays one out: a running header and page
numbers, a contents page, bold headings, numbered paragraphs (one broken by a page break) and a
publisher's back cover. Asserts what a user sees in passages and citations."""

import pytest

from index.errors import LoadError
from index.loaders import load
from index.passages import make_passages
from index.types import Document, DocumentMeta

HEADER = "Inspection of Testshire local authority children's services"
PARAGRAPHS = [
    "Leaders have a clear understanding of the strengths and weaknesses of the service. They have invested in early help, "
    "and the number of children who need statutory services has fallen. Partners describe a shared sense of purpose.",
    "Supervision is regular, but it is not always reflective. Managers record decisions, yet the rationale for them is "
    "often missing, and actions set in supervision are not always followed up. " * 4
    + "Social workers value the support they receive from their managers.",
    "Care leavers are supported well by personal advisers who know them well and keep in touch with them.",
]


def make_report(path):
    from fpdf import FPDF

    class Report(FPDF):
        def header(self):
            if self.page_no() > 1:
                self.set_font("helvetica", size=9)
                self.cell(0, 6, f"{HEADER}   4 to 15 March 2024", new_x="LMARGIN", new_y="NEXT")
                self.ln(4)

        def footer(self):
            self.set_y(-15)
            self.set_font("helvetica", size=9)
            self.cell(0, 10, str(self.page_no()), align="C")

    pdf = Report()
    pdf.set_auto_page_break(True, margin=25)
    pdf.add_page()
    pdf.set_font("helvetica", "B", 18)
    pdf.multi_cell(0, 9, HEADER, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "B", 11)
    pdf.multi_cell(0, 7, "Inspection dates: 4 to 15 March 2024", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.set_font("helvetica", "B", 14)
    pdf.multi_cell(0, 8, "Contents", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", size=11)
    for entry, page in [("Summary", 3), ("What needs to improve", 3), ("The impact of leaders", 4), ("Care leavers", 5)]:
        pdf.multi_cell(0, 7, f"{entry} {page}", new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.set_font("helvetica", "B", 14)
    # a heading that runs onto a second line, which reads like a labelled field ("families is: good")
    pdf.multi_cell(0, 8, "The impact of leaders on social work practice with children and", new_x="LMARGIN", new_y="NEXT")
    pdf.multi_cell(0, 8, "families is: good", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("helvetica", size=11)
    pdf.set_y(215)  # paragraph 2 runs over the page break
    for number, text in enumerate(PARAGRAPHS, start=1):
        pdf.multi_cell(0, 6, f"{number}. {text}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.add_page()
    for line in ["Piccadilly Gate", "Store Street", "Manchester M1 2WD", "T: 0300 123 1231", "E: enquiries@example.gov.uk", "W: www.example.gov.uk", "© Crown copyright 2024"]:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    path = make_report(tmp_path_factory.mktemp("pdf") / "report.pdf")
    loaded = load(path)
    doc = Document(DocumentMeta(doc_id="testshire-2024", title=HEADER, kind="inspection_report"), "report.pdf", loaded.text, "pdf", "h", loaded.pages)
    return loaded, make_passages(doc, loaded.headings)


def test_running_headers_page_numbers_contents_and_back_cover_are_gone(report):
    loaded, passages = report
    assert loaded.text.count(HEADER) == 1  # the cover's title, not the running header
    assert "4 to 15 March 2024" not in " ".join(p.text for p in passages[1:])
    assert not any(p.text.strip().isdigit() for p in passages)
    assert "Contents" not in loaded.text and "Summary 3" not in loaded.text
    assert "Piccadilly" not in loaded.text and "Crown copyright" not in loaded.text


def test_numbered_paragraphs_are_whole_and_located_by_their_number(report):
    _, passages = report
    by_id = {p.passage_id: p for p in passages}
    second = by_id["testshire-2024#para-2"]
    assert second.text.startswith("2. Supervision is regular")
    assert second.text.endswith("support they receive from their managers.")  # across the page break
    assert second.locator.startswith("paragraph 2, page ")
    assert by_id["testshire-2024#para-3"].locator.startswith("paragraph 3, page 4")
    assert second.heading == ("The impact of leaders on social work practice with children and families is: good",)
    assert not any(p.text.startswith("families") for p in passages)  # not a passage of its own


def test_cover_fields_are_quotable_blocks(report):
    _, passages = report
    field = next(p for p in passages if p.text.startswith("Inspection dates:"))
    assert field.kind == "field"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"<!DOCTYPE html><html><head><title>Error</title></head><body>Not found</body></html>", "an HTML page saved under a .pdf name"),
        (b"This is plain text named .pdf", "not a readable PDF"),
    ],
)
def test_files_that_are_not_pdfs_get_a_one_line_reason(tmp_path, data, reason):
    path = tmp_path / "50004178.pdf"
    path.write_bytes(data)
    with pytest.raises(LoadError) as err:
        load(path)
    assert reason in str(err.value) and "\n" not in str(err.value)


def test_an_imprint_in_small_type_under_the_last_paragraph_is_dropped(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    for page in range(3):
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        for number in range(1, 4):
            pdf.multi_cell(0, 6, f"{page * 3 + number}. {PARAGRAPHS[number - 1]}", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    pdf.set_font("helvetica", size=10)  # the publisher's imprint, on the last paragraphs' page
    for line in ["If you would like a copy of this document in a different format, please telephone 0300 123 1231.",
                 "Piccadilly Gate", "Store Street", "Manchester M1 2WD", "T: 0300 123 1231", "W: www.example.gov.uk", "© Crown copyright 2025"]:
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "report.pdf"
    pdf.output(str(path))
    text = load(path).text
    assert text.rstrip().endswith("keep in touch with them.")  # the last paragraph is kept whole
    assert "Piccadilly" not in text and "Crown copyright" not in text and "different format" not in text
