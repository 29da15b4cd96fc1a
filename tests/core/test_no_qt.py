"""The core never imports Qt: the command line must run on a headless server and start fast."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

# Alembic's env.py is a script Alembic runs inside a migration, not a module to import.
_NOT_MODULES = {"nurture.db.migrations.env"}


def _run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_every_core_module_imports_without_qt() -> None:
    result = _run(
        f"""
        import importlib, json, pkgutil, sys
        import nurture
        names = []
        for info in pkgutil.walk_packages(nurture.__path__, "nurture."):
            if info.name not in {sorted(_NOT_MODULES)!r}:
                importlib.import_module(info.name)
                names.append(info.name)
        qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "ui"))
        print(json.dumps({{"imported": names, "qt": qt}}))
        """
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["qt"] == []
    # The walk really covered the package, not just its top.
    for name in (
        "nurture.app",
        "nurture.cli.main",
        "nurture.services.contacts",
        "nurture.db.migrate",
    ):
        assert name in report["imported"]


def test_command_line_runs_without_qt_or_alembic(data_dir: Path) -> None:
    # `data_dir` already holds a database at the head revision, so opening it needs no
    # migration: Alembic stays unloaded too (that keeps every start-up light).
    result = _run(
        """
        import io, json, sys
        from contextlib import redirect_stdout
        from nurture.__main__ import main
        out = io.StringIO()
        with redirect_stdout(out):
            code = main(["--data-dir", sys.argv[1], "contacts", "--json"])
        loaded = sorted({m.split(".")[0] for m in sys.modules})
        print(json.dumps({"code": code, "out": out.getvalue(), "loaded": loaded}))
        """,
        str(data_dir),
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["code"] == 0
    assert json.loads(report["out"]) == []
    assert "PySide6" not in report["loaded"]
    assert "ui" not in report["loaded"]
    assert "alembic" not in report["loaded"]


def test_services_and_commands_take_the_time_from_the_cores_clock() -> None:
    # Tests (and the window) set the core's clock; a service reading the wall clock itself
    # would disagree with them about "today".
    import ast

    root = Path(__file__).resolve().parents[2] / "nurture"
    offenders = []
    for path in sorted([*root.glob("services/*.py"), *root.glob("cli/*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and (node.func.value.id, node.func.attr) in {("datetime", "now"), ("date", "today")}
            ):
                offenders.append(f"{path.relative_to(root)}:{node.lineno}")
    assert offenders == []


def test_nothing_in_the_core_imports_the_window_not_even_lazily() -> None:
    import ast

    root = Path(__file__).resolve().parents[2] / "nurture"
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                names = [node.value] if node.value.startswith(("ui.", "PySide6")) else []
            line = getattr(node, "lineno", 0)
            found += [
                f"{path.relative_to(root)}:{line} {n}"
                for n in names
                if n.split(".")[0] in ("ui", "PySide6")
            ]
    assert found == []


def test_python_m_nurture_is_the_command_line_alone() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "nurture"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "give a command" in done.stderr
