"""Judgements at a glance (assistant/judgements.py, assistant/judgement_charts.py): inspections
built from document records and judgement passages, filters and sorting, chart data, and the
cited briefing items exported as Markdown and Word."""

import io
import json
import shutil
from pathlib import Path

import pytest
from docx import Document

from assistant import judgement_charts as charts
from assistant import judgements as J
from assistant.briefing import Briefing
from assistant.scope import home_authority
from index.manifest import load_manifest, read_home_authority
from index.settings import PROJECT_ROOT, Settings
from index.store import DocumentRecord, StoredPassage

LIBRARY = PROJECT_ROOT.parent / "shared" / "ofsted-reports"


def record(doc_id, authority, start, end, framework="ILACS standard", judgements=(("overall_effectiveness", "Overall effectiveness", "good"),)):
    return DocumentRecord(
        doc_id=doc_id, title=f"Inspection of {authority} children's services", kind="inspection_report",
        authority=authority, publisher="Ofsted", date=end, source=f"{doc_id}.pdf", path="", format="pdf",
        content_hash="h" + doc_id, passage_count=10, pages=12, indexed_at=0.0, framework=framework,
        start_date=start, end_date=end, judgements=tuple(judgements),
    )


def row(doc_id, authority, date, area, label, printed, grade, ordinal):
    text = f"{label} {printed}"
    return StoredPassage(
        passage_id=f"{doc_id}#judgement-{area.replace('_', '-')}", doc_id=doc_id, text=text,
        locator="judgement table, page 1", heading=("Judgements",), start=100 + 50 * ordinal,
        end=100 + 50 * ordinal + len(text), context="", ordinal=ordinal, kind="judgement", page=1,
        title=f"Inspection of {authority} children's services", doc_kind="inspection_report",
        authority=authority, publisher="Ofsted", date=date, fields={"area": area, "judgement": label, "grade": grade},
    )


@pytest.fixture
def inspections():
    records = {
        "iow-2018": record("iow-2018", "Isle of Wight", "2018-11-19", "2018-11-30"),
        "iow-2023": record("iow-2023", "Isle of Wight", "2023-10-30", "2023-11-03", "ILACS short"),
        "kent-2023": record("kent-2023", "Kent", "2023-01-09", "2023-01-20"),
        "hants-2023": record("hants-2023", "Hampshire", "2023-03-06", "2023-03-17"),
        "letter": record("letter", "Isle of Wight", "2021-07-28", "2021-07-29", None, ()),
    }
    passages = [
        row("iow-2018", "Isle of Wight", "2018-11-30", "help_and_protection", "The experiences and progress of children who need help and protection", "Good", "good", 0),
        row("iow-2018", "Isle of Wight", "2018-11-30", "overall_effectiveness", "Overall effectiveness", "Good", "good", 1),
        row("iow-2023", "Isle of Wight", "2023-11-03", "help_and_protection", "The experiences and progress of children who need help and protection", "Requires improvement to be good", "requires improvement", 0),
        row("iow-2023", "Isle of Wight", "2023-11-03", "overall_effectiveness", "Overall effectiveness", "Good", "good", 1),
        row("kent-2023", "Kent", "2023-01-20", "overall_effectiveness", "Overall effectiveness", "Outstanding", "outstanding", 0),
        row("hants-2023", "Hampshire", "2023-03-17", "overall_effectiveness", "Overall effectiveness", "Good", "good", 0),
        # a paragraph passage is never a grade
        StoredPassage("letter#p1", "letter", "Inspectors found that practice is good.", "paragraph 1", (), 0, 40, "", 0,
                      "paragraph", None, "Focused visit", "ofsted_letter", "Isle of Wight", "Ofsted", "2021-07-29", {}),
    ]
    return J.build_inspections(records, passages)


def test_inspections_are_built_from_records_and_their_judgement_rows(inspections):
    assert [(i.doc_id, i.year) for i in inspections] == [("iow-2018", 2018), ("kent-2023", 2023), ("hants-2023", 2023), ("iow-2023", 2023)]
    iow = inspections[-1]
    assert iow.authority == "Isle of Wight" and iow.framework == "ILACS short"
    assert iow.inspected == "30 October to 3 November 2023"
    assert iow.grade() == "good" and iow.grade("help_and_protection") == "requires improvement"
    assert iow.passage_ids() == {
        "help_and_protection": "iow-2023#judgement-help-and-protection",
        "overall_effectiveness": "iow-2023#judgement-overall-effectiveness",
    }
    assert iow.judgement("help_and_protection").text.endswith("Requires improvement to be good")  # as printed
    assert J.areas(inspections) == ["overall_effectiveness", "help_and_protection"]


def test_grades_are_ordered_on_the_four_point_scale():
    assert [J.grade_score(g) for g in ("outstanding", "good", "requires improvement", "inadequate")] == [4, 3, 2, 1]
    assert J.grade_score("Requires improvement to be good") == 2 and J.grade_score("adequate") == 2
    assert J.grade_score("not judged") is None
    assert J.grade_label("requires improvement") == "Requires improvement"


def test_filters_by_authority_years_and_grade(inspections):
    assert [i.doc_id for i in J.filter_inspections(inspections, authorities=["Isle of Wight"])] == ["iow-2018", "iow-2023"]
    assert [i.doc_id for i in J.filter_inspections(inspections, year_from=2019)] == ["kent-2023", "hants-2023", "iow-2023"]
    assert [i.doc_id for i in J.filter_inspections(inspections, year_to=2018)] == ["iow-2018"]
    assert [i.doc_id for i in J.filter_inspections(inspections, grades=["Outstanding"])] == ["kent-2023"]
    # a grade in any area
    assert [i.doc_id for i in J.filter_inspections(inspections, grades=["requires improvement"], area=None)] == ["iow-2023"]
    assert J.filter_inspections(inspections, authorities=["Kent"], grades=["good"]) == []


def test_sorting(inspections):
    assert [i.authority for i in J.sort_inspections(inspections, "authority")] == ["Hampshire", "Isle of Wight", "Isle of Wight", "Kent"]
    assert [i.doc_id for i in J.sort_inspections(inspections, "grade", descending=True)][0] == "kent-2023"
    assert [i.doc_id for i in J.sort_inspections(inspections, "date", descending=True)][0] == "iow-2023"
    with pytest.raises(ValueError):
        J.sort_inspections(inspections, "colour")


def test_table_rows_and_the_judgement_a_cell_shows(inspections):
    rows = J.table_rows(inspections)
    assert rows[0] == {
        "Authority": "Isle of Wight", "Inspected": "19 to 30 November 2018", "Year": 2018, "Framework": "ILACS standard",
        "Overall effectiveness": "Good", "Help and protection": "Good",
    }
    assert rows[1]["Help and protection"] == ""  # Kent's report here grades only overall effectiveness
    iow = inspections[-1]
    assert J.judgement_for_column(iow, "Help and protection").passage_id == "iow-2023#judgement-help-and-protection"
    assert J.judgement_for_column(iow, "Authority").area == "overall_effectiveness"
    assert J.judgement_for_column(iow, None).area == "overall_effectiveness"


def test_timeline_is_the_chosen_authority_against_all_inspected_in_its_years(inspections):
    data = J.timeline(inspections, ["Isle of Wight"])
    assert [(p["year"], p["grade"], p["score"], p["passage_id"]) for p in data["points"]] == [
        (2018, "Good", 3, "iow-2018#judgement-overall-effectiveness"),
        (2023, "Good", 3, "iow-2023#judgement-overall-effectiveness"),
    ]
    assert data["others"] == [
        {"year": 2018, "grade": "Good", "score": 3, "count": 1},
        {"year": 2023, "grade": "Outstanding", "score": 4, "count": 1},
        {"year": 2023, "grade": "Good", "score": 3, "count": 2},
    ]
    assert J.timeline(inspections, ["Kent"])["others"][0]["year"] == 2023  # only Kent's years
    assert J.timeline(inspections, []) == {"points": [], "others": []}


def test_distribution_of_grades_by_year(inspections):
    assert J.distribution(inspections) == [
        {"year": 2018, "grade": "Good", "score": 3, "count": 1, "share": 1.0},
        {"year": 2023, "grade": "Outstanding", "score": 4, "count": 1, "share": 1 / 3},
        {"year": 2023, "grade": "Good", "score": 3, "count": 2, "share": 2 / 3},
    ]


def test_a_chosen_chart_point_names_its_passage():
    assert J.passage_at({"pick": [{"passage_id": "iow-2023#judgement-overall-effectiveness"}]}, "pick") == "iow-2023#judgement-overall-effectiveness"
    assert J.passage_at({"pick": []}, "pick") is None and J.passage_at(None, "pick") is None


def test_table_item_cites_every_grade_with_its_row(inspections):
    iow = J.filter_inspections(inspections, authorities=["Isle of Wight"])
    item = J.table_item(iow, "Isle of Wight judgements")
    lines = item.answer.splitlines()
    assert lines[2] == "| Authority | Inspected | Framework | Overall effectiveness | Help and protection |"
    assert lines[4] == "| Isle of Wight | 19 to 30 November 2018 | ILACS standard | Good [1] | Good [2] |"
    assert lines[5] == "| Isle of Wight | 30 October to 3 November 2023 | ILACS short | Good [3] | Requires improvement [4] |"
    assert [c.n for c in item.citations] == [1, 2, 3, 4]
    fourth = item.citations[3]
    assert fourth.passage_id == "iow-2023#judgement-help-and-protection" and fourth.quote == fourth.text
    assert fourth.quote == "The experiences and progress of children who need help and protection Requires improvement to be good"


@pytest.fixture(scope="module")
def png():
    from assistant.judgements import Inspection, Judgement

    j = Judgement("overall_effectiveness", "Overall effectiveness", "good", "x#judgement-overall-effectiveness", "Overall effectiveness Good", "judgement table", 0, 26)
    data = J.timeline([Inspection("x", "T", "Isle of Wight", "inspection_report", None, None, "2023-11-03", "2023-10-30", None, (j,))], ["Isle of Wight"])
    return charts.chart_png(charts.timeline_chart(data))


def test_charts_draw_as_png_offline(png, inspections):
    assert png.startswith(b"\x89PNG")
    spec = json.dumps(charts.distribution_chart(J.distribution(inspections)).to_dict())
    assert '"Outstanding"' in spec and '"Good"' in spec


def test_briefing_with_a_table_and_a_chart_exports_picture_table_and_references(inspections, png):
    brief = Briefing(title="Where we stand")
    brief.add(J.table_item(J.filter_inspections(inspections, authorities=["Isle of Wight"]), "Isle of Wight judgements"))
    chart = J.chart_item(inspections, ["Isle of Wight"], png)
    assert chart.chart_png == png and "all 4 inspections" in chart.chart_caption and "2018 and 2023" in chart.chart_caption
    assert chart.answer == "- **Isle of Wight**: Good (19 to 30 November 2018) [1]; Good (30 October to 3 November 2023) [2]"
    brief.add(chart)
    refs = brief.references()
    assert len(refs) == 4  # the chart's two points are rows the table already cites
    text, _ = brief.renumbered(chart)
    assert text.endswith("[1]; Good (30 October to 3 November 2023) [3]")

    md = brief.to_markdown()
    assert "![Overall effectiveness over time: Isle of Wight" in md and "data:image/png;base64," in md
    assert "| Isle of Wight | 30 October to 3 November 2023 | ILACS short | Good [3] | Requires improvement [4] |" in md
    assert "[4] Inspection of Isle of Wight children's services. Ofsted, 3 November 2023, judgement table, page 1." in md

    doc = Document(io.BytesIO(brief.to_docx()))
    assert len(doc.inline_shapes) == 1
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Authority", "Inspected", "Framework", "Overall effectiveness", "Help and protection"]
    assert [c.text for c in table.rows[2].cells][-1] == "Requires improvement [4]"
    paragraphs = [p.text for p in doc.paragraphs]
    assert chart.chart_caption in paragraphs
    references = paragraphs[paragraphs.index("References") + 1 :]
    assert references == [f"[{r.number}] {r.text()}" for r in refs]
    assert "Isle of Wight: Good (19 to 30 November 2018) [1]; Good (30 October to 3 November 2023) [3]" in paragraphs


def test_home_authority_resolves_setting_then_manifest(tmp_path):
    offered = ["Isle of Wight", "Kent"]
    assert home_authority("kent", "Isle of Wight", offered) == "Kent"
    assert home_authority("", "isle of wight", offered) == "Isle of Wight"
    assert home_authority("Surrey", "Isle of Wight", offered) == "Isle of Wight"  # the setting names no indexed one
    assert home_authority("", None, offered) is None and home_authority("", "Surrey", offered) is None

    assert read_home_authority(PROJECT_ROOT / "source_docs") == "Isle of Wight"
    assert read_home_authority(tmp_path) is None  # no manifest
    (tmp_path / "manifest.json").write_text('{"documents": {}, "home_authority": 3}')
    assert read_home_authority(tmp_path) is None
    shutil.copy(PROJECT_ROOT / "source_docs" / "manifest.json", tmp_path / "manifest.json")
    manifest = load_manifest(tmp_path)  # the extra top-level key is accepted
    assert manifest.problems == {} and len(manifest.entries) == 5
    assert Settings.from_env({"IA_HOME_AUTHORITY": "Kent"}).home_authority == "Kent"
    assert Settings.from_env({}).home_authority == ""


def test_inspections_load_from_an_index_of_real_reports(tmp_path):
    from index.indexer import run_index
    from index.store import Store
    from tests.fakes import FakeEmbedder

    reports = ("50048228.pdf", "50235617.pdf")
    if not all((LIBRARY / name).is_file() for name in reports):
        pytest.skip(f"the Ofsted report library is not at {LIBRARY}")
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in reports:
        shutil.copy(LIBRARY / name, docs / name)
    shutil.copy(PROJECT_ROOT / "source_docs" / "ofsted-focused-visit-isle-of-wight-2021.md", docs)
    settings = Settings.from_env(source_dir=docs, data_dir=tmp_path / "data")
    run_index(settings, embedder=FakeEmbedder())
    store = Store.open(settings)
    found = J.load_inspections(store)
    assert [(i.doc_id, i.authority, i.inspected, i.grade()) for i in found] == [
        ("50048228", "Isle of Wight", "19 to 30 November 2018", "good"),
        ("50235617", "Isle of Wight", "30 October to 3 November 2023", "good"),
    ]
    for i in found:
        for j in i.judgements:  # every grade is a stored passage, quoted verbatim
            stored = store.get_passage(j.passage_id)
            assert stored.kind == "judgement" and stored.text == j.text and stored.fields["grade"] == j.grade
            assert " ".join(store.document_text(i.doc_id)[j.start : j.end].split()) == j.text
