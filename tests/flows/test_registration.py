from datetime import timedelta

import pytest

from tests.flows.conftest import Chat


def test_full_registration(app):
    chat = app.chat(can_share_contact=True)
    chat.say("salut")
    assert "quel est votre nom" in chat.text
    chat.say("  Mamadou   Diallo ")
    assert "Mamadou Diallo" in chat.text and chat.replies[-1].request_contact
    chat.say("+224 620 12 34 56")
    assert "+2246" in chat.text and "code" in chat.text
    phone, sms = app.sms.sent[-1]
    assert phone == "+224620123456"
    assert len(sms) <= 160 and sms.isascii()
    chat.say(app.sms.last_code(phone))
    assert "compte est actif, Mamadou Diallo" in chat.text
    assert "menu:quote" in chat.choice_ids
    assert chat.state == "idle"


@pytest.mark.parametrize("bad", ["", "x", "🙂🙂", "1234", "a" * 90, "<script>"])
def test_bad_name_is_asked_again(app, bad):
    chat = app.chat()
    chat.say("bonjour")
    chat.say(bad)
    assert "ne convient pas" in chat.text
    assert chat.state == "reg_name"


@pytest.mark.parametrize("bad", ["123", "abc", "+33 1", "📱", "620 12 34 5"])
def test_bad_phone_is_asked_again(app, bad):
    chat = app.chat()
    chat.say("bonjour")
    chat.say("Awa Camara")
    chat.say(bad)
    assert "pas valide" in chat.text
    assert chat.state == "reg_phone" and app.sms.sent == []


def test_shared_contact_must_be_own(app):
    chat = app.chat()
    chat.say("bonjour")
    chat.say("Awa Camara")
    chat.send(contact_phone="+224620111111", contact_is_own=False)
    assert "votre propre numéro" in chat.text and app.sms.sent == []
    chat.send(contact_phone="+224620111111")
    assert app.sms.sent[-1][0] == "+224620111111"


def test_whatsapp_sender_number_is_offered(app):
    chat = app.chat("whatsapp:+224620222222", channel="whatsapp", sender_phone="+224620222222")
    chat.say("bonjour")
    chat.say("Fatou Sylla")
    assert "+224620222222" in chat.text
    chat.say("1")  # "Oui"
    assert app.sms.sent[-1][0] == "+224620222222"


def test_wrong_codes_then_lock(app):
    chat = app.chat()
    chat.say("bonjour")
    chat.say("Awa Camara")
    chat.say("620 12 34 56")
    code = app.sms.last_code("+224620123456")
    wrong = "000000" if code != "000000" else "111111"
    for left in (4, 3, 2, 1):
        chat.say(wrong)
        assert f"reste {left} essai" in chat.text
    chat.say(wrong)
    assert "Trop d'essais" in chat.text
    chat.say(code)
    assert "Trop d'essais" in chat.text and chat.state == "reg_code"


def test_code_format_and_expiry(app, time_machine):
    time_machine.move_to(app.services.clock(), tick=False)
    chat = app.chat()
    chat.say("bonjour")
    chat.say("Awa Camara")
    chat.say("620 12 34 56")
    chat.say("12 34")
    assert "6 chiffres" in chat.text
    code = app.sms.last_code("+224620123456")
    time_machine.shift(timedelta(minutes=6))
    chat.say(code)
    assert "plus valable" in chat.text


def test_resend_respects_cooldown(app, time_machine):
    time_machine.move_to(app.services.clock(), tick=False)
    chat = app.chat()
    chat.say("bonjour")
    chat.say("Awa Camara")
    chat.say("620 12 34 56")
    chat.press("reg:resend")
    assert "Attendez encore" in chat.text and len(app.sms.sent) == 1
    time_machine.shift(timedelta(seconds=31))
    chat.press("reg:resend")
    assert len(app.sms.sent) == 2
    chat.say(app.sms.last_code("+224620123456"))
    assert "compte est actif" in chat.text


def test_known_phone_links_second_channel_to_same_trader(app, time_machine):
    time_machine.move_to(app.services.clock(), tick=False)
    first = app.chat("tg-1", channel="telegram")
    first.register(name="Mamadou Diallo")
    time_machine.shift(timedelta(minutes=1))
    second = app.chat("whatsapp:+224620123456", channel="whatsapp")
    second.say("bonjour")
    second.say("Autre Nom")
    second.say("620 12 34 56")
    assert "envoyé par SMS" in second.text  # the same reply as for an unknown phone
    second.say(app.sms.last_code("+224620123456"))
    assert "Mamadou Diallo" in second.text
    with app.services.uow_factory() as uow:
        a = uow.traders.by_identity("telegram", "tg-1")
        b = uow.traders.by_identity("whatsapp", "whatsapp:+224620123456")
        assert a.id == b.id


@pytest.mark.parametrize("steps", [1, 2, 3])
def test_cancel_at_each_registration_step(app, steps):
    chat = app.chat()
    script = ["bonjour", "Awa Camara", "620 12 34 56"]
    for line in script[:steps]:
        chat.say(line)
    chat.say("annuler")
    assert "Inscription annulée" in chat.text
    assert chat.state == "start"
    chat.say("re")
    assert "quel est votre nom" in chat.text


def test_registered_chat_is_recognised_after_state_loss(app):
    chat = app.chat()
    chat.register()
    app.services.conversations.clear("console", "u1")
    chat.say("menu")
    assert "Que voulez-vous faire" in chat.text


def test_chat_cannot_spam_codes_across_phones(app, time_machine):
    time_machine.move_to(app.services.clock(), tick=False)
    chat: Chat = app.chat()
    chat.say("bonjour")
    chat.say("Awa Camara")
    for n in range(3):
        chat.say(f"62012345{n}")
        chat.press("reg:change")
        time_machine.shift(timedelta(seconds=31))
    chat.say("620123459")
    assert "Trop de codes" in chat.text
    assert len(app.sms.sent) == 3


# Registration that can't be derailed (issue 11, "What was seen").
@pytest.mark.parametrize("word", ["menu", "aide", "/start", "devis", "mes commandes"])
def test_command_words_during_registration_are_commands_not_names(app, word):
    chat = app.chat()
    chat.say("bonjour")
    [explain, again] = chat.say(word)
    assert "créer votre compte" in explain.text and "Quel est votre nom" in again.text
    assert "Merci" not in again.text and chat.state == "reg_name"


@pytest.mark.parametrize("greeting", ["bonjour", "Bonjour", "slt", "salam", "merci", "ok"])
def test_greetings_are_not_names(app, greeting):
    chat = app.chat()
    chat.say("bonjour")
    chat.say(greeting)
    assert "ne convient pas" in chat.text and chat.state == "reg_name"


def test_aide_at_the_phone_step_is_help_not_a_phone(app):
    chat = app.chat()
    chat.say("bonjour")
    chat.say("Awa Camara")
    [explain, again] = chat.say("aide")
    assert "créer votre compte" in explain.text and "numéro" in again.text
    assert "pas valide" not in again.text and chat.state == "reg_phone"


@pytest.mark.parametrize("typed", ["0620123456", "0620 12 34 56", "+224 0620 12 34 56"])
def test_local_phone_with_a_leading_zero(app, typed):
    chat = app.chat()
    chat.say("bonjour")
    chat.say("Awa Camara")
    chat.say(typed)
    assert app.sms.sent[-1][0] == "+224620123456"


def test_whatsapp_number_typed_at_the_yes_no_question(app):
    chat = app.chat("whatsapp:+224620222222", channel="whatsapp", sender_phone="+224620222222")
    chat.say("bonjour")
    chat.say("Fatou Sylla")
    chat.say("620 22 22 22")  # the same number, typed: yes
    assert app.sms.sent[-1][0] == "+224620222222" and chat.state == "reg_code"
    other = app.chat("whatsapp:+224620333333", channel="whatsapp", sender_phone="+224620333333")
    other.say("bonjour")
    other.say("Binta Bah")
    other.say("628 44 44 44")  # another number, typed: use it
    assert app.sms.sent[-1][0] == "+224628444444" and other.state == "reg_code"


def test_changing_number_then_retyping_it_or_typing_the_code(app):
    chat = app.chat()
    chat.say("bonjour")
    chat.say("Awa Camara")
    chat.say("620 12 34 56")
    code = app.sms.last_code("+224620123456")
    chat.press("reg:change")
    chat.say("620 12 34 56")  # the same number again, within the 30 s cooldown
    assert "reste valable" in chat.text and "reg:resend" in chat.choice_ids
    chat.press("reg:change")
    chat.say(code)  # the code already received, typed at the phone question
    assert "compte est actif" in chat.text


def test_every_wait_message_carries_the_way_forward(app):
    chat = app.chat()
    chat.say("bonjour")
    chat.say("Awa Camara")
    chat.say("620 12 34 56")
    chat.press("reg:change")
    chat.say("620 99 88 77")  # another number within 30 s: the chat must wait
    assert "Attendez encore" in chat.text
    assert chat.choice_ids == ["reg:retry", "flow:cancel"]
    chat.press("reg:retry")
    assert "Attendez encore" in chat.text  # still too early, still the buttons
    assert chat.choice_ids == ["reg:retry", "flow:cancel"]
