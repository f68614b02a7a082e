"""How eval answers are matched: case-insensitive, ignoring whitespace, markup and curly quotes;
alternatives of one or two characters (a RAG status "G") match as whole words, case-sensitively."""

from __future__ import annotations

import re

from index.text import normalise

_MARKUP = re.compile(r"</?p>|\*\*|__|`")


def contains(haystack: str, needle: str) -> bool:
    needle = needle.strip()
    if not needle:
        return False
    if len(needle) <= 2:
        plain = _MARKUP.sub(" ", haystack)
        return re.search(rf"(?<![A-Za-z0-9]){re.escape(needle)}(?![A-Za-z0-9])", plain) is not None
    return normalise(needle) in normalise(haystack)


def group_matched(text: str, alternatives: list[str]) -> bool:
    return any(contains(text, alt) for alt in alternatives)
