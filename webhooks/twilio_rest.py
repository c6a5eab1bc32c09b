"""Talking to Twilio's REST API: the client, SMS and WhatsApp sends (twilio lives in webhooks/).

TWILIO_API_BASE_URL sends every request to another base (a local mock such as Prism, or the
tests' fake Twilio) instead of *.twilio.com.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from twilio.base.exceptions import TwilioException
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response
from twilio.rest import Client

from domain.errors import DeliveryFailed

log = logging.getLogger(__name__)
_TWILIO_HOST = re.compile(r"^https://[a-z0-9.-]+\.twilio\.com")
REQUEST_TIMEOUT_S = 10.0


class RebasingHttpClient(TwilioHttpClient):
    """Twilio's own HTTP client, with the scheme and host swapped for `base_url`."""

    def __init__(self, base_url: str | None, **kwargs: Any) -> None:
        super().__init__(timeout=REQUEST_TIMEOUT_S, **kwargs)
        self.base_url = base_url.rstrip("/") if base_url else None

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Response:
        if self.base_url:
            url = _TWILIO_HOST.sub(self.base_url, url)
        return super().request(method, url, *args, **kwargs)


def make_client(account_sid: str, auth_token: str, base_url: str | None = None) -> Client:
    return Client(account_sid, auth_token, http_client=RebasingHttpClient(base_url))


class TwilioSms:
    """SMS_PROVIDER=twilio: one-time codes through the Messages API."""

    def __init__(self, client: Client, from_number: str) -> None:
        self.client = client
        self.from_number = from_number

    def send(self, phone: str, text: str) -> None:
        try:
            message = self.client.messages.create(to=phone, from_=self.from_number, body=text)
        except TwilioException as exc:
            log.warning("SMS to %s failed: %s", phone, exc)
            raise DeliveryFailed(str(exc)) from exc
        log.info("SMS %s queued to %s", message.sid, phone)
