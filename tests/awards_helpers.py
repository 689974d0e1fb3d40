"""Builders for award tests: dossiers in a given state, driven through the services."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from awards import services
from awards.models import Appraisal, AwardType, CouncilMeeting, Submission
from organisation.models import Person, PersonCategory, Sex, Unit, User

from .files import pdf


def users():
    return {u.username: u for u in User.objects.filter(username__startswith="demo_")}


def person(name="Nguyễn Văn An", unit_code="so-ke-hoach-dau-tu", sex=Sex.MALE):
    return Person.objects.create(full_name=name, sex=sex, unit=Unit.objects.get(code=unit_code),
                                 category=PersonCategory.CIVIL_SERVANT, position="Chuyên viên")


def draft(staff=None, award="bang-khen-chu-tich", names=("Nguyễn Văn An",), unit_code="so-ke-hoach-dau-tu",
          commendation_type="regular"):
    u = users()
    staff = staff or u["demo_staff"]
    unit = Unit.objects.get(code=unit_code)
    submission = services.create_submission(staff, unit=unit, title="Đề nghị tặng Bằng khen năm 2023",
                                            reference="15/TTr-SKHĐT", round_kind="yearly", year=2023,
                                            commendation_type=commendation_type)
    award_type = AwardType.objects.get(code=award)
    for name in names:
        p = person(name, unit_code) if award_type.subject == "individual" else None
        services.save_nominee(staff, submission, subject=award_type.subject, name=name, award_type=award_type,
                              achievement_summary="Hoàn thành xuất sắc nhiệm vụ năm 2023", person=p)
    for kind in award_type.required_attachments:
        services.add_attachment(staff, submission, kind=kind, upload=pdf(f"{kind}.pdf"))
    return submission


def to_state(submission: Submission, state: str, verdict=Appraisal.ELIGIBLE, vote="yes"):
    """Drive ``submission`` forward through the real services up to ``state``."""
    u = users()
    officer, council = u["demo_officer"], u["demo_council"]
    order = ["submitted", "received", "assigned", "appraised", "in_council", "voted", "decided"]
    for step in order[: order.index(state) + 1]:
        submission.refresh_from_db()
        if step == "submitted":
            services.submit(u["demo_staff"] if submission.unit.code == "so-ke-hoach-dau-tu" else
                            submission.created_by, submission)
        elif step == "received":
            services.receive(officer, submission)
        elif step == "assigned":
            services.assign(officer, submission, officer)
        elif step == "appraised":
            services.appraise(officer, submission, {n.pk: (verdict, "" if verdict == Appraisal.ELIGIBLE else "Lý do")
                                                    for n in submission.nominees.all()})
        elif step == "in_council":
            meeting = CouncilMeeting.objects.create(held_on=dt.date(2024, 1, 10), title="Phiên họp Hội đồng")
            services.send_to_council(officer, submission, meeting)
        elif step == "voted":
            for nominee in submission.nominees.filter(appraisal=Appraisal.ELIGIBLE):
                services.cast_vote(council, nominee, vote)
            services.close_vote(officer, submission)
        elif step == "decided":
            services.issue_decision(officer, submission, issued_on=dt.date(2024, 1, 15), signer_name="Nguyễn Văn Tùng",
                                    signer_title="Chủ tịch")
    submission.refresh_from_db()
    return submission


def xlsx(rows):
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Đối tượng", "Tên", "Danh hiệu", "Tóm tắt", "Báo cáo"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("danh-sach.xlsx", buffer.getvalue(),
                              content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
