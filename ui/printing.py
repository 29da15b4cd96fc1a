"""Files the window writes for printing or a spreadsheet, whole or not at all: documents (the
year in review, a campaign's shopping list and mailing labels) as PDF through Qt's own PDF
writer, HTML laid out on A4 pages; and CSV text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from nurture.io.files import csv_bytes, write_via_part, write_whole


def write_pdf(html: str, target: Path, title: str) -> int:
    """Lay out `html` on A4 pages into `target` (through a `.part` file renamed over it);
    returns how many pages it took."""
    document = QTextDocument()
    document.setHtml(html)

    def write(partial: Path) -> None:
        writer = QPdfWriter(str(partial))
        writer.setTitle(title)
        writer.setCreator("Nurture")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 15),
                QPageLayout.Unit.Millimeter,
            )
        )
        document.print_(writer)
        del writer  # closes and flushes the file

    write_via_part(target, write)
    return document.pageCount()


def write_text(target: Path, text: str) -> None:
    """A CSV file, whole or not at all, as spreadsheets open it right."""
    write_whole(target, csv_bytes(text))
