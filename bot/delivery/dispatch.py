"""The dispatcher: delivers the outbox through each recipient's channel.

Claimed messages are leased to a token of this claim, sent, then marked sent; only the
lease holder may mark a row (`finish` is conditional on the token). A batch keeps its
lease while it runs: before each send, once half the lease has gone, the remaining rows of
the batch are renewed, and a row whose lease was lost (another dispatcher took it over) is
not sent. Renewal rather than batches sized to the lease, because the time a batch takes
is not ours to know (rate limits, a 429's wait, a slow provider): with renewal a row can
only be taken over while one single send lasts longer than half the lease (a minute).

So a crash (or a stall longer than the lease) between "sent" and "recorded" makes at most
one duplicate per dispatcher, never a loss. Transient failures (bot.delivery.failures.TRANSIENT)
are retried with backoff; after the last try the message is marked failed and the admin
chat is told. A bug is not retried: logged once with its traceback, the message failed at
once, the recipient told in their language, the admins alerted once per kind per hour.
Rate limits are kept, not hit: an overall rate per channel and, on Telegram, one message
per second per chat; Telegram's are shared by every process in Redis (bot.delivery.budget);
a RetryAfter-style wait from a sender is honoured by the sender.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Protocol

from bot.cards import ticket as ticket_cards
from bot.cards.credit import credit_card
from bot.cards.proof import proof_card
from bot.cards.warehouse import receipt_card
from bot.delivery.failures import TRANSIENT, alert_bug
from bot.delivery.loops import run_forever
from bot.delivery.notify import Channels
from bot.engine.events import Reply
from bot.services.notifications import ADMIN, notify_admins
from bot.services.receipts import TEMPLATE as RECEIPT
from bot.services.receipts import receipt_view
from bot.services.support import remember_sent
from bot.text.messages import t
from bot.text.payload import from_payload
from domain.errors import DeliveryFailed
from domain.links import photo_path
from domain.ports.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=2)  # OUTBOX_LEASE_SECONDS' default
MAX_ATTEMPTS = 6
BATCH = 200
SORRY = "bug.notification_sorry"


def render(
    message: dict,
    uow_factory: Callable[[], UnitOfWork],
    public_base_url: str | None = None,
    photo_link: Callable[[str, int], str] | None = None,
) -> Reply | None:
    """The reply for an outbox row, in the recipient's language, built at sending time: the
    one place a notification is rendered."""
    reply = _build(message, uow_factory, public_base_url, photo_link)
    return None if reply is None else replace(reply, lang=message["lang"])


def _build(
    message: dict,
    uow_factory: Callable[[], UnitOfWork],
    public_base_url: str | None,
    photo_link: Callable[[str, int], str] | None,
) -> Reply | None:
    lang, payload = message["lang"], message["payload"]
    if message["template"] == "proof_card":
        return proof_card(uow_factory(), int(payload["proof_id"]), lang)
    if message["template"] == RECEIPT:
        from bot.cards.receipt_pdf import receipt_reply  # reportlab, loaded when a receipt goes

        view = receipt_view(uow_factory(), int(payload["receipt_id"]))
        return None if view is None else receipt_reply(view, lang, public_base_url)
    if message["template"] in ticket_cards.TEMPLATES:
        return ticket_cards.render(uow_factory(), message["template"], payload, lang)
    if message["template"] == "receipt_card":
        return receipt_card(uow_factory, payload, lang, photo_link)
    if message["template"] == "credit_card":
        return credit_card(payload, lang)
    return Reply(t(message["template"], lang, **from_payload(payload)))


def _sorry(message: dict) -> dict:
    """The apology for a notification a bug kept from its recipient, in their language."""
    return {
        "key": f"sorry:{message['key']}"[:200],
        "channel": message["channel"],
        "recipient": message["recipient"],
        "lang": message["lang"],
        "template": SORRY,
        "payload": {},
    }


class Limiter(Protocol):
    def wait(self, chat: str) -> None:
        """Return once a message to `chat` may go (bot.delivery.budget: shared by processes)."""
        ...


class RateLimiter:
    """At most `per_second` sends overall, and one per `per_chat_s` seconds to a chat, on a
    monotonic `clock` in seconds; `sleep` waits (both injected by tests)."""

    def __init__(
        self,
        per_second: float,
        per_chat_s: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = 1.0 / per_second
        self.per_chat_s = per_chat_s
        self.clock = clock
        self.sleep = sleep
        self.next_free = 0.0
        self.chat_free: dict[str, float] = {}

    def wait(self, chat: str) -> None:
        now = self.clock()
        start = max(now, self.next_free, self.chat_free.get(chat, 0.0))
        if start > now:
            self.sleep(start - now)
        self.next_free = start + self.interval
        if self.per_chat_s:
            self.chat_free[chat] = start + self.per_chat_s


@dataclass
class Lease:
    """The rows of one claim still to send, held by `owner`, renewed at half the lease."""

    owner: str
    ids: list[int]
    renewed_at: datetime
    length: timedelta = LEASE

    def holds(self, item_id: int, uow_factory: Callable[[], UnitOfWork], now: datetime) -> bool:
        if now - self.renewed_at >= self.length / 2:
            with uow_factory() as uow:
                held = uow.outbox.renew(self.ids, self.owner, now + self.length)
                uow.commit()
            lost = [i for i in self.ids if i not in held]
            if lost:
                log.warning("outbox lease lost for %s: left to their new holder", lost)
            self.ids, self.renewed_at = [i for i in self.ids if i in held], now
        return item_id in self.ids

    def done(self, item_id: int) -> None:
        self.ids = [i for i in self.ids if i != item_id]


class Dispatcher:
    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        channels: Channels,
        clock: Callable[[], datetime],
        limits: Mapping[str, Limiter] | None = None,
        public_base_url: str | None = None,
        link_key: bytes | None = None,
        lease: timedelta = LEASE,
    ) -> None:
        self.uow_factory = uow_factory
        self.lease = lease
        self.public_base_url = public_base_url  # the receipts' QR codes point there
        self.link_key = link_key  # signs the photo links WhatsApp fetches (domain.links)
        self.channels = channels
        self.clock = clock
        self.limits = limits or {}
        self.stopping = threading.Event()

    def _photo_link(self, kind: str, item_id: int) -> str:
        return photo_path(self.link_key, kind, item_id, self.clock()) if self.link_key else ""

    def run_once(self, limit: int = BATCH) -> int:
        """Send what is due now on the channels this process can reach; returns how many
        were claimed."""
        served = self.channels.names
        if not served:
            return 0
        owner, now = uuid.uuid4().hex, self.clock()
        with self.uow_factory() as uow:
            messages = uow.outbox.claim(now, served, self.lease, limit, owner)
            uow.commit()
        lease = Lease(owner, [m["id"] for m in messages], now, self.lease)
        for message in messages:
            if self.stopping.is_set():
                break  # the rest stays leased and falls due again: not lost
            if lease.holds(message["id"], self.uow_factory, self.clock()):
                self._deliver(message, owner)
            lease.done(message["id"])
        return len(messages)

    def _deliver(self, message: dict, owner: str) -> None:
        try:
            recipient, sent_ref = self._send(message)
        except TRANSIENT as error:
            log.warning("outbox %s: %s", message["key"], error)
            self._failed(message, owner, error)
            return
        except Exception as error:  # a bug: retrying cannot fix it
            log.error("outbox %s: bug, not retried", message["key"], exc_info=error)
            self._bug(message, owner, error)
            return
        with self.uow_factory() as uow:
            if not uow.outbox.finish(message["id"], owner, "sent", self.clock()):
                log.warning("outbox %s sent after its lease was lost", message["key"])
            if sent_ref is not None and message["channel"] == ADMIN:  # a ticket's card
                remember_sent(uow, message["template"], message["payload"], recipient, sent_ref)
            uow.commit()

    def _send(self, message: dict) -> tuple[str, str | None]:
        """Returns the chat and the id of the message sent there (when the sender gives one)."""
        route = self.channels.route(message["channel"], message["recipient"])
        reply = render(message, self.uow_factory, self.public_base_url, self._photo_link)
        if route is None or reply is None:
            raise DeliveryFailed(f"no way to deliver on {message['channel']}")
        sender, recipient = route
        limiter = self.limits.get(message["channel"])
        if limiter is not None:
            limiter.wait(recipient)
        return recipient, sender.send(recipient, reply)

    def _failed(self, message: dict, owner: str, error: Exception) -> None:
        now, attempts, item = self.clock(), message["attempts"], message["id"]
        with self.uow_factory() as uow:
            if attempts < MAX_ATTEMPTS:
                retry_at = now + timedelta(seconds=5 * 2**attempts)
                uow.outbox.finish(item, owner, "pending", now, str(error)[:500], retry_at)
            elif uow.outbox.finish(item, owner, "failed", now, str(error)[:500]):
                self._report_failed(uow, message, error, now)
            uow.commit()

    def _report_failed(
        self, uow: UnitOfWork, message: dict, error: Exception, now: datetime
    ) -> None:
        if message["channel"] != ADMIN:
            values = {"item": message["key"], "error": str(error)[:200]}
            notify_admins(uow, f"failed:{message['key']}", "admin.outbox_failed", values, now)

    def _bug(self, message: dict, owner: str, error: Exception) -> None:
        now, error_text = self.clock(), f"{type(error).__name__}: {error}"[:500]
        with self.uow_factory() as uow:
            if uow.outbox.finish(message["id"], owner, "failed", now, error_text):
                alert_bug(uow, error, f"outbox {message['key']}", now)
                if message["channel"] != ADMIN and message["template"] != SORRY:
                    uow.outbox.add_many([_sorry(message)], now)
            uow.commit()

    def serve_forever(self, idle_s: float = 1.0) -> None:
        run_forever(
            "dispatcher",
            log,
            lambda: self.run_once() > 0,
            self.stopping.is_set,
            self.stopping.wait,
            idle_s,
        )

    def start(self, idle_s: float = 1.0) -> threading.Thread:
        thread = threading.Thread(
            target=self.serve_forever, args=(idle_s,), name="dispatcher", daemon=True
        )
        thread.start()
        return thread

    def stop(self) -> None:
        self.stopping.set()
