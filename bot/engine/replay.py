"""Replies as JSON, so the inbox can keep what was answered and replay it on a retry.

Bounded: a photo or a document over MAX_KEPT_BYTES is not kept (its text still is); a
replay then sends the text alone. A trader's PDF receipt (about 47 KB) is kept; only
admin replies (a proof photo, an export) can be that large, and the original is in the
database anyway.
"""

from __future__ import annotations

import base64

from bot.engine.events import Choice, Reply
from domain.ports.messaging import JsonDict

MAX_KEPT_BYTES = 64 * 1024


def _kept(content: bytes | None) -> str | None:
    if content is None or len(content) > MAX_KEPT_BYTES:
        return None
    return base64.b64encode(content).decode()


def to_data(reply: Reply) -> JsonDict:
    data: JsonDict = {"text": reply.text, "choices": [[c.id, c.label] for c in reply.choices]}
    if reply.request_contact:
        data["request_contact"] = reply.request_contact
    if reply.edit:
        data["edit"] = True
    if _kept(reply.photo) is not None:
        data["photo"] = _kept(reply.photo)
    if reply.document is not None and _kept(reply.document[1]) is not None:
        data["document"] = [reply.document[0], _kept(reply.document[1])]
    if reply.document_path:
        data["document_path"] = reply.document_path
    if reply.photo_path:
        data["photo_path"] = reply.photo_path
    if reply.lang != "fr":
        data["lang"] = reply.lang
    return data


def from_data(data: JsonDict) -> Reply:
    document = data.get("document")
    photo = data.get("photo")
    return Reply(
        text=data["text"],
        choices=tuple(Choice(id_, label) for id_, label in data.get("choices", ())),
        request_contact=data.get("request_contact"),
        document=(document[0], base64.b64decode(document[1])) if document else None,
        photo=base64.b64decode(photo) if photo else None,
        edit=bool(data.get("edit", False)),
        document_path=data.get("document_path"),
        photo_path=data.get("photo_path"),
        lang=data.get("lang", "fr"),
    )
