"""AwardType and AwardTypeName now belong to legal (its migration 0002, issue 28): state only; the foreign keys
of awards' models point at legal.AwardType, whose table is still awards_awardtype."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('awards', '0015_notification_to_kernel'),
        ('campaigns', '0005_award_catalogue_in_legal'),
        ('legal', '0002_award_catalogue'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='awardtype',
                    name='legal_basis',
                ),
                migrations.AlterField(
                    model_name='historicalnominee',
                    name='award_type',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='legal.awardtype', verbose_name='award proposed'),
                ),
                migrations.AlterField(
                    model_name='bonusrate',
                    name='award_type',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='bonus_rates', to='legal.awardtype', verbose_name='award'),
                ),
                migrations.AlterField(
                    model_name='nominee',
                    name='award_type',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='nominees', to='legal.awardtype', verbose_name='award proposed'),
                ),
                migrations.AlterField(
                    model_name='decidingauthority',
                    name='award_type',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='authorities', to='legal.awardtype', verbose_name='award'),
                ),
                migrations.AlterField(
                    model_name='parameter',
                    name='award_type',
                    field=models.ForeignKey(blank=True, help_text='Empty: applies to every award type.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='parameters', to='legal.awardtype', verbose_name='award type'),
                ),
                migrations.AlterField(
                    model_name='pastaward',
                    name='award_type',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='legal.awardtype', verbose_name='award'),
                ),
                migrations.AlterField(
                    model_name='eligibilityrule',
                    name='award_type',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rules', to='legal.awardtype', verbose_name='award'),
                ),
                migrations.DeleteModel(
                    name='AwardTypeName',
                ),
                migrations.DeleteModel(
                    name='AwardType',
                ),
            ],
            database_operations=[],
        ),
    ]
