"""BaseSalary and BonusRate move out of the awards app into legal (issue 28): state only; the tables awards_basesalary and
awards_bonusrate keep their names, rows and constraints (bonus_rate_unique)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('awards', '0017_parameters_holidays_authorities_to_legal'),
        ('legal', '0003_parameters_holidays_authorities'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='BaseSalary',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('amount', models.DecimalField(decimal_places=0, max_digits=12, verbose_name='base salary (VND)')),
                        ('effective_from', models.DateField(unique=True, verbose_name='effective from')),
                        ('effective_to', models.DateField(blank=True, null=True, verbose_name='effective until')),
                        ('legal_basis', models.CharField(max_length=200, verbose_name='legal basis')),
                    ],
                    options={
                        'verbose_name': 'base salary',
                        'verbose_name_plural': 'base salaries',
                        'db_table': 'awards_basesalary',
                        'ordering': ['-effective_from'],
                    },
                ),
                migrations.CreateModel(
                    name='BonusRate',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('multiple', models.DecimalField(blank=True, decimal_places=2, help_text='Empty: the amount for this period is not known yet.', max_digits=6, null=True, verbose_name='multiple of the base salary')),
                        ('effective_from', models.DateField(verbose_name='effective from')),
                        ('effective_to', models.DateField(blank=True, null=True, verbose_name='effective until')),
                        ('legal_basis', models.CharField(max_length=200, verbose_name='legal basis')),
                        ('award_type', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='bonus_rates', to='legal.awardtype', verbose_name='award')),
                    ],
                    options={
                        'verbose_name': 'bonus rate',
                        'verbose_name_plural': 'bonus rates',
                        'db_table': 'awards_bonusrate',
                        'ordering': ['award_type__order', '-effective_from'],
                        'constraints': [models.UniqueConstraint(fields=('award_type', 'effective_from'), name='bonus_rate_unique')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
