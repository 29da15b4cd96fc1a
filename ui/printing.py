"""Files the window writes for printing or a spreadsheet, whole or not at all: documents (the
year in review, a campaign's shopping list and mailing labels) as PDF through Qt's own PDF
writer, HTML laid out on A4 pages; and CSV text."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from nurture.errors import NurtureError
from nurture.io.files import csv_bytes, write_whole


def write_pdf(html: str, target: Path, title: str) -> int:
    """Lay out `html` on A4 pages into `target` (through a `.part` file renamed over it);
    returns how many pages it took."""
    partial = target.with_name(target.name + ".part")
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
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    pages = document.pageCount()
    del writer  # closes and flushes the file
    try:
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise NurtureError(f"Cannot write {target}: {error.strerror or error}.") from error
    return pages


def write_text(target: Path, text: str) -> None:
    """A CSV file, whole or not at all, as spreadsheets open it right."""
    write_whole(target, csv_bytes(text))
