"""The archive file: database, migrations, checks, encryption, backups, audit trail, purge."""
