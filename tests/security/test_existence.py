"""Nothing is enumerable: for every page with an id in its URL, a user who may not see the object (the staff of
another unit: the objects here are unit A's) gets the same answer whether it exists or not (issue 17, item 9),
GET and POST. (A role that sees an object but may not change it gets 403: it knows the object already.)"""

import re

import pytest

from .test_permission_matrix import _client, _fill, _patterns

MISSING = "987654321"


def _missing(url: str, route: str) -> str:
    """The same URL with every integer id replaced by one no object has."""
    ints = [m.group(1) for m in re.finditer(r"<int:(\w+)>", route)]
    path = route
    for name in ints:
        path = path.replace(f"<int:{name}>", MISSING)
    filled = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: "x", path)
    # keep the non-id parts (codes, years, formats) of the real URL
    real_parts, fake_parts = url.strip("/").split("/"), filled.strip("/").split("/")
    return "/" + "/".join(MISSING if f == MISSING else r for r, f in zip(real_parts, fake_parts, strict=True)) + "/"


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_object_the_role_may_not_see_answers_like_one_that_does_not_exist(objects, method):
    patterns = [(n, r) for n, r in _patterns() if "<int:" in r and not n.startswith("admin:")
                and not r.startswith("api/")]
    assert len(patterns) > 25
    clients = {role: _client(role) for role in ("demo_staff_b",)}
    leaks = []
    for name, route in patterns:
        url = _fill(name, route, objects)
        if not url.endswith("/"):
            continue
        missing = _missing(url, route)
        for role, client in clients.items():
            existing_code = getattr(client, method)(url).status_code
            missing_code = getattr(client, method)(missing).status_code
            if {existing_code, missing_code} == {403, 404}:
                leaks.append(f"{role} {method.upper()} {url}: {existing_code}, missing id: {missing_code}")
    assert leaks == []
