"""`make run` and `make test` set up a bare machine: the system packages from one list, and a
check that names the packages Qt's X11 plugin still lacks."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.scripts import PACKAGING, load_script

qt_libraries = load_script("qt_libraries")
LISTS = PACKAGING / "system-packages"
SHELL = shutil.which("sh") or "/bin/sh"


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libEGL.so.1", "libegl1"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libglib-2.0.so.0", "libglib2.0-0"),
        ("libxcb-render-util.so.0.0.0", "libxcb-render-util0"),
    ],
)
def test_a_missing_library_is_named_by_its_debian_package(soname: str, package: str) -> None:
    assert qt_libraries.package_for(soname) == package


def test_only_the_libraries_ldd_could_not_find_are_reported() -> None:
    ldd = (
        "\tlinux-vdso.so.1 (0x00007ffd)\n"
        "\tlibxcb-icccm.so.4 => not found\n"
        "\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)\n"
        "\tlibxcb-keysyms.so.1 => not found\n"
        "\tlibxcb-icccm.so.4 => not found\n"
    )
    assert qt_libraries.missing_libraries(ldd) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


def test_the_run_list_gives_qts_x11_plugin_every_library_it_loads() -> None:
    # `make test` installed packaging/system-packages/run.txt on this machine; if Qt's plugin
    # still lacks a library, `make run` would stop before the window: the list is incomplete.
    plugin = qt_libraries.xcb_plugin()
    assert plugin is not None
    output = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
    assert qt_libraries.missing_libraries(output) == []
    assert qt_libraries.main() == 0


def _sysdeps(lists: list[Path], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SHELL, str(PACKAGING / "sysdeps.sh"), *map(str, lists)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def test_nothing_is_installed_or_said_when_every_package_is_there() -> None:
    done = _sysdeps([LISTS / "run.txt", LISTS / "test.txt"], dict(os.environ))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""


def test_without_root_or_sudo_the_exact_apt_command_is_printed_and_make_stops(
    tmp_path: Path,
) -> None:
    wanted = tmp_path / "wanted.txt"
    wanted.write_text("# a comment\nnurture-no-such-package  libc6\n", encoding="utf-8")
    # A PATH with the tools the script uses, and `id` saying "not root", but no sudo.
    tools = tmp_path / "bin"
    tools.mkdir()
    for tool in ("sed", "tr", "sort", "grep", "dpkg-query", "apt-get", "mktemp", "cat", "rm"):
        found = shutil.which(tool)
        assert found is not None, tool
        (tools / tool).symlink_to(found)
    (tools / "id").write_text("#!/bin/sh\necho 1000\n", encoding="utf-8")
    (tools / "id").chmod(0o755)
    done = _sysdeps([wanted], {"PATH": str(tools), "HOME": str(tmp_path)})
    assert done.returncode == 1
    assert "apt-get install -y --no-install-recommends nurture-no-such-package" in done.stdout
    assert "libc6" not in done.stdout  # installed already: not asked for


def test_one_list_serves_the_makefile_and_ci() -> None:
    makefile = (PACKAGING.parent / "Makefile").read_text(encoding="utf-8")
    ci = (PACKAGING.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "apt-get" not in makefile
    assert "apt-get" not in ci
    for name in ("run.txt", "test.txt", "package.txt"):
        assert f"$(SYSTEM)/{name}" in makefile
