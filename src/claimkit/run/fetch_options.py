"""The fetch options of a run: verify's defaults under the ``[verify]`` configuration table.

In the run layer because it joins two packages that know nothing of each other: the
configuration (``config``) and the fetcher (``verify``).
"""

from __future__ import annotations

from claimkit.config.model import VerifyConfig
from claimkit.verify.options import FetchOptions


def from_config(settings: VerifyConfig) -> FetchOptions:
    """The fetch options a ``[verify]`` table gives (``lint --online`` reads it too)."""
    base = FetchOptions()
    return FetchOptions(
        connect_timeout=(
            settings.connect_timeout
            if settings.connect_timeout is not None
            else base.connect_timeout
        ),
        read_timeout=settings.timeout if settings.timeout is not None else base.read_timeout,
        retries=settings.retries if settings.retries is not None else base.retries,
        exclude_private=bool(settings.exclude_private),
        exclude=settings.exclude,
        include=settings.include,
        accept=settings.accept,
    )
