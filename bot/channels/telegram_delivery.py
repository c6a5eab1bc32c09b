"""Telegram delivery: one reply sent (or edited) with python-telegram-bot 22 — text split at
Telegram's limits, photo with fallbacks, keyboards — and what to retry. Used by the adapter
(bot.channels.telegram) and the push senders (bot.channels.telegram_push)."""

from __future__ import annotations

import asyncio
import logging
import warnings
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyParameters,
)
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError, TimedOut
from telegram.warnings import PTBDeprecationWarning

from bot.engine.events import Reply
from bot.text.formatting import split_text
from bot.text.messages import t
from domain.errors import DeliveryFailed

log = logging.getLogger(__name__)
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
SEND_ATTEMPTS = 4
BACKOFF_S = 0.2  # after a timeout or a network error: 0.2 s, 0.4 s, 0.6 s


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
            await asyncio.sleep(BACKOFF_S * attempt)
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


def paying(paid: bool) -> dict[str, Any]:
    """TELEGRAM_PAID_BROADCAST, for the outbox's sends only: up to 1 000 messages/s, 0.1 Star
    each above the free 30/s."""
    return {"allow_paid_broadcast": True} if paid else {}


async def deliver(
    bot: Any,
    chat_id: int | str,
    reply: Reply,
    edit_of: Message | None = None,
    paid: bool = False,
) -> Any:
    """Send (or edit into `edit_of`) one reply: text, photo, document, keyboard. Returns the
    (last) message sent. `paid`: a paid broadcast (see `paying`)."""
    markup = keyboard(reply)
    if edit_of is not None and reply.edit:
        return await _edit(edit_of, reply, markup)
    if reply.photo is not None:
        return await _deliver_photo(bot, chat_id, reply, markup, paid)
    if reply.document is not None:
        name, content = reply.document
        return await with_retries(
            lambda: bot.send_document(
                chat_id,
                content,
                filename=name,
                caption=reply.text[:CAPTION_LIMIT],
                **paying(paid),
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
                **paying(paid),
            )
        )
    return sent


async def _deliver_photo(
    bot: Any, chat_id: int | str, reply: Reply, markup: Any, paid: bool
) -> Any:
    """A photo with its caption and buttons; if Telegram refuses the picture, the same bytes
    as a document, then the text alone with a note: a proof card is never stuck."""
    caption = reply.text[:CAPTION_LIMIT]
    try:
        return await with_retries(
            lambda: bot.send_photo(
                chat_id,
                reply.photo,
                caption=caption,
                reply_markup=markup,
                **replying(reply),
                **paying(paid),
            )
        )
    except BadRequest as error:
        log.warning("photo refused by Telegram (%s): sending it as a document", error)
    try:
        return await with_retries(
            lambda: bot.send_document(
                chat_id,
                reply.photo,
                filename="image",
                caption=caption,
                reply_markup=markup,
                **paying(paid),
            )
        )
    except BadRequest as error:
        log.warning("document refused by Telegram (%s): sending the text alone", error)
    text = f"{reply.text}\n\n{t('telegram.image_unavailable', reply.lang)}"
    return await deliver(bot, chat_id, Reply(text, reply.choices, lang=reply.lang), paid=paid)


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
