"""Every write of the REST API, for every role: who first, then what.

The routes come from the router (each viewset's create/update/destroy where it allows them, and every extra
action taking POST, PUT, PATCH or DELETE), so a new write is not covered until it is given its rights here.
A role without the right is refused before the body is read, with a body that would be valid as with an empty or
malformed one: 403 with the predicate's message (404 where the record is outside its scope), never a 400 listing
the field rules, and nothing is written. A role with the right, sending that body, gets its 2xx.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.urls import reverse
from rest_framework.test import APIClient

from awards import services
from awards.models import Appraisal, CouncilMeeting, Status
from organisation import permissions
from organisation.models import User
from targets.models import Target, TargetKind

from ..awards_helpers import _after, draft, person, to_state

# The signer (the Chairman) and the records clerk (văn thư) of issue 32 write nothing through the API: they sign and
# seal on the decision's page only.
ROLES = ["demo_staff", "demo_staff_b", "demo_officer", "demo_council", "demo_leader", "demo_admin", "demo_signer",
         "demo_clerk"]
STAFF, BOARD, UNIT_A, COUNCIL = ({"demo_staff", "demo_staff_b"}, {"demo_officer", "demo_admin"}, {"demo_staff"},
                                 {"demo_council"})
WRITE_METHODS = ("post", "put", "patch", "delete")
# The standard writes of a viewset: the method each takes and whether it acts on one record.
STANDARD_WRITES = {"create": ("post", False), "update": ("put", True), "partial_update": ("patch", True),
                   "destroy": ("delete", True)}
# What a refused role may also send: nothing, or fields of the wrong type and unknown references.
BAD_BODIES = ({}, {"unit": "khong-co", "year": "abc", "officer": "x", "verdicts": "x", "votes": [], "meeting": -1,
                   "issued_on": "hôm qua", "target": -1, "period": "x", "name": "", "subject": "?"})


# Rows inserted, updated or deleted in this transaction, by PostgreSQL's own counters (as the pages' POST matrix).
WRITE_COUNT = """SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_xact_user_tables
                 WHERE relname NOT IN ('django_session') AND relname NOT LIKE 'axes%%'"""


def _writes() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(WRITE_COUNT)
        return cursor.fetchone()[0]


@dataclass(frozen=True)
class Write:
    roles: set  # the roles with the right (a record outside a role's scope is still not found: 404)
    body: Callable  # (context, user of an allowed role) -> a body valid for that role
    record: str | None = None  # the context's record the write acts on (None: a write on the collection)


def _nominee(ctx, key):
    return ctx[key].nominees.get().pk


def _target(ctx, user):
    """A target ``user`` reports (the Board: any; unit staff: their unit's)."""
    return ctx["targets"].get(user.username, ctx["targets"]["demo_staff"])


def _figure(target) -> str:
    """A figure inside what the target allows."""
    low, high = target.allowed_min, target.allowed_max
    if low is not None and high is not None:
        return str((low + high) / 2)
    return str(low if low is not None else high if high is not None else 1)


EXPECTED = {
    ("submission", "create"): Write(STAFF, lambda ctx, user: {
        "unit": user.unit.code, "title": "Đề nghị khen thưởng qua API", "round_kind": "ad_hoc", "year": 2023,
        "commendation_type": "ad_hoc"}),
    ("submission", "nominees"): Write(UNIT_A, lambda ctx, user: {
        "subject": "individual", "person": ctx["person"].pk, "name": ctx["person"].full_name,
        "award_type": "bang-khen-chu-tich", "achievement_summary": "Hoàn thành xuất sắc nhiệm vụ"}, "at_draft"),
    ("submission", "submit"): Write(UNIT_A, lambda ctx, user: {}, "at_draft"),
    ("submission", "receive"): Write(BOARD, lambda ctx, user: {}, "at_submitted"),
    ("submission", "return_to_unit"): Write(BOARD, lambda ctx, user: {"reason": "Bổ sung báo cáo thành tích"},
                                            "at_submitted"),
    ("submission", "assign"): Write(BOARD, lambda ctx, user: {"officer": ctx["officer"].pk}, "at_received"),
    ("submission", "appraise"): Write(BOARD, lambda ctx, user: {"verdicts": [
        {"nominee": _nominee(ctx, "at_assigned"), "verdict": "eligible", "reason": "Đủ điều kiện"}]}, "at_assigned"),
    ("submission", "to_council"): Write(BOARD, lambda ctx, user: {"meeting": ctx["meeting"].pk}, "at_appraised"),
    ("submission", "open_public_comment"): Write(BOARD, lambda ctx, user: {}, "at_appraised_state_award"),
    ("submission", "votes"): Write(COUNCIL, lambda ctx, user: {"votes": [
        {"nominee": _nominee(ctx, "at_in_council"), "choice": "yes"}]}, "at_in_council"),
    ("submission", "close_vote"): Write(BOARD, lambda ctx, user: {}, "at_in_council"),
    ("submission", "decide"): Write(BOARD, lambda ctx, user: {
        "issued_on": _after(ctx["at_voted"], 15).isoformat(), "signer_name": "Nguyễn Văn Tùng",
        "accept_overdraft": True}, "at_voted"),
    ("submission", "forward"): Write(BOARD, lambda ctx, user: {"note": "Chuyển Bộ Nội vụ"}, "at_voted_central"),
    ("submission", "reopen_vote"): Write(BOARD, lambda ctx, user: {"reason": "Kiểm phiếu trước khi đủ phiếu"},
                                         "at_voted"),
    ("submission", "reopen_appraisal"): Write(BOARD, lambda ctx, user: {"reason": "Thẩm định lại"}, "at_appraised"),
    ("movement", "create"): Write(BOARD, lambda ctx, user: {
        "name": "Phong trào thi đua chuyển đổi số", "kind": "thematic", "authority": "city_chairman",
        "scope": "citywide", "starts_on": "2025-01-01", "ends_on": "2025-12-31"}),
    ("actual", "create"): Write(STAFF | BOARD, lambda ctx, user: {
        "target": _target(ctx, user).pk, "period_kind": "quarter", "period": 1, "value": _figure(_target(ctx, user)),
        "source": "Cục Thống kê"}),
}


def api_writes():
    """(basename, action, method, detail, viewset) for every write the router serves."""
    from haiphong_thidua.api_urls import router

    for _prefix, viewset, basename in router.registry:
        allowed = set(viewset.http_method_names)
        for action, (method, detail) in STANDARD_WRITES.items():
            if hasattr(viewset, action) and method in allowed:
                yield basename, action, method, detail, viewset
        for extra in viewset.get_extra_actions():
            for method, action in extra.mapping.items():
                if method in WRITE_METHODS and method in allowed:
                    yield basename, action, method, extra.detail, viewset


def _url(basename, action, detail, viewset, record=None, name=None):
    """The action's URL, reversed by the router's names (``unit-list``, ``submission-detail``,
    ``submission-close-vote``); ``name`` another route of the same record or collection."""
    if name is None:
        name = ("detail" if detail else "list") if action in STANDARD_WRITES else getattr(viewset, action).url_name
    kwargs = {viewset.lookup_url_kwarg or viewset.lookup_field: getattr(record, viewset.lookup_field)} if detail else {}
    return reverse(f"{basename}-{name}", kwargs=kwargs)


def test_every_api_write_has_its_rights_in_the_matrix():
    """A new write of the API (a viewset, a create, an action) fails here until its rights are written down."""
    served = {(basename, action) for basename, action, *_rest in api_writes()}
    assert served - set(EXPECTED) == set(), "API writes without expected rights in tests/security/test_api_matrix.py"
    assert set(EXPECTED) - served == set(), "rights written down for API writes the router no longer serves"


@pytest.fixture
def context(db):
    """A record in the state each write starts from, so that an allowed role's body is accepted."""
    officer, council = User.objects.get(username="demo_officer"), User.objects.get(username="demo_council")
    in_council = to_state(draft(names=("Đỗ Văn Giang",)), Status.IN_COUNCIL)
    for nominee in in_council.nominees.filter(appraisal=Appraisal.ELIGIBLE):
        services.cast_vote(council, nominee, "yes")
    appraised = to_state(draft(names=("Lê Văn Cường",)), Status.APPRAISED)
    growth = Target.objects.get(indicator__code="grdp-growth", year=2023)
    other = Target.objects.filter(kind=TargetKind.NUMERIC, year=2023).exclude(pk=growth.pk).first()
    other.responsible_unit = User.objects.get(username="demo_staff_b").unit
    other.save()
    return {
        "officer": officer, "person": person("Ngô Thị Lan"),
        "at_draft": draft(names=("Nguyễn Văn An",)),
        "at_submitted": to_state(draft(names=("Trần Thị Bích",)), Status.SUBMITTED),
        "at_received": to_state(draft(names=("Phạm Văn Dũng",)), Status.RECEIVED),
        "at_assigned": to_state(draft(names=("Hoàng Thị Em",)), Status.ASSIGNED),
        "at_appraised": appraised,
        "at_appraised_state_award": to_state(draft(award="cstd-toan-quoc", names=("Vũ Thị Hạnh",)), Status.APPRAISED),
        "at_in_council": in_council,
        "at_voted": to_state(draft(names=("Bùi Văn Khoa",)), Status.VOTED),
        "at_voted_central": to_state(draft(award="bang-khen-thu-tuong", names=("Phạm Thị Mai",)), Status.VOTED),
        "meeting": CouncilMeeting.objects.create(held_on=_after(appraised, 10), title="Phiên họp qua API"),
        "targets": {"demo_staff": growth, "demo_staff_b": other, "demo_officer": growth, "demo_admin": growth},
    }


def _send(client, method, url, body):
    return getattr(client, method)(url, body, format="json")


def _state(record):
    if record is None:
        return None
    record.refresh_from_db()
    return record.status


def test_every_api_write_for_every_role(context):
    """Roles without the right: 403 with the predicate's message (404 outside their scope) before the body is read,
    whatever the body, and no row written. Roles with the right: their valid body is accepted (2xx)."""
    users = {role: User.objects.get(username=role) for role in ROLES}
    clients = {}
    for role, user in users.items():
        clients[role] = APIClient()
        clients[role].force_authenticate(user)
    messages = {str(p.message) for p in vars(permissions).values() if isinstance(p, permissions.Predicate)}
    problems, cases, refusals = [], 0, 0
    for basename, action, method, detail, viewset in api_writes():
        write = EXPECTED.get((basename, action))
        if write is None:  # test_every_api_write_has_its_rights_in_the_matrix names it
            problems.append(f"{basename}.{action}: no expected rights")
            continue
        record = context[write.record] if write.record else None
        url = _url(basename, action, detail, viewset, record)
        first_allowed = users[sorted(write.roles)[0]]
        before = _state(record)
        start = _writes()
        anonymous = _send(APIClient(), method, url, write.body(context, first_allowed))
        if anonymous.status_code not in (401, 403) or _writes() != start:
            problems.append(f"anonymous {method.upper()} {url}: {anonymous.status_code}")
        for role, client in clients.items():
            cases += 1
            label = f"{role} {method.upper()} {url} ({basename}.{action})"
            if role in write.roles:
                with transaction.atomic():  # each allowed role starts from the same state
                    response = _send(client, method, url, write.body(context, users[role]))
                    transaction.set_rollback(True)
                if not 200 <= response.status_code < 300:
                    problems.append(f"{label}: allowed but got {response.status_code} {response.content[:300]!r}")
                continue
            # outside the role's scope (another unit's record, a draft before it is sent): not found
            hidden = detail and client.get(_url(basename, action, True, viewset, record, "detail")).status_code == 404
            expected = 404 if hidden else 403
            for body in (write.body(context, first_allowed), *BAD_BODIES):
                refusals += 1
                start = _writes()
                response = _send(client, method, url, body)
                wrote = _writes() - start
                detail_text = response.json().get("detail") if response.status_code == 403 else None
                if response.status_code != expected or wrote:
                    problems.append(f"{label} body={sorted(body)}: expected {expected}, got {response.status_code} "
                                    f"{response.content[:200]!r}, {wrote} row(s) written")
                elif expected == 403 and detail_text not in messages:
                    problems.append(f"{label}: 403 without a predicate's message: {detail_text!r}")
        if _state(record) != before:
            problems.append(f"{basename}.{action}: the record moved from {before} to {_state(record)}")
    print(f"[security record] API write matrix: {len(EXPECTED)} writes x {len(ROLES)} roles = {cases} cases; "
          f"{refusals} refused requests (valid, empty and malformed bodies), 0 rows written")
    assert problems == []


def test_writes_a_route_does_not_take_and_options(db):
    """A write method a route does not serve is answered 405 (or refused, 403) for every role, never a server error
    for want of rights; OPTIONS (which asks the rights of a POST or PUT it describes) answers every role."""
    from haiphong_thidua.api_urls import router

    served = {(basename, method, detail) for basename, _action, method, detail, _viewset in api_writes()}
    problems = []
    for role in ROLES:
        client = APIClient()
        client.force_authenticate(User.objects.get(username=role))
        for _prefix, viewset, basename in router.registry:
            for detail in (False, True):
                kwargs = {viewset.lookup_url_kwarg or viewset.lookup_field: "0"} if detail else {}
                url = reverse(f"{basename}-{'detail' if detail else 'list'}", kwargs=kwargs)
                options = client.options(url).status_code
                if options not in (200, 403, 404):
                    problems.append(f"{role} OPTIONS {url}: {options}")
                for method in WRITE_METHODS:
                    if (basename, method, detail) in served:
                        continue
                    start = _writes()
                    code = _send(client, method, url, {}).status_code
                    if code not in (403, 405) or _writes() != start:
                        problems.append(f"{role} {method.upper()} {url}: {code}")
    assert problems == []


# --- every read of the API, per role ----------------------------------------------------------------------------
# Who reads what (organisation.scoping and the named predicates, as on the pages): the city-wide roles (Board,
# Council, leadership, administrators, and the signer: the Chairman reads what they sign) see every unit's records
# and every dossier once sent; unit staff their own unit and the units under it, drafts included; the records clerk
# every decision (what they seal) and no dossier, person, unit or registration; the fund's ledger is the Board's and
# the leadership's, the reports the city-wide roles'.
CITY = {"demo_officer", "demo_council", "demo_leader", "demo_admin", "demo_signer"}
EVERYONE = set(ROLES)
READS = {  # basename: (roles that may list it at all, roles that see the unit A record, the context's record)
    "unit": (EVERYONE, CITY | UNIT_A, "unit"),
    "person": (EVERYONE, CITY | UNIT_A, "person"),
    "movement": (EVERYONE, EVERYONE, "movement"),
    "registration": (EVERYONE, CITY | UNIT_A, "registration"),
    "submission": (EVERYONE, CITY | UNIT_A, "sent_dossier"),
    "decision": (EVERYONE, CITY | UNIT_A | {"demo_clerk"}, "decision"),
    "fund-entry": (BOARD | {"demo_leader"}, BOARD | {"demo_leader"}, "fund_entry"),
    "target": (EVERYONE, EVERYONE, "target"),
    "actual": (EVERYONE, EVERYONE, "actual"),
    "report": (CITY, CITY, "report"),
}


@pytest.fixture
def readable(objects):
    """One record of unit A (or of the city) for each collection of the API, and a draft only its unit sees."""
    from awards.models import Decision, FundEntry, Submission
    from campaigns.models import Movement, Registration
    from organisation.models import Unit
    from reports.models import Report
    from targets.models import Actual

    unit = Unit.objects.get(code="so-ke-hoach-dau-tu")
    growth = Target.objects.get(indicator__code="grdp-growth", year=2023)
    registration = Registration.objects.filter(unit=unit).first() or Registration.objects.create(unit=unit, year=2031)
    return {
        "unit": unit, "person": person("Ngô Thị Lan"), "movement": Movement.objects.get(code="van-hoa-cong-so"),
        "registration": registration, "sent_dossier": Submission.objects.get(pk=objects["submission"]),
        "decision": Decision.objects.get(pk=objects["decision"]), "fund_entry": FundEntry.objects.order_by("pk").last(),
        "target": growth, "report": Report.objects.get(pk=objects["report"]),
        "actual": Actual.objects.create(target=growth, period_kind="quarter", period=1, value=1, source="Cục Thống kê"),
        "unsent_dossier": draft(names=("Trần Văn Bình",)),
    }


def _ids(client, url, field) -> set:
    """Every ``field`` (the id, or the code a route looks records up by) a collection lists, page after page."""
    found = set()
    while url:
        body = client.get(url).json()
        found |= {row[field] for row in body["results"]}
        url = body.get("next")
    return found


def test_every_api_read_for_every_role(readable):
    """Each role's answer to each collection and to one record of it: listed and shown (200), left out and not found
    (404: outside its scope), or refused (403 with the predicate's message) for a collection it may not read."""
    from haiphong_thidua.api_urls import router

    assert set(READS) == {basename for _prefix, _viewset, basename in router.registry}, "a new collection: add it"
    messages = {str(p.message) for p in vars(permissions).values() if isinstance(p, permissions.Predicate)}
    problems = []
    for role in ROLES:
        client = APIClient()
        client.force_authenticate(User.objects.get(username=role))
        for _prefix, viewset, basename in router.registry:
            readers, seers, key = READS[basename]
            record = readable[key]
            lookup = getattr(record, viewset.lookup_field)
            listing = reverse(f"{basename}-list")
            detail = _url(basename, "retrieve", True, viewset, record, "detail")
            if role not in readers:
                for url in (listing, detail):
                    response = client.get(url)
                    if response.status_code != 403 or response.json().get("detail") not in messages:
                        problems.append(f"{role} GET {url}: expected 403 with a predicate's message, got "
                                        f"{response.status_code} {response.content[:200]!r}")
                continue
            field = "id" if viewset.lookup_field == "pk" else viewset.lookup_field
            listed = lookup in _ids(client, listing + ("?q=ngo thi lan" if basename == "person" else ""), field)
            shown = client.get(detail).status_code
            if listed != (role in seers) or shown != (200 if role in seers else 404):
                problems.append(f"{role} {basename} {lookup}: listed {listed}, detail {shown}; expected "
                                f"{'seen' if role in seers else 'not found'}")
        # a draft belongs to its unit until it is sent; nobody but its unit's staff reads it
        draft_seen = client.get(reverse("submission-detail", kwargs={"pk": readable["unsent_dossier"].pk})).status_code
        if draft_seen != (200 if role in UNIT_A else 404):
            problems.append(f"{role} read unit A's draft: {draft_seen}")
        # the dossier's ``actions`` offer the signer nothing (they sign on the decision's page, not through the API)
        if role == "demo_signer":
            shown = client.get(reverse("submission-detail", kwargs={"pk": readable["sent_dossier"].pk})).json()
            if shown["actions"]:
                problems.append(f"the signer is offered {shown['actions']} on a dossier")
    assert problems == []
