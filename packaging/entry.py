"""The frozen app's entry point: the same `nurture` command the pip install gives."""

import sys

from ui.launcher import main

sys.exit(main())
