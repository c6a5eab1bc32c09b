"""SECRET_KEY: optional in the embedded default, required as soon as processes share state."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.text.messages import t
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


def quiet_sqlite(tmp_path: Path) -> dict[str, str]:
    return {"DATABASE_URL": f"sqlite:///{tmp_path / 'k.db'}", "LOG_LEVEL": "WARNING"}


def env_without_settings(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in NAMES}
    return {**env, "PYTHONPATH": str(ROOT), **quiet_sqlite(tmp_path), **extra}


@pytest.mark.parametrize("reason", list(SHARED))
@pytest.mark.parametrize("command", [["init"], ["telegram"], []])
def test_shared_settings_without_secret_key_refuse_to_start(reason, command, cli, tmp_path):
    """The rule, for each command and each setting that shares state: in this process, through
    the CLI's main (tests/cli.py); the exit code as a process sees it is the next test's."""
    result = cli(command, **{**quiet_sqlite(tmp_path), **SHARED[reason]})
    assert result.code == 2
    assert result.err.startswith("SECRET_KEY manque : avec " + reason)
    assert result.err.count("\n") == 1 and "Traceback" not in result.err
    assert not (tmp_path / "k.db").exists()  # refused before touching anything


def test_a_process_without_secret_key_exits_2_with_one_line(tmp_path):
    """`python -m bot telegram` with a token and no key, as a real process: exit code 2, the
    sentence on stderr and nothing else (no traceback), before touching the database."""
    result = subprocess.run(
        [sys.executable, "-m", "bot", "telegram"],
        cwd=tmp_path,
        env=env_without_settings(tmp_path, **SHARED["TELEGRAM_BOT_TOKEN"]),
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2
    assert result.stderr == t("cli.no_secret_key", reasons="TELEGRAM_BOT_TOKEN") + "\n"
    assert not (tmp_path / "k.db").exists()


# The embedded default (`bash scripts/run`, no settings) runs without SECRET_KEY: the process
# in tests/flows/test_console.py goes through a whole journey with none.


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
