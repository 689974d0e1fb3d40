"""Units see what the Board will see, before sending (issue 33, item 4), and a returned dossier says why at the top
(item 7)."""

import pytest
from django.urls import reverse

from awards.models import Nominee, Status

from ..awards_helpers import draft, to_state

pytestmark = pytest.mark.django_db


def test_the_draft_shows_each_nominees_findings_with_their_article(staff_client):
    submission = draft(names=("Lê Văn Nháp",))
    nominee = submission.nominees.get()
    assert nominee.eligibility  # checked as it was saved, before any sending
    page = staff_client.get(reverse("awards:submission_detail", args=[submission.pk])).content.decode()
    assert submission.status == Status.DRAFT
    findings = nominee.eligibility_reasons
    assert findings and all(f["message"] in page for f in findings)
    assert any(f["basis"] and f["basis"] in page for f in findings)  # the rule's article, as the Board sees it
    assert "Kiểm tra lại tiêu chuẩn" in page


def test_the_unit_checks_its_draft_again(staff_client, staff_b_client, leader_client):
    submission = draft(names=("Lê Văn Kiểm",))
    Nominee.objects.filter(submission=submission).update(eligibility="", eligibility_reasons=[])
    url = reverse("awards:eligibility_recheck", args=[submission.pk])
    assert staff_b_client.post(url).status_code == 404  # another unit's dossier
    assert leader_client.post(url).status_code in (403, 404)
    assert not submission.nominees.get().eligibility
    response = staff_client.post(url, follow=True)
    assert "Đã kiểm tra 1 người được đề nghị" in response.content.decode()
    assert submission.nominees.get().eligibility


def test_a_sent_dossier_is_not_checked_again_by_the_unit(staff_client):
    submission = to_state(draft(names=("Lê Văn Gửi",)), Status.SUBMITTED)
    before = list(submission.nominees.values_list("eligibility", "eligibility_reasons"))
    response = staff_client.post(reverse("awards:eligibility_recheck", args=[submission.pk]), follow=True)
    assert response.status_code in (200, 403)
    assert list(submission.nominees.values_list("eligibility", "eligibility_reasons")) == before


def test_a_returned_dossier_says_why_at_the_top(officer_client, staff_client):
    submission = to_state(draft(names=("Lê Văn Trả",)), Status.SUBMITTED)
    officer_client.post(reverse("awards:submission_return", args=[submission.pk]),
                        {"reason": "Thiếu biên bản họp Hội đồng TĐKT cơ sở"})
    page = staff_client.get(reverse("awards:submission_detail", args=[submission.pk])).content.decode()
    top = page.index('id="return-reason"')
    assert "Thiếu biên bản họp Hội đồng TĐKT cơ sở" in page[top:top + 600]
    assert top < page.index('id="nominees"')  # above the dossier, not only in the history at the bottom
