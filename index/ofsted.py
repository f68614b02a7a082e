"""Read the facts of an Ofsted children's services report from its text.

Pure functions over the text a loader produced (pages joined with blank lines): which kind of
document it is, which framework, which local authority, the inspection dates, the inspectors and
the judgement table. Every pattern here is a pattern of a *format* Ofsted has used (the single
inspection framework of 2013-2017, ILACS from 2018, the 2013 looked-after-children inspections,
focused and monitoring visit letters), checked against the whole development library; none is
there for one document's wording.

Offsets in the results index the text as given, so a judgement can be cited from its table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

AUTHORITIES_FILE = Path(__file__).with_name("data") / "authorities.txt"


@dataclass(frozen=True)
class Judgement:
    area: str  # canonical key, e.g. "overall_effectiveness", "help_and_protection"
    label: str  # the row's label as the report words it, whitespace collapsed
    grade: str  # lowercase: "outstanding" | "good" | "requires improvement" | "inadequate" | as found
    start: int  # offsets of the row (label through grade)
    end: int


@dataclass(frozen=True)
class ReportFacts:
    kind: str  # "inspection_report" | "focused_visit_letter" | "monitoring_visit_letter" | "other"
    framework: str | None  # "SIF" | "ILACS standard" | "ILACS short" | "ILACS" | "focused visit" | ...
    authority: str | None
    title: str | None
    start_date: str | None  # ISO dates
    end_date: str | None
    published: str | None
    lead_inspector: str | None
    inspectors: tuple[str, ...]
    judgements: tuple[Judgement, ...]
    table: tuple[int, int] | None

    def grade(self, area: str) -> str | None:
        return next((j.grade for j in self.judgements if j.area == area), None)


# ---------------------------------------------------------------------------------------------
# Local authorities


@lru_cache(maxsize=1)
def _authority_names() -> tuple[tuple[str, tuple[str, ...]], ...]:
    rows = []
    for line in AUTHORITIES_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        names = [n.strip() for n in line.split("|") if n.strip()]
        rows.append((names[0], tuple(names)))
    # "North Northants", "W Sussex", "N Tyneside": a compass point written short, and the county's
    # own short name after it, as people type them
    short = {names[0]: names[1:] for names in (row[1] for row in rows)}
    derived = []
    for canonical, names in rows:
        point = re.match(r"((?:North|South|East|West)(?:\s+(?:East|West))?)\s+(.+)", canonical)  # "North East Lincs", "NE Lincs"
        if not point:
            derived.append((canonical, names))
            continue
        rests = [point.group(2), *(alias for alias in short.get(point.group(2), ()) if " " not in alias)]
        extra = [f"{p} {rest}" for p in (point.group(1), "".join(w[0] for w in point.group(1).split())) for rest in rests]
        derived.append((canonical, tuple(dict.fromkeys([*names, *extra]))))
    return tuple(derived)


def authorities() -> list[str]:
    """Canonical names of the English local authorities with children's services duties."""
    return [canonical for canonical, _ in _authority_names()]


def names_of(authority: str) -> tuple[str, ...]:
    """An authority's canonical name and its other names ("Kingston upon Hull", "Hull", …); a
    name the list doesn't hold is its only name."""
    return _names_by_key().get(authority.casefold(), (authority,))


@lru_cache(maxsize=1)
def _names_by_key() -> dict[str, tuple[str, ...]]:
    return {canonical.casefold(): names for canonical, names in _authority_names()}


@lru_cache(maxsize=1)
def _authority_pattern() -> tuple[re.Pattern, dict[str, str]]:
    # One alternation of every name and alias, longest first, so that at any position the
    # longest name wins ("Bournemouth, Christchurch and Poole" before "Bournemouth").
    lookup: dict[str, str] = {}
    for canonical, names in _authority_names():
        for name in names:
            lookup[_key(name)] = canonical
    alternatives = sorted(lookup, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(word) for word in alt.split(" ")) for alt in alternatives)
    # Whole words only: "York" must not match inside "Yorkshire", nor "Derby" in "Derbyshire".
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE), lookup


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").split()).lower()


def canonical_authority(text: str) -> str | None:
    """The local authority a title or cover names, as its canonical name, or None.

    Of the names found, overlapping shorter ones lose to longer ones ("North Yorkshire" over
    "York" is handled by whole-word matching; "Bournemouth, Christchurch and Poole" over "Poole"
    by the longest-first alternation); then the longest name wins, and the earliest on a tie.
    """
    pattern, lookup = _authority_pattern()
    found = [(m.start(), m.end(), lookup.get(_key(m.group(0)))) for m in pattern.finditer(text.replace("’", "'"))]
    found = [f for f in found if f[2]]
    if not found:
        return None
    best = max(found, key=lambda f: (f[1] - f[0], -f[0]))
    return best[2]


# ---------------------------------------------------------------------------------------------
# Dates

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# A date or a part of one: "18 February 2019", "18 February", "18", "1/06/2015", "01/06/15".
_DATE_PART = re.compile(
    rf"\b(?:(\d{{1,2}})/(\d{{1,2}})/(\d{{2,4}})|(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+({_MONTH})\b\.?)?(?:\s+(\d{{4}}))?)(?![\d/])",
    re.IGNORECASE,
)


def parse_dates(text: str) -> list[date]:
    """Every date a range expression names, in order, its missing months and years filled in.

    "10 to 21 July 2023" -> 10 July 2023, 21 July 2023; "19 November-11 December 2013 and
    28 – 30 January 2014" -> four dates; "30 December to 10 January 2020" puts the first in 2019.
    """
    parts: list[list[int | None]] = []
    for m in _DATE_PART.finditer(text):
        if m.group(1):
            year = int(m.group(3))
            parts.append([int(m.group(1)), int(m.group(2)), year + 2000 if year < 100 else year])
        else:
            month = MONTHS[m.group(5).lower().rstrip(".")] if m.group(5) else None
            parts.append([int(m.group(4)), month, int(m.group(6)) if m.group(6) else None])
    # Fill a part's month and year from the next part that has them (ranges share the tail).
    for i in range(len(parts) - 2, -1, -1):
        for field in (1, 2):
            if parts[i][field] is None:
                parts[i][field] = parts[i + 1][field]
    dates: list[date] = []
    for i, (day, month, year) in enumerate(parts):
        if month is None or year is None:
            continue
        if i + 1 < len(parts) and parts[i + 1][2] == year and parts[i + 1][1] is not None and month > parts[i + 1][1]:
            year -= 1  # "30 December to 10 January 2020": the year given is the later one
        try:
            dates.append(date(year, month, day))
        except ValueError:
            continue
    return dates


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


# ---------------------------------------------------------------------------------------------
# Grades and judgement areas

_GRADE = (
    r"outstanding|good|inadequate|adequate|not\s+judged"  # "adequate": the 2013 four-point scale
    r"|requires?\s+improvement(?:\s+to\s+be\s+good)?"
)
# A grade ending a line: how every judgement table and list sets its grades. The 2013 tables
# add the number ("Inadequate Grade 4"). A table row is followed by a new row, a heading or a
# page break, never by a lower-case word: that is a sentence wrapping ("...benefit greatly from
# outstanding\nservices.").
_ROW_GRADE = re.compile(
    rf"\b(?P<grade>{_GRADE})(?:[ \t]+Grade[ \t]+\d)?[ \t\u00a0]*(?=\n|$)(?!\n\s*(?-i:[a-z]))", re.IGNORECASE
)


# Ofsted's grades, best first, with their place on its four-point scale: the 2013 scale's
# "adequate" sits where "requires improvement" does; "not judged" has none.
GRADES = (("outstanding", 4), ("good", 3), ("requires improvement", 2), ("adequate", 2), ("inadequate", 1), ("not judged", None))


def normalise_grade(found: str) -> str:
    grade = " ".join(found.lower().split())
    if grade.startswith("require"):
        return "requires improvement"  # SIF's and ILACS's "requires improvement to be good"
    return grade


# Keywords of the judgement labels, most specific first.
_AREAS = (
    ("overall effectiveness", "overall_effectiveness"),
    ("impact of leaders", "impact_of_leaders"),
    ("help and protection", "help_and_protection"),
    ("children in care and care leavers", "children_in_care_and_care_leavers"),
    ("children in care", "children_in_care"),
    ("care leavers", "care_leavers"),
    ("children looked after", "children_looked_after"),
    ("adoption", "adoption"),
    ("leadership and management", "leadership"),
    ("leadership, management and governance", "leadership"),
    ("safeguarding children board", "lscb"),
    ("lscb", "lscb"),
)


def area_keys() -> list[str]:
    """The judgement areas, in the order Ofsted's tables list them."""
    return list(dict.fromkeys(key for _, key in _AREAS))


def area_label(key: str) -> str:
    """How a judgement area is headed: the first words that name it ("Help and protection")."""
    words = next((w for w, k in _AREAS if k == key), key.replace("_", " "))
    return words[:1].upper() + words[1:]


def area_key(label: str) -> str:
    low = " ".join(label.lower().replace("’", "'").split())
    for words, key in _AREAS:
        if words in low:
            return key
    return re.sub(r"[^a-z0-9]+", "_", low).strip("_")


def _collapse(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------------------------------------
# Reading a report


def read_facts(text: str, pages: tuple[tuple[int, int, int], ...] = ()) -> ReportFacts:
    """Everything the document's own text says about the inspection it reports."""
    cover_end = _cover_end(text, pages)
    cover = text[:cover_end]
    letter = _letter_kind(cover)
    if letter:
        return _read_letter(text, cover, letter)
    return _read_report(text, cover)


def _cover_end(text: str, pages) -> int:
    # The cover is page 1; a page may be short (a SIF cover's footnote sits on it), so take at
    # least 2,500 characters, which covers every cover table in the library.
    first = pages[0][2] if pages else 0
    return min(len(text), max(first, 2500))


_LETTER = re.compile(r"^\s*(Focused|Monitoring)\s+visit\s+(?:to|of)\b[^\n]*", re.IGNORECASE | re.MULTILINE)


def _letter_kind(cover: str) -> str | None:
    m = _LETTER.search(cover[:3000])
    return m.group(1).lower() if m else None


_DATES_LABEL = re.compile(r"^[ \t]*Inspection\s+dates?\b[ \t]*:?", re.IGNORECASE | re.MULTILINE)
_TITLE_START = re.compile(r"^[ \t]*(?:Re-?\s?inspection|Inspection)\s+of\b", re.IGNORECASE | re.MULTILINE)
# Where a cover's date field ends: the next labelled line or the judgements.
# ("Inspection date: 21 November–15 December 2016 Report published: 13 February 2017" on one line)
_FIELD_END = re.compile(
    r"\n[ \t]*(?:Report\s+published|Published|Lead\s+inspector|Reporting\s+inspector|Judgement|"
    r"The\s+overall|Children[’']s\s+services|Age\s+group|\d+\.\s)|[ \t]+Report\s+published\b",
    re.IGNORECASE,
)


def _read_report(text: str, cover: str) -> ReportFacts:
    label = _DATES_LABEL.search(cover)
    head_end = label.start() if label else _judgement_header_start(cover)
    title = _title(cover[:head_end]) if head_end else None
    authority = canonical_authority(cover[:head_end]) if head_end else None

    start = end = None
    dates: list[date] = []
    if label:
        field_end = _FIELD_END.search(cover, label.end())
        field = cover[label.end(): field_end.start() if field_end else label.end() + 160]
        dates = parse_dates(field)
        if dates:
            start, end = min(dates), max(dates)

    published = None
    pub = re.search(r"(?:^[ \t]*(?:Report\s+)?|[ \t]Report\s+)published\s*:?\s*([^\n]+)", cover, re.IGNORECASE | re.MULTILINE)
    if pub:
        found = parse_dates(pub.group(1))
        published = _iso(found[0]) if found else None

    lead, others = _inspectors(text)
    judgements, table = _judgements(text, cover)
    framework = _framework(cover[:head_end], judgements, dates[:2] if label else [])
    kind = "inspection_report" if (label or judgements) else "other"
    if framework == "JTAI":
        kind = "other"
    return ReportFacts(
        kind=kind,
        framework=framework,
        authority=authority,
        title=title,
        start_date=_iso(start),
        end_date=_iso(end),
        published=published,
        lead_inspector=lead,
        inspectors=others,
        judgements=judgements,
        table=table,
    )


def _judgement_header_start(cover: str) -> int:
    m = re.search(r"Judgement\s+Grade", cover)
    return m.start() if m else 0


def _title(head: str) -> str | None:
    """The cover's title: the last "Inspection of ..." before the dates, after any authority line.

    Covers either name the authority in the title ("Inspection of Kent County Council children's
    services") or on lines above it ("London Borough of Barnet" / "Inspection of services for
    children in need of help ..."); in the second case the title keeps the name in front.
    A running header that repeats the title (with its date and page number) is skipped.
    """
    starts = list(_TITLE_START.finditer(head))
    if not starts:
        return None
    begin = starts[-1].start()
    title = _collapse(head[begin:])
    title = re.sub(r"(?<=[a-z])\d(?=\s|$)", "", title)  # footnote marks: "Children Board1"
    before = [ln.strip() for ln in head[:begin].splitlines() if ln.strip()]
    before = [ln for ln in before if not ln.isdigit()]
    if before and not any(re.search(r"\d|^Inspection\b", ln) for ln in before):
        title = f"{_collapse(' '.join(before))}: {title}"
    return title or None


def _framework(head: str, judgements, onsite: list[date]) -> str | None:
    """The framework from the cover's title and judgement rows.

    ILACS reports do not say whether they are short or standard; the length does: a short
    inspection is one week on site, a standard one two. Only the first stretch counts, as some
    inspections paused and resumed ("8 to 12 July 2019 and 7 to 8 August 2019").
    """
    areas = {j.area for j in judgements}
    title = _collapse(head).lower().replace("’", "'")
    if "joint targeted area inspection" in title:
        return "JTAI"
    if "services for children in need of help and protection" in title or "children_looked_after" in areas:
        return "SIF"
    if "impact_of_leaders" in areas:
        if len(onsite) == 2:
            return "ILACS short" if (onsite[1] - onsite[0]).days <= 7 else "ILACS standard"
        return "ILACS"
    return None


# ---------------------------------------------------------------------------------------------
# Judgements


_ILACS_HEADER = re.compile(r"^[ \t]*Judgement\s+Grade[ \t]*$", re.IGNORECASE | re.MULTILINE)
# The SIF cover list starts "1. Children who need help and protection".
_SIF_LIST = re.compile(r"^[ \t]*1\.?[ \t]+Children\s+who\s+need\s+help", re.IGNORECASE | re.MULTILINE)
# The 2013 looked-after-children inspections end with a "Record of main findings" table.
_LAC_HEADER = re.compile(
    r"^[ \t]*Record\s+of\s+main\s+findings\s*\n[ \t]*Services\s+for\s+looked\s+after\s+children[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_SIF_OVERALL = re.compile(
    rf"^[ \t]*(?P<label>The\s+overall\s+judgement\s+is(?:\s+that\s+children[’']s\s+services)?"
    rf"|Children[’']s\s+services\s+in\s+[^\n]{{1,80}}?(?:\n[^\n]{{1,40}}?)?)"
    rf"\s+(?:(?:are|is)\s+)?(?P<grade>{_GRADE})\b",
    re.IGNORECASE | re.MULTILINE,
)
_LSCB = re.compile(
    rf"^[ \t]*(?P<label>The\s+(?:effectiveness\s+of\s+the\s+)?(?:Local\s+Safeguarding\s+Children[’']?s?\s+Board"
    rf"(?:\s+\(LSCB\))?|LSCB))\s+(?:is\s+)?(?P<grade>{_GRADE})\b",
    re.IGNORECASE | re.MULTILINE,
)


def _judgements(text: str, cover: str) -> tuple[tuple[Judgement, ...], tuple[int, int] | None]:
    rows: list[Judgement] = []
    header = _ILACS_HEADER.search(cover)
    sif = _SIF_LIST.search(cover)
    if header:
        rows = _table_rows(text, header.end(), len(cover))
    elif sif:
        overall = _SIF_OVERALL.search(cover)
        if overall:
            rows.append(_judgement("overall_effectiveness", overall.group("label"), overall))
        rows += _table_rows(text, sif.start(), len(cover))
        rows += _sif_continued(text, rows, min(len(text), len(cover) + 2500))
    else:
        lac = list(_LAC_HEADER.finditer(text))
        if lac:
            rows = _table_rows(text, lac[-1].end(), len(text))
    if not rows:
        return (), None
    table = (min(r.start for r in rows), max(r.end for r in rows))
    if sif and not any(r.area == "lscb" for r in rows):
        # Later SIF reports give the LSCB's judgement in its own section, not on the cover.
        lscb = _LSCB.search(text, cover.find("\n", table[1]) if table[1] < len(cover) else table[1])
        if lscb:
            rows.append(_judgement("lscb", lscb.group("label"), lscb))
    return tuple(rows), table


_NUMBERED_ROW = re.compile(r"^[ \t]*\d+\.(?:\d+)?[ \t]+[A-Z]", re.MULTILINE)
_SIF_AREAS = {"help_and_protection", "children_looked_after", "adoption", "care_leavers", "leadership"}


def _sif_continued(text: str, rows: list[Judgement], limit: int) -> list[Judgement]:
    """The rest of a SIF cover list that runs over onto page 2 (after the cover's footnote)."""
    found = {r.area for r in rows}
    if not rows or _SIF_AREAS <= found:
        return []
    nxt = _NUMBERED_ROW.search(text, rows[-1].end, limit)
    if not nxt:
        return []
    more = _table_rows(text, nxt.start(), limit)
    return [r for r in more if r.area in _SIF_AREAS - found]


def _judgement(area: str, label: str, m: re.Match) -> Judgement:
    label = _collapse(label)
    return Judgement(area, label, normalise_grade(m.group("grade")), m.start("label"), m.end("grade"))


def _table_rows(text: str, begin: int, limit: int) -> list[Judgement]:
    """Rows of a judgement table: each a label (wrapped over lines) and a grade ending a line.

    The table ends at the first stretch of prose: a label too long or with a full stop in it.
    """
    rows: list[Judgement] = []
    pos = begin
    for m in _ROW_GRADE.finditer(text, begin, limit):
        raw = text[pos: m.start()]
        label = _collapse(raw)
        label = re.sub(r"^\d+(?:\.\d+)*\.?\s+", "", label)  # the SIF list's numbering
        label = re.sub(r"\s+(?:is|are)$", "", label).rstrip(".")  # "The effectiveness of the LSCB is"
        # A sentence ending inside the label means prose, not a table row.
        if not label or len(label) > 160 or re.search(r"[a-z)][.!?]\s", label):
            break
        offset = pos + len(raw) - len(raw.lstrip())
        rows.append(Judgement(area_key(label), label, normalise_grade(m.group("grade")), offset, m.end("grade")))
        pos = m.end()
        if rows[-1].area == "overall_effectiveness" and len(rows) > 1:
            break  # ILACS tables end with overall effectiveness (the 2013 ones start with it)
    return rows


# ---------------------------------------------------------------------------------------------
# Inspectors

# Labels of the lines that name inspectors: ILACS covers ("Lead inspector: ..."), SIF's "The
# inspection team" ("Deputy lead inspector", "Team inspectors", "Shadow inspectors" ...) and the
# 2013 looked-after-children covers ("Reporting inspector Gary Lamb HMI").
_TEAM_LINE = re.compile(
    r"^[ \t]*(?P<label>(?:Deputy\s+)?(?:Lead|Reporting|Team|Shadow|Supernumerary|Associate|Additional|"
    r"Regulatory|Seconded)\s+inspectors?(?:\s+on\s+site)?(?:\s*\([^)\n]*\))?)[ \t]*:?[ \t]*(?P<value>[^\n]*)",
    re.IGNORECASE | re.MULTILINE,
)
_ROLE = re.compile(
    r"\((?:[^)]*)\)"
    r"|\b(?:Senior\s+)?(?:Her|His)\s+Majesty[’']s\s+Inspectors?(?:\s*\(S?HMI\))?"
    r"|\b(?:Senior\s+)?S?HMIs?\b|\bOI\b|\bAI\b|\bSCRI\b|\bdesignated?\b"
    r"|\b(?:additional|associate|contracted|seconded|regulatory|Ofsted|social\s+care\s+regulatory)\s+inspectors?\b"
    r"|\bfor\s+this\s+visit\s+were\b|\bThe\s+(?:lead\s+)?inspectors?\s+(?:were|was)\b",
    re.IGNORECASE,
)
_NAME_WORD = r"(?:[A-ZÀ-Þ][\w’'.-]*|d[’']\w+|O[’']\w+|de|van|von|le)"
_NAME = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}$")


def split_names(value: str) -> list[str]:
    """People's names in a list like "Mike Ferguson HMI, Wendy Ghaffar (HMI) and Sara Goodinge"."""
    cleaned = _ROLE.sub(",", value)
    names = []
    for piece in re.split(r"[,;:]|\band\b|\s&\s", cleaned):
        piece = _collapse(piece).strip(" .")
        piece = re.sub(r"(\w)-\s+(\w)", r"\1-\2", piece)  # "Porter-\nMoore" wrapped
        piece = re.sub(r"^(?:Dr|Mr|Mrs|Ms|Miss)\.?\s+", "", piece)
        if not _NAME.match(piece):
            continue
        words = piece.split()
        # Four capitalised words are two people whose comma the list lost ("Judith Nelson
        # Robert Pyner"); names in these reports run to three words at most.
        people = [" ".join(words[:2]), " ".join(words[2:])] if len(words) == 4 else [piece]
        names += [p for p in people if p not in names]
    return names


def _team_value(text: str, m: re.Match) -> str:
    """A labelled line's value with its continuation lines (lists wrap: "Chris\\nLuke")."""
    value = m.group("value")
    pos = m.end()
    for _ in range(3):
        nxt = text.find("\n", pos + 1)
        line = text[pos + 1: nxt if nxt != -1 else len(text)]
        stripped = line.strip()
        if (
            not stripped
            or stripped.isdigit()
            or ":" in stripped[:45]
            or _TEAM_LINE.match(line)
            or value.rstrip().endswith(".")
        ):
            break
        value += " " + stripped
        pos = nxt if nxt != -1 else len(text)
    return value


def _inspectors(text: str) -> tuple[str | None, tuple[str, ...]]:
    lead: str | None = None
    others: list[str] = []
    for m in _TEAM_LINE.finditer(text):
        label = m.group("label").lower()
        names = split_names(_team_value(text, m))
        if not names:
            continue
        if re.match(r"(lead|reporting)\b", label):
            if lead is None:
                lead, names = names[0], names[1:]  # "Lead inspectors: A, HMI, and B, HMI"
            elif names[0] == lead:
                names = names[1:]
        others += [n for n in names if n not in others]
        if lead is None and "team" in label:
            break  # a team list without a lead is not an inspection team
    others = [n for n in others if n != lead]
    return lead, tuple(others)


# ---------------------------------------------------------------------------------------------
# Letters: focused visits and monitoring visits

_VISIT_ON = re.compile(r"\b(?:visit|inspection)\b[^.]{0,200}?\bon\s+([^.]{0,80}?\d{4})", re.IGNORECASE)
_LETTER_DATE = re.compile(rf"^[ \t]*(\d{{1,2}}\s+(?:{_MONTH})\s+\d{{4}})[ \t]*$", re.IGNORECASE | re.MULTILINE)
_INSPECTORS_SENTENCE = re.compile(
    r"(?:The\s+(?:lead\s+)?inspectors?\s+(?:were|was)|(?:Her|His)\s+Majesty[’']s\s+Inspectors?\s+for\s+this\s+visit\s+(?:were|was)"
    r"|Inspectors?\s+for\s+this\s+visit\s+(?:were|was))\s+([^\n]*(?:\n[^\n]+){0,2}?)(?:\.\s|\.$)",
    re.IGNORECASE,
)


def _read_letter(text: str, cover: str, letter: str) -> ReportFacts:
    heading = _LETTER.search(cover)
    title = heading.group(0)
    # A heading may wrap onto a second short line before the letter's first sentence.
    nxt = text[heading.end(): heading.end() + 120].split("\n")
    if len(nxt) > 1 and nxt[1].strip() and not re.match(r"\s*This\s+letter", nxt[1]) and len(nxt[1]) < 80:
        title += " " + nxt[1]
    title = _collapse(title)
    start = end = None
    on = _VISIT_ON.search(text, heading.end(), heading.end() + 1500)
    if on:
        dates = parse_dates(on.group(1))
        if dates:
            start, end = min(dates), max(dates)
    published = None
    dated = _LETTER_DATE.search(cover[: heading.start()] or cover)
    if dated:
        found = parse_dates(dated.group(1))
        published = _iso(found[0]) if found else None
    names: list[str] = []
    sentence = _INSPECTORS_SENTENCE.search(text, heading.end())
    if sentence:
        names = split_names(sentence.group(1))
    lead, others = _inspectors(text)
    if lead is None and names:
        lead, names = names[0], names[1:]
    for n in names:
        if n != lead and n not in others:
            others += (n,)
    return ReportFacts(
        kind=f"{letter}_visit_letter",
        framework=f"{letter} visit",
        authority=canonical_authority(title),
        title=title,
        start_date=_iso(start),
        end_date=_iso(end),
        published=published,
        lead_inspector=lead,
        inspectors=tuple(o for o in others if o != lead),
        judgements=(),
        table=None,
    )
