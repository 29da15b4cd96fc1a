"""Every write and read the core offers is reachable by the user: from the window (`ui/`), the
command line (`nurture/cli/`) or another part of the core that those use — never from tests
alone (a service method only tests call is a feature nobody can use)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _public_service_methods() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted((ROOT / "nurture" / "services").glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef) and node.name.endswith("Service"):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and not item.name.startswith("_"):
                        found[item.name] = f"{node.name}.{item.name}"
    return found


def test_every_public_service_method_is_used_outside_the_tests() -> None:
    sources = [*ROOT.joinpath("ui").rglob("*.py"), *ROOT.joinpath("nurture").rglob("*.py")]
    code = "\n".join(p.read_text(encoding="utf-8") for p in sources)
    unused = sorted(
        qualified
        for name, qualified in _public_service_methods().items()
        if not re.search(rf"\.{name}\b(?!\s*=)", code)
    )
    assert unused == []
