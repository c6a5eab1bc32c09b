"""Counted nouns, singular and plural, French first, English second: `{n}` is the number.

A sentence names the noun after its number's field: "Hier : {count:order}" shows
'1 commande' or '3 commandes' (bot.text.messages.plural); French puts 0 and 1 in the
singular, English only 1. The value stays a plain int, in code and in the outbox.
"""

from __future__ import annotations

# key: ((French singular, French plural), (English singular, English plural))
COUNTS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "order": (("{n} commande", "{n} commandes"), ("{n} order", "{n} orders")),
    "older_order": (
        ("{n} commande plus ancienne", "{n} commandes plus anciennes"),
        ("{n} older order", "{n} older orders"),
    ),
    "order_exported": (
        ("{n} commande exportée", "{n} commandes exportées"),
        ("{n} order exported", "{n} orders exported"),
    ),
    "order_cancelled": (
        ("{n} commande annulée", "{n} commandes annulées"),
        ("{n} order cancelled", "{n} orders cancelled"),
    ),
    "trader": (("{n} commerçant", "{n} commerçants"), ("{n} trader", "{n} traders")),
    "trader_told": (
        ("{n} commerçant sera prévenu", "{n} commerçants seront prévenus"),
        ("{n} trader will be told", "{n} traders will be told"),
    ),
    "trader_being_told": (
        ("{n} commerçant va être prévenu", "{n} commerçants vont être prévenus"),
        ("{n} trader will be told", "{n} traders will be told"),
    ),
    "trader_notified": (
        ("{n} commerçant prévenu", "{n} commerçants prévenus"),
        ("{n} trader told", "{n} traders told"),
    ),
    "attempt": (("{n} essai", "{n} essais"), ("{n} attempt", "{n} attempts")),
    "proof_waiting": (
        ("{n} preuve de paiement attend", "{n} preuves de paiement attendent"),
        ("{n} payment proof has", "{n} payment proofs have"),
    ),
    "request_unanswered": (
        ("{n} demande de commerçant sans réponse", "{n} demandes de commerçants sans réponse"),
        ("{n} trader request unanswered", "{n} trader requests unanswered"),
    ),
    "other": (("{n} autre", "{n} autres"), ("{n} more", "{n} more")),
    "supplier_imported": (
        ("{n} fournisseur importé", "{n} fournisseurs importés"),
        ("{n} supplier imported", "{n} suppliers imported"),
    ),
    "approved_payment": (
        ("{n} paiement validé", "{n} paiements validés"),
        ("{n} approved payment", "{n} approved payments"),
    ),
}
