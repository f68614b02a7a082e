"""The regression gate: the known-answer eval on the real model, against committed thresholds.
Its report is written to test-artifacts/eval/ for people to read when it fails."""

import json

import pytest

from assistant.ask import Assistant
from evals.dataset import DEFAULT_SET, load_dataset
from evals.gate import check
from evals.runner import evaluate, machine_description, write_run
from index.settings import PROJECT_ROOT

pytestmark = pytest.mark.integration
THRESHOLDS = PROJECT_ROOT / "evals" / "thresholds.json"


@pytest.fixture(scope="module")
def runs(real_index, real_embedder):
    assistant = Assistant(real_index, embedder=real_embedder)
    out = {}
    for split in ("dev", "test"):
        run = evaluate(assistant, load_dataset(DEFAULT_SET, split), f"hybrid, extractive ({split})")
        write_run(run, PROJECT_ROOT / "test-artifacts" / "eval" / split, split, machine_description())
        out[split] = run
    return out


@pytest.mark.parametrize("split", ["test", "dev"])
def test_metrics_meet_their_thresholds(runs, split):
    thresholds = json.loads(THRESHOLDS.read_text(encoding="utf-8"))[split]
    failures = check(runs[split].metrics, thresholds)
    assert not failures, "\n".join(failures) + f"\n(see test-artifacts/eval/{split}/report.md)"


def test_every_quote_is_verbatim(runs):
    for run in runs.values():
        assert run.metrics["quote_fidelity"] == 1.0
