"""Issue 14's whole story on both fakes at once, with a 50 % deposit: a Telegram trader (the
real PTB Application on the fake Bot API) and a WhatsApp trader (signed webhooks, the fake
Twilio) each order, pay the deposit, get a PDF receipt whose QR page says valid; the goods
are measured larger at the warehouse, each trader accepts and pays the balance (a second
PDF); the container sails with its arrival date, the date moves, each trader is told once;
each opens a support ticket that an admin answers by replying to its card. Nothing a
trader receives ever carries a margin or a real cost."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from bot.text import formatting as fmt
from domain.eta import default_eta
from domain.orders import OrderStatus, split_deposit
from tests.channels.both_fakes import (
    TG,
    StoppedClock,
    admin,
    admin_confirms,
    gnf,
    plain,
    qr_page_is_valid,
    tg_documents,
    tg_wait,
    told,
    wa_media,
    wa_texts,
    wa_wait,
)
from tests.channels.conftest import ADMIN_CHAT, ADMIN_USER, RunningBot, register
from tests.channels.test_receipts_telegram import pdf_text
from tests.channels.test_telegram import admin_login
from tests.channels.test_whatsapp import PUBLIC, WhatsAppWorld
from tests.channels.test_whatsapp import fake_twilio as fake_twilio  # the fixture
from tests.fakes.telegram_api import FakeTelegram
from tests.flows.conftest import PNG

TOTAL, DEPOSIT = 28_125_000, 14_062_500  # TEXTILE, 3 CBM, 10 000 ¥ at the default terms
MEASURED_TOTAL = 30_125_000  # the same goods measured at 3,4 CBM: +0,4 CBM of logistics
BALANCE = MEASURED_TOTAL - DEPOSIT


@pytest.fixture
def story(fake_twilio, tmp_path):
    fake_tg = FakeTelegram().start()
    world = WhatsAppWorld(
        fake_twilio, tmp_path, deposit_percent=50, admin_chat_id=ADMIN_CHAT,
        telegram_bot_token=fake_tg.token, telegram_api_base_url=f"{fake_tg.base}/bot",
        telegram_file_base_url=f"{fake_tg.base}/file/bot",
    )  # fmt: skip
    bot = RunningBot(world.services).start()
    yield fake_tg, world
    bot.stop()
    fake_tg.stop()


def order_on_both_channels(fake_tg: FakeTelegram, world: WhatsAppWorld) -> None:
    """C00001 on Telegram, C00002 on WhatsApp: each asked the 50 % deposit, proof sent."""
    for step in ("menu:quote", "cat:textile"):
        before = len(fake_tg.texts(TG))
        fake_tg.press(TG, step)
        fake_tg.wait_for(lambda before=before: len(fake_tg.texts(TG)) > before)
    fake_tg.text(TG, "3")
    tg_wait(fake_tg, "prix des marchandises")
    fake_tg.text(TG, "10 000")
    tg_wait(fake_tg, f"Total à payer : {gnf(TOTAL)}")
    fake_tg.press(TG, "quote:order")
    tg_wait(fake_tg, "Commande C00001 enregistrée")
    for text in ("1", "textile", "3", "10 000", "1"):
        world.say(text)
    placed = plain(world.last())
    assert "Commande C00002 enregistrée" in placed
    asked = "Acompte : 14 062 500 GNF sur un total de 28 125 000 GNF"
    assert asked in placed and "envoyez exactement 14 062 500 GNF" in placed
    assert any(asked in plain(t) for t in fake_tg.texts(TG))
    fake_tg.photo(TG, PNG, caption="OM-770077")
    tg_wait(fake_tg, "Preuve reçue pour la commande C00001")
    url = world.fake.add_media(PNG, "image/png")
    world.say("OM-550055", NumMedia="1", MediaUrl0=url, MediaContentType0="image/png")
    assert "Preuve reçue pour la commande C00002" in world.last()


def approve(fake_tg: FakeTelegram, proof_id: int, what: str) -> None:
    """The proof's card reached the admin chat, says what is paid; an admin approves it."""
    tg_wait(fake_tg, f"Paiement : {what}", chat=ADMIN_CHAT)
    start = len(fake_tg.edits())
    fake_tg.press(ADMIN_CHAT, f"adm:approve:{proof_id}", user_id=ADMIN_USER)
    fake_tg.wait_for(lambda: any("VALIDÉE" in str(c.params) for c in fake_tg.edits()[start:]))


def receipts_received(fake_tg, world, count: int, paid: int, remaining: int) -> None:
    """The `count`-th PDF receipt of each trader: amount paid, what remains, a valid QR."""
    fake_tg.wait_for(lambda: len(tg_documents(fake_tg)) == count)
    wa_wait(fake_tg, world, "Reçu de paiement", count)
    tg_pdf = pdf_text(tg_documents(fake_tg)[-1].files["document"])
    response = world.client.get(wa_media(world)[-1].removeprefix(PUBLIC))
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    wa_pdf = pdf_text(response.data)
    for pdf, number in ((tg_pdf, "C00001"), (wa_pdf, "C00002")):
        assert number in pdf and f"Montant payé\n{gnf(paid)}" in pdf
        assert f"Reste à payer\n{gnf(remaining)}" in pdf, pdf
        qr_page_is_valid(world, pdf, number)


def measured_larger(fake_tg: FakeTelegram, world: WhatsAppWorld) -> None:
    """3,4 CBM measured for each 3 CBM order, confirmed; each trader accepts the card."""
    for number in ("C00001", "C00002"):
        admin_confirms(
            fake_tg, f"/reception {number} 3,4 12",
            "Nouveau total 30 125 000 GNF (+2 000 000 GNF)",
            "2 000 000 GNF de plus, en attente de la réponse du commerçant",
        )  # fmt: skip
    card = "nouveau total 30 125 000 GNF (avant : 28 125 000 GNF)"
    tg_wait(fake_tg, card)
    wa_wait(fake_tg, world, card)
    fake_tg.press(TG, "receipt:accept:1")
    tg_wait(fake_tg, "Mesure acceptée pour la commande C00001")
    world.say("Accepter", ButtonText="Accepter", ButtonPayload="receipt:accept:2")
    assert "Mesure acceptée pour la commande C00002" in world.last()
    due = f"Montant à payer : {gnf(BALANCE)}"
    assert due in plain(world.last()) and any(due in plain(t) for t in fake_tg.texts(TG))


def pay_the_balance(fake_tg: FakeTelegram, world: WhatsAppWorld) -> None:
    fake_tg.press(TG, "menu:proof")
    tg_wait(fake_tg, "commande C00001 (16 062 500 GNF)")
    fake_tg.photo(TG, PNG, caption="OM-880088")
    tg_wait(fake_tg, "Preuve reçue pour la commande C00001", 2)
    world.say("menu")
    world.say("📸 Preuve", ListId="menu:proof", ListTitle="Preuve")
    assert "commande C00002 (16 062 500 GNF)" in plain(world.last())
    url = world.fake.add_media(PNG, "image/png")
    world.say("OM-990099", NumMedia="1", MediaUrl0=url, MediaContentType0="image/png")
    assert "Preuve reçue pour la commande C00002" in world.last()


def test_the_whole_story_on_both_channels(story):
    fake_tg, world = story
    register(fake_tg, world.app, TG, "Aissatou Bah", "620 11 11 11", StoppedClock())
    world.register()
    order_on_both_channels(fake_tg, world)
    admin_login(fake_tg, world.app)
    assert split_deposit(TOTAL, 50) == (DEPOSIT, TOTAL - DEPOSIT)
    approve(fake_tg, 1, "acompte — 14 062 500 GNF")
    approve(fake_tg, 2, "acompte — 14 062 500 GNF")
    receipts_received(fake_tg, world, 1, paid=DEPOSIT, remaining=TOTAL - DEPOSIT)

    measured_larger(fake_tg, world)
    pay_the_balance(fake_tg, world)
    approve(fake_tg, 3, "solde — 16 062 500 GNF")
    approve(fake_tg, 4, "solde — 16 062 500 GNF")
    receipts_received(fake_tg, world, 2, paid=BALANCE, remaining=0)

    sail_and_move_the_arrival_date(fake_tg, world)
    tickets_answered_by_a_reply(fake_tg, world)
    books_as_measured(world)
    nothing_secret_reached_a_trader(fake_tg, world)


def sail_and_move_the_arrival_date(fake_tg: FakeTelegram, world: WhatsAppWorld) -> None:
    now = world.services.clock()
    sailed, new = default_eta(now), default_eta(now) + timedelta(days=9)
    admin_confirms(
        fake_tg, "/etape TD-2026-01", "2 commerçants seront prévenus",
        "2 commerçants vont être prévenus",
    )  # fmt: skip
    departed = f"🚢 Conteneur TD-2026-01 : en mer. Arrivée estimée à Conakry : {fmt.day(sailed)}"
    assert told(fake_tg, world, departed) == (1, 1)
    admin_confirms(
        fake_tg, f"/eta TD-2026-01 {new:%d/%m/%Y} congestion au port",
        f"{fmt.day(sailed)} → {fmt.day(new)}", "2 commerçants vont être prévenus",
    )  # fmt: skip
    moved = f"Avant : {fmt.day(sailed)}\nMaintenant : {fmt.day(new)}\nMotif : congestion au port"
    assert told(fake_tg, world, moved) == (1, 1)
    assert told(fake_tg, world, "Maintenant :") == (1, 1)


def tickets_answered_by_a_reply(fake_tg: FakeTelegram, world: WhatsAppWorld) -> None:
    """One ticket per channel; the admin answers each by replying to its card."""
    fake_tg.press(TG, "menu:support")
    tg_wait(fake_tg, "Écrivez votre question")
    fake_tg.text(TG, "Mon colis est bloqué ?")
    tg_wait(fake_tg, "demande T1")
    world.say("J'ai un problème avec mon colis")
    assert "demande T2" in world.last()
    for ticket, trader, answer in (
        ("T1", "Aissatou Bah", "Il part lundi."),
        ("T2", "Mamadou Diallo", "Nous regardons."),
    ):
        tg_wait(fake_tg, f"Demande {ticket} — {trader}", chat=ADMIN_CHAT)
        [card] = [c for c in fake_tg.sent(ADMIN_CHAT) if f"Demande {ticket} —" in str(c.params)]
        reply_to = card.result["message_id"]  # type: ignore[index]
        admin(fake_tg, answer, f"Réponse envoyée à {trader} ({ticket})", reply_to=reply_to)
    tg_wait(fake_tg, "Réponse du conseiller (demande T1) :\nIl part lundi.")
    wa_wait(fake_tg, world, "Réponse du conseiller (demande T2) :\nNous regardons.")
    admin(fake_tg, "/fermer T1", "fermée")
    admin(fake_tg, "/fermer T2", "fermée")
    tg_wait(fake_tg, "Votre demande T1 est close")
    wa_wait(fake_tg, world, "Votre demande T2 est close")


def books_as_measured(world: WhatsAppWorld) -> None:
    """Both orders billed on 3,4 CBM with their frozen terms, paid in full, on board; the
    container holds the measured volumes; the ledgers balance."""
    from bot.services.ledger import books_problems, remaining_due

    with world.services.uow_factory() as uow:
        orders = [uow.orders.get(1), uow.orders.get(2)]
        for order in orders:
            assert (order.status, order.volume_l) == (OrderStatus.LOADED, 3400)
            assert (order.total_gnf, order.rate, order.client_tariff) == (
                MEASURED_TOTAL, 1250, 5_000_000,
            )  # fmt: skip
            assert uow.proofs.paid_for_order(order.id) == [DEPOSIT, BALANCE]
            assert remaining_due(uow, order) == 0 and uow.ledger.balance(order.trader_id) == 0
        assert uow.containers.by_code("TD-2026-01").used_l == 6800
        assert books_problems(uow, [o.trader_id for o in orders]) == []


def secrets_of_the_orders(world: WhatsAppWorld) -> set[str]:
    """Each order's margin and real cost, as ordered (3 CBM) and as measured."""
    with world.services.uow_factory() as uow:
        orders = [uow.orders.get(1), uow.orders.get(2)]
    quotes = [q for o in orders for q in (o.quote, o.remeasured(3000))]
    amounts = {q.margin_gnf for q in quotes} | {q.real_cost_gnf for q in quotes}
    assert all(amount > 0 for amount in amounts)
    return {gnf(amount).removesuffix(" GNF") for amount in amounts}


def nothing_secret_reached_a_trader(fake_tg: FakeTelegram, world: WhatsAppWorld) -> None:
    """Every text, caption, PDF and QR page a trader got: no margin, no real cost."""
    read = [plain(t) for t in fake_tg.texts(TG)] + wa_texts(world)
    read += [pdf_text(c.files["document"]) for c in tg_documents(fake_tg)]
    for url in wa_media(world):
        pdf = pdf_text(world.client.get(url.removeprefix(PUBLIC)).data)
        page = world.client.get(re.search(r"/r/[\w-]+", pdf.replace("\n", ""))[0])
        read += [pdf, plain(page.text)]
    assert len(read) > 40
    for secret in [*secrets_of_the_orders(world), "arge", "oût réel", "Coût"]:
        assert not any(secret in text for text in read), secret
