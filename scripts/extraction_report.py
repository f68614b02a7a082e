"""Compare index.ofsted's extraction with the peer catalogue, field by field.

    .venv/bin/python scripts/extraction_report.py [LIBRARY] [--out evals/reports/extraction.md]

Reads every PDF in the library (default ../shared/ofsted-reports) with pypdfium2, runs
read_facts, and compares with catalogue.csv (a peer tool's automated extraction, with known
errors). Every disagreement is listed with both values and, when a person has checked the PDF,
the verdict recorded in evals/extraction_checked.csv (file,field,verdict,note), so reruns keep
them. A disagreement nobody has checked is shown as "unchecked".
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index.ofsted import ReportFacts, canonical_authority, read_facts  # noqa: E402

DEFAULT_LIBRARY = ROOT.parent / "shared" / "ofsted-reports"
CHECKED = ROOT / "evals" / "extraction_checked.csv"
OUT = ROOT / "evals" / "reports" / "extraction.md"

GRADE_FIELDS = {
    "overall_effectiveness_grade": ("overall_effectiveness",),
    "impact_of_leaders_grade": ("impact_of_leaders",),
    "help_and_protection_grade": ("help_and_protection",),
    # 2018-2023 ILACS judged children in care and care leavers together; the catalogue puts
    # that combined grade under in_care and "inspection_pre_dates_judgement" under care_leavers.
    "in_care_grade": ("children_in_care", "children_in_care_and_care_leavers"),
    "care_leavers_grade": ("care_leavers",),
}
FIELDS = ["authority", "lead_inspector", "start_date", "end_date", "framework", *GRADE_FIELDS]
# Catalogue values that mean "no value" rather than a wrong one.
CATALOGUE_BLANKS = {"", "data_unreadable"}
# Catalogue values that mean "the report has no such judgement": agreeing with our blank.
CATALOGUE_NONE = {"inspection_pre_dates_judgement", "not_reported_post_reform"}


def pdf_text(path: Path) -> tuple[str, tuple[tuple[int, int, int], ...]]:
    """The text and page offsets the project's loader gives (what indexing reads facts from)."""
    from index.loaders import load

    loaded = load(path)
    return loaded.text, loaded.pages


def catalogue_date(value: str) -> str:
    """dd/mm/yyyy or dd/mm/yy -> ISO; anything else is returned unchanged."""
    for fmt in ("%d/%m/%Y", "%d/%m/%y"):
        try:
            return datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            pass
    return value.strip()


def ours(facts: ReportFacts, field: str) -> str:
    if field in GRADE_FIELDS:
        for area in GRADE_FIELDS[field]:
            grade = facts.grade(area)
            if grade:
                return grade
        return ""
    if field == "framework":
        return {"ILACS standard": "standard", "ILACS short": "short"}.get(facts.framework or "", facts.framework or "")
    return getattr(facts, field) or ""


def theirs(row: dict, field: str) -> str:
    if field == "authority":
        # The catalogue names authorities its own way ("telford & wrekin"): compare canonically.
        name = row["local_authority"].strip()
        return canonical_authority(name) or name
    if field == "lead_inspector":
        return row["inspector_name"].strip()
    if field in ("start_date", "end_date"):
        return catalogue_date(row[f"inspection_{field}"])
    if field == "framework":
        return row["inspection_framework"].strip()
    return row[field].strip().lower()


def same(field: str, a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(s.lower().replace("’", "'").replace("-", " ").replace(".", "").split())

    if field in GRADE_FIELDS:
        return norm(a) == norm(b) or (not a and b in CATALOGUE_NONE)
    return norm(a) == norm(b)


def load_checked() -> dict[tuple[str, str], tuple[str, str]]:
    if not CHECKED.exists():
        return {}
    with CHECKED.open(newline="", encoding="utf-8") as f:
        return {(r["file"], r["field"]): (r["verdict"], r.get("note", "")) for r in csv.DictReader(f)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("library", nargs="?", type=Path, default=DEFAULT_LIBRARY)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)

    catalogue = {r["file"]: r for r in csv.DictReader((args.library / "catalogue.csv").open(encoding="utf-8"))}
    checked = load_checked()
    counts = {f: Counter() for f in FIELDS}
    disagreements = []
    unreadable = []
    pre2018_filled = Counter()
    pre2018_total = 0
    started = time.time()
    read = 0
    for path in sorted(args.library.glob("*.pdf")):
        try:
            text, pages = pdf_text(path)
        except Exception as err:  # noqa: BLE001 - the HTML error pages saved as .pdf
            unreadable.append((path.name, str(err).splitlines()[0]))
            continue
        read += 1
        facts = read_facts(text, pages)
        row = catalogue.get(path.name)
        if row is None:
            continue
        pre2018 = bool(facts.start_date) and facts.start_date < "2018-01-01"
        pre2018_total += pre2018
        for field in FIELDS:
            a, b = ours(facts, field), theirs(row, field)
            if pre2018 and a and b in CATALOGUE_BLANKS:
                pre2018_filled[field] += 1
            if b in CATALOGUE_BLANKS:
                counts[field]["catalogue blank"] += 1
            elif same(field, a, b):
                counts[field]["agree"] += 1
            elif not a:
                counts[field]["ours blank"] += 1
                disagreements.append((path.name, field, a, b))
            else:
                counts[field]["disagree"] += 1
                disagreements.append((path.name, field, a, b))
    elapsed = time.time() - started

    lines = [
        "# Extraction agreement: index.ofsted vs the peer catalogue",
        "",
        f"Library: {read} readable PDFs of {read + len(unreadable)} ({len(unreadable)} unreadable); "
        f"catalogue rows: {len(catalogue)}. Read and extracted in {elapsed:.1f} s.",
        "Catalogue dates are dd/mm/yyyy (inspection dates) and dd/mm/yy (publication); they are",
        "compared as ISO dates. `catalogue blank` counts blank and `data_unreadable` values; a grade",
        "the catalogue marks `inspection_pre_dates_judgement` or `not_reported_post_reform` agrees",
        "with no such judgement in ours. Verdicts come from checking the PDF by hand",
        "(evals/extraction_checked.csv).",
        "",
        "| field | agree | disagree | ours blank | catalogue blank | ours wrong | peer wrong | unchecked |",
        "|---|---|---|---|---|---|---|---|",
    ]
    verdicts = {f: Counter() for f in FIELDS}
    for name, field, _, _ in disagreements:
        verdicts[field][checked.get((name, field), ("unchecked", ""))[0]] += 1
    for field in FIELDS:
        c, v = counts[field], verdicts[field]
        lines.append(
            f"| {field} | {c['agree']} | {c['disagree']} | {c['ours blank']} | {c['catalogue blank']} "
            f"| {v['ours wrong']} | {v['peer wrong']} | {v['unchecked']} |"
        )
    lines += [
        "",
        f"Pre-2018 reports (inspection started before 2018: SIF and the 2013 looked-after-children inspections): {pre2018_total}. "
        "Fields the catalogue leaves blank or `data_unreadable` there but we extract:",
        "",
        "| field | extracted by us, blank in catalogue |",
        "|---|---|",
        *[f"| {f} | {pre2018_filled[f]} |" for f in FIELDS if pre2018_filled[f]],
        "",
        "## Disagreements",
        "",
        "| file | field | ours | catalogue | verdict | note |",
        "|---|---|---|---|---|---|",
    ]
    for name, field, a, b in disagreements:
        verdict, note = checked.get((name, field), ("unchecked", ""))
        lines.append(f"| {name} | {field} | {a or '(blank)'} | {b} | {verdict} | {note} |")
    lines += ["", "## Unreadable files", ""] + [f"- {n}: {e}" for n, e in unreadable]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(disagreements)} disagreements, {read} documents, {elapsed:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
