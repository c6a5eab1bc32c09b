"""A WhatsApp message in the worker's hands: the claim that leases it to one owner, and the
engine's event read from its stored form."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.engine.events import Inbound
from domain.ports.messaging import JsonDict
from webhooks.inbound_store import CHANNEL

Sent = list[tuple[str, str, str]]  # sends not recorded yet (sid, to, status)


class LeaseLost(Exception):
    """Another worker holds the message now: this one sends nothing more."""


@dataclass
class Claim:
    """A message in hand: its lease's owner, when the lease was last renewed, the sends made
    for it that are not recorded yet."""

    item_id: int
    owner: str
    form: JsonDict
    attempts: int  # claims so far, this one included
    renewed_at: datetime
    sent: Sent = field(default_factory=list)


def to_event(form: dict[str, str], image: bytes | None, image_error: str | None) -> Inbound:
    """A pressed quick reply (ButtonPayload) or a picked list item (ListId) carries the id
    of the choice we offered: the engine checks it was offered (else: stale). Without an
    id, the title (ButtonText, ListTitle) is read like a typed label."""
    sender = form.get("From", "")
    phone = sender.removeprefix("whatsapp:")
    title = form.get("ButtonText") or form.get("ListTitle") or ""
    return Inbound(
        CHANNEL,
        sender,
        form.get("MessageSid", ""),
        text=form.get("Body") or title,
        choice=form.get("ButtonPayload") or form.get("ListId") or None,
        image=image,
        image_error=image_error,
        sender_phone=phone if phone.startswith("+") else None,
    )
