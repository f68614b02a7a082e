"""Which authorities a question is answered from.

With a library of many councils, "What did Ofsted say about supervision?" means the asker's own
council, not a mix of whichever councils' paragraphs score best. So a question that names no
authority is answered first from the home authority's documents; when they don't say, from the
whole library, and the answer says so. "Our" and "we" mean the home authority ("Compare our care
leavers grade with Portsmouth's" is the home authority and Portsmouth); a question about
authorities in the plural ("which councils…", "across all authorities", "nationally") or about
several documents ("the two letters") is asked of the whole library. Without a home authority every question is asked of the whole library.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

_OURS = re.compile(r"\b(our|ours|ourselves)\b|\bwe\b(?!\s+(?:know|mean|see|read)\b)|\bmy (?:council|authority|local authority|area)\b", re.I)
_EVERYWHERE = re.compile(
    r"\b(?:authorities|councils|LAs|areas)\b|\b(?:any|every|each|another|other|which|what) (?:local )?(?:authority|council)\b"
    r"|\bnational(?:ly)?\b|\bacross (?:the )?(?:library|country|england)\b|\belsewhere\b|\bin england\b"
    r"|\b(?:both|two|three)\b(?:\s+[\w-]+){0,3}?\s+(?:letters|reports|visits|inspections|documents)\b",
    re.I,
)


@dataclass(frozen=True)
class Scope:
    """The authorities one attempt at an answer is restricted to (none: the whole library)."""

    authorities: tuple[str, ...] = ()
    note: str = ""  # what the answer says about where it comes from


def home_authority(setting: str | None, manifest_value: str | None, offered: Sequence[str]) -> str | None:
    """The home authority: the ``home_authority`` setting, else the source folder manifest's
    ``home_authority``; matched to an indexed authority without regard to case, and None when
    neither names one that is indexed."""
    by_name = {a.casefold(): a for a in offered}
    for value in (setting, manifest_value):
        if value and value.strip().casefold() in by_name:
            return by_name[value.strip().casefold()]
    return None


# a label saying what the answer is for ("For our history file:", "For my briefing -")
_PURPOSE_LABEL = re.compile(r"^\s*for\s+(?:our|my)\s+[^:?.]{1,60}?(?::|\s[-–—])", re.I)
# the asker saying where they are from ("I'm a councillor in East Sussex.", "I work for Portsmouth City Council")
_SPEAKER = re.compile(r"\bI(?:['’]m|\s+am|\s+work|\s+live|\s+sit)\b[^.?!]*", re.I)


def speaks_for_home(question: str, named: Sequence[str] = ()) -> bool:
    """Does the question speak for the home authority ("our", "we")? Not when the asker says they
    are of an authority it names ("I'm a councillor in East Sussex. What had we been rated…?")."""
    if named:  # "For our history file: how was Portsmouth graded…?": the asker's file, not the home authority
        question = _PURPOSE_LABEL.sub(" ", question)
    if not _OURS.search(question):
        return False
    said = " ".join(m.group(0).casefold() for m in _SPEAKER.finditer(question))
    return not any(name.casefold() in said for name in named)


def asks_everywhere(question: str) -> bool:
    return bool(_EVERYWHERE.search(question))


def scopes(question: str, named: tuple[str, ...], home: str | None, restricted: bool = False, elsewhere: bool = False) -> list[Scope]:
    """The scopes to try in turn, until one gives an answer. ``named``: the indexed authorities
    the question names; ``restricted``: the caller already chose the documents or authorities;
    ``elsewhere``: it names a place or a thing (a council mentioned in passing, a centre's name)
    that only other authorities' documents hold, so the home authority's documents can't answer it."""
    if restricted or not home:
        return [Scope(named)]
    if speaks_for_home(question, named) and home not in named:
        return [Scope((home, *named), f"From the documents on {home}, the home authority." if not named else "")]
    if named:
        return [Scope(named)]
    if elsewhere or asks_everywhere(question):
        return [Scope()]
    return [
        Scope((home,), f"From the documents on {home}, the home authority."),
        Scope((), f"The documents on {home}, the home authority, don't say; this answer is from the whole library."),
    ]


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
