"""Telegram, with python-telegram-bot 22: a thin translator between updates and the engine.

Where each update goes is decided by `bot.channels.routing.route_of`: the admin chat (ADMIN_CHAT_ID,
a group or one admin's private chat) to the admin desk, other private chats to the trader
engine; groups are not trader chats, and admin input anywhere else reaches nothing.
Conversation state stays in Redis, so the process can restart at any time. The engine is
synchronous (database I/O): handlers run it in a worker thread. Sending a reply is
`bot.channels.telegram_delivery`; pushes from other threads and processes are
`bot.channels.telegram_push`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from dataclasses import replace
from typing import Any

from telegram import Message, ReplyKeyboardRemove, Update
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.channels.routing import Route, route_of
from bot.channels.telegram_delivery import deliver, with_retries
from bot.channels.telegram_limiter import SharedLiveLimiter, budgeted
from bot.engine.events import Inbound, Reply
from bot.text.messages import t
from domain.errors import DeliveryFailed
from domain.ports import SendBudget
from domain.proofs import MAX_PROOF_BYTES

log = logging.getLogger(__name__)
CHANNEL = "telegram"


class TelegramChannel:
    def __init__(self, application: Application, engine: Any, desk: Any, settings: Any):
        self.application = application
        self.engine = engine
        self.desk = desk
        self.settings = settings
        self.loop: asyncio.AbstractEventLoop | None = None
        self.running = threading.Event()
        self.stopped = False  # set on the way out: no push is taken any more
        self.pushes: set[concurrent.futures.Future[Any]] = set()  # under way, from worker threads
        self.pushes_lock = threading.Lock()

    async def started(self, application: Application) -> None:
        """post_init: remember the loop, for pushes coming from worker threads."""
        self.loop = asyncio.get_running_loop()
        self.running.set()

    def install(self) -> None:
        app = self.application
        app.add_handler(CallbackQueryHandler(self.on_callback))
        app.add_handler(MessageHandler(filters.ALL & ~filters.UpdateType.EDITED, self.on_message))
        app.add_error_handler(self.on_error)

    async def on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None or update.effective_chat is None or update.effective_user is None:
            return
        event = await self._inbound(update, message, context)
        await self._dispatch(update, event, context, edit_of=None)

    async def on_callback(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None or update.effective_user is None:
            return
        try:
            await with_retries(query.answer)
        except BadRequest as error:  # e.g. "query is too old" when a stored press is replayed
            log.info("callback answer refused: %s", error)
        if update.effective_chat is None:
            return
        chat_ref = str(update.effective_chat.id)
        event = Inbound(
            CHANNEL, chat_ref, f"u{update.update_id}", choice=query.data or "", chat_ref=chat_ref
        )
        message = query.message if isinstance(query.message, Message) else None
        await self._dispatch(update, event, context, edit_of=message)

    async def _dispatch(
        self,
        update: Update,
        event: Inbound,
        context: ContextTypes.DEFAULT_TYPE,
        edit_of: Message | None,
    ) -> None:
        chat, user = update.effective_chat, update.effective_user
        assert chat is not None and user is not None, "the handlers checked both"
        route = route_of(
            in_admin_chat=chat.id == self.settings.admin_chat_id,
            private=chat.type == ChatType.PRIVATE,
            text=event.text,
            choice=event.choice,
        )
        if route in (Route.ELSEWHERE, Route.GROUP, Route.IGNORE):
            await self._outside(context.bot, chat.id, user.id, route, event)
            return
        if route is Route.DESK:
            event = replace(event, user_ref=str(user.id), sender_name=user.first_name or "")
        replies = await asyncio.to_thread(
            (self.desk if route is Route.DESK else self.engine).handle, event
        )
        for reply in replies:
            await deliver(context.bot, chat.id, reply, edit_of)
        if event.contact_phone and replies and not any(r.request_contact for r in replies):
            received = t("telegram.number_received", replies[-1].lang)
            await with_retries(
                lambda: context.bot.send_message(
                    chat.id, received, reply_markup=ReplyKeyboardRemove()
                )
            )

    async def _outside(
        self, bot: Any, chat_id: int, user_id: int, route: Route, event: Inbound
    ) -> None:
        """Admin input outside the admin chat, or a group that is not a trader's chat."""
        log.warning("%s from user %s in chat %s: %r", route, user_id, chat_id, event.text[:40])
        if route is Route.IGNORE:
            return
        key = "admin.elsewhere" if route is Route.ELSEWHERE else "group.private_only"
        await with_retries(lambda: bot.send_message(chat_id, t(key)))

    async def _inbound(
        self, update: Update, message: Message, context: ContextTypes.DEFAULT_TYPE
    ) -> Inbound:
        chat, user = update.effective_chat, update.effective_user
        assert chat is not None and user is not None, "on_message checked both"
        replied = message.reply_to_message
        base = Inbound(
            CHANNEL,
            user_ref=str(chat.id),
            chat_ref=str(chat.id),
            message_id=f"u{update.update_id}",
            text=message.text or message.caption or "",
            can_share_contact=chat.type == ChatType.PRIVATE,  # Telegram's rule
            reply_to=str(replied.message_id) if replied else "",
        )
        if message.contact is not None:
            own = message.contact.user_id == user.id
            return replace(base, contact_phone=message.contact.phone_number, contact_is_own=own)
        file_id, size, mime = _image_of(message)
        if file_id is None and mime is None:
            return base
        if file_id is None:  # a sticker, a voice note, a video: no file to keep
            return replace(base, image_error="not_an_image")
        # Any document up to the cap is downloaded: its content decides (domain.proofs), and
        # one that is not a readable image is kept with the order, not dropped.
        if size is not None and size > MAX_PROOF_BYTES:
            return replace(base, image_error="too_large")
        tg_file = await with_retries(lambda: context.bot.get_file(file_id))
        content = bytes(await with_retries(tg_file.download_as_bytearray))
        return replace(base, image=content)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The one top-level handler: log with the traceback, apologise to the user in their
        language."""
        log.error("unhandled error in a Telegram update", exc_info=context.error)
        if isinstance(update, Update) and update.effective_chat is not None:
            chat_id = update.effective_chat.id
            try:
                lang = await asyncio.to_thread(self.language_of, update)
                await context.bot.send_message(chat_id, t("error", lang))
            except Exception:
                log.exception("could not send the apology")

    def language_of(self, update: Update) -> str:
        """The language of whoever sent `update`: the admin's in the admin chat, else the
        chat's trader's (French for someone unknown)."""
        chat, user = update.effective_chat, update.effective_user
        if chat is not None and chat.id == self.settings.admin_chat_id and user is not None:
            return self.desk.language_of(Inbound(CHANNEL, str(user.id), chat_ref=str(chat.id)))
        return self.engine.language_of(CHANNEL, str(chat.id if chat else ""))

    # Pushes from worker threads: the dispatcher's, whose slots are taken (notifications)
    def send_from_thread(
        self, chat_id: str, reply: Reply, timeout_s: float = 30.0, paid: bool = False
    ) -> Any:
        """A push from another thread; DeliveryFailed (retried later) once the bot stops."""
        if not self.running.wait(timeout_s) or self.loop is None:
            raise DeliveryFailed("the Telegram channel is not running")
        with self.pushes_lock:  # scheduled while the loop runs, or not at all
            if self.stopped:
                raise DeliveryFailed("the Telegram channel has stopped")
            sending = deliver(self.application.bot, int(chat_id), reply, paid=paid)
            future = asyncio.run_coroutine_threadsafe(budgeted(sending), self.loop)
            self.pushes.add(future)
        future.add_done_callback(self.pushes.discard)
        return future.result(timeout=timeout_s)

    async def stop_pushes(self, timeout_s: float = 10.0) -> None:
        """On the way out, while the loop still runs: no new push is taken, and the pushes
        under way finish (a push cut off by the shutdown would read as a bug and be failed)."""
        with self.pushes_lock:
            self.stopped = True
            under_way = [asyncio.wrap_future(future) for future in self.pushes]
        if under_way:
            await asyncio.wait(under_way, timeout=timeout_s)


def _image_of(message: Message) -> tuple[str | None, int | None, str | None]:
    if message.photo:
        largest = message.photo[-1]
        return largest.file_id, largest.file_size, "image/jpeg"
    if message.document is not None:
        doc = message.document
        return doc.file_id, doc.file_size, doc.mime_type or "application/octet-stream"
    if message.sticker or message.video or message.voice or message.audio or message.animation:
        return None, None, "application/octet-stream"
    return None, None, None


def build_channel(
    settings: Any, engine: Any, desk: Any, rate_limiter: AIORateLimiter
) -> TelegramChannel:
    """The PTB Application with our handlers, not started. Its rate limiter (`live_limiter`)
    keeps Telegram's flood limits and retries a RetryAfter up to 3 times (tests against the
    fake Bot API inject one that only retries)."""
    application = (
        Application.builder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.telegram_api_base_url)
        .base_file_url(settings.telegram_file_base_url)
        .rate_limiter(rate_limiter)
        .updater(None)  # updates come from our inbox, stored before they are confirmed
        .build()
    )
    channel = TelegramChannel(application, engine, desk, settings)
    channel.install()
    return channel


def live_limiter(settings: Any, budget: SendBudget) -> SharedLiveLimiter:
    """The live replies' limiter: a slot of the bot's budget shared by every process (with
    the bulk sends: TELEGRAM_MAX_PER_SECOND in all), Telegram's group limit, PTB's overall
    limit per process (the same rate)."""
    rate = settings.telegram_max_per_second
    return SharedLiveLimiter(budget, overall_max_rate=rate, max_retries=3)


async def serve(channel: TelegramChannel, inbox: Any) -> None:
    """Long polling by default (stored, then confirmed); with TELEGRAM_WEBHOOK_URL, Telegram
    posts to the web process, which stores each update, and this process handles them."""
    settings, app = channel.settings, channel.application
    async with app:
        await channel.started(app)
        if settings.telegram_webhook_url:
            await with_retries(
                lambda: app.bot.set_webhook(
                    settings.telegram_webhook_url,
                    secret_token=settings.telegram_webhook_token(),
                    allowed_updates=Update.ALL_TYPES,
                )
            )
            loops = [inbox.work_forever()]
        else:
            await with_retries(app.bot.delete_webhook)
            loops = [inbox.fetch_forever(), inbox.work_forever()]
        try:
            await asyncio.gather(*loops)
        finally:
            await inbox.stop()
            await channel.stop_pushes()


def run(channel: TelegramChannel, inbox: Any) -> None:
    try:
        asyncio.run(serve(channel, inbox))
    except KeyboardInterrupt:
        log.info("telegram bot stopped")
