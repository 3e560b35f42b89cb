"""Small widgets and labels shared by the customer dialogs.

- :func:`field_label` / :func:`display_value`: a record field's name and a stored
  value as the user reads them (dimension codes as labels, gender, area types).
- :class:`DateField`: a date typed in any common way or picked from a calendar;
  empty means "no date". :class:`BirthDateField`: the same, or a year alone, with the age.
- :class:`ChoiceCombo`: a fixed list of choices with Ctrl+Z undo of the last picks.
- :class:`DimensionCombo`: one segmentation dimension's values, labelled.
- :class:`RecordsModel`: a small read-only table model over rows of text.
- :class:`TaskProgress`: progress bar, text and Cancel for work run inside a dialog.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Callable, Sequence

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QDate, QEventLoop,
                            QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QCalendarWidget, QComboBox, QHBoxLayout, QLabel, QLineEdit, QMenu,
                               QHeaderView, QProgressBar, QPushButton, QTableView, QToolButton, QVBoxLayout,
                               QWidget, QWidgetAction)

from gui.common.tasks import TaskHandle, run_task, show_error
from model.archive.database import ArchiveError
from model.core.progress import Progress

from model.core import language, normalize, rules
from model.customers import search

translate = QCoreApplication.translate

ERROR_STYLE = "color: #b3261e;"


def is_chinese() -> bool:
    return language.chosen_language().startswith("zh")


def field_labels() -> dict[str, str]:
    """Every customer field's label in the user's language (built on each call so a
    translator installed later is used)."""
    labels = {
        "name": translate("Fields", "Name"),
        "gender": translate("Fields", "Gender"),
        "phone": translate("Fields", "Phone"),
        "phone2": translate("Fields", "Second phone"),
        "address": translate("Fields", "Address"),
        "area": translate("Fields", "Area"),
        "area_type": translate("Fields", "Area type"),
        "manager": translate("Fields", "Manager"),
        "birth_date": translate("Fields", "Birth date"),
        "occupation": translate("Fields", "Occupation"),
        "employer": translate("Fields", "Employer"),
        "source": translate("Fields", "Source"),
        "created_on": translate("Fields", "Created on"),
        "last_visit": translate("Fields", "Last visit"),
        "needs": translate("Fields", "Needs"),
        "products": translate("Fields", "Products held"),
        "notes": translate("Fields", "Notes"),
        "complaints": translate("Fields", "Complaints"),
        "tags": translate("Fields", "Tags"),
        "latitude": translate("Fields", "Latitude"),
        "longitude": translate("Fields", "Longitude"),
        "size": translate("Fields", "Size"),
        "potential_amount": translate("Fields", "Potential amount"),
        "own_channel": translate("Fields", "Own supply channel"),
        "scarce_resources": translate("Fields", "Scarce resources"),
        "deal_status": translate("Fields", "Deal status"),
        "handle_by": translate("Fields", "Handle by"),
        "keyman_name": translate("Fields", "KeyMan"),
        "keyman_role": translate("Fields", "KeyMan's role"),
        "keyman_phone": translate("Fields", "KeyMan's phone"),
        "*created": translate("Fields", "Created"),
        "*deleted": translate("Fields", "Deleted"),
        "*restored": translate("Fields", "Restored"),
        # transactions (import)
        "customer_id": translate("Fields", "Customer number"),
        "txn_date": translate("Fields", "Date"),
        "amount": translate("Fields", "Amount"),
        "quantity": translate("Fields", "Quantity"),
        "product": translate("Fields", "Product"),
    }
    for dim in rules.dimensions():
        labels[dim.column] = dimension_label(dim)
    return labels


def field_label(field: str) -> str:
    """The label of a record field (a column name such as ``dim_age`` or ``phone2``)."""
    return field_labels().get(field, field)


def dimension_label(dim: rules.Dimension) -> str:
    """"Age (年龄)" in English, "年龄" in Chinese: the Chinese term is always there."""
    if is_chinese():
        return dim.label_zh
    return f"{dim.label_en} ({dim.label_zh})"


def dimension_value_label(dim: rules.Dimension, value: rules.DimensionValue) -> str:
    """"1.3 23-35 (23-35岁)" in English, "1.3 23-35岁" in Chinese."""
    if is_chinese():
        return f"{value.code} {value.label_zh}"
    return f"{value.code} {value.label_en} ({value.label_zh})"


def gender_choices() -> list[tuple[str, str | None]]:
    return [(translate("Fields", "Unknown"), None), (translate("Fields", "Male"), "male"),
            (translate("Fields", "Female"), "female")]


def area_type_choices() -> list[tuple[str, str | None]]:
    zh = is_chinese()
    return [(translate("Fields", "Not set"), None)] + [
        (a.label("zh") if zh else f"{a.label_en} ({a.label_zh})", a.key) for a in rules.area_types()]


def record_choices(field: str) -> list[tuple[str, Any]]:
    """The choices of a size, deal status or yes/no field (model.customers.customer_fields)."""
    from model.customers import customer_fields
    if field in customer_fields.YES_NO_FIELDS:
        return [(translate("Fields", "Unknown"), None), (translate("Fields", "Yes"), 1),
                (translate("Fields", "No"), 0)]
    language = "zh" if is_chinese() else "en"
    return [(translate("Fields", "Not set"), None)] + [
        (c.label(language), c.key) for c in customer_fields.field_rules().values(field)]


def channel_labels() -> dict[str, str]:
    """How a contact was made (customers.CHANNELS), as the user reads it."""
    return {
        "visit": translate("Fields", "Visit"),
        "phone": translate("Fields", "Phone call"),
        "sms": translate("Fields", "SMS"),
        "online": translate("Fields", "Online"),
    }


def birth_date_text(value: Any) -> str:
    """A stored birth date as shown: the ISO date, or a year alone as "1985" ("1985年")."""
    if value is None or value == "":
        return ""
    text = str(value)
    if normalize.is_year_only(text):
        return translate("Fields", "{year}", "a birth date known only as a year").format(year=text)
    return text


def display_value(field: str, value: Any) -> str:
    """A stored value as the user reads it; "" for no value."""
    if value is None or value == "":
        return ""
    text = str(value)
    if field == "birth_date":
        return birth_date_text(text)
    if field == "gender":
        return dict((v, t) for t, v in gender_choices()).get(text, text)
    if field == "area_type":
        return dict((v, t) for t, v in area_type_choices()).get(text, text)
    if field in ("size", "deal_status", "own_channel", "scarce_resources"):
        key = int(value) if field in ("own_channel", "scarce_resources") and str(value) in ("0", "1") else text
        return dict((v, t) for t, v in record_choices(field)).get(key, text)
    if field == "potential_amount":
        try:
            return f"{float(value):,.0f}"
        except (TypeError, ValueError):
            return text
    if field.startswith("dim_"):
        for dim in rules.dimensions():
            if dim.column == field:
                found = dim.value(text)
                return dimension_value_label(dim, found) if found else text
    return text


class DateField(QWidget):
    """A date typed as 2024-05-01, 2024/5/1 or 2024年5月1日, or picked from a
    calendar. Empty means no date. The text is checked by the model on save, so
    the user sees the model's own message for a bad date.

    Ctrl+Z undoes typing and calendar picks (the line edit's own undo)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(translate("DateField", "e.g. 2024-05-01"))
        self.line.setClearButtonEnabled(True)
        # A whole date beside the clear button, however narrow the form (a laptop at 150 %).
        metrics = self.line.fontMetrics()
        self.line.setMinimumWidth(metrics.horizontalAdvance("0000-00-00") + 2 * metrics.height() + 12)
        self.line.textEdited.connect(self.edited)
        self.button = QToolButton(self)
        self.button.setText("…")
        self.button.setToolTip(translate("DateField", "Pick a date from the calendar"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        menu = QMenu(self.button)
        self.calendar = QCalendarWidget(menu)
        self.calendar.setGridVisible(True)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._sync_calendar)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str | None) -> None:  # noqa: N802 - Qt naming
        """Set without an undo step (loading a stored value)."""
        self.line.setText(text or "")

    def _sync_calendar(self) -> None:
        try:
            current = normalize.to_date(self.line.text())
        except normalize.Invalid:
            current = None
        if current is not None:
            self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        else:
            self.calendar.setSelectedDate(QDate.currentDate())

    def _picked(self, day: QDate) -> None:
        # selectAll + insert keeps the pick undoable with Ctrl+Z.
        self.line.selectAll()
        self.line.insert(day.toString("yyyy-MM-dd"))
        self.button.menu().hide()
        self.edited.emit()


class BirthDateField(DateField):
    """A birth date: a whole date, or a year alone (1985, 1985年) when that is all that is
    known, kept as a year. The age beside it (a year alone: the age reached this year)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.line.setPlaceholderText(self.tr("e.g. 1985-03-12, or 1985"))
        self.line.setToolTip(self.tr("A whole date, or only the year when the day is not known "
                                     "(a year has no birthday reminder)"))
        self.age = QLabel(self)
        self.age.setObjectName("age")
        self.layout().insertWidget(1, self.age)
        self.line.textChanged.connect(self._show_age)

    def setText(self, text: str | None) -> None:  # noqa: N802 - Qt naming
        super().setText(birth_date_text(text))

    def _show_age(self, text: str) -> None:
        try:
            stored = normalize.birth_date(text)
        except normalize.Invalid:
            stored = None
        years = normalize.age(stored, date.today())
        if years is None:
            self.age.clear()
        elif normalize.is_year_only(stored):
            self.age.setText(self.tr("{age} this year").format(age=years))
        else:
            self.age.setText(self.tr("age {age}").format(age=years))

    def _sync_calendar(self) -> None:
        try:
            stored = normalize.birth_date(self.line.text())
        except normalize.Invalid:
            stored = None
        if normalize.is_year_only(stored):   # the calendar opens in that year
            self.calendar.setSelectedDate(QDate(int(stored), 1, 1))
        else:
            super()._sync_calendar()


def whole_choices(combo: QComboBox) -> QComboBox:
    """Make ``combo`` never narrower than its widest choice, now and as its choices change
    (a layout short of room squeezes a combo box down to its minimum, which Qt counts in
    characters, not by the choices: "Residential community" would be cut)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def follow(*_args) -> None:
        from gui.common.screen_fit import combo_needs
        _widest, needed, room = combo_needs(combo)
        chrome = combo.width() - room          # frame, arrow and margins around the field
        combo.setMinimumWidth(0)
        combo.setMinimumWidth(max(combo.sizeHint().width(), needed + chrome + 2))

    model = combo.model()
    for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
        signal.connect(follow)
    follow()
    return combo


class ChoiceCombo(QComboBox):
    """A fixed list of (label, value) choices. Ctrl+Z steps back through the
    user's picks since the value was last loaded."""

    edited = Signal()

    def __init__(self, choices: Sequence[tuple[str, Any]] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self._undo: list[int] = []
        self._last = -1
        self._loading = False
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(10)
        self.set_choices(choices)
        self.currentIndexChanged.connect(self._changed)
        # A long choice ("6.2 free, stays in the community (社区活动)") can be wider than the
        # box: the list opens wide enough for every choice, and the tooltip says it whole.
        self.currentIndexChanged.connect(lambda _i: self.setToolTip(self.currentText()))
        self.setToolTip(self.currentText())

    def set_choices(self, choices: Sequence[tuple[str, Any]]) -> None:
        self._loading = True
        try:
            self.clear()
            for label, value in choices:
                self.addItem(label, value)
        finally:
            self._loading = False
        widest = max((self.fontMetrics().horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0)
        self.view().setMinimumWidth(widest + 3 * self.fontMetrics().horizontalAdvance("M"))
        self._undo.clear()
        self._last = self.currentIndex()

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        """Select the choice holding ``value`` (the first if none does), without an undo step."""
        index = max(self.findData(value), 0) if value is not None else 0
        self._loading = True
        try:
            self.setCurrentIndex(index)
        finally:
            self._loading = False
        self._undo.clear()
        self._last = index

    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> None:
        if not self._undo:
            return
        index = self._undo.pop()
        self._loading = True
        try:
            self.setCurrentIndex(index)
        finally:
            self._loading = False
        self._last = index
        self.edited.emit()

    def _changed(self, index: int) -> None:
        self.setToolTip(self.currentText())  # the whole label, when the box is narrow
        if self._loading:
            return
        self._undo.append(self._last)
        self._last = index
        self.edited.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            event.accept()
            return
        super().keyPressEvent(event)


class DimensionCombo(ChoiceCombo):
    """The values of one segmentation dimension, plus "Unknown"; value() is the code."""

    def __init__(self, dim: rules.Dimension, parent: QWidget | None = None):
        choices = [(self.tr("Unknown"), None)] + [
            (dimension_value_label(dim, v), v.code) for v in dim.values]
        super().__init__(choices, parent)
        self.dimension = dim


class RecordsModel(QAbstractTableModel):
    """Read-only rows of text under the given headers (histories, previews, rejects)."""

    def __init__(self, headers: Sequence[str] = (), rows: Sequence[Sequence[Any]] = (),
                 parent=None):
        super().__init__(parent)
        self._headers = list(headers)
        self._rows = [list(r) for r in rows]
        self._tooltips: dict[int, str] = {}
        self._row_labels: list[str] = []

    def set_rows(self, headers: Sequence[str], rows: Sequence[Sequence[Any]],
                 header_tooltips: dict[int, str] | None = None,
                 row_labels: Sequence[Any] = ()) -> None:
        """New contents; ``row_labels`` name the rows (e.g. spreadsheet row numbers)."""
        self.beginResetModel()
        self._headers = list(headers)
        self._rows = [list(r) for r in rows]
        self._tooltips = dict(header_tooltips or {})
        self._row_labels = [str(label) for label in row_labels]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self._rows[index.row()]
            value = row[index.column()] if index.column() < len(row) else None
            return "" if value is None else str(value)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
                return self._headers[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._tooltips.get(section)
        elif role == Qt.ItemDataRole.DisplayRole:
            return self._row_labels[section] if section < len(self._row_labels) else section + 1
        return None


class TaskProgress(QWidget):
    """Work run off the GUI thread (``gui.common.tasks.run_task``) with its progress shown
    inside a dialog rather than in a window of its own: a line of text, a bar and
    a Cancel button. Starting new work forgets the results of the old."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.task: TaskHandle | None = None
        self._generation = 0
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addLayout(row)

    def running(self) -> bool:
        return self.task is not None and not self.task.finished

    def start(self, work: Callable[[Progress], Any], text: str, *,
              on_success: Callable[[Any], None], on_failure: Callable[[BaseException], None],
              on_cancel: Callable[[], None], cancellable: bool = True) -> TaskHandle:
        return self.follow(lambda succeeded, failed, cancelled: run_task(
            self, work, on_success=succeeded, on_failure=failed, on_cancel=cancelled), text,
            on_success=on_success, on_failure=on_failure, on_cancel=on_cancel, cancellable=cancellable)

    def follow(self, begin: Callable[..., TaskHandle], text: str, *,
               on_success: Callable[[Any], None], on_failure: Callable[[BaseException], None],
               on_cancel: Callable[[], None], cancellable: bool = True) -> TaskHandle:
        """Show a task another API starts (``gui.common.operations.run_write``):
        ``begin(on_success, on_failure, on_cancel)`` starts it and returns its handle."""
        self.forget()
        self._generation += 1
        generation = self._generation

        def current(callback):
            def call(*args):
                if generation == self._generation:
                    callback(*args)
            return call

        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the work reports a total
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.setEnabled(True)
        self.show()
        self.task = begin(current(on_success), current(on_failure), current(on_cancel))
        self.task.signals.progressed.connect(current(self._progressed))
        self.task.done.connect(current(lambda: self.cancel_button.setEnabled(False)))
        return self.task

    def _progressed(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        if text:
            self.label.setText(text)

    def cancel(self) -> None:
        if self.running():
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Cancelling…"))

    def forget(self) -> None:
        """Cancel running work and ignore whatever it still reports."""
        if self.running():
            self.task.cancel()
        self._generation += 1

    def wait(self, timeout_ms: int = 60000) -> None:
        """Keep the events flowing until the work has ended (before closing a dialog)."""
        if not self.running():
            return
        loop = QEventLoop()
        self.task.done.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()


def records_view(model) -> QTableView:
    """A read-only table of records: whole rows selected, alternating colours, no row numbers."""
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


def fit_columns(view: QTableView, widest: int, narrowest: int = 0) -> None:
    """Size the columns to their contents, within limits (tooltips show the rest)."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count()):
        header.resizeSection(column, min(max(header.sectionSize(column), narrowest), widest))


def show_failure(label: QLabel, exc: BaseException) -> None:
    """A problem the user can act on, in the dialog's own error line; a bug in a message box."""
    if isinstance(exc, ArchiveError):
        label.setText(str(exc))
        label.show()
    else:
        show_error(label.window(), exc)


class NameFilterProxy(QSortFilterProxyModel):
    """A list's search and sort by name as the customer list does them: a row matches when
    its name matches the query (part of it, or its pinyin: ``zw`` or ``zhangwei`` finds
    张伟) or another shown column contains it; the name column sorts in pinyin order
    (:func:`model.customers.search.sort_key`), other columns as Qt sorts them."""

    def __init__(self, parent: QWidget | None = None, name_column: int = 0, person: bool = True):
        super().__init__(parent)
        self.name_column, self.person = name_column, person
        self._query = ""
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._query = (text or "").strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def query(self) -> str:
        return self._query

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802 - Qt's name
        if not self._query:
            return True
        model = self.sourceModel()
        if search.name_matches(model.index(row, self.name_column, parent).data() or "", self._query):
            return True
        needle = search.normalize_query(self._query)
        return any(needle in str(model.index(row, column, parent).data() or "").lower()
                   for column in range(model.columnCount(parent)) if column != self.name_column)

    def lessThan(self, left, right) -> bool:  # noqa: N802 - Qt's name
        if left.column() == self.name_column:
            return (search.sort_key(str(left.data() or ""), self.person)
                    < search.sort_key(str(right.data() or ""), self.person))
        return super().lessThan(left, right)
