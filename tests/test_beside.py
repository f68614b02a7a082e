"""Words the library writes beside a term, for an authority whose documents never use the term."""

from types import SimpleNamespace

import numpy as np

from assistant import beside
from assistant.lexical import LexicalIndex

ELSEWHERE = [
    "The front door is effective: contacts and referrals are screened quickly in the MASH.",
    "At the front door, referrals are passed promptly to the right team and contacts are recorded.",
    "Contacts to the front door receive a timely response and thresholds are applied well.",
]
OTHER = [
    "Care leavers are supported by personal advisers.",
    "Children in care live in stable homes with foster carers.",
    "Leaders know their services well.",
]


def corpus_of(texts):
    lexical = LexicalIndex(texts)
    return SimpleNamespace(lexical=lexical, passages=[SimpleNamespace(text=t) for t in texts])


def test_a_term_the_authority_never_uses_is_looked_for_by_the_words_beside_it(monkeypatch):
    monkeypatch.setattr(beside, "MIN_PASSAGES", 3)
    ours = "Initial contacts are processed quickly in the multi-agency safeguarding hub; referrals move promptly."
    texts = ELSEWHERE * 3 + OTHER * 30 + [ours]
    corpus = corpus_of(texts)
    ours_only = np.zeros(len(texts), dtype=bool)
    ours_only[-1] = True
    terms = beside.missing_terms("the front door", corpus.lexical, ours_only)
    assert terms == ["front door"]
    words = beside.beside("front door", corpus)
    assert {"contacts", "referrals"} <= set(words) and "care" not in words
    everyone = np.ones(len(texts), dtype=bool)
    assert beside.missing_terms("the front door", corpus.lexical, everyone) == []  # the documents use it: nothing is added
    assert beside.missing_terms("the name of the council", corpus.lexical, ours_only) == []  # no term of the library
