"""The registered titles point at legal.AwardType (moved out of the awards app, issue 28): state only, the foreign key's
constraint already targets the table awards_awardtype."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('campaigns', '0004_race_constraints'),
        ('legal', '0002_award_catalogue'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='historicalregistrationtarget',
                    name='award_type',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='legal.awardtype', verbose_name='title or award'),
                ),
                migrations.AlterField(
                    model_name='registrationtarget',
                    name='award_type',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='legal.awardtype', verbose_name='title or award'),
                ),
            ],
            database_operations=[],
        ),
    ]
