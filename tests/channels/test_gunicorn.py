"""The Procfile's web and worker processes for real: gunicorn on loopback stores a signed
Twilio webhook and acknowledges it; `python -m bot worker` sends the reply to the fake
Twilio REST server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from twilio.request_validator import RequestValidator

from tests.conftest import migrated_sqlite
from tests.fakes.twilio_api import FakeTwilio

ROOT = Path(__file__).resolve().parents[2]
SID, TOKEN, PUBLIC = "AC" + "2" * 32, "gunicorn-token", "https://wa.example.org"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post(port: int, path: str, form: dict, signature: str | None) -> int:
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if signature:
        headers["X-Twilio-Signature"] = signature
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=urllib.parse.urlencode(form).encode(),
        headers=headers,
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_gunicorn_serves_signed_webhooks(tmp_path):
    fake = FakeTwilio(auth=(SID, TOKEN)).start()
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        # The release step's work (migrations; `python -m bot init` runs as a process in
        # tests/integration/test_cli.py): a copy of the database the migrations made.
        "DATABASE_URL": migrated_sqlite(tmp_path / "g.db"),
        "TWILIO_ACCOUNT_SID": SID,
        "TWILIO_AUTH_TOKEN": TOKEN,
        "TWILIO_API_BASE_URL": fake.base_url,
        "TWILIO_WHATSAPP_FROM": "whatsapp:+14155238886",
        "PUBLIC_BASE_URL": PUBLIC,
        "SECRET_KEY": "g" * 40,
        "LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)
    worker = None
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "webhooks.wsgi:make_app()",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--threads",
            "4",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                    assert r.status == 200
                    break
            except OSError:
                time.sleep(0.2)
        form = {
            "MessageSid": "SMgunicorn1",
            "From": "whatsapp:+224620123456",
            "Body": "Bonjour",
            "NumMedia": "0",
        }
        path = "/webhooks/whatsapp"
        signature = RequestValidator(TOKEN).compute_signature(PUBLIC + path, form)
        assert post(port, path, form, None) == 403
        assert post(port, path, form, signature) == 200
        assert post(port, path, form, signature) == 200  # Twilio's retry: acknowledged again
        time.sleep(1)
        assert fake.messages("whatsapp:+224620123456") == []  # the web process only stores
        worker = subprocess.Popen(
            [sys.executable, "-m", "bot", "worker"], env=env, cwd=ROOT,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not fake.messages("whatsapp:+224620123456"):
            time.sleep(0.1)
        time.sleep(0.5)
        replies = fake.bodies("whatsapp:+224620123456")
        assert len(replies) == 1 and "quel est votre nom" in replies[0]
    finally:
        for process in (server, worker):
            if process is not None:
                process.terminate()
                process.wait(10)
        fake.stop()
