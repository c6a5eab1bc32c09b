"""Telegram end to end: a container sails, an admin moves its arrival date, the trader is
told once, on the fake Bot API through PTB and the dispatcher."""

from __future__ import annotations

from datetime import timedelta

from bot.text import formatting as fmt
from domain.eta import default_eta
from storage.orm import outbox
from tests.channels.conftest import ADMIN_CHAT, ADMIN_USER, register
from tests.channels.test_telegram import TRADER, admin_login, after, keyboard_ids, order_with_proof


def confirm(fake) -> str:
    """Press Confirmer on the last preview in the admin chat; returns its button id."""
    preview = [c for c in fake.sent(ADMIN_CHAT) if "reply_markup" in c.params][-1]
    token = keyboard_ids(preview)[0]
    fake.press(ADMIN_CHAT, token, user_id=ADMIN_USER)
    return token


def notice_statuses(app) -> list[str]:
    with app.services.uow_factory() as uow:
        query = outbox.select().where(outbox.c.template == "eta.notify_moved")
        return [row.status for row in uow.session.execute(query)]


def plain(texts: list[str]) -> list[str]:
    return [t.replace("\u00a0", " ") for t in texts]


def test_an_arrival_date_moved_by_an_admin_reaches_the_trader_once(tg):
    fake, app, start_bot, clock = tg
    start_bot()
    register(fake, app, TRADER, "Mamadou Diallo", "620 12 34 56", clock)
    order_with_proof(fake, TRADER)
    admin_login(fake, app)
    start = len(fake.texts(ADMIN_CHAT))
    fake.text(ADMIN_CHAT, "/etape TD-2026-01", user_id=ADMIN_USER)
    after(fake, ADMIN_CHAT, start, "commerçant sera prévenu")
    confirm(fake)
    sailed = fmt.day(default_eta(clock()))
    after(fake, TRADER, 0, f"Arrivée estimée à Conakry : {sailed}")

    new = default_eta(clock()) + timedelta(days=7)
    start = len(fake.texts(ADMIN_CHAT))
    fake.text(ADMIN_CHAT, f"/eta TD-2026-01 {new:%d/%m/%Y} congestion au port", user_id=ADMIN_USER)
    after(fake, ADMIN_CHAT, start, "Motif : congestion au port")
    token = confirm(fake)
    after(fake, ADMIN_CHAT, start, "1 commerçant va être prévenu")
    fake.press(ADMIN_CHAT, token, user_id=ADMIN_USER)  # pressed twice
    after(fake, ADMIN_CHAT, start, "n'est plus valable")
    after(fake, TRADER, 0, f"Maintenant : {fmt.day(new)}")
    fake.wait_for(lambda: notice_statuses(app) == ["sent"])  # one notice queued, sent
    notices = [t for t in plain(fake.texts(TRADER)) if "Maintenant" in t]
    assert notices == [
        "📅 Conteneur TD-2026-01 : la date d'arrivée estimée à Conakry change.\n"
        f"Avant : {sailed}\nMaintenant : {fmt.day(new)}\nMotif : congestion au port"
    ]
