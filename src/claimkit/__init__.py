"""claimkit: audit claims, citations and sources in explainer documents.

The Python API (docs/api.md): ``lint_text``, ``parse``, ``dedupe`` and ``fix``. They are
loaded on first use, so that ``import claimkit`` (and so the command line) stays cheap.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from claimkit.version import __version__

_API = frozenset(
    {
        "lint_text", "parse", "dedupe", "fix", "LintResult", "FixResult", "DedupeResult",
        "Diagnostic", "Severity", "Applicability", "Fix", "Edit", "Document", "ConfigError",
    }
)  # fmt: skip
# API functions that share their name with a subpackage of claimkit's own (claimkit.parse,
# claimkit.fix, claimkit.dedupe): the name stays the function, and reaches the subpackage's
# attributes too, so ``claimkit.fix(text)`` and ``claimkit.fix.write`` both work.
_SHARED = frozenset({"parse", "fix", "dedupe"})

if TYPE_CHECKING:
    from claimkit.api import (
        Applicability,
        ConfigError,
        DedupeResult,
        Diagnostic,
        Document,
        Edit,
        Fix,
        FixResult,
        LintResult,
        Severity,
        dedupe,
        fix,
        lint_text,
        parse,
    )

__all__ = [
    "Applicability",
    "ConfigError",
    "DedupeResult",
    "Diagnostic",
    "Document",
    "Edit",
    "Fix",
    "FixResult",
    "LintResult",
    "Severity",
    "__version__",
    "dedupe",
    "fix",
    "lint_text",
    "parse",
]


class _Shared:
    """An API function that also answers for the subpackage of the same name."""

    def __init__(self, function: Callable[..., Any], module: str) -> None:
        self.__wrapped__ = function
        self.__doc__ = function.__doc__
        self._module = module

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.__wrapped__(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)  # inspect and copy probe for these: the function's
        from importlib import import_module

        package = import_module(self._module)
        try:
            return getattr(package, name)
        except AttributeError:
            pass
        try:
            return import_module(f"{self._module}.{name}")
        except ModuleNotFoundError:
            raise AttributeError(f"module {self._module!r} has no attribute {name!r}") from None

    def __repr__(self) -> str:
        return f"<claimkit API function {self.__wrapped__.__name__}>"


class _Package(types.ModuleType):
    def __setattr__(self, name: str, value: Any) -> None:
        # The import system binds each imported subpackage on its parent; for the shared
        # names that would hide the API function, and sys.modules keeps the module anyway.
        if name in _SHARED and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
for _name in _SHARED & set(vars(sys.modules[__name__])):
    # Already imported before this ran (not in practice): unbind, __getattr__ answers.
    delattr(sys.modules[__name__], _name)


def __getattr__(name: str) -> Any:
    if name in _API:
        from claimkit import api

        value: Any = getattr(api, name)
        if name in _SHARED:
            value = _Shared(value, f"{__name__}.{name}")
        globals()[name] = value
        return value
    raise AttributeError(f"module 'claimkit' has no attribute {name!r}")
