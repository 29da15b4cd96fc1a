"""Gift holidays: the days people give presents, per country, and when to buy for them.

Christmas, New Year and Valentine's Day are fixed; Mother's and Father's Day follow each country's
rule (dateutil's `relativedelta` and `easter`); anything else is a public holiday of the user's
country by its name in the `holidays` package ("Thanksgiving", "Diwali", ...).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from dateutil.easter import easter
from dateutil.relativedelta import SU, relativedelta


@dataclass(frozen=True, slots=True)
class GiftDay:
    key: str
    name: str
    day: date


def _nth_sunday(n: int, month: int) -> Callable[[int], date]:
    return lambda year: date(year, month, 1) + relativedelta(weekday=SU(n))


def _last_sunday(month: int) -> Callable[[int], date]:
    return lambda year: date(year, month, 1) + relativedelta(day=31, weekday=SU(-1))


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _from_easter(days: int) -> Callable[[int], date]:
    return lambda year: easter(year) + relativedelta(days=days)


_MOTHERS_DAY: dict[str, Callable[[int], date]] = {
    "GB": _from_easter(-21),
    "IE": _from_easter(-21),
    "FR": _last_sunday(5),
    "ES": _nth_sunday(1, 5),
    "PT": _nth_sunday(1, 5),
    "MX": _fixed(5, 10),
    "PL": _fixed(5, 26),
}
_FATHERS_DAY: dict[str, Callable[[int], date]] = {
    "AU": _nth_sunday(1, 9),
    "NZ": _nth_sunday(1, 9),
    "DE": _from_easter(39),
    "IT": _fixed(3, 19),
    "ES": _fixed(3, 19),
    "PT": _fixed(3, 19),
}

# key -> (name, the day in a given year for a country)
CATALOGUE: dict[str, tuple[str, Callable[[int, str], date]]] = {
    "new_year": ("New Year's Day", lambda year, _c: date(year, 1, 1)),
    "valentines": ("Valentine's Day", lambda year, _c: date(year, 2, 14)),
    "mothers_day": ("Mother's Day", lambda y, c: _MOTHERS_DAY.get(c, _nth_sunday(2, 5))(y)),
    "fathers_day": ("Father's Day", lambda y, c: _FATHERS_DAY.get(c, _nth_sunday(3, 6))(y)),
    "christmas": ("Christmas", lambda year, _c: date(year, 12, 25)),
}
DEFAULT_GIFT_DAYS = ("christmas", "new_year", "valentines", "mothers_day", "fathers_day")


def gift_days(keys: Iterable[str], country: str, start: date, end: date) -> list[GiftDay]:
    """The chosen gift days in [start, end], in date order. Keys outside the catalogue are
    public-holiday names of `country` (case-insensitive prefix match, e.g. "thanksgiving")."""
    chosen = list(dict.fromkeys(keys))
    found: list[GiftDay] = []
    years = range(start.year, end.year + 1)
    public = [key for key in chosen if key not in CATALOGUE]
    for year in years:
        for key in chosen:
            if key in CATALOGUE:
                name, rule = CATALOGUE[key]
                found.append(GiftDay(key, name, rule(year, country)))
    if public:
        found.extend(_public_holidays(public, country, years))
    return sorted((g for g in found if start <= g.day <= end), key=lambda g: (g.day, g.name))


def _public_holidays(names: list[str], country: str, years: range) -> list[GiftDay]:
    import holidays  # large; only needed when the user picked a public holiday

    try:
        calendar = holidays.country_holidays(country, years=list(years))
    except NotImplementedError:
        return []
    wanted = {name.casefold(): name for name in names}
    found = []
    for day, label in sorted(calendar.items()):
        for piece in str(label).split(";"):
            named = piece.strip().casefold()
            for key, name in wanted.items():
                # "Chinese New Year's Eve" is not the day itself.
                if named.startswith(key) and "eve" not in named[len(key) :].split():
                    found.append(GiftDay(name, piece.strip(), day))
    return found
