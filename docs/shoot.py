"""Screenshots of the real window for docs/screenshots, taken under Xvfb the way a user sees it.

Usage (from a checkout, with Xvfb and imagemagick installed):
    python docs/shoot.py DATA_DIR NAME [--size 1280x720] [--scale 1] [--dark]
        [--page contacts|today|calendar|gifts|new-campaign|network|review|editor|duplicates|
                preferences|sync|restore|private|recovery]
        [--row N] [--search TEXT] [--campaign NAME]

Starts its own Xvfb, opens the window on DATA_DIR (a `nurture demo` database), sets the scene,
and writes docs/screenshots/NAME.png with `import -window root`.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("name")
    parser.add_argument("--size", default="1280x720")
    parser.add_argument("--scale", default="1")
    parser.add_argument("--dark", action="store_true")
    parser.add_argument("--page", default="contacts")
    parser.add_argument("--row", type=int, default=4)
    parser.add_argument("--search", default="")
    parser.add_argument("--campaign", default="", help="the Gifts page's campaign, by name")
    args = parser.parse_args()
    if os.environ.get("NURTURE_SHOOT_INSIDE"):
        return _scene(args)
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{args.size}x24", "-nolisten", "tcp"],
        pass_fds=(write,),
    )
    os.close(write)
    display = ":" + os.read(read, 16).decode().strip()
    env = {**os.environ, "DISPLAY": display, "QT_SCALE_FACTOR": args.scale}
    env.update(NURTURE_SHOOT_INSIDE="1", QT_QPA_PLATFORM="xcb")
    try:
        return subprocess.run([sys.executable, __file__, *sys.argv[1:]], env=env).returncode
    finally:
        xvfb.terminate()


def _scene(args: argparse.Namespace) -> int:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QStyleFactory

    from nurture.app import Nurture
    from ui.application import app_icon, local_now
    from ui.theme import dark_palette
    from ui.views.main_window import MainWindow

    app = QApplication(sys.argv)
    if args.dark:
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())
    core = Nurture.open(Path(args.data), clock=local_now)
    window = MainWindow(core, app_icon(), local_now)
    window.setGeometry(app.primaryScreen().availableGeometry())  # Xvfb has no window manager
    window.show()
    window.sync_control.start()  # as the app does: the sync's line at the foot, when set up
    target = HERE / "screenshots" / f"{args.name}.png"

    def scene() -> None:
        pages = {
            "today": 0,
            "contacts": 1,
            "calendar": 2,
            "gifts": 3,
            "new-campaign": 3,
            "preferences": 1,
            "sync": 1,
            "restore": 1,
            "private": 1,
            "recovery": 1,
            "network": 4,
            "review": 0,
            "editor": 1,
            "duplicates": 1,
        }
        window.sidebar.setCurrentRow(pages[args.page])
        if args.search:
            window.search.setText(args.search)
        if args.page in ("contacts", "editor", "private"):
            window.contacts.table.selectRow(args.row)
        late = 1500 if args.campaign else 0  # the campaigns are listed on the worker first
        if args.campaign:
            QTimer.singleShot(1000, pick_campaign)
        if args.page in ("today", "gifts"):  # read on the worker: pick a row once it is in
            page = window.today if args.page == "today" else window.gifts
            QTimer.singleShot(1200 + late, lambda: page.table.selectRow(args.row))
        then = {
            "editor": editor,
            "duplicates": duplicates,
            "review": review,
            "new-campaign": new_campaign,
            "preferences": lambda: modal(window.preferences),
            "sync": sync_tab,
            "restore": lambda: modal(window.safety.choose_backup),
            "private": private,
            "recovery": recovery,
        }.get(args.page, shoot)
        QTimer.singleShot(1500 + late, then)

    def pick_campaign() -> None:
        gifts = window.gifts
        starts = Qt.MatchFlag.MatchStartsWith
        gifts.campaign.setCurrentIndex(max(0, gifts.campaign.findText(args.campaign, starts)))
        gifts.reload()

    def duplicates() -> None:
        QTimer.singleShot(4000, shoot)  # the pairs are found on the worker meanwhile
        window.find_duplicates()

    def editor() -> None:
        card = window.contacts.card.card
        if card is not None:
            QTimer.singleShot(1200, shoot)
            window.edit_contact(card.id)  # modal: the timer takes the picture meanwhile

    def sync_tab() -> None:
        def choose() -> None:
            dialog = QApplication.activeModalWidget()
            tabs = getattr(dialog, "tabs", None)
            if tabs is not None:
                tabs.setCurrentIndex(tabs.count() - 1)

        QTimer.singleShot(800, choose)
        modal(window.preferences)

    def modal(opens: Callable[[], object]) -> None:
        QTimer.singleShot(1500, shoot)  # the dialog is modal: the timer takes the picture
        opens()

    def recovery() -> None:
        from nurture.db.keys import new_key
        from ui.dialogs.encryption import RecoveryKeyDialog

        shown = RecoveryKeyDialog(window, new_key())
        shown.show()
        QTimer.singleShot(800, shoot)

    def private() -> None:
        window.private_action.trigger()
        QTimer.singleShot(800, shoot)

    def new_campaign() -> None:
        def holidays() -> None:  # the dialog is modal: its holiday list, opened
            dialog = QApplication.activeModalWidget()
            combo = getattr(dialog, "upcoming", None)
            if combo is not None:
                combo.showPopup()
            QTimer.singleShot(800, shoot)

        QTimer.singleShot(2500, holidays)  # the holidays are read on the worker meanwhile
        window.gifts.new.click()

    def review() -> None:
        QTimer.singleShot(2500, shoot)  # the year is read on the worker meanwhile
        window.year_in_review()  # modal

    def shoot() -> None:
        subprocess.run(["import", "-window", "root", str(target)], check=True)
        print(target)
        app.exit(0)

    QTimer.singleShot(2500, scene)
    code = app.exec()
    core.close()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
