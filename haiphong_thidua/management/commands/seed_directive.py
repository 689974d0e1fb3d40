"""Load the data of Directive 01/CT-UBND (idempotent: run it as often as you like)."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Each app contributes its part of the directive's data; order matters (units first).
SEEDERS = [
    "organisation.seed.ensure_roles",
    "legal.seed.seed_legal_documents",
    "organisation.seed.seed_units",
    "documents.authority_seed.seed_signing_authorities",
    "legal.catalogue_seed.seed_award_catalogue",
    "legal.rules_seed.seed_rules",
    "legal.bonus_seed.seed_bonus_rates",
    "legal.holidays_seed.seed_holidays",
    "awards.policy_seed.seed_fairness_targets",
    "campaigns.seed.seed_movements",
    "targets.seed.seed_targets",
    "core.schedules.ensure_default_schedules",
    "core.schedules.ensure_reminder_rules",
]


class Command(BaseCommand):
    help = "Load the directive's legal documents, the 2023 organisation, movements, titles and targets."

    @transaction.atomic
    def handle(self, *args, **options):
        for dotted in SEEDERS:
            module, name = dotted.rsplit(".", 1)
            result = getattr(import_module(module), name)()
            count = len(result) if isinstance(result, list) else result
            self.stdout.write(f"{dotted}: {count}")
        self.stdout.write(self.style.SUCCESS("Directive 01/CT-UBND data loaded."))
