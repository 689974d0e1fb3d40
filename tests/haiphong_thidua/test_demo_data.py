"""generate_demo_data: the counts a scale promises, determinism, and numbering that continues."""

import datetime as dt

from django.core.management import call_command

from awards.models import Decision, Nominee, Status, Submission
from organisation.models import Person, Unit


def test_scale_counts_and_numbering(db):
    from django.db import connection

    units_before, persons_before = Unit.objects.count(), Person.objects.count()
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value FROM portal_data_version_awards")
        version_before = cursor.fetchone()[0]
    call_command("generate_demo_data", scale=0.002, seed=7, stdout=open("/dev/null", "w"))
    # The bulk load ran with the version triggers off and advanced every version once; they are back on.
    with connection.cursor() as cursor:
        cursor.execute("SELECT last_value FROM portal_data_version_awards")
        assert cursor.fetchone()[0] > version_before
        cursor.execute("SELECT DISTINCT tgenabled FROM pg_trigger WHERE tgname = 'portal_data_version_row'")
        assert cursor.fetchall() == [("O",)]
    assert Unit.objects.count() - units_before == 6
    assert Person.objects.count() - persons_before == 600
    assert Nominee.objects.count() == 2000 and Submission.objects.count() == 100
    names = list(Person.objects.order_by("id").values_list("full_name", flat=True)[persons_before:persons_before + 5])
    assert all(" " in n for n in names)
    # Search without diacritics works on generated names too.
    first = Nominee.objects.order_by("id").first()
    from organisation.text import fold

    assert Nominee.objects.search(fold(first.name)).filter(pk=first.pk).exists()
    # A decision issued after the demo data continues the year's numbering without a gap.
    from ..awards_helpers import draft, to_state

    last = Decision.objects.filter(year=2024).order_by("-number").first().number
    submission = to_state(draft(names=("Người mới",)), Status.VOTED)
    from awards import services
    from organisation.models import User

    decision = services.issue_decision(User.objects.get(username="demo_officer"), submission,
                                       issued_on=dt.date(2024, 6, 1), signer_name="X")
    assert decision.number == last + 1
