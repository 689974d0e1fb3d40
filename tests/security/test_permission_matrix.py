"""Every URL pattern, GET as every role: no server error, login required except public pages,
Board-only pages refused to others, and no access across units (IDOR)."""

import re

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from organisation.models import User

from ..second_factor import login

ROLES = ["anonymous", "demo_staff", "demo_staff_b", "demo_officer", "demo_council", "demo_leader", "demo_admin",
         "demo_signer", "demo_clerk"]
PUBLIC = {"login", "healthz", "ping", "set_language", "public_models", "public_models_feed", "public_model_detail",
          "public_model_photo", "verify_award", "public_comment_list", "public_comment", "verify_document", "schema",
          "api-docs", "api-redoc"}
BOARD_ONLY = {"awards:decision_certificates_status", "awards:decision_certificates_pdf",
              "campaigns:movement_launch", "campaigns:flagged", "campaigns:registration_overview",
              "awards:submission_appraise", "targets:late", "targets:import", "targets:target_create",
              "awards:criteria_coverage", "awards:central_result", "awards:comment_list", "awards:submission_report",
              "organisation:unit_change", "organisation:unit_establish", "awards:outbox", "awards:outbox_excel",
              "campaigns:registration_overview_excel", "legal:holidays"}
# Pages that read their caller's credentials themselves (a scraper's header) and refuse an anonymous one with 401,
# never with a redirect to the login page; only the monitoring account and administrators are let in.
SELF_AUTHENTICATED = {"metrics"}
READERS_ONLY = {"reports:archive", "reports:detail", "reports:download"}
# The fund's ledger: the Board and the leadership read it; unit staff and the Council do not.
FUND_READERS = {"awards:fund_ledger", "awards:fund_excel"}
# Objects that belong to unit A (Sở Kế hoạch và Đầu tư): staff of unit B must not reach them.
UNIT_A_OBJECTS = {"awards:submission_detail", "awards:nominee_add", "awards:import_upload",
                  "awards:attachment_download", "campaigns:programme_detail", "campaigns:task_evidence",
                  "campaigns:model_detail", "campaigns:model_photo", "campaigns:report_attachment",
                  "awards:certificate_pdf", "awards:nominee_edit", "awards:payment_list_pdf",
                  "awards:payment_list_xlsx"}


def _patterns(resolver=None, prefix="", namespace=None):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            yield from _patterns(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield name, prefix + str(entry.pattern)


def _fill(name, route, objects):
    """A concrete URL for a route, with existing objects."""
    values = {
        "code": "so-ke-hoach-dau-tu" if name.startswith("organisation") else "van-hoa-cong-so",
        "year": "2023", "fmt": "pdf", "nominee_pk": str(objects["nominee"]),
        "attachment_pk": str(objects["attachment"]), "kind": "doi-ten",
    }
    if name == "verify_award":
        values["code"] = str(objects["code"])
    pk = objects["pk"].get(name) or (objects["report"] if name.startswith("reports:") else None)
    if pk is None:
        pk = objects["submission"] if name.startswith("awards:") else objects["model"] if "model" in name else 1
    values["pk"] = str(pk)
    route = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values.get(m.group(1), "1"), route)
    route = route.replace("^", "").replace("$", "").replace("\\Z", "").replace("\\.", ".")
    return "/" + route


def _client(role):
    """Each role's session; the signer's and the clerk's verified with their second factor, as they must be."""
    if role == "anonymous":
        return Client()
    return login(role)


def test_every_url_for_every_role(objects):
    patterns = [(n, r) for n, r in _patterns() if not n.startswith("admin:") and "(?P" not in r and
                not r.startswith("api/v1/")]
    assert len(patterns) > 60
    clients = {role: _client(role) for role in ROLES}
    problems = []
    for name, route in patterns:
        url = _fill(name, route, objects)
        for role, client in clients.items():
            response = client.get(url)
            code = response.status_code
            if code >= 500:
                problems.append(f"{role} {url}: {code}")
            elif role == "anonymous" and name not in PUBLIC and code != 302 and not (
                    (route.startswith("api/") or name in SELF_AUTHENTICATED) and code in (401, 403)):
                problems.append(f"anonymous reached {url}: {code}")
            elif name in SELF_AUTHENTICATED and code != (200 if role == "demo_admin" else 401 if role == "anonymous"
                                                         else 403):
                problems.append(f"{role} {url}: {code}")
            elif role in ("demo_staff", "demo_staff_b", "demo_council", "demo_leader", "demo_signer", "demo_clerk") \
                    and name in BOARD_ONLY \
                    and code not in (403, 404):
                problems.append(f"{role} reached Board-only {url}: {code}")
            elif role in ("demo_staff", "demo_staff_b", "demo_clerk") and name in READERS_ONLY and code != 403:
                problems.append(f"{role} reached reports {url}: {code}")
            elif role in ("demo_staff", "demo_staff_b", "demo_council", "demo_signer", "demo_clerk") \
                    and name in FUND_READERS and code != 403:
                problems.append(f"{role} reached the fund's ledger {url}: {code}")
            elif role == "demo_leader" and name in FUND_READERS and code != 200:
                problems.append(f"the leadership cannot read the fund's ledger {url}: {code}")
            elif role == "demo_staff_b" and name in UNIT_A_OBJECTS and code not in (403, 404):
                problems.append(f"staff of unit B reached unit A's {url}: {code}")
    assert problems == []


def test_api_collections_for_every_role(objects):
    from rest_framework.test import APIClient

    for path in ("units", "persons", "movements", "registrations", "submissions", "decisions", "targets",
                 "actuals", "reports", "fund-entries"):
        for role in ROLES:
            client = APIClient()
            if role != "anonymous":
                client.force_authenticate(User.objects.get(username=role))
            response = client.get(f"/api/v1/{path}/")
            assert response.status_code < 500, (role, path)
            if role == "anonymous":
                assert response.status_code in (401, 403), path
    staff_b = APIClient()
    staff_b.force_authenticate(User.objects.get(username="demo_staff_b"))
    assert staff_b.get(f"/api/v1/submissions/{objects['submission']}/").status_code == 404


# --- every POST action, per role ----------------------------------------------------------------------------
# Who passes the permission of each page's write (state and input are checked after it). Everyone else must be
# refused before the input is read (403, or 404 where the object is another unit's) and nothing may be written.
STAFF, BOARD = {"demo_staff", "demo_staff_b"}, {"demo_officer", "demo_admin"}
UNIT_A = {"demo_staff"}
STAFF_RECORDS = STAFF | {"demo_officer"}
WRITERS = {
    "campaigns:movement_launch": BOARD, "campaigns:registration_window": BOARD, "campaigns:registration_edit": STAFF,
    "campaigns:registration_reopen": BOARD, "campaigns:programme_list": STAFF, "campaigns:programme_detail": UNIT_A,
    "campaigns:task_update": UNIT_A, "campaigns:task_edit": UNIT_A,
    "campaigns:review_list": BOARD, "campaigns:review_detail": STAFF,
    "campaigns:inspection_list": BOARD, "campaigns:model_propose": STAFF, "campaigns:model_detail": BOARD,
    "campaigns:covenant_list": BOARD, "campaigns:covenant_finalise": BOARD, "campaigns:score_edit": BOARD,
    "campaigns:cluster_year": BOARD, "campaigns:covenant_signing": BOARD,
    "campaigns:registration_remind": BOARD, "campaigns:review_remind": BOARD,
    "campaigns:movement_close": BOARD,
    "awards:submission_bulk": BOARD, "awards:submission_create": STAFF, "awards:nominee_add": UNIT_A,
    "awards:nominee_edit": UNIT_A, "awards:nominee_delete": UNIT_A, "awards:attachment_add": UNIT_A,
    "awards:import_upload": UNIT_A, "awards:eligibility_recheck": UNIT_A, "awards:submission_submit": UNIT_A,
    "awards:submission_receive": BOARD,
    "awards:submission_assign": BOARD, "awards:submission_appraise": BOARD, "awards:submission_public_comment": BOARD,
    "awards:submission_to_council": BOARD, "awards:submission_close_vote": BOARD, "awards:submission_decide": BOARD,
    "awards:submission_forward": BOARD, "awards:vote": {"demo_council"},
    "awards:submission_redate_meeting": BOARD, "awards:submission_reopen_vote": BOARD,
    "awards:submission_reopen_appraisal": BOARD,
    "awards:vote_all": {"demo_council"}, "awards:submission_return": BOARD,
    "awards:submission_edit": UNIT_A, "organisation:person_create": STAFF_RECORDS,
    "organisation:person_edit": STAFF_RECORDS,
    "organisation:unit_change": BOARD, "organisation:unit_establish": BOARD,
    "awards:outbox": BOARD, "organisation:person_move_out": STAFF_RECORDS,
    "awards:initiative_list": STAFF_RECORDS,
    "awards:nominee_revoke": BOARD, "awards:nominee_recovery": BOARD, "awards:ratings_import": STAFF_RECORDS,
    "awards:notifications": set(ROLES) - {"anonymous"}, "awards:unit_decisions": STAFF,
    "awards:central_result": BOARD, "awards:fund_ledger": BOARD, "awards:fund_reverse": BOARD,
    "awards:comment_moderate": BOARD, "awards:decision_certificates": BOARD,
    # Separation of duties (issue 32): only the designated signer signs, only the records clerk seals; the Board
    # prepares and does neither.
    "awards:decision_sign": {"demo_signer"}, "awards:decision_seal": {"demo_clerk"},
    "targets:milestone": STAFF | BOARD, "targets:report": STAFF | BOARD, "targets:import": BOARD,
    "targets:target_create": BOARD, "reports:archive": BOARD,
    "legal:holidays": BOARD, "legal:holiday_remove": BOARD,
    # every account keeps its own second factor and API token
    "api_token": set(ROLES) - {"anonymous"}, "mfa_recovery_codes": set(ROLES) - {"anonymous"},
    "mfa_disable": set(ROLES) - {"anonymous"}, "mfa_setup": set(ROLES) - {"anonymous"},
    "mfa_verify": set(ROLES) - {"anonymous"},
}
WRITE_COUNT = """SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_xact_user_tables
                 WHERE relname NOT IN ('django_session') AND relname NOT LIKE 'axes%%'"""


def _writes():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(WRITE_COUNT)
        return cursor.fetchone()[0]


def test_every_post_action_for_every_role(objects, covenant):
    objects["pk"].update({"campaigns:covenant_finalise": covenant.pk,
                          "campaigns:score_edit": covenant.scores.get(unit__code="tp-ha-noi").pk})
    routes = dict(_patterns())
    assert set(WRITERS) <= set(routes), set(WRITERS) - set(routes)
    clients = {role: _client(role) for role in ROLES}
    problems = []
    for name, writers in WRITERS.items():
        url = _fill(name, routes[name], objects)
        for role, client in clients.items():
            before = _writes()
            code = client.post(url, {}).status_code
            wrote = _writes() - before
            if code >= 500:
                problems.append(f"{role} POST {url}: {code}")
            elif role == "anonymous":
                if code != 302 or wrote:
                    problems.append(f"anonymous POST {url}: {code}, {wrote} row(s) written")
            elif role not in writers and (code not in (403, 404) or wrote):
                problems.append(f"{role} may not write {name} but got {code}, {wrote} row(s) written")
    print(f"[security record] POST matrix: {len(WRITERS)} actions x {len(clients)} roles")
    assert problems == []


# Pages (by route) that are not in WRITERS and may still write on a POST, and why.
OTHER_WRITES = {
    "lay-y-kien/<int:pk>/": "a citizen's comment on a nominee (public, by design)",
    "dang-nhap/": "the session and the sign-in record",
    "dang-xuat/": "the session",
}


def test_no_page_outside_the_matrix_writes_on_a_post(objects, covenant):
    """Every POST-taking page is in WRITERS: a POST to any other page, by any role, writes nothing (a page that
    starts to accept writes without being added to the matrix fails here)."""
    routes = [(n, r) for n, r in _patterns() if not n.startswith("admin:") and "(?P" not in r
              and not r.startswith("api/") and n not in WRITERS and r not in OTHER_WRITES]
    clients = {role: _client(role) for role in ROLES}
    problems = []
    for name, route in routes:
        url = _fill(name, route, objects)
        for role, client in clients.items():
            before = _writes()
            code = client.post(url, {}).status_code
            wrote = _writes() - before
            if code >= 500 or wrote:
                problems.append(f"{role} POST {url}: {code}, {wrote} row(s) written")
    print(f"[security record] POST outside the matrix: {len(routes)} pages x {len(clients)} roles, no write")
    assert problems == []


FORM = re.compile(r"<form\b[^>]*>", re.I)
# Pages with a second form of another right, posted to the same address: who may see that one.
OTHER_FORMS = {"campaigns:review_detail": BOARD}  # the Board's consolidation beside the units' report


def test_a_page_shows_its_form_only_to_those_who_may_send_it(objects, covenant):
    """Forms only for those who may use them (issue 33, item 7): a role that is refused a page's write is not shown
    that write's form (the leader used to fill in a whole new dossier and be refused only on saving)."""
    objects["pk"].update({"campaigns:covenant_finalise": covenant.pk,
                          "campaigns:score_edit": covenant.scores.get(unit__code="tp-ha-noi").pk})
    routes = dict(_patterns())
    clients = {role: _client(role) for role in ROLES if role != "anonymous"}
    problems = []
    for name, writers in WRITERS.items():
        url = _fill(name, routes[name], objects)
        for role, client in clients.items():
            if role in writers or role in OTHER_FORMS.get(name, ()):
                continue
            response = client.get(url)
            if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                continue
            for tag in FORM.findall(response.content.decode()):
                if 'method="post"' not in tag.lower():
                    continue
                action = re.search(r'action="([^"]*)"', tag)
                if action is None or action.group(1) in ("", url):
                    problems.append(f"{role} is shown the form of {name} ({url})")
    assert problems == [], "\n".join(problems)
