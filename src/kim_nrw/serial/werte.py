"""Die Tabelle der JSON-Formen, die keine eigene Klasse mit ``from_json`` haben.

Werttypen mit eigener Klasse (``Betrag``, ``Stellenanteil``, ``Zeitraum``,
``Haushaltsjahr``, ``AGS`` …) und Aufzählungen bringen ihre Textform selbst mit; der
Konverter braucht für sie keinen Eintrag. Einen haben nur ``AGS``, ``Stellenanteil`` und
``Zeitraum``: ihr ``from_json`` geteilt (:func:`_geteilt`, derselbe Text gibt dasselbe
Objekt). Sonst steht hier nur, was keine eigene Klasse ist:
Kalendertage (``datetime.date``, Form in :mod:`kim_nrw.zeit`), Dezimalzahlen (Stellenumfänge
in der Rechnung eines Prüfergebnisses), Nachweise, der
Kommunalschlüssel ``AGS | Kreisschluessel`` (Form in :mod:`kim_nrw.gebiet.schluessel`),
Parameterwerte (Form je Art in :mod:`kim_nrw.recht.parameter`) und Kommunen, die als
Verweis mit ihrem Schlüssel aus dem Gebietsregister stehen.

>>> from kim_nrw.gebiet import Kommune
>>> from kim_nrw.serial.werte import FORMEN
>>> FORMEN[Kommune].lies("05315").bezeichnung
'Stadt Köln'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Final

from kim_nrw.einmal import einmal
from kim_nrw.fehler import NichtGefunden, UngueltigeEingabe, UngueltigerSchluessel
from kim_nrw.gebiet import (
    AGS,
    Kreis,
    KreisangehoerigeGemeinde,
    KreisfreieStadt,
    Kreisschluessel,
    Regierungsbezirk,
    register,
)
from kim_nrw.gebiet.einheiten import Gebietseinheit
from kim_nrw.gebiet.schluessel import KOMMUNALSCHLUESSEL
from kim_nrw.geld import Stellenanteil
from kim_nrw.konverter import JsonSchema, Wertform, geteilt
from kim_nrw.recht.parameter import WERT, Wert
from kim_nrw.zeit import DATUM, Zeitraum, lies_datum

__all__ = ["FORMEN", "kommunalschluessel"]

_NACHWEIS_ERWARTET = (
    "ein Datum JJJJ-MM-TT (liegt vor seit), true (liegt vor) oder false (liegt nicht vor)"
)


def _lies_nachweis(wert: object) -> dt.date | bool:
    if wert is True or wert is False:
        return wert
    try:
        return lies_datum(wert)
    except UngueltigeEingabe:
        raise UngueltigeEingabe("Nachweis", wert, _NACHWEIS_ERWARTET) from None


def _schreibe_nachweis(wert: dt.date | bool) -> object:
    return wert if isinstance(wert, bool) else DATUM.schreibe(wert)


_NACHWEIS = Wertform(
    _lies_nachweis,
    _schreibe_nachweis,
    lambda: {"anyOf": [DATUM.schema(), {"type": "boolean"}]},
    _NACHWEIS_ERWARTET,
)


def _kommunenform(arten: tuple[type[Gebietseinheit], ...], name: str) -> Wertform:
    """Eine Gebietseinheit als Verweis: gelesen aus ihrem Schlüssel, geschrieben als Schlüssel."""
    erwartet = f"der Schlüssel einer {name} in NRW (Gebietsregister, Gebietsstand 30.11.2021)"

    def lies(wert: object) -> Gebietseinheit:
        if wert.__class__ is not str:
            raise UngueltigerSchluessel("Schlüssel", wert, erwartet)
        assert isinstance(wert, str)
        try:
            einheit = register().nach_schluessel(wert)
        except (UngueltigerSchluessel, NichtGefunden):
            gemeint = _gemeinte_schluessel(wert, arten)
            if gemeint is None:
                raise
            raise UngueltigerSchluessel("Schlüssel", wert, f"{erwartet}; {gemeint}") from None
        if not isinstance(einheit, arten):
            raise NichtGefunden(name, wert, f"der Schlüssel gehört zu {einheit.name}")
        return einheit

    def schema() -> JsonSchema:
        # oneOf von const und title (dem Namen): ein Formulargenerator zeigt „Kreis Heinsberg“
        # und schreibt "05370" – Standard-JSON-Schema, ohne x-Erweiterung.
        namen = {
            s: getattr(e, "bezeichnung", e.name)
            for e in register().einheiten
            if isinstance(e, arten)
            for s in _schluessel(e)
        }
        return {
            "type": "string",
            "description": f"Schlüssel einer {name} aus dem Gebietsregister (Gebietsstand "
            "30.11.2021); kreisfreie Städte mit AGS oder Kreisschlüssel.",
            "oneOf": [{"const": s, "title": namen[s]} for s in sorted(namen)],
        }

    return Wertform(lies, _schluessel_text, schema, erwartet)


def _mit_namensvorschlag(form: Wertform) -> Wertform:
    """Die Form des Kommunalschlüssels; ein Name statt eines Schlüssels („Heinsberg“) bekommt
    in der Meldung die gemeinten Schlüssel."""
    arten = (Kreis, KreisfreieStadt, KreisangehoerigeGemeinde)
    innen = form.lies

    def lies(wert: object) -> object:
        try:
            return innen(wert)
        except UngueltigeEingabe as fehler:
            gemeint = _gemeinte_schluessel(wert, arten) if isinstance(wert, str) else None
            if gemeint is None:
                raise
            erwartet = f"{fehler.erwartet}; {gemeint}"
            raise UngueltigerSchluessel(fehler.feld, wert, erwartet) from None

    innen_hook = form.hook
    if innen_hook is None:
        return Wertform(lies, form.schreibe, form.schema, form.erwartet)

    def hook(wert: object, typ: object) -> object:
        try:
            return innen_hook(wert, typ)  # der schnelle Weg bleibt, wie er ist
        except UngueltigeEingabe:
            return lies(wert)

    return Wertform(lies, form.schreibe, form.schema, form.erwartet, hook)


def _gemeinte_schluessel(text: str, arten: tuple[type[Gebietseinheit], ...]) -> str | None:
    """„gemeint: 05370 (Kreis Heinsberg) oder 05370016 (Stadt Heinsberg)?“ für einen Namen
    statt eines Schlüssels; ``None``, wenn ``text`` kein Name einer passenden Einheit ist."""
    if len(text) > 100 or not text.strip() or text.strip().isdigit():
        return None
    try:
        treffer = [e for e in register().suche(text) if isinstance(e, arten)]
    except Exception:  # ein Vorschlag darf nie selbst scheitern
        return None
    if not treffer:
        return None
    namen = " oder ".join(
        f"{e.schluessel} ({getattr(e, 'bezeichnung', e.name)})" for e in treffer[:5]
    )
    return f"gemeint: {namen}?"


def _schluessel(einheit: Gebietseinheit) -> tuple[str, ...]:
    if isinstance(einheit, KreisfreieStadt):
        return (str(einheit.schluessel), einheit.kreisschluessel.wert)
    return (str(einheit.schluessel),)


def _schluessel_text(einheit: Gebietseinheit) -> str:
    return str(einheit.schluessel)


@einmal
def kommunalschluessel() -> tuple[str, ...]:
    """Alle Schlüssel, unter denen das Register eine Kommune findet (5 und 8 Ziffern), sortiert.

    Kreisfreie Städte stehen zweimal darin: mit AGS und mit Kreisschlüssel.

    >>> from kim_nrw.serial.werte import kommunalschluessel
    >>> "05370" in kommunalschluessel(), "05315" in kommunalschluessel()
    (True, True)
    """
    return tuple(sorted(w["const"] for w in FORMEN[_KOMMUNE].schema()["oneOf"]))


_KOMMUNE = Kreis | KreisfreieStadt | KreisangehoerigeGemeinde

_DEZIMAL_MUSTER = re.compile(r"[0-9]{1,12}(?:\.[0-9]{1,12})?", re.ASCII)
_DEZIMAL_ERWARTET = 'eine Zahl ≥ 0 als Text mit Dezimalpunkt, z. B. "1.5" (nie eine JSON-Zahl)'


def _lies_dezimal(wert: object) -> Decimal:
    if not isinstance(wert, str) or not _DEZIMAL_MUSTER.fullmatch(wert):
        raise UngueltigeEingabe("Dezimalzahl", wert, _DEZIMAL_ERWARTET)
    return Decimal(wert)


_DEZIMAL = Wertform(
    _lies_dezimal,
    lambda wert: format(wert, "f"),
    lambda: {"type": "string", "pattern": f"^{_DEZIMAL_MUSTER.pattern}$"},
    _DEZIMAL_ERWARTET,
)
"""Eine nicht negative Dezimalzahl als Text (Stellenumfänge in der Rechnung eines Ergebnisses)."""


def _geteilt(form: Wertform) -> Wertform:
    """Dieselbe Form; derselbe gültige Text ergibt dasselbe unveränderliche Objekt.

    Warum: Schlüssel, Stellenanteile und Zeiträume wiederholen sich in vielen Anträgen
    (wenige hundert verschiedene Werte). Ein gelesener Wert wird geteilt statt neu gebaut und
    neu geprüft; jeder Antrag hält so weniger eigene Objekte (Speicher, Garbage Collector).
    Gelesen wird weiter nur mit ``form.lies`` – der eine Leser der Form –, gemerkt wird nur ein
    gelungenes Ergebnis für einen ``str`` (kein Fehler, keine Unterklasse, kein anderer Typ).
    Die Objekte sind ``frozen``: wer eines teilt, kann es dem anderen nicht ändern. Beträge
    sind nicht geteilt – sie sind je Antrag verschieden, ein Speicher wäre nur Aufwand.
    """
    lies = form.lies
    gelesen: dict[str, object] = {}

    def lies_geteilt(wert: object) -> object:
        if wert.__class__ is not str:
            return lies(wert)
        objekt = gelesen.get(wert)
        return objekt if objekt is not None else geteilt(gelesen, wert, lies(wert))

    def hook(wert: object, _typ: object) -> object:
        return lies_geteilt(wert)

    return Wertform(lies_geteilt, form.schreibe, form.schema, form.erwartet, hook)


def _klassenform(klasse: type[Stellenanteil] | type[Zeitraum] | type[AGS]) -> Wertform:
    return Wertform(klasse.from_json, klasse.to_json, klasse.json_schema, klasse.ERWARTET)


FORMEN: Final[Mapping[object, Wertform]] = MappingProxyType(
    {
        dt.date: DATUM,
        Decimal: _DEZIMAL,
        dt.date | bool: _NACHWEIS,
        AGS | Kreisschluessel: _geteilt(_mit_namensvorschlag(KOMMUNALSCHLUESSEL)),
        AGS: _geteilt(_klassenform(AGS)),
        Stellenanteil: _geteilt(_klassenform(Stellenanteil)),
        Zeitraum: _geteilt(_klassenform(Zeitraum)),
        Wert: WERT,
        _KOMMUNE: _kommunenform((Kreis, KreisfreieStadt, KreisangehoerigeGemeinde), "Kommune"),
        Kreis: _kommunenform((Kreis,), "Kreis"),
        KreisfreieStadt: _kommunenform((KreisfreieStadt,), "kreisfreien Stadt"),
        KreisangehoerigeGemeinde: _kommunenform(
            (KreisangehoerigeGemeinde,), "kreisangehörigen Gemeinde"
        ),
        Regierungsbezirk: _kommunenform((Regierungsbezirk,), "Regierungsbezirk"),
    }
)
"""Typ → Wertform für alles, was keine eigene Klasse mit ``from_json`` ist."""
