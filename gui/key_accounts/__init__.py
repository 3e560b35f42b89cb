"""The Key accounts area."""
