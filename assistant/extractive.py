"""The embedded default answerer: no LLM. It picks the sentences of the retrieved passages that
answer the question and composes them, verbatim, with [n] citations: a factoid question leads
with the sentence that answers it; a broad one gets its findings grouped by source, Ofsted's
letters first, dated."""

from __future__ import annotations

import functools
import itertools
import math
import os
import re
from dataclasses import dataclass, replace

from index.sentences import is_prose, passage_sentences  # noqa: F401 (is_prose re-exported)
from index.store import StoredPassage
from index.text import MONTHS, display_date, is_field, normalise, split_sentences
from index.tokens import known_word
from index.types import KIND_LABELS, OFSTED_KINDS

from . import cover, finding_order, polarity, sides
from .lexical import tokens
from .query import ROLE_WORD as _ROLE_WORD
from .query import WHO_CHAIRS, YEAR, Query, final_ask, known_places, people_of_a_kind_asked, person_asked, role_asked, role_said_before, without_condition, without_setting_before, year_pairs, year_span
from .records import LOOKED_AFTER  # "looked after" is "in care"
from .types import Citation, Hit

# the order a broad answer gives its sources in: Ofsted's own reports and letters (by date) first
KIND_ORDER = {**{kind: 0 for kind in OFSTED_KINDS}, "improvement_plan": 1, "press_release": 2, "news_article": 3, "other": 4}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
# (or a time counted back from the report's: "started 18 months ago")
_HAS_DATE = re.compile(rf"\b{_MONTH}\b|\b(19|20)\d\d\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b(?:\d+|[a-z]+)\s+(?:years?|months?|weeks?)\s+ago\b")
# "When do/does …" (something that habitually happens) may ask when in a life, not a date: an age answers it too
_WHEN_HABITUALLY = re.compile(r"^\s*(?:and\s+)?when\s+(do|does|is|are)\b(?!\s+(?:the|its|their)\s+next\b)", re.I)
# when something is done as a rule: at an age, or at a point of the child's journey ("at the time of adoption")
_AGE = re.compile(
    r"\b\d{1,2}(st|nd|rd|th)\s+birthday\b|\bage(d)?\s+(of\s+)?\d{1,2}\b|\b\d{1,2}[- ]years?[- ]old\b|\bturn(s|ing)?\s+\d{1,2}\b"
    r"|\b(?:at|from|by|before|after|until)\s+the\s+(?:time|point|start|end|beginning)\s+of\b"
    # ... or early or late in it ("the planning starts early", "starts too late and is only completed in time for the final hearing")
    r"|\b(?:starts?|begins?|started|began|happens?|takes?\s+place|completed|done)\s+(?:too\s+|very\s+|much\s+|sufficiently\s+)?(?:early|late|promptly)\b|\bin\s+(?:good\s+)?time\s+for\b",
    re.I,
)
# a number as written in words ("Nineteen per cent", "four in five")
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|a\s+hundred)"
)
# (a quarter as a share, "a quarter of", "three quarters", not a year's: "in the last quarter")
_HAS_NUMBER = re.compile(rf"\d|\b({_NUMBER_WORD}|hundred|thousand|half|double|twice|dozen)\b|\b(?:a|one|two|three)\s+quarters?\b|\bquarters?\s+of\b(?!\s+(?:the\s+|a\s+)?(?:year|(?:19|20)\d\d))", re.I)
# Dates and years are not the figure a "how many" question asks for.
_DATE_SPAN = re.compile(rf"\b(\d{{1,2}}(st|nd|rd|th)?\s*(and|to|-|–)\s*)?\d{{1,2}}(st|nd|rd|th)?\s+{_MONTH}(\s+(19|20)\d\d)?\b|\b{_MONTH}\s+(19|20)\d\d\b|\b(19|20)\d\d\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|\b\d+\.\d+\b(?!\s?(?:%|per\s?cent))")  # (not "14.1%": a share)
# (a share, "what percentage of the workforce…", is often said of "it" (see shared_words): not this test)
# (what is counted ends before a verb on it: "how many care leavers attended those sessions")
_COUNTED = re.compile(r"\b(?:how many|average|number\s+of)\s+((?:the|their|its|[\w’'-]+['’]s)\s+)?((?:[\w’'-]+\s+){0,3}?[\w’'-]+?)(?=\s+(?:were|was|are|is|did|do|does|had|have|has|can|could|will|would|in|on|at|for|of|per|from|with|live|lived|living)\b|\s+[a-z]+ed\s+(?:the|those|these|their|its|a|an|by|to|with|in|on|at|for|from|about|after|into|over|through)\b|[?,]|$)", re.I)
_CARDINAL = re.compile(rf"\d[\d,]*|{_NUMBER_WORD}|hundred|thousand|dozens?|hundreds|thousands", re.I)
_FIGURE = re.compile(_CARDINAL.pattern + r"|\d[\d,.]*%?|[£$€]\d[\d,.]*\w*|half|quarter|third|most|majority|double|twice|treble|triple", re.I)
# a change in a count, or a multiple of it, said of what is counted through "the number of"
_THE_NUMBER_OF = re.compile(r"\b(?:(?:increase|reduction|rise|fall|drop|decrease|growth|change)s?\s+in\s+)?the\s+numbers?\s+of\b", re.I)
# a rate by its form: a figure per so many ("51 per 10,000 children", "5.2 per thousand")
_PER_BASE = re.compile(r"\b\d[\d,.]*\s+per\s+(?:\d[\d,]*|hundred|thousand|million)\b", re.I)
# "What was the average caseload?" asks a value: "most social workers" gives none
_VALUE = re.compile(_CARDINAL.pattern + r"|\d[\d,.]*|[£$€]\d[\d,.]*\w*", re.I)  # (not a share: "30% of the team's caseload")
_ASKS_AVERAGE = re.compile(r"\b(average|mean|median|typical)\b", re.I)
_YEARS_OLD = r"\b\d{1,2}(\s*-?\s*(and|or|to|–)\s*\d{1,2})?[\s-]*years?[\s-]*old"  # "16- and 17-year-old", "15 year old"
_AGED = re.compile(
    r"\b(aged?|age\s+of|reach(es|ed|ing)?|turn(s|ed|ing)?|approach(es|ed|ing)?)\s+(the\s+age\s+of\s+)?(between\s+)?\d{1,2}(\s*(and|or|to|-|–)\s*\d{1,2})?\b"  # "approaching 18": an age
    # "children under 16 are living…", "those over 18.": an age, where no noun follows to be counted
    r"|\b(under|over|below|above)\s+(the\s+age\s+of\s+)?\d{1,2}(?!\d)(?=\s+(are|were|is|was|who|in|and|living|live|lived|years?)\b|\s*[,.;:)]|\s*$)"
    # "16- and 17-year-old children", "15 year olds"
    rf"|{_YEARS_OLD}s?\b",
    re.I,
)  # an age, not a count
COUNT_NEAR = 6  # words at most between a figure and the thing it counts


_FRACTION = re.compile(rf"\b(half|third|thirds|quarter|quarters|fifth|fifths|majority|minority|(\d+|{_NUMBER_WORD})\s+(in|out\s+of)\s+(\d+|{_NUMBER_WORD}))\b", re.I)
# a ratio ("four in five of them", "one in every three children"): a share, no count ("12 out of 15" counts 12)
_RATIO = re.compile(rf"\b(\d+|{_NUMBER_WORD})\s+in\s+(every\s+)?(\d+|{_NUMBER_WORD})\b", re.I)
_SHARE_OF = re.compile(r"(?:\b(?:percentage|proportion|share|per\s*cent)|%)\s+of\s+(.*)", re.I)


def shared_words(question: str) -> set[str]:
    """The keywords of what a "what percentage of…" question takes a share of, and of what the
    share is ("of social workers were agency staff"), without places and setting; none otherwise."""
    found = _SHARE_OF.search(question)
    if not found:
        return set()
    return _asked_about(found.group(1))


_RATE_OF = re.compile(r"\b(?!(?:what|the|its|their|a|an|high|low|higher|lower|current|average)\b)([a-z][\w-]+)\s+rates?\b|\brates?\s+of\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.I)


@functools.lru_cache(maxsize=256)  # asked of every candidate sentence
def rate_words(question: str) -> frozenset[str]:
    """The keywords of what a question asks the rate of ("the vacancy rate", "the rate of re-referrals")."""
    found = _RATE_OF.search(question)
    return frozenset(_asked_about(found.group(1) or found.group(2))) if found else frozenset()


@functools.lru_cache(maxsize=256)  # asked of every candidate sentence
def shared_predicate(question: str) -> frozenset[str]:
    """The keywords of what a "what percentage of…" question says of those it takes a share of
    ("of social workers were agency staff": agency, staff); none when it says nothing of them."""
    found = _SHARE_OF.search(question)
    if not found:
        return frozenset()
    parts = re.split(r"\b(?:are|were|is|was|have|has|had|get|got|live|lived|living)\b", found.group(1), maxsplit=1, flags=re.I)
    if len(parts) < 2:
        return frozenset()
    # (a setting's word said of them is what is asked: "were not being visited as often as…")
    said = _asked_about(parts[1]) | {w for w in tokens(parts[1]) if w in _SAID_OF_THEM}
    return frozenset(said)


@functools.lru_cache(maxsize=256)  # asked of every candidate sentence
def _reports_words(question: str) -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """For each everyday phrasing (the glossary's) or sector shorthand (the acronyms') the question
    uses, its words and the words of the reports' term for it ("kids": children; "NEET":
    education, employment, training)."""
    from . import acronyms, glossary

    known = acronyms.shorthand()
    pairs = [(form, term) for term, form in glossary.used(question)] + [(short, known[short][0]) for short in sorted(acronyms.used_forms(question)) if short in known]
    return tuple((frozenset(tokens(form)), frozenset(tokens(term))) for form, term in pairs)


def in_reports_words(words: set[str] | frozenset[str], question: str) -> set[str]:
    """``words`` (of the question) with the reports' words for those of them the question says in
    everyday words or shorthand: "how many kids…" counts children too."""
    out = set(words)
    for said, term in _reports_words(question):
        if said & words:
            out |= term
    return out


_SAID_OF_THEM = frozenset(tokens("visited"))  # a word of the setting, when said of those a share is of ("visited as often as…")
_YEAR_OLDS = re.compile(_YEARS_OLD + r"s\b|\b(?:under|over)[\s-]?\d{1,2}s\b", re.I)  # people of an age ("16- and 17-year-olds", "under-18s")


def _counted(question: str) -> re.Match | None:
    """What a "how many" question counts, its ages left out ("care leavers aged 18 to 20": care
    leavers; "homeless 16 and 17 year olds": homeless young people)."""
    return _COUNTED.search(_AGED.sub(" ", _YEAR_OLDS.sub("young people", question)))


@functools.lru_cache(maxsize=256)  # asked of every candidate sentence
def _given_figures(question: str) -> re.Pattern | None:
    """The small figures the question itself gives ("aged 18 to 20": 18, 20), as they stand alone
    in a sentence (not "180", "18%" or "20,000"); None when it gives none."""
    given = sorted(set(re.findall(r"(?<![\d,.])\d{1,3}(?![\d,.]?\d)", question)))
    return re.compile(rf"(?<![\w,.])(?:{'|'.join(given)})(?![\w%]|[,.]\d)") if given else None


# "how many of those taking part / attending / placed…": a share of people named before, who are
# said by what they do, not named again
_OF_THOSE_DOING = re.compile(r"of\s+(?:those|these|them)\s+(?:who|that|which|[a-z]+ing|[a-z]+ed)\b", re.I)


def counted_words(question: str) -> set[str]:
    """The keywords of what a "how many" question counts ("fostering households"), or none
    ("how many had it kept…" names nothing counted; "how many times" counts occasions)."""
    found = _counted(question)
    if not found or re.match(r"(had|have|has|were|was|are|is|did|do|does|can|could|will|would|times)\b", found.group(2), re.I):
        return set()
    if _OF_THOSE_DOING.match(found.group(2)):  # "how many of those taking part…": of people named before
        return set()
    words = _asked_about(found.group(2))
    return words | ({"average"} if words and found.group(0).split()[0].lower() == "average" else set())  # "at an average of 33"


# what a grade question asks the grade of: "What grade did Ofsted give Kent's secondary schools?",
# "What grade did Thurrock's virtual school get at the 2024 inspection?"
_GRADED = re.compile(
    r"\b(?:give|gave|given|award|awarded)\s+(?P<object>[^?]+?)(?=\s+(?:at|in|for|during|when|after|before|according)\b|[?,]|$)"
    r"|\b(?:grades?|ratings?|judgements?|judgments?)\s+did\s+(?P<subject>[^?]+?)\s+(?:get|receive|achieve|have|gain|obtain)\b"
    r"|\b(?:did|does|do|has|have)\s+(?:ofsted|(?:the\s+)?inspectors?)\s+(?:rate|grade|judge)d?\s+(?P<rated>[^?]+?)(?=\s+(?:at|in|for|during|when|after|before|according)\b|[?,]|$)",
    re.I,
)


_NOT_GRADED = frozenset(["ofsted"] + [m.lower() for m in MONTHS])  # who grades, and when


def graded_words(question: str) -> set[str]:
    """The keywords of what a grade question grades, without places, the setting and Ofsted."""
    found = _GRADED.search(question)
    if not found:
        return set()
    graded = found.group("object") or found.group("subject") or found.group("rated")
    # a named thing graded ("What grade did Ofsted give Cornerstone?"): its name, unless it is a place
    named = {t for w in re.findall(r"\b[A-Z][a-z][\w-]*\b(?!['’])", graded) if w.lower() not in _place_words() and w.lower() not in _NOT_GRADED for t in tokens(w)}
    return (_asked_about(graded) | named) - {"ofsted", "grade", "rate", "judgement"}


@functools.lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    return frozenset(w for place in known_places() for w in re.findall(r"[a-z]+", place.lower()))


@functools.lru_cache(maxsize=256)  # asked of every candidate sentence
def counted_head(question: str) -> str | None:
    """The last keyword of what a "how many" question counts ("new children's homes": home)."""
    found = _counted(question)
    if not found or not counted_words(question):
        return None
    kept = [t for t in tokens(found.group(2)) if t not in SETTING_TOKENS]
    return kept[-1] if kept else None


def counted_initials(question: str) -> set[str]:
    """What a "how many" question counts, by its initials as reports abbreviate it ("directors of
    children's services": "five DCS post-holders"): of its next three and four words."""
    found = _counted(question)
    if not found or not counted_words(question):
        return set()
    following = [w for w in re.findall(r"[a-z]+(?:['’]s)?", found.string[found.start(2):].lower()) if w not in ("of", "and", "the", "for")]
    return {t for n in (3, 4) if len(following) >= n for t in tokens("".join(w[0] for w in following[:n]))}


def _asked_about(phrase: str) -> set[str]:
    """The keywords of ``phrase`` without a place's name ("Central Bedfordshire's schools": where,
    not what is asked about) and the question's setting."""
    phrase = re.sub(r"\bat\s+the\s+(?:time|point)\s+of\b", " ", phrase, flags=re.I)  # "at the time of the inspection": when
    kept = [w for w in phrase.split() if not re.fullmatch(r"[A-Z][a-z’'-]+(['’]s)?[?,.]?", w)]
    return set(tokens(" ".join(kept))) - SETTING_TOKENS


_NONE_OF = re.compile(r"\b(?:no|none\s+of\s+the)\s+((?:(?!(?:that|which|who|of|evidence)\b)[\w’'-]+\s+){0,3}?[\w’'-]+)\s+(?:(?:who|that)\s+)?(?:were|was|are|is|had|have|has|lived|live|living)\b", re.I)
# "there have not been any permanent exclusions of children in care": none of what is counted, or of what is done to them
_NOT_ANY = re.compile(r"\bnot\s+(?:been\s+|had\s+|seen\s+)?any\s+((?:(?!of\b)[\w’'-]+\s+){0,2}(?!of\b)[\w’'-]+)(?:\s+of\s+([\w’'-]+))?", re.I)
_WHEN_WORDS = frozenset({"year", "month", "week", "day", "inspection", "before", "after", "last", "previous"})  # when, not what is counted
_PEOPLE = frozenset(tokens("children child young people families"))
# plurals the stemmer does not bring to their singular
_IRREGULAR = {"children": "child", "people": "person", "women": "woman", "men": "man"}


# a share said of what follows it ("a fifth of current care leavers", "21% of children in care")
_SHARE_SAID_OF = re.compile(
    # (what it is of, in up to six words: "85% of all primary and secondary schools")
    rf"(?:\d[\d.]*\s?(?:%|per\s?cent\b|percent\b)|\b(?:half|(?:a|one|two|three)\s+(?:third|quarter|fifth)s?|majority|minority)\b)\s+of\s+((?:[\w’'-]+\s+){{0,5}}[\w’'-]+)",
    re.I,
)


def _shares_of_others(text: str, asked: set[str]) -> bool:
    """Is every share ``text`` says of something said of another thing than ``asked`` ("a fifth
    of current care leavers" for a share of social workers)? A share said of nothing named ("at
    35%"), or of people unnamed ("50% of young people aged 19 to 21"), may be of what is asked."""
    said = [set(tokens(m.group(1))) for m in _SHARE_SAID_OF.finditer(text)]
    shares = len(_HAS_PERCENT.findall(text)) + len(_FRACTION.findall(text))
    return bool(said) and len(said) >= shares and all(not words & (asked | _PEOPLE) for words in said)


def _says_all(text: str, words: set[str]) -> bool:
    """Does ``text`` hold each of ``words``, or a form of it ("living", "lives": all but the shorter's
    last letter in common, and at least three)?"""
    held = tokens(text)

    def alike(a: str, b: str) -> bool:
        common = len(os.path.commonprefix([a, b]))
        return common >= max(3, min(len(a), len(b)) - 1)

    return all(any(alike(w, t) for t in held) for w in words)


# a plural noun's ending ("services", "attendees"), not an adjective's ("serious", "various"), a
# possessive's ("children's centres": the centres), nor a fraction's ("two thirds", "three
# quarters": a share of what is counted, not another thing)
_FRACTIONS = frozenset("halves thirds quarters fifths sixths sevenths eighths ninths tenths".split())


_LINKS = frozenset(("of", "and", "or", "for", "to", "in", "with", "from"))  # words that join what a figure counts to another thing


def _plural(word: str) -> bool:
    word = word.lower()
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s")) and word not in _FRACTIONS


def _counts(text: str, counted: set[str], figure: re.Pattern | None = None) -> bool:
    """Does a figure in ``text`` (dates already blanked) stand near a word of what is counted?"""
    figure = figure or _CARDINAL
    words = _AGED.sub(" ", text).split()
    at = [i for i, w in enumerate(words) if figure.fullmatch(w.strip(".,;:()"))]
    near = [i for i, w in enumerate(words) if set(tokens(w)) & counted]

    def other_things(word: str) -> bool:  # a plural noun of something not counted
        word = word.strip(".,;:()")
        return _plural(word) and len(word) > 3 and not set(tokens(word)) & counted

    def counts_its_own(i: int) -> bool:  # "only six regular attendees": a count of attendees, not of what came before
        return any(other_things(w) for w in words[i + 1:i + 3])

    def counts_other(i: int) -> bool:  # "five children's homes": a count of the homes, not of the children asked about
        # (past a word that only describes them: "three new children's homes")
        after = [w.strip(".,;:()") for w in words[i + 1:i + 4]]
        for k in range(min(2, len(after) - 1)):
            if re.search(r"['’]s$", after[k]):
                return other_things(after[k + 1])
            if not after[k].islower() or _plural(after[k]) or after[k] in _LINKS:
                return False
        return False

    def counts_before(i: int, j: int) -> bool:  # "the two services to minimise disruption to children": a count of services
        # (not "485 members of staff": a count of staff, the counted word after "of")
        return any(other_things(w) and not (k + 2 == j and words[k + 1] == "of") for k, w in enumerate(words[i + 1:min(i + 3, j)], i + 1))

    return any(
        abs(i - j) <= COUNT_NEAR and (not counts_before(i, j) if j > i else not counts_its_own(i)) and not counts_other(i)
        for i in at for j in near
    )


# a figure that counts something ("27 young people"), not an age or a time ("at 18", "by 2025")
_COUNT_OF = re.compile(r"(?<!\bat )(?<!\bage )(?<!\baged )(?<!\bby )(?<!\bin )\b\d[\d,]*\s+(?!(?:years?|months?|weeks?|days?|hours?)\b)([a-z][\w’'-]*)")
# what a figure may count, without naming it, of what the sentence before named ("27 young people were…", "12 of them")
_ANY_COUNTED = frozenset("young people children child families of were was are had have".split())
_PEOPLE_COUNTED = frozenset("young children child families people".split())  # "26 young people", "12 children"
# the grown-ups a question may count (as ``counted_words`` stems them), whom children never are
_GROWN_UPS = frozenset(tokens("carer worker staff manager practitioner officer adviser advisor parent adopter inspector leader director mentor volunteer"))
# a grade word before a noun ("good practice", "outstanding support"), not a judgement said ("are good, and")
BEFORE_NOUN = re.compile(r"\s+(?!(?:to|and|or|in|for|at|overall|with|by|because|but|since|when|as|from|on|of|across|than|the|a|an|this|that|which|who|while|although|so|then|too|again|now|until)\b)[a-z][a-z-]+")
HAS_GRADE = re.compile(r"\b(outstanding|good|requires? improvement|inadequate|adequate|satisfactory|grade \d)\b", re.I)


def states_grade(text: str) -> bool:
    """Does ``text`` give a grade as a judgement ("judged good", "remains good, and", "good or outstanding
    schools"), not only as a word before a noun ("receive good support", "outstanding practice")?"""
    return any(not BEFORE_NOUN.match(text, m.end()) for m in HAS_GRADE.finditer(text))


# "after how many months…": a length of time is the figure counted (not "how many carers… in the year before")
_ASKS_TIME = re.compile(r"\b(how\s+many|number\s+of|average)\s+([\w-]+\s+)?(hours?|days?|weeks?|months?|years?|fortnights?)\b", re.I)
_NOT_A_COUNT = re.compile(
    _DATE_SPAN.pattern + r"|\b(one (of|another)|no one|someone|anyone|everyone|first one)\b"
    # a number that names, not counts: "section 20", "s.47", "regulation 44", "key stage 4", "Year 11"
    r"|\b(section|article|regulation|schedule|paragraph|part|chapter|clause|level|tier|stage|phase|outcome)\s+(?:\d{1,3}[a-z]?|" + _NUMBER_WORD + r")\b"
    r"|(?<!\w\s)(?-i:\bYear)\s+(?:[1-9]|1[0-3])\b|\bs\.\s?\d{1,3}\b|\bs\d{1,3}\b"
    # a range of ages that names a service ("the 0 to 25 service", "a 16-25 team"): before one thing, not things counted
    r"|(?:(?<=\bthe )|(?<=\ba )|(?<=\bits )|(?<=\btheir )|(?<=\bour ))\d{1,2}\s*(?:to|-|–)\s*\d{1,2}\s+(?=[a-z]+\b)(?![a-z]*s\b|(?:children|people|women|men|staff)\b)",
    re.I,
)
# "How many social workers…?" asks a count: a percentage or a sum of money doesn't answer it
_ASKS_COUNT = re.compile(r"\b(how many|number of)\b", re.I)
_SAYS_HOW_MANY = re.compile(r"\bhow\s+many\b", re.I)
_MULTIPLE = re.compile(r"double[sd]?|doubling|twice|treble[sd]?|triple[sd]?|halve[sd]?|halving", re.I)  # a multiple of a number ("double the number of")
_BY_HOW_MUCH = re.compile(r"\bby\s+how\s+much\b", re.I)  # "by how much had the number of … fallen": a change, not a count
# (or a part of a whole named before: "how many of those meetings did they attend?" is answered by "100% of them")
_ASKS_SHARE = re.compile(r"\b(percent|percentage|per cent|proportion|share|rate|ratio|fraction)\b|\bhow\s+many\s+of\s+(?:those|these|them)\b", re.I)
_ASKS_PERCENT = re.compile(r"\b(percentage|per cent|percent)\b|%", re.I)
_HAS_PERCENT = re.compile(rf"\d\s?(%|per\s?cent\b|percent\b)|\b{_NUMBER_WORD}\s+(per\s?cent|percent)\b", re.I)
# a rate by a share said after the word "rate" in the same clause ("the retention rate for … is 93%")
_RATE_IS_SHARE = re.compile(rf"\brates?\b[^.;]*?(?:{_HAS_PERCENT.pattern})", re.I)
EXACT_RATIO = 0.6  # a figure in the unit asked for leads if it scores this share of the best figure
# (nor does a number that only measures something else: "a nine-day fortnight", "a two-year plan")
_SHARE_OR_MONEY = re.compile(
    r"\d[\d,.]*\s?(%|per\s?cent\b)|[£$€]\s?\d[\d,.]*\s?(m|k|bn|million|billion)?\b"
    r"|\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)-(?!(?:one|two|three|four|five|six|seven|eight|nine)\b)\w+"  # ("five-year"; not "twenty-four")
    r"|\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty)\s+(hours?|days?|weeks?|months?|years?)\b",  # "in the last 12 months"
    re.I,
)
# "for 18 months", "three years"; or how long since ("in the role since 2005")
_HAS_DURATION = re.compile(
    rf"\b(\d+|a|an|{_NUMBER_WORD}|several|few)[\s-]+(\w+\s+)?(hours?|days?|weeks?|months?|years?|fortnights?)\b(?![\s-]*olds?\b)"  # not an age ("17-year-olds")
    rf"|\bsince\s+((early|late|mid)[- ])?({_MONTH}\s+)?(19|20)\d\d\b"
    r"|\buntil\s+(?:the\s+)?(?:child|children|they|young\s+people|the\s+young\s+person)\s+(?:become|becomes|turn|turns|reach|reaches|are|is)\s+(?:an\s+)?(?:adults?|adulthood|\d{2})\b"  # "until children become adults", "until they are 25"
    rf"|\b\d{{1,2}}(\s+{_MONTH})?\s*(to|-|–)\s*\d{{1,2}}\s+{_MONTH}\b",  # from one day to another ("2 to 6 December 2024")
    re.I,
)
# ... or up to or past an age ("until the age of 25", "up to age 21", "far beyond the age of 25"): read
# before ages are blanked (see satisfies), as it is how long, not how old
_TO_AN_AGE = re.compile(r"\b(?:until|beyond|past)\s+(?:the\s+)?age\s+(?:of\s+)?\d{2}\b|\b(?:up\s+)?to\s+(?:the\s+)?age\s+(?:of\s+)?\d{2}\b", re.I)
_HAS_MONEY = re.compile(r"[£$€]\s?\d|\b\d[\d,.]*\s?(m|k|bn|million|billion|thousand)?\s?(pounds|euros|dollars)\b|\b\d[\d,.]*\s?(million|billion)\b", re.I)
_MONEY_WORDS = frozenset(tokens("how much money cash cost costs spend spent budget funding fund pounds figure total amount need exactly"))


@functools.lru_cache(maxsize=256)  # asked of every candidate sentence
def _spent_on(question: str) -> frozenset[str]:
    """The keywords of what a money question asks the sum of, without its words for money."""
    return frozenset(_asked_about(question) - _MONEY_WORDS)
# A sentence that leans on the one before it ("This has brought…", "It now stands at 8%").
ANAPHOR = re.compile(
    r"^[“\"‘']?((but|and|yet|so|still)\s+)?(this|these|that|those|it|its|they|their|such|he|she|both|here)\b(?!\s+(letter|report|visit|plan|article)\b)"
    # a consequence of the sentence before ("As a result, there are missed opportunities…")
    r"|^(as a result|as a consequence|consequently|therefore|because of this|in turn)\b"
    # a turn against the sentence before ("However, the quality of plans is variable.")
    r"|^(however|nevertheless|nonetheless|even so|despite this|in contrast|conversely)\b"
    # a part of what the sentence before spoke of ("While some are well focused…, the majority are not")
    r"|^((while|although|whilst|but)\s+)?(some|most|many|others|the majority|the rest|a few|few|none|all|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,4})(\s+of\s+(them|these|those))?\s+(are|were|is|was|have|has|had|can|could|do|did|will|would|may|also|still|lack|show|"
    # (or with a verb of what happens to them: "Many experience an early change of placement")
    r"experience[ds]?|receive[ds]?|benefit(?:ed)?|live[ds]?|remain(?:ed)?|continue[ds]?|feel|felt|report(?:ed)?|told|said|say|need(?:ed)?|wait(?:ed)?|move[ds]?|return(?:ed)?|stay(?:ed)?|go|went|attend(?:ed)?)\b",
    re.I,
)
# ... or refers back to it further in ("There are early indicators that this is improving…",
# "The conclusion of this successful partnership was…"); "this visit", "this year" do not.
_REFERS_BACK = re.compile(
    r"\b(this|these)\b(?!\s+(letter|report|visit|focused|plan|improvement|article|inspection|year|month|week|summer|autumn|spring|winter|morning|time|date)\b)"
    r"|\bsuch\s+(?!as\b)\w+",  # "27 young people were living in such arrangements"; not "such as"
    re.I,
)
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?(?:\s+(?:[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?|of|and|for)){1,3}")
ROW_FIELDS = ("owner", "commencing", "due", "rag")
SOURCE_BONUS = 0.1
# A sentence the library's documents share but for names, dates and figures ("Inspection dates: …")
# loses this times the share of documents that hold it (templates.py): it tells what every report
# tells. Chosen on library dev: 0.2, 0.4 and 0.8 move no answer's correctness; 0.4 and 0.8 raise
# citation precision 78.8 -> 80.1% (broad answers no longer lead with the inspection dates).
BOILERPLATE = 0.4
# A question word's weight in coverage is its keyword idf, up to this (a word in one passage of
# ~400): past it, a word is as rare as can be. Without the cap a word the library holds a few times
# outweighs every other word of the question, so the same evidence scored lower on 400 reports
# than on five (an answer the seeds alone give fell under min_evidence). The five documents' idf never
# reaches it; on library dev 6 and 8 change no answer's correctness, 4 lowers citation precision.
RARITY_CAP = 6.0
_NAME_ASKED = re.compile(r"\bnames?\b", re.I)
_ASKS_OWNER = re.compile(r"\b(who|owner|owns|own|responsible|lead|leads|leading)\b", re.I)
# the calendar's names: when something happened, never what or who
CALENDAR_NAMES = frozenset(m.capitalize() for m in MONTHS) | {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Christmas", "Easter"}
# the country every report is set in, word by word (Ofsted inspects England's councils alone, in
# every year: "the England average", "national data for England", "the United Kingdom")
COUNTRY_NAMES = frozenset({"England", "English", "UK", "United", "Kingdom", "Great", "Britain", "British"})
# capitalised words that name no one: the calendar's and the country's, a sentence's first words, and
# the words every report's inspectors and councils are named with ("Her Majesty's Inspectors", "… Council")
_NOT_NAMES = CALENDAR_NAMES | COUNTRY_NAMES | {
    "The", "This", "These", "Those", "It", "In", "At", "On",
    "Her", "His", "Majesty", "Majesty's", "Inspectors", "Inspector", "Ofsted", "Council", "A", "An", "I", "COVID-19"}


@dataclass(eq=False)  # compared by identity: the same text may stand in two passages
class Sentence:
    hit: Hit
    text: str
    field: str | None = None  # for action rows: which column the sentence is from
    score: float = 0.0
    dense: float = 0.0
    asked_dense: float | None = None  # closeness to what is asked without its setting (place, year), when it has one
    coverage: float = 0.0
    literal: bool = False  # holds (with its context) a word of the question as asked, uncorrected
    before: str | None = None  # the passage's previous sentence (prose only)
    after: str | None = None  # the passage's next sentence (prose only)
    lead: bool = False  # a factoid answer's leading sentence
    setting: str = ""  # the previous paragraph, when this one leans on it ("…,” she says.")
    parts: tuple[int, ...] = ()  # which parts of a compound question it leads for
    shortfall: bool | None = None  # states a shortcoming, by the learned signal (see polarity.py), once read
    vector: object = None  # its embedding, for the learned signal to read when asked (see read_sides)

    @property
    def passage(self) -> StoredPassage:
        return self.hit.passage


def sentences_of(hit: Hit, setting: str = "") -> list[Sentence]:
    """The passage's quotable sentences; ``setting`` is the paragraph it leans on, if any."""
    p = hit.passage
    out = [Sentence(hit, text, field=column, setting=setting) for text, column in passage_sentences(p.text, p.kind, p.fields)]
    if p.kind != "action":
        for first, second in zip(out, out[1:]):
            first.after, second.before = second.text, first.text
    return out


def leans_back(s: Sentence) -> bool:
    """Does the sentence need the one before it to make sense ("This has brought…")?"""
    return s.before is not None and leans(s.text)


def refers_to(text: str, before: str) -> bool:
    """Does ``text`` speak of "the centre" or "the project" that ``before`` names ("…the
    Families Working Together Youth Homeless Project…", then "…referred to the project…")?"""
    return any(re.search(rf"\b{m.group(1)}\b", before, re.I) for m in _THE_UNIT.finditer(text))


def leans(text: str) -> bool:
    """Does ``text`` lean on what comes before it?"""
    return bool(ANAPHOR.match(text) or _REFERS_BACK.search(text))


def leans_on(text: str, before: str) -> bool:
    """Is ``text`` read with ``before``, the sentence before it: it leans on what comes before,
    or speaks of "the centre" that ``before`` names ("Staff at the centre…" after "…a
    charity-run care leavers’ centre, ‘Our Place’")?"""
    return leans(text) or refers_to(text, before)


# "…,” she says.": a quotation whose speaker is named only in an earlier paragraph.
_PRONOUN_SPEAKER = re.compile(r"\b(she|he)\s+(says|said|adds|added|explains|explained|recalls|recalled|continues|continued)\b|\b(says|said|adds|added)\s+(she|he)\b", re.I)
_NAMED_SPEAKER = re.compile(r"\b(says|said|adds|added|explains|explained|recalls|recalled)\s+(\w+\s+){0,3}[A-Z][a-z]+|\b[A-Z][a-z]+\s+(says|said|adds|added|explains|explained|recalls|recalled)\b")


def paragraph_leans_back(text: str) -> bool:
    """Does a paragraph need the one before it: it opens by referring back ("That process came in
    several parts."), or quotes a speaker named only before it ("…,” she says.")?"""
    spans = split_sentences(text)
    if not spans:
        return False
    first = text[spans[0][0] : spans[0][1]]
    if ANAPHOR.match(first.lstrip("“\"‘'")):
        return True
    pronoun = _PRONOUN_SPEAKER.search(text)
    named = _NAMED_SPEAKER.search(text)
    return bool(pronoun) and (named is None or pronoun.start() < named.start())


def with_neighbours(s: Sentence, forward: bool, next_too: bool = False) -> Sentence:
    """The sentence as a complete thought: joined to the sentence it leans on (and back along a
    chain of such), and (``forward``) to a next sentence that leans on it (``next_too``: to the
    next sentence, whatever it is). The result is still one verbatim span of the passage."""
    text = s.passage.text
    start = text.find(s.text)
    if start < 0:
        return s
    end = start + len(s.text)
    if s.before is not None and leans_on(s.text, s.before):
        before = text.rfind(s.before, 0, start)
        if before >= 0:
            start = _leaned_on(text, before)
    goes_on = s.after is not None and leans_on(s.after, s.text)
    # a list item is one thought: a sentence of an item of two goes on into the other ("The previous
    # inspection … was in October 2012." then "The local authority was judged to be inadequate.")
    goes_on = goes_on or (s.passage.kind == "item" and s.after is not None and len(split_sentences(text)) == 2)
    if forward and s.after and (next_too or goes_on):
        after = text.find(s.after, end)
        # the next sentence as written right after it (a sentence never quoted may stand between)
        if after >= 0 and (goes_on or not text[end:after].strip()):
            end = max(after + len(s.after), _goes_on_to(text, after))
    if text[start:end] == s.text:
        return s
    return replace(s, text=text[start:end], before=None, after=None)


def _leaned_on(text: str, start: int, further: int = 2) -> int:
    """Where the thought that the sentence at ``start`` of ``text`` leans on begins: back along
    sentences that each lean on the one before ("The centre works…" after "…a care leavers’
    centre, ‘Our Place’."), at most ``further`` more."""
    spans = split_sentences(text)
    i = next((k for k, (a, _) in enumerate(spans) if a == start), None)
    while i and further:
        here, before = text[slice(*spans[i])], text[slice(*spans[i - 1])]
        if not leans_on(here, before):
            break
        start, i, further = spans[i - 1][0], i - 1, further - 1
    return start


def _goes_on_to(text: str, start: int, further: int = 2) -> int:
    """Where the thought of the sentence at ``start`` of ``text`` ends: on along sentences that
    each lean on the one before ("As a result, they are in touch with 100% of care leavers."),
    at most ``further`` more."""
    spans = split_sentences(text)
    i = next((k for k, (a, _) in enumerate(spans) if a == start), None)
    if i is None:
        return start
    while further and i + 1 < len(spans):
        here, after = text[slice(*spans[i])], text[slice(*spans[i + 1])]
        if not leans_on(after, here):
            break
        i, further = i + 1, further - 1
    return spans[i][1]


def from_before(first: Sentence, s: Sentence) -> Sentence:
    """``s`` quoted from the sentence right before it, ``first``: one verbatim span of the passage
    that leans on what ``first`` leans on and goes on as ``s`` does (``s`` itself when ``first``
    is not written right before it)."""
    text = s.passage.text
    end = text.find(s.text)
    start = text.rfind(first.text, 0, end) if end >= 0 else -1
    if start < 0 or text[start + len(first.text) : end].strip():
        return s
    return replace(s, text=text[start : end + len(s.text)], before=first.before)


def _base(word: str) -> str:
    """A word without its possessive, lower case ("Wight’s" -> "wight")."""
    return re.sub(r"['’]s?$", "", normalise(word))


def satisfies(sentence: Sentence, wants: str | None, question: str, acronym: str | None = None, is_name=None) -> bool:
    """Does the sentence (with its action row's fields) hold the kind of fact the question wants?
    ``is_name`` says whether a capitalised word is a name (the library never writes it in lower
    case: "Maxwell", not "Service"); by default any capitalised word not in the question is."""
    if wants is None:
        return True
    whole, question = question, final_ask(question)  # "I'm new to the team. Who chaired…?": what is asked, not the scene
    extra = " ".join(sentence.passage.fields.get(f, "") for f in ROW_FIELDS) if sentence.passage.kind == "action" else ""
    text = f"{sentence.text} {extra}"
    if wants == "date":
        return bool(_HAS_DATE.search(text) or (_WHEN_HABITUALLY.search(without_setting_before(question)) and _AGE.search(text)))
    if wants == "number":
        text = _NOT_A_COUNT.sub(" ", sentence.text)  # a paragraph's own number ("21.A small…") is no sentence's (see split_sentences)
        if _ASKS_COUNT.search(question) and not _ASKS_SHARE.search(question) and not _ASKS_TIME.search(question) and not _BY_HOW_MUCH.search(question):  # "how many": a count, not "8%" or "£4,000"
            # (nor an age: "how many homeless 16 and 17 year olds…" is not answered by "homeless 16- and 17-year-old children")
            text = _RATIO.sub(" ", _SHARE_OR_MONEY.sub(" ", _AGED.sub(" ", _YEAR_OLDS.sub("young people", text))))
            given = _given_figures(question)  # nor a figure the question gives ("aged 18 to 20": "at 18")
            if given:
                text = given.sub(" ", text)
            counted = in_reports_words(counted_words(question), question)  # ("how many kids": children too)
            if counted:  # "How many fostering households…?": a figure said of them ("191 fostering households")
                # (children never count grown-ups: "27 young people were living in such arrangements" is
                # no count of foster carers, though the sentence before names them)
                grown = bool(counted & _GROWN_UPS) and not counted & _PEOPLE
                if leans_back(sentence) and set(tokens(sentence.before)) & counted and any(
                    set(tokens(m.group(1))) & counted or (m.group(1).lower() in _ANY_COUNTED and not (grown and m.group(1).lower() in _PEOPLE_COUNTED))
                    for m in _COUNT_OF.finditer(_AGED.sub(" ", text))
                ):
                    return True  # "27 young people were living in such arrangements": what is counted was named before (not "12 districts")
                if _counts(text, counted | counted_initials(question)):
                    return True
                if not _SAYS_HOW_MANY.search(question) and _counts(_THE_NUMBER_OF.sub(" ", text), counted, _MULTIPLE):
                    return True  # asked of "the number of" them, not how many: a multiple of it ("plans to double the number of fostering households")
                # "one child" counts children when it is said with all else the question asks of them
                # ("Only one child lives in an unregistered children's home"), not of some other few
                rest = {w for w in _asked_about(question) - counted - {"many", "number"} - _WHEN_WORDS if not YEAR.fullmatch(w)}
                # people counted without naming them ("26 young people were attending university"), in a
                # paragraph that named what is counted before ("care leavers"), with at least half else asked
                # of them (a question's verb may be said otherwise: "doing degrees", "taking degree courses")
                # (the paragraph read last: this test is made of many sentences that fail the others)
                if rest and any(m.group(1).lower() in _PEOPLE_COUNTED for m in _COUNT_OF.finditer(_AGED.sub(" ", text))) and 2 * sum(_says_all(text, {w}) for w in rest) >= len(rest):
                    earlier = sentence.passage.text[: max(0, sentence.passage.text.find(sentence.text))] + " " + " ".join(sentence.passage.heading)
                    if counted <= set(tokens(earlier)):
                        return True
                single = {_IRREGULAR[w] for w in counted if w in _IRREGULAR}
                if single and _counts(text, single) and _says_all(text, rest):
                    return True
                # none of them, said with all else asked of them ("no children were living in unregistered children's homes")
                if not _says_all(LOOKED_AFTER.sub(" in care ", text), rest):
                    return False
                heads = [m.group(1).split()[-1] for m in _NONE_OF.finditer(text)] + [m.group(2) or m.group(1).split()[-1] for m in _NOT_ANY.finditer(text)]
                head = counted_head(question)  # "no children were living…" is none of "new children's homes"
                # ("No children have been identified as young carers": none of them, said of people as what is counted)
                return any(set(tokens(h)) & ({head} if head else counted) or (set(tokens(h)) & _PEOPLE and counted <= set(tokens(text))) for h in heads)
        counted = in_reports_words(counted_words(question), question)
        if counted and not _ASKS_TIME.search(question):  # "the average caseload", "what percentage of schools": said of it
            # ("a two thirds reduction in the number of children", "double the number of fostering households": said of them)
            return _counts(_THE_NUMBER_OF.sub(" ", text), counted, _VALUE if _ASKS_AVERAGE.search(question) else _FIGURE)
        rated = rate_words(question)
        if rated:  # "the social worker vacancy rate": a figure said of vacancies, or a rate by its form
            # said in the sentence that names them ("the rate of children coming into care … rose from 29 per 10,000")
            # or a share said after the sentence's "rate" ("The retention rate for newly qualified social
            # workers (NQSWs) is 93%": the figure stands after all that the rate is of)
            return _counts(text, rated, _FIGURE) or bool((_PER_BASE.search(text) or _RATE_IS_SHARE.search(text)) and rated <= set(tokens(text)))
        shared = in_reports_words(shared_words(question), question)
        if shared:  # "what percentage of social workers were agency staff": a share ("8%", "half") said of them,
            fractions = [m.group(0).lower() for m in _FRACTION.finditer(text)]
            if _ASKS_PERCENT.search(question):  # "what percentage": a figure, not "the vast majority"
                fractions = [f for f in fractions if f not in ("majority", "minority")]
            if not (_HAS_PERCENT.search(text) or fractions):  # in this sentence or the one it leans on
                return False  # ("It now stands at N%": the share is said of what the sentence before names); "completed within 72 hours" is no share
            said = f"{sentence.before} {text}" if leans_back(sentence) else text
            held = set(tokens(said))
            said_of = in_reports_words(shared_predicate(question), question)  # what the share is of them: "agency staff", "rated good" ("NEET": not in education…)
            if _shares_of_others(text, shared | said_of):
                return False  # "a fifth of current care leavers" is no share of social workers
            return bool(held & said_of) if said_of else bool(held & shared)  # not "8% in primary schools" for "of schools rated good"
        if _ASKS_PERCENT.search(question):  # "By what percentage are bills reduced?": a percentage, not "over 21"
            return bool(_HAS_PERCENT.search(text))
        return bool(_HAS_NUMBER.search(text))
    if wants == "grade":  # a grade, said in the same sentence as all of what is graded ("secondary schools")
        # said as a judgement ("judged good", "Overall effectiveness Good", "remains good, and"), not
        # as a word before a noun ("receive good support", "outstanding practice")
        return states_grade(text) and graded_words(question) <= set(tokens(text))
    if wants == "duration":  # how long, not how old ("care leavers aged 18 years and over")
        return bool(_HAS_DURATION.search(_AGED.sub(" ", sentence.text)) or _TO_AN_AGE.search(sentence.text))
    if wants == "money":  # a sum said with some of what it is for ("the £2,000 grant" is no answer to "how much invest-to-save money")
        if not _HAS_MONEY.search(sentence.text):
            return False
        asked = _spent_on(question)  # (said here, or in the sentence before that sets what it is for: "…choosing to go to
        said = f"{sentence.before or ''} {sentence.text}"  # university. The local authority provides … £3,000 annually")
        return not asked or bool(asked & set(tokens(said)))
    if wants == "rag":
        return sentence.passage.kind == "action" and bool(sentence.passage.fields.get("rag"))
    if wants == "expansion":
        return bool(acronym and re.search(rf"\(\s*{re.escape(acronym)}\s*\)|\b{re.escape(acronym)}\s*\(", sentence.text))
    if wants == "role":
        return bool(_ROLE_WORD.search(sentence.text))
    if wants == "name":
        asked = {_base(w) for w in normalise(whole).split()}  # (a name the scene gives is no answer: "…appointed a DCS in Birmingham. Who is that?")

        def unasked(word: str) -> bool:
            return _base(word) not in asked and word not in _NOT_NAMES

        def named(word: str) -> bool:  # a capitalised word that names someone the question doesn't
            return unasked(word) and (is_name is None or is_name(word))

        role = role_asked(question) or role_said_before(whole)  # "Who was the lead inspector…?": a name said with that role, not any name
        if sentence.passage.kind == "action" and sentence.passage.fields.get("owner") and _ASKS_OWNER.search(question) and not role and not _NAME_ASKED.search(question):
            return True  # "who owns it": the owner column (a role) answers; "who is the Principal Social Worker" or "the name of the lead who owns it" it does not
        said = r"\b" + r"[\s-]+".join(map(re.escape, role.split())) + r"s?\b" if role else ""  # "lead inspector", "Lead\ninspector"
        if role and not re.search(said, text, re.I):
            return False
        if WHO_CHAIRS.match(question) and _CHAIRED_BY.search(text):
            return True  # "Who chairs the board?": "chaired by a Department for Education adviser" says who, by post
        if role or person_asked(question):  # a person: a full name ("Amanda Maxwell"), not "Adult Services"
            words = list(re.finditer(r"\b[A-Z][a-z’'-]+", text))
            # a full name: two capitalised words that are names here, or one that is no word of
            # the language at all beside a capitalised word (a surname that is also a common word;
            # not a department's name, whose first word a small library may never write in lower case)
            def full_name(a: str, b: str) -> bool:
                if not (unasked(a) and unasked(b)):
                    return False
                return (named(a) and named(b)) or any(named(w) and not known_word(w.lower().split("’")[0].split("'")[0]) for w in (a, b))

            names = [(a.start(), b.end()) for a, b in zip(words, words[1:]) if b.start() - a.end() == 1 and full_name(a.group(0), b.group(0))]
            if not role:
                return bool(names) or _names_their_kind(text, people_of_a_kind_asked(question), unasked)
            # the role said of that person ("Inspectors … were Amanda Maxwell"), not of someone else
            # earlier in the sentence ("Directors would come in…, recalls Simon Dear, now the service manager")
            roles = [m.span() for m in re.finditer(said, text, re.I)]
            return any(_words_between(text, n, r) <= ROLE_NEAR for n in names for r in roles)
        asking = without_condition(without_setting_before(question))  # ("If a 16-year-old has nowhere to live, who do they see?")
        if re.match(r"\s*(who|whom|whose)\b", asking, re.I):  # a who-question ("In Rutland, who…?"): a name written as a name, or a coined
            quoted = any(unasked(w) for q in _QUOTED_TERM.finditer(sentence.text) for w in q.group(1).split())  # term ("‘Resilience workers’")
            if quoted or any(named(m.group(0)) for m in _PROPER_WORD.finditer(sentence.text)):  # not a team's acronym
                return True
            # "Who helps care leavers find work?" asks who does something: a role doing it ("An
            # opportunities broker … is supporting…"), as the sentence's subject, answers it
            subject = _ROLE_SUBJECT.match(sentence.text) or _ROLE_SUBJECT.match(_OPENING_PHRASE.sub("", sentence.text))  # ("Since January 2018, a … worker has…")
            doer = subject or _ROLE_AGENT.search(sentence.text) or _ROLE_WHO.search(sentence.text)
            whose = re.match(r"\s*whose\s+((?:[\w’'-]+\s+){0,3}[\w’'-]+)", asking, re.I)
            if whose and _whose_said(whose.group(1).split(), sentence.text, unasked):
                return True  # "whose independent scrutiny officers…?": "the independent scrutiny officers from the … board"
            if _WHOM_MET.match(asking):
                return bool(subject and any(unasked(w) for w in subject.group(1).split())) or _names_a_thing(sentence.text, unasked, named, set(tokens(sentence.passage.title)))
            return bool(_WHO_DOES.match(asking) and doer and any(unasked(w) for w in doer.group(1).split()))
        if _names_a_thing(sentence.text, unasked, named, set(tokens(sentence.passage.title))):
            return True
        # "Which team works with families…?": a team the report names in lower case ("the resilience team")
        unit = _UNIT_ASKED.search(question)
        return bool(unit) and any(  # (or opening the sentence: "Local support teams offer…")
            any(unasked(w) for w in m.group(1).split()) for m in re.finditer(rf"(?:\b(?:[Tt]he|an?|its|their)\s+|^(?!(?:the|an?|its|their|this|that|these|those|each|every|all|our)\s))((?:[a-z][\w’'-]+\s+){{1,5}}){unit.group(1)}s?\b", sentence.text[:1].lower() + sentence.text[1:])
        )
    return True


# chaired by a post the report names ("chaired at a senior level by the Metropolitan Police Detective Chief Inspector")
# "chaired by a Department for Education adviser", "chaired by the leader of the council": who, by name or post
# ... or a post said to chair it ("with the chief executive chairing a quarterly performance meeting", "the director chairs the board")
_CHAIRED_BY = re.compile(
    r"\bchaired\b(?:\s+[\w’'-]+){0,6}?\s+by\s+(?:an?\s+|the\s+)?(?:[a-z][\w’'-]*\s+){0,3}?(?:[A-Z]|" + _ROLE_WORD.pattern + ")"
    r"|" + _ROLE_WORD.pattern + r"(?:\s+(?:of|for)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+)?\s+(?:chairs|chairing)\b"  # ("the director of children's social care chairs…")
)
_WHO_DOES = re.compile(
    # (a word saying how may come between: "who regularly gives…", "who was actually looking after…")
    # ("who carried out the inspection?" asks who led it; "who carried out pre-birth assessments?", who does them)
    r"\s*who\s+(?:[a-z]+ly\s+)?(?:(?!(?:is|was|are|were|has|had|led|leads|chairs|chaired|signed|wrote|inspected)\b"
    r"|carried\s+out\s+(?:(?:the|this|that|its|their|an?)\s+)?(?:[\w’'-]+\s+){0,3}?(?:inspections?|visits?|reviews?)\b)[a-z]+(?:s|ed)\b"
    r"|(?:gave|give|took|take|ran|run|made|make|kept|keep|brought|bring|taught|teach|sent|send|paid|pay|found|held|got|get|put|set|met"
    r"|sat|sit|spoke|speak|saw|see|sought|seek|dealt|deal|drew|draw)\b"  # (a verb's past that is no "-ed")
    r"|(?:is|was|are|were|has\s+been|had\s+been|have\s+been)\s+(?:[a-z]+ly\s+)?(?!(?:leading|chairing)\b)[a-z]+ing\b"  # "who had been carrying out…"
    r"|(?:did|does|do)\s+(?:the|a|an|its|their|all|most|much)\b)",  # "who did the first sift": "do" as the verb, not "who do they see"
    re.I,
)
# "who do they see?", "who do social workers put them in touch with?", "who does a homeless
# 16-year-old meet?": whom they go to, a role working with them as its sentence's subject ("A …
# practitioner works with children who…") or a body named ("the Red Cross"), not whoever does a
# task ("Initial screening is completed by experienced police officers")
_WHOM_MET = re.compile(
    # (not "who did its adoption work?", "who does the assessments for…?": "do" as the verb, see _WHO_DOES)
    r"\s*whom?\s+(?:do|does|did)\s+(?:(?!(?:the|a|an|its|their|all|most|much)\b)(?:they|he|she|we|you|(?:[a-z]+\s+){0,2}[a-z]+s)\s+[a-z]+"
    r"|(?:an?|the)\s+[\w -]{1,40}?\s+(?:see|meet|speak\s+to|talk\s+to|go\s+to|contact|call|get\s+help\s+from)\b)",
    re.I,
)
# who does something, by the role or the team doing it
_DOER = r"(?:" + _ROLE_WORD.pattern.removeprefix(r"\b(").removesuffix(r")s?\b") + r"|team|service|panel|broker|navigator|mentor|coach|champion|advocate)s?"
_OPENING_PHRASE = re.compile(r"^[^,]{1,40},\s+")  # a phrase before the sentence's subject
# (in the plural, without an article too: "Parent mentors also provide key support…")
_ROLE_SUBJECT = re.compile(r"(?:(?:an?|the)\s+)?((?:[\w’'-]+\s+){0,3}" + _DOER + r")\b", re.I)
# ... or as who it comes from ("return home interviews from a dedicated, stable team of workers")
_ROLE_AGENT = re.compile(r"\b(?:by|from)\s+(?:an?\s+|the\s+)?((?:[\w’'-]+,?\s+){0,3}" + _DOER + r")\b", re.I)
# ... or as the role a clause says does it ("linked with children’s rights officers, who help them to…")
_ROLE_WHO = re.compile(r"\b((?:[\w’'-]+\s+){0,3}" + _DOER + r"),?\s+who\s+(?!(?:is|are|was|were)\b)", re.I)
_UNIT_ASKED = re.compile(
    r"(?:(?:^|,)\s*(?:which|what)\s+(?:\w+\s+)?|\bname\s+of\s+(?:[\w’'-]+\s+){0,4}?)(team|service|project|scheme|programme|hub|unit|panel|model|approach)s?\b", re.I
)  # ("What is the name of Sefton's specialist service…?")


# A capitalised word, an acronym ("IRT") or a coined word ("Voices4Choices", "I-CAN"), not opening a sentence
_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'-]+(?:(?:\s+(?:for|of|and|the|in|on|upon))?\s+[A-Z][\w’'-]+)+")
_UNITS = "team|service|project|scheme|programme|hub|unit|panel|group|forum|model|approach|partnership|pathway|network"  # what a report names
# "the centre", "the project": a thing named by its kind alone, as a sentence before named it
_THE_UNIT = re.compile(rf"\bthe\s+({_UNITS}|centre|center)\b", re.I)
_TITLED_UNIT = re.compile(
    rf"\b[Tt]he\s+(?:[a-z][\w-]*\s+){{0,2}}([A-Z][\w’'-]+(?:(?:\s+(?:for|of|and|in|on|upon))?\s+[A-Z][\w’'-]+)*|@\w+)\s+(?:{_UNITS}|council|offer)s?\b"
)
# a unit named in apposition or by what it is called ("the substance misuse service, Horizon,", "a team known as Horizon")
_NAMED_AFTER = re.compile(rf"\b(?:{_UNITS})s?(?:,\s+|\s+(?:known\s+as|called|named)\s+)(?:the\s+)?[‘']?([A-Z][\w’'-]*)")
# a unit named in apposition to another, in lower case ("The edge-of-care service, families together team, provides…")
_UNIT_APPOSED = re.compile(rf"\b(?:{_UNITS})s?,\s+((?!(?:the|a|an|its|their|which|who|and|or|but|as|with|including)\b)[a-z][\w-]*(?:\s+(?!(?:the|a|an|its|their|which|who|and|or|but|as|with)\b)[a-z][\w-]*){{0,3}})\s+(?:{_UNITS})s?\s*,")
_QUOTED_TERM = re.compile(r"[‘“]([^’”]{2,40})[’”]")
_PROPER_WORD = re.compile(r"(?<!^)(?<![.!?] )\b[A-Z][A-Za-z0-9’'-]*")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")  # "PAs", "IROs": many of a kind


def _whose_said(words: list[str], text: str, unasked) -> bool:
    """Does ``text`` say whose the people or things a "whose <words>…?" question asks of are: the
    first of ``words`` up to any of them, then of whom ("officers from the … board", "staff of the trust")?"""
    for k in range(len(words), min(2, len(words)) - 1, -1):  # (two words at least, of more: not "independent of…")
        said = r"\s+".join(map(re.escape, words[:k]))
        for m in re.finditer(rf"\b{said}\s+(?:from|of|at|within|employed\s+by)\s+(?:the\s+|an?\s+)?((?:[\w’'-]+\s*){{1,4}})", text, re.I):
            if any(unasked(w) for w in m.group(1).split()):
                return True
    return False


def _names_their_kind(text: str, plural: str | None, unasked) -> bool:
    """Does ``text`` name the kind of people a "Which workers…?" question asks of: a name or an
    acronym just before their plural ("the Domestic Abuse Partnership (DAP) workers", "DAP workers"),
    other than the sentence's opening word ("Social workers") unless it is a coined one ("Keep-safe workers")?"""
    if not plural:
        return False
    for m in re.finditer(rf"((?:\b[A-Z][\w’'-]*\s+){{1,5}})(?:\([A-Z]{{2,}}\)\s+)?{plural}\b", text):
        words = m.group(1).split()
        # (an opening word that is no word of the language is a name: "Keep-safe workers are tenacious…")
        if (m.start() > 0 or len(words) > 1 or words[0].isupper() or not known_word(words[0].lower())) and any(unasked(w) and w not in _NOT_NAMES for w in words):
            return True
    return False


def _names_a_thing(text: str, unasked, named, titled: set[str] = frozenset()) -> bool:
    """Does ``text`` name a team, service or scheme the question doesn't: a word the library only
    writes capitalised, an acronym ("the Initial Response Team (IRT)"), a coined word
    ("Voices4Choices", "GetSafe"), a name with a number ("Route 29"), a quoted term, "the <Name> team", or
    capitalised words together ("Brighter Futures for Children") other than its document's own title words?"""
    for quoted in _QUOTED_TERM.finditer(text):  # a coined term in quotation marks ("‘navigators’")
        if quoted.group(1).islower() and re.search(r"\bto\s+\W?$", text[: quoted.start() + 1]):
            continue  # a verb in quotation marks ("a contract to ‘lift’ Sandwell out of inadequacy"), no name
        if any(unasked(w) for w in re.findall(r"[A-Za-z][A-Za-z’'-]*", quoted.group(1))):
            return True
    for unit in _TITLED_UNIT.finditer(text):  # "the Consult service", "The Flourish team", "the specialist Engage team", "the @act team", "The Voices of Sandwell group"
        if any(unasked(w) and w not in _NOT_NAMES for w in re.findall(r"[A-Z][\w’'-]+|@\w+", unit.group(1))):
            return True
    first = re.match(r"\s*[‘']?([A-Za-z][\w’'-]*)", text)  # a coined word opens the sentence as well ("Care2work panels are held…")
    if first and unasked(first.group(1)) and (any(c.isdigit() for c in first.group(1)) or re.search(r"[a-z][A-Z]", first.group(1))):
        return True
    words = list(_PROPER_WORD.finditer(text))
    for i, m in enumerate(words):
        word = m.group(0)
        if not unasked(word) or word in _NOT_NAMES or _PLURAL_ACRONYM.fullmatch(word):  # ("their PAs": people of a kind, no name)
            continue
        if named(word) or (len(word) > 1 and word.replace("-", "").isupper()) or any(c.isdigit() for c in word) or re.search(r"[a-z][A-Z]", word):
            return True
        if re.match(r"\.?\s\d", text[m.end():m.end() + 12]):  # "Route 29", "the No. 11 service"
            return True
    for named_after in _NAMED_AFTER.finditer(text):  # "the specialist substance misuse service, Horizon,"
        if unasked(named_after.group(1)) and named_after.group(1) not in _NOT_NAMES:
            return True
    for apposed in _UNIT_APPOSED.finditer(text):  # "the edge-of-care service, families together team,": a name in lower case
        if all(unasked(w) for w in apposed.group(1).split()):
            return True
    return _capitalised_run(text, unasked, titled)


def _capitalised_run(text: str, unasked, titled: set[str]) -> bool:
    """Does ``text`` hold capitalised words together inside a sentence ("Brighter Futures for
    Children", "the Red Cross"), one the question doesn't use, not made only of its document's
    title words (a document naming its own department names no other thing)?"""
    for run in _CAPITALISED_RUN.finditer(text):
        capitals = [w for w in re.findall(r"[A-Z][\w’'-]+", run.group(0)) if w not in ("The", "A", "An")]
        opening = run.start() == 0 or re.search(r"[.!?]\s*$", text[: run.start()])
        # (opening the sentence, three capitalised words together: "Family Wellbeing Case Practitioners engage…")
        if (opening and len(capitals) < 3) or not any(unasked(w) for w in capitals):
            continue
        if not set(tokens(run.group(0))) <= titled:
            return True
    return False


BAR_RANK = 1  # a broad answer's bar is relative to the sentence ranked this (0-based) high
BEST_PASSAGE_SENTENCES = 4  # a broad answer quotes up to this many sentences of its best passage before others' third (library dev +2)
ROLE_NEAR = 8  # words at most between a role and the name it is said of


def _words_between(text: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    """How many words lie between two spans of ``text``."""
    start, end = (a[1], b[0]) if a[0] <= b[0] else (b[1], a[0])
    return len(text[start:end].split()) if end > start else 0


def score_sentences(query: Query, sentences: list[Sentence], sentence_vectors, query_vector, idf, max_idf: float, correct=lambda t: t, focus_vector=None, commonness=lambda text: 0.0, core_vector=None, same=()) -> None:
    """Score each sentence for the question: meaning (embedding similarity), the question's
    rarer words it contains (``correct`` maps a misspelt word to the library's), how well its
    passage was ranked, and how few of the library's documents share its wording (``commonness``).
    ``same``: (acronym, expansion) pairs the question uses, either form holding the other's words."""
    for s, (score, dense, coverage, literal) in zip(sentences, _scores(query.topic, query.source_kinds, sentences, sentence_vectors, query_vector, idf, max_idf, correct, focus_vector, commonness, core_vector, same)):
        s.score, s.dense, s.coverage, s.literal = score, dense, coverage, literal
    # a report's paragraph keeps to one topic: when one of its sentences answers the question, the
    # rest of it is what the report says on that topic, in words of its own ("Reviewing
    # arrangements have strengthened…" after a sentence naming the IROs)
    lift = PARAGRAPH_LIFT if query.kind == "broad" else FACT_PARAGRAPH_LIFT
    best: dict[str, float] = {}
    for s in sentences:
        if s.passage.kind == "paragraph":
            best[s.passage.passage_id] = max(best.get(s.passage.passage_id, 0.0), s.score)
    for s in sentences:
        if s.passage.kind == "paragraph":
            s.score = max(s.score, lift * best[s.passage.passage_id])
    if focus_vector is not None:
        for s, asked in zip(sentences, dots(sentence_vectors, focus_vector)):
            s.asked_dense = asked
    if query.kind == "broad":  # which findings a reader would name first: learned (see finding_order)
        finding_order.reorder(sentences, commonness)


def dots(vectors, vector) -> list[float]:
    """The dot product of each of ``vectors`` with ``vector`` (cosine similarity of unit vectors)."""
    if len(vectors) == 0:
        return []
    import numpy as np

    # (an answer's sentences come as one float64 matrix, read once: see sentence_matrix)
    return (np.asarray(vectors, dtype=np.float64) @ np.asarray(vector, dtype=np.float64)).tolist()


def sentence_matrix(vectors):
    """Sentence vectors (rows, as lists or arrays) as one float64 matrix, which ``dots`` uses as it
    is (made again on each call from rows as lists, it would cost more than the products)."""
    import numpy as np

    return np.asarray(vectors, dtype=np.float64)


def part_scores(query: Query, sentences: list[Sentence], sentence_vectors, part_vectors, idf, max_idf: float, correct=lambda t: t, focus_vectors=None, commonness=lambda text: 0.0) -> list[dict[int, float]]:
    """For each part of a compound question, each sentence's score for that part (by ``id``)."""
    focus_vectors = focus_vectors or [None] * len(query.parts)
    return [
        {id(s): score for s, (score, *_) in zip(sentences, _scores(part.topic, query.source_kinds, sentences, sentence_vectors, vector, idf, max_idf, correct, focus, commonness))}
        for part, vector, focus in zip(query.parts, part_vectors, focus_vectors)
    ]


def frame_asked(passage: StoredPassage, asked: set[str]) -> bool:
    """Is a letter's frame block (address, date, signature) what a question with keywords
    ``asked`` is about? It answers only questions about the frame ("who was it addressed to?",
    "who signed the letter?"), not every question that names a word of an address ("Newport")
    or speaks of "the letters"."""
    if passage.kind != "block":
        return True
    frame = set(tokens(" ".join(passage.heading) + " " + passage.context[passage.context.rfind("(") :])) - {"letter"}
    return not asked.isdisjoint(frame)


def _scores(topic: str, source_kinds, sentences: list[Sentence], sentence_vectors, query_vector, idf, max_idf: float, correct, focus_vector=None, commonness=lambda text: 0.0, core_vector=None, same=()):
    """(score, dense, coverage, literal) of each sentence for a question with keywords ``topic``."""
    asked = set(tokens(unframed(topic)))  # "How well does it support…": not sentences saying "well supported"
    # what is asked about, not when or in which document: a sentence that holds only a question's
    # month, year or document word ("inspection", "visit") uses none of what it asks about
    subject = subject_words(topic) or asked
    q_tokens = sorted({t if known_word(t) else correct(t) for t in asked})  # a typo is mended; a real word ("weather") is not another ("whether")
    weight = {t: min(idf(t) or max_idf, RARITY_CAP) for t in q_tokens}  # a word the corpus lacks is as rare as can be
    total = sum(weight.values()) or 1.0
    # (an acronym in the plural, "PEPs", is the acronym: the word as tokenised keeps its "s")
    forms = [(set(tokens(short)), set(tokens(long)), {t + "s" for t in tokens(short)}) for short, long in same]
    best_hit = max((s.hit.score for s in sentences), default=1.0) or 1.0
    dense = dots(sentence_vectors, query_vector)
    if focus_vector is not None:  # or for what it asks without its setting, whichever is closer
        dense = [max(d, f) for d, f in zip(dense, dots(sentence_vectors, focus_vector))]
    if core_vector is not None:  # as close to what is asked about as to the question as a whole
        dense = [(d + c) / 2 for d, c in zip(dense, dots(sentence_vectors, core_vector))]
    own = list(dense)
    # an action row is read as one: its progress column means at least what its action column does
    # (a progress note naming a product, under an action that names the system it is for)
    row_meaning: dict[str, float] = {}
    for s, d in zip(sentences, own):
        if s.passage.kind == "action" and s.field == "action":
            row_meaning[s.passage.passage_id] = max(d, row_meaning.get(s.passage.passage_id, d))
    dense = [max(d, row_meaning.get(s.passage.passage_id, d)) if s.passage.kind == "action" else d for s, d in zip(sentences, dense)]
    for i in range(1, len(sentences)):
        s, previous = sentences[i], sentences[i - 1]
        if leans_back(s) and previous.text == s.before:
            # quoted with the sentence it leans on, it means at least what that one does (by
            # itself: the one before that is not quoted, so its meaning does not pass along a chain)
            dense[i] = max(dense[i], own[i - 1])
    out = []
    for s, d in zip(sentences, dense):
        around = " ".join(s.passage.heading)
        if s.passage.kind == "action":  # the row's reference and columns belong to each of its sentences
            around += " action " + " ".join(s.passage.fields.get(f, "") for f in ("ref",) + ROW_FIELDS)
        if s.passage.kind == "block":  # a letter's address or signature: what the block is
            if not frame_asked(s.passage, asked):
                out.append((0.0, d, 0.0, False))
                continue
            around += " " + s.passage.context
        if s.setting:  # who "she" is, in a quotation's paragraph, was said in the one before
            around += " " + s.setting
        if leans_back(s):  # "It now stands at 8%": what "it" is lives in the sentence before
            around += " " + s.before
        context_tokens = set(tokens(s.text)) | set(tokens(around))
        for short, long, plural in forms:  # "an SGO" says "special guardianship order", and the reverse
            if short <= context_tokens or long <= context_tokens or plural <= context_tokens:
                context_tokens |= short | long | plural
        coverage = sum(w for t, w in weight.items() if t in context_tokens) / total
        score = 0.5 * d + 0.3 * coverage + 0.2 * (s.hit.score / best_hit) - BOILERPLATE * commonness(s.text)
        if s.passage.doc_kind in source_kinds:
            score += SOURCE_BONUS  # "what did Ofsted say": Ofsted's own reports and letters speak first
        out.append((score, d, coverage, not subject.isdisjoint(context_tokens)))
    return out


SETTING_TOKENS = frozenset(tokens(" ".join(MONTHS) + " according inspection inspections report reports letter letters focused visit visits ofsted"))


# A broad question's sentence scores at least this share of the best in its paragraph. Chosen on
# library dev with batch8: 0.6 no change, 0.75 +4 items, 0.85 and 0.92 +5 (broad 74.5 -> 79.2%), 1.0 +0
PARAGRAPH_LIFT = 0.85
# ... and a factoid's, at least this share: its figure may stand in the sentence after the one that
# names what it counts ("…'Cromwell Drive' edge of care service…. Since February 2015, the team has
# worked with 23 children"). 0.6 and 0.7 +1 item; 0.85 +2 −1 and 81 answers changed.
FACT_PARAGRAPH_LIFT = 0.6
CORE_SHARE = 0.75  # a topic's core words are at least this rare (idf) against its rarest (0.5 and 0.9 answer alike on dev)


def core_of(topic: str, idf) -> str:
    """The words of a broad question's topic that say what it is about, as written: its rarest
    ("supervision" in "supervision of social workers"). The embedding model reads "supervision of
    social workers" as near "Social workers told inspectors that they love working here" as
    "Supervision is sometimes too infrequent"; sentences are also scored against the core alone."""
    subject = subject_words(topic)
    rarity = {t: idf(t) for t in subject}
    if not rarity:
        return ""
    top = max(rarity.values())
    words = re.findall(r"[\w’'-]+", topic)
    return " ".join(w for w in words if any(rarity.get(t, 0.0) >= CORE_SHARE * top for t in tokens(w)))


def subject_words(topic: str) -> set[str]:
    """The keywords of what a question asks about, without its setting: months, years and the
    documents it is in ("inspection", "report", "letter", "visit", "Ofsted")."""
    topic = unframed(topic)
    return {t for t in tokens(topic) if t not in SETTING_TOKENS and not YEAR.fullmatch(t)}


# "How well does <authority> support its care leavers?", "How well did <authority> respond to…": how
# well it is done is what every finding says; what is done to whom is what the question is about
_SERVICE_VERB = r"(?:support|respond|deal|handl|manag|serv|meet|work)"  # not "help", "protect": a judgement area's words
_HOW_WELL = re.compile(
    r"^\s*how\s+(?:well|good|effective(?:ly)?|strong)\s+"
    rf"(?:(?:is|was|are|were)(?:\s+{_SERVICE_VERB}ing\b)?|(?:does|do|did|has|have)(?:\s+{_SERVICE_VERB}(?:e|ed)?\b)?)"
    rf"(?:\s+(?:and|or)\s+{_SERVICE_VERB}(?:e|ed|ing)?\b)?(?:\s+(?:to|with)\b)?",
    re.I,
)
def unframed(topic: str) -> str:
    """``topic`` without how well, or which side of, what was found is asked ("How well does it
    support", "the concerns about", "What did Ofsted praise about"): what it is about."""
    rest = _REPORTED.sub(" ", _WHEN.sub(" ", _HOW_WELL.sub(" ", topic)))
    if sides.frames_a_side(topic):
        rest = sides.without_side(rest)
    return rest if any(t not in SETTING_TOKENS for t in tokens(rest)) else topic  # "What do we need to improve?": all of it


# "What caseloads did Ofsted report for…": how the report is asked of, not a word to find in it
_REPORTED = re.compile(r"\b(?:did|does|do|has|have|had)\s+(?:ofsted|(?:the\s+)?inspectors?)\s+(?:say|report|find|note|record|describe|see)\b", re.I)
_WHEN = re.compile(rf"\b(?:early|late|mid|spring|summer|autumn|winter)(?:[- ]|\s+of\s+)(?=(?:{'|'.join(MONTHS)}|(?:19|20)\d\d)\b)", re.I)


def passage_about_year(p, year: int) -> bool:
    """Might any of the passage's sentences speak of ``year`` (see ``about_year``)?"""
    return (p.date or "")[:4] in (str(year), str(year + 1)) or any(str(year) in text for text in (p.text, p.title, p.context))


def about_year(sentence: Sentence, year: int) -> bool:
    """Might the sentence speak of ``year``? Its document is dated that year or the next (a report
    tells of the year before), or the year is named in it, its paragraph, the paragraph it leans
    on, or its document's title or context ("the 2024 improvement plan")."""
    p = sentence.passage
    if (p.date or "")[:4] in (str(year), str(year + 1)):
        return True
    return any(str(year) in text for text in (sentence.text, p.text, sentence.setting, p.title, p.context))


# what has held since a year, or was begun in it ("was established in 2014"): it holds at the report's date
_SINCE_YEAR = re.compile(r"\b(?:since|established|set\s+up|introduced|launched|began|begun|started|created|formed)\b[^.;]{0,80}?\b(?:19|20)\d\d\b", re.I)


def _of_year(sentence: Sentence, years) -> bool:
    """Is the sentence about one of ``years``? When it (or the sentence it leans on) names years,
    one of them must be asked for ("12% … in 2014" does not answer "in 2019"); otherwise its
    paragraph (or the one it leans on) must name one, or its document be dated in or just after one."""
    asked = {str(y) for y in years}
    said = sentence.text + (f" {sentence.before}" if leans_back(sentence) else "")
    named = set(YEAR.findall(said)) | {str(first + 1) for first in year_pairs(said)}  # ("from 13% in 2014–15": 2015 too)
    published = (sentence.passage.date or "")[:4]
    if named:
        if published in asked or str(int(published or 0) - 1) in asked:  # the report of the year asked: the figures it
            asked = asked | {str(int(y) - 1) for y in asked}  # gives as at the year before are its own ("to 13.8% in December 2013")
            # what has held since a year holds at the report's own date ("delivered by the trust since … 1 April 2021", "established in 2014")
            since = set(YEAR.findall(" ".join(m.group(0) for m in _SINCE_YEAR.finditer(sentence.text))))
            if named <= since:
                return True
        return bool(named & asked)
    text = f"{sentence.passage.text} {sentence.setting}"
    # a document reports on its own year or the one before (January 2019's release on November 2018)
    return any(y in text or published in (y, str(int(y) + 1)) for y in asked)


def _typed(query: Query, ranked: list[Sentence], wants: str | None, question: str, is_name=None) -> list[Sentence]:
    """The sentences (in ``ranked`` order) that hold the kind of fact ``question`` wants."""
    typed = [s for s in ranked if satisfies(s, wants, question, query.acronym, is_name)]
    if wants == "date":  # "when did it begin?" is not answered by when it ended
        typed = [s for s in typed if _date_sense(question, s, wants) >= 0]
        bound = _year_bound(question)
        if bound:  # "the inspection before the 2021 visit": a year before 2021
            typed = [s for s in typed if any(bound(int(y)) for y in YEAR.findall(s.text))]
    elif (previous := cover.previous_bound(question)) is not None:  # "How had it been judged at its previous inspection, by the 2022 report?": not of 2022 alone
        typed = [s for s in typed if not YEAR.search(s.text) or any(int(y) < previous for y in YEAR.findall(s.text))]
    if wants in ("name", "role", "number", "money", "duration") and query.years:  # "who was … in November 2018": someone named for that year
        typed = [s for s in typed if _of_year(s, query.years)]
    if query.action_refs:  # "action 4.1": that row answers, or nothing does
        typed = [s for s in typed if s.passage.kind == "action" and s.passage.fields.get("ref") in query.action_refs]
    if wants == "number" and _ASKS_PERCENT.search(question):  # "what percentage": "8%" before "half", if nearly as good
        exact = [s for s in typed if _HAS_PERCENT.search(s.text)]
        if exact and exact[0].score >= EXACT_RATIO * typed[0].score:
            typed = exact + [s for s in typed if s not in exact]
    return typed


# (a span of months is one word: "before the January–February 2022 inspection")
_BEFORE = re.compile(r"\b(before|prior to|earlier than|preceding)\s+(the\s+)?([\w’'–-]+\s+){0,3}?((19|20)\d\d)\b", re.I)
_AFTER = re.compile(r"\b(after|following|later than|since)\s+(the\s+)?([\w’'–-]+\s+){0,3}?((19|20)\d\d)\b", re.I)


def _year_bound(question: str):
    """For "when was the inspection before the 2021 visit?", a test a year must pass (earlier
    than 2021); None when the question sets no such bound."""
    before, after = _BEFORE.search(question), _AFTER.search(question)
    if before and not after:
        return lambda year, limit=int(before.group(4)): year < limit
    if after and not before:
        return lambda year, limit=int(after.group(4)): year > limit
    previous = cover.previous_bound(question)  # "When was it previously inspected, according to the 2023 report?"
    return None if previous is None else lambda year: year < previous


# "When did it begin?" is answered by a start ("since 2013", "began in June"), "when did it end?"
# by an end ("The conclusion … was 31 January 2024"); a sentence that speaks only of the other is not.
_ASKS_START = re.compile(r"\b(begin|began|begun|start|started|starts|commence|commenced|launch|launched|set up|established)\b", re.I)
_ASKS_END = re.compile(r"\b(end|ended|ends|conclude|concluded|finish|finished|cease|ceased|close|closed|stop|stopped)\b", re.I)
_SAYS_START = re.compile(r"\b(since|began|begun|beginning|started|starting|commenced|launched|established|set up|introduced|first)\b", re.I)
_SAYS_END = re.compile(r"\b(until|ended|end|concluded|conclusion|finished|ceased|closed|close|drawing to)\b", re.I)
DATE_SENSE = 0.05


def _date_sense(question: str, sentence: Sentence, wants: str | None) -> float:
    """For a date question asking when something began (or ended): +DATE_SENSE for a sentence
    that speaks of a start (an end), -DATE_SENSE for one that speaks only of the other."""
    start, end = bool(_ASKS_START.search(question)), bool(_ASKS_END.search(question))
    if wants != "date" or start == end:
        return 0.0
    says, other = (_SAYS_START, _SAYS_END) if start else (_SAYS_END, _SAYS_START)
    return DATE_SENSE * (bool(says.search(sentence.text)) - bool(other.search(sentence.text)))


def _part_leads(query: Query, sentences: list[Sentence], by_part: list[dict[int, float]], typed_ratio: float, is_name=None) -> list[Sentence]:
    """One leading sentence per part of a compound question that the sources answer (a part
    they don't is left out; ``Sentence.parts`` says which parts each lead answers). Parts are
    matched to sentences together, so "when did it begin, and when did it end" does not spend
    the end date on the first part."""
    options: list[list[Sentence | None]] = []
    over_bar: list[list[Sentence]] = []  # each part's typed sentences over the bar, best first
    part_years = [year_span(part.text).exact for part in query.parts]
    own_years = len({years for years in part_years if years}) > 1  # parts that ask of different years
    for n, (part, scores, years) in enumerate(zip(query.parts, by_part, part_years)):
        best = max(scores.values(), default=0.0)
        typed = _typed(query, sorted(sentences, key=lambda s: -scores[id(s)]), part.wants, _counting_as_before(part.text, [p.text for p in query.parts[:n]]), is_name)
        if own_years and years:
            # "How many … at the June 2013 inspection, and how many at the early-2015 one?": each
            # part is answered of its own year, not by the other's figure
            typed = [s for s in typed if _of_year(s, years)]
        over_bar.append([s for s in typed if scores[id(s)] >= typed_ratio * best])
        options.append(over_bar[-1][:4] + [None])
    best_pick, best_total = None, -1.0
    for pick in itertools.product(*options):
        # one sentence may answer two parts only when each asks for a different kind of fact (an action
        # row's owner and RAG); a part that asks for none is answered by a sentence of its own
        if any(pick[i] is not None and pick[i] is pick[j] and (query.parts[i].wants == query.parts[j].wants or not (query.parts[i].wants and query.parts[j].wants))
               for i, j in itertools.combinations(range(len(pick)), 2)):
            continue
        answered = [(i, s) for i, s in enumerate(pick) if s is not None]
        # answering a part comes first; then how well, and whether a start or end date is the one asked
        total = len(answered) + sum(by_part[i][id(s)] + _date_sense(query.parts[i].text, s, query.parts[i].wants) for i, s in answered)
        if total > best_total:
            best_pick, best_total = pick, total
    leads: list[Sentence] = []
    for i, s in enumerate(best_pick or ()):
        if s is None:
            continue
        # a part asked of two authorities ("How was the impact of leaders judged in each, and
        # why?") is answered for each: the best of the other's over the bar beside it
        others = [next((o for o in over_bar[i] if o.passage.authority == place), None) for place in query.authorities if place != s.passage.authority] if len(query.authorities) > 1 else []
        for o in [s] + [o for o in others if o is not None]:
            o.parts += (i,)
            if all(o is not led for led in leads):
                leads.append(o)
    return leads


def _counting_as_before(part: str, before: list[str]) -> str:
    """A part asking "how many" of nothing named counts what the part before it counted ("How many
    children were in need…, and how many were on child protection plans?": how many children)."""
    if not re.search(r"\bhow\s+many\s+(?:were|was|are|is|had|have|has|did|do|does)\b", part, re.I):
        return part
    counted = next((m.group(2) for text in reversed(before) if (m := _counted(text)) and counted_words(text)), None)
    return re.sub(r"\bhow\s+many\s+", lambda m: f"{m.group(0)}{counted} ", part, count=1, flags=re.I) if counted else part


def _leads(query: Query, ranked: list[Sentence], typed_ratio: float, is_name=None) -> list[Sentence]:
    """The sentence(s) a factoid answer leads with: the best one that holds the kind of fact
    asked for, or one per place when the question names several. Empty when the sources speak
    of it but do not give the date, name or figure asked for."""
    typed = _typed(query, ranked, query.wants, query.question, is_name)
    ask = final_ask(query.question)
    asked_years = year_span(ask).exact if ask != query.question else frozenset()
    if typed and asked_years:
        # "…was rated good in 2016. How was it rated in 2021?": the fact of the year the question
        # asks about, not of the year its statement sets the scene in
        typed = [s for s in typed if _of_year(s, asked_years)] or typed
    if not typed or typed[0].score < typed_ratio * ranked[0].score:
        return []
    if len(query.authorities) < 2:
        return [typed[0]]
    leads = []
    for place in query.authorities:
        best = next((s for s in typed if s.passage.authority == place), None)
        if best is not None and best.score >= typed_ratio * typed[0].score:
            leads.append(best)
    return sorted(leads, key=lambda s: -s.score) or [typed[0]]


def list_of(passage: StoredPassage) -> tuple | None:
    """The list a passage belongs to: an item's (its document and heading), or the one a paragraph
    ending in a colon introduces (its items are headed by it); None for other passages."""
    if passage.kind == "item":
        return (passage.doc_id, passage.heading)
    if passage.text.rstrip().endswith(":"):
        return (passage.doc_id, passage.heading + (passage.text.strip(),))
    return None


def with_lists(taken: list[Hit], found: list[Hit]) -> list[Hit]:
    """``taken``, then the passages of ``found`` in a list one of them belongs to (an item's
    siblings, the lead-in): a list goes together."""
    lists, have = {list_of(h.passage) for h in taken} - {None}, {h.passage.passage_id for h in taken}
    return taken + [h for h in found if h.passage.passage_id not in have and list_of(h.passage) in lists]


def meaning(s: Sentence) -> float:
    """How close in meaning to what is asked: to the question without its setting, when it has one."""
    return s.dense if s.asked_dense is None else s.asked_dense


def select(
    query: Query, sentences: list[Sentence], max_sentences: int, relative: float, typed_ratio: float = 0.6,
    by_part: list[dict[int, float]] | None = None, is_name=None, heard: list[Sentence] | None = None,
) -> list[Sentence]:
    """The sentences worth showing, best first: typed factoids need their type; at most 2 a passage.
    ``by_part`` holds a compound question's per-part scores (see ``part_scores``); ``heard``, the
    best sentence for each thing a broad question asks about, each shown after the best of all."""
    ranked = sorted(sentences, key=lambda s: -s.score)
    if not ranked:
        return []
    compared: set[str] = set()  # the documents of years or authorities compared, each given its share
    if query.kind == "factoid":
        chosen = _part_leads(query, sentences, by_part, typed_ratio, is_name) if by_part else _leads(query, ranked, typed_ratio, is_name)
        if not chosen:
            return []  # the sources speak of it but do not give the date/name/figure asked for
        for s in chosen:
            s.lead = True
        others = [s for s in ranked if s not in chosen and s.score >= relative * chosen[0].score]
        # a question that wants no kind of fact ("How well do children in care do at school?") is
        # answered by findings, not one fact: one more of them over the bar (library dev +1 item)
        limit = len(chosen) + (3 if not query.wants else 2)
    else:
        # a cover's labelled line ("Inspection dates: …") says when, not what was found
        ranked = [s for s in ranked if not is_field(s.text)] or ranked
        # Everything over the bar, plus sentences that hold every word of the question (with
        # their headings): the items of a "what needs to improve" list belong together.
        # the bar is set by the third best, not the best alone: one sentence that restates the
        # topic word for word (an "areas for improvement" item) would leave the findings under it
        top = ranked[min(BAR_RANK, len(ranked) - 1)].score
        others = [s for s in ranked if s.score >= relative * top or (s.coverage >= 0.99 and s.score >= 0.5 * top)]
        # a sentence that uses none of what is asked about must be close to it in meaning, or stand
        # in a paragraph that does: a report's paragraph keeps to one topic ("However, limited
        # professional curiosity…" in the paragraph on private fostering)
        spoken = {s.passage.passage_id for s in sentences if s.literal and s.passage.kind == "paragraph"}
        others = [s for s in others if _spoken_of(s, spoken)] or others[:1]
        if len(others) < max_sentences:
            # fewer over the bar than an answer holds: the next best in the question's own words too,
            # over a lower bar, so a paragraph on the topic under one better phrased is not left out
            # (library dev: up to 8 +2, 12 +5, 16 +8 −0; half the bar's score, 0.4 the same, 0.6 −1)
            more = [s for s in ranked if s not in others and s.literal and s.score >= FLOOR_BAR * top]
            others += more[: max_sentences - len(others)]
        # the best sentence of each document first, so every source that speaks to it is heard
        # (a document's best over a lower bar: what one report says beside another's better match)
        firsts, seen_docs = [], set()
        for s in ranked:
            if s.passage.doc_id not in seen_docs and (s in others or s.score >= SOURCE_BAR * top):
                seen_docs.add(s.passage.doc_id)
                firsts.append(s)
        span = year_span(query.question)
        if len(span.exact) > 1:  # years compared (see compares_years): each is heard ("…required
            # improvement in 2014. How had they changed by 2018?"): the best sentence in the question's
            # words of a report of a year none heard is of
            for year in sorted(span.exact):
                of_year = lambda s, year=year: s.passage.doc_kind in OFSTED_KINDS and (s.passage.date or "")[:4] in (str(year), str(year + 1))
                if not any(of_year(s) for s in firsts):
                    best = next((s for s in ranked if s.literal and of_year(s)), None)
                    if best is not None:
                        seen_docs.add(best.passage.doc_id)
                        firsts.append(best)
        others = firsts + [s for s in others if s not in firsts]
        if len(span.exact) > 1 or len(query.authorities) > 1:  # (or authorities compared)
            others = _each_in_turn(ranked, firsts, others, relative, spoken)
            compared = {s.passage.doc_id for s in firsts}
        for s in reversed(heard or []):  # after the best of all, each aspect's best
            if s is not others[0]:
                others = [others[0], s] + [o for o in others[1:] if o is not s]
        chosen, limit = [], max_sentences
        # a list's items go together: one item over the bar brings its siblings (each item's
        # first sentence), so "what needs to improve" is answered with the whole list
        lists: dict[tuple, dict[str, Sentence]] = {}  # list -> its items' first sentences
        for o in sentences:
            if o.passage.kind == "item":
                lists.setdefault(list_of(o.passage), {}).setdefault(o.passage.passage_id, o)
        listed, shown, asked = [], {id(o) for o in others}, set(tokens(query.topic))
        placed: set[int] = set()
        for s in others:
            if id(s) in placed:  # an item already brought in with its list
                continue
            listed.append(s)
            placed.add(id(s))
            key = list_of(s.passage) or (s.passage.doc_id, s.passage.heading)
            # only when the list is what is asked: half the words of its heading (or of the question) are the other's
            named = set(tokens(key[1][-1])) if key[1] else set()
            if not named & asked or 2 * len(named & asked) < min(len(named), len(asked)):
                continue
            # its items over the bar too: they stand with the list, not in their own places further down
            siblings = [o for o in lists.pop(key, {}).values() if id(o) not in placed]
            listed.extend(siblings)
            placed.update(map(id, siblings))
            limit += sum(id(o) not in shown for o in siblings)
        others = listed
    per_passage: dict[str, int] = {}
    for s in chosen:
        per_passage[s.passage.passage_id] = 1
    seen_text = {normalise(s.text) for s in chosen}
    # at most 2 a passage while others wait; then, with room left, the rest over the bar
    # (a broad answer reads its best passage further: up to BEST_PASSAGE_SENTENCES while others wait)
    best_passage = ranked[0].passage.passage_id if query.kind != "factoid" else None
    per_doc: dict[str, int] = {}
    for most in (2, limit):
        # (years or authorities compared: at first, each compared document holds at most its share)
        share = -(-limit // len(compared)) if len(compared) > 1 and most == 2 else limit
        for s in others:
            if len(chosen) >= limit:
                break
            key = s.passage.passage_id
            if per_passage.get(key, 0) >= (max(most, BEST_PASSAGE_SENTENCES) if key == best_passage else most) or normalise(s.text) in seen_text:
                continue
            if s.passage.doc_id in compared and per_doc.get(s.passage.doc_id, 0) >= share:
                continue
            per_doc[s.passage.doc_id] = per_doc.get(s.passage.doc_id, 0) + 1
            per_passage[key] = per_passage.get(key, 0) + 1
            seen_text.add(normalise(s.text))
            chosen.append(s)
    chosen += _between(chosen, sentences)
    # a question that asks for no kind of fact ("Were partners included…?"): its lead goes on into the
    # next sentence, where a report's finding often turns ("However, …")
    untyped = query.kind == "factoid" and not query.wants
    quotable = {(s.passage.passage_id, s.text): s for s in sentences}
    # a finding or fact is quoted with the sentences either side of it in its paragraph that are on
    # the topic too, over a share of the bar (what the paragraph goes on to say of it: "A planned
    # overseas social worker recruitment programme…" after "…efforts to recruit and retain"; "The
    # dual recording systems run slowly…" before "Having dual systems makes it difficult…"; library
    # dev held out: +20 −0 for factoids asking no kind of fact, then +8 −0 for the rest)
    neighbour_bar = FOLLOW_BAR * ranked[min(BAR_RANK, len(ranked) - 1)].score
    taken = {(s.passage.passage_id, s.text) for s in chosen}

    def on_topic_beside(s: Sentence, text: str | None) -> Sentence | None:
        beside = quotable.get((s.passage.passage_id, text))
        if beside is None or neighbour_bar is None or (beside.passage.passage_id, beside.text) in taken:
            return None  # (one chosen in its own right is quoted in its own place)
        on_topic = beside.literal or meaning(beside) >= PARAPHRASE_DENSE
        return beside if beside.score >= neighbour_bar and on_topic else None

    whole = []
    for s in chosen:
        following = quotable.get((s.passage.passage_id, s.after)) if untyped and s.lead else on_topic_beside(s, s.after)
        before = on_topic_beside(s, s.before)
        if before is not None:  # (and what that one leans on: "They develop…" after "Care leavers have…")
            s = from_before(before, s)
        joined = with_neighbours(s, forward=True, next_too=following is not None)
        if following is not None and following.text in joined.text and joined is not s:
            # the quote holds both: it uses the question's words, and means, as much as either does
            joined.literal = joined.literal or following.literal
            joined.dense = max(joined.dense, following.dense)
            if joined.asked_dense is not None and following.asked_dense is not None:
                joined.asked_dense = max(joined.asked_dense, following.asked_dense)
        whole.append(joined)
    out: list[Sentence] = []
    for s in whole:  # a sentence already inside another's joined span is not shown twice
        inside = [k for k, o in enumerate(out) if o.passage.passage_id == s.passage.passage_id and o.text in s.text and o.text != s.text]
        if inside:  # ... and a span holding ones already chosen stands in the first one's place
            out[inside[0]] = _leading_for(s, [out[k] for k in inside])
            out = [o for k, o in enumerate(out) if k not in inside[1:]]
        else:
            holder = next((k for k, o in enumerate(out) if _quoted(s, [o])), None)
            if holder is None:
                out.append(s)
            else:
                out[holder] = _leading_for(out[holder], [s])
    return out


def _leading_for(s: Sentence, held: list[Sentence]) -> Sentence:
    """``s``, quoted in place of ``held`` (sentences its span holds): it leads for what they led
    for, so a compound question's part answered by one of them is still answered."""
    parts = tuple(sorted(set(s.parts).union(*(o.parts for o in held))))
    lead = s.lead or any(o.lead for o in held)
    return s if (parts, lead) == (s.parts, s.lead) else replace(s, parts=parts, lead=lead)


def _spoken_of(s: Sentence, spoken: set[str]) -> bool:
    """Does a broad answer's sentence speak of what is asked: in its words, close to it in meaning,
    or in a paragraph (of ``spoken``) that uses its words?"""
    return s.literal or meaning(s) >= PARAPHRASE_DENSE or s.passage.passage_id in spoken


def _each_in_turn(ranked: list[Sentence], firsts: list[Sentence], others: list[Sentence], relative: float, spoken: set[str]) -> list[Sentence]:
    """Years or authorities compared: each heard document's findings over a bar of its own (that
    share of its own best), taken in turn, so one report is not crowded out by another's better
    matches ("Sheffield's adoption work required improvement in 2014. Was it better by 2019?":
    eleven findings of 2014 and two of 2019 before)."""
    over = {id(s) for s in others}
    lists = []
    for doc in dict.fromkeys(s.passage.doc_id for s in firsts):
        rows = [s for s in ranked if s.passage.doc_id == doc]
        bar = relative * rows[min(BAR_RANK, len(rows) - 1)].score
        lists.append([s for s in rows if id(s) in over or (s.score >= bar and _spoken_of(s, spoken))])
    turns = [s for turn in itertools.zip_longest(*lists) for s in turn if s is not None]
    taken = {id(s) for s in firsts}
    ordered = firsts + [s for s in turns if id(s) not in taken]
    placed = {id(s) for s in ordered}
    return ordered + [s for s in others if id(s) not in placed]


def compares_years(question: str) -> bool:
    """Does the question compare what was said in different years ("between 2019 and 2023", "in
    2018 with what Ofsted found in 2023")?"""
    span = year_span(question)
    return len(span.exact) > 1 or (span.since is not None and span.before is not None)


FLOOR_BAR = 0.5  # a broad answer short of findings over its bar takes those in the question's words over this share of it
# a broad answer's finding is quoted with the sentences beside it in its paragraph over this share of
# its bar (library dev's 5,310 items of session 34, adapters held out; the next sentence: 0.5 +12 −2,
# 0.35 the same and longer, 0.7 +7 −1; then the one before too: +8 −0)
FOLLOW_BAR = 0.5
SOURCE_BAR = 0.6  # a document's best sentence is heard in a broad answer over this share of the best
# Evidence that shares no word with the question must be at least this close in meaning.
PARAPHRASE_DENSE = 0.45
GAP = 2  # at most this many sentences are filled in between two chosen from one paragraph


def _between(chosen: list[Sentence], sentences: list[Sentence]) -> list[Sentence]:
    """The sentences (at most ``GAP``) that stand between two chosen from the same paragraph,
    so it is quoted as it reads ("… not consistently strong. [Partners are not routinely invited
    …] For some children …"), not with a hole in the middle."""
    texts = {(s.passage.passage_id, s.text) for s in chosen}
    paragraphs: dict[str, list[Sentence]] = {}
    for s in sentences:
        if s.passage.kind != "action":
            paragraphs.setdefault(s.passage.passage_id, []).append(s)
    out = []
    for key, run in paragraphs.items():
        at = [i for i, s in enumerate(run) if (key, s.text) in texts]
        for i, j in zip(at, at[1:]):
            if 1 < j - i <= GAP + 1:  # (those between are not chosen: ``at`` holds every chosen one)
                out.extend(run[i + 1 : j])
    return out


def verbatim_runs(quote: str, document_norm: str) -> list[str]:
    """``quote`` if it is verbatim in the document (whitespace and markup aside); otherwise its
    longest word runs that are (a table cell merged across lines is not contiguous there)."""
    if normalise(quote) in document_norm:
        return [quote]
    words, runs, start = quote.split(), [], 0
    while start < len(words):
        end = start + 1
        if normalise(words[start]) not in document_norm:
            start += 1
            continue
        while end < len(words) and normalise(" ".join(words[start : end + 1])) in document_norm:
            end += 1
        if end - start >= 4:
            runs.append(" ".join(words[start:end]))
        start = end
    return runs


def source_label(p: StoredPassage) -> str:
    kind = KIND_LABELS.get(p.doc_kind, "Document")
    return f"{kind} — {p.title}, {display_date(p.date)}"


SHORTCOMING_SHARE = 0.5  # a broad answer's findings are shortcomings at least this share of them, when there are such
SHORTCOMING_BAR = 0.6  # ... over this share of the best sentence's score


def shortcoming(s: Sentence) -> bool:
    """Does the sentence say what is not yet good enough: in Ofsted's words for it, as an item of a
    list of what needs to improve (sides.states_shortcoming), or by the learned signal when it was
    read (see read_sides): a shortcoming said without those words ("Agency use is high")."""
    if sides.states_shortcoming(s.text, s.passage.heading):
        return True
    model = polarity.get_model() if s.shortfall is None and s.vector is not None else None
    if model is not None and len(s.vector) == len(model.vector):  # (of the embeddings it was learned on)
        s.shortfall = model.states_shortcoming([s.text], [s.vector])[0]
    return bool(s.shortfall)


def read_sides(sentences: list[Sentence], vectors) -> None:
    """Give each sentence its embedding (``vectors``: one row each, in order), for the learned
    signal to read which side it states when that is asked (see shortcoming)."""
    for s, vector in zip(sentences, vectors):
        s.vector = vector


def one_side(side: str | None, chosen: list[Sentence], sentences: list[Sentence], limit: int) -> list[Sentence]:
    """A broad answer's findings for the side asked (see sides.asked_side): the shortcomings on the
    topic, or the praise, in place of the rest; both sides when none was asked, or when the
    sources' findings on it are all of the other side (then those are what they say)."""
    if side is None:
        return with_side(chosen, sentences, shortcoming, SHORTCOMING_SHARE, limit)
    wanted = shortcoming if side == "shortcomings" else (lambda s: not shortcoming(s))
    return [s for s in with_side(chosen, sentences, wanted, 1.0, limit) if wanted(s)] or chosen


def with_side(chosen: list[Sentence], sentences: list[Sentence], wanted, share: float, limit: int) -> list[Sentence]:
    """``chosen`` and, where fewer than ``share`` of one document's findings are ``wanted`` (say what
    is not yet good enough, by default), its best such findings on the topic, up to ``limit`` a
    document: what Ofsted says of a service is both what works and what does not."""
    out = list(chosen)
    for doc_id in dict.fromkeys(s.passage.doc_id for s in chosen):
        mine = [s for s in chosen if s.passage.doc_id == doc_id]
        want = min(math.ceil(share * len(mine)), limit) - sum(1 for s in mine if wanted(s))
        bar, extra = SHORTCOMING_BAR * max(s.score for s in mine), []
        for s in sorted((s for s in sentences if s.passage.doc_id == doc_id), key=lambda s: -s.score):
            if len(extra) >= want or s.score < bar:
                break
            if s.literal and wanted(s) and not _quoted(s, mine + extra):
                extra.append(with_neighbours(s, forward=False))  # with the sentence it leans on
        out += extra
    return out


def _quoted(s: Sentence, others: list[Sentence]) -> bool:
    """Is ``s`` already quoted among ``others``, alone or inside one read on into the next, or in
    another place of its document that says it word for word (a plan's area for improvement,
    listed and then a heading)?"""
    said = normalise(s.text).casefold()
    return any(
        o.passage.doc_id == s.passage.doc_id and (
            (o.passage.passage_id == s.passage.passage_id and (s.text in o.text or o.text in s.text)) or normalise(o.text).casefold() == said
        )
        for o in others
    )


def _overlaps_joined(group: list[Sentence]) -> list[Sentence]:
    """One passage's sentences in order, those that overlap (a sentence read on into the next,
    beside that next one read on into a third) joined into one quote: no words quoted twice."""
    out: list[Sentence] = []
    for s in group:
        text = s.passage.text
        if out:
            before = out[-1]
            start, at = text.find(before.text), text.find(s.text)
            if 0 <= start and 0 <= at < start + len(before.text):
                out[-1] = replace(before, text=text[start : max(start + len(before.text), at + len(s.text))])
                continue
        out.append(s)
    return out


def compose(query: Query, chosen: list[Sentence], document_norm) -> tuple[str, list[Citation]]:
    """Markdown with [n] markers, and the citations (one per verbatim quote)."""
    citations: list[Citation] = []

    def cite(s: Sentence) -> list[tuple[str, int]]:
        out = []
        for run in verbatim_runs(s.text, document_norm(s.passage.doc_id)):
            if run not in s.passage.text:
                continue
            citations.append(Citation.of(len(citations) + 1, s.passage, run))
            out.append((run, len(citations)))
        return out

    def line(items: list[Sentence]) -> str | None:
        quoted = [pair for s in items for pair in cite(s)]
        if not quoted:
            return None
        body = " ".join(f"“{q}” [{n}]" for q, n in quoted)
        p = items[0].passage
        if p.kind == "action":
            facts = "; ".join(f"{name if name != 'rag' else 'RAG'}: {p.fields[name]}" for name in ROW_FIELDS if p.fields.get(name))
            ref = p.fields.get("ref", "")
            return f"Action {ref} ({facts}): {body}" if facts else f"Action {ref}: {body}"
        return body

    def by_passage(items: list[Sentence]) -> list[list[Sentence]]:
        groups: dict[str, list[Sentence]] = {}
        for s in items:
            groups.setdefault(s.passage.passage_id, []).append(s)
        for group in groups.values():
            group.sort(key=lambda s: s.passage.text.find(s.text))
        return sorted((_overlaps_joined(g) for g in groups.values()), key=lambda g: g[0].passage.ordinal)

    lines: list[str] = []
    rest = chosen
    if query.kind == "factoid" and chosen:
        for lead in [s for s in chosen if s.lead]:
            first = line([lead])
            if first:
                if lines:
                    lines.append("")
                lines.append(f"{first} — {source_label(lead.passage)}, {lead.passage.locator}")
        rest = [s for s in chosen if not s.lead]
        if rest and lines:
            lines.append("")
            lines.append("Also in the sources:")
    docs: dict[str, list[Sentence]] = {}
    for s in rest:
        docs.setdefault(s.passage.doc_id, []).append(s)
    ordered = sorted(docs.values(), key=lambda items: (KIND_ORDER.get(items[0].passage.doc_kind, 9), items[0].passage.date or "", items[0].passage.doc_id))
    for items in ordered:
        rendered = [text for group in by_passage(items) if (text := line(group))]
        if not rendered:
            continue
        if lines and lines[-1] != "Also in the sources:":
            lines.append("")
        lines.append(f"**{source_label(items[0].passage)}**")
        lines.extend(f"- {text}" for text in rendered)
    return "\n".join(lines).strip(), citations


def mentions_any(s: Sentence, places: tuple[str, ...]) -> bool:
    """Does the sentence or its passage name one of ``places``?"""
    text = normalise(f"{s.passage.text} {' '.join(s.passage.heading)}")
    return any(re.search(rf"(?<![a-z]){re.escape(normalise(place))}(?![a-z])", text) for place in places)
