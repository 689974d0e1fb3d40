"""Releases (issue 30, item 5): one version number, shown in the footer, /healthz and the API schema, and
described in the changelog."""

import yaml
from django.conf import settings

from haiphong_thidua.version import __version__


def test_the_version_is_shown_everywhere_and_described(db, client, officer_client):
    assert f'id="portal-version">Phiên bản {__version__}<' in client.get("/dang-nhap/").content.decode()
    assert officer_client.get("/healthz").json()["version"] == __version__  # anonymous callers get the status only
    assert yaml.safe_load(officer_client.get("/api/schema/").content)["info"]["version"] == __version__
    changelog = (settings.BASE_DIR / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {__version__} — " in changelog
    assert f"**{__version__}**" in (settings.BASE_DIR / "docs" / "operations.md").read_text(encoding="utf-8")
