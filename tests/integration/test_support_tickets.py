"""Support tickets on both databases, and two admins acting on one ticket at once on real
PostgreSQL (SQLite serialises writers: a race there proves nothing)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from threading import Barrier

import pytest

from bot.services import support
from domain.errors import NotFound
from domain.support import TicketClosed
from storage import orm
from tests.conftest import NOW
from tests.integration.helpers import PNG, trader


def _outbox_keys(uow, prefix: str) -> list[str]:
    with uow:
        rows = uow.session.execute(orm.outbox.select()).all()
    return [r.key for r in rows if r.key.startswith(prefix)]


def test_a_ticket_keeps_its_messages_and_the_admin_chat_ids(uow):
    mamadou = trader(uow, NOW)
    ticket = support.open_ticket(uow, mamadou.id, "Mon colis", NOW, PNG, ("console", "x"))
    again = support.open_ticket(uow, mamadou.id, "Et aussi", NOW + timedelta(minutes=1))
    assert again.id == ticket.id  # one open ticket per trader
    support.add_trader_message(uow, mamadou.id, ticket.id, "Alors ?", None, NOW)
    with uow:
        messages = uow.support.messages(ticket.id)
        assert [(m.text, m.image) for m in messages] == [
            ("Mon colis", PNG), ("Et aussi", None), ("Alors ?", None)
        ]  # fmt: skip
        support.remember_sent(uow, support.CARD, {"ticket_id": ticket.id}, "-100", "77")
        support.remember_sent(uow, support.RELAY, {"message_id": messages[1].id}, "-100", "78")
        support.remember_sent(uow, support.CARD, {"ticket_id": ticket.id}, "-100", "77")
        uow.commit()
    assert support.ticket_of_ref(uow, "-100", "78") == ticket.id
    assert support.ticket_of_ref(uow, "-100", "79") is None
    assert support.ticket_of_ref(uow, "-200", "77") is None  # another chat's message 77
    with uow:
        assert uow.support.get(ticket.id).card_ref == "77"
    other = trader(uow, NOW, phone="+224620999999")
    with pytest.raises(NotFound):
        support.add_trader_message(uow, other.id, ticket.id, "intrus", None, NOW)


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_admins_acting_at_once_close_a_ticket_once(uow_factory_pg):
    """Eight admins answer or close each ticket at the same moment: it is closed once, the
    trader told once, and every answer that was accepted is recorded."""
    uow_factory = uow_factory_pg
    for round_ in range(15):
        mamadou = trader(uow_factory(), NOW, phone=f"+2246201234{round_:02d}")
        ticket = support.open_ticket(uow_factory(), mamadou.id, "Mon colis", NOW)
        barrier = Barrier(8)

        def act(n: int, ticket_id: int = ticket.id, barrier: Barrier = barrier) -> str:
            barrier.wait()
            try:
                if n % 2:
                    support.close_ticket(uow_factory(), ticket_id, f"admin {n}", NOW)
                    return "closed"
                support.answer_ticket(uow_factory(), ticket_id, f"admin {n}", "A", "ok", NOW)
                return "answered"
            except TicketClosed:
                return "refused"

        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(act, range(8)))
        assert results.count("closed") == 1, results
        with uow_factory() as uow:
            closed = uow.support.get(ticket.id)
            answers = [m for m in uow.support.messages(ticket.id) if m.author == "admin"]
        assert not closed.is_open and len(answers) == results.count("answered")
    assert len(_outbox_keys(uow_factory(), "support-closed:")) == 15


@pytest.fixture
def uow_factory_pg(session_factory):
    from storage.uow import SqlUnitOfWork

    return lambda: SqlUnitOfWork(session_factory)
