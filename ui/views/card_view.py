"""The contact card pane: the card (links open mail, phone, profiles and other cards) under a
row of the actions a salesperson takes most."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nurture.domain.dto import ContactCard
from nurture.domain.enums import InteractionKind
from nurture.errors import NotFoundError
from ui.card_html import CONTACT_SCHEME, card_html
from ui.icons import icon
from ui.operations import records as record_ops
from ui.privacy import NOTICE, redacted_card
from ui.theme import colours
from ui.views.record_forms import ADDABLE, RecordForms
from ui.workspace import Workspace


class CardView(QWidget):
    edit_requested = Signal()
    log_requested = Signal(object)  # InteractionKind
    delete_requested = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.card: ContactCard | None = None
        workspace.privacy.changed.connect(lambda _on: self.reload())
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        self.browser.setPlaceholderText("Select a contact to see everything about them.")
        self.forms = RecordForms(self, workspace)
        # Back and Forward between cards reached by their links (Alt+Left / Alt+Right).
        self._back: list[int] = []
        self._forward: list[int] = []
        self.back_button = QToolButton()
        self.back_button.setText("◀")  # text follows the palette; theme arrows can vanish
        self.back_button.setToolTip("Back to the previous card (Alt+Left)")
        self.back_button.clicked.connect(self.go_back)
        self.forward_button = QToolButton()
        self.forward_button.setText("▶")
        self.forward_button.setToolTip("Forward (Alt+Right)")
        self.forward_button.clicked.connect(self.go_forward)
        for keys, go in (("Alt+Left", self.go_back), ("Alt+Right", self.go_forward)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(go)
        # The everyday actions up front; everything else (and Delete) under More.
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.forward_button)
        log = QToolButton()
        log.setText("&Log…")
        log.setToolTip("Log a call, email, lunch or meeting (the arrow: a call or an email, now)")
        log.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        log.clicked.connect(lambda: self.log_requested.emit(None))
        buttons.addWidget(log)
        self.buttons: dict[str, QAbstractButton] = {"log": log}
        for key, label, handler in (
            ("follow-up", "&Follow-up…", lambda: self.add("follow-up")),
            ("gift", "&Gift…", lambda: self.add("gift")),
            ("edit", "&Edit…", self.edit_requested.emit),
            ("more", "&More", None),
        ):
            button = QPushButton(label)
            if handler is not None:
                button.clicked.connect(handler)
            buttons.addWidget(button)
            self.buttons[key] = button
        more_button = self.buttons["more"]
        assert isinstance(more_button, QPushButton)
        log_menu = QMenu(self)
        for kind, words in (
            (InteractionKind.CALL, "A call, now"),
            (InteractionKind.EMAIL, "An email, now"),
        ):
            quick = log_menu.addAction(words)
            quick.triggered.connect(lambda _=False, kind=kind: self.log_requested.emit(kind))
        log.setMenu(log_menu)
        more = QMenu(self)
        self.add_actions: dict[str, QAction] = {}
        for what, words in ADDABLE.items():
            action = more.addAction(words)
            action.triggered.connect(lambda _=False, what=what: self.add(what))
            self.add_actions[what] = action
        more.addSeparator()
        self.delete_action = more.addAction(icon("delete"), "Delete this contact…")
        self.delete_action.triggered.connect(self.delete_requested.emit)
        more_button.setMenu(more)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.browser, 1)
        self._enable(False)

    def show_contact(self, contact_id: int | None) -> None:
        """Show a contact picked in the list (or nobody): a new place, so Forward is gone."""
        self._forward.clear()
        self._show(contact_id)

    def go_back(self) -> None:
        if self._back:
            if self.card is not None:
                self._forward.append(self.card.id)
            self._show(self._back.pop())

    def go_forward(self) -> None:
        if self._forward:
            if self.card is not None:
                self._back.append(self.card.id)
            self._show(self._forward.pop())

    def _show(self, contact_id: int | None) -> None:
        self._navigation()
        if contact_id is None:
            self.card = None
            self.browser.clear()
            self._enable(False)
            return
        try:
            self.card = self.workspace.core.contacts.card(contact_id)
        except NotFoundError:
            self._show(None)
            return
        self.browser.setHtml(self._html(self.card))
        self._enable(True)

    def _navigation(self) -> None:
        self.back_button.setEnabled(bool(self._back))
        self.forward_button.setEnabled(bool(self._forward))

    def reload(self) -> None:
        self._show(self.card.id if self.card else None)

    def _html(self, card: ContactCard) -> str:
        if self.workspace.privacy.on:
            card = redacted_card(card)
            return card_html(card, self.workspace.now(), colours(self.palette()), NOTICE)
        return card_html(card, self.workspace.now(), colours(self.palette()))

    def _enable(self, on: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(on)

    def _link(self, url: QUrl) -> None:
        if url.scheme() != CONTACT_SCHEME:
            QDesktopServices.openUrl(url)
            return
        parts = url.path().strip("/").split("/")
        if url.host() == "contact":
            if self.card is not None:
                self._back.append(self.card.id)
            self._forward.clear()
            self._show(int(parts[0]))
        elif url.host() == "follow-up-done":
            follow_up, due = int(parts[0]), date.fromisoformat(parts[1])
            record_ops.complete_follow_up(self.workspace, follow_up, due)
        elif url.host() == "follow-up-later":
            later = self.workspace.now().astimezone().date() + timedelta(days=7)
            record_ops.push_follow_up(self.workspace, int(parts[0]), later)
        elif url.host() == "edit" and self.card is not None:
            self.forms.edit(parts[0], int(parts[1]), self.card)
        elif url.host() == "remove":
            record_ops.remove(self.workspace, parts[0], int(parts[1]))

    def add(self, what: str) -> None:
        if self.card is not None:
            self.forms.add(what, self.card)
