import threading
from datetime import UTC

import pytest

from domain.orders import OrderStatus


def orders_in_db(app):
    with app.services.uow_factory() as uow:
        return [o for c in uow.containers.list_all() for o in uow.orders.for_container(c.id)]


def used(app):
    with app.services.uow_factory() as uow:
        return [(c.code, c.used_l, c.stage.value) for c in uow.containers.list_all()]


def quote(chat, category="cat:textile", volume="3", price="10 000"):
    chat.press("menu:quote")
    chat.press(category)
    chat.say(volume)
    chat.say(price)


def test_quote_shows_lines_rate_inclusions_and_fill(trader):
    quote(trader)
    text = trader.text
    assert "TEXTILE, 3,0 CBM" in text
    assert "10 000 ¥ × 1 250 GNF = 12 500 000 GNF" in text
    assert "(5,0 %) : 625 000 GNF" in text
    assert "Logistique (3,0 CBM) : 15 000 000 GNF" in text
    assert "Total à payer : 28 125 000 GNF" in text
    assert "transport Chine → Conakry, dédouanement, livraison à Conakry" in text
    with trader.app.services.uow_factory() as uow:
        current = uow.pricing.current_rate()
    assert current is not None
    _rate, set_at = current
    # The rate in force and when it was set, in Conakry's time (UTC all year).
    assert f"Taux du {set_at.astimezone(UTC):%d/%m/%Y %H:%M} : 1 ¥ = 1 250 GNF\n" in text
    assert "TD-2026-01 : ░░░░░░░░░░ 0 %" in text and "reste 76,0 CBM" in text
    assert trader.choice_ids == ["quote:order", "quote:edit", "flow:cancel"]
    assert orders_in_db(trader.app) == []


def test_order_reserves_and_gives_payment_instructions(trader):
    quote(trader)
    trader.say("1")  # Commander, by its number
    text = trader.text
    assert "Commande C00001 enregistrée : 3,0 CBM réservés dans le conteneur TD-2026-01" in text
    assert "exactement 28 125 000 GNF" in text and "+224 620 00 00 00" in text
    assert "référence « C00001 »" in text
    [order] = orders_in_db(trader.app)
    assert (order.status, order.volume_l, order.total_gnf) == (
        OrderStatus.RESERVED,
        3000,
        28_125_000,
    )
    assert used(trader.app) == [("TD-2026-01", 3000, "collecte")]
    assert trader.state == "idle"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("deux", "pas compris ce volume"),
        ("0", "plus grand que zéro"),
        ("-3", "plus grand que zéro"),
        ("1000", "au plus 76,0 CBM"),
        ("2,12345", "3 décimales"),
        ("0,001", "minimum"),
        ("🙂", "pas compris ce volume"),
        ("9" * 39, "au plus 76,0 CBM"),
    ],
)
def test_bad_volumes_are_explained_and_asked_again(trader, text, expected):
    trader.press("menu:quote")
    trader.press("cat:textile")
    trader.say(text)
    assert expected in trader.text
    assert trader.state == "quote_volume"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("beaucoup", "pas compris ce prix"),
        ("0", "plus grand que zéro"),
        ("-100", "plus grand que zéro"),
        ("999999999", "dépasse le maximum"),
        ("10,5555", "2 décimales"),
    ],
)
def test_bad_prices_are_explained_and_asked_again(trader, text, expected):
    trader.press("menu:quote")
    trader.press("cat:divers")
    trader.say("2")
    trader.say(text)
    assert expected in trader.text
    assert trader.state == "quote_price"


@pytest.mark.parametrize(("volume", "price"), [("2,5 m3", "15k"), ("2.5cbm", "15.000 ¥")])
def test_inputs_as_traders_write_them(trader, volume, price):
    quote(trader, "cat:electronique", volume, price)
    assert "ÉLECTRONIQUE, 2,5 CBM" in trader.text and "15 000 ¥" in trader.text


def test_category_by_label_or_number_and_garbage(trader):
    trader.press("menu:quote")
    trader.say("n'importe quoi")
    assert "pas compris" in trader.text and trader.state == "quote_category"
    trader.say("textile")
    assert trader.state == "quote_volume"
    trader.press("menu:quote")
    trader.say("3")
    assert trader.state == "quote_volume"


@pytest.mark.parametrize("steps", [1, 2, 3, 4])
def test_cancel_at_every_quote_step(trader, steps):
    trader.press("menu:quote")
    script = [lambda: trader.press("cat:textile"), lambda: trader.say("3"),
              lambda: trader.say("10000")]  # fmt: skip
    for action in script[: steps - 1]:
        action()
    trader.say("annuler")
    assert "C'est annulé" in trader.text and trader.state == "idle"
    assert orders_in_db(trader.app) == []


def test_edit_restarts_the_quote(trader):
    quote(trader)
    trader.press("quote:edit")
    assert trader.state == "quote_category"


def test_restart_in_the_middle_resumes(trader):
    trader.press("menu:quote")
    trader.press("cat:textile")
    trader.say("3")
    restarted = trader.app.restart()
    chat = restarted.chat("u1")
    chat.say("10 000")
    assert "Total à payer : 28 125 000 GNF" in chat.text
    chat.press("quote:order")
    assert "C00001" in chat.text


def test_duplicate_message_id_is_handled_once_and_answered_again(trader):
    quote(trader)
    first = trader.send(choice="quote:order", message_id="tg-777")
    again = trader.send(choice="quote:order", message_id="tg-777")
    assert first and again == first  # the same answer, replayed, not silence
    assert "C00001" in again[0].text
    assert len(orders_in_db(trader.app)) == 1


def test_double_tap_on_order_makes_one_order(trader):
    quote(trader)
    trader.press("quote:order")
    trader.press("quote:order")  # the old button again: the quote was used
    assert "plus valable" in trader.text
    assert len(orders_in_db(trader.app)) == 1


def test_concurrent_confirmations_make_one_order(trader):
    quote(trader)
    results = []

    def tap(n: int) -> None:
        results.append(trader.send(choice="quote:order", message_id=f"tap-{n}"))

    threads = [threading.Thread(target=tap, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(orders_in_db(trader.app)) == 1
    assert used(trader.app) == [("TD-2026-01", 3000, "collecte")]
    assert sum("C00001 enregistrée" in r.text for replies in results for r in replies) == 1


def test_rate_change_between_quote_and_order_shows_new_quote(trader):
    from decimal import Decimal

    from bot.services.pricing import set_rate

    quote(trader)
    set_rate(trader.app.services.uow_factory(), Decimal(1300), "admin", trader.app.services.clock())
    replies = trader.press("quote:order")
    assert "tarifs ont changé" in replies[0].text
    assert "13 000 000 GNF" in trader.text.replace("\u00a0", " ")
    assert orders_in_db(trader.app) == []
    trader.press("quote:order")
    assert "C00001" in trader.text


def test_full_container_offers_the_next(small_app):
    a = small_app.chat("a")
    a.register(phone="620 11 11 11")
    quote(a, volume="8")
    a.press("quote:order")
    b = small_app.chat("b")
    b.register(phone="620 22 22 22")
    quote(b, volume="5")
    b.press("quote:order")
    assert "Il ne reste que 2,0 CBM dans le conteneur TD-2026-01" in b.text
    assert "conteneur suivant (TD-2026-02)" in b.text
    b.press("order:next")
    assert "réservés dans le conteneur TD-2026-02" in b.text
    assert used(small_app) == [("TD-2026-01", 8000, "collecte"), ("TD-2026-02", 5000, "collecte")]


def test_full_container_change_volume(small_app):
    a = small_app.chat("a")
    a.register()
    quote(a, volume="8")
    a.press("quote:order")
    quote(a, volume="5")
    a.press("quote:order")
    a.press("order:volume")
    a.say("2")
    a.say("10000")
    a.press("quote:order")
    assert "réservés dans le conteneur TD-2026-01" in a.text
    assert used(small_app)[0] == ("TD-2026-01", 10000, "mer")
