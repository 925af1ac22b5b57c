"""``python -m kim_nrw``: derselbe Befehl wie ``kim-nrw`` (siehe :mod:`kim_nrw.cli`)."""

from __future__ import annotations

import sys

from kim_nrw.cli import main

if __name__ == "__main__":
    sys.exit(main())
