"""The register of signed copies (SignedReportCopy) now belongs to the documents floor (documents 0002,
SignedCopy: kind "report", reference = the report's id). The table (reports_signedreportcopy) and its rows stay;
here the foreign key's database constraint is dropped (the register holds other kinds' copies too; a deleted
report's copies are removed by reports.signed_copies.forget), then reports forgets the model, and its content type
goes to documents. Runs before documents 0002, which renames the column report_id to reference."""

import django.db.models.deletion
from django.db import migrations, models


def _move_content_type(source: tuple, target: tuple):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        if not ContentType.objects.filter(app_label=target[0], model=target[1]).exists():
            ContentType.objects.filter(app_label=source[0], model=source[1]).update(app_label=target[0],
                                                                                    model=target[1])
    return move


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('reports', '0004_race_constraints'),
    ]

    run_before = [('documents', '0002_signedcopy')]

    operations = [
        migrations.AlterField(
            model_name='signedreportcopy',
            name='report',
            field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.CASCADE,
                                    related_name='signed_copies', to='reports.report'),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='SignedReportCopy')],
            database_operations=[],
        ),
        migrations.RunPython(_move_content_type(("reports", "signedreportcopy"), ("documents", "signedcopy")),
                             _move_content_type(("documents", "signedcopy"), ("reports", "signedreportcopy"))),
    ]
