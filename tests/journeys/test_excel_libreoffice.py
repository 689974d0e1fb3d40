"""Every Excel file the portal hands out opens in LibreOffice (headless convert to CSV), not only in openpyxl
(issue 18, item 4): reports of each kind, the dashboard, the fund ledger, a payment list, the import templates and the
downloads of the list pages (issue 33, item 10).

LibreOffice Calc comes from Debian's ``libreoffice-calc-nogui`` (scripts/setup.sh installs it); on a machine
without it the test is skipped, except in CI where it must run."""

import datetime as dt
import os
import shutil
import subprocess

import pytest
from django.urls import reverse

from awards.models import Decision, Status
from reports.services import request_report

from ..awards_helpers import draft, to_state

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(SOFFICE is None and not os.environ.get("CI"),
                                 reason="LibreOffice is not installed (scripts/setup.sh installs it)")]


def test_every_excel_export_opens_in_libreoffice(officer_client, leader_client, tmp_path,
                                                 django_capture_on_commit_callbacks):
    assert SOFFICE, "CI must have LibreOffice (libreoffice-calc-nogui) to open the exports"
    submission = to_state(draft(names=("Nguyễn Văn An",)), Status.DECIDED)
    decision = Decision.objects.get(submission=submission)
    files, reports = {}, {}
    for kind, start, end in (("monthly", dt.date(2024, 1, 1), dt.date(2024, 1, 31)),
                             ("quarterly", dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
                             ("yearly_statistics", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
                             ("circular_forms", dt.date(2023, 12, 1), dt.date(2024, 11, 30))):
        with django_capture_on_commit_callbacks(execute=True):
            reports[kind] = request_report(kind, start, end)
    for kind, report in reports.items():
        report.refresh_from_db()
        files[f"report-{kind}"] = (report.xlsx.read(), report.code)
    for name, client, url, expected in (
            ("dashboard", leader_client, reverse("targets:dashboard") + "?year=2023&format=xlsx", "NĂM 2023"),
            ("fund", officer_client, reverse("awards:fund_excel"), ""),
            ("payments", officer_client, reverse("awards:payment_list_xlsx", args=[decision.pk]), "Nguyễn Văn An"),
            ("nominee-template", officer_client, reverse("awards:import_template"), "Nguyễn Văn A"),
            ("targets-template", officer_client, reverse("targets:import_template") + "?year=2023", ""),
            # The list pages' downloads (issue 33, item 10), each with a filter applied.
            ("queue", officer_client, reverse("awards:submission_list_excel") + "?year=2023", submission.title),
            ("decisions", officer_client, reverse("awards:decision_list_excel") + f"?year={decision.year}", decision.code),
            ("history", officer_client, reverse("awards:history_excel") + "?q=an", "Nguyễn Văn An"),
            ("outbox", officer_client, reverse("awards:outbox_excel"), submission.title),
            ("registrations", officer_client, reverse("campaigns:registration_home_excel") + "?year=2023", ""),
            ("registration-overview", officer_client, reverse("campaigns:registration_overview_excel", args=[2023]),
             "2023"),
            ("persons", officer_client, reverse("organisation:person_list_excel") + "?q=nguyen", "Nguyễn Văn An")):
        response = client.get(url)
        assert response.status_code == 200, name
        files[name] = (response.content, expected)
    for name, (content, _expected) in files.items():
        (tmp_path / f"{name}.xlsx").write_bytes(content)
    profile = tmp_path / "lo-profile"
    utf8_csv = "csv:Text - txt - csv (StarCalc):44,34,76"  # comma, double quotes, UTF-8
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--convert-to", utf8_csv,
         "--outdir", str(tmp_path / "csv"), *[str(tmp_path / f"{name}.xlsx") for name in files]],
        capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr
    for name, (_content, expected) in files.items():
        csv = tmp_path / "csv" / f"{name}.csv"
        assert csv.exists() and csv.stat().st_size > 0, f"LibreOffice could not open {name}.xlsx: {result.stdout}"
        text = csv.read_text(encoding="utf-8", errors="replace")
        assert expected in text, (name, text[:300])
