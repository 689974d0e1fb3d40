"""Run one call per item in its own thread, all released at the same moment (real PostgreSQL row locks)."""

import threading

from django.db import connection


def at_the_same_moment(call, items) -> tuple[list, list]:
    """``call(item)`` for every item at once; returns (results, errors), each in completion order."""
    barrier, results, errors = threading.Barrier(len(items)), [], []

    def run(item):
        try:
            barrier.wait()
            results.append(call(item))
        except Exception as exc:  # collected for the test to assert on
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors
