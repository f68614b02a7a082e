"""The benchmark's measure of asking on an index already built: floor and warm ask measured in
turn in one run, the ratio and its verdict in the report (real store, real packaged model)."""

import json

import pytest

from assistant.cli import cli

pytestmark = pytest.mark.integration


def test_asking_on_an_indexed_library_is_reported_against_its_floor(real_index, tmp_path, monkeypatch):
    import bench.run

    questions = tmp_path / "questions.jsonl"
    rows = [
        {"id": "a", "question": "Which product was procured for the new case management system?", "split": "dev"},
        {"id": "b", "question": "What did Ofsted say about supervision?", "split": "dev"},
        {"id": "c", "question": "When did Ofsted visit the Isles of Scilly?", "split": "dev"},
        {"id": "t", "question": "A test question is never asked", "split": "test"},
    ]
    questions.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    monkeypatch.setattr(bench.run.time, "sleep", lambda seconds: None)  # the spaced asks, without the wait
    result = bench.run.run_indexed_library(real_index, questions, tmp_path / "out", count=2)["indexed_library"]
    assert result["questions"] == 2 and result["documents"] == 5 and result["spaced"] == 1  # the one not asked in the first pass
    assert abs(result["ask_vs_floor"] - result["ask_ms_p50"] / result["floor_ms_p50"]) < 0.05  # (the figures are rounded)
    report = (tmp_path / "out" / "library-ask.md").read_text(encoding="utf-8")
    assert "2 library dev questions (5 documents" in report and "≤ 2×: " in report


def test_the_library_measure_needs_an_index(runner, tmp_path):
    result = runner.invoke(cli, ["bench", "--library-index", str(tmp_path / "nowhere")])
    assert result.exit_code != 0 and "no index at" in result.output
