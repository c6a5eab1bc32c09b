"""The admin's words go through the same accent fold as the traders' (bot.text.vocabulary)."""

from bot.admin.terms import category_named
from domain.pricing import Category


def test_a_category_is_named_by_its_first_letters_whatever_the_accents_and_case():
    assert category_named("électro") is Category.ELECTRONIQUE
    assert category_named("E\u0301LECTRONIQUE") is Category.ELECTRONIQUE  # é typed as e + ´
    assert category_named("Textile") is Category.TEXTILE
    assert category_named("di") is None
    assert category_named("bois") is None
