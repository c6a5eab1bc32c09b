"""The engine: one inbound event in, replies out, whatever the channel.

Per chat it takes a lock, then loads the state (like aiogram's FSM middleware), so one
trader's messages are handled one at a time; a message id seen before is not handled again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from bot.engine.choices import STALE, fold, resolve_choice
from bot.engine.conversation import Conversation
from bot.engine.events import ChatBusy, Choice, Inbound, Reply
from bot.engine.gate import MessageGate
from bot.flows import (
    account,
    balance,
    order,
    proof,
    quote,
    receipt,
    registration,
    suppliers,
    support,
    talk,
    warehouse,
)
from bot.flows.context import Step
from bot.services.otp import OtpService
from bot.services.trader_api import TraderApi
from bot.settings import Settings
from bot.text.messages import t
from bot.text.vocabulary import COMMAND_WORDS
from domain.ports import ConversationStore, Locks, UnitOfWork

log = logging.getLogger(__name__)

MAX_TEXT = 1000
WORD_ACTIONS = {word: action for action, words in COMMAND_WORDS.items() for word in words}
MENU_ACTIONS: dict[str, Callable[[Step], list[Reply]]] = {
    "quote": quote.start,
    "orders": account.my_orders,
    "proof": proof.start,
    "container": account.container_status,
    "help": account.help_text,
    "language": account.ask_language,
    "support": support.start,
    "balance": balance.my_balance,
    "suppliers": suppliers.start,
}
CHOICE_PREFIXES = {balance.PREFIX: balance.on_choice, suppliers.PREFIX: suppliers.on_choice}
FLOW_HANDLERS = {**quote.HANDLERS, **order.HANDLERS, **proof.HANDLERS, **account.HANDLERS}
PROOF_STATES = frozenset(proof.HANDLERS)
QUESTION = "_question"  # conversation data: the text of the open question


class Engine:
    def __init__(
        self,
        *,
        api: TraderApi,
        otp: OtpService,
        settings: Settings,
        conversations: ConversationStore,
        locks: Locks,
        uow_factory: Callable[[], UnitOfWork],
        clock: Callable[[], datetime],
    ) -> None:
        self.api = api
        self.otp = otp
        self.settings = settings
        self.conversations = conversations
        self.gate = MessageGate(locks, uow_factory, clock)

    def handle(self, event: Inbound) -> list[Reply]:
        """The replies to `event`, or "busy" in the sender's language when the chat stays
        locked elsewhere."""
        try:
            return self.attempt(event)
        except ChatBusy:
            lang = self.language_of(event.channel, event.user_ref)
            return [Reply(t("busy", lang), lang=lang)]

    def attempt(self, event: Inbound) -> list[Reply]:
        """The chat locked and its state loaded in one Redis round trip, saved and unlocked
        in one (after the handled mark: see MessageGate); ChatBusy when the chat stays
        locked elsewhere (a queued message is put back rather than answered "busy")."""
        lock = f"chat:{event.channel}:{event.user_ref}"
        terms = self.api.terms
        along = (terms.key,) if terms else ()  # their version, for the terms cache
        held = self.conversations.held(event.channel, event.user_ref, lock, along)
        conv = Conversation()

        def work() -> list[Reply]:
            nonlocal conv
            conv = Conversation.from_dict(held.state)
            if terms is None:
                return self._handle_locked(conv, event)
            with terms.observed(held.along[0]):
                return self._handle_locked(conv, event)

        return self.gate.attempt(held, event, work, after=lambda: held.save(conv.to_dict()))

    def language_of(self, channel: str, user_ref: str) -> str:
        """The language a chat is spoken to in, read without its lock (for what the channel
        says itself: busy, an apology): its conversation's, else its trader's, else French."""
        conv = Conversation.from_dict(self.conversations.load(channel, user_ref))
        if conv.trader_id is not None or conv.lang != "fr":
            return conv.lang
        trader = self.api.find_trader(channel, user_ref)
        return trader.language.value if trader is not None else conv.lang

    def _handle_locked(self, conv: Conversation, event: Inbound) -> list[Reply]:
        self._identify(conv, event)
        replies = self._route(conv, event)
        if replies:
            conv.choices = list(replies[-1].choices)
            if conv.state in FLOW_HANDLERS:  # the open question, to ask again after a detour
                conv.data[QUESTION] = replies[-1].text[:MAX_TEXT]
        return [replace(reply, lang=conv.lang) for reply in replies]  # the channel's own words

    def _identify(self, conv: Conversation, event: Inbound) -> None:
        """A chat whose state was lost (or never kept) is still recognised by its identity."""
        if conv.trader_id is not None:
            return
        trader = self.api.find_trader(event.channel, event.user_ref)
        if trader is not None:
            conv.trader_id = trader.id
            conv.lang = trader.language.value
            conv.go("idle")

    def _route(self, conv: Conversation, event: Inbound) -> list[Reply]:
        if len(event.text) > MAX_TEXT:
            log.info("oversized message (%d chars) from %s", len(event.text), event.user_ref)
            return [Reply(t("too_long", conv.lang), tuple(conv.choices))]
        choice = resolve_choice(
            conv.choices, event, open_ids=("menu:", warehouse.PREFIX, balance.PREFIX)
        )
        step = Step(self.api, self.otp, self.settings, event, conv, choice, event.text.strip())
        action = None if event.image else WORD_ACTIONS.get(fold(event.text))
        if conv.trader_id is None:
            return self._route_unregistered(step, action)
        return self._route_trader(step, action)

    def _route_unregistered(self, step: Step, action: str | None) -> list[Reply]:
        conv = step.conv
        if action == "cancel" and conv.state != "start":
            conv.go("start")
            return [Reply(step.t("reg.cancelled"))]
        commands = ("menu", "help", "quote", "orders", "proof", "container", "balance", "suppliers")
        if action in commands and conv.state in registration.HANDLERS:  # never a name
            return [Reply(step.t("reg.help")), registration.reask(step)]
        handler = registration.HANDLERS.get(conv.state)
        return handler(step) if handler else registration.start(step)

    def _route_trader(self, step: Step, action: str | None) -> list[Reply]:
        if support.active(step):  # talking to a human: relayed, unless it is for the bot
            relayed = support.on_message(step, action)
            if relayed is not None:
                return relayed
        choice = step.choice or ""
        if choice == STALE:
            log.info("stale or forged button %r from %s", step.event.choice, step.event.user_ref)
            return [step.menu(step.t("stale_button"))]
        if action == "cancel" or choice == "flow:cancel":
            return [step.menu(step.t("cancelled"))]
        if action == "menu":
            return [step.menu()]
        menu_item = choice.removeprefix("menu:") if choice.startswith("menu:") else action
        state = step.conv.state
        aside = menu_item == "help" or step.event.image is not None or step.event.image_error
        if aside and state in FLOW_HANDLERS and state not in PROOF_STATES:
            return self._detour(step, menu_item)
        if menu_item in MENU_ACTIONS:
            return MENU_ACTIONS[menu_item](step)
        if receipt.requested(step, in_flow=state in FLOW_HANDLERS):
            return receipt.send_again(step)
        if choice == "orders:pick_cancel":
            return account.pick_cancel(step)
        if choice.startswith(warehouse.PREFIX):  # pushed with the receipt card, or My orders
            return warehouse.on_answer(step)
        prefix = choice[: choice.find(":") + 1]
        if prefix in CHOICE_PREFIXES:  # a cancellation's credit, a supplier list's page
            return CHOICE_PREFIXES[prefix](step)
        handler = FLOW_HANDLERS.get(step.conv.state)
        if handler is not None:
            return handler(step)
        if step.event.image_error:
            return proof.refused(step)
        if step.event.image is not None:
            return proof.start(step, image=step.event.image)
        return warehouse.typed_answer(step) or talk.free_text(step, MENU_ACTIONS)

    def _detour(self, step: Step, action: str | None) -> list[Reply]:
        """`aide`, or a photo, in the middle of a flow: answered (the photo kept and handled as
        a payment proof), then the open question is asked again, its answers unchanged."""
        conv = step.conv
        state, data, choices = conv.state, dict(conv.data), list(conv.choices)
        if action == "help":
            answer = [Reply(step.t("help", hours=step.settings.reservation_hours))]
        elif step.event.image_error:
            answer = proof.refused(step)
        else:
            answer = proof.start(step, image=step.event.image)
        if conv.state in PROOF_STATES:  # the proof flow asks something of its own now
            return answer
        conv.state, conv.data = state, data
        again = Reply(
            step.t("flow.back_to_question", question=data.get(QUESTION, "")), tuple(choices)
        )
        return [Reply(r.text) for r in answer] + [again]


def choices_text(choices: tuple[Choice, ...]) -> str:
    """A numbered list, for channels without buttons (console, WhatsApp)."""
    return "\n".join(f"{n}. {c.label}" for n, c in enumerate(choices, start=1))
