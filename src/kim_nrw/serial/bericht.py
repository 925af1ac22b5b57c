"""Der Fehlerbericht als JSON-Dokument: was ein Formular oder Dienst maschinell liest.

Ein :class:`~kim_nrw.fehler.DokumentFehler` wird zu einem Dokument im selben Umschlag wie
alle Dokumente von kim_nrw, mit eigenem Typ ``fehlerbericht`` und eigener Version
(:data:`FEHLERBERICHT_VERSION`). So erkennt ein Empfänger an denselben zwei Feldern,
was er vor sich hat, ob Antrag, Prüfergebnis oder Fehlerbericht, und eine spätere
Änderung der Form zeigt sich an der Version. Gelesen wird ein Fehlerbericht von
kim_nrw nie; er ist kein Modell, nur eine Ausgabe (``kim-nrw pruefen --json``).

>>> from kim_nrw.fehler import DokumentFehler, Problem
>>> fehler = DokumentFehler([Problem("$.inhalt.zeitraum", "(fehlt)", "Pflichtfeld fehlt",
...                                  "pflichtfeld")], "foerderantrag")
>>> bericht = fehlerbericht(fehler)
>>> bericht["dokument"], bericht["version"], bericht["inhalt"]["anzahl"]
('fehlerbericht', 1, 1)
>>> bericht["inhalt"]["probleme"][0]
{'pfad': '$.inhalt.zeitraum', 'code': 'pflichtfeld', 'wert': None, 'meldung': 'Pflichtfeld fehlt'}
"""

from __future__ import annotations

import json
from typing import Any, Final

from kim_nrw.fehler import DokumentFehler, UngueltigeEingabe

__all__ = ["FEHLERBERICHT_VERSION", "fehlerbericht", "fehlerbericht_text"]

FEHLERBERICHT_VERSION: Final = 1
"""Die Version der Form des Fehlerberichts; sie steigt, wenn sich die Form ändert."""


def fehlerbericht(fehler: DokumentFehler) -> dict[str, Any]:
    """Der Fehlerbericht zu ``fehler`` als JSON-Struktur (dict).

    ``inhalt`` hat die Felder ``dokumenttyp`` (der erwartete Typ, ``null``, wenn
    unbekannt), ``anzahl`` (alle Probleme), ``weitere`` (nur gezählt, höchstens
    :data:`~kim_nrw.fehler.MAX_PROBLEME` stehen einzeln da) und ``probleme``: je Problem
    ``pfad`` (JSON-Pfad), ``code`` (einer der :data:`~kim_nrw.fehler.PROBLEMCODES`),
    ``wert`` (der gekürzte Wert als JSON-Text, ``null``, wenn er fehlt) und ``meldung``.
    """
    if not isinstance(fehler, DokumentFehler):
        raise UngueltigeEingabe("fehler", fehler, "ein DokumentFehler")
    return {
        "dokument": "fehlerbericht",
        "version": FEHLERBERICHT_VERSION,
        "inhalt": {
            "dokumenttyp": fehler.dokument or None,
            "anzahl": fehler.anzahl,
            "weitere": fehler.weitere,
            "probleme": [
                {
                    "pfad": p.pfad,
                    "code": p.code,
                    "wert": None if p.wert in ("", "(fehlt)") else p.wert,
                    "meldung": p.meldung,
                }
                for p in fehler.probleme
            ],
        },
    }


def fehlerbericht_text(fehler: DokumentFehler) -> str:
    """Der Fehlerbericht als JSON-Text (zwei Leerzeichen Einrückung, UTF-8-Zeichen)."""
    return json.dumps(fehlerbericht(fehler), ensure_ascii=False, indent=2)
