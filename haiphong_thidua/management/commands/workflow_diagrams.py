"""Print the workflow tables as Mermaid diagrams for docs/workflows.md (a test keeps that page equal to them)."""

from django.core.management.base import BaseCommand

from awards.workflow import COMMENT, DOSSIER, SIGNATURE
from campaigns.workflow import WORKFLOWS


class Command(BaseCommand):
    help = "Print every workflow table (awards/workflow.py, campaigns/workflow.py) as a Mermaid state diagram."

    def handle(self, *args, **options):
        for workflow in (DOSSIER, COMMENT, SIGNATURE, *WORKFLOWS):
            self.stdout.write(f"**{workflow.name}**\n\n```mermaid\n{workflow.mermaid()}\n```\n")
