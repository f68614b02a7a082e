"""Inspections and visits the library holds no document of, as the documents it does hold tell
of them.

An authority's later report recalls the visits between its inspections ("…since the subsequent
focused visit in November 2023, which identified a decline in child protection practice…"), and
the library seldom holds those visits' own letters. "What kind of visit did Shropshire have in
November 2023?" and "Has Devon had a focused visit?" are answered from those sentences, cited,
with a note that the visit's own document is not indexed; with no sentence telling of it, the
question is refused as before.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from index.store import DocumentRecord
from index.text import MONTHS

_MONTH = "|".join(MONTHS)
# a year with the months written before it: "May 2021", "June–July 2025", "January and December 2019"
_DATE = re.compile(
    rf"\b((?:(?:{_MONTH})\s*(?:,|–|-|\bto\b|\band\b|\bor\b)\s*)*(?:{_MONTH})\s+)?((?:19|20)\d\d)\b(?!\s*[–-]\s*\d)", re.I
)
ANY_VISIT = r"(?:re-?inspections?|inspections?|visits?)"  # any inspection or visit
_DAY = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)"
_LINKS = r"(?:and|or|to|at|the|an?|of|in|on|for|by|from|with|than|when|which|that|since|before|after|until|between)\b"
_OPENS = re.compile(r"(?:^|[.;]\s+)(?:in|during)\s+$", re.I)


@functools.lru_cache(maxsize=8)
def _goes_with(visit: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """How a sentence names a ``visit`` (a pattern) with its date: the visit before it ("the focused
    visit in November 2023", "the inspection on 23 September 2014", "two focused visits, in April 2019
    and August 2021"), the date before the visit ("the 2019 focused visit", not "2014 and the
    inspection"), and the visit soon after a date that opens the sentence ("In July 2021, a focused
    visit noted…")."""
    visit = f"(?:{visit})"
    before = re.compile(
        rf"\b{visit}\b[^.;:,]{{0,40}},?\s*\b(?:in|on|during|of)\s+(?:{_DAY}?(?:(?:{_MONTH})\s+)?(?:19|20)\d\d\s*(?:,|\band\b|\bor\b)\s*)*{_DAY}?$", re.I
    )
    after = re.compile(rf"^\s*(?:(?!{_LINKS})[\w()-]+\s+){{0,3}}?{visit}\b", re.I)
    soon = re.compile(rf"^,?\s*(?:\w+\s+){{0,4}}?{visit}\b", re.I)
    return before, after, soon


PER_DATE = 2  # sentences quoted for each date (a report's summary and its body both recall a visit)


@dataclass(frozen=True)
class When:
    """A date a question names: a year, and the months written with it (none: the whole year)."""

    year: int
    months: tuple[int, ...] = ()

    def __str__(self) -> str:
        names = [MONTHS[m - 1].capitalize() for m in self.months]
        return f"{' or '.join(names)} {self.year}".strip()


def named_dates(text: str) -> list[When]:
    """The dates ``text`` names, each year with its months, in order (a span's years, "2012–15",
    are a period, not a date)."""
    found = []
    for when in map(_when, _DATE.finditer(text)):
        if when not in found:
            found.append(when)
    return found


def _when(match: re.Match) -> When:
    """The date a match of _DATE names."""
    return When(int(match.group(2)), tuple(sorted({MONTHS.index(m.lower()) + 1 for m in re.findall(_MONTH, match.group(1) or "", re.I)})))


def held(when: When, record: DocumentRecord) -> bool:
    """Is ``record`` the document of an inspection or visit at ``when``: its days on site, or
    its letter's or publication's date?"""
    dates = [d for d in (record.start_date, record.end_date, record.date, record.published) if d]
    if not when.months:
        return any(d.startswith(str(when.year)) for d in dates)
    first, last = (record.start_date or record.end_date or "")[:7], (record.end_date or record.start_date or "")[:7]
    for month in (f"{when.year}-{m:02d}" for m in when.months):
        if any(d[:7] == month for d in dates) or (len(first) == len(last) == 7 and first <= month <= last):
            return True
    return False


def tells_of(sentence: str, when: When | None = None, visit: str = ANY_VISIT) -> bool:
    """Does ``sentence`` tell of an inspection or visit (one ``visit`` names) at ``when`` (None:
    at any date), the visit and its date said together ("the focused visit in November 2023", "In
    July 2021, a focused visit noted…"; not "at 31 March 2014 … at the point of inspection")?"""
    before_it, after_it, soon = _goes_with(visit)
    for match in _DATE.finditer(sentence):
        said = _when(match)
        if when is not None and (said.year != when.year or (when.months and not set(when.months) & set(said.months))):
            continue
        before, after = sentence[:match.start()], sentence[match.end():]
        if before_it.search(before[-120:]) or after_it.match(after) or (_OPENS.search(before) and soon.match(after)):
            return True
    return False


def told_of(records: list[DocumentRecord], passages_of, sentences_of, when: When | None = None, visit: str = ANY_VISIT) -> list:
    """The sentences (``sentences_of(passage)``: objects with ``text``) of ``records``' documents
    that tell of an inspection or visit (one ``visit`` names) at ``when``: the nearest later
    document's first (the report that followed recalls it; with no date, the latest's), in its
    order; at most PER_DATE, one a passage."""
    def date(record: DocumentRecord) -> str:
        return record.end_date or record.date or ""

    if when is None:
        ordered = sorted(records, key=date, reverse=True)
    else:  # later documents first, the nearest of them first
        ordered = sorted(records, key=lambda r: (date(r)[:4] < str(when.year), date(r)))
    found = []
    for record in ordered:
        for passage in sorted(passages_of(record.doc_id), key=lambda p: p.ordinal):
            if passage.kind not in ("paragraph", "item", "block"):
                continue
            said = next((s for s in sentences_of(passage) if tells_of(s.text, when, visit)), None)
            if said is not None:
                found.append(said)
                if len(found) == PER_DATE:
                    return found
    return found
