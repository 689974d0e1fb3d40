"""Cached page fragments that are never stale: keyed on PostgreSQL data versions.

Every table of a *data domain* (one per app: ``awards``, ``targets``, ``campaigns``,
``organisation``, ``legal``) carries a trigger that advances the domain's sequence
``portal_data_version_<domain>`` whenever a row is inserted, updated or deleted, or the table is
truncated, whoever writes it: the services, the admin, Excel imports, ``COPY`` in
``generate_demo_data``, a restore. A page reads the versions of the domains it shows in one query
and looks its rendered fragment up under a key that contains them, so any change to the data
behind a fragment makes a new key and the fragment is rendered again on the next view.

* The row triggers are ``DEFERRABLE INITIALLY DEFERRED`` constraint triggers: the version advances
  when the writing transaction commits, not when it writes, so a reader cannot store the old data
  under the new version in between. ``FRAGMENT_CACHE_SECONDS`` bounds what is left of that window.
* A request whose own transaction has written something (``txid_current_if_assigned()`` is set)
  neither reads nor stores fragments: it may see rows that are not committed yet.
* Updates that only touch ``last_login`` do not count: a login must not invalidate every page.

Fragments live in the ``fragments`` cache (Redis when ``REDIS_URL`` is set, otherwise memory per
process: correct either way, because the key carries the versions). Business rules do not live
here; this module only decides whether rendered HTML can be reused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from contextlib import contextmanager

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import connection, connections
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

DOMAINS = ("organisation", "legal", "campaigns", "awards", "targets")
PREFIX = "portal_data_version_"
TRIGGER = "portal_data_version"

_FUNCTION = """
CREATE OR REPLACE FUNCTION portal_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_LEVEL = 'ROW'
     AND (to_jsonb(OLD) - 'last_login') IS NOT DISTINCT FROM (to_jsonb(NEW) - 'last_login') THEN
    RETURN NULL;
  END IF;
  PERFORM nextval(TG_ARGV[0]::regclass);
  RETURN NULL;
END $$;
"""


def tables(domain: str) -> list[str]:
    """Every table of the domain's app, including history tables and many-to-many links."""
    config = apps.get_app_config(domain)
    return sorted({m._meta.db_table for m in config.get_models(include_auto_created=True)
                   if m._meta.managed and not m._meta.proxy})


def _present_tables(conn, cursor=None) -> list[tuple[str, str]]:
    """(domain, table) for every domain table that exists in the database ``conn`` points at."""
    present = set(conn.introspection.table_names(cursor))
    return [(domain, table) for domain in DOMAINS for table in tables(domain) if table in present]


def _check(domains) -> None:
    unknown = set(domains) - set(DOMAINS)
    if unknown:
        raise ValueError(f"unknown data domains: {sorted(unknown)}")


def install_triggers(using: str = "default", **kwargs) -> int:
    """Create the sequences, the function and any missing trigger; returns how many were created.

    Runs after every ``migrate`` (post_migrate), so a new model's table is covered as soon as it exists.
    """
    conn = connections[using]
    if conn.vendor != "postgresql":
        return 0
    created = 0
    with conn.cursor() as cursor:
        cursor.execute(_FUNCTION)
        cursor.execute("SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE tgname LIKE %s",
                       [TRIGGER + "%"])
        existing = set(cursor.fetchall())
        for domain in DOMAINS:
            cursor.execute(f"CREATE SEQUENCE IF NOT EXISTS {PREFIX}{domain}")
        for domain, table in _present_tables(conn, cursor):
            quoted, sequence = conn.ops.quote_name(table), PREFIX + domain
            if (table, TRIGGER + "_row") not in existing:
                cursor.execute(
                    f"CREATE CONSTRAINT TRIGGER {TRIGGER}_row AFTER INSERT OR UPDATE OR DELETE ON {quoted} "
                    f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                    f"EXECUTE FUNCTION portal_bump_data_version('{sequence}')")
                created += 1
            if (table, TRIGGER + "_truncate") not in existing:
                cursor.execute(
                    f"CREATE TRIGGER {TRIGGER}_truncate AFTER TRUNCATE ON {quoted} "
                    f"FOR EACH STATEMENT EXECUTE FUNCTION portal_bump_data_version('{sequence}')")
                created += 1
    return created


def versions(*domains: str) -> tuple | None:
    """The current version of each domain, or None when this transaction has written data."""
    _check(domains)
    # Sequence names come from DOMAINS only (checked above), never from a request.
    columns = ", ".join(f"(SELECT last_value FROM {PREFIX}{d})" for d in domains)  # nosec B608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT txid_current_if_assigned(), {columns}")
        row = cursor.fetchone()
    if row[0] is not None:
        return None
    return tuple(row[1:])


def bump(*domains: str) -> None:
    """Advance versions by hand (after bulk loads that ran with the row triggers disabled)."""
    _check(domains)
    with connection.cursor() as cursor:
        for domain in domains or DOMAINS:
            cursor.execute(f"SELECT nextval('{PREFIX}{domain}')")


@contextmanager
def bulk_load():
    """Inside a transaction: load millions of rows without queueing a version event per row.

    The row triggers are disabled for this transaction only (ALTER TABLE is transactional) and every
    version is advanced once at the end, so cached fragments are still renewed.
    """
    if connection.vendor != "postgresql":
        yield
        return
    if not connection.in_atomic_block:
        raise RuntimeError("bulk_load() must run inside transaction.atomic()")
    names = [connection.ops.quote_name(table) for _domain, table in _present_tables(connection)]

    def switch(state: str) -> None:
        with connection.cursor() as cursor:
            # ALTER TABLE refuses while deferred events are queued: fire them now (foreign-key checks of
            # the rows written so far included), then return to the deferred mode Django's keys use.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for name in names:
                cursor.execute(f"ALTER TABLE {name} {state} TRIGGER {TRIGGER}_row")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")

    switch("DISABLE")
    yield
    switch("ENABLE")
    bump()


def fragment(name: str, parts: Iterable, domains: Iterable[str], render: Callable[[], str],
             reuse: bool = True) -> SafeString:
    """Rendered HTML of ``render()``, reused while the data of ``domains`` has not changed.

    ``render`` must return template output (``render_to_string``), which the template engine has
    escaped. ``parts`` must hold everything else the HTML depends on (filters, page, the viewer's
    scope, today's date where deadlines show); the active language is added here. ``reuse=False``
    renders without the cache (a page showing the viewer's own forms and CSRF token).
    """
    seconds = settings.FRAGMENT_CACHE_SECONDS
    current = versions(*domains) if seconds and reuse else None
    if current is None:
        html = str(render())
    else:
        raw = repr((connection.settings_dict["NAME"], name, translation.get_language(), tuple(parts), current))
        key = "frag:" + name + ":" + hashlib.sha256(raw.encode()).hexdigest()
        store = caches["fragments"]
        html = store.get(key)
        if html is None:
            html = str(render())
            store.set(key, html, seconds)
    # Output of the template engine, escaped when it was rendered.
    return mark_safe(html)  # nosec B308 B703


def split(html: SafeString, marker: str) -> list[SafeString]:
    """Cut a fragment at ``marker`` (an HTML comment its template placed between two blocks)."""
    # Pieces of escaped template output.
    return [mark_safe(part) for part in html.split(marker)]  # nosec B308 B703
