"""Every catalogue key chosen at run time, written out: a name for each enum member, a
sentence for each reason. Never `f"stage.{value}"`: a key that is missing shows in
tests/unit/test_catalogue_keys.py (every key here and every key literal in the code exists
in French and English; every enum member has its name), not as a KeyError in production.
"""

from __future__ import annotations

from domain.containers import Stage
from domain.ledger import EntryKind
from domain.orders import Progress
from domain.pricing import Category
from domain.proofs import ProofKind
from domain.receipts import ReceiptKind
from domain.suppliers import SupplierCategory
from domain.warehouse import ReceiptOutcome, ReceiptStatus

# The trader's menu, in its order: each item's id and its label.
MENU: dict[str, str] = {
    "quote": "menu.quote",
    "orders": "menu.orders",
    "proof": "menu.proof",
    "container": "menu.container",
    "help": "menu.help",
    "language": "menu.language",
    "support": "menu.support",
    # Issue 15 — the balance statement, the supplier directory
    "balance": "menu.balance",
    "suppliers": "menu.suppliers",
}

CATEGORY: dict[Category, str] = {
    Category.ELECTRONIQUE: "category.electronique",
    Category.TEXTILE: "category.textile",
    Category.DIVERS: "category.divers",
}

STAGE: dict[Stage, str] = {
    Stage.COLLECTE: "stage.collecte",
    Stage.MER: "stage.mer",
    Stage.PORT: "stage.port",
    Stage.LIVRE: "stage.livre",
    Stage.ANNULE: "stage.annule",
}

PROGRESS: dict[Progress, str] = {
    Progress.RESERVED: "progress.reserved",
    Progress.PROOF_SUBMITTED: "progress.proof_submitted",
    Progress.PAID: "progress.paid",
    Progress.SHIPPED: "progress.shipped",
    Progress.ARRIVED: "progress.arrived",
    Progress.DELIVERED: "progress.delivered",
    Progress.EXPIRED: "progress.expired",
    Progress.CANCELLED: "progress.cancelled",
    Progress.RECEIVED: "progress.received",
    Progress.ADJUSTED: "progress.adjusted",
    Progress.CONTESTED: "progress.contested",
    Progress.LOADED: "progress.loaded",
}

SUPPLIER_CATEGORY: dict[SupplierCategory, str] = {
    SupplierCategory.TEXTILE: "supplier_category.textile",
    SupplierCategory.CHAUSSURES: "supplier_category.chaussures",
    SupplierCategory.TELEPHONES: "supplier_category.telephones",
    SupplierCategory.ELECTRONIQUE: "supplier_category.electronique",
    SupplierCategory.ELECTROMENAGER: "supplier_category.electromenager",
    SupplierCategory.COSMETIQUES: "supplier_category.cosmetiques",
    SupplierCategory.MEUBLES: "supplier_category.meubles",
    SupplierCategory.QUINCAILLERIE: "supplier_category.quincaillerie",
    SupplierCategory.PIECES_AUTO: "supplier_category.pieces_auto",
    SupplierCategory.JOUETS: "supplier_category.jouets",
    SupplierCategory.ALIMENTATION: "supplier_category.alimentation",
    SupplierCategory.EMBALLAGE: "supplier_category.emballage",
    SupplierCategory.DIVERS: "supplier_category.divers",
}

PROOF_KIND: dict[ProofKind, str] = {
    ProofKind.FULL: "proof_kind.full",
    ProofKind.DEPOSIT: "proof_kind.deposit",
    ProofKind.BALANCE: "proof_kind.balance",
    ProofKind.DIFFERENCE: "proof_kind.difference",
}

LEDGER_KIND: dict[EntryKind, str] = {
    EntryKind.REMEASURE_CREDIT: "ledger.kind.remeasure_credit",
    EntryKind.CREDIT_USED: "ledger.kind.credit_used",
    EntryKind.CREDIT_RESTORED: "ledger.kind.credit_restored",
    EntryKind.CANCELLATION: "ledger.kind.cancellation",
    EntryKind.ADJUSTMENT: "ledger.kind.adjustment",
    EntryKind.REFUND: "ledger.kind.refund",
}

RECEIPT_KIND: dict[ReceiptKind, str] = {
    ReceiptKind.FULL: "receipt.kind.full",
    ReceiptKind.DEPOSIT: "receipt.kind.deposit",
    ReceiptKind.BALANCE: "receipt.kind.balance",
    ReceiptKind.DIFFERENCE: "receipt.kind.difference",
}

# Why a photo was refused (Inbound.image_error, domain.proofs.ProofRejected).
IMAGE_PROBLEM: dict[str, str] = {
    "not_an_image": "proof.not_an_image",
    "too_large": "proof.too_large",
    "empty": "proof.empty",
}

# Why a trader's payment proof was not taken.
PROOF_REFUSAL: dict[str, str] = {
    "not_an_image": "proof.not_an_image",
    "too_large": "proof.too_large",
    "empty": "proof.empty",
    "already_submitted": "proof.already_submitted",
}

# Why a refund request was refused (InvalidInput reasons).
BALANCE_REFUSED: dict[str, str] = {
    "refund_open": "balance.refused.refund_open",
    "no_credit": "balance.refused.no_credit",
}

# The reasons an admin picks to reject a proof.
REJECT_REASON: dict[str, str] = {
    "amount": "admin.reason.amount",
    "unreadable": "admin.reason.unreadable",
    "reference": "admin.reason.reference",
    "not_received": "admin.reason.not_received",
    "other": "admin.reason.other",
}

# Each admin command's usage line, by command.
USAGE: dict[str, str] = {
    "taux": "admin.usage.taux",
    "tarifs": "admin.usage.tarifs",
    "commission": "admin.usage.commission",
    "etape": "admin.usage.etape",
    "nouveau_conteneur": "admin.usage.nouveau_conteneur",
    "commande": "admin.usage.commande",
    "stats": "admin.usage.stats",
    "langue": "admin.usage.langue",
    "eta": "admin.usage.eta",
    "repondre": "admin.usage.repondre",
    "fermer": "admin.usage.fermer",
    "tickets": "admin.usage.tickets",
    "reception": "admin.usage.reception",
    "annuler_conteneur": "admin.usage.annuler_conteneur",
    "solde": "admin.usage.solde",
    "credit": "admin.usage.credit",
    "rembourse": "admin.usage.rembourse",
    "fournisseur": "admin.usage.fournisseur",
}

# What was wrong in an admin's input (InvalidInput reasons).
INVALID: dict[str, str] = {
    "rate_out_of_range": "admin.invalid.rate_out_of_range",
    "commission_out_of_range": "admin.invalid.commission_out_of_range",
    "tariff_out_of_range": "admin.invalid.tariff_out_of_range",
    "tariff_below_cost": "admin.invalid.tariff_below_cost",
    "capacity_out_of_range": "admin.invalid.capacity_out_of_range",
    "unreadable_order_number": "admin.invalid.unreadable_order_number",
    "unreadable_id": "admin.invalid.unreadable_id",
    "unreadable": "admin.invalid.unreadable",
    "eta_unreadable": "admin.invalid.eta_unreadable",
    "eta_past": "admin.invalid.eta_past",
    "eta_too_far": "admin.invalid.eta_too_far",
    "eta_no_reason": "admin.invalid.eta_no_reason",
    "eta_reason_too_long": "admin.invalid.eta_reason_too_long",
    "eta_delivered": "admin.invalid.eta_delivered",
    "eta_unchanged": "admin.invalid.eta_unchanged",
    "unreadable_ticket": "admin.invalid.unreadable_ticket",
    "empty_text": "admin.invalid.empty_text",
    "text_too_long": "admin.invalid.text_too_long",
    "measure_not_positive": "admin.invalid.measure_not_positive",
    "measure_over_capacity": "admin.invalid.measure_over_capacity",
    "receipt_not_paid": "admin.invalid.receipt_not_paid",
    "receipt_cancelled": "admin.invalid.receipt_cancelled",
    "receipt_already": "admin.invalid.receipt_already",
    "invalid_phone": "admin.invalid.invalid_phone",
    "amount_not_positive": "admin.invalid.amount_not_positive",
    "refund_over_balance": "admin.invalid.refund_over_balance",
    "refund_already_paid": "admin.invalid.refund_already_paid",
    "unreadable_refund": "admin.invalid.unreadable_refund",
    "unreadable_reference": "admin.invalid.unreadable_reference",
    "supplier_category": "admin.invalid.supplier_category",
    "bad_contact": "admin.invalid.bad_contact",
    "supplier_name": "admin.invalid.supplier_name",
    "supplier_city": "admin.invalid.supplier_city",
    "supplier_note": "admin.invalid.supplier_note",
    "supplier_duplicate": "admin.invalid.supplier_duplicate",
    "supplier_duplicate_in_file": "admin.invalid.supplier_duplicate_in_file",
    "csv_columns": "admin.invalid.csv_columns",
    "csv_unreadable": "admin.invalid.csv_unreadable",
    "csv_too_long": "admin.invalid.csv_too_long",
    "credit_reason": "admin.invalid.credit_reason",
}

# What was wrong in a line of a supplier CSV file.
SUPPLIER_PROBLEM: dict[str, str] = {
    "supplier_category": "admin.supplier_problem.supplier_category",
    "bad_contact": "admin.supplier_problem.bad_contact",
    "supplier_name": "admin.supplier_problem.supplier_name",
    "supplier_city": "admin.supplier_problem.supplier_city",
    "supplier_note": "admin.supplier_problem.supplier_note",
}

# A proof card's warnings (domain.proofs.DuplicateWarning.kind).
PROOF_WARNING: dict[str, str] = {
    "image": "admin.warning_image",
    "reference": "admin.warning_reference",
}

# A warehouse receipt, as the trader's card tells it (status, outcome).
WAREHOUSE_EFFECT: dict[tuple[ReceiptStatus, ReceiptOutcome], str] = {
    (ReceiptStatus.DONE, ReceiptOutcome.EQUAL): "warehouse.done_equal",
    (ReceiptStatus.DONE, ReceiptOutcome.SMALLER): "warehouse.done_smaller",
    (ReceiptStatus.AWAITING, ReceiptOutcome.LARGER): "warehouse.awaiting_larger",
    (ReceiptStatus.ACCEPTED, ReceiptOutcome.LARGER): "warehouse.accepted_larger",
    (ReceiptStatus.CONTESTED, ReceiptOutcome.LARGER): "warehouse.contested_larger",
    (ReceiptStatus.EXTRA_REFUSED, ReceiptOutcome.LARGER): "warehouse.extra_refused_larger",
}

# A measure's effect, as the admin's preview tells it.
RECEIPT_EFFECT: dict[ReceiptOutcome, str] = {
    ReceiptOutcome.EQUAL: "admin.receipt_effect_equal",
    ReceiptOutcome.LARGER: "admin.receipt_effect_larger",
    ReceiptOutcome.SMALLER: "admin.receipt_effect_smaller",
}

# A recorded measure, as the admin is told it.
RECEIPT_DONE: dict[ReceiptStatus, str] = {
    ReceiptStatus.DONE: "admin.receipt_done_done",
    ReceiptStatus.AWAITING: "admin.receipt_done_awaiting",
    ReceiptStatus.EXTRA_REFUSED: "admin.receipt_done_extra_refused",
}
