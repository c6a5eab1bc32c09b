"""WhatsApp photos: the Twilio credentials go to Twilio's API host and nowhere else."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler

import pytest

from tests.channels.test_whatsapp import SID, TOKEN, WhatsAppWorld
from tests.fakes.server import FakeServer
from tests.fakes.twilio_api import FakeTwilio
from tests.flows.conftest import PNG
from webhooks.media import MediaAccess


class OtherHost:
    """Another web server (a CDN, or someone's trap): serves a PNG, records the headers."""

    def __init__(self) -> None:
        self.authorizations: list[str | None] = []
        other = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                other.authorizations.append(self.headers.get("Authorization"))
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(PNG)))
                self.end_headers()
                self.wfile.write(PNG)

            def log_message(self, *args: object) -> None:
                pass

        self.server = FakeServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, host: str = "localhost") -> str:
        return f"http://{host}:{self.server.server_address[1]}/image.png"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def other():
    server = OtherHost()
    yield server
    server.stop()


@pytest.fixture
def wa(tmp_path, time_machine):
    fake = FakeTwilio(auth=(SID, TOKEN)).start()
    time_machine.move_to("2026-11-25 10:00:00+00:00", tick=False)
    world = WhatsAppWorld(fake, tmp_path, sms_provider="twilio")
    world.register()
    yield world
    fake.stop()


def send_photo(wa: WhatsAppWorld, url: str) -> None:
    wa.say("1")  # Nouveau devis
    for line in ("textile", "3", "10 000", "1"):
        wa.say(line)
    assert "Commande C00001 enregistrée" in wa.last()
    wa.say("OM-550055", NumMedia="1", MediaUrl0=url, MediaContentType0="image/png")


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1"])
def test_a_media_url_elsewhere_gets_no_request_and_the_trader_is_told(wa, other, host, caplog):
    send_photo(wa, other.url(host))
    assert other.authorizations == []  # not even asked, so no credentials
    assert "pas une photo lisible" in wa.last()
    assert "media URL refused" in caplog.text


def test_twilio_redirect_to_its_cdn_is_followed_without_credentials(wa, other):
    send_photo(wa, wa.fake.redirect_media(other.url()))
    assert other.authorizations == [None]
    assert "Preuve reçue pour la commande C00001" in wa.last()


def test_the_credentials_go_to_the_twilio_host_only():
    twilio = MediaAccess(SID, TOKEN)
    assert twilio.may_send_credentials_to("https://api.twilio.com/2010-04-01/Accounts/AC/Media/1")
    assert twilio.may_send_credentials_to("https://api.twilio.com:443/x")
    for url in (
        "http://api.twilio.com/x",  # not https
        "https://api.twilio.com.evil.example/x",
        "https://api.twilio.com@evil.example/x",
        "https://evil.example/https://api.twilio.com/x",
        "https://api.twilio.com:8443/x",
        "file:///etc/passwd",
    ):
        assert not twilio.may_send_credentials_to(url), url
    local = MediaAccess(SID, TOKEN, "http://127.0.0.1:9000")
    assert local.may_send_credentials_to("http://127.0.0.1:9000/media/1")
    assert not local.may_send_credentials_to("http://127.0.0.1:9001/media/1")


def test_redirects_are_followed_to_https_only_unless_the_base_is_a_local_fake():
    twilio = MediaAccess(SID, TOKEN)
    assert twilio.may_follow("https://mms.twiliocdn.com/x")
    assert not twilio.may_follow("http://mms.twiliocdn.com/x")
    assert not twilio.may_follow("file:///etc/passwd")
    assert MediaAccess(SID, TOKEN, "http://127.0.0.1:9000").may_follow("http://localhost:1/x")
