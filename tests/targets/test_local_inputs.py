"""Figures and dates typed the way the page's language writes them (issue 33, item 3): "10,2" and "1.234,5" on a
Vietnamese page, "10.2" on an English one, never silently changed; dates typed and shown as dd/mm/yyyy in every
language, whatever the browser's locale."""

import datetime as dt
from decimal import Decimal as D

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from awards import fund
from awards.models import FundEntry, FundEntryKind, FundSource
from targets.models import Target
from utilities.forms import FigureInput

pytestmark = pytest.mark.django_db


def _report(client, value):
    growth = Target.objects.get(indicator__code="grdp-per-capita", year=2023)  # USD, no range
    response = client.post(reverse("targets:report"), {"target": growth.pk, "period_kind": "quarter", "period": 1,
                                                       "value": value, "source": "Cục Thống kê"})
    return growth, response


@pytest.mark.parametrize(("typed", "stored"), [("10,2", D("10.2")), ("1.234,5", D("1234.5")), ("10", D("10")),
                                               (" 7,25 ", D("7.25")), ("8.150", D("8150"))])
def test_vietnamese_figures_are_read_as_written(staff_client, typed, stored):
    growth, response = _report(staff_client, typed)
    assert response.status_code in (200, 302)
    assert growth.actuals.get().value == stored


def test_a_point_on_a_vietnamese_page_is_refused_not_read_as_thousands(staff_client):
    growth, response = _report(staff_client, "10.2")
    page = response.content.decode()
    assert "“10.2”" in page and "1.234,5" in page  # says how to write it
    assert 'value="10.2"' in page and 'value="Cục Thống kê"' in page  # what was typed comes back
    assert not growth.actuals.exists()


def test_english_pages_take_the_english_way(staff_client):
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    growth, refused = _report(staff_client, "10,2")
    assert "1,234.5" in refused.content.decode() and not growth.actuals.exists()
    _report(staff_client, "1,234.5")
    assert growth.actuals.get().value == D("1234.5")


def test_amounts_are_typed_grouped_and_dates_day_first(officer_client):
    ledger = reverse("awards:fund_ledger")
    before = fund.balance(2026)
    officer_client.post(ledger, {"kind": FundEntryKind.ALLOCATION, "source": FundSource.CITY_BUDGET, "amount": "5.000.000",
                                 "entered_on": "05/01/2026", "description": "Quyết định giao dự toán số 10/QĐ-UBND"})
    assert fund.balance(2026) == before + 5_000_000
    assert FundEntry.objects.filter(amount=D("5000000"), entered_on=dt.date(2026, 1, 5)).count() == 1


@pytest.mark.parametrize("language", ["vi", "en"])
def test_dates_are_typed_and_shown_day_first_in_every_language(officer_client, language):
    officer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = officer_client.get(reverse("awards:fund_ledger")).content.decode()
    field = page[page.index('name="entered_on"') - 300:page.index('name="entered_on"') + 300]
    assert 'placeholder="dd/mm/yyyy"' in field and 'type="text"' in field


@pytest.mark.parametrize(("language", "shown"), [("vi", ["116.442,134", "10", "-0,5"]),
                                                 ("en", ["116,442.134", "10", "-0.5"])])
def test_stored_figures_are_shown_the_languages_way(language, shown):
    with translation.override(language):
        assert [FigureInput().format_value(v) for v in (D("116442.1340"), D("10.0000"), D("-0.5"))] == shown
