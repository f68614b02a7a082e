"""Questions over records (judgement grades, action RAG statuses) are answered from every record,
one citation a row, saying how many records were looked at."""

from dataclasses import replace

import pytest

from assistant.query import YearSpan, year_span
from assistant.records import answer_records, asks_records, compares_over_time
from index.store import StoredPassage


def judgement(doc_id, authority, date, area, label, grade):
    return StoredPassage(
        passage_id=f"{doc_id}#judgement-{area}", doc_id=doc_id, text=f"{label} {grade.capitalize()}", locator="judgement table, page 1",
        heading=("Judgements",), start=0, end=10, context="", ordinal=0, kind="judgement", page=1,
        title=f"Inspection of {authority}", doc_kind="inspection_report", authority=authority, publisher="Ofsted", date=date,
        fields={"area": area, "judgement": label, "grade": grade},
    )


# the ILACS judgement labels, for an inspection's rows built in a test
_ILACS_LABELS = {
    "overall_effectiveness": "Overall effectiveness",
    "impact_of_leaders": "The impact of leaders on social work practice with children and families",
    "help_and_protection": "The experiences and progress of children who need help and protection",
    "children_in_care": "The experiences and progress of children in care",
}


def inspection_rows(doc_id, authority, date, **grades):
    """One ILACS inspection's judgement rows, its grades given by area."""
    return [judgement(doc_id, authority, date, area, _ILACS_LABELS[area], grade) for area, grade in grades.items()]


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
    found = answer_records(question, "judgement", RECORDS, (), year_span(question))
    assert [c.doc_id for c in found.citations] == ["notts-2022", "sefton-2022"]  # one row each, not Sefton's care leavers
    assert found.text.startswith("2 of the 10 judgement records")
    assert "Nottingham" in found.text and "Sefton" in found.text and "Kingston" not in found.text
    assert all(c.quote in c.text for c in found.citations)
    # the enumerating word may open a clause after a setting
    assert asks_records("In 2022, which authorities were judged inadequate for overall effectiveness?", RECORDS) == "judgement"


def test_how_an_authoritys_overall_judgement_changed_since_a_year():
    question = "How has Kent's overall judgement changed since 2013?"
    found = answer_records(question, asks_records(question, RECORDS), RECORDS, ("Kent",), year_span(question))
    assert [c.date[:4] for c in found.citations] == ["2013", "2017", "2022"]
    assert "outstanding" in found.text.splitlines()[-1]


def test_which_actions_are_rated_green():
    question = "Which actions in the improvement plan are rated green?"
    assert asks_records(question, RECORDS) == "action"
    found = answer_records(question, "action", RECORDS, ())
    assert [c.passage_id for c in found.citations] == ["plan#action-1.1", "plan#action-2.1"]
    assert "3 action records" in found.text


def test_a_longer_grade_named_is_not_also_its_shorter_words():
    question = "Which authorities were judged requires improvement for help and protection?"
    found = answer_records(question, "judgement", RECORDS, ())
    assert [c.doc_id for c in found.citations] == ["x-2022"]


def test_a_statement_setting_the_scene_before_but_is_no_part_of_what_is_asked():
    question = "Kent came out as good overall in 2022, but what grade did its care leavers get?"
    found = answer_records(question, "judgement", RECORDS, ("Kent",), year_span(question))
    assert [c.passage_id for c in found.citations] == ["kent-2022#judgement-care_leavers"]  # not the overall grade too


def test_ordinary_questions_are_not_record_questions():
    assert asks_records("What overall grades has Kent received from Ofsted?", RECORDS) == "judgement"  # every one of them
    # a grade asked at each inspection is every one of them too
    assert asks_records("How was Kent's overall effectiveness judged at each of its inspections held in the library?", RECORDS) == "judgement"
    assert asks_records("How was Kent's overall effectiveness judged each time?", RECORDS) == "judgement"
    assert asks_records("For a governance paper: what overall verdict did Ofsted give Kent at each inspection you hold?", RECORDS) == "judgement"
    assert asks_records("What did Ofsted say about supervision in Kent at each inspection?", RECORDS) is None
    assert asks_records("What did Ofsted say about supervision in Kent?", RECORDS) is None
    assert asks_records("Who owns action 2.1?", RECORDS) is None
    assert asks_records("Which product was procured for the new case management system?", RECORDS) is None


def test_an_area_is_each_reports_own_closest_row():
    question = "What grades did Sefton get for care leavers?"
    found = answer_records(question, asks_records(question, RECORDS), RECORDS, ("Sefton",))
    assert [c.passage_id for c in found.citations] == ["sefton-2019#judgement-children_in_care_and_care_leavers", "sefton-2022#judgement-care_leavers"]


def test_both_areas_named_in_full_and_a_grade_set_against_another():
    rows = [
        judgement("sth-2019", "St Helens", "2019-10-04", "children_in_care_and_care_leavers", "The experiences and progress of children in care and care leavers", "inadequate"),
        judgement("sth-2023", "St Helens", "2023-07-21", "children_in_care", "The experiences and progress of children in care", "good"),
        judgement("sth-2023", "St Helens", "2023-07-21", "care_leavers", "The experiences and progress of care leavers", "outstanding"),
        judgement("sth-2023", "St Helens", "2023-07-21", "help_and_protection", "The experiences and progress of children who need help and protection", "requires improvement"),
    ]
    question = "How did St Helens' grades for children in care and care leavers change between 2019 and 2023?"
    found = answer_records(question, asks_records(question, rows), rows, ("St Helens",), year_span(question))
    assert "care leavers — outstanding" in found.text and "children in care — good" in found.text and "help" not in found.text
    question = "What grades did St Helens get for care leavers?"  # not also its children in care row
    found = answer_records(question, asks_records(question, rows), rows, ("St Helens",))
    assert "children in care — good" not in found.text
    lac = [
        judgement("san-2013", "Sandwell", "2013-06-28", "capacity_to_improve", "Capacity to improve", "adequate"),
        judgement("san-2013", "Sandwell", "2013-06-28", "outcomes_for_looked_after_children_and_young_people", "Outcomes for looked after children and young people", "adequate"),
        judgement("san-2013", "Sandwell", "2013-06-28", "quality_of_provision", "Quality of provision", "inadequate"),
    ]
    question = "In the inspection of looked after children services in Sandwell, which areas were judged adequate rather than inadequate?"
    found = answer_records(question, asks_records(question, lac), lac, ("Sandwell",))
    assert found.text.count("— adequate") == 2 and "inadequate" not in found.text.split(":", 1)[1]


# --- questions about one inspection: who led it, when, its grades -------------------------------

from assistant.cover import answer_cover, asks_cover, asks_publication, inspections  # noqa: E402
from index.store import DocumentRecord  # noqa: E402


def record(doc_id, start, end, lead, framework="ILACS standard", kind="inspection_report"):
    return DocumentRecord(
        doc_id=doc_id, title=f"Inspection of Kent ({end[:4]})", kind=kind, authority="Kent", publisher="Ofsted", date=end,
        source=f"{doc_id}.pdf", path=f"{doc_id}.pdf", format="pdf", content_hash="h", passage_count=3, pages=10, indexed_at=0.0,
        framework=framework, start_date=start, end_date=end, lead_inspector=lead,
    )


KENT = [record("kent-2017", "2017-02-27", "2017-03-23", "Linda Steele", "SIF"), record("kent-2022", "2022-05-09", "2022-05-20", "Brenda McLaughlin"),
        record("kent-2025", "2025-11-03", "2025-11-07", "Steve Lowe")]


def cover_passages(doc_id):
    r = next(r for r in KENT if r.doc_id == doc_id)
    base = dict(doc_id=doc_id, heading=(), start=0, end=10, context="", ordinal=0, page=1, title=r.title, doc_kind=r.kind,
                authority="Kent", publisher="Ofsted", date=r.end_date, fields={})
    return [
        StoredPassage(passage_id=f"{doc_id}#p1", text="Inspection dates: placeholder " + (r.end_date[8:].lstrip("0") + " " + {"03": "March", "05": "May", "11": "November"}[r.end_date[5:7]] + " " + r.end_date[:4]), locator="page 1, paragraph 1", kind="field", **base),
        StoredPassage(passage_id=f"{doc_id}#p2", text=f"Lead inspector: {r.lead_inspector}, His Majesty’s Inspector", locator="page 1, paragraph 2", kind="field", **base),
    ]


def test_a_grade_is_asked_of_the_review_or_report_that_judged_it():
    # "how did the review judge the LSCB?": the inspection's own report or review judges too
    assert asks_cover("Salford 2015: who was deputy lead inspector, and how did the review judge the LSCB?") == {"lead", "grades"}
    assert asks_cover("How did the 2015 review judge Salford's LSCB?") == {"grades"}
    assert asks_cover("How did the spring 2015 inspection rate Salford's services for care leavers?") == {"grades"}


def test_the_inspections_a_lead_inspector_led_are_listed_from_their_covers():
    from assistant.cover import led_by

    others = [record("sefton-2022", "2022-01-10", "2022-01-21", "Brenda McLaughlin")]
    for question in ("Which inspections did Brenda McLaughlin lead?", "Which councils has Brenda McLaughlin inspected?"):
        assert [r.doc_id for r in led_by(question, KENT + others)] == ["sefton-2022", "kent-2022"], question
    assert led_by("What did Brenda McLaughlin say about supervision?", KENT) == []  # not a question of which inspections
    assert asks_cover("When was the report on Kent's 2016 inspection published?") == {"published"}
    assert asks_cover("Kent's inspection finished in December 2016. When did the report actually come out?") == {"published"}
    assert asks_cover("ealing summer 2016 inspection - date the report came out?") == {"published"}
    assert asks_cover("When was the report of Ofsted's January–February 2015 inspection of Leicester City's children's services published?") == {"published"}
    assert asks_cover("greenwich SIF may-june 2016 - adoption performance grade, and date the report was published?") == {"grades", "published"}
    # the dates it was carried out, of the inspection its publication picks out
    assert asks_cover("Over what dates did Ofsted carry out the Kent inspection published in February 2017?") == {"dates"}


@pytest.mark.parametrize("question, asked", [
    ("Who led the 2017 single inspection of Kent?", {"lead"}),
    ("kent nov 2017 who led it", {"lead"}),
    ("When was Kent inspected and who led it?", {"lead", "dates"}),
    # a relative clause is no ask of the lead inspector
    ("What is the name of Kent's director of children's services who led the improvements Ofsted praised in 2017?", set()),
])
def test_who_led_is_asked_of_the_inspection_not_of_someone_the_question_describes(question, asked):
    assert asks_cover(question) == asked


def test_who_led_an_inspection_is_quoted_from_its_cover():
    question = "Who led the 2017 single inspection of Kent?"
    assert asks_cover(question) == {"lead"}
    docs = inspections(question, KENT, ("Kent",), year_span(question))
    assert [d.doc_id for d in docs] == ["kent-2017"]
    found = answer_cover(question, {"lead"}, docs, cover_passages)
    assert [c.passage_id for c in found.citations] == ["kent-2017#p2"] and "Linda Steele" in found.text


def test_the_team_s_other_roles_are_quoted_from_their_cover_lines_and_a_role_asked_by_its_own():
    question = "Was anyone shadowing the inspection team at Kent's 2017 inspection? If so, who?"
    assert asks_cover(question) == {"team"} and asks_cover("Who was the shadow inspector at Kent's 2017 inspection?") == {"team"}
    docs = [DocumentRecord(**{**KENT[0].__dict__, "inspectors": ("Jane Doe", "John Roe")})]
    base = dict(doc_id="kent-2017", heading=(), start=0, end=10, context="", ordinal=0, page=1, title=docs[0].title, doc_kind=docs[0].kind,
                authority="Kent", publisher="Ofsted", date="2017-03-23", fields={})
    lines = ["Lead inspector: Linda Steele", "Team inspectors: Jane Doe, John Roe", "Shadow inspector: Joy Smith"]
    passages = [StoredPassage(passage_id=f"kent-2017#p{i}", text=t, locator=f"page 1, paragraph {i}", kind="field", **base) for i, t in enumerate(lines)]
    found = answer_cover(question, {"team"}, docs, lambda doc_id: passages)
    assert "“Shadow inspector: Joy Smith”" in found.text and "“Team inspectors: Jane Doe, John Roe”" in found.text
    one = answer_cover("Who was the shadow inspector at Kent's 2017 inspection?", {"team"}, docs, lambda doc_id: passages)
    assert [c.passage_id for c in one.citations] == ["kent-2017#p2"]
    # the single inspection's cover names more of the team: each role asked by its own line
    more = [StoredPassage(passage_id=f"kent-2017#p{i}", text=t, locator=f"page 1, paragraph {i}", kind="field", **base)
            for i, t in enumerate(["Quality assurance manager: Ann Gray", "Senior data analyst: Bob Green"], start=3)]
    asked = "Apart from the lead and deputy lead inspectors, who were the quality assurance manager and the senior data analyst for Kent's 2017 inspection?"
    assert asks_cover(asked) == {"team"}
    both = answer_cover(asked, asks_cover(asked), docs, lambda doc_id: passages + more)
    assert sorted(c.passage_id for c in both.citations) == ["kent-2017#p3", "kent-2017#p4"]
    # a role's line the report writes as a sentence ("Quality assurance manager: Ann Gray Senior HMI.")
    written = [replace(more[0], text="Quality assurance manager: Ann Gray Senior HMI.", kind="paragraph"), more[1]]
    both = answer_cover(asked, asks_cover(asked), docs, lambda doc_id: passages + written)
    assert sorted(c.passage_id for c in both.citations) == ["kent-2017#p3", "kent-2017#p4"]
    # a role's line with a word before it ("Shadow senior data analyst: …")
    shadow = more + [replace(more[1], passage_id="kent-2017#p5", text="Shadow senior data analyst: Cy Brown")]
    analysts = answer_cover("Which data analysts supported Kent's 2017 inspection, including any shadow analyst?", {"team"}, docs, lambda doc_id: passages + shadow)
    assert sorted(c.passage_id for c in analysts.citations) == ["kent-2017#p4", "kent-2017#p5"]
    # a role asked by what it does: its line, and no ask of the lead; not what the council's own staff did
    for asked, lines in (("Who quality-assured Ofsted's 2017 inspection of Kent?", ["kent-2017#p3"]),
                         ("Who provided data analysis and quality assurance for Ofsted's 2017 inspection of Kent?", ["kent-2017#p3", "kent-2017#p4"]),
                         ("Who did the data analysis for the 2017 inspection of Kent?", ["kent-2017#p4"])):
        assert asks_cover(asked) == {"team"}
        found = answer_cover(asked, {"team"}, docs, lambda doc_id: passages + more)
        assert sorted(c.passage_id for c in found.citations) == lines
    assert asks_cover("Who quality assured audits in Kent, according to the 2017 inspection?") == set()
    # a role asked by its initials ("QA manager"): its line
    asked = "kent 2017 inspection - QA manager?"
    assert asks_cover(asked) == {"team"}
    assert [c.passage_id for c in answer_cover(asked, {"team"}, docs, lambda doc_id: passages + more).citations] == ["kent-2017#p3"]
    # the team asked for beside a role: the team's lines and the role's
    asked = "Besides the lead, which inspectors made up the team for Kent's 2017 inspection, and who was the quality assurance manager?"
    both = answer_cover(asked, asks_cover(asked), docs, lambda doc_id: passages + more)
    assert "“Team inspectors: Jane Doe, John Roe”" in both.text and "“Quality assurance manager: Ann Gray”" in both.text


def test_how_big_the_team_was_is_quoted_from_the_sentence_that_says_so_where_the_report_has_one():
    # the 2017 report says in its body how big its team was: that sentence, not the names, answers
    # how big or how many; a report that only names its team answers with its names' lines
    docs = [DocumentRecord(**{**KENT[0].__dict__, "inspectors": ("Jane Doe", "John Roe")})]
    base = dict(doc_id="kent-2017", heading=(), start=0, end=10, context="", ordinal=0, page=1, title=docs[0].title, doc_kind=docs[0].kind,
                authority="Kent", publisher="Ofsted", date="2017-03-23", fields={})
    cover_lines = [StoredPassage(passage_id=f"kent-2017#p{i}", text=t, locator=f"page 1, paragraph {i}", kind="field", **base)
                   for i, t in enumerate(["Lead inspector: Linda Steele", "Team inspectors: Jane Doe, John Roe"])]
    body = StoredPassage(passage_id="kent-2017#p9", text="The inspection was carried out under section 136. The inspection team consisted of six of Her Majesty’s Inspectors (HMI) from Ofsted.",
                         locator="page 30, paragraph 4", kind="paragraph", **base)
    for question in ("How big was the inspection team at Kent's 2017 inspection?", "How many people were in the inspection team for Kent's 2017 inspection?"):
        assert asks_cover(question) == {"team"}
        found = answer_cover(question, {"team"}, docs, lambda doc_id: cover_lines + [body])
        assert [c.passage_id for c in found.citations] == ["kent-2017#p9"]
        assert "“The inspection team consisted of six of Her Majesty’s Inspectors (HMI) from Ofsted.”" in found.text
    names = answer_cover("How big was the inspection team at Kent's 2017 inspection?", {"team"}, docs, lambda doc_id: cover_lines)
    assert "“Team inspectors: Jane Doe, John Roe”" in names.text
    who = answer_cover("Who were the inspectors on Kent's 2017 inspection team?", {"team"}, docs, lambda doc_id: cover_lines + [body])
    assert "kent-2017#p9" not in [c.passage_id for c in who.citations]


def test_an_inspection_s_dates_are_quoted_from_its_dates_line_written_in_figures():
    # the 2015 report prints "Inspection date: 1/06/2015 – 25/06/2015": its dates line, not a date as words
    question = "When did Ofsted carry out its 2015 single inspection of Kent's children's services?"
    docs = [record("kent-2015", "2015-06-01", "2015-06-25", "Linda Steele", "SIF")]
    base = dict(doc_id="kent-2015", heading=(), start=0, end=10, context="", ordinal=0, page=1, title=docs[0].title, doc_kind=docs[0].kind,
                authority="Kent", publisher="Ofsted", date="2015-06-25", fields={})
    passages = [
        StoredPassage(passage_id="kent-2015#p1", text="Inspection date: 1/06/2015 – 25/06/2015", locator="page 1, paragraph 1", kind="field", **base),
        StoredPassage(passage_id="kent-2015#p2", text="Report published: 10/08/2015", locator="page 1, paragraph 2", kind="field", **base),
    ]
    found = answer_cover(question, asks_cover(question), docs, lambda doc_id: passages)
    assert found is not None and [c.passage_id for c in found.citations] == ["kent-2015#p1"]
    assert "“Inspection date: 1/06/2015 – 25/06/2015”" in found.text


@pytest.mark.parametrize("question, asked", [
    ("Who ran Kent's out-of-hours duty service at the time of Ofsted's 2017 inspection?", set()),  # the service was run, not the inspection
    ("What was the e-safety initiative led by Kent's safeguarding board called at the 2017 inspection?", set()),
    ("Which of Kent's inspections were led by Linda Steele?", {"lead"}),
    ("Who was in charge of the Ofsted team for Kent's 2017 inspection?", {"lead"}),
    ("Who carried out the 2017 inspection of Kent?", {"lead"}),
    ("Who inspected Kent?", {"lead"}),
])
def test_who_ran_or_led_is_asked_of_the_inspection_only_when_the_inspection_is_what_was_run(question, asked):
    assert asks_cover(question) & {"lead"} == asked


def test_the_kind_of_inspection_is_quoted_from_the_reports_title_and_its_dates():
    question = "What type of inspection did Ofsted carry out of Kent's children's services in 2017?"
    assert "kind" in asks_cover(question)
    docs = inspections(question, KENT, ("Kent",), year_span(question))
    title = StoredPassage(
        passage_id="kent-2017#title", doc_id="kent-2017", text="Kent County Council Inspection of services for children in need of help and protection",
        locator="title, page 1", heading=(), start=0, end=84, context="", ordinal=-1, kind="title", page=1, title=docs[0].title,
        doc_kind="inspection_report", authority="Kent", publisher="Ofsted", date=docs[0].end_date, fields={},
    )
    found = answer_cover(question, {"kind"}, docs, cover_passages, title_of={"kent-2017": title}.get)
    assert [c.passage_id for c in found.citations] == ["kent-2017#title", "kent-2017#p1"]
    assert "single inspection framework (SIF) inspection, by its title and dates: “Kent County Council Inspection of services" in found.text
    # a report whose title is not printed: the dates line alone, as before
    alone = answer_cover(question, {"kind"}, docs, cover_passages)
    assert [c.passage_id for c in alone.citations] == ["kent-2017#p1"] and "by its title and dates: “Inspection dates" in alone.text


def test_the_most_recent_or_the_last_before_a_year():
    assert [d.doc_id for d in inspections("Who led Ofsted's most recent inspection of Kent?", KENT, ("Kent",), year_span("Who led Ofsted's most recent inspection of Kent?"))] == ["kent-2025"]
    assert [d.doc_id for d in inspections("When was Kent last inspected before 2022?", KENT, ("Kent",), year_span("When was Kent last inspected before 2022?"))] == ["kent-2017"]
    assert [d.doc_id for d in inspections("Who led Kent's inspections since 2020?", KENT, ("Kent",), year_span("Who led Kent's inspections since 2020?"))] == ["kent-2022", "kent-2025"]
    # asked of the present: the latest
    for question in ("What is Kent's current Ofsted rating?", "Is Kent rated good by Ofsted?", "How is Kent rated now?"):
        assert [d.doc_id for d in inspections(question, KENT, ("Kent",), year_span(question))] == ["kent-2025"], question


def test_when_asks_about_the_inspection_only_when_the_inspection_is_what_it_asks():
    assert asks_cover("When did Ofsted inspect Kent in 2025, and who led the inspection?") == {"dates", "lead"}
    assert asks_cover("When was Kent's most recent inspection?") == {"dates"}
    assert asks_cover("When did social work caseloads in Kent begin to rise, according to the 2022 inspection?") == set()


def test_a_questions_years_are_read_once_for_every_kind_of_answer():
    span = year_span("How did Kent's grades change between 2014 and 2019, and what was said in 2022?")
    assert (set(span.exact), span.since, span.before) == ({2022}, 2014, 2020)
    assert year_span("When was Kent last inspected before 2022?").before == 2022


def test_a_comparison_of_inspections_with_no_topic_is_answered_by_their_judgements():
    from assistant.records import compares_inspections

    for question, topic in [
        ("How did Kent and Sefton compare in their 2022 inspections?", "How did and compare in their 2022 inspections"),
        ("How did Ofsted's view of Kent change between 2013 and 2022?", "How did Ofsted's view change between 2013 and 2022"),
        ("Compare Kent's and Sefton's 2022 inspection outcomes.", "Compare and 2022 inspection outcomes"),
    ]:
        assert compares_inspections(question, topic), question
    # a topic is for the passages; no comparison is not a comparison
    assert not compares_inspections("How did supervision in Kent change between 2013 and 2022?", "How did supervision change between 2013 and 2022")
    assert not compares_inspections("What did Ofsted say about Kent in 2022?", "What did Ofsted say in 2022")
    question = "How did Kent and Sefton compare in their 2022 inspections?"
    found = answer_records(question, "judgement", RECORDS, ("Kent", "Sefton"), year_span(question))
    assert [(c.doc_id, c.text.split()[-1]) for c in found.citations] == [
        ("kent-2022", "Outstanding"), ("kent-2022", "Good"), ("sefton-2022", "Inadequate"), ("sefton-2022", "Inadequate"),
    ]


def test_a_grade_question_about_what_no_judgement_covers_is_not_answered_with_every_grade():
    from assistant.records import asks_beyond_judgements

    for question, topic in [
        ("What grade did Ofsted give Kent's secondary schools?", "What grade did Ofsted secondary schools"),
        ("What grade will Kent get at its next inspection?", "What grade will at its next inspection"),
        # another service's care: more words than the children in care judgement has
        ("What rating did Ofsted give Kent's adult social care services?", "What rating did Ofsted adult social care services"),
    ]:
        assert asks_records(question, RECORDS) == "judgement"
        assert asks_beyond_judgements(question, topic, RECORDS), question
    for question, topic in [
        ("How has Kent's overall judgement changed since 2013?", "How has overall judgement changed since 2013"),
        ("What grade did Kent get for care leavers in 2022?", "What grade did for care leavers in 2022"),
        ("Which authorities were judged inadequate in 2022?", "Which authorities were judged inadequate in 2022"),
        ("How did Ofsted rate Kent in 2022?", "How did Ofsted rate in 2022"),  # the verb frames, as "rated" does
        ("How did Ofsted judge Kent's children's services in 2022?", "How did Ofsted judge children's services in 2022"),
        # each part of the services: the judgements, one per area
        ("What grades did Ofsted give each part of Kent's children's services in 2022?", "What grades did Ofsted each part children's services in 2022"),
    ]:
        assert not asks_beyond_judgements(question, topic, RECORDS), question


def test_how_an_authority_came_out_overall_and_which_area_got_the_top_grade_is_every_row():
    from assistant.cover import _grades

    rows = inspection_rows("herts-2018", "Hertfordshire", "2018-10-19", overall_effectiveness="good", impact_of_leaders="outstanding", help_and_protection="good")
    question = "How did Hertfordshire come out overall at its October 2018 inspection, and which judgement area got the top grade?"
    assert asks_cover(question) == {"grades"}
    assert len(_grades(question, rows)) == 3
    # an area's grade asked, and another's after "and" with nothing more
    assert asks_cover("islington march 2020 - what did help and protection get, and children in care and care leavers?") == {"grades"}


def test_an_inspection_named_by_its_title_is_not_a_judgement_area_and_its_conclusion_is_its_grades():
    from dataclasses import replace

    from assistant.cover import _grades

    title = "Inspection of looked after children services Sandwell Metropolitan Borough Council"
    rows = [replace(judgement("sandwell-2013", "Sandwell", "2013-06-28", area, label, grade), title=title) for area, label, grade in (
        ("overall_effectiveness", "Overall effectiveness", "inadequate"),
        ("outcomes_for_looked_after_children_and_young_people", "Outcomes for looked after children and young people", "adequate"))]
    question = "Who was the reporting inspector for Sandwell's 2013 looked after children inspection, and what was the grade?"
    assert [p.fields["grade"] for p in _grades(question, rows)] == ["inadequate", "adequate"]  # every row: no area was asked
    assert [p.fields["grade"] for p in _grades("What grade did Sandwell get in 2013 for outcomes for looked after children?", rows)] == ["adequate"]
    assert asks_cover("Who led the 2015 inspection of Devon and what did it conclude?") == {"lead", "grades"}


def test_the_latest_is_each_named_authoritys_latest():
    from dataclasses import replace

    sefton = [replace(record(doc_id, start, end, lead), authority="Sefton") for doc_id, start, end, lead in (
        ("sefton-2019", "2019-02-04", "2019-02-15", "Someone"), ("sefton-2022", "2022-03-07", "2022-03-18", "Someone Else"))]
    question = "Compare Kent's latest inspection with Sefton's latest."
    docs = inspections(question, KENT + sefton, ("Kent", "Sefton"), year_span(question))
    assert sorted(d.doc_id for d in docs) == ["kent-2025", "sefton-2022"]


def test_below_or_better_than_a_grade_is_the_grades_under_or_over_it():
    question = "Which judgement areas in Kent were rated below outstanding in 2022?"
    found = answer_records(question, asks_records(question, RECORDS), RECORDS, ("Kent",), year_span(question))
    assert [c.passage_id for c in found.citations] == ["kent-2022#judgement-care_leavers"]
    question = "Which authorities were judged better than inadequate overall in 2022?"
    found = answer_records(question, asks_records(question, RECORDS), RECORDS, (), year_span(question))
    assert [c.passage_id for c in found.citations] == ["kent-2022#judgement-overall_effectiveness"]  # not Sefton's or Nottingham's


def test_cover_questions_asked_in_other_words():
    assert asks_cover("Which of His Majesty's Inspectors led the July 2018 inspection of Kent?") == {"lead"}
    assert asks_cover("On what dates did Ofsted carry out its 2017 re-inspection of Kent?") == {"dates"}
    assert asks_cover("When did Ofsted's most recent inspection of Kent's children's services take place?") == {"dates"}
    assert asks_cover("How did Ofsted rate adoption performance in Kent in 2017?") == {"grades"}
    assert asks_cover("What is the name of the family judge who commended Kent's assessments?") == set()
    assert asks_cover("On what date was Ofsted's 2021 focused-visit letter to Kent written?") == set()  # the letter's date
    assert asks_cover("What is the oldest inspection of Kent you hold, and what was its overall outcome?") == {"dates", "grades"}
    assert asks_cover("What were the outcomes for children in care in Kent?") == set()


def test_a_report_is_of_the_year_it_was_published_as_well():
    late = record("kent-2013b", "2013-11-19", "2013-12-11", "Linda Steele", "SIF")
    late = DocumentRecord(**{**late.__dict__, "published": "2014-02-11"})
    question = "When did inspectors carry out the inspection of Kent published in 2014?"
    assert [d.doc_id for d in inspections(question, KENT + [late], ("Kent",), year_span(question))] == ["kent-2013b"]


@pytest.mark.parametrize(
    "question, fields",
    [
        ("What were the dates of Kent's 2018 inspection?", {"dates"}),
        ("How long did the 2018 inspection of Kent last?", {"dates"}),
        ("In which month was Kent inspected in 2023?", {"dates"}),
        ("When did the 2023 Kent inspection finish?", {"dates"}),
        ("When in 2020 did Ofsted inspect Kent, and what overall judgement did it give?", {"dates", "grades"}),
        ("Who inspected Kent in 2018?", {"lead"}),
        ("Who carried out the 2018 inspection of Kent?", {"lead"}),
        ("Who was in charge of the 2023 Kent inspection?", {"lead"}),
        ("Which inspector was in charge of Ofsted's spring 2015 inspection of Kent?", {"lead"}),
        ("Was the same HMI in charge of Kent's 2022 inspection and Sefton's 2024 inspection? If so, who?", {"lead"}),
        ("Did the same inspector lead Kent's 2022 inspection and Sefton's 2024 one?", {"lead"}),
        ("What did inspectors say about the lead member in charge of children's services in Kent?", set()),
        ("How long were inspectors on site for Kent's 2019 inspection, and on which dates?", {"dates"}),
        ("How long were Ofsted inspectors on site for Kent's 2019 inspection?", {"dates"}),
        ("When did the report from Kent's November–December 2015 inspection come out?", {"published"}),
        ("How did Kent do in its 2023 inspection?", {"grades"}),
        ("What was the outcome of Kent's 2018 inspection?", {"grades"}),
        ("What was the result of Kent's last Ofsted inspection?", {"grades"}),
        ("Who did the work on exploitation in Kent?", set()),
        ("Who visited children in care in Kent?", set()),
        ("Who carried out the audit of cases?", set()),
    ],
)
def test_cover_questions_as_people_ask_them(question, fields):
    assert asks_cover(question) == fields


def test_the_kind_of_inspection_named_is_not_a_topic_beyond_its_judgements():
    from assistant.records import asks_beyond_judgements

    assert not asks_beyond_judgements("What grade did Kent get in its 2017 single inspection?", "What grade did get in its 2017 single inspection", RECORDS)
    assert asks_beyond_judgements("What grade did Kent's secondary schools get?", "What grade did secondary schools get", RECORDS)
    # going through each inspection, and each time, is the framing of an ask over every inspection
    asked = "Going through every Kent inspection in the library, what grade did services for care leavers get each time?"
    assert not asks_beyond_judgements(asked, "Going through every inspection in the library, what grade did services for care leavers each time", RECORDS)
    # ("you've": no word of a topic)
    asked = "kent - what overall grade did it get each time (the ones you've got)? has it got back to good?"
    assert not asks_beyond_judgements(asked, "what overall grade did it each time (the ones you've got)? has it back to good", RECORDS)
    # and whether it is moving the right way, or in which direction, is how the grades changed
    asked = "kent - what did care leavers get each time ofsted inspected? is it moving the right way?"
    assert not asks_beyond_judgements(asked, "what did care leavers each time ofsted inspected? is it moving the right way", RECORDS)


def test_a_report_that_gives_no_publication_date_is_published_the_year_after_a_late_inspection():
    late = record("kent-2013c", "2013-11-19", "2013-12-11", "Linda Steele", "SIF")
    question = "When did inspectors carry out the inspection of Kent that was published in early 2014?"
    assert [d.doc_id for d in inspections(question, KENT + [late], ("Kent",), year_span(question))] == ["kent-2013c"]
    assert inspections("Who led Kent's 2014 inspection?", KENT + [late], ("Kent",), year_span("Who led Kent's 2014 inspection?")) == []
    # a report placed by its year ("the early-2014 Kent report", "the one reported in 2014") is placed by its publication
    for question in ("Who led the inspection behind Ofsted's early-2014 Kent report?", "Who led Kent's inspection reported in January 2014?"):
        assert [d.doc_id for d in inspections(question, KENT + [late], ("Kent",), year_span(question))] == ["kent-2013c"], question
    assert not asks_publication("What did Kent's 2014 inspection report say about supervision?")  # its inspection's year


def test_an_area_below_a_grade_of_one_inspection():
    from assistant.records import graded_against, short_of_stated

    asked = "Kent was judged good overall in 2017 — was any judgement area rated lower than good?"
    assert set(graded_against(asked, {"good", "requires improvement", "outstanding"})) == {"requires improvement"}
    assert graded_against("Was Kent judged good overall in 2017?", {"good", "requires improvement"}) is None
    # the grade compared with may follow the verb of judging ("not rated outstanding")
    asked = "Kent was judged outstanding overall in 2022. Which area was not rated outstanding, and what grade did it get?"
    assert set(graded_against(asked, {"good", "requires improvement", "outstanding"})) == {"good", "requires improvement"}
    # "wasn't", as "not"
    assert graded_against("essex 2018 - which judgement wasn't outstanding?", {"good", "outstanding"}) == ["good"]
    # the parts that let it down: those under the grade the statement names
    assert set(short_of_stated("Kent has never been judged good overall. Which parts let it down?", {"good", "requires improvement", "inadequate"})) == {"inadequate", "requires improvement"}
    # lower, with nothing after it, than the grade the statement names
    assert short_of_stated("Kent came out good overall in 2019. Which judgement was lower?", {"good", "outstanding", "inadequate"}) == ["inadequate"]
    assert short_of_stated("Which judgement was lower in Kent in 2019?", {"good", "inadequate"}) is None
    # "not" the lowest grade a report gives: the grades above it
    asked = "Blackpool was judged inadequate overall in 2018. Which judgement area was not inadequate, and what grade did it get?"
    assert graded_against(asked, {"inadequate", "requires improvement"}) == ["requires improvement"]
    assert graded_against("Which area was below good?", {"good", "outstanding"}) == []
    # an area that escaped a grade was not given it
    asked = "Blackpool was found inadequate in 2018. Which of the graded areas escaped an inadequate judgement, and what did they get?"
    assert graded_against(asked, {"inadequate", "requires improvement"}) == ["requires improvement"]


def test_what_an_authority_got_for_an_area_at_each_inspection_asks_its_records():
    from assistant.records import asks_beyond_judgements, asks_records

    rows = [judgement(f"kent-{year}", "Kent", f"{year}-05-20", "children_in_care", "The experiences and progress of children in care", grade)
            for year, grade in ((2018, "good"), (2022, "outstanding"))]
    assert asks_records("what did kent get for its children in care at each ofsted inspection you have?", rows) == "judgement"
    assert asks_records("kent - what did it get overall each time ofsted came in?", rows) == "judgement"
    assert asks_records("kent - what did the children in care side get at each inspection you've got?", rows) == "judgement"
    # ... or by a verb of grading ("how did ofsted rate its leadership each time?")
    assert asks_records("kent - how did ofsted rate its children in care each time?", rows) == "judgement"
    # ... or in everyday words ("kids"), and asked whether it has gone downhill
    assert asks_records("kent - what did the kids in care side get each time ofsted came?", rows) == "judgement"
    assert not asks_beyond_judgements("kent - what did the kids in care side get each time? has it gone downhill?", "the kids in care side each time? has it gone downhill", rows)
    # ... or "from each inspection", asked whether it was "marked down"
    assert asks_records("Was Kent's children in care marked down by Ofsted? Its grade from each inspection you hold, please.", rows) == "judgement"
    assert not asks_beyond_judgements("Was Kent's children in care marked down? Give me its grade from each inspection.", "children in care marked down? its grade from each inspection", rows)
    # ... or the area said before an ask that refers back to it
    assert asks_records("Kent's children in care - has it got better? What did it get at each inspection?", rows) == "judgement"
    assert not asks_beyond_judgements("kent - what did the children in care side get at each inspection you've got?", "the children in care side at each inspection", rows)


def test_each_judgement_area_and_the_overall_one_asked_together_are_every_row():
    rows = inspection_rows("bexley-2023", "Bexley", "2023-02-10", overall_effectiveness="outstanding", impact_of_leaders="outstanding", help_and_protection="good")
    question = "For a briefing on Bexley: what grades did each judgement area get at the February 2023 inspection, and what was the overall effectiveness?"
    found = answer_records(question, "judgement", rows, ("Bexley",), year_span(question))
    assert len(found.citations) == 3


def test_the_areas_that_kept_an_authority_from_a_grade_are_those_below_it():
    rows = inspection_rows("bristol-2023", "Bristol", "2023-01-27", overall_effectiveness="requires improvement", impact_of_leaders="requires improvement",
                           help_and_protection="requires improvement", children_in_care="good")
    for question in ("Which judgement areas kept Bristol from a good overall grade at the January 2023 inspection?",
                     "What stopped Bristol getting good in 2023?"):
        found = answer_records(question, "judgement", rows, ("Bristol",), year_span(question))
        cited = {c.passage_id.split("-", 2)[-1] for c in found.citations}
        assert {"impact_of_leaders", "help_and_protection"} <= cited and "children_in_care" not in cited, question


def test_an_ask_over_every_inspection_after_a_statement_naming_one_lists_every_year_of_its_own_area():
    from assistant.records import listing_span

    rows = [judgement(f"kent-{year}", "Kent", f"{year}-05-20", area, label, grade) for year, grades in ((2014, ("requires improvement", "inadequate")), (2023, ("requires improvement", "good")))
            for area, label, grade in zip(("help_and_protection", "overall_effectiveness"), ("The experiences and progress of children who need help and protection", "Overall effectiveness"), grades)]
    question = "kent got good overall in 2023 - but has help and protection for children ever been rated good at any of its inspections you have?"
    span = listing_span([], year_span(question), question)
    assert span == YearSpan()
    found = answer_records(question, "judgement", rows, ("Kent",), span)
    assert {c.passage_id for c in found.citations} == {"kent-2014#judgement-help_and_protection", "kent-2023#judgement-help_and_protection"}
    assert "help and protection" in found.text.split("\n")[0]
    assert listing_span([], year_span("What grade did Kent get in 2023?"), "What grade did Kent get in 2023?") == year_span("What grade did Kent get in 2023?")


def test_slipping_back_asks_how_the_grades_changed():
    from assistant.records import asks_beyond_judgements

    question = "kent - what overall grade did ofsted give at each inspection from 2013 onwards? did it ever slip back?"
    assert compares_over_time(question)
    assert not asks_beyond_judgements(question, "what overall grade at each inspection from 2013 onwards? did it ever slip back", RECORDS)


def test_a_degree_of_good_is_no_grade_asked_for():
    question = "kent - has it always been this good? what overall judgement did it get each time ofsted came?"
    found = answer_records(question, "judgement", RECORDS, ("Kent",), year_span(question))
    assert {c.passage_id for c in found.citations} >= {"kent-2013#judgement-overall_effectiveness", "kent-2017#judgement-overall_effectiveness", "kent-2022#judgement-overall_effectiveness"}


def test_a_grade_other_than_one_named_is_every_other_grade():
    question = "Has Kent ever been judged anything other than good overall?"
    found = answer_records(question, "judgement", RECORDS, ("Kent",), year_span(question))
    # (then, asked "ever", the other judgements of the area)
    assert [c.passage_id for c in found.citations] == ["kent-2013#judgement-overall_effectiveness", "kent-2022#judgement-overall_effectiveness", "kent-2017#judgement-overall_effectiveness"]
    assert found.text.startswith("2 of the")
    # of an authority always judged good: none, and what its overall judgements were ("other than good
    # overall" compares a grade; it sets no area aside)
    rows = [judgement(f"sutton-{y}", "Sutton", f"{y}-12-08", area, area, "good") for y in (2016, 2021) for area in ("overall_effectiveness", "help_and_protection")]
    rows.append(judgement("sutton-2016", "Sutton", "2016-12-08", "care_leavers", "The experiences and progress of care leavers", "requires improvement"))
    question = "Has Sutton's children's services ever been rated anything other than good overall?"
    found = answer_records(question, "judgement", rows, ("Sutton",), year_span(question))
    assert found.text.startswith("None of the")
    assert [c.passage_id for c in found.citations] == ["sutton-2016#judgement-overall_effectiveness", "sutton-2021#judgement-overall_effectiveness"]

def test_not_judged_said_before_a_grade_is_the_verb_not_the_grade():
    # a report whose rows hold "not judged" too: "not judged inadequate" asks for the rows above inadequate
    rows = [p for p in RECORDS if p.doc_id == "sefton-2022"] + [
        judgement("sefton-2022", "Sefton", "2022-03-25", "adoption", "Adoption performance", "requires improvement"),
        judgement("sefton-2022", "Sefton", "2022-03-25", "lscb", "The Local Safeguarding Children Board", "not judged"),
    ]
    question = "Which areas were not judged inadequate in Sefton's 2022 inspection?"
    found = answer_records(question, "judgement", rows, ("Sefton",), year_span(question))
    assert [c.passage_id for c in found.citations] == ["sefton-2022#judgement-adoption"]


def test_the_overall_grade_and_the_areas_below_a_grade_asked_together():
    question = "What overall grade did Kent get in 2022, and which judgement area was rated below outstanding?"
    docs = inspections(question, KENT, ("Kent",), year_span(question))
    rows = [p for p in RECORDS if p.doc_id == "kent-2022"]
    found = answer_cover(question, {"grades"}, docs, lambda doc_id: rows)
    assert [c.passage_id for c in found.citations] == ["kent-2022#judgement-overall_effectiveness", "kent-2022#judgement-care_leavers"]


def test_comparisons_of_grades_asked_in_other_words():
    from assistant.records import compares_inspections

    span = year_span("How did Kent's overall judgement change from the 2015 inspection to the 2017 one?")
    assert (span.since, span.before, set(span.exact)) == (2015, 2018, set())
    assert year_span("Is Kent rated better or worse than at its 2021 inspection?").since == 2021  # then to now
    assert compares_inspections("Did Kent's overall judgement go up or down between 2018 and 2023?", "overall judgement go up or down", RECORDS)
    assert not compares_inspections("How did supervision in Kent change between 2018 and 2023?", "supervision")
    assert compares_inspections("kent 2016 vs 2019 - up or down?", "2016 vs 2019 - up or down")  # "vs" only frames it
    # when they were inspected frames it too ("over exactly the same fortnight")
    assert compares_inspections("Kent and Medway were inspected over exactly the same fortnight in January 2020. How did their overall grades compare?",
                                "and were inspected over exactly the same fortnight How did their overall grades compare")
    assert not compares_inspections("kent supervision 2016 vs 2019 - up or down?", "supervision 2016 vs 2019 - up or down")
    # a grade said in a statement setting the scene: the question asks what was found of its topic
    assert not compares_inspections("Kent was judged inadequate in 2014 — was early help any better than the rest?", "early help", RECORDS)
    from assistant.records import closest_areas

    assert closest_areas("How has Kent's children's services rating changed?", RECORDS) == set()  # no area is named
    # two areas named, each by all its words: both
    rows = inspection_rows("k-2022", "Kent", "2022-04-01", overall_effectiveness="good", impact_of_leaders="good",
                           help_and_protection="good", children_in_care="good")
    assert closest_areas("How were leadership and help and protection graded in 2022?", rows) == {"impact_of_leaders", "help_and_protection"}
    assert closest_areas("How was help and protection graded in 2022?", rows) == {"help_and_protection"}


def test_a_judgement_area_compared_over_time_and_reasons_asked():
    from assistant.records import compares_inspections

    # an area named in its judgement's own words ("The experiences and progress of children who need help and protection")
    assert compares_inspections("Did Kent's help and protection judgement go up or down between 2018 and 2023?", "help and protection judgement go up or down", RECORDS)
    assert not compares_inspections("Did Kent's supervision judgement go up or down between 2018 and 2023?", "supervision judgement go up or down", RECORDS)
    assert not compares_inspections("Has help and protection in Kent got better since 2018?", "help and protection got")  # the findings say
    assert not compares_inspections("Why did Kent's overall judgement fall between 2016 and 2019?", "overall judgement fall")
    assert asks_cover("Ofsted judged care leaver services inadequate in Kent in 2016. What reasons did it give?") == set()
    question = "How has Kent's rating changed since it was judged adequate in 2013?"
    found = answer_records(question, "judgement", RECORDS, ("Kent",), year_span(question))
    assert {c.doc_id for c in found.citations} >= {"kent-2013", "kent-2022"}  # not only the adequate one


def test_the_judgement_areas_a_broad_question_names():
    from assistant.records import areas_named

    separate = [judgement("bury-2025", "Bury", "2025-06-20", area, label, "good") for area, label in [
        ("children_in_care", "The experiences and progress of children in care"),
        ("care_leavers", "The experiences and progress of care leavers"),
        ("help_and_protection", "The experiences and progress of children who need help and protection"),
        ("adoption", "Adoption performance"),
    ]]
    combined = [judgement("sefton-2019", "Sefton", "2019-03-01", "children_in_care_and_care_leavers", "The experiences and progress of children in care and care leavers", "good")]
    assert areas_named("support for care leavers", separate) == {"care_leavers"}  # the most specific, not children in care too
    assert areas_named("support for care leavers", combined) == {"children_in_care_and_care_leavers"}
    assert areas_named("children in care", separate) == {"children_in_care"}
    assert areas_named("young people leaving care", separate) == {"care_leavers"}  # what leaving care names
    assert areas_named("the leaving care service", separate) == {"care_leavers"}
    assert areas_named("care plans", separate) == set()  # "care" alone names no judgement
    assert areas_named("help and protection for disabled children", separate) == {"help_and_protection"}
    assert areas_named("adoption", separate) == {"adoption"}
    assert areas_named("supervision of social workers", separate) == set()
    # a report judging children in care with care leavers: that judgement, for one asked about children in care
    from assistant.records import area_judged_within

    named = areas_named("children in care and permanence", separate)
    assert area_judged_within(named, {"children_in_care_and_care_leavers", "help_and_protection", "overall_effectiveness"}) == "children_in_care_and_care_leavers"
    assert area_judged_within(named, {"children_in_care", "care_leavers"}) is None  # judged on its own: that one
    assert area_judged_within(areas_named("adoption", separate), {"children_in_care_and_care_leavers"}) is None


def test_an_inspections_conclusion_or_verdict_is_its_grades_and_one_about_something_is_its_findings():
    from assistant.ask import _CONCLUSION_OF
    from assistant.query import analyse
    from assistant.records import asks_beyond_judgements

    for question in ("What did the 2022 inspection of Kent conclude?", "What was Ofsted's verdict on Kent in 2022?"):
        assert not asks_beyond_judgements(question, analyse(question, ["Kent"], lambda n: False).topic, RECORDS)
    assert _CONCLUSION_OF.search("What did the 2016 inspection conclude about Havering's services for care leavers?")
    assert not _CONCLUSION_OF.search("What did the 2022 inspection of Kent conclude?")


def test_a_judgement_the_picked_reports_do_not_make_is_named():
    from assistant.cover import unjudged

    areas = {"overall_effectiveness", "adoption", "care_leavers", "help_and_protection", "children_in_care_and_care_leavers"}
    framework_2026 = [judgement("st-2026", "South Tyneside", "2026-06-26", area, label, "good") for area, label in [
        ("help_and_protection", "The experiences and progress of children who need help and protection"),
        ("care_leavers", "The experiences and progress of care leavers"),
    ]]
    assert unjudged("What overall grade did South Tyneside get in 2026?", framework_2026, areas) == "overall effectiveness"
    assert unjudged("What grade did South Tyneside get for adoption in 2026?", framework_2026, areas) == "adoption"
    assert unjudged("What grade did South Tyneside get for care leavers in 2026?", framework_2026, areas) == ""
    assert unjudged("What grades did South Tyneside get in 2026?", framework_2026, areas) == ""
    combined = [judgement("k-2022", "Kent", "2022-05-20", "children_in_care_and_care_leavers", "The experiences and progress of children in care and care leavers", "outstanding"),
                judgement("k-2022", "Kent", "2022-05-20", "overall_effectiveness", "Overall effectiveness", "outstanding")]
    assert unjudged("What was Kent's overall grade in 2022?", combined, areas) == ""
    assert unjudged("What grade did Kent get for care leavers in 2022?", combined, areas) == ""


def test_a_grade_asked_after_every_inspection_shows_the_other_inspections_too():
    asked = "kent - what overall grade did it get each time ofsted inspected? has it got back to good?"
    found = answer_records(asked, "judgement", RECORDS, ("Kent",), year_span(asked))
    overall = [p for p in RECORDS if p.authority == "Kent" and p.fields["area"] == "overall_effectiveness"]
    assert {c.passage_id for c in found.citations if "#judgement-" in c.passage_id} == {p.passage_id for p in overall}
    assert "The other judgements for overall effectiveness in Kent:" in found.text


def test_an_area_asked_beside_the_rows_at_a_grade_is_given_at_its_own_grade():
    rows = [judgement("h-2016", "Havering", "2016-10-20", area, label, grade) for area, label, grade in [
        ("overall_effectiveness", "Children’s services in Havering", "requires improvement"),
        ("adoption", "Adoption performance", "requires improvement"),
        ("care_leavers", "Experiences and progress of care leavers", "inadequate")]]
    asked = "Havering's 2016 inspection: which judgement came out inadequate, and how was adoption performance graded?"
    found = answer_records(asked, "judgement", rows, ("Havering",), year_span(asked))
    assert [c.passage_id for c in found.citations] == ["h-2016#judgement-care_leavers", "h-2016#judgement-adoption"]
    assert "The judgements for adoption in Havering in 2016:" in found.text


def test_the_inspection_named_after_of_is_not_the_judgement_asked_for():
    from dataclasses import replace as with_title

    from assistant.cover import unjudged

    areas = {"overall_effectiveness", "adoption", "outcomes_for_looked_after_children_and_young_people", "children_looked_after"}
    lac = [with_title(judgement("s-2013", "Sandwell", "2013-06-28", area, label, "adequate"), title="Inspection of looked after children services Sandwell")
           for area, label in [("overall_effectiveness", "Overall effectiveness"),
                               ("outcomes_for_looked_after_children_and_young_people", "Outcomes for looked after children and young people")]]
    asked = "What grade did Ofsted give adoption performance in its June 2013 inspection of Sandwell's looked after children services?"
    assert unjudged(asked, lac, areas) == "adoption"


def test_a_judgement_made_under_another_name_is_made():
    from assistant.cover import unjudged

    areas = {"overall_effectiveness", "children_looked_after", "outcomes_for_looked_after_children_and_young_people"}
    lac_2013 = [judgement("m-2013", "Medway", "2013-07-19", area, label, "inadequate") for area, label in [
        ("overall_effectiveness", "Overall effectiveness"),
        ("outcomes_for_looked_after_children_and_young_people", "Outcomes for looked after children and young people"),
    ]]
    assert unjudged("What grade did Medway's 2013 inspection of looked after children get?", lac_2013, areas) == ""
    assert unjudged("How was Medway rated overall for looked after children in 2013?", lac_2013, areas) == ""



def test_a_judgement_is_asked_in_either_framework_s_words():
    from assistant.cover import unjudged
    from assistant.records import named_areas

    areas = {"leadership", "impact_of_leaders", "children_looked_after", "children_in_care", "care_leavers"}
    sif = [judgement("k-2014", "Kent", "2014-05-01", area, label, "good") for area, label in [
        ("leadership", "3. Leadership, management and governance"), ("children_looked_after", "2. Children looked after and achieving permanence"),
    ]]
    ilacs = [judgement("k-2022", "Kent", "2022-05-01", "impact_of_leaders", "The impact of leaders on social work practice", "good")]
    assert unjudged("What was Kent's grade for the impact of leaders in 2014?", sif, areas) == ""
    assert unjudged("How did Ofsted judge leadership in Kent in 2022?", ilacs, areas) == ""
    assert named_areas("What grade did Kent get for children in care in 2014?", {"children_looked_after", "care_leavers"}) == {"children_looked_after"}


def test_the_lead_and_deputy_lead_inspectors_are_both_quoted():
    question = "Who were the lead and deputy lead inspectors for Kent's 2017 inspection?"
    assert asks_cover(question) == {"lead"}  # "lead inspectors", in the plural
    docs = inspections(question, KENT, ("Kent",), year_span(question))
    deputy = StoredPassage(passage_id="kent-2017#p3", doc_id="kent-2017", text="Deputy lead inspector: Lisa Summers", locator="page 1, paragraph 3", kind="field",
                           heading=(), start=0, end=10, context="", ordinal=0, page=1, title="Inspection of Kent (2017)", doc_kind="inspection_report",
                           authority="Kent", publisher="Ofsted", date="2017-03-23", fields={})
    found = answer_cover(question, {"lead"}, docs, lambda doc_id: cover_passages(doc_id) + [deputy])
    assert [c.passage_id for c in found.citations] == ["kent-2017#p2", "kent-2017#p3"]
    assert [c.passage_id for c in answer_cover("Who led Kent's 2017 inspection?", {"lead"}, docs, lambda doc_id: cover_passages(doc_id) + [deputy]).citations] == ["kent-2017#p2"]
    # the deputy, asked as the team's second in command
    second = "Who was second in command of the Ofsted team at Kent's 2017 inspection?"
    assert asks_cover(second) == {"lead"}
    assert "kent-2017#p3" in [c.passage_id for c in answer_cover(second, {"lead"}, docs, lambda doc_id: cover_passages(doc_id) + [deputy]).citations]
    assert asks_cover("Who was second in command at Kent's fostering service in 2017?") == set()  # not of the inspection
    # ... or as "deputy lead" alone, beside another of the team's roles
    assert asks_cover("kent 2017 inspection - who was deputy lead, and who was the data analyst?") == {"lead", "team"}


def test_an_inspection_is_picked_by_its_order_not_by_the_word_alone():
    from assistant.cover import picks_one

    assert picks_one("What grade did Kent get at its most recent inspection?")
    assert picks_one("What grade did Ofsted give Torbay at its first inspection?")
    assert picks_one("What were Kent's latest grades?")
    assert picks_one("Compare our care leavers grade with Portsmouth's latest.")
    assert not picks_one("Which of Kent's judgements were graded good for the first time in 2022?")


def test_a_report_published_the_year_after_its_inspection_says_so():
    from dataclasses import replace as with_

    late = with_(record("kent-2017", "2017-11-06", "2017-11-30", "Linda Steele", "SIF"), published="2018-01-29")
    question = "Who was the lead inspector for Ofsted's 2018 inspection of Kent?"
    docs = inspections(question, [late], ("Kent",), year_span(question))
    assert docs == [late]  # "its 2018 inspection": the one whose report came out in 2018
    found = answer_cover(question, {"lead"}, docs, lambda doc_id: [p for p in cover_passages("kent-2017")])
    assert "6 to 30 November 2017 (published 29 January 2018)" in found.text
    on_time = answer_cover("Who led Kent's 2017 inspection?", {"lead"}, [record("kent-2017", "2017-02-27", "2017-03-23", "Linda Steele", "SIF")], cover_passages)
    assert "published" not in on_time.text


def test_a_grade_asked_for_one_area_lists_that_area_s_rows_only():
    rows = [
        judgement("barnet-2024", "Barnet", "2024-06-14", "children_in_care", "The experiences and progress of children in care", "outstanding"),
        judgement("barnet-2024", "Barnet", "2024-06-14", "care_leavers", "The experiences and progress of care leavers", "good"),
        judgement("york-2024", "York", "2024-03-01", "care_leavers", "The experiences and progress of care leavers", "outstanding"),
    ]
    found = answer_records("Which councils were judged outstanding for care leavers in 2024?", "judgement", rows, (), year_span("in 2024"))
    assert [c.passage_id for c in found.citations] == ["york-2024#judgement-care_leavers"]  # not Barnet's children in care row


def test_the_inspections_of_a_month_are_listed_from_their_records():
    from assistant.cover import inspected_in

    question = "Which councils did Ofsted inspect in May 2022?"
    assert [r.doc_id for r in inspected_in(question, KENT, year_span(question))] == ["kent-2022"]
    assert inspected_in("What did Ofsted find in Kent in May 2022?", KENT, year_span("in May 2022")) == []


def test_a_grade_word_describing_a_noun_asks_for_no_grade():
    # "particularly good practice" says what was praised, not which records to list
    assert asks_records("Which part of Kent's adoption work did Ofsted single out as particularly good practice in 2015?", RECORDS) is None
    assert asks_records("Which authorities were judged good or outstanding in 2022?", RECORDS) == "judgement"
    assert asks_records("Which authorities got a good grade in 2022?", RECORDS) == "judgement"
    assert asks_records("Which authorities were inadequate during 2022?", RECORDS) == "judgement"  # a grade before other words


def test_the_outcome_asked_after_when_an_inspection_was_is_its_grades():
    assert asks_cover("When did Ofsted inspect Hull's children's services in 2019, and what was the outcome?") == {"dates", "grades"}
    assert asks_cover("When did Ofsted inspect Hull in 2019?") == {"dates"}
    # an inspector, a home visit: no inspection whose outcome is asked
    assert "grades" not in asks_cover("How many home visits did social workers make in Kent, and what was the result?")


def test_the_inspection_before_the_one_a_question_names_is_not_that_reports_own_grade():
    from assistant.cover import asks_previous

    question = "According to Ofsted's June 2026 report on South Tyneside, what overall judgement had the council received at its previous inspection?"
    assert asks_previous(question, year_span(question))  # the 2026 report's passages say ("…when it was judged to be inadequate")
    for question in ("What overall judgement did South Tyneside receive in 2026?", "What was Kent's previous inspection grade?"):
        assert not asks_previous(question, year_span(question)), question
    # the kind of the earlier one, named by its year too: both reports' records say (see said_of_earlier)
    kind = "Plymouth's late-2018 inspection report looks back to an earlier Ofsted inspection in 2014. What kind of inspection was that 2014 one?"
    assert not asks_previous(kind, year_span(kind))
    unnamed = "Plymouth's late-2018 inspection report looks back to an earlier Ofsted inspection. What kind of inspection was that?"
    assert asks_previous(unnamed, year_span(unnamed))  # the 2018 report's passages say
    between = "Redcar and Cleveland was inspected in June–July 2022. What kind of Ofsted visit had it had in between?"
    assert asks_previous(between, year_span(between))  # a visit since the one before: what the 2022 report says of it
    been = "Kent's 2014 report says when its services had previously been inspected. When was that, and what was the verdict?"
    assert asks_previous(been, year_span(been))  # "previously been inspected"
    # the inspection before it, asked as when the council was "previously inspected" or "last inspected" before it
    for question in ("What grade did Rochdale get in 2023, and in which year was it previously inspected and with what result?",
                     "Before Ofsted's March 2017 inspection of Kent, when were its child protection services last inspected, and what was found?"):
        assert asks_previous(question, year_span(question)), question
    last = "When was Kent last inspected, and who led it in 2017?"
    assert not asks_previous(last, year_span(last))
    # its previous inspection named by what it inspected ("its previous safeguarding and looked after children inspection")
    named = "Over what dates did Ofsted inspect Bury in 2016, and how had Bury been judged at its previous safeguarding and looked after children inspection?"
    assert asks_previous(named, year_span(named))
    for that in ("Stockport's 2017 inspection: over what dates did it run, and when had Ofsted last inspected before that?",
                 "What dates was Bromley inspected in November 2018, and what had it been judged at the inspection before?",
                 "What had North Somerset been judged at the inspection before the March 2020 one, and what year was that?",
                 "How had Ofsted judged Sheffield's children's services at the inspection before September 2023?",
                 "According to Ofsted's May 2024 report on Oldham, when was the council last inspected and what was it judged then?",
                 "Before Ofsted's 2017 inspection of Newcastle upon Tyne, when had the previous report on its child protection arrangements been published?",
                 "When was Harrow's January 2025 inspection carried out, and when was the borough inspected before that?",
                 "When did Harrow's 2017 inspection run, and when had safeguarding last been inspected before that?",
                 "essex ofsted june 2023 - inspection dates and what was the grade last time?",
                 "When did Ofsted inspect Blackpool in 2022, and when and with what result had Blackpool last been inspected?",
                 # opened by "before" the inspection named: each "last" is of one before it
                 "Before the autumn 2015 inspection, when had Doncaster's child protection arrangements last been looked at by Ofsted and how did they fare?",
                 "Before the January–February 2022 inspection, when had Ofsted last been in, and when was the last full inspection?",
                 # "last inspected" then "before" the one named, a few words on
                 "When was Kirklees last inspected by Ofsted before the June 2019 inspection, and what was the overall judgement then?",
                 "gateshead autumn 2015 inspection (report out march 2016) - when was the one before that on their looked after children services?",
                 # "going by" the report, as "according to" it
                 "Going by the November 2025 Ofsted report on Herefordshire, when was it last inspected and what was its grade then?"):
        assert asks_previous(that, year_span(that)), that


def test_the_inspection_before_a_named_one_is_of_an_earlier_year():
    from assistant.cover import previous_bound

    assert previous_bound("When was Rochdale previously inspected, according to the 2023 report?") == 2023
    assert previous_bound("How had they been judged at the previous inspection in 2017, according to the 2021 report?") == 2021
    assert previous_bound("How had Warwickshire been judged at its previous inspection in 2017?") is None  # that inspection's own year
    assert previous_bound("When was Rochdale inspected in 2023?") is None


def test_a_date_before_a_span_of_months_is_of_an_earlier_year():
    from assistant.extractive import _year_bound

    bound = _year_bound("Before the January–February 2022 inspection, when had Ofsted last been in to look at Kent?")
    assert bound is not None and bound(2020) and not bound(2022)


def test_the_inspection_dates_are_asked_by_week_by_fieldwork_by_when_inspectors_were_on_site_or_of_a_labelled_visit():
    from assistant.cover import asks_of_label

    for question in ("How did Ofsted rate help and protection in Kent in March 2019, and which week was the inspection?",
                     "Which week in 2024 did Ofsted inspect Kent's children's services?",
                     "kent 2017 single inspection - what were the fieldwork dates?",
                     "Exactly when were Ofsted's inspectors on site for the single inspection of Kent in 2015 - first and last day?",
                     "kent 2017 SIF - what were the on-site dates?"):
        assert "dates" in asks_cover(question), question
    # "it" is the visit the label names: its dates (not a label naming something else)
    assert asks_of_label("Kent's 2019 Ofsted visit: when did it happen and what was the verdict on children in care?") == {"dates"}
    assert asks_of_label("Kent's new front door: when did it happen?") == set()
    # the dates asked after a label naming the inspection (and what it was of)
    assert asks_of_label("kent 2019 ofsted inspection of children's social care - what were the dates?") == {"dates"}
    assert asks_of_label("Kent's 2019 focused visit - when was it?") == {"dates"}
    assert asks_of_label("Kent 2017 inspection of care leavers - what were the main findings?") == set()
    # beside another ask: the dates are the label's; the other part is not
    from assistant.cover import asks_only_of_label

    both = "Kent's December 2023 inspection: what were the dates, and how were children in care judged?"
    assert asks_of_label(both) == {"dates"} and asks_only_of_label(both, "what were the dates")
    assert not asks_only_of_label(both, "how were children in care judged")
    assert "dates" not in asks_cover("When were social workers in Kent trained?")
    # "who leads" something the council runs asks no lead inspector; "who led" the inspection does
    assert asks_cover("Who leads Kent's in-house clinical service, and what does it provide, according to the 2026 inspection?") == set()
    assert asks_cover("Who led Ofsted's February–March 2015 inspection of Kent's children's services?") == {"lead"}
    assert asks_cover("When were inspectors on site in Kent, and who led the team?") == {"dates", "lead"}


def test_the_kind_of_inspection_is_its_framework_with_its_dates_line_as_evidence():
    question = "What kind of inspection did Ofsted carry out in Kent in 2022?"
    assert asks_cover(question) == {"kind"}
    assert asks_cover("Was Kent's 2022 inspection a short or a standard inspection?") == {"kind"}
    assert asks_cover("What kind of inspection was Kent's 2018 one, and why?") == set()  # the reasons are in the passages
    # a grade asked first, then why: the grade (its reasons follow it), not the reasons alone
    assert asks_cover("What was Kent's overall judgement in 2015, and why?") == {"grades"}
    assert asks_cover("Kent's 2015 inspection - what was the overall judgement and what reason did Ofsted give for it?") == {"grades"}
    assert asks_cover("Why was Kent's overall judgement good in 2015?") == set()
    assert asks_cover("What framework does Kent's corporate parenting panel use, according to the 2022 inspection?") == set()
    docs = inspections(question, KENT, ("Kent",), year_span(question))
    found = answer_cover(question, {"kind"}, docs, cover_passages)
    assert "An ILACS standard inspection (two weeks on site)" in found.text
    assert [c.passage_id for c in found.citations] == ["kent-2022#p1"]
    sif = answer_cover("Under which inspection framework was Kent inspected in 2017?", {"kind"}, [KENT[0]], cover_passages)
    assert "single inspection framework (SIF)" in sif.text
    again = DocumentRecord(**{**KENT[0].__dict__, "title": "Kent: Re-inspection of services for children in need of help and protection"})
    reinspected = answer_cover("What kind of inspection did Ofsted carry out in Kent in 2017?", {"kind"}, [again], cover_passages)
    assert "A single inspection framework (SIF) re-inspection, by its title and dates" in reinspected.text
    from assistant.cover import framework_label

    assert framework_label("monitoring visit") == "A monitoring visit"  # any other framework, as named


def test_a_later_report_asked_about_beside_an_earlier_one_is_quoted_on_it():
    question = "According to Kent's 2022 report, what type of Ofsted inspection had the council had in 2017?"
    docs = inspections(question, KENT, ("Kent",), year_span(question))
    assert [d.doc_id for d in docs] == ["kent-2017", "kent-2022"]
    told = "Since the single inspection framework (SIF) inspection in 2017, leaders have improved practice."

    def passages(doc_id):
        found = cover_passages(doc_id)
        if doc_id == "kent-2022":
            found.append(replace(found[0], passage_id="kent-2022#p3", kind="paragraph", text=f"{told} Children are seen quickly."))
        return found

    answer = answer_cover(question, {"kind"}, docs, passages)
    assert [c.passage_id for c in answer.citations] == ["kent-2017#p1", "kent-2022#p3", "kent-2022#p1"]
    assert f"- Of the inspection before it: “{told}” [2]" in answer.text and answer.citations[1].quote == told
    # a report asked about alone, or one that says nothing of the inspection before it: as before
    assert [c.passage_id for c in answer_cover(question, {"kind"}, docs, cover_passages).citations] == ["kent-2017#p1", "kent-2022#p1"]


def test_the_board_by_its_name_is_the_lscb_judgement_and_a_question_that_asks_more_goes_to_the_passages():
    from assistant.records import asks_beyond_judgements, closest_areas

    rows = RECORDS + [judgement("kent-2013", "Kent", "2013-07-19", "lscb", "The effectiveness of the Local Safeguarding Children Board", "requires improvement")]
    assert closest_areas("How did Ofsted judge the effectiveness of Kent's Local Safeguarding Children Board?", rows) == {"lscb"}
    homes = "How many children's homes did Kent run in 2013, and how many of them were good or outstanding?"
    assert asks_beyond_judgements(homes, "How children's homes did run in 2013, and how of them were good or outstanding", rows)
    lead = "Who led Kent's 2022 inspection, and what overall grade did the council get?"
    assert not asks_beyond_judgements(lead, "Who led 2022 inspection and what overall grade did the council", rows)
    assert asks_cover("Who led Kent's first ever inspection, and what did it get overall?") == {"lead", "grades"}


def test_a_lead_hmi_and_the_exact_dates_are_cover_facts():
    assert asks_cover("Cheshire East November 2019 ILACS - lead HMI and exact dates?") == {"lead", "dates"}


def test_what_an_area_got_is_its_grade():
    assert asks_cover("Cumberland October 2024 - who was the lead inspector and what did help and protection get?") == {"lead", "grades"}
    assert asks_cover("derbyshire SIF November-December 2013, who led it and what did the LSCB get") == {"lead", "grades"}
    assert asks_cover("hounslow oct 2023 - what did children in care and care leavers each get?") == {"grades"}
    assert asks_cover("central beds march 2025 - what did care leavers and the impact of leaders get?") == {"grades"}
    assert asks_cover("Southend-on-Sea's 2016 single inspection — how did care leavers and leadership, management and governance come out?") == {"grades"}


def test_ever_judged_a_grade_overall_says_no_with_the_overall_judgements_there_were():
    question = "Has Sefton ever been judged good overall?"
    assert asks_records(question, RECORDS) == "judgement"
    found = answer_records(question, "judgement", RECORDS, ("Sefton",), year_span(question))
    assert found.text.startswith("None of the 10 judgement records in the indexed documents matches “good” for overall effectiveness in Sefton.")
    assert [c.doc_id for c in found.citations] == ["sefton-2022"]  # its overall judgement, not another area's row


def test_how_many_of_an_authoritys_inspections_shows_the_others_too():
    question = "How many of Kent's inspections judged it outstanding overall, and when were they?"
    found = answer_records(question, asks_records(question, RECORDS), RECORDS, ("Kent",), year_span(question))
    assert found.text.startswith("1 of the 10 judgement records in the indexed documents match “outstanding” for overall effectiveness in Kent:")
    assert "The other judgements for overall effectiveness in Kent:" in found.text
    assert [c.doc_id for c in found.citations] == ["kent-2022", "kent-2013", "kent-2017"]
    assert "care leavers" not in found.text  # "and when were they?" asks no other judgement
    assert asks_records("In which of Kent's inspections was it judged outstanding overall?", RECORDS) == "judgement"


@pytest.mark.parametrize("question", [
    "Has Sefton ever been judged better than requires improvement overall?",
    "Has Ofsted ever judged Sefton's overall effectiveness better than requires improvement?",
])
def test_a_grade_compared_overall_asks_of_overall_effectiveness_not_every_area(question):
    found = answer_records(question, asks_records(question, RECORDS), RECORDS, ("Sefton",), year_span(question))
    assert found.text.startswith("None of the 10 judgement records in the indexed documents matches “outstanding” or “good” for overall effectiveness in Sefton.")
    assert [c.doc_id for c in found.citations] == ["sefton-2022"]


def test_a_compound_question_asking_who_led_and_on_what_dates_asks_both():
    from assistant.cover import asks_cover

    assert asks_cover("Who was the lead inspector for Kent's 2021 inspection, and on what dates did it take place?") == {"lead", "dates"}
    assert asks_cover("Who led the 2019 inspection, and when did it take place?") == {"lead", "dates"}
    assert asks_cover("Stockport's 2017 inspection: over what dates did it run, and who led it?") == {"lead", "dates"}  # "it" is the inspection
    assert asks_cover("When exactly did Ofsted carry out its 2019 inspection of West Sussex?") == {"dates"}
    assert asks_cover("When did Ofsted's 2017 inspection of Harrow's children's services run, and who led it?") == {"lead", "dates"}


def test_a_question_asking_how_judgements_changed_compares_them_over_time():
    assert compares_over_time("How had Kent's grade for care leavers changed by 2022?")
    assert compares_over_time("Did its overall judgement go up or down between 2019 and 2024?")
    assert not compares_over_time("Why did Kent's overall grade change in 2022?")
    assert not compares_over_time("What grade did Kent get in 2022?")


def test_the_inspection_team_is_quoted_from_its_cover():
    assert asks_cover("Who were the inspectors on Kent's 2017 inspection?") == {"team"}
    # the lead set aside by name, or "not counting" them; "the team of inspectors"
    assert asks_cover("Apart from lead inspector Sheena Doyle, who was on the Ofsted team for Kent's 2014 inspection?") == {"team"}
    assert asks_cover("Who made up the team of inspectors (not counting the lead and deputy) for Kent's 2015 inspection?") == {"team"}
    apart = "Apart from the lead inspector, which inspectors were on the team for Kent's 2017 inspection?"
    assert asks_cover(apart) == {"team"}
    assert asks_cover("Which inspectors led Kent's 2017 inspection?") == {"lead"}
    assert asks_cover("What did inspectors find about supervision in Kent?") == set()
    docs = inspections(apart, KENT, ("Kent",), year_span(apart))
    team = StoredPassage(passage_id="kent-2017#p3", doc_id="kent-2017", text="Team inspectors: Jane Doe, John Roe", locator="page 1, paragraph 3", kind="field",
                         heading=(), start=0, end=10, context="", ordinal=0, page=1, title="Inspection of Kent (2017)", doc_kind="inspection_report",
                         authority="Kent", publisher="Ofsted", date="2017-03-23", fields={})
    docs = [DocumentRecord(**{**d.__dict__, "inspectors": ("Jane Doe", "John Roe")}) for d in docs]
    found = answer_cover(apart, {"team"}, docs, lambda doc_id: cover_passages(doc_id) + [team])
    assert [c.passage_id for c in found.citations] == ["kent-2017#p3"]
    # the team's line where the report prints it in its body (a paragraph, not a cover field)
    body = StoredPassage(**{**team.__dict__, "kind": "paragraph", "text": "Team inspectors: Jane Doe and John Roe."})
    found = answer_cover(apart, {"team"}, [DocumentRecord(**{**docs[0].__dict__, "inspectors": ()})], lambda doc_id: cover_passages(doc_id) + [body])
    assert [c.passage_id for c in found.citations] == ["kent-2017#p3"]
    everyone = answer_cover("Who were the inspectors on Kent's 2017 inspection?", {"team"}, docs, lambda doc_id: cover_passages(doc_id) + [team])
    assert [c.passage_id for c in everyone.citations] == ["kent-2017#p2", "kent-2017#p3"]


def test_a_document_a_report_tells_of_is_asked_of_the_report_when_the_question_is_set_in_it():
    from types import SimpleNamespace

    from assistant.ask import _no_such_document
    from assistant.query import analyse

    said = {"kent-2022": [SimpleNamespace(text="Leaders are delivering against the ‘achieving excellence’ improvement plan."),
                          SimpleNamespace(text="Since the focused visit in 2019, leaders have acted.")]}
    ask = lambda text: _no_such_document(analyse(text, ["Kent"], lambda t: True), KENT, said)
    assert ask("What is the name of the improvement plan Kent's leaders were delivering against at the 2022 inspection?") is None
    refused = ask("What actions are in Kent's improvement plan?")  # the plan itself is asked for: none is indexed
    assert refused == ("The indexed sources hold no improvement plan of Kent.", "no such document")
    assert ask("Had Ofsted made any focused visits to Kent between the 2017 and 2022 inspections?") is None  # the reports tell of one
    assert ask("What did Ofsted's focused visit to Kent find?") == ("The indexed sources hold no focused visit of Kent.", "no such document")
    assert ask("What held back Kent's progress after its 2019 focused visit?") is None  # the visit sets the scene
    assert ask("Kent's 2022 summary says the improvement plan was ambitious. Why hadn't it worked?") is None  # a report's summary tells of it


def test_the_overall_grade_asked_beside_an_area_s_is_given_too():
    from assistant.cover import _grades

    rows = [judgement("kent-2022", "Kent", "2022-04-01", area, label, grade) for area, label, grade in (
        ("overall_effectiveness", "Overall effectiveness", "good"),
        ("impact_of_leaders", "The impact of leaders on social work practice with children and families", "outstanding"),
        ("help_and_protection", "The experiences and progress of children who need help and protection", "good"))]
    both = _grades("What overall grade did Kent get in 2022, and how was leadership rated?", rows)
    assert sorted(p.fields["area"] for p in both) == ["impact_of_leaders", "overall_effectiveness"]
    assert [p.fields["area"] for p in _grades("How was leadership rated in Kent in 2022?", rows)] == ["impact_of_leaders"]
    # the services rated overall, a few words between
    rated = _grades("How did Ofsted rate the City of Kent's children's services overall in 2022, and what did it say about the standard of leadership?", rows)
    assert sorted(p.fields["area"] for p in rated) == ["impact_of_leaders", "overall_effectiveness"]
    # an area asked beside the areas under a grade
    asked = "How was leadership graded in Kent in 2022, and which area was the only one not judged good?"
    assert [p.fields["area"] for p in _grades(asked, rows)] == ["impact_of_leaders"]
    rows[2] = judgement("kent-2022", "Kent", "2022-04-01", "help_and_protection", "The experiences and progress of children who need help and protection", "requires improvement")
    assert [p.fields["area"] for p in _grades(asked, rows)] == ["impact_of_leaders", "help_and_protection"]


def test_a_label_before_a_dash_leaves_the_question_enumerating_and_a_bare_which_leans_on_the_areas_asked():
    from assistant.cover import _grades
    from assistant.records import enumerates

    asked = "kent 2022 ILACS - which areas were requires improvement and which (if any) was good?"
    assert enumerates(asked)
    rows = inspection_rows("kent-2022", "Kent", "2022-04-01", overall_effectiveness="requires improvement",
                           impact_of_leaders="requires improvement", help_and_protection="requires improvement", children_in_care="good")
    assert [p.fields["area"] for p in _grades("Which areas in Kent were requires improvement in 2022, and which (if any) was good?", rows)] == [p.fields["area"] for p in rows]


def test_the_areas_a_statement_sets_the_scene_with_are_not_those_its_question_asks_about():
    from assistant.cover import _grades

    rows = [p for p in RECORDS if p.doc_id == "kent-2022"]
    asked = "Kent was judged outstanding overall in 2022 – was any judgement area only graded good?"
    assert [p.fields["area"] for p in _grades(asked, rows)] == ["overall_effectiveness", "care_leavers"]  # every row, not the overall one alone
    assert [p.fields["area"] for p in _grades("Kent was judged outstanding overall in 2022. How were care leavers judged?", rows)] == ["care_leavers"]
    # a part of the judgement asked for is an area of it
    asked = "Kent was judged outstanding overall in 2022. Which part of that judgement was graded good?"
    assert [p.fields["area"] for p in _grades(asked, rows)] == ["overall_effectiveness", "care_leavers"]
    asked = "Kent came out outstanding overall in May 2022, but one judgement was only good. Which one?"
    assert [p.fields["area"] for p in _grades(asked, rows)] == ["overall_effectiveness", "care_leavers"]
    assert [p.fields["area"] for p in _grades("What overall grade did Kent get in 2022?", rows)] == ["overall_effectiveness"]


def test_each_ask_of_a_compound_grade_question_names_its_own_area():
    from assistant.cover import _grades

    rows = [
        judgement("leics-2019", "Leicestershire", "2019-10-04", "help_and_protection", "The experiences and progress of children who need help and protection", "requires improvement to be good"),
        judgement("leics-2019", "Leicestershire", "2019-10-04", "children_in_care_and_care_leavers", "The experiences and progress of children in care and care leavers", "good"),
        judgement("leics-2019", "Leicestershire", "2019-10-04", "overall_effectiveness", "Overall effectiveness", "requires improvement to be good"),
    ]
    asked = "At Leicestershire's 2019 inspection, how were services for children in care judged, and did help and protection reach the same grade?"
    assert [p.fields["area"] for p in _grades(asked, rows)] == ["help_and_protection", "children_in_care_and_care_leavers"]
    assert [p.fields["area"] for p in _grades("How was help and protection judged at Leicestershire's 2019 inspection?", rows)] == ["help_and_protection"]
    # an ask naming its areas by their grade: the rows of that grade, beside the other ask's area
    asked = "Leicestershire was judged requires improvement overall in 2019. Which judgement area was graded good, and how was help and protection graded?"
    assert [p.fields["area"] for p in _grades(asked, rows)] == ["help_and_protection", "children_in_care_and_care_leavers"]


def test_the_dates_of_a_long_named_inspection_and_the_day_its_report_came_out_are_cover_facts():
    from assistant.cover import asks_cover

    assert asks_cover("What were the dates of Havering's autumn 2016 children's services inspection?") == {"dates"}
    assert asks_cover("bromley spring 2016 inspection - what date did the report come out?") == {"published"}
    assert asks_cover("rochdale early-2018 ILACS: first and last day the inspectors were in?") == {"dates"}


def test_the_grades_of_what_has_inspections_of_its_own_are_no_judgement_records():
    from assistant.ask import _graded_on_their_own
    from assistant.records import asks_beyond_judgements

    asked = "Which nurseries in Lambeth did Ofsted rate outstanding in 2022?"
    assert asks_beyond_judgements(asked, "Which nurseries did Ofsted rate outstanding in 2022", RECORDS)
    assert _graded_on_their_own(asked) == ("nurser", "nurseries")  # the evidence must name them: "nursery", "nurseries"
    assert _graded_on_their_own("How were Derby's children's homes rated in 2017?")[0] == "children's home"
    assert _graded_on_their_own("What did Ofsted say about schools in Kent?") is None  # no grade asked
    assert not asks_beyond_judgements("Which councils did Ofsted rate outstanding in 2022?", "Which councils did Ofsted rate outstanding in 2022", RECORDS)
    assert _graded_on_their_own("Which service supports children too ill to attend school, and what re-integration rate did it have?") is None
    assert _graded_on_their_own("How did Ofsted rate the schools in Kent?")[0] == "school"
    # the quality of what their own inspections judge is theirs too ("the quality of local childminders")
    assert _graded_on_their_own("What did the 2025 inspection say about the quality of local childminders in Kent?")[0] == "childminder"
    assert _graded_on_their_own("What did Ofsted say about the quality of teaching in Kent's primary schools?")[0] == "school"
    from assistant.ask import _names_own

    # the council's own virtual school is no school with inspections of its own
    assert not _names_own("Strong partnership working between the virtual school and social care helps children.", "school")
    assert _names_own("Most children in care attend good or outstanding schools.", "school")
    # asked how they were rated, a sentence naming them must give a grade
    from assistant.extractive import states_grade

    assert states_grade("Most children in care attend good or outstanding schools.")
    assert not states_grade("It works strategically with schools to bring about improvement.")
    assert not states_grade("The proportion of children in care in secondary schools is 7%.")


def test_a_grade_the_statement_names_sets_the_scene_and_picks_no_rows():
    question = "Kent and Sefton were both inspected in 2022 and both judged outstanding for something. Which got the better grade for care leavers?"
    found = answer_records(question, "judgement", RECORDS, ("Kent", "Sefton"), year_span(question))
    assert [c.doc_id for c in found.citations] == ["kent-2022", "sefton-2022"]  # both care leavers rows, not only an outstanding one
    found = answer_records("Which care leavers services were judged good in 2022?", "judgement", RECORDS, (), year_span("in 2022"))
    assert [c.doc_id for c in found.citations] == ["kent-2022"]


def test_a_grade_the_question_opens_with_sets_the_scene_of_what_grade_it_asks():
    # "After being inadequate in 2022, what grade did … get …?": not the rows of that grade alone
    question = "After being inadequate in 2022, what grade did Sefton get for help and protection in 2022?"
    found = answer_records(question, "judgement", RECORDS + [judgement("sefton-2022", "Sefton", "2022-03-25", "help_and_protection", "Help and protection", "good")], ("Sefton",), year_span(question))
    assert [c.passage_id for c in found.citations] == ["sefton-2022#judgement-help_and_protection"], found.text
    assert found.text.startswith("1 of the")


def test_a_grade_the_ask_names_after_a_statement_naming_another_picks_that_grade_of_any_area():
    # the statement's "outstanding overall" sets the scene: the ask wants good rows, of any judgement area
    question = "Kent came out outstanding overall in 2022. Was any judgement area rated good?"
    found = answer_records(question, "judgement", RECORDS, ("Kent",), year_span(question))
    assert [c.passage_id for c in found.citations] == ["kent-2022#judgement-care_leavers"], found.text
    question = "Kent came out outstanding overall in 2022. Was any part of the service rated good?"
    found = answer_records(question, "judgement", RECORDS, ("Kent",), year_span(question))
    assert [c.passage_id for c in found.citations] == ["kent-2022#judgement-care_leavers"], found.text


def test_what_a_grade_question_sets_aside_is_left_out():
    # "Apart from the overall grade": the other areas rated so, not the overall row the words name
    question = "Kent came out outstanding overall in 2022. Apart from the overall grade, which of the judgement areas were rated outstanding?"
    found = answer_records(question, "judgement", RECORDS, ("Kent",), year_span(question))
    assert not found.citations, found.text
    question = "Besides care leavers, which of Kent's judgement areas were rated outstanding in 2022?"
    found = answer_records(question, "judgement", RECORDS, ("Kent",), year_span(question))
    assert [c.passage_id for c in found.citations] == ["kent-2022#judgement-overall_effectiveness"], found.text


def test_a_yes_no_ask_of_an_area_s_grade_asks_its_grade():
    from assistant.records import asks_if_graded

    for ask in ("Over which dates were the inspectors in, and was the experiences of care leavers also outstanding?",
                "Did Kent get outstanding for its care leavers at the 2022 inspection?",
                "Was Kent's overall effectiveness good in 2022?", "What did it get for the experiences of care leavers, and for overall effectiveness?"):
        assert asks_if_graded(ask, RECORDS), ask
    # a grade word that is no grade of the area: an idiom, or a word describing a noun
    for ask in ("Were care leavers' pathway plans any good?", "Had any care leavers been excluded for good?",
                "Did leaders of services for care leavers have a good grip on audits?", "Was supervision good in 2022?",
                "What did care leavers get for their birthdays?"):
        assert not asks_if_graded(ask, RECORDS), ask


def _cited(n: int, passage_id: str, quote: str):
    from assistant.types import Citation

    return Citation(n=n, doc_id=passage_id.split("#")[0], title="Report", kind="ofsted_report", publisher="Ofsted", date="2025-11-07", locator="p", passage_id=passage_id, text=quote, quote=quote)


def test_a_section_appended_to_a_records_answer_shows_its_row_once():
    from assistant.ask import _append
    from assistant.types import Answer

    row = "The experiences and progress of care leavers Requires improvement to be good"
    answer = Answer(question="q", answer=f"- “{row}” [1]", abstained=False, citations=[_cited(1, "r#judgement-care-leavers", row)], retrieved=["r#judgement-care-leavers"])
    said = Answer(
        question="q", abstained=False, retrieved=["r#judgement-care-leavers", "r#para-4"],
        answer=f"**Report**\n- “{row}” [1]\n- “Care leavers move to PAs late.” [2] “Some wait.” [3]",
        citations=[_cited(1, "r#judgement-care-leavers", row), _cited(2, "r#para-4", "Care leavers move to PAs late."), _cited(3, "r#para-4", "Some wait.")],
    )
    _append(answer, "What the 2025 report found", said)
    assert answer.answer == f"- “{row}” [1]\n\n**What the 2025 report found**\n\n**Report**\n- “Care leavers move to PAs late.” [2] “Some wait.” [3]"
    assert [(c.n, c.quote) for c in answer.citations] == [(1, row), (2, "Care leavers move to PAs late."), (3, "Some wait.")]


def test_a_year_asked_finds_an_inspection_that_began_that_year_and_ended_the_next():
    # South Tyneside's inspection ran from 5 December 2022 to 15 February 2023; its rows are dated 2023
    rows = [
        judgement("st-2017", "South Tyneside", "2017-10-05", "overall_effectiveness", "Children's services in South Tyneside", "good"),
        judgement("st-2023", "South Tyneside", "2023-02-15", "overall_effectiveness", "Overall effectiveness", "inadequate"),
    ]
    years = {"st-2017": {2017}, "st-2023": {2022, 2023}}.get
    question = "South Tyneside was judged good in 2017. How had that changed by the inspection in 2022?"
    found = answer_records(question, "judgement", rows, ("South Tyneside",), year_span(question), years)
    assert [c.doc_id for c in found.citations] == ["st-2017", "st-2023"]
    assert "inadequate" in found.text
    # without the documents' years, a row's own date decides (as before)
    assert [c.doc_id for c in answer_records(question, "judgement", rows, ("South Tyneside",), year_span(question)).citations] == ["st-2017"]


def _paragraph(doc_id, n, text, authority="Telford and Wrekin"):
    return StoredPassage(
        passage_id=f"{doc_id}#para-{n}", doc_id=doc_id, text=text, locator=f"paragraph {n}", heading=(), start=0, end=len(text), context="",
        ordinal=n, kind="paragraph", page=2, title=f"Inspection of {authority}", doc_kind="inspection_report", authority=authority,
        publisher="Ofsted", date="2020-01-31", fields={},
    )


def test_a_judgement_is_heard_in_the_sentence_its_report_states_it_in():
    from assistant.records import verdict_sentence

    overall = judgement("tw-2020", "Telford and Wrekin", "2020-01-31", "overall_effectiveness", "Overall effectiveness", "outstanding")
    leavers = judgement("tw-2020", "Telford and Wrekin", "2020-01-31", "care_leavers", "The experiences and progress of care leavers", "good")
    paragraphs = [
        _paragraph("tw-2020", 1, "Services for care leavers are good. Leaders know their services well."),
        _paragraph("tw-2020", 2, "Children’s services in Telford and Wrekin are outstanding. They were judged good in 2016."),
    ]
    assert verdict_sentence(overall, paragraphs)[1] == "Children’s services in Telford and Wrekin are outstanding."  # the council's, not one area's
    assert verdict_sentence(leavers, paragraphs)[1] == "Services for care leavers are good."
    # a grade said of something else, or in the past, is no statement of the judgement
    other = [_paragraph("tw-2020", 3, "The financial support available to care leavers is good. Services were judged outstanding in 2016.")]
    assert verdict_sentence(leavers, other) is None and verdict_sentence(overall, other) is None


def test_a_verdict_is_read_on_ofsteds_whole_scale_and_an_areas_own_words():
    from assistant.records import verdict_sentence

    # the 2013 scale's "adequate", and a grade written in full, as rows hold them
    adequate = judgement("k-2013", "Kent", "2013-07-19", "adoption", "Adoption performance", "adequate")
    said = [_paragraph("k-2013", 1, "Adoption services are adequate. Services are inadequate elsewhere.", "Kent")]
    assert verdict_sentence(adequate, said)[1] == "Adoption services are adequate."
    full = judgement("k-2013", "Kent", "2013-07-19", "care_leavers", "Care leavers", "requires improvement to be good")
    assert verdict_sentence(full, [_paragraph("k-2013", 2, "Services for care leavers are requiring improvement.", "Kent")]) is None
    assert verdict_sentence(full, [_paragraph("k-2013", 3, "Services for care leavers remain requires improvement to be good.", "Kent")]) is not None
    # overall: a sentence naming one area is that area's verdict, whatever words it uses
    overall = judgement("k-2013", "Kent", "2013-07-19", "overall_effectiveness", "Overall effectiveness", "inadequate")
    assert verdict_sentence(overall, [_paragraph("k-2013", 4, "Services in Kent for children who need help and protection are inadequate.", "Kent")]) is None
    assert verdict_sentence(overall, [_paragraph("k-2013", 5, "Children’s services in Kent are inadequate.", "Kent")]) is not None
    # ... unless it says it is the overall effectiveness: an inspection of those services alone
    lac = judgement("k-2013", "Kent", "2013-07-19", "overall_effectiveness", "Overall effectiveness", "adequate")
    said = "The overall effectiveness of services for looked after children and young people in Kent is adequate."
    assert verdict_sentence(lac, [_paragraph("k-2013", 7, said, "Kent")])[1] == said
    # practice, as services, is what an area's verdict is said of
    leavers = judgement("ce-2024", "Cheshire East", "2024-03-08", "care_leavers", "The experiences and progress of care leavers", "inadequate")
    practice = "The quality of practice for care leavers is inadequate."
    assert verdict_sentence(leavers, [_paragraph("ce-2024", 1, practice, "Cheshire East")])[1] == practice
    # "require improvement" is a verb of its own, said with no "are" before it
    ri = judgement("k-2016", "Kent", "2016-12-08", "overall_effectiveness", "Children's services", "requires improvement")
    assert verdict_sentence(ri, [_paragraph("k-2016", 6, "Children’s services in Kent require improvement to be good.", "Kent")])[1] == "Children’s services in Kent require improvement to be good."


def test_a_records_answer_quotes_each_row_with_its_reports_words_numbered_as_shown():
    from assistant.ask import _with_verdicts
    from assistant.types import Citation

    row = judgement("tw-2020", "Telford and Wrekin", "2020-01-31", "overall_effectiveness", "Overall effectiveness", "outstanding")
    other = judgement("nl-2020", "Northumberland", "2020-01-31", "overall_effectiveness", "Overall effectiveness", "good")
    said = _paragraph("tw-2020", 2, "Children’s services in Telford and Wrekin are outstanding.")
    text = "- “Overall effectiveness Outstanding” [1]\n- “Overall effectiveness Good” [2]"
    out, cited = _with_verdicts(text, [Citation.of(1, row), Citation.of(2, other)], {p.passage_id: p for p in (row, other, said)}, lambda p: (said, said.text) if p.passage_id == row.passage_id else None)
    assert out == "- “Overall effectiveness Outstanding” [1]: “Children’s services in Telford and Wrekin are outstanding.” [2]\n- “Overall effectiveness Good” [3]"
    assert [(c.n, c.passage_id) for c in cited] == [(1, row.passage_id), (2, said.passage_id), (3, other.passage_id)]
    assert cited[1].quote == "Children’s services in Telford and Wrekin are outstanding."


def test_reports_compared_without_an_area_or_grade_are_set_side_by_side_headline_first():
    from assistant.records import side_by_side

    def report(doc_id, authority, overall):
        rows = [judgement(doc_id, authority, "2023-01-01", area, label, "good") for area, label in (("impact_of_leaders", "Impact of leaders"), ("help_and_protection", "Help and protection"))]
        return rows + [judgement(doc_id, authority, "2023-01-01", "overall_effectiveness", "Overall effectiveness", overall), _paragraph(doc_id, 3, f"Children’s services in {authority} are {overall}.", authority)]

    cited = report("iow", "Isle of Wight", "good") + report("ios", "Isles of Scilly", "inadequate")
    ordered = side_by_side("Compare the 2023 inspection outcomes of the Isle of Wight and the Isles of Scilly.", cited)
    assert [p.passage_id for p in ordered[:4]] == ["iow#judgement-overall_effectiveness", "iow#para-3", "ios#judgement-overall_effectiveness", "ios#para-3"]
    assert sorted(p.passage_id for p in ordered) == sorted(p.passage_id for p in cited)
    # an area or a grade asked about: its rows lead already, as the answer lists them
    assert side_by_side("How did help and protection compare in the Isle of Wight and the Isles of Scilly?", cited) == cited
    assert side_by_side("Which of them was judged inadequate in 2023?", cited) == cited
    assert side_by_side("What did the 2023 report say?", cited[:4]) == cited[:4]  # one report


def test_a_report_tells_of_the_inspection_before_it_when_that_one_is_not_held():
    from assistant.cover import said_of_earlier

    report = record("kent-2023", "2023-12-11", "2023-12-15", "Steve Lowe", "ILACS short")
    told = StoredPassage(
        passage_id="kent-2023#para-1", doc_id="kent-2023", text="Since the last ILACS inspection in 2018, the authority has responded well. Leaders in 2023 are ambitious.",
        locator="paragraph 1", heading=(), start=0, end=10, context="", ordinal=1, kind="paragraph", page=2,
        title="Inspection of Kent", doc_kind="inspection_report", authority="Kent", publisher="Ofsted", date="2023-12-15", fields={},
    )
    assert said_of_earlier(report, [], [told]) == []  # not asked of the one before
    assert said_of_earlier(report, [], [told], before=True) == [(told, "Since the last ILACS inspection in 2018, the authority has responded well.")]
    question = "What type of inspection was Kent's December 2023 one, and in which year had it last had an inspection of that type?"
    found = answer_cover(question, asks_cover(question), [report], lambda doc_id: [told])
    assert "Of the inspection before it: “Since the last ILACS inspection in 2018" in found.text


def test_when_a_report_says_the_council_was_previously_inspected_its_first_word_of_an_earlier_inspection_answers():
    from assistant.cover import answer_before

    report = record("kent-2023", "2023-12-11", "2023-12-15", "Steve Lowe", "ILACS short")

    def said(n, text):
        return StoredPassage(
            passage_id=f"kent-2023#para-{n}", doc_id="kent-2023", text=text, locator=f"paragraph {n}", heading=(), start=0, end=10, context="",
            ordinal=n, kind="paragraph", page=2, title="Inspection of Kent", doc_kind="inspection_report", authority="Kent", publisher="Ofsted", date="2023-12-15", fields={},
        )

    own, earlier = said(1, "Inspectors visited in 2023 and met leaders."), said(2, "Leaders have built on practice since the previous inspection in 2018.")
    found = answer_before(report, [own, earlier])
    assert "Of the inspection before it: “Leaders have built on practice since the previous inspection in 2018.” [1]" in found.text
    assert [c.passage_id for c in found.citations] == ["kent-2023#para-2"]
    assert answer_before(report, [own]) is None  # it says nothing of one
    # "the last inspection" without its year, quoted for what it says of what is asked; asked when, the year's
    judged = said(3, "Services have seriously declined since the last inspection, when all areas were judged to require improvement to be good.")
    asked = answer_before(report, [own, earlier, judged], "How had services changed since the previous inspection, and how had every area been judged then?")
    assert [c.passage_id for c in asked.citations] == ["kent-2023#para-3"]
    assert [c.passage_id for c in answer_before(report, [own, judged, earlier], "When was Kent previously inspected?").citations] == ["kent-2023#para-2"]
    assert answer_before(report, [own, judged]) is None  # no earlier inspection's year: none is told of


def test_of_the_inspections_before_a_report_lists_those_the_question_names_are_quoted_and_a_laws_year_is_none():
    from assistant.cover import answer_before

    report = record("kent-2017", "2017-02-27", "2017-03-23", "Linda Steele", "SIF")

    def said(n, text, kind="item"):
        return StoredPassage(
            passage_id=f"kent-2017#p{n}", doc_id="kent-2017", text=text, locator=f"paragraph {n}", heading=(), start=0, end=10, context="",
            ordinal=n, kind=kind, page=2, title="Kent", doc_kind="inspection_report", authority="Kent", publisher="Ofsted", date="2017-03-23", fields={},
        )

    law = said(0, "Ofsted produces this report under its power to combine reports in accordance with section 152 of the Education and Inspections Act 2006.", "paragraph")
    protection = said(1, "The previous inspection of the local authority’s arrangements for the protection of children was in January 2013. The local authority was judged to be adequate.")
    looked_after = said(2, "The previous inspection of the local authority’s services for children looked after was in June 2012. The local authority was judged to be good.")
    fostering = said(3, "The previous inspection of the fostering service was in January 2011. The fostering service was judged to be outstanding.")
    adoption = said(4, "The previous inspection of the adoption service was in May 2012. The adoption service was judged to be good.")
    shown = [law, protection, looked_after, fostering, adoption]
    # the Act's year is no inspection's; the item asked of is quoted whole (its grade is its second sentence)
    found = answer_before(report, shown, "What grade had its services for children looked after received at the previous inspection?")
    assert found.text.endswith("- Of the inspection before it: “" + looked_after.text + "” [1]"), found.text
    # two named: both; none named: the first it says
    both = answer_before(report, shown, "What grades had its fostering service and its adoption service been given at the inspections before?")
    assert [c.passage_id for c in both.citations] == ["kent-2017#p3", "kent-2017#p4"]
    assert [c.passage_id for c in answer_before(report, shown, "When was it previously inspected?").citations] == ["kent-2017#p1"]
    assert answer_before(report, [law]) is None
    # a sentence for each thing named, though one sentence names more of their words (and a law's
    # regulations are no inspection either)
    summary = said(5, "Services for children requiring help and protection have deteriorated since the last child protection inspection in 2013.", "paragraph")
    regulations = said(6, "The board was reviewed under the Local Safeguarding Children Boards (Review) Regulations 2013 and this inspection.", "paragraph")
    each = answer_before(report, [regulations, summary, protection, looked_after], "When had Ofsted last inspected Kent's child protection arrangements and its services for children looked after?")
    assert {"kent-2017#p1", "kent-2017#p2"} <= {c.passage_id for c in each.citations} and "kent-2017#p6" not in {c.passage_id for c in each.citations}
    # asked when and with what verdict: the sentence saying the month and the judgement, before a
    # summary as near to what is asked that says only the year
    maintained = said(7, "The local authority has maintained good-quality services since the last inspection in 2013, and help and protection for children has improved.", "paragraph")
    dated = answer_before(report, [maintained, protection], "when was the council's child protection work last inspected before that, and what was the verdict?")
    assert [c.passage_id for c in dated.citations] == ["kent-2017#p1"]
    assert [c.passage_id for c in answer_before(report, [maintained, protection], "What did the report say about child protection since the last inspection?").citations] == ["kent-2017#p7"]
    # what of the earlier inspection is asked may be said by the statement before the question
    stated = "Kent's 2017 report mentions an earlier inspection of its services for children looked after. When was that, and how was it judged?"
    assert [c.passage_id for c in answer_before(report, shown, stated).citations] == ["kent-2017#p2"]


def test_an_earlier_year_tells_of_an_inspection_before_only_when_said_of_one():
    from assistant.cover import tells_of_inspection_before

    assert tells_of_inspection_before("Services have deteriorated since the last child protection inspection in 2013.", 2016)
    assert tells_of_inspection_before("Children’s services was last inspected in June 2018 and judged to be requires improvement to be good.", 2022)
    assert not tells_of_inspection_before("The director has been in post since February 2016 (previously, in 2015, she was the interim director).", 2016)
    assert not tells_of_inspection_before("This inspection was carried out under the Local Safeguarding Children Boards (Review) Regulations 2013.", 2014)
    # an earlier visit of Ofsted's, by its kind; not a social worker's visits
    assert tells_of_inspection_before("A focused visit in November 2018 concluded that the situation remained fragile.", 2019)
    assert not tells_of_inspection_before("Social workers' visits to children increased in 2018.", 2019)


def test_a_grade_said_in_another_form_of_its_verb_is_named():
    from assistant.records import names_grade

    for question in ("Which of Derby's inspections rated help and protection as requiring improvement?",
                     "Which inspections judged help and protection to require improvement?"):
        assert names_grade(question, RECORDS), question
        found = answer_records(question, "judgement", RECORDS, ("Derby",) if "Derby" in question else (), year_span(question))
        assert [c.doc_id for c in found.citations] == ["x-2022"]
        assert "“requires improvement”" in found.text
    assert not names_grade("Which improvements were required?", RECORDS)
    # said in the past, it tells what was found ("Which area was good, when services overall required improvement?")
    from assistant.records import _mentions

    assert not _mentions("Which area was judged good, when services overall required improvement?", "requires improvement", "judgement")
    # unless asked of which did ("which areas were inadequate and which only required improvement?")
    assert _mentions("Which areas were inadequate and which only required improvement?", "requires improvement", "judgement")


def test_an_area_no_judgement_of_which_has_the_grade_asked_is_told_with_its_judgements():
    rows = [
        judgement("ce-2015", "Cheshire East", "2015-07-30", "help_and_protection", "Children who need help and protection", "requires improvement"),
        judgement("ce-2015", "Cheshire East", "2015-07-30", "adoption", "Adoption performance", "good"),
        judgement("ce-2019", "Cheshire East", "2019-11-29", "help_and_protection", "The experiences and progress of children who need help and protection", "requires improvement"),
    ]
    question = "Across Cheshire East's inspections, how was help and protection graded each time? Has it ever been good?"
    found = answer_records(question, "judgement", rows, ("Cheshire East",), year_span(question))
    assert found.text.startswith("None of the 3 judgement records")
    assert [c.doc_id for c in found.citations] == ["ce-2015", "ce-2019"]  # its help and protection rows, not adoption's good one
    assert "Adoption" not in found.text
    # an area that sets the scene of a question asking which area had the grade is no area asked of
    rows.append(judgement("ce-2015", "Cheshire East", "2015-07-30", "overall_effectiveness", "Overall effectiveness", "requires improvement"))
    for question in ("Which part of Cheshire East's services was judged good in 2015, when services overall required improvement?",
                     "Which judgement area was rated good in Cheshire East in 2015 while overall effectiveness required improvement?"):
        found = answer_records(question, "judgement", rows, ("Cheshire East",), year_span(question))
        assert [c.passage_id for c in found.citations] == ["ce-2015#judgement-adoption"], question


def test_what_a_compound_records_question_asks_of_each_part():
    from assistant.records import asks_about_something, enumerates

    # a part that only points back at what the other enumerates asks nothing of its own
    assert not asks_about_something("what did the one in between")
    assert not asks_about_something("what did that judgement become at the December 2023 inspection")
    assert not asks_about_something("Looking across its three inspections in the library")
    assert asks_about_something("what had changed at the front door")
    # which part enumerates the records (its years, not another part's, pick them)
    assert enumerates("Which of Havering's Ofsted inspections rated help and protection as requiring improvement")
    assert not enumerates("what did that judgement become at the December 2023 inspection")
    # whose years pick the rows a part lists: not another part's own year; a year setting the scene of both
    from assistant.records import listing_span

    span = year_span("Which of Havering's inspections rated help and protection as requiring improvement, and what did that judgement become at the December 2023 inspection?")
    assert listing_span(["Which of Havering's inspections rated help and protection as requiring improvement",
                         "what did that judgement become at the December 2023 inspection"], span) == YearSpan()
    span = year_span("Wokingham's 2015 single inspection: which area was graded good, and what did the review conclude about the LSCB?")
    assert listing_span(["which area was graded good", "what did the review conclude about the LSCB"], span) == span and span.exact == {2015}


def test_a_grade_the_statement_names_is_no_filter_when_the_question_asks_how_areas_were_graded():
    rows = [judgement("kent-2017", "Kent", "2017-03-30", "help_and_protection", "Children who need help and protection", "requires improvement"),
            judgement("kent-2017", "Kent", "2017-03-30", "children_looked_after", "Children looked after and achieving permanence", "good"),
            judgement("kent-2017", "Kent", "2017-03-30", "leadership", "Leadership, management and governance", "good")]
    question = ("Kent's help and protection was judged to require improvement in March 2017. How were children looked after "
                "and achieving permanence, and leadership, management and governance, judged at that inspection?")
    found = answer_records(question, "judgement", rows, ("Kent",), year_span(question))
    cited = [c.passage_id for c in found.citations]
    assert "kent-2017#judgement-children_looked_after" in cited and "kent-2017#judgement-leadership" in cited


def test_a_report_making_no_judgement_of_the_area_asked_at_each_inspection_says_so():
    rows = [judgement("st-2017", "South Tyneside", "2017-10-05", "overall_effectiveness", "Overall effectiveness", "good"),
            judgement("st-2023", "South Tyneside", "2023-02-15", "overall_effectiveness", "Overall effectiveness", "inadequate"),
            judgement("st-2026", "South Tyneside", "2026-06-26", "impact_of_leaders", "The impact of leaders on social work practice", "good")]
    question = "How was South Tyneside's overall effectiveness judged at each of its inspections?"
    found = answer_records(question, asks_records(question, rows), rows, ("South Tyneside",), year_span(question))
    assert [c.passage_id for c in found.citations] == ["st-2017#judgement-overall_effectiveness", "st-2023#judgement-overall_effectiveness", "st-2026#judgement-impact_of_leaders"]
    assert "South Tyneside, 26 June 2026: no judgement for overall effectiveness" in found.text
    # not asked at each inspection: the rows of the area alone
    found = answer_records("What overall grades has South Tyneside received?", "judgement", rows, ("South Tyneside",))
    assert [c.passage_id for c in found.citations] == ["st-2017#judgement-overall_effectiveness", "st-2023#judgement-overall_effectiveness"]


def test_a_grade_named_in_another_part_does_not_pick_the_rows_asked_at_each_inspection():
    rows = [judgement("rc-2017", "Redcar and Cleveland", "2017-02-09", "help_and_protection", "Children who need help and protection", "requires improvement"),
            judgement("rc-2022", "Redcar and Cleveland", "2022-07-01", "help_and_protection", "Children who need help and protection", "requires improvement"),
            judgement("rc-2025", "Redcar and Cleveland", "2025-12-12", "help_and_protection", "Children who need help and protection", "good")]
    question = "Across Redcar and Cleveland's inspections, how was help and protection graded each time, and when did it first reach good?"
    found = answer_records(question, "judgement", rows, ("Redcar and Cleveland",), year_span(question))
    assert [c.passage_id for c in found.citations] == [f"rc-{y}#judgement-help_and_protection" for y in (2017, 2022, 2025)]


def test_an_area_that_fell_short_of_the_grade_the_statement_names_is_below_it():
    rows = [judgement("n-2019", "Nottinghamshire", "2019-10-18", "overall_effectiveness", "Overall effectiveness", "good"),
            judgement("n-2019", "Nottinghamshire", "2019-10-18", "help_and_protection", "Children who need help and protection", "requires improvement"),
            judgement("n-2019", "Nottinghamshire", "2019-10-18", "children_in_care", "Children in care and care leavers", "good")]
    for question in ("Nottinghamshire was rated good overall in October 2019, but which judgement area fell short, and what was it graded?",
                     "Nottinghamshire came out as good overall in 2019. Which area was rated lower than that?"):
        found = answer_records(question, "judgement", rows, ("Nottinghamshire",), year_span(question))
        assert [c.passage_id for c in found.citations] == ["n-2019#judgement-help_and_protection"], question
    from assistant.records import short_of_stated

    grades = {"outstanding", "good", "requires improvement", "inadequate"}
    assert short_of_stated("Cambridgeshire came out as good overall in June 2014 - was any part of the service rated lower than that?", grades) == ["requires improvement", "inadequate"]
    assert short_of_stated("Cambridgeshire came out as good overall in 2014. Was any part rated outstanding?", grades) is None


def test_an_area_that_did_better_than_the_grade_the_statement_names_is_above_it():
    rows = inspection_rows("e-2019", "East Riding of Yorkshire", "2019-12-06", overall_effectiveness="inadequate",
                           impact_of_leaders="inadequate", help_and_protection="inadequate", children_in_care="good")
    found = answer_records("East Riding was rated inadequate overall in December 2019. Did any judgement area do better than that?",
                           "judgement", rows, ("East Riding of Yorkshire",), YearSpan(exact=frozenset({2019})))
    assert "good" in found.text and "— inadequate" not in found.text
    from assistant.records import short_of_stated

    grades = {"outstanding", "good", "requires improvement", "inadequate"}
    assert short_of_stated("Kent came out as requires improvement overall in 2016. Was any part rated higher than that?", grades) == ["outstanding", "good"]
    assert short_of_stated("Kent came out as requires improvement overall in 2016. Which area did better?", grades) == ["outstanding", "good"]
    assert short_of_stated("Which area did better in Kent in 2016?", grades) is None


def test_each_place_compared_is_picked_at_the_year_given_beside_its_name():
    from dataclasses import replace

    medway = [replace(r, doc_id=r.doc_id.replace("kent", "medway"), authority="Medway") for r in KENT]
    question = "How were leaders judged in Kent (March 2017) and Medway (May 2022)?"
    picked = inspections(question, KENT + medway, ("Kent", "Medway"), year_span(question))
    assert sorted(r.doc_id for r in picked) == ["kent-2017", "medway-2022"]
    # the years said apart from the places pick each place's inspections of either year, as before
    question = "How were leaders judged in Kent and Medway in 2017 and 2022?"
    assert len(inspections(question, KENT + medway, ("Kent", "Medway"), year_span(question))) == 4
