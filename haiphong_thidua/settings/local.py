"""Development, demo and test settings (the default of manage.py)."""

from .base import *  # noqa: F401,F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="insecure-local-development-key-not-for-production")
DEMO_ACCOUNTS_ALLOWED = True
