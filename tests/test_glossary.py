"""The glossary of everyday words for the reports' terms (assistant/data/terms.txt)."""

import pytest

from assistant import glossary
from assistant.query import analyse

ENTRIES = (
    ("out of hours", ("at night and at weekends", "overnight")),
    ("independent visitor", ("volunteer befriender",)),
)


def test_an_everyday_phrasing_names_the_reports_term():
    assert glossary.used("What happens to a child at night and at weekends?", ENTRIES) == [("out of hours", "at night and at weekends")]
    assert glossary.terms_for("How many children had volunteer befrienders?", ENTRIES) == ["independent visitor"]  # a plural too


def test_a_phrasing_is_matched_as_whole_words_and_not_when_the_term_is_there():
    assert glossary.terms_for("What did the overnighter say?", ENTRIES) == []
    assert glossary.terms_for("Is the out of hours service busy overnight?", ENTRIES) == []  # the term is asked already


def test_a_phrasing_is_matched_whoever_the_care_is_said_to_be_of():
    entries = (("care-experienced", ("grew up in care",)), ("care proceedings", ("taken into care",)))
    assert glossary.terms_for("Do young adults who grew up in Enfield's care get a head start?", entries) == ["care-experienced"]
    assert glossary.terms_for("Has it helped those who grew up in its care?", entries) == ["care-experienced"]
    assert glossary.terms_for("Which team works with children on the brink of being taken into the council's care?", entries) == ["care proceedings"]
    assert glossary.terms_for("Which team works with children taken into custody?", entries) == []


def test_a_longer_phrasing_is_matched_by_its_words_in_order_near_each_other():
    entries = (("independent visitor", ("volunteer adult who visits", "volunteer befriender")), ("children's homes", ("care homes for children",)))
    asked = "How many kids in care had a volunteer adult from outside the council coming to visit and befriend them?"
    assert glossary.terms_for(asked, entries) == ["independent visitor"]  # "volunteer … adult … visit": three words, near, in order
    assert glossary.terms_for("How many adults visit as volunteers?", entries) == []  # not in its order
    assert glossary.terms_for("Was there a volunteer? Many years later an adult, then in her forties, came to visit.", entries) == []  # too far apart
    assert glossary.terms_for("Were there enough homes for children in care?", entries) == []  # "care homes for children": not in its order
    assert glossary.terms_for("Was the volunteer a befriender?", entries) == []  # two words: said as the phrasing says them, or not at all


def test_every_line_of_the_shipped_glossary_is_a_term_with_phrasings():
    entries = glossary.load()
    assert len(entries) >= 20
    for term, forms in entries:
        assert term and forms and all(form == form.lower() and form != term for form in forms), term


def test_a_question_in_everyday_words_searches_for_the_reports_term_too():
    query = analyse("What happens when a child needs help at night and at weekends in Kent?", ["Kent"], lambda name: False)
    assert "out of hours" in query.topic and "out of hours" in query.dense_query


@pytest.mark.parametrize("question, term", [
    ("Who covered Kent's social work calls at night and weekends?", "out of hours"),
    ("When Kent children had to be found a foster home at night or over a weekend, were those homes a good fit?", "out of hours"),
    ("Our young person identifies as a different gender from the one they were given at birth. How are children like them supported?", "transgender"),
    ("Were fostered kids in Kent getting to stay in the same home for the long haul?", "placement stability"),
])
def test_more_everyday_phrasings_of_the_reports_terms(question, term):
    assert term in glossary.terms_for(question)


def test_a_possessive_is_matched_either_way_and_terms_are_not_the_questions_own_words():
    entries = (("unregistered", ("illegal children's homes",)), ("siblings", ("brothers and sisters",)))
    assert glossary.terms_for("Are there illegal children’s homes in Kent?", entries) == ["unregistered"]
    query = analyse("What did inspectors say about siblings being placed together in Kent?", ["Kent"], lambda name: False)
    assert query.terms and query.terms not in query.own_topic


def test_allegations_against_people_who_work_with_children_are_the_designated_officers_work():
    for asked in ("Was Kent's handling of allegations against people who work with children strong in 2022?", "How did Kent respond to allegations against professionals?"):
        assert "designated officer" in glossary.terms_for(asked)


def test_everyday_words_for_young_carers_exclusion_and_the_local_offer():
    assert "young carers" in glossary.terms_for("Does Kent help children who look after an ill or disabled relative at home?")
    assert "permanent exclusion" in glossary.terms_for("Had any child in Kent's care been expelled from school for good?")
    assert "local offer" in glossary.terms_for("How do care leavers find out what help they are entitled to?")


def test_everyday_words_for_equality_status_fitness_and_staff_well_being():
    assert "protected characteristic" in glossary.terms_for("Does Kent treat having grown up in care in the same way as disability or race under its equality policies?")
    assert "gym" in glossary.terms_for("Does Kent help care leavers keep fit?")
    assert "well-being" in glossary.terms_for("Does Kent stop its social workers burning out?")


def test_everyday_words_for_special_guardianship_and_advocacy():
    assert "special guardianship" in glossary.terms_for("When a relative takes on legal responsibility for raising a Kent child under a court order, are they paid?")
    assert "advocacy" in glossary.terms_for("Were homeless teenagers given someone independent to help them weigh up their options?")


def test_casual_words_for_children_parents_doctors_and_exams():
    assert "children" in glossary.terms_for("How are the kids doing?")
    assert "parents" in glossary.terms_for("Were mums and dads told what was happening?")
    assert "gp" in glossary.terms_for("Were family doctors sending in reports?")
    assert "university" in glossary.terms_for("How many care leavers were at uni?")


def test_the_shipped_glossary_hears_everyday_words_for_lodgings_and_cutting():
    assert "bed and breakfast" in glossary.terms_for("Did it put homeless teenagers up in cheap guesthouse rooms?")
    assert "female genital mutilation" in glossary.terms_for("Were girls at risk of being cut protected?")


def test_the_shipped_glossary_hears_a_childs_school_plan_as_a_personal_education_plan():
    assert "personal education plan" in glossary.terms_for("Did children in care know the goals set for them in their school plans?")
