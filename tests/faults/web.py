"""The Procfile's `web` process for the fault suite: gunicorn with the Procfile's options on
loopback, signed Twilio webhooks in, the fake Twilio REST server out."""

from __future__ import annotations

import itertools
import urllib.error
import urllib.parse
import urllib.request

from twilio.request_validator import RequestValidator

from tests.fakes.twilio_api import FakeTwilio
from tests.faults.harness import Proc, Processes, base_env, children, free_port, wait_until

SID, TOKEN, PUBLIC = "AC" + "3" * 32, "faults-twilio-token", "https://wa.example.org"
BOT_NUMBER = "whatsapp:+14155238886"
_sids = itertools.count(1)


def whatsapp_env(fake: FakeTwilio, db_url: str, redis_url: str, **extra: object):
    return base_env(
        database_url=db_url,
        redis_url=redis_url,
        twilio_account_sid=SID,
        twilio_auth_token=TOKEN,
        twilio_api_base_url=fake.base_url,
        twilio_whatsapp_from=BOT_NUMBER,
        public_base_url=PUBLIC,
        **extra,
    )


class Web:
    """gunicorn "webhooks.wsgi:make_app()" --workers 2 --threads 4 --timeout 30 (Procfile)."""

    def __init__(self, procs: Processes, env: dict[str, str], name: str = "web") -> None:
        self.port = free_port()
        self.procs = procs
        self.env = env
        args = ["-m", "gunicorn", "webhooks.wsgi:make_app()"]
        args += ["--bind", f"127.0.0.1:{self.port}", "--workers", "2", "--threads", "4"]
        args += ["--timeout", "30"]
        self.master: Proc = procs.python(name, args, env)

    def wait_ready(self, timeout: float = 30) -> Web:
        up = lambda: len(self.workers()) == 2 and self.healthy()  # noqa: E731
        wait_until(up, timeout, "web up", self.procs)
        return self

    def workers(self) -> list[int]:
        return children(self.master.pid)

    def healthy(self) -> bool:
        try:
            url = f"http://127.0.0.1:{self.port}/health"
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.status == 200
        except (OSError, urllib.error.HTTPError):
            return False

    def post(self, sender: str, body: str, path: str = "/webhooks/whatsapp") -> int:
        """A message from `sender` as Twilio signs and posts it; returns the HTTP status."""
        return self.exchange(sender, body, path)[0]

    def exchange(self, sender: str, body: str, path: str = "/webhooks/whatsapp"):
        """A message from `sender` as Twilio signs and posts it: (HTTP status, answer)."""
        form = {"MessageSid": f"SMfault{next(_sids):06d}", "From": sender, "Body": body}
        form |= {"To": BOT_NUMBER, "NumMedia": "0"}
        signature = RequestValidator(TOKEN).compute_signature(PUBLIC + path, form)
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            data=urllib.parse.urlencode(form).encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "X-Twilio-Signature": signature,
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()
