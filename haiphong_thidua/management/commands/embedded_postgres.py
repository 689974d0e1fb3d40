from django.conf import settings
from django.core.management.base import BaseCommand

from utilities import embedded_db


class Command(BaseCommand):
    help = "Show or stop the embedded PostgreSQL server (used when DATABASE_URL is not set)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["status", "stop"])

    def handle(self, *args, action, **options):
        if action == "stop":
            stopped = embedded_db.stop(settings.VAR_DIR)
            self.stdout.write("stopped" if stopped else "not running")
        else:
            db = settings.DATABASES["default"]
            self.stdout.write(
                f"embedded={settings.DATABASE_IS_EMBEDDED} host={db.get('HOST')} port={db.get('PORT')} name={db['NAME']}"
            )
