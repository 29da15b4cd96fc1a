"""Dates as the user entered them: the year, and for some dates the day, may be unknown."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from nurture.errors import ValidationError

_FULL = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NO_YEAR = re.compile(r"^--(\d{1,2})-?(\d{2})$")
_NO_DAY = re.compile(r"^(\d{4})-(\d{1,2})$")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date with an optional year and an optional day; the month is always known."""

    year: int | None
    month: int
    day: int | None

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValidationError(f"Month {self.month} does not exist.")
        if self.year is not None and not 1 <= self.year <= 9999:
            raise ValidationError(f"Year {self.year} is out of range.")
        if self.day is not None:
            # Feb 29 is valid without a year: it is somebody's real birthday.
            longest = calendar.monthrange(self.year if self.year else 2000, self.month)[1]
            if not 1 <= self.day <= longest:
                year = f"{self.year:04d}-" if self.year else "--"
                raise ValidationError(f"{year}{self.month:02d}-{self.day:02d} is not a date.")
        if self.year is None and self.day is None:
            raise ValidationError("A date needs at least a year or a day besides the month.")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read `YYYY-MM-DD`, `--MM-DD` / `--MMDD` (no year) or `YYYY-MM` (no day)."""
        value = text.strip()
        if m := _FULL.match(value):
            return cls(int(m[1]), int(m[2]), int(m[3]))
        if m := _NO_YEAR.match(value):
            return cls(None, int(m[1]), int(m[2]))
        if m := _NO_DAY.match(value):
            return cls(int(m[1]), int(m[2]), None)
        raise ValidationError(
            f"'{text}' is not a date: use YYYY-MM-DD, --MM-DD (no year) or YYYY-MM (no day)."
        )

    def iso(self) -> str:
        """The inverse of `parse`."""
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def display(self) -> str:
        month = calendar.month_name[self.month]
        if self.year is None:
            return f"{month} {self.day}"
        if self.day is None:
            return f"{month} {self.year}"
        return f"{month} {self.day}, {self.year}"
