"""How traders write on WhatsApp, and what the bot must understand from it.

Each row: the message, then what it says — intent, category (`D?` = DIVERS to confirm),
volume in CBM, price in yuan (a pair when the message is ambiguous: `15,000`).
Written from traders' messages, not from the code.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.text.understanding import understand
from bot.text.vocabulary import Intent, yes_or_no
from domain.pricing import Category

Q, PROOF, ORDERS, BOAT, HELP = (Intent.QUOTE, Intent.PROOF, Intent.ORDERS,
                                Intent.CONTAINER, Intent.HELP)  # fmt: skip
HI, THX = Intent.GREETING, Intent.THANKS
T, E, D = Category.TEXTILE, Category.ELECTRONIQUE, Category.DIVERS
_ = None

ROWS = [
    # One-message quotes, French and English number formats, units glued or not
    ("3 cbm tissu 10000 yuan", Q, T, "3", "10000"),
    ("je veux envoyer 3 cbm de tissus", Q, T, "3", _),
    ("combien pour 2,5 m3 électronique 15 000 yuan", Q, E, "2.5", "15000"),
    ("3cbm pagnes 10k rmb", Q, T, "3", "10000"),
    ("1.5 m3 telephone 8000¥", Q, E, "1.5", "8000"),
    ("10000 yuan 3 cbm textile", Q, T, "3", "10000"),
    ("5 cbm chaussures", Q, T, "5", _),
    ("2,5m3 habits 20 000 rmb", Q, T, "2.5", "20000"),
    ("4 CBM VETEMENTS 12000 YUAN", Q, T, "4", "12000"),
    ("Bonjour, combien pour 3 cbm de pagnes svp", Q, T, "3", _),
    ("bjr je veux faire 2 m3 téléphones 50 000 yuan", Q, E, "2", "50000"),
    ("prix pour 1 cbm ordinateurs", Q, E, "1", _),
    ("tarif 6 cbm chaussures 30000 ¥", Q, T, "6", "30000"),
    ("devis 3 m³ tissu", Q, T, "3", _),
    ("3 mètres cubes de tissu", Q, T, "3", _),
    ("2 metres cubes habits 9000 yuans", Q, T, "2", "9000"),
    ("0,5 cbm écrans 4500 yuan", Q, E, "0.5", "4500"),
    ("0.75 cbm tv 6000 rmb", Q, E, "0.75", "6000"),
    ("12 cbm pagnes 80.000 yuan", Q, T, "12", "80000"),
    ("1 cbm electronique 1.234,50 yuan", Q, E, "1", "1234.50"),
    ("1 cbm electronique 1,234.50 yuan", Q, E, "1", "1234.50"),
    ("3 cbm tissu 1 234 567 yuan", Q, T, "3", "1234567"),
    ("3 cbm tissu 15\u202f000 yuan", Q, T, "3", "15000"),
    ("3 cbm tissu 15\u00a0000 ¥", Q, T, "3", "15000"),
    ("tissu 3cbm 10000rmb", Q, T, "3", "10000"),
    ("¥8000 1,5 cbm téléphones", Q, E, "1.5", "8000"),
    ("RMB 12000 pour 2 cbm de vetements", Q, T, "2", "12000"),
    ("cny 5000 2 cbm tv", Q, E, "2", "5000"),
    ("2 cbm tv 5000 CNY", Q, E, "2", "5000"),
    ("3 cbm 元10000 tissu", Q, T, "3", "10000"),
    ("3 cbm tissu 10000元", Q, T, "3", "10000"),
    ("3 cbm tissu 10 mille yuan", Q, T, "3", "10000"),
    ("3 cbm tissu 2,5k yuan", Q, T, "3", "2500"),
    ("3 cbm tissu 15K rmb", Q, T, "3", "15000"),
    ("7 cbm  de  chaussures   et 40000 yuan", Q, T, "7", "40000"),
    ("3 cbms de tissus", Q, T, "3", _),
    ("3 cmb tissu", Q, T, "3", _),
    ("Combien ça coûte 2 cbm de téléphone ?", Q, E, "2", _),
    ("how much for 3 cbm clothes 10000 yuan", Q, T, "3", "10000"),
    ("price 2 cbm phones 8000 rmb", Q, E, "2", "8000"),
    ("I want to ship 1.5 cbm shoes", Q, T, "1.5", _),
    ("quote 4 cbm electronics 20,000.00 yuan", Q, E, "4", "20000"),
    ("2 cbm laptops 30k", Q, E, "2", "30000"),
    ("3 cbm wax 10 000", Q, T, "3", "10000"),
    ("3 cbm bazin 25000", Q, T, "3", "25000"),
    ("1 cbm smartphones 40000 yuan", Q, E, "1", "40000"),
    ("2 cbm de tablettes 15000 yuan", Q, E, "2", "15000"),
    ("2cbm ecran plat 7000yuan", Q, E, "2", "7000"),
    ("3 cbm Télévisions 12 000 RMB", Q, E, "3", "12000"),
    ("1 cbm ordi portable", Q, E, "1", _),
    ("5 cbm friperie 9000 yuan", Q, T, "5", "9000"),
    ("0,25 m3 chemises 2000 yuan", Q, T, "0.25", "2000"),
    ("3 m3 de jeans", Q, T, "3", _),
    ("3 cbm divers 10000 yuan", Q, D, "3", "10000"),
    # Mixed order, no units where it is clear
    ("tissu 3 cbm", Q, T, "3", _),
    ("tissu 10000 yuan", Q, T, _, "10000"),
    ("tissu 10000 yuan 3", Q, T, "3", "10000"),
    ("3 cbm tissu 10000", Q, T, "3", "10000"),
    ("tissu 3 10000", Q, T, "3", "10000"),
    ("10000 3 tissu", Q, T, "3", "10000"),
    ("pagnes 2 20000", Q, T, "2", "20000"),
    ("telephone 1,5 8000", Q, E, "1.5", "8000"),
    ("3 tissu", Q, T, "3", _),
    ("tissu 10000", Q, T, _, "10000"),
    ("tissu 15.000", Q, T, _, "15000"),
    ("tissu 10k", Q, T, _, "10000"),
    ("tissu 500", Q, T, _, "500"),
    ("3 cbm", Q, _, "3", _),
    ("2,5 m3", Q, _, "2.5", _),
    ("10000 yuan", Q, _, _, "10000"),
    ("15 000 ¥", Q, _, _, "15000"),
    ("8000¥", Q, _, _, "8000"),
    ("3 cbm 10000 yuan", Q, _, "3", "10000"),
    ("3 10000", Q, _, "3", "10000"),
    ("3 cbm 100 000", Q, _, "3", "100000"),
    ("¥ 10000 3 cbm", Q, _, "3", "10000"),
    # Typos, accents, case, emoji, repeated letters
    ("3 cbm tisu 10000 yuan", Q, T, "3", "10000"),
    ("3 cbm tisssuuu", Q, T, "3", _),
    ("3 cbm TISSU", Q, T, "3", _),
    ("3 cbm Tîssu", Q, T, "3", _),
    ("2 cbm telefone", Q, E, "2", _),
    ("2 cbm téléfones", Q, E, "2", _),
    ("2 cbm elektronique", Q, E, "2", _),
    ("2 cbm eletronique", Q, E, "2", _),
    ("2 cbm electroniques", Q, E, "2", _),
    ("2 cbm ÉLECTRONIQUE", Q, E, "2", _),
    ("2 cbm vetemant", Q, T, "2", _),
    ("2 cbm vêtement", Q, T, "2", _),
    ("2 cbm chausures", Q, T, "2", _),
    ("2 cbm chaussure", Q, T, "2", _),
    ("2 cbm ordinnateurs", Q, E, "2", _),
    ("2 cbm habit", Q, T, "2", _),
    ("📦 3 cbm tissu 10000 yuan 🙏", Q, T, "3", "10000"),
    ("3 cbm 👗 tissu 👍 10000 yuan", Q, T, "3", "10000"),
    ("3cbm tissu🙏🏾", Q, T, "3", _),
    ("Prixxx 3 cbm pagne", Q, T, "3", _),
    ("combieeen 2 cbm tissu", Q, T, "2", _),
    ("bjr 🙏 3 cbm tissu stp", Q, T, "3", _),
    ("salam, 3 CBM Téléphones, 10.000 ¥", Q, E, "3", "10000"),
    ("3 cbm tissu, 10000 yuan.", Q, T, "3", "10000"),
    ("3 cbm tissu; prix 10000 yuan!", Q, T, "3", "10000"),
    ("3 cbm tissu (10000 yuan)", Q, T, "3", "10000"),
    ("3 cbm tissu = 10000 yuan ?", Q, T, "3", "10000"),
    # Ambiguous prices: both readings kept, never guessed
    ("15,000 yuan", Q, _, _, ("15", "15000")),
    ("3 cbm tissu 15,000 yuan", Q, T, "3", ("15", "15000")),
    ("2,500 rmb 1 cbm tv", Q, E, "1", ("2.5", "2500")),
    ("tissu 15,000", Q, T, _, ("15", "15000")),
    ("3 cbm tissu 15,000", Q, T, "3", ("15", "15000")),
    # Goods we do not classify: DIVERS, to confirm
    ("3 cbm de riz", Q, "D?", "3", _),
    ("3 cbm meubles 20000 yuan", Q, "D?", "3", "20000"),
    ("2 cbm pièces détachées moto", Q, "D?", "2", _),
    ("je veux envoyer 4 cbm de jouets", Q, "D?", "4", _),
    ("1 cbm cosmetiques 6000 yuan", Q, "D?", "1", "6000"),
    ("3 cbm de carreaux", Q, "D?", "3", _),
    ("2 cbm de casseroles 5000 yuan", Q, "D?", "2", "5000"),
    ("5 cbm marchandises", Q, _, "5", _),
    # Two categories named: not guessed
    ("3 cbm tissu et téléphones", Q, _, "3", _),
    # Counts, weights, other currencies: not a volume nor a yuan price
    ("20 cartons de chaussures", Q, T, _, _),
    ("50 kg de tissu", Q, T, _, _),
    ("100 pièces téléphone", Q, E, _, _),
    ("5 000 000 GNF pour 3 cbm", Q, _, "3", _),
    ("3 cbm tissu 2000 dollars", Q, T, "3", _),
    ("trois cbm de tissu", Q, T, _, _),  # numbers in words are not read: the volume is asked
    ("deux cbm", Q, _, _, _),
    # Intents in the trader's words
    ("prix?", Q, _, _, _),
    ("Prix ?", Q, _, _, _),
    ("tarif", Q, _, _, _),
    ("tarifs svp", Q, _, _, _),
    ("combien", Q, _, _, _),
    ("c'est combien ?", Q, _, _, _),
    ("je veux un devis", Q, _, _, _),
    ("how much", Q, _, _, _),
    ("je veux envoyer des marchandises", Q, _, _, _),
    ("j'ai payé", PROOF, _, _, _),
    ("J'ai payé 🙏", PROOF, _, _, _),
    ("jai payer", PROOF, _, _, _),
    ("comment payer ?", PROOF, _, _, _),
    ("voici le reçu", PROOF, _, _, _),
    ("je veux envoyer la preuve", PROOF, _, _, _),
    ("paiement fait OM-42", PROOF, _, _, _),
    ("paiement", PROOF, _, _, _),
    ("mes colis", ORDERS, _, _, _),
    ("ma commande", ORDERS, _, _, _),
    ("Mes commandes ?", ORDERS, _, _, _),
    ("suivi", ORDERS, _, _, _),
    ("suivi commande C00001", ORDERS, _, _, _),
    ("où sont mes colis", ORDERS, _, _, _),
    ("quand mes colis arrivent ?", ORDERS, _, _, _),
    ("conteneur", BOAT, _, _, _),
    ("c'est quand le départ ?", BOAT, _, _, _),
    ("quand ?", BOAT, _, _, _),
    ("le bateau part quand", BOAT, _, _, _),
    ("départ conteneur 2", BOAT, _, _, _),
    ("arrivée à Conakry ?", BOAT, _, _, _),
    ("aide", HELP, _, _, _),
    ("aidez moi svp", HELP, _, _, _),
    ("comment ça marche", HELP, _, _, _),
    ("help", HELP, _, _, _),
    # Greetings and small talk
    ("bonjour", HI, _, _, _),
    ("Bonjour 🙏", HI, _, _, _),
    ("Bjr", HI, _, _, _),
    ("Bjr 🙏", HI, _, _, _),
    ("bonjouuur", HI, _, _, _),
    ("slt", HI, _, _, _),
    ("Salut", HI, _, _, _),
    ("salam", HI, _, _, _),
    ("Salam aleykoum", HI, _, _, _),
    ("bonsoir", HI, _, _, _),
    ("cc", HI, _, _, _),
    ("hello", HI, _, _, _),
    ("merci", THX, _, _, _),
    ("Merciii 🙏🙏", THX, _, _, _),
    ("mrc", THX, _, _, _),
    ("ok", THX, _, _, _),
    ("OK", THX, _, _, _),
    ("okay", THX, _, _, _),
    ("d'accord", THX, _, _, _),
    ("d’accord merci", THX, _, _, _),
    ("👍", THX, _, _, _),
    ("🙏🙏", THX, _, _, _),
    ("?", THX, _, _, _),
    # Not understood: nothing taken
    ("n'importe quoi", _, _, _, _),
    ("620 12 34 56", _, _, _, _),
    ("3 5", _, _, _, _),
    ("xyz", _, _, _, _),
    ("C00001", _, _, _, _),
]


def _expected_category(cat):
    return (D, True) if cat == "D?" else (cat, False)


@pytest.mark.parametrize(("text", "intent", "category", "volume", "price"), ROWS)
def test_what_traders_write(text, intent, category, volume, price):
    heard = understand(text)
    expected_category, guessed = _expected_category(category)
    assert heard.intent is intent, heard
    assert (heard.category, heard.category_guessed) == (expected_category, guessed), heard
    assert heard.volume == (Decimal(volume) if volume else None), heard
    if isinstance(price, tuple):
        assert heard.price is None and heard.ambiguous_price == tuple(map(Decimal, price)), heard
    else:
        assert heard.price == (Decimal(price) if price else None), heard
        assert heard.ambiguous_price is None, heard


def test_the_table_is_large_enough():
    assert len(ROWS) >= 150


@pytest.mark.parametrize(
    ("text", "word"),
    [("3 cbm de riz", "riz"), ("3 cbm meubles 20000 yuan", "meubles"), ("3 cbm tissus", "tissus"),
     ("4 cbm de jouets", "jouets"), ("1 cbm TÉLÉPHONES", "telephones")],
)  # fmt: skip
def test_the_word_that_named_the_goods_is_kept(text, word):
    assert understand(text).category_word == word


@pytest.mark.parametrize(
    ("text", "large", "small"),
    [("100 cbm tissu", True, False), ("76 cbm", False, False), ("3 cbm tissu 5 yuan", False, True),
     ("3 cbm tissu 9,99 yuan", False, True), ("3 cbm 10 yuan", False, False)],
)  # fmt: skip
def test_a_volume_over_capacity_and_a_tiny_price_are_flagged(text, large, small):
    heard = understand(text, capacity_cbm=Decimal(76))
    assert (heard.volume_too_large, heard.price_too_small) == (large, small)


@pytest.mark.parametrize(
    ("text", "expecting", "volume", "price"),
    [("3", "volume", "3", None), ("3", "price", None, "3"), ("15,000", "price", None, None),
     ("3 cbm", "price", "3", None), ("10000 yuan", "volume", None, "10000"),
     ("1000", "volume", "1000", None), ("15.000", "price", None, "15000"),
     ("2,5", "volume", "2.5", None), ("15k", "price", None, "15000"),
     ("-100", "price", None, "-100"), ("0", "volume", "0", None)],
)  # fmt: skip
def test_a_bare_number_answers_the_question_asked(text, expecting, volume, price):
    heard = understand(text, expecting=expecting)
    assert heard.volume == (Decimal(volume) if volume else None)
    assert heard.price == (Decimal(price) if price else None)


def test_numbers_left_unplaced_are_kept():
    assert understand("3 cbm 50").unplaced == (Decimal(50),)
    assert understand("3 5").unplaced == (Decimal(3), Decimal(5))


@given(st.text(max_size=80))
def test_any_text_is_read_without_crashing(text):
    heard = understand(text)
    assert heard.volume is None or isinstance(heard.volume, Decimal)


@pytest.mark.parametrize(
    ("text", "answer"),
    [("oui", True), ("Oui 👍", True), ("OK", True), ("yes", True), ("d'accord", True),
     ("c'est ça", True), ("wi", True), ("non", False), ("NON", False), ("no", False),
     ("5000", None), ("bof", None), ("", None)],
)  # fmt: skip
def test_yes_or_no_as_typed(text, answer):
    assert yes_or_no(text) is answer
