"""Shared test helpers: run the CLI in-process, write explainers to disk."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimkit.cli import app

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(tmp_path: Path) -> Iterator[Callable[..., Run]]:
    """``cli(*args, cwd=..., input=...)``: claimkit in-process, in ``tmp_path`` by default."""

    def invoke(*args: str, cwd: Path | None = None, input: str | bytes | None = None) -> Run:
        previous = os.getcwd()
        os.chdir(cwd or tmp_path)
        try:
            result = CliRunner().invoke(app, list(args), input=input)
        finally:
            os.chdir(previous)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    yield invoke


def write(path: Path, text: str, newline: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline=newline) as handle:
        handle.write(text)
    return path
