"""Cached page fragments: reused while the data is unchanged, rendered again as soon as it changes.

These tests commit for real (transactional_db): the version triggers fire when a transaction commits,
and a request inside a transaction that has written never uses the cache.
"""

import datetime as dt
from decimal import Decimal as D

import psycopg2
import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards import services as award_services
from awards.models import Status, Submission
from campaigns.models import ExemplaryModel, ModelStatus
from core import datacache
from organisation.models import Unit, User
from targets import services as target_services
from targets.models import Target

pytestmark = pytest.mark.usefixtures("transactional_db")


def _client(username):
    from django.test import Client

    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def _other_connection_versions(*domains):
    """The versions as another session sees them (what a second web worker would read)."""
    settings = connection.settings_dict
    other = psycopg2.connect(dbname=settings["NAME"], user=settings["USER"], password=settings["PASSWORD"],
                             host=settings["HOST"] or None, port=settings["PORT"] or None)
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(f"(SELECT last_value FROM {datacache.PREFIX}{d})" for d in domains))
            return cursor.fetchone()
    finally:
        other.close()


def _main(response):
    html = response.content.decode()
    return html[html.index("<main"):html.index("</main>")]


def test_every_table_of_every_domain_carries_the_version_triggers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT tgrelid::regclass::text, tgname FROM pg_trigger "
                       "WHERE tgname LIKE 'portal_data_version%'")
        triggers = set(cursor.fetchall())
    for domain in datacache.DOMAINS:
        tables = datacache.tables(domain)
        assert tables, domain
        for table in tables:
            assert (table, "portal_data_version_row") in triggers, table
            assert (table, "portal_data_version_truncate") in triggers, table
    assert datacache.install_triggers() == 0  # idempotent: a second migrate adds nothing


def test_versions_advance_when_the_writer_commits_not_before():
    before = datacache.versions("targets", "awards")
    target = Target.objects.filter(year=2023).first()
    with transaction.atomic():
        Target.objects.filter(pk=target.pk).update(statement="Câu chữ mới")
        # The writer itself never uses cached fragments: it sees rows nobody else sees yet.
        assert datacache.versions("targets") is None
        # Another worker still reads the old version until the commit.
        assert _other_connection_versions("targets")[0] == before[0]
    after = datacache.versions("targets", "awards")
    assert after[0] > before[0]
    assert after[1] == before[1]  # other domains keep their version


def test_a_login_does_not_invalidate_pages_but_a_renamed_user_does():
    before = datacache.versions("organisation")
    user = User.objects.get(username="demo_leader")
    user.last_login = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    user.save(update_fields=["last_login"])
    assert datacache.versions("organisation") == before
    user.first_name = "Tên mới"
    user.save(update_fields=["first_name"])
    assert datacache.versions("organisation") > before


def test_dashboard_is_reused_then_shows_a_new_figure_at_once():
    leader, staff = _client("demo_leader"), User.objects.get(username="demo_staff")
    url = reverse("targets:dashboard") + "?year=2023"
    fdi = Target.objects.get(indicator__code="fdi", year=2023)
    with CaptureQueriesContext(connection) as cold:
        first = leader.get(url)
    with CaptureQueriesContext(connection) as warm:
        second = leader.get(url)
    assert first.status_code == second.status_code == 200
    assert _main(first) == _main(second)
    assert len(warm) < len(cold) and len(warm) <= 5  # session, user, roles, versions: no dashboard query
    assert "55,0%" not in second.content.decode()

    target_services.record_actual(staff, fdi, period_kind="quarter", period=1, value=D("1.1"), source="Sở KHĐT")
    assert "55,0%" in leader.get(url).content.decode()  # 1,1 of 2,0: the new figure, not the cached page

    # A change made outside the services (SQL, admin, restore) counts as well.
    with connection.cursor() as cursor:
        cursor.execute("UPDATE targets_target SET statement = 'Chỉ tiêu sửa trực tiếp' WHERE id = %s", [fdi.pk])
    assert "Chỉ tiêu sửa trực tiếp" in leader.get(url).content.decode()


def test_review_queue_is_shared_only_within_a_scope_and_follows_the_workflow():
    from ..awards_helpers import draft

    officer, staff_b = _client("demo_officer"), _client("demo_staff_b")
    url = reverse("awards:submission_list") + "?status=submitted"
    assert "Hồ sơ của bộ nhớ đệm" not in officer.get(url).content.decode()
    submission = draft(names=("Nguyễn Văn An",))
    Submission.objects.filter(pk=submission.pk).update(title="Hồ sơ của bộ nhớ đệm")
    staff = User.objects.get(username="demo_staff")
    submission.refresh_from_db()
    award_services.submit(staff, submission)
    page = officer.get(url).content.decode()
    assert "Hồ sơ của bộ nhớ đệm" in page  # submitted after the first view: the queue shows it
    # Another unit's staff asking for the same filter gets their own scope, not the officer's fragment.
    assert "Hồ sơ của bộ nhớ đệm" not in staff_b.get(url).content.decode()
    # The bulk form works from the cached table: its CSRF token is outside the fragment.
    officer.handler.enforce_csrf_checks = True
    page = officer.get(url).content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = officer.post(reverse("awards:submission_bulk"), {
        "csrfmiddlewaretoken": token, "ids": [submission.pk], "action": "receive"})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Status.RECEIVED
    assert "Hồ sơ của bộ nhớ đệm" not in officer.get(url).content.decode()  # no longer waiting to be received


def test_dossier_page_shows_each_transition_and_history_search_each_award():
    from ..awards_helpers import draft, to_state

    officer = _client("demo_officer")
    submission = to_state(draft(names=("Trần Thị Bộ Nhớ",)), Status.VOTED)
    url = reverse("awards:submission_detail", args=[submission.pk])
    history = reverse("awards:history") + "?q=tran+thi+bo+nho"
    assert "Ban hành quyết định" in officer.get(url).content.decode()
    assert "Trần Thị Bộ Nhớ" not in officer.get(history).content.decode()
    award_services.issue_decision(User.objects.get(username="demo_officer"), submission,
                                  issued_on=dt.date(2026, 6, 1), signer_name="Người Ký",
                                  accept_overdraft=True)  # the bonus is known since Decree 152/2025; the fund is empty
    page = officer.get(url).content.decode()
    assert "Số sổ vàng" in page and "QĐ-UBND" in page  # golden-book number and decision appear at once
    assert "Trần Thị Bộ Nhớ" in officer.get(history).content.decode()


def test_public_page_shows_a_model_as_soon_as_it_is_published():
    anonymous_url = reverse("public_models")
    from django.test import Client

    public = Client()
    assert "Gương sáng bộ nhớ đệm" not in public.get(anonymous_url).content.decode()
    ExemplaryModel.objects.create(
        unit=Unit.objects.get(code="so-ke-hoach-dau-tu"), kind="good_deeds", title="Gương sáng bộ nhớ đệm",
        subject_name="Tổ dân phố số 1", summary="Tóm tắt", story="Câu chuyện", status=ModelStatus.APPROVED,
        published_at=dt.datetime(2026, 5, 1, tzinfo=dt.UTC))
    assert "Gương sáng bộ nhớ đệm" in public.get(anonymous_url).content.decode()


def test_fragments_can_be_switched_off(settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    calls = []
    for _ in range(2):
        datacache.fragment("t", (), ("targets",), lambda: calls.append(1) or "x")
    assert len(calls) == 2
    settings.FRAGMENT_CACHE_SECONDS = 60
    for _ in range(2):
        datacache.fragment("t", (), ("targets",), lambda: calls.append(1) or "x")
    assert len(calls) == 3
    with pytest.raises(ValueError):
        datacache.versions("nonsense")
