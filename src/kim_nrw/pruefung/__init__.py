"""Die Prüfung: Regeln, Höchstbetrag und das erklärende Ergebnis."""

from kim_nrw.pruefung.ergebnis import (
    Entscheidung,
    Pruefergebnis,
    Pruefpunkt,
    Pruefstatus,
    Rechenschritt,
    VerwendeterWert,
)
from kim_nrw.pruefung.pruefe import pruefe, pruefe_alle
from kim_nrw.pruefung.regeln import REGELN, Regel

__all__ = [
    "REGELN",
    "Entscheidung",
    "Pruefergebnis",
    "Pruefpunkt",
    "Pruefstatus",
    "Rechenschritt",
    "Regel",
    "VerwendeterWert",
    "pruefe",
    "pruefe_alle",
]
