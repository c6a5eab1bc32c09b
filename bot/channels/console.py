"""The local channel: chat with the bot in a terminal, as a trader.

Choices are shown numbered (type the number or the label); `/photo PATH [reference]` sends an
image, `/contact PHONE` shares a contact, `/quit` leaves.
"""

from __future__ import annotations

import getpass
import logging
import shlex
import sys
import uuid
from pathlib import Path
from typing import TextIO

from bot.engine.core import Engine, choices_text
from bot.engine.events import Inbound, Reply
from bot.messages import t
from bot.notify import LogSender
from bot.wiring import Services, build_desk, build_dispatcher, build_engine

log = logging.getLogger(__name__)
CHANNEL = "console"


def render(reply: Reply) -> str:
    parts = [reply.text]
    if reply.choices:
        parts.append(choices_text(reply.choices))
    if reply.request_contact:
        parts.append(t("console.share_hint", label=reply.request_contact))
    return "\n".join(parts)


def to_event(line: str, user_ref: str) -> Inbound | None:
    """A typed line as an inbound event; None for a console command that failed."""
    message_id = uuid.uuid4().hex
    if line.startswith("/photo"):
        args = shlex.split(line)[1:]
        if not args:
            return None
        path = Path(args[0]).expanduser()
        if not path.is_file():
            return None
        caption = " ".join(args[1:])
        return Inbound(CHANNEL, user_ref, message_id, text=caption, image=path.read_bytes())
    if line.startswith("/contact"):
        phone = line.removeprefix("/contact").strip()
        return Inbound(CHANNEL, user_ref, message_id, contact_phone=phone, can_share_contact=True)
    return Inbound(CHANNEL, user_ref, message_id, text=line, can_share_contact=True)


def converse(engine: Engine | AdminConsole, user_ref: str, stdin: TextIO, stdout: TextIO) -> int:
    print(t("console.welcome"), file=stdout)
    print(file=stdout, flush=True)
    for raw in stdin:
        line = raw.rstrip("\n")
        if line.strip() == "/quit":
            break
        event = to_event(line, user_ref)
        if event is None:
            print(t("console.no_file"), file=stdout)
            continue
        try:
            replies = engine.handle(event)
        except Exception:  # the channel's one top-level handler: log it, apologise
            log.exception("unhandled error for %s", user_ref)
            replies = [Reply(t("error"))]
        for reply in replies:
            print(render(reply), file=stdout)
            print(file=stdout)
        stdout.flush()
    return 0


class AdminConsole:
    """The admin chat in a terminal: register like a trader first, then the admin desk."""

    def __init__(self, services: Services) -> None:
        self.engine = build_engine(services)
        self.desk = build_desk(services)
        self.uow_factory = services.uow_factory

    def handle(self, event: Inbound) -> list[Reply]:
        with self.uow_factory() as uow:
            registered = uow.traders.by_identity(event.channel, event.user_ref) is not None
        return (self.desk if registered else self.engine).handle(event)


def run_console(services: Services, *, admin: bool = False) -> int:
    user = getpass.getuser()
    # Pushes to other chats (proof decisions, announcements) show in the log here.
    services.channels.senders[CHANNEL] = LogSender("console")
    build_dispatcher(services).start()
    if admin:
        return converse(AdminConsole(services), f"admin-{user}", sys.stdin, sys.stdout)
    return converse(build_engine(services), f"local-{user}", sys.stdin, sys.stdout)
