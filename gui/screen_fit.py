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

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtWidgets import QApplication, QLabel, QWidget

# The free area a check pretends the screen has (None: the real screen). The screen walk
# sets a laptop's: 1366×768 less a 40-pixel taskbar.
simulated_area: QRect | None = None
LAPTOP = QRect(0, 0, 1366, 728)


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


def layout_problems(window: QWidget) -> list[str]:
    """What does not fit in ``window``: larger than the free screen area (its minimum, or
    as shown), outside it, or a label narrower than its one-line text (clipped)."""
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
    return problems
