"""Notification moves to the kernel app (haiphong_thidua, issue 28): only Django's state changes here; the table
awards_notification and its rows stay, owned from now on by haiphong_thidua.Notification (its migration 0005)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("awards", "0014_race_constraints"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Notification")],
            database_operations=[],
        ),
    ]
