"""Every window and dialog on the screen, whole: a field laptop has 1366×768 pixels
(and often 125 % scaling, leaving about 1093×614), less the taskbar.

Dialogs size themselves in font units ("52 lines high"), which can be taller than
such a screen, and a saved window size can come from a bigger monitor. The
application's :class:`ScreenFit` filter therefore shrinks each window to the
screen's free area (never below its minimum) and moves it inside when it is first
shown; :func:`layout_problems` says what still would not fit, for the tests and
the screen walk (tools/check_chinese_screens.py).
"""
from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QLabel, QLineEdit, QListView, QScrollArea,
                               QStackedWidget, QStyle, QStyleOptionComboBox, QStyleOptionFrame, QWidget)

# The free area a check pretends the screen has (None: the real screen). The screen walk
# sets a laptop's: 1366×768 less a 40-pixel taskbar.
simulated_area: QRect | None = None
LAPTOP = QRect(0, 0, 1366, 728)
# The scalings a laptop's display settings offer, in per cent; the checks run at each.
SCALES = (100, 125, 150)


def laptop_area(scale: int = 100) -> QRect:
    """The free area of a 1366×768 laptop (less a 40-pixel taskbar) in logical pixels at
    ``scale`` per cent: 1366×728 at 100 %, 1093×582 at 125 %, 911×485 at 150 %."""
    return QRect(0, 0, round(LAPTOP.width() * 100 / scale), round(LAPTOP.height() * 100 / scale))


def available_area(widget: QWidget | None = None) -> QRect:
    if simulated_area is not None:
        return QRect(simulated_area)
    screen = (widget.screen() if widget is not None else None) or QApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def _frame_extra(window: QWidget) -> QSize:
    """What the window manager's frame adds around the window (title bar, borders)."""
    frame, inner = window.frameGeometry(), window.geometry()
    extra = QSize(frame.width() - inner.width(), frame.height() - inner.height())
    if simulated_area is not None:        # offscreen frames are thin; a real title bar is not
        extra = extra.expandedTo(QSize(2, 32))
    return extra


def fit_on_screen(window: QWidget) -> None:
    """Shrink ``window`` to the free screen area (not below its minimum size) and move
    it inside."""
    area = available_area(window)
    extra = _frame_extra(window)
    room = QSize(max(1, area.width() - extra.width()), max(1, area.height() - extra.height()))
    minimum = window.minimumSize().expandedTo(window.minimumSizeHint() if window.layout() else QSize())
    size = window.size().boundedTo(room).expandedTo(minimum)
    if size != window.size():
        window.resize(size)
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.x()), max(area.x(), area.right() + 1 - frame.width()))
    y = min(max(frame.y(), area.y()), max(area.y(), area.bottom() + 1 - frame.height()))
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


class ScreenFit(QObject):
    """Application event filter: fits each top-level window on the screen when shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow() \
                and not watched.property("kehu_fitted") and _is_window(watched):
            watched.setProperty("kehu_fitted", True)
            fit_on_screen(watched)
        return False


def _is_window(widget: QWidget) -> bool:
    from PySide6.QtCore import Qt
    kind = widget.windowType()
    return kind in (Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Sheet)


def install(app: QApplication) -> ScreenFit:
    existing = getattr(app, "_kehu_screen_fit", None)
    if existing is None:
        existing = ScreenFit(app)
        app.installEventFilter(existing)
        app._kehu_screen_fit = existing
    return existing


class _PageScroll(QScrollArea):
    """One page of a :class:`PageStack`: as big as the room, never smaller than the page's
    minimum; scroll bars only where the minimum does not fit. (``widgetResizable`` would
    size a page with wrapped labels to its preferred height and scroll it needlessly.)"""

    def __init__(self, page: QWidget, parent: QWidget):
        super().__init__(parent)
        self.setObjectName(f"{page.objectName() or type(page).__name__}_scroll")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(page)
        page.installEventFilter(self)
        self._fit()

    def _fit(self) -> None:
        page = self.widget()
        if page is None:
            return
        minimum = page.minimumSizeHint().expandedTo(page.minimumSize())
        room = self.maximumViewportSize()
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        width, height = max(room.width(), minimum.width()), max(room.height(), minimum.height())
        if width > room.width():             # a horizontal bar takes from the height
            height = max(room.height() - bar, minimum.height())
        if height > room.height():           # a vertical bar takes from the width
            width = max(room.width() - bar, minimum.width())
            if width > room.width() - bar:
                height = max(room.height() - bar, minimum.height())
        if page.size() != QSize(width, height):
            page.resize(width, height)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        handled = super().eventFilter(watched, event)
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return handled


class PageStack(QStackedWidget):
    """The main window's areas, each page in a scroll area of its own: at 125 % or 150 %
    scaling a page that needs more room than the screen has scrolls instead of pushing the
    window off the screen (a stack is as big as its biggest page). ``addWidget``,
    ``currentWidget``, ``setCurrentWidget`` and ``removeWidget`` speak of the pages."""

    def addWidget(self, page: QWidget) -> int:  # noqa: N802 - Qt's name
        return super().addWidget(_PageScroll(page, self))

    def _area(self, page: QWidget) -> QWidget:
        for index in range(self.count()):
            area = super().widget(index)
            if area is page or isinstance(area, QScrollArea) and area.widget() is page:
                return area
        return page

    @staticmethod
    def _page(area: QWidget | None) -> QWidget | None:
        return area.widget() if isinstance(area, QScrollArea) else area

    def widget(self, index: int) -> QWidget | None:
        return self._page(super().widget(index))

    def currentWidget(self) -> QWidget | None:  # noqa: N802 - Qt's name
        return self._page(super().currentWidget())

    def setCurrentWidget(self, page: QWidget) -> None:  # noqa: N802 - Qt's name
        super().setCurrentWidget(self._area(page))

    def indexOf(self, page: QWidget) -> int:  # noqa: N802 - Qt's name
        return super().indexOf(self._area(page))

    def removeWidget(self, page: QWidget) -> None:  # noqa: N802 - Qt's name
        area = self._area(page)
        super().removeWidget(area)
        if area is not page:
            area.deleteLater()      # and the page with it


def combo_needs(combo: QComboBox) -> tuple[str, int, int]:
    """A combo box's widest choice, the pixels it needs, and the pixels its field has now."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    metrics = combo.fontMetrics()
    widest, needed = "", 0
    for index in range(min(combo.count(), 100)):
        text = combo.itemText(index)
        width = metrics.horizontalAdvance(text) + (
            combo.iconSize().width() + 4 if not combo.itemIcon(index).isNull() else 0)
        if width > needed:
            widest, needed = text, width
    return widest, needed, field.width()


def _combo_text_clipped(combo: QComboBox) -> tuple[str, int]:
    """A combo box's widest choice and how many pixels of it do not fit the box's field
    (0: every choice fits)."""
    widest, needed, room = combo_needs(combo)
    return widest, max(0, needed - room - 1)


_FIGURES = re.compile(r"^[\d .,:/+\-]+$")


def _line_text_clipped(line: QLineEdit) -> int:
    """How many pixels of a line edit's text do not fit beside its frame and buttons."""
    option = QStyleOptionFrame()
    line.initStyleOption(option)
    room = line.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, line)
    margins = line.textMargins()
    width = room.width() - margins.left() - margins.right() - 4    # QLineEdit's own 2 + 2
    if line.isClearButtonEnabled() and line.text():
        width -= line.height()           # the clear button's square, more or less
    return max(0, line.fontMetrics().horizontalAdvance(line.text()) - width - 1)


def layout_problems(window: QWidget) -> list[str]:
    """What does not fit in ``window``: larger than the free screen area (its minimum, or
    as shown), outside it, a label narrower than its one-line text (clipped), a choice
    cut in its combo box, or a list of choices too narrow for its items."""
    problems = []
    area = available_area(window)
    extra = _frame_extra(window)
    name = f"{type(window).__name__} {window.windowTitle()!r}"
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    if minimum.width() + extra.width() > area.width() or minimum.height() + extra.height() > area.height():
        problems.append(f"{name}: needs at least {minimum.width()}×{minimum.height()}, "
                        f"the screen has {area.width()}×{area.height()}")
    frame = window.frameGeometry()
    if frame.width() > area.width() or frame.height() > area.height():
        problems.append(f"{name}: shown {frame.width()}×{frame.height()} on a {area.width()}×{area.height()} screen")
    elif not area.contains(frame):
        problems.append(f"{name}: partly off-screen at {frame.x()},{frame.y()}")
    for label in window.findChildren(QLabel):
        if not label.isVisibleTo(window) or label.wordWrap() or not label.text() or label.pixmap() and \
                not label.pixmap().isNull():
            continue
        if label.width() < label.minimumSizeHint().width() - 1:
            problems.append(f"{name}: label {label.text()[:40]!r} clipped ({label.width()} of "
                            f"{label.minimumSizeHint().width()} pixels)")
    for line in window.findChildren(QLineEdit):      # a date, a time, a number: whole or wrong
        if line.isVisibleTo(window) and _FIGURES.match(line.text()):
            cut = _line_text_clipped(line)
            if cut:
                problems.append(f"{name}: {line.text()!r} is cut by {cut} pixels in its field")
    for combo in window.findChildren(QComboBox):
        if combo.isVisibleTo(window) and not combo.isEditable():
            text, cut = _combo_text_clipped(combo)
            if cut:
                problems.append(f"{name}: the choice {text[:40]!r} is cut by {cut} pixels in its box")
    for view in window.findChildren(QListView):     # a list of choices, not a table: no columns to scroll
        if view.isVisibleTo(window) and view.horizontalScrollBar().isVisible():
            problems.append(f"{name}: the list {view.accessibleName() or view.objectName()!r} is too "
                            f"narrow for its items")
    return problems
