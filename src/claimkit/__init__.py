"""claimkit: audit claims, citations and sources in explainer documents."""

__version__ = "0.1.0"
