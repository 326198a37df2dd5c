"""Rewriting users' files: apply edits to a document's text and write it back atomically."""
