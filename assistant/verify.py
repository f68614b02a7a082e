"""The verifier: a generated answer is checked sentence by sentence before anyone sees it.

A sentence survives only if it cites a retrieved passage ([n] within range), every span it quotes
is verbatim in the passage it cites, and the passage supports it: it is close in meaning to a
sentence of that passage (instructions planted in a passage don't count) and its words and
figures are found there. Survivors' citations are renumbered; what was dropped is returned with
the reason."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from index.text import normalise, split_sentences

from .extractive import verbatim_runs
from .generative import NOT_IN_SOURCES
from .lexical import tokens
from .query import _INJECTION
from .types import Citation, Hit

_MARKER = re.compile(r"\s*\[(\d+)\]")
_QUOTE = re.compile(r"“([^”]+)”|\"([^\"]+)\"")
_FIGURE = re.compile(r"\b\d[\d,.:/%]*\b")


@dataclass
class Verified:
    answer: str
    citations: list[Citation] = field(default_factory=list)
    dropped: list[dict] = field(default_factory=list)


def claims(text: str) -> list[str]:
    """The answer's sentences, list markers removed."""
    out = []
    for line in text.splitlines():
        line = re.sub(r"^\s*([-*•]|\d+[.)])\s+", "", line).strip()
        if not line:
            continue
        spans = split_sentences(line)
        # a citation marker after the full stop belongs to the sentence before it
        pieces = [line[s:e] for s, e in spans]
        merged: list[str] = []
        for piece in pieces:
            if merged and re.fullmatch(r"(\s*\[\d+\])+[.]?", piece):
                merged[-1] += " " + piece
            else:
                merged.append(piece)
        out.extend(merged)
    return out


def verify(
    text: str,
    hits: list[Hit],
    embed: Callable[[list[str]], list[list[float]]],
    document_norm: Callable[[str], str],
    min_support: float = 0.5,
    min_words: float = 0.6,
) -> Verified:
    """Check ``text`` (a model's answer with [n] markers over ``hits``) and keep what holds."""
    result = Verified(answer="")
    if NOT_IN_SOURCES.lower() in text.lower():
        result.dropped.append({"sentence": text.strip()[:300], "reason": "the model said the passages don't answer the question"})
        return result
    kept: list[tuple[str, list[int], list[str]]] = []
    for sentence in claims(text):
        numbers = [int(n) for n in _MARKER.findall(sentence)]
        claim = _MARKER.sub("", sentence).strip()
        if not claim or not re.search(r"[A-Za-z]", claim):
            continue
        reason, quotes = _check(claim, numbers, hits, embed, min_support, min_words)
        if reason:
            result.dropped.append({"sentence": sentence.strip(), "reason": reason})
        else:
            kept.append((claim, numbers, quotes))
    renumber: dict[int, int] = {}
    lines = []
    for claim, numbers, quotes in kept:
        marks = []
        for n in dict.fromkeys(numbers):
            if n not in renumber:
                hit = hits[n - 1]
                quote = _quote_for(claim, quotes, hit, embed, document_norm)
                if quote is None:
                    continue
                renumber[n] = len(result.citations) + 1
                result.citations.append(Citation.of(renumber[n], hit.passage, quote))
            marks.append(f"[{renumber[n]}]")
        if not marks:
            result.dropped.append({"sentence": claim, "reason": "no verbatim quote could be taken from the cited passage"})
            continue
        body = claim.rstrip()
        end = body[-1] if body[-1] in ".!?" else ""
        lines.append(f"{body[:-1] if end else body} {''.join(marks)}{end or '.'}")
    result.answer = " ".join(lines)
    return result


def _check(claim, numbers, hits, embed, min_support, min_words) -> tuple[str | None, list[str]]:
    if not numbers:
        return "no citation", []
    bad = [n for n in numbers if not 1 <= n <= len(hits)]
    if bad:
        return f"cites [{bad[0]}] but there are only {len(hits)} passages", []
    cited = [hits[n - 1].passage for n in dict.fromkeys(numbers)]
    quotes = [q1 or q2 for q1, q2 in _QUOTE.findall(claim)]
    for quote in quotes:
        if not any(normalise(quote) in normalise(p.text) for p in cited):
            elsewhere = [i + 1 for i, h in enumerate(hits) if normalise(quote) in normalise(h.passage.text)]
            if elsewhere:
                return f"the quote is from passage [{elsewhere[0]}], not the cited [{numbers[0]}]", []
            return "the quote is not in the cited passage", []
    support = [s for p in cited for s in _sentences(p.text) if not _INJECTION.search(s)]
    if not support:
        return "the cited passage has nothing to support it", []
    vectors = embed([claim] + support)
    similarity = max(sum(a * b for a, b in zip(vectors[0], v)) for v in vectors[1:])
    quoted = sum(len(q.split()) for q in quotes)  # words inside verified quotes
    unquoted = len(_QUOTE.sub(" ", claim).split())
    if similarity < min_support and quoted < unquoted:  # a claim mostly made of verified quotes stands
        return f"not supported by the cited passage (similarity {similarity:.2f})", []
    support_text = " ".join(support)
    words = set(tokens(claim)) - {"ofsted", "council", "isle", "wight", "scilly", "children", "servic"}
    found = set(tokens(support_text))
    if words and len(words & found) / len(words) < min_words:
        missing = sorted(words - found)[:4]
        return f"words not in the cited passage: {', '.join(missing)}", []
    figures = [f for f in _FIGURE.findall(claim) if f.strip(".,") and normalise(f.strip(".,")) not in normalise(support_text)]
    if figures:
        return f"figure {figures[0]} is not in the cited passage", []
    return None, quotes


def _sentences(text: str) -> list[str]:
    """A passage's sentences; an action row's lines lose their "Label: " first."""
    out = []
    for line in text.splitlines():
        line = re.sub(r"^(Ref|Action|Owner|Commencing|Due|RAG|Progress|Section): ", "", line.strip())
        out.extend(line[s:e] for s, e in split_sentences(line))
    return out or [text]


def _quote_for(claim, quotes, hit, embed, document_norm) -> str | None:
    """A verbatim span of the cited passage for the citation: the model's own quote when it
    made one, else the passage sentence closest to the claim."""
    p = hit.passage
    doc = document_norm(p.doc_id)
    for quote in quotes:
        start = normalise(p.text).find(normalise(quote))
        if start >= 0:
            exact = _exact_span(p.text, quote)
            if exact and normalise(exact) in doc:
                return exact
    candidates = [s for s in _sentences(p.text) if not _INJECTION.search(s)]
    vectors = embed([claim] + candidates)
    ranked = sorted(zip(candidates, vectors[1:]), key=lambda cv: -sum(a * b for a, b in zip(vectors[0], cv[1])))
    for sentence, _ in ranked:
        for run in verbatim_runs(sentence, doc):
            if run in p.text:
                return run
    return None


def _exact_span(text: str, quote: str) -> str | None:
    """The span of ``text`` that equals ``quote`` up to case, quotes and whitespace."""
    words = quote.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    match = re.search(pattern, text, flags=re.I)
    if match:
        return match.group(0)
    return quote if quote in text else None
