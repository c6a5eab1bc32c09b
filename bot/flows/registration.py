"""Registration: name -> phone -> SMS code -> active account."""

from __future__ import annotations

from bot.engine.events import Choice, Reply
from bot.flows.context import Step
from bot.text.messages import code_problem
from bot.text.parsing import digits_only
from bot.text.vocabulary import only_chat_words
from domain.errors import (
    DeliveryFailed,
    InvalidInput,
    OtpError,
    OtpRateLimited,
)
from domain.otp import CODE_DIGITS
from domain.phones import mask_phone, normalise_phone
from domain.traders import clean_name


def start(step: Step) -> list[Reply]:
    step.conv.go("reg_name")
    return [Reply(step.t("reg.welcome"))]


def on_name(step: Step) -> list[Reply]:
    try:
        name = clean_name(step.text)
    except InvalidInput:
        return [Reply(step.t("reg.bad_name"))]
    if only_chat_words(name):  # `bonjour`, `ok merci`: said at the question, not a name
        return [Reply(step.t("reg.bad_name"))]
    return [_ask_phone(step, name)]


def _ask_phone(step: Step, name: str) -> Reply:
    sender = _valid_phone(step.event.sender_phone)
    if sender:
        step.conv.go("reg_confirm_sender", name=name, sender=sender)
        choices = (step.choice_of("reg:sender_yes", "choice.yes"),
                   step.choice_of("reg:other", "reg.other_number"))  # fmt: skip
        return Reply(step.t("reg.confirm_sender", name=name, phone=sender), choices)
    step.conv.go("reg_phone", name=name)
    if step.event.can_share_contact:
        return Reply(
            step.t("reg.ask_phone_contact", name=name),
            request_contact=step.t("reg.share_contact"),
        )
    return Reply(step.t("reg.ask_phone", name=name))


def _valid_phone(text: str | None) -> str | None:
    if not text:
        return None
    try:
        return normalise_phone(text)
    except InvalidInput:
        return None


def on_confirm_sender(step: Step) -> list[Reply]:
    """Yes, another number, or the number typed (the same one means yes)."""
    name, sender = step.conv.data["name"], step.conv.data["sender"]
    if step.choice == "reg:sender_yes":
        return [_send_code(step, name, sender)]
    if step.choice == "reg:other":
        step.conv.go("reg_phone", name=name)
        return [Reply(step.t("reg.type_phone"))]
    typed = _valid_phone(step.text)
    if typed is not None:
        return [_send_code(step, name, typed)]
    return [step.reask()]


def on_phone(step: Step) -> list[Reply]:
    name, pending = step.conv.data["name"], step.conv.data.get("pending")
    event = step.event
    if event.contact_phone is not None and not event.contact_is_own:
        return [Reply(step.t("reg.not_own_contact"), _phone_choices(step))]
    if step.choice == "reg:retry" and step.conv.data.get("retry"):
        return [_send_code(step, name, step.conv.data["retry"])]
    phone = _valid_phone(event.contact_phone or step.text)
    if phone is None and pending and len(digits_only(step.text)) == CODE_DIGITS:
        step.conv.go("reg_code", name=name, phone=pending)  # the code already received
        return on_code(step)
    if phone is None:
        return [Reply(step.t("reg.bad_phone"), _phone_choices(step))]
    if phone == pending:  # the same number again: the code sent to it is still the one
        return [_code_question(step, name, phone, "reg.code_still_valid")]
    return [_send_code(step, name, phone)]


def _phone_choices(step: Step) -> tuple[Choice, ...]:
    return (step.cancel_choice,)


def _send_code(step: Step, name: str, phone: str) -> Reply:
    """The same reply whether or not the phone already belongs to a trader. A send that must
    wait keeps the way forward on buttons: try again, or cancel."""
    chat = f"{step.event.channel}:{step.event.user_ref}"
    try:
        step.otp.send(phone, chat, step.conv.lang)
    except (OtpRateLimited, DeliveryFailed) as problem:
        if step.conv.state == "reg_code":
            return Reply(code_problem(problem, step.conv.lang), _code_choices(step))
        step.conv.go("reg_phone", **{**step.conv.data, "name": name, "retry": phone})
        retry = step.choice_of("reg:retry", "reg.retry")
        return Reply(code_problem(problem, step.conv.lang), (retry, step.cancel_choice))
    return _code_question(step, name, phone, "reg.code_sent")


def _code_question(step: Step, name: str, phone: str, key: str) -> Reply:
    step.conv.go("reg_code", name=name, phone=phone)
    return Reply(step.t(key, phone=mask_phone(phone)), _code_choices(step))


def _code_choices(step: Step) -> tuple[Choice, ...]:
    return (step.choice_of("reg:resend", "reg.resend"),
            step.choice_of("reg:change", "reg.change_phone"))  # fmt: skip


def on_code(step: Step) -> list[Reply]:
    name, phone = step.conv.data["name"], step.conv.data["phone"]
    if step.choice == "reg:resend":
        return [_send_code(step, name, phone)]
    if step.choice == "reg:change":
        step.conv.go("reg_phone", name=name, pending=phone)
        return [Reply(step.t("reg.type_phone"), _phone_choices(step))]
    code = digits_only(step.text)
    if len(code) != CODE_DIGITS or len(step.text) > 20:
        return [Reply(step.t("reg.bad_code_format"), _code_choices(step))]
    try:
        step.otp.verify(phone, code)
    except OtpError as problem:
        return [Reply(code_problem(problem, step.conv.lang), _code_choices(step))]
    trader = step.api.registration.register(
        name, phone, step.event.channel, step.event.user_ref, step.conv.lang
    )
    step.conv.trader_id = trader.id
    step.conv.lang = trader.language.value
    return [step.menu(step.t("reg.done", name=trader.name))]


def reask(step: Step) -> Reply:
    """The open registration question again (after `aide` or `menu`)."""
    data, state = step.conv.data, step.conv.state
    if state == "reg_confirm_sender":
        step.conv.go("reg_name")
        return _ask_phone(step, data["name"])
    if state == "reg_phone":
        return Reply(step.t("reg.type_phone"), _phone_choices(step))
    if state == "reg_code":
        return Reply(step.t("reg.code_sent", phone=mask_phone(data["phone"])), _code_choices(step))
    step.conv.go("reg_name")
    return Reply(step.t("reg.ask_name"))


HANDLERS = {
    "reg_name": on_name,
    "reg_confirm_sender": on_confirm_sender,
    "reg_phone": on_phone,
    "reg_code": on_code,
}
