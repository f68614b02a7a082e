"""Acronyms read from the library's own definitions, and a question's other form of them."""

from assistant import acronyms


def test_an_acronym_is_read_from_its_definition_with_its_small_words_and_hyphens():
    known = acronyms.read([
        "Care leavers are allocated personal advisers (PAs) at 16.",
        "Workers in the multi-agency safeguarding hub (MASH) undertake checks swiftly.",
        "The local authority designated officer (LADO) is effective.",
        "Each child has a personal adviser (PA).",
        "The family drug and alcohol court (FDAC) helps parents.",
        "This is not an acronym (NOTE) at all.",
    ])
    assert known["PA"] == ("personal adviser",)
    assert known["MASH"] == ("multi agency safeguarding hub",)
    assert known["LADO"] == ("local authority designated officer",)
    assert known["FDAC"] == ("family drug and alcohol court",)
    assert "NOTE" not in known


def test_a_rare_other_expansion_is_not_taken_for_the_acronym():
    known = acronyms.read(["personal advisers (PAs)"] * 19 + ["personal assistants (PAs)"])
    assert known["PA"] == ("personal adviser",)


def test_a_question_gets_the_other_form_of_each_acronym_it_uses_or_spells_out():
    known = {"PA": ("personal adviser",), "MASH": ("multi agency safeguarding hub",)}
    assert acronyms.expand("When do care leavers move to a personal adviser?", known) == "PA"
    assert acronyms.expand("How is the MASH working?", known) == "multi agency safeguarding hub"
    assert acronyms.expand("How is the multi-agency safeguarding hub (MASH) working?", known) == ""  # both forms given
    assert acronyms.expand("What did Ofsted say about supervision?", known) == ""


def test_the_acronyms_a_question_uses_in_either_form_are_paired_with_their_expansion():
    known = {"SGO": ("special guardianship order",), "MASH": ("multi agency safeguarding hub",)}
    assert acronyms.used("What did Ofsted say about special guardianship orders?", known) == [("SGO", "special guardianship order")]
    assert acronyms.used("How is the MASH working?", known) == [("MASH", "multi agency safeguarding hub")]
    assert acronyms.used("What did Ofsted say about supervision?", known) == []


def test_shorthand_is_read_as_people_type_it():
    known = {**acronyms.shorthand(), "CIC": ("children in care",)}
    assert known["CL"] == ("care leaver",)  # the sector's shorthand the reports never define
    assert acronyms.expand("derby CLs - do they get money for travel?", known) == "care leaver"
    assert acronyms.expand("what's the CiC council called?", known) == "children in care"  # some small letters
    assert acronyms.expand("la la land", known) == ""  # a word in lower case is no acronym


def test_an_acronym_defined_as_a_name_is_told_from_one_defined_as_words():
    texts = [
        "The Care Quality Commission (CQC) inspected health services.",
        "The Care Quality Commission (CQC) found…",
        "Care leavers meet their personal advisers (PAs) often.",
        "The Children in Care Council (CiCC) meets monthly.",
        "The children in care council (CiCC) wrote a pledge.",
    ]
    named = acronyms.titled(texts)
    assert "CQC" in named
    assert "PA" not in named and "CICC" not in named  # written as words, or as often so as not


def test_the_shorthand_a_question_uses_is_searched_as_the_reports_write_it():
    assert acronyms.shorthand_in("wokingham - CLs got RI, what were the main problems?") == ["care leaver", "requires improvement"]
    assert acronyms.shorthand_in("What did Ofsted say about supervision?") == []
    assert acronyms.shorthand_in("Do care leavers get help with their ID?") == ["identity"]  # ("identity documents")


def test_the_sector_s_shorthand_is_written_out():
    from assistant.acronyms import spell_out

    assert spell_out("kent 2017 inspection - QA manager?") == "kent 2017 inspection - quality assurance manager?"
    assert spell_out("How many CLs did the SW see?") == "How many care leavers did the social worker see?"
    assert spell_out("Was Kent rated good?") == "Was Kent rated good?"  # no shorthand
