"""Decree 30/2020 App. I, read back from the PDFs by position (pypdf), not only by text: margins, the number from
01, the date written as the decree writes it, page numbers top centre from page 2, the signature block and the
recipients on one page."""

import io

from django.urls import reverse
from pypdf import PdfReader

from awards.models import Decision, Status

from ..awards_helpers import draft, to_state

MM = 72 / 25.4


def _runs(content: bytes, with_size: bool = False):
    """(page, x, y, text, font) of every text run (and its size in points with ``with_size``)."""
    runs = []
    for number, page in enumerate(PdfReader(io.BytesIO(content)).pages):
        def visit(text, cm, tm, font, size, number=number):
            if text.strip():
                run = (number, tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5], text.strip(),
                       str((font or {}).get("/BaseFont", "")))
                runs.append(run + (round(size * tm[0] * cm[0], 1),) if with_size else run)
        page.extract_text(visitor_text=visit)
    return runs


# Decree 30/2020/NĐ-CP Appendix I, Part I, IV (sizes of each element): (first words of the run, sizes allowed,
# bold, italic). The agency names and the national name 12–13 pt, the motto 13–14 pt bold, the number 13 pt, the
# place and date 13–14 pt italic, the document type and the body 13–14 pt, "Nơi nhận:" 12 pt bold italic and its
# list 11 pt, the signer's title and name 13–14 pt bold.
SIZES = [
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", (12, 13), True, False),
    ("Độc lập - Tự do - Hạnh phúc", (13, 14), True, False),
    ("Số:", (13, 13), False, False),
    ("Hải Phòng, ngày", (13, 14), False, True),
    ("Nơi nhận:", (12, 12), True, True),
    ("- Lưu:", (11, 11), False, False),
]


def _check_sizes(content: bytes, title: str, signer_title: str, agency: str):
    runs = _runs(content, with_size=True)
    problems = []
    rows = SIZES + [(title, (13, 14), True, False), (signer_title, (13, 14), True, False),
                    (agency, (12, 13), True, False)]
    for start, (low, high), bold, italic in rows:
        run = next((r for r in runs if r[3].startswith(start)), None)
        if run is None:
            problems.append(f"{start!r} not found")
            continue
        size, font = run[5], run[4]
        if not low <= size <= high or ("Bold" in font) != bold or ("Italic" in font) != italic:
            problems.append(f"{start!r}: {size} pt {font}")
    return problems


def test_font_sizes_of_every_document(officer_client, django_capture_on_commit_callbacks, covenant):
    import datetime as dt

    from awards import services
    from awards.models import VoteChoice
    from reports.services import request_report

    from ..awards_helpers import users

    submission = to_state(draft(names=("Nguyễn Văn An",)), Status.DECIDED)
    decision = Decision.objects.get(submission=submission)
    nominee = submission.nominees.get()
    revocation = services.revoke(users()["demo_officer"], nominee, grounds="Khai man thành tích",
                                       issued_on=dt.date.today(), signer_name="Nguyễn Văn Tùng")
    with django_capture_on_commit_callbacks(execute=True):
        report = request_report("monthly", dt.date(2023, 5, 1), dt.date(2023, 5, 31))
    report.refresh_from_db()
    documents = {
        "decision": (officer_client.get(reverse("awards:decision_pdf", args=[decision.pk])).content, "QUYẾT ĐỊNH",
                     "CHỦ TỊCH", "THÀNH PHỐ HẢI PHÒNG"),
        "revocation": (officer_client.get(reverse("awards:decision_pdf", args=[revocation.pk])).content,
                       "QUYẾT ĐỊNH", "CHỦ TỊCH", "THÀNH PHỐ HẢI PHÒNG"),
        "tờ trình": (officer_client.get(reverse("awards:submission_report", args=[submission.pk])).content,
                     "TỜ TRÌNH", "TRƯỞNG BAN", "BAN THI ĐUA - KHEN THƯỞNG"),
        "report": (report.pdf.read(), "BÁO CÁO", "TRƯỞNG BAN", "BAN THI ĐUA - KHEN THƯỞNG"),
        "cluster score table": (officer_client.get(reverse("campaigns:covenant_document", args=[
            covenant.pk, "bang-diem.pdf"])).content, "BẢNG ĐIỂM", "TRƯỞNG CỤM", "THÀNH PHỐ HÀ NỘI"),
    }
    assert VoteChoice.YES  # the Council's minutes share the header and have no recipients list (checked below)
    problems = {name: _check_sizes(content, *rest) for name, (content, *rest) in documents.items()}
    assert {name: p for name, p in problems.items() if p} == {}
    minutes = officer_client.get(reverse("awards:meeting_document", args=[submission.meeting_id, "bien-ban"])).content
    header = [r for r in _runs(minutes, with_size=True) if r[3].startswith(("CỘNG HÒA", "HỘI ĐỒNG THI ĐUA", "Số:"))]
    assert [r[5] for r in header] and all(12 <= r[5] <= 13 for r in header)


def test_decision_layout(officer_client):
    names = tuple(f"Nguyễn Văn {chr(65 + i)}" for i in range(30))  # enough awardees for an annex of two pages
    submission = to_state(draft(names=names), Status.DECIDED)
    decision = Decision.objects.get(submission=submission)
    content = officer_client.get(reverse("awards:decision_pdf", args=[decision.pk])).content
    runs = _runs(content)
    texts = [r[3] for r in runs]
    width = float(PdfReader(io.BytesIO(content)).pages[0].mediabox.width)
    height = float(PdfReader(io.BytesIO(content)).pages[0].mediabox.height)
    # The number from 01 and the date as the decree writes it (day under 10 and months 1–2 with a zero), in italics.
    assert any(t.startswith("Số: 01/QĐ-UBND") for t in texts)
    date = next(r for r in runs if r[3].startswith("Hải Phòng, ngày"))
    assert date[3] == f"Hải Phòng, ngày {decision.issued_on.day:02d} tháng {decision.issued_on.month:02d} năm " \
        f"{decision.issued_on.year}" and "Italic" in date[4]
    # Left margin of 30 mm at least, right margin of 15 mm at least.
    xs = [r[1] for r in runs if r[0] == 0]
    assert min(xs) >= 30 * MM - 1
    # Page numbers: none on page 1, centred at the top of the later pages.
    pages = max(r[0] for r in runs) + 1
    assert pages >= 2
    top_of = {p: max((r for r in runs if r[0] == p), key=lambda r: r[2]) for p in range(pages)}
    assert top_of[0][3] != "1"
    for page in range(1, pages):
        number = top_of[page]
        assert number[3] == str(page + 1) and abs(number[1] - width / 2 - 7.5 * MM) < 20 and number[2] > height - 25 * MM
    # The recipients and the signature block stand on the same page.
    recipients = next(r for r in runs if r[3].startswith("Nơi nhận"))
    signer = [r for r in runs if r[3] == decision.signer_name]
    assert signer and signer[0][0] == recipients[0]
    # The motto and the issuing agency in bold.
    motto = next(r for r in runs if r[3].startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    assert "Bold" in motto[4]


def test_report_layout(db, django_capture_on_commit_callbacks):
    import datetime as dt

    from reports.services import request_report

    with django_capture_on_commit_callbacks(execute=True):
        report = request_report("monthly", dt.date(2023, 5, 1), dt.date(2023, 5, 31))
    report.refresh_from_db()
    runs = _runs(report.pdf.read())
    texts = [r[3] for r in runs]
    assert "Số: 01/BC-BTĐKT" in texts and min(r[1] for r in runs if r[0] == 0) >= 30 * MM - 1
    recipients = next(r for r in runs if r[3].startswith("Nơi nhận"))
    signature = [r for r in runs if r[3].startswith("TRƯỞNG BAN") or r[3].startswith("KT. TRƯỞNG BAN")]
    assert signature and signature[-1][0] == recipients[0]
    assert any("Italic" in r[4] for r in runs if r[3].startswith("Hải Phòng, ngày"))
