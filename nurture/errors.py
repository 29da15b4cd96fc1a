"""Errors the user can understand: each message says what happened and what to do."""

from __future__ import annotations


class NurtureError(Exception):
    """A known failure with a message fit for the user; never shown as a traceback."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(NurtureError):
    """Input that cannot be stored as given; nothing was changed."""


class NotFoundError(NurtureError):
    """The thing asked for does not exist (any more)."""


class AmbiguousError(NurtureError):
    """A name matched more than one contact."""


class StorageError(NurtureError):
    """The database file could not be used; the message names the way out."""


class DatabaseLockedError(StorageError):
    pass


class DiskFullError(StorageError):
    pass


class DatabaseCorruptError(StorageError):
    pass


class DamagedTextError(StorageError):
    """A stored text value is no longer valid UTF-8 (a flipped bit): `check` repairs it."""


class SchemaTooNewError(StorageError):
    pass
