"""Rewrite known-answer questions the way people type them, to measure how robust answers are to it.

    .venv/bin/python scripts/typing_sweep.py evals/library_questions.jsonl \
        evals/reports/library-dev/results.json --out sweeps/
    inspection-assistant eval sweeps/lower.jsonl --split dev --out sweeps/lower-results

Each question the results got right (answered correctly, or rightly refused) is rewritten one way
per file: all in lower case (`lower`), apostrophes and question mark dropped (`noapos`), months
written short (`months`: "Sept", "Jun"), wrapped in a courtesy (`polite`: "Can you tell me …";
`thanks`: "… Thanks"), after an introduction (`intro`: "I'm new to the team and preparing a
briefing. …"), with one typo in a longer word (`typo`), in US spelling (`us`). Its answer and
evidence are unchanged, so each file's correctness is the share of answers that survive the
rewriting: a measurement of robustness, not a known-answer set of its own.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

MONTHS = ["January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December"]
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
_US = {"programme": "program", "behaviour": "behavior", "organis": "organiz", "prioritis": "prioritiz", "judgement": "judgment",
       "centre": "center", "recognis": "recogniz", "analys": "analyz", "specialis": "specializ", "colour": "color", "neighbour": "neighbor"}


def _typo(question: str, rng: random.Random) -> str | None:
    words = list(re.finditer(r"[a-z]{6,}", question))
    if not words:
        return None
    m = rng.choice(words)
    w, i = m.group(0), rng.randrange(1, len(m.group(0)) - 2)
    w = rng.choice([w[:i] + w[i + 1] + w[i] + w[i + 2:], w[:i] + w[i + 1:], w[:i] + w[i] + w[i:]])  # swap, drop, double
    return question[: m.start()] + w + question[m.end():]


def _us(question: str) -> str | None:
    said = question
    for uk, us in _US.items():
        said = said.replace(uk, us)
    return said if said != question else None


def rewrites(question: str, rng: random.Random) -> dict[str, str | None]:
    """The question rewritten each way (None where a way changes nothing)."""
    months = _MONTH.sub(lambda m: "Sept" if m.group(1) == "September" else m.group(1)[:3], question)
    return {
        "lower": question.lower(),
        "noapos": re.sub(r"[’']", "", question).rstrip("?"),
        "months": months if months != question else None,
        "polite": "Can you tell me " + question[:1].lower() + question[1:],
        "thanks": question + " Thanks",
        "intro": "I'm new to the team and preparing a briefing. " + question,
        "typo": _typo(question, rng),
        "us": _us(question),
    }


def right(item: dict) -> bool:
    verdicts = item["verdicts"]
    return bool(verdicts.get("correct")) if item["answerable"] else bool(verdicts.get("abstained"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("questions", type=Path)
    parser.add_argument("results", type=Path, help="an eval's results.json over the same questions")
    parser.add_argument("--out", type=Path, default=Path("sweeps"))
    parser.add_argument("--sample", type=int, default=0, help="rewrite at most this many right items (0: all)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    good = {item["id"] for item in json.loads(args.results.read_text(encoding="utf-8"))["items"] if right(item)}
    items = [json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = [item for item in items if item["id"] in good]
    if args.sample and len(items) > args.sample:
        items = rng.sample(items, args.sample)
    written: dict[str, list[dict]] = {}
    for item in items:
        for way, question in rewrites(item["question"], rng).items():
            if question:
                written.setdefault(way, []).append({**item, "question": question})
    args.out.mkdir(parents=True, exist_ok=True)
    for way, rewritten in written.items():
        path = args.out / f"{way}.jsonl"
        path.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in rewritten), encoding="utf-8")
        print(f"{path}: {len(rewritten)} questions")


if __name__ == "__main__":
    main()
