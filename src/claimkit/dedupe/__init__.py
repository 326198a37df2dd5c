"""Duplicate claims within a document and across a corpus: detection and the fix plan."""
