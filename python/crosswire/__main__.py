"""``python -m crosswire``: the same as the ``crosswire`` command."""

import sys

from .cli import main

sys.exit(main())
