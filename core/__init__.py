"""The kernel: what every feature app uses and that has models — notifications, reminders, import jobs, the
worker's heartbeat and health, backups, and the data-version cache of page fragments. Imports no feature app."""
