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
    return list(_used(question, load() if entries is None else tuple(entries)))


@functools.lru_cache(maxsize=256)  # asked again of the same question as it is read and answered
def _used(question: str, entries) -> tuple[tuple[str, str], ...]:
    text = _plain(_OWNED_CARE.sub("", question))
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
    # or a phrasing said in other words around its own ("a volunteer adult … coming to visit" for
    # "volunteer adult who visits"): every word of it that means something, near each other
    found = {term for term, _ in out}
    stems = [_stem(w) for w in text.split()]
    at: dict[str, list[int]] = {}
    for n, stem in enumerate(stems):
        at.setdefault(stem, []).append(n)
    for term, says_term, form, wanted in _loose_forms(entries):
        if term in found or not all(w in at for w in wanted) or says_term.search(text):
            continue
        if _near([at[w] for w in wanted], len(wanted) + LOOSE_GAP):
            out.append((term, form))
            found.add(term)
    return tuple(out)


LOOSE_WORDS = 3  # a phrasing of at least this many words that mean something (fewer say too little)
LOOSE_GAP = 6  # words at most besides a phrasing's own between the first and last of them
_FUNCTION_WORDS = frozenset("a an the of in on to for and or by with from at who which that their them they its it is are was were be up out".split())


def _stem(word: str) -> str:
    """A word without a common ending ("befriender", "visits": "befriend", "visit")."""
    for end in ("ers", "ing", "ed", "er", "es", "s"):
        if word.endswith(end) and len(word) - len(end) >= 4:
            return word[: -len(end)]
    return word


@functools.lru_cache(maxsize=4)
def _loose_forms(entries) -> tuple[tuple[str, re.Pattern, str, tuple[str, ...]], ...]:
    """(term, its pattern, phrasing, the phrasing's meaningful words' stems) for each phrasing of
    LOOSE_WORDS such words or more."""
    out = []
    for term, says_term, forms in _compiled(entries):
        for form, _ in forms:
            wanted = tuple(dict.fromkeys(_stem(w) for w in _plain(form).split() if w not in _FUNCTION_WORDS))
            if len(wanted) >= LOOSE_WORDS:
                out.append((term, says_term, form, wanted))
    return tuple(out)


def _near(positions: list[list[int]], span: int) -> bool:
    """Is there one place of each word, in the phrasing's order, all within ``span`` words?"""
    for start in positions[0]:
        at = start
        for places in positions[1:]:
            at = next((p for p in places if at < p <= start + span), None)
            if at is None:
                break
        else:
            return True
    return False


def says(term: str, text: str) -> bool:
    """Does ``text`` say ``term`` (whole words, a plural allowed)?"""
    return bool(_pattern(term).search(_plain(text)))


def terms_for(question: str, entries=None) -> list[str]:
    """The reports' terms for what ``question`` says in everyday words, each once."""
    return list(dict.fromkeys(term for term, _ in used(question, entries)))
