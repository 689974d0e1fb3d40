"""Readings of the law made right (issue 31, items 1–8 and 13), each named for its law and article.

law_06_2022 = Luật Thi đua, khen thưởng 06/2022/QH15; decree_91_2017, decree_98_2023, decree_152_2025 = the decrees
under it by period (91/2017 for achievements up to 2023, 98/2023 from 2024, 152/2025 from 01/7/2025); cv_5007 =
Công văn 5007/BNV-TĐKT (one initiative, one award). Readings chosen where a text can be read two ways are
``legal.Parameter`` rows (docs/law.md); these tests also switch them and see the verdict follow.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from awards import bonus, eligibility, services, unit_decisions
from awards.models import (
    CouncilMeeting,
    Initiative,
    LeadershipTenure,
    Nominee,
    Outcome,
    PastAward,
    Status,
    Submission,
    TaskRating,
)
from legal.models import AwardType, EligibilityRule, Parameter
from organisation.models import Person, Unit
from organisation.seed import create_demo_accounts

from ..awards_helpers import person, users
from ..concurrency import at_the_same_moment
from ..files import pdf
from ..law_cases import TTLDXS_MEMBERS
from .test_awards_law import _city_title_in_council, _council_members, _vote
from .test_eligibility import _build

D = dt.date
E, N, R = eligibility.ELIGIBLE, eligibility.NOT_ELIGIBLE, eligibility.NEEDS_REVIEW
GOOD5 = {y: "HTTNV" for y in range(2021, 2026)}


def _award(code):
    return AwardType.objects.get(code=code)


def verdict(case, today=D(2026, 6, 1)):
    result = eligibility.check(_build(case), today=today)
    return result.result, " | ".join(f"{f.message} ({f.basis})" for f in result.findings)


def _set_reading(key, value, year):
    row = Parameter.objects.in_force(D(year, 12, 31)).get(key=key, award_type__isnull=True)
    row.value = Decimal(value)
    row.save()
    return row


# --- 1. An initiative behind a unit's own decision is used up (CV 5007/BNV-TĐKT; Law 06/2022 Art 23, 80) ------

def _cstd_co_so_by_the_unit(staff_client, worker, number="31/QĐ-SKHĐT"):
    return staff_client.post(reverse("awards:unit_decisions"), {
        "award_type": _award("cstd-co-so").pk, "year": 2025, "decision_number": number,
        "decided_on": "2026-01-15", "signer_name": "Nguyễn Văn Sở", "signer_title": "Giám đốc",
        "person_codes": str(worker.pk)})


def _worker_with_initiative(name):
    worker = person(name)
    TaskRating.objects.create(person=worker, year=2025, rating="HTTNV")  # no HTXSNV: the initiative is needed
    PastAward.objects.create(person=worker, award_type=_award("lao-dong-tien-tien"), year=2025)
    initiative = Initiative.objects.create(title="Số hóa sổ văn thư", level="grassroots", recognised_by="QĐ 7",
                                          recognised_on=D(2025, 5, 1))
    initiative.authors.add(worker)
    return worker, initiative


def test_cv_5007_law_06_2022_art_23_a_units_decision_uses_up_the_initiative(staff_client):
    worker, initiative = _worker_with_initiative("Lương Thị Nga")
    response = _cstd_co_so_by_the_unit(staff_client, worker)
    assert response.status_code == 302, response.content.decode()[:2000]
    decision = PastAward.objects.get(person=worker, award_type__code="cstd-co-so", year=2025)
    initiative.refresh_from_db()
    assert initiative.consumed_by_unit_decision == decision
    ledger = staff_client.get(reverse("awards:initiative_list")).content.decode()  # the unit's ledger says it too
    assert "Số hóa sổ văn thư" in ledger and "Chiến sĩ thi đua cơ sở 2025" in ledger and "31/QĐ-SKHĐT" in ledger
    # The same initiative can no longer carry a Bằng khen of the Chairman.
    for year in (2024, 2025):
        TaskRating.objects.update_or_create(person=worker, year=year, defaults={"rating": "HTXSNV"})
    nominee = Nominee(submission=Submission(year=2025, commendation_type="regular", unit=worker.unit),
                      award_type=_award("bang-khen-chu-tich"), person=worker, subject="individual")
    text = " ".join(f.message for f in eligibility.check(nominee, D(2026, 2, 1)).findings)
    assert "đã dùng" in text and "Số hóa sổ văn thư" in text and "31/QĐ-SKHĐT" in text


def test_cv_5007_law_06_2022_art_23_a_units_decision_never_takes_an_initiative_held_by_a_pending_dossier(
        staff_client):
    worker, initiative = _worker_with_initiative("Tạ Văn Hùng")
    other = Nominee.objects.create(
        submission=Submission.objects.create(unit=worker.unit, title="Tờ trình đang chờ", round_kind="yearly",
                                             year=2025, commendation_type="regular", status=Status.SUBMITTED),
        subject="individual", person=worker, name=worker.full_name, achievement_summary="…",
        award_type=_award("bang-khen-chu-tich"))
    Initiative.objects.filter(pk=initiative.pk).update(reserved_for=other)
    page = _cstd_co_so_by_the_unit(staff_client, worker).content.decode()
    assert "Tạ Văn Hùng" in page and "Số hóa sổ văn thư" in page and "đã dùng" in page
    assert not PastAward.objects.filter(person=worker, award_type__code="cstd-co-so").exists()  # nothing recorded
    initiative.refresh_from_db()
    assert initiative.reserved_for == other and initiative.consumed_by_unit_decision is None


@pytest.mark.django_db(transaction=True)
def test_cv_5007_a_units_decision_and_a_city_dossier_at_the_same_moment_never_share_an_initiative(transactional_db):
    """The unit records its CSTĐ cơ sở while the city dossier resting on the same initiative is sent (real
    PostgreSQL, row locks): whichever comes first holds it, the other does not."""
    call_command("seed_directive", verbosity=0)
    create_demo_accounts()
    worker, initiative = _worker_with_initiative("Đoàn Văn Lực")
    staff = users()["demo_staff"]
    submission = services.create_submission(staff, unit=worker.unit, title="Tờ trình Bằng khen", round_kind="yearly",
                                            year=2025, commendation_type="regular")
    services.save_nominee(staff, submission, subject="individual", name=worker.full_name, person=worker,
                          award_type=_award("bang-khen-chu-tich"), achievement_summary="…")
    for kind in _award("bang-khen-chu-tich").required_attachments:
        services.add_attachment(staff, submission, kind=kind, upload=pdf(f"{kind}.pdf"))
    EligibilityRule.objects.filter(award_type__code="bang-khen-chu-tich", kind="initiative").update(
        params={"level": "grassroots", "min": 1, "within_years": 2})  # one initiative is enough here (data)

    def decide():
        return unit_decisions.record_unit_decision(
            staff, unit=worker.unit, award_type=_award("cstd-co-so"), year=2025, decision_number="40/QĐ-SKHĐT",
            decided_on=D(2026, 1, 20), signer_name="Nguyễn Văn Sở", signer_title="Giám đốc",
            person_codes=str(worker.pk))

    _done, errors = at_the_same_moment(lambda call: call(), [lambda: services.submit(staff, submission), decide])
    initiative.refresh_from_db()
    decided = PastAward.objects.filter(person=worker, award_type__code="cstd-co-so").first()
    holders = [h for h in (initiative.reserved_for_id, initiative.consumed_by_unit_decision_id) if h]
    assert len(holders) == 1
    if decided is None:  # the dossier came first: the unit's decision was refused with the reason
        assert initiative.reserved_for.submission_id == submission.pk
        assert len(errors) == 1 and "Số hóa sổ văn thư" in str(errors[0])
    else:
        assert initiative.consumed_by_unit_decision == decided and errors == []


# --- 2. Chiến sĩ thi đua cơ sở asks for the standard of Lao động tiên tiến (Law 06/2022 Art 23.1) ----------

def test_law_06_2022_art_23_1_cstd_co_so_proposed_with_its_ldtt_in_the_same_round_is_for_review(db):
    result, text = verdict(dict(award="cstd-co-so", year=2025, ratings={2025: "HTTNV"},
                                initiatives=[("grassroots", 2025, None)]))
    assert result == R, text
    assert "chưa được tặng danh hiệu Lao động tiên tiến năm 2025" in text
    assert "luật yêu cầu đạt tiêu chuẩn, không yêu cầu đã có quyết định" in text and "Điều 23 khoản 1" in text


def test_law_06_2022_art_23_1_cstd_co_so_below_the_ldtt_standard_is_refused(db):
    result, text = verdict(dict(award="cstd-co-so", year=2025, ratings={2025: "HTNV"},
                                initiatives=[("grassroots", 2025, None)]))
    assert result == N and "chưa đạt tiêu chuẩn của danh hiệu" in text, text


def test_law_06_2022_art_23_1_cstd_co_so_with_the_ldtt_rating_not_recorded_is_for_review(db):
    result, text = verdict(dict(award="cstd-co-so", year=2025, initiatives=[("grassroots", 2025, None)]))
    assert result == R and "chưa đủ dữ liệu để đối chiếu tiêu chuẩn" in text, text


def test_decree_91_2017_law_2003_art_23_1_cstd_co_so_2023_rests_on_the_ldtt_standard_too(db):
    result, text = verdict(dict(award="cstd-co-so", year=2023, ratings={2023: "HTTNV"},
                                initiatives=[("grassroots", 2023, None)], unit_ldtt=20))
    assert result == R and "Nghị định 91/2017" in text and "không yêu cầu đã có quyết định" in text, text


# --- 3. A member with no rating recorded is an open fact (Law 06/2022 Art 27.1.c, Art 28) ------------------

def test_law_06_2022_art_28_ttldtt_a_member_without_rating_is_an_open_fact(db):
    result, text = verdict(dict(award="tap-the-ldtt", year=2025, subject="collective", unit_rating="HTTNV",
                                members=[{"titles": ["lao-dong-tien-tien"]}, {}]))
    assert result == R, text
    assert "1 cá nhân chưa có kết quả xếp loại năm 2025 quyết định kết quả: Thành viên 1" in text


def test_law_06_2022_art_27_1_c_ttldxs_a_member_without_rating_is_an_open_fact(db):
    result, text = verdict(dict(award="tap-the-ldxs", year=2025, subject="collective", unit_rating="HTXSNV",
                                members=TTLDXS_MEMBERS[:3] + [{}]))
    assert result == R and "chưa có kết quả xếp loại năm 2025" in text, text


def test_law_06_2022_art_27_1_c_a_member_rated_below_completion_still_fails(db):
    result, text = verdict(dict(award="tap-the-ldxs", year=2025, subject="collective", unit_rating="HTXSNV",
                                members=TTLDXS_MEMBERS[:3] + [{"rating": "KHTNV"}]))
    assert result == N, text


def test_law_06_2022_art_28_unrated_members_who_cannot_change_the_share_do_not_hold_it_open(db):
    result, text = verdict(dict(award="tap-the-ldtt", year=2025, subject="collective", unit_rating="HTTNV",
                                members=[{"titles": ["lao-dong-tien-tien"]}] * 3 + [{}]))
    assert result == E, text


# --- 4. The two collective titles treat a member's discipline consistently (Law 06/2022 Art 27, 28) ----------

@pytest.mark.parametrize("discipline, expected", [("Cảnh cáo", N), ("Khiển trách", E), (None, E)])
def test_law_06_2022_art_27_28_never_the_higher_collective_title_while_failing_the_lower(db, discipline, expected):
    last = {"rating": "HTNV", **({"block": discipline} if discipline else {})}
    members = TTLDXS_MEMBERS[:3] + [last]
    nominee = _build(dict(award="tap-the-ldxs", year=2025, subject="collective", unit_rating="HTXSNV",
                          members=members))
    same_collective = Nominee.objects.create(
        submission=nominee.submission, subject="collective", collective_unit=nominee.collective_unit,
        name=nominee.name, award_type=_award("tap-the-ldtt"), achievement_summary="…")
    (higher, text), (lower, lower_text) = (
        (v.result, " | ".join(f"{f.message} ({f.basis})" for f in v.findings))
        for v in (eligibility.check(n, today=D(2026, 6, 1)) for n in (nominee, same_collective)))
    assert (higher, lower) == (expected, expected), (text, lower_text)
    if discipline == "Cảnh cáo":
        assert "Tập thể lao động tiên tiến" in text and "Điều 28" in text


# --- 5. The Huân chương Lao động ladder (Law 06/2022 Art 42–44; Decrees 91/2017, 98/2023, 152/2025) ----------

def _tenure(sex, level, start, end):
    leader = Person.objects.create(full_name=f"Lãnh đạo {sex} {level}", sex=sex, category="cadre",
                                   unit=Unit.objects.get(code="so-ke-hoach-dau-tu"))
    LeadershipTenure.objects.create(person=leader, post="Giám đốc Sở", post_level=level, starts_on=start, ends_on=end)
    return leader


def _service_verdict(leader, year, award="huan-chuong-lao-dong-3"):
    nominee = Nominee(submission=Submission(year=year, commendation_type="service", unit=leader.unit),
                      award_type=_award(award), person=leader, subject="individual")
    result = eligibility.check(nominee, D(year + 1, 3, 1))
    return result.result, " | ".join(f"{f.message} ({f.basis})" for f in result.findings)


def test_decree_152_2025_art_21_hcld_3_for_service_a_woman_needs_one_third_less_time_in_post(db):
    # 4.5 years as director: a woman needs 6 × 2/3 = 4, a man 6 (the other options are the officer's).
    woman = _tenure("female", "giam-doc-so", D(2021, 7, 1), D(2025, 12, 31))
    man = _tenure("male", "giam-doc-so", D(2021, 7, 1), D(2025, 12, 31))
    result, text = _service_verdict(woman, 2025)
    assert result == E and "nữ giảm một phần ba" in text and "Nghị định 152/2025" in text, text
    result, text = _service_verdict(man, 2025)
    assert result == R and "cần 6" in text, text  # short of 6 years: only the officer's option is left


def test_decree_98_2023_hcld_3_for_service_2024_is_seeded_and_says_what_is_unconfirmed(db):
    woman = _tenure("female", "pho-giam-doc-so", D(2017, 1, 1), D(2024, 12, 31))  # 8 years ≥ 10 × 2/3
    result, text = _service_verdict(woman, 2024)
    assert result == E and "Nghị định 98/2023" in text and "cần xác minh" in text, text


def test_decree_65_2014_women_years_less_before_2024_is_a_parameter_of_the_rule(db):
    """The fixed number of years less for women before 2024 (Decree 65/2014 Art 2.3): the rule carries it; while
    the figure is not recorded a woman short of the general time is for the officer, never refused."""
    rule = EligibilityRule.objects.create(
        award_type=_award("huan-chuong-lao-dong-2"), kind="leadership_years", legal_basis="Nghị định 65/2014/NĐ-CP",
        article="Điều 2 khoản 3", params={"levels": ["giam-doc-so"], "years": 10,
                                         "women": {"years_less": None, "basis": "Nghị định 65/2014/NĐ-CP"}},
        effective_from=D(2014, 7, 1), effective_to=D(2023, 12, 31), commendation_types=["service"],
        description="Giữ chức vụ Giám đốc sở đủ thời gian")
    woman = _tenure("female", "giam-doc-so", D(2015, 1, 1), D(2022, 12, 31))  # 8 years
    result, text = _service_verdict(woman, 2023, "huan-chuong-lao-dong-2")
    assert result == R and "chưa ghi nhận" in text and "Nghị định 65/2014" in text, text
    rule.params["women"] = {"years_less": 3}
    rule.save()
    result, text = _service_verdict(woman, 2023, "huan-chuong-lao-dong-2")
    assert "nữ giảm 3 năm" in text and "cần 7" in text, text


def test_law_06_2022_art_44_1_e_hcld_3_for_achievement_follows_the_bang_khen_thu_tuong(db):
    ratings = {**GOOD5, 2024: "HTXSNV"}
    case = dict(award="huan-chuong-lao-dong-3", year=2025, ratings=ratings, past={"bang-khen-thu-tuong": [2020]},
                titles={"cstd-co-so": [2021, 2023, 2025]})
    result, text = verdict(case)
    assert result == E, text
    # The Bằng khen inside the five years is no basis: "và sau đó 05 năm".
    result, text = verdict({**case, "past": {"bang-khen-thu-tuong": [2022]}})
    assert result == R and "phải tính sau" in text, text  # only the officer's points (a–d) are left


def test_law_06_2022_art_43_1_hcld_2_needs_the_third_class_and_a_city_title(db):
    case = dict(award="huan-chuong-lao-dong-2", year=2025, ratings={**GOOD5, 2022: "HTXSNV", 2024: "HTXSNV"},
                past={"huan-chuong-lao-dong-3": [2019]}, titles={"cstd-thanh-pho": [2024]})
    result, text = verdict(case)
    assert result == E, text
    result, text = verdict({**case, "titles": {}})
    assert result == R and "Chiến sĩ thi đua thành phố 0 lần trong 5 năm (cần 1)" in text, text


def test_law_06_2022_art_42_hcld_1_is_seeded_for_the_officer_with_the_class_held_before(db):
    result, text = verdict(dict(award="huan-chuong-lao-dong-1", year=2025, ratings=GOOD5,
                                past={"huan-chuong-lao-dong-2": [2019]}))
    assert result == R and "Huân chương Lao động hạng Nhì" in text and "cần xác minh" in text, text


def test_decree_91_2017_art_24_hcld_3_2023_five_excellent_years_and_two_city_initiatives(db):
    case = dict(award="huan-chuong-lao-dong-3", year=2023, ratings={y: "HTXSNV" for y in range(2019, 2024)},
                past={"bang-khen-thu-tuong": [2018]}, initiatives=[("city", 2020, None), ("city", 2022, None)])
    result, text = verdict(case)
    assert result == E and "Nghị định 91/2017" in text, text


# --- 6. The Council's threshold is the one in force on the meeting's date (Decree 98/2023 Art 30.7) ---------

@pytest.mark.parametrize("held_on, expected", [(D(2026, 6, 15), Outcome.FAILED), (D(2026, 7, 15), Outcome.PASSED)])
def test_decree_98_2023_art_30_7_the_threshold_of_the_meetings_day(council_client, held_on, expected):
    """A later decree (hypothetical, from 01/7/2026) lowers the share to 50 %: a meeting held before it keeps 90 %
    even when the votes are counted after it."""
    current = Parameter.objects.get(key="vote_share_of_members", award_type__code="cstd-thanh-pho",
                                    effective_to__isnull=True)
    current.effective_to = D(2026, 6, 30)
    current.save()
    Parameter.objects.create(key="vote_share_of_members", award_type=_award("cstd-thanh-pho"), value="0.5",
                             effective_from=D(2026, 7, 1), article="Nghị định giả định 2026")
    members = _council_members(10)
    submission = _city_title_in_council(f"Khúc Văn {held_on.month}")
    CouncilMeeting.objects.filter(pk=submission.meeting_id).update(held_on=held_on)
    _vote(submission, members[:8], 8)  # 8 of 10: fails at 90 %, passes at 50 %
    share = "90%" if held_on < D(2026, 7, 1) else "50%"
    assert f"{share} tổng số 10 thành viên" in council_client.get(reverse("awards:council")).content.decode()
    services.close_vote(users()["demo_officer"], Submission.objects.get(pk=submission.pk))
    assert submission.nominees.get().outcome == expected


# --- 7. An initiative recognised long before the year (Law 06/2022 Art 5.2.c), a parameter ------------------

def test_law_06_2022_art_5_2_c_an_initiative_long_before_the_year_does_not_count_and_the_finding_says_why(db):
    case = dict(award="cstd-co-so", year=2025, titles={"lao-dong-tien-tien": [2025]}, ratings={2025: "HTTNV"},
                initiatives=[("grassroots", 2019, None)])
    result, text = verdict(case)
    assert result == N and "ngoài thời gian tính thành tích" in text, text
    assert "cách hiểu đã chọn" in text and "Điều 5 khoản 2 điểm c" in text and "thành tích đến đâu khen đến đó" in text
    _set_reading("initiative_within_period", "0", 2025)  # the other reading: any earlier unused initiative
    result, text = verdict(case)
    assert result == E and "được công nhận trước năm tính thành tích: “Sáng kiến grassroots 2019” (2019)" in text, text


# --- 8. The five years and the earlier Bằng khen for a Bằng khen Thủ tướng (Law 06/2022 Art 73.1.b) ---------

def test_law_06_2022_art_73_1_b_the_bang_khen_inside_the_five_years_counts_under_the_reading_chosen(db):
    case = dict(award="bang-khen-thu-tuong", year=2025, ratings=GOOD5, titles={"cstd-co-so": [2021, 2023, 2025]},
                past={"bang-khen-chu-tich": [2023]})
    result, text = verdict(case)
    assert result == E and "Điều 73 khoản 1 điểm b" in text and "cách hiểu đã chọn" in text, text
    _set_reading("years_follow_bang_khen", "1", 2025)  # the older "05 năm tiếp theo"
    result, text = verdict(case)
    assert result == N and "chỉ có Bằng khen của Chủ tịch" in text and "từ năm 2023" in text, text


def test_decree_91_2017_bang_khen_thu_tuong_2023_the_five_years_follow_the_bang_khen(db):
    excellent = {y: "HTXSNV" for y in range(2019, 2024)}
    initiatives = [("grassroots", y, None) for y in range(2019, 2024)]
    result, text = verdict(dict(award="bang-khen-thu-tuong", year=2023, ratings=excellent,
                                past={"bang-khen-chu-tich": [2020]}, initiatives=initiatives))
    assert result == N and "phải tính sau" in text and "05 năm tiếp theo" in text, text


# --- 13. Bonus amounts of the Bằng khen (Decree 91/2017 Art 73; 98/2023 Art 58; 152/2025 Art 54) ------------

@pytest.mark.parametrize("code, day, expected", [
    ("bang-khen-chu-tich", D(2025, 7, 1), 3_510_000),             # 1,5 × 2.340.000 (152/2025 Art 54.1)
    ("bang-khen-thu-tuong", D(2025, 8, 1), 8_190_000),            # 3,5 × 2.340.000
    ("bang-khen-chu-tich-ho-gia-dinh", D(2025, 7, 1), 5_270_000),  # 2,25 × 2.340.000 = 5.265.000, rounded up
    ("bang-khen-chu-tich", D(2023, 8, 1), 1_800_000),             # 1,0 × 1.800.000 (91/2017 Art 73.1.b)
    ("bang-khen-chu-tich-tap-the", D(2023, 8, 1), 3_600_000),     # twice the individual's (91/2017 Art 73.2)
    ("bang-khen-thu-tuong-tap-the", D(2020, 3, 1), 10_430_000),   # 7,0 × 1.490.000
])
def test_decree_91_2017_art_73_and_152_2025_art_54_bang_khen_amounts(db, code, day, expected):
    result = bonus.bonus_for(_award(code), day)
    assert result.amount == expected and "Điều" in result.basis


@pytest.mark.parametrize("code, day", [("bang-khen-chu-tich", D(2024, 8, 1)),
                                       ("bang-khen-chu-tich-tap-the", D(2025, 3, 1)),
                                       ("bang-khen-chu-tich-ho-gia-dinh", D(2023, 6, 1))])
def test_decree_98_2023_art_58_an_amount_not_confirmed_is_missing_never_zero(db, code, day):
    result = bonus.bonus_for(_award(code), day)
    assert result.amount is None and not result.known
    assert "chưa xác minh" in result.basis and f"{day:%d/%m/%Y}" in result.note
