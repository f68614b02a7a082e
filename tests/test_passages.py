from pathlib import Path

import pytest

from index.loaders import load
from index.manifest import document_meta, read_manifest
from index.passages import infer_title, make_passages
from index.sentences import passage_sentences
from index.text import normalise
from index.tokens import MAX_WORD_PIECES, count_tokens
from index.types import Document
from tests.conftest import CORPUS


def passages_of(name: str):
    path = CORPUS / name
    loaded = load(path)
    meta = document_meta(name, loaded.text, read_manifest(CORPUS).get(name), infer_title)
    doc = Document(meta, name, loaded.text, loaded.format, "hash", loaded.pages)
    return doc, {p.passage_id.split("#", 1)[1]: p for p in make_passages(doc, loaded.headings)}


ALL = sorted(p.name for p in CORPUS.iterdir() if p.name != "manifest.json")


def test_action_2_1_is_one_labelled_passage():
    _, passages = passages_of("isle-of-wight-improvement-plan-2024.txt")
    action = passages["action-2.1"]
    assert action.locator == "action 2.1"
    assert "Pre-Proceedings Framework" in action.text
    assert "Owner: Service Manager Operations" in action.text
    assert "RAG: G" in action.text
    assert action.fields["owner"] == "Service Manager Operations"
    assert action.fields["rag"] == "G"
    assert action.fields["commencing"] == "March 2024"
    assert action.fields["section"].startswith("2. The pre-proceedings process")
    assert action.heading == ("2. The pre-proceedings process in the Public Law Outline (PLO)",)
    assert not any(k.startswith("action-2.1.") for k in passages)


def test_action_rows_merge_continuations_and_drop_p_markup():
    _, passages = passages_of("isle-of-wight-improvement-plan-2024.txt")
    row = passages["action-1.3"]
    assert "<p>" not in row.text and "</p>" not in row.text
    assert row.fields["action"].endswith("gathered through MASH (Multi Agency Safeguarding Hub) processes.")
    assert row.fields["owner"] == "Service Manager Operations & Team Managers"
    assert passages["action-8.1"].fields["due"] == "November 2024"
    assert "Mosaic" in passages["action-8.1"].text
    # the plan lost section 4's heading: its rows carry no (wrong) section rather than section 3's
    assert "section" not in passages["action-4.1"].fields
    refs = [p.fields["ref"] for p in passages.values() if p.kind == "action"]
    assert len(refs) == len(set(refs)) == 36


def test_paragraph_broken_by_page_break_is_one_passage():
    _, passages = passages_of("ofsted-focused-visit-isle-of-wight-2021.md")
    joined = [p for p in passages.values() if "social workers act quickly to provide appropriate interventions" in p.text]
    assert len(joined) == 1
    assert joined[0].heading == ("Main findings",)
    _, scilly = passages_of("ofsted-focused-visit-isles-of-scilly-2022.txt")
    assert any("why decisions have been made and actions agreed" in p.text for p in scilly.values())


def test_markdown_markup_is_removed_and_headings_kept_as_context():
    doc, passages = passages_of("ofsted-focused-visit-isle-of-wight-2021.md")
    assert "**" not in doc.text and "###" not in doc.text
    improve = [p for p in passages.values() if p.text.startswith("The quality of assessments")]
    assert improve and improve[0].heading == ("What needs to improve in this area of social work practice",)
    assert "Focused visit to Isle of Wight children's services" in improve[0].context
    assert "7 September 2021" in improve[0].context


@pytest.mark.parametrize("name", ALL)
def test_every_passage_fits_the_model_and_points_into_the_document(name):
    doc, passages = passages_of(name)
    assert passages
    for p in passages.values():
        assert count_tokens(p.search_text) + 2 <= MAX_WORD_PIECES, p.passage_id
        assert 0 <= p.start < p.end <= len(doc.text)
        # every sentence of a paragraph passage is in the document at its offsets (whitespace aside)
        if p.kind == "paragraph":
            assert normalise(p.text) in normalise(doc.text[p.start : p.end]), p.passage_id


@pytest.mark.parametrize("name", ALL)
def test_passage_ids_are_unique_and_stable(name):
    _, first = passages_of(name)
    _, second = passages_of(name)
    assert list(first) == list(second)
    assert len(first) == len(set(first))


def test_press_release_lines_are_paragraphs():
    _, passages = passages_of("isle-of-wight-council-press-release-2019.txt")
    assert len(passages) == 17
    assert passages["p1"].locator == "paragraph 1"


def test_overlong_paragraph_is_split_at_sentences():
    sentence = "Inspectors found that the quality of supervision varied between teams and over time. "
    text = "Report\n\n" + sentence * 40
    doc = Document(document_meta("x.txt", text, {"title": "T"}, infer_title), "x.txt", text, "txt", "h")
    passages = make_passages(doc)
    assert len(passages) > 1
    assert all(count_tokens(p.search_text) + 2 <= MAX_WORD_PIECES for p in passages)
    assert all(p.text.endswith(".") for p in passages)
    assert [p.locator for p in passages][:2] == [f"paragraph 1 (part 1 of {len(passages)})", f"paragraph 1 (part 2 of {len(passages)})"]
    assert " ".join(p.text for p in passages) == text.split("\n\n")[1].strip()


def test_a_letters_frame_is_labelled_and_quotable_whole():
    _, passages = passages_of("ofsted-focused-visit-isles-of-scilly-2022.txt")
    assert passages["p1"].heading == ("Letter from",)
    assert passages["p4"].heading == ("Date of the letter",) and passages["p4"].text == "23 August 2022"
    addressee = passages["p5"]
    assert addressee.heading == ("Letter addressed to",) and addressee.kind == "block"
    assert addressee.text.startswith("Aisling Khan") and "TR21 0NA" in addressee.text
    assert "Letter addressed to" in addressee.search_text and "recipient" in addressee.search_text
    assert passages["p6"].heading == ("Salutation",)
    assert passages["p34"].heading == ("Letter signed by",) and passages["p34"].text.startswith("Tracey Ledder")
    assert passages["p7"].kind == "paragraph" and passages["p7"].heading == ()
    assert passage_sentences(addressee.text, addressee.kind, addressee.fields) == [(addressee.text, None)]


def test_a_document_that_is_not_a_letter_has_no_frame():
    _, passages = passages_of("community-care-isle-of-wight-article-2019.txt")
    assert all(p.kind != "block" for p in passages.values())


def test_list_items_carry_the_paragraph_that_introduces_them():
    _, passages = passages_of("isle-of-wight-improvement-plan-2024.txt")
    intro = "The following plan addresses the key areas for improvement highlighted at the outcome of the inspection which were:"
    assert passages["p8"].kind == "paragraph" and passages["p8"].text == intro
    items = [passages[f"p{n}"] for n in range(9, 13)]
    assert all(p.kind == "item" and p.heading == (intro,) for p in items)
    assert items[2].text.startswith("The quality of oversight and monitoring of:")  # its sub-items stay with it
    assert "private fostering" in items[2].text
    assert passages["p13"].kind == "paragraph" and passages["p13"].heading == ()
    _, letter = passages_of("ofsted-focused-visit-isles-of-scilly-2022.txt")
    assert [letter[f"p{n}"].kind for n in (15, 16, 17)] == ["item"] * 3
    assert letter["p15"].heading[-1] == "What needs to improve in this area of social work practice?"
