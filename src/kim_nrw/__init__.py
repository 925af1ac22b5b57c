"""kim_nrw: die Integrationsförderung in Nordrhein-Westfalen als typisierter, zitierter Code.

Die öffentliche API steht in ``__all__``. ``import kim_nrw`` lädt weder
Datendateien noch die Untermodule: jeder Name wird beim ersten Zugriff aus
seinem Modul geholt (PEP 562), Register und Parameter beim ersten Gebrauch
einmal geladen. So bleibt der Import billig für Programme, die nur einen Teil
brauchen.

>>> import kim_nrw
>>> kim_nrw.zustaendiges_ki("Erkelenz").name
'Kommunales Integrationszentrum Kreis Heinsberg'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kim_nrw.antrag import (
        Abgleich,
        Ausgabe,
        Drittmittel,
        Foerderantrag,
        Stelle,
        Stellenfunktion,
        Verwendungsnachweis,
        Weiterleitung,
        Zusatzstelle,
        Zuwendungsbescheid,
        abgleich,
    )
    from kim_nrw.fehler import (
        DatenFehler,
        KeinWertAmStichtag,
        KimNrwFehler,
        MehrdeutigerName,
        NichtBekannt,
        NichtGefunden,
        UngueltigeEingabe,
        UngueltigerAGS,
        UngueltigerARS,
        UngueltigerBetrag,
        UngueltigerKreisschluessel,
        UngueltigerRBSchluessel,
        UngueltigerSchluessel,
        UngueltigerStellenanteil,
        UngueltigerZeitraum,
    )
    from kim_nrw.gebiet import (
        AGS,
        ARS,
        DATENSTAND,
        Gebietsart,
        Gebietseinheit,
        Kommune,
        Kreis,
        KreisangehoerigeGemeinde,
        KreisfreieStadt,
        Kreisschluessel,
        RBSchluessel,
        Regierungsbezirk,
        Register,
        finde,
        register,
    )
    from kim_nrw.geld import (
        Betrag,
        Stellenanteil,
    )
    from kim_nrw.programme import (
        Foerderart,
        Programm,
        Programmteil,
    )
    from kim_nrw.pruefung import (
        Entscheidung,
        Pruefergebnis,
        Pruefpunkt,
        Pruefstatus,
        Rechenschritt,
        pruefe,
        pruefe_alle,
    )
    from kim_nrw.recht import (
        Parameter,
        Parameterwert,
        Rechtsquelle,
        Zitat,
        alle_parameter,
        alle_rechtsquellen,
        parameter,
        rechtsquelle,
    )
    from kim_nrw.zeit import (
        Haushaltsjahr,
        Zeitraum,
    )
    from kim_nrw.zentren import (
        KommunalesIntegrationszentrum,
        ki,
        ki_register,
        zustaendiges_ki,
    )

__version__ = "0.1.0.dev0"

_EXPORTE: dict[str, str] = {
    "Abgleich": "kim_nrw.antrag",
    "Ausgabe": "kim_nrw.antrag",
    "Drittmittel": "kim_nrw.antrag",
    "Foerderantrag": "kim_nrw.antrag",
    "Stelle": "kim_nrw.antrag",
    "Stellenfunktion": "kim_nrw.antrag",
    "Verwendungsnachweis": "kim_nrw.antrag",
    "Weiterleitung": "kim_nrw.antrag",
    "Zusatzstelle": "kim_nrw.antrag",
    "Zuwendungsbescheid": "kim_nrw.antrag",
    "abgleich": "kim_nrw.antrag",
    "DatenFehler": "kim_nrw.fehler",
    "KeinWertAmStichtag": "kim_nrw.fehler",
    "KimNrwFehler": "kim_nrw.fehler",
    "MehrdeutigerName": "kim_nrw.fehler",
    "NichtBekannt": "kim_nrw.fehler",
    "NichtGefunden": "kim_nrw.fehler",
    "UngueltigeEingabe": "kim_nrw.fehler",
    "UngueltigerAGS": "kim_nrw.fehler",
    "UngueltigerARS": "kim_nrw.fehler",
    "UngueltigerBetrag": "kim_nrw.fehler",
    "UngueltigerKreisschluessel": "kim_nrw.fehler",
    "UngueltigerRBSchluessel": "kim_nrw.fehler",
    "UngueltigerSchluessel": "kim_nrw.fehler",
    "UngueltigerStellenanteil": "kim_nrw.fehler",
    "UngueltigerZeitraum": "kim_nrw.fehler",
    "AGS": "kim_nrw.gebiet",
    "ARS": "kim_nrw.gebiet",
    "DATENSTAND": "kim_nrw.gebiet",
    "Gebietsart": "kim_nrw.gebiet",
    "Gebietseinheit": "kim_nrw.gebiet",
    "Kommune": "kim_nrw.gebiet",
    "Kreis": "kim_nrw.gebiet",
    "KreisangehoerigeGemeinde": "kim_nrw.gebiet",
    "KreisfreieStadt": "kim_nrw.gebiet",
    "Kreisschluessel": "kim_nrw.gebiet",
    "RBSchluessel": "kim_nrw.gebiet",
    "Regierungsbezirk": "kim_nrw.gebiet",
    "Register": "kim_nrw.gebiet",
    "finde": "kim_nrw.gebiet",
    "register": "kim_nrw.gebiet",
    "Betrag": "kim_nrw.geld",
    "Stellenanteil": "kim_nrw.geld",
    "Foerderart": "kim_nrw.programme",
    "Programm": "kim_nrw.programme",
    "Programmteil": "kim_nrw.programme",
    "Entscheidung": "kim_nrw.pruefung",
    "Pruefergebnis": "kim_nrw.pruefung",
    "Pruefpunkt": "kim_nrw.pruefung",
    "Pruefstatus": "kim_nrw.pruefung",
    "Rechenschritt": "kim_nrw.pruefung",
    "pruefe": "kim_nrw.pruefung",
    "pruefe_alle": "kim_nrw.pruefung",
    "Parameter": "kim_nrw.recht",
    "Parameterwert": "kim_nrw.recht",
    "Rechtsquelle": "kim_nrw.recht",
    "Zitat": "kim_nrw.recht",
    "alle_parameter": "kim_nrw.recht",
    "alle_rechtsquellen": "kim_nrw.recht",
    "parameter": "kim_nrw.recht",
    "rechtsquelle": "kim_nrw.recht",
    "Haushaltsjahr": "kim_nrw.zeit",
    "Zeitraum": "kim_nrw.zeit",
    "KommunalesIntegrationszentrum": "kim_nrw.zentren",
    "ki": "kim_nrw.zentren",
    "ki_register": "kim_nrw.zentren",
    "zustaendiges_ki": "kim_nrw.zentren",
}

__all__ = [
    "AGS",
    "ARS",
    "DATENSTAND",
    "Abgleich",
    "Ausgabe",
    "Betrag",
    "DatenFehler",
    "Drittmittel",
    "Entscheidung",
    "Foerderantrag",
    "Foerderart",
    "Gebietsart",
    "Gebietseinheit",
    "Haushaltsjahr",
    "KeinWertAmStichtag",
    "KimNrwFehler",
    "KommunalesIntegrationszentrum",
    "Kommune",
    "Kreis",
    "KreisangehoerigeGemeinde",
    "KreisfreieStadt",
    "Kreisschluessel",
    "MehrdeutigerName",
    "NichtBekannt",
    "NichtGefunden",
    "Parameter",
    "Parameterwert",
    "Programm",
    "Programmteil",
    "Pruefergebnis",
    "Pruefpunkt",
    "Pruefstatus",
    "RBSchluessel",
    "Rechenschritt",
    "Rechtsquelle",
    "Regierungsbezirk",
    "Register",
    "Stelle",
    "Stellenanteil",
    "Stellenfunktion",
    "UngueltigeEingabe",
    "UngueltigerAGS",
    "UngueltigerARS",
    "UngueltigerBetrag",
    "UngueltigerKreisschluessel",
    "UngueltigerRBSchluessel",
    "UngueltigerSchluessel",
    "UngueltigerStellenanteil",
    "UngueltigerZeitraum",
    "Verwendungsnachweis",
    "Weiterleitung",
    "Zeitraum",
    "Zitat",
    "Zusatzstelle",
    "Zuwendungsbescheid",
    "__version__",
    "abgleich",
    "alle_parameter",
    "alle_rechtsquellen",
    "finde",
    "ki",
    "ki_register",
    "parameter",
    "pruefe",
    "pruefe_alle",
    "rechtsquelle",
    "register",
    "zustaendiges_ki",
]


def __getattr__(name: str) -> Any:
    """Holt einen öffentlichen Namen beim ersten Zugriff aus seinem Modul."""
    modul = _EXPORTE.get(name)
    if modul is None:
        raise AttributeError(f"module 'kim_nrw' has no attribute {name!r}")
    wert = getattr(importlib.import_module(modul), name)
    globals()[name] = wert
    return wert


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
