"""The Gifts page's forms: a new campaign (name, day, budgets per tier), recipients to add (by
tag or tier), and one recipient's gift (what, cost, buy by, ship by) with the repeat warning."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from nurture.calendar.gift_days import GiftDay
from nurture.domain.campaigns import Recipient
from ui.dialogs.date_field import DateField
from ui.dialogs.records import Fields, FormDialog, cents_of, money_field
from ui.theme import colours

TIERS = ("A", "B", "C")


class NewCampaignDialog(FormDialog):
    def __init__(
        self, parent: QWidget | None, today: date, occasions: Sequence[GiftDay] = ()
    ) -> None:
        christmas = date(today.year, 12, 25)
        self.name = QLineEdit(f"Christmas {christmas.year}")
        self.occasion = QLineEdit("Christmas")
        self.day = DateField(today, christmas if christmas >= today else None, whole_day=True)
        # The gift days ahead (holidays of the user's country included): picking one fills in
        # the name, the occasion and the day.
        self.upcoming = QComboBox()
        self.upcoming.addItem("Pick a holiday…", None)
        for gift_day in occasions:
            self.upcoming.addItem(f"{gift_day.name} — {gift_day.day:%a %d %b %Y}", gift_day)
        self.upcoming.activated.connect(self._picked)
        self.budgets = {tier: money_field(None) for tier in (*TIERS, "")}
        rows: list[tuple[str, QWidget]] = [
            ("Name", self.name),
            ("Holiday", self.upcoming),
            ("Occasion", self.occasion),
            ("Day", self.day),
            *((f"Budget, tier {t}" if t else "Budget, others", b) for t, b in self.budgets.items()),
        ]
        super().__init__(parent, "New gift campaign", rows)

    def _picked(self, index: int) -> None:
        gift_day = self.upcoming.itemData(index)
        if isinstance(gift_day, GiftDay):
            self.name.setText(f"{gift_day.name} {gift_day.day.year}")
            self.occasion.setText(gift_day.name)
            self.day.setText(gift_day.day.isoformat())

    def fields(self) -> Fields:
        budgets = {t: cents for t, box in self.budgets.items() if (cents := cents_of(box))}
        return {
            "name": self.name.text(),
            "on_day": self.day.day(),
            "occasion": self.occasion.text(),
            "budgets": budgets,
        }


class AddRecipientsDialog(FormDialog):
    """Everyone with a tag, of a tier or matching a search (together: all of them at once)."""

    def __init__(self, parent: QWidget | None, tags: list[str]) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText("A name, a company, a taste… (optional)")
        self.tag = QComboBox()
        self.tag.addItem("Any tag", "")
        for name in tags:
            self.tag.addItem(name, name)
        self.tier = QComboBox()
        self.tier.addItem("Any tier", "")
        for tier in TIERS:
            self.tier.addItem(f"Tier {tier}", tier)
        rows: list[tuple[str, QWidget]] = [
            ("With the tag", self.tag),
            ("Of tier", self.tier),
            ("Matching", self.search),
        ]
        super().__init__(parent, "Add recipients", rows)

    def fields(self) -> Fields:
        return {
            "tag": str(self.tag.currentData()),
            "tier": str(self.tier.currentData()),
            "search": self.search.text().strip(),
        }


class ChooseGiftDialog(FormDialog):
    def __init__(
        self,
        parent: QWidget | None,
        today: date,
        recipient: Recipient,
        repeats: Callable[[str], str],
    ) -> None:
        gift = recipient.gift
        self.description = QLineEdit(gift.description if gift else "")
        self.description.setPlaceholderText(recipient.suggestion or "Bottle of Glenmorangie 18")
        self.repeat = QLabel()
        self.repeat.setWordWrap(True)
        self.repeat.setStyleSheet(f"color: {colours().warn};")
        self.repeat.hide()
        self.amount = money_field(gift.amount_cents if gift else None)
        self.buy_by = DateField(today, gift.buy_by if gift else None, True, optional=True)
        self.ship_by = DateField(today, gift.ship_by if gift else None, True, optional=True)
        rows: list[tuple[str, QWidget]] = [
            ("Gift", self.description),
            ("", self.repeat),
            ("Cost", self.amount),
            ("Buy by", self.buy_by),
            ("Ship by", self.ship_by),
        ]
        super().__init__(parent, f"A gift for {recipient.contact.name}", rows)
        self._repeats = repeats
        self.description.editingFinished.connect(self.check_repeat)

    def check_repeat(self) -> None:
        text = self.description.text().strip()
        warning = self._repeats(text) if text else ""
        self.repeat.setText(warning)
        self.repeat.setVisible(bool(warning))

    def fields(self) -> Fields:
        return {
            "description": self.description.text(),
            "amount_cents": cents_of(self.amount),
            "buy_by": None if self.buy_by.is_empty() else self.buy_by.day(),
            "ship_by": None if self.ship_by.is_empty() else self.ship_by.day(),
        }
