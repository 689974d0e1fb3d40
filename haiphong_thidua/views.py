from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from organisation.roles import Role, user_roles
from organisation.scoping import visible_units

from .health import broker_status, database_status, worker_status


@login_not_required
@never_cache
def healthz(request):
    db, broker = database_status(), broker_status()
    ok = db["ok"] and broker["ok"]
    return JsonResponse(
        {"status": "ok" if ok else "degraded", "database": db, "broker": broker, "worker": worker_status()},
        status=200 if db["ok"] else 503,
    )


@login_not_required
def ping(request):
    """The cheapest page the stack can serve: the framework's ceiling in benchmarks."""
    from django.http import HttpResponse

    return HttpResponse("ok", content_type="text/plain")


def home(request):
    """One home page; its panels depend on the user's roles."""
    from awards.models import Notification, Status
    from awards.services import visible_submissions

    roles = user_roles(request.user)
    submissions = visible_submissions(request.user)
    context = {
        "dossiers_open": submissions.exclude(status__in=[Status.DECIDED, Status.FORWARDED, Status.CLOSED]).count(),
        "dossiers_to_receive": submissions.filter(status=Status.SUBMITTED).count()
        if Role.BOARD_OFFICER in roles else 0,
        "dossiers_overdue": submissions.overdue().count(),
        "dossiers_returned": submissions.filter(status=Status.RETURNED).count(),
        "dossiers_in_council": submissions.filter(status=Status.IN_COUNCIL).count(),
        "unread": Notification.objects.filter(user=request.user, read_at__isnull=True).count(),
        "is_staff_role": Role.UNIT_STAFF in roles,
        "is_officer": Role.BOARD_OFFICER in roles,
        "is_council": Role.COUNCIL_MEMBER in roles,
        "is_leader": Role.LEADER in roles,
        "is_admin": Role.ADMINISTRATOR in roles,
        "unit": request.user.unit,
        "visible_unit_count": visible_units(request.user).count(),
    }
    return render(request, "home.html", context)
