"""The desktop entry and AppStream metainfo that the installers ship pass the validators that
software centres and distributions run."""

from __future__ import annotations

import subprocess
import tomllib
import xml.etree.ElementTree as ET

from tests.packaging.scripts import ROOT

RESOURCES = ROOT / "resources"
METAINFO = RESOURCES / "app.nurture.Nurture.metainfo.xml"


def test_the_desktop_entry_is_valid() -> None:
    done = subprocess.run(
        ["desktop-file-validate", str(RESOURCES / "nurture.desktop")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == ""  # no hints or warnings either


def test_the_appstream_metainfo_is_valid() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "W:" not in done.stdout
    assert "E:" not in done.stdout


def test_the_metainfo_launches_the_shipped_desktop_entry_and_names_this_release() -> None:
    component = ET.parse(METAINFO).getroot()
    with (ROOT / "pyproject.toml").open("rb") as file:
        version = tomllib.load(file)["project"]["version"]
    assert component.findtext("launchable") == "nurture.desktop"
    assert (RESOURCES / "nurture.desktop").is_file()
    releases = [r.get("version") for r in component.iter("release")]
    assert releases[0] == version  # newest first, and it is the one being built
