"""JUnit XML for CI dashboards: a test suite per file, a failed test case per diagnostic."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from xml.etree import ElementTree as ET

from claimkit import lazy_re
from claimkit.diagnostics import Diagnostic

# Characters XML 1.0 cannot hold at all, even escaped.
_INVALID = lazy_re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean_text(value: str) -> str:
    return _INVALID.sub("\ufffd", value)


def render(diagnostics: Iterable[Diagnostic], files: Sequence[str]) -> str:
    """``files``: every file linted, so that clean files show up as passing."""
    by_file: dict[str, list[Diagnostic]] = {path: [] for path in files}
    for diagnostic in diagnostics:
        by_file.setdefault(diagnostic.path, []).append(diagnostic)
    total = sum(len(found) for found in by_file.values())
    root = ET.Element(
        "testsuites", name="claimkit", tests=str(total + _clean(by_file)), failures=str(total)
    )
    for path, found in by_file.items():
        name = _clean_text(path)
        suite = ET.SubElement(
            root, "testsuite", name=name, tests=str(len(found) or 1), failures=str(len(found))
        )
        if not found:
            ET.SubElement(suite, "testcase", name="claimkit", classname=name)
            continue
        for d in found:
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{d.code} {d.name}",
                classname=name,
                file=name,
                line=str(d.line),
            )
            message = _clean_text(d.message)
            failure = ET.SubElement(case, "failure", message=message, type=d.severity.label)
            failure.text = f"{name}:{d.line}:{d.column}: {d.code} {d.severity.label} {message}"
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _clean(by_file: dict[str, list[Diagnostic]]) -> int:
    return sum(1 for found in by_file.values() if not found)
