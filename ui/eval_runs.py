"""The last saved eval run (``<data_dir>/evals/last.json``) that the Evals page compares against:
a run reduced to what the page shows (metrics, per-tag figures, failures). No Streamlit here."""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

LAST_RUN = Path("evals") / "last.json"
# The reports committed with the code (``inspection-assistant eval --out evals/reports/<split>``).
COMMITTED = Path(__file__).resolve().parent.parent / "evals" / "reports"


def last_run_path(data_dir: Path) -> Path:
    return Path(data_dir) / LAST_RUN


def tag_score(figures: dict) -> float | None:
    """One figure per tag: answer correctness for answerable questions, else abstention recall."""
    return figures.get("answer_correctness") if figures.get("answerable") else figures.get("abstention_recall")


def run_record(run, split: str, source: str) -> dict:
    """A JSON-ready summary of an evals ``Run``."""
    failures = []
    for r in run.results:
        if r.failed:
            failures.append({
                "id": r.item.id,
                "question": r.item.question,
                "expected": "an answer" if r.item.answerable else "no answer (abstain)",
                "why": "; ".join(r.why),
                "answer": r.response.get("answer", ""),
                "tags": list(r.item.tags),
            })
    return {
        "label": run.label,
        "split": split,
        "source": source,
        "saved_at": time.strftime("%Y-%m-%d %H:%M"),
        "seconds": round(run.seconds, 1),
        "metrics": run.metrics,
        "per_tag": run.per_tag,
        "failures": failures,
    }


def load_last(data_dir: Path) -> dict | None:
    """The last saved run, or None when there is none (or it cannot be read)."""
    path = last_run_path(data_dir)
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) and isinstance(record.get("metrics"), dict) else None


def save_last(data_dir: Path, record: dict) -> Path:
    """Save ``record`` as the last run (written to a temporary file, then renamed)."""
    path = last_run_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".last-", suffix=".json", dir=path.parent)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(record, out, indent=1, ensure_ascii=False)
    os.replace(temp, path)
    return path


def load_committed(split: str, reports: Path = COMMITTED) -> dict | None:
    """The committed report's run for ``split`` in the page's record form, or None."""
    path = Path(reports) / split / "results.json"
    try:
        run = json.loads(path.read_text(encoding="utf-8"))
        stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(path.stat().st_mtime))
    except (OSError, ValueError):
        return None
    if not isinstance(run, dict) or not isinstance(run.get("metrics"), dict):
        return None
    failures = [
        {
            "id": item.get("id", ""),
            "question": item.get("question", ""),
            "expected": "an answer" if item.get("answerable") else "no answer (abstain)",
            "why": "; ".join(item.get("why") or []),
            "answer": (item.get("response") or {}).get("answer", ""),
            "tags": list(item.get("tags") or []),
        }
        for item in run.get("items", [])
        if item.get("failed")
    ]
    return {
        "label": f"{run.get('label', 'committed report')} (committed report)",
        "split": run.get("split", split),
        "source": str(path),
        "saved_at": stamp,
        "seconds": float(run.get("seconds") or 0),
        "metrics": run["metrics"],
        "per_tag": run.get("per_tag", {}),
        "failures": failures,
    }
