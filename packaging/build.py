"""Build Nurture's installers: the PyInstaller bundle, then (on Linux) a .deb and a .tar.zst.

    python packaging/build.py all        # the bundle, then this system's installers in dist/:
                                         #   Linux .deb + .tar.zst, Windows setup.exe, macOS .dmg
    python packaging/build.py deb --version 0.0.1   # another .deb of the same bundle

Reproducible: every timestamp is SOURCE_DATE_EPOCH (the last commit's time unless set), the
hash seed is fixed, archives are sorted and owned by root. The build stops on any library
PyInstaller could not find (a host without libxcb-cursor0 would otherwise ship a bundle that
aborts with "xcb-cursor0 is needed"), and on a failed self-check of the bundle.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
BUILD = ROOT / "build" / "pyinstaller"
BUNDLE = BUILD / "dist" / "nurture"
DIST = ROOT / "dist"
SELFCHECK = "nurture-selfcheck"
INSTALL_DIR = "opt/nurture"
METAINFO = "app.nurture.Nurture.metainfo.xml"
# What a bundle cannot carry (the driver-side graphics stack) comes from the system: computed
# from the bundle's DT_NEEDED entries. These are needed by files, not by libraries: fontconfig's
# configuration and at least one font, or Qt draws no text.
EXTRA_DEPENDS = ["fontconfig-config", "fonts-dejavu-core | fonts-liberation2 | fonts-noto-core"]


class BuildError(Exception):
    """A build step failed; the message says which and why."""


def version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def source_date_epoch() -> int:
    if "SOURCE_DATE_EPOCH" in os.environ:
        return int(os.environ["SOURCE_DATE_EPOCH"])
    stamp = subprocess.run(
        ["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True, text=True
    )
    return int(stamp.stdout.strip()) if stamp.returncode == 0 and stamp.stdout.strip() else 0


def build_environment() -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": str(source_date_epoch()), "PYTHONHASHSEED": "0"}


def bundle() -> Path:
    """Freeze the app with PyInstaller, check it from the inside, leave it ready to ship."""
    log_path = BUILD / "pyinstaller.log"
    BUILD.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--distpath",
        str(BUILD / "dist"),
        "--workpath",
        str(BUILD / "work"),
        str(PACKAGING / "nurture.spec"),
    ]
    with log_path.open("w", encoding="utf-8") as log:
        done = subprocess.run(
            command, stdout=log, stderr=subprocess.STDOUT, env=build_environment(), cwd=BUILD
        )
    text = log_path.read_text(encoding="utf-8", errors="replace")
    if done.returncode != 0:
        raise BuildError(f"PyInstaller failed; see {log_path}:\n{text[-3000:]}")
    missing = sorted(set(re.findall(r"Library not found: (.*)", text)))
    if missing:
        raise BuildError(
            "PyInstaller could not find libraries the bundle needs (install them on the build "
            "host: `make package` installs packaging/system-packages/*.txt):\n  "
            + "\n  ".join(missing)
        )
    if sys.platform.startswith("linux"):
        strip_absolute_runpaths(BUNDLE)
    run_selfcheck(BUNDLE)
    return BUNDLE


def run_selfcheck(folder: Path) -> None:
    executable = folder / (SELFCHECK + (".exe" if sys.platform == "win32" else ""))
    # The library path is the self-check's marker: programs started from the bundle must get it.
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "LD_LIBRARY_PATH": "/nurture-selfcheck/user-library-path",
    }
    result = subprocess.run([str(executable)], capture_output=True, text=True, env=env)
    print(result.stdout, end="")
    if result.returncode != 0:
        raise BuildError(f"The bundle's self-check failed:\n{result.stdout}{result.stderr}")
    executable.unlink()


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as file:
                if file.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def _readelf(*args: str) -> str:
    return subprocess.run(["readelf", *args], capture_output=True, text=True, check=True).stdout


def strip_absolute_runpaths(folder: Path) -> None:
    """Python built elsewhere (pyenv, a CI image) leaves RUNPATHs to its own prefix in libpython
    and its extension modules: on a user's machine they could load a stranger's libraries."""
    for path in elf_files(folder):
        runpath = re.search(r"\((?:RUNPATH|RPATH)\).*\[(.*)\]", _readelf("-d", str(path)))
        if runpath is None:
            continue
        kept = [p for p in runpath.group(1).split(":") if p.startswith("$ORIGIN")]
        if kept:
            subprocess.run(["patchelf", "--set-rpath", ":".join(kept), str(path)], check=True)
        else:
            subprocess.run(["patchelf", "--remove-rpath", str(path)], check=True)


def debian_depends(folder: Path) -> list[str]:
    """The packages a bundle needs from the system: every DT_NEEDED it does not carry, owned by
    the package that provides it on the build host; libc6 at the newest GLIBC version used."""
    carried = {path.name for path in folder.rglob("*")}
    needed: set[str] = set()
    glibc = (2, 0)
    for path in elf_files(folder):
        dynamic = _readelf("-d", str(path))
        needed.update(re.findall(r"\(NEEDED\).*\[(.*)\]", dynamic))
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", _readelf("-V", str(path))):
            glibc = max(glibc, (int(major), int(minor)))
    packages = {_owning_package(soname) for soname in needed - carried}
    packages.discard("libc6")
    return [f"libc6 (>= {glibc[0]}.{glibc[1]})", *sorted(packages), *EXTRA_DEPENDS]


def _owning_package(soname: str) -> str:
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    match = re.search(
        rf"^\s*{re.escape(soname)} \(.*x86-64.*\) => (.*)$", cache, re.M
    ) or re.search(rf"^\s*{re.escape(soname)} \(.*\) => (.*)$", cache, re.M)
    if match is None:
        raise BuildError(f"{soname} is needed by the bundle but not installed on the build host")
    path = Path(match.group(1))
    candidates = {str(path), str(path.resolve())}
    candidates |= {c.removeprefix("/usr") for c in candidates} | {"/usr" + c for c in candidates}
    for candidate in sorted(candidates):
        owner = subprocess.run(["dpkg-query", "-S", candidate], capture_output=True, text=True)
        if owner.returncode == 0:
            return owner.stdout.split(":")[0].strip()
    raise BuildError(f"No Debian package owns {path} (needed by the bundle as {soname})")


def _set_times(folder: Path, epoch: int) -> None:
    for path in [folder, *folder.rglob("*")]:
        os.utime(path, (epoch, epoch), follow_symlinks=False)


def deb(package_version: str | None = None) -> Path:
    """The bundle as a .deb: /opt/nurture, /usr/bin/nurture, desktop entry, icons, metainfo."""
    if not BUNDLE.is_dir():
        raise BuildError(f"No bundle in {BUNDLE}: run `python packaging/build.py bundle` first")
    package_version = package_version or version()
    architecture = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    stage = BUILD / "deb" / "root"
    shutil.rmtree(stage.parent, ignore_errors=True)
    shutil.copytree(BUNDLE, stage / INSTALL_DIR, symlinks=True)
    (stage / "usr/bin").mkdir(parents=True)
    (stage / "usr/bin/nurture").symlink_to(f"/{INSTALL_DIR}/nurture")
    resources = ROOT / "resources"
    _install(resources / "nurture.desktop", stage / "usr/share/applications/nurture.desktop")
    _install(resources / METAINFO, stage / "usr/share/metainfo" / METAINFO)
    icons = stage / "usr/share/icons/hicolor"
    _install(resources / "icons/nurture.svg", icons / "scalable/apps/nurture.svg")
    _install(resources / "icons/nurture.png", icons / "256x256/apps/nurture.png")
    _install(resources / "icons/nurture-64.png", icons / "64x64/apps/nurture.png")
    _install(PACKAGING / "linux/copyright", stage / "usr/share/doc/nurture/copyright")
    for path in stage.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    installed_kib = sum(p.lstat().st_size for p in stage.rglob("*")) // 1024
    control = (
        (PACKAGING / "linux/control.in")
        .read_text(encoding="utf-8")
        .format(
            version=package_version,
            architecture=architecture,
            installed_size=installed_kib,
            depends=", ".join(debian_depends(BUNDLE)),
        )
    )
    (stage / "DEBIAN").mkdir()
    (stage / "DEBIAN/control").write_text(control, encoding="utf-8")
    epoch = source_date_epoch()
    _set_times(stage, epoch)
    DIST.mkdir(exist_ok=True)
    target = DIST / f"nurture_{package_version}_{architecture}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(target)],
        check=True,
        env=build_environment(),
        stdout=subprocess.DEVNULL,
    )
    return target


def _install(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def tarball() -> Path:
    """The bundle as a .tar.zst for other distributions: unpack anywhere, run nurture/nurture."""
    machine = os.uname().machine
    DIST.mkdir(exist_ok=True)
    target = DIST / f"nurture-{version()}-linux-{machine}.tar.zst"
    epoch = source_date_epoch()
    _set_times(BUNDLE, epoch)
    subprocess.run(
        [
            "tar",
            "--sort=name",
            f"--mtime=@{epoch}",
            "--owner=0",
            "--group=0",
            "--numeric-owner",
            "--pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime",
            "-I",
            "zstd -19 -T0 -q",
            "-cf",
            str(target),
            "-C",
            str(BUNDLE.parent),
            BUNDLE.name,
        ],
        check=True,
    )
    return target


def windows_installer() -> Path:
    """The per-user setup.exe (packaging/windows/nurture.nsi), compiled by makensis."""
    target = DIST / f"nurture-{version()}-windows-setup.exe"
    DIST.mkdir(exist_ok=True)
    subprocess.run(
        [
            "makensis",
            "-V2",
            "-WX",
            f"-DVERSION={version()}",
            f"-DBUNDLE={BUNDLE}",
            f"-DOUTFILE={target}",
            str(PACKAGING / "windows" / "nurture.nsi"),
        ],
        check=True,
    )
    return target


def macos_disk_image() -> Path:
    target = DIST / f"nurture-{version()}-macos.dmg"
    app = BUNDLE.parent / "Nurture.app"
    subprocess.run(
        ["sh", str(PACKAGING / "macos" / "build-dmg.sh"), str(app), str(target)], check=True
    )
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=["all", "bundle", "deb", "tarball", "installer"])
    parser.add_argument("--version", help="the .deb's version (default: the project's)")
    args = parser.parse_args(argv)
    linux = sys.platform.startswith("linux")
    try:
        if args.step in ("all", "bundle"):
            print(f"bundle: {bundle()}")
        if args.step in ("all", "deb") and linux:
            print(f"deb: {deb(args.version)}")
        if args.step in ("all", "tarball") and linux:
            print(f"tarball: {tarball()}")
        if args.step in ("all", "installer") and sys.platform == "win32":
            print(f"installer: {windows_installer()}")
        if args.step in ("all", "installer") and sys.platform == "darwin":
            print(f"disk image: {macos_disk_image()}")
    except (BuildError, subprocess.CalledProcessError) as error:
        print(f"packaging failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
