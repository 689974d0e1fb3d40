"""Outcome notices wait in the Board's outbox (issue 21, item 6): the Council's tally does not reach the unit before
a decision exists; the Board releases the dossier's notices once the decision is issued; the unit and the awardee
with an account are told (e-mail links absolute) and the awardee sees the award among their own."""

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse

from awards.models import NoticeStatus, OutcomeNotice, Status, VoteChoice
from organisation.models import User

from ..awards_helpers import draft, to_state

pytestmark = pytest.mark.django_db


def _staff_titles():
    return list(User.objects.get(username="demo_staff").notifications.values_list("title", flat=True))


def test_outcomes_wait_for_the_decision_then_reach_the_unit_and_the_awardee(officer_client, password,
                                                                           django_capture_on_commit_callbacks):
    from django.test import Client

    submission = draft(names=("Nguyễn Văn An",))
    nominee = submission.nominees.get()
    awardee = User.objects.create_user("nguyen-van-an", password=password, email="an@example.invalid",
                                       unit=submission.unit, person=nominee.person)
    with django_capture_on_commit_callbacks(execute=True):
        to_state(submission, Status.VOTED)
    assert not any("Hội đồng đã biểu quyết" in t for t in _staff_titles())
    assert not [m for m in mail.outbox if "Hội đồng đã biểu quyết" in m.subject]
    held = OutcomeNotice.objects.get(submission=submission)
    assert held.status == NoticeStatus.HELD and held.to_status == Status.VOTED
    # listed as waiting; releasing before the decision is refused and keeps it held
    page = officer_client.get(reverse("awards:outbox")).content.decode()
    assert submission.title in page and "chờ quyết định" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(reverse("awards:outbox"), {"submission": [submission.pk]}, follow=True)
    assert "Chưa có quyết định" in response.content.decode()
    held.refresh_from_db()
    assert held.status == NoticeStatus.HELD
    # the decision: its notice waits too, then both leave together
    with django_capture_on_commit_callbacks(execute=True):
        to_state(submission, Status.DECIDED)
    assert OutcomeNotice.objects.filter(submission=submission, status=NoticeStatus.HELD).count() == 2
    listed = officer_client.get(reverse("awards:outbox")).context["dossiers"]
    assert [s.pk for s in listed] == [submission.pk]  # one row for the dossier, not one per held notice
    assert not any("Đã có quyết định" in t for t in _staff_titles())
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(reverse("awards:outbox"), {"submission": [submission.pk]}, follow=True)
    assert "Đã gửi 2 thông báo." in response.content.decode()
    assert not OutcomeNotice.objects.filter(status=NoticeStatus.HELD).exists()
    titles = _staff_titles()
    assert any("Hội đồng đã biểu quyết" in t for t in titles) and any("Đã có quyết định" in t for t in titles)
    told = awardee.notifications.get(title__startswith="Bạn được khen thưởng")
    assert "Bằng khen" in told.title and submission.decisions.get().code in told.body
    unit_mail = next(m for m in mail.outbox if "Đã có quyết định" in m.subject)
    base = settings.PORTAL_BASE_URL.rstrip("/")
    assert unit_mail.body.rstrip().endswith(f"{base}/khen-thuong/ho-so/{submission.pk}/")
    awardee_mail = next(m for m in mail.outbox if m.to == ["an@example.invalid"])
    assert awardee_mail.body.rstrip().endswith(f"{base}/khen-thuong/cua-toi/")
    # the awardee sees the award among their own
    client = Client()
    client.force_login(awardee)
    mine = client.get(reverse("awards:my_awards")).content.decode()
    assert "Bằng khen" in mine and submission.decisions.get().code in mine


def test_a_dossier_closed_without_award_can_be_told_at_once(officer_client, django_capture_on_commit_callbacks):
    submission = draft(names=("Trần Thị Bình",))
    from awards import services

    from ..awards_helpers import users

    with django_capture_on_commit_callbacks(execute=True):
        to_state(submission, Status.IN_COUNCIL)
        for nominee in submission.nominees.all():
            services.cast_vote(users()["demo_council"], nominee, VoteChoice.NO)
        services.close_vote(users()["demo_officer"], submission)
    assert OutcomeNotice.objects.get(submission=submission).to_status == Status.CLOSED
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(reverse("awards:outbox"), {"submission": [submission.pk]})
    assert OutcomeNotice.objects.get(submission=submission).status == NoticeStatus.SENT
    assert any("Kết thúc, không khen thưởng" in t for t in _staff_titles())


@pytest.mark.parametrize("client_name", ["staff_client", "council_client", "leader_client"])
def test_only_the_board_reads_and_releases_the_outbox(db, request, client_name, django_capture_on_commit_callbacks):
    submission = draft(names=("Lê Văn Cường",))
    with django_capture_on_commit_callbacks(execute=True):
        to_state(submission, Status.DECIDED)
    client = request.getfixturevalue(client_name)
    assert client.get(reverse("awards:outbox")).status_code == 403
    assert client.post(reverse("awards:outbox"), {"submission": [submission.pk]}).status_code == 403
    assert OutcomeNotice.objects.filter(submission=submission, status=NoticeStatus.HELD).count() == 2
