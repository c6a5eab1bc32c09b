"""A human to talk to: support tickets relayed to the admin chat, driven as scripts of
events (the trader engine, the admin desk, the dispatcher with recording senders)."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from bot.engine.events import Reply
from bot.flows import support as support_flow
from bot.flows.context import Step
from bot.runtime import jobs
from bot.services import support as support_service
from domain.errors import NotFound
from domain.support import TicketStatus
from storage import orm
from storage.support import support_messages
from tests.flows.conftest import PNG
from tests.flows.test_admin_desk import ADMIN_CHAT, ADMIN_PHONE, FakeSender, order_and_proof
from tests.flows.test_admin_desk import world as world  # the admin desk's fixture


class NumberedSender(FakeSender):
    """The admin chat as Telegram sees it: every message sent gets an id."""

    ids = itertools.count(500)

    def send(self, user_ref: str, reply: Reply) -> str:
        super().send(user_ref, reply)
        return str(next(self.ids))

    def id_of(self, needle: str) -> str:
        self.flush()
        n = next(i for i, (_, r) in enumerate(self.sent) if needle in r.text)
        return str(500 + n)


@pytest.fixture
def desk(world):
    """(app, admin logged in, trader, what traders receive, the admin chat)."""
    app, _desk, admin, trader, traders, _old = world
    admin_chat = NumberedSender(dispatcher=traders.dispatcher)
    NumberedSender.ids = itertools.count(500)
    app.services.channels.admin = (admin_chat, ADMIN_CHAT)
    admin.login()
    return app, admin, trader, traders, admin_chat


def plain(texts: list[str]) -> str:
    return "\n".join(texts).replace("\u00a0", " ")


def counts(app) -> tuple[int, int]:
    """(support messages, outbox rows): what bad input must leave unchanged."""
    with app.services.uow_factory() as uow:
        messages = len(uow.session.execute(support_messages.select()).all())
        outbox = len(uow.session.execute(orm.outbox.select()).all())
    return messages, outbox


def relogin(app, admin) -> None:
    """A known admin whose session expired: /admin, then the code."""
    admin.say("/admin")
    admin.say(app.sms.last_code(ADMIN_PHONE))
    assert "Session ouverte" in admin.text, admin.text


def open_ticket(trader, text="Mon colis n'est pas arrivé"):
    trader.press("menu:support")
    trader.say(text)
    assert "transmis à un conseiller (demande T1)" in trader.text, trader.text


def test_trader_talks_to_an_adviser_until_the_ticket_is_closed(desk):
    app, admin, trader, traders, admin_chat = desk
    order_and_proof(trader)
    trader.press("menu:support")
    assert "Écrivez votre question" in trader.text and trader.state == "support"
    trader.say("Mon colis C00001 part quand ?")
    assert "demande T1" in trader.text and trader.choice_ids == ["support:leave"]
    card = admin_chat.texts()[-1]
    assert "🙋 Demande T1 — Mamadou Diallo (+224620123456)" in card
    assert "Canal : console" in card and "Mon colis C00001 part quand ?" in card
    assert "Dernière commande : C00001 (TD-2026-01, preuve envoyée" in card
    trader.photo(PNG, caption="voici le reçu")
    assert trader.text == "✉️ Transmis au conseiller (T1)."
    trader.photo(PNG)
    admin_chat.flush()
    (_, with_caption), (_, bare) = admin_chat.sent[-2:]
    assert with_caption.photo == PNG
    assert with_caption.text == "💬 T1 · Mamadou Diallo :\nvoici le reçu"
    assert bare.photo == PNG and "📷 (photo)" in bare.text
    assert with_caption.reply_to == bare.reply_to == admin_chat.id_of("Demande T1")

    admin.say("/repondre T1 Il part demain.\nBonne journée.")
    assert admin.text == "✅ Réponse envoyée à Mamadou Diallo (T1)."
    answer = traders.texts()[-1]
    assert "Réponse du conseiller (demande T1) :\nIl part demain.\nBonne journée." in answer
    assert "Awa" not in answer  # the admin's name is not shown by default
    trader.say("Merci !")
    assert "Transmis" in trader.text  # still talking to the adviser
    assert "💬 T1 · Mamadou Diallo :\nMerci !" in admin_chat.texts()[-1]

    admin.say("/fermer T1")
    assert "Demande T1 fermée" in admin.text
    assert "Votre demande T1 est close. Le bot reprend la main" in traders.texts()[-1]
    relayed = len(admin_chat.texts())
    trader.say("bonjour")
    assert trader.text.startswith("Bonjour ! 👋") and trader.state == "idle"  # the bot again
    assert len(admin_chat.texts()) == relayed
    with app.services.uow_factory() as uow:
        assert uow.support.get(1).status is TicketStatus.CLOSED


def test_an_admin_answers_by_replying_to_the_card_or_to_a_message_under_it(desk):
    _app, admin, trader, traders, admin_chat = desk
    open_ticket(trader)
    trader.photo(PNG, caption="la facture")
    admin.send(text="Nous regardons.", reply_to=admin_chat.id_of("Demande T1"))
    assert admin.text == "✅ Réponse envoyée à Mamadou Diallo (T1)."
    assert "Nous regardons." in traders.texts()[-1]
    admin.send(text="C'est réglé.", reply_to=admin_chat.id_of("la facture"))
    assert "C'est réglé." in traders.texts()[-1]
    admin.send(text="/fermer", reply_to=admin_chat.id_of("Demande T1"))
    assert "Demande T1 fermée" in admin.text


def test_a_reply_to_another_message_is_not_an_answer(desk):
    app, admin, trader, _traders, _admin_chat = desk
    open_ticket(trader)
    before = counts(app)
    admin.send(text="hello", reply_to="424242")
    assert "Commande inconnue" in admin.text
    assert counts(app) == before


@pytest.mark.parametrize(
    "words",
    ["Je veux parler à quelqu'un", "un agent svp", "humain", "J'ai un problème",
     "probleme avec ma commande", "réclamation", "reclamation"],
)  # fmt: skip
def test_the_traders_words_open_a_ticket_with_what_they_said(desk, words):
    _app, _admin, trader, _traders, admin_chat = desk
    trader.say(words)
    assert "transmis à un conseiller (demande T1)" in trader.text
    assert words in admin_chat.texts()[-1] and "Demande T1" in admin_chat.texts()[-1]


def test_the_word_alone_asks_the_question_first(desk):
    _app, _admin, trader, _traders, admin_chat = desk
    for word in ("conseiller", "/conseiller"):
        trader.say(word)
        assert "Écrivez votre question" in trader.text and trader.state == "support"
    assert admin_chat.texts() == []
    trader.say("Où est mon colis ?")
    assert "demande T1" in trader.text and "Où est mon colis ?" in admin_chat.texts()[-1]


def test_menu_leaves_the_conversation_but_the_ticket_stays_open(desk):
    app, admin, trader, traders, admin_chat = desk
    open_ticket(trader)
    trader.say("menu")
    assert "quitté la conversation" in trader.replies[-1].text
    assert "T1 reste ouverte" in trader.text and trader.state == "idle"
    admin.say("/repondre T1 Votre colis est à Canton.")
    assert "Votre colis est à Canton." in traders.texts()[-1]  # still reaches the trader
    trader.say("conseiller")  # back into the open ticket: no new card
    assert "Votre demande T1 est toujours ouverte" in trader.text
    trader.say("conseiller")  # said again inside: where they are, nothing relayed
    assert "Votre demande T1 est toujours ouverte" in trader.text
    cards = sum("🙋 Demande" in t for t in admin_chat.texts())
    trader.say("Merci, et le prix ?")
    assert "Merci, et le prix ?" in admin_chat.texts()[-1]
    assert sum("🙋 Demande" in t for t in admin_chat.texts()) == cards == 1
    trader.press("support:leave")
    assert "T1 reste ouverte" in trader.text
    with app.services.uow_factory() as uow:
        assert uow.support.get(1).is_open


def test_cancel_before_writing_sends_nothing(desk):
    app, _admin, trader, _traders, admin_chat = desk
    trader.press("menu:support")
    trader.say("annuler")
    assert "Rien n'a été envoyé au conseiller" in trader.text and trader.state == "idle"
    assert admin_chat.texts() == []
    with app.services.uow_factory() as uow:
        assert uow.support.open_tickets() == []


def test_a_menu_button_or_a_command_leaves_and_is_handled(desk):
    _app, _admin, trader, _traders, admin_chat = desk
    open_ticket(trader)
    relayed = len(admin_chat.texts())
    trader.press("menu:container")
    assert "TD-2026-01" in trader.text and trader.state == "idle"
    trader.say("conseiller")
    trader.say("/devis")
    assert "catégorie" in trader.text.lower() and trader.state != "support"
    assert len(admin_chat.texts()) == relayed


def test_the_admins_name_is_shown_only_when_configured(desk):
    app, admin, trader, traders, _admin_chat = desk
    open_ticket(trader)
    app.services.settings.support_show_admin_name = True
    admin.say("/repondre T1 Bonjour, c'est noté.")
    assert "Réponse de Admin Awa, conseiller (demande T1)" in traders.texts()[-1]


def test_traders_never_reach_another_traders_ticket(desk):
    app, admin, trader, traders, admin_chat = desk
    other = app.chat("t2")
    other.register(name="Aissatou Bah", phone="620 22 33 44")
    open_ticket(trader)
    other.say("conseiller, j'ai un souci")
    assert "demande T2" in other.text
    admin.say("/repondre T1 Pour Mamadou seulement")
    traders.flush()
    assert [to for to, r in traders.sent if "Pour Mamadou" in r.text] == ["t1"]
    api = app.engine.api
    with pytest.raises(NotFound):
        api.support.ticket_message(2, 1, "je lis le ticket de Mamadou", None)
    assert not api.support.ticket_is_open(2, 1)
    raw = app.services.conversations.load("console", "t2")  # a ticket id forged in the state
    app.services.conversations.save("console", "t2", {**raw, "data": {"ticket_id": 1}})
    other.say("message détourné ?")
    assert "message détourné" not in plain(admin_chat.texts())
    assert other.state != "support"


def test_what_cannot_be_relayed_is_said_and_nothing_changes(desk):
    app, _admin, trader, _traders, _admin_chat = desk
    open_ticket(trader)
    before = counts(app)
    trader.send(image_error="not_an_image")  # a sticker, a voice note
    assert "que du texte et des photos" in trader.text
    trader.say("x" * 1001)
    assert "trop long" in trader.text
    assert counts(app) == before and trader.state == "support"


LONG = "x" * 1001


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("/repondre", "Usage : /repondre T12 votre réponse"),
        ("/repondre T1", "Usage : /repondre T12 votre réponse"),
        ("/repondre T99 bonjour", "Demande T99 inconnue : rien n'a été envoyé"),
        ("/repondre TXYZ bonjour", "Numéro de demande illisible"),
        ("/repondre T0 bonjour", "Numéro de demande illisible"),
        ("/repondre T-1 bonjour", "Numéro de demande illisible"),
        ("/repondre T99999999999 bonjour", "Numéro de demande illisible"),
        ("/repondre T１ bonjour", "Numéro de demande illisible"),
        (f"/repondre T1 {LONG}", "Réponse trop longue"),
        ("/fermer", "Usage : /fermer T12"),
        ("/fermer T1 T2", "Usage : /fermer T12"),
        ("/fermer T7", "Demande T7 inconnue"),
        ("/fermer 1e9", "Numéro de demande illisible"),
        ("/tickets tous", "Usage : /tickets"),
    ],
)
def test_bad_admin_input_gets_one_line_and_changes_nothing(desk, command, expected):
    app, admin, trader, _traders, _admin_chat = desk
    open_ticket(trader)
    before = counts(app)
    [reply] = admin.say(command)
    assert expected in reply.text and "\n" not in reply.text.strip()
    assert counts(app) == before
    with app.services.uow_factory() as uow:
        assert uow.support.get(1).is_open


def test_a_closed_ticket_takes_no_answer(desk):
    app, admin, trader, _traders, admin_chat = desk
    open_ticket(trader)
    admin.say("/fermer T1")
    before = counts(app)
    admin.say("/repondre T1 trop tard")
    assert admin.text == "La demande T1 est déjà fermée : rien n'a été envoyé."
    admin.send(text="trop tard aussi", reply_to=admin_chat.id_of("Demande T1"))
    assert "déjà fermée" in admin.text
    admin.say("/fermer T1")
    assert "déjà fermée" in admin.text
    assert counts(app) == before


def test_a_photo_or_an_empty_reply_to_the_card_sends_nothing(desk):
    app, admin, trader, _traders, admin_chat = desk
    open_ticket(trader)
    card = admin_chat.id_of("Demande T1")
    before = counts(app)
    admin.send(image=PNG, text="regardez", reply_to=card)
    assert "Seul du texte part au commerçant" in admin.text
    admin.send(text="   ", reply_to=card)
    assert "Réponse vide" in admin.text
    admin.send(text=LONG, reply_to=card)
    assert "Réponse trop longue" in admin.text
    assert counts(app) == before


def test_tickets_lists_the_open_ones_and_pending_shows_the_unanswered(desk, time_machine):
    app, admin, trader, _traders, _admin_chat = desk
    admin.say("/tickets")
    assert admin.text == "Aucune demande ouverte."
    order_and_proof(trader)
    open_ticket(trader)
    admin.say("/tickets")
    assert "Demandes ouvertes (1) :\nT1 · Mamadou Diallo · console · sans réponse" in admin.text
    time_machine.shift(timedelta(hours=2, minutes=1))
    relogin(app, admin)  # the session lasts an hour
    admin.say("/attente")
    assert "Preuve 1 — C00001" in admin.text
    assert "Demandes de commerçants sans réponse :\nT1 · Mamadou Diallo" in admin.text
    assert "⏰ sans réponse depuis le 25/11/2026 10:00" in admin.text
    admin.say("/repondre T1 On s'en occupe")
    admin.say("/tickets")
    assert "T1 · Mamadou Diallo · console · répondu le" in admin.text
    admin.press("adm:approve:1")
    admin.say("/attente")
    assert admin.text == "Aucune preuve en attente."


def test_tickets_unanswered_for_two_hours_reach_the_admin_reminders(desk, time_machine):
    app, admin, trader, _traders, admin_chat = desk
    uow, clock = app.services.uow_factory, app.services.clock
    open_ticket(trader)
    time_machine.shift(timedelta(hours=1, minutes=59))
    assert not jobs.tickets_waiting(uow, clock())
    time_machine.shift(timedelta(minutes=2))
    assert jobs.tickets_waiting(uow, clock())
    assert not jobs.tickets_waiting(uow, clock())  # once per two-hour window
    assert (
        "⏰ 1 demande de commerçant sans réponse depuis plus de 2 h (T1" in (admin_chat.texts()[-1])
    )
    relogin(app, admin)  # the session lasts an hour
    admin.say("/repondre T1 Nous vérifions.")
    time_machine.shift(timedelta(hours=4))
    assert not jobs.tickets_waiting(uow, clock())  # answered: nothing waits
    trader.say("Alors ?")
    time_machine.shift(timedelta(hours=2, minutes=1))
    assert jobs.tickets_waiting(uow, clock())


def test_another_flow_opens_a_ticket_with_an_attachment(desk):
    """The service the re-measure's *Contester* calls: the receipt goes on the card."""
    app, _admin, _trader, _traders, admin_chat = desk
    step = Step(
        app.engine.api, app.engine.otp, app.services.settings, _event(), _conv(app), None, ""
    )
    [opened] = support_flow.open_with(step, "Je conteste le volume de C00001", PNG)
    assert "demande T1" in opened.text and step.conv.state == "support"
    admin_chat.flush()
    (_, card) = admin_chat.sent[-1]
    assert card.photo == PNG and "Je conteste le volume de C00001" in card.text
    again = support_service.open_ticket(
        app.services.uow_factory(), 1, "Et la photo du carton", app.services.clock(), PNG
    )
    assert again.id == 1  # one open ticket per trader: added to it
    assert "💬 T1 · Mamadou Diallo :\nEt la photo du carton" in admin_chat.texts()[-1]


def _event():
    from bot.engine.events import Inbound

    return Inbound("console", "t1")


def _conv(app):
    from bot.engine.conversation import Conversation

    return Conversation.from_dict(app.services.conversations.load("console", "t1"))
