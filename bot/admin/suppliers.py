"""`/fournisseur …`: the supplier directory kept from the admin chat.

    /fournisseur ajouter Nom | Ville | catégorie | téléphone ou wechat:ID | note (photo: caption)
    /fournisseur modifier 3 champ valeur      (nom, ville, categorie, contact, note, recommande)
    /fournisseur recommander 3 [non]
    /fournisseur retirer 3
    /fournisseur liste [catégorie]
    /fournisseur importer                     (caption of a CSV document, or the document next)

A bad line, a duplicate, a contact that is neither a phone nor a WeChat id: one line, and
nothing is changed (an import is all the lines or none).
"""

from __future__ import annotations

import csv
import io

from bot.admin.step import AdminStep
from bot.engine.events import Reply
from bot.services import suppliers as service
from bot.services.suppliers import Draft
from bot.text.directory_words import supplier_category
from bot.text.keys import SUPPLIER_CATEGORY, SUPPLIER_PROBLEM
from bot.text.vocabulary import yes_or_no
from domain.errors import InvalidInput, NotFound, ProofRejected
from domain.orders import parse_id
from domain.proofs import check_image
from domain.suppliers import Supplier, SupplierCategory, parse_contact

IMPORT_STATE = "admin_supplier_import"
COLUMNS = ("nom", "ville", "categorie", "contact")
OPTIONAL = ("note", "recommande")
MAX_LINES = 2000
MAX_CSV_BYTES = 1_000_000


def _category(text: str) -> SupplierCategory:
    found = supplier_category(text)
    if found is None:
        raise InvalidInput("supplier_category")
    return found


def _draft(fields: dict[str, str]) -> Draft:
    return Draft(
        name=fields["nom"], city=fields["ville"], category=_category(fields["categorie"]),
        contact=parse_contact(fields["contact"]), note=fields.get("note") or "",
        recommended=yes_or_no(fields.get("recommande") or "") is True,
    )  # fmt: skip


def _sub(step: AdminStep) -> str:
    return step.args[0].lower() if step.args else ""


def cmd_supplier(step: AdminStep) -> list[Reply]:
    handler = SUBCOMMANDS.get(_sub(step))
    return handler(step) if handler else step.usage("fournisseur")


def _add(step: AdminStep) -> list[Reply]:
    parts = [p.strip() for p in " ".join(step.args[1:]).split("|")]
    if len(parts) not in (4, 5):
        return step.usage("fournisseur")
    draft = _draft(dict(zip(("nom", "ville", "categorie", "contact", "note"), parts, strict=False)))
    photo = step.event.image
    if photo is not None and not _is_image(photo):
        return step.reply("admin.supplier_photo_unreadable")
    supplier = service.add(step.desk.uow_factory(), draft, step.actor, step.desk.clock(), photo)
    return step.reply("admin.supplier_added", id=supplier.id, name=supplier.name)


def _is_image(content: bytes) -> bool:
    try:
        check_image(content)
    except ProofRejected:
        return False
    return True


def _target(step: AdminStep) -> int:
    if len(step.args) < 2:
        raise InvalidInput("unreadable_id", command="fournisseur")
    return parse_id(step.args[1])


def _change(step: AdminStep) -> list[Reply]:
    if len(step.args) < 4 or step.args[2].lower() not in service.FIELDS:
        return step.usage("fournisseur")
    field, raw = step.args[2].lower(), " ".join(step.args[3:])
    value: object = raw
    if field == "categorie":
        value = _category(raw)
    elif field == "contact":
        value = parse_contact(raw)
    elif field == "recommande":
        value = yes_or_no(raw) is True
    return _changed(step, _target(step), field, value)


def _recommend(step: AdminStep) -> list[Reply]:
    flag = not (len(step.args) > 2 and yes_or_no(step.args[2]) is False)
    return _changed(step, _target(step), "recommande", flag)


def _changed(step: AdminStep, supplier_id: int, field: str, value: object) -> list[Reply]:
    try:
        supplier = service.change(
            step.desk.uow_factory(), supplier_id, field, value, step.actor, step.desk.clock()
        )
    except NotFound:
        return step.reply("admin.supplier_unknown", id=supplier_id)
    return [Reply(step.t("admin.supplier_changed") + "\n" + _line(step, supplier))]


def _remove(step: AdminStep) -> list[Reply]:
    supplier_id = _target(step)
    try:
        gone = service.remove(step.desk.uow_factory(), supplier_id, step.actor, step.desk.clock())
    except NotFound:
        return step.reply("admin.supplier_unknown", id=supplier_id)
    return step.reply("admin.supplier_removed", id=supplier_id, name=gone.name)


def _line(step: AdminStep, s: Supplier) -> str:
    contact = " · ".join(x for x in (s.phone, f"WeChat {s.wechat}" if s.wechat else "") if x)
    return step.t(
        "admin.supplier_line", id=s.id, star="⭐ " if s.recommended else "", name=s.name,
        city=s.city, category=step.t(SUPPLIER_CATEGORY[s.category]), contact=contact,
    )  # fmt: skip


def _list(step: AdminStep) -> list[Reply]:
    category = _category(" ".join(step.args[1:])) if len(step.args) > 1 else None
    found = service.listing(step.desk.uow_factory(), category)
    if not found:
        return step.reply("admin.supplier_none")
    return [Reply("\n".join(_line(step, s) for s in found[:100]))]


def _import(step: AdminStep) -> list[Reply]:
    if step.event.image is None:
        step.conv.go(IMPORT_STATE)
        return step.reply("admin.supplier_send_csv")
    return import_csv(step, step.event.image)


def document_after(step: AdminStep) -> list[Reply]:
    """The CSV document sent after `/fournisseur importer`."""
    step.conv.go("idle")
    if step.event.image is None:
        return step.reply("admin.supplier_send_csv")
    return import_csv(step, step.event.image)


def import_csv(step: AdminStep, content: bytes) -> list[Reply]:
    try:
        drafts = read_csv(content)
    except InvalidInput as bad:
        if bad.reason != "csv_line":
            raise
        problem = step.t(SUPPLIER_PROBLEM[str(bad.details["problem"])])
        return step.reply("admin.supplier_csv_line", line=bad.details["line"], problem=problem)
    count = service.import_drafts(step.desk.uow_factory(), drafts, step.actor, step.desk.clock())
    return step.reply("admin.supplier_imported", count=count)


def read_csv(content: bytes) -> list[Draft]:
    """Every line as a Draft, or InvalidInput naming the first problem (columns, a line)."""
    if len(content) > MAX_CSV_BYTES:
        raise InvalidInput("csv_unreadable")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput("csv_unreadable") from None
    delimiter = (
        ";" if text.split("\n", 1)[0].count(";") > text.split("\n", 1)[0].count(",") else ","
    )
    rows = list(csv.DictReader(io.StringIO(text), delimiter=delimiter))[: MAX_LINES + 1]
    header = {(h or "").strip().lower() for h in (rows[0].keys() if rows else [])}
    missing = [c for c in COLUMNS if c not in header]
    if missing or not rows:
        raise InvalidInput("csv_columns", missing=", ".join(missing or COLUMNS))
    if len(rows) > MAX_LINES:
        raise InvalidInput("csv_too_long")
    return [_csv_draft(row, n) for n, row in enumerate(rows, start=2)]


def _csv_draft(row: dict, line: int) -> Draft:
    fields = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k}
    try:
        return _draft(fields)
    except InvalidInput as bad:
        raise InvalidInput("csv_line", line=line, problem=bad.reason) from None


SUBCOMMANDS = {
    "ajouter": _add,
    "modifier": _change,
    "recommander": _recommend,
    "retirer": _remove,
    "liste": _list,
    "importer": _import,
}
