"""From a stored Twilio webhook to the engine, and the engine's replies back to WhatsApp.

The webhook only stores the message (InboundStore: one statement) and answers Twilio at
once; this worker does the slow part (media download, engine, replies), in the Procfile's
`worker` process (`python -m bot worker`), or in a thread of the web process in the
embedded default and the development server (`python -m bot`, `python -m bot web`).

Several workers may run. A claim leases one message to one owner (a token per claim,
storage/inbound_queue.py), renewed once half of it is spent (after a slow download, before
each send); only its holder saves progress or records the outcome: a worker whose lease ran
out stops, sends nothing more and changes nothing (logged). A message is claimable only when
no earlier message of its sender is unfinished: one trader's messages are answered in
order, different traders' side by side.

Transient failures (media download, Twilio, the network) are retried with backoff; after
the last try the trader and the admins are told. A chat whose lock stays busy elsewhere puts
the message back for a moment (no "busy" text: it is answered in its turn). A message
claimed MAX_ATTEMPTS times without an outcome (its worker killed, or its chat busy, each
time) is failed, the trader asked to send it again, the admins alerted once. A bug is not
retried: logged once with its traceback, the message failed at once, the trader told in
their language, the admins alerted once per kind per hour.

What was answered is the engine's to remember (its message gate stores the replies with the
handled mark): a retry runs the engine again and gets the same replies back, never silence,
while the flow runs once. The worker only records how many reply messages (text bodies or
buttons) it has sent, so a retry resends what is missing; a crash between a send and that
record resends one message. The sends' delivery log (for Twilio's status callbacks) goes in
the worker's next transaction, and is forgotten only once that one committed.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

from bot.delivery.failures import TRANSIENT, alert_bug, language_of
from bot.delivery.loops import run_forever
from bot.engine.events import ChatBusy
from domain.ports.coordination import RecentContacts
from domain.ports.messaging import JsonDict
from domain.ports.unit_of_work import UnitOfWork
from webhooks.inbound_claim import Claim, LeaseLost, Sent, to_event
from webhooks.inbound_giveup import alert_admins, tell
from webhooks.inbound_store import CHANNEL, InboundStore, SenderLimit
from webhooks.media import MediaAccess, MediaError, fetch_image
from webhooks.whatsapp_sender import WhatsAppSender

log = logging.getLogger(__name__)
LEASE = timedelta(seconds=120)  # WHATSAPP_INBOUND_LEASE_SECONDS' default
MAX_ATTEMPTS = 5  # claims of one message: transient failures, busy chats, dead workers
BUSY_RETRY = timedelta(seconds=2)  # the engine already waited the chat lock's timeout
RETRIED: tuple[type[Exception], ...] = (MediaError, *TRANSIENT)  # retried, then given up


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
        limit: SenderLimit | None = None,
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
        self.store = InboundStore(uow_factory, clock, self.wake, limit)  # for a web app beside it
        self.handled: Claim | None = None  # done, recorded with the next claim

    def enqueue(self, form: dict[str, str]) -> bool:
        return self.store.enqueue(form)

    def run_once(self) -> bool:
        """Handle one due message; False when there was none. The message handled by the
        pass before is marked done in this pass's claim transaction (one transaction a
        message fewer; the next pass follows at once, and `serve_forever` flushes it)."""
        claim = self._claim()
        if claim is None:
            return False
        if claim.attempts > MAX_ATTEMPTS:  # its workers died with it, or its chat stayed busy
            self._abandon(claim)
            return True
        try:
            with self.sender.collecting() as claim.sent:
                self._handle(claim)
        except LeaseLost:
            self._lost(claim)
        except ChatBusy:
            self._put_back(claim)
        except RETRIED as error:
            self._retry_or_fail(claim, error)
        except Exception as error:  # a bug: retrying cannot fix it
            log.exception("inbound %s: bug, not retried", claim.form.get("MessageSid"))
            self._bug(claim, error)
        else:
            self.handled = claim
        return True

    def _claim(self) -> Claim | None:
        owner, now = uuid.uuid4().hex, self.clock()
        with self.uow_factory() as uow:
            self._finish_handled(uow)
            claimed = uow.inbound.claim(now, self.lease, CHANNEL, owner)
            uow.commit()
        self.handled = None
        if claimed is None:
            return None
        item_id, _channel, form, attempts = claimed
        return Claim(item_id, owner, form, attempts, now)

    def _finish_handled(self, uow: UnitOfWork) -> None:
        """Done, with the last piece counted and the delivery log: a crash before it resends
        the last piece once, as a crash after any send would."""
        claim = self.handled
        if claim is not None:
            self._record(uow, claim.sent)
            if not uow.inbound.finish(claim.item_id, claim.owner, "done", payload=claim.form):
                self._lost(claim)

    def flush(self) -> None:
        """Mark done the message handled last (when the loop stops)."""
        if self.handled is not None:
            with self.uow_factory() as uow:
                self._finish_handled(uow)
                uow.commit()
            self.handled = None

    def _handle(self, claim: Claim) -> None:
        """The engine (on a retry, the gate replays the replies it stored the first time),
        then the reply pieces (bodies, or buttons) not sent yet, the lease kept and each
        counted before the next goes (the last one with the finish): a crash resends one."""
        form = claim.form
        address = form.get("From", "")
        self.recent.touch(address)
        image, image_error = None, None
        if int(form.get("NumMedia") or 0) > 0 and form.get("MediaUrl0"):
            image, image_error = fetch_image(form["MediaUrl0"], self.media_auth)
            self._keep(claim)
        replies = self.engine.attempt(to_event(form, image, image_error))
        pieces = [piece for reply in replies for piece in self.sender.pieces(reply)]
        start = int(form.get("_sent", 0))
        for index in range(start, len(pieces)):
            if index > start:
                self._save(claim, {**claim.form, "_sent": index})
            else:
                self._keep(claim)
            self.sender.deliver(address, pieces[index])
        claim.form = {**claim.form, "_sent": max(start, len(pieces))}

    def _keep(self, claim: Claim) -> None:
        """Renew the lease once half of it is spent (a slow download, engine or send);
        LeaseLost when another worker holds the message now."""
        now = self.clock()
        if now - claim.renewed_at < self.lease / 2:
            return
        with self._unit(claim.sent) as uow:
            held = uow.inbound.renew([claim.item_id], claim.owner, now + self.lease)
        self._still_held(claim, bool(held), now)

    def _save(self, claim: Claim, form: JsonDict) -> None:
        """The progress saved and the lease renewed, by its holder only (else LeaseLost)."""
        now = self.clock()
        with self._unit(claim.sent) as uow:
            held = uow.inbound.save_payload(claim.item_id, claim.owner, form, now + self.lease)
        claim.form = form
        self._still_held(claim, held, now)

    def _still_held(self, claim: Claim, held: bool, now: datetime) -> None:
        if not held:
            raise LeaseLost(claim.item_id)
        claim.renewed_at = now

    @contextmanager
    def _unit(self, sent: Sent) -> Iterator[UnitOfWork]:
        """A transaction that records the sends not recorded yet; they are forgotten only
        once it committed (a failed commit leaves them to the next one)."""
        with self.uow_factory() as uow:
            self._record(uow, sent)
            yield uow
            uow.commit()
        sent.clear()

    def _record(self, uow: UnitOfWork, sent: Sent) -> None:
        """The delivery log of the sends made since the last record (for status callbacks)."""
        now = self.clock()
        for sid, to, status in sent:
            uow.deliveries.sent(sid, to, status, now)

    def _lost(self, claim: Claim) -> None:
        log.warning("inbound %s: lease lost, outcome left to its holder", claim.item_id)

    def _put_back(self, claim: Claim) -> None:
        """The chat is busy elsewhere: pending again, shortly, answered in its turn."""
        retry_at = self.clock() + BUSY_RETRY
        with self._unit(claim.sent) as uow:
            put = uow.inbound.finish(claim.item_id, claim.owner, "pending", "busy", retry_at)
        if not put:
            self._lost(claim)

    def _bug(self, claim: Claim, error: Exception) -> None:
        address, now = claim.form.get("From", ""), self.clock()
        text = f"{type(error).__name__}: {error}"[:500]
        with self._unit(claim.sent) as uow:
            failed = uow.inbound.finish(claim.item_id, claim.owner, "failed", text)
            if failed:
                alert_bug(uow, error, f"WhatsApp {claim.form.get('MessageSid', '')}", now)
            lang = language_of(uow, CHANNEL, address)
        if not failed:
            self._lost(claim)
            return
        tell(self.sender, address, "bug.sorry", lang)

    def _retry_or_fail(self, claim: Claim, error: Exception) -> None:
        given_up = claim.attempts >= MAX_ATTEMPTS
        delay = timedelta(seconds=2**claim.attempts)
        status, retry_at = ("failed", None) if given_up else ("pending", self.clock() + delay)
        with self._unit(claim.sent) as uow:
            held = uow.inbound.finish(
                claim.item_id, claim.owner, status, str(error)[:500], retry_at
            )
        if not held:
            self._lost(claim)
        elif given_up:
            self._give_up(claim.form, claim.attempts, error)

    def _give_up(self, form: JsonDict, attempts: int, error: Exception) -> None:
        address = form.get("From", "")
        if int(form.get("NumMedia") or 0) > 0:
            with self.uow_factory() as uow:
                lang = language_of(uow, CHANNEL, address)
            tell(self.sender, address, "wa.media_failed", lang)
        alert_admins(self.uow_factory, self.clock(), form, attempts, str(error))

    def _abandon(self, claim: Claim) -> None:
        """Claimed too often without an outcome (its worker died, or its chat was busy): failed
        without running it again, the trader asked to send it again, the admins alerted."""
        address = claim.form.get("From", "")
        error = f"claimed {claim.attempts - 1} times without an outcome (worker killed, chat busy)"
        with self._unit(claim.sent) as uow:
            failed = uow.inbound.finish(claim.item_id, claim.owner, "failed", error)
            lang = language_of(uow, CHANNEL, address)
        if not failed:
            self._lost(claim)
            return
        log.error("inbound %s: %s, given up", claim.form.get("MessageSid"), error)
        tell(self.sender, address, "wa.message_lost", lang)
        alert_admins(self.uow_factory, self.clock(), claim.form, claim.attempts - 1, error)

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
