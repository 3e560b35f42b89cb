"""The branch: merging managers' archives (issue 21)."""
