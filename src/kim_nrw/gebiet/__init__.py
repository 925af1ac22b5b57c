"""Das Gebiet: Schlüssel, Gebietseinheiten und das Register aller Kommunen in NRW."""

from kim_nrw.gebiet.einheiten import (
    Gebietsart,
    Gebietseinheit,
    Kommune,
    Kreis,
    KreisangehoerigeGemeinde,
    KreisfreieStadt,
    Regierungsbezirk,
    Sonderstatus,
)
from kim_nrw.gebiet.register import (
    DATENSTAND,
    STADT_AACHEN,
    STAEDTEREGION_AACHEN,
    Datenstand,
    Register,
    normalisiere_name,
    register,
)
from kim_nrw.gebiet.schluessel import AGS, ARS, Kreisschluessel, RBSchluessel

__all__ = [
    "AGS",
    "ARS",
    "DATENSTAND",
    "STADT_AACHEN",
    "STAEDTEREGION_AACHEN",
    "Datenstand",
    "Gebietsart",
    "Gebietseinheit",
    "Kommune",
    "Kreis",
    "KreisangehoerigeGemeinde",
    "KreisfreieStadt",
    "Kreisschluessel",
    "RBSchluessel",
    "Regierungsbezirk",
    "Register",
    "Sonderstatus",
    "finde",
    "normalisiere_name",
    "register",
]


def finde(anfrage: str) -> Gebietseinheit:
    """Kurzform für ``register().finde(anfrage)``: eine Einheit zu Schlüssel oder Name.

    >>> from kim_nrw.gebiet import finde
    >>> finde("05370").name
    'Heinsberg'
    """
    return register().finde(anfrage)
