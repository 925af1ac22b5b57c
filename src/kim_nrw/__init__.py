"""kim_nrw: die Integrationsförderung in Nordrhein-Westfalen als typisierter, zitierter Code.

Die öffentliche API steht in ``__all__``. ``import kim_nrw`` liest keine
Datendatei; Register und Parameter werden beim ersten Gebrauch einmal geladen.
"""

from kim_nrw.fehler import (
    KimNrwFehler,
    MehrdeutigerName,
    NichtGefunden,
    UngueltigeEingabe,
    UngueltigerAGS,
    UngueltigerARS,
    UngueltigerKreisschluessel,
    UngueltigerRBSchluessel,
    UngueltigerSchluessel,
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

__version__ = "0.1.0.dev0"

__all__ = [
    "AGS",
    "ARS",
    "DATENSTAND",
    "Gebietsart",
    "Gebietseinheit",
    "KimNrwFehler",
    "Kommune",
    "Kreis",
    "KreisangehoerigeGemeinde",
    "KreisfreieStadt",
    "Kreisschluessel",
    "MehrdeutigerName",
    "NichtGefunden",
    "RBSchluessel",
    "Regierungsbezirk",
    "Register",
    "UngueltigeEingabe",
    "UngueltigerAGS",
    "UngueltigerARS",
    "UngueltigerKreisschluessel",
    "UngueltigerRBSchluessel",
    "UngueltigerSchluessel",
    "__version__",
    "finde",
    "register",
]
