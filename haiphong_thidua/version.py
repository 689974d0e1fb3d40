"""The portal's release (calendar versioning: YEAR.MONTH.N). Raised with every release, each one described in
CHANGELOG.md, with its upgrade notes (migrations, settings added) in docs/operations.md."""

__version__ = "2026.12.1"
