"""Only what pyproject.toml cannot say: map the top-level data/ folder to claimkit.data."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages("src"), "claimkit.data"],
    package_dir={"": "src", "claimkit.data": "data"},
)
