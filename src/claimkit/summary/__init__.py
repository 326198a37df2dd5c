"""Summary levels read as sentences with their evidence (CK601)."""
