"""Translatable text outside widgets: ``translate("Context", "English text")``.

pyside6-lupdate finds these calls by name, so write them literally (no
wrappers with one argument: lupdate would not know their context).
"""
from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate
