"""The commands, run the way the README and the Procfile run them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str], url: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": url, "LOG_LEVEL": "WARNING", "SECRET_KEY": "c" * 40}
    env.pop("REDIS_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_init_twice_changes_nothing(db_url, tmp_path):
    first = run(["init"], db_url, tmp_path)
    assert first.returncode == 0, first.stderr
    assert "+ container" in first.stdout
    second = run(["init"], db_url, tmp_path)
    assert second.returncode == 0 and "rien à changer" in second.stdout


def test_simulate_fill_reports_and_checks(db_url, tmp_path):
    result = run(["simulate-fill", "--seed", "7", "--traders", "20"], db_url, tmp_path)
    assert result.returncode == 0, result.stderr + result.stdout
    report = result.stdout.replace("\u00a0", " ")
    assert "Volume total : 76,0 / 76,0 CBM" in report
    assert "Étape : en mer" in report
    assert report.count("✔") == 4 and "✘" not in report
    assert "Marge plateforme" in report and "ÉLECTRONIQUE" in report


def test_simulate_fill_twice_fills_the_next_container(db_url, tmp_path):
    run(["simulate-fill", "--seed", "1"], db_url, tmp_path)
    second = run(["simulate-fill", "--seed", "2"], db_url, tmp_path)
    assert second.returncode == 0, second.stderr + second.stdout
    assert "conteneur TD-2026-02" in second.stdout or "TD-20" in second.stdout


@pytest.mark.parametrize("args", [["simulate-fill", "--traders", "0"], ["nonsense"]])
def test_bad_arguments_exit_non_zero(args, tmp_path):
    result = run(args, f"sqlite:///{tmp_path / 'x.db'}", tmp_path)
    assert result.returncode == 2
