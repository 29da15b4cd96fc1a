"""Today: the day's plan as a call sheet — whom to touch and why, under Follow-ups, Occasions and
Keep in touch — with the pre-call brief of the selected person beside it, and one-key actions
(Log call, Log email, Done, Snooze, Skip, Open card). The plan and the brief are computed by the
core on the read worker, never on the GUI thread; Done moves to the next row."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QItemSelection, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nurture.domain.enums import InteractionKind
from nurture.domain.plan import Brief, DayPlan, PlanRow, Section
from nurture.services.unit_of_work import Changes
from ui.brief_html import brief_html
from ui.day_plan import DayPlanFeed
from ui.icons import icon
from ui.models.plan import PlanModel
from ui.operations import plan as plan_ops
from ui.privacy import NOTICE, redacted_brief
from ui.theme import colours
from ui.workspace import Workspace

_EVERY = "__every__"


class TodayPage(QWidget):
    open_contact = Signal(int)
    log_requested = Signal(object, object)  # people, InteractionKind | None
    gift_requested = Signal(int)

    def __init__(
        self, workspace: Workspace, day_plan: DayPlanFeed, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.day_plan = day_plan
        self.plan: DayPlan | None = None
        self._resume_row: int | None = None
        self.summary = QLabel("Planning your day…")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.summary.setFont(font)
        self.tier = self._filter(("All tiers", _EVERY), *((f"Tier {t}", t) for t in "ABC"))
        self.tag = self._filter(("All tags", _EVERY))
        self.section = self._filter(("Everything", _EVERY), *((s.label, s.value) for s in Section))
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Show:"))
        for box in (self.section, self.tier, self.tag):
            filters.addWidget(box)
        filters.addStretch(1)
        self.rows = PlanModel()
        self.table = QTableView()
        self.table.setModel(self.rows)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * 2 + 12)
        self.table.activated.connect(lambda *_: self._open_card())
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.brief = QTextBrowser()
        self.brief.setOpenLinks(False)
        self.brief.anchorClicked.connect(self._link)
        self.brief.setPlaceholderText("Pick someone to see what to know before the call.")
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.brief)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 1)
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        later = QMenu(self)
        later.addAction("Tomorrow", lambda: self._put_off(1))
        later.addAction("Next week", lambda: self._put_off(7))
        later.addAction("Pick a day…", lambda: self._put_off(None))
        # Keyboard triage: arrows pick, Alt+D marks done and moves to the next person.
        for key, label, handler in (
            ("call", "Log &call", lambda: self._log(InteractionKind.CALL)),
            ("email", "Log &email", lambda: self._log(InteractionKind.EMAIL)),
            ("done", "&Done", self._done),
            ("snooze", "&Snooze", None),
            ("skip", "S&kip today", self._skip),
            ("open", "&Open card", self._open_card),
            ("gift", "Add a &gift…", self._gift),
        ):
            button = QPushButton(icon(key), label)
            if handler is None:
                button.setMenu(later)
            else:
                button.clicked.connect(handler)
            actions.addWidget(button)
            self.buttons[key] = button
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(split, 1)
        self._enable()
        # The plan is computed after every change whether or not Today is on screen (the tray
        # shows it too): shown at once when it is, or the moment the page is opened.
        day_plan.updated.connect(self._plan_ready)
        workspace.bus.changed.connect(self._changed)
        workspace.privacy.changed.connect(lambda _on: self._selected())

    def _filter(self, *choices: tuple[str, str]) -> QComboBox:
        box = QComboBox()
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for label, value in choices:
            box.addItem(label, value)
        box.activated.connect(lambda *_: self._show_rows())
        return box

    def reload(self) -> None:
        """Compute the plan again (it arrives through the shared feed)."""
        self.day_plan.refresh()
        self._read_tags()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        ready = self.day_plan.current()
        if ready is None:
            self.day_plan.refresh()
        elif ready is not self.plan:
            self._plan_ready(ready)
        self._read_tags()

    def _changed(self, _changes: Changes) -> None:
        if self.isVisible():  # hidden, the feed has it ready (tray) or computes it on opening
            if not self.day_plan.eager:  # an eager feed is computing it already
                self.day_plan.refresh()
            self._read_tags()

    def current(self) -> PlanRow | None:
        return self.rows.row(self.table.currentIndex().row())

    def _plan_ready(self, plan: DayPlan) -> None:
        if self.isVisible():  # else shown from the feed when the page is opened
            self.plan = plan
            self._show_rows()

    def _read_tags(self) -> None:
        listing = self.workspace.core.listing
        self.workspace.reads.run(listing.tags, self._show_tags, self.workspace.fail)

    def _show_tags(self, tags: list[tuple[str, int]]) -> None:
        chosen = self.tag.currentData()
        self.tag.clear()
        self.tag.addItem("All tags", _EVERY)
        for name, _count in tags:
            self.tag.addItem(name, name)
        self.tag.setCurrentIndex(max(0, self.tag.findData(chosen)))

    def _show_rows(self) -> None:
        if self.plan is None:
            return

        def chosen(box: QComboBox) -> str | None:
            value = box.currentData()
            return None if value == _EVERY else str(value)

        section = chosen(self.section)
        kind = Section(section) if section else None
        shown = self.plan.only(chosen(self.tier), chosen(self.tag), kind)
        self.summary.setText(f"{shown.day:%A %d %B}: {shown.summary}")
        place = self.table.currentIndex().row()
        self.rows.set_plan(shown, "Nobody needs you today: a good day to reconnect.")
        for row in self.rows.headings():
            self.table.setSpan(row, 0, 1, self.rows.columnCount())
        self.table.setColumnWidth(0, 230)
        self.table.setColumnWidth(2, 170)
        self.table.setColumnWidth(3, 150)  # not sized to contents: that reads every row
        if self._resume_row is not None:  # after Done: the next person, ready for the next key
            self._select_near(self._resume_row)
            self.table.setFocus()
            self._resume_row = None
        elif place >= 0:  # any other re-read keeps the user's place
            self._select_near(place)
        self._enable()

    def _select_near(self, row: int) -> None:
        count = self.rows.rowCount()
        for candidate in [*range(min(row, count - 1), count), *range(row - 1, -1, -1)]:
            if self.rows.row(candidate) is not None:
                self.table.setCurrentIndex(self.rows.index(candidate, 0))
                return
        self.brief.clear()

    def _selected(self, *_: QItemSelection) -> None:
        self._enable()
        row = self.current()
        if row is None:
            return
        plan = self.workspace.core.plan
        self.workspace.reads.run(
            lambda: plan.brief(row.contact.id),
            lambda brief: self._show_brief(brief, row),
            self.workspace.fail,
        )

    def _show_brief(self, brief: Brief, row: PlanRow) -> None:
        current = self.current()
        if current is not None and current.contact.id == row.contact.id:
            private = self.workspace.privacy.on
            palette = colours(self.palette())
            shown = brief_html(redacted_brief(brief) if private else brief, current, palette)
            self.brief.setHtml(shown + (f"<p><i>{NOTICE}</i></p>" if private else ""))

    def _link(self, url: QUrl) -> None:
        if url.scheme() == "contact":
            self.open_contact.emit(int(url.path()))
        else:  # tel:, mailto:, a profile: the desktop's phone, mail and browser apps
            QDesktopServices.openUrl(url)

    def _enable(self) -> None:
        current = self.current()
        for key, button in self.buttons.items():
            button.setEnabled(current is not None and (key != "done" or not current.done))

    def _log(self, kind: InteractionKind) -> None:
        current = self.current()
        if current is not None:
            self.log_requested.emit([current.contact], kind)

    def _done(self) -> None:
        current = self.current()
        if current is not None and not current.done:
            self._resume_row = self.table.currentIndex().row()
            plan_ops.done(self.workspace, current)

    def _skip(self) -> None:
        current = self.current()
        if current is not None:
            self._resume_row = self.table.currentIndex().row()
            plan_ops.put_off(self.workspace, current, None)

    def _put_off(self, days: int | None) -> None:
        current = self.current()
        if current is None:
            return
        if days is None:
            days, ok = QInputDialog.getInt(self, "Snooze", "For how many days?", 3, 1, 365)
            if not ok:
                return
        day = self.plan.day if self.plan is not None else date.today()
        self._resume_row = self.table.currentIndex().row()
        plan_ops.put_off(self.workspace, current, day + timedelta(days=days))

    def _gift(self) -> None:
        current = self.current()
        if current is not None:
            self.gift_requested.emit(current.contact.id)

    def _open_card(self) -> None:
        current = self.current()
        if current is not None:
            self.open_contact.emit(current.contact.id)
