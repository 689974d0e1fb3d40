"""Notification, moved from awards (issue 28): state only; the table awards_notification keeps its name and rows."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("haiphong_thidua", "0004_reminders"),
        ("awards", "0015_notification_to_kernel"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Notification",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                                   verbose_name="ID")),
                        ("title", models.CharField(max_length=255)),
                        ("body", models.TextField(blank=True)),
                        ("link", models.CharField(blank=True, max_length=255)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("read_at", models.DateTimeField(blank=True, null=True)),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                                   related_name="notifications", to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        "db_table": "awards_notification",
                        "ordering": ["-created_at"],
                        "indexes": [models.Index(fields=["user", "read_at"], name="awards_noti_user_id_b2cc95_idx")],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
