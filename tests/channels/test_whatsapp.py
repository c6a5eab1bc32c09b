"""WhatsApp through Twilio: signed webhooks into Flask, the real twilio client out to a
local fake Twilio REST server, media downloads with basic auth, the 24-hour window."""

from __future__ import annotations

from datetime import timedelta

import pytest
from twilio.request_validator import RequestValidator

from bot.delivery.dispatch import Dispatcher
from bot.engine.events import Inbound
from bot.runtime.wiring import build_desk, build_web
from domain.orders import OrderStatus
from storage import orm
from tests.fakes.twilio_api import FakeTwilio
from tests.flows.conftest import PNG, make_app

SID = "AC" + "1" * 32
TOKEN = "whatsapp-test-token"
PUBLIC = "https://bot.example.org"
BOT = "whatsapp:+14155238886"
TRADER = "whatsapp:+224620123456"
ADMIN_PHONE = "+224620900900"


class WhatsAppWorld:
    def __init__(self, fake: FakeTwilio, tmp_path, **extra):
        self.fake = fake
        self.app = make_app(
            f"sqlite:///{tmp_path / 'wa.db'}",
            twilio_account_sid=SID,
            twilio_auth_token=TOKEN,
            twilio_api_base_url=fake.base_url,
            twilio_whatsapp_from=BOT,
            twilio_sms_from="+15005550006",
            public_base_url=PUBLIC,
            whatsapp_template_notification="HX" + "0" * 32,
            admin_phones=ADMIN_PHONE,
            **extra,
        )
        self.services = self.app.services
        self.flask, self.worker = build_web(self.services)
        self.client = self.flask.test_client()
        self.dispatcher = Dispatcher(
            self.services.uow_factory, self.services.channels, self.services.clock
        )
        self.validator = RequestValidator(TOKEN)
        self.n = 0

    def post(self, path: str, form: dict, signature: str | None = "sign", url: str | None = None):
        headers = {}
        if signature == "sign":
            signature = self.validator.compute_signature((url or PUBLIC) + path, form)
        if signature is not None:
            headers["X-Twilio-Signature"] = signature
        return self.client.post(path, data=form, headers=headers)

    def say(self, text: str = "", sender: str = TRADER, **extra) -> None:
        self.n += 1
        form = {
            "MessageSid": f"SM{self.n:032d}",
            "From": sender,
            "To": BOT,
            "Body": text,
            "NumMedia": "0",
            "ProfileName": "Mamadou",
            "WaId": sender[10:],
            **extra,
        }
        assert self.post("/webhooks/whatsapp", form).status_code == 200
        self.drain()

    def drain(self) -> None:
        """Handle stored webhooks, then deliver queued notifications."""
        while self.worker.run_once() or self.dispatcher.run_once():
            pass

    def last(self, to: str = TRADER) -> str:
        bodies = self.fake.bodies(to)
        return bodies[-1].replace("\u00a0", " ") if bodies else ""

    def register(self) -> None:
        self.say("Bonjour")
        self.say("Mamadou Diallo")
        assert "+224620123456" in self.last()
        self.say("1")  # yes, this number
        self.say(self.app.sms.last_code("+224620123456"))
        assert "compte est actif" in self.last()


def queue_for_trader(wa: WhatsAppWorld, text: str) -> None:
    """An announcement to trader 1, queued and delivered like any notification."""
    from bot.services.announcements import announce

    announce(wa.services.uow_factory(), text[:8], "all", text, "test", wa.services.clock())
    wa.drain()


@pytest.fixture
def fake_twilio():
    fake = FakeTwilio(auth=(SID, TOKEN)).start()
    yield fake
    fake.stop()


@pytest.fixture
def wa(fake_twilio, tmp_path, time_machine):
    time_machine.move_to("2026-11-25 10:00:00+00:00", tick=False)
    return WhatsAppWorld(fake_twilio, tmp_path, sms_provider="twilio")


def test_forged_or_missing_signatures_touch_nothing(wa):
    form = {"MessageSid": "SM1", "From": TRADER, "Body": "Bonjour", "NumMedia": "0"}
    assert wa.post("/webhooks/whatsapp", form, signature=None).status_code == 403
    assert wa.post("/webhooks/whatsapp", form, signature="bm90LWEtc2lnbmF0dXJl").status_code == 403
    tampered = wa.validator.compute_signature(PUBLIC + "/webhooks/whatsapp", form)
    assert wa.post("/webhooks/whatsapp", {**form, "Body": "autre"}, tampered).status_code == 403
    wa.drain()
    assert wa.fake.requests == []
    with wa.services.uow_factory() as uow:
        assert uow.inbound.claim(wa.services.clock(), timedelta(seconds=1), "whatsapp", "t") is None


def test_signature_is_checked_against_the_public_url_not_the_proxy(wa):
    form = {"MessageSid": "SM2", "From": TRADER, "Body": "Bonjour", "NumMedia": "0"}
    # Signed for the URL the app sees behind the proxy: refused.
    assert wa.post("/webhooks/whatsapp", form, url="http://localhost").status_code == 403
    # Signed for PUBLIC_BASE_URL (https), whatever scheme the proxy used: accepted.
    response = wa.post("/webhooks/whatsapp", form)
    assert response.status_code == 200 and b"<Response></Response>" in response.data


def test_replayed_message_sid_is_answered_once(wa):
    form = {"MessageSid": "SM3", "From": TRADER, "To": BOT, "Body": "Bonjour", "NumMedia": "0"}
    for _ in range(3):
        assert wa.post("/webhooks/whatsapp", form).status_code == 200
    wa.drain()
    assert len(wa.fake.messages(TRADER)) == 1
    assert "quel est votre nom" in wa.last()


def test_whatsapp_journey_to_approval_by_a_telegram_admin(wa, time_machine):
    wa.register()
    wa.say("1")  # Nouveau devis
    assert "[ÉLECTRONIQUE | TEXTILE | DIVERS | ❌ Annuler]" in wa.last()  # a list picker
    wa.say("textile")
    wa.say("3")
    wa.say("10 000")
    assert "Total à payer : 28 125 000 GNF" in wa.last()
    wa.say("1")
    assert "Commande C00001 enregistrée" in wa.last()
    url = wa.fake.add_media(PNG, "image/png")
    wa.say("OM-550055", NumMedia="1", MediaUrl0=url, MediaContentType0="image/png")
    assert "Preuve reçue pour la commande C00001" in wa.last()
    # An admin in the Telegram admin chat decides it, like any other proof.
    desk = build_desk(wa.services, admin_chat="-100")

    def admin_says(**fields):
        return desk.handle(Inbound("telegram", "7001", chat_ref="-100", **fields))

    admin_says(text="/admin")
    admin_says(text="620 90 09 00")
    admin_says(text=wa.app.sms.last_code(ADMIN_PHONE))
    [decision] = admin_says(choice="adm:approve:1")
    assert "VALIDÉE" in decision.text
    wa.drain()
    assert "Paiement validé pour la commande C00001" in wa.fake.bodies(TRADER)[-2]
    assert "Reçu de paiement R00001" in wa.last()  # then the PDF receipt (test_receipts.py)
    with wa.services.uow_factory() as uow:
        assert uow.orders.get(1).status is OrderStatus.PAID
        assert uow.proofs.get(1).content == PNG


def test_push_outside_the_window_uses_the_template(wa, time_machine):
    wa.register()
    time_machine.shift(timedelta(hours=25))
    wa.services.recent.client.flushdb()  # the 24-hour keys expired with the clock
    queue_for_trader(wa, "Départ lundi")
    last = wa.fake.messages(TRADER)[-1]
    assert last["ContentSid"].startswith("HX") and "Départ lundi" in last["ContentVariables"]
    assert "Body" not in last


def test_63016_falls_back_to_the_template(wa):
    wa.register()
    wa.fake.fail_next(400, 63016, "Outside the allowed window")
    queue_for_trader(wa, "Votre conteneur est arrivé")
    last = wa.fake.messages(TRADER)[-1]
    assert "ContentSid" in last and "arrivé" in last["ContentVariables"]


def test_status_callbacks_move_forward_and_failures_reach_admins(wa):
    wa.say("Bonjour")
    with wa.services.uow_factory() as uow:
        row = uow.session.execute(orm.outbound_status.select()).first()
        sid = row.sid
    posted = []
    wa.services.channels.admin = (
        type("Admin", (), {"send": lambda _s, _to, reply: posted.append(reply.text)})(),
        "-1",
    )
    for status in ("sent", "delivered", "sent", "queued"):
        form = {"MessageSid": sid, "MessageStatus": status}
        assert wa.post("/webhooks/whatsapp/status", form).status_code == 204
    with wa.services.uow_factory() as uow:
        assert uow.session.execute(orm.outbound_status.select()).first().status == "delivered"
    form = {"MessageSid": sid, "MessageStatus": "undelivered", "ErrorCode": "63024"}
    wa.post("/webhooks/whatsapp/status", form)
    wa.post("/webhooks/whatsapp/status", form)  # Twilio's retry: one alert only
    wa.drain()
    assert len(posted) == 1 and "63024" in posted[0]
    assert wa.post("/webhooks/whatsapp/status", form, signature=None).status_code == 403


def test_media_download_is_retried_then_the_trader_is_told(wa, time_machine):
    wa.register()
    for text in ("1", "textile", "3", "10 000", "1"):
        wa.say(text)
    wa.fake.media_failures = 2
    url = wa.fake.add_media(PNG)
    wa.say("", NumMedia="1", MediaUrl0=url, MediaContentType0="image/png")
    assert "Preuve reçue" not in wa.last()
    for _ in range(3):
        time_machine.shift(timedelta(seconds=40))
        wa.drain()
    assert any("Preuve reçue pour la commande C00001" in b for b in wa.fake.bodies(TRADER))
    wa.say("passer")
    wa.fake.media_failures = 99
    url = wa.fake.add_media(PNG)
    wa.say("", NumMedia="1", MediaUrl0=url, MediaContentType0="image/png")
    for _ in range(8):
        time_machine.shift(timedelta(minutes=2))
        wa.drain()
    assert "pas pu récupérer votre photo" in wa.last()


def test_wrong_media_types_are_refused(wa):
    wa.register()
    url = wa.fake.add_media(b"%PDF-1.7", "application/pdf")
    wa.say("", NumMedia="1", MediaUrl0=url, MediaContentType0="application/pdf")
    assert "pas une photo" in wa.last()


def test_a_file_that_is_not_a_photo_is_kept_with_the_order(wa):
    """Nothing a trader sends is lost: the PDF is downloaded, refused as a proof, kept."""
    wa.register()
    for text in ("1", "textile", "3", "10 000", "1"):
        wa.say(text)
    url = wa.fake.add_media(b"%PDF-1.7 receipt", "application/pdf")
    wa.say("", NumMedia="1", MediaUrl0=url, MediaContentType0="application/pdf")
    assert "pas une photo" in wa.last() or "illisible" in wa.last()
    with wa.services.uow_factory() as uow:
        [kept] = uow.proofs.attachments_for_order(1)
    assert kept.content == b"%PDF-1.7 receipt"


def test_health(wa):
    response = wa.client.get("/health")
    assert response.status_code == 200 and response.json == {"database": "ok", "redis": "ok"}


def test_long_bodies_are_split_at_1600_characters():
    from webhooks.whatsapp_sender import split_body

    pieces = split_body("\n".join("ligne " + "x" * 90 for _ in range(60)))
    assert len(pieces) > 1 and all(len(p) <= 1600 for p in pieces)


def test_whatsapp_trader_told_when_the_telegram_admin_approves(fake_twilio, tmp_path):
    """Both fakes at once: the proof card reaches the admin group through the real PTB bot,
    the admin (never a trader) approves with the button, the WhatsApp trader is told."""
    from tests.channels.conftest import ADMIN_CHAT, ADMIN_USER, RunningBot
    from tests.fakes.telegram_api import FakeTelegram

    fake_tg = FakeTelegram().start()
    world = WhatsAppWorld(
        fake_twilio,
        tmp_path,
        telegram_bot_token=fake_tg.token,
        telegram_api_base_url=f"{fake_tg.base}/bot",
        telegram_file_base_url=f"{fake_tg.base}/file/bot",
        admin_chat_id=ADMIN_CHAT,
    )
    bot = RunningBot(world.services).start()
    try:
        world.register()
        for text in ("1", "textile", "3", "10 000", "1"):
            world.say(text)
        url = fake_twilio.add_media(PNG, "image/png")
        world.say("OM-550055", NumMedia="1", MediaUrl0=url, MediaContentType0="image/png")
        fake_tg.wait_for(lambda: any(c.method == "sendPhoto" for c in fake_tg.sent(ADMIN_CHAT)))
        for text in ("/admin", "620 90 09 00"):
            fake_tg.text(ADMIN_CHAT, text, user_id=ADMIN_USER)
        fake_tg.wait_for(lambda: any("Code envoyé" in t for t in fake_tg.texts(ADMIN_CHAT)))
        fake_tg.text(ADMIN_CHAT, world.app.sms.last_code(ADMIN_PHONE), user_id=ADMIN_USER)
        fake_tg.wait_for(lambda: any("Session ouverte" in t for t in fake_tg.texts(ADMIN_CHAT)))
        fake_tg.press(ADMIN_CHAT, "adm:approve:1", user_id=ADMIN_USER)
        fake_tg.wait_for(lambda: any("VALIDÉE" in str(c.params) for c in fake_tg.edits()))
        fake_tg.wait_for(lambda: any("Paiement validé" in b for b in fake_twilio.bodies(TRADER)))
    finally:
        bot.stop()
        fake_tg.stop()
    with world.services.uow_factory() as uow:
        assert uow.orders.get(1).status is OrderStatus.PAID


def test_a_warehouse_photo_reaches_a_whatsapp_trader_through_a_signed_link(wa):
    """The receipt card's photo goes as media: a link signed with SECRET_KEY that the web
    app serves; a tampered or unknown link is the same 404."""
    from bot.services.warehouse import ReceiptRequest, record_receipt

    wa.dispatcher.link_key = wa.services.settings.secret_key_bytes()  # as build_dispatcher
    wa.register()
    for text in ("1", "textile", "3", "10 000", "1"):
        wa.say(text)
    url = wa.fake.add_media(PNG, "image/png")
    wa.say("OM-550055", NumMedia="1", MediaUrl0=url, MediaContentType0="image/png")
    from bot.services.proofs import approve_proof

    approve_proof(wa.services.uow_factory(), 1, "admin", wa.services.clock())
    goods = b"\xff\xd8\xff\xe0" + b"goods" * 20
    request = ReceiptRequest(order_id=1, measured_l=3000, actor="admin", cartons=12, photo=goods)
    record_receipt(wa.services.uow_factory(), request, wa.services.clock())
    wa.drain()
    [card] = [r for r in wa.fake.requests if "/photos/warehouse/" in r.form.get("MediaUrl", "")]
    path = card.form["MediaUrl"].removeprefix(PUBLIC)
    served = wa.client.get(path)
    assert served.status_code == 200 and served.data == goods
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    forged = path[:-6] + ("0" if path[-5] != "0" else "1") + ".jpg"
    assert wa.client.get(forged).status_code == 404
    assert wa.client.get("/photos/warehouse/2/9999999999/" + "0" * 32 + ".jpg").status_code == 404
