"""Answering: retrieval, answer composition, citation verification, generative backends."""
