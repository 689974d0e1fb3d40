"""Clusters year by year (issue 21, item 2): the Board keeps members, the rotating head and deputy and the
covenant's signing in the portal; a year starts from last year's members; the Board scores for members without
accounts; the member sees the head's figures after the cross-check; score table and minutes as PDF and Excel."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from campaigns.models import ClusterCovenant, MemberScore, ScoreStatus
from organisation.models import Cluster, ClusterMembership, Unit

from ..cluster_helpers import score_lines
from ..files import pdf

pytestmark = pytest.mark.django_db


def _covenant_data(cluster, year):
    data = {"cluster": cluster.pk, "year": year, "signed_on": f"{year}-02-20", "content": "Giao ước",
            "criteria-TOTAL_FORMS": "2", "criteria-INITIAL_FORMS": "0", "criteria-MIN_NUM_FORMS": "0",
            "criteria-MAX_NUM_FORMS": "60"}
    for i, (name, kind, points) in enumerate([("Chỉ tiêu kinh tế", "standard", "60"),
                                              ("Vi phạm chế độ báo cáo", "deduction", "5")]):
        data.update({f"criteria-{i}-name": name, f"criteria-{i}-kind": kind, f"criteria-{i}-max_points": points})
    return data


def _text(body: bytes) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(body)).pages)


def test_a_new_year_from_last_years_members_then_a_covenant_with_all_of_them(officer_client):
    cluster = Cluster.objects.get(code="cum-5-thanh-pho")
    # without members for 2026 the covenant is refused with the way out, and nothing is recorded
    response = officer_client.post(reverse("campaigns:covenant_list"), _covenant_data(cluster, 2026))
    assert response.status_code == 200 and "chưa có thành viên" in response.content.decode()
    assert not ClusterCovenant.objects.filter(year=2026).exists()
    url = reverse("campaigns:cluster_year", args=[cluster.pk, 2026])
    assert "2023" in officer_client.get(url).content.decode()  # "start from the members of 2023"
    officer_client.post(url, {"start": "1"})
    members = ClusterMembership.objects.filter(cluster=cluster, year=2026)
    assert members.count() == 5 and not members.filter(is_head=True).exists()  # the head rotates: named anew
    hcm, hp = Unit.objects.get(code="tp-ho-chi-minh"), Unit.objects.get(code="ubnd-hai-phong")
    units = list(members.values_list("unit_id", flat=True))
    response = officer_client.post(url, {"units": units, "head": hcm.pk, "deputy": hcm.pk})
    assert "Phó Trưởng cụm là thành viên khác" in response.content.decode()
    assert officer_client.post(url, {"units": units, "head": hcm.pk, "deputy": hp.pk}).status_code == 302
    assert members.get(is_head=True).unit == hcm and members.get(is_deputy=True).unit == hp
    assert members.get(is_head=True).history.first().history_user.username == "demo_officer"
    # the covenant now has every member, and a member added later gets its score row
    assert officer_client.post(reverse("campaigns:covenant_list"), _covenant_data(cluster, 2026)).status_code == 302
    covenant = ClusterCovenant.objects.get(cluster=cluster, year=2026)
    assert covenant.scores.count() == 5
    extra = Unit.objects.get(code="so-ke-hoach-dau-tu")
    officer_client.post(url, {"units": [*units, extra.pk], "head": hcm.pk, "deputy": hp.pk})
    assert covenant.scores.count() == 6
    # a member that already sent its self-score cannot be taken out
    score = covenant.scores.get(unit=extra)
    officer_client.post(reverse("campaigns:score_edit", args=[score.pk]), score_lines(covenant, [50, 0]))
    response = officer_client.post(url, {"units": units, "head": hcm.pk, "deputy": hp.pk})
    assert response.status_code == 200 and "Sở Kế hoạch và Đầu tư" in response.content.decode()
    assert covenant.scores.count() == 6


def test_the_board_scores_for_members_without_accounts_and_the_member_sees_the_check(covenant, officer_client,
                                                                                   make_user):
    hanoi_head, _ = make_user("tp-ha-noi")
    danang = covenant.scores.get(unit__code="tp-da-nang")  # no account in the portal
    response = officer_client.post(reverse("campaigns:score_edit", args=[danang.pk]),
                                   score_lines(covenant, [50, 30, 2, 0]))
    assert response.status_code == 302
    danang.refresh_from_db()
    assert danang.status == ScoreStatus.SELF_SCORED and danang.self_total == Decimal(82)
    assert danang.history.first().history_user.username == "demo_officer"
    # before the check another member does not see it; after it the member sees the head's figures and notes
    other, _ = make_user("tp-can-tho")
    assert other.get(reverse("campaigns:score_detail", args=[danang.pk])).status_code == 404
    data = score_lines(covenant, [45, 30, 2, 0])
    data[f"text_{covenant.criteria.get(order=1).pk}"] = "Thu ngân sách chưa đạt kế hoạch"
    assert hanoi_head.post(reverse("campaigns:score_edit", args=[danang.pk]), data).status_code == 302
    member, _ = make_user("tp-da-nang")
    page = member.get(reverse("campaigns:score_detail", args=[danang.pk])).content.decode()
    assert "Thu ngân sách chưa đạt kế hoạch" in page and "77" in page and "82" in page
    assert "chấm chéo" in page.lower()


def test_signing_and_the_results_as_pdf_and_excel(covenant, officer_client, staff_client):
    url = reverse("campaigns:covenant_signing", args=[covenant.pk])
    assert staff_client.get(url).status_code == 403
    bad = officer_client.post(url, {"signed_on": "2023-03-15", "signatories": "x",
                                    "signed_file": io.BytesIO(b"<html><script>alert(1)</script></html>")})
    assert bad.status_code == 200
    response = officer_client.post(url, {"signed_on": "2023-03-15", "signed_file": pdf(),
                                         "signatories": "Nguyễn Văn Tùng, Chủ tịch UBND, TP Hải Phòng\n"
                                                        "Trần Sỹ Thanh, Chủ tịch UBND, TP Hà Nội"})
    assert response.status_code == 302
    covenant.refresh_from_db()
    assert covenant.signatories.count("\n") == 1 and covenant.signed_file
    signed = officer_client.get(reverse("campaigns:covenant_signed_file", args=[covenant.pk]))
    assert signed.status_code == 200 and b"".join(signed.streaming_content).startswith(b"%PDF")
    MemberScore.objects.filter(covenant=covenant).update(status=ScoreStatus.CHECKED, self_total=90, final_total=88)
    MemberScore.objects.filter(covenant=covenant, unit__code="tp-ho-chi-minh").update(final_total=Decimal("95.5"))
    hcm = Unit.objects.get(code="tp-ho-chi-minh")
    officer_client.post(reverse("campaigns:covenant_finalise", args=[covenant.pk]), {"acclaimed": [hcm.pk]})
    doc = lambda name: officer_client.get(reverse("campaigns:covenant_document", args=[covenant.pk, name]))  # noqa: E731
    table = _text(doc("bang-diem.pdf").content)
    assert "BẢNG ĐIỂM" in table and "95,50" in table and "Đơn vị dẫn đầu" in table
    minutes = _text(doc("bien-ban.pdf").content)
    assert "BIÊN BẢN" in minutes and "Thành phố Hồ Chí Minh" in minutes and "Trần Sỹ Thanh" in minutes
    sheet = load_workbook(io.BytesIO(doc("bang-diem.xlsx").content)).active
    assert "Bảng điểm" in sheet["A1"].value and sheet.freeze_panes == "A5"
    first = [c.value for c in sheet[5]]
    assert first[:2] == [1, "Thành phố Hồ Chí Minh"] and first[4] == 95.5
    assert sheet.cell(5, 5).number_format == "#,##0.00" and sheet.cell(4, 1).font.bold
    assert officer_client.get(reverse("campaigns:covenant_document", args=[covenant.pk, "x.doc"])).status_code == 404
