from pathlib import Path

from django.core.management.base import BaseCommand

from core.backup import backup


class Command(BaseCommand):
    help = "Back up the database (pg_dump) and the uploaded files into a new folder."

    def add_arguments(self, parser):
        parser.add_argument("--output", default="backups", help="folder that receives the backup (default ./backups)")

    def handle(self, *args, output, **options):
        target = backup(Path(output))
        self.stdout.write(self.style.SUCCESS(f"Backup written to {target}"))
