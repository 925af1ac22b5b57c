"""Die JSON-Form einer Gebietseinheit (Form ``kommune``, Version :data:`KOMMUNE_VERSION`).

Dieselbe Form schreiben ``kim-nrw kommune --json`` und :func:`kim_nrw.serial.entstruktur`;
:func:`kim_nrw.serial.struktur` liest sie zurück (sie schlägt die Einheit im Register nach).
Das Schema liegt im Paket unter ``kim_nrw/daten/schema/ausgabe/kommune.json``.

>>> from kim_nrw.gebiet import register
>>> from kim_nrw.gebiet.form import kommune_als_dict
>>> form = kommune_als_dict(register().kreis("05370"))
>>> form["ausgabe"], form["version"], form["art"], form["name"], len(form["gemeinden"])
('kommune', 1, 'kreis', 'Heinsberg', 10)
"""

from __future__ import annotations

from typing import Any

from kim_nrw.gebiet.einheiten import (
    Gebietseinheit,
    Kreis,
    KreisangehoerigeGemeinde,
    KreisfreieStadt,
    Regierungsbezirk,
)
from kim_nrw.gebiet.register import register

__all__ = ["KOMMUNE_VERSION", "kommune_als_dict"]

KOMMUNE_VERSION = 1
"""Die Version der Form ``kommune``; sie steigt, wenn sich ein Feld ändert oder wegfällt."""


def kommune_als_dict(einheit: Gebietseinheit) -> dict[str, Any]:
    """Die Angaben zu einer Gebietseinheit als JSON-fähiges Wörterbuch (Form ``kommune``)."""
    stand = register().datenstand
    daten: dict[str, Any] = {
        "ausgabe": "kommune",
        "version": KOMMUNE_VERSION,
        "art": einheit.art.value,
        "schluessel": str(einheit.schluessel),
        "name": einheit.name,
        "name_kurz": einheit.name_kurz,
        "einwohner": einheit.einwohner,
        "einwohner_stichtag": stand.stichtag_bevoelkerung.isoformat(),
        "flaeche_km2": str(einheit.flaeche_km2),
    }
    if isinstance(einheit, KreisfreieStadt | KreisangehoerigeGemeinde):
        daten["ars"] = str(einheit.ars)
        daten["kreisschluessel"] = str(einheit.kreisschluessel)
        daten["rechtlich_kreisfrei"] = einheit.ist_kreisfrei
    if isinstance(einheit, KreisangehoerigeGemeinde):
        daten["kreis"] = {"schluessel": str(einheit.kreis.schluessel), "name": einheit.kreis.name}
        if einheit.sonderstatus is not None:
            daten["sonderstatus"] = einheit.sonderstatus.erlaeuterung
    if not isinstance(einheit, Regierungsbezirk):
        rb = einheit.regierungsbezirk
        daten["regierungsbezirk"] = {"schluessel": str(rb.schluessel), "name": rb.name}
    if isinstance(einheit, Kreis):
        daten["gemeinden"] = [{"ags": str(g.ags), "name": g.name, "einwohner": g.einwohner}
                              for g in einheit.gemeinden]  # fmt: skip
    daten["gebietsstand"] = stand.gebietsstand.isoformat()
    daten["quelle"] = stand.quellenvermerk
    return daten
