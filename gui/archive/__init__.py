"""Archive files in the window: new/open/backup/restore, audit trail, passphrases, purge."""
