"""Whether to colour a stream: ``--color``, else only a terminal, never under NO_COLOR."""

from __future__ import annotations

import os
from typing import TextIO

_mode = "auto"  # --color: auto, always or never; one per process, set while parsing flags


def set_mode(mode: str) -> None:
    global _mode
    if mode not in ("auto", "always", "never"):
        raise ValueError(f"unknown colour mode {mode!r}")
    _mode = mode


def wants_color(stream: TextIO) -> bool:
    if _mode != "auto":
        return _mode == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
