"""The .deb's Depends come from what the bundle's programs load and do not carry, owned by
the build host's packages; a library nobody provides stops the build with its name."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.packaging.scripts import load_script

build = load_script("build")


def _program_needing_glib() -> Path:
    program = shutil.which("desktop-file-validate")
    assert program is not None
    return Path(program)


def test_a_library_the_bundle_does_not_carry_becomes_a_dependency(tmp_path: Path) -> None:
    shutil.copy(_program_needing_glib(), tmp_path / "program")
    depends = build.debian_depends(tmp_path)
    assert any(d.startswith("libglib2.0-0") for d in depends), depends  # Ubuntu: ...-0t64
    assert re.fullmatch(r"libc6 \(>= 2\.\d+\)", depends[0])
    assert depends[-2:] == build.EXTRA_DEPENDS  # fontconfig's files and a font


def test_a_library_the_bundle_carries_is_not_a_dependency(tmp_path: Path) -> None:
    shutil.copy(_program_needing_glib(), tmp_path / "program")
    (tmp_path / "libglib-2.0.so.0").write_bytes(b"carried")  # not an ELF: only its name counts
    assert not any(d.startswith("libglib2.0") for d in build.debian_depends(tmp_path))


def test_a_library_missing_on_the_build_host_stops_the_build(tmp_path: Path) -> None:
    # Qt's X11 plugin without the Qt libraries beside it: they are on no Debian package here.
    qt_libraries = load_script("qt_libraries")
    plugin = qt_libraries.xcb_plugin()
    assert plugin is not None
    shutil.copy(plugin, tmp_path / "libqxcb.so")
    with pytest.raises(build.BuildError, match=r"libQt6\w+\.so\.6"):
        build.debian_depends(tmp_path)
