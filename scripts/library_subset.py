"""Choose the library subset that CI's eval gate indexes: every report of a few authorities (dev
and test), and the library questions that subset can answer or must refuse in the same way as the
whole library. Writes evals/library_subset.json. Run once when the question set changes:

    .venv/bin/python scripts/library_subset.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.errors import LoadError  # noqa: E402
from index.loaders import load  # noqa: E402
from index.ofsted import authorities, read_facts  # noqa: E402
from index.settings import PROJECT_ROOT  # noqa: E402
from index.text import slugify  # noqa: E402

LIBRARY = PROJECT_ROOT.parent / "shared" / "ofsted-reports"
QUESTIONS = PROJECT_ROOT / "evals" / "library_questions.jsonl"
OUT = PROJECT_ROOT / "evals" / "library_subset.json"
# The authorities with the most questions of each split, and every era between them.
AUTHORITIES = ["isle-of-wight", "kent", "barking-and-dagenham", "devon", "sandwell", "medway", "liverpool", "trafford", "barnet"]


def main() -> None:
    by_authority: dict[str, list[str]] = {}
    for path in sorted(LIBRARY.glob("*.pdf")):
        try:
            loaded = load(path)
        except LoadError:
            continue
        authority = read_facts(loaded.text, loaded.pages).authority
        if authority:
            by_authority.setdefault(slugify(authority), []).append(path.name)
    held = set(by_authority)
    every = {slugify(name) for name in authorities()}  # the country's authorities, held or not
    chosen = set(AUTHORITIES)
    items = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    picked = []
    for item in items:
        named = {t for t in item["tags"] if t in held or t in chosen}
        absent = [t for t in item["tags"] if t in every and t not in held]
        if named and named <= chosen:
            picked.append(item["id"])  # about the chosen authorities only
        elif not named and not item["answerable"] and absent:
            picked.append(item["id"])  # an authority the library does not hold
    files = sorted(f for a in AUTHORITIES for f in by_authority.get(a, []))
    OUT.write_text(json.dumps({"authorities": AUTHORITIES, "files": files, "items": picked}, indent=1) + "\n", encoding="utf-8")
    print(f"{len(files)} reports of {len(AUTHORITIES)} authorities; {len(picked)} of {len(items)} questions -> {OUT}")


if __name__ == "__main__":
    main()
