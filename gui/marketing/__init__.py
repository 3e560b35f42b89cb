"""The Circles & activities area."""
