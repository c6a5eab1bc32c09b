"""The words traders use, as data (categories of goods, intents, units, words to skip,
yes and no), and how two words are compared.

Written as traders type them, without accents: `normalise` and `key` fold case, accents,
emoji, plurals and doubled letters on both sides before comparing; `near` forgives one typo.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from domain.pricing import Category


class Intent(StrEnum):
    """What a message asks for; the values are the engine's actions (the menu's and the
    commands')."""

    QUOTE = "quote"
    PROOF = "proof"
    ORDERS = "orders"
    CONTAINER = "container"
    HELP = "help"
    GREETING = "greeting"
    THANKS = "thanks"  # thanks, ok, agreed: small talk that needs no action
    SUPPORT = "support"  # a human to talk to
    # Only as a whole-message command (COMMAND_WORDS), never heard inside a sentence:
    CANCEL = "cancel"
    MENU = "menu"
    LANGUAGE = "language"
    BALANCE = "balance"
    SUPPLIERS = "suppliers"


# A whole message that is one of these words (case and emoji aside) is that command, in any
# state; INTENT_WORDS below are only looked for in free text, when no flow is open.
COMMAND_WORDS: dict[Intent, frozenset[str]] = {
    Intent.CANCEL: frozenset(
        {"annuler", "/annuler", "cancel", "/cancel", "stop", "/stop", "retour"}
    ),
    Intent.MENU: frozenset({"menu", "/menu", "/start", "start", "accueil"}),
    Intent.QUOTE: frozenset({"/devis", "devis", "/quote", "quote"}),
    Intent.ORDERS: frozenset({"/commandes", "commandes", "mes commandes", "/orders", "orders"}),
    Intent.PROOF: frozenset({"/preuve", "preuve", "/proof"}),
    Intent.CONTAINER: frozenset({"/conteneur", "conteneur", "/container", "container"}),
    Intent.HELP: frozenset({"/aide", "aide", "/help", "help", "?"}),
    Intent.LANGUAGE: frozenset({"/langue", "langue", "/language", "language"}),
    Intent.SUPPORT: frozenset({"/conseiller", "conseiller", "/support", "support"}),
    Intent.BALANCE: frozenset({"solde", "mon solde", "credit", "crédit", "mon crédit", "balance"}),
    Intent.SUPPLIERS: frozenset({"/fournisseurs", "fournisseurs", "fournisseur", "suppliers"}),
}


CATEGORY_WORDS: dict[Category, str] = {
    Category.TEXTILE: (
        "tissu textile pagne habit vetement chaussure wax bazin basin lepi tenue robe chemise "
        "pantalon jean tshirt maillot sandale basket friperie fripe linge drap rideau boubou "
        "cloth clothe clothing fabric shoe dress garment"
    ),
    Category.ELECTRONIQUE: (
        "electronique electronic telephone telefone telphone phone portable smartphone iphone "
        "samsung tecno itel infinix ordinateur ordi laptop pc computer ecran screen tv tele "
        "televiseur television tablette tablet chargeur charger cable ecouteur camera"
    ),
    Category.DIVERS: "divers miscellaneous",
}
# Goods that are neither textile nor electronics: DIVERS, always confirmed with a button.
OTHER_GOODS = (
    "riz sucre huile farine meuble chaise table matelas moto velo pneu piece jouet cosmetique "
    "parfum savon creme meche perruque bijou montre vaisselle ustensile marmite carreau "
    "quincaillerie materiau ciment plastique valise machine frigo refrigerateur congelateur "
    "climatiseur ventilateur groupe generateur panneau solaire outil medicament emballage"
)

# Highest priority first: "j'ai payé ma commande" is a proof, "quand mes colis" an order,
# and "un problème avec mon paiement" a human to talk to.
INTENT_WORDS: dict[Intent, str] = {
    Intent.SUPPORT: (
        "conseiller conseillere agent humain humaine probleme reclamation reclamer plainte "
        "parler responsable advisor human problem complaint"
    ),
    Intent.PROOF: (
        "payer paye paie payement paiement recu preuve versement verse transfert depot "
        "capture pay paid payment receipt proof"
    ),
    Intent.QUOTE: (
        "prix tarif combien devis cotation cout coute envoyer expedier expedie transporter "
        "commander price quote cost much rate send ship"
    ),
    Intent.ORDERS: "colis commande suivi suivre tracking order reservation",
    Intent.CONTAINER: "conteneur container depart quand arrive bateau navire when departure",
    Intent.HELP: "aide aider aidez help comment marche fonctionne",
    Intent.GREETING: (
        "bonjour bjr bjour bonjr bonjou slt salut salam salaam assalam salamalekum "
        "salamaleikoum bonsoir bsr hello hi hey coucou cc yo"
    ),
    Intent.THANKS: (
        "merci mrc mci thanks thank thx ok okay oki dac daccord accord bien super parfait "
        "cool top noted compris entendu"
    ),
}

# Words that name no goods: skipped when looking for the goods a trader named.
STOP_WORDS = (
    "je j veux voudrais voulais vouloir faire fais pour par de des du d le la les l un une "
    "et ou avec mon ma mes ton ta vos votre nos notre svp stp plait vous il elle on nous "
    "s c n y est sont ce ca cela ceci qui que quoi quel quelle a au aux en dans sur chez "
    "total environ pres marchandise produit article bien chose affaire tout tous combien "
    "frere soeur boss chef patron monsieur madame ami famille cher chere mr mme "
    "chine guinee conakry guangzhou yiwu canton ici la bas maintenant aujourd hui demain "
    "pas ne plus moins tres trop peu beaucoup deja encore aussi mais donc alors si "
    "i me my to for of the and a an please pls plz is it what how want need some my"
)
YES_WORDS = "oui ouii wi yes ok okay d accord daccord exact exactement correct voila c est ca"
NO_WORDS = "non no nan pas ca c est faux"
# A number followed by one of these counts things, not CBM nor yuan.
COUNT_WORDS = (
    "carton piece pcs pc sac balle ballot colis paquet kg kilo tonne gnf fg franc fcfa cfa "
    "usd dollar euro pack lot unite jour semaine mois an heure h min"
)


def key(word: str) -> str:
    """'Tissus' -> 'tisu', 'merciii' -> 'merci': doubled letters and a plural s dropped."""
    collapsed = re.sub(r"(.)\1+", r"\1", word) if len(set(word)) > 1 else word  # cc stays
    return collapsed[:-1] if len(collapsed) > 3 and collapsed.endswith("s") else collapsed


def keys(words: str) -> frozenset[str]:
    return frozenset(key(w) for w in words.split())


def near(word: str, known: str) -> bool:
    """One letter wrong, missing, extra or swapped, for words of 6 letters or more."""
    if min(len(word), len(known)) < 6 or abs(len(word) - len(known)) > 1:
        return False
    if len(word) == len(known):
        diff = [i for i, (a, b) in enumerate(zip(word, known, strict=True)) if a != b]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == known[diff[1]]
    short, long_ = sorted((word, known), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def normalise(text: str) -> str:
    """Lower case, no accents, no emoji: 'Bjr 🙏 TÉLÉPHONES' -> 'bjr   telephones'."""
    kept = []
    for ch in unicodedata.normalize("NFKD", text.casefold()):
        kind = unicodedata.category(ch)
        if kind in ("Mn", "Cf"):
            continue
        kept.append(" " if kind.startswith("S") and ch not in "¥^" else ch)
    return "".join(kept).replace("’", "'")


_YES, _NO = keys(YES_WORDS), keys(NO_WORDS)


def yes_or_no(text: str) -> bool | None:
    """`oui`, `ok`, `yes` -> True; `non`, `no` -> False; anything else -> None."""
    found = {key(word) for word in re.findall(r"[a-z]+", normalise(text))}
    if found and found <= _YES:
        return True
    return False if found and found <= _NO else None


_COMMANDS = keys("menu annuler cancel stop start retour accueil langue language devis")
_CHAT_WORDS = frozenset().union(*(keys(w) for w in INTENT_WORDS.values()), _YES, _NO)


def only_chat_words(text: str) -> bool:
    """True when every word is a greeting, thanks, yes/no or an intent word (`bonjour`,
    `ok merci`, `menu`): what people send at a question, not a name."""
    words = [key(w) for w in re.findall(r"[a-z]+", normalise(text))]
    return bool(words) and all(w in _CHAT_WORDS or w in _COMMANDS for w in words)
