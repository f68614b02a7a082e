"""Questions about an inspection itself: who led it, when it took place, how it was graded.

An inspection report or visit letter states these on its cover, and indexing reads them into the
document's record (index/ofsted.py). "Who led Ofsted's 2019 inspection of Barking and Dagenham?"
is answered from the records of the authority's inspections that the question picks out (by
year, "most recent", "single inspection", "focused visit"), each fact quoted from the passage of
that document which states it, so the answer is verbatim and cited like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.sentences import passage_sentences
from index.ofsted import names_of
from index.store import DocumentRecord, StoredPassage
from index.text import MONTHS, display_date, display_range
from index.types import KIND_LABELS, OFSTED_KINDS

from . import acronyms
from .lexical import tokens
from .query import YEAR, YearSpan, final_ask
from .types import Citation

NAMED_KINDS = OFSTED_KINDS[:3]  # the kinds a report's own text tells apart (index/ofsted.py), so a question can name
# the team's roles a single inspection's cover names beside its inspectors ("Quality assurance manager: …")
_TEAM_ROLES = r"quality\s+assurance\s+manager|(?:senior\s+)?data\s+analyst"
# a team's role asked by what it does ("Who quality-assured the inspection?", "Who provided data
# analysis and quality assurance for …?"), of the inspection, not of the council's own work
_ROLE_DONE = r"quality[\s-]+assur(?:ed|ing|ance)|data\s+analysis"
_ROLE_DOING = rf"\bwho\s+(?:(?:provided|did|carried\s+out|was\s+responsible\s+for)\s+(?:the\s+)?)?((?:{_ROLE_DONE})(?:\s+and\s+(?:{_ROLE_DONE}))?)\b(?=\s+(?:(?:for|of|on)\s+)?(?:[\w’'–-]+\s+){{0,5}}?(?:inspection|re-inspection|visit)s?\b)"
# an inspection team's roles beside lead, deputy and team
_OTHER_ROLES = rf"\b(shadow|additional|associate|supernumerary)\s+inspectors?\b|\b({_TEAM_ROLES})s?\b|{_ROLE_DOING}"
# "apart from the lead inspector", "Apart from lead inspector Sheena Doyle", "not counting the lead and deputy": the others
_BESIDES_LEAD = r"\b(?:apart\s+from|besides|other\s+than|not\s+counting|excluding|except(?:\s+for)?)\s+(?:the\s+)?lead\b"
# the team itself asked for ("Who were the inspectors?", "which inspectors made up the team", "Who made up the team of inspectors…?")
_TEAM_NAMED = (
    r"\b(?:who|which|what)\s+(?:were|was)\s+(?:the\s+|its\s+)?(?:other\s+)?inspectors\b|\bwhich\s+(?:other\s+)?inspectors\b(?![^?]*\b(?:led|leads|headed)\b)"
    r"|\b(?:team\s+inspectors?|inspection\s+team|other\s+inspectors|rest\s+of\s+the\s+(?:inspection\s+)?team)\b|\bas\s+well\s+as\s+the\s+lead\b"
    r"|\bteam\s+of\s+inspectors\b"
)
_ASKS = {
    "lead": re.compile(
        # (a question's own "who led", not a relative clause: "the director who led the improvements")
        # (of the inspection, not of something the council runs: "Who leads Southwark's in-house clinical service?")
        r"(?:^\s*|[,;:]\s*|\band\s+|\b(?:tell\s+me|know|find\s+out)\s+)who\s+(led|leads|was\s+leading|headed)\b(?=[^?,]*\b(?:inspections?|re-inspections?|visits?)\b|(?![^?,]*\b(?:service|hub|board|panel|unit|department|partnership|programme|project|group|scheme|school|home|centre)s?\b))|\bwho\s+(led|leads|headed)(\s+(it|them|this|that))?\s*[?.]?\s*$|\b(lead\s+(?:inspectors?|HMIs?)|reporting\s+inspectors?)\b"
        r"|\b(?:inspections?|visits?|it|which)\b[^?,]{0,40}\bled\s+by\b"  # "Which inspections were led by …?", not "the initiative led by the board"
        r"|\b(inspectors?|HMIs?)\b[^?,]{0,40}\b(led|leads|headed|(?:was|is)\s+in\s+charge)\b"  # "Which of His Majesty's Inspectors / which HMI led…?", "Which inspector was in charge of…?"
        r"|\b(inspector|HMI)\s+(lead(?!\s+to\b)|in\s+charge\s+of)\b"  # "Did the same HMI lead…?", "Was the same HMI in charge of…?"
        r"|\b(led|leads|headed)\s+(the\s+|its\s+|ofsted['’]s\s+)?([\w-]+\s+){0,3}(inspection|re-inspection|visit)\b"
        # "Who inspected Kent?", "Who carried out / was in charge of the 2018 inspection?"
        r"|^\s*who\s+(inspected|visited)\b(?=[^?]*\b(inspection|visit)\b|\s+(?-i:[A-Z]))"
        # (what was run is the inspection: not "Who ran Kent's out-of-hours service at the time of the inspection?")
        # (nor a role of the team asked by what it does: "Who did the data analysis for the inspection?")
        r"|^\s*who\s+(conducted|carried\s+out|did|ran|was\s+in\s+charge\s+of)\s+(?!(?:the\s+)?(?:" + _ROLE_DONE + r"))(?:[\w’'&–-]+\s+){0,6}?(inspection|re-inspection|visit|team)\b"
        r"|\bsecond[\s-]+in[\s-]+command\b(?=[^?]*\b(?:inspection|re-inspection|visit|team|inspectors?)\b)"  # the deputy lead
        r"|\bwho\s+(?:was|were)\s+(?:the\s+|its\s+|their\s+)?deputy\s+lead\b",  # ("darlington 2018 inspection - who was deputy lead, and …?")
        re.I,
    ),
    # "Who were the inspectors?", "Apart from the lead inspector, which inspectors were on the team?"
    "team": re.compile(_TEAM_NAMED + "|" + _OTHER_ROLES + "|" + _BESIDES_LEAD, re.I),  # (and the team's other roles)
    # "When did Ofsted inspect Kent?", "When was Kent's last inspection?"; not "When did caseloads
    # begin to rise, according to the 2022 inspection?" (the inspection is where, not what, it asks)
    "dates": re.compile(
        r"\bwhen\s+(exactly\s+|precisely\s+)?(in\s+(\w+\s+)?(19|20)\d\d\s+)?(did|was|were|does|is)\b(?:(?!,|\baccording\b).)*?\b(inspect|inspected|visit|visited|carr(y|ied)\s+out)\b"
        r"|\bwhen\s+(was|is)\b[^,]{0,80}\b(inspection|visit)\s*\??$"
        r"|\b(inspection|visit|fieldwork|on[\s-]site)\s+dates?\b|\bdates?\s+of\s+(the|its|their|[\w’'-]+['’]s)\s+([\w’'-]+\s+){0,4}?(inspection|visit|fieldwork)|\b(exact|precise|full|actual)\s+dates\b"
        r"|\bhow\s+long\s+did\b[^?,]{0,60}\b(inspection|visit)\b[^?,]{0,40}\b(last|take)\b|\b(which|what)\s+month\b[^?,]{0,60}\b(inspect\w*|visit\w*)\b"
        r"|\bhow\s+long\s+(?:were|was|did)\s+(?:the\s+)?(?:ofsted(?:['’]s)?\s+)?inspectors?\s+(?:on\s+site|there|in\b|spend|stay)"  # "How long were inspectors on site?"
        r"|\bwhen\s+(?:exactly\s+|precisely\s+)?(?:were|was)\s+(?:the\s+)?(?:ofsted(?:['’]s)?\s+)?inspectors?\s+(?:on\s+site|there|in\b)"  # "Exactly when were Ofsted's inspectors on site…?"
        r"|\b(first|last)\s+(and\s+(first|last)\s+)?days?\s+(?:that\s+|when\s+)?(?:the\s+)?(?:ofsted\s+)?(inspectors?|inspection|visit)\b"  # "the first and last day the inspectors were in"
        r"|\b(what|which)\s+(dates?|days?|weeks?)\b(?![^?]*\b(letter|written|published|publication)\b)[^?]{0,80}\b(inspect\w*|re-inspect\w*|visit\w*|carr(y|ied)\s+out)\b"  # ("which week was the inspection?")
        # (the dates it was carried out, whichever inspection it is: "…the inspection published in February 2017")
        r"|\b(what|which)\s+(dates?|days?)\s+(did|was|were)\s+(ofsted|(the\s+)?inspectors?|it|they)\s+(inspect\w*|visit\w*|carr(y|ied)\s+out)\b"
        r"|(?:^|[:,])\s*(?:(?:and\s+)?(?:on|over)\s+)?(what|which)\s+(dates?|days?)\s+did\s+(it|they)\s+(run|take\s+place|happen)\b"  # "Kent's 2017 inspection: over what dates did it run?"
        r"|\bwhen\s+(did|was|were)\b[^?,]{0,80}\b(inspection|re-inspection|visit)\b[^?,]{0,40}\b(take\s+place|happen|occur|start|begin|finish|end|conclude|run)\b"
        r"|^\s*(what|which)\s+(is|was)\s+(the\s+)?(\w+['’]s\s+)?(oldest|earliest|first|latest|newest|most\s+recent|last)\s+([\w'’-]+\s+){0,3}(inspection|report|visit)\b"
        # "Who led its 2021 inspection, and on what dates did it take place?": the inspection the first part names
        r"|,\s*and\s+(on\s+)?(what|which)\s+(dates?|days?)\s+(did|was|were)\s+(it|they)\b|,\s*and\s+when\s+(did|was|were)\s+(it|they)\s+(take\s+place|happen|held|run)\b",
        re.I,
    ),
    # "What kind of inspection was it?", "Was it a short or a standard inspection?", "Under which framework…?"
    "kind": re.compile(
        r"\b(what|which)\s+(kind|type|sort|form)s?\s+of\s+(ofsted\s+)?(inspection|visit)s?\b|\b(which|what)\s+(ofsted\s+)?inspection\s+framework\b"
        r"|\bunder\s+(which|what)\s+framework\b|\b(which|what)\s+framework\s+(was|were|did|is)\b[^?]{0,60}\binspect(ed)?\b"
        r"|\b(short|standard|full)\s+or\s+(an?\s+)?(short|standard|full)\b",
        re.I,
    ),
    # "When was the report on Kent's 2016 inspection published?", "What is the publication date…?"
    # ("When was the report of Ofsted's January–February 2015 inspection of Leicester City's children's
    # services published?", "…, and date the report was published?")
    "published": re.compile(r"\b(when|what\s+(date|day|month))\b[^?]{0,160}\bpublish(ed)?\b|\bdate\s+(?:that\s+|when\s+)?(?:(?:the|its|their|this|that)\s+(?:[\w-]+\s+){0,2}?(?:report|letter)|it|they)\s+(?:was|were|got)\s+published\b|\b(when|(?:what\s+)?(?:date|day))\b[^?]{0,60}\b(report|letter)\b[^?]{0,80}?\b(come|came)\s+out\b|\bpublication\s+date\b|\bdate\s+of\s+(its\s+|the\s+)?publication\b", re.I),
    "grades": re.compile(
        # ("…, and how did the review judge the LSCB?": the inspection's own report or review judged it)
        r"\b(did|does|do)\s+(ofsted|inspectors?|the\s+inspectors?|they|(?:the|its|that)\s+(?:[\w-]+\s+){0,2}?(?:review|report|inspection))\s+(judge|rate|grade|assess)\b|\boverall\s+(outcome|result)s?\b"
        # "What was the outcome of Kent's 2018 inspection?", "How did Kent do in its last inspection?"
        r"|\b(outcome|result|verdict)s?\s+of\s+(the|its|their|[\w’'-]+['’]s)\s+([\w-]+\s+){0,3}(inspection|visit)\b"
        # "When did Ofsted inspect Hull in 2019, and what was the outcome?": the inspection's outcome
        r"|\b(inspect|inspected|inspection|re-inspected|visited|(?:focused|monitoring)\s+visit)\b[^?]*\bwhat\s+(was|were|is)\s+the\s+(outcome|result|verdict)s?\s*\??\s*$"
        r"|\bhow\s+(did|does|has)\b[^?,]{0,40}\b(do|did|fare|fared|perform|performed|get\s+on)\s+(in|at)\s+(the|its|their|[\w’'-]+['’]s)\s+([\w-]+\s+){0,3}(inspection|visit)\b"
        r"|\b(grades?|graded|judged|judge?ments?|rated|ratings?|conclude|concluded|conclusions?|verdict)\b"
        r"|\b(get|got|receive|received|achieve|achieved|come\s+out|came\s+out)\s+overall\b"  # "…, and what did it get overall?", "How did it come out overall…?"
        r"|\bhow\s+(did|does|do)\b[^?]{0,100}\b(come|came)\s+out\s*[?.]?\s*$"  # "…, how did care leavers and leadership come out?"
        r"|\bwhat\s+(grade\s+)?did\s+([\w&'’-]+\s+){1,8}?((each|both|all)\s+)?get\s*([?.]?\s*$|,\s*(and|&)\s)",  # "…, and what did help and protection / the LSCB get?", "what did children in care and care leavers each get?"
        re.I,
    ),
}
_PUBLISHED = re.compile(r"\bpublish(ed|ing)?\b", re.I)
_RELATIVE = re.compile(r"\b(before|(?<!looked )after|since|following|prior to|preceding)\s+(the\s+|its\s+|their\s+)?((19|20)\d\d\s+)?(ofsted\s+)?(focused visit|monitoring visit|inspection|visit)", re.I)
# the inspection before the one a question names ("According to the 2026 report, what had the
# council been judged at its previous inspection?"): the named report's own records don't say
_PREVIOUS = re.compile(
    r"\b(previous|prior|preceding|earlier)\s+(\w+\s+){0,5}(inspections?|visits?|reports?)\b"  # ("the previous report on its child protection arrangements")
    # "…when was it previously inspected?", "Before its 2017 inspection, when was Kent last inspected?"
    # ("Before the autumn 2015 inspection, when had its child protection last been looked at / when was the last full inspection?")
    r"|\bpreviously\s+(?:been\s+)?(inspected|visited|judged|rated|graded)\b|^\s*before\b[^?,]{0,80}\b(inspection|visit)\b[^?]*\blast\b"
    # "…, and when had Ofsted last inspected before that?", "what had it been judged at the inspection before?", "the grade last time"
    r"|\b((last\s+)?(been\s+)?(inspected|visited)|inspection|visit)\s+before\s*(that|then|it|this|[?,.]|$)|\blast\s+time\b"
    r"|\b(inspection|visit)\s+before\s+(?:(?:the|its)\s+)?(?:[\w–-]+\s+){0,3}?(one|inspection|visit|(?:19|20)\d\d)\b"  # "the inspection before the March 2020 one", "… before September 2023"
    # "According to its May 2024 report, when was it last inspected?": before that report's own inspection
    r"|\b(according\s+to|going\s+by|based\s+on)\b[^?]{0,60}\b(report|letter)\b[^?]{0,80}\blast\s+(been\s+)?(inspected|visited)\b|\blast\s+(been\s+)?(inspected|visited)\b[^?]{0,80}\b(according\s+to|going\s+by|based\s+on)\b[^?]{0,60}\b(report|letter)\b"
    r"|\bhad\b[^?,]{0,40}\blast\s+(been\s+)?(inspected|visited)\b"  # "…in 2022, and when had Blackpool last been inspected?": before it
    r"|\blast\s+(been\s+)?(inspected|visited)\b(\s+[\w’']+){0,3}?\s+before\b"  # "When was Kirklees last inspected by Ofsted before the June 2019 inspection?"
    r"|\b(inspection|visit|report)\b[^?]*\bthe\s+one\s+before\s+(that|it|this)\b"  # "gateshead 2015 inspection - when was the one before that?"
    r"|\b(inspections?|visits?)\b[^?]{0,40}\bin\s+between\b",  # "…inspected in 2022. What kind of Ofsted visit had it had in between?"
    re.I,
)
_OWN_YEAR = re.compile(r"\s+(?:in|of|during)\s+(?:\w+\s+)?(?:19|20)\d\d\b", re.I)  # "the previous inspection in 2017": that one's year


def previous_bound(question: str) -> int | None:
    """"When was Rochdale previously inspected, according to its 2023 report?": the year the
    inspection asked of came before (the latest year the question names). None when it asks of no
    inspection before another, or names only that one's own year ("its previous inspection in 2017")."""
    found = _PREVIOUS.search(question)
    years = sorted(int(y) for y in YEAR.findall(question))
    if found is None or not years or (len(years) == 1 and _OWN_YEAR.match(question, found.end())):
        return None
    return years[-1]


# ... or the one before, asked of its kind ("in which year had it last had an inspection of that type?")
_ASKS_BEFORE = re.compile(_PREVIOUS.pattern + r"|\blast\s+(?:had|been|received)\b", re.I)
# the latest inspection: named so, or asked of the present ("What is Kent's current rating?", "Is Kent rated good?")
_LATEST = re.compile(
    r"\b(most\s+recent|latest|last|newest|current|currently|now|at\s+present|presently)\b"
    r"|^\s*(?:how\s+)?(is|are)\b[^?]{0,80}\b(rated|graded|judged)\b",
    re.I,
)
_EARLIEST = re.compile(r"\b(first|earliest|oldest)\b", re.I)


@dataclass(frozen=True)
class CoverAnswer:
    text: str
    citations: list[Citation]
    unjudged: str = ""  # the judgement asked for, when none of the reports makes it (their rows are cited)


def asks_cover(question: str) -> set[str]:
    """Which cover facts a question asks for: "lead", "dates", "published", "grades", "kind" (not
    the grades or the kind when it asks why, or for reasons, or for one side of the findings
    ("What did Ofsted credit when it judged leaders outstanding?"): those are in the passages)."""
    from .records import asks_why
    from .sides import asked_side

    asked = {name for name, pattern in _ASKS.items() if pattern.search(question)}
    if _ROLE_ASKED.search(acronyms.spell_out(question)):
        asked.add("team")  # a team's role asked by the sector's shorthand ("QA manager?")
    if "team" in asked and re.search(_BESIDES_LEAD, question, re.I):
        asked.discard("lead")  # "apart from the lead inspector": the others
    reasons = asks_why(question) or _AND_WHY.search(question) or asked_side(question) is not None
    if reasons and "grades" in asked and _GRADE_THEN_WHY.search(final_ask(question)):
        return asked - {"kind"}  # "What was its overall judgement, and why?": the grade, then its reasons (see ask._with_reasons)
    return asked - {"grades", "kind"} if reasons else asked


# "How big was the inspection team?": its size, which an older report states in its body ("The
# inspection team consisted of five of Her Majesty's Inspectors…"); a newer one only names its team
_TEAM_SIZE = re.compile(r"\b(?:how\s+(?:many|big|large)|what\s+size|the\s+size\s+of|number\s+of)\b[^?,;]{0,60}?\bteam\b", re.I)
_TEAM_SIZED = re.compile(r"\bteam\s+(?:consisted|comprised|was\s+made\s+up)\s+of\b", re.I)
# a grade asked for first, and then why ("what was the overall judgement and what reason did Ofsted give for it?")
_GRADE_THEN_WHY = re.compile(
    r"^\s*(?:what|how)\b[^?]*?\b(?:judge?ment|grade|rating|rated|judged|graded)\b[^?]*?(?:,\s*|\s)and\s+(?:why\b|what\s+reasons?\b)", re.I)
_AND_WHY = re.compile(r"\band\s+why\b", re.I)  # "What kind of inspection was it, and why?": the reasons are in the passages
# "Gateshead's 2019 Ofsted visit: when did it happen…?": "it" is the inspection the label names
# ("… inspection: when did it take place?", "… inspection of children's social care - what were the dates?")
_WHEN_OF_LABEL = r"(?:when\s+did\s+(?:it|they)\s+(?:run|take\s+place|happen)\b|(?:what\s+were\s+)?(?:the\s+|its\s+)?(?:exact\s+)?dates\b(?=\s*(?:\?|,|and\b|$))|when\s+(?:was|were)\s+(?:it|they)\b(?=\s*(?:\?|,|and\b|$)))"
_WHEN_LABELLED = re.compile(r"\b(inspection|visit)\b(?:\s+of\s+[\w’'-]+(?:\s+[\w’'-]+){0,3})?\s*[:–—-]\s*(?:and\s+)?" + _WHEN_OF_LABEL, re.I)
_WHEN_OF_LABEL_ALONE = re.compile(r"\s*(?:and\s+)?" + _WHEN_OF_LABEL + r"\s*\??\s*$", re.I)


def asks_of_label(question: str) -> set[str]:
    """The cover facts asked of the inspection a label before the question names (its dates)."""
    return {"dates"} if _WHEN_LABELLED.search(question) else set()


def asks_only_of_label(question: str, part: str) -> bool:
    """Is ``part`` of the question no more than the dates asked of the inspection its label names
    ("Havering's December 2023 inspection: what were the dates, and how…?": "what were the dates")?"""
    return bool(asks_of_label(question)) and _WHEN_OF_LABEL_ALONE.match(part) is not None


def asks_previous(question: str, span: YearSpan) -> bool:
    """Does the question ask what one report (named by its year) says of the inspection before it?
    Not when it asks the kind of that inspection, named by its own year too ("…looks back to an
    earlier inspection in 2014. What kind of inspection was that 2014 one?"): both reports' records
    say, the later with what it says of the earlier (see said_of_earlier)."""
    if len(span.exact) > 1 and asks_cover(final_ask(question)) == {"kind"}:
        return False
    return bool(span.exact) and _PREVIOUS.search(question) is not None


_WHICH_LED = re.compile(
    r"\b(which|what|list|how\s+many)\b[^?]{0,40}\b(inspections?|visits?|reports?|councils?|authorities|local\s+authorities|places)\b"
    r"|\b(has|have|did)\b[^?]{0,60}\b(inspected|inspect|led|lead|visited)\b",
    re.I,
)


def led_by(question: str, records: list[DocumentRecord]) -> list[DocumentRecord]:
    """"Which inspections did Tom Anthony lead?", "Which councils has Tom Anthony inspected?": the
    inspections whose lead inspector the question names, in date order ([] when it names none)."""
    if not _WHICH_LED.search(question):
        return []
    said = " ".join(question.lower().replace("’", "'").split())
    named = {r.lead_inspector for r in records if r.lead_inspector and re.search(rf"\b{re.escape(r.lead_inspector.lower())}\b", said)}
    return sorted((r for r in records if r.lead_inspector in named and r.kind in OFSTED_KINDS), key=lambda r: r.end_date or r.date or "")


_WHICH_INSPECTED = re.compile(
    r"\b(which|what|list|how\s+many)\b[^?]{0,40}\b(councils?|authorities|local\s+authorities|places)\b[^?]{0,60}\b(inspected|inspect|visited|visit)\b", re.I
)
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b", re.I)


def inspected_in(question: str, records: list[DocumentRecord], span: YearSpan) -> list[DocumentRecord]:
    """"Which councils did Ofsted inspect in March 2024?": the Ofsted inspections and visits that
    ended in the year (and month) asked, in date order ([] for any other question)."""
    if not _WHICH_INSPECTED.search(question) or not span.exact:
        return []
    month = _MONTH.search(question)
    wanted = f"-{MONTHS.index(month.group(1).lower()) + 1:02d}-" if month else ""
    return sorted((r for r in records if r.kind in OFSTED_KINDS and r.authority and r.end_date and int(r.end_date[:4]) in span.exact
                   and wanted in r.end_date), key=lambda r: r.end_date)


def inspections(question: str, records: list[DocumentRecord], authorities: tuple[str, ...], span: YearSpan = YearSpan()) -> list[DocumentRecord]:
    """The authority's inspections (reports and visit letters) that the question picks out: by
    the kind of document it names, its years, and "most recent" / "first"."""
    docs = [r for r in records if r.kind in OFSTED_KINDS and r.authority in authorities]
    named = _named_kinds(question)
    if named and _RELATIVE.search(question):  # "the inspection before the 2021 focused visit" is not the visit
        return []
    if named == {"inspection_report"}:  # "inspection" alone: reports first, else any of them
        docs = [r for r in docs if r.kind == "inspection_report"] or docs
    elif named:  # by its kind, or by its title for a letter filed as a plain "Ofsted letter"
        docs = [r for r in docs if r.kind in named or any(set(tokens(KIND_LABELS[k].rsplit(" ", 1)[0])) <= set(tokens(r.title or "")) for k in named)]
    docs = [r for r in docs if span.admits(years_of(r, asks_publication(question)))]
    own = {authority: _own_years(question, authority) for authority in authorities} if len(authorities) > 1 else {}
    if own and all(own.values()):  # "in Derby (March 2017) and Doncaster (autumn 2015)": each its own year
        published = asks_publication(question)
        for authority, years in own.items():
            if any(years & years_of(r, published) for r in docs if r.authority == authority):
                docs = [r for r in docs if r.authority != authority or years & years_of(r, published)]
    docs.sort(key=lambda r: r.end_date or r.date or "")
    last_before = span.before is not None and span.since is None and not span.exact  # "last inspected before 2022"
    # the latest (or first) of each authority the question names: "compare ours with Portsmouth's latest"
    if docs and (_LATEST.search(question) or last_before):
        picked = {r.authority: r for r in docs}  # in date order: each authority's last
    elif docs and _EARLIEST.search(question):
        picked = {r.authority: r for r in reversed(docs)}  # each authority's first
    else:
        return docs
    return [r for r in docs if picked[r.authority] is r]


def _own_years(question: str, authority: str) -> set[int]:
    """The years a question gives one of the places it compares right after its name ("Derby
    (March 2017)", "Doncaster in autumn 2015", "Kent's 2022 inspection")."""
    names = "|".join(re.escape(n) for n in sorted(names_of(authority), key=len, reverse=True))
    return {int(m.group(1)) for m in re.finditer(rf"\b(?:{names})(?:['’]s?)?\s*(?:\(\s*|,\s*)?(?:(?:in|at|from)\s+)?(?:[\w-]+\s+){{0,2}}?((?:19|20)\d\d)\b", question, re.I)}


# an inspection picked by its order: "its most recent inspection", "the first ILACS report", "last
# inspected", "Portsmouth's latest"
_ORDERED = re.compile(
    r"\b(most\s+recent|latest|last|newest|first|earliest|oldest)\s+([\w'’-]+\s+){0,2}(inspections?|visits?|reports?|grades?|judge?ments?|ratings?)\b"
    r"|\b(last|first)\s+inspected\b|['’]s\s+(most\s+recent|latest|last|newest|first|earliest|oldest)\b(?!\s+(time|year|month|week)s?\b)",  # "Portsmouth's latest"
    re.I,
)


def picks_one(question: str) -> bool:
    """Does the question pick one inspection of each authority by its order ("at its most recent
    inspection"), not by the word alone ("the first time")?"""
    return _ORDERED.search(question) is not None


def _named_kinds(question: str) -> set[str]:
    """The kinds of Ofsted document a question names, by their own labels' words ("focused visit
    letter": "focused visit"); a specific kind before the general "inspection"."""
    asked = set(tokens(question))
    named = {kind for kind in NAMED_KINDS if set(tokens(KIND_LABELS[kind].rsplit(" ", 1)[0])) <= asked}
    return (named - {"inspection_report"}) or named


PUBLISHED_LATER = 10  # an inspection ending in this month or later is published the next year, when the report doesn't say


# a report placed by a year, not its inspection ("the early-2023 Blackpool report", "the one reported in March 2020")
_REPORT_OF_YEAR = re.compile(r"\breported\b|\b(?:19|20)\d\d\b(?:[\s-]+(?!inspection|visit)[\w’'-]+){0,3}?[\s-]+report\b", re.I)


def asks_publication(question: str) -> bool:
    """Does the question place a report by when it was published ("the inspection published in
    2014", "the early-2023 Blackpool report")?"""
    return _PUBLISHED.search(question) is not None or _REPORT_OF_YEAR.search(question) is not None


def years_inspected(record: DocumentRecord) -> set[int]:
    """The years a report's inspection ran in (5 December 2022 to 15 February 2023: both), or its
    date's year."""
    return {int(d[:4]) for d in (record.start_date, record.end_date, record.date) if d}


def years_of(record: DocumentRecord, published: bool = False) -> set[int]:
    """The years a report is of: its inspection's and its publication's ("the inspection published
    in 2014"). ``published``: the question asks when it was published, so a report that gives no
    publication date and whose inspection ended late in a year is of the next year too."""
    years = years_inspected(record) | ({int(record.published[:4])} if record.published else set())
    end = record.end_date or record.date
    if published and not record.published and end and len(end) >= 7 and int(end[5:7]) >= PUBLISHED_LATER:
        years.add(int(end[:4]) + 1)
    return years


def answer_cover(question: str, fields: set[str], docs: list[DocumentRecord], passages_of, areas: set[str] = frozenset(), title_of=lambda doc_id: None) -> CoverAnswer | None:
    """Each asked fact of each document, quoted from the passage that states it; None when the
    documents don't state any of them (the question then goes to ordinary retrieval). ``areas``:
    every judgement area the library's reports make, to tell a judgement these reports don't
    make ("the overall grade" of a report under the 2026 framework, which gives none)."""
    unjudged_area = unjudged(question, [p for r in docs for p in passages_of(r.doc_id) if p.kind == "judgement"], areas) if fields == {"grades"} else ""
    lines, citations = [], []
    for record in docs:
        quoted: list[StoredPassage] = []
        quotes: dict[str, str] = {}  # a passage's sentence to quote, where not the whole passage
        passages = passages_of(record.doc_id)
        if "published" in fields and record.published:
            quoted += _first(passages, lambda p: display_date(record.published) in p.text or bool(_PUBLISHED.search(p.text) and record.published[:4] in p.text))
        if "dates" in fields and record.end_date:
            # (its dates line as the cover writes it, in figures too: "Inspection date: 1/06/2015 – 25/06/2015")
            quoted += _first(passages, lambda p: display_date(record.end_date) in p.text or display_range(record.start_date, record.end_date) in p.text) or _first(
                passages, lambda p: p.kind == "field" and _DATES_LINE.match(p.text) is not None and record.end_date[:4] in p.text
            )
        if "lead" in fields and record.lead_inspector:
            quoted += _first(passages, lambda p: record.lead_inspector in p.text)
            if _DEPUTY_ASKED.search(question):  # "the lead and deputy lead inspectors", "second in command"
                quoted += _first(passages, lambda p: _DEPUTY.match(p.text) is not None)
        roles = [role for m in _ROLE_ASKED.finditer(acronyms.spell_out(question)) for role in _roles_of(m)]
        if "team" in fields and roles:  # "Who was the shadow inspector?", "… the quality assurance manager and the senior data analyst?": those roles' lines of the cover
            quoted += [p for p in passages if p.kind in ("field", "paragraph") and (m := _ROLE_LINE.match(p.text)) and any(r in " ".join(m.group(0).lower().split()) for r in roles)]
        # the team asked beside a role ("…which inspectors made up the team, and who was the quality assurance manager?"): its lines too
        whole_team = "team" in fields and (not roles or re.search(_TEAM_NAMED, question, re.I) is not None)
        if whole_team and _TEAM_SIZE.search(question) and (sized := [(p, sentence) for p in passages if p.kind == "paragraph" and _TEAM_SIZED.search(p.text) for sentence, _ in passage_sentences(p.text, p.kind, p.fields) if _TEAM_SIZED.search(sentence)]):
            p, quotes[p.passage_id] = sized[0]  # the sentence saying how big the team was
            quoted.append(p)
        elif whole_team:  # the lines naming the inspection's team (the lead's too, unless set apart)
            named = record.inspectors + ((record.lead_inspector,) if record.lead_inspector and not re.search(_BESIDES_LEAD, question, re.I) else ())
            quoted += [p for p in passages if p.kind in ("field", "paragraph", "block") and any(name in p.text for name in named) and p not in quoted][:3]
            # and each other role's line of the cover ("Shadow inspector: …", "Additional inspector: …")
            quoted += [p for p in passages if p.kind in ("field", "paragraph") and _ROLE_LINE.match(p.text) and not _LEAD_LINE.match(p.text) and p not in quoted]
        if "grades" in fields:
            quoted += _grades(question, passages, every=bool(unjudged_area))
        labels = {}
        if "kind" in fields and record.framework:
            # the framework is read from the report's title and judgement rows, short or standard
            # from the days on site: its dates line is the evidence shown
            dated = _first(passages, lambda p: p.kind == "field" and _DATES_LINE.match(p.text) is not None)
            label = framework_label(record.framework)
            if _REINSPECTION.search(record.title or ""):  # "Re-inspection of services for children…": its title says so
                label = re.sub(r" inspection\b(?!.* inspection\b)", " re-inspection", label)
            title = title_of(record.doc_id)  # the title as the report prints it, when it does
            for p in dated:
                labels[p.passage_id] = f"{label}, by its title and dates: " if title is None else "Its dates: "
            if title is not None:
                labels[title.passage_id] = f"{label}, by its title and dates: "
            # a later report asked about beside an earlier one: what it says of that one ("Since the
            # single inspection framework (SIF) inspection in 2014, …"), in its own words
            told = said_of_earlier(record, [d for d in docs if d.authority == record.authority and (d.end_date or d.date or "") < (record.start_date or record.date or "")], passages, bool(_ASKS_BEFORE.search(question)))
            for p, sentence in told:
                labels[p.passage_id] = "Of the inspection before it: "
                quotes[p.passage_id] = sentence
            quoted = ([title] if title is not None else []) + [p for p, _ in told] + dated + quoted
        if not quoted:
            continue
        lines.append(_heading(record))
        for p in {p.passage_id: p for p in quoted}.values():
            n = len(citations) + 1
            quote = quotes.get(p.passage_id, p.text)
            lines.append(f"- {labels.get(p.passage_id, '')}“{quote}” [{n}]")
            citations.append(Citation.of(n, p, quote))
        lines.append("")
    if not citations:
        return None
    return CoverAnswer("\n".join(lines).strip(), citations, unjudged_area)


def _heading(record: DocumentRecord) -> str:
    """A cover answer's line naming the document its facts are of, with when its inspection was."""
    when = display_range(record.start_date, record.end_date) if record.start_date else display_date(record.date)
    if record.published and record.end_date and record.published[:4] != record.end_date[:4]:
        when += f" (published {display_date(record.published)})"  # "Ofsted's 2018 inspection" may mean its report's year
    return f"**{KIND_LABELS.get(record.kind, record.kind)} — {record.title}, {when}**"


def answer_before(record: DocumentRecord, passages: list[StoredPassage], question: str = "") -> CoverAnswer | None:
    """"When had Ofsted previously inspected Bromley, according to its 2023 report?": what the
    report says of an inspection in a year before its own (see said_of_earlier), quoted: its
    sentences on what ``question`` names of it ("its fostering service and its adoption service":
    both), else the first; None when it says nothing of one."""
    told = said_of_earlier(record, [], passages, before=True, every=True)
    if not told:
        return None
    # and those that tell of "the last inspection" without its year ("Services have seriously
    # declined since the last inspection, when all areas were judged to require improvement"),
    # after them: quoted for what they say of what is asked, not as the inspection's date
    held = {sentence for _, sentence in told}
    told += [(p, sentence) for p in passages if p.kind in ("paragraph", "item") for sentence, _ in passage_sentences(p.text, p.kind, p.fields)
             if sentence not in held and _THE_LAST_ONE.search(sentence) and not YEAR.search(sentence)]
    asked = set(tokens(question)) - _NOT_WHAT_OF - set(tokens(record.authority or ""))
    # each sentence that says more of what is asked than those before it ("its child protection
    # arrangements and its services for children looked after": a sentence on each), most first
    # (and, asked when and with what result, the one saying the month and the judgement: "…was in
    # May 2012. The local authority was judged to be good.", before one saying only its year)
    when, verdict = bool(_ASKS_WHEN.search(question)), bool(_ASKS_VERDICT.search(question))
    words = [asked & set(tokens(sentence)) | ({"<month>"} if when and _MONTH.search(sentence) and YEAR.search(sentence) else set())
             | ({"<judged>"} if verdict and _JUDGED.search(sentence) else set()) for _, sentence in told]
    chosen, covered = [], set()
    while True:  # (a chosen sentence's words are all covered: it gains nothing again)
        gain = [len(w - covered) for w in words]
        if max(gain) == 0:
            break
        chosen.append(gain.index(max(gain)))
        covered |= words[chosen[-1]]
    told = [told[i] for i in sorted(chosen)] if chosen else told[:1]  # (ties: the earlier, so one with its year first)
    lines = [f"- {'Of the inspection before it: ' if n == 1 else ''}“{sentence}” [{n}]" for n, (_, sentence) in enumerate(told, start=1)]
    return CoverAnswer("\n".join([_heading(record)] + lines), [Citation.of(n, p, sentence) for n, (p, sentence) in enumerate(told, start=1)])


_ASKS_WHEN = re.compile(r"\bwhen\b|\bwhat\s+(?:date|month)\b|\b(?:which|what)\s+(?:month|year)\b", re.I)
_ASKS_VERDICT = re.compile(r"\b(?:verdict|grades?|graded|judged|judgements?|rated|ratings?|result|outcome)\b", re.I)
_JUDGED = re.compile(r"\b(?:judged|rated|graded|found)\s+(?:to\s+be\s+|as\s+)?(?:outstanding|good|adequate|inadequate|requir\w*\s+improvement|satisfactory)\b", re.I)
_THE_LAST_ONE = re.compile(r"\b(?:the|its|their)\s+(?:last|previous|prior)\s+(?:[\w-]+\s+){0,2}?(?:inspection|visit)\b", re.I)

# what any question about the inspection before asks, not what of it: its words tell no sentence apart
_NOT_WHAT_OF = frozenset(tokens(
    "inspection inspections inspected previous previously last earlier before prior grade grades graded "
    "judged judgement judgements rated rating result when what how which ofsted report according"
))


def said_of_earlier(record: DocumentRecord, earlier: list[DocumentRecord], passages: list[StoredPassage], before: bool = False, every: bool = False) -> list[tuple[StoredPassage, str]]:
    """The first sentence of ``record``'s ``passages`` that tells of the latest of the ``earlier``
    inspections: an inspection said with the year it was inspected in. With none of them at
    hand, and ``before`` (the question asks of the inspection before it), one said with any
    earlier year ("Since the last ILACS inspection in 2018, …"); ``every``: each such sentence,
    in order. [] when none does. A law's year is no inspection's ("…the Education and
    Inspections Act 2006")."""
    if earlier:
        years = years_inspected(earlier[-1])
        told = lambda year: year in years  # noqa: E731
    elif before and years_inspected(record):
        first = min(years_inspected(record))
        told = lambda year: year < first  # noqa: E731 (any year before its own)
    else:
        return []
    found = []
    for p in passages:
        if p.kind not in ("paragraph", "item"):
            continue
        sentences = passage_sentences(p.text, p.kind, p.fields)
        # (a list item of two sentences is one thought: "…was in June 2012. The local authority was judged to be outstanding.")
        whole = p.kind == "item" and len(sentences) == 2
        for sentence, _ in sentences:
            if _tells_of(sentence, told):
                found.append((p, p.text.strip() if whole else sentence))
                if not every:
                    return found
    return found


def tells_of_inspection_before(text: str, first: int) -> bool:
    """Does ``text`` tell of an inspection in a year before ``first`` (see _tells_of)?"""
    return _tells_of(text, lambda year: year < first)


def tells_of_inspection_in(text: str, year: int) -> bool:
    """Does ``text`` tell of an inspection in ``year`` (see _tells_of)?"""
    return _tells_of(text, lambda said: said == year)


def _tells_of(text: str, told) -> bool:
    """Does ``text`` tell of an inspection in a year ``told`` accepts: an inspection said with that
    year, not a law's year nor a year said of something else?"""
    said = _STATUTE.sub(" ", text)
    return bool(_INSPECTION.search(said)) and any(told(int(y)) for y in YEAR.findall(said))


# a law by its title and year ("the Education and Inspections Act 2006", "Children Act 1989",
# "the Local Safeguarding Children Boards (Review) Regulations 2013")
_STATUTE = re.compile(r"(?:(?:\b[A-Z][\w’'-]*|\([A-Z][\w’'-]*\))\s+(?:(?:and|of|the|for)\s+)?)+(?:Act|Regulations)\s+(?:19|20)\d\d\b")

# ("an inspection in 2018", "was last inspected in June 2018", "A focused visit in November 2018 concluded…")
_INSPECTION = re.compile(r"\binspect(?:ions?|ed)\b|\b(?:focused|monitoring|ofsted)\s+visits?\b", re.I)

# the frameworks index/ofsted.py names by an abbreviation, spelled out (short and standard ILACS
# inspections are told apart by their days on site); any other is read as named ("a monitoring visit")
_SPELLED_OUT = {
    "SIF": "A single inspection framework (SIF) inspection",
    "ILACS standard": "An ILACS standard inspection (two weeks on site)",
    "ILACS short": "An ILACS short inspection (one week on site)",
    "ILACS": "An ILACS inspection (inspection of local authority children’s services)",
    "JTAI": "A joint targeted area inspection",
}


def framework_label(framework: str) -> str:
    """What a report's framework (as index/ofsted.py reads it) calls its inspection."""
    return _SPELLED_OUT.get(framework, f"A {framework}")

_REINSPECTION = re.compile(r"\bre-?inspection\b", re.I)
_DATES_LINE = re.compile(r"\s*inspection\s+dates?\b", re.I)
_ROLE_LINE = re.compile(rf"\s*(?:(?:[\w-]+\s+){{0,2}}inspectors?|(?:[\w-]+\s+)?(?:{_TEAM_ROLES})s?)\s*:", re.I)  # a cover's line of a role in the team and its name ("Shadow senior data analyst: …" too)
_ROLE_ASKED = re.compile(_OTHER_ROLES, re.I)


def _roles_of(asked: re.Match) -> list[str]:
    """The roles a match of ``_ROLE_ASKED`` names, as a cover's lines name them: a role asked by
    what it does is the role that does it ("quality-assured" the quality assurance manager)."""
    if not asked.group(3):
        return [" ".join((asked.group(1) or asked.group(2)).lower().split())]
    done = asked.group(3).lower()
    return [role for word, role in (("quality", "quality assurance manager"), ("data", "data analyst")) if word in done]
_LEAD_LINE = re.compile(r"\s*lead\s+inspectors?\s*:", re.I)
_OVERALL = re.compile(r"\boverall\b", re.I)
# the overall grade asked for itself, not an area's ("the overall grade for leadership")
_OVERALL_ASKED = re.compile(
    r"\boverall\s+(?:effectiveness\s+)?(?:grade|effectiveness|judge?ment|rating|outcome|result|verdict)\b(?!\s+(?:for|of|on|in)\b)"
    r"|\b(?:get|got|receive|received|achieve|achieved|rated|judged|graded)\s+overall\b"
    r"|\b(?:rate|rated|judge|judged|grade|graded)\s+(?:[\w’'-]+\s+){0,5}?services\s+overall\b",  # "rate the City of London's children's services overall"
    re.I,
)
# the judgement areas asked about together ("which judgement areas", "was any area", "the other judgements")
_CLAUSES = re.compile(r",\s*(?:and|but)\s+|\s+and\s+(?=(?:did|was|were|how|what|which|has|had|is)\b)", re.I)  # a compound question's asks
_DEPUTY = re.compile(r"\s*deputy\b", re.I)
_DEPUTY_ASKED = re.compile(r"\bdeputy\b|\bsecond[\s-]+in[\s-]+command\b", re.I)


def unjudged(question: str, rows: list[StoredPassage], areas: set[str]) -> str:
    """The judgement a question asks for that the library's reports make but none of ``rows``
    (the picked reports' judgement tables) does, by its area's words ("overall effectiveness" of a
    report under the 2026 framework, "adoption" of one after 2018); "" otherwise."""
    from .records import area_words, named_areas

    here = {p.fields.get("area", "") for p in rows}
    if not rows:
        return ""
    question = _without_inspection_name(question, rows[0].title)  # ("…its inspection of Sandwell's looked after children services": which inspection)
    if named_areas(question, here):
        return ""
    asked = named_areas(question, areas) | ({"overall_effectiveness"} & areas if _OVERALL.search(question) else set())
    # a judgement of it under another name counts ("looked after children": a 2013 report's
    # "outcomes for looked after children and young people")
    if not asked or any(area_words(a) <= area_words(h) for a in asked for h in here):
        return ""
    return " or ".join(sorted(a.replace("_", " ") for a in asked))


def _first(passages: list[StoredPassage], test) -> list[StoredPassage]:
    return next(([p] for p in passages if test(p)), [])


def _grades(question: str, passages: list[StoredPassage], every: bool = False) -> list[StoredPassage]:
    """The judgement rows a question asks about (its area's own words), else (or ``every``) every row."""
    from .records import AREAS_ASKED, closest_areas, graded_against, short_of_stated

    rows = [p for p in passages if p.kind == "judgement"]
    if every:
        return rows
    if rows:
        question = _without_inspection_name(question, rows[0].title)
    grades = {p.fields.get("grade", "").strip().lower() for p in rows}
    compared = graded_against(question, grades) or short_of_stated(question, grades)  # ("…good overall. Was any part rated lower than that?")
    if compared is not None:  # "was any area rated lower than good?": the rows under it
        under = [p for p in rows if p.fields.get("grade", "").strip().lower() in compared]
        if _OVERALL.search(question):  # "What overall grade…, and which area was below good?": the overall row too
            under = [p for p in rows if p.fields.get("area") == "overall_effectiveness" and p not in under] + under
        # (and the areas another ask names: "How was leadership graded, and which area was not judged good?")
        asks = [a for a in _CLAUSES.split(final_ask(question)) if a.strip()]
        named = set().union(*(closest_areas(a, rows) for a in asks if graded_against(a, grades) is None)) if len(asks) > 1 else set()
        return [p for p in rows if p.fields.get("area") in named and p not in under] + under
    ask = final_ask(question)
    if ask != question:  # "Warwickshire dropped to requires improvement overall. Was any judgement area still good?":
        # the areas the question asks about, not those its statement sets the scene with
        own = closest_areas(ask, rows)
        if own:
            question = ask
        elif AREAS_ASKED.search(ask):
            return rows
    # each ask's areas ("how were services for children in care judged, and did help and protection
    # reach the same grade?": both rows), else those the question names most closely
    asks = [a for a in _CLAUSES.split(final_ask(question)) if a.strip()]
    # (an ask of the areas that names none of them or their grade: every row, "…, and which judgement area got the top grade?")
    every_area = {p.fields.get("area") for p in rows}
    # (a bare "which" after an ask of the areas asks of them too: "which areas were requires improvement, and which was good?")
    leaning = [bool(AREAS_ASKED.search(asks[0])) and i > 0 and re.match(r"\s*which\b", a, re.I) is not None for i, a in enumerate(asks)]
    areas = set().union(*(closest_areas(a, rows) or _areas_graded(a, rows, lean) or (every_area if AREAS_ASKED.search(a) else set()) for a, lean in zip(asks, leaning))) if len(asks) > 1 else set()
    areas = areas or closest_areas(question, rows)
    if areas and _OVERALL_ASKED.search(question):  # "What overall grade did it get, and how was leadership rated?": both rows
        areas = set(areas) | {"overall_effectiveness"}
    return [p for p in rows if p.fields.get("area") in areas] if areas else rows


def _areas_graded(ask: str, rows: list[StoredPassage], leaning: bool = False) -> set[str]:
    """The areas an ask names by their grade ("which judgement area was graded inadequate", in
    "…, and how was the impact of leaders graded?"; ``leaning``, a bare "which" after an ask of the
    areas: "…, and which was good?"): those of the rows with a grade it names."""
    from .records import AREAS_ASKED, _mentions

    if not (AREAS_ASKED.search(ask) or leaning):
        return set()
    return {p.fields.get("area", "") for p in rows if _mentions(ask, p.fields.get("grade", "").strip().lower(), "judgement")}


_NAMED_INSPECTION = re.compile(r"((?:[\w’'-]+\s+){1,5})(inspection|report|visit)\b", re.I)


def _without_inspection_name(question: str, title: str) -> str:
    """The question without the words that name the inspection as its report's title does: in
    "the 2013 looked after children inspection", "looked after children" says which inspection
    (a phrase of its title), not which judgement area is asked about."""
    held = f" {' '.join(re.findall(r'[a-z0-9]+', title.lower()))} "

    def strip(match: re.Match) -> str:
        words = match.group(1).split()
        years = []
        while words and re.fullmatch(r"(19|20)\d\d", words[-1]):
            years.insert(0, words.pop())
        for k in range(len(words), 0, -1):
            phrase = " ".join(re.findall(r"[a-z0-9]+", " ".join(words[-k:]).lower()))
            if set(tokens(phrase)) and f" {phrase} " in held:
                words = words[:-k]
                break
        return " ".join(words + years + [match.group(2)])

    def strip_after(match: re.Match) -> str:  # "its inspection of Sandwell's looked after children services"
        words = match.group(2).split()
        for k in range(len(words), 0, -1):
            phrase = " ".join(re.findall(r"[a-z0-9]+", " ".join(words[:k]).lower()))
            if len(phrase.split()) >= 2 and f" {phrase} " in held:
                return " ".join([match.group(1).rstrip(), *words[k:]])
        return match.group(0)

    return _INSPECTION_OF.sub(strip_after, _NAMED_INSPECTION.sub(strip, question))


_INSPECTION_OF = re.compile(r"\b((?:inspection|report|visit)\s+of\s+(?:[A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*)*['’]s\s+)?)((?:[\w’'-]+\s+){0,4}[\w’'-]+)")


