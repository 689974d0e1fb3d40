"""The eligibility engine against cases drawn from the law.

Each case's name carries its legal reference: L06 = Luật Thi đua, khen thưởng 06/2022/QH15 (in force
01/01/2024, article numbers as in awards/rules_seed.py and docs/law.md); ND91 = Nghị định 91/2017/NĐ-CP under
the 2003 law, which applies to achievements up to 2023. "(xm)" marks rules still to verify ("cần xác minh" on their rows).
"""

import datetime as dt

import pytest

from awards import eligibility
from awards.models import (
    BlockingRecord,
    Initiative,
    LabourResult,
    Nominee,
    Outcome,
    PastAward,
    Status,
    Submission,
    TaskRating,
)
from legal.models import AwardType, EligibilityRule
from organisation.models import Person, Unit

E, N, R = "eligible", "not_eligible", "needs_review"
GOOD5 = {y: "HTTNV" for y in range(2021, 2026)}

CASES = {
    # --- Lao động tiên tiến -----------------------------------------------------------------
    "L06_D24_ldtt_rated_good": dict(award="lao-dong-tien-tien", year=2024, ratings={2024: "HTTNV"}, expect=E),
    "L06_D24_ldtt_rated_excellent": dict(award="lao-dong-tien-tien", year=2024, ratings={2024: "HTXSNV"}, expect=E),
    "L06_D24_ldtt_only_completed": dict(award="lao-dong-tien-tien", year=2024, ratings={2024: "HTNV"}, expect=N,
                                        contains="cần HTTNV trở lên"),
    "L06_D24_ldtt_rating_missing": dict(award="lao-dong-tien-tien", year=2025, ratings={}, expect=R,
                                        contains="chưa có kết quả xếp loại năm 2025"),
    "ND91_ldtt_2023_old_rule_version": dict(award="lao-dong-tien-tien", year=2023, ratings={2023: "HTTNV"},
                                            expect=E, contains="Nghị định 91/2017"),
    # --- Chiến sĩ thi đua cơ sở --------------------------------------------------------------
    "L06_D23_cstdcs_ldtt_and_initiative": dict(award="cstd-co-so", year=2024, titles={"lao-dong-tien-tien": [2024]},
                                               ratings={2024: "HTTNV"}, initiatives=[("grassroots", 2024, None)],
                                               expect=E),
    "L06_D23_cstdcs_ldtt_and_excellent_without_initiative": dict(
        award="cstd-co-so", year=2024, titles={"lao-dong-tien-tien": [2024]}, ratings={2024: "HTXSNV"}, expect=E),
    "ND91_cstdcs_2023_excellent_is_not_enough_without_initiative": dict(
        award="cstd-co-so", year=2023, titles={"lao-dong-tien-tien": [2023]}, ratings={2023: "HTXSNV"},
        unit_ldtt=20, expect=N, contains="cần 1 sáng kiến"),
    # Art 23.1 asks for the standard of Lao động tiên tiến, not its decision (issue 31, item 2): cần xem xét.
    "L06_D23_cstdcs_without_ldtt": dict(award="cstd-co-so", year=2024, ratings={2024: "HTXSNV"}, expect=R,
                                        contains="chưa được tặng danh hiệu Lao động tiên tiến năm 2024"),
    "L06_cstdcs_initiative_already_used_for_another_award": dict(
        award="cstd-co-so", year=2024, titles={"lao-dong-tien-tien": [2024]}, ratings={2024: "HTTNV"},
        initiatives=[("grassroots", 2024, "bang-khen-chu-tich")], expect=N, contains="đã dùng"),
    "ND91_D7_cstdcs_quota_15pct_exceeded": dict(
        award="cstd-co-so", year=2023, titles={"lao-dong-tien-tien": [2023]}, ratings={2023: "HTTNV"},
        initiatives=[("grassroots", 2023, None)], unit_ldtt=6, extra_nominees=1, expect=N, contains="hạn mức"),
    "ND91_D7_cstdcs_quota_15pct_respected": dict(
        award="cstd-co-so", year=2023, titles={"lao-dong-tien-tien": [2023]}, ratings={2023: "HTTNV"},
        initiatives=[("grassroots", 2023, None)], unit_ldtt=20, extra_nominees=1, expect=E),
    "L06_cstdcs_2024_no_quota_in_new_law": dict(
        award="cstd-co-so", year=2024, titles={"lao-dong-tien-tien": [2024]}, ratings={2024: "HTTNV"},
        initiatives=[("grassroots", 2024, None)], unit_ldtt=2, extra_nominees=3, expect=E),
    # --- Chiến sĩ thi đua thành phố ------------------------------------------------------------
    "L06_D22_cstdtp_chain_reaching_back_before_2024": dict(
        award="cstd-thanh-pho", year=2025, titles={"cstd-co-so": [2023, 2024, 2025]},
        initiatives=[("city", 2025, None)], expect=E),
    "L06_D22_cstdtp_gap_in_the_chain": dict(
        award="cstd-thanh-pho", year=2025, titles={"cstd-co-so": [2022, 2023, 2025]},
        initiatives=[("city", 2025, None)], expect=N,
        contains="chưa đủ 03 lần liên tục được tặng danh hiệu Chiến sĩ thi đua cơ sở: có 2023, 2025; thiếu 2024"),
    "L06_D22_cstdtp_only_two_years": dict(
        award="cstd-thanh-pho", year=2024, titles={"cstd-co-so": [2023, 2024]}, initiatives=[("city", 2024, None)],
        expect=N, contains="có 2023, 2024; thiếu 2022"),
    "L06_D22_cstdtp_ad_hoc_title_does_not_count": dict(
        award="cstd-thanh-pho", year=2025, titles={"cstd-co-so": [2023, 2025]}, adhoc={"cstd-co-so": [2024]},
        initiatives=[("city", 2025, None)], expect=N, contains="thiếu 2024"),
    "L06_D22_cstdtp_grassroots_initiative_is_not_enough": dict(
        award="cstd-thanh-pho", year=2025, titles={"cstd-co-so": [2023, 2024, 2025]},
        initiatives=[("grassroots", 2025, None)], expect=N, contains="phạm vi thành phố"),
    "L06_D22_cstdtp_national_initiative_counts": dict(
        award="cstd-thanh-pho", year=2025, titles={"cstd-co-so": [2023, 2024, 2025]},
        initiatives=[("national", 2024, None)], expect=E),
    "ND91_cstdtp_2023_under_the_old_law": dict(
        award="cstd-thanh-pho", year=2023, titles={"cstd-co-so": [2021, 2022, 2023]},
        initiatives=[("city", 2022, None)], expect=E, contains="Nghị định 91/2017"),
    "L06_cstdtp_initiative_recognised_after_the_year_does_not_count": dict(
        award="cstd-thanh-pho", year=2024, titles={"cstd-co-so": [2022, 2023, 2024]},
        initiatives=[("city", 2025, None)], expect=N),
    # --- Chiến sĩ thi đua toàn quốc -----------------------------------------------------------
    "L06_D21_cstdtq_two_consecutive_cycles": dict(
        award="cstd-toan-quoc", year=2025, titles={"cstd-thanh-pho": [2022, 2025]},
        initiatives=[("national", 2025, None)], expect=E),
    "L06_D21_cstdtq_one_city_title": dict(
        award="cstd-toan-quoc", year=2025, titles={"cstd-thanh-pho": [2025]}, initiatives=[("national", 2025, None)],
        expect=N, contains="chưa đủ 02 lần liên tục"),
    "L06_D21_cstdtq_no_national_initiative": dict(
        award="cstd-toan-quoc", year=2025, titles={"cstd-thanh-pho": [2022, 2025]},
        initiatives=[("city", 2025, None)], expect=N, contains="phạm vi toàn quốc"),
    # --- Bằng khen của Thủ tướng ----------------------------------------------------------------
    "L06_D71_bkttg_all_conditions": dict(
        award="bang-khen-thu-tuong", year=2025, ratings=GOOD5, titles={"cstd-co-so": [2021, 2023, 2025]},
        past={"bang-khen-chu-tich": [2022]}, expect=E),
    "L06_D71_bkttg_without_a_city_bang_khen": dict(
        award="bang-khen-thu-tuong", year=2025, ratings=GOOD5, titles={"cstd-co-so": [2021, 2023, 2025]},
        expect=N, contains="chưa có Bằng khen của Chủ tịch"),
    "L06_D73_ND98_D4_bkttg_resting_on_an_ad_hoc_bang_khen_is_refused": dict(
        award="bang-khen-thu-tuong", year=2025, ratings=GOOD5, titles={"cstd-co-so": [2021, 2023, 2025]},
        adhoc={"bang-khen-chu-tich": [2022]}, expect=N, contains="không làm căn cứ"),
    "L06_D71_bkttg_one_year_only_completed": dict(
        award="bang-khen-thu-tuong", year=2025, ratings={**GOOD5, 2023: "HTNV"},
        titles={"cstd-co-so": [2021, 2023, 2025]}, past={"bang-khen-chu-tich": [2022]}, expect=N,
        contains="thiếu 2023"),
    "L06_D71_bkttg_cstdcs_only_twice": dict(
        award="bang-khen-thu-tuong", year=2025, ratings=GOOD5, titles={"cstd-co-so": [2023, 2025]},
        past={"bang-khen-chu-tich": [2022]}, expect=N, contains="2 lần"),
    "L06_D71_bkttg_a_rating_not_recorded": dict(
        award="bang-khen-thu-tuong", year=2025, ratings={y: "HTTNV" for y in (2021, 2022, 2024, 2025)},
        titles={"cstd-co-so": [2021, 2023, 2025]}, past={"bang-khen-chu-tich": [2022]}, expect=R),
    # --- Bằng khen của Chủ tịch UBND thành phố (xm) --------------------------------------------
    "L06_D74xm_bkct_two_excellent_years_two_initiatives": dict(
        award="bang-khen-chu-tich", year=2025, ratings={2024: "HTXSNV", 2025: "HTXSNV"},
        initiatives=[("grassroots", 2024, None), ("grassroots", 2025, None)], expect=E),
    "L06_D74xm_bkct_one_excellent_year": dict(
        award="bang-khen-chu-tich", year=2025, ratings={2024: "HTTNV", 2025: "HTXSNV"},
        initiatives=[("grassroots", 2024, None), ("grassroots", 2025, None)], expect=R,
        contains="chưa đạt tiêu chuẩn nào trong các tiêu chuẩn sau (chỉ cần đạt một)"),
    "L06_D74xm_bkct_one_initiative": dict(
        award="bang-khen-chu-tich", year=2025, ratings={2024: "HTXSNV", 2025: "HTXSNV"},
        initiatives=[("grassroots", 2025, None)], expect=R, contains="cần 2 sáng kiến"),
    # --- conditions that block every award ---------------------------------------------------------
    "L06_blocked_by_discipline_in_the_year": dict(
        award="lao-dong-tien-tien", year=2025, ratings={2025: "HTTNV"},
        blocks=[("discipline", "Khiển trách", dt.date(2025, 3, 1), dt.date(2025, 12, 31))], expect=N,
        contains="bị kỷ luật"),
    "L06_discipline_ended_before_the_year_does_not_block": dict(
        award="lao-dong-tien-tien", year=2025, ratings={2025: "HTTNV"},
        blocks=[("discipline", "Khiển trách", dt.date(2023, 3, 1), dt.date(2024, 3, 1))], expect=E),
    "L06_blocked_while_under_investigation": dict(
        award="lao-dong-tien-tien", year=2025, ratings={2025: "HTTNV"},
        blocks=[("investigation", "", dt.date(2026, 1, 10), None)], expect=N, contains="đang bị điều tra"),
    "L06_closed_complaint_does_not_block": dict(
        award="lao-dong-tien-tien", year=2025, ratings={2025: "HTTNV"},
        blocks=[("complaint", "", dt.date(2025, 1, 10), dt.date(2025, 6, 1))], expect=E),
    "L06_pending_complaint_blocks": dict(
        award="lao-dong-tien-tien", year=2025, ratings={2025: "HTTNV"},
        blocks=[("complaint", "", dt.date(2026, 5, 1), None)], expect=N, contains="khiếu nại"),
    "L06_same_achievement_already_awarded": dict(
        award="lao-dong-tien-tien", year=2025, ratings={2025: "HTTNV"}, past={"lao-dong-tien-tien": [2025]},
        expect=N, contains="đã được khen thưởng"),
    "L06_duplicate_nomination_same_award_and_year": dict(
        award="lao-dong-tien-tien", year=2025, ratings={2025: "HTTNV"}, duplicate=True, expect=N,
        contains="đã được đề nghị"),
    "data_nominee_not_linked_to_a_person": dict(award="lao-dong-tien-tien", year=2025, link=False, expect=R),
    # --- collectives ---------------------------------------------------------------------------------
    "L06_D28_ttldtt_majority_ldtt": dict(
        award="tap-the-ldtt", year=2025, subject="collective", unit_rating="HTTNV",
        members=[{"titles": ["lao-dong-tien-tien"]}, {"titles": ["lao-dong-tien-tien"]}, {}], expect=E),
    "L06_D28_ttldtt_exactly_half_is_not_more_than_half": dict(
        award="tap-the-ldtt", year=2025, subject="collective", unit_rating="HTTNV",
        members=[{"titles": ["lao-dong-tien-tien"]}, {"rating": "HTNV"}], expect=N, contains="> 50%"),
    "L06_D28_ttldtt_member_warned": dict(
        award="tap-the-ldtt", year=2025, subject="collective", unit_rating="HTTNV",
        members=[{"titles": ["lao-dong-tien-tien"]}, {"titles": ["lao-dong-tien-tien"], "block": "Cảnh cáo"}, {}],
        expect=N, contains="Cảnh cáo"),
    "L06_D28_ttldtt_reprimand_is_below_warning": dict(
        award="tap-the-ldtt", year=2025, subject="collective", unit_rating="HTTNV",
        members=[{"titles": ["lao-dong-tien-tien"]}, {"titles": ["lao-dong-tien-tien"], "block": "Khiển trách"}, {}],
        expect=E),
    "L06_D27_ttldxs_all_conditions": dict(
        award="tap-the-ldxs", year=2025, subject="collective", unit_rating="HTXSNV",
        members=[{"rating": "HTXSNV", "titles": ["lao-dong-tien-tien", "cstd-co-so"]},
                 {"rating": "HTTNV", "titles": ["lao-dong-tien-tien"]},
                 {"rating": "HTTNV", "titles": ["lao-dong-tien-tien"]}, {"rating": "HTNV"}], expect=E),
    "L06_D27_ttldxs_a_member_did_not_complete_tasks": dict(
        award="tap-the-ldxs", year=2025, subject="collective", unit_rating="HTXSNV",
        members=[{"rating": "HTXSNV", "titles": ["lao-dong-tien-tien", "cstd-co-so"]},
                 {"rating": "HTTNV", "titles": ["lao-dong-tien-tien"]},
                 {"rating": "HTTNV", "titles": ["lao-dong-tien-tien"]}, {"rating": "KHTNV"}], expect=N),
    "L06_D27_ttldxs_no_cstdcs_member": dict(
        award="tap-the-ldxs", year=2025, subject="collective", unit_rating="HTXSNV",
        members=[{"rating": "HTTNV", "titles": ["lao-dong-tien-tien"]}] * 3 + [{"rating": "HTNV"}], expect=N,
        contains="0 cá nhân"),
    "L06_D27_ttldxs_under_70pct_ldtt": dict(
        award="tap-the-ldxs", year=2025, subject="collective", unit_rating="HTXSNV",
        members=[{"rating": "HTXSNV", "titles": ["lao-dong-tien-tien", "cstd-co-so"]},
                 {"rating": "HTTNV", "titles": ["lao-dong-tien-tien"]}, {"rating": "HTTNV"}, {"rating": "HTNV"}],
        expect=N, contains="50%"),
    "data_collective_without_members": dict(award="tap-the-ldtt", year=2025, subject="collective", members=[],
                                            expect=R),
    **{f"{name}": case for name, case in __import__("tests.law_cases", fromlist=["CASES"]).CASES.items()},
}


def _person(unit, name="Phạm Thị Thu"):
    return Person.objects.create(full_name=name, sex="female", unit=unit, category="civil_servant")


def _submission(unit, year, title="Hồ sơ kiểm tra", commendation="regular"):
    return Submission.objects.create(unit=unit, title=title, round_kind="yearly", year=year,
                                     commendation_type=commendation, status=Status.SUBMITTED)


def _build(case):
    city = Unit.objects.get(code="so-ke-hoach-dau-tu")
    award = AwardType.objects.get(code=case["award"])
    year = case["year"]
    person = unit = None
    if case.get("subject", "individual") == "individual":
        person = _person(city)
        if case.get("category"):
            Person.objects.filter(pk=person.pk).update(category=case["category"])
        Person.objects.filter(pk=person.pk).update(hired_on=case.get("hired", dt.date(2010, 1, 1)))
        person.refresh_from_db()
        for y, rating in case.get("ratings", {}).items():
            TaskRating.objects.create(person=person, year=y, rating=rating, days_absent=case.get("absent", 0))
        for kind, titles in (("regular", case.get("titles", {})), ("ad_hoc", case.get("adhoc", {})),
                             ("regular", case.get("past", {})), ("thematic", case.get("thematic", {}))):
            for code, years in titles.items():
                for y in years:
                    PastAward.objects.create(person=person, award_type=AwardType.objects.get(code=code), year=y,
                                             commendation_type=kind)
        for level, y, consumed in case.get("initiatives", []):
            initiative = Initiative.objects.create(title=f"Sáng kiến {level} {y}", level=level,
                                                   recognised_by="QĐ công nhận", recognised_on=dt.date(y, 6, 1))
            initiative.authors.add(person)
            if consumed:
                other = Nominee.objects.create(submission=_submission(city, y - 1, "Hồ sơ cũ"), subject="individual",
                                               person=person, name=person.full_name, achievement_summary="…",
                                               award_type=AwardType.objects.get(code=consumed), outcome=Outcome.AWARDED)
                initiative.consumed_by = other
                initiative.save()
        for kind, level, start, end in case.get("blocks", []):
            BlockingRecord.objects.create(person=person, kind=kind, level=level, starts_on=start, ends_on=end)
    else:
        from organisation import services as org

        unit = org.create_unit(code=f"phong-{year}-{len(case.get('members', []))}", name="Phòng Tổng hợp",
                               kind="other", level="city", parent=city, recorded_from=dt.date(2023, 1, 1))
        for i, member in enumerate(case.get("members", [])):
            p = _person(unit, f"Thành viên {i}")
            if member.get("rating"):
                TaskRating.objects.create(person=p, year=year, rating=member["rating"])
            for code in member.get("titles", []):
                PastAward.objects.create(person=p, award_type=AwardType.objects.get(code=code), year=year)
            if member.get("block"):
                BlockingRecord.objects.create(person=p, kind="discipline", level=member["block"],
                                              starts_on=dt.date(year, 4, 1))
        if case.get("unit_rating"):
            TaskRating.objects.create(unit=unit, year=year, rating=case["unit_rating"])
        for code, years in case.get("unit_titles", {}).items():
            for y in years:
                PastAward.objects.create(unit=unit, award_type=AwardType.objects.get(code=code), year=y)
        if case.get("cluster"):
            _cluster_result(unit, year, case["cluster"])
    for i in range(case.get("unit_ldtt", 0)):
        PastAward.objects.create(person=_person(city, f"LĐTT {i}"), award_type=AwardType.objects.get(
            code="lao-dong-tien-tien"), year=year)
    submission = _submission(city, year, commendation=case.get("commendation", "regular"))
    household = case.get("subject") == "household"
    nominee = Nominee.objects.create(
        submission=submission, subject=case.get("subject", "individual"),
        person=person if case.get("link", True) else None, collective_unit=unit,
        name="Hộ ông Nguyễn Văn Ba" if household else person.full_name if person else unit.name, award_type=award,
        achievement_summary=case.get("what", "…"), martyrs_count=case.get("martyrs"), **case.get("facts", {}))
    if case.get("labour") is not None:  # a worker's or farmer's results of the year (Law 06/2022 Art 24.3)
        LabourResult.objects.create(person=person, year=year, **case["labour"])
    elsewhere = Unit.objects.get(code="quan-le-chan")
    for i in range(case.get("city_nominees", 0)):
        Nominee.objects.create(submission=_submission(elsewhere, year, f"Hồ sơ quận {i}"), subject="individual",
                               person=_person(elsewhere, f"Quận {i}"), name=f"Quận {i}", award_type=award,
                               achievement_summary="…")
    for i in range(case.get("extra_nominees", 0)):
        Nominee.objects.create(submission=submission, subject="individual", person=_person(city, f"Khác {i}"),
                               name=f"Khác {i}", award_type=award, achievement_summary="…")
    if case.get("duplicate"):
        Nominee.objects.create(submission=_submission(city, year, "Tờ trình khác"), subject="individual",
                               person=person, name=person.full_name, award_type=award, achievement_summary="…")
    return nominee


def _cluster_result(unit, year, place):
    """A final cluster result for ``unit`` in ``year``: "lead" (acclaimed, first) or "second"."""
    from campaigns.models import ClusterCovenant, MemberScore, ScoreStatus
    from organisation.models import Cluster

    cluster = Cluster.objects.get(code="cum-5-thanh-pho")
    covenant = ClusterCovenant.objects.create(cluster=cluster, year=year, signed_on=dt.date(year, 3, 1),
                                              is_final=True)
    MemberScore.objects.create(covenant=covenant, unit=unit, status=ScoreStatus.CHECKED, rank=1 if place == "lead" else 2,
                               acclaimed=place == "lead")


@pytest.mark.parametrize("name", list(CASES))
def test_verdicts_from_the_law(db, name):
    case = CASES[name]
    nominee = _build(case)
    verdict = eligibility.check(nominee, today=dt.date(2026, 6, 1))
    text = " | ".join(f"{f.message} ({f.basis})" for f in verdict.findings)
    assert verdict.result == case["expect"], text
    if "contains" in case:
        assert case["contains"] in text, text


def test_there_are_at_least_ninety_cases():
    assert len(CASES) >= 90


def test_a_new_decree_is_a_data_change(db):
    """A rule version effective from 2026 changes verdicts for 2026 only; 2025 keeps the old rule."""
    award = AwardType.objects.get(code="lao-dong-tien-tien")
    current = EligibilityRule.objects.get(award_type=award, kind="rating_at_least", effective_to__isnull=True)
    current.effective_to = dt.date(2025, 12, 31)
    current.save()
    EligibilityRule.objects.create(award_type=award, kind="rating_at_least", params={"rating": "HTXSNV"},
                                   legal_basis="Nghị định giả định 2026", effective_from=dt.date(2026, 1, 1),
                                   description="Hoàn thành xuất sắc nhiệm vụ")
    for year, expected in ((2025, E), (2026, N)):
        nominee = _build(dict(award="lao-dong-tien-tien", year=year, ratings={year: "HTTNV"}))
        assert eligibility.check(nominee, today=dt.date(2027, 1, 5)).result == expected


def test_awarding_uses_up_the_initiative(db):
    from ..awards_helpers import to_state

    nominee = _build(dict(award="cstd-thanh-pho", year=2025, titles={"cstd-co-so": [2023, 2024, 2025]},
                          initiatives=[("city", 2025, None)]))
    Submission.objects.filter(pk=nominee.submission_id).update(status=Status.DRAFT)
    from awards import services
    from organisation.models import User

    from ..files import pdf

    for kind in nominee.award_type.required_attachments:
        services.add_attachment(User.objects.get(username="demo_staff"), nominee.submission, kind=kind,
                                upload=pdf(f"{kind}.pdf"))
    to_state(Submission.objects.get(pk=nominee.submission_id), Status.DECIDED)
    initiative = Initiative.objects.get(authors=nominee.person)
    assert initiative.consumed_by_id == nominee.pk
    # The same initiative cannot support a second award.
    second = _build(dict(award="cstd-co-so", year=2025, titles={"lao-dong-tien-tien": [2025]},
                         ratings={2025: "HTTNV"}))
    second.person = nominee.person
    second.save()
    verdict = eligibility.check(second, today=dt.date(2026, 6, 1))
    assert verdict.result == N and "đã dùng" in " ".join(f.message for f in verdict.findings)


def test_verdicts_are_shown_on_the_appraisal_page(officer_client):
    from django.urls import reverse


    nominee = _build(CASES["L06_D22_cstdtp_gap_in_the_chain"])
    submission = nominee.submission
    Submission.objects.filter(pk=submission.pk).update(status=Status.RECEIVED)
    from awards import services
    from organisation.models import User

    officer = User.objects.get(username="demo_officer")
    services.assign(officer, submission, officer)
    page = officer_client.get(reverse("awards:submission_appraise", args=[submission.pk])).content.decode()
    assert "Không đạt tiêu chuẩn" in page
    assert "chưa đủ 03 lần liên tục được tặng danh hiệu Chiến sĩ thi đua cơ sở: có 2023, 2025; thiếu 2024" in page
    assert "Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 152/2025/NĐ-CP, Điều 22" in page
