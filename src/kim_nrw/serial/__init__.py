"""JSON für alle Modelle: ein cattrs-Konverter, Dokumente mit Umschlag, Migrationen, JSON Schema.

* :func:`lade` / :func:`als_json` – Dokumente mit Umschlag
  ``{"dokument": …, "version": …, "inhalt": …}``; ältere Versionen werden migriert.
* :func:`struktur` / :func:`entstruktur` – dieselbe JSON-Form ohne Umschlag (dict-Ebene).
* :func:`schema` / :func:`schema_text` – JSON Schema (Draft 2020-12) je Dokumenttyp,
  aus den Modellen erzeugt und im Paket mitgeliefert (``kim_nrw/daten/schema/``).
* Fehler: :class:`~kim_nrw.fehler.DokumentFehler` mit *allen* Problemen, jedes mit
  JSON-Pfad, Code, gekürztem Wert und deutscher Meldung; :func:`fehlerbericht` macht
  daraus ein JSON-Dokument.

>>> from kim_nrw.serial import DOKUMENTTYPEN
>>> for name, typ in DOKUMENTTYPEN.items():
...     print(name, typ.version, typ.modell.__name__)
foerderantrag 2 Foerderantrag
zuwendungsbescheid 2 Zuwendungsbescheid
verwendungsnachweis 1 Verwendungsnachweis
pruefergebnis 3 Pruefergebnis
parameter 3 Parameter
rechtsquelle 1 Rechtsquelle
"""

from kim_nrw.serial import bericht as _bericht
from kim_nrw.serial import dokument as _dokument
from kim_nrw.serial.bericht import *  # noqa: F403 (die Namen nennt bericht.__all__)
from kim_nrw.serial.dokument import *  # noqa: F403 (die Namen nennt dokument.__all__)
from kim_nrw.serial.konverter import KONVERTER, MODELLE
from kim_nrw.serial.schema import schema, schema_text

__all__ = [
    "KONVERTER",
    "MODELLE",
    "schema",
    "schema_text",
]
__all__ += _bericht.__all__
__all__ += _dokument.__all__
