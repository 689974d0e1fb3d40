from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from awards import services, signed_documents
from awards.models import NoticeStatus, OutcomeNotice, Status, Submission
from core.health import broker_status, cache_status, database_status, queues_status, storage_status, worker_status
from core.import_jobs import rows_read, rows_saved
from core.models import ImportJob
from core.notify import unread_count
from core.reminders import upcoming_for
from organisation.permissions import is_board, is_board_officer
from organisation.scoping import visible_units


@login_not_required
@never_cache
def healthz(request):
    """Anonymous callers (load balancers, monitors) learn "ok" or "degraded" and, when degraded, which parts are down;
    the Board and administrators also see each part's details and the worker's last heartbeat. 503 when the database
    is down (nothing works); a failed cache, storage, broker or queue is "degraded" (some pages and tasks fail)."""
    parts = {"database": database_status(), "cache": cache_status(), "storage": storage_status(),
             "broker": broker_status()}
    parts["queues"] = queues_status() if parts["broker"]["ok"] else {"ok": False, "error": "broker unreachable"}
    down = [name for name, part in parts.items() if not part["ok"]]
    body = {"status": "degraded" if down else "ok"}
    if down:
        body["down"] = down
    if request.user.is_authenticated and is_board(request.user):
        body.update(version=settings.PORTAL_VERSION, worker=worker_status(), **parts)
    return JsonResponse(body, status=200 if parts["database"]["ok"] else 503)


@login_not_required
def ping(request):
    """The cheapest page the stack can serve: the framework's ceiling in benchmarks."""
    return HttpResponse("ok", content_type="text/plain")


def home(request):
    """One home page; its panels depend on the user's roles."""
    user = request.user
    submissions = Submission.objects.visible_to(user)
    context = {
        "dossiers_open": submissions.unfinished().count(),
        "dossiers_to_receive": submissions.filter(status__in=services.receive.transition.sources).count()
        if is_board_officer(user) else 0,
        "dossiers_overdue": submissions.overdue().count(),
        "dossiers_returned": submissions.filter(status=Status.RETURNED).count(),
        "dossiers_in_council": submissions.filter(status__in=services.close_vote.transition.sources).count(),
        "unread": unread_count(request.user),
        "unit": request.user.unit,
        "visible_unit_count": visible_units(request.user).count(),
        "deadlines": upcoming_for(user)[:12],
        "outbox_waiting": OutcomeNotice.objects.filter(status=NoticeStatus.HELD).values("submission").distinct()
        .count() if is_board_officer(user) else 0,
        "signing_waiting": signed_documents.waiting_for(user),
    }
    return render(request, "home.html", context)


def import_job(request, pk):
    """A large Excel import's progress and result; only its owner sees it (another id is a 404)."""
    job = get_object_or_404(ImportJob, pk=pk, user=request.user)
    template = "_import_job_status.html" if request.headers.get("HX-Request") else "import_job.html"
    done, saved = rows_read(job), rows_saved(job)
    percent = int((done if saved is None else saved) * 100 / job.rows_total) if job.rows_total else 0
    return render(request, template, {"job": job, "rows_read": done, "rows_saved": saved, "percent": percent})
