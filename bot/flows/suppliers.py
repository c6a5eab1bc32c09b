"""Suppliers: a trader asks in their words (`fournisseurs textile`, `où acheter des
téléphones`, or *Fournisseurs* in the menu) and reads the category's suppliers, five at a
time with *Suivant*. Only the suppliers' own contacts: nothing of ours, nothing of others."""

from __future__ import annotations

from bot.engine.events import Choice, Reply
from bot.flows.context import Step
from bot.services.suppliers import Page, SupplierView
from bot.text.directory_words import supplier_category
from bot.text.keys import SUPPLIER_CATEGORY
from domain.suppliers import SupplierCategory

PREFIX = "sup:"
MAX_CATEGORY_CHOICES = 13


def start(step: Step) -> list[Reply]:
    """The menu's *Fournisseurs*: the categories that have suppliers."""
    counts = step.api.directory.supplier_categories()
    if not counts:
        return [step.menu(step.t("suppliers.empty"))]
    choices = tuple(
        step.choice_of(
            f"sup:cat:{c.value}",
            "suppliers.category_choice",
            category=step.t(SUPPLIER_CATEGORY[c]),
            count=n,
        )
        for c, n in sorted(counts.items())[:MAX_CATEGORY_CHOICES]
    )
    step.conv.go("idle")
    return [Reply(step.t("suppliers.which"), (*choices, step.cancel_choice))]


def from_words(step: Step) -> list[Reply]:
    category = supplier_category(step.text)
    return show(step, category, 1) if category else start(step)


def _block(step: Step, s: SupplierView) -> str:
    contact = " · ".join(
        part for part in (s.phone, f"WeChat : {s.wechat}" if s.wechat else None) if part
    )
    star = step.t("suppliers.recommended") if s.recommended else ""
    note = f"\n   {s.note}" if s.note else ""
    return step.t("suppliers.line", star=star, name=s.name, city=s.city, contact=contact) + note


def show(step: Step, category: SupplierCategory, number: int) -> list[Reply]:
    page: Page = step.api.directory.supplier_page(category, number)
    label = step.t(SUPPLIER_CATEGORY[category])
    if not page.suppliers:
        return [step.menu(step.t("suppliers.none", category=label))]
    photos = [
        Reply(step.t("suppliers.photo", name=s.name), photo=s.photo)
        for s in page.suppliers
        if s.photo
    ]
    pages = -(-page.total // 5)
    head = step.t("suppliers.title", category=label, page=number, pages=pages, total=page.total)
    text = "\n".join([head, *(_block(step, s) for s in page.suppliers)])
    menu = step.menu()
    more: tuple[Choice, ...] = ()
    if page.has_next:
        more = (step.choice_of(f"sup:page:{category.value}:{number + 1}", "suppliers.next"),)
    return [*photos, Reply(text), Reply(menu.text, (*menu.choices, *more))]


def on_choice(step: Step) -> list[Reply]:
    """`sup:cat:<category>` or `sup:page:<category>:<n>`: parsed strictly."""
    parts = (step.choice or "").split(":")
    category = next((c for c in SupplierCategory if len(parts) > 2 and c.value == parts[2]), None)
    if category is None:
        return [step.menu(step.t("stale_button"))]
    if parts[1] == "cat" and len(parts) == 3:
        return show(step, category, 1)
    if parts[1] == "page" and len(parts) == 4 and parts[3].isdigit() and len(parts[3]) < 5:
        return show(step, category, max(int(parts[3]), 1))
    return [step.menu(step.t("stale_button"))]
