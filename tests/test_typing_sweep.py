"""scripts/typing_sweep.py: known-answer questions rewritten the way people type them."""

import importlib.util
import random
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "typing_sweep.py"
spec = importlib.util.spec_from_file_location("typing_sweep", SCRIPT)
typing_sweep = importlib.util.module_from_spec(spec)
spec.loader.exec_module(typing_sweep)


def test_each_way_of_typing_rewrites_the_question():
    ways = typing_sweep.rewrites("Who led Kent's September 2025 inspection, and what was the judgement?", random.Random(1))
    assert ways["lower"] == "who led kent's september 2025 inspection, and what was the judgement?"
    assert ways["noapos"] == "Who led Kents September 2025 inspection, and what was the judgement"
    assert ways["months"] == "Who led Kent's Sept 2025 inspection, and what was the judgement?"
    assert ways["polite"].startswith("Can you tell me who led")
    assert ways["us"] == "Who led Kent's September 2025 inspection, and what was the judgment?"
    assert ways["typo"] != "Who led Kent's September 2025 inspection, and what was the judgement?"
    assert typing_sweep.rewrites("Who led it?", random.Random(1))["months"] is None  # nothing to rewrite
