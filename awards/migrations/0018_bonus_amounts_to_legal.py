"""BaseSalary and BonusRate now belong to legal (its migration 0004, issue 28): state only, the tables stay."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('legal', '0004_bonus_amounts'),
        ('awards', '0017_parameters_holidays_authorities_to_legal'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='BaseSalary',
                ),
                migrations.DeleteModel(
                    name='BonusRate',
                ),
            ],
            database_operations=[],
        ),
    ]
