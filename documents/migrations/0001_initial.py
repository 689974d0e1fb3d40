"""The register of numbers moves to the documents floor: its table (awards_numbersequence, made by awards'
migration 0002, which runs before this one) is kept as it is, with its rows; only Django's state changes hands
(awards 0015 lets go of it)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = []

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='NumberSequence',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                                   verbose_name='ID')),
                        ('name', models.CharField(max_length=32)),
                        ('year', models.PositiveSmallIntegerField()),
                        ('last', models.PositiveIntegerField(default=0)),
                    ],
                    options={
                        'db_table': 'awards_numbersequence',
                        'constraints': [models.UniqueConstraint(fields=('name', 'year'), name='sequence_unique')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
