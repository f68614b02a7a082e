"""The quotable sentences of a passage: what answers are made of. Shared by indexing (which
embeds them once) and answering (which scores them against a question)."""

from __future__ import annotations

import re

from .text import split_sentences

_PLAIN_WORD = re.compile(r"[(“\"‘']?[a-z][a-z’'-]*[,.;:!?)”\"’']*")


def is_prose(text: str) -> bool:
    """A sentence worth quoting, not an address block, phone line or sign-off."""
    words = text.split()
    plain = sum(1 for w in words if _PLAIN_WORD.fullmatch(w))
    return plain >= 3 and plain >= 0.4 * len(words) and "@" not in text


def passage_sentences(text: str, kind: str, fields: dict[str, str]) -> list[tuple[str, str | None]]:
    """(sentence, column) pairs: an action row's Action and Progress sentences, a letter block
    (address, signature) whole, or a paragraph's prose sentences. Each sentence is a verbatim span of the passage text."""
    if kind in ("block", "field", "judgement"):  # a letter's address or signature, a cover line, a grade: quoted whole
        return [(text.strip(), None)] if text.strip() else []
    if kind == "action":
        return [(fields[name][s:e], name) for name in ("action", "progress") if fields.get(name) for s, e in split_sentences(fields[name])]
    return [(text[s:e], None) for s, e in split_sentences(text) if is_prose(text[s:e])]
