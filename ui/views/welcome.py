"""The first-run page: what Nurture is, and a one-click way to try it with sample data."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

SAMPLE_CONTACTS = 500


class WelcomePage(QWidget):
    try_sample_data = Signal()
    import_requested = Signal()

    def __init__(self, icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        logo = QLabel()
        logo.setPixmap(icon.pixmap(96, 96))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel("Welcome to Nurture")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        text = QLabel(
            "Every birthday, every follow-up, every gift and introduction, for everyone who "
            "matters to your business. Your contacts stay on this computer, in a file that "
            "belongs to you.\n\nBring in the address books you have (Google, Outlook, LinkedIn, "
            "Apple), or look around first with a sample network of "
            f"{SAMPLE_CONTACTS} people, their families, tastes and history."
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setFixedWidth(520)
        text.setMinimumHeight(text.heightForWidth(520))
        self.sample_button = QPushButton("Try with sample data")
        self.sample_button.setDefault(True)
        self.sample_button.setMinimumHeight(36)
        self.sample_button.clicked.connect(self._start)
        self.import_button = QPushButton("Import contacts…")
        self.import_button.setMinimumHeight(36)
        self.import_button.clicked.connect(self.import_requested.emit)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(320)
        self.progress.setTextVisible(False)
        self.progress.hide()

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(logo)
        layout.addSpacing(12)
        layout.addWidget(title)
        layout.addSpacing(8)
        layout.addWidget(text, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(20)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.sample_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(self.progress, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)

    def _start(self) -> None:
        self.sample_button.setEnabled(False)
        self.sample_button.setText("Creating sample network…")
        self.progress.show()
        self.try_sample_data.emit()

    def reset(self) -> None:
        self.sample_button.setEnabled(True)
        self.sample_button.setText("Try with sample data")
        self.progress.hide()
