"""The Partners area and the 101 checklist."""
