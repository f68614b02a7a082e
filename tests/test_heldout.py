"""scripts/heldout.py: two held-out runs compared, as the tally prints them."""

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _heldout():
    spec = importlib.util.spec_from_file_location("heldout", ROOT / "scripts" / "heldout.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(into: Path, name: str, failed: dict[str, bool]) -> None:
    for k in range(5):
        folder = into / "runs" / f"{name}-{k}"
        folder.mkdir(parents=True)
        items = [{"id": i, "question": f"Question {i}?", "answerable": True, "failed": bad, "why": ["missing: 23"] if bad else [],
                  "verdicts": {"abstained": False, "recall_at_k": True}} for i, bad in failed.items() if int(i[-1]) % 5 == k]
        (folder / "results.json").write_text(json.dumps({"items": items}), encoding="utf-8")


def test_the_tally_names_what_a_version_gains_and_loses(tmp_path, capsys):
    heldout = _heldout()
    _run(tmp_path, "base", {"q1": True, "q2": False, "q3": False})
    _run(tmp_path, "new", {"q1": False, "q2": True, "q3": False})
    heldout.tally(tmp_path, "base", "new", verbose=True)
    out = capsys.readouterr().out
    assert "base: 2/3 right, false abstentions 0, recall@5 3" in out
    assert "+1 -1" in out
    assert "+ q1: Question q1?" in out and "- q2: Question q2?" in out
