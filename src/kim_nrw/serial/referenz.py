"""Referenzdaten als JSON: Gebietseinheiten, KI, Programmteile und Programme; Pläne.

Referenzdaten sind keine Dokumente: es gibt sie genau einmal, im Register des Pakets
(Gebietsregister, KI-Register, Programmkatalog). Ihre JSON-Form ist die Ausgabeform, die
auch ``kim-nrw … --json`` schreibt – mit ``"ausgabe"`` (welche Form) und ``"version"``,
erzeugt an einer Stelle (:mod:`kim_nrw.gebiet.form`, :mod:`kim_nrw.planung.form`):

==============================  ============  ======================================
Typ                             Form          Schlüssel für das Register
==============================  ============  ======================================
Regierungsbezirk, Kreis,        ``kommune``   ``schluessel``
kreisfreie Stadt, Gemeinde
KommunalesIntegrationszentrum   ``ki``        ``ki[0].schluessel`` (der des Trägers)
Teilbeschreibung                ``programmteil``  ``teil`` (Kennung des Programmteils)
Programmbeschreibung            ``programm``  ``programm`` (Kennung des Programms)
Plan                            ``plan``      – (nur schreiben: ein Rechenergebnis)
==============================  ============  ======================================

:func:`struktur` liest eine solche Form zurück, indem sie das Objekt mit seinem
Schlüssel im Register nachschlägt: Ergebnis ist *dasselbe* Objekt
(``struktur(type(x), entstruktur(x)) is x``). Außer dem Schlüssel darf jedes Feld fehlen;
jedes Feld, das dasteht, muss mit dem Register übereinstimmen – sonst ein
:class:`~kim_nrw.fehler.DokumentFehler`, der Feld, Wert und Erwartung nennt (etwa eine
Kopie aus einem anderen Gebietsstand).

>>> from kim_nrw.gebiet import Kreis, register
>>> from kim_nrw.serial import entstruktur, struktur
>>> heinsberg = register().kreis("05370")
>>> form = entstruktur(heinsberg)
>>> form["ausgabe"], form["schluessel"], form["name"], form["regierungsbezirk"]["name"]
('kommune', '05370', 'Heinsberg', 'Reg.-Bez. Köln')
>>> struktur(Kreis, form) is heinsberg
True
>>> struktur(Kreis, {"schluessel": "05370", "name": "Heinsberg"}) is heinsberg
True
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, Final

from kim_nrw.fehler import DokumentFehler, KimNrwFehler, NichtGefunden, Problem
from kim_nrw.gebiet import (
    Kreis,
    KreisangehoerigeGemeinde,
    KreisfreieStadt,
    Regierungsbezirk,
    register,
)
from kim_nrw.gebiet.einheiten import Gebietseinheit
from kim_nrw.gebiet.form import kommune_als_dict
from kim_nrw.konverter import json_kurz
from kim_nrw.planung import Plan
from kim_nrw.planung.form import (
    ki_als_dict,
    plan_als_dict,
    programm_als_dict,
    programmteil_als_dict,
)
from kim_nrw.programme import Programmbeschreibung, Teilbeschreibung, programm, teil
from kim_nrw.zentren import KommunalesIntegrationszentrum, ki

__all__ = ["REFERENZTYPEN", "Referenzform", "entstrukturiere", "ist_referenz", "strukturiere"]

JsonObjekt = dict[str, Any]


class Referenzform:
    """Wie ein Typ der Referenzdaten geschrieben und aus dem Register wieder gefunden wird.

    :param form: der Name der Ausgabeform (``"kommune"`` …; Schema ``ausgabe/<form>.json``).
    :param schreibe: Objekt → Form (die eine Funktion, die auch die Kommandozeile nimmt).
    :param finde: Schlüssel → Objekt im Register (wirft einen Fehler von kim_nrw).
    :param arten: die Klassen, die ``struktur`` für diesen Typ annimmt.
    :param schluessel: Pfad zum Schlüssel in der Form (``("schluessel",)``,
        ``("ki", 0, "schluessel")``); ``None``: die Form wird nur geschrieben.
    """

    __slots__ = ("arten", "finde", "form", "schluessel", "schreibe")

    def __init__(
        self,
        form: str,
        schreibe: Callable[[Any], JsonObjekt],
        finde: Callable[[str], object] | None,
        arten: tuple[type, ...],
        schluessel: tuple[str | int, ...] | None,
    ) -> None:
        self.form = form
        self.schreibe = schreibe
        self.finde = finde
        self.arten = arten
        self.schluessel = schluessel


def _einheit(text: str) -> object:
    return register().nach_schluessel(text)


def _ki_form(zentrum: KommunalesIntegrationszentrum) -> JsonObjekt:
    return ki_als_dict((zentrum,))


def _einheitenform(*arten: type) -> Referenzform:
    return Referenzform("kommune", kommune_als_dict, _einheit, arten, ("schluessel",))


_KOMMUNE = (Kreis, KreisfreieStadt, KreisangehoerigeGemeinde)
_FORM_KI = Referenzform("ki", _ki_form, ki, (KommunalesIntegrationszentrum,),
                        ("ki", 0, "schluessel"))  # fmt: skip
_FORM_TEIL = Referenzform("programmteil", programmteil_als_dict, teil, (Teilbeschreibung,),
                          ("teil",))  # fmt: skip
_FORM_PROGRAMM = Referenzform("programm", programm_als_dict, programm, (Programmbeschreibung,),
                              ("programm",))  # fmt: skip

REFERENZTYPEN: Final[Mapping[object, Referenzform]] = {
    Regierungsbezirk: _einheitenform(Regierungsbezirk),
    Kreis: _einheitenform(Kreis),
    KreisfreieStadt: _einheitenform(KreisfreieStadt),
    KreisangehoerigeGemeinde: _einheitenform(KreisangehoerigeGemeinde),
    Kreis | KreisfreieStadt | KreisangehoerigeGemeinde: _einheitenform(*_KOMMUNE),
    Gebietseinheit: _einheitenform(Regierungsbezirk, *_KOMMUNE),
    KommunalesIntegrationszentrum: _FORM_KI,
    Teilbeschreibung: _FORM_TEIL,
    Programmbeschreibung: _FORM_PROGRAMM,
    Plan: Referenzform("plan", plan_als_dict, None, (Plan,), None),
}
"""Typ → Form der Referenzdaten (und des Plans), die :func:`~kim_nrw.serial.entstruktur`
und :func:`~kim_nrw.serial.struktur` nehmen."""

_ARTNAMEN = {
    Regierungsbezirk: "ein Regierungsbezirk",
    Kreis: "ein Kreis (oder die StädteRegion)",
    KreisfreieStadt: "eine kreisfreie Stadt",
    KreisangehoerigeGemeinde: "eine kreisangehörige Gemeinde",
    KommunalesIntegrationszentrum: "ein KI",
    Teilbeschreibung: "ein Programmteil",
    Programmbeschreibung: "ein Programm",
    Plan: "ein Plan",
}


def _form(typ: object) -> Referenzform | None:
    try:
        return REFERENZTYPEN.get(typ)
    except TypeError:  # nicht hashbar: kein Referenztyp
        return None


def ist_referenz(typ: object) -> bool:
    """Ob ``typ`` ein Typ der Referenzdaten (oder ``Plan``) ist."""
    return _form(typ) is not None


def ist_referenzobjekt(objekt: object) -> bool:
    """Ob ``objekt`` ein Objekt der Referenzdaten (oder ein Plan) ist."""
    return _form(type(objekt)) is not None


def entstrukturiere(objekt: object) -> JsonObjekt:
    """Die Ausgabeform eines Objekts der Referenzdaten (oder eines Plans)."""
    form = _form(type(objekt))
    assert form is not None
    return form.schreibe(objekt)


def _kanonisch(wert: object) -> str | None:
    """Der Wert als kanonischer JSON-Text (``True`` ≠ ``1``); ``None``: kein JSON-Wert."""
    try:
        return json.dumps(wert, sort_keys=True, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        return None


def _pfad(teile: tuple[str | int, ...]) -> str:
    return "$" + "".join(f"[{t}]" if isinstance(t, int) else f".{t}" for t in teile)


def _hole(daten: object, weg: tuple[str | int, ...]) -> tuple[object, Problem | None]:
    """Der Wert am Pfad ``weg``; sonst das Problem an der ersten Stelle, die nicht passt."""
    wert = daten
    for i, schritt in enumerate(weg):
        hier = _pfad(weg[:i])
        if isinstance(schritt, int):
            if not isinstance(wert, list) or len(wert) != 1:
                code = "ungueltiger_wert" if isinstance(wert, list) else "falscher_typ"
                return None, Problem(hier, json_kurz(wert), "erwartet: eine Liste mit genau "
                                     "einem Eintrag", code)  # fmt: skip
            wert = wert[0]
        else:
            if not isinstance(wert, dict):
                return None, Problem(hier, json_kurz(wert), "erwartet: ein JSON-Objekt",
                                     "kein_objekt")  # fmt: skip
            if schritt not in wert:
                return None, Problem(_pfad(weg[: i + 1]), "(fehlt)",
                                     "Pflichtfeld fehlt; erwartet: der Schlüssel für das "
                                     "Register", "pflichtfeld")  # fmt: skip
            wert = wert[schritt]
    return wert, None


def _vergleiche(pfad: str, ist: object, soll: object, probleme: list[Problem]) -> None:
    """Meldet jede Abweichung der Eingabe ``ist`` von der Form ``soll`` des Registers."""
    if isinstance(soll, list) and isinstance(ist, list) and len(ist) == len(soll):
        for i, (a, b) in enumerate(zip(ist, soll, strict=True)):
            _vergleiche(f"{pfad}[{i}]", a, b, probleme)
        return
    if isinstance(soll, dict):
        if not isinstance(ist, dict):
            probleme.append(Problem(pfad, json_kurz(ist), "erwartet: ein JSON-Objekt",
                                    "kein_objekt"))  # fmt: skip
            return
        for k, v in ist.items():
            unter = f"{pfad}.{k}" if isinstance(k, str) and k.isidentifier() else \
                f"{pfad}[{json_kurz(k, 40)}]"  # fmt: skip
            if not isinstance(k, str):
                probleme.append(Problem(unter, json_kurz(v), "erwartet: Schlüssel als Text",
                                        "schluessel_kein_text"))  # fmt: skip
            elif k not in soll:
                probleme.append(Problem(unter, json_kurz(v), "unbekannter Schlüssel; erlaubt "
                                        "sind: " + ", ".join(soll),
                                        "unbekannter_schluessel"))  # fmt: skip
            else:
                _vergleiche(unter, v, soll[k], probleme)
        return
    text = _kanonisch(ist)
    if text is None or text != _kanonisch(soll):
        code = "ungueltiger_wert" if _jsontyp(ist) == _jsontyp(soll) else "falscher_typ"
        probleme.append(Problem(pfad, json_kurz(ist), f"weicht vom Register ab; erwartet: "
                                f"{json_kurz(soll)}", code))  # fmt: skip


def _jsontyp(wert: object) -> str:
    """Der JSON-Typ eines Werts (``true`` ist keine Zahl)."""
    if wert is None:
        return "null"
    if isinstance(wert, bool):
        return "boolean"
    if isinstance(wert, int | float):
        return "number"
    return type(wert).__name__


def strukturiere(typ: object, daten: object) -> Any:
    """Das Objekt der Referenzdaten zu seiner Form ``daten`` (dasselbe Objekt des Registers).

    Wirft :class:`~kim_nrw.fehler.DokumentFehler` mit allen Problemen.
    """
    form = _form(typ)
    assert form is not None
    if form.finde is None or form.schluessel is None:
        raise DokumentFehler([Problem("$", json_kurz(daten), f"die Form {form.form!r} wird nur "
                              "geschrieben: ein Plan ist ein Rechenergebnis; neu berechnen mit "
                              "kim_nrw.planung.plane", "ungueltiger_wert")],
                             form.form)  # fmt: skip
    if not isinstance(daten, dict):
        raise DokumentFehler([Problem("$", json_kurz(daten), f"erwartet: ein JSON-Objekt der "
                              f"Form {form.form!r}", "kein_objekt")], form.form)  # fmt: skip
    schluessel, problem = _hole(daten, form.schluessel)
    if problem is None and schluessel.__class__ is not str:
        problem = Problem(_pfad(form.schluessel), json_kurz(schluessel), "erwartet: der Schlüssel "
                          "als Text", "falscher_typ")  # fmt: skip
    if problem is not None:
        raise DokumentFehler([problem], form.form)
    assert isinstance(schluessel, str)
    try:
        objekt = form.finde(schluessel)
    except KimNrwFehler as fehler:
        code = "nicht_gefunden" if isinstance(fehler, NichtGefunden) else "ungueltiger_wert"
        raise DokumentFehler([Problem(_pfad(form.schluessel), json_kurz(schluessel),
                                      str(fehler), code)], form.form) from None  # fmt: skip
    if not isinstance(objekt, form.arten):
        erwartet = " oder ".join(_ARTNAMEN.get(a, a.__name__) for a in form.arten)
        raise DokumentFehler([Problem(_pfad(form.schluessel), json_kurz(schluessel),
                                      f"der Schlüssel von {getattr(objekt, 'name', '?')}, "
                                      f"{_ARTNAMEN.get(type(objekt), '?')}; erwartet: "
                                      f"{erwartet}", "ungueltiger_wert")],
                             form.form)  # fmt: skip
    probleme: list[Problem] = []
    _vergleiche("$", daten, form.schreibe(objekt), probleme)
    if probleme:
        raise DokumentFehler(probleme, form.form)
    return objekt
