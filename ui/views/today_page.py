"""Today: this week's occasions, follow-ups and people going cold, with a summary line, the
actions right there (done, snooze, log a touch, open the card), and whom to reconnect with.
Computed on the worker, never on the GUI thread; done and snoozed items leave at once and stay
gone (the reminder state is in the database)."""

from __future__ import annotations

from datetime import timedelta
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nurture.domain.dto import ContactRef
from nurture.humanize import ago
from ui.icons import icon
from ui.models.occurrences import Row
from ui.operations.reminders import dismiss, mark_done, snooze
from ui.theme import colours
from ui.views.freshness import ReloadsWhenShown
from ui.views.occurrence_list import OccurrenceList
from ui.workspace import Workspace

if TYPE_CHECKING:
    from nurture.services.insights import Reconnect, Week


class TodayPage(ReloadsWhenShown):
    open_contact = Signal(int)
    log_requested = Signal(object, object)  # people, InteractionKind | None
    gift_requested = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._resume_row: int | None = None
        self.summary = QLabel("Looking at your week…")
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.summary.setFont(font)
        self.items = OccurrenceList()
        self.items.open_contact.connect(self.open_contact)
        self.items.selectionModel().currentChanged.connect(lambda *_: self._enable())
        actions = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        snooze = QMenu(self)
        for label in ("Tomorrow", "Next week"):
            snooze.addAction(label, lambda chosen=label: self._snooze(chosen))
        snooze.addAction("Pick a day…", lambda: self._snooze(None))
        snooze.addSeparator()
        snooze.addAction("Dismiss (not this time)", self._dismiss)
        # Keyboard triage: arrows pick, Alt+D marks done and moves to the next item.
        for key, label, handler in (
            ("done", "&Done", self._done),
            ("snooze", "&Snooze", None),
            ("touch", "&Log a touch", self._touch),
            ("open", "&Open card", self._open_card),
            ("gift", "Add a &gift…", self._gift),
        ):
            button = QPushButton(icon(key if key != "touch" else "log"), label)
            if handler is None:
                button.setMenu(snooze)
            else:
                button.clicked.connect(handler)
            actions.addWidget(button)
            self.buttons[key] = button
        actions.addStretch(1)
        self.reconnect = QLabel()
        self.reconnect.setWordWrap(True)
        self.reconnect.setTextFormat(Qt.TextFormat.RichText)
        self.reconnect.linkActivated.connect(lambda link: self.open_contact.emit(int(link)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(actions)
        layout.addWidget(self.items, 1)
        layout.addWidget(self.reconnect)
        self._enable()
        workspace.bus.changed.connect(self._changed)

    def reload(self) -> None:
        insights, now = self.workspace.core.insights, self.workspace.now()
        self.workspace.reads.run(
            lambda: (insights.week(now), insights.reconnect(now, limit=6)),
            self._show,
            self.workspace.fail,
        )

    def _enable(self) -> None:
        current = self.items.current()
        for key, button in self.buttons.items():
            needs_contact = key in ("touch", "open", "gift")
            button.setEnabled(
                current is not None and (not needs_contact or current.contact_id is not None)
            )

    def _done(self) -> None:
        current = self.items.current()
        if current is not None:
            self._resume_row = self.items.currentIndex().row()
            mark_done(self.workspace, current)

    def _dismiss(self) -> None:
        current = self.items.current()
        if current is not None:
            dismiss(self.workspace, current)

    def _snooze(self, choice: str | None) -> None:
        current, now = self.items.current(), self.workspace.now()
        if current is None:
            return
        reminders = self.workspace.core.reminders
        if choice is None:
            picked, ok = QInputDialog.getInt(self, "Snooze", "For how many days?", 3, 1, 365)
            if not ok:
                return
            until = now + timedelta(days=picked)
        else:
            until = reminders.snooze_choices(now)[choice]
        snooze(self.workspace, [current], until)

    def _touch(self) -> None:
        current = self.items.current()
        if current is not None and current.contact_id is not None:
            self.log_requested.emit([ContactRef(current.contact_id, current.contact)], None)

    def _gift(self) -> None:
        current = self.items.current()
        if current is not None and current.contact_id is not None:
            self.gift_requested.emit(current.contact_id)

    def _open_card(self) -> None:
        current = self.items.current()
        if current is not None and current.contact_id is not None:
            self.open_contact.emit(current.contact_id)

    def _show(self, result: tuple[Week, list[Reconnect]]) -> None:
        week, reconnect = result
        self.summary.setText(week.summary[:1].upper() + week.summary[1:])
        if reconnect:
            muted = colours(self.palette()).muted
            people = ", ".join(
                f'<a href="{r.contact.id}">{escape(r.contact.name)}</a> '
                f'<span style="color:{muted}">({escape(r.reason)}; '
                f"{ago(r.last_interaction_at, self.workspace.now())})</span>"
                for r in reconnect
            )
            self.reconnect.setText(f"<b>Reconnect with</b> {people}")
        else:
            self.reconnect.clear()
        rows: list[Row] = []
        for title, found in (
            ("Occasions this week", week.occasions),
            ("Follow-ups", week.follow_ups),
            ("Going cold", week.going_cold),
            ("Gifts to buy", week.gift_deadlines),
            ("Holidays", week.holidays),
        ):
            if found:
                rows.append(f"{title} ({len(found):,})")
                rows.extend(found)
        place = self.items.currentIndex().row()
        self.items.show_rows(rows, "Nothing needs you this week.")
        if self._resume_row is not None:  # after Done: the next item, ready for the next key
            self.items.select_near(self._resume_row)
            self.items.setFocus()
            self._resume_row = None
        elif place >= 0:  # any other re-read keeps the user's place
            self.items.select_near(place)
        self._enable()
