import datetime as dt

import pytest
from django.core.management import call_command

from organisation.models import Unit, User
from organisation.seed import DEMO_PASSWORD, create_demo_accounts


def _seed():
    from awards.demo import demo_signer

    call_command("seed_directive", verbosity=0, stdout=open("/dev/null", "w"))
    create_demo_accounts()
    demo_signer()  # as on a demo machine: demo_signer is the designated signer of the city's decisions


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the directive's data and the demo accounts."""
    with django_db_blocker.unblock():
        _seed()


@pytest.fixture(autouse=True)
def _directive_data(request):
    """Tests that use the database see the directive's data.

    Transactional tests (real workers, live servers, concurrency) end with a
    flush that empties the tables, so any test that finds the seed gone seeds again.
    """
    names = request.fixturenames
    marker = request.node.get_closest_marker("django_db")  # tests that ask for the database by marker only
    if "transactional_db" in names or "live_server" in names or (marker and marker.kwargs.get("transaction")):
        request.getfixturevalue("transactional_db")
    elif "db" in names or marker:
        request.getfixturevalue("db")
    else:
        return
    if not User.objects.filter(username="demo_staff").exists():
        _seed()


@pytest.fixture(autouse=True)
def _fresh_throttles():
    """Each test starts with no API throttle history (DRF counts requests per account in the default cache, which
    lives on in a test process): one test's hundreds of API calls must not make the next one's first call a 429."""
    from django.core.cache import caches

    caches["default"].clear()


@pytest.fixture
def password():
    return DEMO_PASSWORD


def _login(username):
    """A separate browser session per role, so tests can use several at once."""
    from django.test import Client

    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


@pytest.fixture
def signer_client(db):
    """The demo Chairman's own account (the signer role), its session verified with its second factor."""
    from .second_factor import login

    return login("demo_signer")


@pytest.fixture
def clerk_client(db):
    """The records clerk's (văn thư) account, its session verified with its second factor."""
    from .second_factor import login

    return login("demo_clerk")


@pytest.fixture
def staff_client(db):
    return _login("demo_staff")


@pytest.fixture
def staff_b_client(db):
    return _login("demo_staff_b")


@pytest.fixture
def officer_client(db):
    return _login("demo_officer")


@pytest.fixture
def leader_client(db):
    return _login("demo_leader")


@pytest.fixture
def council_client(db):
    return _login("demo_council")


@pytest.fixture
def admin_client_demo(db):
    return _login("demo_admin")


@pytest.fixture
def unit(db):
    def get(code):
        return Unit.objects.get(code=code)

    return get


@pytest.fixture
def make_user(db):
    """make_user("tp-ha-noi", "unit_staff") -> a logged-in client and its user."""
    from django.contrib.auth.models import Group
    from django.test import Client

    def make(unit_code, role="unit_staff", username=None):
        username = username or f"{role}-{unit_code}"
        user = User.objects.create_user(username=username, password="x", unit=Unit.objects.get(code=unit_code),
                                        email=f"{username}@example.invalid")
        user.groups.add(Group.objects.get(name=role))
        client = Client()
        client.force_login(user)
        return client, user

    return make


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """The live server stops before the test database is dropped (its thread holds a connection)."""
    return live_server


@pytest.fixture
def covenant(officer_client):
    from django.urls import reverse

    from campaigns.models import ClusterCovenant
    from organisation.models import Cluster, ClusterMembership

    cluster = Cluster.objects.get(code="cum-5-thanh-pho")
    ClusterMembership.objects.filter(cluster=cluster, unit__code="tp-ha-noi").update(is_head=True)
    data = {"cluster": cluster.pk, "year": 2023, "signed_on": "2023-03-15", "content": "Giao ước năm 2023",
            "criteria-TOTAL_FORMS": "6", "criteria-INITIAL_FORMS": "0", "criteria-MIN_NUM_FORMS": "0",
            "criteria-MAX_NUM_FORMS": "60"}
    rows = [("Hoàn thành chỉ tiêu kinh tế - xã hội", "standard", "60"), ("Công tác thi đua, khen thưởng", "standard",
            "40"), ("Sáng kiến, mô hình mới", "bonus", "5"), ("Vi phạm chế độ báo cáo", "deduction", "5")]
    for i in range(6):
        data[f"criteria-{i}-kind"] = "standard"  # what the browser sends for an untouched row
    for i, (name, kind, points) in enumerate(rows):
        data.update({f"criteria-{i}-name": name, f"criteria-{i}-kind": kind, f"criteria-{i}-max_points": points})
    response = officer_client.post(reverse("campaigns:covenant_list"), data)
    assert response.status_code == 302
    return ClusterCovenant.objects.get(cluster=cluster, year=2023)


@pytest.fixture
def objects(db):
    """One object of each kind a URL pattern names (a decided dossier of unit A, its decision and certificate,
    a programme, a model, a review, a report, a fund entry), by route name: for tests that visit every URL."""
    from awards.models import Attachment, FundEntry, FundEntryKind, FundSource, Status
    from campaigns.models import ActionProgramme, ExemplaryModel, Movement, ProgrammeTask, ReviewReport, ReviewRound
    from organisation.models import Unit
    from reports.models import Report

    from .awards_helpers import draft, to_state
    from .files import pdf, png

    submission = to_state(draft(names=("Nguyễn Văn An",)), Status.DECIDED)
    nominee = submission.nominees.get()
    unit = Unit.objects.get(code="so-ke-hoach-dau-tu")
    movement = Movement.objects.get(code="van-hoa-cong-so")
    programme = ActionProgramme.objects.create(unit=unit, movement=movement, year=2023, title="CT")
    task = ProgrammeTask.objects.create(programme=programme, title="t", owner="o", due_on=dt.date(2023, 5, 1),
                                        evidence_file=pdf())
    model = ExemplaryModel.objects.create(unit=unit, kind="advanced", title="T", subject_name="S", summary="s",
                                          story="x", photo=png())
    review = ReviewRound.objects.create(movement=movement, kind="mid_term", title="Sơ kết", year=2023,
                                        period_start=dt.date(2023, 1, 1), period_end=dt.date(2023, 6, 30),
                                        due_on=dt.date(2023, 7, 15))
    report = ReviewReport.objects.create(round=review, unit=unit, text="x", attachment=pdf())
    entry = FundEntry.objects.create(year=2026, kind=FundEntryKind.ALLOCATION, source=FundSource.CITY_BUDGET,
                                     amount=1_000_000, entered_on=dt.date(2026, 1, 5), description="Dự toán")
    return {
        "pk": {"awards:submission_detail": submission.pk, "campaigns:programme_detail": programme.pk,
               "campaigns:task_evidence": task.pk, "campaigns:task_edit": task.pk, "campaigns:model_detail": model.pk,
               "campaigns:model_photo": model.pk, "campaigns:report_attachment": report.pk,
               "campaigns:review_detail": review.pk, "campaigns:review_remind": review.pk, "reports:detail": None,
               "awards:decision_detail": nominee.decision_id, "awards:decision_pdf": nominee.decision_id,
               "awards:payment_list_pdf": nominee.decision_id, "awards:payment_list_xlsx": nominee.decision_id,
               "awards:fund_reverse": entry.pk, "awards:decision_sign": nominee.decision_id,
               "awards:decision_seal": nominee.decision_id, "awards:decision_certificates": nominee.decision_id,
               "awards:decision_certificates_status": nominee.decision_id,
               "awards:decision_certificates_pdf": nominee.decision_id},
        "submission": submission.pk, "nominee": nominee.pk, "attachment": Attachment.objects.first().pk,
        "code": nominee.certificate_code, "decision": nominee.decision_id, "model": model.pk,
        "report": Report.objects.create(kind="monthly", period_start=dt.date(2023, 1, 1),
                                        period_end=dt.date(2023, 1, 31)).pk,
    }


@pytest.fixture(scope="session")
def ltv_pki(tmp_path_factory):
    """The local test PKI serving OCSP, CRLs and time-stamps over HTTP (tests/ltv_pki.py), started once per
    session, only by the tests that use it."""
    from .ltv_pki import start

    pki, stop = start(tmp_path_factory.mktemp("ltv-pki"))
    yield pki
    stop()
