"""Who decides, the Council's thresholds, evidence integrity and the criteria coverage, as the law sets them.

Law 06/2022 Art 77–80 (who decides), Decree 98/2023 Art 30.7 (Council: shares of all members, written votes of
absent members), CV 5007/BNV-TĐKT (one initiative, one award), Decree 152/2025 Art 50.2.c (a renamed title).
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import authority, eligibility, services
from awards.models import CouncilMeeting, Decider, Initiative, Nominee, Outcome, PastAward, Status, Submission, VoteChoice
from legal.models import AwardType
from organisation.models import Person, Unit

from ..awards_helpers import draft, person, to_state, users
from ..concurrency import at_the_same_moment
from ..files import pdf

D = dt.date


def _award(code):
    return AwardType.objects.get(code=code)


# --- who decides --------------------------------------------------------------------------------------------

def test_the_city_never_decides_a_unit_heads_title(staff_client):
    submission = draft(names=())
    an = person("Nguyễn Văn An")
    response = staff_client.post(reverse("awards:nominee_add", args=[submission.pk]), {
        "subject": "individual", "person": an.pk, "name": "Nguyễn Văn An",
        "award_type": _award("lao-dong-tien-tien").pk, "achievement_summary": "Hoàn thành tốt nhiệm vụ"})
    page = response.content.decode()
    assert response.status_code == 200 and "Điều 80" in page and "không thuộc thẩm quyền" in page
    assert not submission.nominees.exists()  # so no Chairman's decision or certificate can ever name it


def test_who_decides_changes_with_the_2025_reform(db):
    # Decree 86/2023 and 137/2025 (tests/legal/test_decree_86_2023_titles.py): the village's title moved down.
    assert authority.decider_on(_award("thon-to-van-hoa"), D(2025, 6, 30)) == Decider.DISTRICT_CHAIRMAN
    assert authority.decider_on(_award("thon-to-van-hoa"), D(2025, 7, 1)) == Decider.COMMUNE_CHAIRMAN
    assert authority.is_city_award(_award("bang-khen-chu-tich"), D(2025, 7, 1))
    assert authority.is_central_award(_award("bang-khen-thu-tuong"), D(2024, 1, 1))
    assert authority.is_central_award(_award("huan-chuong-lao-dong-3"), D(2023, 6, 1))
    assert authority.is_local_award(_award("cstd-co-so"), D(2024, 3, 1))


def test_a_renamed_title_keeps_its_old_name_for_earlier_dates(db):
    award = _award("xa-phuong-tieu-bieu")
    assert award.name_on(D(2025, 6, 30)) == "Xã, phường, thị trấn tiêu biểu"
    assert award.name_on(D(2025, 7, 1)) == "Xã, phường, đặc khu tiêu biểu"


def test_the_catalogue_holds_every_order_and_class_of_article_33(db):
    codes = set(AwardType.objects.values_list("code", flat=True))
    for order in ("doc-lap", "quan-cong", "lao-dong", "bao-ve-to-quoc", "chien-cong"):
        for cls in ("1", "2"):
            assert f"huan-chuong-{order}-{cls}" in codes and f"huan-chuong-{order}-{cls}-tap-the" in codes
    assert {"huan-chuong-sao-vang", "huan-chuong-ho-chi-minh", "huan-chuong-dai-doan-ket", "huan-chuong-huu-nghi",
            "huy-chuong-chien-si-ve-vang-1", "anh-hung-lao-dong", "nha-giao-nhan-dan", "giai-thuong-ho-chi-minh",
            "ky-niem-chuong", "bang-khen-bo-nganh", "huan-chuong-doc-lap-1-gia-dinh"} <= codes


def test_central_awards_are_forwarded_and_their_result_recorded(officer_client):
    submission = to_state(draft(award="bang-khen-thu-tuong", names=("Phạm Thị Mai",)), Status.VOTED)
    nominee = submission.nominees.get()
    with pytest.raises(ValidationError):  # the city issues no decision for the Prime Minister's award
        services.issue_decision(users()["demo_officer"], submission, issued_on=D(2024, 2, 1), signer_name="A")
    officer_client.post(reverse("awards:submission_forward", args=[submission.pk]))
    nominee.refresh_from_db()
    assert nominee.outcome == Outcome.FORWARDED
    page = officer_client.get(reverse("awards:submission_detail", args=[submission.pk])).content.decode()
    assert reverse("awards:central_result", args=[submission.pk]) in page
    officer_client.post(reverse("awards:central_result", args=[submission.pk]), {
        "nominee": nominee.pk, "awarded": "yes", "decision": "1234/QĐ-TTg ngày 10/11/2025"})
    nominee.refresh_from_db()
    assert nominee.outcome == Outcome.AWARDED and nominee.external_decision.startswith("1234/QĐ-TTg")
    assert nominee.decision_id is None  # no "Số N/QĐ-UBND" for it
    assert officer_client.get(reverse("awards:certificate_pdf", args=[nominee.pk])).status_code == 404


def test_a_unit_records_its_own_decision_and_the_rules_see_it(staff_client):
    worker = person("Đỗ Thị Hằng")
    response = staff_client.post(reverse("awards:unit_decisions"), {
        "award_type": _award("lao-dong-tien-tien").pk, "year": 2025, "decision_number": "25/QĐ-SKHĐT",
        "decided_on": "2026-01-10", "signer_name": "Nguyễn Văn Sở", "signer_title": "Giám đốc",
        "person_codes": str(worker.pk)})
    assert response.status_code == 302, response.content.decode()[:2000]
    award = PastAward.objects.get(person=worker, award_type__code="lao-dong-tien-tien", year=2025)
    assert award.decided_by == Decider.UNIT_HEAD and award.signer_name == "Nguyễn Văn Sở"
    assert "25/QĐ-SKHĐT" in staff_client.get(reverse("awards:unit_decisions")).content.decode()
    # The same award again, or a title the city decides, is refused with the reason.
    again = staff_client.post(reverse("awards:unit_decisions"), {
        "award_type": _award("lao-dong-tien-tien").pk, "year": 2025, "decision_number": "26/QĐ-SKHĐT",
        "decided_on": "2026-01-10", "signer_name": "X", "signer_title": "Giám đốc", "person_codes": str(worker.pk)})
    assert "Đã ghi nhận năm 2025" in again.content.decode()
    nominee = Nominee(submission=Submission(year=2025, commendation_type="regular", unit=worker.unit),
                      award_type=_award("cstd-co-so"), person=worker, subject="individual")
    text = " ".join(f.message for f in eligibility.check(nominee, D(2026, 2, 1)).findings)
    assert "đã được tặng danh hiệu Lao động tiên tiến năm 2025" in text


# --- the Council -------------------------------------------------------------------------------------------

def _council_members(n):
    from django.contrib.auth.models import Group

    from organisation.models import User

    group = Group.objects.get(name="council_member")
    members = [users()["demo_council"]]
    for i in range(n - 1):
        member = User.objects.create_user(username=f"council-{i}", password="x",
                                          unit=Unit.objects.get(code="so-noi-vu"))
        member.groups.add(group)
        members.append(member)
    return members


def _vote(submission, members, yes):
    nominee = submission.nominees.get()
    for i, member in enumerate(members):
        services.cast_vote(member, nominee, VoteChoice.YES if i < yes else VoteChoice.NO)


def _city_title_in_council(name):
    from .test_eligibility import _build

    nominee = _build(dict(award="cstd-thanh-pho", year=2025, titles={"cstd-co-so": [2023, 2024, 2025]},
                          initiatives=[("city", 2025, None)]))
    Submission.objects.filter(pk=nominee.submission_id).update(status=Status.DRAFT)
    Nominee.objects.filter(pk=nominee.pk).update(name=name)
    submission = nominee.submission
    for kind in nominee.award_type.required_attachments:
        services.add_attachment(users()["demo_staff"], submission, kind=kind, upload=pdf(f"{kind}.pdf"))
    return to_state(Submission.objects.get(pk=submission.pk), Status.IN_COUNCIL)


@pytest.mark.parametrize("yes, expected", [(8, Outcome.FAILED), (9, Outcome.PASSED)])
def test_city_emulation_fighter_needs_90_percent_of_all_members(db, yes, expected):
    """Decree 98/2023 Art 30.7: ≥ 90 % of ALL ten members, present or not, not of the votes cast."""
    members = _council_members(10)
    submission = _city_title_in_council("Vũ Văn Khải")
    _vote(submission, members[:yes], yes)  # the others are absent and did not vote in writing
    services.close_vote(users()["demo_officer"], submission)
    assert submission.nominees.get().outcome == expected


def test_absent_members_vote_in_writing(db):
    members = _council_members(10)
    submission = _city_title_in_council("Lý Thị Thu")
    _vote(submission, members[:8], 8)
    nominee = submission.nominees.get()
    vote = services.record_written_vote(users()["demo_officer"], nominee, members[9], VoteChoice.YES)
    assert vote.in_writing and vote.recorded_by == users()["demo_officer"]
    services.close_vote(users()["demo_officer"], submission)
    assert submission.nominees.get().outcome == Outcome.PASSED  # 9 of 10 with the written vote


def test_the_meetings_member_count_is_the_base_of_the_share(db):
    members = _council_members(3)
    submission = _city_title_in_council("Hà Văn Lâm")
    CouncilMeeting.objects.filter(pk=submission.meeting_id).update(member_count=15)
    _vote(submission, members, 3)  # all three voting accounts agree, but 3 of 15 members is not 90 %
    services.close_vote(users()["demo_officer"], submission)
    nominee = submission.nominees.get()
    assert nominee.outcome == Outcome.FAILED
    assert "90% tổng số 15 thành viên" in submission.events.last().note


def test_other_awards_pass_with_more_than_half_of_the_votes_cast(db):
    members = _council_members(4)
    submission = to_state(draft(names=("Trịnh Văn Nam",)), Status.IN_COUNCIL)
    _vote(submission, members, 3)
    services.close_vote(users()["demo_officer"], submission)
    assert submission.nominees.get().outcome == Outcome.PASSED


# --- evidence integrity --------------------------------------------------------------------------------------

def test_a_decision_for_a_nominee_who_no_longer_passes_needs_a_reason(db):
    from awards.models import BlockingRecord

    submission = to_state(draft(names=("Đinh Văn Phúc",)), Status.VOTED)
    nominee = submission.nominees.get()
    BlockingRecord.objects.create(person=nominee.person, kind="discipline", level="Khiển trách",
                                  starts_on=D(2023, 8, 1))  # found after the vote
    officer = users()["demo_officer"]
    with pytest.raises(ValidationError) as refused:
        services.issue_decision(officer, submission, issued_on=D(2024, 2, 1), signer_name="Nguyễn Văn Tùng")
    assert "Đinh Văn Phúc" in str(refused.value)
    decision = services.issue_decision(officer, submission, issued_on=D(2024, 2, 1), signer_name="Nguyễn Văn Tùng",
                                       override_reason="Kỷ luật đã được hủy theo Quyết định 12/QĐ")
    nominee.refresh_from_db()
    assert nominee.decision == decision and nominee.override_reason.startswith("Kỷ luật đã được hủy")
    assert "Kỷ luật đã được hủy" in submission.events.last().note


def test_a_duplicate_nomination_is_shown_on_both_dossiers(db):
    staff = users()["demo_staff"]
    first = draft(names=("Cao Văn Quý",))
    shared = first.nominees.get().person
    second = draft(names=())
    services.save_nominee(staff, second, subject="individual", name=shared.full_name,
                          award_type=_award("bang-khen-chu-tich"), achievement_summary="…", person=shared)
    for submission in (first, second):
        to_state(submission, Status.SUBMITTED)  # the second is not refused
    for submission, other in ((first, second), (second, first)):
        text = " ".join(f.message for f in eligibility.check(submission.nominees.get(), D(2024, 3, 1)).findings)
        assert other.title in text


@pytest.mark.django_db(transaction=True)
def test_one_initiative_cannot_rest_under_two_dossiers_sent_at_once(transactional_db):
    """Two units' dossiers for the same author are sent at the same moment (real PostgreSQL, row locks)."""
    from django.core.management import call_command

    from organisation.seed import create_demo_accounts

    call_command("seed_directive", verbosity=0)
    create_demo_accounts()
    author = Person.objects.create(full_name="Mai Văn Sáng", sex="male", category="civil_servant",
                                   unit=Unit.objects.get(code="so-ke-hoach-dau-tu"))
    initiative = Initiative.objects.create(title="Số hóa hồ sơ", level="grassroots", recognised_by="QĐ 5",
                                           recognised_on=D(2025, 4, 1))
    initiative.authors.add(author)
    staff = users()["demo_staff"]
    dossiers = []
    for title in ("Tờ trình A", "Tờ trình B"):
        submission = services.create_submission(staff, unit=author.unit, title=title, round_kind="yearly",
                                                year=2025, commendation_type="regular")
        services.save_nominee(staff, submission, subject="individual", name=author.full_name, person=author,
                              award_type=_award("bang-khen-chu-tich"), achievement_summary="…")
        for kind in _award("bang-khen-chu-tich").required_attachments:
            services.add_attachment(staff, submission, kind=kind, upload=pdf(f"{kind}.pdf"))
        dossiers.append(submission)
    from legal.models import EligibilityRule

    # One initiative is all this award needs here (a data change, as a decree would make it).
    EligibilityRule.objects.filter(award_type__code="bang-khen-chu-tich", kind="initiative").update(
        params={"level": "grassroots", "min": 1, "within_years": 2})
    _sent, errors = at_the_same_moment(lambda submission: services.submit(staff, submission), dossiers)
    assert errors == []
    initiative.refresh_from_db()
    holders = [s for s in dossiers if initiative.reserved_for.submission_id == s.pk]
    assert len(holders) == 1
    other = next(s for s in dossiers if s not in holders)
    text = " ".join(f.message for f in eligibility.check(other.nominees.get(), D(2026, 1, 5)).findings)
    assert "đã dùng" in text and "Số hóa hồ sơ" in text
    # The holder is refused at appraisal: the initiative is free again for the other dossier.
    holder = holders[0]
    officer = users()["demo_officer"]
    services.receive(officer, holder)
    services.assign(officer, holder, officer)
    services.appraise(officer, holder, {holder.nominees.get().pk: ("not_eligible", "Không đủ thành tích")})
    initiative.refresh_from_db()
    assert initiative.reserved_for is None


# --- criteria coverage ------------------------------------------------------------------------------------------

def test_the_board_sees_which_awards_have_no_criteria(officer_client, staff_client):
    page = officer_client.get(reverse("awards:criteria_coverage")).content.decode()
    # An order without criteria is the President's: shown as another level's, not as the city's gap.
    assert "Huân chương Chiến công hạng Ba" in page and "cấp khác" in page
    assert staff_client.get(reverse("awards:criteria_coverage")).status_code == 403
    from awards.coverage import gaps

    assert gaps(_award("lao-dong-tien-tien")) == []
    assert gaps(_award("huan-chuong-chien-cong-3")) == [2023, 2024, 2025, 2026]
    assert gaps(_award("huan-chuong-lao-dong-3")) == []  # the ladder is seeded for each period (issue 31, item 5)


def test_women_leaders_need_one_third_less_time_in_post(db):
    """Decree 98/2023 Art 4 (152/2025 Art 4): the tenure rule of a long-service award, as data."""
    from awards.models import LeadershipTenure
    from legal.models import EligibilityRule

    award = _award("huan-chuong-lao-dong-3")
    EligibilityRule.objects.create(
        award_type=award, kind="leadership_years", params={"levels": ["giam-doc-so"], "years": 15},
        legal_basis="Quy định giả định về khen thưởng quá trình cống hiến", effective_from=D(2024, 1, 1),
        commendation_types=["service"], description="Giữ chức vụ Giám đốc Sở đủ 15 năm")
    verdicts = {}
    for sex in ("female", "male"):
        leader = Person.objects.create(full_name=f"Lãnh đạo {sex}", sex=sex, category="cadre",
                                       unit=Unit.objects.get(code="so-ke-hoach-dau-tu"))
        LeadershipTenure.objects.create(person=leader, post="Giám đốc Sở", post_level="giam-doc-so",
                                        starts_on=D(2015, 1, 1), ends_on=D(2024, 12, 31))
        nominee = Nominee(submission=Submission(year=2025, commendation_type="service", unit=leader.unit),
                          award_type=award, person=leader, subject="individual")
        verdicts[sex] = eligibility.check(nominee, D(2026, 1, 5))
    assert verdicts["female"].result == eligibility.ELIGIBLE
    assert verdicts["male"].result == eligibility.NOT_ELIGIBLE
    assert "nữ giảm một phần ba" in verdicts["female"].findings[-1].message
