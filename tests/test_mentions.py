"""Inspections and visits told of in other documents (assistant/mentions.py)."""

from types import SimpleNamespace

import pytest

from assistant.mentions import When, held, named_dates, tells_of, told_of
from index.store import DocumentRecord


def record(doc_id, start=None, end=None, date=None, published=None, kind="inspection_report"):
    return DocumentRecord(doc_id=doc_id, title="", kind=kind, authority="Shropshire", publisher="Ofsted", date=date or end, source="", path="",
                          format="pdf", content_hash="", passage_count=0, pages=0, indexed_at=0.0, start_date=start, end_date=end, published=published)


def test_a_question_names_each_year_with_the_months_written_before_it():
    assert named_dates("Between Shropshire's February 2022 and summer 2025 inspections, what kind of visit took place in November 2023?") == [
        When(2022, (2,)), When(2025), When(2023, (11,))]
    assert named_dates("What kind of visits had the council had in January and December 2019, and in 2021?") == [When(2019, (1, 12)), When(2021)]
    assert named_dates("Sefton's June–July 2025 report") == [When(2025, (6, 7))]
    assert named_dates("How many days did children wait (2012–15 scorecard)?") == []  # a period, not a date
    assert str(When(2019, (1, 12))) == "January or December 2019" and str(When(2021)) == "2021"


def test_a_document_holds_the_months_its_inspection_spans_and_its_letters_date():
    report = record("r", start="2021-10-04", end="2021-10-15")
    assert held(When(2021), report) and held(When(2021, (10,)), report)
    assert not held(When(2021, (5,)), report)  # "the visit in May 2021", which the October report recalls
    spanning = record("s", start="2016-11-14", end="2016-12-08", published="2017-02-01")
    assert held(When(2016, (11,)), spanning) and held(When(2016, (12,)), spanning) and held(When(2017, (2,)), spanning)
    assert not held(When(2016, (10,)), spanning) and not held(When(2018), spanning)


@pytest.mark.parametrize("sentence, when, tells", [
    ("Since the last ILACS inspection in February 2022, and particularly since the subsequent focused visit in November 2023, which identified a decline in child protection practice, leaders acted.", When(2023, (11,)), True),
    ("Leaders have responded swiftly to the findings of the monitoring visit focusing on care leavers in February 2024.", When(2024), True),
    ("Two focused visits, in April 2019 and August 2021, identified repeated shortfalls.", When(2021, (8,)), True),
    ("In July 2021, a focused visit noted further deterioration in the quality of services.", When(2021), True),
    ("Areas for improvement, identified in a 2018 joint targeted area inspection, have yet to be addressed.", When(2018), True),
    ("This was judged to be adequate in the most recent Ofsted full inspection on 23 September 2014.", When(2014, (9,)), True),
    # the month asked is another visit's
    ("Two focused visits, in April 2019 and August 2021, identified repeated shortfalls.", When(2021, (4,)), False),
    # dates that are not a visit's
    ("Numbers rose from 380 at 31 March 2014 to 435 at the point of inspection.", When(2014), False),
    ("There was a 12% reduction in plans between 31 March 2014 and the time of the inspection.", When(2014), False),
    ("Since the 2012 inspection, particularly following Hampshire senior managers joining in July 2013, the focus changed.", When(2013), False),
    ("Numbers have risen since 2019.", None, False),
    ("A focused visit in 2018 recognised some improvements.", None, True),  # at any date
])
def test_a_sentence_tells_of_a_visit_when_a_visit_word_goes_with_the_date(sentence, when, tells):
    assert tells_of(sentence, when) is tells


def test_the_report_that_followed_tells_of_a_visit_first_and_each_passage_once():
    earlier, later, latest = record("2017", end="2017-10-05"), record("2025", end="2025-07-04"), record("2022", end="2022-02-11")

    def passage(doc_id, ordinal, text, kind="paragraph"):
        return SimpleNamespace(doc_id=doc_id, ordinal=ordinal, kind=kind, text=text)

    passages = {
        "2017": [passage("2017", 1, "The focused visit in November 2023 is not yet due.")],  # (an earlier document: last)
        "2022": [],
        "2025": [
            passage("2025", 0, "Inspection dates: 23 June to 4 July 2025 and the visit in November 2023", kind="field"),
            passage("2025", 3, "Since the focused visit in November 2023, which found a decline, leaders acted. Following the focused visit in November 2023, they asked for help."),
            passage("2025", 9, "Following the focused visit in November 2023, senior leaders responded transparently."),
        ],
    }
    def sentences(p):
        return [SimpleNamespace(text=t.strip() + ".") for t in p.text.split(".") if t.strip()]

    found = told_of([earlier, latest, later], passages.__getitem__, sentences, When(2023, (11,)))
    assert [s.text for s in found] == [
        "Since the focused visit in November 2023, which found a decline, leaders acted.",
        "Following the focused visit in November 2023, senior leaders responded transparently.",
    ]
    # a visit named by its kind, at any date: the latest document's first
    passages["2022"] = [passage("2022", 5, "The monitoring visit in 2021 found progress. The focused visit in May 2020 found delay.")]
    found = told_of([earlier, latest, later], passages.__getitem__, sentences, visit=r"\bfocused\s+visits?\b")
    assert [s.text for s in found] == [
        "Since the focused visit in November 2023, which found a decline, leaders acted.",
        "Following the focused visit in November 2023, senior leaders responded transparently.",
    ]
    found = told_of([earlier, latest], passages.__getitem__, sentences, visit=r"\bfocused\s+visits?\b")
    assert [s.text for s in found] == ["The focused visit in May 2020 found delay.", "The focused visit in November 2023 is not yet due."]
    assert told_of([latest], passages.__getitem__, sentences, visit=r"\bmonitoring\s+visits?\b")[0].text == "The monitoring visit in 2021 found progress."
