"""Run inside a frozen bundle (as `nurture-selfcheck`, built beside `nurture` and removed before
shipping): proves that everything Nurture loads at run time by name or from data files made it
into the bundle. Prints one line per check and exits 1 if any failed.

Each check uses the same modules the app does, so the bundle's hooks are what is tested.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

CHECKS: list[tuple[str, Callable[[], str]]] = []


def check(name: str) -> Callable[[Callable[[], str]], Callable[[], str]]:
    def register(function: Callable[[], str]) -> Callable[[], str]:
        CHECKS.append((name, function))
        return function

    return register


@check("SQLite with FTS5")
def _fts5() -> str:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO t VALUES ('Crème brûlée and Highland single malt')")
    hits = db.execute("SELECT count(*) FROM t WHERE t MATCH 'creme'").fetchone()[0]
    assert hits == 1, hits
    return f"SQLite {sqlite3.sqlite_version}"


@check("time zones")
def _zoneinfo() -> str:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    summer = datetime(2026, 7, 1, 12, tzinfo=ZoneInfo("Europe/Berlin")).utcoffset()
    winter = datetime(2026, 1, 1, 12, tzinfo=ZoneInfo("America/New_York")).utcoffset()
    assert summer is not None, "no offset for Berlin"
    assert winter is not None, "no offset for New York"
    assert summer.total_seconds() == 7200, summer
    assert winter.total_seconds() == -18000, winter
    return "Europe/Berlin, America/New_York"


@check("holidays with translations")
def _holidays() -> str:
    import holidays

    german = holidays.country_holidays("DE", years=2026, language="de")
    english = holidays.country_holidays("DE", years=2026, language="en_US")
    from datetime import date

    assert german[date(2026, 12, 25)] == "Erster Weihnachtstag", german[date(2026, 12, 25)]
    assert english[date(2026, 12, 25)] == "Christmas Day", english[date(2026, 12, 25)]
    japan = holidays.country_holidays("JP", years=2026)
    return f"{len(holidays.list_supported_countries())} countries, JP {len(japan)} days"


@check("phone number data")
def _phonenumbers() -> str:
    import phonenumbers

    number = phonenumbers.parse("030 1234567", "DE")
    formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    assert formatted == "+49301234567", formatted
    assert phonenumbers.region_code_for_number(phonenumbers.parse("+81 3-1234-5678")) == "JP"
    return formatted


@check("vCard and iCalendar")
def _cards() -> str:
    import icalendar
    import vobject

    card = vobject.readOne(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Müller\r\nBDAY:--0229\r\nEND:VCARD\r\n"
    )
    assert card.fn.value == "Zoë Müller"
    calendar = icalendar.Calendar.from_ical(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//selfcheck//EN\r\nBEGIN:VEVENT\r\n"
        "UID:1\r\nDTSTART;VALUE=DATE:20270615\r\nSUMMARY:Emma graduates\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n"
    )
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Emma graduates"]
    return "vobject, icalendar"


@check("duplicate matching")
def _rapidfuzz() -> str:
    from rapidfuzz import fuzz

    score = fuzz.token_sort_ratio("Robert Miller", "Miller Robert")
    assert score == 100, score
    return "rapidfuzz"


@check("database migrations")
def _migrations() -> str:
    from nurture.app import Nurture
    from nurture.db.schema import HEAD_REVISION

    with tempfile.TemporaryDirectory() as folder:
        app = Nurture.open(folder)
        try:
            revision = (
                sqlite3.connect(Path(folder) / "nurture.sqlite3")
                .execute("SELECT version_num FROM alembic_version")
                .fetchone()[0]
            )
        finally:
            app.close()
    assert revision == HEAD_REVISION, revision
    return revision


@check("sync: HTTP client and TLS roots")
def _sync_client() -> str:
    """CardDAV sync speaks HTTPS to iCloud, Fastmail, Nextcloud: the bundle must carry the
    client, the engine's modules and the certificate authorities it checks servers against."""
    import ssl

    import certifi
    import httpx

    from nurture.sync.engine import SyncEngine

    roots = ssl.create_default_context(cafile=certifi.where()).cert_store_stats()["x509_ca"]
    assert roots > 50, roots
    assert SyncEngine.__name__ == "SyncEngine"
    return f"httpx {httpx.__version__}, {roots} certificate authorities"


@check("keyring backends")
def _keyring() -> str:
    from importlib.metadata import entry_points

    import keyring.backend

    names = sorted(point.name for point in entry_points(group="keyring.backends"))
    classes = {type(k).__module__ for k in keyring.backend.get_all_keyring()}
    if sys.platform.startswith("linux"):
        import keyring.backends.SecretService

        assert keyring.backends.SecretService.Keyring.__name__ == "Keyring"
    return f"entry points {names or 'built-in'}; usable here: {sorted(classes) or 'none'}"


@check("icons and image plugins")
def _icons() -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImageReader

    from ui.application import RESOURCES, app_icon

    application = QGuiApplication.instance() or QGuiApplication([])
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    missing = {"svg", "png", "jpeg"} - formats
    assert not missing, f"image formats missing: {missing}"
    assert (RESOURCES / "icons" / "nurture.svg").is_file(), RESOURCES
    pixmap = app_icon().pixmap(48, 48)
    assert not pixmap.isNull(), "the app icon did not render"
    del application
    return f"{len(formats)} image formats"


# build.py runs the self-check with this library path: a program Nurture starts must see it.
USER_LIBRARY_PATH = "/nurture-selfcheck/user-library-path"


@check("programs Nurture starts get the user's library path")
def _child_environment() -> str:
    if not sys.platform.startswith("linux"):
        return "only Linux sets one"
    child = subprocess.run(["env"], capture_output=True, text=True, check=True).stdout
    paths = [line for line in child.splitlines() if line.startswith("LD_LIBRARY_PATH=")]
    assert paths == [f"LD_LIBRARY_PATH={USER_LIBRARY_PATH}"], paths
    return paths[0]


def main() -> int:
    failed = 0
    for name, function in CHECKS:
        try:
            detail = function()
        except Exception:  # report every failure, then exit non-zero
            failed += 1
            print(f"FAIL {name}\n{traceback.format_exc()}", flush=True)
        else:
            print(f"ok   {name}: {detail}", flush=True)
    print(f"{len(CHECKS) - failed} of {len(CHECKS)} checks passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
