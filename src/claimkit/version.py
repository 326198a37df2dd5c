"""The version of claimkit: one place, read by the package, the CLI, verify's User-Agent
and the build (pyproject: `claimkit.version.__version__`)."""

__version__ = "0.1.0"
