"""PyInstaller runtime hook: programs Nurture starts must not load the bundle's libraries.

The bootloader points LD_LIBRARY_PATH at the bundle and keeps the user's value in
LD_LIBRARY_PATH_ORIG. Nurture itself no longer needs it once running (its libraries carry
$ORIGIN paths), but a mailto:/tel: link opened through xdg-open would start the user's mail
program with the bundle's Qt and glib. Restore the user's environment for every child.
"""

import os

_original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
if _original is None:
    os.environ.pop("LD_LIBRARY_PATH", None)
else:
    os.environ["LD_LIBRARY_PATH"] = _original
