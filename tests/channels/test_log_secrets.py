"""`python -m bot telegram` at DEBUG, against the fake Bot API: no secret in its output."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.fakes.telegram_api import FakeTelegram

ROOT = Path(__file__).resolve().parents[2]
SECRET_KEY = "process-secret-key-0123456789abcdef"
TWILIO_TOKEN = "process-twilio-token-0123456789"
TRADER = 5001


def stops(process: subprocess.Popen, timeout: float) -> bool:
    """Whether the process ended within `timeout` seconds (else it is killed)."""
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)
        return False
    return True


def test_the_telegram_process_writes_no_secret_to_its_logs(tmp_path):
    fake = FakeTelegram().start()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.db'}",
        "TELEGRAM_BOT_TOKEN": fake.token,
        "TELEGRAM_API_BASE_URL": f"{fake.base}/bot",
        "TELEGRAM_FILE_BASE_URL": f"{fake.base}/file/bot",
        "TWILIO_ACCOUNT_SID": "AC" + "3" * 32,
        "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
        "SECRET_KEY": SECRET_KEY,
        "SMS_PROVIDER": "console",
        "LOG_LEVEL": "DEBUG",
    }
    env.pop("REDIS_URL", None)
    log_path = tmp_path / "bot.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "telegram"],
            cwd=tmp_path,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            fake.text(TRADER, "/start")  # waits in the fake until the bot polls
            fake.wait_for(lambda: bool(fake.texts(TRADER)), 60)
        finally:
            process.send_signal(signal.SIGINT)
            stopped = stops(process, 30)
            fake.stop()
    output = log_path.read_text()
    assert stopped, "still running 30 s after SIGINT; its log ends:\n" + output[-4000:]
    assert "DEBUG" in output and "getUpdates" in output  # the chatty level was on
    for secret in (fake.token, fake.token.split(":")[1], TWILIO_TOKEN, SECRET_KEY):
        assert secret not in output
