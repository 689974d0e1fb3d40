"""An officer's day (issue 33, items 1, 2 and 5): no dossier can be stuck on a date, nothing typed is lost and
nothing is half-done after a refusal, and a Council member's vote is never replaced silently."""

import datetime as dt
import html
import re

import pytest
from django import forms as django_forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from awards import services
from awards.models import (
    Appraisal,
    CouncilMeeting,
    CouncilVote,
    Decision,
    Outcome,
    Status,
    VoteChoice,
    WorkflowEvent,
)
from awards.workflow import DOSSIER

from ..awards_helpers import _after, draft, to_state, users

pytestmark = pytest.mark.django_db


def _officer():
    return users()["demo_officer"]


def _field_errors(exc: pytest.ExceptionInfo) -> dict:
    return exc.value.message_dict


def _in_council_on(day: dt.date, names=("Vũ Văn Một",)):
    """A dossier before a meeting of ``day`` (its own meeting), every eligible nominee voted for by one member."""
    submission = to_state(draft(names=names), Status.APPRAISED)
    meeting = CouncilMeeting.objects.create(held_on=day, title=f"Phiên họp {submission.pk}")
    services.send_to_council(_officer(), submission, meeting)
    council = users()["demo_council"]
    for nominee in submission.nominees.filter(appraisal=Appraisal.ELIGIBLE):
        services.cast_vote(council, nominee, VoteChoice.YES)
    submission.refresh_from_db()
    return submission


# --- item 1: every transition checks the dates the next one needs ----------------------------------------------

def test_a_vote_is_counted_only_once_its_meeting_has_taken_place(officer_client):
    today = timezone.localdate()
    submission = _in_council_on(today + dt.timedelta(days=5))
    with pytest.raises(ValidationError) as refused:
        services.close_vote(_officer(), submission)
    assert (today + dt.timedelta(days=5)).strftime("%d/%m/%Y") in " ".join(refused.value.messages)
    submission.refresh_from_db()
    assert submission.status == Status.IN_COUNCIL
    # the page greys the count out and says from which day it is possible
    page = officer_client.get(reverse("awards:submission_detail", args=[submission.pk])).content.decode()
    assert 'aria-describedby="why-close_vote"' in page
    # on the meeting's day (re-dated here) the count goes through
    services.redate_meeting(_officer(), submission, held_on=today, reason="Họp sớm theo chỉ đạo")
    services.close_vote(_officer(), submission)
    submission.refresh_from_db()
    assert submission.status == Status.VOTED


def test_a_decision_is_not_dated_in_the_future():
    submission = to_state(draft(), Status.VOTED)
    with pytest.raises(ValidationError) as refused:
        services.issue_decision(_officer(), submission, issued_on=timezone.localdate() + dt.timedelta(days=1),
                                signer_name="Nguyễn Văn Tùng")
    assert list(_field_errors(refused)) == ["issued_on"]
    assert not Decision.objects.filter(submission=submission).exists()


def test_a_decision_is_dated_from_the_meeting_onward_and_within_the_achievements_years():
    submission = to_state(draft(), Status.VOTED)
    held_on = submission.meeting.held_on
    before_meeting = held_on - dt.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        services.issue_decision(_officer(), submission, issued_on=before_meeting, signer_name="Nguyễn Văn Tùng")
    assert list(_field_errors(refused)) == ["issued_on"]
    assert held_on.strftime("%d/%m/%Y") in " ".join(refused.value.messages)
    with pytest.raises(ValidationError) as refused:
        services.issue_decision(_officer(), submission, issued_on=dt.date(submission.year - 1, 12, 31),
                                signer_name="Nguyễn Văn Tùng")
    assert str(submission.year) in " ".join(refused.value.messages)
    # the meeting's own day is a possible date
    decision = services.issue_decision(_officer(), submission, issued_on=held_on, signer_name="Nguyễn Văn Tùng",
                                       accept_overdraft=True)
    assert decision.issued_on == held_on
    submission.refresh_from_db()
    assert submission.status == Status.DECIDED


def test_the_decision_rule_is_the_tables_condition_of_decide():
    submission = to_state(draft(), Status.VOTED)
    day = submission.meeting.held_on - dt.timedelta(days=1)
    assert DOSSIER.unmet("decide", submission, day)
    assert DOSSIER.unmet("decide", submission, timezone.localdate() + dt.timedelta(days=1))
    assert DOSSIER.unmet("decide", submission, submission.meeting.held_on) is None


def test_a_meeting_before_the_achievements_year_is_refused_and_no_meeting_is_left_behind():
    submission = to_state(draft(), Status.APPRAISED)
    meetings = CouncilMeeting.objects.count()
    with pytest.raises(ValidationError) as refused:
        services.send_to_council(_officer(), submission, new_meeting_date=dt.date(submission.year - 1, 12, 1),
                                 new_meeting_title="Phiên họp nhầm năm")
    assert list(_field_errors(refused)) == ["new_meeting_date"]
    assert CouncilMeeting.objects.count() == meetings
    submission.refresh_from_db()
    assert submission.status == Status.APPRAISED and submission.meeting_id is None


def test_the_board_re_dates_a_meeting_with_a_reason_in_every_dossier_before_it():
    today = timezone.localdate()
    first = _in_council_on(today + dt.timedelta(days=30))
    second = to_state(draft(names=("Đỗ Thị Hai",)), Status.APPRAISED)
    services.send_to_council(_officer(), second, first.meeting)
    with pytest.raises(ValidationError) as refused:  # a reason is required
        services.redate_meeting(_officer(), first, held_on=today, reason="  ")
    assert list(_field_errors(refused)) == ["reason"]
    with pytest.raises(ValidationError) as refused:  # not before the achievements' year
        services.redate_meeting(_officer(), first, held_on=dt.date(first.year - 1, 6, 1), reason="Nhầm")
    assert list(_field_errors(refused)) == ["held_on"]
    services.redate_meeting(_officer(), first, held_on=today, reason="Gõ nhầm năm")
    first.meeting.refresh_from_db()
    assert first.meeting.held_on == today
    for dossier in (first, second):
        event = WorkflowEvent.objects.filter(submission=dossier, action="redate_meeting").get()
        assert "Gõ nhầm năm" in event.note and today.strftime("%d/%m/%Y") in event.note
        assert event.actor == _officer()


def test_a_counted_meeting_is_not_re_dated_into_the_future_nor_after_its_decision():
    submission = to_state(draft(), Status.VOTED)
    with pytest.raises(ValidationError) as refused:
        services.redate_meeting(_officer(), submission, held_on=timezone.localdate() + dt.timedelta(days=3),
                                reason="Dời lịch")
    assert list(_field_errors(refused)) == ["held_on"]
    # an earlier date (the meeting really took place before) lets an earlier decision follow it
    earlier = submission.meeting.held_on - dt.timedelta(days=3)
    services.redate_meeting(_officer(), submission, held_on=earlier, reason="Ngày họp thực tế")
    services.issue_decision(_officer(), submission, issued_on=earlier, signer_name="A", accept_overdraft=True)
    other = to_state(draft(names=("Lê Văn Ba",)), Status.APPRAISED)
    other_meeting = CouncilMeeting.objects.create(held_on=earlier, title="Phiên họp khác")
    services.send_to_council(_officer(), other, other_meeting)
    submission.meeting = other_meeting
    submission.save(update_fields=["meeting"])  # the decided dossier before the same meeting as ``other``
    with pytest.raises(ValidationError) as refused:
        services.redate_meeting(_officer(), other, held_on=earlier + dt.timedelta(days=1), reason="Dời")
    assert "held_on" in _field_errors(refused)


def test_a_counted_vote_is_reopened_with_a_reason_and_counted_again():
    submission = to_state(draft(names=("Vũ Văn Một", "Đỗ Thị Hai")), Status.VOTED)
    with pytest.raises(ValidationError):
        services.reopen_vote(_officer(), submission, reason="")
    services.reopen_vote(_officer(), submission, reason="Kiểm phiếu trước khi đủ phiếu")
    submission.refresh_from_db()
    assert submission.status == Status.IN_COUNCIL
    assert set(submission.nominees.values_list("outcome", flat=True)) == {Outcome.PENDING}
    assert CouncilVote.objects.filter(nominee__submission=submission).count() == 2  # the votes stay
    event = submission.events.filter(action="reopen").get()
    assert event.note == "Kiểm phiếu trước khi đủ phiếu" and event.to_status == Status.IN_COUNCIL
    services.close_vote(_officer(), submission)
    submission.refresh_from_db()
    assert submission.status == Status.VOTED


def test_a_dossier_the_council_closed_reopens_its_vote_and_one_the_appraisal_closed_its_appraisal():
    by_vote = to_state(draft(), Status.IN_COUNCIL)
    for nominee in by_vote.nominees.all():
        services.cast_vote(users()["demo_council"], nominee, VoteChoice.NO)
    services.close_vote(_officer(), by_vote)
    by_vote.refresh_from_db()
    assert by_vote.status == Status.CLOSED
    assert by_vote.meeting_id and DOSSIER.allows("reopen_vote", _officer(), by_vote)
    assert not DOSSIER.allows("reopen_appraisal", _officer(), by_vote)
    by_appraisal = to_state(draft(names=("Lê Văn Ba",)), Status.ASSIGNED)
    services.appraise(_officer(), by_appraisal, {n.pk: (Appraisal.NOT_ELIGIBLE, "Thiếu thành tích")
                                                 for n in by_appraisal.nominees.all()})
    by_appraisal.refresh_from_db()
    assert by_appraisal.status == Status.CLOSED
    assert not DOSSIER.allows("reopen_vote", _officer(), by_appraisal)
    services.reopen_appraisal(_officer(), by_appraisal, reason="Đơn vị bổ sung minh chứng")
    by_appraisal.refresh_from_db()
    assert by_appraisal.status == Status.ASSIGNED
    assert set(by_appraisal.nominees.values_list("outcome", flat=True)) == {Outcome.PENDING}
    services.appraise(_officer(), by_appraisal, {n.pk: (Appraisal.ELIGIBLE, "Đã bổ sung")
                                                 for n in by_appraisal.nominees.all()})
    by_appraisal.refresh_from_db()
    assert by_appraisal.status == Status.APPRAISED


def test_every_state_has_a_recorded_way_on_in_the_table():
    """No state is a dead end but the settled ones, whose records the Board still acts on (revoke, results)."""
    for state in Status.values:
        rows = [t for t in DOSSIER if state in t.sources and t.url_name]
        assert rows, f"no action of the table starts from {state}"


# --- item 2: nothing typed is lost, nothing is half-done -------------------------------------------------------

CENTRAL = "bang-khen-thu-tuong"


def _dossier_for(transition):
    """A dossier in which ``transition``'s form is offered to the officer (its first source state)."""
    if transition.name == "forward":
        return to_state(draft(award=CENTRAL, names=("Phạm Thị Mai",)), Status.VOTED)
    submission = to_state(draft(), transition.sources[0])
    if transition.name == "to_council":
        CouncilMeeting.objects.create(held_on=_after(submission, 10), title="Phiên họp có sẵn")
    return submission


def _valid(name, field, marker):
    if isinstance(field, django_forms.ModelChoiceField):
        return str(field.queryset.first().pk)
    if isinstance(field, django_forms.DateField):
        return "15/01/2024"
    if isinstance(field, django_forms.BooleanField):
        return "on"
    return f"Nội dung {marker} của {name}"


def _invalid(field):
    if isinstance(field, django_forms.ModelChoiceField):
        return "987654321"
    if isinstance(field, django_forms.DateField):
        return "31/02/2024"
    if isinstance(field, django_forms.CharField) and field.max_length:
        return "x" * (field.max_length + 1)
    return None  # a field no typed value makes invalid (a tick box)


def _shown(page: str, action: str, name: str, field, value: str) -> bool:
    """Does the dossier page show ``value`` in the field ``name`` of ``action``'s form?"""
    element = re.search(rf'<(input|textarea|select)[^>]*id="{action}_{name}"[^>]*>(.*?</\1>)?', page, re.S)
    if element is None:
        return False
    tag = element.group(0)
    if isinstance(field, django_forms.BooleanField):
        return " checked" in tag
    if isinstance(field, django_forms.ModelChoiceField):
        return re.search(rf'<option value="{value}"[^>]*selected', tag) is not None
    if element.group(1) == "textarea":
        return html.escape(value) in tag or value in html.unescape(tag)
    return f'value="{html.escape(value)}"' in tag


def test_every_form_of_the_dossier_keeps_all_its_input_after_a_refusal(officer_client):
    rows = [t for t in DOSSIER if t.form and t.path]
    assert {"return_to_unit", "assign", "to_council", "decide", "forward", "redate_meeting", "reopen_vote",
            "reopen_appraisal"} <= {t.name for t in rows}
    checked = 0
    for transition in rows:
        submission = _dossier_for(transition)
        fields = import_string(transition.form)().fields
        url = reverse(transition.url_name, args=[submission.pk])
        page = officer_client.get(reverse("awards:submission_detail", args=[submission.pk])).content.decode()
        assert f'action="{url}"' in page, f"{transition.name}'s form is not offered"
        for wrong, field in fields.items():
            bad = _invalid(field)
            if bad is None:
                continue
            data = {name: _valid(name, f, transition.name) for name, f in fields.items()}
            data[wrong] = bad
            response = officer_client.post(url, data)
            assert response.status_code == 200, (transition.name, wrong)
            page = response.content.decode()
            assert 'is-invalid' in page, (transition.name, wrong)
            for name, f in fields.items():
                if name != wrong:
                    assert _shown(page, transition.name, name, f, data[name]), (transition.name, wrong, name)
            status = submission.status
            submission.refresh_from_db()
            assert submission.status == status, transition.name  # nothing done
            checked += 1
    assert checked >= 8


def test_a_refused_decision_keeps_every_field_typed_and_says_why_on_the_date(officer_client):
    submission = to_state(draft(), Status.VOTED)
    day = (submission.meeting.held_on - dt.timedelta(days=2)).strftime("%d/%m/%Y")
    data = {"issued_on": day, "signer_name": "Nguyễn Văn Tùng", "signer_title": "Phó Chủ tịch",
            "override_reason": "Đã xác minh lại"}
    response = officer_client.post(reverse("awards:submission_decide", args=[submission.pk]), data)
    assert response.status_code == 200
    page = response.content.decode()
    fields = import_string(DOSSIER["decide"].form)().fields
    for name, value in data.items():
        assert _shown(page, "decide", name, fields[name], value), name
    assert re.search(r'id="decide_issued_on"[^>]*is-invalid|is-invalid[^>]*id="decide_issued_on"', page)
    assert submission.meeting.held_on.strftime("%d/%m/%Y") in page
    assert not Decision.objects.filter(submission=submission).exists()


def test_a_refused_send_to_council_keeps_its_input_and_creates_no_meeting(officer_client):
    submission = to_state(draft(), Status.APPRAISED)
    meetings = CouncilMeeting.objects.count()
    data = {"new_meeting_date": f"10/03/{submission.year - 1}", "new_meeting_title": "Phiên họp tháng Ba"}
    response = officer_client.post(reverse("awards:submission_to_council", args=[submission.pk]), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Phiên họp tháng Ba"' in page and f'value="10/03/{submission.year - 1}"' in page
    assert CouncilMeeting.objects.count() == meetings
    submission.refresh_from_db()
    assert submission.status == Status.APPRAISED


# --- item 5: votes are never overwritten silently ---------------------------------------------------------------

def _messages(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def test_in_favour_of_all_fills_only_the_nominees_without_a_vote(council_client):
    submission = to_state(draft(names=("Vũ Văn Một", "Đỗ Thị Hai")), Status.IN_COUNCIL)
    council = users()["demo_council"]
    first, second = submission.nominees.order_by("name")
    services.cast_vote(council, first, VoteChoice.NO)
    response = council_client.post(reverse("awards:vote_all", args=[submission.pk]), {"all": VoteChoice.YES},
                                   follow=True)
    votes = dict(CouncilVote.objects.filter(member=council).values_list("nominee__name", "choice"))
    assert votes == {first.name: VoteChoice.NO, second.name: VoteChoice.YES}
    assert first.name in _messages(response)  # the vote kept is named
    # all voted: "in favour of all" changes nothing
    council_client.post(reverse("awards:vote_all", args=[submission.pk]), {"all": VoteChoice.YES})
    assert CouncilVote.objects.get(member=council, nominee=first).choice == VoteChoice.NO


def test_a_changed_vote_is_named_in_the_result(council_client):
    submission = to_state(draft(names=("Vũ Văn Một", "Đỗ Thị Hai")), Status.IN_COUNCIL)
    council = users()["demo_council"]
    first, second = submission.nominees.order_by("name")
    services.cast_vote(council, first, VoteChoice.NO)
    response = council_client.post(reverse("awards:vote_all", args=[submission.pk]), {
        f"choice_{first.pk}": VoteChoice.YES, f"choice_{second.pk}": VoteChoice.ABSTAIN}, follow=True)
    text = _messages(response)
    assert f"{first.name}: {VoteChoice.NO.label} → {VoteChoice.YES.label}" in text
    assert second.name not in text.split("→")[-1]  # a first vote is not a change
    ballot = services.cast_votes(council, submission, {first.pk: VoteChoice.NO})
    assert ballot.changed == (f"{first.name}: {VoteChoice.YES.label} → {VoteChoice.NO.label}",)
    vote = services.cast_vote(council, first, VoteChoice.ABSTAIN)
    assert vote.changed == f"{first.name}: {VoteChoice.NO.label} → {VoteChoice.ABSTAIN.label}"


def test_a_refused_ballot_shows_the_choices_as_ticked(council_client):
    submission = to_state(draft(names=("Vũ Văn Một", "Đỗ Thị Hai")), Status.IN_COUNCIL)
    first, second = submission.nominees.order_by("name")
    response = council_client.post(reverse("awards:vote_all", args=[submission.pk]), {
        f"choice_{first.pk}": VoteChoice.NO,
        f"choice_{second.pk}": "bogus"})
    assert response.status_code == 200
    page = response.content.decode()
    assert re.search(rf'name="choice_{first.pk}" value="{VoteChoice.NO}"\s+checked', page)
    assert second.name in _messages(response)
    assert not CouncilVote.objects.filter(nominee__submission=submission).exists()
