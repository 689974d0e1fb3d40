"""API tokens stored as digests (django-rest-knox). DRF's table of plain keys is dropped with every key in it:
its owners create new tokens on their security page."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organisation', '0005_cluster_years'),
    ]

    operations = [
        migrations.CreateModel(
            name='ApiToken',
            fields=[
                ('digest', models.CharField(max_length=128, primary_key=True, serialize=False)),
                ('token_key', models.CharField(db_index=True, max_length=25)),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('expiry', models.DateTimeField(blank=True, null=True)),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('second_factor', models.BooleanField(default=False, verbose_name='issued after a second factor')),
                ('last_used_at', models.DateTimeField(blank=True, null=True, verbose_name='last used')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='auth_token_set', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'API token',
                'verbose_name_plural': 'API tokens',
                'ordering': ['-created'],
            },
        ),
        # rest_framework.authtoken is no longer installed; its table held keys in clear.
        migrations.RunSQL("DROP TABLE IF EXISTS authtoken_token CASCADE", reverse_sql=migrations.RunSQL.noop),
    ]
