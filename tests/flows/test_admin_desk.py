"""The admin desk driven as scripts of events: 2FA, proof review, every command."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

import pytest

from bot.delivery.dispatch import Dispatcher
from bot.engine.events import Inbound, Reply
from bot.runtime.engines import build_desk
from bot.text.messages import t
from domain.orders import OrderStatus
from tests.flows.conftest import JPEG, PNG, BusyLocks, make_app

ADMIN_PHONE = "+224620900900"


@dataclass
class FakeSender:
    """Records what the dispatcher delivers; reading it first delivers what is queued."""

    sent: list[tuple[str, Reply]] = field(default_factory=list)
    dispatcher: Dispatcher | None = None

    def send(self, user_ref: str, reply: Reply) -> None:
        self.sent.append((user_ref, reply))

    def flush(self) -> None:
        while self.dispatcher is not None and self.dispatcher.run_once():
            pass

    def texts(self) -> list[str]:
        self.flush()
        return [r.text.replace("\u00a0", " ") for _, r in self.sent]


ADMIN_CHAT = "-100"


class AdminChat:
    """One user in the admin chat (a Telegram group by default)."""

    def __init__(self, app, desk, user_ref: str, chat_ref=ADMIN_CHAT, name="Admin Awa"):
        self.app, self.desk, self.user_ref, self.chat_ref = app, desk, user_ref, chat_ref
        self.name = name
        self.replies: list[Reply] = []
        self.n = 0

    def send(self, **fields) -> list[Reply]:
        self.n += 1
        fields.setdefault("message_id", f"adm-{self.user_ref}-{self.n}")
        fields.setdefault("chat_ref", self.chat_ref)
        fields.setdefault("sender_name", self.name)
        replies = self.desk.handle(Inbound("telegram", self.user_ref, **fields))
        self.replies += replies
        return replies

    def say(self, text: str) -> list[Reply]:
        return self.send(text=text)

    def press(self, choice: str) -> list[Reply]:
        return self.send(choice=choice)

    @property
    def text(self) -> str:
        return self.replies[-1].text.replace("\u00a0", " ") if self.replies else ""

    def login(self, phone: str = ADMIN_PHONE) -> None:
        """Identify by typed phone, then the SMS code."""
        self.say("/admin")
        self.say(phone)
        assert "Code envoyé" in self.text, self.text
        self.say(self.app.sms.last_code(phone))
        assert "Session ouverte" in self.text, self.text

    def confirm(self) -> list[Reply]:
        """Press the first button of the last reply (Confirmer)."""
        return self.press(self.replies[-1].choices[0].id)


@pytest.fixture
def world(tmp_path, time_machine):
    time_machine.move_to("2026-11-25 10:00:00+00:00", tick=False)
    app = make_app(f"sqlite:///{tmp_path / 'a.db'}", admin_phones="620 90 09 00, +224620900901")
    dispatcher = Dispatcher(app.services.uow_factory, app.services.channels, app.services.clock)
    traders, admin_chat = FakeSender(dispatcher=dispatcher), FakeSender(dispatcher=dispatcher)
    app.services.channels.senders["console"] = traders
    app.services.channels.senders["telegram"] = traders
    app.services.channels.admin = (admin_chat, ADMIN_CHAT)
    desk = build_desk(app.services, admin_chat=ADMIN_CHAT)
    trader = app.chat("t1")
    trader.register(phone="620 12 34 56")
    admin = AdminChat(app, desk, "9001")
    admin.say("bonjour")  # the admin chat asks who this is
    return app, desk, admin, trader, traders, admin_chat


def order_and_proof(trader, caption="OM-100001"):
    trader.press("menu:quote")
    trader.press("cat:textile")
    trader.say("3")
    trader.say("10 000")
    trader.press("quote:order")
    trader.photo(PNG, caption=caption)


def test_strangers_are_asked_who_they_are_and_refused_everything(world):
    app, desk, *_ = world
    app.chat("555", channel="telegram").register(name="Simple Trader", phone="620 55 55 55")
    stranger = AdminChat(app, desk, "666", name="Stranger")
    as_trader = AdminChat(app, desk, "555", name="Trader")  # a registered trader, not an admin
    for chat in (stranger, as_trader):
        for command in ("/admin", "/taux 1", "/tarifs", "/conteneurs", "/etape TD-2026-01",
                        "/nouveau_conteneur", "/attente", "/commande C00001", "/stats",
                        "/annonce hello", "/export", "hello"):  # fmt: skip
            [reply] = chat.say(command)
            assert "Pour vous identifier" in reply.text and not reply.choices
            assert "GNF" not in reply.text and "Marge" not in reply.text
        [reply] = chat.press("adm:approve:1")
        assert "Pour vous identifier" in reply.text
    as_trader.say("620 55 55 55")  # a real trader's phone, not in ADMIN_PHONES
    assert "pas celui d'un administrateur" in as_trader.text
    with app.services.uow_factory() as uow:
        assert uow.pricing.current_rate()[0] == Decimal(1250)
    assert not [to for to, _ in app.sms.sent if to == "+224620555555"][1:]  # no admin code


def test_a_stranger_guessing_phones_is_refused_then_ignored(world):
    app, desk, *_ = world
    stranger = AdminChat(app, desk, "666")
    stranger.say("/start")
    for phone in ("620 11 11 11", "620 22 22 22", "620 33 33 33"):
        stranger.say(phone)
        assert "pas celui d'un administrateur" in stranger.text
    assert stranger.say(ADMIN_PHONE) == []  # ignored for an hour: nothing to learn here
    assert stranger.say("/admin") == []
    assert not [to for to, _ in app.sms.sent if to == ADMIN_PHONE]


def test_admin_identifies_with_own_contact_only(world):
    app, desk, *_ = world
    admin = AdminChat(app, desk, "7001", chat_ref="7001")  # the admin's own private chat
    desk = build_desk(app.services, admin_chat="7001")
    admin.desk = desk
    [ask] = admin.say("/start")
    assert ask.request_contact is None  # the event did not say the chat can share contacts
    [ask] = admin.send(text="/start", can_share_contact=True)
    assert ask.request_contact == "📱 Partager mon numéro"
    admin.send(contact_phone=ADMIN_PHONE, contact_is_own=False)
    assert "votre propre numéro" in admin.text
    assert not [to for to, _ in app.sms.sent if to == ADMIN_PHONE]
    admin.send(contact_phone=ADMIN_PHONE, contact_is_own=True)
    assert "Code envoyé par SMS au +224 6•• •• •9 00" in admin.text or "Code envoyé" in admin.text
    admin.say(app.sms.last_code(ADMIN_PHONE))
    assert "Session ouverte pour 60 minutes" in admin.text
    admin.say("/taux")
    assert "1 ¥ = 1 250 GNF" in admin.text


def test_admin_needs_a_session_then_works(world, time_machine):
    app, _desk, admin, *_ = world
    admin.say("/taux")
    assert "Pour vous identifier" in admin.text
    admin.login()
    admin.say("/taux 1300")
    admin.confirm()
    assert "1 ¥ = 1 300 GNF" in admin.text
    time_machine.shift(timedelta(minutes=61))
    admin.say("/taux 1400")
    assert "Session administrateur fermée" in admin.text
    admin.say("/admin")  # a known admin: the code goes straight to the phone proven before
    assert "Code envoyé" in admin.text
    admin.say(app.sms.last_code(ADMIN_PHONE))
    assert "Session ouverte" in admin.text
    with app.services.uow_factory() as uow:
        assert uow.pricing.current_rate()[0] == Decimal(1300)


def test_wrong_admin_code_opens_nothing(world):
    app, _desk, admin, *_ = world
    admin.say(ADMIN_PHONE)
    wrong = "000000" if app.sms.last_code(ADMIN_PHONE) != "000000" else "111111"
    admin.say(wrong)
    assert "Code incorrect" in admin.text
    admin.say("/stats")
    assert "Pour vous identifier" in admin.text


def test_nothing_a_trader_does_delays_or_burns_the_admin_code(world, time_machine):
    """Admin login has its own OTP namespace: sign-ups for the admin's phone from any chat
    neither use up its sends nor its tries."""
    app, _desk, admin, *_ = world
    for n in range(3):  # three sign-up codes requested for the admin's phone from 3 chats
        pest = app.chat(f"pest{n}", channel="telegram")
        pest.say("bonjour")
        pest.say("Faux Admin")
        pest.say("620 90 09 00")
        for guess in ("000001", "000002", "000003", "000004", "000005"):
            pest.say(guess)
        time_machine.shift(timedelta(seconds=31))
    admin.say(ADMIN_PHONE)
    assert "Code envoyé" in admin.text, admin.text
    admin.say(app.sms.last_code(ADMIN_PHONE))
    assert "Session ouverte" in admin.text


def test_the_desk_answers_only_in_its_chat(world):
    app, desk, admin, *_ = world
    admin.login()
    elsewhere = AdminChat(app, desk, "9001", chat_ref="-555")  # same admin, another group
    for command in ("/stats", "/commande C00001", "/taux 2000", "hello"):
        [reply] = elsewhere.say(command)
        assert reply.text == "Cette commande n'existe pas ici."
    [reply] = elsewhere.press("adm:approve:1")
    assert reply.text == "Cette commande n'existe pas ici."


def test_proof_card_reaches_admin_chat_with_margin(world):
    _app, _desk, _admin, trader, _traders, admin_chat = world
    order_and_proof(trader)
    admin_chat.flush()
    [(chat, card)] = admin_chat.sent
    text = card.text.replace("\u00a0", " ")
    assert chat == ADMIN_CHAT and card.photo == PNG
    assert "commande C00001" in text and "Mamadou Diallo" in text and "+224620123456" in text
    assert "Montant dû : 28 125 000 GNF" in text and "Marge : 3 025 000 GNF" in text
    assert "Référence : OM100001" in text
    assert [c.id for c in card.choices] == ["adm:approve:1", "adm:reject:1"]


def test_approve_tells_trader_and_second_press_changes_nothing(world):
    app, desk, admin, trader, traders, _ = world
    order_and_proof(trader)
    admin.login()
    [reply] = admin.press("adm:approve:1")
    assert reply.edit and "VALIDÉE par Admin Awa" in reply.text
    assert any("Paiement validé pour la commande C00001" in t for t in traders.texts())
    other = AdminChat(app, desk, "9002", name="Admin Bah")  # a second admin in the group
    other.login("+224620900901")
    other.press("adm:reject:1")
    assert "déjà été traitée (✅ Valider par Admin Awa" in other.text
    with app.services.uow_factory() as uow:
        assert uow.orders.get(1).status is OrderStatus.PAID


def test_a_trader_whose_proof_waits_is_told_so(world):
    _app, _desk, _admin, trader, *_ = world
    order_and_proof(trader)
    trader.photo(JPEG)
    assert "C00001) est en cours de vérification" in trader.text


def test_reject_with_listed_reason(world):
    _app, _desk, admin, trader, traders, _ = world
    order_and_proof(trader)
    admin.login()
    [reasons] = admin.press("adm:reject:1")
    assert reasons.edit and "adm:reason:1:amount" in [c.id for c in reasons.choices]
    [done] = admin.press("adm:reason:1:amount")
    assert done.edit and "REJETÉE par Admin Awa" in done.text and "montant incorrect" in done.text
    assert any("Preuve refusée pour la commande C00001 : montant incorrect" in t
               for t in traders.texts())  # fmt: skip
    trader.press("menu:proof")
    assert "Envoyez la photo" in trader.text  # the trader may send another


def test_reject_with_typed_reason(world):
    _app, _desk, admin, trader, traders, _ = world
    order_and_proof(trader)
    admin.login()
    admin.press("adm:reject:1")
    admin.press("adm:reason:1:other")
    admin.say("le nom du bénéficiaire ne correspond pas")
    assert "REJETÉE" in admin.text
    assert any("ne correspond pas" in t for t in traders.texts())


@pytest.mark.parametrize(
    "forged",
    ["adm:approve:999", "adm:approve:x", "adm:reason:1:evil", "adm:nope", "zzz", "adm:",
     "adm:approve:99999999999999999999", "adm:approve:-1", "adm:approve:0", "adm:card:1e9",
     "adm:ok:deadbeef", "adm:approve:１"],
)  # fmt: skip
def test_forged_buttons_change_nothing(world, forged):
    app, _desk, admin, trader, *_ = world
    order_and_proof(trader)
    admin.login()
    admin.press(forged)
    assert "introuvable" in admin.text or "plus valable" in admin.text
    with app.services.uow_factory() as uow:
        assert uow.orders.get(1).status is OrderStatus.PROOF_SUBMITTED


def test_stage_move_confirmed_and_traders_told(world):
    app, _desk, admin, trader, traders, _ = world
    order_and_proof(trader)
    admin.login()
    admin.say("/etape td-2026-01")
    assert "« collecte en Chine » à « en mer »" in admin.text and "1 commerçant" in admin.text
    confirm = admin.replies[-1].choices[0].id
    admin.press(confirm)
    assert "TD-2026-01 : en mer (par Admin Awa). 1 commerçant va être prévenu" in admin.text
    assert any("Conteneur TD-2026-01 : en mer" in t for t in traders.texts())
    admin.press(confirm)  # the same confirmation again
    assert "n'est plus valable" in admin.text
    with app.services.uow_factory() as uow:
        assert uow.containers.by_code("TD-2026-01").stage.value == "mer"


def test_a_confirmation_belongs_to_the_admin_who_asked(world):
    app, desk, admin, *_ = world
    admin.login()
    admin.say("/etape TD-2026-01")
    token = admin.replies[-1].choices[0].id
    other = AdminChat(app, desk, "9002", name="Admin Bah")
    other.login("+224620900901")
    other.press(token)
    assert "plus valable" in other.text
    with app.services.uow_factory() as uow:
        assert uow.containers.by_code("TD-2026-01").stage.value == "collecte"


def _rate(app) -> Decimal:
    with app.services.uow_factory() as uow:
        return uow.pricing.current_rate()[0]


def test_money_changes_are_previewed_then_confirmed_or_cancelled(world):
    app, _desk, admin, *_ = world
    admin.login()
    admin.say("/taux 1300")
    assert "1 ¥ = 1 250 GNF → 1 ¥ = 1 300 GNF" in admin.text
    assert [c.label for c in admin.replies[-1].choices] == ["✅ Confirmer", "❌ Annuler"]
    admin.press("adm:cancel")
    assert _rate(app) == Decimal(1250)
    admin.say("/taux 1300")
    admin.say("1")  # typed: the first choice, as on WhatsApp or in the console
    assert "Nouveau taux : 1 ¥ = 1 300 GNF" in admin.text and _rate(app) == Decimal(1300)


def test_a_large_rate_swing_is_confirmed_twice(world):
    app, _desk, admin, *_ = world
    admin.login()
    admin.say("/taux 12500")  # a typo for 1 250
    assert "plus de 50 %" in admin.text
    admin.confirm()
    assert "Deuxième confirmation" in admin.text and _rate(app) == Decimal(1250)
    admin.confirm()
    assert _rate(app) == Decimal(12500)


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/taux 0,0000001", "Taux refusé"),
        ("/taux -5", "Taux refusé"),
        ("/taux 0", "Taux refusé"),
        ("/taux abc", "Valeur illisible : abc"),
        ("/taux 1250 1300", "Usage : /taux 1250"),
        ("/tarifs textile 5 6", "au moins égal au coût réel"),
        ("/tarifs textile 5000000", "Usage : /tarifs textile"),
        ("/tarifs bijoux 5000000 4000000", "Usage : /tarifs textile"),
        ("/tarifs textile 5000000,5 4000000", "Usage : /tarifs textile"),
        (
            "/tarifs commission 31",
            "Commission refusée : entre 0 et 30 %. Usage : /tarifs commission",
        ),
        ("/tarifs commission -1", "Usage : /tarifs commission 5"),
        ("/etape", "Usage : /etape TD-2026-01"),
        ("/etape TD-2099-99", "Conteneur TD-2099-99 inconnu"),
        ("/nouveau_conteneur 0", "Capacité refusée"),
        ("/nouveau_conteneur 5000", "Capacité refusée"),
        ("/nouveau_conteneur abc", "Usage : /nouveau_conteneur"),
        ("/commande", "Usage : /commande C00042"),
        ("/commande C99999999999999999999", "Usage : /commande C00042"),
        ("/commande C09999", "introuvable"),
        ("/langue xx", "Usage : /langue fr"),
        ("/inconnue", "Commande inconnue"),
    ],
)
def test_bad_admin_input_gets_one_short_line(world, command, expected):
    app, _desk, admin, *_ = world
    admin.login()
    [reply] = admin.say(command)
    assert expected in reply.text, reply.text
    assert len(reply.text) < 200 and "\n" not in reply.text and not reply.choices
    with app.services.uow_factory() as uow:
        assert uow.pricing.current_rate()[0] == Decimal(1250)
        assert len(uow.containers.list_all()) == 1


def test_commands_show_numbers(world):
    _app, _desk, admin, trader, *_ = world
    order_and_proof(trader)
    admin.login()
    admin.say("/tarifs textile 5500000 4300000")
    assert "client 5 500 000 GNF, réel 4 300 000 GNF par CBM ?" in admin.text
    admin.confirm()
    assert "client 5 500 000 GNF, réel 4 300 000 GNF par CBM" in admin.text
    admin.say("/tarifs commission 4,5")
    admin.confirm()
    assert "Commission : 4,5 %" in admin.text
    admin.say("/tarifs")
    assert "TEXTILE : 5 500 000 GNF / 4 300 000 GNF" in admin.text
    admin.say("/conteneurs")
    assert "TD-2026-01" in admin.text and "1 commande" in admin.text
    admin.say("/commande C00001")
    assert "Marge : 3 025 000 GNF" in admin.text and "Coût réel : 12 600 000 GNF" in admin.text
    text, chart = admin.say("/stats")
    shown = text.text.replace("\u00a0", " ")
    assert "Facturé : 28 125 000 GNF" in shown and "Marge : 3 025 000 GNF" in shown
    assert chart.photo.startswith(b"\x89PNG") and "Remplissage des conteneurs" in chart.text
    admin.say("/attente")
    assert "Preuve 1 — C00001" in admin.text
    admin.say("/nouveau_conteneur 40")
    assert "Ouvrir un nouveau conteneur de 40,0 CBM ?" in admin.text
    admin.confirm()
    assert "TD-2026-02 ouvert (40,0 CBM)" in admin.text


def test_admin_replies_in_the_admins_language(world):
    _app, _desk, admin, *_ = world
    admin.login()
    admin.say("/langue en")
    assert admin.text == "✅ Language: English."
    admin.say("/taux 1300")
    assert "Change the rate" in admin.text
    admin.say("/etape")
    assert admin.text == "Usage: /etape TD-2026-01"


def test_pending_lists_every_undecided_proof_and_flags_undelivered_cards(world):
    app, _desk, admin, trader, _traders, _admin_chat = world
    order_and_proof(trader)
    with app.services.uow_factory() as uow:  # the card could not be delivered, for good
        now = app.services.clock()
        [claimed] = uow.outbox.claim(now, ["admin"], timedelta(minutes=2), 10, "test")
        uow.outbox.finish(claimed["id"], "test", "failed", now, "photo refused")
        uow.commit()
    admin.login()
    admin.say("/attente")
    assert "Preuve 1 — C00001" in admin.text and "⚠️ carte non remise" in admin.text
    admin.say("1")  # "Voir la preuve 1", typed
    assert "Marge : 3 025 000 GNF" in admin.text
    admin.say("1")  # "Valider", typed
    assert "VALIDÉE par Admin Awa" in admin.text


def test_export_csv(world):
    _app, _desk, admin, trader, *_ = world
    order_and_proof(trader)
    admin.login()
    [reply] = admin.say("/export")
    name, content = reply.document
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert name.endswith(".csv") and rows[0][0] == "numero"
    assert rows[1][0] == "C00001" and rows[1][12] == "28125000" and rows[1][14] == "3025000"


def test_announcement_confirmed_with_count(world):
    _app, _desk, admin, trader, traders, _ = world
    order_and_proof(trader)
    admin.login()
    admin.say("/annonce")
    admin.say("Le conteneur part lundi.")
    assert "adm:audience:all" in [c.id for c in admin.replies[-1].choices]
    admin.say("1")  # "Tous les commerçants", typed
    assert "Envoyer à 1 commerçant ?" in admin.text  # admins are not traders
    admin.press("adm:announce:send")
    assert "en cours d'envoi à 1" in admin.text
    assert sum("Le conteneur part lundi." in t for t in traders.texts()) == 1
    admin.press("adm:announce:send")  # a replayed confirmation sends nothing more
    assert sum("Le conteneur part lundi." in t for t in traders.texts()) == 1


def test_reference_typed_after_the_photo_reaches_the_admin_chat(world):
    _app, _desk, _admin, trader, _traders, admin_chat = world
    order_and_proof(trader, caption="OM-REUSED-1")
    trader.press("menu:quote")
    trader.press("cat:divers")
    trader.say("1")
    trader.say("1000")
    trader.press("quote:order")
    trader.photo(JPEG)
    trader.say("om-reused-1")  # the reference, typed after the photo, already used by C00001
    trader.press("menu:quote")
    trader.press("cat:divers")
    trader.say("1")
    trader.say("2000")
    trader.press("quote:order")
    trader.photo(b"\xff\xd8\xff\xe0" + b"\x03" * 64)
    trader.say("OM-FRESH-77")
    texts = admin_chat.texts()
    assert any("Preuve 2 (commande C00002) : référence OMREUSED1" in t for t in texts)
    assert any("Déjà utilisée pour : C00001" in t for t in texts)
    assert "🧾 Preuve 3 (commande C00003) : référence OMFRESH77." in texts


def test_busy_is_said_in_the_admins_language(world):
    """The gate's "busy" in the admin's language, not always French (issue 13)."""
    _app, desk, admin, *_ = world
    admin.login()
    admin.say("/langue en")
    desk.gate.locks = BusyLocks()
    (busy,) = admin.say("/taux 1300")
    assert busy.text == t("busy", "en")
    assert busy.lang == "en"
