"""The bias report: balance of a document's (or a corpus's) sources, as pure functions."""
