"""The kernel's models move to the core app (issue 28): state only; every table keeps its name and rows."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('haiphong_thidua', '0005_notification'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='importjob',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='notification',
                    name='user',
                ),
                migrations.DeleteModel(
                    name='ReminderRule',
                ),
                migrations.DeleteModel(
                    name='ReminderSent',
                ),
                migrations.DeleteModel(
                    name='WorkerHeartbeat',
                ),
                migrations.DeleteModel(
                    name='ImportJob',
                ),
                migrations.DeleteModel(
                    name='Notification',
                ),

            ],
            database_operations=[],
        ),
    ]
