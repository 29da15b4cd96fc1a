"""`python -m ui`: Nurture from a source checkout, the same program as the `nurture` command."""

import sys

from ui.launcher import main

sys.exit(main())
