"""Library dev held out by authority: the judge of a change to answering.

The sentence adapter (assistant/query_adapter.py) is learned on library dev, so asking dev's items
with the shipped one measures them in sample. This asks each item with an adapter learned without
its authority (the five folds of evals/train_ranker.authority_folds), and compares two such runs.

    # once per index: record the adapter's features and learn the five fold adapters (~10 min)
    HF_HUB_OFFLINE=1 IA_DATA_DIR=<library index> .venv/bin/python scripts/heldout.py prepare DIR
    # each version of the code: ask every fold's items (~4 min on two quiet cores)
    HF_HUB_OFFLINE=1 IA_DATA_DIR=<library index> .venv/bin/python scripts/heldout.py run DIR NAME
    .venv/bin/python scripts/heldout.py tally DIR BASE NAME [-v]

Runs land in DIR/runs/NAME-<fold>/results.json."""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUESTIONS = ROOT / "evals" / "library_questions.jsonl"
FOLDS = 5


def prepare(into: Path) -> None:
    from evals import train_adapter
    from evals.dataset import load_dataset
    from evals.train_ranker import group, held_out_adapters

    into.mkdir(parents=True, exist_ok=True)
    features = into / "adapter-features.pkl"
    if features.exists():
        found = pickle.loads(features.read_bytes())
    else:
        found = train_adapter.collect(QUESTIONS, "dev")
        features.write_bytes(pickle.dumps(found))
    groups = {item.id: group(item) for item in load_dataset(QUESTIONS, "dev").items}
    fold, _ = held_out_adapters(set(groups.values()), found, None, into, FOLDS)
    by_fold: dict[int, list[str]] = {k: [] for k in range(FOLDS)}
    for line in QUESTIONS.read_text(encoding="utf-8").splitlines():
        item_id = json.loads(line)["id"] if line.strip() else None
        if item_id in groups:  # a dev item, as written
            by_fold[fold[groups[item_id]]].append(line)
    for k, chosen in by_fold.items():
        (into / f"fold-{k}.jsonl").write_text("\n".join(chosen) + "\n", encoding="utf-8")
        print(f"fold {k}: {len(chosen)} items")


def run(into: Path, name: str, code: Path) -> None:
    for k in range(FOLDS):
        env = dict(os.environ, IA_QUERY_ADAPTER=str(into / f"query_adapter-{k}.npy"), PYTHONPATH=str(code))
        out = into / "runs" / f"{name}-{k}"
        subprocess.run([str(ROOT / ".venv" / "bin" / "python"), "-m", "assistant.cli", "eval", str(into / f"fold-{k}.jsonl"),
                        "--split", "dev", "--out", str(out)], env=env, cwd=code, check=True, stdout=subprocess.DEVNULL)
        print(f"fold {k} asked", file=sys.stderr, flush=True)
    (into / "runs" / f"{name}.done").write_text("done\n")


def items(into: Path, name: str) -> dict[str, dict]:
    out = {}
    for k in range(FOLDS):
        path = into / "runs" / f"{name}-{k}" / "results.json"
        out.update({i["id"]: i for i in json.loads(path.read_text(encoding="utf-8"))["items"]})
    return out


def summary(found: dict[str, dict]) -> str:
    right = sum(not i["failed"] for i in found.values())
    false = sum(i["answerable"] and bool(i["verdicts"].get("abstained")) for i in found.values())
    recall = sum(bool(i["verdicts"].get("recall_at_k")) for i in found.values())
    return f"{right}/{len(found)} right, false abstentions {false}, recall@5 {recall}"


def tally(into: Path, base: str, new: str, verbose: bool) -> None:
    old, now = items(into, base), items(into, new)
    gained = [i for i in now if i in old and old[i]["failed"] and not now[i]["failed"]]
    lost = [i for i in now if i in old and not old[i]["failed"] and now[i]["failed"]]
    print(f"{base}: {summary(old)}")
    print(f"{new}: {summary(now)}")
    print(f"+{len(gained)} -{len(lost)}")
    if verbose:
        for sign, chosen in (("+", gained), ("-", lost)):
            for i in chosen:
                print(f"{sign} {i}: {now[i]['question']}\n    {'; '.join(now[i]['why'] or old[i]['why'])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("into", type=Path)
    r = sub.add_parser("run")
    r.add_argument("into", type=Path)
    r.add_argument("name")
    r.add_argument("--code", type=Path, default=ROOT, help="the checkout whose code answers (default: this one)")
    t = sub.add_parser("tally")
    t.add_argument("into", type=Path)
    t.add_argument("base")
    t.add_argument("new")
    t.add_argument("-v", action="store_true")
    args = parser.parse_args()
    if args.command == "prepare":
        prepare(args.into)
    elif args.command == "run":
        run(args.into, args.name, args.code.resolve())
    else:
        tally(args.into, args.base, args.new, args.v)


if __name__ == "__main__":
    main()
