"""Der JSON-Konverter von kim_nrw: ein :class:`kim_nrw.konverter.Konverter` für die Modelle.

:data:`KONVERTER` legt die JSON-Form fest: Daten als ISO-Text, Geld als Dezimaltext
(nie Float), Aufzählungen nach Wert, Schlüssel und Zeiträume in ihrer Textform, Folgen
als Listen, Kommunen als Verweis mit ihrem Schlüssel. Jeder Werttyp liest und schreibt
sich selbst (``from_json``/``to_json``); was keine eigene Klasse ist, steht in der
Tabelle :data:`kim_nrw.serial.werte.FORMEN`. Gelesen wird wie bei jedem Konverter von
kim_nrw schnell (cattrs ohne ausführliche Prüfung) und nur bei einem Fehler gründlich,
mit allen Problemen und ihren JSON-Pfaden.

>>> from kim_nrw.antrag import Stelle
>>> from kim_nrw.serial.konverter import entstrukturiere, strukturiere
>>> stelle = strukturiere(Stelle, {"funktion": "case_management", "anteil": "0,5"})
>>> entstrukturiere(stelle)
{'funktion': 'case_management', 'anteil': '0.5', 'bezeichnung': ''}
"""

from __future__ import annotations

from typing import Any, Final

from kim_nrw.antrag import (
    Abgleich,
    Ankommenstreffpunkt,
    Ausgabe,
    Drittmittel,
    Foerderantrag,
    Stelle,
    Verwendungsnachweis,
    Weiterleitung,
    Zusatzstelle,
    Zuwendungsbescheid,
)
from kim_nrw.fehler import UngueltigeEingabe
from kim_nrw.konverter import Konverter
from kim_nrw.pruefung import (
    Fundstelle,
    Hinweis,
    Pruefergebnis,
    Pruefpunkt,
    Rechenschritt,
    Regelversion,
    Teilbetrag,
    VerwendeterWert,
    Vorbehalt,
)
from kim_nrw.recht import Luecke, Parameter, Rechtsquelle
from kim_nrw.recht.parameter import parameter_hook
from kim_nrw.serial.werte import FORMEN

__all__ = ["KONVERTER", "MODELLE", "beschreibe", "entstrukturiere", "strukturiere"]

MODELLE: Final[tuple[type, ...]] = (
    Foerderantrag,
    Stelle,
    Weiterleitung,
    Drittmittel,
    Zusatzstelle,
    Ankommenstreffpunkt,
    Zuwendungsbescheid,
    Verwendungsnachweis,
    Ausgabe,
    Abgleich,
    Pruefergebnis,
    Pruefpunkt,
    Rechenschritt,
    VerwendeterWert,
    Teilbetrag,
    Vorbehalt,
    Regelversion,
    Hinweis,
    Fundstelle,
    Parameter,
    Luecke,
    Rechtsquelle,
)
"""Die Modelle mit eigener JSON-Form; Blattwerte (Betrag, Zeitraum, Schlüssel …) kommen dazu.

Ein :class:`~kim_nrw.recht.Parameterwert` steht nur innerhalb seines
:class:`~kim_nrw.recht.Parameter`: erst dessen Art sagt, ob ``"0.90"`` ein Dezimalwert
oder ein Text ist.
"""

_OEFFENTLICH = frozenset(MODELLE)

KONVERTER: Final[Konverter] = Konverter(FORMEN, {Parameter: parameter_hook})
"""Der Konverter der JSON-Form: schnell und gründlich, unbekannte Schlüssel verboten."""


def beschreibe(typ: object) -> str:
    """Der deutsche Satz, was für ``typ`` erwartet wird (für fehlende Felder und Doku).

    >>> from kim_nrw.antrag import Stelle
    >>> from kim_nrw.serial.konverter import beschreibe
    >>> print(beschreibe(tuple[Stelle, ...] | None))
    eine Liste von: ein Objekt Stelle mit den Feldern funktion, anteil, bezeichnung oder null
    """
    return KONVERTER.beschreibe(typ)


def _pruefe_typ(typ: object) -> None:
    if not ((isinstance(typ, type) and typ in _OEFFENTLICH) or _ist_blattwert(typ)):
        raise UngueltigeEingabe(
            "typ",
            typ,
            "ein Modell von kim_nrw (" + ", ".join(m.__name__ for m in MODELLE) + "), ein Werttyp "
            "(Betrag, Stellenanteil, Zeitraum, AGS, Kreisschluessel …) oder eine Aufzählung",
        )


def _ist_blattwert(typ: object) -> bool:
    return KONVERTER.form(typ) is not None


def strukturiere(typ: Any, daten: object, wurzel: str = "$") -> Any:
    """Macht aus JSON-Werten (dict, list, str …) ein Objekt vom Typ ``typ``.

    Wirft :class:`~kim_nrw.fehler.DokumentFehler` mit allen Problemen; die Pfade
    beginnen bei ``wurzel``. ``daten`` wird nie verändert.
    """
    _pruefe_typ(typ)
    return KONVERTER.strukturiere(typ, daten, wurzel)


def entstrukturiere(objekt: object) -> Any:
    """Macht aus einem Modell (oder Blattwert) seine JSON-Form in kanonischer Schreibweise."""
    typ = type(objekt)
    _pruefe_typ(typ)
    return KONVERTER.entstrukturiere(objekt, typ)
