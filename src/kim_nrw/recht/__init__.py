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
