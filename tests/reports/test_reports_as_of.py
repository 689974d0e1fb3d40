"""Reports whose figures are those of their period (issue 18): states as they stood at the period's end from the
audit trail, counts within the period, targets from the figures of months up to the period's end — each checked
against SQL written here for the period alone; numbering in one register by year of issue; regeneration says what
changed; a report left running is swept and produced again once."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection, connections
from django.utils import timezone
from openpyxl import load_workbook

from awards.models import Decision, Status, Submission, WorkflowEvent
from reports import data, tasks
from reports.models import Report, ReportStatus
from reports.periods import month_bounds, quarter_bounds
from reports.services import request_report
from targets.models import Actual, Indicator, Target

from ..awards_helpers import draft, to_state

D = dt.date


def _at(day, hour=10):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _backdate(submission, days):
    """Give the dossier's events (in order) the dates ``days``."""
    events = list(submission.events.order_by("at", "id"))
    assert len(events) == len(days), (len(events), [e.action for e in events])
    for event, day in zip(events, days, strict=True):
        WorkflowEvent.objects.filter(pk=event.pk).update(at=_at(day))


@pytest.fixture
def two_quarters(db, django_capture_on_commit_callbacks):
    decided = to_state(draft(names=("A",)), Status.DECIDED)
    steps = decided.events.count()
    _backdate(decided, [D(2025, 2, 1) + dt.timedelta(days=i) for i in range(steps)])
    Decision.objects.filter(submission=decided).update(issued_on=D(2025, 2, 20))
    received = to_state(draft(names=("B",)), Status.RECEIVED)
    _backdate(received, [D(2025, 5, 1), D(2025, 5, 3), D(2025, 5, 5)])
    # Received in June; assigned after the quarter's end: at 30/06 it was still at reception.
    later = to_state(draft(names=("C",)), Status.ASSIGNED)
    _backdate(later, [D(2025, 6, 18), D(2025, 6, 20), D(2025, 6, 25), D(2025, 7, 5)])
    indicator = Indicator.objects.filter(aggregation="cumulative").order_by("order").first()
    source = Target.objects.filter(indicator=indicator).first()
    target = Target.objects.create(indicator=indicator, year=2025, value_low=Decimal(120), statement="Thu 120",
                                   responsible_unit=source.responsible_unit)
    for month in range(1, 10):
        Actual.objects.create(target=target, period_kind="month", period=month, value=Decimal(10) + month,
                              source="Cục Thống kê")
    return {"target": target, "submissions": [decided, received, later]}


STATES_SQL = """SELECT state, count(*) FROM (
    SELECT DISTINCT ON (e.submission_id) e.to_status AS state FROM awards_workflowevent e
    WHERE e.at < %s ORDER BY e.submission_id, e.at DESC, e.id DESC) last
    WHERE state <> %s GROUP BY state"""
WITHIN_SQL = """SELECT count(DISTINCT submission_id) FROM awards_workflowevent WHERE to_status = %s
                AND at >= %s AND at < %s"""
TARGET_SQL = """SELECT sum(value) FROM targets_actual WHERE target_id = %s AND period_kind = 'month' AND period <= %s"""


def _sql(query, *params):
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


def _expected(start, end, target):
    after, before = data.after(end), data.after(start - dt.timedelta(days=1))
    labels = dict(Status.choices)
    states = {str(labels[state]): n for state, n in _sql(STATES_SQL, after, Status.DRAFT)}
    return {"states": states,
            "sent": _sql(WITHIN_SQL, Status.SUBMITTED, before, after)[0][0],
            "got": _sql(WITHIN_SQL, Status.RECEIVED, before, after)[0][0],
            "target": _sql(TARGET_SQL, target.pk, end.month)[0][0]}


@pytest.mark.parametrize("kind,bounds", [
    ("quarterly", quarter_bounds(2025, 1)), ("quarterly", quarter_bounds(2025, 2)),
    ("monthly", month_bounds(2025, 5)), ("monthly", month_bounds(2025, 6)),
])
def test_each_figure_is_that_of_the_period(two_quarters, kind, bounds, django_capture_on_commit_callbacks):
    start, end = bounds
    target = two_quarters["target"]
    expected = _expected(start, end, target)
    content = data.collect(kind, start, end)
    nominations = content["nominations"]
    assert {r["status"]: r["n"] for r in nominations["pipeline"]} == expected["states"]
    assert (nominations["sent_in_period"], nominations["received_in_period"]) == (expected["sent"], expected["got"])
    row = next(r for r in content["targets"] if r.target.pk == target.pk)
    assert row.progress.year_value == expected["target"] and row.progress.months == end.month
    # The same figures reach the workbook.
    with django_capture_on_commit_callbacks(execute=True):
        report = request_report(kind, start, end)
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE, report.error
    book = load_workbook(io.BytesIO(report.xlsx.read()))
    assert {r[0]: r[1] for r in book["Hồ sơ"].iter_rows(min_row=5, values_only=True)} == expected["states"]
    targets = {r[0]: r[2] for r in book["Chỉ tiêu"].iter_rows(min_row=5, values_only=True)}
    assert targets["Thu 120"] == float(expected["target"])


def test_the_dossier_changed_after_the_quarter_keeps_its_state_then(two_quarters):
    later = two_quarters["submissions"][2]
    assert later.status == Status.ASSIGNED  # today
    then = data.states_at(D(2025, 6, 30)).get(pk=later.pk)
    assert then.state_then == Status.RECEIVED
    q2 = {r["status"]: r["n"] for r in data.collect("quarterly", *quarter_bounds(2025, 2))["nominations"]["pipeline"]}
    assert q2 == {str(dict(Status.choices)[Status.DECIDED]): 1, str(dict(Status.choices)[Status.RECEIVED]): 2}
    assert Submission.objects.count() == 3


def test_numbers_by_year_of_issue_across_kinds_and_kept_on_regeneration(db, django_capture_on_commit_callbacks,
                                                                        monkeypatch):
    periods = [("monthly", month_bounds(2024, 3)), ("quarterly", quarter_bounds(2025, 1)),
               ("monthly", month_bounds(2025, 2)), ("yearly_statistics", (D(2023, 1, 1), D(2023, 12, 31))),
               ("quarterly", quarter_bounds(2026, 3))]
    with django_capture_on_commit_callbacks(execute=True):
        reports = [request_report(kind, *bounds) for kind, bounds in periods]
    codes = [Report.objects.get(pk=r.pk).code for r in reports]
    assert codes == ["01/BC-BTĐKT", "02/BC-BTĐKT", "03/BC-BTĐKT", "04/BC-BTĐKT", "05/BC-BTĐKT"]
    assert {Report.objects.get(pk=r.pk).issued_on for r in reports} == {timezone.localdate()}
    with django_capture_on_commit_callbacks(execute=True):
        again = request_report("quarterly", *quarter_bounds(2025, 1))
    assert Report.objects.get(pk=again.pk).code == "02/BC-BTĐKT"
    # A report first produced next year starts the register again from 01.
    next_year = D(timezone.localdate().year + 1, 1, 3)
    monkeypatch.setattr(tasks.timezone, "localdate", lambda: next_year)
    with django_capture_on_commit_callbacks(execute=True):
        first_of_next_year = request_report("monthly", *month_bounds(2026, 12))
    assert Report.objects.get(pk=first_of_next_year.pk).code == "01/BC-BTĐKT"


def test_regeneration_says_what_changed(two_quarters, django_capture_on_commit_callbacks):
    from ..awards.test_awards_workflow import pdf_text

    target = two_quarters["target"]
    bounds = quarter_bounds(2025, 2)
    with django_capture_on_commit_callbacks(execute=True):
        report = request_report("quarterly", *bounds)
    # A figure after the period is corrected: the report produced again says nothing changed.
    Actual.objects.filter(target=target, period=8).update(value=Decimal(99))
    with django_capture_on_commit_callbacks(execute=True):
        request_report("quarterly", *bounds)
    report.refresh_from_db()
    assert "không thay đổi" in report.regeneration_note
    # A figure of the period is corrected: it says which, from what to what.
    Actual.objects.filter(target=target, period=5).update(value=Decimal(30))
    with django_capture_on_commit_callbacks(execute=True):
        request_report("quarterly", *bounds)
    report.refresh_from_db()
    assert "Thu 120: 81 → 96" in report.regeneration_note, report.regeneration_note
    assert "Thu 120: 81 → 96" in pdf_text(report.pdf.read(), layout=False)


def test_a_report_left_running_is_swept_and_produced_once(db, django_capture_on_commit_callbacks, settings):
    with django_capture_on_commit_callbacks(execute=True):
        report = request_report("monthly", *month_bounds(2025, 1))
    report.refresh_from_db()
    number, attempts = report.number, report.attempts
    # Its worker died mid-way: still marked as running, started long ago.
    stale = timezone.now() - dt.timedelta(seconds=settings.REPORT_STALE_SECONDS + 30)
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.RUNNING, started_at=stale)
    # A live one is left alone by the sweep and by a second delivery (its worker holds the report's lock).
    live = request_report("monthly", *month_bounds(2025, 2))
    Report.objects.filter(pk=live.pk).update(status=ReportStatus.RUNNING, started_at=timezone.now())
    worker = connections.create_connection("default")
    with worker.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s, %s)", [tasks.REPORT_LOCK_NAMESPACE, live.pk])
    try:
        assert tasks.generate_report.run(live.pk) == "running elsewhere"
    finally:
        worker.close()
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.sweep_stuck_reports() == 1
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE and report.attempts == attempts + 1 and report.number == number
    # "Lập báo cáo ngay" on a stuck report queues it again.
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.RUNNING, started_at=stale)
    with django_capture_on_commit_callbacks(execute=True):
        request_report("monthly", *month_bounds(2025, 1))
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE and report.attempts == attempts + 2
