"""Library: the indexed documents with their metadata, and uploading new ones (checked, saved into
the document folder and indexed; a file that fails is reported next to its name and changes nothing)."""

from __future__ import annotations

import streamlit as st

from index.errors import IndexMissing
from index.text import display_date, display_range
from index.uploads import ALLOWED_TYPES, add_uploads
from ui import render, shared

config = shared.settings()
state = st.session_state

st.set_page_config(layout="wide")  # the table has many columns
st.title("Library")
st.caption("The documents the assistant answers from. Answers never draw on anything that is not listed here.")

try:
    records = shared.store(config).document_records()
except IndexMissing:
    records = {}

if records:
    rows = sorted(records.values(), key=lambda r: (r.authority or "", r.date or "", r.title))
    total = sum(r.passage_count for r in rows)
    st.markdown(f"**{len(rows)} documents**, {total} citable passages")
    st.dataframe(
        [
            {
                "Title": r.title,
                "Kind": render.kind_label(r.kind),
                "Authority": r.authority or "",
                "Publisher": r.publisher or "",
                "Date": display_date(r.date),
                "Framework": r.framework or "",
                "Inspected": display_range(r.start_date, r.end_date) if r.start_date else "",
                "Published": display_date(r.published) if r.published else "",
                "Lead inspector": r.lead_inspector or "",
                "Inspectors": ", ".join(r.inspectors),
                "Judgements": "; ".join(f"{area.replace('_', ' ').capitalize()}: {grade}" for area, _, grade in r.judgements),
                "Passages": r.passage_count,
                "File": r.source,
                "Metadata": "guessed: " + ", ".join(r.inferred) if r.inferred else "manifest",
            }
            for r in rows
        ],
        hide_index=True,
        width="stretch",
        column_config={"Passages": st.column_config.NumberColumn(format="%d", width="small")},
    )
else:
    st.info("No documents are indexed yet. Upload some below, or run `inspection-assistant index`.")

st.subheader("Add documents")
types = [t.lstrip(".") for t in ALLOWED_TYPES]
st.caption(f"PDF, Word (.docx), text, Markdown or HTML, up to {config.max_upload_mb} MB each. "
           "A file that cannot be read is reported here and leaves the library as it was.")
state.setdefault("upload_round", 0)
files = st.file_uploader(
    "Documents to add", type=types, accept_multiple_files=True, key=f"uploads-{state['upload_round']}",
    label_visibility="collapsed",
)
overwrite = st.checkbox("Replace documents that have the same file name", key="upload_overwrite")

if st.button("Add to library", type="primary", disabled=not files, icon=":material/upload_file:"):
    bar = st.progress(0.0, text="Saving the files…")
    stages = {"read": (0.0, 0.2, "Reading the files"), "embed": (0.2, 1.0, "Embedding the passages")}

    shown = [0.0]

    def progress(what: str, done: int, total: int) -> None:
        # reading and embedding overlap (the encoder starts on the first file), so the bar only moves on
        low, high, label = stages.get(what, (0.0, 1.0, what))
        shown[0] = max(shown[0], min(1.0, low + (high - low) * (done / total if total else 0.0)))
        bar.progress(shown[0], text=f"{label} ({done}/{total})" if total else label)

    with st.spinner("Indexing…"):
        outcomes = add_uploads(config, [(f.name, f.getvalue()) for f in files], overwrite=overwrite, progress=progress)
    bar.progress(1.0, text="Done")
    state["upload_results"] = outcomes
    state["upload_round"] += 1  # a fresh uploader: the files just handled are cleared
    st.rerun()

for outcome in state.get("upload_results", []):
    if outcome.ok:
        verb = {"added": "added", "updated": "updated", "unchanged": "already in the library, unchanged"}[outcome.status]
        renamed = f" (saved as {outcome.saved_as})" if outcome.saved_as and outcome.saved_as != outcome.name else ""
        st.success(f"**{render.md_escape(outcome.name)}**{render.md_escape(renamed)}: {verb}, {outcome.passages} passages", icon=":material/check_circle:")
    else:
        st.error(f"**{render.md_escape(outcome.name)}**: {render.md_escape(outcome.reason)}", icon=":material/error:")
