"""What admins read about the files a trader sent that are not a readable image."""

from __future__ import annotations

from bot.text import formatting as fmt
from bot.text.messages import t
from bot.text.values import Moment
from domain.proofs import UnreadableAttachment


def attachment_lines(attachments: list[UnreadableAttachment], lang: str) -> list[str]:
    """A line per such file sent for the order ("pièce jointe illisible")."""
    return [
        t(
            "admin.attachment_refused" if a.reason == "too_large" else "admin.attachment_kept",
            lang,
            size=fmt.kilobytes(a.size, lang),
            date=Moment(a.received_at),
        )
        for a in attachments
    ]
