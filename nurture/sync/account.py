"""The sync account: connecting to a server (discovery, the address book chosen or made) and
its password, which lives in the OS keyring and nowhere else.

Where no keyring works (a bare Linux session without Secret Service), the password is not kept
at all: the window asks for it once per session and the command line reads it from
$NURTURE_SYNC_PASSWORD or a prompt. Keeping it in a file beside the data, even the encrypted
database, would put a server login wherever a backup of that file goes.
"""

from __future__ import annotations

from dataclasses import dataclass

from nurture.services.settings import SettingsService
from nurture.sync.caldav import find_or_make_calendar
from nurture.sync.carddav import Book, address_books, make_address_book
from nurture.sync.dav import DavSession, SyncError, discover

KEYRING_SERVICE = "Nurture sync"
DEFAULT_BOOK = "Nurture"


@dataclass(frozen=True, slots=True)
class Connected:
    book: Book
    calendar: str  # the "Nurture" calendar's URL; "" when none
    password_kept: bool  # in the keyring; False when not asked to or no keyring works


def connect(
    settings: SettingsService,
    url: str,
    user: str,
    password: str,
    book_name: str = "",
    calendar: bool = True,
    keep_password: bool = False,
) -> Connected:
    """Log in to the server at `url`, choose the address book called `book_name` (made when
    missing; without a name the first one, or a new "Nurture"), find or make the "Nurture"
    calendar when the server keeps calendars and `calendar` is asked for, and keep the choice
    (and, with `keep_password`, the password in the keyring)."""
    url, user = url.strip(), user.strip()
    if not url.startswith(("http://", "https://")):
        raise SyncError("The server address starts with https:// (or http:// on your own network).")
    if not user:
        raise SyncError("The server needs your user name.")
    homes = discover(url, user, password)
    with DavSession(user, password) as dav:
        books = address_books(dav, homes.addressbooks)
        wanted = book_name.strip().casefold()
        chosen = next((b for b in books if not wanted or b.name.casefold() == wanted), None)
        if chosen is None:
            chosen = make_address_book(dav, homes.addressbooks, book_name.strip() or DEFAULT_BOOK)
        dates = find_or_make_calendar(dav, homes.calendars) if calendar and homes.calendars else ""
    settings.update(sync_url=url, sync_user=user, sync_book=chosen.url, sync_calendar=dates)
    return Connected(chosen, dates, keep_password and save_password(url, user, password))


def saved_password(url: str, user: str) -> str | None:
    """The password kept for this account; None when none is kept or no keyring works."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, _account(url, user))
    except (KeyringError, RuntimeError):
        return None


def save_password(url: str, user: str, password: str) -> bool:
    """Keep the password in the OS keyring; False when no keyring that keeps secrets works."""
    import keyring
    from keyring.errors import KeyringError

    from nurture.db.keys import trusted

    if not trusted(keyring.get_keyring()):
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, _account(url, user), password)
    except (KeyringError, RuntimeError):
        return False
    return saved_password(url, user) == password


def _account(url: str, user: str) -> str:
    return f"{user}@{url.rstrip('/')}"
