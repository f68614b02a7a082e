"""The known-answer evaluation set and its runner."""
