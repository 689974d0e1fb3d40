from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from awards.demo import demo_fund, demo_signer
from organisation.seed import DEMO_PASSWORD, create_demo_accounts


class Command(BaseCommand):
    help = "Create the demo accounts (development and demo machines only, never in production)."

    def handle(self, *args, **options):
        if not settings.DEMO_ACCOUNTS_ALLOWED:
            raise CommandError("Demo accounts are disabled by these settings (production).")
        names = create_demo_accounts()
        self.stdout.write(f"Demo accounts ({DEMO_PASSWORD}): {', '.join(names)}")
        if demo_fund():
            self.stdout.write("Demo allocation recorded in this year's emulation and commendation fund.")
        if demo_signer():
            self.stdout.write("demo_signer designated as the signer of the city's decisions (Signing authorities).")
