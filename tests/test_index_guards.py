"""What `index` refuses to read or keep, as a user sees it: bad manifest entries fail only their
own document, links out of the folder and non-regular files are skipped, big files are refused,
a changed id replaces the old copy, a failed validation never deletes anything (fake embedder,
real Chroma store)."""

import json
import os

import pytest

from assistant.cli import cli
from index.indexer import run_index
from index.settings import Settings
from index.store import Store
from tests.fakes import FakeEmbedder

PLAN = "isle-of-wight-improvement-plan-2024.txt"


def edit_manifest(corpus, name, **fields):
    path = corpus / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["documents"][name].update(fields)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(
    "field, value, reason",
    [
        ("date", 2024, "manifest.json: 'isle-of-wight-improvement-plan-2024.txt'.date: expected an ISO date like 2024-03-01, got 2024"),
        ("date", "yesterday", "manifest.json: 'isle-of-wight-improvement-plan-2024.txt'.date: expected an ISO date like 2024-03-01, got 'yesterday'"),
        ("title", ["a", "b"], "manifest.json: 'isle-of-wight-improvement-plan-2024.txt'.title: expected a string, got a list"),
        ("authority", {"name": "x"}, "manifest.json: 'isle-of-wight-improvement-plan-2024.txt'.authority: expected a string, got an object"),
        ("id", 7, "manifest.json: 'isle-of-wight-improvement-plan-2024.txt'.id: expected an id of letters, digits"),
        ("id", "../../etc/x#p1@evil", "manifest.json: 'isle-of-wight-improvement-plan-2024.txt'.id: expected an id of letters, digits"),
    ],
)
def test_a_bad_manifest_entry_fails_only_its_own_document(runner, corpus, field, value, reason):
    edit_manifest(corpus, PLAN, **{field: value})
    result = runner.invoke(cli, ["index"])
    assert result.exit_code == 0, result.output
    assert "4 added, 1 failed" in result.output
    assert reason in " ".join(result.output.split())
    assert "Traceback" not in result.output and "Chroma" not in result.output
    assert runner.invoke(cli, ["index", "--strict"]).exit_code == 1


def test_a_broken_manifest_never_deletes_the_index(runner, corpus, settings):
    assert runner.invoke(cli, ["index"]).exit_code == 0
    (corpus / "manifest.json").write_text('{"documents": {', encoding="utf-8")
    result = runner.invoke(cli, ["index", "--rebuild"])
    assert result.exit_code == 1
    assert "manifest.json: not valid JSON" in result.output
    assert len(Store.open(settings).document_records()) == 5


def test_duplicate_ids_fail_both_documents(runner, corpus):
    edit_manifest(corpus, PLAN, id="shared")
    edit_manifest(corpus, "isle-of-wight-council-press-release-2019.txt", id="shared")
    result = runner.invoke(cli, ["index"])
    assert "3 added, 2 failed" in result.output
    assert "'shared' is also the id of" in result.output


def test_a_changed_id_replaces_the_old_copy(settings, corpus):
    run_index(settings, embedder=FakeEmbedder())
    edit_manifest(corpus, PLAN, id="iow-plan")
    report = run_index(settings, embedder=FakeEmbedder())
    records = Store.open(settings).document_records()
    assert len(records) == 5 and "iow-plan" in records and "isle-of-wight-improvement-plan-2024" not in records
    assert {o.status for o in report.outcomes} == {"unchanged", "updated"} or report.count("added") == 1
    assert run_index(settings, embedder=FakeEmbedder()).summary() == "5 unchanged"


def test_links_out_of_the_folder_and_special_files_are_skipped(settings, corpus, tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("The password of the council's finance system is hunter2, written here at length.", encoding="utf-8")
    (corpus / "secret-link.txt").symlink_to(outside)
    (corpus / "plan-link.txt").symlink_to(corpus / PLAN)  # inside the folder: followed
    (corpus / "random.txt").symlink_to("/dev/urandom")
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "linked-folder").symlink_to(tmp_path)
    report = run_index(settings, embedder=FakeEmbedder())
    reasons = {o.source: o.reason for o in report.failed}
    assert reasons == {
        "secret-link.txt": "a symbolic link to outside the folder (not followed)",
        "random.txt": "a symbolic link to outside the folder (not followed)",
        "pipe.txt": "not a regular file (a device, pipe or socket)",
        "linked-folder": "a symbolic link to outside the folder (not followed)",
    }
    assert report.indexed == 6
    assert not any("hunter2" in p.text for p in Store.open(settings).all_passages())


def test_a_file_over_the_size_limit_is_refused_with_its_size(corpus, fake_embedder, monkeypatch):
    (corpus / "huge.txt").write_text("A sentence about supervision in children's services. " * 40_000, encoding="utf-8")
    monkeypatch.setenv("IA_MAX_FILE_MB", "1")
    report = run_index(Settings.from_env(), embedder=fake_embedder)
    assert [(o.source, o.reason) for o in report.failed] == [("huge.txt", "2.1 MB, over the 1 MB limit for one file (IA_MAX_FILE_MB)")]
    assert report.indexed == 5


def test_a_damaged_store_says_how_to_recover_and_rebuild_moves_it_aside(runner, corpus, settings):
    assert runner.invoke(cli, ["index"]).exit_code == 0
    with open(settings.chroma_dir / "chroma.sqlite3", "r+b") as handle:
        handle.write(b"not a database" * 100)
    asked = runner.invoke(cli, ["ask", "What is RAFT?"])
    assert asked.exit_code != 0
    assert "move" in asked.output and "aside and run `inspection-assistant index`" in asked.output
    rebuilt = runner.invoke(cli, ["index", "--rebuild"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert "5 added" in rebuilt.output and "moved to" in rebuilt.output
    assert [p.name for p in settings.data_dir.iterdir() if p.name.startswith("chroma.damaged-")]
    assert len(Store.open(settings).document_records()) == 5
