"""Counted nouns, singular and plural, French first, English second: `{n}` is the number.

Shown through bot.text.values.Count and bot.text.messages.plural ('1 commande',
'3 commandes'); French puts 0 and 1 in the singular, English only 1.
"""

from __future__ import annotations

# key: ((French singular, French plural), (English singular, English plural))
COUNTS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "count.order": (("{n} commande", "{n} commandes"), ("{n} order", "{n} orders")),
    "count.older_order": (
        ("{n} commande plus ancienne", "{n} commandes plus anciennes"),
        ("{n} older order", "{n} older orders"),
    ),
    "count.order_exported": (
        ("{n} commande exportée", "{n} commandes exportées"),
        ("{n} order exported", "{n} orders exported"),
    ),
    "count.trader": (("{n} commerçant", "{n} commerçants"), ("{n} trader", "{n} traders")),
    "count.trader_told": (
        ("{n} commerçant sera prévenu", "{n} commerçants seront prévenus"),
        ("{n} trader will be told", "{n} traders will be told"),
    ),
    "count.trader_being_told": (
        ("{n} commerçant va être prévenu", "{n} commerçants vont être prévenus"),
        ("{n} trader will be told", "{n} traders will be told"),
    ),
    "count.trader_notified": (
        ("{n} commerçant prévenu", "{n} commerçants prévenus"),
        ("{n} trader told", "{n} traders told"),
    ),
    "count.attempt": (("{n} essai", "{n} essais"), ("{n} attempt", "{n} attempts")),
    "count.proof_waiting": (
        ("{n} preuve de paiement attend", "{n} preuves de paiement attendent"),
        ("{n} payment proof has", "{n} payment proofs have"),
    ),
    "count.request_unanswered": (
        ("{n} demande de commerçant sans réponse", "{n} demandes de commerçants sans réponse"),
        ("{n} trader request unanswered", "{n} trader requests unanswered"),
    ),
    "count.other": (("{n} autre", "{n} autres"), ("{n} more", "{n} more")),
    "count.supplier_imported": (
        ("{n} fournisseur importé", "{n} fournisseurs importés"),
        ("{n} supplier imported", "{n} suppliers imported"),
    ),
    "count.approved_payment": (
        ("{n} paiement validé", "{n} paiements validés"),
        ("{n} approved payment", "{n} approved payments"),
    ),
}
