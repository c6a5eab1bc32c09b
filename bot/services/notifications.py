"""Queue notifications in the caller's transaction (the outbox); the dispatcher sends them.

A value may be a marker the dispatcher renders in the recipient's language:
{"t": key} a catalogue entry, {"gnf": n} an amount, {"when": iso} a date.
"""

from __future__ import annotations

from datetime import datetime

from domain.ports import UnitOfWork

ADMIN = "admin"


def notify_trader(
    uow: UnitOfWork, trader_id: int, key: str, template: str, values: dict, now: datetime
) -> int:
    """On every chat the trader uses; returns how many were queued (0 if already queued)."""
    trader = uow.traders.get(trader_id)
    if trader is None:
        return 0
    queued = 0
    for identity in uow.traders.identities(trader_id):
        queued += uow.outbox.add(
            f"{key}:{identity.channel}:{identity.user_ref}",
            identity.channel,
            identity.user_ref,
            trader.language.value,
            template,
            values,
            now,
        )
    return queued


def notify_many(
    uow: UnitOfWork, trader_ids: set[int], key: str, template: str, values: dict, now: datetime
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


def notify_admins(uow: UnitOfWork, key: str, template: str, values: dict, now: datetime) -> bool:
    return uow.outbox.add(key, ADMIN, "", "fr", template, values, now)


def traders_of(uow: UnitOfWork, container_id: int) -> set[int]:
    """Traders with goods in a container: orders reserved, waiting for checks, or paid."""
    return {o.trader_id for o in uow.orders.for_container(container_id) if o.holds_volume}
