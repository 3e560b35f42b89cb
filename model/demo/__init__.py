"""The demo archive, built from one seed."""
