"""Our Twilio requests against Twilio's published OpenAPI contract, served by Prism, which
answers 422 to any request that breaks it (then the twilio client raises)."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path

import pytest

from bot.engine.events import Choice, Reply
from storage.kv import RedisRecentContacts, make_redis
from webhooks.twilio_rest import TwilioSms, make_client
from webhooks.whatsapp_sender import WhatsAppSender

SPEC = Path(__file__).resolve().parents[3] / "shared" / "twilio-openapi" / "twilio_api_v2010.json"
PRISM = os.environ.get("PRISM_BIN")
SID = "AC" + "3" * 32

pytestmark = pytest.mark.skipif(
    not PRISM or not SPEC.exists(), reason="prism or the Twilio spec is missing (scripts/test)"
)


@pytest.fixture(scope="module")
def prism_url():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [PRISM, "mock", "-h", "127.0.0.1", "-p", str(port), str(SPEC)],  # type: ignore[list-item]
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("prism did not start")
    yield url
    process.terminate()
    process.wait(10)


def client(url: str):
    return make_client(SID, "contract-token", url)


def test_otp_sms_request_matches_the_contract(prism_url):
    TwilioSms(client(prism_url), "+15005550006").send("+224620123456", "Tontine Digitale: 123456")


def test_whatsapp_requests_match_the_contract(prism_url):
    recent = RedisRecentContacts(make_redis(None), prefix="contract")
    sent = []
    sender = WhatsAppSender(
        client(prism_url),
        "whatsapp:+14155238886",
        recent,
        template_sid="HX" + "4" * 32,
        status_callback="https://wa.example.org/webhooks/whatsapp/status",
        on_sent=lambda sid, to, status: sent.append(sid),
    )
    to = "whatsapp:+224620123456"
    sender.reply(to, Reply("Quelle catégorie ?", (Choice("a", "TEXTILE"), Choice("b", "DIVERS"))))
    sender.send(to, Reply("Hors fenêtre : le modèle est utilisé"))  # not recent: template
    assert len(sent) == 2 and all(sent)


def test_a_request_that_breaks_the_contract_is_refused(prism_url):
    """Prism does validate: a Messages request without its required To gets 422."""
    response = client(prism_url).request(
        "POST", f"{prism_url}/2010-04-01/Accounts/{SID}/Messages.json", data={"Body": "x"}
    )
    assert response.status_code == 422
