"""No server error from any input: every URL pattern, every query parameter it reads, as every role, gets a table
of hostile values (NUL, words, huge numbers, Unicode digits, bidi controls, 100,000 characters) — the pages'
counterpart of the API fuzzing. The parameters a page reads are found by watching its query dict."""

import pytest
from django.test import Client
from django.utils.datastructures import MultiValueDict

from organisation.models import User

from .test_permission_matrix import _fill, _patterns

HOSTILE = ["a\x00b", "abc", "99999", "²", "1e30", "-1", "\u202egnp.exe", "x" * 100_000]
ROLES = ["demo_staff", "demo_officer", "demo_leader"]
SKIP = {"logout", "set_language"}


def _params_read(client, url, monkeypatch) -> set[str]:
    """The query parameters the page looks at when it is opened."""
    seen: set[str] = set()
    original_get, original_getlist = MultiValueDict.get, MultiValueDict.getlist
    original_contains = MultiValueDict.__contains__

    def get(self, key, default=None):
        seen.add(key)
        return original_get(self, key, default)

    def getlist(self, key, default=None):
        seen.add(key)
        return original_getlist(self, key, default)

    def contains(self, key):
        seen.add(key)
        return original_contains(self, key)

    with monkeypatch.context() as patch:
        patch.setattr(MultiValueDict, "get", get)
        patch.setattr(MultiValueDict, "getlist", getlist)
        patch.setattr(MultiValueDict, "__contains__", contains)
        client.get(url)
    return {key for key in seen if isinstance(key, str) and key.isidentifier() and not key.startswith(("HTTP_", "_"))
            and key not in {"csrftoken", "sessionid", "django_language", "next"}}


@pytest.mark.parametrize("role", ROLES)
def test_no_server_error_from_hostile_query_values(objects, role, monkeypatch):
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.get(username=role))
    patterns = [(n, r) for n, r in _patterns() if not n.startswith("admin:") and "(?P" not in r
                and not r.startswith("api/") and n not in SKIP]
    problems, probed = [], 0
    for name, route in patterns:
        url = _fill(name, route, objects)
        for param in sorted(_params_read(client, url, monkeypatch) | {"page"}):
            for value in HOSTILE:
                probed += 1
                code = client.get(url, {param: value}).status_code
                if code >= 500:
                    problems.append(f"{url}?{param}={value[:12]!r}: {code}")
    print(f"[security record] hostile query values, {role}: {len(patterns)} pages, {probed} requests")
    assert probed > 400
    assert problems == []


def test_a_nul_byte_is_refused_with_the_portals_400_page(objects):
    client = Client()
    client.force_login(User.objects.get(username="demo_officer"))
    response = client.get("/khen-thuong/lich-su/", {"q": "a\x00b"})
    assert response.status_code == 400
    assert "Thi đua - Khen thưởng" in response.content.decode()
    posted = client.post("/khen-thuong/ho-so/moi/", {"title": "Tờ trình\x00"})
    assert posted.status_code == 400
