"""Hypothesis-Profile: ``kurz`` (Vorgabe, CI) und ``lang`` (auf Wunsch: ``KIM_FUZZ=lang``).

``lang`` erhöht die Zahl der Beispiele aller Hypothesis-Tests, die sie nicht selbst
festlegen (vor allem ``tests/test_fuzz.py``), und hebt die Zeitgrenzen auf::

    KIM_FUZZ=lang .venv/bin/python -m pytest tests/test_fuzz.py --hypothesis-show-statistics
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("kurz", deadline=None)
settings.register_profile(
    "lang",
    deadline=None,
    max_examples=20_000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile("lang" if os.environ.get("KIM_FUZZ") == "lang" else "kurz")
