"""Regular expressions compiled when first used, not when their module is imported.

claimkit has about 80 module-level patterns; compiling them all costs every start ~25 ms,
and most runs use a fraction of them (a warm cached lint parses nothing; a lint never reads
TOML positions or YAML ratings unless something is wrong). ``compile`` returns a stand-in
that compiles on its first attribute access and then stores the compiled pattern's methods
on itself, so every later ``PATTERN.match(...)`` is a plain attribute look-up and a call,
as fast as on the compiled pattern.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, cast

_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")


class _Lazy:
    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        # Only reached for attributes not yet on the instance: the first use.
        if name == "_source":
            raise AttributeError(name)
        pattern, flags = self._source
        compiled: re.Pattern[Any] = re.compile(pattern, flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        for attribute in ("pattern", "flags", "groups", "groupindex", "scanner"):
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)


def compile(pattern: AnyStr, flags: int | re.RegexFlag = 0) -> re.Pattern[AnyStr]:
    """``re.compile``, deferred to the pattern's first use."""
    source: str | bytes = pattern
    return cast("re.Pattern[AnyStr]", _Lazy(source, int(flags)))
