"""Warehouse receipts driven end to end through the admin desk and the trader's chat:
`/reception`, the trader's Accepter / Contester, credits, deposit then balance."""

from __future__ import annotations

import pytest

from bot.delivery.dispatch import Dispatcher
from bot.runtime.engines import build_desk
from domain.orders import OrderStatus
from domain.warehouse import ReceiptStatus
from tests.flows.conftest import JPEG, PNG, make_app
from tests.flows.test_admin_desk import ADMIN_CHAT, AdminChat, FakeSender

NBSP = "\u00a0"


def _world(tmp_path, time_machine, **settings):
    time_machine.move_to("2026-11-25 10:00:00+00:00", tick=False)
    app = make_app(f"sqlite:///{tmp_path / 'r.db'}", admin_phones="620 90 09 00", **settings)
    dispatcher = Dispatcher(app.services.uow_factory, app.services.channels, app.services.clock)
    traders, admin_chat = FakeSender(dispatcher=dispatcher), FakeSender(dispatcher=dispatcher)
    app.services.channels.senders["console"] = traders
    app.services.channels.admin = (admin_chat, ADMIN_CHAT)
    admin = AdminChat(app, build_desk(app.services, admin_chat=ADMIN_CHAT), "9001")
    admin.say("bonjour")
    admin.login()
    trader = app.chat("t1")
    trader.register(phone="620 12 34 56")
    return app, admin, trader, traders, admin_chat


@pytest.fixture
def world(tmp_path, time_machine):
    return _world(tmp_path, time_machine)


def order(trader, cbm="3", caption="OM-100001", pay=True):
    trader.press("menu:quote")
    trader.press("cat:textile")
    trader.say(cbm)
    trader.say("10 000")
    trader.press("quote:order")
    if pay:
        trader.photo(PNG, caption=caption)


def paid_order(app, admin, trader, cbm="3", caption="OM-100001"):
    order(trader, cbm, caption)
    with app.services.uow_factory() as uow:
        proof = uow.proofs.pending()[-1]
    admin.press(f"adm:approve:{proof.id}")
    assert "VALIDÉE" in admin.text, admin.text


def plain(text: str) -> str:
    return text.replace(NBSP, " ")


def state(app, order_id=1):
    with app.services.uow_factory() as uow:
        o = uow.orders.get(order_id)
        c = uow.containers.get(o.container_id)
        return o, c, uow.warehouse.for_order(order_id), uow.ledger.balance(o.trader_id)


def last_card(traders):
    traders.flush()
    cards = [reply for _, reply in traders.sent if "Réception à l'entrepôt" in reply.text]
    return cards[-1]


def test_equal_volume_the_trader_gets_the_receipt_only(world):
    app, admin, trader, traders, _ = world
    paid_order(app, admin, trader)
    admin.send(text="/reception C00001 3 12", image=JPEG)
    assert "mesuré 3,0 CBM, commandé 3,0 CBM, cartons : 12, photo jointe" in plain(admin.text)
    assert "Volume conforme" in admin.text
    admin.confirm()
    assert "Réception de C00001 enregistrée (3,0 CBM, conteneur TD-2026-01)" in plain(admin.text)
    card = last_card(traders)
    assert card.photo == JPEG and not card.choices
    assert "Volume mesuré : 3,0 CBM — cartons : 12" in plain(card.text)
    assert "conforme" in card.text and "GNF" not in card.text
    order_, container, receipt, balance = state(app)
    assert order_.status is OrderStatus.RECEIVED and order_.total_gnf == 28_125_000
    assert container.used_l == 3000 and receipt.status is ReceiptStatus.DONE and balance == 0
    trader.press("menu:orders")
    assert "payée, reçue à l'entrepôt" in trader.replies[-2].text


def test_larger_volume_reserved_then_accepted_and_the_difference_paid(world):
    app, admin, trader, traders, admin_chat = world
    paid_order(app, admin, trader)
    admin.say("/reception c1 3,4")
    assert "sans photo" in admin.text
    admin.send(image=PNG)  # the photo right after the command
    assert (
        "photo jointe" in admin.text
        and "Nouveau total 30 125 000 GNF (+2 000 000 GNF)" in plain(admin.text)
    )
    admin.confirm()
    assert "2 000 000 GNF de plus, en attente de la réponse du commerçant" in plain(admin.text)
    order_, container, _receipt, _ = state(app)
    assert container.used_l == 3400 and order_.volume_l == 3400
    assert (order_.rate, order_.client_tariff) == (1250, 5_000_000)  # the frozen terms
    card = last_card(traders)
    assert card.photo == PNG
    assert "nouveau total 30 125 000 GNF (avant : 28 125 000 GNF)" in plain(card.text)
    assert "différence à payer : 2 000 000 GNF" in plain(card.text)
    assert [c.id for c in card.choices] == ["receipt:accept:1", "receipt:contest:1"]
    trader.press("menu:orders")
    assert "mesure à accepter ou contester" in trader.replies[-2].text
    trader.press("receipt:accept:1")  # the button pushed with the card
    assert "Mesure acceptée pour la commande C00001" in trader.text
    assert "Montant à payer : 2 000 000 GNF" in plain(trader.text)
    assert state(app)[0].status is OrderStatus.ADJUSTED
    trader.press("menu:proof")
    assert "commande C00001 (2 000 000 GNF)" in plain(trader.text)
    trader.photo(JPEG, caption="OM-200002")
    admin_chat.flush()
    card = admin_chat.sent[-1][1]
    assert "Paiement : différence de mesure — 2 000 000 GNF" in plain(card.text)
    admin.press(card.choices[0].id)
    assert any("Reste à payer : 0 GNF" in plain(t) for t in traders.texts())
    assert state(app)[0].status is OrderStatus.ADJUSTED
    trader.press("receipt:accept:1")  # answered already
    assert "déjà reçu votre réponse" in trader.text


def test_contester_marks_the_order_and_tells_the_admins(world):
    app, admin, trader, traders, admin_chat = world
    paid_order(app, admin, trader)
    admin.say("/reception C00001 3,4")
    admin.confirm()
    last_card(traders)
    told, opened = trader.press("receipt:contest:1")
    assert "contestation de la mesure de la commande C00001" in told.text
    assert "transmis à un conseiller (demande T1)" in opened.text  # a conversation opens
    trader.say("Mes cartons ont été mal mesurés")  # relayed to the admins with the ticket
    admin_chat.flush()
    assert any("Je conteste la mesure de la commande C00001" in plain(r.text)
               for _, r in admin_chat.sent)  # fmt: skip
    assert any("Mes cartons ont été mal mesurés" in plain(r.text) for _, r in admin_chat.sent)
    assert any(
        "Mesure contestée par le commerçant — commande C00001 : commandé 3,0 CBM, mesuré 3,4 CBM"
        in plain(r.text)
        for _, r in admin_chat.sent
    )
    order_, _, receipt, _ = state(app)
    assert order_.status is OrderStatus.CONTESTED and receipt.status is ReceiptStatus.CONTESTED
    trader.press("menu:orders")
    assert "mesure contestée, en examen" in trader.replies[-2].text


def test_someone_elses_receipt_button_changes_nothing(world):
    app, admin, trader, *_ = world
    paid_order(app, admin, trader)
    admin.say("/reception C00001 3,4")
    admin.confirm()
    other = app.chat("t2")
    other.register(name="Awa Camara", phone="620 22 22 22")
    for forged in ("receipt:accept:1", "receipt:contest:1", "receipt:accept:x", "receipt:nope"):
        other.press(forged)
        assert "plus valable" in other.text
    assert state(app)[0].status is OrderStatus.RECEIVED


def test_smaller_volume_releases_space_and_credits_once_then_the_credit_is_used(world):
    app, admin, trader, traders, _ = world
    paid_order(app, admin, trader)
    admin.say("/reception C00001 2,5 8")
    assert "Nouveau total 25 625 000 GNF (−2 500 000 GNF)" in plain(admin.text)
    admin.confirm()
    order_, container, receipt, balance = state(app)
    assert order_.status is OrderStatus.ADJUSTED and container.used_l == 2500
    assert balance == 2_500_000 and receipt.status is ReceiptStatus.DONE
    card = last_card(traders)
    assert "La différence, 2 500 000 GNF, est créditée sur votre solde" in plain(card.text)
    admin.say("/reception C00001 2,5")  # the same receipt again
    assert "déjà été mesurée" in admin.text
    assert state(app)[3] == 2_500_000
    order(trader, cbm="1", pay=False)  # the next order takes the credit, line by line
    text = plain(trader.text)
    assert "envoyez exactement 15 625 000 GNF" in text
    assert (
        "Montant : 18 125 000 GNF, crédit utilisé : −2 500 000 GNF, reste à payer : 15 625 000 GNF"
        in text
    )
    assert state(app, 2)[3] == 0


def test_a_credit_covering_the_order_pays_it_and_comes_back_if_it_is_cancelled(
    tmp_path, time_machine
):
    app, admin, trader, _traders, _ = _world(tmp_path, time_machine)
    paid_order(app, admin, trader, cbm="5")
    admin.say("/reception C00001 2")  # 3 CBM less: 15 000 000 GNF credited
    admin.confirm()
    order(trader, cbm="0,5", pay=False)  # 12 500 000 + 625 000 + 2 500 000 = 15 625 000
    assert "crédit utilisé : −15 000 000 GNF, reste à payer : 625 000 GNF" in plain(trader.text)
    trader.press("menu:orders")
    trader.press("orders:pick_cancel")
    trader.press("orders:cancel_yes")
    assert "annulée" in trader.text
    assert state(app)[3] == 15_000_000  # the credit used on the cancelled order came back
    order(trader, cbm="0,1", pay=False)  # 13 625 000 + ... covered in full by the credit
    assert "Votre crédit couvre le montant dû : rien à payer maintenant" in trader.text
    assert state(app, 3)[0].status is OrderStatus.PAID


def test_no_room_for_the_extra_the_admin_moves_the_order(tmp_path, time_machine):
    app, admin, trader, _traders, _ = _world(tmp_path, time_machine, capacity_cbm=4)
    paid_order(app, admin, trader)
    other = app.chat("t2")
    other.register(name="Awa Camara", phone="620 22 22 22")
    order(other, cbm="0,8", pay=False)
    admin.say("/reception C00001 3,4")
    assert "TD-2026-01 n'a pas la place pour le surplus (reste 0,2 CBM)" in plain(admin.text)
    ids = [c.id for c in admin.replies[-1].choices]
    assert ids[0].startswith("adm:rcpt:move:") and ids[1].startswith("adm:rcpt:refuse:")
    admin.press(ids[0])
    assert "conteneur TD-2026-02" in admin.text
    order_, container, receipt, _ = state(app)
    assert container.code == "TD-2026-02" and container.used_l == 3400
    with app.services.uow_factory() as uow:
        assert uow.containers.by_code("TD-2026-01").used_l == 800
    assert receipt.status is ReceiptStatus.AWAITING and order_.volume_l == 3400
    admin.press(ids[0])  # the same choice again
    assert "plus valable" in admin.text


def test_no_room_for_the_extra_the_admin_refuses_it(tmp_path, time_machine):
    app, admin, trader, traders, _ = _world(tmp_path, time_machine, capacity_cbm=4)
    paid_order(app, admin, trader)
    other = app.chat("t2")
    other.register(name="Awa Camara", phone="620 22 22 22")
    order(other, cbm="0,8", pay=False)
    admin.say("/reception C00001 3,4")
    admin.press(admin.replies[-1].choices[1].id)
    assert "surplus refusé" in admin.text
    order_, container, receipt, balance = state(app)
    assert (order_.volume_l, order_.total_gnf, container.used_l) == (3000, 28_125_000, 3800)
    assert receipt.status is ReceiptStatus.EXTRA_REFUSED and balance == 0
    card = last_card(traders)
    assert "le surplus reste à l'entrepôt" in card.text and not card.choices


def test_deposit_at_order_time_then_the_balance_after_the_measure(tmp_path, time_machine):
    _app, admin, trader, traders, admin_chat = _world(tmp_path, time_machine, deposit_percent=30)
    order(trader)
    placed = next(plain(r.text) for r in trader.replies if "C00001 enregistrée" in r.text)
    assert "envoyez exactement 8 437 500 GNF" in placed
    assert "Acompte : 8 437 500 GNF sur un total de 28 125 000 GNF" in placed
    admin_chat.flush()
    assert "Paiement : acompte — 8 437 500 GNF" in plain(admin_chat.sent[-1][1].text)
    admin.press("adm:approve:1")
    trader.press("menu:proof")
    assert "Aucune commande n'attend de paiement" in trader.text  # the balance waits
    admin.say("/reception C00001 3")
    admin.confirm()
    card = last_card(traders)
    assert "Montant à payer : 19 687 500 GNF" in plain(card.text)
    trader.press("menu:orders")
    assert "à payer : 19 687 500 GNF" in plain(trader.replies[-2].text)
    trader.press("menu:proof")
    trader.photo(JPEG, caption="OM-300003")
    admin_chat.flush()
    card = admin_chat.sent[-1][1]
    assert "Paiement : solde — 19 687 500 GNF" in plain(card.text)
    admin.press(card.choices[0].id)
    assert any("Reste à payer : 0 GNF" in plain(t) for t in traders.texts())
    trader.press("menu:proof")
    assert "Aucune commande n'attend de paiement" in trader.text


@pytest.mark.parametrize(
    ("command", "answer"),
    [
        ("/reception C00001 0", "Volume refusé : il doit être supérieur à 0"),
        ("/reception C00001 -2", "Volume refusé : il doit être supérieur à 0"),
        ("/reception C00001 80", "plus grand que la capacité du conteneur"),
        ("/reception C00001 3,4567", "Valeur illisible"),
        ("/reception C00002 3", "cette commande n'est pas payée"),
        ("/reception C00099 3", "Commande C00099 introuvable"),
        ("/reception C00001", "Usage : /reception C00042 3,4"),
        ("/reception C00001 3 0", "Numéro illisible"),
    ],
)
def test_bad_receipts_get_one_line_and_change_nothing(world, command, answer):
    app, admin, trader, *_ = world
    paid_order(app, admin, trader)
    order(trader, pay=False)  # C00002, not paid
    [reply] = admin.say(command)
    assert answer in reply.text and not reply.choices and "\n" not in reply.text
    order_, container, receipt, balance = state(app)
    assert (order_.status, container.used_l, receipt, balance) == (OrderStatus.PAID, 6000, None, 0)


def test_a_receipt_for_a_cancelled_order_is_refused(world):
    app, admin, trader, *_ = world
    order(trader, pay=False)
    trader.press("menu:orders")
    trader.press("orders:pick_cancel")
    trader.press("orders:cancel_yes")
    [reply] = admin.say("/reception C00001 3")
    assert "annulée ou expirée" in reply.text
    assert state(app)[2] is None


def test_an_unreadable_photo_records_nothing(world):
    app, admin, trader, *_ = world
    paid_order(app, admin, trader)
    admin.send(text="/reception C00001 3", image=b"not an image")
    assert "Photo illisible" in admin.text
    assert state(app)[2] is None


def test_measured_orders_are_loaded_when_the_container_leaves(world):
    app, admin, trader, *_ = world
    paid_order(app, admin, trader)
    admin.say("/reception C00001 3")
    admin.confirm()
    admin.say("/etape TD-2026-01")
    admin.confirm()
    assert state(app)[0].status is OrderStatus.LOADED
    trader.press("menu:orders")
    assert "payée, en mer" in trader.replies[-2].text


def test_the_payment_reminder_asks_the_deposit_not_the_total(tmp_path, time_machine):
    from datetime import timedelta

    from bot.runtime import jobs

    app, _admin, trader, traders, _ = _world(tmp_path, time_machine, deposit_percent=30)
    order(trader, pay=False)
    time_machine.shift(timedelta(hours=24))
    services = app.services
    assert jobs.payment_reminders(services.uow_factory(), services.clock(), services.settings) == 1
    [reminder] = [t for t in traders.texts() if "Rappel" in t]
    assert "attend votre paiement de 8 437 500 GNF" in reminder


def test_my_orders_show_the_credit_to_be_used(world):
    app, admin, trader, *_ = world
    paid_order(app, admin, trader)
    admin.say("/reception C00001 2,5")
    admin.confirm()
    trader.press("menu:orders")
    assert "Votre crédit : 2 500 000 GNF" in plain(trader.replies[-2].text)


def test_a_trader_without_buttons_answers_in_words(world):
    app, admin, trader, *_ = world
    paid_order(app, admin, trader)
    admin.say("/reception C00001 3,4")
    admin.confirm()
    trader.say("Accepter")
    assert "Mesure acceptée pour la commande C00001" in trader.text
    trader.say("contester")  # nothing waits any more: an ordinary word
    assert "Mesure" not in trader.text
