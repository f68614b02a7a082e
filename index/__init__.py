"""Indexing: load documents, cut them into passages, embed them and store them in Chroma."""
