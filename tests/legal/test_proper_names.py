"""Proper names keep their capitals wherever the portal composes text (Decree 30/2020/NĐ-CP, Appendix II, on the
capitals of official writing: names of bodies, places and offices keep them inside a sentence): messages and
documents (issue 31, item 14)."""

import pytest
from django.urls import reverse

from awards.models import Status, Submission
from organisation.text import in_sentence

from ..awards.test_awards_workflow import pdf_text
from ..awards_helpers import draft, to_state, users


@pytest.mark.parametrize("label, inside", [
    ("Báo cáo tiến độ hằng tháng", "báo cáo tiến độ hằng tháng"),
    ("Đề nghị khen thưởng của UBND quận Lê Chân", "đề nghị khen thưởng của UBND quận Lê Chân"),
    ("UBND quận Lê Chân", "UBND quận Lê Chân"),
    ("Sở Nội vụ", "Sở Nội vụ"),
    ("Chủ tịch UBND cấp xã", "Chủ tịch UBND cấp xã"),
    ("Hải Phòng", "Hải Phòng"),
])
def test_decree_30_2020_appendix_ii_a_label_inside_a_sentence_keeps_its_names(label, inside):
    assert in_sentence(label) == inside


def test_decree_30_2020_appendix_ii_the_tờ_trình_keeps_the_capitals_of_the_dossiers_title(officer_client):
    """The Board's tờ trình quotes the dossier's title inside its sentence ("về việc …"): read back from the PDF."""
    submission = draft(staff=users()["demo_staff_b"], unit_code="quan-le-chan", names=("Trần Thị Mai",))
    Submission.objects.filter(pk=submission.pk).update(
        title="Đề nghị khen thưởng của UBND quận Lê Chân và Sở Nội vụ năm 2024")
    submission = to_state(submission, Status.RECEIVED)
    response = officer_client.get(reverse("awards:submission_report", args=[submission.pk]))
    text = pdf_text(response.content, layout=False)
    assert "về việc đề nghị khen thưởng của UBND quận Lê Chân và Sở Nội vụ năm 2024" in text
    assert "ubnd" not in text and "lê chân" not in text
