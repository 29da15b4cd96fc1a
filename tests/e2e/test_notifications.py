"""The real app, under Xvfb with its own D-Bus session and a notification server: a birthday due
today arrives as a desktop notification."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

from nurture.app import Nurture
from nurture.domain.dates import PartialDate
from nurture.domain.dto import ContactDraft
from nurture.domain.enums import DateKind

HERE = Path(__file__).parent


def test_a_birthday_today_arrives_as_a_desktop_notification(tmp_path: Path) -> None:
    # dbus-run-session and xvfb-run come from Debian's dbus and xvfb packages (.ci/run).
    missing = [tool for tool in ("dbus-run-session", "xvfb-run") if shutil.which(tool) is None]
    assert not missing, f"install {missing} (sudo apt install dbus xvfb)"
    data, record = tmp_path / "data", tmp_path / "notifications.txt"
    core = Nurture.open(data)
    now = datetime.now().astimezone()
    digest = now.replace(hour=0, minute=0)  # the digest time has passed today
    core.settings.update(
        time_zone="UTC",
        digest_time=f"{digest:%H:%M}",
        gift_holidays=[],
        lead_days={**core.settings.get().lead_days, "birthday": 0},
    )
    today = datetime.now().astimezone().astimezone().date()
    ann = core.contacts.create(ContactDraft(given_name="Ann", family_name="Lee")).value.id
    core.records.add_date(ann, DateKind.BIRTHDAY, PartialDate(1980, today.month, today.day))
    core.close()
    script = (
        f"{sys.executable} {HERE / 'notification_server.py'} {record} & "
        f"while [ ! -e {record} ]; do sleep 0.1; done; "
        f"exec {sys.executable} -m ui --data-dir {data}"
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen(
        ["dbus-run-session", "--", "xvfb-run", "-a", "sh", "-c", script],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline:
            if record.exists() and "Ann Lee" in record.read_text(encoding="utf-8"):
                break
            assert app.poll() is None, app.stderr.read() if app.stderr else ""
            time.sleep(0.2)
        notes = record.read_text(encoding="utf-8") if record.exists() else ""
        assert "Ann Lee" in notes, notes
        assert notes.count("Ann Lee") == 1  # once
    finally:
        os.killpg(app.pid, 15)
        app.communicate(timeout=20)


NOTIFIER_PROBE = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from ui.notifications import Actions, DBusNotifier, Message
app = QApplication([])
notifier = DBusNotifier(Actions())
print("delivered" if notifier.notify(Message("Ann Lee's birthday", "today")) else "declined")
print("listening", notifier._signals is not None)
"""


def _probe(tmp_path: Path, with_server: bool) -> subprocess.CompletedProcess[str]:
    record, script = tmp_path / "notifications.txt", tmp_path / "probe.py"
    script.write_text(NOTIFIER_PROBE, encoding="utf-8")
    probe = f"{sys.executable} {script}"
    server = (
        f"{sys.executable} {HERE / 'notification_server.py'} {record} & "
        f"while [ ! -e {record} ]; do sleep 0.1; done; "
        if with_server
        else ""
    )
    return subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", server + probe],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_session_bus_without_a_notification_server_passes_the_reminder_on(
    tmp_path: Path,
) -> None:
    done = _probe(tmp_path, with_server=False)
    # The tray or the banner takes it; nothing is printed on the way.
    assert done.stdout.splitlines()[0] == "declined", done.stdout + done.stderr
    assert "qt.dbus" not in done.stderr
    assert "Traceback" not in done.stderr


def test_clicks_on_a_notifications_buttons_can_reach_nurture(tmp_path: Path) -> None:
    done = _probe(tmp_path, with_server=True)
    # Sent, and a second connection listens for the server's ActionInvoked signal (the click
    # itself is followed end to end in tests/ui/test_notifications.py).
    assert done.stdout.splitlines() == ["delivered", "listening True"], done.stdout + done.stderr
    assert "Traceback" not in done.stderr
