"""Circles and promotion activities."""
