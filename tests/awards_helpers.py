"""Builders for award tests: dossiers in a given state, driven through the services."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from awards import services
from awards.models import Appraisal, CouncilMeeting, Submission
from awards.workflow import DOSSIER
from legal.models import AwardType
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


def _after(submission, day):
    """A date early in the year after the achievements (10/01/2024 for 2023 achievements), never in the future."""
    return min(dt.date(max(submission.year + 1, 2024), 1, day), dt.date.today())


def _meeting(submission):
    """A meeting of its own for each dossier (one open meeting per day and title)."""
    return CouncilMeeting.objects.create(held_on=_after(submission, 10), title=f"Phiên họp Hội đồng {submission.pk}")


def _perform(action, submission, verdict, vote):
    u = users()
    officer, council = u["demo_officer"], u["demo_council"]
    if action == "submit":
        staff = u["demo_staff"] if submission.unit.code == "so-ke-hoach-dau-tu" else submission.created_by
        services.submit(staff, submission)
    elif action == "receive":
        services.receive(officer, submission)
    elif action == "assign":
        services.assign(officer, submission, officer)
    elif action == "appraise":
        services.appraise(officer, submission, {n.pk: (verdict, "Đã thẩm định hồ sơ") for n in
                                                submission.nominees.all()})
    elif action == "to_council":
        services.send_to_council(officer, submission, _meeting(submission))
    elif action == "close_vote":
        for nominee in submission.nominees.filter(appraisal=Appraisal.ELIGIBLE):
            services.cast_vote(council, nominee, vote)
        services.close_vote(officer, submission)
    elif action == "decide":
        services.issue_decision(officer, submission, issued_on=_after(submission, 15), signer_name="Nguyễn Văn Tùng",
                                signer_title="Chủ tịch", accept_overdraft=True)
    else:  # pragma: no cover - a new action on the main path needs a step here
        raise AssertionError(f"to_state cannot take '{action}' yet")


# The actions of the main path that to_state takes (the table decides their order and states).
MAIN_PATH = ("submit", "receive", "assign", "appraise", "to_council", "close_vote", "decide")


def path_to(start: str, state: str) -> list[str]:
    """The shortest list of main-path actions of the workflow table from ``start`` to ``state``."""
    from collections import deque

    queue, seen = deque([(start, [])]), {start}
    while queue:
        current, actions = queue.popleft()
        if current == state:
            return actions
        for action in MAIN_PATH:
            transition = DOSSIER[action]
            if current in transition.sources and transition.target not in seen:
                seen.add(transition.target)
                queue.append((transition.target, actions + [action]))
    raise AssertionError(f"the workflow table has no path from {start} to {state}")


def to_state(submission: Submission, state: str, verdict=Appraisal.ELIGIBLE, vote="yes"):
    """Drive ``submission`` forward through the real services up to ``state``, along the workflow table."""
    submission.refresh_from_db()
    for action in path_to(submission.status, state):
        _perform(action, submission, verdict, vote)
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


def sign_decision(client, decision_pk: int, step: str = "awards:decision_sign"):
    """A signing step asked through its page by ``client`` (the signer's own verified session for the signature,
    the records clerk's for the seal: tests.second_factor.login), and the signing host's task run as it would after
    the commit (the test's transaction never commits, so the queued job is run here)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(reverse(step, args=[decision_pk]))


def sign_and_seal(decision_pk: int):
    """The decision signed by its designated signer (demo_signer), then sealed by the records clerk (demo_clerk),
    each from their own verified session, each job run by the signing host."""
    from .second_factor import login

    sign_decision(login("demo_signer"), decision_pk)
    return sign_decision(login("demo_clerk"), decision_pk, "awards:decision_seal")
