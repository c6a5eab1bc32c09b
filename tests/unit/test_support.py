"""The rules of a support ticket: its number, what may be added to it, when it is late."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from domain.errors import InvalidInput
from domain.support import (
    Ticket,
    TicketClosed,
    check_text,
    format_ticket,
    oldest_waiting_first,
    parse_ticket,
)

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(("text", "number"), [("T12", 12), ("t12", 12), ("#12", 12), ("12", 12)])
def test_ticket_numbers_are_read_as_typed(text, number):
    assert parse_ticket(text) == number and format_ticket(number) == "T12"


@pytest.mark.parametrize(
    "forged", ["", "T", "T0", "T-1", "TXYZ", "T1.5", "T１", "T99999999999", "T 1 2", "C12"]
)
def test_forged_ticket_numbers_are_refused(forged):
    with pytest.raises(InvalidInput) as refused:
        parse_ticket(forged)
    assert refused.value.reason == "unreadable_ticket"


def test_an_answer_is_neither_empty_nor_huge():
    assert check_text("  Bonjour  ") == "Bonjour"
    for bad, reason in (("   ", "empty_text"), ("x" * 1001, "text_too_long")):
        with pytest.raises(InvalidInput) as refused:
            check_text(bad)
        assert refused.value.reason == reason
    assert check_text("x" * 1000) == "x" * 1000


def test_a_ticket_waits_from_the_first_unanswered_message():
    ticket = Ticket(1, "Mon colis", NOW, waiting_since=NOW, id=3)
    ticket.trader_wrote(NOW + timedelta(hours=1))
    assert ticket.waiting_since == NOW  # the oldest unanswered message counts
    assert not ticket.is_late(NOW + timedelta(hours=2))
    assert ticket.is_late(NOW + timedelta(hours=2, seconds=1))
    ticket.answered(NOW + timedelta(hours=3))
    assert ticket.waiting_since is None and not ticket.is_late(NOW + timedelta(days=1))
    ticket.trader_wrote(NOW + timedelta(hours=4))
    assert ticket.waiting_since == NOW + timedelta(hours=4)


def test_nothing_is_added_to_a_closed_ticket():
    ticket = Ticket(1, "Mon colis", NOW, waiting_since=NOW, id=3)
    ticket.close("Admin Awa", NOW)
    assert not ticket.is_open and not ticket.is_late(NOW + timedelta(days=1))
    for change in (
        lambda: ticket.trader_wrote(NOW),
        lambda: ticket.answered(NOW),
        lambda: ticket.close("Admin Bah", NOW),
    ):
        with pytest.raises(TicketClosed):
            change()
    assert ticket.closed_by == "Admin Awa"


def test_the_longest_wait_comes_first_and_answered_tickets_not_at_all():
    late = Ticket(1, "a", NOW, waiting_since=NOW - timedelta(hours=5), id=1)
    answered = Ticket(2, "b", NOW, id=2)
    recent = Ticket(3, "c", NOW, waiting_since=NOW - timedelta(hours=1), id=3)
    waiting = oldest_waiting_first([recent, answered, late])
    assert waiting == [(late.waiting_since, late), (recent.waiting_since, recent)]
