"""Talking to WhatsApp traders through Twilio's Messages API.

Replies go out free-form (the trader just wrote); a reply with choices goes as WhatsApp
buttons (a quick reply or a list picker, see whatsapp_interactive) when it can, else as a
numbered list, which is also what is sent when the Content API or the send fails. Pushes
check the 24-hour window: inside it, the same; outside it, or when Twilio answers 63016, the
approved template (WHATSAPP_TEMPLATE_NOTIFICATION, its variable 1 = the text). Never a
silent loss: without a template, a push outside the window raises DeliveryFailed.

A document (a PDF receipt) goes as media: Twilio fetches it from PUBLIC_BASE_URL + the
reply's `document_path`, served by the web app; through the template (text only), its link
is written under the text.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.rest import Client

from bot.engine.events import Reply
from bot.flows.engine import choices_text
from bot.text.formatting import split_text
from bot.text.messages import t
from domain.errors import DeliveryFailed
from domain.ports.coordination import RecentContacts
from webhooks.whatsapp_interactive import TwilioContentTemplates, content_variables, shape_for

log = logging.getLogger(__name__)
BODY_LIMIT = 1600
OUTSIDE_WINDOW = 63016
TEMPLATE_TEXT_LIMIT = 1000


def render(reply: Reply) -> str:
    """Text, then the choices as a numbered list (a trader answers `2` or the label), the
    hint in the reply's language."""
    if not reply.choices:
        return reply.text
    hint = t("wa.answer_with_number", reply.lang)
    return f"{reply.text}\n\n{choices_text(reply.choices)}\n\n{hint}"


def split_body(text: str) -> list[str]:
    return split_text(text, BODY_LIMIT)


class WhatsAppSender:
    def __init__(
        self,
        client: Client,
        from_address: str,
        recent: RecentContacts,
        *,
        template_sid: str | None = None,
        status_callback: str | None = None,
        on_sent: Callable[[str, str, str], None] | None = None,
        interactive: TwilioContentTemplates | None = None,
        media_base: str | None = None,
    ) -> None:
        self.client = client
        self.from_address = from_address
        self.recent = recent
        self.template_sid = template_sid
        self.status_callback = status_callback
        self.on_sent = on_sent
        self.interactive = interactive
        self.media_base = (media_base or "").rstrip("/")
        self._collecting = threading.local()

    @contextmanager
    def collecting(self) -> Iterator[list[tuple[str, str, str]]]:
        """Within the block, this thread's sends are listed (sid, to, status) instead of
        recorded one by one: the caller records them in a transaction of its own."""
        sent: list[tuple[str, str, str]] = []
        self._collecting.sent = sent
        try:
            yield sent
        finally:
            self._collecting.sent = None

    def _create(self, to: str, **fields: str | list[str]) -> None:
        if self.status_callback:
            fields["status_callback"] = self.status_callback
        message = self.client.messages.create(to=to, from_=self.from_address, **fields)
        record = (message.sid, to, message.status or "queued")
        collected = getattr(self._collecting, "sent", None)
        if collected is not None:
            collected.append(record)
        elif self.on_sent is not None:
            self.on_sent(*record)

    def send_body(self, to: str, body: str) -> None:
        """Free-form text: an answer to a message the trader just sent is inside the window."""
        self._send_fields(to, body=body)

    def _send_fields(self, to: str, **fields: str | list[str]) -> None:
        try:
            self._create(to, **fields)
        except TwilioException as error:
            raise DeliveryFailed(str(error)) from error

    def pieces(self, reply: Reply) -> list[Reply]:
        """What `reply` is sent as, one message each: itself when WhatsApp can show its
        choices as buttons, else its numbered text cut in bodies of 1600 characters. The same
        reply always gives the same pieces, so a retry can skip those already sent."""
        if self.interactive is not None and shape_for(reply) is not None:
            return [reply]
        if self.media_url(reply):
            return [reply]
        return [Reply(body, lang=reply.lang) for body in split_body(render(reply))]

    def media_url(self, reply: Reply) -> str | None:
        """The public URL of the reply's document (or photo), when the app serves it."""
        path = reply.document_path or reply.photo_path
        return f"{self.media_base}{path}" if path and self.media_base else None

    def deliver(self, to: str, piece: Reply) -> None:
        """One piece: a document as media, buttons, or the numbered text when the buttons
        cannot go."""
        media = self.media_url(piece)
        if media:
            self._send_fields(to, body=piece.text[:BODY_LIMIT], media_url=[media])
            return
        if piece.choices and self._buttons(to, piece):
            return
        for body in split_body(render(piece)):
            self.send_body(to, body)

    def _buttons(self, to: str, reply: Reply) -> bool:
        shape = shape_for(reply)
        sid = self.interactive.sid(shape) if self.interactive and shape else None
        if shape is None or sid is None:
            return False
        try:
            self._create(to, content_sid=sid, content_variables=content_variables(shape, reply))
        except TwilioRestException as error:
            log.warning("buttons to %s refused (%s): numbered text instead", to, error.code)
            return False
        return True

    def reply(self, to: str, reply: Reply) -> None:
        for piece in self.pieces(reply):
            self.deliver(to, piece)

    def send(self, to: str, reply: Reply) -> None:
        """A push (from the dispatcher): free-form inside the window, the template outside it."""
        if self.recent.is_recent(to):
            try:
                self.reply(to, reply)
                return
            except DeliveryFailed as failed:
                cause = failed.__cause__
                if not (isinstance(cause, TwilioRestException) and cause.code == OUTSIDE_WINDOW):
                    raise
                log.info("63016 for %s: the window closed, using the template", to)
        media = self.media_url(reply)
        self._template(to, f"{reply.text}\n{media}" if media else reply.text)

    def _template(self, to: str, text: str) -> None:
        if not self.template_sid:
            raise DeliveryFailed(f"{to} is outside the 24-hour window and no template is set")
        variables = json.dumps({"1": text[:TEMPLATE_TEXT_LIMIT]}, ensure_ascii=False)
        try:
            self._create(to, content_sid=self.template_sid, content_variables=variables)
        except TwilioException as error:
            raise DeliveryFailed(str(error)) from error
