"""Renderers: each a pure function from diagnostics (or reports) to text."""
