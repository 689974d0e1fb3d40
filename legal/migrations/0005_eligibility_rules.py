"""EligibilityRule moves out of the awards app into legal (issue 28): state only; the table awards_eligibilityrule keeps its
name and rows. The engine that applies the rules stays in awards (awards/eligibility.py)."""

import django.contrib.postgres.fields
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('awards', '0018_bonus_amounts_to_legal'),
        ('legal', '0004_bonus_amounts'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='EligibilityRule',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('rating_at_least', 'Yearly rating at least'), ('consecutive_ratings', 'Consecutive years rated at least'), ('consecutive_titles', 'Consecutive years holding a title'), ('titles_within', 'A title a number of times within a period'), ('holds_award', 'Already holds an award'), ('initiative', 'Recognised initiative(s) not yet used'), ('members_share', "Share of the collective's members holding a title"), ('members_count', 'Members holding a title'), ('no_member_discipline', 'No member disciplined'), ('quota_share', 'Quota: at most a share of another title in the city'), ('collective_rating', "The collective's own yearly rating at least"), ('leads_cluster', "Leads its emulation cluster (campaigns' results)"), ('martyrs', 'Number of martyrs of the family'), ('officer_judgment', 'A criterion the appraising officer judges'), ('service_months', 'Months in service by the end of the year at least'), ('absence_at_most', 'Working days absent in the year at most'), ('leadership_years', 'Years in a leadership post (one third less for women)')], max_length=24, verbose_name='check')),
                        ('params', models.JSONField(default=dict, verbose_name='parameters')),
                        ('legal_basis', models.CharField(max_length=200, verbose_name='legal basis')),
                        ('article', models.CharField(blank=True, max_length=120, verbose_name='article')),
                        ('effective_from', models.DateField(verbose_name='effective from')),
                        ('effective_to', models.DateField(blank=True, null=True, verbose_name='effective until')),
                        ('description', models.CharField(max_length=300, verbose_name='criterion')),
                        ('commendation_types', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(choices=[('regular', 'Regular merit (công trạng)'), ('ad_hoc', 'Ad hoc (đột xuất)'), ('thematic', 'Per movement or thematic (theo đợt, chuyên đề)'), ('service', 'Long service (quá trình cống hiến)'), ('tenure', 'Years of service (niên hạn)'), ('foreign', 'Foreign relations (đối ngoại)'), ('resistance', 'Resistance war (kháng chiến)')], max_length=12), blank=True, default=list, help_text='Empty: the rule applies to every type.', size=None, verbose_name='types of commendation')),
                        ('group', models.CharField(blank=True, help_text='Rules of one award sharing a group are alternatives: meeting one of them is enough.', max_length=40, verbose_name='alternative group')),
                        ('award_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rules', to='legal.awardtype', verbose_name='award')),
                    ],
                    options={
                        'verbose_name': 'eligibility rule',
                        'verbose_name_plural': 'eligibility rules',
                        'db_table': 'awards_eligibilityrule',
                        'ordering': ['award_type', 'effective_from', 'id'],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
