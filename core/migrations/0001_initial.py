"""The kernel's models, moved from haiphong_thidua (issue 28): state only; the tables keep their names and rows."""

import core.models
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("haiphong_thidua", "0006_kernel_to_core"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='WorkerHeartbeat',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=64, unique=True)),
                        ('last_seen', models.DateTimeField()),
                        ('hostname', models.CharField(blank=True, max_length=255)),
                    ],
                    options={
                        'db_table': 'haiphong_thidua_workerheartbeat',
                    },
                ),
                migrations.CreateModel(
                    name='ImportJob',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(max_length=32)),
                        ('object_id', models.PositiveIntegerField(blank=True, null=True)),
                        ('upload', models.FileField(upload_to=core.models._import_upload_to)),
                        ('original_name', models.CharField(blank=True, max_length=255)),
                        ('status', models.CharField(choices=[('queued', 'Queued'), ('running', 'Running'), ('done', 'Done'), ('failed', 'Failed')], default='queued', max_length=8)),
                        ('rows_total', models.PositiveIntegerField(default=0)),
                        ('imported', models.PositiveIntegerField(default=0)),
                        ('errors', models.JSONField(blank=True, default=list)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('started_at', models.DateTimeField(blank=True, null=True)),
                        ('finished_at', models.DateTimeField(blank=True, null=True)),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='import_jobs', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'haiphong_thidua_importjob',
                    },
                ),
                migrations.CreateModel(
                    name='ReminderRule',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('registration', 'Emulation registration'), ('review_report', 'Review report'), ('programme_task', 'Programme task'), ('appraisal', 'Appraisal of a dossier'), ('target_figures', 'Target figures'), ('public_comment', 'End of public comment')], max_length=20, verbose_name='kind of deadline')),
                        ('days_before', models.PositiveSmallIntegerField(verbose_name='days before the deadline')),
                        ('is_active', models.BooleanField(default=True, verbose_name='active')),
                        ('note', models.CharField(blank=True, max_length=255, verbose_name='note')),
                    ],
                    options={
                        'verbose_name': 'reminder rule',
                        'verbose_name_plural': 'reminder rules',
                        'db_table': 'haiphong_thidua_reminderrule',
                        'ordering': ['kind', '-days_before'],
                        'constraints': [models.UniqueConstraint(fields=('kind', 'days_before'), name='one_reminder_rule_per_day')],
                    },
                ),
                migrations.CreateModel(
                    name='ReminderSent',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('registration', 'Emulation registration'), ('review_report', 'Review report'), ('programme_task', 'Programme task'), ('appraisal', 'Appraisal of a dossier'), ('target_figures', 'Target figures'), ('public_comment', 'End of public comment')], max_length=20)),
                        ('key', models.CharField(max_length=120)),
                        ('due_on', models.DateField()),
                        ('days_before', models.PositiveSmallIntegerField(blank=True, null=True)),
                        ('recipient', models.CharField(max_length=24)),
                        ('sent_at', models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        'db_table': 'haiphong_thidua_remindersent',
                        'indexes': [models.Index(fields=['kind', 'key', 'due_on'], name='haiphong_th_kind_205be2_idx')],
                        'constraints': [models.UniqueConstraint(fields=('kind', 'key', 'due_on', 'days_before', 'recipient'), name='reminder_sent_once')],
                    },
                ),
                migrations.CreateModel(
                    name='Notification',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=255)),
                        ('body', models.TextField(blank=True)),
                        ('link', models.CharField(blank=True, max_length=255)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('read_at', models.DateTimeField(blank=True, null=True)),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'awards_notification',
                        'ordering': ['-created_at'],
                        'indexes': [models.Index(fields=['user', 'read_at'], name='awards_noti_user_id_b2cc95_idx')],
                    },
                ),

            ],
            database_operations=[],
        ),
    ]
