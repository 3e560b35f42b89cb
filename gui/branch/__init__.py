"""Branch rules in the window."""
