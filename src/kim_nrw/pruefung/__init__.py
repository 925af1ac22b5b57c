"""Die Prüfung: Regeln mit Fassungen und Geltung, Höchstbetrag und das Ergebnis als Daten.

* :func:`pruefe` / :func:`pruefe_alle` – einen Antrag (auch den gemeinsamen Antrag für KIM
  Baustein 1 und 2) zu einem Stichtag prüfen;
* :class:`Pruefergebnis` – Entscheidung, jede Bedingung mit Fundstelle, Höchstbetrag je
  Teil mit Rechnung, benutzte Werte, Vorbehalte, Regelversionen, Hinweise; als Text mit
  :meth:`Pruefergebnis.erklaerung` (:mod:`kim_nrw.pruefung.erklaerung`);
* :data:`REGELN` – alle Regeln (:class:`Regel`) mit ihren Fassungen, Fundstellen und
  Geltungen (:mod:`kim_nrw.pruefung.regelwerk`, :mod:`kim_nrw.pruefung.geltung`).
"""

from kim_nrw.pruefung import ergebnis as _ergebnis
from kim_nrw.pruefung.ergebnis import *  # noqa: F403 (die Namen nennt ergebnis.__all__)
from kim_nrw.pruefung.kontext import FehlenderWert
from kim_nrw.pruefung.pruefe import pruefe, pruefe_alle
from kim_nrw.pruefung.regeln import REGELN
from kim_nrw.pruefung.regelwerk import Regel

__all__ = [
    "REGELN",
    "FehlenderWert",
    "Regel",
    "pruefe",
    "pruefe_alle",
]
__all__ += _ergebnis.__all__
