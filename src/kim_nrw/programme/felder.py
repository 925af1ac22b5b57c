"""Die Validatoren der Programmmodelle, zusammengesetzt aus :mod:`kim_nrw.validatoren`.

Jeder Name hier ist eine Instanz einer Validatorklasse; die Modelle in
:mod:`kim_nrw.programme.beschreibung` und :mod:`kim_nrw.programme.behoerden` benutzen sie
für ihre Felder. Ob ein Kurzname im Quellenkatalog und ein Parametername in den
Paketdaten steht, prüft nicht der Validator, sondern der Katalog beim Laden
(:mod:`kim_nrw.programme.laden`).
"""

from __future__ import annotations

from kim_nrw.recht.parameter import NAME_MUSTER
from kim_nrw.recht.quellen import KURZNAME_MUSTER
from kim_nrw.validatoren import Datum, Folge, Muster, Text

__all__ = [
    "KURZNAME",
    "KURZNAME_ODER_NONE",
    "NORM",
    "PARAMETERNAME",
    "PRAEFIX",
    "QUELLEN",
    "STICHTAG",
    "TEXT",
    "TEXTE",
    "TEXT_ODER_LEER",
]

KURZNAME = Muster(KURZNAME_MUSTER.pattern, "der Kurzname einer Quelle, z. B. 'TIntG-2021'")
"""Ein Kurzname des Quellenkatalogs."""
KURZNAME_ODER_NONE = Muster(KURZNAME.muster, KURZNAME.text, optional=True)
"""Ein Kurzname oder ``None``."""
QUELLEN = Folge(KURZNAME, mindestens=1, eindeutig=True)
"""Die Belege einer Angabe: mindestens ein Kurzname, jeder nur einmal."""
PARAMETERNAME = Muster(NAME_MUSTER.pattern, "der Name eines Parameters, z. B. 'kim.b1.foerderart'")
"""Der Name eines Parameters der Paketdaten."""
PRAEFIX = Muster(
    r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*\.", "ein Namenspräfix mit Punkt am Ende, z. B. 'kim.b1.'"
)
"""Das gemeinsame Präfix der Parameter eines Programms oder Teils."""
NORM = Text(einzeilig=True, optional=True)
"""Eine Stelle in einer Quelle, z. B. ``§ 9 Abs. 1``, oder ``None`` (die ganze Quelle)."""
TEXT = Text()
"""Ein nicht leerer Text ohne Leerzeichen am Rand."""
TEXT_ODER_LEER = Text(leer=True)
"""Ein Text ohne Leerzeichen am Rand, auch leer."""
TEXTE = Folge(TEXT)
"""Ein Tupel nicht leerer Texte (Hinweise)."""
STICHTAG = Datum()
"""Ein Stichtag: ``datetime.date`` ohne Uhrzeit."""
