"""The manifest's schema: a bad entry is a one-line problem for its own document, and the other
entries in the same manifest stay valid."""

import json
from pathlib import Path

import pytest

from index.errors import ConfigError, LoadError
from index.manifest import Manifest, document_meta, load_manifest, read_manifest
from index.passages import infer_title
from index.types import KINDS

SEEDS = Path(__file__).resolve().parents[1] / "source_docs"

# Valid neighbours written around every bad entry: they must come through untouched.
NEIGHBOURS = {
    "before.txt": {"id": "before", "title": "Before", "kind": "ofsted_letter", "date": "2021-09-07"},
    "after.txt": {"title": "After", "authority": "Isle of Wight", "publisher": "Ofsted", "date": "2024-03"},
}
KIND_LIST = ", ".join(KINDS)
ID_RULE = "an id of letters, digits, '.', '_' or '-' (starting with a letter or digit, no '..', at most 100 characters)"


def write_manifest(folder: Path, documents, raw: str | None = None) -> Path:
    text = raw if raw is not None else json.dumps({"about": "test manifest", "documents": documents})
    (folder / "manifest.json").write_text(text, encoding="utf-8")
    return folder


BAD = [
    pytest.param({"plan.txt": {"date": 2024}},
                 {"plan.txt": "manifest.json: 'plan.txt'.date: expected an ISO date like 2024-03-01, got 2024"},
                 id="date-number"),
    pytest.param({"plan.txt": {"date": "yesterday"}},
                 {"plan.txt": "manifest.json: 'plan.txt'.date: expected an ISO date like 2024-03-01, got 'yesterday'"},
                 id="date-words"),
    pytest.param({"plan.txt": {"date": "2024-13-45"}},
                 {"plan.txt": "manifest.json: 'plan.txt'.date: expected an ISO date like 2024-03-01, got '2024-13-45'"},
                 id="date-not-real"),
    pytest.param({"plan.txt": {"date": "2023-02-29"}},
                 {"plan.txt": "manifest.json: 'plan.txt'.date: expected an ISO date like 2024-03-01, got '2023-02-29'"},
                 id="date-not-a-leap-year"),
    pytest.param({"plan.txt": {"date": "1 March 2024"}},
                 {"plan.txt": "manifest.json: 'plan.txt'.date: expected an ISO date like 2024-03-01, got '1 March 2024'"},
                 id="date-not-iso"),
    pytest.param({"plan.txt": {"title": ["a"]}},
                 {"plan.txt": "manifest.json: 'plan.txt'.title: expected a string, got a list"},
                 id="title-list"),
    pytest.param({"plan.txt": {"title": 5}},
                 {"plan.txt": "manifest.json: 'plan.txt'.title: expected a string, got 5"},
                 id="title-number"),
    pytest.param({"plan.txt": {"publisher": True}},
                 {"plan.txt": "manifest.json: 'plan.txt'.publisher: expected a string, got true"},
                 id="publisher-bool"),
    pytest.param({"plan.txt": {"authority": {"x": 1}}},
                 {"plan.txt": "manifest.json: 'plan.txt'.authority: expected a string, got an object"},
                 id="authority-object"),
    pytest.param({"plan.txt": {"id": 7}},
                 {"plan.txt": f"manifest.json: 'plan.txt'.id: expected {ID_RULE}, got 7"},
                 id="id-number"),
    pytest.param({"plan.txt": {"id": "../../etc/x#p1@evil"}},
                 {"plan.txt": f"manifest.json: 'plan.txt'.id: expected {ID_RULE}, got '../../etc/x#p1@evil'"},
                 id="id-unsafe"),
    pytest.param({"plan.txt": {"id": "my plan"}},
                 {"plan.txt": f"manifest.json: 'plan.txt'.id: expected {ID_RULE}, got 'my plan'"},
                 id="id-space"),
    pytest.param({"plan.txt": {"id": "a..b"}},
                 {"plan.txt": f"manifest.json: 'plan.txt'.id: expected {ID_RULE}, got 'a..b'"},
                 id="id-dot-dot"),
    pytest.param({"plan.txt": {"id": "x" * 101}},
                 {"plan.txt": f"manifest.json: 'plan.txt'.id: expected {ID_RULE}, got '{'x' * 57}...'"},
                 id="id-too-long"),
    pytest.param({"plan.txt": {"kind": "memo"}},
                 {"plan.txt": f"manifest.json: 'plan.txt'.kind: expected one of {KIND_LIST}, got 'memo'"},
                 id="kind-unknown"),
    pytest.param({"plan.txt": ["a"]},
                 {"plan.txt": "manifest.json: 'plan.txt': expected an object of metadata, got a list"},
                 id="entry-list"),
    pytest.param({"plan.txt": "Improvement plan"},
                 {"plan.txt": "manifest.json: 'plan.txt': expected an object of metadata, got 'Improvement plan'"},
                 id="entry-string"),
    pytest.param({"plan.txt": {"dte": "2024-03-01"}},
                 {"plan.txt": "manifest.json: 'plan.txt': unknown field 'dte' (did you mean 'date'?)"},
                 id="unknown-field-typo"),
    pytest.param({"plan.txt": {"colour": "red"}},
                 {"plan.txt": "manifest.json: 'plan.txt': unknown field 'colour'"},
                 id="unknown-field"),
    pytest.param({"a.txt": {"id": "plan"}, "b.txt": {"id": "plan"}},
                 {"a.txt": "manifest.json: 'a.txt'.id: 'plan' is also the id of 'b.txt'",
                  "b.txt": "manifest.json: 'b.txt'.id: 'plan' is also the id of 'a.txt'"},
                 id="duplicate-id"),
    pytest.param({"a.txt": {"id": "plan"}, "b.txt": {"id": " plan "}, "c.txt": {"id": "plan"}},
                 {"a.txt": "manifest.json: 'a.txt'.id: 'plan' is also the id of 'b.txt' and 'c.txt'",
                  "b.txt": "manifest.json: 'b.txt'.id: 'plan' is also the id of 'a.txt' and 'c.txt'",
                  "c.txt": "manifest.json: 'c.txt'.id: 'plan' is also the id of 'a.txt' and 'b.txt'"},
                 id="duplicate-id-three-ways"),
    pytest.param({"plan.txt": {"title": 5, "kind": "memo", "date": 2024}},
                 {"plan.txt": "manifest.json: 'plan.txt'.title: expected a string, got 5; "
                              f"'plan.txt'.kind: expected one of {KIND_LIST}, got 'memo'; "
                              "'plan.txt'.date: expected an ISO date like 2024-03-01, got 2024"},
                 id="several-fields-one-line"),
    pytest.param({"plan.txt": {"id": "plan", "date": "soon"}, "copy.txt": {"id": "plan"}},
                 {"plan.txt": "manifest.json: 'plan.txt'.id: 'plan' is also the id of 'copy.txt'; "
                              "'plan.txt'.date: expected an ISO date like 2024-03-01, got 'soon'",
                  "copy.txt": "manifest.json: 'copy.txt'.id: 'plan' is also the id of 'plan.txt'"},
                 id="duplicate-id-and-bad-date"),
]


@pytest.mark.parametrize("bad, problems", BAD)
def test_a_bad_entry_is_a_one_line_problem_for_its_own_document(tmp_path, bad, problems):
    manifest = load_manifest(write_manifest(tmp_path, {**NEIGHBOURS, **bad}))
    assert manifest.problems == problems
    assert all("\n" not in line for line in manifest.problems.values())
    assert manifest.entries == NEIGHBOURS


@pytest.mark.parametrize("bad, problems", BAD)
def test_document_meta_refuses_a_bad_entry_with_the_same_reason(bad, problems):
    for name, entry in bad.items():
        if "is also the id of" in problems[name]:
            continue  # a shared id is a fact about the whole manifest, not about one entry
        with pytest.raises(LoadError) as err:
            document_meta(name, "Some text.", entry, infer_title)
        assert str(err.value) == problems[name]


GOOD = [
    pytest.param({}, {}, id="no-fields"),
    pytest.param({"title": "  Improvement   plan\n 2024 "}, {"title": "Improvement plan 2024"}, id="whitespace-tidied"),
    pytest.param({"title": "", "date": "  ", "kind": None}, {}, id="blank-and-null-are-absent"),
    pytest.param({"date": "2024"}, {"date": "2024"}, id="year"),
    pytest.param({"date": "2024-03"}, {"date": "2024-03"}, id="year-month"),
    pytest.param({"date": "2024-02-29"}, {"date": "2024-02-29"}, id="leap-day"),
    pytest.param({"id": "Plan_2024.v2-final"}, {"id": "Plan_2024.v2-final"}, id="id-safe-characters"),
    pytest.param({"id": "x" * 100}, {"id": "x" * 100}, id="id-100-characters"),
    *[pytest.param({"kind": kind}, {"kind": kind}, id=f"kind-{kind}") for kind in KINDS],
]


@pytest.mark.parametrize("entry, clean", GOOD)
def test_valid_entries_are_kept_cleaned(tmp_path, entry, clean):
    manifest = load_manifest(write_manifest(tmp_path, {**NEIGHBOURS, "plan.txt": entry}))
    assert manifest.problems == {}
    assert manifest.entries == {**NEIGHBOURS, "plan.txt": clean}


def test_the_seed_manifest_loads_unchanged():
    manifest = load_manifest(SEEDS)
    assert manifest.problems == {}
    # unchanged values mean unchanged content hashes: nothing is re-indexed
    assert manifest.entries == json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))["documents"]
    assert read_manifest(SEEDS) == manifest.entries


def test_no_manifest_is_an_empty_one(tmp_path):
    assert load_manifest(tmp_path) == Manifest({}, {})


def test_a_file_listed_twice_is_a_problem(tmp_path):
    raw = '{"documents": {"a.txt": {"title": "First"}, "b.txt": {}, "a.txt": {"title": "Second"}}}'
    manifest = load_manifest(write_manifest(tmp_path, None, raw))
    assert manifest.problems == {"a.txt": "manifest.json: 'a.txt': listed more than once"}
    assert manifest.entries == {"b.txt": {}}


def test_a_field_given_twice_is_a_problem(tmp_path):
    raw = '{"documents": {"a.txt": {"date": "2024", "title": "A", "date": "2025"}, "b.txt": {}}}'
    manifest = load_manifest(write_manifest(tmp_path, None, raw))
    assert manifest.problems == {"a.txt": "manifest.json: 'a.txt'.date: given more than once"}
    assert manifest.entries == {"b.txt": {}}


def test_a_byte_order_mark_is_accepted(tmp_path):
    (tmp_path / "manifest.json").write_text('\ufeff{"documents": {"a.txt": {"title": "A"}}}', encoding="utf-8")
    assert load_manifest(tmp_path).entries == {"a.txt": {"title": "A"}}


NO_DOCUMENTS = "expected an object with a 'documents' mapping of file name to metadata"


@pytest.mark.parametrize("raw, reason", [
    pytest.param('{"documents": {"a.txt": {"title": "A"},}}',
                 "not valid JSON (Expecting property name enclosed in double quotes: line 1 column 40 (char 39))",
                 id="broken-json"),
    pytest.param("", "not valid JSON (Expecting value: line 1 column 1 (char 0))", id="empty-file"),
    pytest.param('{"a.txt": {"title": "A"}}', NO_DOCUMENTS, id="no-documents"),
    pytest.param('{"documents": ["a.txt"]}', NO_DOCUMENTS, id="documents-list"),
    pytest.param("[]", NO_DOCUMENTS, id="top-level-list"),
])
def test_a_broken_manifest_file_raises_config_error_naming_it(tmp_path, raw, reason):
    write_manifest(tmp_path, None, raw)
    with pytest.raises(ConfigError) as err:
        load_manifest(tmp_path)
    assert str(err.value) == f"{tmp_path / 'manifest.json'}: {reason}"


def test_a_manifest_that_is_not_utf8_raises_config_error_naming_it(tmp_path):
    (tmp_path / "manifest.json").write_bytes(b'{"documents": {"caf\xe9.txt": {}}}')
    with pytest.raises(ConfigError) as err:
        load_manifest(tmp_path)
    assert str(err.value) == f"{tmp_path / 'manifest.json'}: not UTF-8 text (byte 19)"


def test_document_meta_uses_a_valid_entry_and_infers_the_rest():
    text = "Improvement plan\n\nPublished 4 March 2024. The plan sets out our priorities."
    meta = document_meta("plan.txt", text, {"id": "plan", "kind": "improvement_plan"}, infer_title)
    assert (meta.doc_id, meta.kind, meta.title, meta.date) == ("plan", "improvement_plan", "Improvement plan", "2024-03-04")
    assert meta.inferred == ("title", "date")
    meta = document_meta("My Plan.txt", text, None, infer_title)
    assert (meta.doc_id, meta.kind) == ("my-plan", "other")
