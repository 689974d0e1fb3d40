"""Create the local test CA and the demo's signing certificates (the Chairman, the city, the Board) as PKCS#12 files."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from documents.pki import create_test_pki


class Command(BaseCommand):
    help = "Create a local test CA and PKCS#12 signing certificates for the demo (never for real documents)."

    def handle(self, *args, **options):
        if not settings.DEMO_ACCOUNTS_ALLOWED:
            raise CommandError("Test certificates are disabled by these settings (production): configure real keys.")
        config = settings.DOCUMENT_SIGNING
        paths = create_test_pki(Path(config["SIGNER_P12"]).parent, config["P12_PASSPHRASE"].encode(),
                                signer_name=config["TEST_SIGNER_NAME"], agency_name=config["TEST_AGENCY_NAME"],
                                board_name=config["TEST_BOARD_NAME"])
        self.stdout.write(f"Test PKI: {', '.join(str(p) for p in paths.values())}")
