"""What a flow step receives, and the replies every flow shares (menu, hint)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.engine.conversation import Conversation
from bot.engine.events import Choice, Inbound, Reply
from bot.services.otp import OtpService
from bot.services.trader_api.api import TraderApi
from bot.settings import Settings
from bot.text.keys import MENU
from bot.text.messages import t

MENU_IDS = tuple(MENU)  # in the menu's order


@dataclass
class Step:
    api: TraderApi
    otp: OtpService
    settings: Settings
    event: Inbound
    conv: Conversation
    choice: str | None  # the chosen id, when the input picked one of the offered choices
    text: str  # the stripped text (or caption)

    def t(self, key: str, **values: object) -> str:
        return t(key, self.conv.lang, **values)

    @property
    def trader_id(self) -> int:
        assert self.conv.trader_id is not None
        return self.conv.trader_id

    def choice_of(self, id_: str, key: str, **values: object) -> Choice:
        return Choice(id_, self.t(key, **values))

    def menu(self, text: str | None = None) -> Reply:
        """Back to the menu: the flow's data is dropped."""
        self.conv.go("idle")
        choices = tuple(self.choice_of(f"menu:{item}", MENU[item]) for item in MENU_IDS)
        return Reply(text or self.t("menu.prompt"), choices)

    def reask(self, key: str = "hint") -> Reply:
        """The same choices again, with a hint, when the input matched none of them."""
        return Reply(self.t(key), tuple(self.conv.choices))

    @property
    def cancel_choice(self) -> Choice:
        return self.choice_of("flow:cancel", "choice.cancel")
