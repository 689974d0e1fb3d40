from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core import backup


class Command(BaseCommand):
    help = ("Restore a backup of the backups storage into an empty database and an empty storage, after checking "
            "every checksum (docs/operations.md).")

    def add_arguments(self, parser):
        parser.add_argument("name", help="the backup's name (manage.py backup --list)")
        parser.add_argument("--database", default=None,
                            help="target database on the configured server (default: the configured database; "
                                 "created when missing)")
        parser.add_argument("--media-root", default=None,
                            help="restore the files into this local folder instead of the default storage")
        parser.add_argument("--pki-dir", default=None,
                            help="also write the signing certificates (and keys, when the backup holds them) here")
        parser.add_argument("--force", action="store_true",
                            help="restore over a database with tables or a storage with files")

    def handle(self, *args, name, database, media_root, pki_dir, force, **options):
        storage = backup.local_storage(Path(media_root)) if media_root else None
        try:
            data = backup.restore(name, database=database, storage=storage,
                                  pki_dir=Path(pki_dir) if pki_dir else None, force=force)
        except backup.BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(
            f"Restored {name} (portal {data['portal_version']}, {len(data['files'])} files)"))
