"""Decision numbers are gapless per year even when two officers issue at the same moment (real PostgreSQL)."""

import datetime as dt

import pytest

from awards import services
from awards.models import Decision, Status

from ..awards_helpers import draft, to_state, users
from ..concurrency import at_the_same_moment


@pytest.mark.django_db(transaction=True)
def test_parallel_issuing_never_shares_or_skips_a_number(transactional_db):
    from django.core.management import call_command

    from organisation.seed import create_demo_accounts

    call_command("seed_directive", verbosity=0)
    create_demo_accounts()
    submissions = [to_state(draft(names=(f"Cán bộ {i}",)), Status.VOTED) for i in range(6)]
    officer = users()["demo_officer"]
    decisions, errors = at_the_same_moment(lambda submission: services.issue_decision(
        officer, submission, issued_on=dt.date(2024, 5, 1), signer_name="Nguyễn Văn Tùng"), submissions)
    numbers = [d.number for d in decisions]
    assert errors == []
    assert sorted(numbers) == [1, 2, 3, 4, 5, 6]
    assert sorted(Decision.objects.filter(year=2024).values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6]
    # A new year starts again at 1.
    next_year = to_state(draft(names=("Năm sau",)), Status.VOTED)
    decision = services.issue_decision(officer, next_year, issued_on=dt.date(2025, 1, 5), signer_name="X")
    assert decision.number == 1
