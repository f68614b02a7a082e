"""Judgements: every indexed inspection with its grades, filtered and sorted; a chart of chosen
authorities' overall judgement over time against all authorities inspected in the same years; the
grades by year across the library. Every grade opens the judgement-table row it was read from."""

from __future__ import annotations

import streamlit as st

from assistant import judgement_charts as charts
from assistant import judgements as J
from index.errors import IndexMissing
from ui import render, shared

config = shared.settings()
state = st.session_state

st.set_page_config(layout="wide")  # one column a judgement area
st.title("Judgements")
st.caption(
    "Where each authority stands: the graded judgements of every inspection report in the library. "
    "Choose a row or a grade to read the judgement table it comes from; add the table or the chart to the briefing."
)


@st.cache_data(show_spinner=False, max_entries=4)
def inspections_for(version: tuple, _store) -> list[J.Inspection]:
    """The inspections, read again only when a document changes (``version``: ids and hashes)."""
    return J.load_inspections(_store)


try:
    store = shared.store(config)
    records = store.document_records()
except IndexMissing:
    records = {}
if not records:
    st.info("No documents are indexed yet. Add some on the **Library** page, or run `inspection-assistant index`.")
    st.stop()

inspections = inspections_for(tuple(sorted((d, r.content_hash) for d, r in records.items())), store)
if not inspections:
    st.info(
        f"None of the {len(records)} indexed documents has a judgement table, so there are no grades to show. "
        "Focused visits and monitoring visits are letters without graded judgements; inspection reports "
        "(single inspection framework or ILACS) carry them. Add inspection reports on the **Library** page.",
        icon=":material/info:",
    )
    st.stop()


def open_source(inspection: J.Inspection, judgement: J.Judgement) -> None:
    line = render.source_line(inspection.kind, inspection.date, judgement.locator)
    grades = "; ".join(f"{J.area_label(j.area)}: {j.grade_label}" for j in inspection.judgements)
    shared.show_document(
        config, inspection.doc_id, inspection.title, f"{inspection.publisher or ''} · {line} · {grades}".strip(" ·"),
        judgement.start, judgement.end, [],
    )


def open_once(source: str, picked: tuple[J.Inspection, J.Judgement] | None) -> None:
    """Open the picked grade's source when the pick is new: a selection outlives the dialog it
    opened, and every later run (a filter changed) would open it again."""
    key = f"judgements_opened_{source}"
    now = picked[1].passage_id if picked else None
    if now != state.get(key):
        state[key] = now
        if picked:
            open_source(*picked)


# --- filters ---------------------------------------------------------------------------------

offered = J.authorities(inspections)
all_years = J.years(inspections)
home = state.get("home_authority")
if "judgements_authorities" not in state or state.get("judgements_home") != home:
    state["judgements_authorities"] = [home] if home in offered else []  # start from the home authority
    state["judgements_home"] = home
state["judgements_authorities"] = [a for a in state["judgements_authorities"] if a in offered]
if len(all_years) > 1:
    low, high = state.get("judgements_years", (all_years[0], all_years[-1]))
    state["judgements_years"] = (max(all_years[0], min(low, all_years[-1])), min(all_years[-1], max(high, all_years[0])))
grade_options = [g for g in charts.GRADES_BEST_FIRST if any(J.grade_label(i.grade() or "") == g for i in inspections)]
state["judgements_grades"] = [g for g in state.get("judgements_grades", []) if g in grade_options]
state.setdefault("judgements_sort", "date")

left, middle, right, last = st.columns([3, 2, 2, 1], vertical_alignment="bottom")
chosen = left.multiselect("Authority", offered, key="judgements_authorities", placeholder="All authorities")
year_from = year_to = None
if len(all_years) > 1:
    year_from, year_to = middle.slider("Years inspected", all_years[0], all_years[-1], key="judgements_years")
grades = right.multiselect("Overall effectiveness", grade_options, key="judgements_grades", placeholder="Any grade")
sort = last.selectbox("Sort by", J.SORTS, key="judgements_sort", format_func=str.capitalize)
if home and home not in offered:
    st.caption(f"{home} (the home authority) has no graded inspection in the library.")

in_years = J.filter_inspections(inspections, year_from=year_from, year_to=year_to)
shown = J.sort_inspections(
    J.filter_inspections(in_years, authorities=chosen, grades=grades), by=sort, descending=sort == "grade"
)
area_keys = J.areas(inspections)

# --- the table -------------------------------------------------------------------------------

st.markdown(f"**{len(shown)} of {len(inspections)} inspections**")
if shown:
    event = st.dataframe(
        J.table_rows(shown, area_keys),
        hide_index=True,
        width="stretch",
        key="judgements_table",
        on_select="rerun",
        selection_mode=["single-row", "single-cell"],
        column_config={"Year": st.column_config.NumberColumn(format="%d", width="small")},
    )
    picked = None
    rows, cells = list(event.selection.get("rows", [])), list(event.selection.get("cells", []))
    if cells and 0 <= cells[0][0] < len(shown):
        inspection = shown[cells[0][0]]
        picked = (inspection, J.judgement_for_column(inspection, cells[0][1]))
    elif rows and 0 <= rows[0] < len(shown):
        inspection = shown[rows[0]]
        picked = (inspection, J.judgement_for_column(inspection, None))
    open_once("table", picked if picked and picked[1] else None)
else:
    st.info("No inspection matches these filters.")

heading = "Inspection judgements" + (f": {', '.join(chosen)}" if chosen else "")
if year_from is not None and (year_from, year_to) != (all_years[0], all_years[-1]):
    heading += f", {year_from}–{year_to}"
if grades:
    heading += f" (overall effectiveness {', '.join(g.lower() for g in grades)})"
table_item = J.table_item(shown, heading, area_keys=[a for a in area_keys if any(i.judgement(a) for i in shown)])
added = shared.briefing().has(table_item)
if st.button("Table in the briefing" if added else "Add table to briefing", key="judgements_add_table",
             icon=":material/check:" if added else ":material/playlist_add:", disabled=added or not shown):
    shared.briefing().add(table_item)
    st.toast("Added the table to the briefing")
    st.rerun()

# --- over time -------------------------------------------------------------------------------

st.subheader("Overall effectiveness over time")
if not chosen:
    st.info("Choose one or more authorities above to see their overall effectiveness over time.")
else:
    data = J.timeline(in_years, chosen)
    if not data["points"]:
        st.info(f"No graded overall effectiveness for {', '.join(chosen)} in these years.")
    else:
        st.caption(
            "Coloured points: the chosen authorities' inspections (choose one to read its judgement). "
            "Grey circles: all authorities inspected in the same years, sized by how many were given each grade."
        )
        chart = charts.timeline_chart(data)
        event = st.altair_chart(chart, key="judgements_chart", on_select="rerun", selection_mode=charts.PICK, width="stretch")
        passage_id = J.passage_at(event.selection if event else None, charts.PICK)
        picked = next(((i, j) for i in in_years for j in i.judgements if j.passage_id == passage_id), None)
        open_once("chart", picked)
        chart_item = J.chart_item(in_years, chosen, None)
        added = shared.briefing().has(chart_item)
        if st.button("Chart in the briefing" if added else "Add chart to briefing", key="judgements_add_chart",
                     icon=":material/check:" if added else ":material/add_chart:", disabled=added):
            with st.spinner("Drawing the chart…"):
                png = charts.chart_png(chart)
            shared.briefing().add(J.chart_item(in_years, chosen, png))
            st.toast("Added the chart to the briefing")
            st.rerun()

# --- across the library ----------------------------------------------------------------------

st.subheader("Overall effectiveness by year, all authorities")
spread = J.distribution(inspections)
st.caption(f"How many of the library's {len(inspections)} inspections were given each grade, by year inspected.")
st.altair_chart(charts.distribution_chart(spread), width="stretch")
