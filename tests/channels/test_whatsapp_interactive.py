"""WhatsApp's own buttons: quick replies and list pickers made from Content templates that
are created once, sent inside the 24-hour window, pressed back through the signed webhook;
the numbered list whenever they cannot go."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime

from bot.engine.events import Choice, Reply
from bot.flows.context import MENU_IDS
from bot.runtime.cli import cmd_init
from storage.content_templates import SqlContentTemplateRepository
from storage.db import make_engine, make_session_factory
from tests.channels.test_whatsapp import TRADER, WhatsAppWorld, fake_twilio, wa
from tests.flows.conftest import PNG
from webhooks.whatsapp_interactive import (
    RETRY_AFTER,
    SHAPES,
    Shape,
    shape_for,
    shorten,
    variables,
)

_fixtures = (fake_twilio, wa)  # the WhatsApp world's fixtures, used here too


def last_message(wa: WhatsAppWorld) -> dict[str, str]:
    return wa.fake.messages(TRADER)[-1]


def last_variables(wa: WhatsAppWorld) -> dict[str, str]:
    return json.loads(last_message(wa)["ContentVariables"])


def template_of(wa: WhatsAppWorld, message: dict[str, str]) -> dict:
    return wa.fake.contents[message["ContentSid"]]["types"]


def start_registration(wa: WhatsAppWorld) -> None:
    wa.say("Bonjour")
    wa.say("Mamadou Diallo")


def test_init_creates_every_template_once(wa, capsys):
    cmd_init(wa.services, argparse.Namespace())
    assert "+ WhatsApp quick-reply-2" in capsys.readouterr().out
    assert len(wa.fake.content_creates()) == len(SHAPES)
    cmd_init(wa.services, argparse.Namespace())
    assert "WhatsApp" not in capsys.readouterr().out
    assert len(wa.fake.content_creates()) == len(SHAPES)  # the second init created nothing


def test_a_yes_no_question_is_a_quick_reply_and_its_button_reaches_the_engine(wa):
    start_registration(wa)
    message = last_message(wa)
    assert "Body" not in message and "twilio/quick-reply" in template_of(wa, message)
    values = last_variables(wa)
    assert values["1"].startswith("Merci Mamadou Diallo. Votre numéro est-il le +224")
    assert (values["2"], values["3"]) == ("Oui", "reg:sender_yes")
    wa.say("Oui", ButtonText="Oui", ButtonPayload="reg:sender_yes")
    assert wa.app.sms.last_code("+224620123456")
    assert "envoyé par SMS" in wa.last()


def test_a_button_title_without_its_id_is_read_as_the_typed_label(wa):
    start_registration(wa)
    wa.say("", ButtonText="Oui")  # a button press reported without ButtonPayload
    assert "envoyé par SMS" in wa.last()


def test_the_menu_is_a_list_picker_and_a_picked_item_reaches_the_engine(wa):
    wa.register()
    wa.say("menu")
    message = last_message(wa)
    picker = template_of(wa, message)["twilio/list-picker"]
    assert len(picker["items"]) == len(MENU_IDS) and picker["button"] == "{{2}}"
    values = last_variables(wa)
    assert values["1"] == "Que voulez-vous faire ?" and values["2"] == "Choisir"
    assert (values["3"], values["4"]) == ("📦 Nouveau devis", "menu:quote")
    assert (values["5"], values["6"]) == ("🧾 Mes commandes", "menu:orders")
    wa.say("📦 Nouveau devis", ListId="menu:quote", ListTitle="📦 Nouveau devis")
    assert "Quelle catégorie" in wa.last()


def test_templates_are_made_at_first_use_and_reused_after_a_restart(fake_twilio, tmp_path):
    first = WhatsAppWorld(fake_twilio, tmp_path)
    first.register()
    first.say("menu")
    sid = last_message(first)["ContentSid"]
    made = len(fake_twilio.content_creates())
    assert made == 2  # quick-reply-2 (is it your number?), list-picker-9 (the menu)
    again = WhatsAppWorld(fake_twilio, tmp_path)  # a new process on the same database
    again.say("menu")
    again.say("menu")
    assert last_message(again)["ContentSid"] == sid
    assert len(fake_twilio.content_creates()) == made


def test_a_content_api_error_falls_back_to_the_numbered_list(wa, time_machine):
    wa.fake.fail_content(401, 20003, "Authenticate")
    start_registration(wa)
    assert "1. Oui" in wa.last() and "Répondez avec le numéro" in wa.last()
    wa.say("1")  # typed, as the text says
    assert "envoyé par SMS" in wa.last() and "1. " in wa.last()  # resend or change: text
    assert len(wa.fake.content_creates()) == 1  # not asked again at once
    time_machine.shift(RETRY_AFTER)
    wa.say("2")  # another number: the next question may have buttons again
    wa.say("620 12 34 57")
    assert "ContentSid" in last_message(wa)
    # the phone question (one Annuler button), then the code question (two buttons)
    assert len(wa.fake.content_creates()) == 3


def test_a_refused_button_message_falls_back_to_the_numbered_list(wa):
    wa.register()
    wa.say("menu")  # the template exists now
    wa.fake.fail_next(400, 21656, "The ContentVariables Parameter is invalid")
    wa.say("menu")
    assert "1. 📦 Nouveau devis" in wa.last() and "ContentSid" not in last_message(wa)


def test_pushes_use_buttons_inside_the_window_and_the_template_outside(wa):
    wa.register()
    sender = wa.services.channels.senders["whatsapp"]
    question = Reply("Votre conteneur part lundi. Voir vos commandes ?", (Choice("a", "Oui"),))
    sender.send(TRADER, question)
    assert json.loads(last_message(wa)["ContentVariables"])["3"] == "a"
    wa.services.recent.client.flushdb()  # 24 hours later: the window closed
    sender.send(TRADER, question)
    last = last_message(wa)
    assert last["ContentSid"] == "HX" + "0" * 32  # WHATSAPP_TEMPLATE_NOTIFICATION
    assert json.loads(last["ContentVariables"]) == {"1": question.text}


def test_a_forged_or_stale_payload_is_refused_like_a_stale_button(wa):
    wa.register()
    wa.say("menu")
    wa.say("Valider", ButtonPayload="adm:approve:1")  # never offered to this trader
    assert "Ce bouton n'est plus valable" in wa.last()
    wa.say("✅ Commander", ListId="quote:order")
    assert "Ce bouton n'est plus valable" in wa.last()


def test_the_proof_step_says_touch_only_where_there_is_a_button(fake_twilio, tmp_path):
    """WHATSAPP_INTERACTIVE=false: numbered lists only, and no sentence says 'touchez'."""
    world = WhatsAppWorld(fake_twilio, tmp_path, whatsapp_interactive=False)
    world.register()
    for text in ("1", "textile", "3", "10 000", "1"):
        world.say(text)
    url = fake_twilio.add_media(PNG, "image/png")
    world.say("", NumMedia="1", MediaUrl0=url, MediaContentType0="image/png")
    assert "« Passer »" in world.last() and "1. Passer" in world.last()
    assert "Répondez avec le numéro" in world.last()
    assert fake_twilio.content_creates() == []
    assert not [body for body in fake_twilio.bodies(TRADER) if "ouchez" in body]


def test_long_titles_are_shortened_and_ids_stay_exact():
    assert shorten("Autre numéro", 20) == "Autre numéro"
    assert shorten("Annuler une commande en attente", 20) == "Annuler une…"
    one_word = shorten("Nouveaudevisimmédiatementvite", 24)
    assert len(one_word) == 24 and one_word.startswith("Nouveaudevis") and one_word[-1] == "…"
    choices = tuple(
        Choice(f"order:cancel:{n}", f"Commande C0000{n} · 3 CBM · Textile") for n in range(4)
    )
    reply = Reply("Laquelle ?", choices)
    shape = shape_for(reply)
    assert shape == Shape("list-picker", 4)
    values = variables(shape, reply)
    titles = [values[str(3 + 2 * n)] for n in range(4)]
    assert all(len(title) <= 24 and title.endswith("…") for title in titles)
    assert [values[str(4 + 2 * n)] for n in range(4)] == [c.id for c in choices]


def test_what_cannot_be_buttons_stays_a_numbered_list():
    many = tuple(Choice(str(n), f"Choix {n}") for n in range(11))
    assert shape_for(Reply("Trop de choix", many)) is None
    alike = (Choice("a", "Une très longue étiquette A"), Choice("b", "Une très longue étiquette B"))
    assert shape_for(Reply("Pareils une fois coupés", alike)) is None
    assert shape_for(Reply("x" * 1025, (Choice("a", "Oui"),))) is None
    assert shape_for(Reply("Pas de choix")) is None


def test_the_first_sid_stored_for_a_template_stays(db_url):
    """Two processes making the same template at once keep one SID, the same for both."""
    session = make_session_factory(make_engine(db_url))()
    repository, now = SqlContentTemplateRepository(session), datetime.now(UTC)
    assert repository.add("quick-reply-2", "HX" + "a" * 32, now) == "HX" + "a" * 32
    assert repository.add("quick-reply-2", "HX" + "b" * 32, now) == "HX" + "a" * 32
    session.commit()
    assert repository.get("quick-reply-2") == "HX" + "a" * 32
    session.close()
