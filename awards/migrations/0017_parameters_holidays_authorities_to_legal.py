"""Parameter, Holiday and DecidingAuthority now belong to legal (its migration 0003, issue 28): state only, the
tables stay."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('legal', '0003_parameters_holidays_authorities'),
        ('awards', '0016_award_catalogue_to_legal'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='decidingauthority',
                    name='award_type',
                ),
                migrations.DeleteModel(
                    name='Holiday',
                ),
                migrations.RemoveField(
                    model_name='parameter',
                    name='award_type',
                ),
                migrations.RemoveField(
                    model_name='parameter',
                    name='legal_basis',
                ),
                migrations.DeleteModel(
                    name='DecidingAuthority',
                ),
                migrations.DeleteModel(
                    name='Parameter',
                ),
            ],
            database_operations=[],
        ),
    ]
