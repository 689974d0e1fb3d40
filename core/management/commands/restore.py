from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.backup import restore


class Command(BaseCommand):
    help = "Restore a backup folder into a database (created if missing) and the uploaded-files folder."

    def add_arguments(self, parser):
        parser.add_argument("source", help="a folder written by `manage.py backup`")
        parser.add_argument("--database", required=True, help="target database name (should be new or empty)")
        parser.add_argument("--media-root", default=None, help=f"default: {settings.MEDIA_ROOT}")

    def handle(self, *args, source, database, media_root, **options):
        folder = Path(source)
        if not (folder / "db.dump").exists():
            raise CommandError(f"{folder} is not a backup folder (no db.dump).")
        restore(folder, database, Path(media_root or settings.MEDIA_ROOT))
        self.stdout.write(self.style.SUCCESS(f"Restored {folder} into database {database}"))
