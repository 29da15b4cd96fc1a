"""How the command line reads option values: each reader turns text into a value or raises
ArgumentTypeError (argparse then prints a usage error and exits 2).

The core's types load inside the readers, when a value is read: `nurture --help` never needs
them, and start-up stays at the cost of argparse itself."""

from __future__ import annotations

import argparse
from datetime import date, datetime

TYPE_CHECKING = False  # not typing's: see cli.main
if TYPE_CHECKING:
    from nurture.domain.dates import PartialDate
    from nurture.domain.enums import DateKind


def positive(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text} is not a number above zero")
    return value


def days_or_none(text: str) -> int | None:
    return None if text.strip().lower() == "none" else positive(text)


def tier_budget(text: str) -> tuple[str, int]:
    tier, sep, amount = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError(f"'{text}' is not TIER=AMOUNT (like A=150)")
    return tier.strip(), cents(amount)


def cents(text: str) -> int:
    try:
        return round(float(text.replace(",", "")) * 100)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"'{text}' is not an amount (like 45.50)") from error


def yes_no(text: str) -> bool:
    answer = text.strip().lower()
    if answer not in ("yes", "no"):
        raise argparse.ArgumentTypeError(f"'{text}' is not yes or no")
    return answer == "yes"


def date_kind(text: str) -> DateKind:
    from nurture.domain.enums import DateKind

    try:
        return DateKind(text.strip().lower().replace("-", "_"))
    except ValueError as error:
        kinds = ", ".join(k.value for k in DateKind)
        raise argparse.ArgumentTypeError(f"'{text}' is not one of {kinds}") from error


def partial_date(text: str) -> PartialDate:
    from nurture.domain.dates import PartialDate
    from nurture.errors import ValidationError

    try:
        return PartialDate.parse(text)
    except ValidationError as error:
        raise argparse.ArgumentTypeError(error.message) from error


def kind_date(text: str) -> tuple[DateKind, PartialDate]:
    kind, _, when = text.partition("=")
    return date_kind(kind), partial_date(when)


# The years a day given on the command line may fall in: far beyond them, date arithmetic
# overflows and nothing a relationship manager keeps is meant.
_YEARS = (1900, 2999)


def _in_years(text: str, day: date) -> None:
    if not _YEARS[0] <= day.year <= _YEARS[1]:
        raise argparse.ArgumentTypeError(
            f"'{text}' is outside the years Nurture keeps ({_YEARS[0]} to {_YEARS[1]})"
        )


def day(text: str) -> date:
    try:
        value = date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from error
    _in_years(text, value)
    return value


def moment(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a date and time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)"
        ) from error
    _in_years(text, value.date())
    return value if value.tzinfo else value.astimezone()


def column_field(text: str) -> tuple[str, str]:
    from nurture.io.csv_formats import FIELDS

    column, _, target = text.partition("=")
    if not column.strip() or target.strip() not in FIELDS:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not COLUMN=FIELD with FIELD one of {', '.join(FIELDS)}"
        )
    return column.strip(), target.strip()
