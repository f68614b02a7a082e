"""Judgements at a glance: every indexed inspection with its graded judgements, each grade tied to
the judgement-table row it was read from, filtered and sorted for a table, shaped for charts (one
or more authorities over time, the grades by year across the library) and turned into a cited
briefing item.

Grades are the index's own values (``index/ofsted.py`` ``normalise_grade``): lowercase
"outstanding", "good", "requires improvement" (also "requires improvement to be good"),
"inadequate", the 2013 scale's "adequate", and "not judged".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from index.ofsted import GRADES, area_keys, area_label, normalise_grade
from index.store import DocumentRecord, StoredPassage
from index.text import display_date, display_range

from .briefing import BriefingItem
from .types import Citation

OVERALL = "overall_effectiveness"

SCORES = {grade: score for grade, score in GRADES if score is not None}


def grade_label(grade: str) -> str:
    """'requires improvement to be good' -> 'Requires improvement' (an unknown grade: capitalised)."""
    return normalise_grade(grade).capitalize()


def grade_score(grade: str) -> int | None:
    """The grade on the 4 (outstanding) to 1 (inadequate) scale; None when it has no place on it."""
    return SCORES.get(normalise_grade(grade))


@dataclass(frozen=True)
class Judgement:
    """One graded row of a report's judgement table, as indexed: the passage that cites it."""

    area: str  # key: "overall_effectiveness", "help_and_protection"...
    label: str  # the area as printed in the report
    grade: str  # lowercase, as the index holds it
    passage_id: str
    text: str  # the row as stored (verbatim): "Overall effectiveness Good"
    locator: str
    start: int
    end: int

    @property
    def grade_label(self) -> str:
        return grade_label(self.grade)

    @property
    def score(self) -> int | None:
        return grade_score(self.grade)


@dataclass(frozen=True)
class Inspection:
    """One indexed report with judgements: who, when, under which framework, and each grade."""

    doc_id: str
    title: str
    authority: str
    kind: str
    framework: str | None
    publisher: str | None
    date: str | None  # the document's date (publication, or the last day inspected)
    start_date: str | None
    end_date: str | None
    judgements: tuple[Judgement, ...]

    @property
    def year(self) -> int | None:
        """The year inspected (the first day on site; else the document's date)."""
        when = self.start_date or self.date
        return int(when[:4]) if when else None

    @property
    def inspected(self) -> str:
        """'19 to 30 November 2018'"""
        return display_range(self.start_date, self.end_date) if self.start_date else display_date(self.date)

    @property
    def sort_date(self) -> str:
        return self.start_date or self.date or ""

    def judgement(self, area: str) -> Judgement | None:
        return next((j for j in self.judgements if j.area == area), None)

    def grade(self, area: str = OVERALL) -> str | None:
        j = self.judgement(area)
        return j.grade if j else None

    def passage_ids(self) -> dict[str, str]:
        """Judgement area -> the passage id of its row (the first, where a report repeats an area)."""
        out: dict[str, str] = {}
        for j in self.judgements:
            out.setdefault(j.area, j.passage_id)
        return out


# --- building -----------------------------------------------------------------------------


def build_inspections(records: dict[str, DocumentRecord], passages: Iterable[StoredPassage]) -> list[Inspection]:
    """Inspections from the store's document records and judgement passages, oldest first.

    A grade is taken only from a judgement passage, so every grade has a row to cite; a document
    with no judgement passage (a visit letter, a plan) is not an inspection here.
    """
    rows: dict[str, list[StoredPassage]] = {}
    for p in passages:
        if p.kind == "judgement" and p.doc_id in records and p.fields.get("grade"):
            rows.setdefault(p.doc_id, []).append(p)
    out = []
    for doc_id, found in rows.items():
        record = records[doc_id]
        found.sort(key=lambda p: p.ordinal)
        judgements = tuple(
            Judgement(
                area=p.fields.get("area", ""),
                label=p.fields.get("judgement", ""),
                grade=p.fields["grade"],
                passage_id=p.passage_id,
                text=p.text,
                locator=p.locator,
                start=p.start,
                end=p.end,
            )
            for p in found
        )
        out.append(
            Inspection(
                doc_id=doc_id,
                title=record.title,
                authority=record.authority or record.title,
                kind=record.kind,
                framework=record.framework,
                publisher=record.publisher,
                date=record.date,
                start_date=record.start_date,
                end_date=record.end_date,
                judgements=judgements,
            )
        )
    return sort_inspections(out)


def load_inspections(store) -> list[Inspection]:
    """Every inspection in ``store`` (an ``index.store.Store``)."""
    records = store.document_records()
    if not any(r.judgements for r in records.values()):
        return []
    passages = store.passages_of_kind("judgement", records)
    return build_inspections(records, passages)


# --- choosing and ordering ---------------------------------------------------------------


def authorities(inspections: Iterable[Inspection]) -> list[str]:
    return sorted({i.authority for i in inspections})


def years(inspections: Iterable[Inspection]) -> list[int]:
    return sorted({i.year for i in inspections if i.year is not None})


def areas(inspections: Iterable[Inspection]) -> list[str]:
    """The judgement areas graded in any of ``inspections``, in the order Ofsted's tables list them."""
    found = {j.area for i in inspections for j in i.judgements}
    known = [a for a in area_keys() if a in found]
    return known + sorted(found - set(known))


def filter_inspections(
    inspections: Iterable[Inspection],
    authorities: Sequence[str] = (),
    year_from: int | None = None,
    year_to: int | None = None,
    grades: Sequence[str] = (),
    area: str | None = OVERALL,
) -> list[Inspection]:
    """The inspections of these authorities (all when empty), inspected within the years given,
    whose grade for ``area`` (any area when None) is one of ``grades`` (any when empty; grades
    as lowercase values or labels)."""
    wanted = {grade_label(g) for g in grades}
    out = []
    for i in inspections:
        if authorities and i.authority not in authorities:
            continue
        if year_from is not None and (i.year is None or i.year < year_from):
            continue
        if year_to is not None and (i.year is None or i.year > year_to):
            continue
        if wanted:
            graded = [j for j in i.judgements if area is None or j.area == area]
            if not any(j.grade_label in wanted for j in graded):
                continue
        out.append(i)
    return out


SORTS = ("date", "authority", "grade")


def sort_inspections(inspections: Iterable[Inspection], by: str = "date", descending: bool = False) -> list[Inspection]:
    """Sorted by inspection date, authority, or overall grade (best first when descending);
    ties broken by authority and date."""
    if by not in SORTS:
        raise ValueError(f"sort by one of {', '.join(SORTS)}, not {by!r}")
    if by == "authority":
        key = lambda i: (i.authority.lower(), i.sort_date)  # noqa: E731
    elif by == "grade":
        key = lambda i: (grade_score(i.grade() or "") or 0, i.authority.lower(), i.sort_date)  # noqa: E731
    else:
        key = lambda i: (i.sort_date, i.authority.lower())  # noqa: E731
    return sorted(inspections, key=key, reverse=descending)


def table_rows(inspections: Sequence[Inspection], area_keys: Sequence[str] | None = None) -> list[dict]:
    """One dict a row for a table: authority, dates, framework and each area's grade ('' where
    the report does not grade it)."""
    area_keys = list(area_keys) if area_keys is not None else areas(inspections)
    rows = []
    for i in inspections:
        row = {"Authority": i.authority, "Inspected": i.inspected, "Year": i.year, "Framework": i.framework or ""}
        for area in area_keys:
            j = i.judgement(area)
            row[area_label(area)] = j.grade_label if j else ""
        rows.append(row)
    return rows


def judgement_for_column(inspection: Inspection, column: str | None) -> Judgement | None:
    """The judgement a table cell shows (its column heading an area label), or the overall one
    (else the first) for any other column or a whole row."""
    by_label = {area_label(j.area): j for j in reversed(inspection.judgements)}
    if column in by_label:
        return by_label[column]
    return inspection.judgement(OVERALL) or (inspection.judgements[0] if inspection.judgements else None)


# --- chart data ----------------------------------------------------------------------------

ALL_AUTHORITIES = "All authorities"


def timeline(inspections: Sequence[Inspection], chosen: Sequence[str], area: str = OVERALL) -> dict[str, list[dict]]:
    """Long-form data for a chart of the ``chosen`` authorities' grades for ``area`` over time,
    against every authority inspected in the same years.

    Returns ``{"points": [...], "others": [...]}``: a point a chosen authority's graded
    inspection (authority, year, date, grade, score, passage_id, doc_id), and for each of those
    years and each grade the number of inspections of all authorities given it (year, grade,
    score, count). Grades off the scale ("not judged") are left out of both.
    """
    points = []
    for i in inspections:
        j = i.judgement(area)
        if i.authority in chosen and j and j.score is not None and i.year is not None:
            points.append({
                "authority": i.authority, "year": i.year, "date": i.sort_date, "inspected": i.inspected,
                "grade": j.grade_label, "score": j.score, "passage_id": j.passage_id, "doc_id": i.doc_id,
            })
    points.sort(key=lambda p: (p["authority"], p["date"]))
    shown_years = {p["year"] for p in points}
    counts: dict[tuple[int, str], int] = {}
    for i in inspections:
        j = i.judgement(area)
        if i.year in shown_years and j and j.score is not None:
            counts[(i.year, j.grade_label)] = counts.get((i.year, j.grade_label), 0) + 1
    others = [
        {"year": y, "grade": g, "score": grade_score(g), "count": n}
        for (y, g), n in sorted(counts.items(), key=lambda kv: (kv[0][0], -(grade_score(kv[0][1]) or 0)))
    ]
    return {"points": points, "others": others}


def distribution(inspections: Sequence[Inspection], area: str = OVERALL) -> list[dict]:
    """The number of inspections given each grade for ``area``, by year inspected: rows of
    (year, grade, score, count, share of that year's inspections), best grade first."""
    counts: dict[tuple[int, str], int] = {}
    totals: dict[int, int] = {}
    for i in inspections:
        j = i.judgement(area)
        if j is None or i.year is None:
            continue
        counts[(i.year, j.grade_label)] = counts.get((i.year, j.grade_label), 0) + 1
        totals[i.year] = totals.get(i.year, 0) + 1
    return [
        {"year": y, "grade": g, "score": grade_score(g), "count": n, "share": n / totals[y]}
        for (y, g), n in sorted(counts.items(), key=lambda kv: (kv[0][0], -(grade_score(kv[0][1]) or 0)))
    ]


def passage_at(selection: dict | None, param: str) -> str | None:
    """The passage id of the point chosen on a chart (Streamlit's ``event.selection``)."""
    chosen = (selection or {}).get(param) or []
    if isinstance(chosen, list):
        for point in chosen:
            if isinstance(point, dict) and point.get("passage_id"):
                return str(point["passage_id"])
    return None


# --- briefing ------------------------------------------------------------------------------


def _citation(n: int, inspection: Inspection, j: Judgement) -> Citation:
    return Citation(
        n=n, doc_id=inspection.doc_id, title=inspection.title, kind=inspection.kind, publisher=inspection.publisher,
        date=inspection.date, locator=j.locator, passage_id=j.passage_id, text=j.text, quote=j.text,
        start=j.start, end=j.end,
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table_item(inspections: Sequence[Inspection], heading: str = "Inspection judgements",
               area_keys: Sequence[str] | None = None) -> BriefingItem:
    """A briefing item holding the table as Markdown: a row an inspection, each grade followed
    by the [n] marker of the judgement row it was read from (one citation each, quoting the row
    as stored)."""
    area_keys = list(area_keys) if area_keys is not None else areas(inspections)
    head = ["Authority", "Inspected", "Framework"] + [area_label(a) for a in area_keys]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    citations: list[Citation] = []
    for i in inspections:
        cells = [_cell(i.authority), _cell(i.inspected), _cell(i.framework or "")]
        for area in area_keys:
            j = i.judgement(area)
            if j is None:
                cells.append("")
                continue
            citations.append(_citation(len(citations) + 1, i, j))
            cells.append(f"{j.grade_label} [{len(citations)}]")
        lines.append("| " + " | ".join(cells) + " |")
    count = len(inspections)
    intro = f"{count} inspection{'s' if count != 1 else ''}; each grade cites the judgement-table row it was read from."
    return BriefingItem(heading, intro + "\n\n" + "\n".join(lines), tuple(citations))


def chart_item(inspections: Sequence[Inspection], chosen: Sequence[str], png: bytes | None,
               area: str = OVERALL) -> BriefingItem:
    """A briefing item for the timeline chart: its picture, a caption, and each chosen authority's
    grades in words with the [n] of the row each was read from."""
    data = timeline(inspections, chosen, area)
    by_doc = {i.doc_id: i for i in inspections}
    citations: list[Citation] = []
    lines = []
    for authority in chosen:
        parts = []
        for p in (p for p in data["points"] if p["authority"] == authority):
            inspection = by_doc[p["doc_id"]]
            j = next(j for j in inspection.judgements if j.passage_id == p["passage_id"])
            citations.append(_citation(len(citations) + 1, inspection, j))
            parts.append(f"{p['grade']} ({p['inspected']}) [{len(citations)}]")
        if parts:
            lines.append(f"- **{authority}**: " + "; ".join(parts))
    compared = sum(o["count"] for o in data["others"])
    years_shown = sorted({o["year"] for o in data["others"]})
    names = ", ".join(chosen)
    caption = (
        f"{area_label(area)} over time: {names} (line) against all {compared} inspection"
        f"{'s' if compared != 1 else ''} of the indexed authorities in "
        f"{_year_list(years_shown)} (grey circles, sized by the number given each grade)."
    )
    return BriefingItem(f"{area_label(area)} over time: {names}", "\n".join(lines), tuple(citations),
                        chart_png=png, chart_caption=caption)


def _year_list(values: list[int]) -> str:
    if not values:
        return "no year"
    text = [str(v) for v in values]
    return text[0] if len(text) == 1 else ", ".join(text[:-1]) + " and " + text[-1]
