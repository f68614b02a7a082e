"""The Streamlit app's entry point (``inspection-assistant ui``): the page frame, the navigation
between Chat, Briefing, Judgements, Library and Evals, the sidebar's home authority, and the UI's
one error boundary."""

from __future__ import annotations

import streamlit as st

from index.errors import AssistantError, IndexMissing
from ui import shared

st.set_page_config(page_title=shared.APP_TITLE, page_icon=":material/fact_check:", layout="centered")
st.set_option("client.toolbarMode", "viewer")  # no "Deploy" button: the app runs on this machine
shared.session()

pages = [
    st.Page("page_chat.py", title="Chat", icon=":material/chat:", default=True),
    st.Page("page_briefing.py", title="Briefing", icon=":material/description:", url_path="briefing"),
    st.Page("page_judgements.py", title="Judgements", icon=":material/leaderboard:", url_path="judgements"),
    st.Page("page_library.py", title="Library", icon=":material/library_books:", url_path="library"),
    st.Page("page_evals.py", title="Evals", icon=":material/monitoring:", url_path="evals"),
]
page = st.navigation(pages)

getting_ready = shared.start_warm_up()

with st.sidebar:
    if getting_ready:
        st.caption("Getting ready: loading the model and opening the index…")
    offered = shared.authorities(shared.settings())
    if offered:
        shared.home_authority(shared.settings(), offered)  # this session's choice, starting from the setting
        st.selectbox(
            "Home authority", [None, *offered], key="home_authority", format_func=lambda a: "None" if a is None else a,
            help="Your own council: a question that names no authority is answered from its documents first, "
            "and the Judgements page starts from it. Set the default with "
            "IA_HOME_AUTHORITY or `home_authority` in the source folder's manifest.json.",
        )
    count = len(shared.briefing().items)
    if count:
        st.caption(f"Briefing: {count} answer{'s' if count != 1 else ''} collected")

try:
    page.run()
except IndexMissing as err:
    st.error(str(err))
    st.info("Add documents on the **Library** page, or run `inspection-assistant index` in a terminal.")
except AssistantError as err:
    st.error(str(err))
