"""The tables moved out of the awards app (issue 28, migrations 0002-0005) now belong to the legal data domain: their
data-version triggers (core/datacache.py) still advance portal_data_version_awards on a database migrated before the
move. Dropping them lets install_triggers (post_migrate, right after this migration) create them again for legal.
On a new database the triggers do not exist yet and this does nothing."""

from django.db import migrations

MOVED_TABLES = (
    "awards_awardtype", "awards_awardtypename", "awards_parameter", "awards_holiday", "awards_decidingauthority",
    "awards_basesalary", "awards_bonusrate", "awards_eligibilityrule",
)

DROP = "".join(
    f"DROP TRIGGER IF EXISTS portal_data_version_row ON {table}; "
    f"DROP TRIGGER IF EXISTS portal_data_version_truncate ON {table}; "
    for table in MOVED_TABLES
)


class Migration(migrations.Migration):

    dependencies = [
        ("legal", "0005_eligibility_rules"),
        ("awards", "0019_eligibility_rules_to_legal"),
    ]

    operations = [migrations.RunSQL(DROP, reverse_sql=migrations.RunSQL.noop)]
