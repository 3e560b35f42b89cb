"""Preferences: language, the user's name, the branch on printouts, phone printing, app lock.

``PreferencesDialog.ask(parent) -> bool`` saves and returns True when the user
pressed OK. A changed language applies at the next start; the dialog says so.
"""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget)

from model.core import language, settings


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._initial_language = settings.get(settings.LANGUAGE)

        self.language = QComboBox()
        self.language.addItem(self.tr("The system's language"), "")
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        index = self.language.findData(self._initial_language)
        self.language.setCurrentIndex(max(index, 0))

        self.user_name = QLineEdit(settings.get(settings.USER_NAME))
        self.user_name.setPlaceholderText(settings.user_name())
        self.user_name.setToolTip(self.tr("Recorded as who made each change and logged each "
                                          "contact. Empty: your login name."))
        self.branch = QLineEdit(settings.get(settings.BRANCH_NAME))
        # Seed 002: the senior leader (副总级领导) phones the A-tier customers' heads monthly.
        from model.grading import a_service
        self.senior = QLineEdit(settings.get(settings.SENIOR_LEADER))
        self.senior.setObjectName("senior_leader")
        self.senior.setPlaceholderText(a_service.service_rules().senior_leader or self.tr("e.g. 刘副总"))
        self.senior.setToolTip(self.tr("Who phones the A-tier customers' heads each month (the seed's "
                                       "vice-general-manager level); empty: the branch pack's name"))
        self.branch.setToolTip(self.tr("Printed in the header of visit plans and tracking logs."))
        self.full_phone = QCheckBox(self.tr("Print phone numbers in full (otherwise 138****5678)"))
        self.full_phone.setChecked(bool(settings.get(settings.PRINT_FULL_PHONE)))
        self.backup_on_close = QCheckBox(self.tr("Back up the archive when closing, if it changed"))
        self.backup_on_close.setChecked(bool(settings.get(settings.BACKUP_ON_CLOSE)))

        self.lock_minutes = QSpinBox()
        self.lock_minutes.setObjectName("lock_minutes")
        self.lock_minutes.setRange(0, 240)
        self.lock_minutes.setSuffix(self.tr(" min"))
        self.lock_minutes.setSpecialValueText(self.tr("Never"))
        self.lock_minutes.setValue(max(0, min(240, int(settings.get(settings.LOCK_IDLE_MINUTES)))))
        self.lock_note = QLabel(self.tr("After this many minutes without use Kehu hides your "
                                        "customers, closes the archive and forgets its key; "
                                        "unlocking brings you back where you were. 0: never."))
        self.lock_note.setWordWrap(True)

        self.restart_note = QLabel(self.tr("The new language applies the next time Kehu starts."))
        self.restart_note.setWordWrap(True)
        self.restart_note.setVisible(False)
        self.language.currentIndexChanged.connect(
            lambda _i: self.restart_note.setVisible(
                self.language.currentData() != self._initial_language))

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", self.restart_note)
        form.addRow(self.tr("Your &name:"), self.user_name)
        form.addRow(self.tr("&Branch:"), self.branch)
        form.addRow(self.tr("&Senior leader:"), self.senior)
        form.addRow("", self.full_phone)
        form.addRow("", self.backup_on_close)
        form.addRow(self.tr("Lock after &idle:"), self.lock_minutes)
        form.addRow("", self.lock_note)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)

    def save(self) -> None:
        chosen = self.language.currentData()
        settings.put(settings.LANGUAGE, chosen if chosen in language.SUPPORTED else "")
        settings.put(settings.USER_NAME, self.user_name.text().strip())
        settings.put(settings.BRANCH_NAME, self.branch.text().strip())
        settings.put(settings.SENIOR_LEADER, self.senior.text().strip())
        settings.put(settings.PRINT_FULL_PHONE, self.full_phone.isChecked())
        settings.put(settings.BACKUP_ON_CLOSE, self.backup_on_close.isChecked())
        settings.put(settings.LOCK_IDLE_MINUTES, self.lock_minutes.value())

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> bool:
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        dialog.save()
        return True
