"""Boilerplate: sentences a library's documents share word for word but for their names, dates
and figures (a report's line giving its inspection's dates, a letter's opening sentence naming
the visit it reports on). How common a sentence's template is across the library's documents is
read from the library itself, not from a list of known phrasings."""

from __future__ import annotations

import functools
import re

from index.text import MONTHS, split_sentences

_MONTH = re.compile(r"\b(" + "|".join(m.title() for m in MONTHS) + r")\b")
_NAME = re.compile(r"(?<=\S\s)[A-Z][\w’'&-]*")  # a capitalised word that does not begin the sentence
_RUN = re.compile(r"N(?:(?:\s+(?:of|and|the|upon|on))?\s+N)+")
_DIGITS = re.compile(r"\d+")
_PUNCTUATION = re.compile(r"[^\w\s]")
MIN_DOCUMENTS = 3  # a template shared by fewer documents is not yet a library's boilerplate


@functools.lru_cache(maxsize=4096)  # a question's candidate sentences are scored for each part it asks
def template(sentence: str) -> str:
    """The sentence with its names, months and figures blanked out, lower case, without punctuation."""
    text = _DIGITS.sub("0", _MONTH.sub("M", sentence))
    text = _RUN.sub("N", _NAME.sub("N", text))  # a place of one word or of three: one name
    return " ".join(_PUNCTUATION.sub("", text.lower()).split())


class Templates:
    """Sentence template -> how many documents use it (only templates in MIN_DOCUMENTS or more)."""

    def __init__(self, counts: dict[str, int], documents: int):
        self.counts = counts
        self.documents = documents

    @classmethod
    def build(cls, passages) -> "Templates":
        docs: dict[str, set[str]] = {}
        for p in passages:
            for start, end in split_sentences(p.text):
                docs.setdefault(template(p.text[start:end]), set()).add(p.doc_id)
        documents = len({p.doc_id for p in passages})
        return cls({t: len(d) for t, d in docs.items() if len(d) >= MIN_DOCUMENTS}, documents)

    def commonness(self, sentence: str) -> float:
        """The share of the library's documents that hold this sentence's template (0: its own)."""
        if not self.documents:
            return 0.0
        return self.counts.get(template(sentence), 0) / self.documents
