"""What the pages share: the settings, the store and the assistant (loaded once per process with
st.cache_resource), and the per-browser-session state (chat history, briefing, filters)."""

from __future__ import annotations

import threading

import streamlit as st

from assistant.briefing import Briefing
from index.settings import Settings

APP_TITLE = "Inspection assistant"
HELP_TEXT = (
    "Ask about the children's-services inspection documents in the library: Ofsted inspection "
    "letters, the council's improvement plan, press releases and news articles. Answers come only "
    "from the indexed documents, and every quote is cited to the paragraph it came from. When the "
    "documents don't answer a question, the assistant says so."
)
EXAMPLES = (
    "What did Ofsted say about supervision?",
    "What did Ofsted find on the Isles of Scilly?",
    "Which product was procured for the new case management system?",
)
FILTER_KEYS = (
    "filter_docs", "filter_kinds", "filter_authorities", "filter_years", "filter_mode", "filter_k",
    "judgements_authorities", "judgements_years", "judgements_grades", "judgements_sort",
)


def settings() -> Settings:
    """The settings, read from the environment on every run (cheap; a changed env takes effect)."""
    return Settings.from_env()


def _settings_key(value: Settings) -> str:
    return repr(value)


@st.cache_resource(show_spinner=False, hash_funcs={Settings: _settings_key})
def store(config: Settings):
    """The Chroma store for ``config`` (raises IndexMissing when nothing is indexed yet)."""
    from index.store import Store

    return Store.open(config)


@st.cache_resource(show_spinner=False, hash_funcs={Settings: _settings_key})
def assistant(config: Settings):
    """The assistant for ``config``: the embedding model and the index, loaded once per process."""
    from assistant.ask import Assistant

    return Assistant(config, store=store(config))


@st.cache_resource(show_spinner=False, hash_funcs={Settings: _settings_key})
def warm_up(config: Settings, _assistant) -> threading.Thread:
    """Load the model and open the index in the background as soon as the app starts (once per
    process), so the first question answers as fast as the next; a question asked meanwhile
    waits for what it needs."""

    def run() -> None:
        try:
            _assistant.retriever.embed_query("warm up")
            _assistant.retriever.corpus()
        except Exception:  # the first question reports it, with its message
            pass

    thread = threading.Thread(target=run, name="warm-up", daemon=True)
    thread.start()
    return thread


def start_warm_up() -> bool:
    """Start the warm-up; True while it is still running."""
    from index.errors import AssistantError

    try:
        config = settings()
        return warm_up(config, assistant(config)).is_alive()
    except AssistantError:  # no index yet: the pages say so
        return False


def generative_configured(config: Settings) -> bool:
    return config.mode != "extractive" or bool(config.llm_model)


def session() -> None:
    """Create this browser session's state; keep the sidebar filters while other pages show."""
    state = st.session_state
    state.setdefault("chat", [])
    state.setdefault("briefing", Briefing())
    # A widget's value is dropped when a run does not draw it; the filters live on one page each
    # (chat, judgements), so re-assigning them keeps them across visits to the other pages.
    for key in FILTER_KEYS:
        if key in state:
            state[key] = state[key]


@st.cache_data(ttl=2, show_spinner=False, hash_funcs={Settings: _settings_key})
def authorities(config: Settings) -> list[str]:
    """The indexed authorities, sorted ([] with no index yet). The sidebar asks on every run of
    every page: read at most every 2 s (the retriever's own re-check interval), not each time
    (~50 ms for the library's 400 records)."""
    from index.errors import IndexMissing

    try:
        records = store(config).document_records()
    except IndexMissing:
        return []
    return sorted({r.authority for r in records.values() if r.authority})


def home_authority(config: Settings, offered: list[str]) -> str | None:
    """This session's home authority: the sidebar's choice, which starts from the setting (else
    the source folder manifest's ``home_authority``)."""
    from assistant.scope import home_authority as resolve
    from index.manifest import read_home_authority

    state = st.session_state
    if "home_authority" not in state or (state["home_authority"] is not None and state["home_authority"] not in offered):
        state["home_authority"] = resolve(config.home_authority, read_home_authority(config.source_dir), offered)
    return state["home_authority"]


def show_document(config: Settings, doc_id: str, title: str, line: str, start: int, end: int, quotes: list[str]) -> None:
    """A dialog with the whole document, the passage at ``start:end`` marked in place and scrolled to."""
    from index.errors import NotFound
    from ui import render

    def view() -> None:
        st.caption(line)
        try:
            text = store(config).document_text(doc_id)
        except NotFound as err:
            st.error(str(err))
            return
        st.html(render.document_html(text, start, end, quotes), unsafe_allow_javascript=True)

    st.dialog(title, width="large")(view)()


def chat_history() -> list:
    return st.session_state["chat"]


def briefing() -> Briefing:
    return st.session_state["briefing"]
