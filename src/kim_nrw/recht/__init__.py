"""Das Recht: Quellenkatalog und stichtagsbezogene Parameter aus den Paketdaten.

* :func:`rechtsquelle` / :func:`alle_rechtsquellen` – der Katalog der Rechtsakte
  (TIntG 2012/2021, Förderrichtlinien, Runderlasse, § 44 LHO mit VV, Aachen-Gesetz)
  und der Belege (Verwaltungsseiten, Ratsdokumente, Pressemitteilungen …), jeweils
  unter einem stabilen Kurznamen und mit der Adresse der gelesenen Seite.
* :func:`parameter` / :func:`alle_parameter` – Beträge, Stellenzahlen und Fristen mit
  Geltungszeitraum, Gewissheit und Quellen; :meth:`Parameter.wert_am` wählt nach Stichtag.

Das Dateiformat beschreibt :mod:`kim_nrw.recht.laden`. Die Daten werden beim ersten
Zugriff einmal gelesen.

>>> from datetime import date
>>> parameter("ki.hoechstbetrag_kreis").wert_am(date(2019, 7, 1)).wert
Decimal('320000.00')
"""

from typing import TYPE_CHECKING

from kim_nrw._veraltet import Alias, veraltete_namen
from kim_nrw.recht import laden as _laden
from kim_nrw.recht.laden import *  # noqa: F403 (die Namen nennt laden.__all__)
from kim_nrw.recht.parameter import Luecke, Parameter, Parameterart, Parameterwert, Wert
from kim_nrw.recht.quellen import (
    STAND_ERSTERFASSUNG,
    Gewissheit,
    Quellenart,
    Rechtsquelle,
    Zitat,
)

__all__ = [
    "STAND_ERSTERFASSUNG",
    "Gewissheit",
    "Luecke",
    "Parameter",
    "Parameterart",
    "Parameterwert",
    "Quellenart",
    "Rechtsquelle",
    "Wert",
    "Zitat",
]
__all__ += _laden.__all__

if not TYPE_CHECKING:  # Typprüfer sehen die alten Namen nicht: ein Tippfehler bleibt ein Fehler
    __getattr__ = veraltete_namen(__name__, {
        "Status": Alias("Gewissheit", seit="0.2.0", entfaellt_in="0.4.0"),
        "STAND_FAKTENBLATT": Alias("STAND_ERSTERFASSUNG", seit="0.2.0", entfaellt_in="0.4.0"),
    })  # fmt: skip
