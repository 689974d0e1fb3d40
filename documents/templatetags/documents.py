"""``{% load documents %}``: the formats of official paper as template filters (``|number``, ``|official_date``,
``|money_in_words``, ``|in_sentence``)."""

from django import template

from documents import formats
from organisation.text import in_sentence

register = template.Library()

register.filter("number", formats.number)
register.filter("official_date", formats.official_date)
register.filter("money_in_words", formats.money_in_words)
# A title inside a sentence keeps its proper names' capitals ("UBND quận Lê Chân"), unlike |lower.
register.filter("in_sentence", in_sentence)
