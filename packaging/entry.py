"""The frozen app's entry point: the same `nurture` command the pip install gives."""

import sys

from nurture.__main__ import main

sys.exit(main())
