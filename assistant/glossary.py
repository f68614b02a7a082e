"""Everyday words for the terms the reports use: a question asks what happens "at night and at
weekends" where a report says "out of hours", or about "a volunteer befriender" where it says
"an independent visitor". The glossary (``data/terms.txt``: a term, then the phrasings people use
for it) lets such a question search for, and score sentences on, the report's own term too."""

from __future__ import annotations

import functools
import re
from pathlib import Path

TERMS = Path(__file__).parent / "data" / "terms.txt"


def _plain(text: str) -> str:
    """Lower case words, possessives dropped ("children's homes": "children homes")."""
    text = re.sub(r"['’]s\b", "", text.lower().replace("’", "'"))
    return " ".join(re.findall(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", text))


def _pattern(phrase: str) -> re.Pattern:
    """``phrase`` as whole words of plain text, a plural allowed."""
    return re.compile(rf"(?<![\w-]){re.escape(_plain(phrase))}(?:s|es)?(?![\w-])")


@functools.lru_cache(maxsize=4)
def load(path: Path = TERMS) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(term, its everyday phrasings) for each line "term | phrasing; phrasing" of ``path``."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#") or "|" not in line:
            continue
        term, phrasings = line.split("|", 1)
        forms = tuple(dict.fromkeys(p.strip().lower() for p in phrasings.split(";") if p.strip()))
        if term.strip() and forms:
            entries.append((term.strip().lower(), forms))
    return tuple(entries)


@functools.lru_cache(maxsize=4)
def _compiled(entries) -> tuple[tuple[str, re.Pattern, tuple[tuple[str, re.Pattern], ...]], ...]:
    return tuple((term, _pattern(term), tuple((form, _pattern(form)) for form in forms)) for term, forms in entries)


@functools.lru_cache(maxsize=4)
def _by_first_word(entries) -> dict[str, list[int]]:
    """For each word a phrasing starts with, the entries holding such a phrasing: a question is
    matched only against the entries whose phrasings start with one of its words."""
    index: dict[str, list[int]] = {}
    for i, (_, _, forms) in enumerate(_compiled(entries)):
        for form, _ in forms:
            first = _plain(form).split()[:1]
            if first and i not in index.setdefault(first[0], []):
                index[first[0]].append(i)
    return index


# whose care a question names ("who grew up in Enfield's care", "taken into the council's care"):
# the phrasings say "grew up in care", "taken into care"
_OWNED_CARE = re.compile(r"\b(?:its|their|his|her|our|the\s+(?:council|local\s+authority|authority)['’]s|(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*['’]s?)\s+(?=care\b)")


def used(question: str, entries=None) -> list[tuple[str, str]]:
    """(term, phrasing) for each everyday phrasing ``question`` uses whose term it does not."""
    text = _plain(_OWNED_CARE.sub("", question))
    entries = load() if entries is None else tuple(entries)
    compiled, index = _compiled(entries), _by_first_word(entries)
    words = set(text.split())
    # a phrasing's first word is a word of the question (or, for a one-word phrasing, its plural)
    words |= {w[: -len(end)] for w in words for end in ("es", "s") if w.endswith(end)}
    out = []
    for i in sorted({i for w in words for i in index.get(w, ())}):
        term, says_term, forms = compiled[i]
        if says_term.search(text):
            continue
        out.extend((term, form) for form, says in forms if says.search(text))
    return out


def says(term: str, text: str) -> bool:
    """Does ``text`` say ``term`` (whole words, a plural allowed)?"""
    return bool(_pattern(term).search(_plain(text)))


def terms_for(question: str, entries=None) -> list[str]:
    """The reports' terms for what ``question`` says in everyday words, each once."""
    return list(dict.fromkeys(term for term, _ in used(question, entries)))
