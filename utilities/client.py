"""The client's network address, resolved once for the whole portal (login lockout through django-axes, the
public comments' throttle).

Directly (``PROXY_COUNT=0``) it is REMOTE_ADDR and X-Forwarded-For is ignored: anyone can send that header. Behind
``PROXY_COUNT`` reverse proxies, the outermost one appends the client's address to X-Forwarded-For and each inner
one appends the address it received from, so the client is the entry ``PROXY_COUNT`` places from the right
(python-ipware; entries a client forged on the left are never read). A request without that header (one that
bypassed the proxies) falls back to REMOTE_ADDR.
"""

from __future__ import annotations

from django.conf import settings
from python_ipware import IpWare


def client_address(request) -> str:
    meta = request.META
    proxies = getattr(settings, "PROXY_COUNT", 0)
    if proxies:
        address, _routable = IpWare(precedence=("HTTP_X_FORWARDED_FOR",), proxy_count=proxies - 1).get_client_ip(meta)
        if address:
            return str(address)
    return meta.get("REMOTE_ADDR", "")
