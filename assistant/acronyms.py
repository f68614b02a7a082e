"""Acronyms the library defines ("personal advisers (PAs)", "multi-agency safeguarding hub
(MASH)"), read from the passages themselves, so that a question using one form finds passages
written in the other: a report defines an acronym once and then uses it throughout, while a
question may spell it out (a question naming the expansion finds the sentences that use only the
acronym, and the reverse)."""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path

from index.text import normalise

from .lexical import STOPWORDS

# "(PAs)", "(MASH)", "(IROs)": two to six capitals, a plural "s" allowed, in brackets
_DEFINED = re.compile(r"\(([A-Z][A-Z&]{1,5})s?\)")
_WORD = re.compile(r"[a-z]+")  # "multi-agency" is two words: M and A of MASH
MAX_WORDS = 8  # the longest expansion looked for before the brackets


def _initials(words: list[str]) -> tuple[str, str]:
    """The words' initials, counting their small words ("of", "and") and not: an expansion may
    spell them in its acronym or leave them out."""
    return "".join(w[0] for w in words), "".join(w[0] for w in words if w not in STOPWORDS)


def _letters(acronym: str) -> str:
    return acronym.rstrip("s").lower().replace("&", "")


def spelt_out(acronym: str, text: str) -> bool:
    """Does ``text`` hold consecutive words whose initials spell ``acronym``?"""
    letters = _letters(acronym)
    return any(letters in initials for initials in _initials(_WORD.findall(_plain(text))))


def _expansion(acronym: str, before: str) -> str | None:
    """The words just before an acronym's brackets whose initials spell it, lower case; None when
    they don't."""
    words = _WORD.findall(_plain(before))[-MAX_WORDS:]
    letters = _letters(acronym)
    for start in range(len(words) - 1, -1, -1):
        span = words[start:]
        every, content = _initials(span)
        if letters in (every, content) and span[0] not in STOPWORDS:
            return " ".join(span)
        if len(content) > len(letters):
            break
    return None


def read(texts) -> dict[str, tuple[str, ...]]:
    """Acronym (upper case, singular) -> its expansions (lower case, singular), most used first:
    those written for at least a tenth of its definitions ("personal adviser" and "personal
    advisor" for PA; not the odd "personal assistant")."""
    found: dict[str, Counter] = {}
    for text in texts:
        if "(" not in text:
            continue
        for match in _DEFINED.finditer(text):
            acronym = match.group(1)
            long = _expansion(acronym, text[max(0, match.start() - 200) : match.start()])
            if long:
                found.setdefault(acronym, Counter())[_singular(long)] += 1
    return {
        acronym: tuple(form for form, n in forms.most_common() if n * 10 >= sum(forms.values()))
        for acronym, forms in found.items()
    }


NAME_RATIO = 10  # a name's definitions are written in capitals this many times as often as not, or more


def titled(texts) -> frozenset[str]:
    """The acronyms whose definitions are written as a name's, in capitals ("Care Quality
    Commission (CQC)"), not as words ("personal advisers (PAs)"), in nearly all of the passages
    that define them (not "children in care council (CiCC)", which many write in lower case)."""
    votes: dict[str, list[int]] = {}
    for text in texts:
        if "(" not in text:
            continue
        for match in _DEFINED.finditer(text):
            acronym = match.group(1)
            before = re.findall(r"[A-Za-z][\w’'-]*", text[max(0, match.start() - 200) : match.start()])
            span = before[-len(acronym) - 2 :]
            heads = [w for w in span if w.lower() not in STOPWORDS][-len(acronym) :]
            if heads:
                votes.setdefault(acronym, [0, 0])[0 if all(w[0].isupper() for w in heads) else 1] += 1
    return frozenset(a for a, (upper, lower) in votes.items() if upper > NAME_RATIO * lower)


SHORTHAND = Path(__file__).parent / "data" / "shorthand.txt"


@functools.lru_cache(maxsize=2)
def shorthand(path: Path = SHORTHAND) -> dict[str, tuple[str, ...]]:
    """The sector's shorthand (data/shorthand.txt: "CL | care leaver"), as ``read`` returns acronyms."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "|" in line and not line.lstrip().startswith("#"):
            short, long = (part.strip() for part in line.split("|", 1))
            out[short.upper()] = (long.lower(),)
    return out


def shorthand_in(text: str) -> list[str]:
    """What the sector's shorthand ``text`` uses stands for ("CLs": "care leaver"), each once."""
    known = shorthand()
    return list(dict.fromkeys(known[a][0] for a in sorted(used_forms(text)) if a in known))


def spell_out(text: str) -> str:
    """``text`` with the sector's shorthand it uses written out ("QA manager": "quality assurance manager")."""
    known = shorthand()

    def written(m: re.Match) -> str:
        word = m.group(0)
        key = re.sub(r"s$", "", word).upper()
        if sum(c.isupper() for c in word) < 2 or key not in known:
            return word
        return known[key][0] + ("s" if word.endswith("s") and word.upper() != key else "")

    return re.sub(r"\b[A-Za-z&]{2,9}\b", written, text)


def used_forms(text: str) -> frozenset[str]:
    """The acronyms ``text`` uses, upper case and singular: its words of two capitals or more, as
    written in capitals or with some small letters ("CiC", "CLs"), not a word in lower case."""
    return frozenset(re.sub(r"s$", "", w).upper() for w in re.findall(r"\b[A-Za-z&]{2,9}\b", text) if sum(c.isupper() for c in w) >= 2)


def _plain(text: str) -> str:
    return normalise(text).replace("’", "'").replace("'s", "")


def _singular(phrase: str) -> str:
    words = phrase.split()
    last = words[-1]
    if last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        words[-1] = last[:-1]
    return " ".join(words)


def used(text: str, known: dict[str, tuple[str, ...]]) -> list[tuple[str, str]]:
    """(acronym, expansion) for each acronym ``text`` uses or spells out: a sentence in either form
    holds what the question asks ("special guardianship orders": "an SGO")."""
    norm = " ".join(_WORD.findall(_plain(text)))
    written = used_forms(text)
    out = []
    for acronym, forms in known.items():
        spelt = [form for form in forms if form in norm and re.search(rf"\b{re.escape(form)}s?\b", norm)]
        if spelt or acronym in written:
            out.extend((acronym, form) for form in (spelt or forms[:1]))
    return out


def expand(text: str, known: dict[str, tuple[str, ...]]) -> str:
    """The other form of each acronym ``text`` uses or spells out, to search for beside it ("" if none)."""
    norm = " ".join(_WORD.findall(_plain(text)))
    written = used_forms(text)
    extra = []
    for acronym, forms in known.items():
        # a substring test first: of the library's hundreds of acronyms, a question holds a few
        spelt = any(form in norm and re.search(rf"\b{re.escape(form)}s?\b", norm) for form in forms)
        used = acronym in written
        if spelt and not used:
            extra.append(acronym)
        elif used and not spelt:
            extra.append(forms[0])
    return " ".join(extra)
