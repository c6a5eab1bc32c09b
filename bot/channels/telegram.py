"""Telegram, with python-telegram-bot 22: a thin translator between updates and the engine.

Where each update goes is decided by `bot.channels.routing.route_of`: the admin chat (ADMIN_CHAT_ID,
a group or one admin's private chat) to the admin desk, other private chats to the trader
engine; groups are not trader chats, and admin input anywhere else reaches nothing.
Conversation state stays in Redis, so the process can restart at any time. The engine is
synchronous (database I/O): handlers run it in a worker thread.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import warnings
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from typing import Any

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatType
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBDeprecationWarning

from bot.channels.routing import Route, route_of
from bot.engine.events import Inbound, Reply
from bot.text.formatting import split_text
from bot.text.messages import t
from domain.errors import DeliveryFailed
from domain.proofs import MAX_PROOF_BYTES

log = logging.getLogger(__name__)
CHANNEL = "telegram"
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
SEND_ATTEMPTS = 4


def keyboard(reply: Reply) -> Any:
    if reply.request_contact:
        button = KeyboardButton(reply.request_contact, request_contact=True)
        return ReplyKeyboardMarkup([[button]], one_time_keyboard=True, resize_keyboard=True)
    if reply.choices:
        rows = [[InlineKeyboardButton(c.label, callback_data=c.id)] for c in reply.choices]
        return InlineKeyboardMarkup(rows)
    return None


async def with_retries(call: Callable[[], Awaitable[Any]]) -> Any:
    """Retry what Telegram asks us to retry, so that no reply is silently lost."""
    for attempt in range(1, SEND_ATTEMPTS + 1):
        try:
            return await call()
        except RetryAfter as wait:
            await asyncio.sleep(_seconds(wait))
        except BadRequest:  # a NetworkError to PTB, but retrying the same request won't help
            raise
        except (TimedOut, NetworkError) as error:
            if attempt == SEND_ATTEMPTS:
                raise
            log.warning("telegram %s, retry %d", type(error).__name__, attempt)
            await asyncio.sleep(0.2 * attempt)
    return await call()


def _seconds(wait: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB 22 warns that the type becomes timedelta later
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        delay = wait.retry_after
    return delay.total_seconds() if hasattr(delay, "total_seconds") else float(delay)


def replying(reply: Reply) -> dict[str, Any]:
    """Shown as a reply to `reply.reply_to` (sent alone if that message is gone)."""
    if not (reply.reply_to and reply.reply_to.isdigit()):
        return {}
    target = ReplyParameters(int(reply.reply_to), allow_sending_without_reply=True)
    return {"reply_parameters": target}


async def deliver(
    bot: Any, chat_id: int | str, reply: Reply, edit_of: Message | None = None
) -> Any:
    """Send (or edit into `edit_of`) one reply: text, photo, document, keyboard. Returns the
    (last) message sent."""
    markup = keyboard(reply)
    if edit_of is not None and reply.edit:
        return await _edit(edit_of, reply, markup)
    if reply.photo is not None:
        return await _deliver_photo(bot, chat_id, reply, markup)
    if reply.document is not None:
        name, content = reply.document
        return await with_retries(
            lambda: bot.send_document(
                chat_id, content, filename=name, caption=reply.text[:CAPTION_LIMIT]
            )
        )
    pieces, sent = split_text(reply.text, TEXT_LIMIT), None
    for n, piece in enumerate(pieces):
        last = n == len(pieces) - 1
        sent = await with_retries(
            partial(
                bot.send_message,
                chat_id,
                piece,
                reply_markup=markup if last else None,
                **(replying(reply) if n == 0 else {}),
            )
        )
    return sent


async def _deliver_photo(bot: Any, chat_id: int | str, reply: Reply, markup: Any) -> Any:
    """A photo with its caption and buttons; if Telegram refuses the picture, the same bytes
    as a document, then the text alone with a note: a proof card is never stuck."""
    caption = reply.text[:CAPTION_LIMIT]
    try:
        return await with_retries(
            lambda: bot.send_photo(
                chat_id, reply.photo, caption=caption, reply_markup=markup, **replying(reply)
            )
        )
    except BadRequest as error:
        log.warning("photo refused by Telegram (%s): sending it as a document", error)
    try:
        return await with_retries(
            lambda: bot.send_document(
                chat_id, reply.photo, filename="image", caption=caption, reply_markup=markup
            )
        )
    except BadRequest as error:
        log.warning("document refused by Telegram (%s): sending the text alone", error)
    text = f"{reply.text}\n\n{t('telegram.image_unavailable')}"
    return await deliver(bot, chat_id, Reply(text, reply.choices))


async def _edit(message: Message, reply: Reply, markup: Any) -> Any:
    markup = markup if isinstance(markup, InlineKeyboardMarkup) else None
    try:
        if message.photo or message.document:
            caption = reply.text[:CAPTION_LIMIT]
            return await with_retries(lambda: message.edit_caption(caption, reply_markup=markup))
        text = reply.text[:TEXT_LIMIT]
        return await with_retries(lambda: message.edit_text(text, reply_markup=markup))
    except BadRequest as error:  # e.g. "message is not modified" on a double press
        log.info("edit refused: %s", error)
        return None


class TelegramChannel:
    def __init__(self, application: Application, engine: Any, desk: Any, settings: Any):
        self.application = application
        self.engine = engine
        self.desk = desk
        self.settings = settings
        self.loop: asyncio.AbstractEventLoop | None = None
        self.running = threading.Event()

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
            await with_retries(
                lambda: context.bot.send_message(
                    chat.id, t("telegram.number_received"), reply_markup=ReplyKeyboardRemove()
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
        """The one top-level handler: log with the traceback, apologise to the user."""
        log.error("unhandled error in a Telegram update", exc_info=context.error)
        if isinstance(update, Update) and update.effective_chat is not None:
            try:
                await context.bot.send_message(update.effective_chat.id, t("error"))
            except Exception:
                log.exception("could not send the apology")

    # Pushes from worker threads (notifications)
    def send_from_thread(self, chat_id: str, reply: Reply, timeout_s: float = 30.0) -> Any:
        if not self.running.wait(timeout_s) or self.loop is None:
            raise DeliveryFailed("the Telegram channel is not running")
        future = asyncio.run_coroutine_threadsafe(
            deliver(self.application.bot, int(chat_id), reply), self.loop
        )
        return future.result(timeout=timeout_s)


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


@contextmanager
def telegram_refusals() -> Iterator[None]:
    """What Telegram refuses (network, 429 after retries, blocked bot, unknown chat) is a
    failed delivery for the dispatcher to retry, not a bug."""
    try:
        yield
    except TelegramError as error:
        raise DeliveryFailed(f"telegram: {error}") from error


def message_ref(sent: Any) -> str | None:
    """The id of a message Telegram sent, for the dispatcher (a reply to it is recognised)."""
    return str(sent.message_id) if isinstance(sent, Message) else None


class TelegramSender:
    """The dispatcher's door to Telegram: from worker threads onto the bot's event loop."""

    def __init__(self, channel: TelegramChannel) -> None:
        self.channel = channel

    def send(self, user_ref: str, reply: Reply) -> str | None:
        with telegram_refusals():
            return message_ref(self.channel.send_from_thread(user_ref, reply))


class TelegramPushSender:
    """Pushes from a process that does not run the bot (the web process): one short-lived
    Bot per message, on its own event loop."""

    def __init__(self, settings: Any) -> None:
        self.settings = settings

    def send(self, user_ref: str, reply: Reply) -> str | None:
        with telegram_refusals():
            return message_ref(asyncio.run(self._send(int(user_ref), reply)))

    async def _send(self, chat_id: int, reply: Reply) -> Any:
        from telegram import Bot

        settings = self.settings
        async with Bot(
            settings.telegram_bot_token.get_secret_value(),
            base_url=settings.telegram_api_base_url,
            base_file_url=settings.telegram_file_base_url,
        ) as bot:
            return await deliver(bot, chat_id, reply)


def build_channel(settings: Any, engine: Any, desk: Any) -> TelegramChannel:
    """The PTB Application with our handlers, not started."""
    application = (
        Application.builder()
        .token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.telegram_api_base_url)
        .base_file_url(settings.telegram_file_base_url)
        .rate_limiter(AIORateLimiter(max_retries=3))
        .updater(None)  # updates come from our inbox, stored before they are confirmed
        .build()
    )
    channel = TelegramChannel(application, engine, desk, settings)
    channel.install()
    return channel


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


def run(channel: TelegramChannel, inbox: Any) -> None:
    try:
        asyncio.run(serve(channel, inbox))
    except KeyboardInterrupt:
        log.info("telegram bot stopped")
