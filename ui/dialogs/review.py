"""File ▸ Year in review…: the year's numbers on screen, for any year, and Save as PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nurture.domain.review import YearReview
from nurture.errors import NurtureError
from ui.printing import write_pdf
from ui.review_html import review_html
from ui.workspace import Workspace


class ReviewDialog(QDialog):
    def __init__(self, parent: QWidget | None, workspace: Workspace) -> None:
        super().__init__(parent)
        self.setWindowTitle("Year in review")
        self.resize(720, 640)
        self.workspace = workspace
        self.review: YearReview | None = None
        this_year = workspace.now().astimezone().year
        self.year = QSpinBox()
        self.year.setRange(1970, this_year + 1)
        self.year.setValue(this_year)
        self.year.valueChanged.connect(lambda *_: self.reload())
        self.page = QTextBrowser()
        self.save = QPushButton("Save as &PDF…")
        self.save.clicked.connect(lambda: self.save_pdf())
        self.status = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel("Year:"))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.save)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.page, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        review, year = self.workspace.core.review, self.year.value()
        self.save.setEnabled(False)
        self.workspace.reads.run(lambda: review.year(year), self._show, self.workspace.fail)

    def _show(self, review: YearReview) -> None:
        self.review = review
        self.page.setHtml(review_html(review))
        self.save.setEnabled(True)

    def save_pdf(self, target: Path | None = None) -> Path | None:
        """Print the review to a PDF (asking where, unless `target` is given)."""
        if self.review is None:
            return None
        if target is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, "Save the review", f"Nurture review {self.review.year}.pdf", "PDF (*.pdf)"
            )
            if not chosen:
                return None
            target = Path(chosen)
        try:
            pages = write_pdf(review_html(self.review), target, f"{self.review.year} in review")
        except NurtureError as error:
            self.status.setText(error.message)
            return None
        self.status.setText(f"Saved {target.name} ({pages} page{'s' * (pages != 1)}).")
        return target
