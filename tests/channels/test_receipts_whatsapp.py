"""Receipts on the web app: the WhatsApp trader's PDF as media fetched from our own URL,
the QR code's verification page, the same 404 for every bad token, headers, rate limit."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from flask import Flask
from pypdf import PdfReader

from bot.services import proofs
from storage.hit_counter import RedisHitCounter
from storage.kv import make_redis
from tests.channels.test_whatsapp import PUBLIC, SID, TOKEN, TRADER, WhatsAppWorld
from tests.fakes.twilio_api import FakeTwilio
from tests.flows.conftest import PNG
from webhooks.receipts import ReceiptRoutesDeps, install

ADDRESS = {"REMOTE_ADDR": "198.51.100.7"}


@pytest.fixture
def wa(tmp_path, time_machine):
    """A WhatsApp world whose receipt routes allow 5 requests a minute per address."""
    time_machine.move_to("2026-11-25 10:00:00+00:00", tick=False)
    fake = FakeTwilio(auth=(SID, TOKEN)).start()
    yield WhatsAppWorld(fake, tmp_path, receipt_requests_per_minute=5)
    fake.stop()


def pay(wa: WhatsAppWorld) -> str:
    """Register, order, send the proof, approve it; returns the receipt's MediaUrl."""
    wa.register()
    for text in ("1", "textile", "3", "10 000", "1"):
        wa.say(text)
    url = wa.fake.add_media(PNG, "image/png")
    wa.say("OM-550055", NumMedia="1", MediaUrl0=url, MediaContentType0="image/png")
    proofs.approve_proof(wa.services.uow_factory(), 1, "admin:1", wa.services.clock())
    wa.drain()
    [sent] = [m for m in wa.fake.messages(TRADER) if "MediaUrl" in m]
    return sent["MediaUrl"]


def get(wa: WhatsAppWorld, path: str, address: dict = ADDRESS):
    return wa.client.get(path, environ_base=address)


def token_of(media_url: str) -> str:
    return media_url.rsplit("/", 1)[1].removesuffix(".pdf")


def test_approval_sends_the_pdf_as_media_from_our_own_url(wa):
    media_url = pay(wa)
    assert media_url.startswith(f"{PUBLIC}/receipts/") and media_url.endswith(".pdf")
    assert "Reçu de paiement R00001 — commande C00001" in wa.last()
    response = get(wa, media_url.removeprefix(PUBLIC))
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF-")
    [page] = PdfReader(io.BytesIO(response.data)).pages
    text = page.extract_text().replace("\u00a0", " ")
    assert "C00001" in text and f"{PUBLIC}/r/{token_of(media_url)}" in text


def test_the_qr_page_says_valid_with_the_figures_and_no_margin(wa):
    token = token_of(pay(wa))
    response = get(wa, f"/r/{token}")
    page = response.get_data(as_text=True).replace("\u00a0", " ")
    assert response.status_code == 200 and "Reçu valide" in page
    for figure in ("C00001", "Mamadou Diallo", "28 125 000 GNF", "OM550055", "Reste à payer"):
        assert figure in page
    with wa.services.uow_factory() as uow:
        order = uow.orders.get(1)
    margin = f"{order.margin_gnf:,}".replace(",", " ")
    real_cost = f"{order.real_cost_gnf:,}".replace(",", " ")
    assert margin not in page and real_cost not in page and "arge" not in page


def test_unknown_tampered_and_expired_tokens_get_the_same_404(wa, time_machine):
    token = token_of(pay(wa))
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    answers = [get(wa, f"/r/{t}") for t in (tampered, "x" * 43, "short")]
    answers.append(get(wa, f"/receipts/{tampered}.pdf"))
    time_machine.shift(timedelta(days=30))
    answers += [get(wa, f"/r/{token}"), get(wa, f"/receipts/{token}.pdf")]
    assert {a.status_code for a in answers} == {404}
    assert len({a.data for a in answers}) == 1 and "Reçu introuvable" in answers[0].text


def test_security_headers_on_every_answer(wa):
    token = token_of(pay(wa))
    for path in (f"/r/{token}", f"/receipts/{token}.pdf", "/r/" + "x" * 43):
        headers = get(wa, path).headers
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Content-Security-Policy"].startswith("default-src 'none'")
        assert headers["Cache-Control"] == "no-store"
        assert headers["Strict-Transport-Security"].startswith("max-age=")  # PUBLIC is https


def test_no_hsts_when_the_public_url_is_plain_http(wa):
    app = Flask(__name__)
    hits = RedisHitCounter(make_redis(None))
    install(app, ReceiptRoutesDeps(wa.services.uow_factory, wa.services.clock, hits, "http://x"))
    response = app.test_client().get("/r/" + "x" * 43)
    assert response.status_code == 404 and "Strict-Transport-Security" not in response.headers
    assert response.headers["X-Frame-Options"] == "DENY"


def test_requests_are_limited_per_address_with_a_french_429(wa, time_machine):
    token = token_of(pay(wa))
    codes = [get(wa, f"/r/{token}").status_code for _ in range(6)]
    assert codes == [200] * 5 + [429]
    refused = get(wa, f"/receipts/{token}.pdf")
    assert refused.status_code == 429 and "Trop de demandes" in refused.text
    assert refused.headers["Retry-After"] == "60" and refused.headers["Cache-Control"] == "no-store"
    assert get(wa, f"/r/{token}", {"REMOTE_ADDR": "203.0.113.9"}).status_code == 200
    time_machine.shift(timedelta(seconds=60))  # the next window
    assert get(wa, f"/r/{token}").status_code == 200


def test_outside_the_24_hour_window_the_template_carries_the_pdf_link(wa, time_machine):
    wa.register()
    for text in ("1", "textile", "3", "10 000", "1"):
        wa.say(text)
    url = wa.fake.add_media(PNG, "image/png")
    wa.say("OM-550055", NumMedia="1", MediaUrl0=url, MediaContentType0="image/png")
    time_machine.shift(timedelta(hours=25))
    wa.services.recent.client.flushdb()  # the 24-hour keys expired with the clock
    proofs.approve_proof(wa.services.uow_factory(), 1, "admin:1", wa.services.clock())
    wa.drain()
    last = wa.fake.messages(TRADER)[-1]
    assert last["ContentSid"].startswith("HX")
    assert f"{PUBLIC}/receipts/" in last["ContentVariables"] and ".pdf" in last["ContentVariables"]


def test_recu_on_whatsapp_sends_the_pdf_again(wa):
    first = pay(wa)
    wa.say("/recu C00001")
    again = [m for m in wa.fake.messages(TRADER) if "MediaUrl" in m]
    assert len(again) == 2 and again[-1]["MediaUrl"] == first


def test_behind_a_proxy_the_forwarded_address_is_the_client(wa):
    app = Flask(__name__)
    hits = RedisHitCounter(make_redis(None), prefix="proxy")
    routes = ReceiptRoutesDeps(wa.services.uow_factory, wa.services.clock, hits, PUBLIC, 2)
    install(app, routes, proxy_hops=1)
    client, router = app.test_client(), {"REMOTE_ADDR": "10.0.0.1"}

    def status(client_address: str) -> int:
        headers = {"X-Forwarded-For": client_address}
        return client.get("/r/" + "x" * 43, headers=headers, environ_base=router).status_code

    assert [status("198.51.100.1") for _ in range(3)] == [404, 404, 429]
    assert status("198.51.100.2") == 404  # another client behind the same router
