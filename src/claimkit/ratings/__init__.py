"""The source ratings database: schema, loading, layering, look-up and importers.

Importing this package is cheap; yaml and tldextract load only when a run needs them.
"""

from __future__ import annotations

# Rules that need the database: the CLI loads (and validates) it before linting only
# when one of these runs, so a bad ratings file is a clean exit 2, never a worker crash.
NEEDS_RATINGS: frozenset[str] = frozenset({"CK202", "CK203", "CK401"})


class RatingsError(Exception):
    """A ratings file that cannot be used; the message is ``path:line: message``.

    Defined here, not in ``load``, so that catching it imports nothing else.
    """
