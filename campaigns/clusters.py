"""Emulation clusters year by year (cụm, khối thi đua): the Board keeps each year's members, the rotating head
and deputy, and the covenant's signing; a new year starts from last year's members.

Every member of a year with a covenant has a score row: changing the members adds or removes rows until the
results are final (a member that already sent its self-score cannot be taken out).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from organisation.models import Cluster, ClusterMembership, Unit
from organisation.permissions import require_board
from utilities.history import authored_by
from utilities.integrity import refused_as

from .models import ClusterCovenant, MemberScore, ScoreStatus


def units_of_year(year: int):
    """Units that exist at some time in ``year`` (a member of that year's cluster must)."""
    return Unit.objects.filter(Q(established_on__isnull=True) | Q(established_on__lte=datetime.date(year, 12, 31)),
                               Q(dissolved_on__isnull=True) | Q(dissolved_on__gt=datetime.date(year, 1, 1)))


def members(cluster: Cluster, year: int) -> list[ClusterMembership]:
    return list(ClusterMembership.objects.filter(cluster=cluster, year=year).select_related("unit")
                .order_by("-is_head", "-is_deputy", "unit__name"))


def years(cluster: Cluster) -> list[int]:
    return sorted(set(ClusterMembership.objects.filter(cluster=cluster).values_list("year", flat=True)), reverse=True)


def _lock(cluster: Cluster) -> Cluster:
    """One change of a cluster's years at a time: a second waits, then sees the first's members."""
    return Cluster.objects.select_for_update().get(pk=cluster.pk)


def sync_scores(covenant: ClusterCovenant) -> None:
    """A score row for every member of the covenant's year, and none for a unit no longer a member."""
    member_ids = set(ClusterMembership.objects.filter(cluster=covenant.cluster_id, year=covenant.year)
                     .values_list("unit_id", flat=True))
    scores = {s.unit_id: s for s in covenant.scores.select_for_update()}
    gone = [s for unit_id, s in scores.items() if unit_id not in member_ids]
    started = [s.unit.name for s in gone if s.status != ScoreStatus.DRAFT or s.lines.exists()]
    if started:
        raise ValidationError(_("%(names)s already sent a self-score for %(year)s and stays a member.") % {
            "names": ", ".join(started), "year": covenant.year})
    MemberScore.objects.filter(pk__in=[s.pk for s in gone]).delete()
    MemberScore.objects.bulk_create(MemberScore(covenant=covenant, unit_id=unit_id)
                                    for unit_id in member_ids - set(scores))


@transaction.atomic
def set_members(user, cluster: Cluster, year: int, *, units, head: Unit | None, deputy: Unit | None) -> int:
    """The cluster's members in ``year``, with its head and deputy (both members, not the same unit)."""
    require_board(user)
    units = {u.pk: u for u in units}
    if not units:
        raise ValidationError({"units": _("Choose the cluster's members.")})
    existing = set(units_of_year(year).filter(pk__in=units).values_list("pk", flat=True))
    outside = [u.name for pk, u in units.items() if pk not in existing]
    if outside:
        raise ValidationError({"units": _("%(names)s did not exist in %(year)s.") % {
            "names": ", ".join(outside), "year": year}})
    for field, unit in (("head", head), ("deputy", deputy)):
        if unit is not None and unit.pk not in units:
            raise ValidationError({field: _("The head and the deputy must be members of the cluster.")})
    if head is not None and deputy is not None and head.pk == deputy.pk:
        raise ValidationError({"deputy": _("The deputy head is another member than the head.")})
    cluster = _lock(cluster)
    covenant = ClusterCovenant.objects.select_for_update().filter(cluster=cluster, year=year).first()
    if covenant is not None and covenant.is_final:
        raise ValidationError(_("The results of %(year)s are final; the members can no longer change.") % {
            "year": year})
    current = {m.unit_id: m for m in ClusterMembership.objects.select_for_update().filter(cluster=cluster, year=year)}
    for unit_id, membership in current.items():
        if unit_id not in units:
            authored_by(membership, user).delete()
        elif membership.is_head or membership.is_deputy:  # clear roles first: one head and one deputy a year
            membership.is_head = membership.is_deputy = False
            authored_by(membership, user).save()
    for unit_id in units:
        membership = current.get(unit_id) or ClusterMembership(cluster=cluster, year=year, unit_id=unit_id)
        membership.is_head = head is not None and unit_id == head.pk
        membership.is_deputy = deputy is not None and unit_id == deputy.pk
        if membership.pk is None or membership.is_head or membership.is_deputy:
            authored_by(membership, user).save()
    if covenant is not None:
        sync_scores(covenant)
    return len(units)


def previous_year(cluster: Cluster, year: int) -> int | None:
    return (ClusterMembership.objects.filter(cluster=cluster, year__lt=year).order_by("-year")
            .values_list("year", flat=True).first())


@transaction.atomic
def start_year(user, cluster: Cluster, year: int) -> int:
    """``year``'s members copied from the last year that has members (units that still exist in ``year``); the
    head and deputy rotate, so the Board names them."""
    require_board(user)
    cluster = _lock(cluster)
    started = ValidationError(_("The cluster already has members for %(year)s.") % {"year": year})
    if ClusterMembership.objects.filter(cluster=cluster, year=year).exists():
        raise started
    source = previous_year(cluster, year)
    if source is None:
        raise ValidationError(_("No earlier year has members to start from."))
    alive = units_of_year(year)
    copied = [authored_by(ClusterMembership(cluster=cluster, year=year, unit_id=m.unit_id), user)
              for m in ClusterMembership.objects.filter(cluster=cluster, year=source, unit__in=alive)]
    with refused_as({"cluster_member_once_a_year": started}):
        for membership in copied:
            membership.save()
    covenant = ClusterCovenant.objects.select_for_update().filter(cluster=cluster, year=year).first()
    if covenant is not None:
        sync_scores(covenant)
    return len(copied)


@transaction.atomic
def record_signing(user, covenant: ClusterCovenant, *, signed_on: datetime.date, signatories: str,
                   signed_file=None) -> ClusterCovenant:
    """Who signed the covenant, when, and the signed copy (a file already checked by the form)."""
    require_board(user)
    covenant = ClusterCovenant.objects.select_for_update().get(pk=covenant.pk)
    if signed_on.year not in (covenant.year - 1, covenant.year):
        raise ValidationError({"signed_on": _("A covenant for %(year)s is signed at the end of the year before or "
                                              "in that year.") % {"year": covenant.year}})
    covenant.signed_on, covenant.signatories = signed_on, signatories
    if signed_file:
        covenant.signed_file = signed_file
    authored_by(covenant, user).save()
    return covenant
