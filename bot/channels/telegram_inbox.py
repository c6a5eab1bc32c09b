"""Telegram updates are stored before Telegram is told they arrived, then handled from the
store: a bot killed at any point loses no update and answers each once.

PTB's own Updater confirms an update (the next getUpdates offset, or the webhook's 200) as
soon as it is fetched, before any handler ran: a crash then loses it. Here, in polling mode,
`fetch_forever` writes each batch to the inbound queue (one row per update_id, a replay is
ignored) and only then asks for the next batch, which confirms it; in webhook mode the web
process stores the update (webhooks/app.py) before answering 200. `work_forever` claims the
stored updates with a 20 s lease held by this inbox's token, renewed while they are in hand
(a slow send or a 429 wait never lets a second worker take them; an update whose lease was
taken over is not marked done by this inbox), runs PTB's handlers on them (chats concurrently,
one chat's in order), and marks them done. An update whose worker died falls due again when its
lease ends: the engine's inbox replays the replies it already computed, so the trader is
answered, once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from telegram import Update
from telegram.error import NetworkError, TelegramError, TimedOut

from bot.delivery.failures import language_of
from bot.delivery.loops import Backoff
from bot.services.notifications import notify_admins, notify_chat
from bot.services.updates import TELEGRAM as CHANNEL
from bot.services.updates import store_updates
from bot.text.messages import t
from domain.ports.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)
# TELEGRAM_INBOX_LEASE_SECONDS' default; renewed every third of it while an update is in hand.
LEASE = timedelta(seconds=20)
POLL_TIMEOUT_S = 25
MAX_IN_FLIGHT = 64
MAX_ATTEMPTS = 5  # claims of one update without an outcome: its bot died each time


class TelegramInbox:
    def __init__(
        self,
        application: Any,
        uow_factory: Callable[[], UnitOfWork],
        clock: Callable[[], datetime],
        *,
        lease: timedelta = LEASE,
        poll_timeout_s: int = POLL_TIMEOUT_S,
    ) -> None:
        self.application = application
        self.uow_factory = uow_factory
        self.clock = clock
        self.lease = lease
        self.poll_timeout_s = poll_timeout_s
        self.wake = asyncio.Event()
        self.stopping = asyncio.Event()
        self.in_flight = asyncio.Semaphore(MAX_IN_FLIGHT)
        self.chat_tails: dict[int, asyncio.Task] = {}
        self.in_hand: set[int] = set()
        self.owner = uuid.uuid4().hex  # the claims' token: this inbox's leases are its own
        self.told: set[int] = set()  # updates whose sender was told about an outage
        self.fetch_backoff = Backoff("telegram fetch", log)
        self.claim_backoff = Backoff("telegram inbox", log)

    # Polling: store, then confirm
    async def fetch_forever(self) -> None:
        bot, offset = self.application.bot, 0
        while not self.stopping.is_set():
            try:
                updates = await bot.get_updates(
                    offset=offset, timeout=self.poll_timeout_s, allowed_updates=Update.ALL_TYPES
                )
            except (TimedOut, NetworkError) as error:
                log.warning("getUpdates failed (%s), trying again", type(error).__name__)
                await asyncio.sleep(1)
                continue
            if not updates:
                continue
            raws = [update.to_dict() for update in updates]
            try:
                await asyncio.to_thread(store_updates, self.uow_factory, self.clock, raws)
            except Exception:  # not stored: not confirmed either; Telegram serves them again
                wait_s = self.fetch_backoff.failed()
                await self._tell_once(updates)
                await asyncio.sleep(wait_s)
                continue
            self.told.clear()
            self.fetch_backoff.succeeded()
            offset = updates[-1].update_id + 1  # the next call confirms what is now stored
            self.wake.set()

    async def _tell_once(self, updates: list[Update]) -> None:
        """While nothing can be stored, each sender is told once that the message is kept
        and will be answered (Telegram holds it until it is confirmed)."""
        for update in updates:
            chat = update.effective_chat
            if chat is None or update.update_id in self.told:
                continue
            self.told.add(update.update_id)
            try:
                await self.application.bot.send_message(chat.id, t("outage.wait"))
            except TelegramError as error:
                log.warning("could not tell chat %s about the outage: %s", chat.id, error)

    # Handling from the store
    async def work_forever(self, idle_s: float = 0.5) -> None:
        renewing = asyncio.create_task(self._renew_forever())
        try:
            await self._claim_forever(idle_s)
        finally:
            renewing.cancel()

    async def _renew_forever(self) -> None:
        while not self.stopping.is_set():
            await asyncio.sleep(self.lease.total_seconds() / 3)
            if self.in_hand:
                try:
                    await asyncio.to_thread(self._renew, list(self.in_hand))
                except Exception:
                    log.warning("telegram inbox: leases not renewed (database unreachable?)")

    def _renew(self, item_ids: list[int]) -> None:
        with self.uow_factory() as uow:
            uow.inbound.renew(item_ids, self.owner, self.clock() + self.lease)
            uow.commit()

    async def _claim_forever(self, idle_s: float) -> None:
        while not self.stopping.is_set():
            await self.in_flight.acquire()
            try:
                claimed = await asyncio.to_thread(self._claim)
            except Exception:  # the database is down: wait, then claim again
                self.in_flight.release()
                await asyncio.sleep(self.claim_backoff.failed())
                continue
            self.claim_backoff.succeeded()
            if claimed is None:
                self.in_flight.release()
                await self._idle(idle_s)
                continue
            self._schedule(*claimed)

    async def _idle(self, idle_s: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.wake.wait(), idle_s)
        self.wake.clear()

    def _claim(self) -> tuple[int, dict] | None:
        with self.uow_factory() as uow:
            claimed = uow.inbound.claim(self.clock(), self.lease, CHANNEL, self.owner)
            if claimed is not None and claimed[0] not in self.in_hand:
                claimed = self._unless_poison(uow, *claimed)
            uow.commit()
        if claimed is None or claimed[0] in self.in_hand:
            return None  # nothing due, or our own update whose lease lapsed: claimed afresh
        self.in_hand.add(claimed[0])
        return claimed[0], claimed[2]

    def _unless_poison(
        self, uow: UnitOfWork, item_id: int, channel: str, raw: dict, attempts: int
    ) -> tuple[int, str, dict, int] | None:
        """The claim, unless the update was claimed MAX_ATTEMPTS times already without an
        outcome (its bot died each time: handling it again would crash this one too): then
        failed, not handled, the admins told once."""
        if attempts <= MAX_ATTEMPTS:
            return item_id, channel, raw, attempts
        error = f"claimed {attempts - 1} times without an outcome (bot killed)"
        uow.inbound.finish(item_id, self.owner, "failed", error)
        update_id = raw.get("update_id", item_id)
        values = {"channel": CHANNEL, "message": update_id, "attempts": attempts - 1}
        key = f"inbound-failed:{CHANNEL}:{update_id}"
        notify_admins(uow, key, "admin.inbound_failed", {**values, "error": error}, self.clock())
        self._ask_again(uow, raw, update_id)
        log.error("telegram update %s: %s, given up", update_id, error)
        return None

    def _ask_again(self, uow: UnitOfWork, raw: dict, update_id: object) -> None:
        """The sender asked, in their language, to send the message again (the outbox)."""
        chat = Update.de_json(raw, None).effective_chat
        if chat is None:
            return
        ref, key = str(chat.id), f"inbound-lost:{CHANNEL}:{update_id}"
        lang = language_of(uow, CHANNEL, ref)
        # wa.message_lost: its text names no channel
        notify_chat(uow, CHANNEL, ref, lang, key, "wa.message_lost", self.clock())

    def _schedule(self, item_id: int, raw: dict) -> None:
        """One task per update, chained after the chat's previous one: chats run side by
        side, one chat's updates in the order they were stored."""
        update = Update.de_json(raw, self.application.bot)
        chat = update.effective_chat.id if update.effective_chat else 0
        previous = self.chat_tails.get(chat)
        task = asyncio.create_task(self._handle(item_id, update, previous))
        self.chat_tails[chat] = task
        task.add_done_callback(lambda done: self._forget(chat, done))

    def _forget(self, chat: int, task: asyncio.Task) -> None:
        if self.chat_tails.get(chat) is task:
            del self.chat_tails[chat]

    async def _handle(self, item_id: int, update: Update, previous: asyncio.Task | None) -> None:
        try:
            if previous is not None:
                await asyncio.wait([previous])
            # PTB runs our handlers; a handler's error reaches our one error handler there.
            await self.application.process_update(update)
            await asyncio.to_thread(self._finish, item_id)
        except Exception:  # not marked done: it falls due again when its lease ends
            log.exception("telegram update %s not finished", update.update_id)
        finally:
            self.in_hand.discard(item_id)
            self.in_flight.release()

    def _finish(self, item_id: int) -> None:
        with self.uow_factory() as uow:
            finished = uow.inbound.finish(item_id, self.owner, "done")
            uow.commit()
        if not finished:
            log.warning(
                "telegram inbox: update %s's lease was lost; its new holder ends it", item_id
            )

    async def stop(self) -> None:
        self.stopping.set()
        self.wake.set()
        pending = list(self.chat_tails.values())
        if pending:
            await asyncio.wait(pending, timeout=10)
