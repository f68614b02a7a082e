"""The Streamlit front end."""
