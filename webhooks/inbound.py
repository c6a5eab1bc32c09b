"""From a stored Twilio webhook to the engine, and the engine's replies back to WhatsApp.

The webhook only stores the message (InboundStore: one statement) and answers Twilio at
once; this worker does the slow part (media download, engine, replies), in the Procfile's
`worker` process (`python -m bot worker`), or in a thread of the web process in the
embedded default and the development server (`python -m bot`, `python -m bot web`).
Transient failures (media download, Twilio, the network) are retried with backoff; after
the last try the trader and the admins are told.
A bug is not retried: logged once with its traceback, the message failed at once, the
trader told in their language, the admins alerted once per kind per hour. Several workers
may run: claims are leased, and on PostgreSQL taken with SKIP LOCKED.

What was answered is the engine's to remember (its message gate stores the replies with the
handled mark): a retry runs the engine again and gets the same replies back, never silence,
while the flow runs once. The worker only records how many reply messages (text bodies or
buttons) it has sent, so a retry resends what is missing; a crash between a send and that
record resends one message.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from bot.delivery.failures import TRANSIENT, alert_bug, language_of
from bot.delivery.loops import run_forever
from bot.engine.events import Inbound, Reply
from bot.services.notifications import notify_admins
from bot.text.messages import t
from domain.errors import DeliveryFailed
from domain.ports.coordination import RecentContacts
from domain.ports.unit_of_work import UnitOfWork
from webhooks.inbound_store import CHANNEL, InboundStore
from webhooks.media import MediaAccess, MediaError, fetch_image
from webhooks.whatsapp_sender import WhatsAppSender

log = logging.getLogger(__name__)
LEASE = timedelta(seconds=120)  # WHATSAPP_INBOUND_LEASE_SECONDS' default
MAX_ATTEMPTS = 5
RETRIED: tuple[type[Exception], ...] = (MediaError, *TRANSIENT)  # retried, then given up


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


class InboundWorker:
    def __init__(
        self,
        *,
        uow_factory: Callable[[], UnitOfWork],
        engine: Any,
        sender: WhatsAppSender,
        recent: RecentContacts,
        media_auth: MediaAccess | tuple[str, str],
        clock: Callable[[], datetime],
        lease: timedelta = LEASE,
    ) -> None:
        self.uow_factory = uow_factory
        self.lease = lease
        self.engine = engine
        self.sender = sender
        self.recent = recent
        self.media_auth = media_auth
        self.clock = clock
        self.wake = threading.Event()
        self.stopping = threading.Event()
        self.store = InboundStore(uow_factory, clock, self.wake)  # for a web app beside it
        self.handled: tuple[int, dict, list] | None = None  # done, recorded with the next claim

    def enqueue(self, form: dict[str, str]) -> bool:
        return self.store.enqueue(form)

    def run_once(self) -> bool:
        """Handle one due message; False when there was none. The message handled by the
        pass before is marked done in this pass's claim transaction (one transaction a
        message fewer; the next pass follows at once, and `serve_forever` flushes it)."""
        with self.uow_factory() as uow:
            self._finish_handled(uow)
            claimed = uow.inbound.claim(self.clock(), self.lease, CHANNEL)
            uow.commit()
        self.handled = None
        if claimed is None:
            return False
        item_id, _channel, form, attempts = claimed
        sent: list[tuple[str, str, str]] = []  # sends not recorded yet (sid, to, status)
        try:
            with self.sender.collecting() as sent:
                form = self._handle(item_id, form, sent)
        except RETRIED as error:
            self._retry_or_fail(item_id, form, attempts, error, sent)
            return True
        except Exception as error:  # a bug: retrying cannot fix it
            log.exception("inbound %s: bug, not retried", form.get("MessageSid"))
            self._bug(item_id, form, error, sent)
            return True
        self.handled = (item_id, form, sent)
        return True

    def _finish_handled(self, uow: UnitOfWork) -> None:
        """Done, with the last piece counted and the delivery log: a crash before it resends
        the last piece once, as a crash after any send would."""
        if self.handled is not None:
            item_id, form, sent = self.handled
            self._record(uow, sent)
            uow.inbound.finish(item_id, "done", payload=form)

    def flush(self) -> None:
        """Mark done the message handled last (when the loop stops)."""
        if self.handled is not None:
            with self.uow_factory() as uow:
                self._finish_handled(uow)
                uow.commit()
            self.handled = None

    def _handle(self, item_id: int, form: dict, sent: list) -> dict:
        """The engine (on a retry, the gate replays the replies it stored the first time),
        then the reply pieces (bodies, or buttons) not sent yet, each counted before the
        next goes (the last one with the finish): a crash resends at most one."""
        address = form.get("From", "")
        self.recent.touch(address)
        image, image_error = None, None
        if int(form.get("NumMedia") or 0) > 0 and form.get("MediaUrl0"):
            image, image_error = fetch_image(form["MediaUrl0"], self.media_auth)
        replies = self.engine.handle(to_event(form, image, image_error))
        pieces = [piece for reply in replies for piece in self.sender.pieces(reply)]
        start = int(form.get("_sent", 0))
        for index in range(start, len(pieces)):
            if index > start:
                form = {**form, "_sent": index}
                self._save(item_id, form, sent)
            self.sender.deliver(address, pieces[index])
        return {**form, "_sent": max(start, len(pieces))}

    def _save(self, item_id: int, form: dict, sent: list) -> None:
        with self.uow_factory() as uow:
            self._record(uow, sent)
            uow.inbound.save_payload(item_id, form)
            uow.commit()

    def _record(self, uow: UnitOfWork, sent: list) -> None:
        """The delivery log of the sends made since the last record (for status callbacks)."""
        now = self.clock()
        for sid, to, status in sent:
            uow.deliveries.sent(sid, to, status, now)
        sent.clear()

    def _bug(self, item_id: int, form: dict, error: Exception, sent: list) -> None:
        address, now = form.get("From", ""), self.clock()
        with self.uow_factory() as uow:
            self._record(uow, sent)
            uow.inbound.finish(item_id, "failed", f"{type(error).__name__}: {error}"[:500])
            alert_bug(uow, error, f"WhatsApp {form.get('MessageSid', '')}", now)
            lang = language_of(uow, CHANNEL, address)
            uow.commit()
        try:
            self.sender.reply(address, Reply(t("bug.sorry", lang), lang=lang))
        except DeliveryFailed:
            log.warning("could not apologise to %s", address)

    def _retry_or_fail(
        self, item_id: int, form: dict, attempts: int, error: Exception, sent: list
    ) -> None:
        now = self.clock()
        with self.uow_factory() as uow:
            self._record(uow, sent)
            if attempts < MAX_ATTEMPTS:
                delay = timedelta(seconds=2**attempts)
                uow.inbound.finish(item_id, "pending", str(error)[:500], retry_at=now + delay)
            else:
                uow.inbound.finish(item_id, "failed", str(error)[:500])
            uow.commit()
        if attempts >= MAX_ATTEMPTS:
            self._give_up(form, attempts, error)

    def _give_up(self, form: dict, attempts: int, error: Exception) -> None:
        address = form.get("From", "")
        if int(form.get("NumMedia") or 0) > 0:
            with self.uow_factory() as uow:
                lang = language_of(uow, CHANNEL, address)
            try:
                self.sender.reply(address, Reply(t("wa.media_failed", lang), lang=lang))
            except DeliveryFailed:
                log.warning("could not tell %s that the photo was lost", address)
        sid = form.get("MessageSid", "")
        values = {
            "channel": CHANNEL,
            "message": sid,
            "attempts": attempts,
            "error": str(error)[:200],
        }
        with self.uow_factory() as uow:
            notify_admins(
                uow, f"inbound-failed:{sid}", "admin.inbound_failed", values, self.clock()
            )
            uow.commit()

    def serve_forever(self, idle_s: float = 1.0) -> None:
        """Survives an outage of the database (bot.delivery.loops): WhatsApp is served again as soon
        as it is back, with no restart."""
        run_forever(
            "whatsapp worker", log, self.run_once, self.stopping.is_set, self._sleep, idle_s
        )
        self.flush()

    def _sleep(self, seconds: float) -> None:
        self.wake.wait(seconds)
        self.wake.clear()

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self.serve_forever, name="inbound-worker", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self.stopping.set()
        self.wake.set()
