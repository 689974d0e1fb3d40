# The distinct folded names of the nomination lines, for the award-history search (issue 34): the substring test
# runs over the names, then the lines are read by their name's index. The database keeps the table: statement-level
# triggers with transition tables add the names of every batch of lines inserted or updated, whoever writes them
# (the services, imports, COPY in generate_demo_data: one set-based insert per statement, not one per row).

import django.contrib.postgres.indexes
from django.db import migrations, models

TRIGGERS = """
CREATE OR REPLACE FUNCTION awards_nominee_names_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO awards_nomineename (search_name)
    SELECT DISTINCT search_name FROM new_lines
  ON CONFLICT (search_name) DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER awards_nominee_names_insert AFTER INSERT ON awards_nominee
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION awards_nominee_names_add();
CREATE TRIGGER awards_nominee_names_update AFTER UPDATE ON awards_nominee
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION awards_nominee_names_add();
INSERT INTO awards_nomineename (search_name) SELECT DISTINCT search_name FROM awards_nominee
  ON CONFLICT (search_name) DO NOTHING;
"""

DROP = """
DROP TRIGGER IF EXISTS awards_nominee_names_insert ON awards_nominee;
DROP TRIGGER IF EXISTS awards_nominee_names_update ON awards_nominee;
DROP FUNCTION IF EXISTS awards_nominee_names_add();
"""


class Migration(migrations.Migration):

    dependencies = [
        ("awards", "0024_stored_messages"),
    ]

    operations = [
        migrations.CreateModel(
            name="NomineeName",
            fields=[
                ("search_name", models.CharField(max_length=255, primary_key=True, serialize=False)),
            ],
            options={
                "indexes": [django.contrib.postgres.indexes.GinIndex(fields=["search_name"], name="nomineename_trgm",
                                                                     opclasses=["gin_trgm_ops"])],
            },
        ),
        migrations.RunSQL(TRIGGERS, reverse_sql=DROP),
    ]
