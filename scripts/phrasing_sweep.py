"""Ask the indexed library's cover facts the way people write them, and count the right answers.

    IA_DATA_DIR=<seeds + library index> .venv/bin/python scripts/phrasing_sweep.py [--sample N]

Each question is made from one inspection's own records (its authority, dates, lead inspector,
judgements, framework), in several wordings ("Who led the most recent Ofsted inspection of Wirral Council's
children's services?", "What is Kent's current Ofsted rating?", "Summarise Bexley's latest Ofsted
report."), and is right when it is answered (not abstained) with the expected fact, citing the
inspection it came from. Councils the library doesn't hold, asked about as other councils' reports
mention them, must be refused. A measurement of robustness to wording, not a known-answer set: the
facts come from the records the index holds, so it says nothing of extraction (see evals/).
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.ask import Assistant  # noqa: E402
from index.ofsted import authorities  # noqa: E402
from index.settings import Settings  # noqa: E402
from index.text import display_date  # noqa: E402

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
OFSTED = ("inspection_report", "focused_visit_letter", "monitoring_visit_letter", "ofsted_letter")
LONDON_WORDS = "London Borough of {a}"
SHORT = {"Hertfordshire": "Herts", "Nottinghamshire": "Notts", "Gloucestershire": "Glos", "Staffordshire": "Staffs", "Stoke-on-Trent": "Stoke on Trent"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", type=int, default=60, help="reports a family of questions is asked of (default 60)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    assistant = Assistant(Settings.from_env())
    corpus = assistant.retriever.corpus()
    records = [r for r in corpus.records.values() if r.authority and r.end_date]
    reports = [r for r in records if r.kind == "inspection_report"]
    if not reports:
        print("no inspection reports indexed: index the library first", file=sys.stderr)
        return 1
    latest, latest_any, same_year = {}, {}, collections.Counter((r.authority, r.end_date[:4]) for r in reports)
    for r in sorted(reports, key=lambda r: r.end_date):
        latest[r.authority] = r
    for r in sorted((r for r in records if r.kind in OFSTED), key=lambda r: r.end_date):
        latest_any[r.authority] = r
    rows = {p.doc_id: {} for p in corpus.record_passages}
    for p in corpus.record_passages:
        if p.kind == "judgement":
            rows[p.doc_id][p.fields.get("area")] = (p.fields.get("grade") or "").lower()
    rng = random.Random(args.seed)
    sample = rng.sample(reports, min(args.sample, len(reports)))
    tally: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    misses: list[str] = []

    def check(family: str, question: str, ok) -> None:
        answer = assistant.ask(question, home="")
        right = ok(answer)
        tally[family][0] += right
        tally[family][1] += 1
        if not right:
            misses.append(f"{family}: {question} -> {answer.answer[:120]!r}")

    def cites(doc_id, words=()):
        return lambda a: not a.abstained and doc_id in {c.doc_id for c in a.citations} and all(w.lower() in a.answer.lower() for w in words)

    def grade_word(grade: str) -> str:
        return grade.split()[0].replace("requires", "require")

    for r in sample:
        year = r.end_date[:4]
        when = f"{MONTHS[int(r.end_date[5:7]) - 1]} {year}" if same_year[(r.authority, year)] > 1 else year
        a = r.authority
        if r.lead_inspector:
            surname = r.lead_inspector.split()[-1]
            check("lead", f"Which HMI led the {when} inspection of {a}'s children's services?", cites(r.doc_id, [surname]))
            check("lead", f"Name the lead inspector of Ofsted's {when} inspection of {a}.", cites(r.doc_id, [surname]))
        day = f"{int(r.end_date[8:10])} {MONTHS[int(r.end_date[5:7]) - 1]}"
        check("dates", f"On what dates did inspectors visit {a} for the {when} inspection?", cites(r.doc_id, [day]))
        if r.published:
            check("published", f"When was the report on {a}'s {when} inspection published?", cites(r.doc_id, [str(int(r.published[8:10]))]))
        kind = {"SIF": "single inspection framework", "ILACS standard": "standard", "ILACS short": "short"}.get(r.framework or "")
        if kind:
            check("kind", f"What kind of inspection did Ofsted carry out of {a}'s children's services in {when}?", cites(r.doc_id, [kind]))
            check("kind", f"Was {a}'s {when} inspection a short or a standard inspection?", cites(r.doc_id, [kind]))
        overall = rows.get(r.doc_id, {}).get("overall_effectiveness")
        if overall:
            check("grade", f"How did Ofsted rate {a}'s children's services in {when}?", cites(r.doc_id, [grade_word(overall)]))
            check("grade", f"How were {a}'s children's services judged overall at the {when} inspection?", cites(r.doc_id, [grade_word(overall)]))
        for area, wording in (("help_and_protection", "How was {a} rated for help and protection in {w}?"), ("leadership", "How did Ofsted judge leadership in {a} in {w}?"),
                              ("impact_of_leaders", "How did Ofsted judge leadership in {a} in {w}?")):
            grade = rows.get(r.doc_id, {}).get(area)
            if grade:
                check("area grade", wording.format(a=a, w=when), cites(r.doc_id, [grade_word(grade)]))
        if same_year[(a, year)] == 1:
            check("summary", f"What did the {year} inspection of {a} find?", cites(r.doc_id))
            check("summary", f"Give me an overview of {a}'s {year} Ofsted inspection.", cites(r.doc_id))
    for a in sorted(rng.sample(sorted(latest), min(args.sample, len(latest)))):
        r, any_kind = latest[a], latest_any[a]
        overall = rows.get(r.doc_id, {}).get("overall_effectiveness")
        if overall:
            check("now", f"What is {a}'s current Ofsted rating?", cites(r.doc_id, [grade_word(overall)]))
            check("now", f"Is {a} rated good by Ofsted?", cites(r.doc_id, [grade_word(overall)]))
        check("now", f"When was {a} last inspected by Ofsted?", cites(any_kind.doc_id, [display_date(any_kind.end_date)[-8:].strip()]))
        check("latest", f"What were the main findings of {a}'s last inspection?", cites(r.doc_id))
        check("latest", f"Summarise {a}'s latest Ofsted report.", lambda ans, r=r, k=any_kind: cites(r.doc_id)(ans) or cites(k.doc_id)(ans))
        if r.lead_inspector:
            surname = r.lead_inspector.split()[-1]
            check("council's title", f"Who led the most recent Ofsted inspection of {a} Council's children's services?", cites(r.doc_id, [surname]))
            named = SHORT.get(a) or (LONDON_WORDS.format(a=a) if "London" in (r.title or "") else None)
            if named:
                check("council's title", f"Who led the most recent Ofsted inspection of {named}'s children's services?", cites(r.doc_id, [surname]))
    held = {r.authority.casefold() for r in records}
    absent = [a for a in authorities() if a.casefold() not in held and assistant.corpus_has(a)]
    for a in absent:
        check("not held", f"What did Ofsted say about care leavers in {a}?", lambda ans: ans.abstained)
        check("not held", f"What did Ofsted find when it inspected {a}'s children's services in 2019?", lambda ans: ans.abstained)
    width = max(len(f) for f in tally)
    print(f"{'family'.ljust(width)}  right")
    for family, (right, asked) in tally.items():
        print(f"{family.ljust(width)}  {right}/{asked}")
    total = sum(r for r, _ in tally.values()), sum(n for _, n in tally.values())
    print(f"{'all'.ljust(width)}  {total[0]}/{total[1]} ({100 * total[0] / total[1]:.1f}%)")
    for line in misses[:20]:
        print("  miss", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
