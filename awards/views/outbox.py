"""The Board's outbox of outcome notices, and each awardee's own awards."""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _, ngettext

from organisation.permissions import is_board
from utilities.forms import run_service
from utilities.params import id_list

from .. import outbox
from ..models import Nominee


def outbox_page(request):
    """What will be sent, dossier by dossier; the Board releases those whose decision is issued."""
    is_board.require(request.user)
    if request.method == "POST":
        ids = id_list(request.POST.getlist("submission"))
        run_service(request, lambda: outbox.release(request.user, ids),
                    success=lambda n: ngettext("%(n)s notice sent.", "%(n)s notices sent.", n) % {"n": n})
        return redirect("awards:outbox")
    dossiers = list(outbox.held_dossiers())
    for submission in dossiers:
        submission.ready = outbox.is_ready(submission)
    return render(request, "awards/outbox.html", {"dossiers": dossiers, "sent": outbox.recently_sent(),
                                                  "ready_count": sum(1 for s in dossiers if s.ready)})


def my_awards(request):
    """The awards the signed-in person received (their staff record linked to the account)."""
    person_id = request.user.person_id
    awards = (Nominee.objects.filter(person_id=person_id).awarded()
              .select_related("award_type", "decision", "revoked_by", "submission__unit")
              .order_by("-decision__issued_on")
              if person_id else Nominee.objects.none())
    return render(request, "awards/my_awards.html", {"awards": awards, "has_person": bool(person_id),
                                                     "title": _("My awards")})
