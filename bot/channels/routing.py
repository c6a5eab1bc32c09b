"""Where a message goes, decided in one place for every chat a channel serves.

The admin chat (a group of admins, or one admin's private chat) talks only to the admin desk.
Anywhere else, admin commands and admin buttons get one neutral line and reach nothing; a
private chat talks to the trader engine; any other group is not a trader's chat: a command
or a button there gets one line pointing to a private chat, and the rest is ignored.
"""

from __future__ import annotations

from enum import StrEnum

from bot.admin.commands import is_admin_input


class Route(StrEnum):
    DESK = "desk"
    TRADER = "trader"
    ELSEWHERE = "elsewhere"  # an admin command or button outside the admin chat
    GROUP = "group"  # addressed to the bot in a group that is not the admin chat
    IGNORE = "ignore"  # group chatter not addressed to the bot


def route_of(*, in_admin_chat: bool, private: bool, text: str, choice: str | None) -> Route:
    if in_admin_chat:
        return Route.DESK
    if is_admin_input(text, choice):
        return Route.ELSEWHERE
    if private:
        return Route.TRADER
    if choice is not None or text.strip().startswith("/"):
        return Route.GROUP
    return Route.IGNORE
