"""Förderantrag, Zuwendungsbescheid und Verwendungsnachweis."""

from kim_nrw.antrag.bescheid import (
    BEWILLIGUNGSBEHOERDE,
    Abgleich,
    Ausgabe,
    Verwendungsnachweis,
    Zuwendungsbescheid,
    abgleich,
)
from kim_nrw.antrag.foerderantrag import (
    Ankommenstreffpunkt,
    Drittmittel,
    Foerderantrag,
    Nachweis,
    Stelle,
    Stellenfunktion,
    Weiterleitung,
    Zusatzstelle,
)

__all__ = [
    "BEWILLIGUNGSBEHOERDE",
    "Abgleich",
    "Ankommenstreffpunkt",
    "Ausgabe",
    "Drittmittel",
    "Foerderantrag",
    "Nachweis",
    "Stelle",
    "Stellenfunktion",
    "Verwendungsnachweis",
    "Weiterleitung",
    "Zusatzstelle",
    "Zuwendungsbescheid",
    "abgleich",
]
