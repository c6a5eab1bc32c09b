"""What channels hand to the engine, and what the engine hands back.

Choices are data (an id and a label): Telegram renders them as buttons, WhatsApp and the
console as a numbered list, and the engine maps `2` or a label back to the id.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Inbound:
    channel: str  # "telegram", "whatsapp", "console", ...
    user_ref: str  # the chat's identity on that channel
    message_id: str = ""  # the channel's id, for idempotency ("" when the channel has none)
    text: str = ""  # typed text, or a photo's caption
    choice: str | None = None  # the id of a pressed button
    image: bytes | None = None  # a photo or a document, already downloaded (may not be an image)
    image_error: str | None = None  # the channel refused the file before download
    contact_phone: str | None = None  # a shared contact's number
    contact_is_own: bool = True  # whether that contact is the sender's own
    sender_phone: str | None = None  # a phone the channel knows (WhatsApp's From)
    can_share_contact: bool = False  # the channel offers a "share my number" button
    chat_ref: str = ""  # the chat it was said in, when that differs from user_ref (groups)
    sender_name: str = ""  # the sender's display name, where the channel gives one
    reply_to: str = ""  # the id of the message this one replies to (a Telegram reply)


@dataclass(frozen=True)
class Choice:
    id: str
    label: str


@dataclass(frozen=True)
class Reply:
    text: str
    choices: tuple[Choice, ...] = ()
    request_contact: str | None = None  # label of a "share my number" button
    document: tuple[str, bytes] | None = None  # (file name, content)
    document_path: str | None = None  # where the web app serves `document` (WhatsApp media)
    photo_path: str | None = None  # where the web app serves `photo` (a signed link)
    photo: bytes | None = None  # sent as a photo, `text` as its caption
    edit: bool = False  # replaces the message whose button was pressed
    reply_to: str | None = None  # shown as a reply to this message of the recipient's chat
    lang: str = "fr"  # the recipient's: what the channel adds itself is written in it too


class ChatBusy(Exception):
    """The chat's lock stayed held elsewhere: the message was not handled (nothing marked,
    nothing saved). A channel that can put the message back (a queue) does so; the others
    answer "busy" (Engine.handle)."""
