"""Default periodic tasks, stored in the database (django-celery-beat) so that
administrators can change them in /admin/ without a deploy."""

import json

from django_celery_beat.models import CrontabSchedule, IntervalSchedule, PeriodicTask

from .backup import BACKUP_TASK
from .models import ReminderKind, ReminderRule
from .tasks import HEARTBEAT_TASK

REPORT_TASK = "reports.tasks.request_periodic_report"
REMINDER_TASK = "haiphong_thidua.tasks.send_reminders"
INTERVAL_TASKS = [
    # name, task, every (seconds)
    ("Nhịp tim worker (heartbeat)", HEARTBEAT_TASK, 60),
    ("Lập lại báo cáo bị gián đoạn", "reports.tasks.sweep_stuck_reports", 60),
    ("Nhập lại tệp Excel bị gián đoạn", "haiphong_thidua.tasks.sweep_stuck_imports", 60),
    ("Báo lỗi chữ ký số không được máy ký xử lý", "documents.tasks.sweep_stale_signing_jobs", 60),
]
CRONTAB_TASKS = [
    # name, task, kwargs, crontab fields (Asia/Ho_Chi_Minh)
    ("Báo cáo tháng", REPORT_TASK, {"kind": "monthly"}, {"minute": "0", "hour": "6", "day_of_month": "1"}),
    ("Báo cáo quý", REPORT_TASK, {"kind": "quarterly"},
     {"minute": "30", "hour": "6", "day_of_month": "1", "month_of_year": "1,4,7,10"}),
    ("Báo cáo thống kê năm (TT 02/2023/TT-BNV)", REPORT_TASK, {"kind": "yearly_statistics"},
     {"minute": "0", "hour": "7", "day_of_month": "5", "month_of_year": "1"}),
    ("Nhắc hạn (đăng ký, báo cáo, nhiệm vụ, thẩm định, số liệu, lấy ý kiến)", REMINDER_TASK, {},
     {"minute": "0", "hour": "7", "day_of_month": "*"}),
    ("Sao lưu hằng đêm (CSDL, tệp, chứng thư số; kiểm tra và xoay vòng)", BACKUP_TASK, {},
     {"minute": "30", "hour": "2", "day_of_month": "*"}),
]
# The reminder schedule's defaults (ReminderRule): days before each kind of deadline. The Board changes them in the
# admin; ensure_reminder_rules never overwrites a change.
K = ReminderKind
DEFAULT_REMINDERS = [(K.REGISTRATION, 7), (K.REGISTRATION, 1), (K.REVIEW_REPORT, 7), (K.REVIEW_REPORT, 1),
                     (K.PROGRAMME_TASK, 3), (K.APPRAISAL, 3), (K.TARGET_FIGURES, 5), (K.TARGET_FIGURES, 1),
                     (K.PUBLIC_COMMENT, 1)]


def ensure_default_schedules() -> int:
    """Create missing default schedules; never overwrite what an administrator changed."""
    for name, task, seconds in INTERVAL_TASKS:
        every, _ = IntervalSchedule.objects.get_or_create(every=seconds, period=IntervalSchedule.SECONDS)
        PeriodicTask.objects.get_or_create(name=name, defaults={"task": task, "interval": every})
    for name, task, kwargs, fields in CRONTAB_TASKS:
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute=fields["minute"], hour=fields["hour"], day_of_month=fields["day_of_month"],
            month_of_year=fields.get("month_of_year", "*"), day_of_week="*", timezone="Asia/Ho_Chi_Minh")
        PeriodicTask.objects.get_or_create(name=name, defaults={"task": task, "crontab": crontab,
                                                                "kwargs": json.dumps(kwargs)})
    return len(INTERVAL_TASKS) + len(CRONTAB_TASKS)


def ensure_reminder_rules() -> int:
    """Create the default reminder schedule where a kind has none yet."""
    kinds = set(ReminderRule.objects.values_list("kind", flat=True))
    created = [ReminderRule(kind=kind, days_before=days) for kind, days in DEFAULT_REMINDERS if kind not in kinds]
    ReminderRule.objects.bulk_create(created)
    return len(created)
