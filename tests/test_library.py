"""Passage quality over the whole report library (../shared/ofsted-reports): every readable
report is read, its facts extracted and its passages made, as `index` does (no embedding).
Skipped, with a message, where the library is absent."""

import re
from collections import Counter
from pathlib import Path

import pytest

from index.errors import LoadError
from index.loaders import load
from index.ofsted import read_facts
from index.passages import make_passages
from index.types import Document, DocumentMeta

LIBRARY = Path(__file__).resolve().parents[1].parent / "shared" / "ofsted-reports"


@pytest.fixture(scope="module")
def library():
    if not LIBRARY.is_dir():
        pytest.skip(f"the Ofsted report library is not at {LIBRARY}: library tests skipped")
    docs, failed = {}, {}
    for path in sorted(LIBRARY.glob("*.pdf")):
        try:
            loaded = load(path)
        except LoadError as err:
            failed[path.name] = str(err)
            continue
        facts = read_facts(loaded.text, loaded.pages)
        meta = DocumentMeta(doc_id=path.stem, title=facts.title or path.stem, authority=facts.authority, kind=facts.kind)
        doc = Document(meta, path.name, loaded.text, loaded.format, "x", loaded.pages)
        docs[path.name] = (path, facts, make_passages(doc, loaded.headings, judgements=facts.judgements))
    return docs, failed


def test_every_readable_report_is_read_and_the_html_pages_get_a_reason(library):
    docs, failed = library
    assert len(docs) == 394
    assert len(failed) == 4 and all("HTML page saved under a .pdf name" in reason for reason in failed.values())


def test_no_passage_is_a_page_number(library):
    docs, _ = library
    bare = [(name, p.text) for name, (_, _, passages) in docs.items() for p in passages if re.fullmatch(r"(page\s+)?\d{1,3}(\s+of\s+\d{1,3})?", p.text.strip(), re.I)]
    assert bare == []


def _running_lines(path: Path) -> set[str]:
    """Each page's first and last two lines, as pdfium prints them, that recur (digits folded) on
    three or more pages: running headers and footers, found without the reader under test."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    counts = Counter()
    for i in range(len(pdf)):
        lines = [line.strip() for line in pdf[i].get_textpage().get_text_range().splitlines() if line.strip()]
        counts.update({re.sub(r"\d+", "#", line.casefold()) for line in lines[:2] + lines[-2:]})
    pdf.close()
    return {line for line, n in counts.items() if n >= 3 and len(line.split()) >= 4}


def test_no_passage_holds_a_running_header_or_footer(library):
    docs, _ = library
    found = []
    for name, (path, _, passages) in list(docs.items())[::4]:  # every fourth report: pdfium twice is slow
        running = _running_lines(path)
        for p in passages:
            folded = re.sub(r"\d+", "#", p.text.casefold())
            found.extend((name, p.passage_id, line) for line in running if line in folded and (p.page or 0) > 1)
    assert found == []


def test_numbered_paragraphs_are_whole_and_in_sequence(library):
    docs, _ = library
    gaps, split = [], []
    for name, (_, _, passages) in docs.items():
        numbers = []
        for p in passages:
            match = re.search(r"#para-(\d+)(-\d+)?(\.\d+)?$", p.passage_id)
            if match:
                numbers.append(int(match.group(1)))
                if match.group(3):
                    split.append(p.passage_id)
                assert p.locator.startswith(f"paragraph {match.group(1)}")
        gaps += [(name, a, b) for a, b in zip(numbers, numbers[1:]) if b not in (a + 1, 1)]
    assert split == [] and gaps == []


def test_fragments_are_rare(library):
    """Paragraph passages under ten words (not headings, cover fields, judgement rows or list
    items): what is left are one-line findings ("There are no priority actions.") and a few
    captions. Measured: 149 of 48,786 passages."""
    docs, _ = library
    passages = [p for _, _, ps in docs.values() for p in ps]
    short = [p for p in passages if p.kind == "paragraph" and len(p.text.split()) < 10]
    assert len(short) <= 0.005 * len(passages)


def test_every_report_has_its_judgements_as_passages(library):
    docs, _ = library
    with_grades = [name for name, (_, facts, passages) in docs.items() if facts.judgements]
    assert len(with_grades) >= 390
    for name in with_grades:
        _, facts, passages = docs[name]
        rows = [p for p in passages if p.kind == "judgement"]
        assert len(rows) == len(facts.judgements)
        assert all(p.fields["grade"] for p in rows)
