"""The workflow tables are the one source of the states: services, pages, the API, docs/workflows.md and these
tests read them, and no view, template, API module or test spells a state out."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.urls import resolve, reverse

from awards import services, views as award_views
from awards.api import SubmissionViewSet
from awards.models import Nominee, Outcome, Status, VoteChoice
from awards.workflow import COMMENT, DOSSIER, SIGNATURE
from campaigns import services as campaign_services
from campaigns.models import (
    ExemplaryModel,
    ModelKind,
    ModelStatus,
    Movement,
    MovementStatus,
    RegistrationStatus,
    RoundStatus,
    ScoreStatus,
)
from campaigns.workflow import MOVEMENT, WORKFLOWS
from core.audit import trail
from reports.models import ReportStatus

from ..awards_helpers import MAIN_PATH, draft, path_to, to_state, users

ROOT = Path(__file__).resolve().parents[2]
STATE_ENUMS = (Status, ModelStatus, MovementStatus, RegistrationStatus, RoundStatus, ScoreStatus, ReportStatus)
# Quoted words that are states elsewhere but something else here (a URL name, a msgid).
NOT_A_STATE = (re.compile(r"""\{%\s*(?:url|translate|blocktranslate)\s+(["']).*?\1"""),
               re.compile(r"""reverse\((["']).*?\1"""), re.compile(r'"public_comment(?:_list)?",'))


# Where pages, the API and the tests live (a module split into a package stays covered).
VIEW_AND_API = ("*/views.py", "*/views_*.py", "*/views/*.py", "*/api.py", "*/api/*.py")


def _files():
    for pattern in (*VIEW_AND_API, "templates/**/*.html", "*/templates/**/*.html", "tests/**/*.py"):
        for path in ROOT.glob(pattern):
            if ".venv" not in path.parts and path.name != Path(__file__).name:
                yield path


def test_no_state_literal_outside_the_tables_and_models():
    states = sorted({v for enum in STATE_ENUMS for v in enum.values}, key=len, reverse=True)
    literal = re.compile(r"""(["'])(""" + "|".join(states) + r""")\1""")
    found = []
    for path in _files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            cleaned = line
            for pattern in NOT_A_STATE:
                cleaned = pattern.sub("", cleaned)
            if literal.search(cleaned):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert found == []


def test_readme_shows_the_tables_as_they_are():
    readme = (ROOT / "docs" / "workflows.md").read_text(encoding="utf-8")
    for workflow in (DOSSIER, COMMENT, SIGNATURE, *WORKFLOWS):
        assert f"```mermaid\n{workflow.mermaid()}\n```" in readme, f"docs/workflows.md diagram of {workflow.name} is stale"


def test_every_state_is_reachable_and_every_api_action_is_in_the_table():
    reached = {DOSSIER.initial} | {t for tr in DOSSIER for t in tr.targets}
    assert reached == set(Status.values)
    api_actions = {name for name in dir(SubmissionViewSet)
                   if hasattr(getattr(SubmissionViewSet, name), "mapping")} - {"nominees", "votes"}
    moving = {t.name for t in DOSSIER if t.targets}
    assert api_actions == moving  # every state change of the table is an API action, and no other
    assert path_to(Status.DRAFT, Status.DECIDED) == list(MAIN_PATH)


@pytest.mark.parametrize("state", [Status.SUBMITTED, Status.RECEIVED, Status.ASSIGNED, Status.APPRAISED,
                                   Status.IN_COUNCIL, Status.VOTED])
def test_each_role_is_offered_exactly_what_the_table_allows(db, client, state):
    submission = to_state(draft(), state)
    for username, user in users().items():
        client.force_login(user)
        page = client.get(reverse("awards:submission_detail", args=[submission.pk]))
        if page.status_code == 404:
            continue  # another unit's staff
        html = page.content.decode()
        offered = DOSSIER.offered(user, submission)
        for transition in DOSSIER:
            if not transition.url_name:
                continue
            url = reverse(transition.url_name, args=[submission.pk])
            expected = any(o.transition is transition for o in offered)
            assert (f'"{url}"' in html) is expected, (username, state, transition.name)


def test_check_refuses_the_wrong_role_and_the_wrong_state(db):
    u = users()
    submission = to_state(draft(), Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        DOSSIER.check("receive", u["demo_staff"], submission)
    with pytest.raises(ValidationError):
        DOSSIER.check("close_vote", u["demo_officer"], submission)
    assert DOSSIER.check("receive", u["demo_officer"], submission).target == Status.RECEIVED


def test_bulk_outcome_changes_keep_their_history(db):
    submission = to_state(draft(names=("Người đạt", "Người không đạt")), Status.IN_COUNCIL)
    u = users()
    first, second = submission.nominees.order_by("id")
    services.cast_vote(u["demo_council"], first, VoteChoice.YES)
    services.cast_vote(u["demo_council"], second, VoteChoice.NO)
    services.close_vote(u["demo_officer"], submission)
    to_state(submission, Status.DECIDED)
    rejected = Nominee.objects.get(pk=second.pk)
    assert rejected.outcome == Outcome.REJECTED
    last = rejected.history.order_by("-history_date").first()
    assert last.outcome == Outcome.REJECTED and last.history_user == u["demo_officer"]


# Every table's every action is taken by the engine (utilities/workflow.py); SIGNATURE's two steps run on the signing
# host (awards/signed_documents.py, a signing job's task).
ENGINE_TABLES = (DOSSIER, COMMENT, SIGNATURE, *WORKFLOWS)


def test_every_row_has_one_handler_and_every_handler_a_row():
    for workflow in ENGINE_TABLES:
        assert set(workflow.handlers) == set(workflow.transitions), workflow.name
        assert workflow.audit is not None, f"{workflow.name} has no audit writer"
    with pytest.raises(ImproperlyConfigured):
        DOSSIER.action("receive")(lambda user, submission: None)  # a second handler for a row
    with pytest.raises(ImproperlyConfigured):
        DOSSIER.action("no_such_action")
    assert DOSSIER.handlers["receive"] is services.receive.handler


def test_no_action_name_outside_the_tables_in_pages_and_the_api():
    """Pages and the API reach a row through its function (``services.receive.transition``) or the table's
    dispatcher, never by spelling the action's name again."""
    apps = ("awards", "campaigns", "haiphong_thidua")
    names = sorted({t.name for workflow in ENGINE_TABLES for t in workflow}, key=len, reverse=True)
    literal = re.compile(r"""(["'])(""" + "|".join(names) + r""")\1""")
    found = []
    for pattern in VIEW_AND_API:
        for path in ROOT.glob(pattern):
            if path.parts[len(ROOT.parts)] not in apps:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if literal.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:100]}")
    assert found == []


def test_old_action_addresses_reach_the_one_dispatch_view(db):
    for transition in DOSSIER:
        if transition.path:
            match = resolve(reverse(transition.url_name, args=[7]))
            assert match.func is award_views.submission_action and match.kwargs == {"pk": 7, "action": transition.name}
    assert resolve("/khen-thuong/ho-so/7/tiep-nhan/").kwargs["action"] == services.receive.transition.name


def test_the_engine_audits_a_campaign_action_once_and_a_refused_one_not_at_all(db):
    u = users()
    movement = Movement.objects.filter(status=MovementStatus.ACTIVE).first()
    with pytest.raises(PermissionDenied):
        campaign_services.close_movement(u["demo_staff"], movement)
    assert not trail(movement).exists()
    campaign_services.close_movement(u["demo_officer"], movement)
    movement.refresh_from_db()
    assert movement.status == MovementStatus.CLOSED
    event = trail(movement).get()
    assert (event.workflow, event.action, event.from_state, event.to_state, event.actor) == (
        MOVEMENT.name, campaign_services.close_movement.transition.name, MovementStatus.ACTIVE,
        MovementStatus.CLOSED, u["demo_officer"])
    assert movement.history.first().history_user == u["demo_officer"]
    with pytest.raises(ValidationError):
        campaign_services.close_movement(u["demo_officer"], movement)
    assert trail(movement).count() == 1


def test_a_step_that_refuses_leaves_the_record_and_its_trail_as_they_were(db):
    u = users()
    proposal = campaign_services.propose_model(
        u["demo_staff"], unit=u["demo_staff"].unit, kind=ModelKind.values[0], title="Mô hình dân vận khéo",
        subject_name="Phường Lê Lợi", summary="Tóm tắt", story="Câu chuyện")
    with pytest.raises(ValidationError) as refused:
        campaign_services.reject_model(u["demo_officer"], proposal, "  ")  # no reason: the step refuses
    assert list(refused.value.message_dict) == ["note"]
    proposal.refresh_from_db()
    assert proposal.status == ModelStatus.PROPOSED and proposal.reviewed_by is None
    assert not trail(proposal).exists()
    campaign_services.reject_model(u["demo_officer"], proposal, "Chưa đủ minh chứng")
    assert ExemplaryModel.objects.get(pk=proposal.pk).status == ModelStatus.REJECTED
    assert list(trail(proposal).values_list("action", "note")) == [
        (campaign_services.reject_model.transition.name, "Chưa đủ minh chứng")]
