"""`/reception C00001 3,4 [cartons]`: goods measured at the China warehouse.

A photo of the goods may come as the command's caption or right after it. The admin sees
what the measure changes (new total with the order's frozen terms, space reserved or freed,
credit) and confirms; a larger measure that does not fit offers a choice instead: move the
order to the next container, or refuse the extra.
"""

from __future__ import annotations

import base64
import secrets
from typing import Any

from bot.admin import confirm
from bot.admin.step import AdminStep
from bot.engine.events import Choice, Reply
from bot.services import warehouse as receipt_service
from bot.services.warehouse import ReceiptRequest, Room
from bot.text.keys import RECEIPT_DONE, RECEIPT_EFFECT
from bot.text.parsing import parse_amount
from bot.text.values import Money, Volume
from domain.errors import InvalidInput, NotFound, ProofRejected
from domain.orders import format_number, parse_id, parse_number
from domain.proofs import check_image
from domain.quantities import litres_from_cbm
from domain.warehouse import NoRoomForMeasure, ReceiptOutcome

ROOM_STATE = "admin_receipt_room"


def _measure(text: str) -> int:
    try:
        return litres_from_cbm(parse_amount(text))
    except (InvalidInput, ValueError):
        raise InvalidInput("unreadable", command="reception") from None


def cmd_receipt(step: AdminStep) -> list[Reply]:
    if len(step.args) not in (2, 3):
        return step.usage("reception")
    order_id = parse_number(step.args[0])
    measured_l = _measure(step.args[1])
    cartons = parse_id(step.args[2]) if len(step.args) == 3 else None
    photo = step.event.image
    if photo is not None and not _readable(photo):
        return step.reply("admin.receipt_photo_unreadable")
    params: dict[str, Any] = {"order_id": order_id, "measured_l": measured_l, "cartons": cartons}
    if photo is not None:
        params["photo"] = base64.b64encode(photo).decode()
    return _preview(step, params)


def _readable(photo: bytes) -> bool:
    try:
        check_image(photo)
    except ProofRejected:
        return False
    return True


def _preview(step: AdminStep, params: dict[str, Any]) -> list[Reply]:
    try:
        seen = receipt_service.preview(
            step.desk.uow_factory(), params["order_id"], params["measured_l"]
        )
    except NotFound:
        return step.reply("admin.order_unknown", number=format_number(params["order_id"]))
    except InvalidInput as bad:
        raise InvalidInput(bad.reason, command="reception") from None
    order = seen.order
    difference = abs(seen.new_total_gnf - order.total_gnf)
    effect = step.t(
        RECEIPT_EFFECT[seen.outcome],
        total=Money(seen.new_total_gnf),
        difference=Money(difference),
        volume=Volume(abs(params["measured_l"] - order.volume_l)),
        code=seen.container.code,
    )
    if seen.outcome is ReceiptOutcome.LARGER and not seen.fits:
        effect = _no_room_text(step, seen.container.code, seen.container.remaining_l)
    preview = step.t(
        "admin.receipt_preview",
        number=order.number,
        trader=seen.trader_name,
        measured=Volume(params["measured_l"]),
        previous=Volume(order.volume_l),
        cartons=params["cartons"] if params["cartons"] is not None else "—",
        photo=step.t(
            "admin.receipt_photo_yes" if params.get("photo") else "admin.receipt_photo_no"
        ),
        effect=effect,
    )
    if seen.outcome is ReceiptOutcome.LARGER and not seen.fits:
        return _ask_room(step, params, preview)
    return confirm.ask(step, "receipt", params, preview)


def _no_room_text(step: AdminStep, code: str, remaining_l: int) -> str:
    return step.t("admin.receipt_no_room", code=code, remaining=Volume(max(remaining_l, 0)))


def _ask_room(step: AdminStep, params: dict[str, Any], preview: str) -> list[Reply]:
    """No room for the extra: the admin chooses, on buttons bound to this preview."""
    token = secrets.token_hex(6)
    step.conv.go(ROOM_STATE, params=params, token=token, preview=preview)
    choices = (
        Choice(f"adm:rcpt:move:{token}", step.t("admin.receipt_move")),
        Choice(f"adm:rcpt:refuse:{token}", step.t("admin.receipt_refuse")),
        step.cancel_choice(),
    )
    return [Reply(preview, choices)]


def on_button(step: AdminStep, rest: list[str]) -> list[Reply]:
    """`adm:rcpt:move:<token>` / `adm:rcpt:refuse:<token>`: only the preview just shown."""
    data = step.conv.data
    if len(rest) != 2 or step.conv.state != ROOM_STATE or data.get("token") != rest[1]:
        return step.reply("stale_button")
    room = {"move": Room.MOVE, "refuse": Room.REFUSE}.get(rest[0])
    if room is None:
        return step.reply("stale_button")
    step.conv.go("idle")
    return _record(step, data["params"], room)


@confirm.action("receipt")
def _confirmed(step: AdminStep, params: dict[str, Any]) -> list[Reply]:
    return _record(step, params, Room.ASK)


def _record(step: AdminStep, params: dict[str, Any], room: Room) -> list[Reply]:
    photo = base64.b64decode(params["photo"]) if params.get("photo") else None
    request = ReceiptRequest(
        params["order_id"], params["measured_l"], step.actor, params["cartons"], photo, room
    )
    try:
        done = receipt_service.record_receipt(step.desk.uow_factory(), request, step.desk.clock())
    except NoRoomForMeasure as full:  # the space went meanwhile, or none in the next one
        return _ask_room(step, params, _no_room_text(step, full.code, full.remaining_l))
    except NotFound:
        return step.reply("admin.order_unknown", number=format_number(params["order_id"]))
    except InvalidInput as bad:  # recorded meanwhile (another admin), or no longer paid
        raise InvalidInput(bad.reason, command="reception") from None
    return step.reply(
        RECEIPT_DONE[done.receipt.status],
        number=done.order.number,
        measured=Volume(done.receipt.measured_l),
        code=done.container.code,
        difference=Money(abs(done.receipt.difference_gnf)),
    )


def photo_after(step: AdminStep) -> list[Reply]:
    """A photo sent right after `/reception`: joined to the preview, shown again."""
    data = step.conv.data
    waiting = step.conv.state == ROOM_STATE or data.get("action") == "receipt"
    if step.event.image is None or not waiting:
        return step.reply("admin.unknown")
    if not _readable(step.event.image):
        return step.reply("admin.receipt_photo_unreadable")
    params = dict(data["params"], photo=base64.b64encode(step.event.image).decode())
    return _preview(step, params)
