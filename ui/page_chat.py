"""Chat: ask questions, read cited answers, open each source passage and its place in the document."""

from __future__ import annotations

import streamlit as st

from assistant.briefing import BriefingItem
from assistant.types import Answer, Filters, Turn
from index.errors import AssistantError, IndexMissing, NotFound
from index.settings import MODES
from ui import render, shared

config = shared.settings()
state = st.session_state

st.title(shared.APP_TITLE)
st.caption(shared.HELP_TEXT)

try:
    records = shared.store(config).document_records()
except IndexMissing:
    records = {}
if not records:
    st.info("No documents are indexed yet. Add some on the **Library** page, or run `inspection-assistant index`.")
    st.stop()


def sidebar_filters() -> tuple[Filters, int, str | None, list[str]]:
    """The sidebar's filters as (Filters, passages to use, answering mode, a summary of them)."""
    docs = sorted(records.values(), key=lambda r: (r.date or "", r.title))
    doc_ids = [r.doc_id for r in docs]
    kinds = sorted({r.kind for r in docs})
    authorities = sorted({r.authority for r in docs if r.authority})
    years = sorted({r.year for r in docs if r.year})
    # Drop remembered choices that are no longer offered (a document removed from the library).
    for key, options in (("filter_docs", doc_ids), ("filter_kinds", kinds), ("filter_authorities", authorities)):
        state[key] = [v for v in state.get(key, []) if v in options]
    state.setdefault("filter_k", config.top_k)
    if years:
        low, high = state.get("filter_years", (years[0], years[-1]))
        state["filter_years"] = (max(years[0], min(low, years[-1])), min(years[-1], max(high, years[0])))
    summary = []
    with st.sidebar:
        st.subheader("Filters")
        chosen_docs = st.multiselect(
            "Documents", doc_ids, format_func=lambda d: records[d].title if d in records else d,
            key="filter_docs", placeholder="All documents",
        )
        chosen_kinds = st.multiselect("Kind", kinds, format_func=render.kind_label, key="filter_kinds", placeholder="All kinds")
        chosen_authorities = st.multiselect("Authority", authorities, key="filter_authorities", placeholder="All authorities")
        year_from = year_to = None
        if len(years) > 1:
            low, high = st.slider("Years", years[0], years[-1], key="filter_years")
            year_from = low if low > years[0] else None
            year_to = high if high < years[-1] else None
        mode = None
        if shared.generative_configured(config):
            state.setdefault("filter_mode", config.mode)
            mode = st.selectbox(
                "Answering mode", MODES, key="filter_mode",
                help="Extractive quotes the documents directly. The others let a language model write the "
                "answer; every sentence it writes is checked against the cited passage.",
            )
        k = st.slider("Passages to use", 1, 15, key="filter_k", help="How many passages the answer may draw on.")
        if st.button("Clear conversation", icon=":material/delete_sweep:", disabled=not shared.chat_history()):
            shared.chat_history().clear()
            st.rerun()
    if chosen_docs:
        summary.append("documents: " + "; ".join(records[d].title for d in chosen_docs))
    if chosen_kinds:
        summary.append("kind: " + ", ".join(render.kind_label(k) for k in chosen_kinds))
    if chosen_authorities:
        summary.append("authority: " + ", ".join(chosen_authorities))
    if year_from or year_to:
        summary.append(f"years {year_from or years[0]}–{year_to or years[-1]}")
    filters = Filters(tuple(chosen_docs), tuple(chosen_kinds), tuple(chosen_authorities), year_from, year_to)
    return filters, k, mode, summary


def sources_panel(turn: int, answer: Answer) -> None:
    """One entry per cited passage (its [n] markers, title, kind, date, locator), holding the whole
    passage with the quoted spans highlighted and a way into the document."""
    groups: dict[str, list] = {}
    for c in answer.citations:
        groups.setdefault(c.passage_id, []).append(c)
    st.markdown(f"**Sources** · {len(answer.citations)} quote{'s' if len(answer.citations) != 1 else ''} "
                f"from {len(groups)} passage{'s' if len(groups) != 1 else ''}")
    for passage_id, cites in groups.items():
        c = cites[0]
        markers = " ".join(f"[{x.n}]" for x in cites)
        line = render.source_line(c.kind, c.date, c.locator)
        with st.expander(f"**{markers}** {c.title} — {line}"):
            st.html(render.passage_html(c.text, [x.quote for x in cites]))
            left, right = st.columns([3, 2], vertical_alignment="center")
            left.caption(f"{c.publisher or 'Unknown publisher'} · `{passage_id}`")
            if right.button("Show in document", key=f"doc-{turn}-{passage_id}", icon=":material/open_in_full:"):
                shared.show_document(config, c.doc_id, c.title, f"{c.publisher or ''} · {line}".strip(" ·"), c.start, c.end, [x.quote for x in cites])


def related_panel(turn: int, answer: Answer) -> None:
    if answer.abstained:
        st.markdown("**Nearest passages** (related, but they don't answer the question)")
    else:  # beside an answer from the records: where the reports write of what they give
        st.markdown("**Nearest passages** (where the reports write of this; not citations)")
    for r in answer.related:
        with st.expander(f"{r.title} — {render.source_line('', r.date, r.locator).lstrip(' ·')}"):
            st.html(render.passage_html(r.text, []))
            if st.button("Show in document", key=f"rel-{turn}-{r.passage_id}", icon=":material/open_in_full:"):
                try:
                    p = shared.store(config).get_passage(r.passage_id)
                except NotFound as err:
                    st.error(str(err))
                else:
                    shared.show_document(config, p.doc_id, p.title, render.source_line(p.doc_kind, p.date, p.locator), p.start, p.end, [])


def render_turn(turn: int, entry: dict) -> None:
    answer: Answer = entry["answer"]
    with st.chat_message("user"):
        st.markdown(render.markdown_text(entry["question"]))
    with st.chat_message("assistant"):
        for warning in answer.warnings:
            st.warning(warning)
        if answer.abstained:
            st.info(answer.answer, icon=":material/search_off:")
            if answer.related:
                related_panel(turn, answer)
        else:
            if answer.scope:
                st.caption(answer.scope)
            st.markdown(render.markdown_text(answer.answer))
            if answer.dropped:
                st.caption(f"The checker removed {len(answer.dropped)} sentence(s) of the model's answer that the sources did not support.")
            sources_panel(turn, answer)
            if answer.related:
                related_panel(turn, answer)
        item = BriefingItem.from_answer(answer)
        added = shared.briefing().has(item)
        left, right = st.columns([2, 3], vertical_alignment="center")
        if left.button("In the briefing" if added else "Add to briefing", key=f"brief-{turn}", disabled=added,
                       icon=":material/check:" if added else ":material/playlist_add:"):
            shared.briefing().add(item)
            st.toast("Added to the briefing")
            st.rerun()
        notes = [f"{answer.mode} answer", f"{answer.timings_ms.get('total', 0) / 1000:.1f} s"]
        if entry.get("filters"):
            notes.append("filtered by " + "; ".join(entry["filters"]))
        if answer.search_query and answer.search_query != answer.question:
            notes.append(f"read as “{answer.search_query}”")
        right.caption(" · ".join(notes))


filters, k, mode, summary = sidebar_filters()
history = shared.chat_history()

for turn, entry in enumerate(history):
    render_turn(turn, entry)

question = None
if not history:
    st.markdown("**Try asking**")
    for n, example in enumerate(shared.EXAMPLES):
        if st.button(example, key=f"example-{n}", icon=":material/arrow_forward:", type="tertiary"):
            question = example

typed = st.chat_input("Ask about the inspection documents…")
question = typed or question

if question:
    with st.chat_message("user"):
        st.markdown(render.markdown_text(question))
    with st.chat_message("assistant"):
        earlier = [Turn(e["answer"].question, e["answer"].answer, e["answer"].search_query) for e in history]
        try:
            with st.spinner("Finding the passages that answer this…"):
                home = st.session_state.get("home_authority") or ""  # this session's choice in the sidebar
                answer = shared.assistant(config).ask(question, history=earlier, filters=filters, k=k, mode=mode, home=home)
        except AssistantError as err:
            st.error(str(err))
        else:
            history.append({"question": question, "answer": answer, "filters": summary})
            st.rerun()
