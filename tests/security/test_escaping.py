"""Script and HTML typed into free-text fields is shown as text on every page and in PDFs."""

import datetime as dt

from django.urls import reverse

from awards.models import Status

from ..awards.test_awards_workflow import pdf_text

PAYLOAD = '<script>alert("xss")</script><img src=x onerror=alert(1)><b>đậm</b>'
ESCAPED = "&lt;script&gt;alert("


def _safe(html: str):
    assert "<script>alert" not in html and "<img src=x" not in html and ESCAPED in html


def test_payloads_are_escaped_in_pages_and_pdfs(staff_client, officer_client):
    from awards.models import Decision, Submission
    from campaigns.models import Movement

    from ..awards_helpers import person, to_state

    unit_pk = __import__("organisation.models", fromlist=["Unit"]).Unit.objects.get(code="so-ke-hoach-dau-tu").pk
    staff_client.post(reverse("awards:submission_create"), {
        "unit": unit_pk, "title": f"Tờ trình {PAYLOAD}", "reference": "<i>1</i>/TTr", "round_kind": "ad_hoc", "year": 2023,
        "commendation_type": "ad_hoc"})
    submission = Submission.objects.get(reference="<i>1</i>/TTr")
    an = person("Nguyễn Văn An")
    from legal.models import AwardType

    staff_client.post(reverse("awards:nominee_add", args=[submission.pk]), {
        "subject": "individual", "person": an.pk, "name": f"An {PAYLOAD}", "award_type": AwardType.objects.get(
            code="bang-khen-chu-tich").pk, "achievement_summary": PAYLOAD})
    _safe(staff_client.get(reverse("awards:submission_detail", args=[submission.pk])).content.decode())
    _safe(staff_client.get(reverse("awards:submission_list")).content.decode())
    to_state(submission, Status.DECIDED)
    _safe(officer_client.get(reverse("awards:submission_detail", args=[submission.pk])).content.decode())
    decision = Decision.objects.get()
    text = pdf_text(officer_client.get(reverse("awards:decision_pdf", args=[decision.pk])).content, layout=False)
    assert '<script>alert("xss")</script>' in text  # shown literally as text, never interpreted

    officer_client.post(reverse("campaigns:movement_launch"), {
        "name": f"Phong trào {PAYLOAD}", "kind": "thematic", "authority": "city_chairman", "scope": "citywide",
        "description": PAYLOAD})
    movement = Movement.objects.get(name__startswith="Phong trào <script>")
    _safe(officer_client.get(reverse("campaigns:movement_detail", args=[movement.code])).content.decode())
    _safe(officer_client.get(reverse("campaigns:movement_list")).content.decode())
    officer_client.post(reverse("campaigns:inspection_list"), {
        "unit": unit_pk, "kind": "inspection", "visited_on": dt.date.today().isoformat(), "team": PAYLOAD,
        "findings": PAYLOAD, "assessment": "good"})
    _safe(officer_client.get(reverse("campaigns:inspection_list")).content.decode())


def test_csp_header_forbids_inline_scripts(staff_client):
    response = staff_client.get(reverse("home"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "<script>" not in response.content.decode().replace('<script src=', '')
