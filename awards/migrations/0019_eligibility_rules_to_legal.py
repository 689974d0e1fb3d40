"""EligibilityRule now belongs to legal (its migration 0005, issue 28): state only, the table stays."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('legal', '0005_eligibility_rules'),
        ('awards', '0018_bonus_amounts_to_legal'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='EligibilityRule',
                ),
            ],
            database_operations=[],
        ),
    ]
