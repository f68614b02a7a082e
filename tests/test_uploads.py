"""Uploads as the library sees them: refused names, types and sizes, no silent overwrite, and a bad
file that leaves the index as it was (fake embedder: fast)."""

import pytest

from index.indexer import run_index
from index.settings import Settings
from index.store import Store
from index.uploads import UploadRefused, add_uploads, check_upload, safe_name, save_upload

TEXT = b"# Leaving care review\n\nPersonal advisers now meet care leavers every eight weeks, and the local offer was refreshed in June 2023.\n"


@pytest.fixture
def fake(monkeypatch, fake_embedder):
    monkeypatch.setattr("index.indexer.get_embedder", lambda settings: fake_embedder)
    return fake_embedder


@pytest.fixture
def folder(tmp_path):
    settings = Settings.from_env()
    settings.source_dir.mkdir(parents=True)
    return settings


@pytest.mark.parametrize(
    "name, expected",
    [
        ("report.pdf", "report.pdf"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\windows\\evil.md", "evil.md"),
        ("/abs/path/notes.md", "notes.md"),
        ("weird<name>|?.txt", "weird-name---.txt"),
        ("a..b.txt", "a..b.txt"),
        ("tab\tand\nnewline.txt", "tabandnewline.txt"),
    ],
)
def test_safe_names_strip_directories_and_odd_characters(name, expected):
    assert safe_name(name) == expected


@pytest.mark.parametrize("name", [".hidden.md", "../.env", "..", "...", "", "dir/", "   "])
def test_hidden_and_empty_names_are_refused(name):
    with pytest.raises(UploadRefused):
        safe_name(name)


def test_path_traversal_cannot_write_outside_the_folder(folder, tmp_path):
    target = save_upload(folder, "../../etc/passwd.txt", TEXT)
    assert target == folder.source_dir.resolve() / "passwd.txt"
    assert target.read_bytes() == TEXT
    assert not (tmp_path / "etc").exists()


def test_wrong_types_are_refused_with_a_reason(folder):
    for name in ("tool.exe", "data.json", "manifest.json", "README", "sheet.xlsx"):
        with pytest.raises(UploadRefused, match="not accepted"):
            check_upload(folder, name, b"something")
    with pytest.raises(UploadRefused, match="not a PDF"):
        check_upload(folder, "fake.pdf", b"plain text pretending")
    with pytest.raises(UploadRefused, match="not a DOCX"):
        check_upload(folder, "fake.docx", b"plain text pretending")
    assert list(folder.source_dir.iterdir()) == []


def test_oversize_and_empty_files_are_refused(folder):
    small = folder.replace(max_upload_mb=1)
    with pytest.raises(UploadRefused, match=r"1\.5 MB; the limit is 1 MB"):
        check_upload(small, "big.txt", b"x" * (1024 * 1024 + 512 * 1024))
    check_upload(small, "fits.txt", b"x" * (1024 * 1024))
    with pytest.raises(UploadRefused, match="empty"):
        check_upload(small, "empty.txt", b"  \n")


def test_an_existing_document_is_not_overwritten_unless_asked(folder):
    save_upload(folder, "notes.md", TEXT)
    with pytest.raises(UploadRefused, match="already exists"):
        save_upload(folder, "notes.md", b"# Other\n\nDifferent text here.\n")
    assert (folder.source_dir / "notes.md").read_bytes() == TEXT
    save_upload(folder, "notes.md", b"# Other\n\nDifferent text here.\n", overwrite=True)
    assert (folder.source_dir / "notes.md").read_bytes().startswith(b"# Other")
    assert [p.name for p in folder.source_dir.iterdir()] == ["notes.md"]  # no temporary files left


def test_add_uploads_indexes_good_files_and_reports_bad_ones(settings, fake):
    run_index(settings)
    before = Store.open(settings).document_records()
    outcomes = add_uploads(
        settings,
        [("leaving-care.md", TEXT), ("broken.pdf", b"%PDF-1.4 truncated"), (".secret.txt", TEXT), ("run.exe", b"MZ")],
    )
    assert [o.status for o in outcomes] == ["added", "failed", "refused", "refused"]
    assert outcomes[0].ok and outcomes[0].passages >= 1 and outcomes[0].doc_id == "leaving-care"
    assert "not a readable PDF" in outcomes[1].reason
    assert "hidden" in outcomes[2].reason and "not accepted" in outcomes[3].reason
    assert not (settings.source_dir / "broken.pdf").exists()  # the bad file is taken back out
    after = Store.open(settings).document_records()
    assert set(after) == set(before) | {"leaving-care"}
    assert all(after[d].content_hash == before[d].content_hash for d in before)


def test_a_bad_replacement_keeps_the_indexed_version_and_its_file(settings, fake):
    run_index(settings)
    name = "ofsted-focused-visit-isles-of-scilly-2022.txt"
    original = (settings.source_dir / name).read_bytes()
    before = Store.open(settings).document_records()
    refused = add_uploads(settings, [(name, b"\x00\x01binary junk")])
    assert refused[0].status == "refused" and "already exists" in refused[0].reason
    failed = add_uploads(settings, [(name, b"\x00\x01binary junk")], overwrite=True)
    assert failed[0].status == "failed" and "binary" in failed[0].reason
    assert (settings.source_dir / name).read_bytes() == original
    assert Store.open(settings).document_records() == before
