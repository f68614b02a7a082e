"""Briefing: the answers collected from the chat, in order, with their quotes; exported as Markdown
or Word with numbered references at the end."""

from __future__ import annotations

import re

import streamlit as st

from ui import render, shared

brief = shared.briefing()

st.title("Briefing")
st.caption(
    "Collect answers with **Add to briefing** in the chat, put them in order, and take them away as a "
    "Markdown or Word document. Each quote keeps its reference: title, publisher, date and paragraph."
)

title = st.text_input("Title", value=brief.title, max_chars=200, key="briefing_title")
brief.title = title.strip() or brief.title

if not brief.items:
    st.info("Nothing collected yet. Ask a question on the **Chat** page and choose **Add to briefing** under the answer.")
    st.stop()


def move(index: int, offset: int) -> None:
    brief.move(index, offset)


def remove(index: int) -> None:
    brief.remove(index)


for i, item in enumerate(brief.items):
    text, quotes = brief.renumbered(item)
    with st.container(border=True):
        head, up, down, drop = st.columns([8, 1, 1, 1], vertical_alignment="center")
        head.markdown(f"**{i + 1}. {render.markdown_text(item.question)}**")
        # Callbacks change the order before the page is drawn again, so the list shows it at once.
        up.button("", key=f"up-{i}", icon=":material/arrow_upward:", help="Move up", disabled=i == 0, on_click=move, args=(i, -1))
        down.button("", key=f"down-{i}", icon=":material/arrow_downward:", help="Move down",
                    disabled=i == len(brief.items) - 1, on_click=move, args=(i, 1))
        drop.button("", key=f"remove-{i}", icon=":material/delete:", help="Remove from the briefing", on_click=remove, args=(i,))
        if item.chart_png:
            st.image(item.chart_png, caption=item.chart_caption or None)
        st.markdown(render.markdown_text(text))
        extra = [(n, q) for n, q in quotes if q not in item.answer]
        for n, quote in extra:
            st.markdown(f"> “{render.markdown_text(quote)}” [{n}]")

refs = brief.references()
if refs:
    st.subheader("References")
    st.markdown("\n\n".join(f"[{r.number}] {render.markdown_text(r.text())}" for r in refs))

stem = re.sub(r"[^A-Za-z0-9]+", "-", brief.title).strip("-").lower() or "briefing"
left, right, _ = st.columns([1, 1, 1])
left.download_button(
    "Download Markdown", brief.to_markdown(), file_name=f"{stem}.md", mime="text/markdown",
    icon=":material/download:", on_click="ignore", key="export_md",
)
right.download_button(
    "Download Word", brief.to_docx(), file_name=f"{stem}.docx",
    mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    icon=":material/download:", on_click="ignore", key="export_docx",
)
