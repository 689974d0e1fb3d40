"""Parameter, Holiday and DecidingAuthority move out of the awards app into legal (issue 28): state only; the tables
awards_parameter, awards_holiday and awards_decidingauthority keep their names, rows and constraints."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('awards', '0016_award_catalogue_to_legal'),
        ('legal', '0002_award_catalogue'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Holiday',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('date', models.DateField(unique=True, verbose_name='date')),
                        ('name', models.CharField(max_length=160, verbose_name='name')),
                    ],
                    options={
                        'verbose_name': 'public holiday',
                        'verbose_name_plural': 'public holidays',
                        'db_table': 'awards_holiday',
                        'ordering': ['date'],
                    },
                ),
                migrations.CreateModel(
                    name='DecidingAuthority',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('decider', models.CharField(choices=[('president', 'President'), ('prime_minister', 'Prime Minister'), ('city_chairman', "Chairman of the city People's Committee"), ('unit_head', 'Head of the unit'), ('district_chairman', "Chairman of the district People's Committee"), ('commune_chairman', "Chairman of the commune People's Committee"), ('minister', 'Minister or head of a central body')], max_length=20, verbose_name='decided by')),
                        ('legal_basis', models.CharField(max_length=200, verbose_name='legal basis')),
                        ('article', models.CharField(blank=True, max_length=120, verbose_name='article')),
                        ('effective_from', models.DateField(verbose_name='effective from')),
                        ('effective_to', models.DateField(blank=True, null=True, verbose_name='effective until')),
                        ('award_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='authorities', to='legal.awardtype', verbose_name='award')),
                    ],
                    options={
                        'verbose_name': 'deciding authority',
                        'verbose_name_plural': 'deciding authorities',
                        'db_table': 'awards_decidingauthority',
                        'ordering': ['award_type', 'effective_from'],
                    },
                ),
                migrations.CreateModel(
                    name='Parameter',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key', models.CharField(choices=[('appraisal_working_days', 'Working days for the Board to appraise a dossier'), ('resubmit_working_days', 'Working days for a unit to complete a returned dossier'), ('public_comment_days', 'Days of public comment on the portal'), ('vote_pass_share', 'Share of Council votes in favour needed (greater than)'), ('vote_share_of_members', 'Share of all Council members who must vote in favour (at least)'), ('bonus_round_up_to', 'Bonus amounts are rounded up to a multiple of (VND)'), ('bonus_highest_title_only', 'Several emulation titles for one achievement: only the highest bonus is paid (1) or each one (0)')], max_length=40, verbose_name='parameter')),
                        ('value', models.DecimalField(decimal_places=3, max_digits=8, verbose_name='value')),
                        ('article', models.CharField(blank=True, max_length=120, verbose_name='article')),
                        ('effective_from', models.DateField(verbose_name='effective from')),
                        ('effective_to', models.DateField(blank=True, null=True, verbose_name='effective until')),
                        ('award_type', models.ForeignKey(blank=True, help_text='Empty: applies to every award type.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='parameters', to='legal.awardtype', verbose_name='award type')),
                        ('legal_basis', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='legal.legaldocument', verbose_name='legal basis')),
                    ],
                    options={
                        'verbose_name': 'legal parameter',
                        'verbose_name_plural': 'legal parameters',
                        'db_table': 'awards_parameter',
                        'ordering': ['key', '-effective_from'],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
