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
FILTER_KEYS = ("filter_docs", "filter_kinds", "filter_authorities", "filter_years", "filter_mode", "filter_k")


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
    # A widget's value is dropped when a run does not draw it; the filters live on the chat page
    # only, so re-assigning them keeps them across visits to the other pages.
    for key in FILTER_KEYS:
        if key in state:
            state[key] = state[key]


def chat_history() -> list:
    return st.session_state["chat"]


def briefing() -> Briefing:
    return st.session_state["briefing"]
