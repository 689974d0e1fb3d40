"""The audit trail's author (django-simple-history): model-free, for the services of every app."""


def authored_by(obj, user):
    """Record ``user`` as the author of the next history row of ``obj``; returns ``obj``."""
    obj._history_user = user
    return obj
