"""Gifts: campaigns for a holiday or for each recipient's birthday. Pick a campaign (or start
one), add recipients by tag, tier, country or a search, and for each recipient see — side by
side with the list — the gifts of earlier years (theirs and their household's), their and their
partner's tastes, what to avoid, the budget for their tier and a suggestion; choose the gift
and move it along: bought, shipped, given, thanked. The campaign, its statuses and its spend
come from the core (`CampaignsService`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import partial
from html import escape
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nurture.domain.campaigns import CampaignView, Occasion, Recipient
from nurture.domain.dto import ContactRef
from nurture.domain.enums import GiftStatus, InteractionKind
from nurture.errors import NurtureError
from nurture.humanize import money
from nurture.io.campaign_export import labels_csv, shopping_list_csv
from nurture.services.listing import ContactQuery
from ui.campaign_print import labels_html, shopping_list_html
from ui.dialogs.campaign import AddRecipientsDialog, ChooseGiftDialog, NewCampaignDialog
from ui.models.campaign import BIRTHDAY, CampaignModel
from ui.printing import write_pdf, write_text
from ui.privacy import NOTICE, Privacy
from ui.theme import Colours, colours
from ui.views.freshness import ReloadsWhenShown
from ui.workspace import Workspace

# The statuses a chosen gift moves through, as the page's buttons say them.
_STEPS = (
    (GiftStatus.BOUGHT, "&Bought"),
    (GiftStatus.SHIPPED, "S&hipped"),
    (GiftStatus.GIVEN, "&Given"),
    (GiftStatus.THANKED, "&Thanked"),
)


class GiftsPage(ReloadsWhenShown):
    open_contact = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.campaign = QComboBox()
        # A long campaign name does not push the buttons off a small screen: the list shows
        # it whole.
        self.campaign.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.campaign.setMinimumContentsLength(22)
        self.campaign.activated.connect(lambda *_: self.reload())
        self.new = QPushButton("&New campaign…")
        self.new.clicked.connect(self._new_campaign)
        self.add = QPushButton("&Add recipients…")
        self.add.clicked.connect(self._add_recipients)
        self.log_all = QPushButton("&Log for all…")
        self.log_all.setToolTip("One interaction with every recipient (sent holiday cards)")
        self.log_all.clicked.connect(self._log_for_all)
        self.export = QPushButton("E&xport")
        exports = QMenu(self)
        exports.addAction("Shopping list (PDF)…", lambda: self._export("shopping", "pdf"))
        exports.addAction("Shopping list (CSV)…", lambda: self._export("shopping", "csv"))
        exports.addAction("Mailing labels (PDF)…", lambda: self._export("labels", "pdf"))
        exports.addAction("Mailing labels (CSV)…", lambda: self._export("labels", "csv"))
        self.export.setMenu(exports)
        top = QHBoxLayout()
        top.addWidget(QLabel("Campaign:"))
        top.addWidget(self.campaign)
        top.addWidget(self.new)
        top.addWidget(self.add)
        top.addWidget(self.log_all)
        top.addWidget(self.export)
        top.addStretch(1)
        self.summary = QLabel("Plan gifts for an occasion: start a campaign.")
        self.summary.setWordWrap(True)
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.recipients = CampaignModel()
        self.table = QTableView()
        self.table.setModel(self.recipients)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda *_: self._choose())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selected())
        self.detail = QTextBrowser()
        self.detail.setPlaceholderText(
            "Pick someone to see their earlier gifts, their and their partner's tastes, what "
            "to avoid and a suggestion."
        )
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(lambda url: self.open_contact.emit(int(url.path())))
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        choose = QPushButton("&Choose gift…")
        choose.clicked.connect(self._choose)
        actions.addWidget(choose)
        self.buttons["choose"] = choose
        for status, label in _STEPS:
            button = QPushButton(label)
            button.clicked.connect(partial(self._move, status))
            actions.addWidget(button)
            self.buttons[status.value] = button
        remove = QPushButton("&Remove")
        remove.clicked.connect(self._remove)
        actions.addWidget(remove)
        self.buttons["remove"] = remove
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(actions)
        layout.addWidget(split, 1)
        self._enable()
        workspace.bus.changed.connect(self._changed)
        workspace.privacy.changed.connect(lambda _on: self.reload())

    def reload(self) -> None:
        campaigns = self.workspace.core.campaigns
        wanted = self.campaign.currentData()

        def read() -> tuple[list[tuple[int, str, date, int]], CampaignView | None]:
            found = campaigns.campaigns()
            ids = [c[0] for c in found]
            chosen = wanted if wanted in ids else (ids[0] if ids else None)
            return found, campaigns.view(chosen) if chosen is not None else None

        self.workspace.reads.run(read, self._show, self.workspace.fail)

    def current(self) -> Recipient | None:
        return self.recipients.recipient(self.table.currentIndex().row())

    def _show(self, result: tuple[list[tuple[int, str, date, int]], CampaignView | None]) -> None:
        found, view = result
        self.campaign.clear()
        for campaign_id, name, day, count in found:
            self.campaign.addItem(f"{name} — {day:%b} {day.day}, {count:,} people", campaign_id)
        if view is not None:
            self.campaign.setCurrentIndex(self.campaign.findData(view.id))
        place = self.table.currentIndex().row()
        self.recipients.private = self.workspace.privacy.on
        self.recipients.set_view(view)
        self.table.setColumnHidden(BIRTHDAY, not (view and view.on_birthdays))
        for column in (0, 1, 3, 4, BIRTHDAY):  # the gift takes what is left
            self.table.resizeColumnToContents(column)
        if view is not None:
            self.summary.setText(_summary(view, self.workspace.privacy))
        if view is not None and view.recipients:
            self.table.selectRow(min(max(place, 0), len(view.recipients) - 1))
        self._enable()
        self._selected()

    def _selected(self) -> None:
        recipient = self.current()
        view = self.recipients.view
        if recipient is None or view is None:
            self.detail.clear()
        elif self.workspace.privacy.on:
            self.detail.setHtml(f"<h3>{escape(recipient.contact.name)}</h3><p>{NOTICE}</p>")
        else:
            self.detail.setHtml(recipient_html(recipient, view, colours(self.palette())))
        self._enable()

    def _enable(self) -> None:
        recipient = self.current()
        has_people = self.recipients.view is not None and bool(self.recipients.view.recipients)
        self.add.setEnabled(self.recipients.view is not None)
        self.log_all.setEnabled(has_people)
        self.export.setEnabled(has_people)
        for key, button in self.buttons.items():
            ready = recipient is not None and (key in ("choose", "remove") or recipient.gift)
            button.setEnabled(bool(ready))

    def _today(self) -> date:
        return self.workspace.now().astimezone().date()

    def _new_campaign(self) -> None:
        """The holidays of every country contacts live in take a moment at 100,000: read on
        the worker, then ask."""
        today, campaigns = self._today(), self.workspace.core.campaigns
        self.workspace.reads.run(
            lambda: campaigns.occasions(today), self._ask_new_campaign, self.workspace.fail
        )

    def _ask_new_campaign(self, occasions: list[Occasion]) -> None:
        dialog = NewCampaignDialog(self, self._today(), occasions)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        fields, campaigns = dialog.fields(), self.workspace.core.campaigns
        self.workspace.write(
            lambda: campaigns.create(
                fields["name"],
                fields["on_day"],
                fields["occasion"],
                fields["budgets"],
                fields["on_birthdays"],
            ),
            self._opened,
        )

    def _opened(self, campaign_id: int) -> None:
        self.campaign.addItem("", campaign_id)
        self.campaign.setCurrentIndex(self.campaign.count() - 1)
        self.reload()

    def _add_recipients(self) -> None:
        if self.recipients.view is None:
            return
        core = self.workspace.core
        self.workspace.reads.run(
            lambda: (
                [name for name, _n in core.listing.tags()],
                core.campaigns.countries(),
                core.saved_searches.names(),
            ),
            self._ask_recipients,
            self.workspace.fail,
        )

    def _ask_recipients(self, found: tuple[list[str], list[tuple[str, int]], list[str]]) -> None:
        view = self.recipients.view
        if view is None:
            return
        dialog = AddRecipientsDialog(self, *found)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.fields()
        if not any(chosen.values()):  # not everyone by accident: say whom
            QMessageBox.information(
                self, "Add recipients", "Pick a saved search, a tag, a tier, a country or a search."
            )
            return
        saved = self.workspace.core.saved_searches
        start = saved.query(chosen["saved"]) if chosen["saved"] else ContactQuery()
        query = replace(
            start,
            **{key: chosen[key] for key in ("search", "tag", "tier", "country") if chosen[key]},
        )
        campaigns, campaign_id = self.workspace.core.campaigns, view.id
        self.workspace.write(lambda: campaigns.add_recipients(campaign_id, query=query))

    def _log_for_all(self) -> None:
        view = self.recipients.view
        if view is None or not view.recipients:
            return
        title, ok = QInputDialog.getText(
            self, "Log for all", "What did you do?", text=f"Sent {view.occasion} cards"
        )
        if not ok or not title.strip():
            return
        interactions, now = self.workspace.core.interactions, self.workspace.now()
        people = [r.contact.id for r in view.recipients]
        message = InteractionKind.MESSAGE
        self.workspace.write(lambda: interactions.log(message, people, now, title.strip()))

    def export_to(self, what: str, kind: str, target: Path) -> str:
        """Write the shopping list or the labels as PDF or CSV; says what was written."""
        view = self.recipients.view
        assert view is not None
        campaigns = self.workspace.core.campaigns
        missing: list[ContactRef] = []
        if what == "labels":
            labels, missing = campaigns.labels(view.id)
            text, html = labels_csv(labels), labels_html(labels)
        else:
            text, html = shopping_list_csv(view), shopping_list_html(view)
        if kind == "pdf":
            pages = write_pdf(html, target, f"{view.name}: {what}")
            said = f"Saved {target.name} ({pages} page{'s' * (pages != 1)})."
        else:
            write_text(target, text)
            said = f"Saved {target.name}."
        if missing:
            said += f" No postal address for {', '.join(p.name for p in missing[:5])}"
            said += f" and {len(missing) - 5:,} more." if len(missing) > 5 else "."
        return said

    def _export(self, what: str, kind: str) -> None:
        view = self.recipients.view
        if view is None:
            return
        name = f"{view.name} {'labels' if what == 'labels' else 'shopping list'}.{kind}"
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Export", name, "PDF (*.pdf)" if kind == "pdf" else "CSV (*.csv)"
        )
        if chosen:
            try:
                QMessageBox.information(self, "Export", self.export_to(what, kind, Path(chosen)))
            except NurtureError as error:
                self.workspace.fail(error.message)

    def _choose(self) -> None:
        recipient, view = self.current(), self.recipients.view
        if recipient is None or view is None:
            return
        contacts = self.workspace.core.contacts
        but = recipient.gift.id if recipient.gift else None
        repeats = partial(contacts.gift_repeats, recipient.contact.id, but=but)
        dialog = ChooseGiftDialog(self, self._today(), recipient, repeats)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        f, campaigns = dialog.fields(), self.workspace.core.campaigns
        who, campaign_id = recipient.contact.id, view.id
        self.workspace.write(
            lambda: campaigns.choose(
                campaign_id, who, f["description"], f["amount_cents"], f["buy_by"], f["ship_by"]
            )
        )

    def _move(self, status: GiftStatus, *_checked: object) -> None:
        recipient = self.current()
        if recipient is not None and recipient.gift is not None:
            records, gift_id = self.workspace.core.records, recipient.gift.id
            self.workspace.write(lambda: records.update_gift(gift_id, status=status))

    def _remove(self) -> None:
        recipient, view = self.current(), self.recipients.view
        if recipient is not None and view is not None:
            campaigns, who, campaign_id = (
                self.workspace.core.campaigns,
                recipient.contact.id,
                view.id,
            )
            self.workspace.write(lambda: campaigns.remove_recipient(campaign_id, who))


def _summary(view: CampaignView, privacy: Privacy) -> str:
    counts = ", ".join(f"{n:,} {status}" for status, n in view.by_status.items())
    spent = privacy.money(money(view.spent_cents, view.currency))
    chosen = privacy.money(money(view.planned_cents, view.currency))
    people = f"{len(view.recipients):,} recipient{'s' * (len(view.recipients) != 1)}"
    when = (
        f"each on their birthday from {view.on_day:%d %b %Y}"
        if view.on_birthdays
        else f"{view.on_day:%A %d %B %Y}"
    )
    return (
        f"{view.name}, {when}: {people} — {counts or 'nobody yet'} · "
        f"spent {spent} of {chosen} chosen"
    )


def recipient_html(r: Recipient, view: CampaignView, c: Colours) -> str:
    """One recipient beside the list: what to know to choose their gift."""
    muted = f'style="color:{c.muted}"'
    budget = money(r.budget_cents, view.currency) if r.budget_cents is not None else "none set"
    tier = f"Tier {r.tier}" if r.tier else "No tier"
    parts = [
        f'<h3 style="margin-bottom:0"><a href="contact:{r.contact.id}" '
        f'style="color:{c.text};text-decoration:none">{escape(r.contact.name)}</a></h3>',
        f"<div {muted}>{escape(tier)} · budget {budget}</div>",
    ]
    if view.on_birthdays:
        parts.append(
            f"<p>Their birthday: <b>{r.day:%A %d %B %Y}</b></p>"
            if r.day
            else f'<p style="color:{c.warn}">No birthday known: add it on their card to '
            "choose a birthday gift.</p>"
        )
    if r.warning:
        parts.append(f'<p style="color:{c.warn}"><b>{escape(r.warning)}</b></p>')
    if r.suggestion:
        parts.append(f"<p><b>Suggestion:</b> {escape(r.suggestion)}</p>")
    sections = (
        (
            "Earlier gifts",
            [
                (f"{e.gift.given_on:%b %Y} " if e.gift.given_on else "")
                + escape(e.gift.description)
                + (f" <span {muted}>(to {escape(e.whose)})</span>" if e.whose else "")
                for e in r.earlier
            ],
        ),
        (
            "Likes",
            [
                escape(t.item)
                + (f" <span {muted}>({escape(t.detail)})</span>" if t.detail else "")
                + (f" <span {muted}>— {escape(who)}</span>" if who else "")
                for who, t in r.tastes
                if t.likes
            ],
        ),
        (
            "Avoid",
            [
                f'<span style="color:{c.warn}">{escape(t.item)}</span>'
                + (f" <span {muted}>({escape(t.category.value)}; {escape(who)})</span>" if who
                   else f" <span {muted}>({escape(t.category.value)})</span>")
                for who, t in r.avoid
            ],
        ),
    )  # fmt: skip
    for title, items in sections:
        if items:
            parts.append(f"<h4 style='margin-bottom:2px'>{title}</h4>" + "<br>".join(items))
    if not r.earlier and not r.tastes:
        parts.append(f"<p {muted}>Nothing known yet: their card's tastes help choose.</p>")
    return "".join(parts)
