"""CK001 unreadable-file: made by the engine when a file cannot be read as UTF-8 text."""

from claimkit.diagnostics import Severity
from claimkit.rules.base import Rule

RULE = Rule(
    code="CK001",
    name="unreadable-file",
    severity=Severity.ERROR,
    summary="The file is not UTF-8 text, is binary, or cannot be read.",
    rationale=(
        "Nothing else can be checked in a file claimkit cannot read, and a publishing pipeline "
        "that wrote Latin-1 or a truncated binary has a bug worth knowing about. The message "
        "says why: the first invalid byte and its position, a NUL byte, or the operating "
        "system's reason (permission denied, no such file). Only regular files are opened: "
        "a FIFO, a device or a socket named *.md is CK001 (it is never waited on), and so is "
        "a file over max-file-size and a directory that cannot be walked. What the system "
        "will not let claimkit read is reported even when CK001 is not selected."
    ),
    check=None,
    bad="A file saved as Latin-1: `caf\\xe9`.",
    good="The same text saved as UTF-8.",
)
