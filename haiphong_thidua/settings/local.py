"""Development, demo and test settings (the default of manage.py)."""

from .base import *  # noqa: F401,F403
from .base import env

# The portal as the README's first command starts it shows the portal's own Vietnamese error pages, never
# Django's debug page with the site's URL list. Developer mode: DEBUG=true bash scripts/run.sh
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="insecure-local-development-key-not-for-production")
DEMO_ACCOUNTS_ALLOWED = True
REPORT_SIGNER_NAME = env.str("REPORT_SIGNER_NAME", default="Phạm Minh Đức")  # the demo Board officer
# The demo's officers sign in with their password alone; production requires the second factor (base.py).
# Try it here with MFA_REQUIRED=true bash scripts/run.sh (staff can opt in either way).
MFA_REQUIRED = env.bool("MFA_REQUIRED", default=False)
