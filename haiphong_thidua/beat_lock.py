"""Exactly one Celery beat (issue 29): the beat holds a PostgreSQL advisory lock for as long as it runs.

At ``beat_init`` the beat opens a connection of its own (not Django's, which the scheduler closes and reopens) and
takes ``pg_try_advisory_lock(BEAT_LOCK_KEY)``. A second beat against the same database finds the lock taken, logs
why and exits with status 75 before scheduling anything; the lock goes with the first beat's connection when that
process ends (a crash included), so a restarted beat takes it again at once. docs/operations.md ("One beat")."""

from __future__ import annotations

import logging

from celery.signals import beat_init
from django.db import connections

logger = logging.getLogger(__name__)
BEAT_LOCK_KEY = 0x48505444_62656174  # "HPTD" "beat": one key for the portal's beat in its database
REFUSED_EXIT_CODE = 75  # EX_TEMPFAIL
_held: list = []  # the connection that holds the lock, kept open for the beat's life


class AnotherBeatIsRunning(SystemExit):
    pass


def take() -> bool:
    """Take the beat's lock on a connection of its own; False if another process holds it."""
    connection = connections.create_connection("default")
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [BEAT_LOCK_KEY])
        taken = cursor.fetchone()[0]
    if taken:
        _held.append(connection)
    else:
        connection.close()
    return taken


def release() -> None:
    while _held:
        _held.pop().close()


@beat_init.connect
def refuse_a_second_beat(sender=None, **kwargs) -> None:
    if take():
        logger.info("beat: holding the one-beat lock (PostgreSQL advisory lock %s)", BEAT_LOCK_KEY)
        return
    logger.error("beat: another beat already runs against this database (it holds PostgreSQL advisory lock %s); "
                 "this one stops without scheduling anything", BEAT_LOCK_KEY)
    raise AnotherBeatIsRunning(REFUSED_EXIT_CODE)
