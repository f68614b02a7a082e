"""Evals: run the known-answer questions through the assistant and show the figures, per tag and
the failures, next to the last saved run."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from evals.dataset import DEFAULT_SET, load_dataset
from evals.runner import HEADLINE, evaluate, fmt
from index.errors import ConfigError
from ui import eval_runs, shared

config = shared.settings()
state = st.session_state

st.set_page_config(layout="wide")  # room for the failures table
st.title("Evals")
st.caption(
    "Runs the known-answer questions through the same code path as the chat and scores retrieval, "
    "answers, citations and abstentions, without any model judging. Each run is saved and compared "
    "with the one before."
)

source = st.text_input("Question file (JSON lines)", value=str(DEFAULT_SET), key="eval_file")
split = st.radio("Split", ["test", "dev", "all"], horizontal=True, key="eval_split",
                 help="dev: the questions the settings were tuned on; test: held out.")
last = eval_runs.load_last(config.data_dir)

if st.button("Run the evaluation", type="primary", icon=":material/play_arrow:"):
    try:
        data = load_dataset(Path(source), split)
    except ConfigError as err:
        st.error(str(err))
        st.stop()
    for problem in data.problems:
        st.warning(problem)
    bar = st.progress(0.0, text=f"Answering {len(data.items)} questions…")

    def progress(done: int, total: int) -> None:
        bar.progress(done / total if total else 1.0, text=f"Answered {done} of {total} questions")

    label = f"{config.retrieval}{' + rerank' if config.rerank else ''}, {config.mode}"
    with st.spinner("Running the evaluation…"):
        run = evaluate(shared.assistant(config), data, label, progress=progress)
    record = eval_runs.run_record(run, split, source)
    eval_runs.save_last(config.data_dir, record)
    state["eval_current"], state["eval_previous"] = record, last
    bar.empty()

current = state.get("eval_current")
previous = state.get("eval_previous") if current else None
if current is None:
    if last is None:
        committed = eval_runs.load_committed(split if split != "all" else "test")
        if committed is None:
            st.info("No saved run yet. Choose a split and run the evaluation.")
            st.stop()
        current = committed
        st.markdown("No run saved on this machine yet: showing the **figures committed with the code** "
                    "(`evals/reports/`). Run the evaluation to measure this installation.")
    else:
        current = last
        st.markdown("Showing the **last saved run**; a new run is compared with it.")

m = current["metrics"]
st.caption(
    f"{current['label']} · split {current['split']} · {m.get('items')} questions "
    f"({m.get('answerable')} answerable, {m.get('unanswerable')} unanswerable) · "
    f"{current['seconds']:.0f} s · saved {current['saved_at']}"
    + (f" · compared with the run saved {previous['saved_at']} (split {previous['split']})" if previous else "")
)

HEADLINE_CARDS = ["answer_correctness", "evidence_recall_at_5", "citation_support", "quote_fidelity", "abstention_recall", "latency_total_p50_ms"]
styles = {key: (name, style) for key, name, style in HEADLINE}


def change(key: str) -> float | None:
    if not previous:
        return None
    now, before = m.get(key), previous["metrics"].get(key)
    return None if now is None or before is None else now - before


def delta_text(key: str, style: str) -> str | None:
    value = change(key)
    if value is None:
        return None
    if style == "pct":
        return f"{100 * value:+.1f} pts"
    if style == "ms":
        return f"{value:+.0f} ms"
    if style == "int":
        return f"{int(value):+d}"
    return f"{value:+.3f}"


columns = st.columns(len(HEADLINE_CARDS))
for column, key in zip(columns, HEADLINE_CARDS):
    name, style = styles[key]
    moved = change(key)
    column.metric(
        name, fmt(m.get(key), style), delta=delta_text(key, style),
        delta_color="off" if not moved else "inverse" if style == "ms" else "normal",
        delta_arrow="off" if not moved else "auto",
        delta_description="vs the last run" if moved is not None else None, border=True,
    )

with st.expander("All metrics"):
    st.dataframe(
        [
            {"Metric": name, "This run": fmt(m.get(key), style),
             "Last saved run": fmt(previous["metrics"].get(key), style) if previous else "–",
             "Change": delta_text(key, style) or "–"}
            for key, name, style in HEADLINE
        ],
        hide_index=True, width="stretch",
    )

st.subheader("By tag")
st.caption("Answer correctness for answerable questions; for unanswerable ones, how often the assistant rightly declined.")
per_tag = current.get("per_tag", {})
if per_tag:
    chart = {"This run": {tag: eval_runs.tag_score(fig) for tag, fig in per_tag.items()}}
    if previous and previous.get("per_tag"):
        chart["Last saved run"] = {tag: eval_runs.tag_score(previous["per_tag"].get(tag, {})) for tag in per_tag}
    import pandas as pd

    frame = pd.DataFrame(chart).astype(float) * 100
    st.bar_chart(frame, horizontal=True, stack=False, x_label="", y_label="Score (%)", height=max(220, 28 * len(per_tag) * len(chart) + 80))
else:
    st.caption("The questions carry no tags.")

failures = current.get("failures", [])
st.subheader(f"Failures ({len(failures)})")
if failures:
    st.dataframe(
        [{"Id": f["id"], "Question": f["question"], "Expected": f["expected"], "Why": f["why"], "Answer": f["answer"]} for f in failures],
        hide_index=True, width="stretch",
        column_config={"Answer": st.column_config.TextColumn(width="large"), "Why": st.column_config.TextColumn(width="medium")},
    )
else:
    st.success("Every question passed.")
