"""The admin desk driven as scripts of events: 2FA, proof review, every command."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

import pytest

from bot.dispatch import Dispatcher
from bot.engine.events import Inbound, Reply
from bot.wiring import build_desk
from domain.orders import OrderStatus
from tests.flows.conftest import PNG, make_app

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


class AdminChat:
    def __init__(self, app, desk, user_ref: str):
        self.app, self.desk, self.user_ref, self.replies = app, desk, user_ref, []
        self.n = 0

    def send(self, **fields) -> list[Reply]:
        self.n += 1
        fields.setdefault("message_id", f"adm-{self.user_ref}-{self.n}")
        replies = self.desk.handle(Inbound("telegram", self.user_ref, **fields))
        self.replies += replies
        return replies

    def say(self, text: str) -> list[Reply]:
        return self.send(text=text)

    def press(self, choice: str) -> list[Reply]:
        return self.send(choice=choice)

    @property
    def text(self) -> str:
        return self.replies[-1].text.replace("\u00a0", " ")

    def login(self, phone: str = ADMIN_PHONE) -> None:
        self.say("/admin")
        self.say(self.app.sms.last_code(phone))
        assert "Session ouverte" in self.text, self.text


@pytest.fixture
def world(tmp_path, time_machine):
    time_machine.move_to("2026-11-25 10:00:00+00:00", tick=False)
    app = make_app(f"sqlite:///{tmp_path / 'a.db'}", admin_phones="620 90 09 00, +224620900901")
    dispatcher = Dispatcher(app.services.uow_factory, app.services.channels, app.services.clock)
    traders, admin_chat = FakeSender(dispatcher=dispatcher), FakeSender(dispatcher=dispatcher)
    app.services.channels.senders["console"] = traders
    app.services.channels.senders["telegram"] = traders
    app.services.channels.admin = (admin_chat, "-100")
    admin_tg = app.chat("9001", channel="telegram")
    admin_tg.register(name="Admin Awa", phone="620 90 09 00")
    desk = build_desk(app.services)
    trader = app.chat("t1")
    trader.register(phone="620 12 34 56")
    time_machine.shift(timedelta(minutes=1))  # past the SMS resend cooldown of registration
    return app, desk, AdminChat(app, desk, "9001"), trader, traders, admin_chat


def order_and_proof(trader, caption="OM-1"):
    trader.press("menu:quote")
    trader.press("cat:textile")
    trader.say("3")
    trader.say("10 000")
    trader.press("quote:order")
    trader.photo(PNG, caption=caption)


def test_strangers_and_traders_are_refused_everything(world):
    app, desk, *_ = world
    app.chat("555", channel="telegram").register(name="Simple Trader", phone="620 55 55 55")
    stranger = AdminChat(app, desk, "666")
    as_trader = AdminChat(app, desk, "555")  # a registered Telegram trader, not an admin
    for chat in (stranger, as_trader):
        for command in ("/admin", "/taux 1", "/tarifs", "/conteneurs", "/etape TD-2026-01",
                        "/nouveau_conteneur", "/attente", "/commande C00001", "/stats",
                        "/annonce hello", "/export", "hello"):  # fmt: skip
            chat.say(command)
            assert "réservée aux administrateurs" in chat.text
        chat.press("adm:approve:1")
        assert "réservée aux administrateurs" in chat.text
    with app.services.uow_factory() as uow:
        assert uow.pricing.current_rate()[0] == Decimal(1250)


def test_admin_needs_a_session_then_works(world, time_machine):
    app, _desk, admin, *_ = world
    admin.say("/taux")
    assert "Session administrateur fermée" in admin.text
    admin.login()
    admin.say("/taux 1300")
    assert "1 ¥ = 1 300 GNF" in admin.text
    time_machine.shift(timedelta(minutes=61))
    admin.say("/taux 1400")
    assert "Session administrateur fermée" in admin.text
    with app.services.uow_factory() as uow:
        assert uow.pricing.current_rate()[0] == Decimal(1300)


def test_wrong_admin_code_opens_nothing(world):
    _app, _desk, admin, *_ = world
    admin.say("/admin")
    admin.say("000000" if admin.app.sms.last_code(ADMIN_PHONE) != "000000" else "111111")
    assert "Code incorrect" in admin.text
    admin.say("/stats")
    assert "Session administrateur fermée" in admin.text


def test_proof_card_reaches_admin_chat_with_margin(world):
    _app, _desk, _admin, trader, _traders, admin_chat = world
    order_and_proof(trader)
    admin_chat.flush()
    [(chat, card)] = admin_chat.sent
    text = card.text.replace("\u00a0", " ")
    assert chat == "-100" and card.photo == PNG
    assert "commande C00001" in text and "Mamadou Diallo" in text and "+224620123456" in text
    assert "Montant dû : 28 125 000 GNF" in text and "Marge : 3 025 000 GNF" in text
    assert "Référence : OM1" in text
    assert [c.id for c in card.choices] == ["adm:approve:1", "adm:reject:1"]


def test_approve_tells_trader_and_second_press_changes_nothing(world, time_machine):
    app, desk, admin, trader, traders, _ = world
    order_and_proof(trader)
    admin.login()
    [reply] = admin.press("adm:approve:1")
    assert reply.edit and "VALIDÉE par Admin Awa" in reply.text
    assert any("Paiement validé pour la commande C00001" in t for t in traders.texts())
    other = AdminChat(app, desk, "9002")
    app.chat("9002", channel="telegram").register(name="Admin Bah", phone="620 90 09 01")
    time_machine.shift(timedelta(minutes=1))
    other.login("+224620900901")
    other.press("adm:reject:1")
    assert "déjà été traitée" in other.text
    with app.services.uow_factory() as uow:
        assert uow.orders.get(1).status is OrderStatus.PAID


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
    "forged", ["adm:approve:999", "adm:approve:x", "adm:reason:1:evil", "adm:nope", "zzz", "adm:"]
)
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
    assert "TD-2026-01 : en mer (par Admin Awa). 1 commerçant(s) vont être prévenus" in admin.text
    assert any("Conteneur TD-2026-01 : en mer" in t for t in traders.texts())
    admin.press(confirm)  # the same confirmation again
    assert "n'est plus valable" in admin.text
    with app.services.uow_factory() as uow:
        assert uow.containers.by_code("TD-2026-01").stage.value == "mer"


def test_commands_show_numbers(world):
    _app, _desk, admin, trader, *_ = world
    order_and_proof(trader)
    admin.login()
    admin.say("/tarifs textile 5500000 4300000")
    assert "client 5 500 000 GNF, réel 4 300 000 GNF" in admin.text
    admin.say("/tarifs commission 4,5")
    assert "Commission : 4,5 %" in admin.text
    admin.say("/tarifs")
    assert "TEXTILE : 5 500 000 GNF / 4 300 000 GNF" in admin.text
    admin.say("/conteneurs")
    assert "TD-2026-01" in admin.text and "1 commande(s)" in admin.text
    admin.say("/commande C00001")
    assert "Marge : 3 025 000 GNF" in admin.text and "Coût réel : 12 600 000 GNF" in admin.text
    admin.say("/stats")
    assert "Facturé : 28 125 000 GNF" in admin.text and "Marge : 3 025 000 GNF" in admin.text
    admin.say("/attente")
    assert "Preuve 1 — C00001" in admin.text
    admin.say("/nouveau_conteneur 40")
    assert "TD-2026-02 ouvert (40,0 CBM)" in admin.text
    admin.say("/taux abc")
    assert "illisible" in admin.text
    admin.say("/taux -5")
    assert "hors limites" in admin.text
    admin.say("/inconnue")
    assert "Commande inconnue" in admin.text


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
    admin.press("adm:audience:all")
    assert "Envoyer à 2 commerçant(s)" in admin.text  # the trader and the admin's account
    admin.press("adm:announce:send")
    assert "en cours d'envoi à 2" in admin.text
    assert sum("Le conteneur part lundi." in t for t in traders.texts()) == 2
    admin.press("adm:announce:send")  # a replayed confirmation sends nothing more
    assert sum("Le conteneur part lundi." in t for t in traders.texts()) == 2


def test_admin_console_registers_then_reaches_the_desk(tmp_path, time_machine):
    from bot.channels.console import AdminConsole

    time_machine.move_to("2026-11-25 10:00:00+00:00", tick=False)
    app = make_app(f"sqlite:///{tmp_path / 'c.db'}", admin_phones=ADMIN_PHONE)
    console = AdminConsole(app.services)
    said = []

    def say(text: str) -> str:
        said.append(len(said))
        event = Inbound("console", "admin-x", f"c{len(said)}", text=text)
        return "\n".join(r.text for r in console.handle(event))

    assert "quel est votre nom" in say("bonjour")
    say("Admin Awa")
    say("620 90 09 00")
    assert "compte est actif" in say(app.sms.last_code(ADMIN_PHONE))
    time_machine.shift(timedelta(minutes=1))
    assert "Code envoyé" in say("/admin")
    assert "Session ouverte" in say(app.sms.last_code(ADMIN_PHONE))
    assert "/export" in say("/aide")


def test_reference_typed_after_the_photo_reaches_the_admin_chat(world):
    _app, _desk, _admin, trader, _traders, admin_chat = world
    order_and_proof(trader, caption="OM-REUSED")
    trader.press("menu:quote")
    trader.press("cat:divers")
    trader.say("1")
    trader.say("1000")
    trader.press("quote:order")
    trader.photo(b"\xff\xd8\xff\xe0" + b"\x02" * 64)
    trader.say("om-reused")  # the reference, typed after the photo, already used by C00001
    texts = admin_chat.texts()
    assert any("Preuve 2 (commande C00002) : référence OMREUSED" in t for t in texts)
    assert any("Déjà utilisée pour : C00001" in t for t in texts)
