"""The catalogue of titles and forms (AwardType, AwardTypeName) moves out of the awards app into legal (issue 28):
state only; the tables awards_awardtype and awards_awardtypename keep their names, rows, indexes and constraints."""

import django.contrib.postgres.fields
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('awards', '0015_notification_to_kernel'),
        ('legal', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='AwardType',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.SlugField(max_length=64, unique=True, verbose_name='code')),
                        ('name', models.CharField(max_length=255, verbose_name='name')),
                        ('category', models.CharField(choices=[('emulation_title', 'Emulation title (danh hiệu thi đua)'), ('commendation', 'Form of commendation (hình thức khen thưởng)')], max_length=20, verbose_name='category')),
                        ('subject', models.CharField(choices=[('individual', 'Individual'), ('collective', 'Collective'), ('household', 'Household')], max_length=12, verbose_name='subject')),
                        ('level', models.CharField(choices=[('state', 'State (President, Prime Minister)'), ('city', 'City'), ('grassroots', 'Grassroots')], max_length=12, verbose_name='level')),
                        ('decided_by', models.CharField(choices=[('president', 'President'), ('prime_minister', 'Prime Minister'), ('city_chairman', "Chairman of the city People's Committee"), ('unit_head', 'Head of the unit'), ('district_chairman', "Chairman of the district People's Committee"), ('commune_chairman', "Chairman of the commune People's Committee"), ('minister', 'Minister or head of a central body')], max_length=20, verbose_name='decided by')),
                        ('goes_to_central', models.BooleanField(default=False, help_text='The city submits it; the Prime Minister or the President decides.', verbose_name='submitted to the central level')),
                        ('article', models.CharField(blank=True, max_length=64, verbose_name='article')),
                        ('requires_public_comment', models.BooleanField(default=False, verbose_name='public comment on the portal before the Council')),
                        ('required_attachments', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(choices=[('council_minutes', "Minutes of the unit's emulation council"), ('ballot_result', 'Ballot result'), ('initiative_recognition', 'Recognition of the initiative'), ('earlier_decision', 'Copy of an earlier award decision'), ('achievement_report', 'Signed achievement report'), ('other', 'Other document')], max_length=32), blank=True, default=list, size=None, verbose_name='documents the dossier must include')),
                        ('report_template', models.TextField(blank=True, help_text="The outline the nominee's achievement report follows.", verbose_name='achievement report template')),
                        ('is_active', models.BooleanField(default=True, verbose_name='in use')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                        ('legal_basis', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='legal.legaldocument', verbose_name='legal basis')),
                    ],
                    options={
                        'verbose_name': 'award type',
                        'verbose_name_plural': 'award types',
                        'db_table': 'awards_awardtype',
                        'ordering': ['order', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='AwardTypeName',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=255, verbose_name='name')),
                        ('legal_basis', models.CharField(max_length=200, verbose_name='legal basis')),
                        ('effective_from', models.DateField(verbose_name='effective from')),
                        ('effective_to', models.DateField(blank=True, null=True, verbose_name='effective until')),
                        ('award_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='names', to='legal.awardtype', verbose_name='award')),
                    ],
                    options={
                        'verbose_name': 'award name in a period',
                        'verbose_name_plural': 'award names by period',
                        'db_table': 'awards_awardtypename',
                        'ordering': ['award_type', 'effective_from'],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
