"""Issue 15 driven as scripts: a container cancelled (preview, confirm, credits, traders told,
a refund asked then paid), the balance statement, manual credits, the supplier directory."""

from __future__ import annotations

from pathlib import Path

from domain.containers import Stage
from domain.orders import OrderStatus
from tests.flows import test_admin_desk
from tests.flows.test_admin_desk import order_and_proof

world = test_admin_desk.world  # the admin desk's fixture, under the same name here

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "fournisseurs.csv"


def approve_all(admin):
    admin.say("/attente")
    while any(c.id.startswith("adm:card:") for c in admin.replies[-1].choices):
        admin.press(admin.replies[-1].choices[0].id)
        admin.press(next(c.id for c in admin.replies[-1].choices if c.id.startswith("adm:approve")))
        admin.say("/attente")


def test_cancel_a_container_credits_what_was_paid_and_tells_each_trader_once(world):
    app, _desk, admin, trader, traders, admin_chat = world
    admin.login()
    order_and_proof(trader)  # C00001, paid once approved
    approve_all(admin)
    other = app.chat("t2")
    other.register(name="Fanta Camara", phone="620 22 33 44")
    other.press("menu:quote"), other.press("cat:textile"), other.say("2"), other.say("5000")
    other.press("quote:order")  # C00002, reserved, unpaid
    admin.say("/annuler_conteneur TD-2026-01 fournisseur en faillite")
    assert "2 commandes annulées (2 commerçants)" in admin.text
    assert "crédit total 28 125 000 GNF" in admin.text
    admin.confirm()
    assert "Conteneur TD-2026-01 annulé" in admin.text
    assert "TD-2026-02 est ouvert" in admin.text
    texts = traders.texts()
    told = [t for t in texts if "TD-2026-01 est annulé" in t]
    assert len(told) == 2
    assert any("28 125 000 GNF sont crédités" in t for t in told)
    assert any("rien n'avait été payé" in t for t in told)
    with app.services.uow_factory() as uow:
        container = uow.containers.by_code("TD-2026-01")
        assert container.stage is Stage.ANNULE and container.used_l == 0
        assert {o.status for o in uow.orders.for_container(container.id)} == {OrderStatus.CANCELLED}
    # Cancel again, from the same or another admin: one line, nothing changes.
    admin.say("/annuler_conteneur TD-2026-01 encore")
    assert "déjà annulé" in admin.text
    assert len([t for t in traders.texts() if "TD-2026-01 est annulé" in t]) == 2
    # The trader asks a refund from the pushed card; the admin pays it with a reference.
    card = next(r for _, r in traders.sent if "sont crédités" in r.text)
    assert [c.id for c in card.choices] == ["credit:keep", "credit:refund"]
    trader.press("credit:refund")
    assert "Demande de remboursement R1 de 28 125 000 GNF envoyée" in trader.text
    trader.press("credit:refund")
    assert "déjà en cours" in trader.text
    assert any("Demande de remboursement R1" in t for t in admin_chat.texts())
    admin.say("/rembourse R1 OM-777888")
    assert "Solde actuel : 28 125 000 GNF" in admin.text
    admin.confirm()
    assert "Remboursement R1 de 28 125 000 GNF enregistré" in admin.text
    assert any("Remboursement R1 versé" in t for t in traders.texts())
    admin.say("/rembourse R1 OM-777888")
    assert "déjà versé" in admin.text
    trader.press("menu:balance")
    statement = trader.replies[-2].text.replace("\u00a0", " ")
    assert "Votre solde : 0 GNF" in statement
    assert "Remboursement — OM-777888 · −28 125 000 GNF" in statement
    assert "Conteneur annulé (C00001) — TD-2026-01 · +28 125 000 GNF" in statement


def test_bad_cancellations_change_nothing(world):
    app, _desk, admin, trader, _traders, _ = world
    admin.login()
    admin.say("/annuler_conteneur TD-2099-09 raison")
    assert admin.text == "Conteneur TD-2099-09 inconnu."
    admin.say("/annuler_conteneur TD-2026-01")
    assert admin.text.startswith("Usage : /annuler_conteneur")
    order_and_proof(trader)  # a proof waits for a decision
    admin.say("/annuler_conteneur TD-2026-01 raison valable")
    assert "attend une décision (commande C00001)" in admin.text
    admin.say("/etape TD-2026-01")
    admin.confirm()
    admin.say("/annuler_conteneur TD-2026-01 raison valable")
    assert "n'est plus en collecte" in admin.text
    with app.services.uow_factory() as uow:
        assert uow.containers.by_code("TD-2026-01").stage is Stage.MER
        assert uow.ledger.traders() == []


def test_manual_credit_statement_and_bad_amounts(world):
    app, _desk, admin, trader, traders, _ = world
    admin.login()
    for bad, expected in (
        ("/credit +224620123456 0 geste", "plus grand que zéro"),
        ("/credit +224620123456 -5000 geste", "plus grand que zéro"),
        ("/credit 12345 5000 geste", "pas un numéro de téléphone"),
        ("/credit +224620999999 5000 geste", "Aucun commerçant"),
    ):
        admin.say(bad)
        assert expected in admin.text, (bad, admin.text)
    admin.say("/credit +224 620 12 34 56 50000 geste commercial")
    assert "Créditer 50 000 GNF à Mamadou Diallo" in admin.text
    confirm_id = admin.replies[-1].choices[0].id
    admin.press(confirm_id)
    admin.press(confirm_id)  # pressed twice: one credit
    assert "plus valable" in admin.text
    admin.say("/solde +224620123456")
    assert "solde 50 000 GNF" in admin.text and "Ajustement geste commercial" in admin.text
    assert any("50 000 GNF crédités sur votre solde" in t for t in traders.texts())
    trader.say("quel est mon crédit ?")  # in their own words
    assert "Votre solde : 50 000 GNF" in trader.replies[-2].text.replace("\u00a0", " ")
    assert "utilisé automatiquement sur votre prochaine commande" in trader.replies[-2].text
    with app.services.uow_factory() as uow:
        assert uow.ledger.balance(1) == 50_000


def test_refund_larger_than_the_balance_is_refused(world):
    app, _desk, admin, trader, _traders, _ = world
    admin.login()
    admin.say("/credit +224620123456 50000 geste")
    admin.confirm()
    trader.press("menu:balance")
    trader.press("credit:refund")
    with app.services.uow_factory() as uow:  # the credit is used meanwhile
        from domain.ledger import EntryKind, LedgerEntry

        uow.ledger.add(LedgerEntry(1, -20_000, EntryKind.ADJUSTMENT, "spent", app.services.clock()))
        uow.commit()
    admin.say("/rembourse R1 OM-123456")
    assert "dépasse le solde" in admin.text
    with app.services.uow_factory() as uow:
        assert uow.ledger.balance(1) == 30_000


def test_supplier_directory_kept_by_admins_and_read_by_traders(world):
    _app, _desk, admin, trader, _traders, _ = world
    admin.login()
    trader.press("menu:suppliers")
    assert "annuaire des fournisseurs est vide" in trader.replies[-1].text
    admin.send(text="/fournisseur importer", image=SAMPLE.read_bytes())
    assert "5 fournisseurs importés" in admin.text
    admin.send(text="/fournisseur importer", image=SAMPLE.read_bytes())
    assert "déjà dans l'annuaire" in admin.text
    for n in range(1, 6):
        admin.say(
            f"/fournisseur ajouter Usine Textile {n} | Canton | tissu | +86 138 0013 80{n:02d}"
        )
        assert "ajouté" in admin.text
    admin.say("/fournisseur ajouter Mauvais | Canton | textile | 12")
    assert "ni un numéro de téléphone valide" in admin.text
    admin.say("/fournisseur ajouter Yiwu Fabric House | yiwu | textile | wechat:abcdef1")
    assert "déjà dans l'annuaire" in admin.text
    trader.say("fournisseurs textile")
    page = trader.replies[-2].text
    assert "page 1/2 (7 en tout)" in page
    assert page.index("Guangzhou Wax") < page.index("Usine Textile 1")  # recommended first
    assert "GNF" not in page and "Mamadou" not in page
    assert trader.replies[-1].choices[-1].label == "➡️ Suivant"
    trader.say("suivant")
    assert "page 2/2" in trader.replies[-2].text
    assert "Suivant" not in [c.label for c in trader.replies[-1].choices]
    trader.say("où acheter des téléphones ?")
    assert "Shenzhen Mobile Parts" in trader.replies[-2].text
    admin.say("/fournisseur retirer 3")
    assert "retiré : Shenzhen Mobile Parts" in admin.text


def test_a_csv_with_missing_columns_or_a_bad_line_imports_nothing(world):
    app, _desk, admin, *_ = world
    admin.login()
    admin.send(text="/fournisseur importer", image=b"nom,ville\nA,B\n")
    assert "Colonnes manquantes dans le CSV : categorie, contact" in admin.text
    bad_line = SAMPLE.read_bytes() + b"Sans Contact,Yiwu,textile,pas un numero,,\n"
    admin.say("/fournisseur importer")
    admin.send(image=bad_line)
    assert "Ligne 7 du CSV" in admin.text and "Rien n'a été importé" in admin.text
    twice = SAMPLE.read_bytes() + SAMPLE.read_bytes().split(b"\n", 2)[1] + b"\n"
    admin.send(text="/fournisseur importer", image=twice)
    assert "deux fois" in admin.text
    with app.services.uow_factory() as uow:
        assert uow.suppliers.counts() == {}
