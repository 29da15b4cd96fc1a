"""`nurture sync`: the contacts in step with a CardDAV address book (a phone's, through the
server it syncs with); `nurture sync-account`: which server and book, and the password kept in
the keyring."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from dataclasses import asdict

from nurture.app import Nurture
from nurture.cli.output import print_json
from nurture.sync.account import connect, saved_password
from nurture.sync.dav import SyncError
from nurture.sync.report import SyncReport, TooManyDeletes

PASSWORD_VARIABLE = "NURTURE_SYNC_PASSWORD"


def sync(app: Nurture, args: argparse.Namespace) -> None:
    settings = app.settings.get()
    password = _password(settings.sync_url, settings.sync_user)
    try:
        report = app.sync.run(password, dry_run=args.dry_run, allow_deletes=args.allow_deletes)
    except TooManyDeletes as error:
        raise SyncError(f"{error.message} (nurture sync --allow-deletes)") from error
    if args.json:
        print_json(_report_json(report))
        return
    print(report.summary())
    for line in report.details():
        print(f"  {line}")


def sync_account(app: Nurture, args: argparse.Namespace) -> None:
    password = os.environ.get(PASSWORD_VARIABLE) or _ask(f"Password for {args.user}: ")
    done = connect(app.settings, args.url, args.user, password, args.book, keep_password=True)
    print(f"Syncing with the address book {done.book.name} ({done.book.url}).")
    if done.password_kept:
        print("The password is kept in this computer's keyring.")
    else:
        print(
            "No keyring works here, so the password is not kept: nurture sync asks for it "
            f"(or reads ${PASSWORD_VARIABLE}).",
            file=sys.stderr,
        )


def _password(url: str, user: str) -> str:
    if not (url and user):
        raise SyncError("Sync is not set up: nurture sync-account URL USER first.")
    return (
        saved_password(url, user)
        or os.environ.get(PASSWORD_VARIABLE)
        or _ask(f"Password for {user} at {url}: ")
    )


def _ask(prompt: str) -> str:
    if not sys.stdin.isatty():
        raise SyncError(
            f"No password: none is in the keyring; set ${PASSWORD_VARIABLE} or run this in a "
            "terminal to be asked."
        )
    return getpass.getpass(prompt)


def _report_json(report: SyncReport) -> dict[str, object]:
    found = asdict(report)
    found.pop("changes")
    found["refused"] = [{"contact": who, "reason": why} for who, why in report.refused]
    found["unreadable"] = [{"card": card, "reason": why} for card, why in report.unreadable]
    found["summary"] = report.summary()
    return found
