"""Configuration: ``[tool.claimkit]`` in pyproject.toml, or claimkit.toml, nearest file wins."""

from claimkit.config.model import Config, ConfigError, defaults
from claimkit.config.resolve import Resolver

__all__ = ["Config", "ConfigError", "Resolver", "defaults"]
