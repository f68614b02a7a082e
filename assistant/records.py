"""Questions over records: answered from every record, not the top few passages.

A record is a passage with labelled fields: a judgement in a report's judgement table (area,
grade) or an action row of an improvement plan (RAG status, owner...). "Which authorities were
judged inadequate for overall effectiveness in 2022?", "How has Kent's overall judgement changed
since 2013?" and "Which actions are rated green?" need all of them, filtered, with one citation a
row and the number of records looked at.

What a question asks for is read against the records themselves: a field's values ("inadequate",
"green") are the words of the categorical fields the index holds, and a judgement area is matched
by its own words ("overall", "care leavers"). Nothing here lists one document's wording.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from index.store import StoredPassage
from index.text import display_date, normalise, split_sentences

from . import glossary
from .query import GRADED_ON_THEIR_OWN, SET_ASIDE, YEAR, YearSpan, final_ask
from .types import Citation

RECORD_KINDS = {"judgement": "judgement", "action": "action"}
# The categorical fields of each kind of record, and how a question names the kind.
_CATEGORY = {"judgement": "grade", "action": "rag"}
_ASKS_KIND = {
    "judgement": re.compile(
        r"\b(judge?ments?|judged|grades?|graded|rated|ratings?|inspection results?|verdicts?)\b"
        r"|\b(?:did|does|do)\s+(?:[\w’'-]+\s+){1,3}?(?:rate|judge)\b",  # "how did ofsted rate its leadership each time?"
        re.I,
    ),
    "action": re.compile(r"\b(actions?|RAG)\b", re.I),
}
# "at each of its inspections", "across every inspection", "each time"
_EACH_INSPECTION = re.compile(
    r"\b(?:at|in|for|from|across|after)\s+(?:each|every|all)\s+(?:of\s+)?(?:its\s+|their\s+|the\s+|[\w’'-]+['’]s\s+)?(?:[\w-]+\s+)?(?:inspections?|re-inspections?|reports?|visits?)\b|\beach\s+time\b",
    re.I,
)
_ENUMERATES = re.compile(
    r"(?:^|[,;:]|\s[-–—])\s*(which|list|what (are|were) (all )?the|how many|show|give|table|what (grades?|judge?ments?|ratings?)|what \w+ (grades|judge?ments|ratings))\b|\b(changed?|over time|since|trend|history|ever)\b|\b(?:in|at|for)\s+which\b|\bwhich\s+of\b"
    r"|" + _EACH_INSPECTION.pattern,
    re.I,
)
# (not "children" either: every area is of children, and "X's children's services" names none of them)
_STOP = {"the", "of", "and", "in", "on", "for", "with", "to", "a", "who", "need", "social", "work", "practice", "experiences", "progress", "impact", "children"}


@dataclass(frozen=True)
class RecordAnswer:
    text: str
    citations: list[Citation]
    looked_at: int


@functools.lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    """A text's words as ``_ordered_words`` reads them, as a set (remembered: a report's headings
    are read again for every question judging its sections)."""
    return frozenset(_ordered_words(text)) - {""}  # ("children's": no word "")


# One judgement named in each framework's words: "children looked after" (2013-2017) are "children in
# care" (2018 on); "leadership, management and governance" (2013-2017) is "the impact of leaders" (2018 on)
LOOKED_AFTER = re.compile(r"\blooked[\s_-]+after\b", re.I)
_SAME = {"leadership": "leader"}
# the board reviewed beside SIF inspections, by its initials as its judgement's area is keyed
_BOARD = re.compile(r"\b(?:local\s+)?safeguarding\s+children(?:['’]s)?\s+boards?\b")
# "young people leaving care", "the leaving care service": the care leavers judgement's words
_LEAVING_CARE = re.compile(r"\bleaving\s+(?:(?:its|their|our|the\s+council['’]s)\s+)?care\b")


# "Why did the judgement fall?", "What reasons did it give?": the reasons are in the passages, not the grades
_ASKS_WHY = re.compile(r"^\s*why\b|\breasons?\b|\bexplain\w*\b|\bwhat\s+(caused|led\s+to)\b", re.I)


def asks_why(question: str) -> bool:
    """Does the question ask for reasons ("why did it fall?", "what reasons did it give?")?"""
    return _ASKS_WHY.search(final_ask(question)) is not None


def asks_kind(question: str, kind: str) -> bool:
    """Does the question name records of ``kind`` ("judged", "grades"; "actions", "RAG")?"""
    return _ASKS_KIND[kind].search(question) is not None


def enumerates(question: str) -> bool:
    """Does the question (or a part of it) ask for records in number ("which of", "list", "how many", "ever")?"""
    return _ENUMERATES.search(question) is not None


# a grade below the one the statement before named ("rated lower than that", "fell short")
# (or lower with nothing after it: "…came out good overall. Which judgement was lower?")
_SHORT_OF_IT = re.compile(
    r"\b(?:lower|worse|less|below|under)\s+than\s+(?:that|this|it)\b|\bbelow\s+(?:that|this|it)\b|\b(?:fell|falls|fall|falling)\s+short\b"
    r"|\b(?:let|lets|letting|held|holds|holding)\s+(?:it|them|[\w’'-]+)\s+(?:down|back)\b"  # "Which parts let it down?"
    r"|\b(?:which|what|any)\b[^?]{0,40}\b(?:was|were|is|are|came\s+out|got)\s+(?:rated\s+|graded\s+|judged\s+)?(?:lower|worse|weaker)\b(?!\s+than\b)",
    re.I,
)
# a grade above the one the statement before named ("…inadequate overall. Did any area do better than that?")
_ABOVE_IT = re.compile(
    r"\b(?:better|higher|more)\s+than\s+(?:that|this|it)\b|\babove\s+(?:that|this|it)\b|\b(?:do|does|did|doing|fare|fares|fared)\s+better\b",
    re.I,
)
# a question asking how something was graded ("How were children looked after … judged at that inspection?")
_HOW_GRADED = re.compile(
    r"\s*how\s+(?:was|were|is|are|did|had|has|have)\b[^?]*\b(?:graded|rated|judged|grade|rate|judge)\b"
    r"|\s*(?:what|which)\s+(?:overall\s+)?(?:grades?|ratings?|judge?ments?)\s+(?:did|does|do|had|has|was|were|is)\b",  # "…what grade did it get in 2025?"
    re.I,
)


_OVER_EVERY = re.compile(r"\bever\b|\bany\s+of\s+(?:its|their|the)\s+(?:[\w-]+\s+)?inspections\b|" + _EACH_INSPECTION.pattern, re.I)


def listing_span(parts: list[str], span: YearSpan, question: str = "") -> YearSpan:
    """The years whose rows a compound question lists (its ``parts``' texts; ``span``: the
    question's years): every year's when the part that enumerates them names none and another
    part's year is that part's own ("Which of Havering's inspections rated help and protection as
    requiring improvement, and what did that judgement become at the December 2023 inspection?");
    a year that sets the scene of every part picks them ("Wokingham's 2015 inspection: which area
    was graded good, and what did the review conclude…?")."""
    listing = [p for p in parts if enumerates(p)]
    if listing and not any(map(YEAR.search, listing)) and any(YEAR.search(p) for p in parts if p not in listing):
        return YearSpan()
    # an ask over every inspection after a statement naming one ("st helens got good overall in
    # 2023 - but has help and protection ever been rated good at any of its inspections?"): every year's
    ask = final_ask(question) if question else ""
    if ask and ask != question and _OVER_EVERY.search(ask) and not YEAR.search(ask):
        return YearSpan()
    return span


def asks_records(question: str, passages: list[StoredPassage]) -> str | None:
    """The kind of record a question enumerates ("judgement" or "action"), or None: the kind it
    names ("judged", "actions") and whose values it uses ("inadequate", "green") the most. The
    enumerating word opens the question or a clause of it ("Under the 2026 framework, which…")."""
    if not enumerates(question) or asks_why(question):
        return None
    scores = {}
    for kind, pattern in _ASKS_KIND.items():
        values = _values(passages, kind)
        if not values:
            continue
        named = bool(pattern.search(question)) or (kind == "judgement" and _asks_what_was_got(question, passages))
        valued = any(_mentions(question, v, kind) for v in values)
        if kind == "action" and not (named and valued):
            continue  # "actions" alone is any question about the plan; a status makes it a list
        if named or valued:
            scores[kind] = named + 2 * valued
    return max(scores, key=scores.get) if scores else None


# A question that compares inspections ("How did Solihull and Sandwell compare in their 2022
# inspections?", "How did Ofsted's view of Kent change between 2022 and 2025?") and asks nothing
# more than how they came out is answered with each inspection's judgements. These words only
# frame such a comparison; any other word (supervision, early help) is a topic, for the passages.
_COMPARES = re.compile(r"\b(compar\w*|chang\w*|differ\w*|improv\w*|better|worse|between|trace|track|up\s+or\s+down|rise|rose|fall|fell|keep|kept|maintain\w*|retain\w*|slip\w*|declin\w*|dropp?\w*)\b", re.I)
_FRAMING = frozenset(
    """compare compared comparison change changed changes differ differed different difference
    improve improved better worse between since first last latest recent previous most their
    inspection inspections inspected outcome outcomes result results view views opinion ofsted
    judgement judgements judge judged rate grade grades graded rating ratings rated overall effectiveness got get
    across time two three four both looking look services service children local authority authorities council year years
    single focused standard short full joint framework ilacs sif monitoring re-inspection reinspection
    go goes went gone downhill uphill marked become became becomes one ones up down rise rose fall fell trace track higher lower stay stayed same rated current currently now present vs versus
    slip slipped slips let lets never move moves moved moving heading direction trend trajectory right way
    keep kept maintain maintained retain retained hold held conclude concluded conclusion conclusions verdict
    january february march april may june july august september october november december
    early late mid spring summer autumn winter week weeks fortnight month months day days exactly""".split()
)


def compares_inspections(question: str, topic: str, records: list[StoredPassage] = ()) -> bool:
    """Does the question compare inspections with nothing asked of them but how they came out
    (or, when it says "judgement" or "grade", how one judgement area came out: the words of the
    judgements ``records`` grade)?"""
    if not compares_over_time(question):
        return False
    words = topic_words(topic)
    # (said in the question, not in a statement setting its scene: "Rotherham was judged inadequate
    # in 2014 — was early help any better than the rest?" asks what was found of early help)
    if _ASKS_KIND["judgement"].search(final_ask(question)):  # "Did Bolton's help and protection judgement go up or down…?"
        judged = {w.rstrip("s") for p in records if p.kind == "judgement" for w in topic_words(p.fields.get("judgement", ""))}
        words = [w for w in words if w.rstrip("s") not in judged]
    return not words


def compares_over_time(question: str) -> bool:
    """Does the question ask how judgements changed ("How had its grade changed by 2017?")?"""
    return bool(_COMPARES.search(question)) and not asks_why(question)


def asks_beyond_judgements(question: str, topic: str, passages: list[StoredPassage]) -> bool:
    """Does a grade question ask about something no judgement is of? Either it names no grade and
    no judgement area, and its topic has words of its own ("Kent's secondary schools", "its SEND
    area inspection", "its next inspection"), or it does and asks more besides (see
    ``_asks_more``): the judgement records don't answer it."""
    if GRADED_ON_THEIR_OWN.search(final_ask(question)):
        return True  # "Which nurseries did Ofsted rate outstanding?": they have inspections of their own, not these judgements
    records = [p for p in passages if p.kind == "judgement"]
    areas = closest_areas(question, records)
    if areas:  # more than the areas it names: "adult social care" is no word of children in care's judgement
        return _asks_more(topic, [p for p in records if p.fields.get("area", "") in areas])
    if names_grade(question, records):
        return _asks_more(topic, records)
    return bool(topic_words(topic, _COVER_WORDS))  # ("What grades did it give each part of our services?": the judgements)


# the words of an inspection's cover (who led it, when, what was judged), beside the framing above
_COVER_WORDS = frozenset(
    """led lead leads inspector inspectors deputy site wrote report visited inspect find found area areas part parts
    still ever early late mid spring summer autumn winter re library held completed reach reached receive received
    require required list listed reports onwards going time side sides top highest lowest""".split()  # ("going through every inspection", "each time", "the children in care side")
)


def asks_about_something(topic: str) -> bool:
    """Does a topic have words of its own beside an inspection's framing and cover ("what did
    the 2025 report say lay behind the change": yes; "and what was the overall grade": no)?"""
    return bool(topic_words(topic, _COVER_WORDS))


def _asks_more(topic: str, records: list[StoredPassage]) -> bool:
    """Does a question that names grades or a judgement area also ask about something no judgement
    is of ("How many children's homes did it run, and how many were good?", "What share of
    conferences received a report, and how did inspectors rate that?")? Two words of its topic
    that are no grade's, no judgement's and no word of an inspection's cover say so."""
    rows = frozenset(" ".join(p.fields.get(f, "") for f in ("grade", "judgement", "area")) for p in records)
    return len({w.rstrip("s") for w in topic_words(topic, _COVER_WORDS)} - _judged_words(rows)) >= 2  # ("what overall judgement did Ofsted reach": one)


@functools.lru_cache(maxsize=8)
def _judged_words(rows: frozenset[str]) -> frozenset[str]:
    """The words of judgement rows' grades, labels and areas (plurals as their singular)."""
    return frozenset(w.rstrip("s") for row in rows for w in re.findall(r"[a-z]+", normalise(row.replace("_", " "))))


def topic_words(topic: str, also: frozenset[str] = frozenset()) -> list[str]:
    """The words of a topic that say what it is about: not stopwords, not the framing of an
    inspection question ("grade", "latest", "inspection"), nor ``also``."""
    from .lexical import STOPWORDS

    return [w for w in re.findall(r"[a-z]+", normalise(topic)) if len(w) > 1 and w not in STOPWORDS and w not in _FRAMING and w not in also and w not in _CONTRACTED]


_CONTRACTED = frozenset("ve ll re".split())  # what is left of "you've", "we'll", "they're": no word of a topic


# A RAG status is often written by its initial; a question says the colour.
_RAG = {"r": "red", "a": "amber", "g": "green", "b": "blue"}


def _values(passages: list[StoredPassage], kind: str) -> set[str]:
    field = _CATEGORY[kind]
    return {p.fields[field].strip().lower() for p in passages if p.kind == kind and p.fields.get(field)}


# a grade word before a noun that work is judged by describes it ("particularly good practice",
# "outstanding work", "good support"): no grade is asked for
_DESCRIBES = re.compile(r"\s+(?:practice|work|examples?|progress|relationships?|quality|use|standards?|partnerships?|communication|evidence|understanding|attendance|outcomes?|support|engagement|leadership|oversight|decisions?|planning|care)\b")


def _mentions(question: str, value: str, kind: str) -> bool:
    """Does the question name this value of a ``kind`` record's field? (A one-letter RAG code by
    its colour; a judgement's grade not where it describes a noun.)"""
    name = _RAG.get(value, value) if len(value) == 1 else value
    if len(name) < 2:
        return False
    found = [m for m in re.finditer(_as_said(name) if kind == "judgement" else r"\b" + re.escape(name) + r"\b", question, re.I)]
    if kind == "judgement":
        found = [m for m in found if not _DESCRIBES.match(question, m.end()) and not _CONTRASTED.search(question, 0, m.start()) and not _DEGREE.search(question, 0, m.start())]
    return bool(found)


@functools.lru_cache(maxsize=32)
def _as_said(grade: str) -> str:
    """A grade as a question may say it: a grade that opens with a verb in its present forms
    ("requires improvement": "require", "requiring improvement"; not "required improvement", which
    tells what was found: "when services overall required improvement")."""
    first, *rest = grade.split()
    said = re.escape(first[:-2]) + r"(?:es?|ing)" if rest and first.endswith("es") else re.escape(first)
    if rest and first.endswith("es"):  # (but asked of "which" did: "which areas were inadequate and which only required improvement?")
        said = rf"(?:{said}|(?<=\bwhich\s)(?:(?:only|just|still)\s+)?{re.escape(first[:-1])}d)"
    return r"\b" + r"\s+".join([said, *map(re.escape, rest)]) + r"\b"


# a degree, not a grade ("has it always been this good?", "how good was…?"; not "came out as good")
_DEGREE = re.compile(r"\b(?:this|so|how|too|very|really|quite|pretty)\s+$", re.I)
# the grade a question sets another against is not asked for ("judged adequate rather than inadequate")
_CONTRASTED = re.compile(r"\b(?:rather\s+than|instead\s+of|as\s+opposed\s+to)\s+(?:an?\s+|the\s+)?$", re.I)


def names_grade(question: str, passages: list[StoredPassage]) -> bool:
    """Does the question name one of the grades the judgement records give ("rated inadequate")?"""
    return any(_mentions(question, v, "judgement") for v in _values(passages, "judgement"))


# a yes/no ask ("Did Gloucestershire get outstanding for its children in care?", "…, and was help and
# protection also outstanding?"): the grade it names stands as what was got or as the ask's last word
# (before a time: "…outstanding in 2024?"), not "any good", "for good" or "a good grip"
_YES_NO = re.compile(r"(?:^\s*|[,;:]\s*(?:and\s+|but\s+)?|\b(?:and|but)\s+)(?:was|were|is|are|had|has|did|does|do)\s+(?!there\b)", re.I)
_GOT = r"\b(?:get|got|receive|received|achieve|achieved|awarded|rated|judged|graded|as)\s+(?:an?\s+)?"
_LAST = r"\s*(?:too|as\s+well|also|either)?(?:\s+(?:in|at|by|when|during|after|before)\b[^?,;]*)?\s*[?.]?\s*$"


def _asks_what_was_got(question: str, passages: list[StoredPassage]) -> bool:
    """Does the question ask a grade as what was got ("What did Blackpool get for its children in
    care at each inspection?", "what did it get overall each time?", "what did the children in care
    side get…?"): an area's grade, in other words than a grade's?"""
    return (_GOT_OVERALL.search(question) is not None or (_GOT_FOR.search(question) is not None and asks_if_graded(question, passages))
            or any(areas_named(_in_reports_terms(question[: m.start()] if _PRONOUN.fullmatch(m.group("area")) else m.group("area")), passages) for m in _AREA_GOT.finditer(question)))


def _in_reports_terms(text: str) -> str:
    """``text`` with the reports' terms for what it says in everyday words ("the kids in care
    side": children in care too; see glossary.py)."""
    return " ; ".join([text] + glossary.terms_for(text))


# what an ask refers back to ("…help and protection for children - has it got better? What did it get at each inspection?")
_PRONOUN = re.compile(r"it|they|that|this|those|these", re.I)


# "what did the children in care side get at each inspection?": what an area got, each time
_AREA_GOT = re.compile(
    r"\bwhat\s+(?:grades?\s+)?did\s+(?P<area>[\w&'’/-]+(?:\s+[\w&'’/-]+){0,6}?)\s+(?:each\s+|both\s+)?get\b"
    r"(?=\s*(?:[?.]|$|(?:at|in|for|across)\s+(?:each|every|all)\b|each\s+time\b))",
    re.I,
)
_GOT_OVERALL = re.compile(r"\b(?:get|got|receive|received|achieve|achieved)\s+overall\b", re.I)
# "What did it get for help and protection, and for children in care?": what an area got
_GOT_FOR = re.compile(r"\bwhat\s+(?:did|does|do)\s+(?:[\w&'’-]+\s+){1,4}?(?:get|receive|achieve|score)\s+for\s+(?P<area>[^?]+)", re.I)


def asks_if_graded(ask: str, passages: list[StoredPassage]) -> bool:
    """Does an ask name a judgement area and ask its grade without a word for grades: yes or no
    of a grade it may have had, or what it got?"""
    got, found = _GOT_FOR.search(ask), _YES_NO.search(ask)
    if not got and not found:
        return False  # (before the records are read: most questions ask neither way)
    rows = [p for p in passages if p.kind == "judgement"]
    if got and areas_named(got.group("area"), rows):
        return True
    if not found:
        return False
    clause = ask[found.start():]
    if not areas_named(clause, rows):
        return False
    for value in _values(rows, "judgement"):
        grade = re.escape(value)
        if re.search(_GOT + grade + r"\b", clause, re.I) or re.search(r"(?<!\bany\s)(?<!\bfor\s)(?<!\bno\s)\b" + grade + _LAST, clause, re.I):
            return True
    return False


def side_by_side(question: str, cited: list[StoredPassage]) -> list[StoredPassage]:
    """A records answer's passages in the order a reader compares reports that the question names
    no grade or judgement area of ("How did Solihull and Sandwell compare in their 2022
    inspections?"): each report's headline (its overall effectiveness row, then the sentence that
    states it) side by side, then the rest of each in turn; ``cited`` as it is otherwise (one
    report, or an area or grade asked about, whose rows come first already)."""
    rows = [p for p in cited if p.kind == "judgement"]
    if len({p.doc_id for p in cited}) < 2 or names_grade(question, rows) or closest_areas(question, rows):
        return cited
    by_doc: dict[str, list[StoredPassage]] = {}
    for p in cited:
        by_doc.setdefault(p.doc_id, []).append(p)
    turns = []  # each report's passages in turn, its headline one turn
    for passages in by_doc.values():
        at = next((i for i, p in enumerate(passages) if p.kind == "judgement" and p.fields.get("area") == "overall_effectiveness"), None)
        headline = []
        if at is not None:  # (the sentence stating it is quoted just after it)
            headline = passages[at : at + 2] if at + 1 < len(passages) and passages[at + 1].kind != "judgement" else passages[at : at + 1]
        turns.append(([headline] if headline else []) + [[p] for p in passages if p not in headline])
    ordered = []
    for i in range(max(map(len, turns))):
        ordered += [p for groups in turns if i < len(groups) for p in groups[i]]
    return ordered


def area_words(area: str) -> set[str]:
    """The words that tell a judgement area apart ("care_leavers": care, leaver)."""
    return _words(area.replace("_", " ")) - _STOP


def areas_named(text: str, records: list[StoredPassage]) -> set[str]:
    """The judgement areas of ``records`` whose every word ``text`` uses (see ``named_areas``)."""
    return named_areas(text, {p.fields.get("area", "") for p in records})


def named_areas(text: str, areas: set[str]) -> set[str]:
    """Those of ``areas`` whose every word ``text`` uses, the most specific only ("care leavers":
    the care leavers judgement, not also the one for children in care)."""
    asked = _words(text)
    named = {}
    for area in areas:
        words = area_words(area) | ({"children"} & set(area.split("_")))
        if len(words - {"children"}) >= 2:  # "care leavers" names the children in care and care leavers judgement
            words -= {"children"}
        if words and words <= asked:  # "leaving care" alone does not name the children in care one
            named[area] = len(words)
    most = max(named.values(), default=0)
    return {a for a, n in named.items() if n == most}


def area_judged_within(named: set[str], areas: set[str]) -> str | None:
    """Of one report's judgement ``areas``, none of them ``named``: the narrowest whose words hold
    all of a named one's ("children in care and care leavers" for "children in care"), else None."""
    if named & areas:
        return None
    held = [a for a in areas if any(area_words(n) and area_words(n) < area_words(a) for n in named)]
    return min(held, key=lambda a: (len(area_words(a)), a), default=None)


def closest_areas(question: str, records: list[StoredPassage]) -> set[str]:
    """The judgement areas a question names: those whose own words it uses most completely."""
    asked = _words(question)
    scores = {}
    for area in {p.fields.get("area", "") for p in records}:
        words = area_words(area)
        # the share of its words used, then how many ("care leavers": not also "children in care");
        # an area is not named by less than half its words ("looked after children services" does not
        # name "outcomes for looked after children and young people")
        if words and 2 * len(asked & words) >= len(words):
            scores[area] = (len(asked & words) / len(words), len(asked & words))
    if not scores:
        return set()
    best = max(scores.values())
    # and every area the question names in full, in its own words ("services for children in care
    # and care leavers": both of a report that judges them apart, not only the care leavers one)
    said = " " + " ".join(_ordered_words(question)) + " "
    # (and another area it names by all its words, none of them the best one's: "how were leadership and
    # help and protection graded?": both)
    best_words = set().union(*(area_words(a) for a, s in scores.items() if s == best))
    return {a for a, s in scores.items() if s == best or f" {' '.join(_ordered_words(a.replace('_', ' ')))} " in said
            or (s[0] == 1 and not area_words(a) & best_words)}


def _ordered_words(text: str) -> list[str]:
    """A text's words in one framework's terms, in order (a phrase, not a set)."""
    text = _BOARD.sub(" lscb ", _LEAVING_CARE.sub(" care leavers ", LOOKED_AFTER.sub(" in care ", normalise(text))))
    return [_SAME.get(w, w).rstrip("s") for w in re.findall(r"[a-z]+", text)]


# an inspection's judgement areas asked of as such ("Was any judgement area rated good?", "which of its judgements…")
AREAS_ASKED = re.compile(r"\bjudge?ment\s+areas?\b|\b(?:which|what|any|each|every|all|other|the)\s+(?:of\s+(?:the|its|their)\s+)?(?:other\s+)?(?:areas?|judge?ments|parts?)\b|\bone\s+(?:of\s+(?:the|its|their)\s+)?(?:judge?ments?|areas?|parts?)\b", re.I)


# every judgement area asked of ("each judgement area", "all of its judgements")
_EVERY_AREA = re.compile(r"\b(?:each|every|all)\s+(?:of\s+(?:the|its|their)\s+)?(?:(?:four|five|three)\s+)?(?:judge?ment\s+)?(?:areas?|judge?ments)\b", re.I)


_ASKS_WHICH_BETTER = re.compile(r"\b(?:which|who)\b[^?]{0,80}\b(?:better|worse|higher|lower|best|worst|weaker|stronger)\b|\bfor\s+each\b|\bin\s+each\b", re.I)


def answer_records(
    question: str,
    kind: str,
    passages: list[StoredPassage],
    authorities: tuple[str, ...],
    span: YearSpan = YearSpan(),
    years_of: Callable[[str], set[int]] | None = None,
) -> RecordAnswer:
    """``years_of``: the years a document is of (its inspection's first and last days, its date),
    by its id; else a row's own date's year ("in 2022" finds the inspection that began in
    December 2022 and ended in February 2023)."""
    records = [p for p in passages if p.kind == kind]
    looked_at = len(records)
    field = _CATEGORY[kind]
    values = sorted(_values(passages, kind), key=len, reverse=True)
    # a grade the statement before the question names sets the scene ("Kent and Southwark were both judged
    # good overall. Which got the better grade for help and protection?"): not what the rows are picked by
    # (and so is one when the question names its own: "North Somerset came out requires improvement
    # overall in 2023. Was any judgement area rated good?" asks for good rows, of any area)
    ask = final_ask(question)
    of_ask = [v for v in values if _mentions(ask, v, kind)]
    # (nor is it when the question asks how areas were graded: "Kent's help and protection was judged to
    # require improvement in 2017. How were its children looked after, and its leadership, judged?")
    wanted = of_ask if ask != question and (of_ask or _ASKS_WHICH_BETTER.search(ask) or _HOW_GRADED.match(ask)) else [v for v in values if _mentions(question, v, kind)]
    if kind == "judgement":
        wanted = short_of_stated(question, set(values)) or wanted
    areas_of = ask if ask != question and (AREAS_ASKED.search(ask) or closest_areas(ask, records)) else question  # what names the areas asked of (the ask's own, after a statement)
    if kind == "judgement":  # the overall grade areas kept it from is no area asked of ("Which areas kept it from a good overall grade?")
        areas_of = re.sub(rf"\b({_KEPT_FROM}\s+(?:an?\s+)?(?:{'|'.join(re.escape(v) for v in values if v)})\s+)overall\b", r"\1", areas_of, flags=re.I)
    # what the question sets aside is not asked of ("Apart from the overall grade, which of the judgement areas were rated outstanding?")
    aside = SET_ASIDE.search(areas_of) if kind == "judgement" else None
    if aside and any(re.match(_JUDGED[:-1] + re.escape(v) + r"\b", aside.group(1), re.I) for v in values if v):
        aside = None  # "rated anything other than good overall": a grade compared with (graded_against), not an area set aside
    set_aside = closest_areas(aside.group(1), records) if aside else set()
    areas_of = SET_ASIDE.sub(" ", areas_of) if set_aside else areas_of
    # "requires improvement" holds no "good"; a longer value named takes its words out of play
    for v in list(wanted):
        if any(v != w and re.search(r"\b" + re.escape(v) + r"\b", w) for w in wanted):
            wanted.remove(v)
    # where and when first, then the grade asked for, then the judgement area the remaining
    # records name most closely ("care leavers" is the combined row where there is no other)
    if authorities:
        records = [p for p in records if p.authority in authorities]
    if span != YearSpan():
        def years(p: StoredPassage) -> set[int]:
            return (years_of(p.doc_id) if years_of else set()) or ({int(p.date[:4])} if p.date else set())

        records = [p for p in records if years(p) and span.admits(years(p))]
    # a value said just before another is the verb of a phrase, not a grade asked for ("not judged
    # inadequate": inadequate, of a report whose rows hold "not judged" too)
    wanted = [v for v in wanted if not any(w != v and re.search(r"\b" + re.escape(v) + r"\s+(?:as\s+)?(?:an?\s+)?" + re.escape(w) + r"\b", question, re.I) for w in wanted)]
    named = list(wanted)  # the grades the question names ("less than good": good)
    if kind == "judgement" and len(wanted) == 1:  # "rated below good": the grades under it
        wanted = graded_against(question, set(values)) or wanted
    if wanted and _COMPARES.search(question) and (len(span.exact) > 1 or span.since is not None or span.before is not None):
        wanted = []  # "changed since it was judged inadequate in 2016": that grade was the start, not a filter
    pieces = re.split(r",\s*(?:and|but)\s+", ask, maxsplit=1)  # (the question, after any statement setting its scene)
    asks, then = pieces[0], (pieces[1] if len(pieces) > 1 else "")
    # "Which area was judged outstanding, and what was the overall grade?" (or the other way round):
    # the overall judgement of the reports found is asked too
    # (not "…inadequate overall, and when were they?", whose second part asks no judgement)
    if wanted and kind == "judgement" and then and _EACH_INSPECTION.search(asks) and not any(_mentions(asks, v, kind) for v in values):
        wanted = []  # "…graded each time, and when did it first reach good?": every inspection's row, the good one among them
    other = then if _OVERALL.search(asks) else asks
    judged_other = asks_kind(other, kind) or any(_mentions(other, v, kind) for v in values) or re.search(r"\bareas?\b", other, re.I)
    overall_too = kind == "judgement" and bool(then) and bool(_OVERALL.search(then)) != bool(_OVERALL.search(asks)) and bool(judged_other)
    graded = records  # every row of the reports in scope, before the grade asked for picks some
    if wanted:
        chosen = [p for p in records if p.fields.get(field, "").strip().lower() in wanted]
        if overall_too:
            docs = {p.doc_id for p in chosen}
            chosen += [p for p in records if p.doc_id in docs and p.fields.get("area") == "overall_effectiveness" and p not in chosen]
        records = chosen
        wanted = [_RAG.get(v, v) if len(v) == 1 else v for v in wanted]
    areas = closest_areas(areas_of, records) if kind == "judgement" and not (overall_too and wanted) else set()
    if areas and not wanted and _EVERY_AREA.search(areas_of):
        areas = set()  # "what grades did each judgement area get, and what was the overall effectiveness?": every row
    overall_graded = kind == "judgement" and bool(wanted) and _graded_overall(areas_of, wanted + named)
    if overall_graded and not areas and not overall_too:
        areas = closest_areas(areas_of, graded)  # "ever judged good overall" where no overall judgement was good
    # so with another area asked of ("…help and protection graded each time? Has it ever been good?"):
    # none matches, and what that area's judgements were (below); not when the question asks which
    # area ("Which area was good, when services overall required improvement?")
    unmet = kind == "judgement" and bool(wanted) and not areas and not overall_too and not AREAS_ASKED.search(question)
    if unmet:
        areas = closest_areas(areas_of, graded) - {"overall_effectiveness"}
    beside, beside_rows = set(), []
    # "which judgement came out inadequate, and how was adoption performance graded?": the rows at that
    # grade, and beside them the other ask's area at whatever grade it got
    if kind == "judgement" and wanted and then and _WHICH_AREA.search(asks) and not any(_mentions(then, v, kind) for v in values):
        beside = closest_areas(then, graded)
        beside_rows = [p for p in graded if p.fields.get("area") in beside and p not in records]
        areas = set() if beside else areas
    if areas:  # each report's own closest rows: a 2019 report has only the combined row
        def closest(rows: list[StoredPassage]) -> list[StoredPassage]:
            by_doc: dict[str, list[StoredPassage]] = {}
            for p in rows:
                by_doc.setdefault(p.doc_id, []).append(p)
            return [p for doc_rows in by_doc.values() for p in doc_rows if p.fields.get("area") in closest_areas(areas_of, doc_rows)]

        # of all a report's rows ("outstanding for care leavers": not its outstanding children in care
        # row when its care leavers row is good), unless the area named only sets the scene ("which
        # area was good while overall effectiveness required improvement?")
        kept = {id(p) for p in closest(graded)}
        # ("judged good overall": not another area's good row when no overall judgement was good)
        records = [p for p in records if id(p) in kept] or ([] if overall_graded or unmet else closest(records))
    records = [p for p in records if p.fields.get("area") not in set_aside]
    records.sort(key=lambda p: (p.authority or "", p.date or "", p.doc_id, p.ordinal))
    what = _describe(kind, wanted, areas, authorities, span)
    # the area's judgements in the authority's reports, beside those that match the grade asked
    of_area = sorted(closest(graded), key=lambda p: (p.date or "", p.doc_id, p.ordinal)) if areas and authorities and wanted else []
    if records:
        lines = [f"{len(records)} of the {looked_at} {kind} records in the indexed documents match {what}:", ""]
    else:
        # "Has Rochdale ever been judged good overall?": no, and what its judgements of that area were
        none = f"None of the {looked_at} {kind} records in the indexed documents matches {what}."
        if not of_area:
            return RecordAnswer(none, [], looked_at)
        lines, records = [none, "", f"The {kind}s {_describe(kind, [], areas, authorities, span)}:", ""], of_area
    # "How many of Islington's inspections judged it outstanding overall?": out of which judgements
    shown = {id(p) for p in records}
    rest = [p for p in of_area if id(p) not in shown] if _ACROSS.search(question) or _EACH_INSPECTION.search(question) else []  # ("…each time? has it got back to good?")
    rest += [p for p in beside_rows if id(p) not in shown]
    # asked at each inspection: those whose reports make no judgement of the area say so (the framework
    # from April 2026 gives no overall effectiveness), cited by the judgements they do make
    unjudged = set()
    if kind == "judgement" and areas and not wanted and not rest and _EACH_INSPECTION.search(question):
        first = {}  # each report with none of the rows shown: its first judgement
        for p in sorted(graded, key=lambda p: (p.date or "", p.doc_id, p.ordinal)):
            first.setdefault(p.doc_id, p)
        shown_docs = {r.doc_id for r in records}
        unjudged = {id(p) for doc_id, p in first.items() if doc_id not in shown_docs}
        records = sorted(records + [p for p in first.values() if id(p) in unjudged], key=lambda p: (p.authority or "", p.date or "", p.doc_id, p.ordinal))
    citations = []
    for n, p in enumerate(records + rest, start=1):
        if rest and n == len(records) + 1:
            lines += ["", f"The {'' if beside else 'other '}{kind}s {_describe(kind, [], beside or areas, authorities, span)}:", ""]
        if id(p) in unjudged:
            lines.append(f"- {p.authority or p.title}, {display_date(p.date)}: no judgement {_describe(kind, [], areas, (), YearSpan())}; among its judgements: {p.fields.get('judgement', '')} — {p.fields.get('grade', '')} [{n}]")
        else:
            lines.append(f"- {_row(p, kind)} [{n}]")
        citations.append(Citation.of(n, p))
    return RecordAnswer("\n".join(lines), citations, looked_at)


def _graded_overall(question: str, wanted: list[str]) -> bool:
    """Is the grade asked for said of overall effectiveness ("judged good overall", "overall
    effectiveness was outstanding"), not beside it ("rated good while overall it required improvement")?"""
    grades = "|".join(re.escape(w) for w in wanted)
    than = r"(?:(?:below|short\s+of|less\s+than|lower\s+than|worse\s+than|under|above|better\s+than|higher\s+than|more\s+than)\s+)?"  # "overall effectiveness less than good"
    return bool(re.search(rf"\b(?:{grades})\s+overall\b|\boverall\s+(?:effectiveness\s+)?(?:(?:was|is|been|judged|rated|graded|as)\s+)*{than}(?:{grades})\b", question, re.I))


_ACROSS = re.compile(r"\b(how\s+many|which\s+of|in\s+which|ever|any\s+of)\b", re.I)  # over one authority's inspections
_JUDGED = r"((rated|judged|graded|found|assessed)\s+)?(as\s+)?(a\s+|an\s+|the\s+)?$"  # "not rated outstanding", "below a good"
# ("not", or an area that escaped or avoided a grade: "which areas escaped an inadequate judgement?")
_NOT = r"not|[a-z]+n['’]t|escap(?:ed|ing)|avoid(?:ed|ing)"  # ("which judgement wasn't outstanding?")
# ("…kept Bristol from a good overall grade", "stopped it getting outstanding": those below it)
_KEPT_FROM = r"(?:kept|keeping|keeps|stopped|stopping|stops|prevented|preventing|prevents|held\s+[\w’'-]+\s+back)\b[^?]{0,40}?\b(?:from\s+)?(?:getting|achieving|reaching|being)?"
_BELOW = re.compile(r"\b(below|short\s+of|less\s+than|lower\s+than|worse\s+than|under|" + _NOT + "|" + _KEPT_FROM + r")\s+" + _JUDGED, re.I)
_OTHER_THAN = re.compile(r"\b(other\s+than|anything\s+but)\s+" + _JUDGED, re.I)
_ABOVE = re.compile(r"\b(above|better\s+than|higher\s+than|more\s+than)\s+" + _JUDGED, re.I)


def short_of_stated(question: str, values: set[str]) -> list[str] | None:
    """The grades of ``values`` below the one the statement before the question names, when the
    question asks for those short of it ("…came out as good overall in 2014 - was any part of the
    service rated lower than that?", "…rated good overall, but which area fell short?"), or above
    it when it asks for those that did better ("…inadequate overall. Did any area do better than
    that?"); else None."""
    ask = final_ask(question)
    if ask == question or any(_mentions(ask, v, "judgement") for v in values):
        return None
    side = "below" if _SHORT_OF_IT.search(ask) else "above" if _ABOVE_IT.search(ask) else None
    stated = [v for v in values if _mentions(question, v, "judgement")]
    return graded_against(f"{side} {stated[0]}", values) if side and len(stated) == 1 else None


def graded_against(question: str, values: set[str]) -> list[str] | None:
    """The grades of ``values`` a question asks for by one it compares them with: "below good"
    (those under it), "better than requires improvement" (those over it); None when it compares
    none ("rated good": that grade itself is asked)."""
    from .judgements import grade_score

    for value in sorted({v for v in values if v}, key=len, reverse=True):
        score = grade_score(value)
        if score is None:
            continue
        for named in re.finditer(r"\b" + re.escape(value) + r"\b", question, re.I):
            before = question[: named.start()]
            if _OTHER_THAN.search(before):  # "ever rated anything other than good": every other grade
                return sorted((v for v in values if grade_score(v) not in (None, score)), key=lambda v: (-(grade_score(v) or 0), v))
            below = _BELOW.search(before)
            if below:
                under = sorted((v for v in values if (grade_score(v) or score) < score), key=lambda v: (-(grade_score(v) or 0), v))
                if under or not re.fullmatch(_NOT, below.group(1), re.I):
                    return under
                # "which area was not inadequate?" of a report judged nothing lower: the others, above it
                return sorted((v for v in values if (grade_score(v) or 0) > score), key=lambda v: (-(grade_score(v) or 0), v))
            if _ABOVE.search(before):
                return sorted((v for v in values if (grade_score(v) or 0) > score), key=lambda v: (-(grade_score(v) or 0), v))
    return None


_OVERALL = re.compile(r"\boverall\b", re.I)
# an ask of which area had a grade, "which judgement" too (AREAS_ASKED takes "judgements" only in the
# plural, as "the judgement" alone names none): "which judgement came out inadequate, and how was…?"
_WHICH_AREA = re.compile(r"\b(?:which|what)\s+(?:judge?ments?|areas?|parts?)\b", re.I)


def _row(p: StoredPassage, kind: str) -> str:
    if kind == "judgement":
        who = p.authority or p.title
        return f"{who}, {display_date(p.date)}: {p.fields.get('judgement', '')} — {p.fields.get('grade', '')}"
    ref = p.fields.get("ref", "")
    action = p.fields.get("action", p.text.splitlines()[0] if p.text else "")
    return f"Action {ref}: {action} — {p.fields.get('rag', '')}"


def _describe(kind, wanted, areas, authorities, span: YearSpan) -> str:
    parts = []
    if wanted:
        parts.append(" or ".join(f"“{v}”" for v in wanted))
    if areas:
        parts.append("for " + " or ".join(a.replace("_", " ") for a in sorted(areas)))
    if authorities:
        parts.append("in " + " or ".join(authorities))
    if span.since is not None and span.before is not None:
        parts.append(f"from {span.since} to {span.before - 1}")
    elif span.since is not None:
        parts.append(f"since {span.since}")
    elif span.before is not None:
        parts.append(f"before {span.before}")
    if span.exact:
        parts.append("in " + " or ".join(map(str, sorted(span.exact))))
    return " ".join(parts) or f"the question (all {kind} records)"


# a judgement said in words, in the present ("Children's services in Telford and Wrekin are
# outstanding.", "The quality of practice for care leavers is inadequate."), not a past one ("when
# the service was judged good"): "is", "are", "remain" before a grade on Ofsted's scale
_SAID_BEFORE = r"\b(?:is|are|remains?|now)\s+(?:now\s+|still\s+)?"


def _said_grade(grade: str) -> re.Pattern | None:
    """How a report says ``grade`` of something in a sentence: any grade on Ofsted's scale
    (index/ofsted.py's GRADES, "requires improvement" also "require improvement"), None for
    one off it ("not judged")."""
    from index.ofsted import GRADES, normalise_grade

    grade = normalise_grade(grade)
    if dict(GRADES).get(grade) is None:
        return None
    # a grade that opens with a verb (its "-s" agrees with what it is said of) needs no "is" or
    # "are" before it: "Children's services in Leicestershire require improvement"
    verb = grade.split()[0].endswith("s")
    words = r"\s+".join(re.escape(w[:-1]) + "s?" if w.endswith("s") else re.escape(w) for w in grade.split())
    return re.compile(rf"(?:{_SAID_BEFORE})?\b{words}\b" if verb else rf"{_SAID_BEFORE}{words}\b", re.I)


def verdict_sentence(row: StoredPassage, passages: list[StoredPassage]) -> tuple[StoredPassage, str] | None:
    """The sentence in which a report states a judgement row's grade in words, and its passage:
    the first in the report that says it of the row's area in the area's own words (index/ofsted.py's
    judgement areas: "care leavers"), or, for overall effectiveness, of the council's services by
    name and of no one area; None when no sentence does."""
    from index.ofsted import area_key, area_keys, area_label, normalise_grade

    from .extractive import BEFORE_NOUN
    from .lexical import tokens

    said = _said_grade(row.fields.get("grade", ""))
    if said is None:
        return None
    area = row.fields.get("area", "")
    overall = area == "overall_effectiveness"
    wanted = {"servic"} | set(tokens(row.authority or "")) if overall else set(tokens(area_label(area)))
    literal = normalise_grade(row.fields["grade"]).split()[-1]  # the grade's last word: a quick test before the pattern
    for passage in passages:
        if passage.doc_id != row.doc_id or passage.kind != "paragraph" or literal not in passage.text.lower():
            continue
        for start, end in split_sentences(passage.text):
            sentence = passage.text[start:end].strip()
            # said as a judgement ("are good", "are good, and"), not of a thing ("is good practice")
            found = next((m for m in said.finditer(sentence) if not BEFORE_NOUN.match(sentence, m.end())), None)
            if found is None:
                continue
            # said of the area: its words stand just before the grade ("…care leavers is inadequate"),
            # not elsewhere ("…are outstanding, demonstrating the progress that leaders have made");
            # of services or practice ("Services for care leavers are good", "The quality of practice
            # for care leavers is inadequate"), not of one part of them ("The financial support
            # available to care leavers is good"); the council's as a whole not
            # of one area ("Services for care leavers are inadequate" is no overall verdict)
            before = " ".join(sentence[: found.start()].split()[-15:])
            subject = set(tokens(before))
            # (unless it says so: "The overall effectiveness of services for looked after children
            # … is adequate" is the verdict of an inspection of those services alone)
            one_area = overall and area_key(before) in area_keys() and not set(tokens(area_label(area))) <= subject
            if wanted <= subject and subject & {"servic", "experienc", "practice"} and not one_area:
                return passage, sentence
    return None
