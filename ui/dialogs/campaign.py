"""The Gifts page's forms: a new campaign (a holiday of the user's or their contacts' countries,
or each recipient's birthday; name, day, budgets per tier), recipients to add (by tag, tier,
country or a search), and one recipient's gift (what, cost, buy by, ship by) with the repeat
warning."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from nurture.domain.campaigns import Occasion, Recipient
from nurture.domain.countries import country_name
from ui.dialogs.date_field import DateField
from ui.dialogs.records import Fields, FormDialog, cents_of, money_field
from ui.theme import colours

TIERS = ("A", "B", "C")


def occasion_label(occasion: Occasion) -> str:
    """'Diwali — Sun 08 Nov 2026 · India (87), Nigeria (3)': where it is kept, by the user's
    contacts."""
    where = ", ".join(f"{country_name(c)} ({n:,})" for c, n in occasion.countries[:3] if n)
    return f"{occasion.name} — {occasion.day:%a %d %b %Y}" + (f" · {where}" if where else "")


class NewCampaignDialog(FormDialog):
    BIRTHDAYS = "birthdays"

    def __init__(
        self, parent: QWidget | None, today: date, occasions: Sequence[Occasion] = ()
    ) -> None:
        christmas = date(today.year, 12, 25)
        self.name = QLineEdit(f"Christmas {christmas.year}")
        self.occasion = QLineEdit("Christmas")
        self.day = DateField(today, christmas if christmas >= today else None, whole_day=True)
        # The gift days ahead (the holidays of the user's and their contacts' countries), or
        # everyone's own birthday: picking one fills in the name, the occasion and the day.
        self.upcoming = QComboBox()
        self.upcoming.addItem("Pick a holiday…", None)
        self.upcoming.addItem("Each recipient's birthday, for a year", self.BIRTHDAYS)
        for occasion in occasions:
            self.upcoming.addItem(occasion_label(occasion), occasion)
        self.upcoming.activated.connect(self._picked)
        self._today = today
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
        picked = self.upcoming.itemData(index)
        birthdays = picked == self.BIRTHDAYS
        self.occasion.setEnabled(not birthdays)
        if birthdays:
            self.name.setText(f"Birthdays from {self._today:%B %Y}")
            self.occasion.setText("Birthday")
            self.day.setText(self._today.isoformat())
        elif isinstance(picked, Occasion):
            self.name.setText(f"{picked.name} {picked.day.year}")
            self.occasion.setText(picked.name)
            self.day.setText(picked.day.isoformat())

    def on_birthdays(self) -> bool:
        return bool(self.upcoming.currentData() == self.BIRTHDAYS)

    def fields(self) -> Fields:
        budgets = {t: cents for t, box in self.budgets.items() if (cents := cents_of(box))}
        return {
            "name": self.name.text(),
            "on_day": self.day.day(),
            "occasion": self.occasion.text(),
            "budgets": budgets,
            "on_birthdays": self.on_birthdays(),
        }


class AddRecipientsDialog(FormDialog):
    """Everyone a saved search finds, with a tag, of a tier, living in a country or matching a
    search (together: all of them at once)."""

    def __init__(
        self,
        parent: QWidget | None,
        tags: list[str],
        countries: Sequence[tuple[str, int]] = (),
        saved: Sequence[str] = (),
    ) -> None:
        self.saved = QComboBox()
        self.saved.addItem("None", "")
        for name in saved:
            self.saved.addItem(name, name)
        self.saved.setEnabled(bool(saved))
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
        self.country = QComboBox()
        self.country.addItem("Anywhere", "")
        for code, people in countries:
            self.country.addItem(f"{country_name(code)} ({people:,})", code)
        rows: list[tuple[str, QWidget]] = [
            ("Saved search", self.saved),
            ("With the tag", self.tag),
            ("Of tier", self.tier),
            ("Living in", self.country),
            ("Matching", self.search),
        ]
        super().__init__(parent, "Add recipients", rows)

    def fields(self) -> Fields:
        return {
            "tag": str(self.tag.currentData()),
            "tier": str(self.tier.currentData()),
            "country": str(self.country.currentData()),
            "saved": str(self.saved.currentData()),
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
