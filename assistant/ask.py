"""Asking a question: the one code path shared by the CLI, the UI and the eval.

question -> checks and follow-up rewriting -> hybrid retrieval -> extractive answer (or a
generative backend whose output passes the verifier) -> Answer with verified citations.
"""

from __future__ import annotations

import copy
import difflib
import functools
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from index.embeddings import Embedder, get_embedder
from index.ofsted import names_of
from index.settings import PACKAGED_MODEL, Settings
from index.store import Store, StoredPassage
from index.text import MONTHS, display_date, normalise
from index.types import KIND_LABELS
from index.tokens import known_word

from . import acronyms, beside, cover, extractive, glossary, mentions, ranker, records, sides
from .lexical import STOPWORDS, tokens
from .query import ADULT_SERVICES, GRADED_ON_THEIR_OWN, SET_ASIDE, YEAR, Query, analyse, asked_part, council_names, final_ask, grade_asked_how, indefinite_place, person_asked, place_words, role_asked, without_condition, without_setting, year_pairs, year_span
from .query_adapter import get_adapter
from .retrieval import Retriever
from .scope import home_authority, scopes
from .types import Answer, Citation, Filters, Hit, Related, Turn

NOT_COVERED = "The indexed sources don't cover this question."
PARAPHRASE_DENSE = extractive.PARAPHRASE_DENSE
FRAME_SLACK = 8  # passages fetched beyond k, for the letter frame blocks (a letter has up to 8) left out
# A question that wants a kind of fact (a date, a figure, an amount) prefers passages that hold one:
# those among the first TYPE_POOL gain this share of the best passage's score. Chosen on dev
# (0.05/0.1/0.2/0.3/0.5 tried; 0.2 and above alike). Not for names: nearly every passage holds a
# capitalised word, and preferring them let near misses ("the name of the interim manager") answer.
TYPE_BONUS = 0.2
TYPE_POOL = 20
MAX_SECTION = 12  # paragraphs of a section a broad question's topic heads
YEAR_HITS = 6  # passages each year or authority a broad comparison names adds of its own (library dev, 940 items: 2 -> 4 +2, 6 +3, 8 +2 -1)
FACT_SCOPE_HITS = 2  # ... and each year or authority a factoid compares
YEAR_POOL = 4  # a question about one year searches this many times deeper, then keeps that year's passages


# (a "between" of years: not "the wait between entering care and adoption (2012–15 scorecard)")
# (not "between November 2013 and January 2014": a period the figures are of, not two inspections)
def _names_grade(part) -> bool:
    """Does a part of a compound question ask a grade by a word for grades ("what grade…", "judged")?"""
    return part.wants == "grade" or records.asks_kind(part.text, "judgement")


def _graded_parts(parts) -> list:
    """The parts of a compound question that ask a grade: by a word for grades, or as the cover's
    grades beside parts asking nothing else of the cover ("…, and what did the LSCB get?")."""
    return [p for p in parts if _names_grade(p)
            or (cover.asks_cover(p.text) == {"grades"} and not any(o.wants or cover.asks_cover(o.text) - {"grades"} for o in parts if o is not p))]


_INSPECTIONS_COMPARED = re.compile(rf"\b(inspections|reports|visits|compar\w*|than)\b|\bbetween\s+(?:(?:the|its|their)\s+)?(?:(?!(?:{'|'.join(MONTHS)})\b)[a-z]+\s+)?(?:19|20)\d\d\b", re.I)
def _as_at_only(question: str, year: int) -> bool:
    """Is ``year`` said in the question only as a month's date ("March 2016"), never of an
    inspection, visit or report ("the March 2016 inspection")?"""
    said = list(re.finditer(rf"\b{year}\b", question))
    months = "|".join(MONTHS)
    return bool(said) and all(
        re.search(rf"\b(?:{months})\s+$", question[: m.start()], re.I) and not re.match(r"\s+(?:[\w-]+\s+){0,2}?(?:inspection|re-inspection|visit|report|ilacs|sif)s?\b", question[m.end():], re.I)
        for m in said
    )


# a year's figures set against a benchmark ("how did that compare nationally", "than the England
# average", "compared with similar areas"): not two inspections compared
_AGAINST_A_BENCHMARK = re.compile(
    r"\b(?:compar\w*|than)\s+(?:(?:with|to|against)\s+)?(?:(?:the|that\s+of\s+the|those\s+of(?:\s+the)?)\s+)?"
    r"(?:national\w*|england|english|average|similar|statistical|comparable|other\s+(?:areas|councils|authorities|local)|neighbours|elsewhere)\b",
    re.I,
)
# the report a question names as its source ("according to Ofsted's early-2017 single inspection report",
# "Bristol's September 2018 inspection report compares…", "going by the 2024 report")
_SOURCE_REPORT = re.compile(
    r"\b(?:according\s+to|going\s+by|per|in|from)\s+(?:(?:ofsted|the\s+council)['’]s\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:[a-z]+[- ])?((?:19|20)\d\d)\b(?:\s+[\w-]+){0,3}?\s+(?:report|letter)\b"
    r"|\b((?:19|20)\d\d)\s+(?:[\w-]+\s+){0,2}?report\s+(?:mentions|compares|says|states|notes|refers|describes|records)\b",
    re.I,
)
_ASKS_OFSTED = re.compile(r"\b(ofsted|inspect\w*|rated|rating|graded|grade|judged|judgements?|visit|ilacs|sif)\b", re.I)


def _holds(text: str, name: str) -> bool:
    """Does normalised ``text`` hold ``name`` as words of their own?"""
    return _as_words(name).search(text) is not None


@functools.lru_cache(maxsize=1024)
def _as_words(name: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(normalise(name))}(?!\w)")


def _wanted(query: Query) -> set[str]:
    """The kinds of fact a factoid question (or any part of a compound one) wants."""
    if query.kind == "broad":
        return set()
    wants = {p.wants for p in query.parts if p.wants} or ({query.wants} if query.wants else set())
    # a name of a thing ("Which software…", "What was the scheme called?") is looked for among
    # more passages, as a date or a figure is; a person's is not (any full name would do)
    people = person_asked(query.question) or role_asked(query.question)
    return wants - ({"name", "role"} if people else {"role"})


class Assistant:
    """Answers questions from the index. Create once per process; thread-safe."""

    def __init__(self, settings: Settings, store: Store | None = None, embedder: Embedder | None = None):
        self.settings = settings
        self.embedder = embedder or get_embedder(settings)
        self.retriever = Retriever(settings, store=store, embedder=self.embedder)
        self._vectors: OrderedDict[str, list[float]] = OrderedDict()
        self._lock = threading.Lock()
        self._docs: dict[tuple, dict[str, str]] = {}
        self._home: tuple = (None, None)  # (index version, home authority)
        self._home_text: tuple = (None, "")  # ((index version, home authority), its documents' text)

    # --- cached helpers ---------------------------------------------------------------

    def embed_many(self, texts: list[str]) -> list[list[float]]:
        """Vectors for short texts (sentences, questions), cached across questions."""
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if missing:
            vectors = self.embedder.embed(missing, batch_size=64, threads=self.settings.query_threads)
            with self._lock:
                for text, vec in zip(missing, vectors):
                    self._vectors[text] = vec
                while len(self._vectors) > 50_000:
                    self._vectors.popitem(last=False)
        with self._lock:
            return [self._vectors[t] for t in texts]

    def document_norm(self, doc_id: str) -> str:
        """The document's text normalised for quote checks (cached per index version)."""
        corpus = self.retriever.corpus()
        cache = self._docs.setdefault(corpus.version, {})
        if doc_id not in cache:
            cache[doc_id] = normalise(self.retriever.store.document_text(doc_id))
        return cache[doc_id]

    @functools.cached_property
    def _corpus_norm(self) -> dict:
        return {}

    def corpus_has(self, name: str) -> bool:
        """Does ``name`` occur in the indexed passages as words of their own (a place name, not
        the same letters inside a longer word)?"""
        corpus = self.retriever.corpus()
        held = self._corpus_norm.get(corpus.version)
        if held is None:
            held = ([], {})
            self._corpus_norm.clear()
            self._corpus_norm[corpus.version] = held
        text, known = held
        if name not in known:
            # the passages holding the name's rarest word, through the keyword postings; a name of
            # common or no keywords is looked for in all of the text (joined once per version)
            postings = corpus.lexical.postings
            terms = tokens(name)
            if any(t not in postings for t in terms):
                known[name] = False
            elif terms and len(postings[rarest := min(terms, key=lambda t: len(postings[t][0]))][0]) <= 5_000:
                known[name] = any(_holds(normalise(corpus.passages[int(i)].text), name) for i in postings[rarest][0])
            else:
                if not text:
                    text.append(" ".join(normalise(p.text) for p in corpus.passages))
                known[name] = _holds(text[0], name)
        return known[name]

    # --- asking -----------------------------------------------------------------------

    def analyse(self, question: str, history: list[Turn] | None = None) -> Query:
        corpus = self.retriever.corpus()
        authorities = sorted({r.authority for r in corpus.records.values() if r.authority})
        query = analyse(question, authorities, self.corpus_has, history)
        # The question is read with its typos mended ("inspecters … supervison"): words the
        # embedding model doesn't know, written as the library writes them. Real words the
        # library lacks ("weather") are left alone.
        mended = corpus.lexical.correct_text(query.question, lambda word: known_word(word) or word in place_words())
        if mended != query.question:
            # what the question asks of the assistant (an instruction, a forecast) is read as written
            query = replace(analyse(mended, authorities, self.corpus_has, history), typed=query.question, injection=query.injection, speculation=query.speculation)
        return query

    def _with_words_beside(self, query: Query) -> Query:
        """A question about an authority whose documents never use one of its terms ("the front
        door", where Enfield's report says "MASH") also looks for the words the library's other
        documents write beside that term (see beside.py)."""
        if not query.authorities:
            return query
        corpus = self.retriever.corpus()
        years = sorted(query.years)
        allowed = corpus.mask(Filters(authorities=query.authorities, year_from=years[0] if years else None, year_to=years[-1] if years else None))
        topic = query.own_topic
        found = [w for term in beside.missing_terms(without_setting(topic) or topic, corpus.lexical, allowed) for w in beside.beside(term, corpus)]
        return query.with_terms(" ".join(dict.fromkeys(found))) if found else query

    def retrieve(self, query: Query, filters: Filters | None = None, k: int | None = None) -> list[Hit]:
        """The passages to answer from. A broad question gets several documents' best passages
        rather than the top k of one document."""
        filters = filters or Filters()
        k = k or self.settings.top_k
        if query.authorities and not filters.authorities:
            filters = replace(filters, authorities=query.authorities)
        pool = k * 3 if query.kind == "broad" else k
        wants = _wanted(query)
        year, span = _one_year(query.question), year_span(query.question)
        ranged = span.since is not None or span.before is not None
        fetch = max(pool, TYPE_POOL if wants else 0) + FRAME_SLACK
        # an acronym the question spells out is searched for too, and the reverse ("personal adviser": "PA")
        other_form = acronyms.expand(query.question, self.retriever.corpus().acronyms)
        lexical_query = _without_year(f"{query.topic} {other_form}".strip(), year)
        if query.kind == "broad":  # the question, its focus and its core (see _answer_extractively) encoded together
            self.retriever.embed_queries([t for t in (query.dense_query, query.focus, self._core(query)) if t])
        hits = self.retriever.search(
            query.dense_query, fetch * YEAR_POOL if year or ranged else fetch, filters, self.settings.candidates, self.settings.rerank,
            lexical_query=lexical_query, focus=query.focus,
        )
        if len(query.parts) > 1 and query.kind != "broad":  # each ask of a compound question finds its own passages
            best = {h.passage.passage_id: h for h in hits}
            for part in query.parts:
                for hit in self.retriever.search(
                    part.search, fetch * YEAR_POOL if year or ranged else fetch, filters, self.settings.candidates, self.settings.rerank,
                    lexical_query=_without_year(part.topic, year), focus=part.focus,
                ):
                    pid = hit.passage.passage_id
                    if pid not in best or hit.score > best[pid].score:
                        best[pid] = hit
            hits = sorted(best.values(), key=lambda h: (-h.score, h.passage.passage_id))
        admits = _of_years(year, span)
        hits = [h for h in hits if admits(h.passage)] or hits
        # a letter's address, date or signature only when the question is about them
        asked = set(tokens(query.topic))
        hits = [h for h in hits if extractive.frame_asked(h.passage, asked)]
        hits = self._sentence_supported(query, filters, hits)
        if wants:
            hits = self._prefer_typed(query, wants, hits)
        hits = hits[:pool]
        # a comparison's parts (each year compared, each authority): each one's best passages after
        # those found, so what one part says is not crowded out by another's ("How many children's
        # homes did it run in 2017, and how had that changed by 2022?")
        named = sorted({int(y) for y in YEAR.findall(query.question)})
        years_compared = len(named) > 1 and extractive.compares_years(query.question) and not filters.year_from and not filters.year_to
        scopes = [(replace(filters, year_from=y, year_to=y + 1), lambda p, y=y: extractive.passage_about_year(p, y)) for y in named] if years_compared else []
        if len(filters.authorities) > 1:
            scopes += [(replace(filters, authorities=(authority,)), admits) for authority in filters.authorities]

        def with_parts(found: list[Hit], count: int) -> list[Hit]:
            have = {h.passage.passage_id for h in found}
            for within, keep in scopes:
                searched = self.retriever.search(query.dense_query, fetch, within, self.settings.candidates, self.settings.rerank, lexical_query=lexical_query, focus=query.focus)
                added = [h for h in searched if keep(h.passage) and h.passage.passage_id not in have][:count]
                found = found + added
                have.update(h.passage.passage_id for h in added)
            return found

        if query.kind != "broad":
            hits = with_parts(hits, FACT_SCOPE_HITS)
            return hits + self._sentence_found(query, filters, hits, admits, SENTENCE_HITS)
        cap, taken, per_doc = max(2, (k + 1) // 2), [], {}
        for hit in hits:
            if per_doc.get(hit.passage.doc_id, 0) < cap:
                per_doc[hit.passage.doc_id] = per_doc.get(hit.passage.doc_id, 0) + 1
                taken.append(hit)
            if len(taken) == k:
                break
        if len({h.passage.doc_id for h in hits}) == 1:  # one document speaks: its best 2k, not a share
            taken = hits[: 2 * k]
        taken = extractive.with_lists(taken, hits)  # a list is not cut at a document's share
        taken = with_parts(taken, YEAR_HITS)
        # a paragraph whose one sentence is on the topic has a passage vector about something else:
        # the documents' sentences nearest the question bring their passages too (library dev +11 -2)
        found = self._sentence_found(query, filters, taken, admits, BROAD_SENTENCE_HITS)
        taken = taken + self._sections(query, taken)
        have = {h.passage.passage_id for h in taken}
        return taken + [h for h in found if h.passage.passage_id not in have]  # each passage once

    def _sentence_supported(self, query: Query, filters: Filters, hits: list[Hit]) -> list[Hit]:
        """``hits`` in the learned order (see ranker.py), which weighs how near in meaning each
        passage's best sentence is to the question beside its other scores: a paragraph on many
        things, one of which is asked about, has a passage vector about the rest. Without the
        ranker, in the hand-weighted order (ranker.weighted). The scores stay the passages' own."""
        best = self._nearest_sentences(query, filters, hits)
        return ranker.ranked(hits, best, query.focus or query.dense_query, query.kind == "broad") or ranker.weighted(hits, best)

    def _nearest_sentences(self, query: Query, filters: Filters, hits: list[Hit]) -> dict[str, float]:
        """For each of ``hits``' passages, how near in meaning its best sentence is to the question
        (cosine), when the question is scoped to a few documents, whose sentence vectors are read."""
        if not hits or not filters.authorities:
            return {}
        corpus = self.retriever.corpus()
        found = {h.passage.doc_id for h in hits}
        docs = [r for r in corpus.records.values() if filters.admits_record(r)]
        if not docs or len(docs) > SENTENCE_DOCS:
            return {}
        vector = np.asarray(self.retriever.embed_query(query.focus or query.dense_query), dtype=np.float32)
        best: dict[str, float] = {}
        for record in docs:
            if record.doc_id not in found:
                continue
            owners, matrix = self.retriever.store.sentence_files.document(record.content_hash)
            if not owners:
                continue
            for cid, sim in zip(owners, (matrix @ vector).tolist()):
                number = corpus.by_chroma_id.get(cid)
                if number is not None:
                    pid = corpus.passages[number].passage_id
                    best[pid] = max(sim, best.get(pid, -1.0))
        return best

    def _sentence_found(self, query: Query, filters: Filters, hits: list[Hit], admits: Callable[[StoredPassage], bool], count: int) -> list[Hit]:
        """The passages of the ``count`` sentences nearest in meaning to the
        question, among the few documents a question names, of the years it asks about (``admits``):
        a figure or name written inside a long paragraph about something else, whose passage vector
        is about that something else. After the hits."""
        corpus = self.retriever.corpus()
        if not filters.authorities:
            return []
        docs = [r for r in corpus.records.values() if filters.admits_record(r)]
        if not docs or len(docs) > SENTENCE_DOCS:
            return []
        vector = np.asarray(self.retriever.embed_query(query.focus or query.dense_query), dtype=np.float32)
        found = []
        for record in docs:
            owners, matrix = self.retriever.store.sentence_files.document(record.content_hash)
            if owners:
                sims = matrix @ vector
                found += [(float(sims[i]), owners[i]) for i in np.argsort(-sims)[:count * 2]]
        have, out = {h.passage.passage_id for h in hits}, []
        for sim, cid in sorted(found, reverse=True):
            number = corpus.by_chroma_id.get(cid)
            passage = corpus.passages[number] if number is not None else None
            if passage is None or passage.passage_id in have or not admits(passage):
                continue
            have.add(passage.passage_id)
            out.append(Hit(passage=passage, score=hits[-1].score if hits else 0.0, dense=sim))
            if len(out) == count:
                break
        return out

    def _sections(self, query: Query, hits: list[Hit]) -> list[Hit]:
        """The rest of the section a broad question's topic heads in the documents found (a topic that
        is a report's section heading: that section's paragraphs), or else of the section judging
        the judgement area it names ("CLs got RI, what were the main problems?"), after the hits."""
        corpus = self.retriever.corpus()
        words = extractive.subject_words(query.topic)
        have, extra, read = {h.passage.passage_id for h in hits}, [], set()
        areas = records.named_areas(query.question, corpus.judgement_areas)
        for hit in hits:
            if hit.passage.doc_id in read:
                continue  # each document's section once, after its first hit
            read.add(hit.passage.doc_id)
            section = corpus.section_about(hit.passage.doc_id, words, areas)
            for p in section[:MAX_SECTION]:
                if p.passage_id not in have:
                    have.add(p.passage_id)
                    extra.append(Hit(passage=p, score=hit.score))
        return extra

    def _section_leads(self, query: Query, sentences: list) -> list:
        """The first sentence of each section a broad question's topic heads (or, else, of the
        section judging the judgement area it names, as ``_sections`` finds them), when it was
        found, in the documents the answer hears (Ofsted opens a section with its overall finding)."""
        corpus, words, leads = self.retriever.corpus(), extractive.subject_words(query.topic), []
        areas = records.named_areas(query.question, corpus.judgement_areas)
        top = max((s.score for s in sentences), default=0.0)
        heard = {s.passage.doc_id for s in sentences if s.score >= extractive.SOURCE_BAR * top}  # documents a broad answer hears
        for doc_id in dict.fromkeys(s.passage.doc_id for s in sentences if s.passage.doc_id in heard):
            section = corpus.section_about(doc_id, words, areas)
            first = next((s for p in section[:1] for s in sentences if s.passage.passage_id == p.passage_id), None)
            if first is not None:
                leads.append(first)
        return leads

    def _prefer_typed(self, query: Query, wants: set[str], hits: list[Hit]) -> list[Hit]:
        """``hits`` reordered so that passages holding the kind of fact asked for gain TYPE_BONUS."""
        if not hits:
            return hits
        is_name = self.retriever.corpus().lexical.is_name
        bonus = TYPE_BONUS * hits[0].score

        def typed(hit: Hit) -> bool:
            return any(extractive.satisfies(s, w, query.question, query.acronym, is_name) for s in extractive.sentences_of(hit) for w in wants)

        rescored = [replace(h, score=h.score + bonus) if i < TYPE_POOL and typed(h) else h for i, h in enumerate(hits)]
        return sorted(rescored, key=lambda h: (-h.score, h.passage.passage_id))

    def ask(
        self,
        question: str,
        history: list[Turn] | None = None,
        filters: Filters | None = None,
        k: int | None = None,
        mode: str | None = None,
        home: str | None = None,
    ) -> Answer:
        """Answer ``question`` from the index. Abstains (``abstained=True``) when the sources don't say.

        ``home``: the asker's own authority, which a question naming none is answered from first
        (see scope.py); None means the configured one, "" none."""
        started = time.perf_counter()
        query = self.analyse(question, history)
        refusal = self._refusal(query)
        if refusal:
            answer = Answer(question=query.asked_as, answer="", abstained=True, search_query=query.standalone, warnings=list(query.warnings), mode="extractive")
            answer.answer, answer.reason = refusal
            answer.timings_ms = {"retrieve": 0.0, "answer": 0.0, "total": (time.perf_counter() - started) * 1000}
            return answer
        home = self.home_authority() if home is None else (home or None)
        restricted = bool(filters and (filters.authorities or filters.doc_ids))
        tried = scopes(query.standalone, query.authorities, home, restricted, elsewhere=bool(query.passing_places) or self._names_only_elsewhere(query, home))
        for n, scope in enumerate(tried, 1):
            scoped = replace(query, authorities=scope.authorities)
            records = self.retriever.corpus().records.values()
            told = self._told_of_visit(scoped, records, filters, started)
            refusal = None if told else self._no_such_inspection(scoped, records) or _no_such_document(scoped, records, self.retriever.corpus().by_doc) or _after_the_sources(scoped, records)
            if refusal and refusal[1] == "no such document":  # "Has Devon had a focused visit?", no letter of one indexed
                told = self._told_of_visit(scoped, records, filters, started, by_kind=True)
                refusal = None if told else refusal
            if told is not None:
                told.scope = " ".join(filter(None, (scope.note, told.scope)))
                return told
            if refusal and n < len(tried):
                continue
            if refusal:
                answer = Answer(question=query.asked_as, answer=refusal[0], abstained=True, reason=refusal[1], search_query=query.standalone, warnings=list(query.warnings))
                answer.timings_ms = {"retrieve": 0.0, "answer": 0.0, "total": (time.perf_counter() - started) * 1000}
                return answer
            # "Summarise Kent's latest report": that document alone; how things stand now: from the latest inspection on, then any
            latest = self._latest(scoped, filters)
            current = self._current(scoped, filters) if latest is None else None
            for within in (latest,) if latest is not None else (current, filters) if current is not None else (filters,):
                answer = self._ask_within(scoped, history, within, k, mode, started)
                if not answer.abstained:
                    answer.scope = scope.note
                    return answer
            if latest is not None and answer.reason in _UNSAID:
                return self._before_latest(scoped, history, latest, k, mode, started, answer)
        return answer

    def _before_latest(self, query: Query, history, latest: Filters, k, mode, started: float, unsaid: Answer) -> Answer:
        """A question about the latest inspection or visit that its document doesn't answer ("What
        does the latest report say about caseloads in Trafford?"): said so, and answered from the
        authority's earlier Ofsted documents when they speak to it; said so and refused otherwise."""
        corpus = self.retriever.corpus()
        newest = corpus.records[latest.doc_ids[0]]
        when = newest.start_date or newest.date or ""
        earlier = tuple(
            r.doc_id for r in corpus.records.values()
            if r.authority == newest.authority and r.kind in cover.OFSTED_KINDS and (r.end_date or r.date or "9999") < when
        )
        said = f"{newest.authority}'s latest inspection or visit, {newest.title} ({display_date(newest.date)}), doesn't say"
        if earlier:
            answer = self._ask_within(query, history, replace(latest, doc_ids=earlier), k, mode, started)
            if not answer.abstained:
                answer.scope = f"{said}; this answer is from its earlier ones."
                return answer
        unsaid.answer = f"{said}{', nor do its earlier ones' if earlier else ''}. The nearest passages are listed as related."
        return unsaid

    def _core(self, query: Query) -> str:
        """A broad question's core words, when they differ from its focus (see extractive.core_of)."""
        if query.kind != "broad":
            return ""
        core = extractive.core_of(query.focus or query.dense_query, self.retriever.corpus().lexical.idf)
        return core if core and core.casefold() != (query.focus or query.dense_query).casefold() else ""

    def _latest(self, query: Query, filters: Filters | None) -> Filters | None:
        """For a question about one authority's latest (or last) inspection, report or visit, naming
        no year ("What were the main findings of Kent's last inspection?"): that document, as the
        records pick it (see cover.inspections). None for any other question."""
        if len(query.authorities) != 1 or query.years or not _NAMES_LATEST.search(query.question):
            return None
        if filters is not None and (filters.year_from or filters.year_to or filters.doc_ids):
            return None
        records = [r for r in self.retriever.corpus().records.values() if filters is None or filters.admits_record(r)]
        docs = cover.inspections(query.question, records, query.authorities, year_span(query.question))
        return replace(filters or Filters(), doc_ids=(docs[0].doc_id,)) if len(docs) == 1 else None

    def _current(self, query: Query, filters: Filters | None) -> Filters | None:
        """For a broad question in the present tense about one authority, naming no year ("How is
        the front door working?", "What do we need to improve?"): the documents from the year of
        its latest inspection report on. None for any other question."""
        if query.kind != "broad" or len(query.authorities) != 1 or query.years or not _PRESENT.search(query.question):
            return None
        if filters is not None and (filters.year_from or filters.year_to or filters.doc_ids):
            return None
        reports = [r.year for r in self.retriever.corpus().records.values() if r.authority == query.authorities[0] and r.kind == "inspection_report" and r.year]
        if not reports:
            return None
        return replace(filters or Filters(), year_from=max(reports))

    def _names_only_elsewhere(self, query: Query, home: str | None) -> bool:
        """Does the question name something (a name the library never writes in lower case, or
        an acronym) that the library holds but none of the home authority's documents do?"""
        if not home:
            return False
        corpus = self.retriever.corpus()
        words = re.findall(r"(?<!^)(?<![.?!] )\b[A-Z][\w’'-]*", query.standalone)
        names = {w.split("’")[0].split("'")[0] for w in words if w.isupper() or corpus.lexical.is_name(w)}
        names = {n for n in names if len(n) > 1 and n.lower() not in place_words() and self.corpus_has(n)}
        if not names:
            return False
        key = (corpus.version, home)
        if self._home_text[0] != key:
            self._home_text = (key, " ".join(normalise(p.text) for r in corpus.records.values() if r.authority == home for p in corpus.by_doc.get(r.doc_id, ())))
        text = self._home_text[1]
        return any(not _holds(text, n) for n in names)

    def home_authority(self) -> str | None:
        """The configured home authority, when the index holds its documents."""
        from index.manifest import read_home_authority

        corpus = self.retriever.corpus()
        if self._home[0] != corpus.version:
            offered = sorted({r.authority for r in corpus.records.values() if r.authority})
            self._home = (corpus.version, home_authority(self.settings.home_authority, read_home_authority(self.settings.source_dir), offered))
        return self._home[1]

    def _ask_within(self, query: Query, history: list[Turn] | None, filters: Filters | None, k: int | None, mode: str | None, started: float) -> Answer:
        answer = Answer(question=query.asked_as, answer="", abstained=True, search_query=query.standalone, warnings=list(query.warnings), mode="extractive")
        mode = mode or self.settings.mode
        if (self._from_improvement_list(query, filters, answer, started) or self._from_opening(query, filters, answer, started)
                or self._answer_from_records(query, filters, answer, started) or self._summarise(query, filters, answer, started)):
            return answer
        model = self._chat_model(mode) if mode != "extractive" else None
        t0 = time.perf_counter()
        if model is not None and history and query.standalone != query.question:
            query = self._condense(model, query, history, answer)
        query = self._with_words_beside(query)  # (for the passages: the records were read by the question's own words)
        if query.wants == "grade" and grade_asked_how(query.question) and not query.parts:
            # "How did inspectors judge supervision in Stockton?": no judgement is of it; what they found
            passages = self.retriever.corpus().record_passages
            if records.asks_beyond_judgements(query.question, query.topic, passages):
                query = query.as_findings()
        hits = self.retrieve(query, filters, k)
        answer.retrieved = [h.passage.passage_id for h in hits]
        t1 = time.perf_counter()
        if model is None or not hits:
            self._answer_extractively(query, hits, answer)
        else:
            self._answer_generatively(model, mode, query, hits, answer)
        self._told_of_before(query, filters, answer)
        t2 = time.perf_counter()
        answer.timings_ms = {"retrieve": (t1 - t0) * 1000, "answer": (t2 - t1) * 1000, "total": (t2 - started) * 1000}
        return answer

    def _told_of_before(self, query: Query, filters: Filters | None, answer: Answer) -> None:
        """A question about the inspection before one it names ("When had Ofsted previously
        inspected Bromley, according to its 2023 report?") that its passages left unanswered, or
        answered with nothing of a year before the named report's: what that report first says of an
        inspection in an earlier year, when it says so."""
        span = year_span(query.question)
        if not query.authorities or not cover.asks_previous(query.question, span):
            return
        corpus = self.retriever.corpus()
        admitted = [r for r in corpus.records.values() if filters is None or filters.admits_record(r)]
        docs = cover.inspections(query.question, admitted, query.authorities, span)
        if len(docs) != 1 or not cover.years_inspected(docs[0]):
            return
        first = min(cover.years_inspected(docs[0]))
        led = answer.answer.split("\nAlso in the sources:")[0]  # (what the answer leads with, not what it lists besides)
        if not answer.abstained and any(cover.tells_of_inspection_before(c.quote, first) for c in answer.citations if f"[{c.n}]" in led):
            return  # the passages tell of an earlier inspection (not merely of an earlier year: "in post since…, previously, in 2015, …")
        found = cover.answer_before(docs[0], corpus.by_doc.get(docs[0].doc_id, []), query.question)  # (the statement may say what of that one is asked: "…mentions an earlier inspection of safeguarding — when was that?")
        if found is not None:
            answer.answer, answer.citations = found.text, found.citations
            answer.abstained, answer.reason = False, "what the report says of the inspection before it"
            # a compound question's other parts ask of the named report, unless they ask of the one
            # before too ("…, and what was the overall judgement then?"): each under itself, as asked
            # ("in what year had Hull last been inspected, and when was its new director appointed?")
            for part in query.parts if len(query.parts) > 1 else ():
                if not cover.asks_previous(part.text, span) and not _OF_THE_ONE_BEFORE.search(part.text):
                    self._append_of_report(answer, part, docs[0], query, filters, time.perf_counter())

    def _from_improvement_list(self, query: Query, filters: Filters | None, answer: Answer, started: float) -> bool:
        """A question about an item of a report's own list of what needs to improve ("One of the
        things Ofsted said Stockton-on-Tees had to improve in 2023 was about children's say in
        services. What exactly?"): answered from that list's items alone, the one the question
        speaks of chosen as any sentence is (the whole list, asked of nothing in particular, see
        _summarise). False when the question names no one report, or no item answers it."""
        if not _OFSTED_LIST.search(query.question) or not query.authorities:
            return False
        # an ask of no words of its own after the statement that names the item ("What exactly?",
        # "Which was it?"), not one asking about the item ("What exactly was the problem?", "Which
        # framework do those labels refer to?": the passages'), nor of a topic ("What needs to
        # improve in social work practice?": all the list says of it)
        asked = final_ask(query.question)
        if asked == query.question or records.topic_words(asked, _SUMMARY_WORDS | _IMPROVEMENT_WORDS | _BARE_ASK):
            return False
        stated = query.question[: query.question.rindex(asked)].strip()
        if not records.topic_words(_OFSTED_LIST.sub(" ", stated), _SUMMARY_WORDS | _IMPROVEMENT_WORDS | frozenset(w for a in query.authorities for n in names_of(a) for w in re.findall(r"[a-z]+", n.lower()))):
            return False  # "Its 2023 report listed three things to improve. What were they?": the whole list (see _summarise)
        docs = self._one_report(query, filters)
        if len(docs) != 1:
            return False
        listed = self._improvement_items(docs[0], query.question)
        if not listed:
            return False
        # the item the statement speaks of ("…was about children's say in services"), chosen as a
        # fact is (not a broad answer's spread, nor the grades beside it)
        item = replace(self.analyse(stated), authorities=query.authorities, kind="factoid", wants=None)
        return self._answer_within(item, listed, answer, started, "from one document's list of what needs to improve")

    def _answer_within(self, query: Query, passages: list[StoredPassage], answer: Answer, started: float, reason: str) -> bool:
        """``answer`` answered extractively from ``passages`` alone, with ``reason``; False (``answer``
        untouched) when they don't answer it."""
        said = replace(answer, answer="", citations=[], abstained=True)
        self._answer_extractively(query, [Hit(p, 1.0) for p in passages], said)
        if said.abstained or not said.citations:
            return False
        answer.answer, answer.citations, answer.abstained, answer.related = said.answer, said.citations, False, said.related
        answer.reason = reason
        answer.retrieved = [p.passage_id for p in passages]
        total = (time.perf_counter() - started) * 1000
        answer.timings_ms = {"retrieve": 0.0, "answer": total, "total": total}
        return True

    def _from_opening(self, query: Query, filters: Filters | None, answer: Answer, started: float) -> bool:
        """A question about what a report's summary says ("According to the summary at the top of
        Ofsted's June 2026 report on …, what …?"): answered from the paragraphs the report opens
        with (see _opening_paragraphs) alone. False when the question names no one report, or they
        don't answer it (the passages are asked then)."""
        if not _OF_OPENING.search(query.question) or not query.authorities:
            return False
        if any(part.wants == "grade" for part in query.parts):
            return False  # a part asking a grade is the records' ("how were … graded, and where did the summary say…?")
        docs = self._one_report(query, filters)
        if len(docs) != 1:
            return False
        opening = self._opening_paragraphs(docs[0])
        return bool(opening) and self._answer_within(query, opening, answer, started, "from the paragraphs one document opens with")

    def _opening_paragraphs(self, doc_id: str) -> list[StoredPassage]:
        """The paragraphs a report opens with, its summary: those under a heading that says so
        ("Executive summary"), else those before its own list of what needs to improve and its
        numbered paragraphs (an inspection report under the 2018 framework)."""
        passages = sorted(self.retriever.corpus().by_doc.get(doc_id, ()), key=lambda p: p.ordinal)
        headed = [p for p in passages if p.kind == "paragraph" and p.heading and "summary" in p.heading[-1].lower()]
        if headed:
            return headed
        opening = []
        for p in passages:
            if p.kind == "item" or _in_improvement_list(p) or p.locator.startswith("paragraph"):
                break
            if p.kind == "paragraph":
                opening.append(p)
        return opening

    def _improvement_items(self, doc_id: str, question: str) -> list[StoredPassage]:
        """The items of a report's own list of what needs to improve, in its order, without those the
        question sets aside ("Besides the timeliness of assessments and social workers' supervision,
        what was the third?")."""
        passages = sorted(self.retriever.corpus().by_doc.get(doc_id, ()), key=lambda p: p.ordinal)
        listed = [p for p in passages if p.kind in ("paragraph", "item") and _in_improvement_list(p)]
        # a part of the list the question names by its own heading ("what should it do immediately?"): that part
        asked = set(tokens(question))
        under = [p for p in listed if _sub_heading_asked(p.heading, asked)]
        listed = under or listed
        besides = SET_ASIDE.search(question)
        if besides:
            named = [set(tokens(piece)) - STOPWORDS for piece in re.split(r",\s*|\s+and\s+", besides.group(1))]
            listed = [p for p in listed if not any(words and all(_said_as(w, tokens(p.text)) for w in words) for words in named)]
        return listed

    def _one_report(self, query: Query, filters: Filters | None, told: bool = False) -> list[str]:
        """The reports a question about one (or one each of the authorities it names) picks out:
        the one filtered to; else those of the year it names; else each authority's latest.
        ``told``: what a report told is asked, so "after its November 2022 inspection" names
        that inspection (whose report told it), not the years since."""
        if filters is not None and len(filters.doc_ids) == 1:
            return list(filters.doc_ids)
        picked = [r for r in self.retriever.corpus().records.values() if filters is None or filters.admits_record(r)]
        question = _AFTER_INSPECTION.sub(r"at \1", query.question) if told else query.question
        span = year_span(question)
        found = cover.inspections(question, picked, query.authorities, span) if query.authorities else []
        if len(found) > 1 and not (span.exact or span.since or span.before):
            # "What did Ofsted say about Kent?", no year named: what it said last (the answer
            # names the report and its date), not a paragraph of one of its reports at random
            found = [r for r in found if r is max((o for o in found if o.authority == r.authority), key=lambda o: o.date or "")]
        return [r.doc_id for r in found]

    def _summarise(self, query: Query, filters: Filters | None, answer: Answer, started: float) -> bool:
        """"Summarise Kent's latest report", "Give me an overview of Kent's 2022 inspection": a
        request for one document's summary, asking about nothing in particular, is answered with
        what the document leads with: its overall judgement and its first findings, in its order
        (an Ofsted report opens with its headline findings and what needs to improve)."""
        side = sides.asked_side(final_ask(query.question))  # "What concerns did Ofsted raise about Sandwell in 2025?": that side of it
        topic = sides.without_side(query.topic) if side else query.topic
        improvements = _asks_improvements(query)  # "What did Ofsted tell Kent to improve?": the report's own list
        # (the place asked about is no topic: "What did Ofsted say about Kent?" asks about nothing in particular)
        own = _place_words(query)
        if not improvements and (not (_SUMMARY.search(query.question) or query.kind == "broad" or side) or records.topic_words(_SUMMARY.sub(" ", topic), _SUMMARY_WORDS | own)):
            return False  # "What did the 2023 inspection of Bexley find?" asks about nothing in particular too
        if _OVER_TIME.search(query.question):
            return False  # "How has the rating changed since 2013?": documents compared, not one summarised
        corpus = self.retriever.corpus()
        docs = self._one_report(query, filters, told=improvements)
        # one document; or, for what each was told to improve, one of each authority asked about
        # ("Kingston upon Thames and Islington were both inspected in December 2024. What was each told to improve?")
        each = improvements and len(docs) == len(query.authorities) == len({corpus.records[d].authority for d in docs if d in corpus.records})
        if len(docs) != 1 and not each:
            return False
        passages = sorted(corpus.by_doc.get(docs[0], ()), key=lambda p: p.ordinal)
        if improvements:
            chosen = []
            for doc_id in docs:
                listed = self._improvement_items(doc_id, query.question)
                # (an item holds one point, or several a report set out in one block: "improve … casework improve …")
                chosen += [s for p in listed[:IMPROVEMENT_ITEMS] for s in extractive.sentences_of(Hit(p, 1.0))[: None if p.kind == "item" else SUMMARY_PER_PARAGRAPH]][:IMPROVEMENT_ITEMS]
            if not chosen:
                return False
            passages = []
        else:
            chosen = [s for p in passages if p.kind == "judgement" and p.fields.get("area") == "overall_effectiveness" for s in extractive.sentences_of(Hit(p, 1.0))][:1]
        for p in passages:
            if len(chosen) >= SUMMARY_SENTENCES:
                break
            if p.kind not in ("paragraph", "item"):
                continue
            told = extractive.sentences_of(Hit(p, 1.0))
            if side and self._sides_learned():  # which side each states (read when asked)
                extractive.read_sides(told, self._vectors_of(told))
            said = [s for s in told if corpus.templates.commonness(s.text) < SUMMARY_COMMON
                    and (side is None or extractive.shortcoming(s) == (side == "shortcomings"))]
            chosen += said[: 1 if p.kind == "item" else SUMMARY_PER_PARAGRAPH][: SUMMARY_SENTENCES - len(chosen)]
        if not chosen:
            return False
        for s in chosen:
            s.score, s.literal = 1.0, True
        text, citations = extractive.compose(query, chosen, self.document_norm)
        if not citations:
            return False
        answer.answer, answer.citations, answer.abstained = text, citations, False
        answer.reason = ("what one document says needs to improve" if len(docs) == 1 else "what each document says needs to improve") if improvements else "summary of one document"
        answer.retrieved = list(dict.fromkeys(c.passage_id for c in citations))
        if improvements and len(docs) == 1 and len(query.parts) == 2:
            # the other part of "Which judgement was lower, and what did Ofsted list as needing to
            # improve?": the grade it asks, from the report's records, after the list (the question's
            # statement setting its scene with it)
            graded = [p for p in query.parts if _names_grade(p)]
            listed = [p for p in query.parts if p not in graded]
            if len(graded) == 1 and listed and _OFSTED_LIST.search(listed[0].text):
                scene = query.question[: max(query.question.find(query.parts[0].text), 0)]
                year = (corpus.records[docs[0]].end_date or corpus.records[docs[0]].date or "")[:4] if docs[0] in corpus.records else ""
                asked = f"{scene}{graded[0].text}{'' if year in graded[0].text or year in scene else f' in {year}'}?"
                self._append_said(answer, f"{graded[0].text[:1].upper()}{graded[0].text[1:]}?", asked, query, replace(filters or Filters(), doc_ids=(docs[0],)), started, records_too=True)
        total = (time.perf_counter() - started) * 1000
        answer.timings_ms = {"retrieve": 0.0, "answer": total, "total": total}
        return True

    def _answer_from_records(self, query: Query, filters: Filters | None, answer: Answer, started: float) -> bool:
        """A question about an inspection itself (who led it, when, its grades) is answered from
        the records of the inspections it picks out; a question over records (grades, RAG
        statuses) from all of them."""
        corpus = self.retriever.corpus()
        authorities = query.authorities or (filters.authorities if filters else ())
        if query.passing_places and not authorities:
            return False  # "What grade did Wigan get?", Wigan only mentioned: not every council's grades (the passages say)
        if _asks_improvements(query):
            return False  # "What did Ofsted tell Kent to improve?": its list (see _summarise), not its grades
        span = year_span(query.question)
        if self._told_of_earlier_year(query, filters, answer, started):
            return True
        if cover.asks_previous(query.question, span):
            # what the 2026 report says of the inspection before it: in its passages, not its records
            # (a compound question's parts about the named inspection itself: its records, see _named_and_before)
            return self._named_and_before(query, filters, answer, started, span)
        asked = final_ask(query.question)  # "Bromley was judged inadequate in 2016. Where did…?": what it asks follows
        fields = cover.asks_cover(asked) | cover.asks_of_label(query.question)
        if fields:  # "Who led its 2024 inspection, and on what dates?": a part leaning on the first asks with its subject
            # (and a part of its own: "When was its 2023 inspection, and what grade did help and protection get?")
            fields |= {field for p in query.parts for field in cover.asks_cover(p.search)}
        passages = [p for p in corpus.record_passages if filters is None or filters.admits(p)]
        if "grades" not in fields and records.asks_if_graded(asked, passages):
            fields |= {"grades"}  # "…, and was help and protection also outstanding?": that area's grade
        kind = records.asks_records(query.question, passages)
        # a compound question's part asking a grade is the records'; its other part, the passages'
        # (see _with_findings_part): "…What grade did it get in 2019, and what had changed at the front door?"
        # (not when the other part's topic is the statement's: "…What did the 2023 report say about this?")
        graded = _graded_parts(query.parts)
        rest = [p for p in query.parts if p not in graded]
        split = len(graded) == 1 and rest and all(records.asks_about_something(p.topic) for p in rest)
        beyond = (graded[0].text, graded[0].topic) if split else (query.question, query.topic)
        if kind == "judgement" and records.asks_beyond_judgements(*beyond, passages):
            kind = None  # for the passages (or to say the sources don't say)
        if kind is None and query.authorities and records.compares_inspections(query.question, query.topic, passages):
            if any(p.kind == "judgement" and p.authority in query.authorities for p in passages):
                kind = "judgement"  # each compared inspection's judgements
        over_time = kind == "judgement" and len(query.authorities) == 1 and records.compares_over_time(query.question)
        if fields == {"grades"} and records.asks_beyond_judgements(*beyond, passages):
            fields = fields - {"grades"}  # "the grades of Derby's own children's homes": not the council's judgements
        if fields == {"grades"} and query.kind == "broad" and _CONCLUSION_OF.search(query.question):
            # "What did the 2016 inspection conclude about Havering's services for care leavers?": its
            # findings on them, with the area's judgement (see _with_judgements), not the grade alone
            fields = fields - {"grades"}
        found, reason = None, ""
        areas = corpus.judgement_areas

        def titled(doc_id: str) -> StoredPassage | None:  # a report's title, as it prints it
            return corpus.title_passage(doc_id, self.retriever.store.document_text)

        admitted = [r for r in corpus.records.values() if filters is None or filters.admits_record(r)]
        led = cover.led_by(query.question, admitted) if not query.authorities else []
        if led:  # "Which inspections did Tom Anthony lead?": each one's lead inspector line
            found = cover.answer_cover(query.question, {"lead"}, led, lambda doc_id: corpus.by_doc.get(doc_id, []), areas, titled)
            reason = f"inspection records: {len(led)}"
        inspected = [] if led or query.authorities else cover.inspected_in(query.question, admitted, year_span(query.question))
        if inspected:  # "Which councils did Ofsted inspect in March 2024?": each one's dates line
            found = cover.answer_cover(query.question, {"dates"}, inspected, lambda doc_id: corpus.by_doc.get(doc_id, []), areas, titled)
            reason = f"inspection records: {len(inspected)}"
        # who led an inspection or when it was, or the grades of one inspection: its own records;
        # grades across inspections ("which…", "how has … changed since…"): all the records
        if found is None and fields and authorities and (fields & {"lead", "team", "dates", "published"} or kind is None or cover.picks_one(query.question)):
            docs = cover.inspections(query.question, admitted, authorities, span)
            # grades: of one inspection, or of one each of the authorities compared, or of one each
            # of the years named ("…at the 2019 inspection, and what at the March 2023 inspection?")
            each = len({d.authority for d in docs})
            # (not when a grade it names sets the scene: "What progress had it made by 2019 after it was rated inadequate in 2016?")
            # ("Rochdale was judged good in 2018. Did that grade hold up in 2023?": the grade set the scene before the question)
            by_year = len(docs) == each * len(span.exact) > each and not records.names_grade(asked, passages)
            if docs and (fields & {"lead", "team", "dates", "published"} or len(docs) == each or by_year):
                found = cover.answer_cover(query.question, fields, docs, lambda doc_id: corpus.by_doc.get(doc_id, []), areas, titled)
                reason = f"inspection records: {len(docs)}"
        if found is None:
            if kind is None:
                return False
            def inspected(doc_id: str) -> set[int]:  # the years inspected (not the year published)
                record = corpus.records.get(doc_id)
                return cover.years_inspected(record) if record is not None else set()

            found = records.answer_records(query.question, kind, passages, authorities, records.listing_span([p.text for p in query.parts], span, query.question), inspected)
            reason = f"{kind} records: {len(found.citations)} of {found.looked_at}"
        by_id = corpus.by_id
        # the names of the parts the records answer ("When did Ofsted inspect Islington in 2017, and
        # since when had the DCS been in post?": the dates part names no DCS; the other part is the passages')
        of_records = [p for p in query.parts if cover.asks_cover(p.search)] if fields else []
        named = replace(query, question=", and ".join(p.text for p in of_records) + "?") if 0 < len(of_records) < len(query.parts) else query
        if _names_unmet(named, [by_id[c.passage_id] for c in found.citations if c.passage_id in by_id], corpus.lexical.correct, corpus.acronyms, corpus.lexical.is_name, corpus.titled_acronyms):
            return False  # "What grade did HMICFRS give Essex Police?": not the council's inspection; the passages say
        cited = [by_id[c.passage_id] for c in found.citations if c.passage_id in by_id]
        unjudged = getattr(found, "unjudged", "")
        if not unjudged and kind == "judgement":  # the judgements the cited reports make, each read once
            reports = {p.doc_id for p in cited}
            unjudged = cover.unjudged(query.question, [p for p in corpus.record_passages if p.kind == "judgement" and p.doc_id in reports], areas)
        if not unjudged and kind == "judgement" and authorities:
            # "Did its overall grade go up between 2023 and 2026?": a year compared whose report makes no such judgement
            asked_years = year_span(query.question).exact
            for r in corpus.records.values():
                if r.authority in authorities and r.kind in cover.OFSTED_KINDS and asked_years & set(cover.years_of(r)):
                    rows = [p for p in corpus.by_doc.get(r.doc_id, ()) if p.kind == "judgement"]
                    unjudged = cover.unjudged(query.question, rows, areas)
                    if unjudged:
                        cited = rows
                        break
        if unjudged:
            # "What overall grade did South Tyneside get in 2026?": those reports make no such
            # judgement; say so, with the judgements they do make as related
            reports = {p.doc_id: p for p in cited}.values()
            which = "; ".join(f"{KIND_LABELS.get(p.doc_kind, p.doc_kind).lower()} of {p.authority}, {display_date(p.date)}" for p in reports)
            answer.answer = f"The indexed sources hold no {unjudged} judgement in the {which}. The judgements they give are listed as related."
            answer.abstained, answer.reason = True, "no such judgement"
            answer.related = [related(Hit(p, 1.0)) for p in cited]
            total = (time.perf_counter() - started) * 1000
            answer.timings_ms = {"retrieve": 0.0, "answer": total, "total": total}
            return True
        answer.answer, answer.citations = _with_verdicts(found.text, found.citations, by_id, corpus.verdict)
        answer.abstained, answer.reason = False, reason
        shown = list(dict.fromkeys(c.passage_id for c in answer.citations))
        answer.retrieved = [p.passage_id for p in records.side_by_side(query.question, [by_id[pid] for pid in shown if pid in by_id])]
        answer.retrieved += [pid for pid in shown if pid not in answer.retrieved]
        before = answer.answer
        self._with_findings_part(query, filters, answer, passages, started)
        if over_time and not query.parts:
            self._with_change_said(query, filters, answer, cited, started)
        if answer.answer == before:
            self._with_reasons(query, filters, answer, cited, started)
        if authorities:
            self._with_nearest(query, filters, answer)
        total = (time.perf_counter() - started) * 1000
        answer.timings_ms = {"retrieve": 0.0, "answer": total, "total": total}
        return True

    def _told_of_earlier_year(self, query: Query, filters: Filters | None, answer: Answer, started: float) -> bool:
        """A grade asked of an inspection in a year the library holds no Ofsted document of ("What
        were Warrington's ratings at the 2009 inspection?", "Birmingham's 2014 inspection found
        looked after children's services inadequate. How had the service been judged back in
        2010?"): answered with what the held reports after that year say it judged, not with their
        own records. False for any other question, or when they state no judgement of it."""
        if len(query.authorities) != 1 or len(query.parts) > 1 or query.wants not in (None, "grade") or not _RATED.search(query.question):
            return False  # (not "What was the name of the unit judged inadequate in 2017?": a name)
        named = sorted({int(y) for y in YEAR.findall(query.question)})
        if not named:
            return False  # (asked of every question the records may answer: no year, nothing to read)
        corpus = self.retriever.corpus()
        held = [r for r in corpus.records.values() if r.authority == query.authorities[0] and r.kind in cover.OFSTED_KINDS and (filters is None or filters.admits_record(r))]
        # (a report published the next year is of that year too: "the inspection in late 2013 (report published February 2014)")
        unheld = [y for y in named if not any(y in cover.years_of(r, True) for r in held)]
        if len(unheld) != 1:
            return False
        year = unheld[0]
        # a grade a later report states ("…were inspected in November 2009. The local authority was judged to be inadequate.")
        told = self._judgement_told(held, year, query.question)
        for s in told:
            s.score, s.literal = 1.0, True
        text, citations = extractive.compose(query, told, self.document_norm) if told else ("", [])
        if not citations:
            return False
        answer.answer, answer.citations, answer.abstained = text, citations, False
        answer.reason = f"what later reports say of {year}"
        answer.retrieved = list(dict.fromkeys(c.passage_id for c in citations))
        total = (time.perf_counter() - started) * 1000
        answer.timings_ms = {"retrieve": 0.0, "answer": total, "total": total}
        return True

    def _judgement_told(self, records, year: int, question: str = "") -> list:
        """The sentences of the reports of ``records`` after ``year`` that state a judgement of an
        inspection then: an inspection said with that year, and a grade, in one sentence (or with
        the next, which gives it: "…were inspected in November 2009. The local authority was
        judged to be inadequate."). Those that say most of what ``question`` asks (the service graded:
        "the looked after children service"), then most of its statement, in the reports' order; at most two."""
        by_doc = self.retriever.corpus().by_doc
        told = []
        for r in sorted(records, key=lambda r: r.end_date or r.date or ""):
            if min(cover.years_inspected(r) or {0}) <= year:
                continue
            for p in sorted(by_doc.get(r.doc_id, ()), key=lambda p: p.ordinal):
                if str(year) not in p.text:
                    continue
                said = extractive.sentences_of(Hit(p, 1.0))
                told += [said[n:n + 2] if not extractive.HAS_GRADE.search(s.text) else [s] for n, s in enumerate(said)
                         if (cover.tells_of_inspection_in(s.text, year) or (str(year) in s.text and _JUDGED.search(s.text)))
                         and any(extractive.HAS_GRADE.search(t.text) for t in said[n:n + 2])]
        own = _own_councils({r.authority for r in records}, question)
        told = [g for g in told if all(_judges_the_council(s.text, own) for s in g)]
        asked, whole = set(tokens(final_ask(question))) - STOPWORDS, set(tokens(question)) - STOPWORDS

        def says(group: list) -> tuple[int, int]:  # of what is asked, then of the whole question (its statement too)
            said = set(tokens(" ".join(s.text for s in group)))
            return len(asked & said), len(whole & said)

        best = max(map(says, told), default=(0, 0))
        return [s for group in [g for g in told if says(g) == best][:2] for s in group]

    def _named_and_before(self, query: Query, filters: Filters | None, answer: Answer, started: float, span) -> bool:
        """A compound question asking of the inspection it names and of the one before it ("What
        overall grade did Rochdale get at its 2023 inspection, and in which year was it previously
        inspected and with what result?"): the parts about the named inspection answered from its
        records, then each part about the one before from what the named report says of it (its
        passages), under the part as asked. False (the whole question to the passages) when no part
        is the records' to answer, or the inspection before is asked of first."""
        before = [p for p in query.parts if cover.asks_previous(p.text, span)]
        named = [p for p in query.parts if p not in before]
        # (asked first, the inspection before is what the rest asks of too: "When was its previous
        # inspection, and what was the overall judgement then?")
        if not before or not named or query.parts[0] in before or not query.authorities:
            return False
        head = query.question[:max(query.question.find(query.parts[0].text), 0)]  # its setting ("Stockport's 2017 inspection: ")
        asked = head + ", and ".join(p.text for p in named)
        years = {y for y in YEAR.findall(query.question) if not any(y in p.text for p in before)}
        if not YEAR.search(asked) and len(years) == 1:  # "In 2023, what grade did it get, and…": the named inspection's year
            asked += f" in {years.pop()}"
        if not self._answer_from_records(replace(self.analyse(f"{asked}?"), authorities=query.authorities), filters, answer, started):
            return False
        report = self._cited_report(answer)
        for part in before:
            self._append_of_report(answer, part, report, query, filters, started)
        return True

    def _cited_report(self, answer: Answer):
        """The one document a records answer cites (its record), else None."""
        reports = {c.doc_id for c in answer.citations}
        return self.retriever.corpus().records.get(next(iter(reports))) if len(reports) == 1 else None

    def _append_of_report(self, answer: Answer, part, report, query: Query, filters: Filters | None, started: float, records_too: bool = False) -> None:
        """A compound question's ``part`` asked of ``report``'s passages alone (its subject is that
        report's), under the part as asked, after ``answer``; of ``filters`` when there is no report."""
        year = (report.end_date or report.date or "")[:4] if report is not None else ""
        when = f", according to the {year} report" if year and year not in part.text else ""  # (not "in 2022": an earlier inspection's year)
        within = replace(filters or Filters(), doc_ids=(report.doc_id,)) if report is not None else filters
        asked = f"{part.text}{when} ({' and '.join(query.authorities)})?"
        self._append_said(answer, f"{part.text[:1].upper()}{part.text[1:]}?", asked, query, within, started, records_too)

    def _with_nearest(self, query: Query, filters: Filters | None, answer: Answer) -> None:
        """A records answer's nearest passages, as related: where the reports write of what the
        records give ("Children's services in Telford and Wrekin are outstanding." beside its
        overall effectiveness row), after the records in its ranked passages."""
        hits = self.retrieve(self._with_words_beside(query), filters, None)
        have = set(answer.retrieved) | {c.passage_id for c in answer.citations}
        more = [h for h in hits if h.passage.passage_id not in have]
        answer.retrieved = list(dict.fromkeys(answer.retrieved + [h.passage.passage_id for h in more]))
        answer.related = [related(h) for h in more[:3]]

    def _with_change_said(self, query: Query, filters: Filters | None, answer: Answer, cited, started: float) -> None:
        """One authority's inspections compared by their judgements ("How had Doncaster's grades
        changed by 2017?"): after the grades, what the latest of them says of the change since the
        inspection before (a report says how far it has improved or declined since then)."""
        dates = sorted({p.date for p in cited if p.date})
        if len(dates) < 2:
            return
        latest = dates[-1][:4]
        asked = f"What did Ofsted say about how services had improved or declined since they were last judged, in {query.authorities[0]} in {latest}?"
        self._append_said(answer, f"What the {latest} report says of the change", asked, query, filters, started)

    def _with_reasons(self, query: Query, filters: Filters | None, answer: Answer, cited, started: float) -> None:
        """A grade and why ("Did it hold on to that grade in 2025, and if not, why?", "…so why did its
        services for children looked after still require improvement?"): after the grade, what the
        report found in the area it judged (its findings there are its reasons)."""
        if len(query.authorities) != 1 or not _WHY.search(final_ask(query.question)):
            return
        judged = [p for p in cited if p.kind == "judgement" and p.date]
        if not judged:
            return
        latest = max(p.date for p in judged)
        areas = [p for p in judged if p.date == latest]
        named = [p for p in areas if p.fields.get("area") != "overall_effectiveness"] or areas
        if len(named) != 1:
            return
        label = re.sub(r"^[\d.]+\s*", "", named[0].fields.get("judgement") or "").strip()
        if not label:
            return
        asked = f"What did Ofsted find about {label[:1].lower()}{label[1:]} in {query.authorities[0]} in {latest[:4]}?"
        self._append_said(answer, f"What the {latest[:4]} report found", asked, query, filters, started)

    def _with_findings_part(self, query: Query, filters: Filters | None, answer: Answer, passages, started: float) -> None:
        """A compound question whose grades the records answer and whose other part asks what a
        report found ("How did Stockport's overall grade change between 2022 and 2025, and what did
        the 2025 report say lay behind the change?"): that part answered from the passages too,
        after the grades, its citations numbered on from theirs."""
        if len(query.parts) < 2 or not query.authorities:
            return
        # the one year the question names is each part's too; its asks' year, when a statement sets the
        # scene with another ("…was graded requires improvement in 2015. What grade did it get in 2019,
        # and what had changed at the front door?": the front door of 2019)
        named = sorted(set(YEAR.findall(" ".join(p.text for p in query.parts)))) or sorted(set(YEAR.findall(query.question)))
        # one inspection's dates or lead inspector answered: a part leaning on them asks of its report ("On which
        # dates did Ofsted carry out its 2019 inspection, and what had the council changed since…?"; not "How did
        # it rate adoption in 2016, and what was holding it back?", where "it" is what was graded)
        first = cover.asks_cover(query.parts[0].text)
        of_inspection = bool(first) and first <= {"dates", "lead", "team", "published"} and answer.reason == "inspection records: 1"
        report = self._cited_report(answer) if of_inspection else None
        for part in query.parts:  # (either part: "What is Bromley's early help service called, and how did Ofsted rate it…?")
            if records.names_grade(part.text, passages) or records.asks_kind(part.text, "judgement") or cover.asks_cover(part.text) or cover.asks_only_of_label(query.question, part.text):
                continue  # a grade, a judgement or a cover fact: the records answered it ("what did it say about care leavers?" they don't)
            if not records.asks_about_something(part.topic):
                continue
            if records.asks_why(part.text) and not set(tokens(part.text)) - _WHY_WORDS:
                continue  # "…, and why?", "…and what reason did Ofsted give for it?": the graded area's findings (see _with_reasons)
            if report is not None and part.search != part.text:
                self._append_of_report(answer, part, report, query, filters, started, records_too=True)
                continue
            when = f" in {named[0]}" if len(named) == 1 and not YEAR.search(part.search) else ""
            asked = f"{part.search}{when} ({' and '.join(query.authorities)})?"
            self._append_said(answer, f"{part.text[:1].upper()}{part.text[1:]}?", asked, query, filters, started, records_too=True)

    def _append_said(self, answer: Answer, heading: str, asked: str, query: Query, filters: Filters | None, started: float, records_too: bool = False) -> None:
        """The answer to ``asked`` (of the query's authorities) after ``answer``, under ``heading``,
        when the passages answer it (``records_too``: or the records)."""
        said = self._ask_within(replace(self.analyse(asked), authorities=query.authorities), None, filters, None, "extractive", started)
        if said.abstained or not said.citations or (not records_too and said.reason.startswith(("judgement", "inspection records"))):
            return
        _append(answer, heading, said)

    def _chat_model(self, mode: str):
        from .generative import chat_model

        with self._lock:
            models = self.__dict__.setdefault("_models", {})
            if mode not in models:
                models[mode] = chat_model(self.settings, mode)
            return models[mode]

    def _condense(self, model, query: Query, history: list[Turn], answer: Answer) -> Query:
        """The LLM's standalone rewrite of a follow-up (the deterministic one if it fails)."""
        from .generative import BackendError, condense

        try:
            standalone = condense(model, query.question, history, self.settings.llm_timeout)
        except BackendError as err:
            answer.warnings.append(f"could not condense the follow-up with the model ({err}); used the simple rewrite")
            return query
        condensed = self.analyse(standalone)
        answer.search_query = condensed.standalone
        return replace(condensed, question=query.question, typed=query.typed)

    def _answer_generatively(self, model, mode: str, query: Query, hits: list[Hit], answer: Answer) -> None:
        from .generative import BackendError, invoke, messages_for
        from .verify import verify

        try:
            text = invoke(model, messages_for(query.standalone, hits), self.settings.llm_timeout)
        except BackendError as err:
            answer.warnings.append(f"the {mode} backend failed ({err}); this is the extractive answer")
            self._answer_extractively(query, hits, answer)
            return
        checked = verify(text, hits, self.embed_many, self.document_norm, self.settings.min_support)
        answer.dropped = checked.dropped
        if not checked.citations:
            answer.warnings.append(f"nothing in the {mode} model's answer could be verified against the sources; this is the extractive answer")
            self._answer_extractively(query, hits, answer)
            return
        answer.answer, answer.citations, answer.abstained, answer.mode = checked.answer, checked.citations, False, mode
        answer.related, answer.reason = [], f"verified {len(checked.citations)} citations, dropped {len(checked.dropped)} sentences"

    def _refusal(self, query: Query) -> tuple[str, str] | None:
        if query.injection:
            return (
                "I only answer from the indexed documents, so I can't follow instructions or give opinions. "
                "Ask what the documents say about a topic, for example “What did Ofsted say about supervision?”",
                "instruction",
            )
        if query.speculation:
            return (
                "The indexed sources report what inspections found; they don't predict what a future inspection will find, "
                "rank inspectors or councils, or say whether a verdict was fair. Ask what the documents say, for example “What did Ofsted find at the last inspection?”",
                "speculation",
            )
        if query.unknown_places:
            held = sorted({r.authority for r in self.retriever.corpus().records.values() if r.authority})
            covered = ", ".join(held) if len(held) <= LIST_PLACES else f"{len(held)} authorities, from {held[0]} to {held[-1]}"
            return (f"The indexed sources don't cover {', '.join(query.unknown_places)}. They cover: {covered}.", "other authority")
        if query.unheld_settings:  # "care leavers in Wigan", which other councils' reports only mention
            places = " or ".join(query.unheld_settings)
            return (f"The indexed sources hold no report on {places}; they mention {places} only in passing.", "place mentioned only in passing")
        if query.compared_unheld and _ASKS_OFSTED.search(query.question):
            # "Which was judged better, Sandwell or Walsall?" with no report on Walsall (a fact a held
            # document gives of both, "lived on the island compared with Hampshire", is answered)
            places, held = " or ".join(query.compared_unheld), " or ".join(query.authorities)
            return (f"The indexed sources hold no report on {places}; they mention {places} only in passing, so they can't set it beside {held}.", "place mentioned only in passing")
        corpus = self.retriever.corpus()
        dated = corpus.years
        missing = [y for y in query.years if y not in dated and not self.corpus_has(str(y))]
        if missing:
            return (f"The indexed sources say nothing about {', '.join(map(str, missing))}.", "year not covered")
        return None

    def _told_of_visit(self, query: Query, records, filters: Filters | None, started: float, by_kind: bool = False) -> Answer | None:
        """A visit the library holds no document of, as the authority's other documents tell of it
        (see mentions.py): "What kind of visit did Shropshire have in November 2023?", no document
        of one then indexed; or, ``by_kind``, one named by its kind when no letter of that kind is
        indexed ("Has Devon had a focused visit?"). None when they tell nothing of it, or the
        question asks something else."""
        if len(query.authorities) != 1 or (filters and filters.doc_ids):
            return None
        asked = cover.asks_cover(query.question)
        if asked & {"lead", "team", "published"}:
            return None  # who led it, when it was published: a later report's recollection doesn't say
        theirs = [r for r in records if r.authority == query.authorities[0] and (filters is None or filters.admits_record(r))]
        if by_kind:
            if query.wants not in (None, "date"):
                return None
            named = [(pattern.pattern, found.group(0).lower()) for kind, pattern in _NAMED_DOCUMENT.items() if kind in _VISIT_LETTERS and (found := pattern.search(query.question))]
            visits = [pattern for pattern, _ in named]
            dates: list = mentions.named_dates(query.question) or [None]
            kinds = " or ".join(dict.fromkeys(label.removesuffix("s") for _, label in named))
            note = f"No letter of a {kinds} to {query.authorities[0]} is indexed; these are what its other documents say of one."
        else:
            if "kind" not in asked:
                return None
            inspections = [r for r in theirs if r.kind in cover.OFSTED_KINDS]
            dates = [w for w in mentions.named_dates(query.question) if not any(mentions.held(w, r) for r in inspections)]
            visits = [mentions.ANY_VISIT] if inspections else []
            said = " or ".join(str(w) for w in dates)
            note = f"The indexed sources hold no Ofsted document of {query.authorities[0]}'s inspection or visit in {said}; these are what its other documents say of it."
        if not visits or not dates:
            return None
        by_doc = self.retriever.corpus().by_doc
        chosen = [s for when in dates for visit in visits
                  for s in mentions.told_of(theirs, lambda d: by_doc.get(d, ()), lambda p: extractive.sentences_of(Hit(p, 1.0)), when, visit)]
        for s in chosen:
            s.score, s.literal = 1.0, True
        text, citations = extractive.compose(query, chosen, self.document_norm) if chosen else ("", [])
        if not citations:
            return None
        answer = Answer(question=query.asked_as, answer=text, abstained=False, citations=citations, search_query=query.standalone,
                        warnings=list(query.warnings), reason="told of in another document")
        answer.scope = note
        answer.retrieved = list(dict.fromkeys(c.passage_id for c in citations))
        total = (time.perf_counter() - started) * 1000
        answer.timings_ms = {"retrieve": 0.0, "answer": total, "total": total}
        return answer

    def _sides_learned(self) -> bool:
        """Was the learned signal of a finding's side learned on this index's embeddings (those of
        the packaged model)? Otherwise Ofsted's words for a shortcoming stand alone."""
        return self.settings.embedding_model == PACKAGED_MODEL

    def _vectors_of(self, sentences: list) -> list:
        """Each sentence's vector: stored with its passage, or embedded now for one not stored."""
        stored = self.retriever.store.sentence_vectors(list({s.passage.passage_id: s.passage for s in sentences}.values()), self.retriever.corpus().records)
        missing = [s.text for s in sentences if (s.passage.passage_id, s.text) not in stored]
        computed = dict(zip(missing, self.embed_many(missing))) if missing else {}
        return [v if (v := stored.get((s.passage.passage_id, s.text))) is not None else computed[s.text] for s in sentences]

    def _no_such_inspection(self, query: Query, records) -> tuple[str, str] | None:
        """"What did Ofsted's 2019 inspection of Kent find?" when no indexed Ofsted document on
        Kent is from 2019 (or "How did Kent change between its 2019 and 2022 inspections?" when one
        of them is not): read against the documents' own authorities and dates."""
        if not (query.authorities and query.years and _ASKS_OFSTED.search(query.question)):
            return None
        span = year_span(query.question)
        asked = set(span.exact)
        # "Croydon was found inadequate in summer 2017. What did Ofsted's 2018 re-inspection
        # conclude?": a statement's years are told of; the inspection asked of is the ask's year
        # (not when the statement names the report that tells of it: "rutland late 2016 inspection -
        # what had its last looked after children inspection back in 2011 concluded?")
        ask = final_ask(query.question)
        before = query.question[: len(query.question) - len(ask)]
        if ask != query.question and _ASKS_OFSTED.search(ask) and not _OF_INSPECTION.search(before):
            own, stated = set(year_span(ask).exact), year_span(before).exact
            if own and stated and own.isdisjoint(stated):
                asked = own
        if not asked:
            return None
        theirs = [r for r in records if r.authority in query.authorities and r.kind in cover.OFSTED_KINDS]
        covered = {y for r in theirs for y in cover.years_of(r, cover.asks_publication(query.question))}
        for first in year_pairs(query.question):  # "in 2013–14": one year's figures, held when either year's inspection is
            if {first, first + 1} & covered:
                covered |= {first, first + 1}
        if not theirs or asked <= covered:
            return None  # every year asked has its inspection
        if asked & covered:  # two inspections compared need both ("between its 2019 and 2022 inspections"); other years are events
            if not _INSPECTIONS_COMPARED.search(_AGAINST_A_BENCHMARK.sub(" ", query.question)):
                return None
            # a figure's date, not an inspection ("…at the end of February 2017, and how did that compare with March 2016?")
            if all(_as_at_only(query.question, y) for y in asked - covered):
                return None
            # "Before its 2015 inspection, … how had it fared at the inspections in 2010 and 2011?":
            # the earlier inspections are told of in the held report's own account of those before it
            if cover.asks_previous(query.question, span) and max(asked) in covered:
                return None
            # years before the report the question names as its source ("…between its 2011 inspection
            # and September 2016, according to Ofsted's early-2017 report?"): what that report tells of
            source = {int(m.group(1) or m.group(2)) for m in _SOURCE_REPORT.finditer(query.question)} & covered
            if source and all(y < min(source) for y in asked - covered):
                return None
            asked -= covered
        # a later report that states that year's judgement ("…were inspected in November 2009. The
        # local authority was judged to be inadequate.") answers a grade asked of it (see _told_of_earlier_year)
        if _RATED.search(query.question) and len(asked) == 1 and self._judgement_told(theirs, next(iter(asked)), query.question):  # (read only here)
            return None
        # a plan or an article may tell of an inspection whose report is not indexed; a later
        # report's passing mention ("at the focused visit in 2019") does not hold its findings
        about = {r.doc_id for r in records if r.authority in query.authorities and r.kind not in cover.OFSTED_KINDS}
        by_doc = self.retriever.corpus().by_doc
        if any(str(y) in p.text for doc_id in about for p in by_doc.get(doc_id, ()) for y in asked):
            return None
        places = " or ".join(query.authorities)
        years = ", ".join(map(str, sorted(covered)))
        return (f"The indexed sources hold no Ofsted inspection or visit of {places} in {' or '.join(map(str, sorted(asked)))}; "
                f"they have {places}'s from {years}.", "no inspection that year")

    def _answer_extractively(self, query: Query, hits: list[Hit], answer: Answer) -> None:
        answer.related = [related(h) for h in hits[:3]]
        corpus = self.retriever.corpus()
        before = {h.passage.passage_id: corpus.leans_on(h.passage) for h in hits}
        sentences = [s for h in hits for s in extractive.sentences_of(h, getattr(before[h.passage.passage_id], "text", ""))]
        # (a fact asked of one year after a statement of another: "…was rated good in 2016. How was it
        # rated at the autumn 2021 inspection, and why?" asks of 2021)
        # (not a change asked across them: "…found inadequate in 2014. How much better was it by 2019?")
        asked = final_ask(query.question)
        year = _one_year(query.question) or (_one_year(asked) if query.kind == "factoid" and query.wants and not _CHANGE_ASKED.search(asked) else None)
        if sentences and year:
            # one year asked ("in the 2022 report"): another year's documents don't answer it
            sentences = [s for s in sentences if extractive.about_year(s, year)]
            records_of = corpus.records
            of_year = {d for d, r in records_of.items() if r.kind in cover.OFSTED_KINDS and r.authority in query.authorities and year in cover.years_of(r)}
            if of_year:
                # "at its 2014 inspection": that inspection's report, not a later one recalling it
                # ("…has markedly improved since the previous inspection in 2014"); so too a year
                # alone ("in late 2018"), where that report says anything found
                theirs = [s for s in sentences if s.passage.doc_id in of_year or records_of[s.passage.doc_id].kind not in cover.OFSTED_KINDS]
                if _OF_INSPECTION.search(query.question) or any(s.passage.doc_id in of_year for s in theirs):
                    sentences = theirs
            if not sentences:
                answer.answer = f"The indexed sources don't say this for {year}. The nearest passages are listed as related."
                answer.reason = "other years only"
                return
        if query.source_kinds and set(query.source_kinds).isdisjoint(cover.OFSTED_KINDS):
            # "What does the article say…", "What does the plan say…": that kind of document answers, when found
            sentences = [s for s in sentences if s.passage.doc_kind in query.source_kinds] or sentences
        if not sentences:
            answer.answer, answer.reason = NOT_COVERED, "no passages"
            return
        plain_vectors = self._vectors_of(sentences)
        # the query adapter was learned on Ofsted's documents: their sentences are set against the
        # turned question (turned on their side, which is the same), others against the plain one
        adapter = get_adapter(self.settings)
        plain_rows = np.asarray(plain_vectors, dtype=np.float32)  # (float32, as stored and embedded)
        vectors = extractive.sentence_matrix(adapter.turn_sentences(plain_rows, [s.passage.doc_kind in cover.OFSTED_KINDS for s in sentences]) if adapter else plain_rows)
        plain_vectors = extractive.sentence_matrix(plain_rows)
        if query.kind == "broad" and self._sides_learned():  # which side each finding states (a broad answer gives both, or the side asked)
            extractive.read_sides(sentences, plain_rows)
        question_vector = self.retriever.embed_query(query.dense_query, adapted=False)
        focus_vector = self.retriever.embed_query(query.focus, adapted=False) if query.focus and query.focus != query.dense_query else None
        core = self._core(query)
        core_vector = self.retriever.embed_query(core, adapted=False) if core else None
        same = acronyms.used(query.question, corpus.acronyms)

        def score(scored: list, by: list) -> None:
            extractive.score_sentences(query, scored, by, question_vector, corpus.lexical.idf, corpus.lexical.max_idf, corpus.lexical.correct, focus_vector, corpus.templates.commonness, core_vector=core_vector, same=same)

        score(sentences, vectors)
        by_part = None
        if query.parts and query.kind == "factoid":
            texts = [part.search for part in query.parts] + [part.focus for part in query.parts if part.focus and part.focus != part.search]
            vectors_of = dict(zip(texts, self.retriever.embed_queries(texts, adapted=False)))
            part_vectors = [vectors_of[part.search] for part in query.parts]
            part_focus = [vectors_of[part.focus] if part.focus and part.focus != part.search else None for part in query.parts]
            by_part = extractive.part_scores(query, sentences, vectors, part_vectors, corpus.lexical.idf, corpus.lexical.max_idf, corpus.lexical.correct, part_focus, corpus.templates.commonness)
        # a section the topic heads opens with what it finds overall
        heard = self._section_leads(query, sentences) if query.kind == "broad" else []
        chosen = extractive.select(query, sentences, max_sentences=8 if query.kind == "factoid" else BROAD_SENTENCES, relative=0.75 if query.kind == "factoid" else 0.7, by_part=by_part, is_name=corpus.lexical.is_name, heard=heard)
        best = max(s.score for s in sentences)
        if not chosen:
            wanted = {"date": "date", "name": "name", "role": "role or job title", "number": "figure", "duration": "length of time", "money": "amount", "rag": "RAG status", "grade": "grade", "expansion": "expansion"}.get(query.wants or "", "answer")
            if query.action_refs and query.wants:
                wanted += " for action " + " or ".join(query.action_refs)
            answer.answer = f"The indexed sources don't state the {wanted} you asked for. The nearest passages are listed as related."
            answer.reason = "not stated"
            return
        literal = any(s.literal for s in chosen)
        plain = []
        if adapter and (chosen[0].score < self.settings.min_evidence or (not literal and max(map(extractive.meaning, chosen)) < PARAPHRASE_DENSE)):
            # the thresholds were calibrated on the question's own vector: a chosen sentence's
            # evidence is the better of its two scores (the query adapter is for the order; see
            # query_adapter.py), scored among copies of the candidates by their plain vectors
            unturned = [copy.copy(s) for s in sentences]
            score(unturned, plain_vectors)
            plain = [p for s in chosen for p in unturned if p.passage.passage_id == s.passage.passage_id and (s.text in p.text or p.text in s.text)]
        if max([chosen[0].score] + [p.score for p in plain]) < self.settings.min_evidence:
            answer.answer, answer.reason = f"{NOT_COVERED} The nearest passages are listed as related.", "weak evidence"
            return
        meaning = max(map(extractive.meaning, chosen + plain))
        if not literal and meaning < PARAPHRASE_DENSE:
            # no word of the question (as asked: "weather" is not "whether") in any of the evidence, and
            # not close enough in meaning to be a paraphrase of what it asks (its place or year,
            # which the scope already matched, is not what makes a paraphrase)
            answer.answer, answer.reason = f"{NOT_COVERED} The nearest passages are listed as related.", "off topic"
            return
        names = (corpus.lexical.correct, corpus.acronyms, corpus.lexical.is_name, corpus.titled_acronyms)
        # (with the paragraph a chosen one goes on from: "The group has made…" after the one naming the group)
        leaned = list({p.passage_id: p for p in (before.get(s.passage.passage_id) for s in chosen) if p is not None}.values())
        unmet = _names_unmet(query, [s.passage for s in chosen] + leaned, *names)
        # (a name the leading sentence's report is about, as it is about its council: said in several of
        # its passages, as "Doncaster Children's Services Trust" is where the evidence says "the trust")
        unmet = [n for n in unmet if not _report_about(n, corpus.by_doc.get(chosen[0].passage.doc_id, ()))]
        unmet = unmet or _lead_names_unmet(query, chosen, corpus.by_doc, before, *names)
        if unmet:
            answer.answer = f"The indexed sources don't mention {' or '.join(unmet)} in what they say on this. The nearest passages are listed as related."
            answer.reason = "name not in the evidence"
            return
        # (not adult services as where young people move to: "planning for disabled teenagers moving on to adult services")
        service = None if _MOVE_TO_ADULTS.search(query.question) else _OTHER_SERVICE.search(query.question)
        if service:
            # "How was Derbyshire's adult social care rated?": the reports inspect children's services;
            # what they say of children's services is not said of adults' (a fact: its lead must say it)
            spoken = _OLDER_PEOPLE if _OLDER_PEOPLE.search(query.question) else _OTHER_SERVICE_SAID  # "…for older people": them
            said = [s for s in chosen if spoken.search(s.text)]
            chosen = said if query.kind == "broad" or chosen[0] in said else []
        if service and not chosen:
            answer.answer = f"The indexed sources don't say this of {service.group(0).lower()}: they inspect children's services. The nearest passages are listed as related."
            answer.reason = "another service"
            return
        own = _graded_on_their_own(query.question)
        if own and not service:
            # "Which nurseries did Ofsted rate outstanding?": they have inspections of their own; what is
            # said here of other things is not said of them (only sentences that name them answer)
            # (and, asked which were rated a grade, a grade: "works strategically with schools" rates none)
            ask = final_ask(query.question)
            rated = _RATED.search(ask) is not None and extractive.HAS_GRADE.search(ask) is not None
            said = [s for s in chosen if _names_own(s.text, own[0]) and (not rated or extractive.states_grade(s.text))]
            chosen = said  # ("The local authority operates five children's homes. Four were judged good…", after another lead)
            if not chosen:
                answer.answer = f"The indexed sources don't say how {own[1]} were rated: they inspect councils' children's services. The nearest passages are listed as related."
                answer.reason = "another service"
                return
        if query.passing_places and not query.authorities:  # asked about a place only other documents mention: only what they say of it
            chosen = [s for s in chosen if extractive.mentions_any(s, query.passing_places)]
        if query.passing_places and not chosen:
            places = ", ".join(query.passing_places)
            answer.answer = f"The indexed sources mention {places} only in passing; they don't answer this about {places}."
            answer.reason = "place mentioned only in passing"
            return
        if query.kind == "broad":
            pool = [s for s in sentences if extractive.mentions_any(s, query.passing_places)] if query.passing_places and not query.authorities else sentences
            chosen = _with_judgements(query, extractive.one_side(sides.asked_side(final_ask(query.question)), chosen, pool, BROAD_SENTENCES), corpus.record_passages)
        text, citations = extractive.compose(query, chosen, self.document_norm)
        if not citations:
            answer.answer, answer.reason = NOT_COVERED, "no verifiable quote"
            return
        if by_part:
            answered = {i for s in chosen for i in s.parts}
            unanswered = [part for i, part in enumerate(query.parts) if i not in answered]
            if unanswered:  # say which part of the question the sources leave open
                asks = "; ".join(f"“{part.text}?”" for part in unanswered)
                text += f"\n\nThe indexed sources don't answer this part of the question: {asks}"
        answer.answer, answer.citations, answer.abstained, answer.related = text, citations, False, []
        answer.reason = f"evidence {chosen[0].score:.3f} (best {best:.3f})"


# a grade asked for ("rated", "how did Ofsted rate…"), not a rate ("what re-integration rate did it have")
_RATED = re.compile(r"\b(rated|ratings?|graded|grades?|judged|judge?ments?)\b|\b(did|does|do|to)\s+(?:[\w’'-]+\s+){0,3}?(rate|grade|judge)\b", re.I)


_QUALITY_OF = re.compile(r"\bquality\s+of\b", re.I)


# a change asked across the years a question names ("how did the grade change?", "How much better was it by 2019?")
_CHANGE_ASKED = re.compile(r"\b(?:chang\w*|compar\w*|better|worse|improv\w*|declin\w*|progress\w*|since|differ\w*)\b", re.I)


# a part of a compound question that asks of the inspection before, as the part before it named it
# ("…, and what did it conclude?": "it" is that inspection)
_OF_THE_ONE_BEFORE = re.compile(
    r"\b(?:then|back\s+then|at\s+that\s+(?:time|point|inspection|visit)|(?:that|this)\s+(?:inspection|visit|one|time|report))\b"
    r"|\b(?:did|does|had|has)\s+it\s+(?:find|conclude|say|judge|rate|grade|decide|report)\b|\bit\s+(?:found|concluded|said|judged|rated|graded)\b"
    r"|^\s*(?:when|what|which|where)\s+(?:was|is|were)\s+(?:that|it)\s*\??\s*$",  # ("…refers back to its previous inspection. When was that, and…?")
    re.I,
)


def _names_own(text: str, stem: str) -> bool:
    """Does ``text`` name what has inspections of its own (``stem``: "school"), not the council's
    own virtual school?"""
    return re.search(rf"(?<!virtual\s)\b{re.escape(stem)}", normalise(text), re.I) is not None


def _graded_on_their_own(question: str) -> tuple[str, str] | None:
    """What a question asks the grades of that has inspections of its own ("Which nurseries did
    Ofsted rate outstanding?"): the start of its word as the evidence would write it ("nurser")
    and as asked ("nurseries"); else None."""
    ask = final_ask(question)
    # (or the quality of what they judge: "the quality of teaching in its primary schools", "of local childminders")
    found = GRADED_ON_THEIR_OWN.search(ask) if _RATED.search(ask) or _QUALITY_OF.search(ask) else None
    if found is None:
        return None
    return re.sub(r"(?:ies|y|s)$", "", normalise(found.group(0))), found.group(0).lower()


# a service for adults, which other inspectorates inspect (the Care Quality Commission): asked about, it
# must be what the evidence speaks of ("transition to adult services" is)
_OTHER_SERVICE = re.compile(rf"\b(?:{ADULT_SERVICES})\b", re.I)
_OTHER_SERVICE_SAID = re.compile(r"\badults?['’]?\s+(?:social\s+(?:care|work)|services?|care|teams?)\b|\bolder\s+people\b", re.I)
_OLDER_PEOPLE = re.compile(r"\b(?:older|elderly)\s+people\b", re.I)
# adult services as where children's services move young people (or a team) to: their transition, a children's topic
_MOVE_TO_ADULTS = re.compile(
    rf"\b(?:mov\w*|transition\w*|transfer\w*|ready|readiness|prepar\w*|handover|hand\s+over|go\s+on|going\s+on)\b(?:\s+[\w’'-]+){{0,6}}?\s+(?:to|into|for|towards)\s+(?:the\s+)?(?:{ADULT_SERVICES})\b"
    # ... or will need as adults ("young people in Milton Keynes' care who might need adult social care")
    rf"|\b(?:young\s+(?:people|adults?)|children|care\s+leavers?|teenagers?)\b[^?]{{0,80}}?\b(?:need\w*|requir\w*|eligible\s+for|qualif\w*\s+for)\s+(?:the\s+|an?\s+)?(?:{ADULT_SERVICES})\b",
    re.I,
)
# A name the question gives: capitalised words or an acronym ("CQC", "St Mary's Hospital"), not
# the question's first word. Months and the names of places the scope already matched are setting.
_NAME = re.compile(r"(?<![.?!]\s)(?<!^)\b[A-Z][\w’'&-]*(?:\s+(?:of\s+|and\s+|the\s+|upon\s+|in\s+)?[A-Z][\w’'&-]*)*")
# the words that describe people by their ethnicity (the census's groups, and regions of origin), and
# the evidence speaking of ethnicity: a question's "Black and Asian children" is met by "children from
# black and minority ethnic origins"
_ETHNIC_WORDS = frozenset(
    "black white asian mixed arab european african caribbean eastern western central southern northern british irish and or".split()
)
_OF_ETHNICITY = re.compile(r"\b(?:ethnic\w*|heritage|cultur\w*|nationalit\w*|race|racial|racism|minorit(?:y|ies))\b", re.I)
_INSPECTION_OF = r"(?:\s+(?:local\s+)?area)?\s+inspections?\b"  # "SEND area inspection", "SEND local area inspection"
# what something is called asked by describing it ("what do they call the workers who do the PA role?"):
# its description need not be in the evidence, which names it otherwise ("leaving care coaches")
_WHAT_CALLED = re.compile(r"\bwhat\s+(?:do|does|did|would)\s+(?:they|you|we|\w+)\s+call\b", re.I)


LIST_PLACES = 12  # a refusal names the authorities covered when there are at most this many
SUMMARY_SENTENCES = 12  # at most this many findings in a whole report's summary
BROAD_SENTENCES = 16  # at most this many findings in a broad answer (12 -> 16: library dev +15 -0, citation precision 57.5% -> 57.0%, broad answers 1,946 -> 2,250 characters on average; 20: +22)
SENTENCE_DOCS = 8  # a question scoped to at most this many documents also searches their sentences
SENTENCE_HITS = 2  # passages added for the sentences nearest the question
BROAD_SENTENCE_HITS = 8  # ... for a broad question (4: +7 -1, 8: +12 -3, 12: +13 -4 with a refusal lost; library dev)


def _without_year(topic: str, year: int | None) -> str:
    """The keyword query without the one year asked and its setting: that year chooses the passages
    kept (see about_year), and as words they find every "Inspection dates: … 2013" line and "at the
    time of the inspection" instead of the subject."""
    if year is None:
        return topic
    topic = without_setting(topic) or topic  # "at the time of Ofsted's 2016 inspection" is where, chosen by the year
    return re.sub(rf"\b{year}\b", " ", topic).strip() or topic


# A document named as such ("the Isles of Scilly's improvement plan", "the council's press release")
_NAMED_DOCUMENT = {
    "improvement_plan": re.compile(r"\b(improvement|action)\s+plans?\b", re.I),
    "press_release": re.compile(r"\bpress\s+releases?\b", re.I),
    "news_article": re.compile(r"\b(news\s+)?articles?\b", re.I),
    "focused_visit_letter": re.compile(r"\bfocused\s+visits?\b", re.I),
    "monitoring_visit_letter": re.compile(r"\bmonitoring\s+visits?\b", re.I),
    "joint_targeted_area_inspection": re.compile(r"\bjoint\s+targeted\s+area\s+inspections?\b|\bJTAIs?\b", re.I),
}
# an event a question sets its scene with ("After its 2022 focused visit found…, what did it do?"): not what it asks of
_EVENT_BEFORE = re.compile(r"^\s*(?:after|before|since|following|when)\b[^,?]{1,160},\s*", re.I)


_VISIT_LETTERS = ("focused_visit_letter", "monitoring_visit_letter")  # visits a council's later reports recall (see mentions.py)
_TOLD_OF = {"joint_targeted_area_inspection"}  # inspections whose findings a council's own reports recount ("A JTAI in 2022 found…")
# a question set in an inspection's report besides the document it names ("…the improvement plan
# leaders were delivering against at the 2024 inspection"): the report may tell of that document
_REPORT_ASKED = re.compile(r"\b(?:inspection|re-inspection|report|summary|summaries)s?\b", re.I)  # (a report's summary: "…'s July 2024 summary says improvement plans…")
_SCENE_BEFORE = re.compile(r"\b(?:after|since|following)\s+(?:\S+\s+){0,4}$", re.I)  # "…held back its progress after its February 2020 focused visit"


# a provider judged on its own ("a short-term break unit judged good", "its children's homes were rated good")
_PROVIDER_JUDGED = re.compile(r"\b(?:units?|homes?|centres?|schools?|nurser(?:y|ies)|academ(?:y|ies)|providers?|agenc(?:y|ies))\b(?:\s+[\w’'-]+){0,3}?\s+(?:judged|rated|graded)\b", re.I)


def _own_councils(authorities: set[str], question: str = "") -> list[str]:
    """The names a told judgement may be of: the authorities', and any council the ``question``
    names ("How had Ofsted judged Northamptonshire County Council in 2019…?"), longest first."""
    named = {n for n in council_names() if re.search(rf"\b{re.escape(n)}\b", question, re.I)}
    return sorted({n for a in authorities for n in names_of(a)} | named, key=len, reverse=True)


@functools.cache
def _any_council() -> re.Pattern:
    return re.compile("|".join(rf"\b{re.escape(n)}\b" for n in council_names()), re.I)


def _judges_the_council(text: str, own: list[str]) -> bool:
    """Does a sentence telling of a judgement judge the council itself (``own``: its names, see
    _own_councils): not a unit or home it runs ("a short-term break unit judged good at the full
    inspection in September 2013"), nor another council ("the predecessor local authority, Cumbria
    County Council, were judged…")?"""
    if _PROVIDER_JUDGED.search(text):
        return False
    text = re.sub("|".join(rf"\b{re.escape(n)}\b" for n in own), " ", text, flags=re.I) if own else text  # ("North East Lincolnshire" is no "Lincolnshire")
    return not _any_council().search(text)


def _told_of(pattern: re.Pattern, authorities: tuple[str, ...], records, by_doc) -> bool:
    """Do the authorities' own documents tell of what ``pattern`` names?"""
    return any(pattern.search(p.text) for r in records if r.authority in authorities for p in (by_doc or {}).get(r.doc_id, ()))


# a question of what happened, or whether it did ("Did the Mosaic system go live successfully in
# November 2024…?", "How did staff find it?"), not of what a document says would happen
_WHAT_HAPPENED = re.compile(r"^\s*(?:did|was|were|has|have|had|how\s+did|what\s+happened)\b", re.I)
_MONTH_YEAR = re.compile(r"\b(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\b", re.I)


def _after_the_sources(query: Query, records) -> tuple[str, str] | None:
    """"Did the Mosaic system go live successfully in November 2024?" when every indexed document
    of the place asked about is dated before November 2024: they can't say what happened then."""
    if not _WHAT_HAPPENED.search(final_ask(query.question)):
        return None
    named = {f"{y}-{MONTHS.index(m.lower()) + 1:02d}": f"{m.title()} {y}" for m, y in _MONTH_YEAR.findall(query.question)}
    named.update({f"{y}-01": y for y in YEAR.findall(query.question) if not any(k.startswith(y) for k in named)})
    theirs = [r for r in records if not query.authorities or r.authority in query.authorities]
    if not named or not theirs:
        return None
    asked = max(named)
    latest = max(theirs, key=lambda r: r.end_date or r.date or "")
    if (latest.end_date or latest.date or "9999")[:7] >= asked:
        return None
    return (
        f"The indexed sources can't say what happened in {named[asked]}: the latest of them, {latest.title}, is dated {display_date(latest.date)}.",
        "after the sources",
    )


def _no_such_document(query: Query, records, by_doc=None) -> tuple[str, str] | None:
    """"What actions are in the Isles of Scilly's improvement plan?" when no improvement plan of
    the place named is indexed: say so, rather than quote another kind of document."""
    if not query.authorities:
        return None
    asked = _EVENT_BEFORE.sub("", query.question)
    for kind, pattern in _NAMED_DOCUMENT.items():
        # a visit letter filed as a plain Ofsted letter is known by its title ("Focused visit to …")
        named = pattern.search(asked)
        if named and not any(
            (r.kind == kind or (kind.endswith("_visit_letter") and pattern.search(r.title or ""))) and r.authority in query.authorities for r in records
        ) and not ((kind in _TOLD_OF or _REPORT_ASKED.search(asked[: named.start()] + asked[named.end() :]) or _SCENE_BEFORE.search(asked[: named.start()]))
                   and _told_of(pattern, query.authorities, records, by_doc)):
            label = named.group(0)
            label = label if label.isupper() else label.lower()
            places = " or ".join(query.authorities)
            return f"The indexed sources hold no {label} of {places}.", "no such document"
    return None


def _of_years(year: int | None, span) -> Callable[[StoredPassage], bool]:
    """Which passages may speak of the years a question asks about: of one year asked (see
    ``extractive.about_year``), of either year compared ("in 2018 with what Ofsted found in 2023",
    not a third report's), or dated within a range ("since the 2021 visit")."""
    if year:
        return lambda p: extractive.passage_about_year(p, year)
    if len(span.exact) > 1:
        return lambda p: any(extractive.passage_about_year(p, y) for y in span.exact)
    if span.since is not None or span.before is not None:
        within = replace(span, exact=frozenset())
        return lambda p: not p.date or within.admits({int(p.date[:4])})
    return lambda p: True


# an inspection named by its year ("its 2014 inspection", "the early-2014 inspection", "the inspection in 2019")
_OF_INSPECTION = re.compile(r"\b(?:19|20)\d\d\s+(?:[\w-]+\s+){0,3}?(?:inspection|visit|report)\b|\b(?:inspection|visit|inspected)\s+(?:[\w-]+\s+){0,3}?(?:in|of|during)\s+(?:\w+\s+)?(?:19|20)\d\d\b", re.I)


# reasons asked anywhere in what is asked ("…, and if not, why?", "so why did…")
_WHY = re.compile(r"\bwhy\b", re.I)


def _with_verdicts(text: str, citations: list[Citation], by_id, verdict) -> tuple[str, list[Citation]]:
    """A records answer with each judgement row followed by the sentence its report states that
    judgement in (``verdict(row)``: "Overall effectiveness Outstanding" [1]: "Children's services
    in Telford and Wrekin are outstanding." [2]), where one does; its citations numbered in the
    order shown."""
    said: dict[int, tuple[StoredPassage, str]] = {}
    for c in citations:
        row = by_id.get(c.passage_id)
        if row is not None and row.kind == "judgement":
            found = verdict(row)
            if found is not None and found[1] not in text:
                said[c.n] = found
    if not said:
        return text, citations
    extra: list[Citation] = []  # numbered apart from the rows' until all are numbered as shown
    lines = []
    for line in text.split("\n"):
        for n in [int(m) for m in _MARKER.findall(line)]:
            if n in said:
                passage, sentence = said.pop(n)
                extra.append(Citation.of(10_000 + len(extra), passage, sentence))
                line += f": “{sentence}” [{extra[-1].n}]"
        lines.append(line)
    text = "\n".join(lines)
    # numbered in the order shown
    every = {c.n: c for c in citations + extra}
    order = list(dict.fromkeys(int(m) for m in _MARKER.findall(text) if int(m) in every))
    order += [n for n in every if n not in order]
    number = {old: new for new, old in enumerate(order, start=1)}
    text = _MARKER.sub(lambda m: f"[{number.get(int(m.group(1)), int(m.group(1)))}]", text)
    return text, [replace(every[old], n=new) for old, new in sorted(number.items(), key=lambda kv: kv[1])]


def _append(answer: Answer, heading: str, said: Answer) -> None:
    """``said`` after ``answer`` under a heading of its own, its citations numbered on from answer's.
    A line of it that quotes only what the answer already quotes (the judgement row a report's
    findings are heard beside) is left out: the answer shows it once."""
    quoted = {(c.passage_id, c.quote) for c in answer.citations}
    again = {str(c.n) for c in said.citations if (c.passage_id, c.quote) in quoted}

    def repeats(line: str) -> bool:
        marks = set(_MARKER.findall(line))
        return bool(marks) and marks <= again

    text = "\n".join(line for line in said.answer.split("\n") if not repeats(line))
    shown = [c for c in said.citations if f"[{c.n}]" in text]
    if not shown:
        return
    number = {c.n: len(answer.citations) + i + 1 for i, c in enumerate(shown)}
    text = _MARKER.sub(lambda m: f"[{number.get(int(m.group(1)), int(m.group(1)))}]", text)
    answer.answer = f"{answer.answer.rstrip()}\n\n**{heading}**\n\n{text}"
    answer.citations = answer.citations + [replace(c, n=number[c.n]) for c in shown]
    answer.retrieved += said.retrieved


_MARKER = re.compile(r"\[(\d+)\]")


def _one_year(question: str) -> int | None:
    """The one year a question asks about ("in the 2022 report"), if it names one and no range."""
    span = year_span(question)
    if len(span.exact) == 1 and span.since is None and span.before is None:
        return next(iter(span.exact))
    return None


def _typed_in_lower_case(question: str, is_name) -> bool:
    """Was ``question`` typed all in lower case, label and all ("isle of wight 2023 - what did ofsted
    say?")? Its first letter may be a capital (a keyboard's), unless it opens a name: who wrote
    "Kent, spring 2017: how many … an ordinary school?" writes names with capitals, so its other
    words are no names."""
    if re.search(r"[A-Z]", question[1:]):
        return False
    first = re.match(r"[A-Z][\w’'-]*", question)
    return not (first and is_name(first.group(0)))


def _recased(question: str, defined, is_name, titled=frozenset()) -> str:
    """A question typed all in lower case with its names written as the library writes them: an
    acronym it defines in capitals ("cqc": "CQC") and what a name's acronym stands for ("care
    quality commission": "Care Quality Commission"), and a word it only ever writes capitalised
    with a capital ("st mary's": "St Mary's"), so that its names are read as names."""
    for acronym in titled:
        for form in defined.get(acronym, ()):
            if len(form.split()) > 1 and form in question:
                question = re.sub(rf"\b{re.escape(form)}", form.title(), question)

    def case(m: re.Match) -> str:
        word = m.group(0)
        if word.upper() in defined and not known_word(word):
            return word.upper()
        return word[0].upper() + word[1:] if is_name(word) else word

    return question[:1] + re.sub(r"(?<![’'])\b[a-z][\w’'&-]*", case, question[1:])


# what a question's ask opens by setting aside ("Apart from lead inspector Sheena Doyle, who…?", "…, besides
# the lead inspector, on…"), not a phrase of what it asks ("taught somewhere other than an ordinary school")
_SETS_ASIDE = re.compile(r"(?:^|(?<=[,;:]))\s*(?:" + SET_ASIDE.pattern + ")", re.I)


# what an acronym's expansion may end in that the evidence leaves out ("child and adolescent mental
# health [service]"): the kind of body, its subject said alone
_BODY_KINDS = frozenset("service team board unit panel partnership hub".split())


def _said_forms(expansion: str) -> tuple[str, ...]:
    """An expansion, and (when it names a body by three or more words before the kind of body,
    "child and adolescent mental health service") its subject without that kind."""
    words = expansion.split()
    return (expansion, " ".join(words[:-1])) if len(words) >= 4 and words[-1] in _BODY_KINDS else (expansion,)


def _names_unmet(query: Query, passages, correct=lambda word: word, defined=None, is_name=None, titled=frozenset()) -> list[str]:
    """The names in the question that none of the evidence's ``passages`` (with their document's
    title and publisher) holds: "What did the CQC say about St Mary's Hospital?" is not answered
    by what Ofsted said about the island. A misspelt name is read as ``correct`` mends it, and an
    acronym the library ``defined`` (acronyms.read) by what it stands for ("PAs": personal advisers)."""
    setting = set(extractive.SETTING_TOKENS) | _SETTING_NAMES
    for place in query.authorities + query.passing_places:
        setting.update(tokens(place))
    held: set[str] = set()
    texts = [f"{p.text} {' '.join(p.heading)} {' '.join(map(str, p.fields.values()))} {p.context} {p.title} {p.publisher or ''}" for p in passages]
    for text in texts:
        held.update(tokens(text))
    # the names the evidence writes (capitalised words), which a misspelt name is near: not any word
    # ("Stirling" is not a misspelling of "still")
    titled_held = set(tokens(" ".join(w for text in texts for w in _CAPITALISED.findall(text))))
    places = [name.casefold() for place in query.authorities + query.passing_places for name in names_of(place)]  # "Herts" too
    unmet = []

    def spoken(short: str) -> bool:  # an acronym or shorthand the evidence says in words
        key = re.sub(r"s$", "", short).upper()
        if key in acronyms.shorthand():
            return True  # the sector's shorthand ("CLs", "SWs"): words, not a name
        if _ACRONYM.fullmatch(short) and any(acronyms.spelt_out(short, text) for text in texts):
            return True  # the evidence writes the acronym out in full
        if any(said in normalise(text).casefold() for expansion in (defined or {}).get(key, ()) for said in _said_forms(expansion) for text in texts):
            return True  # ... as the library defines it (a service by its subject alone: "child and adolescent mental health therapeutic support")
        terms = [term for term, form in glossary.used(short) if form == short.casefold()]  # ... or as the glossary says it ("NEET")
        return any(glossary.says(term, text) for term in terms for text in texts)

    # not the names of a statement setting the scene, nor of a condition the question opens with
    # ("When it was hard to get NHS mental health help, what kinds of therapy did…?")
    asked = without_condition(asked_part(query.question, query.authorities, scene=False))
    asked = _SETS_ASIDE.sub(" ", asked)  # nor what it sets aside ("Apart from lead inspector Sheena Doyle, who was on the team?")
    if is_name is not None and _typed_in_lower_case(query.question, is_name):
        asked = _recased(asked, defined or {}, is_name, titled)
    calls = _WHAT_CALLED.search(asked)  # "what do they call the workers who do the PA role?": the answer is their other name
    asked = asked[: calls.end()] if calls else asked
    for match in _NAME.finditer(asked):
        said = re.sub(r"-[a-z][\w-]*$", "", match.group(0))  # "London-wide", "Kent-based": the name before the suffix
        for place in sorted(places, key=len, reverse=True):  # "Nottingham City's Children in Care Council": the council's
            rest = re.sub(rf"^(?:the\s+)?{re.escape(place)}(?:['’]s?)?\s+(?=\S)", "", said, flags=re.I)  # "Notts' LADO" too
            said = rest if _COUNCIL_WORDS.sub(" ", re.sub(r"['’]s$", "", rest.casefold())).strip() else said  # not "Wirral Council's"
            said = re.sub(rf"\s+(?:in|of|for)\s+(?:the\s+)?{re.escape(place)}$", "", said, flags=re.I)  # "Public Law Outline in Westmorland and Furness", "Children in Care Councils of B&NES": where
        name = said.casefold()
        plain = " ".join(_COUNCIL_WORDS.sub(" ", re.sub(r"['’]s$", "", name)).split())  # "Wirral Council's": Wirral
        if any(difflib.SequenceMatcher(None, n, place).ratio() >= 0.8 for n in {name, plain} if n for place in places) or (
            plain and any(set(plain.split()) <= set(place.split()) for place in places)  # "Darwen Council" of Blackburn with Darwen
        ):
            continue  # a place the scope matched, however the question spelt it or titled its council
        if indefinite_place(query.question, said):
            continue  # "a London borough's model": a kind of place, not one the evidence must name
        if re.fullmatch(r"I(?:['’](?:d|m|ve|ll))?|OK", said):
            continue  # the one asking ("As a resident I'd like to know…"), or a word ("…check the child is OK?")
        if set(tokens(said)) <= _ETHNIC_WORDS and any(_OF_ETHNICITY.search(text) for text in texts):
            continue  # people described by their ethnicity ("Black and Asian kids", "Eastern European backgrounds"), which the evidence speaks of in its words
        key = re.sub(r"['’]s?$", "", said).casefold()
        if len(key) >= 2 and any(key == "".join(w[0] for w in place.split()) for place in places):
            continue  # the place by its initials ("MK's" of Milton Keynes)
        if tokens(said) and set(tokens(said)) <= _SETTING_NAMES:
            continue  # "its 2019 ILACS inspection": the framework it was inspected under, not another inspection
        run = _ACRONYMS_RUN.fullmatch(said)  # shorthand written together ("CSE SW"): each, said or spoken
        if all(spoken(part) or (run and set(tokens(part)) <= held) for part in re.split(r"\s+" if run else r"\s+(?:and|&)\s+", said)):
            # "CiC and CLs": each; but an inspection of it ("its SEND area inspection") is another
            # inspection, which the evidence must tell of, not only speak of children with SEND
            if re.search(rf"(?<![\w-]){re.escape(said)}{_INSPECTION_OF}", asked, re.I) and not any(
                re.search(rf"(?<![\w-]){re.escape(form)}\b(?:\W+\w+){{0,3}}?\W+inspections?\b", text, re.I)
                for text in texts for form in (said, *(defined or {}).get(said.upper(), ()))
            ):
                unmet.append(said)
            continue
        glossed = re.search(r"([\w’'-]+(?:\s+[\w’'-]+){0,3})\s*\(\s*$", asked[: match.start()])
        if glossed and asked[match.end():].lstrip().startswith(")"):
            # the words it glosses end there ("say about pre-proceedings (PLO)"): the last of them the evidence must say
            last = next((set(tokens(w)) for w in reversed(glossed.group(1).split()) if tokens(w)), set())
            if last and last <= held:
                continue  # "pre-proceedings (PLO)": the question's gloss of the words before it, which the evidence says
        # ... or the name by its initials ("CiCC" for "Children in Care Council"), with the place it is
        # named after too ("WCF" for "Worcestershire Children First")
        whole = re.sub(r"-[a-z][\w-]*$", "", match.group(0))
        if any(len(initials) >= 3 and any(re.search(rf"\b{re.escape(initials)}\b", text, re.I) for text in texts)
               for initials in {"".join(w[0] for w in re.sub(r"['’]s$", "", name).split()) for name in (said, whole)}):
            continue
        short = re.match(r"\s*\(\s*([A-Z][\w&]{1,9})\s*\)", asked[match.end():])
        if short and any(re.search(rf"\b{re.escape(short.group(1))}\b", text) for text in texts):
            continue  # ... or by the shorthand the question gives it ("Multi Agency Screening and Safeguarding Service (MASSS)")
        words = {w for w in tokens(said) if w not in setting and correct(w) not in setting}
        if words and not all(w in held or correct(w) in held or _near(w, titled_held, bool(_ACRONYM.fullmatch(said))) for w in words):
            unmet.append(said)
        elif any(len(together) > 2 and not any(_phrase_in(together, text) for text in texts) for together in _runs_of(said, words)):
            unmet.append(said)  # "Care Quality Commission": its words together, not "care", "quality" and "commissioning"
    return unmet


def _runs_of(name: str, words: set[str]) -> list[list[str]]:
    """``words`` of a name as they run together, parted where a quotation closes ("'Families with a
    Future' Troubled Families service": "Future" and "Troubled Families" are not said together) and
    where it joins two names ("Donna Marriott and Linda Steele": each, where the cover gives each its line)."""
    return [[w for w in tokens(part) if w in words] for part in re.split(r"['’]\s+|\s+(?:and|&)\s+", name)]


# a request for a document's summary ("Summarise…", "Give me an overview of…", "What were the key findings of…")
# a report's own summary asked of ("According to the summary at the top of …", "the opening summary
# of …", "the report's executive summary", "the opening of Ofsted's autumn 2022 report")
_OF_OPENING = re.compile(
    r"\b(?:the|its|report['’]s|ofsted['’]s)\s+(?:(?:opening|front|first)(?:[\s-]+page)?\s+|executive\s+|headline\s+)?summary\b(?!\s+of\s+(?:the\s+)?(?:findings|judgements?|grades?)\b)"  # ("the front page summary")
    r"|\bthe\s+key\s+findings\s+(?:of|in|from)\b"  # ("The key findings of Staffordshire's early-2014 inspection say…")
    r"|\b(?:the\s+)?(?:opening|front|top|start)\s+of\s+(?:the\s+|its\s+|ofsted['’]s\s+)?(?:[\w–-]+\s+){0,4}?report\b",
    re.I,
)
_SUMMARY = re.compile(
    r"^\s*(?:please\s+)?(?:summari[sz]e|(?:give|write|provide)\s+(?:me\s+)?(?:a\s+|an\s+)?(?:short\s+|brief\s+)?(?:summary|overview)\s+of"
    r"|(?:what\s+(?:is|was)\s+)?(?:a\s+|an\s+)?(?:the\s+)?(?:summary|overview)\s+of"
    r"|what\s+(?:are|were)\s+the\s+(?:main|key|headline)\s+(?:findings|points|messages)\s+(?:of|from|in))\b",
    re.I,
)
_SUMMARY_WORDS = frozenset("summarise summarize summarises summarised summarizes summarized summary overview give write provide main key headline findings points messages what were are me short brief please report reports letter visit find found say said conclude concluded tell raise raised identify identified highlight highlighted biggest".split())
_OVER_TIME = re.compile(r"\b(chang\w*|compar\w*|differ\w*|since|between|over\s+time|trends?|progress\w*)\b", re.I)
SUMMARY_COMMON = 0.05  # a sentence in more than this share of the library's documents is boilerplate, not a finding
# a request for a report's own list of what needs to improve
_ASKS_IMPROVEMENTS = re.compile(
    r"\b(?:areas?\s+(?:for|of|needing)\s+(?:priority\s+)?(?:improvement|development)|recommendations?"
    r"|(?:improvement|development)\s+(?:points?|priorities|areas?)|(?:points?|priorities)\s+for\s+(?:improvement|development)"  # "Which improvement points did Ofsted set…?"
    r"|what\s+(?:\w+\s+){0,4}(?:needs?|needed|had|has|have|must|should|wants?|wanted)\s+(?:(?:it|them)\s+)?(?:to\s+)?(?:improve|fix|change|improving|fixing|changing)"  # "What did inspectors want it to improve?", "…still want improving?"
    # "ask the council to work on", "What did Ofsted tell the Isle of Wight it needed to improve?"
    r"|(?:told|tell|asked|ask)\s+(?:\w+\s+){0,2}to\s+(?:improve|fix|change|work\s+on)"
    r"|recommend(?:s|ed)?\s+(?:(?:it|they|that|the\s+council|[\w’'-]+)\s+)?(?:should\s+|to\s+)?(?:improve|fix|change|work\s+on)"  # "What did Ofsted recommend it improve?"
    r"|(?:told|tell)\s+(?:[\w’'&-]+\s+){3,6}?to\s+(?:improve|fix|work\s+on)"  # "tell Kingston upon Thames to improve"
    r"|(?:told|tell)\s+(?:[\w’'-]+\s+){0,5}?(?:it|they)\s+(?:needs?|needed|had|has|have|must|should)\s+to\s+(?:improve|fix|change|work\s+on))\b",
    re.I,
)
_JUDGED = re.compile(r"\b(?:judged|rated|graded)\b", re.I)  # a judgement said ("In 2010, the service was judged to be adequate")


def _said_as(word: str, said: list[str]) -> bool:
    """Is ``word`` (a token) among ``said``, or a form of it ("private": "privately")?"""
    return word in said or (len(word) >= 5 and any(w[:5] == word[:5] for w in said))


_BARE_ASK = frozenset("exactly precisely specifically which what was were it they one".split())  # an ask that only points back
# a question speaking of Ofsted's own list of what needs to improve ("one of the things Ofsted said
# it had to improve", "the report listed three things to improve", "its areas for improvement")
_OFSTED_LIST = re.compile(
    _ASKS_IMPROVEMENTS.pattern + r"|\b(?:things?|areas?|points?|issues?)\s+(?:\w+\s+){0,3}?to\s+(?:improve|fix|work\s+on)\b"
    r"|\b(?:said|say|says|told|asked|listed|set\s+out|flagged|identified|gave|required|flag|identify|list|raise|raised|point\s+out|pointed\s+out)\b(?:\s+[\w’'-]+){0,6}?\s+(?:had|has|have|needed|needs?|must|should)?\s*to\s+(?:improve|fix|work\s+on)\b"
    r"|\b(?:said|say|says|told|tell|recommended)\b(?:\s+[\w’'-]+){0,6}?\s+(?:should|must|needed\s+to|needs\s+to|had\s+to)\s+do\b",  # ("what did Ofsted say the council should do immediately?")
    re.I,
)
_IMPROVEMENT_WORDS = frozenset(
    "set out following after tell told ask asked fix change improve improvement improvements needs need needed must should main key "
    "areas area recommendations recommendation did do does we our they them it early late mid spring summer autumn winter sif ilacs "
    "point points priority priorities development inspecting inspected inspection children services one thing things "
    "list listed lists two three four five six first second third fourth fifth sixth other others else exactly "
    # ("after inspecting its children's services"; a timescale the list is set out by: "Immediately:", "Within six months:")
    "immediately within months month".split()
) | extractive.SETTING_TOKENS
# "after its November 2022 inspection", "after the 2018 visit"
_AFTER_INSPECTION = re.compile(r"\bafter\s+((?:(?:the|its|their|ofsted['’]s)\s+)?(?:[A-Z][a-z]+(?:[–-][A-Z][a-z]+)?\s+)?(?:19|20)\d\d\s+(?:[\w-]+\s+){0,2}?(?:inspection|re-inspection|visit)s?)\b", re.I)
# the service an inspection is of, as its report's title names it: an ILACS report's, a 2013 inspection's
_INSPECTED = re.compile(r"\bchildren['’]?s\s+social\s+care(?:\s+services)?\b|\blooked[\s-]+after\s+children['’]?s?\s+services\b", re.I)
_SCENE_WORDS = frozenset("outstanding good inadequate requires required requiring improvement came judged rated graded found still anything at all across board".split())  # a statement's verdict ("good across the board")
IMPROVEMENT_ITEMS = 12  # items of a report's list of what needs to improve quoted at most


def _place_words(query: Query) -> frozenset[str]:
    """The words of every name of the places a question names ("isle", "wight"): no topic of it."""
    return frozenset(w for place in query.authorities for name in names_of(place) for w in re.findall(r"[a-z]+", name.lower()))


def _in_improvement_list(p: StoredPassage) -> bool:
    """Is the passage in a report's own list of what needs to improve? (Its items may stand under
    headings of their own within it: "Areas for improvement > Immediately:".)"""
    return any(sides.lists_improvements(h) for h in p.heading)


def _sub_heading_asked(heading: tuple[str, ...], asked: set[str]) -> bool:
    """Does the question use every word of a heading under a list's own ("Immediately:", "Within
    three months:")?"""
    at = next((i for i, h in enumerate(heading) if sides.lists_improvements(h)), None)
    subs = heading[at + 1 :] if at is not None else ()
    return any((words := set(tokens(h)) - STOPWORDS - {"within"}) and words <= asked for h in subs)


def _asks_improvements(query: Query) -> bool:
    """"What areas for improvement did Ofsted set out for Staffordshire?", "what did ofsted tell
    them to fix?": a request for a report's own list of what needs to improve, about nothing in
    particular ("What does Kent need to improve for care leavers?" asks about care leavers)."""
    if not _OFSTED_LIST.search(query.question):
        return False
    # (the ask read before its side's words go: "did Ofsted flag anything that still needed to improve?")
    topic = sides.without_side(without_setting(_OFSTED_LIST.sub(" ", query.topic)))  # (not "the 2021 remote inspection" it asks of)
    topic = SET_ASIDE.sub(" ", topic)  # (nor what it sets aside: "main areas for improvement? apart from private fostering")
    topic = _INSPECTED.sub(" ", topic)  # (nor the service inspected: "after its June 2018 inspection of children's social care")
    # (nor a statement's verdict and place that set the scene: "Telford and Wrekin came out outstanding in January 2020. Did…?")
    own = _place_words(query)
    return not records.topic_words(_OFSTED_LIST.sub(" ", _SUMMARY.sub(" ", topic)), _SUMMARY_WORDS | _IMPROVEMENT_WORDS | _SCENE_WORDS | own)
SUMMARY_PER_PARAGRAPH = 2  # sentences of each leading paragraph a summary quotes


# why an answer was refused when the documents asked about don't speak to the question
_UNSAID = ("off topic", "weak evidence", "not stated", "name not in the evidence", "no passages", "no verifiable quote")


# the latest of an authority's documents, named as such ("its last inspection", "the latest Ofsted report")
_NAMES_LATEST = re.compile(r"\b(most\s+recent|latest|last|newest)\s+((ofsted|ilacs|full|standard|short|graded|focused|monitoring|children['’]s\s+services)\s+){0,2}(inspection|report|visit|letter)s?\b", re.I)


# a question about how things stand ("How is the front door working?", "What do we need to improve?",
# "How well does Bury support its care leavers?"): its verb is in the present tense
_PRESENT = re.compile(r"^\s*(?:how|what|which|who|where|why)?\s*(?:well\s+|good\s+|effective(?:ly)?\s+|much\s+|many\s+)?(?:is|are|does|do)\b", re.I)


# a conclusion asked about something ("conclude about X", "its verdict on X"), not the inspection's own
_CONCLUSION_OF = re.compile(r"\b(conclu\w*|verdict|findings?)\b[^?]*?\b(about|on|regarding|of)\s+(?!(the|its|their)\s+((19|20)\d\d\s+)?(inspection|visit)\b)\S", re.I)


def _with_judgements(query: Query, chosen: list, record_passages) -> list:
    """A broad question about a judgement area ("How well does Bury support its care leavers?",
    "What did Ofsted say about adoption in Harrow?") hears, from each report it quotes, the
    report's judgement of that area beside its findings."""
    docs = {s.passage.doc_id for s in chosen}
    judged = [p for p in record_passages if p.kind == "judgement" and p.doc_id in docs]
    named = records.areas_named(query.topic, judged)
    # ("…about supervision in Stoke?"): each report's judgement of the section most of its findings are from
    sections = {} if named else {doc_id: _judged_section(doc_id, chosen, judged) for doc_id in docs}
    # a report that judges the area named together with another ("children in care" in one
    # judgement with care leavers): that judgement
    wider = {doc_id: records.area_judged_within(named, {p.fields.get("area", "") for p in judged if p.doc_id == doc_id}) for doc_id in docs} if named else {}

    def asked(p) -> bool:
        area = p.fields.get("area")
        return area in named or (area is not None and area in (sections.get(p.doc_id), wider.get(p.doc_id)))

    have = {s.passage.passage_id for s in chosen}
    score = chosen[0].score if chosen else 0.0
    grades = [extractive.Sentence(Hit(p, score), p.text, score=score, literal=True) for p in judged if asked(p) and p.passage_id not in have]
    return grades + chosen


def _judged_section(doc_id: str, chosen: list, judged) -> str | None:
    """The judgement area whose section of the report (its heading names the area) holds the most
    of ``chosen`` from ``doc_id``, when at least two are from it."""
    own = {p.fields.get("area", "") for p in judged if p.doc_id == doc_id}
    counts: dict[str, int] = {}
    for s in chosen:
        if s.passage.doc_id == doc_id and s.passage.kind != "judgement":
            named = records.named_areas(" ".join(s.passage.heading), own)
            if len(named) == 1:
                area = next(iter(named))
                counts[area] = counts.get(area, 0) + 1
    area = max(counts, key=counts.get, default=None)
    return area if area and counts[area] >= 2 else None


# the words of a part asking only why the grade was given ("what reason did Ofsted give for it?")
_WHY_WORDS = frozenset(tokens("why what which reason reasons did does do was were is are ofsted inspectors give gave given say said for it its this that the so"))
ABOUT_PASSAGES = 3  # a name said in this many of a report's passages is one it is about


def _report_about(name: str, passages) -> bool:
    """Does a report say ``name`` (its words together, in any case) in at least ABOUT_PASSAGES of its passages?"""
    said = re.compile(r"[\s-]+".join(re.escape(w) for w in name.replace("’", "'").split()), re.I)
    return sum(1 for p in passages if said.search(p.text.replace("’", "'"))) >= ABOUT_PASSAGES


def _lead_names_unmet(query: Query, chosen, by_doc, before, *names) -> list[str]:
    """The names in a one-part factoid question that the documents of its leading sentences never
    hold: the fact asked for must come from a document about what it is asked of ("How much did
    Mosaic cost?" is not answered by another council's price for its own system, though a related
    sentence beside it names Mosaic). A figure must be said of it: its paragraph (or the one that
    paragraph goes on from) names it ("How many children did the Phoenix team work with?" is not
    answered by a count of placements, though another paragraph names the team). ``by_doc``:
    each document's passages; ``before``: the paragraph each goes on from."""
    leads = [s.passage for s in chosen if s.lead]
    if not leads or len(query.parts) > 1 or not _names_unmet(query, leads, *names):
        return []
    if query.wants == "number":
        return _names_unmet(query, leads + [p for p in (before.get(lead.passage_id) for lead in leads) if p is not None], *names)
    return _names_unmet(query, [p for d in dict.fromkeys(p.doc_id for p in leads) for p in by_doc.get(d, ())], *names)


def _phrase_in(words: list[str], text: str) -> bool:
    """Do ``words`` (tokens) stand together, in order, in ``text``?"""
    return f" {' '.join(words)} " in f" {' '.join(tokens(text))} "


# Words a question may capitalise that name no one the evidence must hold: Ofsted's title for its
# inspectors ("His Majesty's Inspectors", where an older report says "Her"), the days of the week
# and the country every council is in ("a child who travelled to the UK alone")
_SETTING_NAMES = frozenset(tokens("his her majesty majesty's inspector inspectors hmi ilacs sif jtai " + " ".join(extractive.CALENDAR_NAMES | extractive.COUNTRY_NAMES)))
_ACRONYM = re.compile(r"[A-Z]{3,8}s?")
_ACRONYMS_RUN = re.compile(r"[A-Z]{2,8}s?(?:\s+[A-Z]{2,8}s?)+")
# the words a council's title wraps its place in ("London Borough of Hounslow", "Wirral Council")
_COUNCIL_WORDS = re.compile(r"\b(london borough|royal borough|metropolitan borough|borough|county|city|metropolitan|district|unitary|authority|council|corporation|of|the)\b")


_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")


def _near(word: str, held: set[str], acronym: bool = False) -> bool:
    """Is ``word`` a misspelling of one of ``held`` ("Ofstead" of "Ofsted")? An acronym's is its
    letters swapped ("CAHMS"), not another acronym that shares its start ("HMICFRS" is not "HMIC")."""
    return len(word) >= 4 and any(
        h[:1] == word[:1] and (not acronym or len(h) == len(word)) and difflib.SequenceMatcher(None, word, h).ratio() >= 0.8 for h in held
    )


def related(hit: Hit) -> Related:
    p = hit.passage
    return Related(doc_id=p.doc_id, title=p.title, date=p.date, locator=p.locator, passage_id=p.passage_id, text=p.text)
