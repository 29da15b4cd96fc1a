"""Which system libraries Qt's X11 platform plugin cannot load here, and the Debian packages
that provide them. `make run` calls this after installing Nurture: Qt's own message names only
the first missing library ("xcb-cursor0 is needed"), and sometimes one that is installed.

Exit 0 when nothing is missing (or there is nothing to check: not Linux, no ldd), else print
the packages and the command to install them, and exit 1.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

# Debian names most libraries after their soname (libxcb-icccm.so.4 -> libxcb-icccm4, a hyphen
# before the number when the name ends in a digit); these do not follow the rule.
PACKAGE_OF = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libgmodule-2.0.so.0": "libglib2.0-0",
    "libstdc++.so.6": "libstdc++6",
    "libz.so.1": "zlib1g",
}


def package_for(soname: str) -> str:
    """The Debian package that ships `soname`, by Debian's library naming policy."""
    if soname in PACKAGE_OF:
        return PACKAGE_OF[soname]
    match = re.fullmatch(r"(.+?)\.so\.(\d+)(?:\..*)?", soname)
    if match is None:
        return soname.lower()
    name, major = match.group(1).lower(), match.group(2)
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def missing_libraries(ldd_output: str) -> list[str]:
    """Sonames that `ldd` could not resolve."""
    return sorted(set(re.findall(r"^\s*(\S+) => not found", ldd_output, re.MULTILINE)))


def xcb_plugin() -> Path | None:
    spec = find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    plugin = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.exists() else None


def main() -> int:
    plugin = xcb_plugin()
    if not sys.platform.startswith("linux") or plugin is None or shutil.which("ldd") is None:
        return 0
    output = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
    missing = missing_libraries(output)
    if not missing:
        return 0
    packages = sorted({package_for(soname) for soname in missing})
    print(
        "Qt cannot open a window on X11: these libraries are missing: "
        + ", ".join(missing)
        + f"\nInstall them with: sudo apt-get install {' '.join(packages)}"
        + "\n(and add them to packaging/system-packages/run.txt)",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
