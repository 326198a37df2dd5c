"""Text utilities shared by rules, dedupe and verify."""
