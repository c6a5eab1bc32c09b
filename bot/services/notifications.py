"""Queue notifications in the caller's transaction (the outbox); the dispatcher sends them.

A notification is a catalogue key, its values and the recipient's language. Values are typed
(bot.text.values: Money, Volume, Moment, Day, Text...) and stored as JSON
(bot.text.payload); the dispatcher renders them in the recipient's language when it sends.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from bot.text.payload import to_payload
from domain.ports.unit_of_work import UnitOfWork

ADMIN = "admin"


def chat_row(
    key: str, channel: str, user_ref: str, lang: str, template: str, values: Mapping[str, object]
) -> dict[str, object]:
    """One outbox row: a message for one chat, rendered in `lang` when it is sent."""
    return {
        "key": key,
        "channel": channel,
        "recipient": user_ref,
        "lang": lang,
        "template": template,
        "payload": to_payload(values),
    }


def notify_many(
    uow: UnitOfWork,
    trader_ids: set[int],
    key: str,
    template: str,
    values: Mapping[str, object],
    now: datetime,
) -> int:
    """The same message to many traders in one statement; keys are `{key}:{trader}:{chat}`.
    Returns how many messages were newly queued."""
    rows = [
        chat_row(
            f"{key}:{trader_id}:{channel}:{user_ref}", channel, user_ref, lang, template, values
        )
        for trader_id, channel, user_ref, lang in uow.traders.chats_of(trader_ids)
    ]
    return uow.outbox.add_many(rows, now)


def notify_trader(
    uow: UnitOfWork,
    trader_id: int,
    key: str,
    template: str,
    values: Mapping[str, object],
    now: datetime,
) -> int:
    """On every chat the trader uses, in their language; 0 when already queued."""
    return notify_many(uow, {trader_id}, key, template, values, now)


def notify_chat(
    uow: UnitOfWork,
    channel: str,
    user_ref: str,
    lang: str,
    key: str,
    template: str,
    now: datetime,
    values: Mapping[str, object] | None = None,
) -> int:
    """To one chat, registered or not (someone who wrote to the bot); 0 when already queued."""
    row = chat_row(key, channel, user_ref, lang, template, values or {})
    return uow.outbox.add_many([row], now)


def notify_admins(
    uow: UnitOfWork, key: str, template: str, values: Mapping[str, object], now: datetime
) -> bool:
    row = chat_row(key, ADMIN, "", "fr", template, values)
    return uow.outbox.add_many([row], now) > 0


def traders_of(uow: UnitOfWork, container_id: int) -> set[int]:
    """Traders with goods in a container: orders reserved, waiting for checks, or paid."""
    return {o.trader_id for o in uow.orders.for_container(container_id) if o.holds_volume}
