"""Words the library writes beside a term, for the documents that never use that term.

"What did Ofsted find about the front door in Enfield?": Enfield's report never says "front door";
it says "initial contacts are quickly processed … in the multi-agency safeguarding hub (MASH)".
The library's other reports write "front door" beside "response", "contacts" and "referrals" again
and again, so those words are what a question about the front door also looks for in Enfield's
report. A term is two words the library writes together (nearly always, for the rarer of them);
what stands beside it is read from the library itself (the words its passages holding the term use
far more often than its passages at large), not from a list of synonyms.
"""

from __future__ import annotations

import math

from .lexical import tokens

WORDS = 3  # at most this many words are added for a term
MIN_PASSAGES = 20  # a term stands in at least this many passages of the library
COHESION = 0.5  # ... in at least this share of the passages holding the rarer of its two words
SAMPLE = 400  # at most this many of the passages holding a term are read
MIN_SHARE = 0.15  # a word added stands in at least this share of them
MIN_LIFT = 5.0  # ... and at least this many times as often as in the library's passages at large


def missing_terms(topic: str, lexical, allowed) -> list[str]:
    """The terms (adjacent pairs of search words, as the library indexes them) of ``topic`` that
    the library holds and writes together, but no passage ``allowed`` holds."""
    words = tokens(topic)
    out = []
    for pair in dict.fromkeys(f"{a} {b}" for a, b in zip(words, words[1:])):
        if pair not in lexical.pairs:
            continue
        docs, _ = lexical.pairs[pair]
        rarer = min(len(lexical.postings[w][0]) for w in pair.split(" "))
        if len(docs) >= MIN_PASSAGES and len(docs) >= COHESION * rarer and not allowed[docs].any():
            out.append(pair)
    return out


def beside(term: str, corpus) -> list[str]:
    """The words (as the library spells them) that its passages holding ``term`` use far more
    often than its passages at large, best first."""
    cache = corpus.__dict__.setdefault("_words_beside", {})  # one index version's answers
    if term not in cache:
        cache[term] = _beside(term, corpus)
    return list(cache[term])


def _beside(term: str, corpus) -> tuple[str, ...]:
    lexical = corpus.lexical
    held = lexical.pairs[term][0][:SAMPLE]
    counts: dict[str, int] = {}
    for i in held.tolist():
        for word in set(tokens(corpus.passages[i].text)):
            counts[word] = counts.get(word, 0) + 1
    n, size, own = len(held), lexical.size, set(term.split(" "))
    scored = []
    for word, inside in counts.items():
        if word in own or inside < MIN_SHARE * n or word not in lexical.postings or not lexical.surface.get(word):
            continue
        share = inside / n
        lift = share / (len(lexical.postings[word][0]) / size)
        if lift >= MIN_LIFT:
            scored.append((share * math.log(lift), lexical.surface[word][0]))
    scored.sort(reverse=True)
    return tuple(surface for _, surface in scored[:WORDS])
