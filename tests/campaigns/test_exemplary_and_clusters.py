"""Exemplary models reach the public page and feed only after approval; cluster scoring."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from campaigns.models import ExemplaryModel, MemberScore, ModelStatus, ScoreStatus
from organisation.models import Unit

from ..cluster_helpers import score_lines as _lines
from ..files import fake_pdf, png

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def proposal(staff_client):
    unit = Unit.objects.get(code="so-ke-hoach-dau-tu")
    response = staff_client.post(reverse("campaigns:model_propose"), {
        "unit": unit.pk, "kind": "brave_rescue", "title": f"Dũng cảm cứu người đuối nước {XSS}",
        "subject_name": "Anh Nguyễn Văn Hùng", "summary": "Cứu 2 em nhỏ trên sông Lạch Tray",
        "story": f"Chiều 12/6, anh Hùng đã lao xuống sông... {XSS}", "photo": png()})
    assert response.status_code == 302, response.content.decode()[:2000]
    return ExemplaryModel.objects.get(subject_name="Anh Nguyễn Văn Hùng")


def test_public_page_shows_a_model_only_after_approval(proposal, officer_client, django_capture_on_commit_callbacks):
    anonymous = Client()
    assert proposal.status == ModelStatus.PROPOSED
    assert "Anh Nguyễn Văn Hùng" not in anonymous.get(reverse("public_models")).content.decode()
    assert anonymous.get(reverse("public_model_detail", args=[proposal.pk])).status_code == 404
    assert anonymous.get(reverse("public_model_photo", args=[proposal.pk])).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(reverse("campaigns:model_detail", args=[proposal.pk]),
                                       {"approve": "1", "note": "Gương sáng"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ModelStatus.APPROVED and proposal.published_at

    page = anonymous.get(reverse("public_models")).content.decode()
    assert "Anh Nguyễn Văn Hùng" in page
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    detail = anonymous.get(reverse("public_model_detail", args=[proposal.pk])).content.decode()
    assert "Chiều 12/6, anh Hùng" in detail and "<script>alert" not in detail and 'onerror=alert' not in detail.replace(
        "&lt;img src=x onerror=alert(1)&gt;", "")
    photo = anonymous.get(reverse("public_model_photo", args=[proposal.pk]))
    assert photo.status_code == 200 and b"".join(photo.streaming_content).startswith(b"\x89PNG")

    feed = anonymous.get(reverse("public_models_feed"))
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert "Anh Nguyễn Văn Hùng" in body and "<script>" not in body
    # The summary is declared as text, so a feed reader shows stored markup as characters, never as markup.
    import xml.etree.ElementTree as ET

    atom = "{http://www.w3.org/2005/Atom}"
    entry = ET.fromstring(feed.content).find(f"{atom}entry")
    assert 'type="html"' not in body
    assert entry.find(f"{atom}summary").get("type") == "text" and entry.find(f"{atom}title").text.endswith(XSS)

    # The proposing unit is told by e-mail, after commit, through the Celery task.
    assert any("Dũng cảm cứu người" in m.subject for m in mail.outbox)
    assert mail.outbox[-1].to == ["demo_staff@example.invalid"]


def test_rejection_needs_a_reason_and_stays_private(proposal, officer_client):
    url = reverse("campaigns:model_detail", args=[proposal.pk])
    response = officer_client.post(url, {"reject": "1", "note": ""})
    assert "Hãy nêu lý do" in response.content.decode()
    officer_client.post(url, {"reject": "1", "note": "Chưa đủ minh chứng"})
    proposal.refresh_from_db()
    assert proposal.status == ModelStatus.REJECTED
    assert Client().get(reverse("public_model_detail", args=[proposal.pk])).status_code == 404


def test_staff_cannot_approve_and_other_units_cannot_see(proposal, staff_client, staff_b_client):
    url = reverse("campaigns:model_detail", args=[proposal.pk])
    assert staff_client.post(url, {"approve": "1"}).status_code == 403
    assert staff_b_client.get(url).status_code == 404
    assert staff_b_client.get(reverse("campaigns:model_photo", args=[proposal.pk])).status_code == 404


def test_photo_must_be_an_image(staff_client):
    response = staff_client.post(reverse("campaigns:model_propose"), {
        "unit": Unit.objects.get(code="so-ke-hoach-dau-tu").pk, "kind": "good_deeds", "title": "Nhặt được của rơi",
        "subject_name": "Chị Lan", "summary": "Trả lại ví", "story": "…", "photo": fake_pdf("anh.png")})
    assert response.status_code == 200
    assert "không thuộc loại được chấp nhận" in response.content.decode()
    assert response.context["form"]["title"].value() == "Nhặt được của rơi"
    assert not ExemplaryModel.objects.exists()


def test_public_pages_need_no_login_and_query_count_is_flat(db, django_assert_max_num_queries):
    unit = Unit.objects.get(code="bao-hai-phong")
    client = Client()

    def publish(n):
        for i in range(n):
            ExemplaryModel.objects.create(unit=unit, kind="advanced", title=f"Điển hình {i}", subject_name="X",
                                          summary="s", story="t", status=ModelStatus.APPROVED,
                                          published_at=dt.datetime(2023, 5, 1, tzinfo=dt.UTC))

    publish(2)
    with django_assert_max_num_queries(10) as first:
        assert client.get(reverse("public_models")).status_code == 200
    with django_assert_max_num_queries(4) as feed_first:
        client.get(reverse("public_models_feed"))
    publish(10)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(reverse("public_models"))
    with django_assert_max_num_queries(len(feed_first.captured_queries)):
        client.get(reverse("public_models_feed"))


# --- Cluster covenants ----------------------------------------------------------

def test_cluster_scoring_cross_check_and_acclaim(covenant, make_user, officer_client):
    assert covenant.scores.count() == 5
    head_client, _ = make_user("tp-ha-noi")
    scores = {s.unit.code: s for s in covenant.scores.select_related("unit")}
    self_points = {"ubnd-hai-phong": [58, 39, 5, 0], "tp-ha-noi": [59, 38, 4, 0], "tp-ho-chi-minh": [57, 40, 5, 0],
                   "tp-da-nang": [55, 35, 3, 0], "tp-can-tho": [55, 36, 4, 2]}
    for code, points in self_points.items():
        client, _ = make_user(code) if code != "tp-ha-noi" else (head_client, None)
        response = client.post(reverse("campaigns:score_edit", args=[scores[code].pk]), _lines(covenant, points))
        assert response.status_code == 302, response.content.decode()[:3000]
    score = MemberScore.objects.get(pk=scores["ubnd-hai-phong"].pk)
    assert score.status == ScoreStatus.SELF_SCORED and score.self_total == Decimal("102")

    # A member cannot cross-check; the head corrects Hải Phòng's second criterion.
    member_client, _ = make_user("tp-can-tho", username="can-tho-2")
    assert member_client.post(reverse("campaigns:score_edit", args=[scores["tp-da-nang"].pk]),
                              _lines(covenant, [1, 1, 1, 1])).status_code == 403
    # The head never checks its own score: the Board does.
    assert head_client.post(reverse("campaigns:score_edit", args=[scores["tp-ha-noi"].pk]),
                            _lines(covenant, [60, 40, 5, 0])).status_code == 403
    for code, points in self_points.items():
        checked = [58, 36, 5, 0] if code == "ubnd-hai-phong" else points
        checker = officer_client if code == "tp-ha-noi" else head_client
        response = checker.post(reverse("campaigns:score_edit", args=[scores[code].pk]), _lines(covenant, checked))
        assert response.status_code == 302
    finals = dict(MemberScore.objects.filter(covenant=covenant).values_list("unit__code", "final_total"))
    assert finals["ubnd-hai-phong"] == Decimal("99") and finals["tp-ho-chi-minh"] == Decimal("102")
    assert finals["tp-can-tho"] == finals["tp-da-nang"] == Decimal("93")  # the deduction is subtracted

    hcm = Unit.objects.get(code="tp-ho-chi-minh")
    officer_client.post(reverse("campaigns:covenant_finalise", args=[covenant.pk]), {"acclaimed": [hcm.pk]})
    ranking = list(MemberScore.objects.filter(covenant=covenant).order_by("rank").values_list(
        "unit__code", "rank", "acclaimed"))
    assert ranking[0] == ("tp-ho-chi-minh", 1, True)
    assert ranking[1:3] == [("tp-ha-noi", 2, False), ("ubnd-hai-phong", 3, False)]
    assert {r[1] for r in ranking[3:]} == {4}  # equal scores share a rank
    page = officer_client.get(reverse("campaigns:covenant_detail", args=[covenant.pk])).content.decode()
    assert "Đơn vị dẫn đầu" in page


def test_points_above_the_maximum_are_refused(covenant, make_user):
    client, _ = make_user("ubnd-hai-phong")
    score = covenant.scores.get(unit__code="ubnd-hai-phong")
    response = client.post(reverse("campaigns:score_edit", args=[score.pk]), _lines(covenant, [61, 10, 1, 0]))
    assert response.status_code == 200
    score.refresh_from_db()
    assert score.status == ScoreStatus.DRAFT
