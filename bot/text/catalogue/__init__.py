"""The message catalogue, French first with an English twin: the traders' sentences
(trader.py), the admins' and operators' (admin.py), and the counted nouns (counts.py).
Read through bot.text.messages.t, never directly."""
