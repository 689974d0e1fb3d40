"""The register of numbers (NumberSequence) now belongs to the documents floor (documents 0001): the table and
its rows stay; awards only forgets the model. Its content type (and so its permissions) goes along."""

from django.db import migrations


def _move_content_type(source: str, target: str):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        if not ContentType.objects.filter(app_label=target, model="numbersequence").exists():
            ContentType.objects.filter(app_label=source, model="numbersequence").update(app_label=target)
    return move


class Migration(migrations.Migration):

    dependencies = [
        ('awards', '0019_eligibility_rules_to_legal'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('documents', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='NumberSequence')],
            database_operations=[],
        ),
        migrations.RunPython(_move_content_type("awards", "documents"), _move_content_type("documents", "awards")),
    ]
