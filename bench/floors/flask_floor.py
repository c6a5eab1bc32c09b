"""The WhatsApp floors: what Flask + Twilio's own SDK cost with nothing of ours.

`make_app()`: the webhook validates X-Twilio-Signature with `RequestValidator` and answers
empty TwiML (P1's floor). `make_e2e_app()`: the same webhook puts the message on an in-memory
queue that one thread empties with `client.messages.create` to TWILIO_API_BASE_URL (P1e's
floor). Run by gunicorn with the Procfile's flags; the settings come from the environment.
"""

from __future__ import annotations

import os
import queue
import re
import threading

from flask import Flask, Response, abort, request
from twilio.http.http_client import TwilioHttpClient
from twilio.request_validator import RequestValidator
from twilio.rest import Client

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
_TWILIO_HOST = re.compile(r"^https://[a-z0-9.-]+\.twilio\.com")


def make_app(on_message=None) -> Flask:
    app = Flask(__name__)
    validator = RequestValidator(os.environ["TWILIO_AUTH_TOKEN"])
    public = os.environ["PUBLIC_BASE_URL"].rstrip("/")

    @app.post("/webhooks/whatsapp")
    def whatsapp() -> Response:
        form = request.form.to_dict()
        signature = request.headers.get("X-Twilio-Signature", "")
        if not validator.validate(public + request.path, form, signature):
            abort(403)
        if on_message is not None:
            on_message(form)
        return Response(EMPTY_TWIML, mimetype="application/xml")

    @app.get("/health")
    def health() -> str:
        return "ok"

    return app


class _Rebased(TwilioHttpClient):
    def __init__(self, base_url: str) -> None:
        super().__init__(timeout=10)
        self.base_url = base_url.rstrip("/")

    def request(self, method, url, *args, **kwargs):
        return super().request(method, _TWILIO_HOST.sub(self.base_url, url), *args, **kwargs)


def make_e2e_app() -> Flask:
    client = Client(
        os.environ["TWILIO_ACCOUNT_SID"],
        os.environ["TWILIO_AUTH_TOKEN"],
        http_client=_Rebased(os.environ["TWILIO_API_BASE_URL"]),
    )
    sender = os.environ["TWILIO_WHATSAPP_FROM"]
    inbox: queue.Queue[dict[str, str]] = queue.Queue()

    def answer() -> None:
        while True:
            form = inbox.get()
            client.messages.create(to=form["From"], from_=sender, body="echo: " + form["Body"])

    threading.Thread(target=answer, daemon=True).start()
    return make_app(inbox.put)
