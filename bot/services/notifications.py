"""Queue notifications in the caller's transaction (the outbox); the dispatcher sends them.

A value may be a marker the dispatcher renders in the recipient's language:
{"t": key} a catalogue entry, {"gnf": n} an amount, {"when": iso} a date and time,
{"day": iso} a calendar day (an arrival date).
"""

from __future__ import annotations

from datetime import datetime

from domain.ports import JsonDict, UnitOfWork

ADMIN = "admin"


def notify_many(
    uow: UnitOfWork, trader_ids: set[int], key: str, template: str, values: JsonDict, now: datetime
) -> int:
    """The same message to many traders in one statement; keys are `{key}:{trader}:{chat}`.
    Returns how many messages were newly queued."""
    rows = [
        {
            "key": f"{key}:{trader_id}:{channel}:{user_ref}",
            "channel": channel,
            "recipient": user_ref,
            "lang": lang,
            "template": template,
            "payload": values,
        }
        for trader_id, channel, user_ref, lang in uow.traders.chats_of(trader_ids)
    ]
    return uow.outbox.add_many(rows, now)


def notify_trader(
    uow: UnitOfWork, trader_id: int, key: str, template: str, values: JsonDict, now: datetime
) -> int:
    """On every chat the trader uses, in their language; 0 when already queued."""
    return notify_many(uow, {trader_id}, key, template, values, now)


def notify_admins(
    uow: UnitOfWork, key: str, template: str, values: JsonDict, now: datetime
) -> bool:
    row = {
        "key": key,
        "channel": ADMIN,
        "recipient": "",
        "lang": "fr",
        "template": template,
        "payload": values,
    }
    return uow.outbox.add_many([row], now) > 0


def traders_of(uow: UnitOfWork, container_id: int) -> set[int]:
    """Traders with goods in a container: orders reserved, waiting for checks, or paid."""
    return {o.trader_id for o in uow.orders.for_container(container_id) if o.holds_volume}
