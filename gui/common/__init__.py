"""Widgets and machinery every area shares: tasks, forms, screen fit, preview, undo, charts."""
