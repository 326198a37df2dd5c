"""Duplicate claims: detection (``detect``) within a document and across a corpus, and the fix plan."""
