"""Boilerplate read from the library: sentences its documents share but for names, dates and figures."""

from assistant import extractive
from assistant.query import analyse
from assistant.templates import Templates, template
from assistant.types import Hit
from tests.test_extractive import passage


def test_a_template_blanks_names_dates_and_figures():
    assert template("Lead inspector: Amanda Maxwell, His Majesty’s Inspector") == template("Lead inspector: Jansy Kelly, Her Majesty's Inspector")
    # a place of one word or three is one name
    assert template("This letter summarises the findings of the focused visit to Isles of Scilly children's services on 19 and 20 July 2022.") == \
        template("This letter summarises the findings of the focused visit to Kent children's services on 3 and 4 May 2023.")
    assert template("Inspection dates: 3 to 7 November 2025") != template("Supervision is regular and reflective.")


def test_commonness_is_the_share_of_documents_holding_the_template():
    shared = "Inspection dates: {} to {} November 2025."
    passages = [passage(f"r{n}#p1", shared.format(n, n + 4) + f" Children in area {n} wait too long.") for n in range(1, 4)]
    passages.append(passage("r9#p1", "Care leavers have personal advisers from the age of 16."))
    templates = Templates.build(passages)
    assert templates.documents == 4
    assert templates.commonness("Inspection dates: 10 to 14 November 2025") == 0.75
    assert templates.commonness("Care leavers have personal advisers from the age of 16.") == 0.0


def test_a_boilerplate_sentence_scores_below_an_equally_close_one_of_its_own():
    dates = passage("r1#p1", "The inspection in November 2025 was carried out by five inspectors.")
    own = passage("r1#p2", "Care leavers move to a personal adviser at 18.")
    query = analyse("When do care leavers move on in 2025?", ["Isle of Wight"], lambda n: False)
    sentences = [s for p in (dates, own) for s in extractive.sentences_of(Hit(p, 1.0))]
    common = lambda text: 0.5 if text.startswith("The inspection in") else 0.0
    extractive.score_sentences(query, sentences, [[1.0, 0.0], [1.0, 0.0]], [1.0, 0.0], lambda t: 1.0, 1.0, commonness=common)
    dates, own = sentences
    assert own.score - dates.score >= extractive.BOILERPLATE * 0.5 - 0.15  # less whatever its words earn
    assert own.score > dates.score


def test_the_templates_are_counted_once_an_index_version_and_kept_beside_the_keyword_index(settings, fake_embedder, monkeypatch):
    from assistant.retrieval import Retriever
    from index.indexer import run_index

    run_index(settings, embedder=fake_embedder)
    first = Retriever(settings, embedder=fake_embedder).corpus().templates
    assert first.documents == 5 and list((settings.data_dir / "lexical").glob("*.templates"))

    def recount(passages):
        raise AssertionError("counted again")

    monkeypatch.setattr(Templates, "build", recount)
    again = Retriever(settings, embedder=fake_embedder).corpus().templates
    assert (again.counts, again.documents) == (first.counts, first.documents)
