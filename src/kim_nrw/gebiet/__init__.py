"""Das Gebiet: Schlüssel, Gebietseinheiten und das Register aller Kommunen in NRW."""

from kim_nrw.gebiet import einheiten as _einheiten
from kim_nrw.gebiet import register as _register
from kim_nrw.gebiet.einheiten import *  # noqa: F403 (die Namen nennt einheiten.__all__)
from kim_nrw.gebiet.register import *  # noqa: F403 (die Namen nennt register.__all__)
from kim_nrw.gebiet.register import DATENSTAND, STADT_AACHEN, STAEDTEREGION_AACHEN
from kim_nrw.gebiet.schluessel import AGS, ARS, Kreisschluessel, RBSchluessel

__all__ = [
    "AGS",
    "ARS",
    "DATENSTAND",
    "STADT_AACHEN",
    "STAEDTEREGION_AACHEN",
    "Kreisschluessel",
    "RBSchluessel",
    "finde",
]
__all__ += _einheiten.__all__
__all__ += _register.__all__


def finde(anfrage: str) -> _einheiten.Gebietseinheit:
    """Kurzform für ``register().finde(anfrage)``: eine Einheit zu Schlüssel oder Name.

    >>> from kim_nrw.gebiet import finde
    >>> finde("05370").name
    'Heinsberg'
    """
    return _register.register().finde(anfrage)
