"""The words traders and admins use for the supplier directory: the categories of suppliers,
and the words that ask for suppliers or for the balance. Compared like every trader word
(bot.text.vocabulary: case, accents, plurals and doubled letters folded)."""

from __future__ import annotations

import re

from bot.text.vocabulary import key, keys, normalise
from domain.suppliers import SupplierCategory

CATEGORY_WORDS: dict[SupplierCategory, str] = {
    SupplierCategory.TEXTILE: (
        "textile tissu pagne habit vetement wax bazin basin tenue robe chemise pantalon jean "
        "tshirt maillot friperie fripe linge drap rideau boubou cloth clothing fabric garment"
    ),
    SupplierCategory.CHAUSSURES: "chaussure sandale basket soulier tong shoe sneaker",
    SupplierCategory.TELEPHONES: (
        "telephone telefone telphone phone portable smartphone iphone samsung tecno itel infinix"
    ),
    SupplierCategory.ELECTRONIQUE: (
        "electronique electronic ordinateur ordi laptop pc computer ecran tv tele televiseur "
        "tablette chargeur cable ecouteur camera"
    ),
    SupplierCategory.ELECTROMENAGER: (
        "electromenager frigo refrigerateur congelateur climatiseur ventilateur cuisiniere "
        "mixeur appliance"
    ),
    SupplierCategory.COSMETIQUES: (
        "cosmetique parfum savon creme meche perruque maquillage beaute cosmetic"
    ),
    SupplierCategory.MEUBLES: "meuble chaise table matelas lit canape furniture",
    SupplierCategory.QUINCAILLERIE: (
        "quincaillerie outil carreau ciment materiau robinet peinture hardware tool"
    ),
    SupplierCategory.PIECES_AUTO: "piece moto pneu auto voiture moteur spare",
    SupplierCategory.JOUETS: "jouet toy",
    SupplierCategory.ALIMENTATION: "alimentation riz sucre huile farine food",
    SupplierCategory.EMBALLAGE: "emballage sachet packaging",
    SupplierCategory.DIVERS: "divers autre other",
}
SUPPLIER_WORDS = keys(
    "fournisseur usine grossiste fabricant acheter achat ou trouver supplier factory "
    "wholesale wholesaler buy vendor"
)
ASKING_WORDS = keys("fournisseur usine grossiste fabricant acheter supplier factory wholesale buy")
BALANCE_WORDS = keys("solde credit balance avoir")

_CATEGORY_KEYS = {category: keys(words) for category, words in CATEGORY_WORDS.items()}


def _words(text: str) -> list[str]:
    return [key(w) for w in re.findall(r"[a-z]+", normalise(text))]


def supplier_category(text: str) -> SupplierCategory | None:
    """The category a word or phrase names ('téléphones', 'Pièces auto'), else None."""
    for word in _words(text.replace("_", " ")):
        for category, known in _CATEGORY_KEYS.items():
            if word in known or word == category.value:
                return category
    return None


def asks_suppliers(text: str) -> bool:
    """`fournisseurs textile`, `où acheter des téléphones`, `usine de chaussures`."""
    return any(word in ASKING_WORDS for word in _words(text))


def asks_balance(text: str) -> bool:
    """`solde`, `mon crédit ?`, `balance`: the trader asks what they have with us."""
    return any(word in BALANCE_WORDS for word in _words(text))
