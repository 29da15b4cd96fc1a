"""The release workflow is valid for GitHub Actions and smoke-tests every system's installer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.packaging.scripts import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


def test_the_release_workflow_matches_githubs_schema() -> None:
    checker = Path(sys.executable).parent / "check-jsonschema"
    done = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_each_system_builds_installs_and_runs_the_same_smoke_steps() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    jobs = {name: text.split(f"\n  {name}:\n", 1)[1] for name in ("linux", "windows", "macos")}
    assert ".ci/run" in jobs["linux"]  # tests, make package-check
    for name in ("windows", "macos"):
        job = jobs[name].split("\n  linux:")[0]
        assert "packaging/build.py all" in job, name
        for smoke in ("--version", "demo --contacts", "agenda --json", "export --format vcard"):
            assert smoke in job, (name, smoke)
