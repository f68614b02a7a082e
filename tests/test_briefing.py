"""Briefings: collecting, ordering, renumbering and the Markdown / Word exports."""

import io

from docx import Document

from assistant.briefing import Briefing, BriefingItem
from assistant.types import Answer, Citation


def cite(n, passage_id, quote, title="Focused visit to Isle of Wight children's services", locator="paragraph 21"):
    return Citation(
        n=n, doc_id=passage_id.split("#")[0], title=title, kind="ofsted_letter", publisher="Ofsted",
        date="2021-09-07", locator=locator, passage_id=passage_id, text=f"Before. {quote} After.", quote=quote,
    )


SUPERVISION = Answer(
    question="What did Ofsted say about supervision?",
    answer="**Ofsted letter**\n- “Supervision is regular.” [1] “Supervision is reflective.” [2]\n- “Managers do not supervise.” [3]",
    abstained=False,
    citations=[
        cite(1, "iow#p21", "Supervision is regular."),
        cite(2, "iow#p21", "Supervision is reflective."),
        cite(3, "scilly#p19", "Managers do not supervise.", title="Focused visit to Isles of Scilly children's services", locator="paragraph 19"),
    ],
)
CASELOADS = Answer(
    question="What about caseloads?",
    answer="Caseloads are manageable, the letter says [1], and managers lack oversight [2].",
    abstained=False,
    citations=[
        cite(1, "plan#p3", "Caseloads are manageable.", title="Improvement plan 2024", locator="paragraph 3"),
        cite(2, "scilly#p19", "Managers do not supervise.", title="Focused visit to Isles of Scilly children's services", locator="paragraph 19"),
    ],
)


def briefing() -> Briefing:
    b = Briefing(title="Supervision briefing")
    assert b.add(BriefingItem.from_answer(SUPERVISION))
    assert b.add(BriefingItem.from_answer(CASELOADS))
    return b


def test_adding_the_same_answer_twice_keeps_one():
    b = briefing()
    assert not b.add(BriefingItem.from_answer(SUPERVISION))
    assert len(b.items) == 2


def test_references_are_numbered_once_per_passage_across_answers():
    b = briefing()
    refs = b.references()
    assert [(r.number, r.passage_id) for r in refs] == [(1, "iow#p21"), (2, "scilly#p19"), (3, "plan#p3")]
    assert refs[0].text() == "Focused visit to Isle of Wight children's services. Ofsted, 7 September 2021, paragraph 21."
    text, quotes = b.renumbered(b.items[1])
    assert text == "Caseloads are manageable, the letter says [3], and managers lack oversight [2]."
    assert quotes == [(3, "Caseloads are manageable."), (2, "Managers do not supervise.")]
    first, _ = b.renumbered(b.items[0])
    assert "[1] “Supervision is reflective.” [1]" in first and "[2]" in first


def test_move_and_remove():
    b = briefing()
    b.move(1, -1)
    assert [i.question for i in b.items] == ["What about caseloads?", "What did Ofsted say about supervision?"]
    assert b.references()[0].passage_id == "plan#p3"  # numbering follows the new order
    b.move(0, -1)  # already first: stays
    b.move(1, 5)  # already last: stays
    assert b.items[0].question == "What about caseloads?"
    b.remove(7)  # out of range: ignored
    b.remove(0)
    assert [i.question for i in b.items] == ["What did Ofsted say about supervision?"]


def test_markdown_export_has_questions_quotes_and_references():
    md = briefing().to_markdown()
    assert md.startswith("# Supervision briefing\n")
    assert "## 1. What did Ofsted say about supervision?" in md and "## 2. What about caseloads?" in md
    for quote in ("Supervision is regular.", "Supervision is reflective.", "Managers do not supervise.", "Caseloads are manageable."):
        assert quote in md
    # the second answer's prose does not carry its quotes, so they are listed under it
    assert "> “Caseloads are manageable.” [3]" in md
    references = md.split("## References", 1)[1]
    assert "[1] Focused visit to Isle of Wight children's services. Ofsted, 7 September 2021, paragraph 21." in references
    assert "[2] Focused visit to Isles of Scilly children's services. Ofsted, 7 September 2021, paragraph 19." in references
    assert "[3] Improvement plan 2024. Ofsted, 7 September 2021, paragraph 3." in references


def test_docx_export_opens_and_lists_its_references():
    data = briefing().to_docx()
    doc = Document(io.BytesIO(data))
    paragraphs = [p.text for p in doc.paragraphs]
    assert paragraphs[0] == "Supervision briefing"
    assert doc.core_properties.title == "Supervision briefing"
    text = "\n".join(paragraphs)
    for quote in ("Supervision is regular.", "Managers do not supervise.", "Caseloads are manageable."):
        assert quote in text
    start = paragraphs.index("References")
    assert paragraphs[start + 1 :] == [
        "[1] Focused visit to Isle of Wight children's services. Ofsted, 7 September 2021, paragraph 21.",
        "[2] Focused visit to Isles of Scilly children's services. Ofsted, 7 September 2021, paragraph 19.",
        "[3] Improvement plan 2024. Ofsted, 7 September 2021, paragraph 3.",
    ]
    bold = [r.text for p in doc.paragraphs for r in p.runs if r.bold]
    assert "Ofsted letter" in bold  # **bold** in the answer stays bold, without asterisks
    assert "**" not in text


def test_an_empty_briefing_still_exports():
    b = Briefing(title="  ")
    assert b.to_markdown() == "# Briefing\n\n_No answers collected yet._\n"
    assert "No answers collected yet." in [p.text for p in Document(io.BytesIO(b.to_docx())).paragraphs]
