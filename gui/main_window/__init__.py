"""The main window: frame, actions, navigation, the archive session, app lock, first run, preferences."""
