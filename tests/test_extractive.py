"""Composition and quote checks of the extractive answerer on hand-made passages (no model)."""

from dataclasses import replace

import pytest

from assistant import extractive, sides
from assistant.query import analyse
from assistant.types import Hit
from index.store import StoredPassage
from index.text import normalise


def passage(pid, text, kind="paragraph", doc_kind="ofsted_letter", date="2021-09-07", fields=None, ordinal=0):
    doc_id = pid.split("#")[0]
    return StoredPassage(
        passage_id=pid, doc_id=doc_id, text=text, locator="paragraph 1", heading=(), start=0, end=len(text),
        context="", ordinal=ordinal, kind=kind, page=None, title=f"Title of {doc_id}", doc_kind=doc_kind,
        authority="Isle of Wight", publisher="Ofsted", date=date, fields=fields or {},
    )


def scored(question, passages, scores):
    query = analyse(question, ["Isle of Wight"], lambda n: False)
    sentences = [s for p in passages for s in extractive.sentences_of(Hit(p, 1.0))]
    for s in sentences:
        s.score = scores.get(s.text[:20], 0.1)
        s.literal, s.dense = True, s.score  # as scoring would leave a sentence that uses the question's words
    return query, sentences


def test_verbatim_runs_keep_whole_quotes_and_split_merged_cells():
    doc = normalise("Ensure staff complete chronologies drawing on partners</p>\tOwner\t\n\tMASH (Multi Agency Safeguarding Hub) processes.")
    assert extractive.verbatim_runs("Ensure staff complete chronologies drawing on partners", doc) == ["Ensure staff complete chronologies drawing on partners"]
    runs = extractive.verbatim_runs("Ensure staff complete chronologies drawing on partners MASH (Multi Agency Safeguarding Hub) processes.", doc)
    assert runs == ["Ensure staff complete chronologies drawing on partners", "MASH (Multi Agency Safeguarding Hub) processes."]
    assert extractive.verbatim_runs("Something never said in the document at all", doc) == []


def test_addresses_and_phone_lines_are_not_quoted():
    assert not extractive.is_prose("Ofsted\nPiccadilly Gate\nStore Street\nManchester\nM1 2WD")
    assert not extractive.is_prose("T 0300 123 1231 Textphone 0161 618 8524 enquiries@ofsted.gov.uk")
    assert extractive.is_prose("Managers do not provide staff with reflective supervision.")
    # a sentence of names is still a sentence: it says what a service or a partner is called
    assert extractive.is_prose("Bracknell Forest works closely with the Regional Adoption Agency (Adopt Thames Valley).")
    assert extractive.is_prose("The Contact Assessment and Referral Team (CART) was established in September 2013.")
    assert not extractive.is_prose("Lisa Pascoe\nHer Majesty's Inspector\nOfsted North West Regional Office")


def test_broad_answer_groups_by_source_ofsted_first_and_dated():
    plan = passage("plan-2024#action-6.1", "Ref: 6.1\nAction: Ensure supervision happens monthly.", kind="action", doc_kind="improvement_plan", date="2024-03",
                   fields={"ref": "6.1", "action": "Ensure supervision happens monthly.", "owner": "Children's Management Team", "rag": "A", "commencing": "April 2024"})
    letter = passage("letter-2021#p21", "The majority of supervision is regular and effective. Other things happen too.")
    query, sentences = scored("What did Ofsted say about supervision?", [plan, letter], {"Ensure supervision h": 0.9, "The majority of supe": 0.8})
    chosen = extractive.select(query, sentences, max_sentences=8, relative=0.7)
    text, citations = extractive.compose(query, chosen, lambda doc_id: normalise(letter.text + " " + plan.text))
    assert text.index("Ofsted letter — Title of letter-2021, 7 September 2021") < text.index("Improvement plan — Title of plan-2024, March 2024")
    assert "Action 6.1 (owner: Children's Management Team; commencing: April 2024; RAG: A): “Ensure supervision happens monthly.” [2]" in text
    assert "“The majority of supervision is regular and effective.” [1]" in text
    for c in citations:
        assert c.quote in c.text
        assert f"“{c.quote}” [{c.n}]" in text
    report = passage("report-2023#para-4", "Supervision is regular but rarely reflective.", doc_kind="inspection_report", date="2023-12-15")
    query, sentences = scored("What did Ofsted say about supervision?", [plan, report], {"Ensure supervision h": 0.9, "Supervision is regul": 0.8})
    text, _ = extractive.compose(query, extractive.select(query, sentences, max_sentences=8, relative=0.7), lambda doc_id: normalise(report.text + " " + plan.text))
    assert text.index("Inspection report — Title of report-2023") < text.index("Improvement plan — Title of plan-2024")  # a report is Ofsted's too


def test_a_broad_finding_is_quoted_with_the_sentences_beside_it_on_its_topic():
    """What the paragraph says of the topic either side of a finding is quoted with it; a sentence
    beside it on something else, or far under the bar, is not."""
    p = passage("report-2021#para-45", "The workforce is stable. Senior managers are determined in their efforts to recruit and retain more social workers. "
                "A planned overseas social worker recruitment programme has just reached fruition. The building was refurbished in 2019.")
    other = passage("report-2021#para-46", "Social workers have manageable caseloads. Most social workers stay for years.")
    question = "What did Ofsted say about the social work workforce?"
    query, sentences = scored(question, [p, other], {"The workforce is sta": 0.45, "Senior managers are ": 0.9, "A planned overseas s": 0.5, "The building was ref": 0.6, "Social workers have ": 0.85, "Most social workers ": 0.3})
    for s in sentences:
        s.literal = not s.text.startswith("The building")  # uses none of the question's words
    shown = [s.text for s in extractive.select(query, sentences, max_sentences=2, relative=0.9)]
    assert shown[0] == ("The workforce is stable. Senior managers are determined in their efforts to recruit and retain more social workers. "
                        "A planned overseas social worker recruitment programme has just reached fruition.")
    assert "Social workers have manageable caseloads." in shown  # 0.3 is under half the bar: not carried on into
    assert not any("Most social workers" in t or "refurbished" in t for t in shown)


def test_factoid_leads_with_the_sentence_that_answers():
    p = passage("letter-2021#p7", "This letter summarises the findings. The visit took place on 28 and 29 July 2021.")
    query, sentences = scored("When did the visit take place?", [p], {"This letter summaris": 0.9, "The visit took place": 0.85})
    chosen = extractive.select(query, sentences, max_sentences=8, relative=0.7)
    assert chosen[0].text == "The visit took place on 28 and 29 July 2021."
    text, _ = extractive.compose(query, chosen, lambda d: normalise(p.text))
    assert text.startswith("“The visit took place on 28 and 29 July 2021.” [1] — Ofsted letter")


def test_years_compared_each_have_their_share_of_a_broad_answer():
    earlier = [passage(f"r2014#p{i}", f"Adoption finding number {i} of the earlier report.", doc_kind="inspection_report", date="2014-01-30", ordinal=i) for i in range(10)]
    later = [passage(f"r2019#p{i}", f"Adoption finding {i} of the later one.", doc_kind="inspection_report", date="2019-07-26", ordinal=i) for i in range(5)]
    query, sentences = scored("Adoption required improvement in 2014. Was it better by 2019?", earlier + later, {})
    for s in sentences:  # the earlier report matches the question's words better throughout
        n = int(s.text.split()[3 if "number" in s.text else 2])
        s.score = s.dense = (0.9 - 0.01 * n) if "earlier" in s.text else (0.6 - 0.01 * n)
    chosen = extractive.select(query, sentences, max_sentences=8, relative=0.7)
    docs = [s.passage.doc_id for s in chosen]
    assert docs.count("r2019") == 4 and docs.count("r2014") == 4  # not seven of 2014 and one of 2019

    # ... and so do authorities compared
    kent = [replace_authority(p, "Kent") for p in earlier]
    medway = [replace_authority(p, "Medway") for p in later]
    query = analyse("How did Kent and Medway compare on adoption?", ["Kent", "Medway"], lambda n: False)
    sentences = [s for p in kent + medway for s in extractive.sentences_of(Hit(p, 1.0))]
    for s in sentences:
        n = int(s.text.split()[3 if "number" in s.text else 2])
        s.literal, s.score = True, (0.9 - 0.01 * n) if "earlier" in s.text else (0.6 - 0.01 * n)
        s.dense = s.score
    docs = [s.passage.authority for s in extractive.select(query, sentences, max_sentences=8, relative=0.7)]
    assert docs.count("Kent") == 4 and docs.count("Medway") == 4


def replace_authority(p, authority):
    from dataclasses import replace

    return replace(p, authority=authority, doc_id=f"{authority}-{p.doc_id}", passage_id=f"{authority}-{p.passage_id}")


def test_a_sentence_a_document_says_twice_is_quoted_once():
    listed = passage("plan#p10", "The opportunities for the voices of children to be heard at a corporate level.", ordinal=10)
    heading = passage("plan#p28", "The opportunities for the voices of children to be heard at a corporate level. Leaders will meet children.", ordinal=28)
    elsewhere = passage("other#p3", "The opportunities for the voices of children to be heard at a corporate level.", ordinal=3)
    query, sentences = scored("What does the plan do about children's voices?", [listed, heading, elsewhere], {"The opportunities fo": 0.9, "Leaders will meet ch": 0.8})
    texts = {"plan": listed.text + " " + heading.text, "other": elsewhere.text}
    first = [s for s in sentences if s.passage.passage_id in ("plan#p10", "other#p3")]
    # a broad answer's findings of the other side are added by with_side: not the plan's repeat
    chosen = extractive.with_side(first, sentences, lambda s: s.passage.passage_id != "plan#p10", 1.0, 5)
    text, citations = extractive.compose(query, chosen, lambda d: normalise(texts[d.split("#")[0]]))
    assert text.count("corporate level") == 2  # once for the plan, once for the other document
    assert [c.passage_id for c in citations] == ["other#p3", "plan#p10", "plan#p28"]
    assert "Leaders will meet children." in text  # the heading's passage still says more


def test_typed_question_without_the_fact_selects_nothing():
    p = passage("letter-2022#p24", "Leaders have recently appointed an interim manager. This has brought stability.")
    query, sentences = scored("What is the name of the interim manager?", [p], {"Leaders have recentl": 0.9})
    assert extractive.select(query, sentences, max_sentences=8, relative=0.7) == []


def test_quotes_not_in_the_document_are_never_cited():
    p = passage("letter-2021#p1", "Supervision is regular and reflective in most teams.")
    query, sentences = scored("What about supervision?", [p], {"Supervision is regul": 0.9})
    chosen = extractive.select(query, sentences, max_sentences=8, relative=0.7)
    text, citations = extractive.compose(query, chosen, lambda d: normalise("an entirely different document text"))
    assert citations == [] and text == ""


@pytest.mark.parametrize("text, leans", [
    ("“Here, we just have two coordinators,” she says. “All the work is done out in the community.”", True),
    ("That process came in several parts. The first was the wholesale implementation of a new model.", True),
    ("While other areas have changed, the service has kept its strengths, says manager Carol Attrill. Like her colleagues, she explains that partners are near.", False),
    ("Inspectors looked at the local authority's arrangements for children in need.", False),
    ("This letter summarises the findings of the focused visit.", False),
])
def test_a_paragraph_that_leans_on_the_one_before(text, leans):
    assert extractive.paragraph_leans_back(text) is leans


@pytest.mark.parametrize("text, leans", [
    ("There are early indicators that this is improving the accessibility of services.", True),
    ("The conclusion of this successful partnership was 31 January 2024.", True),
    ("It now stands at 8%.", True),
    ("This visit was carried out fully by remote means.", False),
    ("Leaders plan to review this year's caseloads.", False),
    ("As a result, there are missed opportunities for feedback to inform learning.", True),
    ("While some are well focused on children's needs, the majority are not yet good enough.", True),
    ("Most child in need review meetings are held regularly.", False),
    ("Some children wait too long for help.", False),
    # some of those the sentence before spoke of, and what happens to them
    ("Many experience an early change of placement, with some provided with very temporary provision.", True),
    ("Most receive good support from their personal advisers.", True),
    ("Many children experience an early change of placement.", False),
    # a count of what the sentence before spoke of ("The council runs five children's homes.")
    ("Four were judged to be good or outstanding in their most recent Ofsted inspections.", True),
    ("Two of these have closed.", True),
    ("Four children were judged to be at risk.", False),
    ("At the time of the inspection, 27 young people were living in such arrangements.", True),
    ("Services such as the Consult service help children.", False),
    # a turn against the sentence before: a finding is quoted with its "however"
    ("However, the quality of plans is variable.", True),
    ("Nevertheless, too many children wait.", True),
    ("How well children are helped varies.", False),
])
def test_a_sentence_that_leans_on_the_one_before(text, leans):
    assert extractive.leans(text) is leans


def test_a_count_of_what_the_sentence_before_names_answers_how_many():
    # the figure is said of "young people … in such arrangements"; the sentence it leans on names what is counted
    p = passage("report#para-34", "‘Staying put’ arrangements for care leavers are well promoted. At the time of the inspection, 27 young people were living in such arrangements.")
    sentences = extractive.sentences_of(Hit(p, 1.0))
    assert extractive.satisfies(sentences[1], "number", "How many care leavers were in staying put arrangements?")
    assert not extractive.satisfies(sentences[1], "number", "How many foster carers were there?")
    # young people never count the grown-ups the sentence before names ("…with their former foster carers")
    p = passage("report#para-35", "Staying put arrangements, for care leavers to remain living with their former foster carers, are available. At the time of the inspection, 27 young people were living in such arrangements.")
    sentences = extractive.sentences_of(Hit(p, 1.0))
    assert not extractive.satisfies(sentences[1], "number", "How many new foster carers was the strategy aiming to approve?")
    assert extractive.satisfies(sentences[1], "number", "How many care leavers were living with their former foster carers?")


def test_a_role_holder_question_wants_that_role_named_for_that_year():
    team = passage("article-2019#p6", "Those are the words of Lisa Barton, of the children in care team, about the November 2018 inspection.", doc_kind="news_article", date="2019-03-14")
    chief = passage("letter-2021#p6", "Her Majesty's Chief Inspector of Education is leading Ofsted's work on the pandemic.")
    lead = passage("letter-2021#p7", "The lead inspector was Amanda Maxwell.")
    scores = {"Those are the words ": 0.9, "Her Majesty's Chief ": 0.85, "The lead inspector w": 0.8}
    query, sentences = scored("Who was the lead inspector for the November 2018 inspection?", [team, chief, lead], scores)
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75) == []  # no inspector named for 2018
    scores["The lead inspector w"] = 0.95
    query, sentences = scored("Who was the lead inspector for the 2021 visit?", [team, chief, lead], scores)
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75)[0].text == "The lead inspector was Amanda Maxwell."


def test_a_figure_for_another_year_does_not_answer():
    article = passage("article-2019#p26", "Hampshire had 12% of its children living in poverty in 2014 against the island's 20%. That picture is borne out in free school meals at 18%.",
                      doc_kind="news_article", date="2019-03-14")
    scores = {"Hampshire had 12% of": 0.9, "That picture is born": 0.85}
    query, sentences = scored("What percentage of children were living in poverty in 2019?", [article], scores)
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75) == []  # 2014's figures, also through "That picture"
    query, sentences = scored("What percentage of children were living in poverty in 2014?", [article], scores)
    assert "12%" in extractive.select(query, sentences, max_sentences=8, relative=0.75)[0].text
    release = passage("release-2019#p3", "Inspectors, who visited for three weeks in November, found services were good.", doc_kind="press_release", date="2019-01")
    query, sentences = scored("How long did inspectors visit for in November 2018?", [release], {"Inspectors, who visi": 0.9})
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75)  # January 2019's release reports on late 2018


def test_which_person_wants_a_full_name_not_a_place():
    places = passage("article-2019#p26", "The island’s figures were close to national averages, while Hampshire’s numbers were lower.", doc_kind="news_article", date="2019-03-14")
    person = passage("article-2019#p56", "Trust had fallen so far that then-education secretary Michael Gove had to intervene directly.", doc_kind="news_article", date="2019-03-14")
    query, sentences = scored("Which government minister had to intervene on the Isle of Wight?", [places, person], {"The island’s figures": 0.9, "Trust had fallen so ": 0.8})
    assert "Michael Gove" in extractive.select(query, sentences, max_sentences=8, relative=0.75)[0].text


def test_a_letter_frame_answers_only_questions_about_the_frame():
    signature = passage("letter-2021#p28", "Amanda Maxwell\nHer Majesty's Inspector", kind="block")
    signature = signature.__class__(**{**signature.__dict__, "heading": ("Letter signed by",), "context": "Focused visit — Letter signed by (who signed the letter)"})
    assert extractive.frame_asked(signature, {"sign", "letter"} | {"signed"})
    assert not extractive.frame_asked(signature, {"threshold", "letter", "compar"})  # "the letters" is not the frame


def test_a_start_date_question_is_not_answered_by_an_end():
    renewal = passage("article-2019#p60", "Before that process was even concluded, in late 2017 councillors voted to renew it.", doc_kind="news_article", date="2019-03-14")
    since = passage("release-2019#p4", "Ofsted said the partnership since 2013 had brought stable leadership.", doc_kind="press_release", date="2019-01")
    query, sentences = scored("When did the partnership begin?", [renewal, since], {"Before that process ": 0.9, "Ofsted said the part": 0.8})
    assert "since 2013" in extractive.select(query, sentences, max_sentences=8, relative=0.75)[0].text


def test_a_count_is_not_answered_by_a_percentage_a_sum_or_a_measure():
    article = passage("article-2019#p48", "Market supplements of up to £4,000 and a nine-day fortnight helped. Agency use now stands at 8%.",
                      doc_kind="news_article", date="2019-03-14")
    scores = {"Market supplements o": 0.9, "Agency use now stand": 0.85}
    query, sentences = scored("How many social workers does the council employ?", [article], scores)
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75) == []
    query, sentences = scored("What percentage of the workforce are agency staff?", [article], scores)
    assert any("8%" in s.text for s in extractive.select(query, sentences, max_sentences=8, relative=0.75))
    count = passage("letter-2022#p12", "The service employs 12 social workers.")
    query, sentences = scored("How many social workers does the council employ?", [count], {"The service employs ": 0.9})
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75)[0].text == "The service employs 12 social workers."


def test_a_count_is_not_answered_by_an_age_or_a_figure_the_question_gives():
    ages = passage("report-2024#p6", "The response to homeless 16- and 17-year-old children.")
    query, sentences = scored("How many homeless 16 and 17 year olds came to the council for help?", [ages], {"The response to home": 0.9})
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75) == []
    given = passage("report-2024#p56", "Care leavers aged 18 to 20 transfer to the leaving care service at 18.")
    query, sentences = scored("How many care leavers aged 18 to 20 had lost touch with the service?", [given], {"Care leavers aged 18": 0.9})
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75) == []
    counted = passage("report-2017#p9", "Only nine of 119 16- and 17-year-olds have left care.")
    query, sentences = scored("How many of the 16- and 17-year-olds had left care?", [counted], {"Only nine of 119 16-": 0.9})
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75)[0].text.startswith("Only nine of 119")
    assert extractive.counted_words("How many care leavers aged 18 to 20 were in touch?") == extractive.counted_words("How many care leavers were in touch?")
    # people by the age they are under: young people, as "16- and 17-year-olds" are
    under = passage("report-2017#p8", "Approximately 34,000 children and young people under the age of 18 years live in the area.")
    query, sentences = scored("Roughly how many under-18s lived in the area?", [under], {"Approximately 34,000": 0.9})
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75)[0].text.startswith("Approximately 34,000")
    assert analyse("What exact percentage of return home conversations were offered within 72 hours?", [], lambda t: True).wants == "number"


def test_what_is_counted_ends_before_a_verb_said_of_it():
    # "How many care leavers attended those sessions?" counts care leavers: a sentence
    # that names the sessions with another count ("in two local prisons") does not answer it
    assert extractive.counted_words("How many care leavers attended those sessions?") == extractive.counted_words("How many care leavers were there?")
    assert extractive.counted_words("How many privately fostered children did it know about?") >= {"privately", "foster"}
    other = passage("report-2025#p49", "The service is also supporting drop-in sessions for care leavers from across the country in two local prisons.")
    query, sentences = scored("Redcar and Cleveland supports drop-in sessions for care leavers in two local prisons. How many care leavers attended those sessions?", [other], {"The service is also": 0.9})
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75) == []
    counted = passage("report-2025#p50", "Eleven care leavers attended the sessions last year.")
    query, sentences = scored("How many care leavers attended those sessions?", [counted], {"Eleven care leavers": 0.9})
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75)[0].text == "Eleven care leavers attended the sessions last year."


def test_the_name_of_a_role_holder_is_a_person_not_a_place():
    p = passage("letter-2022#p7", "This letter summarises the visit to Isles of Scilly children's services.")
    query, sentences = scored("What is the name of the interim manager?", [p], {"This letter summarise": 0.9})
    assert extractive.select(query, sentences, max_sentences=8, relative=0.7) == []


def test_a_role_holder_is_the_person_the_role_is_said_of():
    other = passage("article-2019#p17", "Directors would come in with ambitious plans, start making changes, then leave, recalls Simon Dear, now the service manager.",
                    doc_kind="news_article", date="2019-03-14")
    query, sentences = scored("What is the name of the new permanent Service Director?", [other], {"Directors would come": 0.9})
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75) == []
    named = passage("letter-2021#p7", "Her Majesty's Inspectors for this visit were Amanda Maxwell and Nick Stacey.")
    query, sentences = scored("Who were the inspectors for the visit?", [named], {"Her Majesty's Inspec": 0.9})
    assert "Amanda Maxwell" in extractive.select(query, sentences, max_sentences=8, relative=0.75)[0].text
    # a role the statement before "What is his name?" names: the lead inspector is not the trust's chief executive
    asked = "The 2026 report praises the chief executive officer of the children's trust. What is his name?"
    lead, chief = (extractive.sentences_of(Hit(passage(f"report-2026#p{n}", text), 1.0))[0] for n, text in (
        (2, "David Cohen, the lead inspector, met leaders."), (3, "Leaders, including the chief executive officer, Sam Hill, are ambitious.")))
    assert not extractive.satisfies(lead, "name", asked) and extractive.satisfies(chief, "name", asked)


def test_a_percentage_asked_for_is_preferred_to_a_fraction_nearly_as_relevant():
    earlier = passage("article-2019#p35", "By the time Hampshire arrived, half of the workforce were agency staff.", doc_kind="news_article", date="2019-03-14", ordinal=35)
    now = passage("article-2019#p48", "Agency use now stands at 8%.", doc_kind="news_article", date="2019-03-14", ordinal=48)
    scores = {"By the time Hampshir": 0.7, "Agency use now stand": 0.5}
    query, sentences = scored("What percentage of the workforce were agency staff?", [earlier, now], scores)
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75)[0].text == "Agency use now stands at 8%."
    query, sentences = scored("What proportion of the workforce were agency staff?", [earlier, now], scores)
    assert "half" in extractive.select(query, sentences, max_sentences=8, relative=0.75)[0].text


def test_a_date_before_or_after_a_year_must_be_so():
    visit = passage("letter-2021#p7", "This letter summarises a focused visit on 28 and 29 July 2021.")
    earlier = passage("letter-2021#p10", "Leaders have continued their project since the previous inspection in November 2018.")
    scores = {"This letter summaris": 0.9, "Leaders have continu": 0.7}
    query, sentences = scored("When was the previous inspection before the 2021 focused visit?", [visit, earlier], scores)
    assert "November 2018" in extractive.select(query, sentences, max_sentences=8, relative=0.75)[0].text
    query, sentences = scored("When was the focused visit after the 2018 inspection?", [visit, earlier], scores)
    assert "July 2021" in extractive.select(query, sentences, max_sentences=8, relative=0.75)[0].text
    query, sentences = scored("When was the inspection before 2015?", [visit, earlier], scores)
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75) == []


def test_meaning_passes_back_one_sentence_not_along_a_chain():
    p = passage("plan-2024#p3", "Recruiting social workers has been a challenge for the island. Consequently, there have been periods of higher vacancies. Leaders know the impact of this on caseloads.")
    query = analyse("What incentives were used to recruit social workers?", ["Isle of Wight"], lambda n: False)
    sentences = extractive.sentences_of(Hit(p, 1.0))
    extractive.score_sentences(query, sentences, [[1.0, 0.0], [0.0, 1.0], [0.0, 1.0]], [1.0, 0.0], lambda t: 1.0, 1.0)
    assert [round(s.dense, 2) for s in sentences] == [1.0, 1.0, 0.0]  # the third is quoted with the second only


def test_a_paragraph_is_quoted_without_a_hole_between_two_chosen_sentences():
    found = passage("plan-2024#p24", "Consultation with partners is not strong. Partners are not routinely invited to strategy meetings. "
                    "Information is not shared. For some children, assessments close too quickly. Leaders know this.", doc_kind="improvement_plan")
    query, sentences = scored("What did inspectors find about partners?", [found], {"Consultation with pa": 0.9, "For some children, a": 0.8})
    chosen = extractive.select(query, sentences, max_sentences=8, relative=0.7)
    text, _ = extractive.compose(query, chosen, lambda doc_id: normalise(found.text))
    assert "“Partners are not routinely invited to strategy meetings.”" in text  # the two between are filled in
    assert "“Information is not shared.”" in text
    assert "Leaders know this" not in text  # nothing after the last chosen
    far = passage("plan-2024#p25", "Partners are chosen first. Second sentence here. Third sentence here. Fourth sentence here. "
                  "Partners are chosen last.", doc_kind="improvement_plan")
    query, sentences = scored("What did inspectors find?", [far], {"Partners are chosen f": 0.9, "Partners are chosen l": 0.8})
    chosen = extractive.select(query, sentences, max_sentences=8, relative=0.7)
    assert [s.text for s in chosen] == ["Partners are chosen first.", "Partners are chosen last."]  # three apart: left as two quotes


def test_a_sentence_using_the_acronym_holds_the_words_the_question_spells_out():
    p = passage("plan-2024#p9", "Children in long-term foster care wait too long for an SGO. Supervision of social workers is regular and reflective.")
    query = analyse("What did Ofsted say about special guardianship orders?", ["Isle of Wight"], lambda n: False)
    sentences = extractive.sentences_of(Hit(p, 1.0))
    extractive.score_sentences(query, sentences, [[1.0, 0.0]] * 2, [1.0, 0.0], lambda t: 3.0, 10.0, same=[("SGO", "special guardianship order")])
    assert sentences[0].coverage == pytest.approx(1.0) and sentences[1].coverage == 0.0


def test_an_acronym_asked_in_the_plural_is_held_by_a_sentence_spelling_it_out():
    # "PEPs" is tokenised with its "s"; a sentence saying "personal education plans" holds it
    p = passage("report#p9", "Personal education plans are of variable quality. Supervision of social workers is regular.")
    query = analyse("Were PEPs any better at the Isle of Wight's 2018 inspection?", ["Isle of Wight"], lambda n: False)
    sentences = extractive.sentences_of(Hit(p, 1.0))
    extractive.score_sentences(query, sentences, [[1.0, 0.0]] * 2, [1.0, 0.0], lambda t: 3.0, 10.0, same=[("PEP", "personal education plan")])
    assert sentences[0].coverage > 0.0 and sentences[1].coverage == 0.0


def test_a_word_rarer_than_the_cap_does_not_outweigh_the_rest_of_the_question():
    p = passage("plan-2024#p9", "The council will replace the case recording system this year.")
    query = analyse("What will replace the clunky case recording system?", ["Isle of Wight"], lambda n: False)
    sentences = extractive.sentences_of(Hit(p, 1.0))
    idf = lambda t: 10.0 if t == "clunky" else 3.0  # "clunky": in a handful of a big library's passages
    extractive.score_sentences(query, sentences, [[1.0, 0.0]], [1.0, 0.0], idf, 10.0)
    held = 4 * 3.0  # replace, case, recording, system
    assert sentences[0].coverage == pytest.approx(held / (held + extractive.RARITY_CAP))


def test_a_name_a_report_is_about_need_not_be_in_its_evidence_sentence():
    from assistant.ask import _report_about

    # the report names the trust that runs the council's services in several passages; its evidence says "the trust"
    report = [passage(f"don-2017#p{i}", text) for i, text in enumerate([
        "An independent provider, Doncaster Children’s Services Trust, delivers all services for children.",
        "Doncaster Children's Services Trust has been highly effective in developing a culture for good social work.",
        "The chief executive of Doncaster Children’s Services Trust reports to the council.",
        "A transition programme, ‘keys to my future’, has been developed by the trust.",
    ])]
    assert _report_about("Doncaster Children's Services Trust", report)
    assert not _report_about("Doncaster Children's Services Trust", report[:2] + report[3:])  # said twice: not what it is about
    assert not _report_about("St Mary's Hospital", report)


def test_a_name_the_question_gives_must_be_in_the_evidence_spelt_out_or_misspelt():
    from assistant.ask import _names_unmet

    said = passage("iow-2023#p5", "The multi-agency safeguarding hub responds swiftly. Children with special educational needs and disabilities are seen.")

    def unmet(question):
        return _names_unmet(analyse(question, ["Isle of Wight"], lambda n: False), [said])

    assert unmet("What did the CQC say about the hub on the Isle of Wight?") == ["CQC"]
    # a misspelt name is met by the one it misspells, not by another that shares its start
    pilot = passage("hull#p14", "At the same time, HMIC, the CQC and HMI Probation conducted pilot inspections of the police force.")
    assert _names_unmet(analyse("What did Ofsted say of the Mosiac system?", ["Isle of Wight"], lambda n: False), [passage("iow#p1", "The Mosaic system is in use.")]) == []
    assert _names_unmet(analyse("What did HMICFRS conclude about the police?", ["Isle of Wight"], lambda n: False), [pilot]) == ["HMICFRS"]
    # a name of three words or more is met by its words together, not apart
    apart = passage("iow-2023#p6", "Care is of high quality; commissioning is improving.")
    assert _names_unmet(analyse("What did the Care Quality Commission say?", ["Isle of Wight"], lambda n: False), [apart]) == ["Care Quality Commission"]
    # an acronym of a body met by its subject as the library spells it out, without the kind of body
    camhs = passage("devon#p29", "There is a delay in specialist child and adolescent mental health therapeutic support for some children.")
    asked = analyse("What did the council do for children facing a delay in CAMHS support?", ["Isle of Wight"], lambda n: False)
    assert _names_unmet(asked, [camhs], defined={"CAMHS": ("child and adolescent mental health service",)}) == []
    assert _names_unmet(asked, [apart], defined={"CAMHS": ("child and adolescent mental health service",)}) == ["CAMHS"]
    # shorthand for a kind of person or thing is no name ("a teacher or GP", "a hand with their CV")
    line = passage("ey#p3", "Professionals can call the consultation line to discuss concerns before making a referral.")
    assert _names_unmet(analyse("Can a teacher or GP ring up to talk a worry through?", ["Isle of Wight"], lambda n: False), [line]) == []
    # two names joined are each met where each is written ("Donna Marriott and Linda Steele" on two cover lines)
    lines = [passage("mk#p1", "Lead inspector: Donna Marriott HMI", kind="field"), passage("mk#p2", "Deputy lead inspector: Linda Steele HMI", kind="field")]
    assert _names_unmet(analyse("Who was on the team alongside Donna Marriott and Linda Steele?", ["Isle of Wight"], lambda n: False), lines) == []
    assert _names_unmet(analyse("Who was on the team alongside Donna Marriott and Linda Steele?", ["Isle of Wight"], lambda n: False), lines[:1]) != []
    # a body named after the place, by its initials with the place's ("KCF" for "Kent Children First")
    initials = passage("kent#p9", "There is close working between KCF and the regional adoption agency.")
    asked = analyse("Which adoption agency did Kent Children First work with?", ["Kent"], lambda n: False)
    assert _names_unmet(asked, [initials]) == [] and _names_unmet(asked, [apart]) != []
    assert unmet("How well does the MASH work for children with SEND?") == []  # spelt out in the evidence
    # an inspection of it is another inspection: the evidence must tell of that, not only of children with SEND
    assert unmet("What did the Isle of Wight's SEND area inspection find?") == ["SEND"]
    told = passage("iow-2023#p9", "The SEND local area inspection in 2022 found weaknesses in joint commissioning.")
    assert _names_unmet(analyse("What did the Isle of Wight's SEND area inspection find?", ["Isle of Wight"], lambda n: False), [told]) == []
    assert unmet("What did Ofsted say about the hub on the Isle of Wite?") == []  # the place, misspelt
    # a name misspelt is near a name the evidence writes, not any word: "Stirling" is no misspelling of "still"
    still = passage("iow-2023#p10", "Care leavers are still supported by their personal advisers. Ofsted found the Stirling Road hub effective.")
    assert _names_unmet(analyse("What did Ofsted say about support for care leavers in Stirling?", [], lambda n: False), [said, passage("x#p1", "Care leavers are still supported.")]) == ["Stirling"]
    assert _names_unmet(analyse("What did Ofsted say about support for care leavers in Stirlng?", [], lambda n: False), [still]) == []
    # the country every council is in, and a place made an adjective, name nothing the evidence must hold
    assert unmet("Which team meets children who arrive in the UK alone on the Isle of Wight?") == []
    assert unmet("Which Isle of Wight-wide hub responds to children with SEND?") == []
    assert unmet("Who chairs the Isle of Wight Council's safeguarding hub?") == []  # the council's title is its place
    # the one asking ("I'd like to know"), and the place by its initials ("IoW's"), are no names
    assert unmet("As a resident I'd like to know: how well does the Isle of Wight's safeguarding hub respond?") == []
    assert unmet("Does anyone from the Isle of Wight's hub check the child is OK?") == []  # a word, not a name
    # people described by their ethnicity, met by evidence speaking of ethnicity in its own words
    matched = passage("iow-2023#p7", "Children from black and minority ethnic origins are matched with culturally appropriate carers.")
    asked = analyse("Were Black and Asian children on the Isle of Wight placed with carers who shared their culture?", ["Isle of Wight"], lambda n: False)
    assert _names_unmet(asked, [matched]) == [] and _names_unmet(asked, [said]) == ["Black and Asian"]
    mk = passage("mk-2021#p3", "The multi-agency safeguarding hub in Milton Keynes responds swiftly.")
    assert _names_unmet(analyse("As a Milton Keynes resident, how well does MK's safeguarding hub respond?", ["Milton Keynes"], lambda n: False), [mk]) == []
    # a body named with its place after it ("of B&NES", the place's short form)
    banes = passage("banes-2017#p3", "The Children in Care Councils won the award of ‘Young volunteer of the year’.")
    assert _names_unmet(analyse("What award had the Children in Care Councils of B&NES won?", ["Bath and North East Somerset"], lambda n: False), [banes]) == []
    # a name in brackets glosses the words before it, which the evidence says: "pre-proceedings (PLO)"
    assert unmet("What did inspectors say about the safeguarding hub (PLO) on the Isle of Wight?") == []
    assert unmet("What did inspectors say about court work (PLO) on the Isle of Wight?") == ["PLO"]
    # a body named by its initials in the evidence, and a body the place's name is said before
    cicc = passage("iow-2023#p7", "In the recent survey undertaken by the CiCC, two thirds of the 48 children had not heard of it.")
    council = passage("iow-2023#p8", "Nine children regularly attend the children in care council.")
    assert _names_unmet(analyse("What share of the Children in Care Council's survey had heard of it?", ["Isle of Wight"], lambda n: False), [cicc]) == []
    assert _names_unmet(analyse("How many attend the Isle of Wight's Children in Care Council?", ["Isle of Wight"], lambda n: False), [council]) == []
    assert _names_unmet(analyse("How many attend the Children in Care Council?", ["Isle of Wight"], lambda n: False), [said]) == ["Children in Care Council"]
    # a name by the shorthand the question gives it, which the evidence uses
    masss = passage("bolton#p7", "MASSS managers have access to a ‘live’ dashboard.")
    asked = "What tool did managers in the Multi Agency Screening and Safeguarding Service (MASSS) use?"
    assert _names_unmet(analyse(asked, ["Isle of Wight"], lambda n: False), [masss]) == []
    assert _names_unmet(analyse("What tool did managers in the Multi Agency Screening and Safeguarding Service use?", ["Isle of Wight"], lambda n: False), [masss]) != []
    # the framework an inspection was made under is no other inspection the evidence must tell of
    dates = replace(passage("iow#p1", "Inspection dates: 25 February to 8 March 2019"), title="Isle of Wight Council: Inspection of local authority children’s services")
    assert _names_unmet(analyse("When did Ofsted carry out its 2019 ILACS inspection of the Isle of Wight?", ["Isle of Wight"], lambda n: False), [dates]) == []
    # a name the question quotes ends where its quotation closes
    service = passage("plymouth-2014#para-37", "Troubled Families work is implemented through the ‘Families with a Future’ service. To date, 415 of the 650 families it has worked with have shown improvement.")
    quoted = "How many families worked with by the 'Families with a Future' Troubled Families service had shown improvement?"
    assert _names_unmet(analyse(quoted, ["Isle of Wight"], lambda n: False), [service]) == []
    assert _names_unmet(analyse(quoted.replace("Troubled", "Thriving"), ["Isle of Wight"], lambda n: False), [service]) == ["Future' Thriving Families"]
    # what something is called, asked by describing it: the evidence names it otherwise
    coaches = passage("iow-2023#p10", "Allocated leaving care coaches are responsive to young people’s individual needs.")
    assert _names_unmet(analyse("What do they call the workers who do the PA role for care leavers on the Isle of Wight?", ["Isle of Wight"], lambda n: False), [coaches]) == []
    assert _names_unmet(analyse("How do the PA workers help care leavers on the Isle of Wight?", ["Isle of Wight"], lambda n: False), [coaches]) == ["PA"]


def test_a_question_with_capitals_has_its_lower_case_words_read_as_written():
    from assistant.ask import _names_unmet

    said = passage("kent-2017#p9", "Alternative provision meets the needs of 668 children well, and virtually all are on full timetables.")
    ordinary = {"ordinary"}.__contains__  # the library writes it only in a name ("the Really I'm Ordinary group")

    def unmet(question):
        return _names_unmet(analyse(question, ["Kent"], lambda n: False), [said], is_name=ordinary)

    # its asker writes with capitals: "ordinary" is a word, though what is asked after the scene is in lower case
    assert unmet("Kent's 2017 report covers Alternative provision. how many were taught somewhere other than an ordinary school?") == []
    # typed all in lower case, a word the library only writes capitalised is read as a name
    assert unmet("kent's 2017 report covers alternative provision. how many were taught somewhere other than an ordinary school?") == ["Ordinary"]


def test_a_fact_asked_of_a_name_comes_from_a_document_that_names_it():
    from assistant.ask import _lead_names_unmet
    from assistant.extractive import Sentence

    query = analyse("How much did the Mosaic case management system cost?", ["Isle of Wight", "York"], lambda n: False)
    price = passage("york-2016#p40", "The council invested £0.5 million in a new case management system.")
    named = passage("plan-2024#p8", "The product Mosaic has been procured.")
    later = passage("plan-2024#p9", "The new system cost £120,000.")
    lead = lambda p: Sentence(Hit(p, 1.0), p.text, lead=True)
    by_doc = {"york-2016": [price], "plan-2024": [named, later]}
    # another council's price, beside a related sentence that names Mosaic: not the answer
    assert _lead_names_unmet(query, [lead(price), Sentence(Hit(named, 0.5), named.text)], by_doc, {}) == ["Mosaic"]
    # a price from the plan that names Mosaic elsewhere answers it
    assert _lead_names_unmet(query, [lead(later)], by_doc, {}) == []


def test_a_figure_asked_of_a_name_is_said_of_it():
    from assistant.ask import _lead_names_unmet
    from assistant.extractive import Sentence

    query = analyse("How many children did Oldham's Phoenix team work with in 2014–15?", ["Oldham"], lambda n: False)
    count = passage("oldham-2015#p83", "The local authority reports 8% of children having three or more placements during 2014–15.")
    team = passage("oldham-2015#p43", "The long-established Phoenix team tackling child sexual exploitation is effective.")
    worked = passage("oldham-2015#p44", "It worked with 120 children in 2014–15.")
    lead = lambda p: Sentence(Hit(p, 1.0), p.text, lead=True)
    by_doc = {"oldham-2015": [team, worked, count]}
    # a count of something else, though another paragraph of the report names the team: not the answer
    assert _lead_names_unmet(query, [lead(count), Sentence(Hit(team, 0.5), team.text)], by_doc, {}) == ["Phoenix"]
    # a count in the paragraph that goes on from the one naming the team answers it
    assert _lead_names_unmet(query, [lead(worked)], by_doc, {worked.passage_id: team}) == []


def _item(pid, text, heading):
    return StoredPassage(
        passage_id=pid, doc_id=pid.split("#")[0], text=text, locator="paragraph 1", heading=heading, start=0, end=len(text),
        context="", ordinal=0, kind="item", page=None, title="Report", doc_kind="ofsted_letter",
        authority="Isle of Wight", publisher="Ofsted", date="2022-07-29", fields={},
    )


def test_a_list_item_brings_its_siblings_only_when_the_list_is_what_is_asked():
    heading = ("What needs to improve?",)
    items = [_item("r#p6", "Corporate responsibility for children in care.", heading),
             _item("r#p7", "The response to children who go missing from home.", heading),
             _item("r#p8", "The sufficiency of foster carers.", heading)]
    body = passage("r#para-11", "Return home interviews are not held consistently. The response to missing children is weak.")
    scores = {"The response to chil": 0.9, "The response to miss": 0.85, "Return home intervie": 0.8}
    query, sentences = scored("What did Ofsted say about children who go missing?", items + [body], scores)
    shown = [s.text for s in extractive.select(query, sentences, max_sentences=8, relative=0.7)]
    assert "Corporate responsibility for children in care." not in shown  # an item over the bar, not the list
    assert "Return home interviews are not held consistently." in shown
    query, sentences = scored("What needs to improve?", items + [body], scores)
    shown = [s.text for s in extractive.select(query, sentences, max_sentences=8, relative=0.7)]
    assert "Corporate responsibility for children in care." in shown and "The sufficiency of foster carers." in shown


def test_a_lists_items_over_the_bar_stand_with_the_list_not_further_down():
    # the third item scores under five paragraph sentences: brought in with its list, it is not
    # left in its own place, where the answer's room has run out
    heading = ("What needs to improve?",)
    items = [_item("r#p6", "Corporate responsibility for children in care.", heading),
             _item("r#p7", "The response to children who go missing from home.", heading),
             _item("r#p8", "The quality of recording in children's case files.", heading)]
    body = [passage(f"r#para-{n}", f"Practice finding number {n} needs to improve across the service.") for n in range(1, 6)]
    scores = {"Corporate responsibil": 0.95, "The response to chil": 0.9, "The quality of recor": 0.7}
    scores.update({f"Practice finding num"[:20]: 0.8})
    query, sentences = scored("What needs to improve?", items + body, scores)
    shown = [s.text for s in extractive.select(query, sentences, max_sentences=4, relative=0.6)]
    assert {i.text for i in items} <= set(shown)


def test_a_third_sentence_of_one_paragraph_over_the_bar_is_shown_when_there_is_room():
    found = passage("r#para-2", "Early help decisions see significant delays. The early help offer is underdeveloped. "
                    "While waiting for early help, risks remain.")
    scores = {"Early help decisions": 0.85, "The early help offer": 0.9, "While waiting for ea": 0.88}
    query, sentences = scored("What did Ofsted say about early help?", [found], scores)
    shown = [s.text for s in extractive.select(query, sentences, max_sentences=8, relative=0.7)]
    assert "Early help decisions see significant delays." in shown


def test_a_passage_may_speak_of_a_year_by_its_date_the_next_or_by_naming_it():
    assert extractive.passage_about_year(passage("r#p1", "Text.", date="2022-11-11"), 2022)
    assert extractive.passage_about_year(passage("r#p1", "Text.", date="2023-01-20"), 2022)  # a report on the year before
    assert extractive.passage_about_year(passage("r#p1", "In 2022 the council began.", date="2025-01-20"), 2022)
    assert not extractive.passage_about_year(passage("r#p1", "Text.", date="2025-01-20"), 2022)


def test_each_source_that_speaks_to_a_broad_question_is_heard():
    letter = passage("letter#p21", "The majority of supervision is regular and effective.", date="2021-09-07")
    plan = passage("plan#p3", "Supervision frequency follows local policy. Supervision is recorded.", doc_kind="improvement_plan", date="2024-03-01")
    report = passage("report#p47", "Social workers in the assessment teams do not receive this supervision.", doc_kind="ofsted_letter", date="2023-11-03")
    scores = {"The majority of supe": 0.72, "Supervision frequenc": 0.6, "Supervision is recor": 0.6, "Social workers in th": 0.48}
    query, sentences = scored("What did Ofsted say about supervision?", [letter, plan, report], scores)
    shown = [s.text for s in extractive.select(query, sentences, max_sentences=8, relative=0.7)]
    assert "Social workers in the assessment teams do not receive this supervision." in shown  # under 0.7 of the best, over 0.6
    scores["Social workers in th"] = 0.25  # (under half the bar: not even to fill a short answer)
    query, sentences = scored("What did Ofsted say about supervision?", [letter, plan, report], scores)
    assert "Social workers in the assessment teams do not receive this supervision." not in [s.text for s in extractive.select(query, sentences, max_sentences=8, relative=0.7)]


def test_each_year_a_question_compares_is_heard_though_the_earlier_report_says_more():
    early = passage("r2014#p21", "Services for care leavers require improvement. Care leavers have pathway plans. Care leavers are visited.", date="2014-02-05")
    late = passage("r2018#p9", "Support for care leavers has markedly improved since 2014.", date="2018-07-20")
    scores = {"Services for care le": 0.9, "Care leavers have pa": 0.85, "Care leavers are vis": 0.8, "Support for care lea": 0.4}
    question = "The Isle of Wight's care leavers required improvement in 2014. How had they changed by 2018?"
    query, sentences = scored(question, [early, late], scores)
    assert "Support for care leavers has markedly improved since 2014." in [s.text for s in extractive.select(query, sentences, max_sentences=8, relative=0.7)]
    query, sentences = scored("What did Ofsted say about the Isle of Wight's care leavers?", [early, late], scores)  # no years compared: under the bar
    assert "Support for care leavers has markedly improved since 2014." not in [s.text for s in extractive.select(query, sentences, max_sentences=8, relative=0.7)]


def test_a_fact_asked_after_a_statement_is_of_the_year_the_question_asks_about():
    early = passage("r2016#judgement-help", "1. Children who need help and protection Good", kind="judgement", date="2016-03-17")
    late = passage("r2021#judgement-help", "The experiences and progress of children who need help and protection Inadequate", kind="judgement", date="2021-11-05")
    scores = {"1. Children who need": 0.9, "The experiences and ": 0.7}
    query, sentences = scored("The Isle of Wight's help and protection was rated good in 2016. How was it rated in 2021?", [early, late], scores)
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75)[0].text.endswith("Inadequate")


def test_a_lead_that_answers_no_kind_of_fact_goes_on_into_its_next_sentence():
    found = passage("report#para-5", "Strategy meetings are held in a timely way. However, partners are not routinely invited. "
                    "Information is not shared well.")
    scores = {"Strategy meetings ar": 0.9, "However, partners ar": 0.2, "Information is not s": 0.2}
    query, sentences = scored("Were partners included in strategy meetings?", [found], scores)
    text, _ = extractive.compose(query, extractive.select(query, sentences, max_sentences=8, relative=0.75), lambda doc_id: normalise(found.text))
    assert "“Strategy meetings are held in a timely way. However, partners are not routinely invited.” [1]" in text
    assert "Information is not shared well" not in text
    query, sentences = scored("When were strategy meetings held?", [found], scores)  # a date is asked: the lead is the fact
    text, _ = extractive.compose(query, extractive.select(query, sentences, max_sentences=8, relative=0.75), lambda doc_id: normalise(found.text))
    assert "However" not in text


def test_a_lead_joined_to_its_next_sentence_uses_the_question_s_words_if_either_does():
    found = passage("plan#p1", "The inspection took place in November 2023. The outcome was an overall grading of Good.", doc_kind="improvement_plan")
    query = analyse("What overall grading did the Isle of Wight achieve in the 2023 inspection?", ["Isle of Wight"], lambda n: False)
    sentences = extractive.sentences_of(Hit(found, 1.0))
    extractive.score_sentences(query, sentences, [[1.0, 0.0], [0.8, 0.6]], [1.0, 0.0], lambda t: 3.0, 10.0)
    assert [s.literal for s in sentences] == [False, True]  # the first holds only the question's setting
    chosen = extractive.select(query, sentences, max_sentences=8, relative=0.75)
    assert chosen[0].text == found.text and chosen[0].literal


def test_a_broad_answer_leaves_out_a_sentence_that_shares_only_the_question_s_setting():
    report = passage("report#p1", "Inspection dates: 31 October 2022 to 11 November 2022", kind="field")
    body = passage("report#para-2", "The early help offer is underdeveloped.")
    query = analyse("What did Ofsted say about early help in 2022?", ["Isle of Wight"], lambda n: False)
    sentences = [s for p in (report, body) for s in extractive.sentences_of(Hit(p, 1.0))]
    extractive.score_sentences(query, sentences, [[1.0, 0.0], [0.3, 0.95]], [0.0, 1.0], lambda t: 3.0, 10.0)
    assert [s.literal for s in sentences] == [False, True]
    shown = [s.text for s in extractive.select(query, sentences, max_sentences=8, relative=0.5)]
    assert shown == ["The early help offer is underdeveloped."]


def test_a_broad_answer_keeps_a_sentence_of_a_paragraph_on_the_topic_in_words_of_its_own():
    fostering = passage("report#para-7", "Privately fostered children are well supported. However, limited professional curiosity means needs are not fully understood.")
    elsewhere = passage("report#para-9", "Leaders know their services well.")
    query = analyse("What did Ofsted say about private fostering?", ["Isle of Wight"], lambda n: False)
    sentences = [s for p in (fostering, elsewhere) for s in extractive.sentences_of(Hit(p, 1.0))]
    for s, score, literal in zip(sentences, (0.8, 0.7, 0.7), (True, False, False)):
        s.score, s.dense, s.literal = score, 0.3, literal  # none but the first uses the question's words, none is near in meaning
    shown = [s.text for s in extractive.select(query, sentences, max_sentences=8, relative=0.5)]
    # the paragraph's turn is on its topic (quoted with the finding it turns on, as one span); a
    # sentence of another paragraph, in other words, is not
    assert shown == ["Privately fostered children are well supported. However, limited professional curiosity means needs are not fully understood."]


def test_when_something_habitually_happens_is_answered_by_an_age():
    found = passage("report#para-38", "The transition to PAs often takes place close to a young person's 18th birthday.")
    sentences = extractive.sentences_of(Hit(found, 1.0))
    assert extractive.satisfies(sentences[0], "date", "When do care leavers move to a personal adviser?")
    assert not extractive.satisfies(sentences[0], "date", "When did the council appoint personal advisers?")  # a date is asked
    # ... or by a point of the child's journey, asked of what is done as a rule
    given = extractive.sentences_of(Hit(passage("report#para-40", "Later life letters are shared with adopters at the time of adoption."), 1.0))
    assert extractive.satisfies(given[0], "date", "and when is it handed over?")
    assert not extractive.satisfies(given[0], "date", "When was the letter handed over?")
    # ... or early or late in it
    late = extractive.sentences_of(Hit(passage("report#para-28", "Life-story work starts too late and is only completed in time for the final adoption hearing."), 1.0))
    assert extractive.satisfies(late[0], "date", "When does life-story work get done for children being adopted?")
    assert not extractive.satisfies(late[0], "date", "When did the council start life-story work?")


def test_a_time_counted_back_from_the_report_answers_when():
    found = passage("report#para-8", "Family group conferencing (FGC) was developed 18 months ago. More families are benefiting.")
    sentences = extractive.sentences_of(Hit(found, 1.0))
    assert extractive.satisfies(sentences[0], "date", "When had the council started its family group conferencing?")
    assert not extractive.satisfies(sentences[1], "date", "When had the council started its family group conferencing?")


def test_what_ofsted_said_favours_its_inspection_reports_as_well_as_its_letters():
    report = passage("report#para-1", "Social workers receive regular and reflective supervision.", doc_kind="inspection_report")
    plan = passage("plan#p1", "Social workers receive regular and reflective supervision.", doc_kind="improvement_plan")
    query = analyse("What did Ofsted say about supervision?", ["Isle of Wight"], lambda n: False)
    sentences = [s for p in (report, plan) for s in extractive.sentences_of(Hit(p, 1.0))]
    extractive.score_sentences(query, sentences, [[1.0, 0.0], [1.0, 0.0]], [1.0, 0.0], lambda t: 3.0, 10.0)
    assert sentences[0].score == pytest.approx(sentences[1].score + extractive.SOURCE_BONUS)


@pytest.mark.parametrize(
    "text",
    [
        "Contacts are made to the Initial Response Team (IRT).",  # common words, capitalised together
        "A strong service, Route 29, supports children to live at home.",
        "The children in care council, Voices4Choices, influences services.",
        "‘Resilience workers’ support carers to help stabilise foster homes.",  # a coined term, quoted
        "Some services help children a lot, such as the Consult service.",  # "the <Name> service"
        "Children on the edge of care are helped at home by the specialist resilience team.",  # named in lower case
    ],
)
def test_the_name_of_a_team_or_service_made_of_common_words_answers_which_team(text):
    found = extractive.sentences_of(Hit(passage("report#para-5", text), 1.0))[0]
    assert extractive.satisfies(found, "name", "Which team supports children at home?", is_name=lambda w: False)


def test_a_team_named_in_lower_case_answers_where_it_opens_the_sentence_or_its_name_is_asked():
    def names(question, text):
        return extractive.satisfies(sentence("report#para-6", text), "name", question, is_name=lambda w: False)

    local = "Local support teams offer a highly effective range of targeted programmes."
    assert names("Which Staffordshire teams were delivering targeted programmes?", local)  # opening the sentence
    # "This team", "The team": a team, not named
    assert not names("Which team supports children in care?", "This wraparound team works with social workers.")
    assert not names("Which team supports children in care?", "The team has an expedited pathway.")
    baby = "The specialist team around the baby service provides parents with intensive support."
    assert names("What is the name of Sefton's specialist service giving parents intensive support?", baby)  # "the name of … service"
    assert not names("What is the name of Sefton's specialist team around the baby service?", baby)  # only the words it asks with


def sentence(pid: str, text: str, n: int = 0):
    """The ``n``th sentence of a passage of ``text``, as the answerer reads it."""
    return extractive.sentences_of(Hit(passage(pid, text), 1.0))[n]


def test_a_name_of_several_capitalised_words_before_what_it_names_answers_which_group():
    # "The Voices of Sandwell group": the name runs over "of", and the sentence opens with it
    found = sentence("report#para-22", "The Voices of Sandwell group is regularly consulted on how to improve support to children in care.")
    assert extractive.satisfies(found, "name", "What is the name of the group that children in Sandwell's care use to have a say?", is_name=lambda w: False)
    # the question's own place, capitalised before a unit, names nothing new
    plain = sentence("report#para-23", "The Sandwell group is regularly consulted.")
    assert not extractive.satisfies(plain, "name", "What is the name of the group that children in Sandwell's care use to have a say?", is_name=lambda w: False)


def test_a_verb_in_quotation_marks_names_nothing():
    asked = "What were the names of the two private companies in Sandwell's strategic partnership?"
    scare = sentence("report#para-4", "The council entered a strategic partnership with two private providers commissioned through a contract to ‘lift’ Sandwell out of inadequacy.")
    assert not extractive.satisfies(scare, "name", asked, is_name=lambda w: False)
    coined = sentence("report#para-5", "The council works with two private providers known as ‘navigators’.")
    assert extractive.satisfies(coined, "name", asked, is_name=lambda w: False)


def test_a_kind_of_people_in_capitals_names_nothing_and_a_name_may_open_the_sentence():
    asked = "What is the name of the social supermarket that care leavers can use?"
    # "their PAs": people of a kind, written as a plural acronym, no name of the thing asked
    space = sentence("r#para-38", "Care leavers have a warm and welcoming safe space where they can access support from their PAs, who are based there.")
    assert not extractive.satisfies(space, "name", asked, is_name=lambda w: True)
    # three capitalised words together name something, even opening the sentence
    workers = sentence("r#para-12", "Family Wellbeing Case Practitioners promptly engage families and complete thorough assessments.")
    assert extractive.satisfies(workers, "name", "What are the early help workers who do the family assessments called?", is_name=lambda w: False)
    assert not extractive.satisfies(sentence("r#para-13", "Early help practitioners promptly engage families and complete thorough assessments."),
                                    "name", "What are the early help workers who do the family assessments called?", is_name=lambda w: False)


def test_a_unit_named_in_lower_case_beside_another_is_the_name_asked_for():
    found = sentence("r#para-16", "The edge-of-care service, families together team, provides a swift response to children.")
    assert extractive.satisfies(found, "name", "What is Kent's edge-of-care service called?", is_name=lambda w: False)
    # a unit beside its own description, or the question's words again, names nothing
    plain = sentence("r#para-17", "The edge-of-care service, the team, provides a swift response to children.")
    assert not extractive.satisfies(plain, "name", "What is Kent's edge-of-care service called?", is_name=lambda w: False)


def test_a_share_with_a_decimal_point_is_a_share_not_a_section_number():
    found = sentence("r#para-24", "The number of children persistently absent from school is still high at 14.1%.")
    assert extractive.satisfies(found, "number", "What share of Kent's children in care were persistently absent from school?")
    section = sentence("r#para-25", "Children persistently absent from school are named in section 2.1 of the plan.")
    assert not extractive.satisfies(section, "number", "What share of Kent's children in care were persistently absent from school?")


def test_an_age_approached_is_no_count():
    found = sentence("r#para-41", "Pathway plans for children who are approaching 18 are completed and reviewed.")
    assert not extractive.satisfies(found, "number", "How many children were on child protection plans in Kent?")


def test_people_counted_without_naming_them_count_what_their_paragraph_named():
    text = "Care leavers are well supported by their PAs. At the time of inspection, 26 young people were attending university."
    counted = sentence("r#para-27", text, 1)
    assert extractive.satisfies(counted, "number", "How many of Kent's care leavers were at university in 2019?")
    # asked with a verb the sentence says otherwise ("doing degrees": "taking degree courses")
    degrees = sentence("r#para-29", "A high number of care leavers are in higher education. At the time of the inspection, there were 100 young people taking degree courses.", 1)
    assert extractive.satisfies(degrees, "number", "How many of Croydon's care leavers were doing degrees at the time of the inspection?")
    # not of something else asked of them ("in custody"), nor where the paragraph never named them
    assert not extractive.satisfies(counted, "number", "How many of Kent's care leavers were in custody in 2019?")
    alone = sentence("r#para-28", "At the time of inspection, 26 young people were attending university.")
    assert not extractive.satisfies(alone, "number", "How many of Kent's care leavers were at university in 2019?")


def test_a_sentence_naming_no_team_does_not_answer_which_team():
    found = extractive.sentences_of(Hit(passage("report#para-5", "Children are supported by a team of therapists."), 1.0))[0]
    assert not extractive.satisfies(found, "name", "Which team supports children at home?", is_name=lambda w: False)
    found = extractive.sentences_of(Hit(passage("report#para-6", "Children at home are supported well by the team."), 1.0))[0]
    assert not extractive.satisfies(found, "name", "Which team supports children at home?", is_name=lambda w: False)


def test_a_report_s_figure_as_at_the_year_before_answers_for_the_report_s_year():
    found = passage("report#para-9", "The average caseload is 14, down from 20 in December 2013.", date="2014-02-05")
    query = analyse("What was the average caseload at the 2014 inspection?", ["Isle of Wight"], lambda n: False)
    sentence = extractive.sentences_of(Hit(found, 1.0))[0]
    assert extractive._of_year(sentence, query.years)
    assert not extractive._of_year(sentence, (2019,))


def test_a_running_year_is_both_its_years():
    # "from 13% in 2014–15 to 21% currently", in a report of spring 2016: of 2015 too, the year before the report's
    found = passage("report#para-12", "Repeat child protection plans have risen from 13% in 2014–15 to 21% currently.", date="2016-05-05")
    sentence = extractive.sentences_of(Hit(found, 1.0))[0]
    assert extractive._of_year(sentence, (2016,))
    assert not extractive._of_year(sentence, (2019,))


@pytest.mark.parametrize(
    "text",
    [
        "Inspection dates: 6 to 17 March 2023",  # a date range
        "21.A small number of children live in private fostering arrangements.",  # its paragraph's number
        "The service has been restructured in the last 12 months.",  # a length of time
        "When children are subject to section 20 voluntary care, management oversight is less strong.",  # a law's section
        "Strategy meetings lead to timely s.47 enquiries.",
        "Pupils in key stage 4 and Year 11 make good progress.",  # a school stage and year
        "Strategy meetings lead to s47 enquiries.",
    ],
)
def test_a_count_is_not_a_date_a_paragraph_number_or_a_length_of_time(text):
    kind = "field" if text.startswith("Inspection dates") else "paragraph"
    found = extractive.sentences_of(Hit(passage("report#para-21", text, kind=kind), 1.0))[0]
    assert not extractive.satisfies(found, "number", "How many fostering households were there?")


def test_a_grade_question_is_answered_by_a_sentence_that_gives_a_grade():
    graded = extractive.sentences_of(Hit(passage("report#para-3", "The virtual school was judged to be outstanding."), 1.0))[0]
    ungraded = extractive.sentences_of(Hit(passage("report#para-4", "The virtual school monitors children's progress."), 1.0))[0]
    assert extractive.satisfies(graded, "grade", "What grade did the virtual school get?")
    assert not extractive.satisfies(ungraded, "grade", "What grade did the virtual school get?")


@pytest.mark.parametrize(
    "text, answers",
    [
        ("The council has 191 fostering households.", True),
        ("Only half of fostering households have had a review.", False),  # a share, not a count
        ("Young people aged 16 and 17 live in fostering households.", False),  # an age
        ("Of 336 children in care, 12 live in fostering households outside the area.", True),
    ],
)
def test_a_count_is_a_figure_said_of_what_is_counted(text, answers):
    found = extractive.sentences_of(Hit(passage("report#para-8", text), 1.0))[0]
    assert extractive.satisfies(found, "number", "How many fostering households were there?") is answers


def test_one_of_what_is_counted_answers_only_when_said_with_all_else_asked_of_them():
    one = extractive.sentences_of(Hit(passage("r#para-31", "Only one child currently lives in a bespoke unregistered children’s home."), 1.0))[0]
    assert extractive.satisfies(one, "number", "How many children were living in an unregistered children's home in 2025?")
    assert not extractive.satisfies(one, "number", "How many children were in Enfield's care in 2024?")  # one of some other few


def test_an_average_or_a_share_is_a_figure_said_of_what_is_asked():
    said = extractive.sentences_of(Hit(passage("report#para-9", "Caseloads in the ART were at an average of 33."), 1.0))[0]
    other = extractive.sentences_of(Hit(passage("report#para-9", "Twelve new staff joined the service last spring, so caseloads remain high."), 1.0))[0]
    question = "What was the average caseload in Plymouth's access and response team?"
    assert extractive.satisfies(said, "number", question)
    assert not extractive.satisfies(other, "number", question)
    assert extractive.counted_words("How many of Plymouth's schools are rated good?") == {"school"}


def test_after_how_many_months_is_answered_by_a_length_of_time():
    found = extractive.sentences_of(Hit(passage("plan#p1", "Children on plans for 15 months are reviewed by the panel."), 1.0))[0]
    assert extractive.satisfies(found, "number", "After how many months on a plan are children reviewed by the panel?")


def test_who_is_not_answered_by_a_board_s_acronym():
    board = extractive.sentences_of(Hit(passage("report#para-7", "The Plymouth Safeguarding Children Board (PSCB) is a stable board."), 1.0))[0]
    assert not extractive.satisfies(board, "name", "Who chaired the Plymouth Safeguarding Children Board?", is_name=lambda w: False)


def test_one_sentence_restating_the_topic_does_not_leave_the_findings_under_the_bar():
    item = passage("report#p9", "The quality of supervision and the impact of audits on practice.", kind="item")
    first = passage("report#para-40", "Supervision is regular but rarely reflective.")
    second = passage("report#para-41", "Audits are thorough and lead to change.")
    scores = {"The quality of super": 0.92, "Supervision is regul": 0.6, "Audits are thorough ": 0.5}
    query, sentences = scored("What did Ofsted say about supervision and audits?", [item, first, second], scores)
    shown = [s.text for s in extractive.select(query, sentences, max_sentences=8, relative=0.7)]
    assert "Audits are thorough and lead to change." in shown  # 0.5 is under 0.7 of the best, over 0.7 of the second


def test_a_share_is_a_percentage_or_fraction_said_of_what_is_asked():
    question = "What percentage of Plymouth's social workers were agency staff in 2019?"
    leaning = passage("article#p48", "The agency staff quota was whittled down. It now stands at 8%.")
    hours = passage("report#para-3", "A high percentage of interviews are completed within 72 hours.")
    sentences = extractive.sentences_of(Hit(leaning, 1.0))
    assert extractive.satisfies(sentences[1], "number", question)  # "it" is the quota of agency staff
    assert not extractive.satisfies(extractive.sentences_of(Hit(hours, 1.0))[0], "number", question)


def test_a_document_s_own_title_words_capitalised_name_no_thing_asked_for():
    from dataclasses import replace

    plan = replace(passage("plan#p30", "The plan helps Children Services to keep a case recording system."), title="Plymouth children's services improvement plan")
    named = passage("plan#p31", "Since then, Brighter Futures for Children has run the service.")
    assert not extractive.satisfies(extractive.sentences_of(Hit(plan, 1.0))[0], "name", "Which software will replace the recording system?", is_name=lambda w: False)
    assert extractive.satisfies(extractive.sentences_of(Hit(named, 1.0))[0], "name", "Which company runs the service?", is_name=lambda w: False)

def test_the_core_of_a_broad_topic_is_its_rarest_words_as_written():
    rarity = {"supervis": 3.6, "social": 1.15, "worker": 1.72, "private": 4.3, "foster": 2.58, "caseload": 3.96}
    idf = lambda t: rarity.get(t, 0.0)
    assert extractive.core_of("supervision of social workers", idf) == "supervision"
    assert extractive.core_of("social workers' caseloads", idf) == "caseloads"
    assert extractive.core_of("private fostering", idf) == "private"
    assert extractive.core_of("in 2023", idf) == ""  # no subject words: nothing but the setting


def test_a_broad_answers_paragraph_is_read_whole():
    topical = passage("solihull-2025#para-26", "The independent reviewing officer knows each child well. Reviewing arrangements have strengthened since the last inspection.")
    other = passage("solihull-2025#para-60", "Staff benefit from regular supervision.")
    query = analyse("How effective were independent reviewing officers in Solihull?", ["Solihull"], lambda n: False)
    assert query.kind == "broad"
    sentences = extractive.sentences_of(Hit(topical, 1.0)) + extractive.sentences_of(Hit(other, 1.0))
    vectors = [[1.0, 0.0], [0.0, 1.0], [0.0, 1.0]]  # only the first sentence is near the question in meaning
    extractive.score_sentences(query, sentences, vectors, [1.0, 0.0], lambda t: 3.0, 10.0)
    first, second, elsewhere = sentences
    assert second.score == pytest.approx(extractive.PARAGRAPH_LIFT * first.score)  # the rest of its paragraph
    assert elsewhere.score < second.score


def test_a_count_is_said_of_what_is_counted_by_name_or_initials_and_a_year_in_the_setting_asks_no_length_of_time():
    dcs = extractive.sentences_of(Hit(passage("report#para-3", "With five DCS post-holders over an 18-month period, turnover is high."), 1.0))[0]
    assert extractive.satisfies(dcs, "number", "How many directors of children's services had Wokingham had before its 2019 inspection?")
    months = extractive.sentences_of(Hit(passage("report#para-4", "The fostering service has been transformed in the last 19 months."), 1.0))[0]
    assert not extractive.satisfies(months, "number", "How many new foster carers did it approve in the year before its inspection?")


def test_a_grade_is_said_of_all_of_what_is_graded():
    schools = extractive.sentences_of(Hit(passage("report#para-5", "Most children in care attend schools judged by Ofsted to be good or outstanding."), 1.0))[0]
    assert not extractive.satisfies(schools, "grade", "What grade did Ofsted give Kent's secondary schools?")
    assert extractive.satisfies(schools, "grade", "What grade did Ofsted give the schools Kent's children in care attend?")
    progress = extractive.sentences_of(Hit(passage("report#para-6", "Children make good educational progress."), 1.0))[0]
    assert not extractive.satisfies(progress, "grade", "What grade did Thurrock's virtual school get at the 2024 inspection?")
    # a named provision graded at its own inspection: a grade said of something else is not its grade
    fostering = extractive.sentences_of(Hit(passage("report#para-7", "The quality of foster carer assessment is good."), 1.0))[0]
    assert not extractive.satisfies(fostering, "grade", "What grade did Ofsted give Cornerstone at its own inspection?")
    assert not extractive.satisfies(fostering, "grade", "What grade did Ofsted give Tiffin School at its most recent inspection?")
    named = extractive.sentences_of(Hit(passage("report#para-8", "Cornerstone was judged outstanding at its last inspection."), 1.0))[0]
    assert extractive.satisfies(named, "grade", "What grade did Ofsted give Cornerstone at its own inspection?")
    assert extractive.satisfies(named, "grade", "What grade did Ofsted give Cornerstone in March 2024?")  # (the month is when)


def test_a_broad_answer_reads_its_best_paragraph_further_than_the_others():
    best = passage("r#para-23", "The virtual school team is effective. Children make very good progress in reading. "
                   "Personal education plans are good. Attendance of secondary-aged children is not yet good. Tutors help them.")
    others = [passage(f"r#para-{n}", f"Finding {n} about health is here. Finding {n} about safety is there. Finding {n} about play too.") for n in (5, 6, 7)]
    scores = {"The virtual school t": 0.6, "Children make very g": 0.55, "Personal education p": 0.55, "Attendance of second": 0.55, "Tutors help them.": 0.5}
    scores.update({f"Finding {n} about {w}": 0.55 for n in (5, 6, 7) for w in ("heal", "safe", "play")})
    query, sentences = scored("What did Ofsted say about the education of children in care?", [best] + others, scores)
    shown = [s.text for s in extractive.select(query, sentences, max_sentences=8, relative=0.7)]
    from_best = [t for t in shown if any(t.startswith(w) for w in ("The virtual", "Children make", "Personal education", "Attendance"))]
    assert len(from_best) == 4  # four of the best paragraph, not two, before the others' third
    assert all(sum(t.startswith(f"Finding {n}") for t in shown) <= 2 for n in (5, 6, 7))


@pytest.mark.parametrize("topic, subject", [
    ("How well does support its care leavers, according to its 2024 inspection", {"care", "leaver"}),
    ("How well was supporting care leavers at its spring 2014 inspection", {"care", "leaver"}),
    ("How well did protect and help disabled children when Ofsted inspected in 2016", {"protect", "help", "children", "disabl"}),  # a judgement area's words
    ("summer holiday activities", {"summer", "holiday", "activity"}),  # a season is when only before a year
    ("early help in late 2019", {"early", "help"}),
    ("How well did respond to homeless 16- and 17-year-olds", {"16", "17", "homeles", "olds", "year"}),
    ("adoption at its early-2017 inspection", {"adopt"}),
    ("early help in 2022", {"early", "help"}),  # "early help" is the subject, not when
    ("How good is support for care leavers", {"support", "care", "leaver"}),  # support for them is what is asked
])
def test_how_well_a_service_does_and_when_are_not_what_a_broad_question_is_about(topic, subject):
    assert extractive.subject_words(topic) == subject


def test_a_broad_answer_of_praise_alone_hears_the_shortcomings_on_the_topic_too():
    p = passage("enfield-2024#para-37", "Care leavers are well supported to develop their life skills. Care leavers are supported to address their health needs. "
                "The published care leaver offer does not give enough clarity for care leavers. Care leavers enjoy the hub space.")
    query, sentences = scored("How well does Enfield support its care leavers?", [p], {"Care leavers are wel": 0.9, "Care leavers are sup": 0.85, "The published care l": 0.6, "Care leavers enjoy t": 0.7})
    praise = [s for s in sentences if "not" not in s.text]
    chosen = extractive.one_side(None, praise[:2], sentences, limit=12)
    assert [s.text[:20] for s in chosen] == ["Care leavers are wel", "Care leavers are sup", "The published care l"]
    assert extractive.one_side(None, chosen, sentences, limit=12) == chosen  # half already say what is not yet good enough
    weak = [s for s in sentences if s.text.startswith("The published")]
    weak[0].score = 0.3  # far under the findings chosen: not on the topic enough to be heard
    assert extractive.one_side(None, praise[:2], sentences, limit=12) == praise[:2]


def test_a_shortcoming_already_quoted_in_a_chosen_sentence_is_not_quoted_again():
    p = passage("sandwell-2025#para-40", "PAs are not allocated early enough. Progress has not reached all care leavers.")
    query, sentences = scored("How well did Sandwell support its care leavers?", [p], {"PAs are not allocate": 0.9, "Progress has not rea": 0.8})
    read_on = extractive.Sentence(sentences[0].hit, p.text, score=0.9, literal=True)  # a lead read on into its next sentence
    praise = passage("sandwell-2025#para-41", "Care leavers are helped to feel safer. Care leavers enjoy their flats.")
    _, more = scored("How well did Sandwell support its care leavers?", [praise], {"Care leavers are hel": 0.95, "Care leavers enjoy t": 0.9})
    chosen = extractive.one_side(None, more + [read_on], sentences + more, limit=12)
    assert chosen == more + [read_on]  # both shortcomings are in the quote read on


@pytest.mark.parametrize("question, side", [
    ("What were Ofsted's concerns about supervision in Kent in 2022?", "shortcomings"),
    ("What weaknesses did inspectors find in Kent's front door in 2022?", "shortcomings"),
    ("Where did Kent's early help fall short in 2022?", "shortcomings"),
    ("What do we need to improve, according to Ofsted?", "shortcomings"),
    ("Any issues with supervision in Kent?", "shortcomings"),
    ("What did Ofsted praise about care leavers in Kent?", "strengths"),
    ("What was working well in Kent's front door?", "strengths"),
    ("What were the strengths and weaknesses of adoption in Kent?", None),  # both sides
    ("How does Rotherham handle safeguarding concerns when they first come in?", None),  # a thing handled
    ("Was Solihull's response to urgent concerns about children better in 2025 than in 2022?", None),
    ("What was the outcome, and was any area still judged to require improvement?", None),  # a grade
    ("What is the council doing about the caseloads Ofsted criticised in 2023?", None),  # what is done about them
    ("What happens when a referral raises concerns?", None),  # concerns a referral raises are handled
    ("What does the report say about domestic abuse concerns?", None),
    ("What progress has Kent made on the areas for improvement?", None),
    ("Did Ofsted raise any concerns about Kent's MASH?", "shortcomings"),
    ("What did Ofsted's 2022 inspection praise?", "strengths"),
    ("Which shortcomings in supervision did Ofsted note in Kent?", "shortcomings"),
    ("Why was help and protection for children in Bolton judged requires improvement in 2023?", "shortcomings"),  # the reasons for the grade
    ("Why was Kent judged outstanding for care leavers?", "strengths"),
    ("What were the weak spots for young people leaving care in Kent?", "shortcomings"),
    ("Were there any worries about Kent's front door?", "shortcomings"),
    ("What single weakness did the 2021 inspection ask Kent to work on?", "shortcomings"),
    # both sides, asked in two asks or by other words for one of them
    ("Why were Kent's care leavers only graded requires improvement in 2025, and what was going well for them?", None),
    ("Why were Kent's services for care leavers judged outstanding in 2017, and was anything still lacking?", None),
    ("What were the strengths and weak spots of Kent's front door in 2024?", None),
    ("What were the problems and strengths of Kent's front door?", None),
    ("Was anything still lacking for Kent's care leavers in 2017?", "shortcomings"),
    ("What did Ofsted criticise in 2022, and what had Kent done about it by 2025?", "shortcomings"),
    ("How good was Kent's support for care leavers in 2022, and was anything still lacking?", None),  # all of it, then one side
    ("How well did Kent support care leavers in 2017, and where did it fall short?", None),
])
def test_a_question_may_ask_for_one_side_of_the_findings(question, side):
    assert sides.asked_side(question) == side


def test_one_side_asked_is_answered_with_that_side_and_the_side_words_are_not_the_topic():
    p = passage("kent-2025#para-37", "Care leavers are well supported by their PAs. The local offer for care leavers lacks ambition. "
                "Care leavers enjoy the hub. Too many care leavers live far away.")
    query, sentences = scored("What were Ofsted's concerns about care leavers in Kent?", [p],
                              {"Care leavers are wel": 0.9, "The local offer for ": 0.7, "Care leavers enjoy t": 0.8, "Too many care leaver": 0.65})
    chosen = [s for s in sentences if s.score >= 0.8]
    assert [s.text[:20] for s in extractive.one_side("shortcomings", chosen, sentences, limit=12)] == ["The local offer for ", "Too many care leaver"]
    assert [s.text[:20] for s in extractive.one_side("strengths", sentences, sentences, limit=12)] == ["Care leavers are wel", "Care leavers enjoy t"]
    assert extractive.subject_words("What were Ofsted's concerns about care leavers") == {"care", "leaver"}
    assert extractive.subject_words("What did Ofsted praise about adoption") == {"adopt"}


def test_sentences_read_on_into_each_other_are_quoted_once():
    p = passage("enfield-2024#para-37", "Care leavers are offered good services. Children experience smooth transitions. This helps early pathway planning.", doc_kind="inspection_report")
    query, sentences = scored("What did Ofsted say about care leavers in Isle of Wight?", [p], {})
    first, second, third = sentences
    read_on = [extractive.Sentence(first.hit, f"{first.text} {second.text}"), extractive.Sentence(first.hit, f"{second.text} {third.text}")]
    text, citations = extractive.compose(query, read_on, lambda doc_id: normalise(p.text))
    assert [c.quote for c in citations] == [p.text]  # one quote, not the middle sentence twice


def test_a_count_in_the_year_before_is_still_a_count():
    found = extractive.sentences_of(Hit(passage("r#para-1", "Last year 250 referrals were received."), 1.0))[0]
    assert extractive.satisfies(found, "number", "How many referrals were received?")


def test_which_side_a_finding_states():
    assert sides.states_shortcoming("Caseloads remain high in the assessment teams.")
    assert sides.states_shortcoming("Ensure that pathway plans are updated.", ("Areas for improvement",))
    assert not sides.states_shortcoming("Children are seen without delay.")
    assert not sides.states_shortcoming("Concerns about children are responded to swiftly.")
    assert not sides.states_shortcoming("Leaders have addressed the weaknesses identified at the last inspection.")
    assert not sides.states_shortcoming("Newly qualified and less experienced social workers are well supported.")
    assert sides.states_shortcoming("Management oversight is less effective for disabled children.")
    assert not sides.states_shortcoming("Tracking of children in pre-proceedings is regular and helps to prevent delays in important decisions.")
    assert sides.states_shortcoming("There are delays in completing assessments.")
    assert sides.states_shortcoming("Plans rarely reduce delay for children.")


def test_who_does_something_is_answered_by_a_role_doing_it():
    broker = extractive.sentences_of(Hit(passage("r#para-1", "An opportunities broker, embedded in the service, is supporting young people back into work."), 1.0))[0]
    assert extractive.satisfies(broker, "name", "Who helps care leavers in Kent find jobs?")
    assert not extractive.satisfies(broker, "name", "Who is the director of children's services in Kent?")  # who someone is: a person
    praise = extractive.sentences_of(Hit(passage("r#para-2", "Care leavers are well supported into work."), 1.0))[0]
    assert not extractive.satisfies(praise, "name", "Who helps care leavers in Kent find jobs?")
    # a role said in the plural without an article, and a verb's past that is no "-ed" ("gave")
    mentors = extractive.sentences_of(Hit(passage("r#para-3", "Parent mentors also provide key support to families who are going through family drug and alcohol court (FDAC) proceedings."), 1.0))[0]
    assert extractive.satisfies(mentors, "name", "In East Sussex's December 2023 inspection, who gave key support to families going through the family drug and alcohol court?")
    # whose people they are: said of whom after them
    whose = "North Lincolnshire, October 2022: whose independent scrutiny officers carry out assurance work when trends are spotted?"
    board = extractive.sentences_of(Hit(passage("r#para-5", "Trends lead to assurance activity by the independent scrutiny officers from the children’s multi-agency resilience and safeguarding board."), 1.0))[0]
    alone = extractive.sentences_of(Hit(passage("r#para-6", "Trends lead to assurance activity by independent scrutiny officers."), 1.0))[0]
    assert extractive.satisfies(board, "name", whose) and not extractive.satisfies(alone, "name", whose)
    worker = extractive.sentences_of(Hit(passage("r#para-4", "Timely return home interviews are undertaken by a dedicated missing from home family worker."), 1.0))[0]
    assert extractive.satisfies(worker, "name", "In Darlington in early 2018, who sat down with kids after they'd run off from home to talk about what happened?")
    # who carried out a piece of work (not the inspection: that asks who led it)
    court = extractive.sentences_of(Hit(passage("r#para-7", "Evaluative pre-birth assessments are completed by experienced senior social workers in a court team."), 1.0))[0]
    assert extractive.satisfies(court, "name", "Who carried out pre-birth assessments in Kent, according to Ofsted's December 2021 inspection?")
    assert not extractive.satisfies(court, "name", "Who carried out the inspection of Kent in December 2021?")
    # ... or as the role a clause says does it ("…, who help them to…")
    rights = extractive.sentences_of(Hit(passage("r#para-8", "Children in care are linked with children’s rights officers, who help them to express their views at statutory reviews."), 1.0))[0]
    assert extractive.satisfies(rights, "name", "Kent, autumn 2019: who helped children in care get their views across at their reviews?")


@pytest.mark.parametrize("text, answers", [
    ("Value is added in the EHASH by the presence of the Domestic Abuse Partnership (DAP) workers to provide information.", True),
    ("DAP workers provide information or take referrals for early help.", True),
    ("Social workers provide information or take referrals for early help.", False),  # its opening word: no name
    ("Workers in the hub provide information or take referrals for early help.", False),
    ("Keep-safe workers provide information or take referrals for early help.", True),  # a coined word opening it
])
def test_which_workers_is_answered_by_their_kind_s_name(text, answers):
    # "Which workers…?" asks of people of a kind: their kind's name answers, as their own names do
    sentence = extractive.sentences_of(Hit(passage("r#para-8", text), 1.0))[0]
    assert extractive.satisfies(sentence, "name", "Which workers based in Hull's hub added value on domestic abuse cases at the January 2019 inspection?") is answers


@pytest.mark.parametrize("text", [
    "Children at the highest level of risk are allocated workers from the specialist Engage team alongside their social workers.",
    "Children and families benefit from an intensive edge of care service, provided by the @act team.",
])
def test_a_team_named_after_a_describing_word_or_with_a_sign_answers_which_team(text):
    query, sentences = scored("Which specialist team works with children at risk?", [passage("report#para-7", text)], {text[:20]: 0.9})
    assert [s.text for s in extractive.select(query, sentences, max_sentences=8, relative=0.75)] == [text]


def test_what_has_held_since_an_earlier_year_holds_at_the_reports_date():
    text = "Children's services have been delivered by Northamptonshire Children’s Trust (NCT) since its incorporation on 1 April 2021."
    report = passage("report#para-3", text, date="2026-05-22")
    query, sentences = scored("Which organisation delivers the children's services, according to the May 2026 inspection?", [report], {text[:20]: 0.9})
    assert [s.text for s in extractive.select(query, sentences, max_sentences=8, relative=0.75)] == [text]
    # a year said otherwise is another year's
    old = passage("report#para-4", "In 2021 the services were delivered by Northamptonshire Children’s Trust (NCT).", date="2026-05-22")
    query, sentences = scored("Which organisation delivers the children's services, according to the May 2026 inspection?", [old], {"In 2021 the services": 0.9})
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75) == []
    # ... as does what was begun in one ("was established in 2014")
    begun = "The knowledge transfer programme, a three-year partnership with Goldsmith’s University of London, was established in 2014."
    query, sentences = scored("Which university was the council working with on its knowledge transfer programme, according to the July 2016 inspection?",
                              [passage("report#para-5", begun, date="2016-07-28")], {begun[:20]: 0.9})
    assert [s.text for s in extractive.select(query, sentences, max_sentences=8, relative=0.75)] == [begun]


def _shown(question: str, pid: str, text: str) -> list[str]:
    """What a factoid answer shows from one passage whose first sentence scores well."""
    query, sentences = scored(question, [passage(pid, text)], {text[:20]: 0.9})
    return [s.text for s in extractive.select(query, sentences, max_sentences=8, relative=0.75)]


def test_none_of_what_is_counted_answers_how_many():
    text = "At the point of this inspection, no children were living in unregistered children’s homes."
    assert _shown("How many children were living in unregistered children's homes at the time of the inspection?", "report#para-61", text) == [text]
    # "no" said of something else, or without all else asked, counts nothing
    unseen = "Inspectors saw no evidence that children were living in unregistered children’s homes."
    assert _shown("How many children were living in unregistered children's homes?", "report#para-63", unseen) == []
    assert _shown("How many children were living in unregistered children's homes?", "report#para-62", "No children were waiting for an assessment.") == []
    # "not … any" of what is counted, or of what is done to them
    asked = "How many children in care had been permanently excluded from school in the last academic year?"
    text = "The virtual school’s work has been successful and there have not been any permanent exclusions of children in care in the last academic year."
    assert _shown(asked, "report#para-45", text) == [text]
    assert _shown(asked, "report#para-46", "There have not been any delays for children in care in the last academic year.") == []


def test_a_broad_answer_gives_the_grade_of_the_section_its_findings_are_from():
    from dataclasses import replace

    from assistant.ask import _with_judgements

    def under(pid, text, heading):
        return replace(passage(pid, text, doc_kind="inspection_report"), heading=heading)

    leaders = ("The impact of leaders on social work practice with children and families is: inadequate",)
    findings = [
        under("stoke#para-34", "No social worker is receiving one-to-one case supervision from a manager. Two models of practice are not embedded.", leaders),
        under("stoke#para-21", "Foster carers do not have a supervising social worker.", ("The experiences and progress of children in care and care leavers is: inadequate",)),
    ]
    judged = [
        passage("stoke#judgement-impact-of-leaders", "The impact of leaders on social work practice with children and families Inadequate", kind="judgement",
                doc_kind="inspection_report", fields={"area": "impact_of_leaders", "grade": "inadequate"}),
        passage("stoke#judgement-help-and-protection", "The experiences and progress of children who need help and protection Inadequate", kind="judgement",
                doc_kind="inspection_report", fields={"area": "help_and_protection", "grade": "inadequate"}),
    ]
    query, sentences = scored("What did Ofsted say about supervision of social workers in the Isle of Wight?", findings, {})
    shown = _with_judgements(query, sentences, judged)
    # supervision names no judgement: the section most of the findings are from is the leaders' one
    assert [s.passage.passage_id for s in shown[:1]] == ["stoke#judgement-impact-of-leaders"]
    assert shown[1:] == sentences
    one = _with_judgements(query, sentences[2:], judged)  # one finding alone does not make it that section's question
    assert all(s.passage.kind != "judgement" for s in one)


def test_a_broad_answer_short_of_findings_over_its_bar_takes_the_next_in_the_questions_words():
    report = passage("report-2025#para-39", "Participation of care leavers is strong. Care leavers sit on the corporate parenting board. "
                     "The children in care council shapes services for care leavers. Leaders attend the council's meetings.", doc_kind="inspection_report")
    query, sentences = scored("What did Ofsted say about the participation of care leavers?", [report],
                              {"Participation of car": 1.0, "Care leavers sit on ": 0.95, "The children in care": 0.6, "Leaders attend the c": 0.4})
    shown = {s.text[:20] for s in extractive.select(query, sentences, max_sentences=16, relative=0.7)}
    # under the bar (0.7 of 0.95) but over half of it, in the question's words: shown; further under: not
    assert shown == {"Participation of car", "Care leavers sit on ", "The children in care"}
    query, sentences = scored("What did Ofsted say about the participation of care leavers?", [report],
                              {"Participation of car": 1.0, "Care leavers sit on ": 0.95, "The children in care": 0.6, "Leaders attend the c": 0.4})
    assert len(extractive.select(query, sentences, max_sentences=2, relative=0.7)) == 2  # an answer full over its bar takes no more


def test_shares_and_lengths_of_time_written_in_words_are_the_facts_asked_for():
    def holds(question, text, wants):
        s = extractive.sentences_of(Hit(passage("r#para-9", text), 1.0))[0]
        return extractive.satisfies(s, wants, question)

    assert holds("What percentage of care leavers had gone to university?", "Nineteen per cent of last year’s care leavers went to university.", "number")
    assert holds("What proportion of care leavers were in education, employment or training?", "Four in five care leavers are in education, employment or training.", "number")
    assert not holds("What proportion of care leavers were in education, employment or training?", "Many care leavers are in education, employment or training.", "number")
    # a percentage asked of what no share is said of: a percentage, not an age ("over 21")
    assert holds("By what percentage are water bills reduced for care leavers?", "Care leavers receive a 50% reduction in their water bills.", "number")
    assert not holds("By what percentage are water bills reduced for care leavers?", "Some personal advisers are less clear about what care leavers over 21 are entitled to.", "number")
    assert holds("How long had the lead member been in the role?", "The lead member has been in the role since 2005.", "duration")
    assert holds("How long is the programme?", "Parents attend a 17-week programme.", "duration")  # hyphenated
    assert holds("How many children were placed out of area?", "Fifteen children were placed out of area.", "number")
    assert not holds("How long had the lead member been in the role?", "The lead member has been in the role.", "duration")


def test_a_share_an_age_and_none_of_those_asked_about_are_read_for_what_they_say():
    def holds(question, text, wants):
        s = extractive.sentences_of(Hit(passage("r#para-9", text), 1.0))[0]
        return extractive.satisfies(s, wants, question)

    # "what percentage" is not answered by "the vast majority", nor by a share of something else
    asked = "What percentage of Harrow's social workers were agency staff?"
    assert not holds(asked, "The vast majority of social workers spoken to were very positive about working for Harrow.", "number")
    assert holds(asked, "Agency staff make up 8% of social workers.", "number")
    assert not holds("What percentage of schools are rated good or outstanding?", "Persistent absence in primary schools is 8%.", "number")
    # an age is no length of time; a length written with a hyphen is
    assert not holds("How long did children wait?", "Older 16- and 17-year-olds live in semi-independent settings.", "duration")
    assert holds("How long did children wait?", "Following triage, two-year waiting times are not uncommon.", "duration")
    asked = "Was there a short-term place they could stay, and for how long?"  # an age in years is no length either
    assert not holds(asked, "The majority of care leavers aged 18 years and over live in independent accommodation.", "duration")
    assert holds(asked, "The local authority offers a time limited crash pad service for up to 21 days.", "duration")
    # from one day to another is how long something took ("How long were the inspectors there?")
    assert holds("How long were the inspectors there?", "Inspectors were in the borough from 2 to 6 December 2024 and met many staff.", "duration")
    assert holds("How long were the inspectors there?", "Inspectors were in the borough from 30 October to 3 November 2023 and met many staff.", "duration")
    assert not holds("How long were the inspectors there?", "The report was published on 12 June 2020.", "duration")
    # "no children who are looked after" says how many children are in care: none
    assert holds("How many children were in care on the islands?", "There are no children who are looked after in the islands.", "number")


def test_a_count_is_of_what_it_counts_not_of_what_stands_near_it():
    def holds(question, text, wants="number", index=0):
        s = extractive.sentences_of(Hit(passage("r#para-9", text), 1.0))[index]
        return extractive.satisfies(s, wants, question)

    # a figure that counts its own noun ("six regular attendees"), not the children named before it
    assert not holds("How many children were in care?", "The Children in Care Council has only six regular attendees.")
    assert holds("How many children were in care?", "There were 412 children in care.")
    # none of the children is none of the new children's homes asked about
    assert not holds("How many new children's homes had the council opened?", "No children were living in an unregistered children's home.")
    # a figure in a sentence that leans on one naming the children counts them only when it counts people
    leaning = "Kent has responded to the unparalleled numbers of unaccompanied asylum-seeking children. This has been managed across a council with 12 districts."
    assert not holds("How many unaccompanied asylum-seeking children was Kent looking after?", leaning, index=1)
    # a figure counting a thing of theirs counts that thing ("five children's homes"), not them
    assert not holds("How many looked after children had an independent visitor?", "The local authority operates five children’s homes.")
    assert not holds("How many children were in the council's care?", "Three new children’s homes have opened, giving children in care more stable, local options.")
    assert holds("How many children's centres delivered family support?", "Family support is delivered through 22 children’s centres.")
    # a range of ages naming a service ("the 0 to 25 service") counts no one; a range before those counted does
    assert not holds("How many children were in the council's care?", "Disabled children benefit from the 0 to 25 service, which provides continuity of support.")
    assert holds("How many children were in the council's care?", "Between 10 to 15 children were in the council's care.")
    # a figure whose own noun stands between it and what is counted counts that noun ("the two
    # services … children"); an adjective ("six serious incident notifications") or a fraction ("a
    # two thirds reduction in children") is no noun of its own
    assert not holds("How many children did the family safeguarding teams keep from coming into care?",
                     "Contingency plans are developed between the two services to minimise disruption to children.")
    assert holds("How many notifications had the council received?", "Since the last inspection, six serious incident notifications have been submitted.")
    assert holds("How many children attended alternative provision?", "There has been a two thirds reduction in children attending alternative provision.")
    # a rate: a figure said of what it is a rate of
    assert holds("What was Kent's social worker vacancy rate in 2022?", "The social worker vacancy rate is 8%.")
    assert not holds("What was Hammersmith and Fulham's social worker vacancy rate in 2016?",
                     "This has led to a reduction in staff vacancies and turnover, but a relatively newly established workforce in some teams including contact and assessment, where some 40% of social workers are in their first year of practice.")
    # ... or a share said after the rate's own word, past all that the rate is of
    retention = "The authority’s retention rate for newly qualified social workers (NQSW’s) is 93%, which is notable."
    assert holds("What was Staffordshire's retention rate for newly qualified social workers in 2014?", retention)
    assert not holds("What was the retention rate for newly qualified social workers?", "The retention rate for newly qualified social workers is high, and 40 joined.")
    # a figure per so many is a rate by its form, said in the sentence naming what it is a rate of
    entry = "In addition, the rate of children coming into care during 2016–17 rose dramatically from 29 per 10,000 to 51 per 10,000."
    assert holds("How much did the rate of children coming into care rise during 2016–17?", entry)
    assert not holds("How much did the rate of children coming into care rise?", "Re-referrals stood at 29 per 10,000 in 2016.")
    # a ratio is a share of them, no count ("four in five of them"); "12 out of 15" counts 12
    assert not holds("How many care leavers were at university?", "Outcomes for care leavers are good, with four in five of them in education.")
    assert not holds("How many care leavers were at university?", "One in every three care leavers is at university.")
    assert holds("How many care leavers were at university?", "Of the care leavers, 12 out of 15 are at university.")
    # asked of the number of them, not how many: a multiple of that number answers
    # a count of members of what is asked counts them ("485 members of staff")
    assert holds("How many staff had completed Signs of Safety training?", "To date, 485 members of staff have completed Signs of Safety training.")
    # how many of those named before: a share of them answers
    assert holds("Who attended PEP review meetings, and how many of those meetings did they go to?", "Education welfare officers attend 100% of PEP review meetings.")
    assert not holds("How many PEP review meetings did they go to?", "Education welfare officers attend 100% of PEP review meetings.")
    # ... said by what they do ("those taking part"), not named again: a share of them answers
    assert holds("How many of those taking part were from care?", "Thus far, 62% of the participants have been children looked after and care leavers.")
    plans = "Leaders have plans to double the number of fostering households in Rutland by the end of the year."
    assert holds("What was Rutland planning to do about the number of its fostering households?", plans)
    assert not holds("How many fostering households did Rutland have?", plans)
    assert not holds("What was Rutland planning to do about the number of its fostering households?", "Leaders plan to double the training offer.")


def test_an_age_is_no_count_and_a_share_typed_as_a_sign_is_a_share():
    ages = passage("report-2024#p38", "No children under 16 are living in unregistered children's homes.")
    query, sentences = scored("how many children in care did the council have at the April 2024 inspection", [ages], {"No children under 16": 0.9})
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75) == []  # "under 16" is an age
    rule = passage("report-2025#p2", "The consistency of use of multi-agency information (outcome 3, national framework).")
    query, sentences = scored("what % of SWs were agency?", [rule], {"The consistency of u": 0.9})
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75) == []  # no share of them is said


def test_a_coined_name_in_camel_case_names_a_thing():
    found = passage("report-2019#p30", "Partners have developed the GetSafe strategy to tackle exploitation.")
    assert extractive.satisfies(extractive.sentences_of(Hit(found, 1.0))[0], "name", "What is the name of the exploitation strategy?", is_name=lambda w: False)


def chosen_for(question: str, text: str) -> list:
    """The sentences a one-passage answer to ``question`` chooses from ``text``."""
    query, sentences = scored(question, [passage("letter-2022#p9", text)], {text[:20]: 0.9})
    return extractive.select(query, sentences, max_sentences=8, relative=0.75)


def test_a_service_named_in_apposition_is_the_name_asked_for_and_a_role_word_as_a_modifier_asks_no_person():
    asked = "What is the name of the specialist substance misuse service?"
    assert "Horizon" in chosen_for(asked, "Working alongside colleagues in the specialist substance misuse service, Horizon, they are effective in achieving change.")[0].text
    assert chosen_for(asked, "Working alongside colleagues in the specialist substance misuse service, they are effective in achieving change.") == []


def test_a_grade_word_before_a_noun_is_no_grade():
    asked = "What grade did the virtual college receive?"
    assert chosen_for(asked, "Children receive good support from a member of the virtual college when they attend college.") == []
    assert "judged to be good" in chosen_for(asked, "The virtual college was judged to be good at its last inspection.")[0].text


def test_support_until_children_become_adults_answers_how_long():
    lasting = "The special guardianship offer includes a financial package, which remains available until children become adults."
    assert "until children become adults" in chosen_for("How long does the council's support for special guardians last?", lasting)[0].text
    # ... or until they are an age ("continues until they are 25")
    age = "This strong support begins before young people leave care and continues until they are 25, unless they choose to opt out after the age of 21."
    assert "until they are 25" in chosen_for("How long do care leavers keep getting help from their support worker?", age)[0].text


def test_support_to_or_past_an_age_and_an_average_time_answer_how_long():
    # an age support runs to or past is how long it lasts, not how old anyone is
    past = "Many of the young people remain in touch with the service far beyond the age of 25."
    assert "far beyond the age of 25" in chosen_for("How long do young people stay in touch with the leaving care service?", past)[0].text
    until = "Personal advisers stay in touch until the age of 21."
    assert "until the age of 21" in chosen_for("How long do personal advisers stay in touch?", until)[0].text
    # "the average time between…" asks how long, and days answer it
    question = "What was the average time between a child entering care and moving in with an adoptive family?"
    assert analyse(question, [], lambda t: True).wants == "duration"
    days = "In 2016–17, the average time between a child entering care and moving in with their adoptive family was 475 days."
    assert "475 days" in chosen_for(question, days)[0].text


def test_who_someone_goes_to_after_a_condition_or_who_does_something_now_and_then_is_a_role_doing_it():
    practitioner = "A homeless and mediation service practitioner works with children who present as homeless."
    # a condition before the ask: "If …, who do they see?" asks whom they go to
    assert chosen_for("If a 16-year-old suddenly has nowhere to live, who do they see?", practitioner)
    # a word saying how between "who" and what is done ("who regularly works with…")
    assert chosen_for("Who regularly works with children who turn up homeless?", practitioner)
    assert chosen_for("If a 16-year-old suddenly has nowhere to live, who is the director?", practitioner) == []
    # whom someone is put in touch with: a body the report names answers too
    referred = "Social workers refer unaccompanied asylum-seeking children to the Red Cross and other agencies, for support to trace their families."
    assert chosen_for("If a young person who arrived alone wants to find their relatives, who do social workers put them in touch with?", referred)


def test_a_rank_asked_with_a_role_is_that_post_not_another():
    inspectors = passage("letter-2021#p7", "Her Majesty's Inspectors for this visit were Amanda Maxwell and Nick Stacey.")
    query, sentences = scored("Who was Her Majesty's Chief Inspector at the time of the visit?", [inspectors], {"Her Majesty's Inspec": 0.9})
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75) == []
    lead = passage("report-2023#p1", "The lead inspector for this inspection was Jane Doe.")
    query, sentences = scored("Who was the lead inspector?", [lead], {"The lead inspector w": 0.9})
    assert "Jane Doe" in extractive.select(query, sentences, max_sentences=8, relative=0.75)[0].text


def test_an_owner_column_answers_who_owns_an_action_but_not_the_name_of_its_owner():
    row = passage("plan-2024#action-6.3", "Ref: 6.3\nAction: The lead reviewing officer will propose a practice panel.", kind="action", doc_kind="improvement_plan",
                  date="2024-03", fields={"ref": "6.3", "action": "The lead reviewing officer will propose a practice panel.", "owner": "Lead IRO", "rag": "A"})
    query, sentences = scored("Who owns the action on the practice panel?", [row], {"The lead reviewing o": 0.9})
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75)
    query, sentences = scored("What is the name of the officer who owns the action on the practice panel?", [row], {"The lead reviewing o": 0.9})
    assert extractive.select(query, sentences, max_sentences=8, relative=0.75) == []


def test_how_a_report_is_asked_of_is_no_word_to_find_in_it():
    assert "report" not in extractive.unframed("What caseloads did Ofsted report for their reviewing officers").split()
    assert "find" not in extractive.unframed("What else did inspectors find about supervision").split()
    assert "report" in extractive.unframed("What did the weekly performance report show").split()


def test_a_broad_answer_quotes_findings_not_a_covers_dates_line():
    dates = passage("report-2020#p1", "Inspection dates: 20 January 2020 to 31 January 2020", kind="field", doc_kind="inspection_report")
    finding = passage("report-2020#p40", "Care leavers are supported to find suitable homes and work.", doc_kind="inspection_report")
    query, sentences = scored("What did Ofsted say about care leavers at its January 2020 inspection?", [dates, finding],
                              {"Inspection dates: 2": 0.9, "Care leavers are sup": 0.8})
    quoted = [s.text for s in extractive.select(query, sentences, max_sentences=8, relative=0.7)]
    assert quoted == ["Care leavers are supported to find suitable homes and work."]


def test_an_average_asked_for_is_a_value_and_a_numbered_outcome_is_no_count():
    asked = "What was the average social worker caseload?"
    assert chosen_for(asked, "Most social workers have regular supervision.") == []
    assert "18 children" in chosen_for(asked, "Social workers have an average caseload of 18 children.")[0].text
    outcome = "The timeliness of permanence decisions for some children in care. (outcome four, national framework)"
    assert chosen_for("How many children were in the council’s care?", outcome) == []
    # a year's quarter is no share
    rhi = "Whereas, previously the completion of return home interviews was relatively low, the position has improved quite dramatically in the last quarter."
    assert chosen_for("Return home interviews improved dramatically in the quarter before the inspection. Exactly how many were completed in that quarter?", rhi) == []


def test_who_chairs_is_answered_by_the_post_a_report_names_as_chair():
    asked = "Who chairs the children's improvement board?"
    assert "Department for Education adviser" in chosen_for(asked, "The children’s improvement board, chaired by a Department for Education adviser, is supporting an ethos of high support and high challenge.")[0].text
    assert chosen_for(asked, "The children’s improvement board is supporting an ethos of high support and high challenge.") == []
    # a post written in lower case
    panel = "Young people attend the corporate parenting panel, which is chaired by the leader of the council, and give feedback."
    assert "leader of the council" in chosen_for("Who chaired the corporate parenting panel?", panel)[0].text
    assert chosen_for("Who chaired the corporate parenting panel?", "The panel is chaired by the council and its partners.") == []
    # a post said to chair it
    meeting = "Children’s services performance is owned at a corporate level, with the chief executive chairing a quarterly performance meeting."
    assert "chief executive" in chosen_for("Who chaired the quarterly performance meeting?", meeting)[0].text
    assert chosen_for("Who chaired the quarterly performance meeting?", "Children’s services performance is reviewed at a quarterly performance meeting.") == []
    moderation = "The Trust’s new director of children’s social care chairs regular moderation meetings."
    assert "director" in chosen_for("Who chaired the regular moderation meetings?", moderation)[0].text


@pytest.mark.parametrize("question, text", [
    ("What were the bi-monthly panels that track care leavers' progress into work called?", "Care2work panels are held bi-monthly and progress is scrutinised by the corporate parenting forum."),
    ("What is the name of the care leavers service that young people can drop into?", "The No. 11 service provides a high-quality resource for care leavers to use as a drop-in when they need advice and support."),
    ("What model was the early help offer built on?", "Children and families benefit from an effective early help offer based on a family resilience model."),
])
def test_a_coined_word_opening_a_sentence_a_numbered_name_and_a_model_in_lower_case_are_names(question, text):
    assert chosen_for(question, text)


def test_who_does_it_after_a_setting_is_answered_by_a_role_doing_it():
    asked = "In Rutland, who helps young people who've left care get into work or college?"
    text = "The local authority’s transition coach provides an instrumental role in building strong relationships with care leavers."
    assert "transition coach" in chosen_for(asked, text)[0].text


@pytest.mark.parametrize("question, text", [
    ("In Central Bedfordshire, who talks to children after they run away and come back?", "Children who go missing receive a swift offer of return home interviews from a dedicated, stable team of workers."),
    ("In Sheffield, who worked with disabled youngsters with serious mental health problems?", "Disabled children with significant mental health difficulties receive skilled help from experienced advanced social workers."),
])
def test_who_does_it_is_answered_by_the_role_it_comes_from(question, text):
    assert chosen_for(question, text)


def test_a_name_the_scene_gives_is_no_answer_to_who_that_is():
    asked = "Birmingham council appointed a permanent DCS in November 2021. Who is that?"
    assert chosen_for(asked, "Political leaders give great priority to children in Birmingham.") == []
    assert "Jane Doe" in chosen_for(asked, "The DCS, Jane Doe, has led the service since then.")[0].text


def test_none_of_them_said_of_children_as_what_is_counted_answers_how_many():
    asked = "How many young carers were identified through assessments in the year before the inspection?"
    assert chosen_for(asked, "No children have been identified as young carers during an assessment in the last 12 months.")
    assert chosen_for(asked, "The identification and response to young carers (outcome 1, national framework)") == []


def test_a_sum_answers_when_said_with_some_of_what_it_is_for():
    def holds(question, text):
        return extractive.satisfies(extractive.sentences_of(Hit(passage("r#para-4", text), 1.0))[0], "money", question)

    asked = "How much invest-to-save money did the council commit to recruiting foster carers?"
    assert holds(asked, "The council has committed £1.2 million of invest-to-save funding to recruit foster carers.")
    assert not holds(asked, "It includes their personal and birthday allowances and the £2,000 grant available to set up their first home.")
    # ... or in the sentence before it, which says what the sum is for
    going = "If a young person who'd grown up in the council's care went off to university, how much cash a year did the council give them?"
    paragraph = "More care leavers choose to go to university. The local authority provides the minimum funding entitlement at £3,000 annually."
    assert [s.text for s in extractive.sentences_of(Hit(passage("r#para-5", paragraph), 1.0)) if extractive.satisfies(s, "money", going)] == [
        "The local authority provides the minimum funding entitlement at £3,000 annually."]
    assert not holds(going, "The local authority provides the minimum funding entitlement at £3,000 annually.")


def test_a_list_found_goes_together_with_its_lead_in():
    heading = ("What needs to improve?",)
    lead_in = StoredPassage(
        passage_id="plan#p8", doc_id="plan", text="The plan addresses the areas for improvement, which were:", locator="paragraph 8",
        heading=heading, start=0, end=10, context="", ordinal=8, kind="paragraph", page=None, title="Plan", doc_kind="improvement_plan",
        authority="Isle of Wight", publisher="Council", date="2024-03-01", fields={},
    )
    under = heading + (lead_in.text,)
    items = [_item(f"plan#p{n}", f"Area number {n}.", under) for n in (9, 10, 11)]
    other = _item("r#p3", "An item of another list.", heading)
    body = passage("letter#p17", "Areas for improvement were set out.")
    assert extractive.list_of(items[0]) == ("plan", under) == extractive.list_of(lead_in)
    assert extractive.list_of(body) is None and extractive.list_of(other) == ("r", heading)
    found = [Hit(p, 1.0 - n / 10) for n, p in enumerate([items[1], body, other, lead_in, items[0], items[2]])]
    # one item taken (a document's share) brings its list's lead-in and its other items; nothing else
    taken = extractive.with_lists([found[0], found[1]], found)
    assert [h.passage.passage_id for h in taken] == ["plan#p10", "letter#p17", "plan#p8", "plan#p9", "plan#p11"]
    assert extractive.with_lists([found[1]], found) == [found[1]]


_SCORES_IN_A_FRESH_PROCESS = """
import json
from assistant import extractive
from assistant.query import analyse
from assistant.types import Hit
from index.store import StoredPassage
text = "Personal advisers review pathway plans, and care plans are reviewed."
p = StoredPassage(passage_id="r#p1", doc_id="r", text=text, locator="paragraph 1", heading=(), start=0, end=len(text), context="", ordinal=0,
                  kind="paragraph", page=None, title="r", doc_kind="inspection_report", authority="Kent", publisher="Ofsted", date="2022-05-20", fields={})
query = analyse("How well do personal advisers review pathway plans with care leavers and young people?", ["Kent"], lambda n: False)
sentences = extractive.sentences_of(Hit(p, 1.0))
extractive.score_sentences(query, sentences, [[1.0, 0.0]], [0.6, 0.8], lambda t: (0.1, 0.2, 0.3, 0.7, 1.1, 0.35)[len(t) % 6], 3.5)
print(json.dumps([repr(s.coverage) + repr(s.score) for s in sentences]))
"""


def test_a_sentence_scores_the_same_in_every_process():
    # the question's words' rarities are summed in one order: a set's order changes with each
    # process's string hashing, and a last-digit difference broke near-ties differently
    import os
    import subprocess
    import sys

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    seen = set()
    for seed in range(8):
        env = {**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": root}
        seen.add(subprocess.run([sys.executable, "-c", _SCORES_IN_A_FRESH_PROCESS], env=env, cwd=root, capture_output=True, text=True, check=True).stdout)
    assert len(seen) == 1, seen


def test_a_figure_asked_in_everyday_words_or_shorthand_is_held_in_the_reports_words():
    # "kids" (the glossary: children), "NEET" (education, employment or training), "CSE SW"
    counted = sentence("report#para-40", "This specialist worker has supported 23 children since April 2014.")
    assert extractive.satisfies(counted, "number", "southampton july 2014 - how many kids had the dedicated CSE SW supported since april")
    assert not extractive.satisfies(counted, "number", "southampton july 2014 - how many foster carers had the dedicated CSE SW supported since april")
    share = sentence("report#para-41", "Despite this, 50% of young people aged between 19 and 21 are not in education, employment or training.")
    assert extractive.satisfies(share, "number", "Rochdale, early 2018: what share of its 19- to 21-year-old care leavers were NEET?")
    assert not extractive.satisfies(share, "number", "Rochdale, early 2018: what share of its 19- to 21-year-old care leavers were in custody?")


def unmet(question: str, *passages) -> list[str]:
    """The names ``question`` (asked on the Isle of Wight) gives that ``passages`` don't hold."""
    from assistant.ask import _names_unmet

    return _names_unmet(analyse(question, ["Isle of Wight"], lambda n: False), list(passages))


def test_shorthand_the_evidence_says_in_words_is_no_unmet_name():
    said = passage("iow-2023#p12", "A dedicated CSE social worker has supported 23 children. Half of young people are not in education, employment or training.")
    assert unmet("How many kids had the dedicated CSE SW supported?", said) == []
    assert unmet("What share of care leavers were NEET?", said) == []
    assert unmet("What share of care leavers were NEET?", passage("iow-2023#p13", "Half of young people live in suitable homes.")) == ["NEET"]


def test_where_a_name_is_asked_of_and_when_are_no_unmet_names():
    said = passage("iow-2023#p14", "Pre-proceedings work is timely. As recently as 17 December 2014, 291 children did not have a social worker.")
    # "… in the Isle of Wight": where the name is asked of, not a word of the name
    assert unmet("What did Ofsted say about pre-proceedings work under the Public Law Outline in the Isle of Wight?", said) == []
    assert unmet("What did Ofsted say about work under the Care Quality Commission in the Isle of Wight?", said) == ["Care Quality Commission"]
    # an acronym the question glosses ("pre-proceedings (PLO)"), where the evidence says the words glossed
    assert unmet("What did the inspectors say about pre-proceedings (PLO) work?", said) == []
    # a holiday says when, as a month does
    assert unmet("Just before Christmas 2014, how many children had no social worker?", said) == []


def test_the_country_every_report_is_set_in_names_no_one():
    average = sentence("report#para-34", "The number of children subject to second plans is high, at 23%, and above the England average.")
    assert not extractive.satisfies(average, "name", "Which organisation did Reading commission to provide advocacy for its children?", is_name=lambda w: False)
    named = sentence("report#para-35", "Advocacy is provided through a service commissioned from Coram Voice.")
    assert extractive.satisfies(named, "name", "Which organisation did Reading commission to provide advocacy for its children?", is_name=lambda w: False)


def test_who_did_something_is_answered_by_the_role_that_does_it():
    # "who had been carrying out…", "who did the first sift": asked of the doer, which a role names
    since = sentence("report#para-3", "Since January 2018, a domestic abuse specialist social worker has been undertaking risk assessments on all cases.")
    assert extractive.satisfies(since, "name", "Since January 2018, who had been carrying out Bexley's risk assessments on domestic abuse cases?", is_name=lambda w: False)
    by = sentence("report#para-4", "Initial screening is completed by experienced police officers.")
    assert extractive.satisfies(by, "name", "In Wolverhampton, who did the first daily sift of reports about violence at home?", is_name=lambda w: False)
    assert extractive.satisfies(by, "name", "In Wolverhampton, who does the checks for reports about violence at home?", is_name=lambda w: False)
    # not who someone is, nor whom someone sees
    assert not extractive.satisfies(by, "name", "Who was the director of children's services in Wolverhampton?", is_name=lambda w: False)
    assert not extractive.satisfies(by, "name", "In Wolverhampton, who do they see first?", is_name=lambda w: False)


def test_a_change_in_a_count_is_said_of_what_the_number_counts():
    fell = sentence("report#para-12", "There has been a two thirds reduction in the number of children attending alternative provision in the past two years.")
    assert extractive.satisfies(fell, "number", "By how much had the number of children in alternative provision in Hartlepool fallen?")
    doubled = sentence("report#para-13", "Leaders have plans to double the number of fostering households by the end of the year.")
    assert extractive.satisfies(doubled, "number", "By how much does Rutland plan to change the number of its fostering households?")
    # "how many": a count, which a fraction is not
    assert not extractive.satisfies(fell, "number", "How many children were in alternative provision in Hartlepool?")


def test_names_in_a_condition_the_question_opens_with_set_the_scene():
    said = passage("iow-2023#p14", "Therapeutic support, such as art and equine therapy, is accessed independently.")
    assert unmet("When it was hard to get NHS mental health help, what kinds of therapy were arranged on the Isle of Wight?", said) == []
    assert unmet("What kinds of therapy did the NHS arrange on the Isle of Wight?", said) == ["NHS"]


def test_a_unit_the_question_names_itself_is_no_name_and_no_crash():
    # "the Wight team", asked of by name: read on, not taken for a name (its loop once hid the
    # document's title words, and the capitalised-run test then failed on a regex match)
    found = sentence("report#para-50", "The Wight team works closely with the Youth Offending Service.")
    assert extractive.satisfies(found, "name", "Which Wight team works with young offenders?", is_name=lambda w: False)


def test_a_share_said_of_being_visited_is_no_inspection_visit():
    # "were not being visited as often as…": said of the children, not of Ofsted's visit
    asked = "What proportion of children on child protection plans were not being visited as often as they should have been?"
    said = "Over half of children who are the subject of a child protection plan {}."
    assert extractive.satisfies(sentence("report#para-60", said.format("are not visited the locally defined minimum amount")), "number", asked)
    assert not extractive.satisfies(sentence("report#para-61", said.format("have a clear plan")), "number", asked)


def test_a_holiday_is_no_persons_name():
    party = sentence("report#para-62", "Children enjoy meeting senior managers, including the director, at the Christmas Day party for children in care.")
    assert not extractive.satisfies(party, "name", "Who is the director of children's services? I need the name.")
    named = sentence("report#para-63", "The director, Jane Smith, meets children in care at the Christmas Day party.")
    assert extractive.satisfies(named, "name", "Who is the director of children's services? I need the name.")


def test_a_compound_question_asked_of_two_authorities_is_answered_for_each():
    from dataclasses import replace

    question = "The Isle of Wight and the Isles of Scilly were inspected in 2023. How was the impact of leaders judged in each, and why?"
    query = analyse(question, ["Isle of Wight", "Isles of Scilly"], lambda n: False)
    assert len(query.parts) == 2 and set(query.authorities) == {"Isle of Wight", "Isles of Scilly"}
    wight = passage("iow#judgement-leaders", "The impact of leaders on social work practice Good", kind="judgement")
    scilly = replace(passage("ios#judgement-leaders", "The impact of leaders on social work practice Inadequate", kind="judgement"), authority="Isles of Scilly")
    why = passage("iow#para-4", "Leaders have strengthened oversight of practice.")
    sentences = [s for p in (wight, scilly, why) for s in extractive.sentences_of(Hit(p, 1.0))]
    graded = {"iow#judgement-leaders": 0.8, "ios#judgement-leaders": 0.7, "iow#para-4": 0.2}  # how each answers "how judged"
    reasons = {"iow#judgement-leaders": 0.3, "ios#judgement-leaders": 0.3, "iow#para-4": 0.9}  # ... and "why"
    by_part = [{id(s): scores[s.passage.passage_id] for s in sentences} for scores in (graded, reasons)]
    leads = extractive._part_leads(query, sentences, by_part, typed_ratio=0.6)
    assert {s.passage.passage_id for s in leads} == {"iow#judgement-leaders", "ios#judgement-leaders", "iow#para-4"}



def test_each_part_of_a_compound_question_naming_its_own_year_is_answered_from_that_year():
    # the later report's figure is closer to both parts; the earlier part is answered by its own report
    question = "How many children was the Isle of Wight looking after at the June 2013 inspection, and how many children at the early-2015 inspection?"
    query = analyse(question, ["Isle of Wight"], lambda n: False)
    assert len(query.parts) == 2
    early = passage("lac2013#para-8", "At the time of the inspection, 606 children and young people were being looked after by the council.", date="2013-06-28")
    later = passage("sif2015#p79", "As at 31 January 2015, 538 children were being looked after by the local authority.", date="2015-02-19")
    sentences = [s for p in (early, later) for s in extractive.sentences_of(Hit(p, 1.0))]
    scores = {"lac2013#para-8": 0.6, "sif2015#p79": 0.8}
    by_part = [{id(s): scores[s.passage.passage_id] for s in sentences} for _ in query.parts]
    leads = extractive._part_leads(query, sentences, by_part, typed_ratio=0.6)
    assert [(s.passage.passage_id, s.parts) for s in leads] == [("lac2013#para-8", (0,)), ("sif2015#p79", (1,))]


def test_a_part_counting_nothing_named_counts_what_the_part_before_counted():
    question = "How many children on the Isle of Wight were in need of a specialist service in 2016, and how many were on child protection plans?"
    query = analyse(question, ["Isle of Wight"], lambda n: False)
    need = passage("sif#p40", "At 12 April 2016, 25 children were identified as being in need of a specialist children’s service.", date="2016-04-28")
    plans = passage("sif#p41", "At 12 April 2016, no children and young people were the subject of a child protection plan.", date="2016-04-28")
    sentences = [s for p in (need, plans) for s in extractive.sentences_of(Hit(p, 1.0))]
    scores = [{"sif#p40": 0.9, "sif#p41": 0.5}, {"sif#p40": 0.5, "sif#p41": 0.9}]
    by_part = [{id(s): part[s.passage.passage_id] for s in sentences} for part in scores]
    leads = extractive._part_leads(query, sentences, by_part, typed_ratio=0.6)
    # (none of them, said of children and young people together, is a count of them)
    assert [(s.passage.passage_id, s.parts) for s in leads] == [("sif#p40", (0,)), ("sif#p41", (1,))]

def test_a_span_holding_a_finding_already_chosen_stands_in_its_place():
    # "Workforce stability figures reflect this positivity" is quoted from what "this" is, and
    # that span holds the finding chosen first: it stands in its place (it was dropped as quoted)
    text = ("Social workers are proud to work in the borough. They feel valued by managers and visible senior leaders. "
            "Workforce stability figures reflect this positivity. Caseloads are manageable.")
    scores = {"Social workers are p": 0.9, "They feel valued by ": 0.7, "Workforce stability ": 0.8}
    query, sentences = scored("How well does the council support its social workers?", [passage("report#para-40", text)], scores)
    shown = [s.text for s in extractive.select(query, sentences, max_sentences=8, relative=0.5)]
    assert shown[0] == text.removesuffix(" Caseloads are manageable.")


def test_a_sentence_speaking_of_the_centre_a_sentence_before_names_is_quoted_from_that_name():
    # "the centre" is the one the paragraph named two sentences back: the quote runs back to its name
    text = ("Care leavers are supported by access to a charity-run care leavers’ centre, ‘Our Place’. The centre works in partnership with the local authority. "
            "Staff at the centre, two of whom are former care leavers, help young people to learn budgeting and cooking.")
    query, sentences = scored("Where could care leavers go to learn cooking and budgeting?", [passage("report#para-90", text)], {"Staff at the centre,": 0.9})
    assert [s.text for s in extractive.select(query, sentences, max_sentences=8, relative=0.75)] == [text]
    # "the fostering service" is a service of its own kind, not the one before
    assert not extractive.refers_to("The fostering service recruits carers.", "The service has a clear offer.")
    assert extractive.refers_to("Of the 125 young people referred to the project, 15% were assessed.", "The Youth Homeless Project supports young people.")
    assert not extractive.refers_to("Of the 125 young people referred to the project, 15% were assessed.", "Young people are supported well.")



def test_a_finding_read_on_into_a_turn_goes_on_into_what_follows_from_the_turn():
    # "However, …" leans on the finding, and "As a result, …" on the turn: the count is in the third
    text = ("An independent visitor service is available. However, its eligibility criteria are narrower than the guidance. "
            "As a result, take-up has been very low, with only six young people receiving a service. Advocacy is well used.")
    found = sentence("report#para-49", text)
    assert extractive.with_neighbours(found, forward=True).text == text.removesuffix(" Advocacy is well used.")
    # not past a sentence that stands by itself, and two steps further at most
    assert extractive.with_neighbours(sentence("report#para-49", text, 3), forward=True).text == "Advocacy is well used."
    chain = ("The children in care council and care leavers council are both influential groups. They have achieved changes that matter to them. "
             "This included negotiating a reduction in housing costs with a provider. As a result, more young people now take part. "
             "This has been noticed by elected members. Advocacy is well used.")
    found = sentence("report#para-50", chain)
    assert found.text.startswith("The children in care council")
    assert extractive.with_neighbours(found, forward=True).text == chain.removesuffix(" This has been noticed by elected members. Advocacy is well used.")


def test_a_share_said_of_others_is_no_share_of_what_is_asked():
    asked = "What proportion of Southwark's social workers were agency staff at the time of the March 2017 inspection?"
    others = sentence("report#para-50", "Staff promote staying put well. Consequently, approximately a fifth of current care leavers are doing so.", 1)
    assert not extractive.satisfies(others, "number", asked)
    assert extractive.satisfies(sentence("report#para-51", "Agency staff make up 35% of social workers."), "number", asked)
    assert extractive.satisfies(sentence("report#para-52", "The proportion of agency staff stands at 35%."), "number", asked)
    # what the share is of may take more than four words to say ("of all primary and secondary schools")
    schools = "According to Ofsted's 2017 inspection of Shropshire, what proportion of the county's schools received the 'Respect Yourself' programme?"
    assert extractive.satisfies(sentence("report#para-53", "The ‘Respect Yourself’ programme is delivered to 85% of all primary and secondary schools."), "number", schools)


@pytest.mark.parametrize("question, lead, before, wants", [
    # "six weeks" answers how long; the sentence before, on the topic too, says of what
    ("How long would an adopted adult wait to be seen about their birth records?",
     "There is no waiting list and adults are routinely offered an appointment within six weeks.",
     "The local authority receives a steady stream of requests from adopted adults to access their birth records.", "duration"),
    # "Were … held back by their computer systems?" asks for findings, not a date or a name: the
    # sentence before the lead, on the topic too, is what the report says of it ("run slowly")
    ("Were Nottingham City's social workers being held back by their computer systems when Ofsted visited in 2014?",
     "Having dual systems makes it difficult to see the full picture of a child's progress.",
     "The dual recording systems run slowly and contribute to considerable amounts of wasted time.", None),
])
def test_a_fact_or_finding_is_quoted_with_its_neighbours_on_the_topic(question, lead, before, wants):
    text = f"{before} {lead}"
    other = passage("report#para-12", "Social workers value their managers.")
    scores = {lead[:20]: 0.9, before[:20]: 0.6, "Social workers value": 0.3}
    query, sentences = scored(question, [passage("report#para-11", text), other], scores)
    assert query.wants == wants
    assert [s.text for s in extractive.select(query, sentences, max_sentences=8, relative=0.75)] == [text]


def test_a_sentence_of_a_two_sentence_list_item_is_quoted_with_the_other():
    # a report's bullet is one thought: the date of the previous inspection, then how it went
    item = "The previous inspection of the council’s arrangements for the protection of children was in October 2012. The local authority was judged to be inadequate."
    first = extractive.sentences_of(Hit(passage("report#item-3", item, kind="item"), 1.0))[0]
    assert extractive.with_neighbours(first, forward=True).text == item
    # a paragraph's next sentence that stands by itself is not read on into
    para = extractive.sentences_of(Hit(passage("report#para-3", item), 1.0))[0]
    assert extractive.with_neighbours(para, forward=True).text == item.split(" The local")[0]
    # nor is an item of more sentences
    longer = item + " Since then, leaders have made changes."
    first = extractive.sentences_of(Hit(passage("report#item-4", longer, kind="item"), 1.0))[0]
    assert extractive.with_neighbours(first, forward=True).text == item.split(" The local")[0]


def test_a_part_answered_by_a_lead_stays_answered_when_a_wider_quote_holds_it():
    # the lead for "did it run a scheme" is quoted inside the span of a finding chosen after it
    # ("While these…" is quoted from what "these" are): the span leads for that part, so the answer
    # does not say the sources leave it open
    question = "Did the council run any work experience scheme, and how many of those taking part were from care?"
    text = ("The local authority has established a wide range of initiatives to offer young people good work experience. "
            "While these are directed at all children in the borough, many of the programmes have high numbers of care leavers taking part. "
            "The authority has introduced ‘City Walks’, a programme of work experience with local firms. Leaders have a clear plan.")
    query, sentences = scored(question, [passage("report#para-103", text)], {"The local authority ": 0.8, "While these are dire": 0.9, "The authority has in": 0.5})
    assert len(query.parts) == 2
    runs_scheme = {id(s): 0.5 if s.text.startswith("While") else s.score for s in sentences}  # the first sentence answers it best
    by_part = [runs_scheme, {id(s): s.score for s in sentences}]
    shown = extractive.select(query, sentences, max_sentences=8, relative=0.75, by_part=by_part)
    assert [s.text for s in shown] == [text.removesuffix(" Leaders have a clear plan.")]
    assert shown[0].parts == (0,) and shown[0].lead


def test_a_count_written_in_hyphenated_words_is_a_count_and_a_hyphenated_descriptor_is_not():
    asked = "How many Kent services had been given the Investors in Children award in 2017?"
    counted = extractive.sentences_of(Hit(passage("r#p1", "Twenty-four Kent services have also been awarded the Investors in Children award."), 1.0))[0]
    described = extractive.sentences_of(Hit(passage("r#p2", "A five-year plan for Kent services was awarded the Investors in Children award."), 1.0))[0]
    assert extractive.satisfies(counted, "number", asked)
    assert not extractive.satisfies(described, "number", asked)
