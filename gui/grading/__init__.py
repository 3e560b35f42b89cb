"""Grading in the window: the wizard, grade panels and columns, the dashboard."""
