"""Forms 0601–0605 of Circular 02/2023/TT-BNV: the reporting year 01/12–30/11, due 15/12, collectives counted as
organisations, revoked awards left out; every row of every form compared with figures the test computes itself
from the records it creates (and read back from the workbook and the PDF the worker produced)."""

import datetime as dt
import io
from itertools import count

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from awards.models import Decision, DecisionKind, Nominee, Outcome, Status, Submission
from campaigns.models import Authority, Movement, MovementKind, Scope
from legal.enums import CommendationType as CT, Subject
from legal.models import AwardType
from organisation.models import Person, PersonCategory, Sex, Unit, UnitKind, UnitLevel
from reports import circulars, data, periods
from reports.models import ReportStatus
from reports.services import request_report

from ..awards.test_awards_workflow import pdf_text

# A reporting year no seeded record falls in: 01/12/2030 – 30/11/2031.
YEAR = 2031
START, END = dt.date(YEAR - 1, 12, 1), dt.date(YEAR, 11, 30)
_numbers = count(901)


def test_reporting_year_due_date_and_circular_by_period():
    assert periods.bounds("circular_forms", 2024) == (dt.date(2023, 12, 1), dt.date(2024, 11, 30))
    # Produced on 1 December: the year that ended the day before; on 30 November that year is not over yet.
    assert periods.previous_period("circular_forms", dt.date(2024, 12, 1)) == (dt.date(2023, 12, 1),
                                                                               dt.date(2024, 11, 30))
    assert periods.previous_period("circular_forms", dt.date(2024, 11, 30)) == (dt.date(2022, 12, 1),
                                                                                dt.date(2023, 11, 30))
    circular = circulars.circular_for(dt.date(2024, 11, 30))
    assert circular.number == "02/2023/TT-BNV" and circular.due_on(2024) == dt.date(2024, 12, 15)
    assert circulars.circular_for(dt.date(2023, 5, 9)) is None  # before 10/05/2023 the circular was not in force
    assert [f.symbol for f in circular.forms] == [f"060{n}.N/BNV-TĐKT" for n in range(1, 6)]


def _unit(code, kind):
    return Unit.objects.create(code=code, name=f"Đơn vị {code}", kind=kind, level=UnitLevel.CITY)


def _decision(day, kind=DecisionKind.AWARD):
    return Decision.objects.create(year=day.year, number=next(_numbers), kind=kind, issued_on=day, title="Quyết định",
                                   signer_name="Nguyễn Văn Tùng", signer_title="Chủ tịch")


def _award(code, *, method=CT.REGULAR, decided_on=None, central_on=None, outcome=Outcome.AWARDED, direct=False,
           unit=None, revoked_on=None):
    """One award as the portal records it; returns the facts the test itself counts from."""
    award_type = AwardType.objects.filter(code=code).first() or AwardType.objects.get(code__startswith=code)
    home = Unit.objects.get(code="so-ke-hoach-dau-tu")
    submission = Submission.objects.create(unit=home, title="Tờ trình", round_kind="yearly", year=YEAR,
                                           commendation_type=method, status=Status.DECIDED)
    person = None
    if award_type.subject == Subject.INDIVIDUAL:
        person = Person.objects.create(full_name="Trần Thị Bình", sex=Sex.FEMALE, unit=home, position="Công nhân",
                                       category=PersonCategory.WORKER, is_direct_worker=direct)
    nominee = Nominee.objects.create(
        submission=submission, subject=award_type.subject, person=person, award_type=award_type, name="Được khen",
        achievement_summary="Thành tích", outcome=outcome, collective_unit=unit,
        decision=_decision(decided_on) if decided_on else None,
        revoked_by=_decision(revoked_on, DecisionKind.REVOCATION) if revoked_on else None)
    if central_on:  # the day the portal recorded the central result (the nominee's history)
        Nominee.history.filter(id=nominee.pk).update(history_date=timezone.make_aware(
            dt.datetime.combine(central_on, dt.time(9))))
    return {"type": award_type, "subject": award_type.subject, "method": method, "direct": direct,
            "enterprise": unit is not None and unit.kind == UnitKind.ENTERPRISE, "decided_on": decided_on,
            "central_on": central_on, "outcome": outcome, "revoked_on": revoked_on}


def _movement(kind, authority, scope, starts_on, ends_on, launched_at=None):
    n = next(_numbers)
    Movement.objects.create(code=f"pt-{n}", name=f"Phong trào {n}", kind=kind, authority=authority, scope=scope,
                            starts_on=starts_on, ends_on=ends_on,
                            launched_at=launched_at or timezone.make_aware(dt.datetime(2026, 1, 2, 8)))
    return {"kind": kind, "authority": authority, "scope": scope, "starts_on": starts_on, "ends_on": ends_on,
            "launched_on": starts_on or (launched_at and timezone.localtime(launched_at).date())}


@pytest.fixture
def records(db):
    enterprise = _unit("cong-ty-tnhh-an-phat", UnitKind.ENTERPRISE)
    school = _unit("truong-thpt-le-loi", UnitKind.PUBLIC_SERVICE)
    d = dt.date
    city = [
        _award("bang-khen-chu-tich", decided_on=START, direct=True),  # the first day of the year
        _award("cstd-thanh-pho", method=CT.THEMATIC, decided_on=END),  # the last day
        _award("bang-khen-chu-tich-tap-the", method=CT.AD_HOC, decided_on=d(YEAR, 6, 10), unit=enterprise),
        _award("bang-khen-chu-tich-tap-the", method=CT.FOREIGN, decided_on=d(YEAR, 7, 1), unit=enterprise),
        _award("co-thi-dua-thanh-pho", decided_on=d(YEAR, 3, 1), unit=school),
        _award("bang-khen-chu-tich-ho-gia-dinh", method=CT.SERVICE, decided_on=d(YEAR, 5, 5)),
        _award("bang-khen-chu-tich", method=CT.TENURE, decided_on=d(YEAR, 2, 2), revoked_on=d(YEAR, 9, 1)),  # revoked
        _award("bang-khen-chu-tich", method=CT.RESISTANCE, decided_on=d(YEAR, 2, 3),
               revoked_on=d(YEAR, 12, 10)),  # revoked after the year: the year's figure stands
        _award("bang-khen-chu-tich", decided_on=d(YEAR - 1, 11, 30)),  # calendar year before, previous reporting year
        _award("bang-khen-chu-tich", decided_on=d(YEAR, 12, 1)),  # same calendar year, next reporting year
        _award("tap-the-ldxs", decided_on=d(YEAR, 4, 4), unit=school),  # a city title that is no column of 0603
        _award("bang-khen-chu-tich", decided_on=d(YEAR, 4, 5), outcome=Outcome.REJECTED),
    ]
    state = [
        _award("huan-chuong-lao-dong-3", central_on=d(YEAR, 1, 20), unit=school),
        _award("bang-khen-thu-tuong", method=CT.TENURE, central_on=d(YEAR, 8, 8), direct=True),
        _award("bang-khen-thu-tuong-tap-the", method=CT.AD_HOC, central_on=d(YEAR, 8, 9), unit=enterprise),
        _award("cstd-toan-quoc", method=CT.THEMATIC, central_on=END),
        _award("anh-hung-lao-dong", method=CT.RESISTANCE, central_on=START),
        _award("giai-thuong-nha-nuoc", method=CT.SERVICE, central_on=d(YEAR, 9, 9)),
        _award("co-thi-dua-chinh-phu", central_on=d(YEAR, 10, 1), unit=school, revoked_on=d(YEAR, 10, 20)),
        _award("cstd-toan-quoc", central_on=d(YEAR, 12, 2)),  # recorded after the year
        _award("bang-khen-bo-nganh", central_on=d(YEAR, 3, 3)),  # a ministry's award, not the State's
        _award("bang-khen-thu-tuong", central_on=d(YEAR, 3, 4), outcome=Outcome.FORWARDED),  # still waiting
    ]
    movements = [
        _movement(MovementKind.REGULAR, Authority.CITY_CHAIRMAN, Scope.CITYWIDE, d(YEAR, 1, 1), d(YEAR, 12, 31)),
        _movement(MovementKind.THEMATIC, Authority.CENTRAL, Scope.NATIONWIDE, d(YEAR - 1, 12, 15), d(YEAR, 6, 30)),
        _movement(MovementKind.FIVE_YEAR, Authority.CITY_COMMITTEE, Scope.CITYWIDE, d(YEAR, 2, 1), d(YEAR + 5, 1, 31)),
        _movement(MovementKind.SPECIAL, Authority.DEPARTMENT, Scope.SECTOR, d(YEAR, 3, 1), d(YEAR + 1, 8, 31)),
        _movement(MovementKind.THEMATIC, Authority.DEPARTMENT, Scope.SECTOR, d(YEAR, 5, 1), d(YEAR + 3, 6, 30)),
        _movement(MovementKind.REGULAR, Authority.CITY_CHAIRMAN, Scope.CITYWIDE, d(YEAR, 1, 1), d(YEAR + 1, 1, 10)),
        _movement(MovementKind.THEMATIC, Authority.PRIME_MINISTER, Scope.NATIONWIDE, None, None,
                  launched_at=timezone.make_aware(dt.datetime(YEAR, 4, 1, 9))),
        _movement(MovementKind.REGULAR, Authority.CITY_CHAIRMAN, Scope.CITYWIDE, d(YEAR - 1, 11, 30), None),  # before
        _movement(MovementKind.REGULAR, Authority.CITY_CHAIRMAN, Scope.CITYWIDE, d(YEAR, 12, 1), None),  # after
        _movement(MovementKind.THEME, Authority.CITY_CHAIRMAN, Scope.CITYWIDE, d(YEAR, 2, 2), None),  # a theme
    ]
    return {"city": city, "state": state, "movements": movements}


# The test's own reading of the forms: plain Python over the facts above, no query of the code under test.
def _counted(award, day_key, deciders):
    day = award[day_key]
    return (award["outcome"] == Outcome.AWARDED and award["type"].decided_by in deciders and day is not None
            and START <= day <= END and not (award["revoked_on"] and award["revoked_on"] <= END))


SUBJECT_ROWS = [lambda a: a["subject"] == Subject.COLLECTIVE, lambda a: a["subject"] == Subject.COLLECTIVE and
                a["enterprise"], lambda a: a["subject"] == Subject.HOUSEHOLD,
                lambda a: a["subject"] == Subject.INDIVIDUAL, None, None, None, None,
                lambda a: a["subject"] == Subject.INDIVIDUAL and a["direct"]]
METHOD_ROWS = [CT.REGULAR, CT.THEMATIC, CT.AD_HOC, CT.FOREIGN, CT.SERVICE, CT.TENURE, CT.RESISTANCE]


def _award_rows(awards, columns, first_codes):
    """{code: [cells]}: total, the subject rows, the method rows; None where the portal records nothing."""
    def cells(keep):
        return None if keep is None else [sum(1 for a in awards if keep(a) and col(a)) for col in columns]

    rows = {"01": cells(lambda a: True)}
    subject_start, method_start = first_codes
    for i, keep in enumerate(SUBJECT_ROWS):
        rows[f"{subject_start + i:02d}"] = cells(keep)
    for i, method in enumerate(METHOD_ROWS):
        rows[f"{method_start + i:02d}"] = cells(lambda a, m=method: a["method"] == m)
    return rows


def expected_0601(movements):
    kept = [m for m in movements if m["kind"] != MovementKind.THEME and START <= m["launched_on"] <= END]

    def months(m):
        if not (m["starts_on"] and m["ends_on"]):
            return None
        after = m["ends_on"] + dt.timedelta(days=1)
        whole = (after.year - m["starts_on"].year) * 12 + after.month - m["starts_on"].month
        extra = after.day - m["starts_on"].day
        return (whole - 1, True) if extra < 0 else (whole, extra > 0)

    columns = [lambda m: True, lambda m: m["authority"] in (Authority.CENTRAL, Authority.PRIME_MINISTER),
               lambda m: m["authority"] in (Authority.CITY_CHAIRMAN, Authority.CITY_COMMITTEE),
               lambda m: m["authority"] == Authority.DEPARTMENT]
    span = [lambda s: s[0] < 12, lambda s: s == (12, False), lambda s: 12 <= s[0] < 36 and s != (12, False),
            lambda s: 36 <= s[0] < 60, lambda s: s[0] >= 60]
    rows = {
        "01": lambda m: True, "02": lambda m: m["scope"] == Scope.NATIONWIDE,
        "03": lambda m: m["scope"] == Scope.CITYWIDE, "04": None, "05": lambda m: m["scope"] == Scope.SECTOR,
        **{f"{6 + i:02d}": (lambda m, t=test: months(m) is not None and t(months(m))) for i, test in enumerate(span)},
        "11": lambda m: m["kind"] in (MovementKind.THEMATIC, MovementKind.FIVE_YEAR, MovementKind.SPECIAL),
        "12": lambda m: m["kind"] == MovementKind.REGULAR,
    }
    return {code: None if keep is None else [sum(1 for m in kept if keep(m) and col(m)) for col in columns]
            for code, keep in rows.items()}


def _code(award):
    return award["type"].code


def expected_0602(awards):
    kept = [a for a in awards if _counted(a, "central_on", ("president", "prime_minister"))]
    named = [lambda a: _code(a).startswith(("huan-chuong-", "huy-chuong-")),
             lambda a: _code(a) == "giai-thuong-ho-chi-minh", lambda a: _code(a) == "giai-thuong-nha-nuoc",
             lambda a: _code(a).startswith(("anh-hung-", "nha-giao-", "thay-thuoc-", "nghe-si-", "nghe-nhan-",
                                            "ba-me-viet-nam-anh-hung")),
             lambda a: _code(a) == "co-thi-dua-chinh-phu", lambda a: _code(a).startswith("bang-khen-thu-tuong"),
             lambda a: _code(a) == "cstd-toan-quoc"]
    columns = [lambda a: True, *named, lambda a: not any(test(a) for test in named)]
    rows = _award_rows(kept, columns, (6, 15))
    rows["02"], rows["03"] = None, rows["01"]  # the city proposes as a province
    return rows


def expected_0603(awards):
    named = [lambda a: _code(a).startswith("bang-khen-chu-tich"), lambda a: _code(a) == "cstd-thanh-pho",
             lambda a: _code(a) == "co-thi-dua-thanh-pho", lambda a: False]
    kept = [a for a in awards if _counted(a, "decided_on", ("city_chairman",)) and any(t(a) for t in named)]
    return _award_rows(kept, [lambda a: True, *named], (2, 11))


def _by_code(form_rows):
    """{code: cells}, None for a row the portal leaves blank."""
    return {r["line"].code: None if all(v is None for v in r["cells"]) else r["cells"]
            for r in form_rows if r["line"].code}


def test_every_row_of_every_form(records, django_capture_on_commit_callbacks):
    expected = {"0601": expected_0601(records["movements"]), "0602": expected_0602(records["state"]),
                "0603": expected_0603(records["city"])}
    # The fixtures say what the test is about: each is non-trivial.
    assert expected["0603"]["01"] == [7, 5, 1, 1, 0]  # 8 awarded in the year, one revoked; LĐXS no column
    assert expected["0603"]["02"][0] == 3 and expected["0603"]["03"][0] == 2  # collectives: organisations, not people
    assert expected["0602"]["01"][0] == 6 and expected["0601"]["01"] == [7, 2, 3, 2]

    content = data.circular_forms(START, END)
    assert content["circular"].number == "02/2023/TT-BNV" and content["due_on"] == dt.date(YEAR, 12, 15)
    forms = {item["form"].number: item for item in content["forms"]}
    for number, rows in expected.items():
        assert _by_code(forms[number]["rows"]) == rows, number
        total, *parts = zip(*[cells for cells in rows.values() if cells], strict=True)
        assert list(total) == [sum(p) for p in zip(*parts, strict=True)], number  # column 1 = 2 + 3 + …
    for number in ("0604", "0605"):  # the portal holds no staffing: printed with their codes, left to the Board
        assert set(_by_code(forms[number]["rows"]).values()) == {None}

    with django_capture_on_commit_callbacks(execute=True):
        report = request_report("circular_forms", *periods.bounds("circular_forms", YEAR))
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE, report.error
    assert report.period_label == str(YEAR) and (report.period_start, report.period_end) == (START, END)

    book = load_workbook(io.BytesIO(report.xlsx.read()))
    assert book.sheetnames == ["0601", "0602", "0603", "0604", "0605"]
    for number, rows in expected.items():
        sheet = book[number]
        assert "ngày nhận báo cáo 15/12/2031" in sheet["A2"].value and f"{number}.N/BNV-TĐKT" in sheet["A2"].value
        assert [c.value for c in sheet[5]][:3] == ["A", "B", "C"]
        read = {r[1]: [None if v in (None, "") else v for v in r[3:]]
                for r in sheet.iter_rows(min_row=6, values_only=True) if r[1]}
        assert read == {code: cells or [None] * len(next(iter(rows.values()))) for code, cells in rows.items()}, \
            number
    assert book["0605"]["B6"].value == "01" and book["0605"]["D6"].value is None

    pdf = report.pdf.read()
    text = pdf_text(pdf) + pdf_text(pdf, layout=False)
    for phrase in ("Biểu số: 0601.N/BNV-TĐKT", "Biểu số: 0605.N/BNV-TĐKT", "SỐ PHONG TRÀO THI ĐUA",
                   "Ban hành theo Thông tư số 02/2023/TT-BNV ngày 23/03/2023",
                   "Ngày nhận báo cáo: ngày 15 tháng 12 năm báo cáo",
                   "từ ngày 01/12/2030 đến ngày 30/11/2031", "SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC"):
        assert phrase in text, phrase
