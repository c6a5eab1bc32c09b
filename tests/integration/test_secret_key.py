"""SECRET_KEY: optional in the embedded default, required as soon as processes share state."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from webhooks import wsgi

ROOT = Path(__file__).resolve().parents[2]
SHARED = {
    "TELEGRAM_BOT_TOKEN": {"TELEGRAM_BOT_TOKEN": "123456:TOKEN"},
    "REDIS_URL": {"REDIS_URL": "redis://127.0.0.1:1/0"},
    "DATABASE_URL (PostgreSQL)": {"DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"},
    "TWILIO_WHATSAPP_FROM": {
        "TWILIO_ACCOUNT_SID": "AC" + "1" * 32,
        "TWILIO_AUTH_TOKEN": "token",
        "TWILIO_WHATSAPP_FROM": "whatsapp:+14155238886",
    },
}
NAMES = ("SECRET_KEY", "REDIS_URL", "TELEGRAM_BOT_TOKEN", "TWILIO_WHATSAPP_FROM", "DATABASE_URL")


def env_without_settings(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in NAMES}
    return {
        **env,
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'k.db'}",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


@pytest.mark.parametrize("reason", list(SHARED))
@pytest.mark.parametrize("command", [["init"], ["telegram"], []])
def test_shared_settings_without_secret_key_refuse_to_start(reason, command, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "bot", *command],
        cwd=tmp_path,
        env=env_without_settings(tmp_path, **SHARED[reason]),
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("SECRET_KEY manque : avec " + reason)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert not (tmp_path / "k.db").exists()  # refused before touching anything


def test_the_embedded_default_runs_without_secret_key(tmp_path):
    """`bash scripts/run` with no settings: the console, a key for this process only."""
    result = subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=tmp_path,
        env=env_without_settings(tmp_path),
        input="bonjour\n/quit\n",
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "quel est votre nom" in result.stdout


def test_gunicorn_app_without_secret_key_stops_the_server(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for name in NAMES:
        monkeypatch.delenv(name, raising=False)
    for name, value in SHARED["TWILIO_WHATSAPP_FROM"].items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SystemExit) as stopped:
        wsgi.make_app()
    assert stopped.value.code == wsgi.APP_LOAD_ERROR
    assert "SECRET_KEY manque : avec TWILIO_WHATSAPP_FROM" in capsys.readouterr().err
