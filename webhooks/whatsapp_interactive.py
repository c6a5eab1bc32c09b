"""WhatsApp's own buttons, through Twilio's Content API.

Inside the 24-hour session WhatsApp shows, without any approval, a quick reply (1 to 3
buttons, titles of at most 20 characters) and a list picker (up to 10 items, titles of at most
24 characters). One Content template per shape ("quick-reply-2", "list-picker-7") has every
text in it as a variable (the body, each title and each id), so a handful of templates serve
every menu: each is created once, at first use or by `python -m bot init`, and its SID kept
in the database. A title too long is shortened with an ellipsis; its id stays exact, so the
pressed button (ButtonPayload) or picked item (ListId) comes back as the choice's id.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from twilio.base.exceptions import TwilioException
from twilio.rest import Client
from twilio.rest.content.v1.content import ContentList

from bot.engine.events import Reply
from bot.text.messages import t
from domain.ports.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)
QUICK_REPLY_MAX = 3
LIST_MAX = 10
BODY_LIMIT = 1024
ID_LIMIT = 200
TITLE_LIMITS = {"quick-reply": 20, "list-picker": 24}
RETRY_AFTER = timedelta(minutes=10)  # after a Content API failure, numbered text meanwhile
LANGUAGE = "fr"  # every text is a variable: one template serves both languages


@dataclass(frozen=True)
class Shape:
    kind: str  # "quick-reply" or "list-picker"
    size: int

    @property
    def key(self) -> str:
        return f"{self.kind}-{self.size}"


SHAPES = tuple(Shape("quick-reply", n) for n in range(1, QUICK_REPLY_MAX + 1)) + tuple(
    Shape("list-picker", n) for n in range(QUICK_REPLY_MAX + 1, LIST_MAX + 1)
)


def shorten(title: str, limit: int) -> str:
    """`title` if it fits, else cut at a word when that keeps most of it, with an ellipsis."""
    if len(title) <= limit:
        return title
    cut = title[: limit - 1].rstrip()
    word = cut.rsplit(" ", 1)[0].rstrip()
    return f"{word if len(word) >= limit // 2 else cut}…"


def shape_for(reply: Reply) -> Shape | None:
    """The template that shows this reply's choices as WhatsApp buttons; None when it can't
    (no choices, more than 10, a body or an id too long, titles alike once shortened)."""
    count = len(reply.choices)
    if not count or count > LIST_MAX or not reply.text or len(reply.text) > BODY_LIMIT:
        return None
    if any(len(choice.id) > ID_LIMIT for choice in reply.choices):
        return None
    shape = Shape("quick-reply" if count <= QUICK_REPLY_MAX else "list-picker", count)
    titles = {shorten(c.label, TITLE_LIMITS[shape.kind]) for c in reply.choices}
    return shape if len(titles) == count else None


def _first_choice_variable(shape: Shape) -> int:
    """Variables: 1 is the body; a list picker's 2 is its button; then title, id per choice."""
    return 2 if shape.kind == "quick-reply" else 3


def variables(shape: Shape, reply: Reply) -> dict[str, str]:
    """The ContentVariables of `reply` sent with the template of `shape` (a list picker's
    button in the reply's language)."""
    values = {"1": reply.text}
    if shape.kind == "list-picker":
        values["2"] = t("wa.list_button", reply.lang)
    first = _first_choice_variable(shape)
    for index, choice in enumerate(reply.choices):
        values[str(first + 2 * index)] = shorten(choice.label, TITLE_LIMITS[shape.kind])
        values[str(first + 2 * index + 1)] = choice.id
    return values


def definition(shape: Shape) -> ContentList.ContentCreateRequest:
    """The Content API request creating the template of `shape`, with sample values."""
    first = _first_choice_variable(shape)
    pairs = [(str(first + 2 * i), str(first + 2 * i + 1)) for i in range(shape.size)]
    samples = {"1": "Que voulez-vous faire ?"}
    for n, (title, id_) in enumerate(pairs, start=1):
        samples[title], samples[id_] = f"Choix {n}", f"choice:{n}"
    if shape.kind == "quick-reply":
        actions = [
            {"type": "QUICK_REPLY", "title": f"{{{{{a}}}}}", "id": f"{{{{{b}}}}}"} for a, b in pairs
        ]
        types = {"twilio/quick-reply": {"body": "{{1}}", "actions": actions}}
    else:
        samples["2"] = "Choisir"
        items = [{"item": f"{{{{{a}}}}}", "id": f"{{{{{b}}}}}"} for a, b in pairs]
        types = {"twilio/list-picker": {"body": "{{1}}", "button": "{{2}}", "items": items}}
    payload = {
        "friendly_name": f"tontine_{shape.key.replace('-', '_')}",
        "language": LANGUAGE,
        "variables": samples,
        "types": types,
    }
    return ContentList.ContentCreateRequest(payload)


class TwilioContentTemplates:
    """The SID of each shape's template: from memory, else the database, else made now."""

    def __init__(
        self,
        client: Client,
        uow_factory: Callable[[], UnitOfWork],
        clock: Callable[[], datetime],
    ) -> None:
        self.client = client
        self.uow_factory = uow_factory
        self.clock = clock
        self.known: dict[str, str] = {}
        self.failed_at: dict[str, datetime] = {}

    def sid(self, shape: Shape) -> str | None:
        """None when the Content API failed lately: the caller sends numbered text."""
        if shape.key in self.known:
            return self.known[shape.key]
        with self.uow_factory() as uow:
            kept = uow.content_templates.get(shape.key)
        if kept is None:
            failed = self.failed_at.get(shape.key)
            if failed is not None and self.clock() - failed < RETRY_AFTER:
                return None
            kept = self._create(shape)
        if kept is not None:
            self.known[shape.key] = kept
        return kept

    def ensure_all(self) -> list[str]:
        """Make every template not made yet (`python -m bot init`); the keys made now."""
        with self.uow_factory() as uow:
            missing = [s for s in SHAPES if uow.content_templates.get(s.key) is None]
        made = [shape.key for shape in missing if self._create(shape) is not None]
        return made

    def _create(self, shape: Shape) -> str | None:
        try:
            content = self.client.content.v1.contents.create(definition(shape))
        except TwilioException as error:
            log.warning("Content API: template %s not created: %s", shape.key, error)
            self.failed_at[shape.key] = self.clock()
            return None
        with self.uow_factory() as uow:
            kept = uow.content_templates.add(shape.key, content.sid, self.clock())
            uow.commit()
        log.info("Content API: template %s is %s", shape.key, kept)
        return kept


def content_variables(shape: Shape, reply: Reply) -> str:
    return json.dumps(variables(shape, reply), ensure_ascii=False)
