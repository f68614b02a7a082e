"""Which authorities a question is answered from (assistant/scope.py): a question naming none
goes to the home authority first, then the whole library; "our" and "we" mean the home authority;
plural authorities and "nationally" ask the whole library."""

import pytest

from assistant.scope import Scope, scopes

HOME = "Isle of Wight"


def authorities(question, named=(), home=HOME, restricted=False):
    return [s.authorities for s in scopes(question, tuple(named), home, restricted)]


@pytest.mark.parametrize(
    "question, named, expected",
    [
        ("What did Ofsted say about supervision?", (), [(HOME,), ()]),
        ("How is the front door / MASH working?", (), [(HOME,), ()]),
        ("What did Ofsted say about supervision in Kent?", ("Kent",), [("Kent",)]),
        ("Compare our care leavers grade with Portsmouth's latest.", ("Portsmouth",), [(HOME, "Portsmouth")]),
        ("What do we need to improve, according to Ofsted?", (), [(HOME,)]),
        ("What was our overall grade at the last inspection?", (), [(HOME,)]),
        ("Which councils were judged inadequate in 2018?", (), [()]),
        ("How do local authorities handle private fostering?", (), [()]),
        ("What did Ofsted say about supervision nationally?", (), [()]),
        ("Is any other council using Mosaic?", (), [()]),
        ("What do the two Ofsted focused-visit letters say about caseloads?", (), [()]),
        ("Compare supervision in Kent and Medway.", ("Kent", "Medway"), [("Kent", "Medway")]),
        # the asker says which authority "we" are
        ("I'm a councillor in East Sussex. What had we been rated at the inspection before?", ("East Sussex",), [("East Sussex",)]),
        ("I work for Portsmouth City Council. When was our 2026 inspection?", ("Portsmouth",), [("Portsmouth",)]),
        # "our" of what the answer is for, not of the council asked about
        ("For our history file: how was Portsmouth graded at its 2013 inspection?", ("Portsmouth",), [("Portsmouth",)]),
        ("For our briefing: how does our care leavers grade compare with Portsmouth's?", ("Portsmouth",), [(HOME, "Portsmouth")]),
    ],
)
def test_scopes_follow_the_question(question, named, expected):
    assert authorities(question, named) == expected


def test_without_a_home_authority_or_with_chosen_documents_nothing_is_narrowed():
    assert authorities("What did Ofsted say about supervision?", home=None) == [()]
    assert authorities("What did Ofsted say about our supervision?", home=None) == [()]
    assert authorities("What did Ofsted say about supervision?", restricted=True) == [()]


def test_each_scope_says_where_its_answer_comes_from():
    home_first, library = scopes("What did Ofsted say about supervision?", (), HOME)
    assert home_first.note == "From the documents on Isle of Wight, the home authority."
    assert library.note.startswith("The documents on Isle of Wight, the home authority, don't say")
    assert scopes("What did Ofsted say about supervision in Kent?", ("Kent",), HOME) == [Scope(("Kent",))]


def test_a_question_about_how_things_stand_reads_the_latest_inspection_on():
    from assistant.ask import _PRESENT

    for question in ("How is the front door / MASH working?", "What do we need to improve, according to Ofsted?", "How well does Bury support its care leavers?", "Are child protection plans clear?"):
        assert _PRESENT.search(question), question
    for question in ("What did Ofsted say about supervision?", "How did Bury support its care leavers?", "Has the front door improved?"):
        assert not _PRESENT.search(question), question


def test_a_visit_the_place_never_had_is_said_to_be_missing():
    from types import SimpleNamespace

    from assistant.ask import _no_such_document
    from assistant.query import analyse

    records = [SimpleNamespace(kind="inspection_report", authority="Plymouth", title="Inspection of Plymouth"),
               SimpleNamespace(kind="ofsted_letter", authority="Isle of Wight", title="Focused visit to Isle of Wight children's services")]
    ask = lambda q: _no_such_document(analyse(q, ["Plymouth", "Isle of Wight"], lambda n: False), records)
    assert ask("What did Ofsted's focused visit to Plymouth find?") == ("The indexed sources hold no focused visit of Plymouth.", "no such document")
    assert ask("What did the focused visit to the Isle of Wight find?") is None  # a letter filed as a plain Ofsted letter, known by its title
    # a visit that only sets the scene ("After its 2022 focused visit found…, what did it do?") is not what is asked of
    assert ask("After its 2022 focused visit found staff overstretched, what did Plymouth do, according to the 2024 inspection?") is None


def test_a_joint_targeted_area_inspection_is_answered_only_where_the_councils_own_reports_tell_of_one():
    from types import SimpleNamespace

    from assistant.ask import _no_such_document
    from assistant.query import analyse

    records = [SimpleNamespace(kind="inspection_report", authority="Plymouth", title="Inspection of Plymouth", doc_id="ply"),
               SimpleNamespace(kind="inspection_report", authority="Sefton", title="Inspection of Sefton", doc_id="sef")]
    by_doc = {"ply": [SimpleNamespace(text="Children are seen quickly.")],
              "sef": [SimpleNamespace(text="A joint targeted area inspection (JTAI) in 2022 found weaknesses.")]}
    ask = lambda q: _no_such_document(analyse(q, ["Plymouth", "Sefton"], lambda n: False), records, by_doc)
    assert ask("What did the joint targeted area inspection of Plymouth conclude?") == ("The indexed sources hold no joint targeted area inspection of Plymouth.", "no such document")
    assert ask("What did Sefton's JTAI find?") is None
