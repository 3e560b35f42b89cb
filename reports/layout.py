"""What every printout of the program shares: A4 pages with a header (title,
branch, manager, period, "page x of y"), paragraph and table styles in the CJK
font, tables that repeat their header row on each page, ruled blank space to
write in by hand, and masked phone numbers.

A report module builds a list of flowables with these helpers and calls
:func:`build_pdf`; it never touches widgets.
"""
from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Sequence
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from model.core.i18n import translate
from model.core.privacy import mask_phone  # noqa: F401 - reports import it from here
from reports.fonts import cjk_font

MARGIN = 12 * mm
HEADER_SPACE = 20 * mm
FOOTER_SPACE = 8 * mm
GRID = colors.HexColor("#7f7f7f")
HEAD_FILL = colors.HexColor("#e6e6e6")
CELL_PADDING = 2.5


@dataclass
class ReportHeader:
    title: str
    branch: str | None = None
    manager: str | None = None
    period: str = ""
    printed_on: date | None = None


def text(value) -> str:
    """A value as text for a table cell ('' for None)."""
    return "" if value is None else str(value)


def overdue_text(days: int, never: bool = False) -> str:
    """'12 days overdue', or 'never visited' for a customer never seen (never a date years ago)."""
    if never:
        return translate("Reports", "never visited")
    return translate("Reports", "{days} days overdue").format(days=days)


_char_widths: dict[tuple[str, float], dict[str, float]] = {}


_TOKEN = re.compile(r"\s+|[\u2e80-\U0010ffff]|[^\s\u2e80-\U0010ffff]+")


def wrap_text(value, width: float, font: str, size: float) -> str:
    """Text broken into lines no wider than ``width`` points, as a plain table cell
    ('\n' between lines). Much faster than a Paragraph for the thousands of cells
    of a long log. Chinese breaks between any two characters; other text (words,
    numbers, dates such as 2026-12-04) breaks at spaces and before or after Chinese,
    never inside, unless a word alone is wider than the column."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    widths = _char_widths.setdefault((font, size), {})

    def measure(token: str) -> float:
        total = 0.0
        for ch in token:
            w = widths.get(ch)
            if w is None:
                w = widths[ch] = stringWidth(ch, font, size)
            total += w
        return total

    out = []
    for paragraph in text(value).split("\n"):
        line, used = "", 0.0
        for token in _TOKEN.findall(paragraph):
            w = measure(token)
            if token.isspace():
                if line:
                    line, used = line + " ", used + measure(" ")
                continue
            if used + w > width and line.strip():
                out.append(line.rstrip())
                line, used = "", 0.0
            while w > width and len(token) > 1:      # a word wider than the column: by characters
                cut = 1
                while cut < len(token) and measure(token[:cut + 1]) <= width - used:
                    cut += 1
                out.append(line + token[:cut])
                line, used = "", 0.0
                token = token[cut:]
                w = measure(token)
            line, used = line + token, used + w
        out.append(line.rstrip())
    return "\n".join(out)


def _is_cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80


class Styles:
    """Paragraph styles in the CJK font; Chinese wraps between any two characters."""

    def __init__(self, size: float = 8.5):
        font = cjk_font()
        self.font = font
        self.size = size
        self.body = ParagraphStyle("body", fontName=font, fontSize=size, leading=size * 1.25,
                                   wordWrap="CJK")
        self.small = ParagraphStyle("small", parent=self.body, fontSize=size - 1.5,
                                    leading=(size - 1.5) * 1.25, textColor=colors.HexColor("#333333"))
        self.head = ParagraphStyle("head", parent=self.body, fontSize=size, leading=size * 1.2)
        self.heading = ParagraphStyle("heading", parent=self.body, fontSize=size + 3.5,
                                      leading=(size + 3.5) * 1.3, spaceBefore=2 * mm, spaceAfter=2 * mm)
        self.note = ParagraphStyle("note", parent=self.body, fontSize=size, leading=size * 1.5,
                                   spaceBefore=4 * mm)

    def p(self, value, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of plain text (escaped; newlines kept)."""
        return Paragraph(escape(text(value)).replace("\n", "<br/>"), style or self.body)

    def cell(self, value, width: float, size: float | None = None) -> str:
        """Plain text wrapped to a column ``width`` (the table's padding taken off)."""
        return wrap_text(value, width - 2 * CELL_PADDING - 0.5, self.font, size or self.size)

    def lines(self, values: Iterable, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph("<br/>".join(escape(text(v)) for v in values if v not in (None, "")),
                         style or self.body)


class RuledSpace(Flowable):
    """Blank space to write in: ``lines`` lines, each ``line_height`` tall, ruled
    lightly (the cell's own grid draws the outer edges)."""

    def __init__(self, lines: int, line_height: float = 7 * mm):
        super().__init__()
        self.count = max(1, lines)
        self.line_height = line_height

    def wrap(self, available_width, available_height):
        self.width = available_width
        return available_width, self.count * self.line_height

    def draw(self):
        c = self.canv
        c.setStrokeColor(colors.HexColor("#b0b0b0"))
        c.setLineWidth(0.3)
        c.setDash(1, 2)
        for i in range(1, self.count):
            y = i * self.line_height
            c.line(0, y, self.width, y)
        c.setDash()


def table(header: Sequence, rows: list[list], widths: Sequence[float], styles: Styles,
          extra: Sequence[tuple] = ()) -> Table:
    """A grid table whose first row is a header repeated on every page it runs onto."""
    head = [styles.p(h, styles.head) if isinstance(h, str) else h for h in header]
    result = Table([head] + rows, colWidths=list(widths), repeatRows=1, splitByRow=1)
    result.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.font),
        ("FONTSIZE", (0, 0), (-1, -1), styles.size),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("LEADING", (0, 0), (-1, -1), styles.size * 1.25),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        *extra,
    ]))
    return result


def _header_canvas(header: ReportHeader, font: str):
    """A canvas class that draws the header and 'page x of y' once the page count is known."""
    printed = (header.printed_on or date.today()).isoformat()
    branch = translate("Reports", "Branch: {branch}").format(branch=header.branch or "-")
    manager = translate("Reports", "Manager: {manager}").format(manager=header.manager or "-")
    period = translate("Reports", "Period: {period}").format(period=header.period) if header.period else ""
    printed_text = translate("Reports", "Printed {date}").format(date=printed)
    page_text = translate("Reports", "Page {page} of {pages}")

    class HeaderCanvas(pdf_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            width, height = self._pagesize
            top = height - MARGIN
            self.saveState()
            self.setFont(font, 13)
            self.drawString(MARGIN, top - 5 * mm, header.title)
            self.setFont(font, 9)
            self.drawRightString(width - MARGIN, top - 5 * mm,
                                 page_text.format(page=number, pages=total))
            self.drawString(MARGIN, top - 11 * mm, "    ".join(t for t in (branch, manager, period) if t))
            self.setStrokeColor(GRID)
            self.setLineWidth(0.6)
            self.line(MARGIN, top - 13.5 * mm, width - MARGIN, top - 13.5 * mm)
            self.setFont(font, 7.5)
            self.setFillColor(colors.HexColor("#555555"))
            self.drawString(MARGIN, MARGIN - 4 * mm, printed_text)
            self.restoreState()

    return HeaderCanvas


def page_frame_width(landscape_pages: bool) -> float:
    size = landscape(A4) if landscape_pages else A4
    return size[0] - 2 * MARGIN


def build_pdf(path: Path | str, story: list, header: ReportHeader, *, landscape_pages: bool = False,
              subject: str = "") -> Path:
    """Write the story to ``path`` as A4 pages with the header on each page."""
    path = Path(path)
    font = cjk_font()
    size = landscape(A4) if landscape_pages else A4
    built = io.BytesIO()      # written out whole at the end, owner-only (model.core.private_files)
    doc = SimpleDocTemplate(built, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN + HEADER_SPACE - 6 * mm, bottomMargin=MARGIN + FOOTER_SPACE - 4 * mm,
                            title=header.title, author=header.manager or "", subject=subject,
                            creator="Kehu", initialFontName=font)  # else an unused Helvetica is listed
    doc.build(story, canvasmaker=_header_canvas(header, font))
    from model.core import private_files
    with private_files.replacing(path) as temporary:
        temporary.write_bytes(built.getvalue())
    return path


@contextlib.contextmanager
def report_language(language: str | None):
    """Make the report in ``language`` ('en', 'zh_CN'), whatever the program's
    language; without one, in the installed language."""
    from PySide6.QtCore import QCoreApplication
    from model.core import language as languages
    app = QCoreApplication.instance()
    if not language or app is None:
        yield
        return
    speaking = languages.installed_language()
    if language == speaking:
        yield
        return
    languages.install_translators(app, language)
    try:
        yield
    finally:
        languages.install_translators(app, speaking)


def weekday_name(day: date) -> str:
    names = (translate("Reports", "Monday"), translate("Reports", "Tuesday"),
             translate("Reports", "Wednesday"), translate("Reports", "Thursday"),
             translate("Reports", "Friday"), translate("Reports", "Saturday"),
             translate("Reports", "Sunday"))
    return names[day.weekday()]
