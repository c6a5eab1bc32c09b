"""The dispatcher: delivers the outbox through each recipient's channel.

Claimed messages are leased, sent, then marked sent; a crash between "sent" and "recorded"
makes at most one duplicate when the lease runs out, never a loss. Transient failures are
retried with backoff; after the last try the message is marked failed and the admin chat is
told. Rate limits are kept, not hit: an overall rate per channel and, on Telegram, one
message per second per chat; a RetryAfter-style wait from a sender is honoured by the sender.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from bot import formatting as fmt
from bot.admin.cards import proof_card
from bot.engine.events import Reply
from bot.messages import t
from bot.notify import Channels
from bot.services.notifications import ADMIN, notify_admins
from domain.ports import UnitOfWork

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=2)
MAX_ATTEMPTS = 6
BATCH = 200


def _value(value: Any, lang: str) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        ((kind, raw),) = value.items()
        render = {
            "t": lambda: t(raw, lang),
            "gnf": lambda: fmt.gnf(raw, lang),
            "cbm": lambda: fmt.cbm(raw, lang),
            "when": lambda: fmt.when(datetime.fromisoformat(raw), lang),
        }.get(kind)
        return render() if render else value
    return value


def render(message: dict, uow_factory: Callable[[], UnitOfWork]) -> Reply | None:
    """The reply for an outbox row, in the recipient's language, built at sending time."""
    lang, payload = message["lang"], message["payload"]
    if message["template"] == "proof_card":
        return proof_card(uow_factory(), int(payload["proof_id"]), lang)
    values = {key: _value(value, lang) for key, value in payload.items()}
    return Reply(t(message["template"], lang, **values))


class RateLimiter:
    """At most `per_second` sends overall, and one per `per_chat_s` seconds to a chat."""

    def __init__(self, per_second: float, per_chat_s: float = 0.0, clock=time.monotonic):
        self.interval = 1.0 / per_second
        self.per_chat_s = per_chat_s
        self.clock = clock
        self.next_free = 0.0
        self.chat_free: dict[str, float] = {}

    def wait(self, chat: str) -> None:
        now = self.clock()
        start = max(now, self.next_free, self.chat_free.get(chat, 0.0))
        if start > now:
            time.sleep(start - now)
        self.next_free = start + self.interval
        if self.per_chat_s:
            self.chat_free[chat] = start + self.per_chat_s


class Dispatcher:
    def __init__(
        self,
        uow_factory: Callable[[], UnitOfWork],
        channels: Channels,
        clock: Callable[[], datetime],
        limits: dict[str, RateLimiter] | None = None,
    ) -> None:
        self.uow_factory = uow_factory
        self.channels = channels
        self.clock = clock
        self.limits = limits or {}
        self.stopping = threading.Event()

    def run_once(self, limit: int = BATCH) -> int:
        """Send what is due now on the channels this process can reach; returns how many."""
        served = self.channels.names
        if not served:
            return 0
        with self.uow_factory() as uow:
            messages = uow.outbox.claim(self.clock(), served, LEASE, limit)
            uow.commit()
        for message in messages:
            if self.stopping.is_set():
                break  # the rest stays leased and falls due again: not lost
            self._deliver(message)
        return len(messages)

    def _deliver(self, message: dict) -> None:
        route = self.channels.route(message["channel"], message["recipient"])
        try:
            reply = render(message, self.uow_factory)
            if route is None or reply is None:
                raise LookupError(f"no way to deliver on {message['channel']}")
            sender, recipient = route
            limiter = self.limits.get(message["channel"])
            if limiter is not None:
                limiter.wait(recipient)
            sender.send(recipient, reply)
        except Exception as error:
            log.warning("outbox %s: %s", message["key"], error)
            self._failed(message, error)
            return
        with self.uow_factory() as uow:
            uow.outbox.finish(message["id"], "sent", self.clock())
            uow.commit()

    def _failed(self, message: dict, error: Exception) -> None:
        now, attempts = self.clock(), message["attempts"]
        with self.uow_factory() as uow:
            if attempts < MAX_ATTEMPTS:
                retry_at = now + timedelta(seconds=5 * 2**attempts)
                uow.outbox.finish(message["id"], "pending", now, str(error)[:500], retry_at)
            else:
                uow.outbox.finish(message["id"], "failed", now, str(error)[:500])
                if message["channel"] != ADMIN:
                    values = {"item": message["key"], "error": str(error)[:200]}
                    notify_admins(
                        uow, f"failed:{message['key']}", "admin.outbox_failed", values, now
                    )
            uow.commit()

    def serve_forever(self, idle_s: float = 1.0) -> None:
        while not self.stopping.is_set():
            try:
                sent = self.run_once()
            except Exception:
                log.exception("dispatcher pass failed")
                sent = 0
            if not sent:
                self.stopping.wait(idle_s)

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, name="dispatcher", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self.stopping.set()
