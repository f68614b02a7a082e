"""Everyday words for the terms the reports use: a question asks what happens "at night and at
weekends" where a report says "out of hours", or about "a volunteer befriender" where it says
"an independent visitor". The glossary (``data/terms.txt``: a term, then the phrasings people use
for it) lets such a question search for, and score sentences on, the report's own term too."""

from __future__ import annotations

import functools
import re
from pathlib import Path

TERMS = Path(__file__).parent / "data" / "terms.txt"


@functools.lru_cache(maxsize=4)
def load(path: Path = TERMS) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(term, its everyday phrasings) for each line "term | phrasing; phrasing" of ``path``."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#") or "|" not in line:
            continue
        term, phrasings = line.split("|", 1)
        forms = tuple(p.strip().lower() for p in phrasings.split(";") if p.strip())
        if term.strip() and forms:
            entries.append((term.strip().lower(), forms))
    return tuple(entries)


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+(?:[-'’][a-z0-9]+)*", text.lower().replace("’", "'")))


def _says(text: str, phrase: str) -> bool:
    """Does ``text`` (plain) say ``phrase``, as whole words, a plural allowed?"""
    return re.search(rf"(?<![\w-]){re.escape(_plain(phrase))}(?:s|es)?(?![\w-])", text) is not None


def used(question: str, entries=None) -> list[tuple[str, str]]:
    """(term, phrasing) for each everyday phrasing ``question`` uses whose term it does not."""
    text = _plain(question)
    out = []
    for term, forms in load() if entries is None else entries:
        if _says(text, term):
            continue
        out.extend((term, form) for form in forms if _says(text, form))
    return out


def terms_for(question: str, entries=None) -> list[str]:
    """The reports' terms for what ``question`` says in everyday words, each once."""
    return list(dict.fromkeys(term for term, _ in used(question, entries)))
