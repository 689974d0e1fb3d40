"""``{% load documents %}``: the formats of official paper as template filters (``|number``, ``|official_date``,
``|money_in_words``)."""

from django import template

from documents import formats

register = template.Library()

register.filter("number", formats.number)
register.filter("official_date", formats.official_date)
register.filter("money_in_words", formats.money_in_words)
