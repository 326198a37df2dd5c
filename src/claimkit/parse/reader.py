"""Bytes to text: the only place that decides whether a file can be read at all."""

from __future__ import annotations

import os
from dataclasses import dataclass

BOM = "\ufeff"
# A file this large is not an explainer written by anyone; refuse it rather than
# spend minutes and gigabytes on it.
MAX_BYTES = 64 * 1024 * 1024


class UnreadableError(Exception):
    """The file cannot be turned into text; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str  # without the BOM
    bom: bool


def decode(data: bytes) -> Decoded:
    if len(data) > MAX_BYTES:
        raise UnreadableError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB")
    nul = data.find(b"\x00")
    if nul != -1:
        raise UnreadableError(f"binary file (NUL byte at offset {nul})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise UnreadableError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} at line {line}, column {column})"
        ) from None
    bom = text.startswith(BOM)
    return Decoded(text[1:] if bom else text, bom)


def read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_BYTES:
                return handle.read(MAX_BYTES + 1)  # decode() refuses it
            # A plain read(): read(MAX_BYTES + 1) allocates 64 MiB for every file first.
            return handle.read()
    except IsADirectoryError:
        raise UnreadableError("is a directory") from None
    except PermissionError:
        raise UnreadableError("permission denied") from None
    except FileNotFoundError:
        raise UnreadableError("no such file") from None
    except OSError as exc:
        raise UnreadableError(os.strerror(exc.errno) if exc.errno else str(exc)) from None
