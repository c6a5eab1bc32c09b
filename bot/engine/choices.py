"""Which offered choice an input picks: a pressed button, a number typed, or a label typed.

Shared by the trader engine and the admin desk, so `2` and `Valider` mean the same thing on
every channel, with buttons or without.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.engine.events import Choice, Inbound

STALE = "__stale__"


def fold(text: str) -> str:
    """'📦 Nouveau devis' -> 'nouveau devis': labels compared without emoji or case."""
    kept = "".join(ch for ch in text.casefold() if ch.isalnum() or ch.isspace() or ch in "/?")
    return " ".join(kept.split())


def typed_choice(offered: Sequence[Choice], text: str) -> str | None:
    """The id of the choice `text` names by its number (`2`) or its label; else None."""
    folded = fold(text)
    if folded.isascii() and folded.isdigit() and 1 <= int(folded) <= len(offered):
        return offered[int(folded) - 1].id
    return next((c.id for c in offered if folded and fold(c.label) == folded), None)


def resolve_choice(
    offered: Sequence[Choice], event: Inbound, *, open_ids: str | tuple[str, ...] = ""
) -> str | None:
    """A pressed id if it was offered (or starts with one of `open_ids`: buttons pushed with
    a notification, checked by their handler), STALE if not; else the choice the typed text
    names, or None."""
    if event.choice is not None:
        known = event.choice in {c.id for c in offered}
        if known or (open_ids and event.choice.startswith(open_ids)):
            return event.choice
        return STALE
    return typed_choice(offered, event.text)
