"""Smoke test of the built .deb on this machine (CI, or a disposable one: it installs and
removes the package system-wide, as root).

    python3 packaging/smoke/smoke_test.py   # after `python packaging/build.py all`

Installs an older build of the same bundle, fills a user's data folder, upgrades to the new
package and checks the data is kept; drives the installed command line (demo, agenda, export and
import round trips, an old schema upgraded with a backup, a newer one refused untouched); opens
the window on a virtual screen (Xvfb) with and without a D-Bus session (clean stderr, a second
launch hands over); validates the desktop entry and AppStream metainfo; measures start times against
`python -m ui`; purges the package and checks the data folder stays.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
OLD_VERSION = "0.0.1~smoke"
INSTALLED = Path("/usr/bin/nurture")
DESKTOP = Path("/usr/share/applications/nurture.desktop")
METAINFO = Path("/usr/share/metainfo/app.nurture.Nurture.metainfo.xml")
WINDOW_TIMEOUT = 60


class SmokeFailure(Exception):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def run(
    command: Sequence[str | Path],
    env: dict[str, str] | None = None,
    expect: int = 0,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(part) for part in command], env=env, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode != expect:
        raise SmokeFailure(
            f"{' '.join(map(str, command))} exited {done.returncode} (expected {expect})\n"
            f"stdout: {done.stdout[-2000:]}\nstderr: {done.stderr[-2000:]}"
        )
    return done


def step(title: str) -> None:
    print(f"--- {title}", flush=True)


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def apt(*args: str) -> None:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(["apt-get", "-y", "-q", *args], env=env)


SMOKE_PASSPHRASE = "installer smoke test"


def user_environment(home: Path) -> dict[str, str]:
    """A user's desktop environment with its own home: data goes to ~/.local/share/Nurture."""
    runtime = home / "run"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "NURTURE_", "QT_", "DBUS_", "DISPLAY", "WAYLAND"))
    }
    return {
        **env,
        "HOME": str(home),
        "XDG_RUNTIME_DIR": str(runtime),
        "LANG": "C.UTF-8",
        # No Secret Service here: the installed window encrypts a folder on its first start
        # behind this passphrase, and later starts and commands open it with the same.
        "NURTURE_NEW_PASSPHRASE": SMOKE_PASSPHRASE,
        "NURTURE_PASSPHRASE": SMOKE_PASSPHRASE,
    }


def contact_count(env: dict[str, str], data: Path | None = None) -> int:
    where = ["--data-dir", str(data)] if data else []
    listed = run([INSTALLED, *where, "contacts", "--all", "--json"], env=env)
    return len(json.loads(listed.stdout))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def upgrade_keeps_data(new_deb: Path, env: dict[str, str], home: Path) -> None:
    step(f"older build {OLD_VERSION} installed, a user's data, then the new package over it")
    run([VENV_PYTHON, ROOT / "packaging" / "build.py", "deb", "--version", OLD_VERSION])
    old_deb = next(DIST.glob(f"nurture_{OLD_VERSION}_*.deb"))
    kept = ROOT / "build" / "smoke" / old_deb.name
    kept.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(old_deb, kept)
    apt("install", "--no-install-recommends", str(kept))
    run([INSTALLED, "demo", "--contacts", "30"], env=env)
    before = contact_count(env)
    check(before >= 30, f"the demo made {before} contacts")
    apt("install", "--no-install-recommends", str(new_deb))
    version = run([INSTALLED, "--version"], env=env).stdout.strip()
    check(version == f"nurture {project_version()}", f"installed version says {version!r}")
    check(contact_count(env) == before, "the upgrade lost contacts")
    check((home / ".local/share/Nurture/nurture.sqlite3").is_file(), "no data in the home folder")


def command_line(env: dict[str, str], work: Path) -> None:
    step("command line on an empty data folder: demo, agenda, export and import round trips")
    source = work / "source"
    run([INSTALLED, "--data-dir", source, "demo", "--contacts", "60"], env=env)
    agenda = json.loads(run([INSTALLED, "--data-dir", source, "agenda", "--json"], env=env).stdout)
    check(isinstance(agenda, list) and len(agenda) > 0, "the agenda of a demo network is empty")
    check({"date", "kind", "contact", "title"} <= set(agenda[0]), f"agenda keys: {agenda[0]}")
    people = json.loads(
        run([INSTALLED, "--data-dir", source, "contacts", "--json"], env=env).stdout
    )
    for file_format, suffix in (("csv", "csv"), ("vcard", "vcf")):
        exported = work / f"everyone.{suffix}"
        run(
            [INSTALLED, "--data-dir", source, "export", "--format", file_format, "-o", exported],
            env=env,
        )
        target = work / f"imported-{file_format}"
        # Every row a person of its own: two different people of the same name in one file
        # are merged by default (issue 13); here the question is only whether all came back.
        run([INSTALLED, "--data-dir", target, "import", exported, "--on-duplicate", "add"], env=env)
        back = json.loads(
            run([INSTALLED, "--data-dir", target, "contacts", "--json"], env=env).stdout
        )
        check(
            sorted(p["name"] for p in back) == sorted(p["name"] for p in people),
            f"{file_format} round trip: {len(back)} of {len(people)} people came back",
        )
    calendar = work / "dates.ics"
    run([INSTALLED, "--data-dir", source, "export", "--format", "ics", "-o", calendar], env=env)
    check(calendar.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR"), "not an .ics")


def schema_upgrades(env: dict[str, str], work: Path) -> None:
    step("a database of the first schema is upgraded, with a backup; a newer one is refused")
    old = work / "old-schema"
    run([VENV_PYTHON, ROOT / "packaging" / "smoke" / "old_database.py", old])
    listed = json.loads(run([INSTALLED, "--data-dir", old, "contacts", "--json"], env=env).stdout)
    check([p["name"] for p in listed] == ["Ann Lee"], f"after the upgrade: {listed}")
    backups = list((old / "backups" / "before-upgrade").glob("*before-upgrade-from-0001_initial*"))
    check(len(backups) == 1, f"backups after the upgrade: {list((old / 'backups').iterdir())}")

    newer = work / "newer-schema"
    newer.mkdir()
    shutil.copy(work / "source" / "nurture.sqlite3", newer / "nurture.sqlite3")
    with sqlite3.connect(newer / "nurture.sqlite3") as db:
        db.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    db.close()
    before = digest(newer / "nurture.sqlite3")
    refused = run([INSTALLED, "--data-dir", newer, "contacts"], env=env, expect=1)
    check("newer version" in refused.stderr, f"refusal message: {refused.stderr!r}")
    check("Traceback" not in refused.stderr, "a traceback instead of a message")
    check(digest(newer / "nurture.sqlite3") == before, "the newer database was changed")


WINDOW_SCRIPT = r"""
set -u
started=$(date +%s%N)
"$@" >"$OUT/first.out" 2>"$OUT/first.err" &
first=$!
until xdotool search --onlyvisible --name '^Nurture' >/dev/null 2>&1; do
    if ! kill -0 $first 2>/dev/null; then
        wait $first; echo "no window: the program exited with $?"; exit 3
    fi
    if [ $(( ($(date +%s%N) - started) / 1000000000 )) -ge {timeout} ]; then
        echo "no window after {timeout} s"; kill $first 2>/dev/null; exit 3
    fi
    sleep 0.02
done
echo "window_seconds $(( ($(date +%s%N) - started) / 1000000 ))e-3"
# A second launch hands over to the running one and exits.
timeout 30 "$@" >"$OUT/second.out" 2>"$OUT/second.err"
echo "second_exit $?"
sleep 1
kill -0 $first 2>/dev/null && echo "first_alive 1" || echo "first_alive 0"
kill -TERM $first
wait $first
echo "first_exit $?"
"""


class ScreenLost(SmokeFailure):
    """The virtual screen itself went away: the machine's fault, not the program's."""


@contextmanager
def virtual_screen(log: Path) -> Iterator[str]:
    """An Xvfb of our own on a display it picks itself, handed out once a client has really
    talked to it (xvfb-run's -a guesses a free number and may start the program before the
    server; a reported number alone was once seen refusing the program's connection)."""
    read, write = os.pipe()
    with log.open("w") as server_log:
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=server_log,
        )
    os.close(write)
    try:
        with os.fdopen(read) as reported:
            number = reported.readline().strip()
        check(number.isdigit(), f"Xvfb did not start: {log.read_text(errors='replace')}")
        display = f":{number}"
        for _ in range(100):
            probe = subprocess.run(
                ["xdotool", "getdisplaygeometry"],
                env={**os.environ, "DISPLAY": display},
                capture_output=True,
            )
            if probe.returncode == 0:
                break
            time.sleep(0.1)
        else:
            raise ScreenLost(f"Xvfb reported {display} but takes no clients")
        yield display
        if server.poll() is not None:
            raise ScreenLost(f"Xvfb on {display} ended during the run ({server.returncode})")
    finally:
        server.terminate()
        server.wait(timeout=30)


def open_window(
    command: Sequence[str | Path], env: dict[str, str], out: Path, dbus: bool
) -> dict[str, float]:
    """Start the app on a virtual screen (in a D-Bus session or none); what happened.
    A screen lost under the program is tried once more on a new one, and said."""
    try:
        return open_window_once(command, env, out, dbus)
    except ScreenLost as lost:
        print(f"    the virtual screen failed ({lost}); once more on a new one", flush=True)
        return open_window_once(command, env, out, dbus)


def open_window_once(
    command: Sequence[str | Path], env: dict[str, str], out: Path, dbus: bool
) -> dict[str, float]:
    out.mkdir(parents=True, exist_ok=True)
    script = out / "window.sh"
    script.write_text(WINDOW_SCRIPT.replace("{timeout}", str(WINDOW_TIMEOUT)), encoding="utf-8")
    inner = ["sh", str(script), *map(str, command)]
    if dbus:
        inner = ["dbus-run-session", "--", *inner]
    with virtual_screen(out / "xvfb.log") as display:
        try:
            done = run(
                inner, env={**env, "OUT": str(out), "DISPLAY": display}, timeout=WINDOW_TIMEOUT + 90
            )
        except SmokeFailure as failure:
            told = "".join(
                f"\n{name}: {(out / name).read_text(encoding='utf-8', errors='replace')[-2000:]}"
                for name in ("first.out", "first.err", "xvfb.log")
                if (out / name).exists()
            )
            if "could not connect to display" in told:
                raise ScreenLost(f"{failure}{told}") from failure
            raise SmokeFailure(f"{failure}{told}") from failure
    facts = {}
    for line in done.stdout.splitlines():
        key, _, value = line.partition(" ")
        if value:
            facts[key] = float(value)
    check("window_seconds" in facts, f"no window appeared: {done.stdout} {done.stderr}")
    return facts


def window(env: dict[str, str], work: Path) -> dict[str, float]:
    timings = {}
    for dbus in (False, True):
        label = "with D-Bus" if dbus else "without D-Bus"
        step(f"the installed window under Xvfb, {label}; a second launch hands over")
        out = work / f"window-{'dbus' if dbus else 'plain'}"
        facts = open_window([INSTALLED, "--data-dir", work / "source"], env, out, dbus)
        errors = (out / "first.err").read_text(encoding="utf-8", errors="replace")
        check(errors.strip() == "", f"the window printed to stderr ({label}):\n{errors}")
        check(facts.get("second_exit") == 0, f"the second launch did not hand over: {facts}")
        check(facts.get("first_alive") == 1, f"the first window died after the second: {facts}")
        timings[label] = facts["window_seconds"]
    return timings


def validators() -> None:
    step("desktop entry and AppStream metainfo validate")
    run(["desktop-file-validate", DESKTOP])
    run(["appstreamcli", "validate", "--no-net", METAINFO])


def median_seconds(command: Sequence[str | Path], env: dict[str, str], times: int = 5) -> float:
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        run(command, env=env)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def start_times(env: dict[str, str], work: Path, installed_window: dict[str, float]) -> None:
    step("start times: the installed app against `python -m ui` from the checkout")
    source = work / "source"
    checkout = [VENV_PYTHON, "-m", "ui"]
    agenda = ["--data-dir", source, "agenda", "--json"]
    rows = [
        (
            "--version",
            median_seconds([INSTALLED, "--version"], env),
            median_seconds([*checkout, "--version"], env),
        ),
        (
            "agenda --json",
            median_seconds([INSTALLED, *agenda], env),
            median_seconds([*checkout, *agenda], env),
        ),
    ]
    checkout_window = open_window(
        [*checkout, "--data-dir", source], env, work / "window-checkout", False
    )["window_seconds"]
    rows.append(("window shown", installed_window["without D-Bus"], checkout_window))
    print(f"{'':16}{'installed':>12}{'python -m':>12}{'ratio':>8}")
    for name, installed, checkout in rows:
        print(f"{name:16}{installed:11.3f}s{checkout:11.3f}s{installed / checkout:8.2f}")


def purge_keeps_data(env: dict[str, str], home: Path) -> None:
    step("apt-get remove --purge removes the program and keeps the data folder")
    count = contact_count(env)
    apt("remove", "--purge", "nurture")
    check(not INSTALLED.exists() and not Path("/opt/nurture").exists(), "files left behind")
    database = home / ".local/share/Nurture/nurture.sqlite3"
    with sqlite3.connect(database) as db:
        kept = db.execute("SELECT count(*) FROM contacts").fetchone()[0]
    db.close()
    check(kept == count, f"{kept} contacts left of {count}")


def main() -> int:
    if os.geteuid() != 0:
        print("The smoke test installs a package system-wide: run it as root (CI does).")
        return 1
    debs = sorted(DIST.glob(f"nurture_{project_version()}_*.deb"))
    if not debs:
        print(f"No package in {DIST}: run `make package` first.")
        return 1
    if Path("/var/lib/dpkg/info/nurture.list").exists():
        apt("remove", "--purge", "nurture")
    with tempfile.TemporaryDirectory(prefix="nurture-smoke-") as folder:
        work = Path(folder)
        home = work / "home"
        env = user_environment(home)
        try:
            upgrade_keeps_data(debs[-1], env, home)
            command_line(env, work)
            schema_upgrades(env, work)
            timings = window(env, work)
            validators()
            start_times(env, work, timings)
            purge_keeps_data(env, home)
        except (SmokeFailure, subprocess.TimeoutExpired) as failure:
            print(f"SMOKE TEST FAILED: {failure}", file=sys.stderr)
            return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
