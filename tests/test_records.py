"""Questions over records (judgement grades, action RAG statuses) are answered from every record,
one citation a row, saying how many records were looked at."""

from assistant.records import answer_records, asks_records
from index.store import StoredPassage


def judgement(doc_id, authority, date, area, label, grade):
    return StoredPassage(
        passage_id=f"{doc_id}#judgement-{area}", doc_id=doc_id, text=f"{label} {grade.capitalize()}", locator="judgement table, page 1",
        heading=("Judgements",), start=0, end=10, context="", ordinal=0, kind="judgement", page=1,
        title=f"Inspection of {authority}", doc_kind="inspection_report", authority=authority, publisher="Ofsted", date=date,
        fields={"area": area, "judgement": label, "grade": grade},
    )


def action(ref, rag):
    return StoredPassage(
        passage_id=f"plan#action-{ref}", doc_id="plan", text=f"Ref: {ref}\nAction: Do thing {ref}\nRAG: {rag}", locator=f"action {ref}",
        heading=(), start=0, end=10, context="", ordinal=0, kind="action", page=None, title="Improvement plan",
        doc_kind="improvement_plan", authority="Isle of Wight", publisher="Council", date="2024-03",
        fields={"ref": ref, "action": f"Do thing {ref}", "rag": rag},
    )


RECORDS = [
    judgement("kent-2013", "Kent", "2013-07-19", "overall_effectiveness", "Overall effectiveness", "adequate"),
    judgement("kent-2017", "Kent", "2017-03-31", "overall_effectiveness", "The overall judgement is", "good"),
    judgement("kent-2022", "Kent", "2022-05-27", "overall_effectiveness", "Overall effectiveness", "outstanding"),
    judgement("kent-2022", "Kent", "2022-05-27", "care_leavers", "The experiences and progress of care leavers", "good"),
    judgement("sefton-2022", "Sefton", "2022-03-25", "overall_effectiveness", "Overall effectiveness", "inadequate"),
    judgement("sefton-2022", "Sefton", "2022-03-25", "care_leavers", "The experiences and progress of care leavers", "inadequate"),
    judgement("notts-2022", "Nottingham", "2022-07-22", "overall_effectiveness", "Overall effectiveness", "inadequate"),
    judgement("hull-2019", "Kingston upon Hull", "2019-02-01", "overall_effectiveness", "Overall effectiveness", "inadequate"),
    judgement("sefton-2019", "Sefton", "2019-03-01", "children_in_care_and_care_leavers", "The experiences and progress of children in care and care leavers", "requires improvement"),
    judgement("x-2022", "Derby", "2022-04-01", "help_and_protection", "The experiences and progress of children who need help and protection", "requires improvement"),
    action("1.1", "Green"),
    action("1.2", "Amber"),
    action("2.1", "G"),
]


def test_which_authorities_were_judged_inadequate_for_overall_effectiveness_in_a_year():
    question = "Which authorities were judged inadequate for overall effectiveness in 2022?"
    assert asks_records(question, RECORDS) == "judgement"
    found = answer_records(question, "judgement", RECORDS, (), (2022,))
    assert [c.doc_id for c in found.citations] == ["notts-2022", "sefton-2022"]  # one row each, not Sefton's care leavers
    assert found.text.startswith("2 of the 10 judgement records")
    assert "Nottingham" in found.text and "Sefton" in found.text and "Kingston" not in found.text
    assert all(c.quote in c.text for c in found.citations)


def test_how_an_authoritys_overall_judgement_changed_since_a_year():
    question = "How has Kent's overall judgement changed since 2013?"
    found = answer_records(question, asks_records(question, RECORDS), RECORDS, ("Kent",), (2013,))
    assert [c.date[:4] for c in found.citations] == ["2013", "2017", "2022"]
    assert "outstanding" in found.text.splitlines()[-1]


def test_which_actions_are_rated_green():
    question = "Which actions in the improvement plan are rated green?"
    assert asks_records(question, RECORDS) == "action"
    found = answer_records(question, "action", RECORDS, (), ())
    assert [c.passage_id for c in found.citations] == ["plan#action-1.1", "plan#action-2.1"]
    assert "3 action records" in found.text


def test_a_longer_grade_named_is_not_also_its_shorter_words():
    question = "Which authorities were judged requires improvement for help and protection?"
    found = answer_records(question, "judgement", RECORDS, (), ())
    assert [c.doc_id for c in found.citations] == ["x-2022"]


def test_ordinary_questions_are_not_record_questions():
    assert asks_records("What did Ofsted say about supervision in Kent?", RECORDS) is None
    assert asks_records("Who owns action 2.1?", RECORDS) is None
    assert asks_records("Which product was procured for the new case management system?", RECORDS) is None


def test_an_area_is_each_reports_own_closest_row():
    question = "What grades did Sefton get for care leavers?"
    found = answer_records(question, asks_records(question, RECORDS), RECORDS, ("Sefton",), ())
    assert [c.passage_id for c in found.citations] == ["sefton-2019#judgement-children_in_care_and_care_leavers", "sefton-2022#judgement-care_leavers"]
