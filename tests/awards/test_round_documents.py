"""The document set of an award round (issue 19, item 2): the Board's tờ trình, the Council's minutes and ballot
tally — text and layout read back from the PDFs."""

import subprocess

import pytest
from django.urls import reverse

from awards import services
from awards.models import Appraisal, Status, VoteChoice

from ..awards_helpers import draft, to_state, users
from ..documents.test_document_layout import MM, _runs

pytestmark = pytest.mark.django_db


def _text(content: bytes) -> str:
    assert content.startswith(b"%PDF")
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=content, capture_output=True).stdout.decode()


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def voted():
    u = users()
    submission = to_state(draft(names=("Đinh Văn Bảy", "Cao Thị Tám")), Status.IN_COUNCIL)
    first, second = submission.nominees.order_by("pk")
    services.cast_vote(u["demo_council"], first, VoteChoice.YES)
    services.cast_vote(u["demo_council"], second, VoteChoice.NO)
    from organisation.models import User
    from organisation.roles import Role

    absent = User.objects.create_user("thanh_vien_vang", password="x" * 12)
    absent.groups.add(*__import__("django.contrib.auth.models", fromlist=["Group"]).Group.objects.filter(
        name=Role.COUNCIL_MEMBER))
    services.record_written_vote(u["demo_officer"], first, absent, VoteChoice.YES)
    services.close_vote(u["demo_officer"], submission)
    submission.refresh_from_db()
    return submission


def test_the_boards_submission_to_the_chairman(officer_client, staff_client, voted):
    url = reverse("awards:submission_report", args=[voted.pk])
    assert staff_client.get(url).status_code == 403  # the Board's own document
    content = officer_client.get(url).content
    text = _text(content)
    for expected in ("SỞ NỘI VỤ HẢI PHÒNG", "BAN THI ĐUA - KHEN THƯỞNG", "TỜ TRÌNH",
                     "Kính gửi: Chủ tịch Ủy ban nhân dân thành phố Hải Phòng", "/TTr-BTĐKT", "Đinh Văn Bảy",
                     "Cao Thị Tám", "2 trường hợp đủ điều kiện", "TRƯỞNG BAN", "Nơi nhận"):
        assert expected in _flat(text), expected
    assert voted.nominees.filter(appraisal=Appraisal.ELIGIBLE).count() == 2
    runs = _runs(content)
    assert min(r[1] for r in runs if r[0] == 0) >= 30 * MM - 1  # the decree's left margin
    agency = next(r for r in runs if r[3].startswith("BAN THI ĐUA - KHEN THƯỞNG"))
    assert "Bold" in agency[4]


def test_the_councils_minutes_and_ballot_tally(officer_client, council_client, staff_client, voted):
    meeting = voted.meeting
    minutes_url = reverse("awards:meeting_document", args=[meeting.pk, "bien-ban"])
    tally_url = reverse("awards:meeting_document", args=[meeting.pk, "kiem-phieu"])
    assert staff_client.get(minutes_url).status_code == 403
    assert officer_client.get(reverse("awards:meeting_document", args=[meeting.pk, "khac"])).status_code == 404
    minutes = _text(council_client.get(minutes_url).content)
    members = services.council_size(meeting)
    for expected in ("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "BIÊN BẢN", f"Hội đồng có {members} thành viên",
                     "có mặt 1 thành viên", "1 thành viên vắng mặt gửi phiếu bằng văn bản", voted.title,
                     "THƯ KÝ HỘI ĐỒNG", "CHỦ TỊCH HỘI ĐỒNG"):
        assert expected in _flat(minutes), expected
    tally = _text(officer_client.get(tally_url).content)
    assert "BIÊN BẢN KIỂM PHIẾU" in tally and f"Tổng số thành viên Hội đồng: {members}" in _flat(tally)
    rows = {line.split()[1]: line for line in tally.splitlines() if line.strip()[:1].isdigit() and "Văn" in line
            or "Thị" in line}
    first_line = next(line for line in tally.splitlines() if "Đinh Văn Bảy" in line)
    second_line = next(line for line in tally.splitlines() if "Cao Thị Tám" in line)
    assert " Đạt" in first_line and "Không đạt" in second_line
    assert rows  # the table has a line per nominee
    first = voted.nominees.get(name="Đinh Văn Bảy")
    assert (first.votes_yes, first.votes_no) == (2, 0)


def test_pngs_for_a_look(officer_client, voted, tmp_path):
    """Renders the three documents to PNG in test-artifacts/ (looked at by hand; pdftoppm must succeed)."""
    from ..browser import ARTIFACTS

    ARTIFACTS.mkdir(exist_ok=True)
    for name, url in (("rd-to-trinh", reverse("awards:submission_report", args=[voted.pk])),
                      ("rd-bien-ban", reverse("awards:meeting_document", args=[voted.meeting_id, "bien-ban"])),
                      ("rd-kiem-phieu", reverse("awards:meeting_document", args=[voted.meeting_id, "kiem-phieu"]))):
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(officer_client.get(url).content)
        result = subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf),
                                 str(ARTIFACTS / name)], capture_output=True)
        assert result.returncode == 0
