"""Fixtures of the integration tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli import Cli


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Cli:
    """`python -m bot …` in this process, in a folder of its own (tests/cli.py)."""
    return Cli(monkeypatch, capsys, tmp_path)
