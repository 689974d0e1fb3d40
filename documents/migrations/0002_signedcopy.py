"""The register of signed copies moves to the documents floor: the table reports_signedreportcopy (made by
reports 0003; reports 0005, which runs before this one, dropped its foreign key's constraint and let go of the
model) is kept with its rows. State: SignedCopy on that table. Database: a kind for every copy ("report" for the
rows there are) and the column report_id renamed reference."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('documents', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SignedCopy',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                                   verbose_name='ID')),
                        ('reference', models.BigIntegerField(db_column='report_id', db_index=True)),
                        ('sha256', models.CharField(max_length=64, unique=True)),
                        ('signer', models.CharField(blank=True, max_length=255)),
                        ('signed_at', models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        'db_table': 'reports_signedreportcopy',
                        'ordering': ['signed_at', 'id'],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AddField(
            model_name='signedcopy',
            name='kind',
            field=models.CharField(default='report', max_length=32),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name='signedcopy',
            name='reference',
            field=models.BigIntegerField(db_index=True),
        ),
    ]
