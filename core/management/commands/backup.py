from django.core.management.base import BaseCommand, CommandError

from core import backup


class Command(BaseCommand):
    help = ("Write a backup (database dump, every stored file, the signing certificates) to the backups storage "
            "and check it; or list, verify or rotate the backups there.")

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group()
        action.add_argument("--verify", metavar="NAME", help="read a backup back and check every checksum")
        action.add_argument("--list", action="store_true", help="list the backups, newest first")
        action.add_argument("--rotate", action="store_true",
                            help="delete what BACKUP_KEEP_DAILY/WEEKLY/MONTHLY do not keep")

    def handle(self, *args, **options):
        verify = options["verify"]
        if verify:
            problems = backup.verify(verify)
            if problems:
                raise CommandError(f"{verify} fails its check:\n" + "\n".join(problems))
            self.stdout.write(self.style.SUCCESS(f"{verify}: every checksum matches"))
        elif options["list"]:
            for item in backup.backups():
                self.stdout.write(f"{item.name}  {item.created:%Y-%m-%d %H:%M} UTC  "
                                  f"{'complete' if item.complete else 'UNFINISHED'}")
        elif options["rotate"]:
            for name in backup.rotate():
                self.stdout.write(f"deleted {name}")
        else:
            try:
                name = backup.create()
            except backup.BackupError as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(self.style.SUCCESS(f"Backup {name} written and checked"))
