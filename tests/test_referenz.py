"""Referenzdaten und Pläne als JSON (Issue 13, Punkt 4): ``entstruktur``/``struktur``/
``als_json``/``lade`` für Gebietseinheiten, KI, Programmteile, Programme und Pläne.

Die Form ist die der Kommandozeile (``kim-nrw … --json``), das Schema das der Ausgabeform;
``struktur`` gibt *dasselbe* Objekt des Registers zurück.
"""

from __future__ import annotations

import contextlib
import copy
import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kim_nrw.antrag import Foerderantrag
from kim_nrw.cli import main
from kim_nrw.cli.ausgabeschemas import schema as ausgabeschema
from kim_nrw.fehler import DokumentFehler, KimNrwFehler
from kim_nrw.gebiet import (
    Gebietseinheit,
    Kommune,
    Kreis,
    KreisangehoerigeGemeinde,
    KreisfreieStadt,
    Regierungsbezirk,
    register,
)
from kim_nrw.planung import Plan, plane
from kim_nrw.planung.form import plan_als_dict
from kim_nrw.programme import Programmbeschreibung, Teilbeschreibung, alle_programme
from kim_nrw.serial import als_json, entstruktur, lade, struktur
from kim_nrw.serial.referenz import REFERENZTYPEN
from kim_nrw.zentren import KommunalesIntegrationszentrum, ki, ki_register

EINHEITEN = register().einheiten
TEILE = tuple(t for p in alle_programme() for t in p.teile)
PROGRAMME = alle_programme()
ALLE = (*EINHEITEN, *ki_register(), *TEILE, *PROGRAMME)
objekte = st.sampled_from(ALLE)


def _validator(form: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        ausgabeschema(form), format_checker=jsonschema.FormatChecker()
    )


_VALIDATOREN = {f.form: _validator(f.form) for f in REFERENZTYPEN.values()}


@given(objekte)
@settings(max_examples=300)
def test_hin_und_zurueck_ist_dasselbe_objekt(x: object) -> None:
    assert struktur(type(x), entstruktur(x)) is x
    assert lade(type(x), als_json(x)) is x
    assert lade(type(x), als_json(x, einrueckung=None).encode()) is x


def test_jedes_objekt_der_register_hin_und_zurueck() -> None:
    for x in ALLE:
        form = entstruktur(x)
        assert struktur(type(x), form) is x, form
        assert json.loads(als_json(x)) == form
        _VALIDATOREN[REFERENZTYPEN[type(x)].form].validate(form)
    assert len(ki_register()) == 54
    assert {type(e) for e in EINHEITEN} == {
        Regierungsbezirk, Kreis, KreisfreieStadt, KreisangehoerigeGemeinde}  # fmt: skip


def test_vereinigungen_und_teilformen() -> None:
    koeln = register().gemeinde("05315000")
    assert struktur(Kommune, entstruktur(koeln)) is koeln
    assert struktur(Gebietseinheit, entstruktur(register().regierungsbezirk("051"))).name
    assert struktur(Kreis, {"schluessel": "05370"}) is register().kreis("05370")
    assert struktur(KommunalesIntegrationszentrum, {"ki": [{"schluessel": "05370"}]}) is ki(
        "05370")  # fmt: skip
    b2 = next(t for t in TEILE if t.teil.value == "KIM.B2")
    assert struktur(Teilbeschreibung, {"teil": "KIM.B2"}) is b2
    # ein Verweis in einem Dokument bleibt der Schlüssel
    assert struktur(Kommune, "05315") is koeln
    antrag = struktur(Foerderantrag, {"antragsteller": "05370", "programmteile": ["KIM.B2"],
                                      "zeitraum": "2021"})  # fmt: skip
    assert entstruktur(antrag)["antragsteller"] == "05370"


def _probleme(fehler: pytest.ExceptionInfo[DokumentFehler]) -> dict[str, str]:
    return {p.pfad: p.meldung for p in fehler.value.probleme}


def test_abweichungen_nennen_feld_wert_und_erwartung() -> None:
    with pytest.raises(DokumentFehler) as fehler:
        struktur(Kreis, {"schluessel": "05370", "name": "Hamburg", "einwohner": True, "x": 1})
    p = _probleme(fehler)
    assert 'erwartet: "Heinsberg"' in p["$.name"]
    einwohner = register().kreis("05370").einwohner
    assert f"erwartet: {einwohner}" in p["$.einwohner"]  # true ist keine Zahl
    assert "unbekannter Schlüssel" in p["$.x"]
    with pytest.raises(DokumentFehler) as fehler:
        struktur(Kreis, {"schluessel": "05370004"})
    assert "erwartet: ein Kreis" in _probleme(fehler)["$.schluessel"]
    with pytest.raises(DokumentFehler) as fehler:
        struktur(Kreis, {"schluessel": "05999"})
    assert "$.schluessel" in _probleme(fehler)
    with pytest.raises(DokumentFehler) as fehler:
        struktur(Kreis, {**entstruktur(register().kreis("05370")), "version": 2})
    assert "erwartet: 1" in _probleme(fehler)["$.version"]
    with pytest.raises(DokumentFehler) as fehler:
        struktur(KommunalesIntegrationszentrum, {"ki": [{"schluessel": "05370"}] * 2})
    assert "genau einem Eintrag" in _probleme(fehler)["$.ki"]
    with pytest.raises(DokumentFehler) as fehler:
        struktur(Teilbeschreibung, {"teil": "KIM.B9"})
    assert "$.teil" in _probleme(fehler)
    with pytest.raises(DokumentFehler):
        struktur(Programmbeschreibung, {"programm": "KIM", "teile": ["KIM.B1"]})
    with pytest.raises(DokumentFehler):
        lade(Kreis, '{"schluessel": "05370", "schluessel": "05370"}')
    with pytest.raises(DokumentFehler):
        lade(Kreis, "{kein json")


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda kinder: st.lists(kinder, max_size=3) | st.dictionaries(st.text(max_size=8), kinder,
                                                                   max_size=3),
    max_leaves=8,
)  # fmt: skip


def _stellen(wert: object, pfad: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Jeder Pfad in einer JSON-Form."""
    pfade = [pfad]
    if isinstance(wert, dict):
        for k, v in wert.items():
            pfade += _stellen(v, (*pfad, k))
    elif isinstance(wert, list):
        for i, v in enumerate(wert):
            pfade += _stellen(v, (*pfad, i))
    return pfade


@given(objekte, st.data(), _JSON)
@settings(max_examples=300)
def test_gestoerte_form_gibt_einen_fehler_von_kim_nrw(x: object, data: Any, neu: object) -> None:
    form = entstruktur(x)
    pfade = _stellen(form)
    pfad = data.draw(st.sampled_from(pfade))
    art = data.draw(st.sampled_from(["ersetzen", "unbekannt", "loeschen"]))
    gestoert = copy.deepcopy(form)
    if not pfad:
        gestoert = neu
    else:
        eltern = gestoert
        for schritt in pfad[:-1]:
            eltern = eltern[schritt]
        if art == "unbekannt" and isinstance(eltern, dict):
            eltern["gibt_es_nicht_" + str(pfad[-1])] = neu
        elif art == "loeschen" and isinstance(eltern, dict):
            del eltern[pfad[-1]]
        else:
            eltern[pfad[-1]] = neu
    try:
        ergebnis = struktur(type(x), gestoert)
    except KimNrwFehler:
        return
    # angenommen nur, wenn dasselbe Objekt herauskommt (ein weggelassenes Feld, oder gleich)
    assert ergebnis is x


@given(st.sampled_from(sorted({f for f in REFERENZTYPEN}, key=str)), _JSON)
def test_beliebige_eingabe_nie_ein_nackter_fehler(typ: object, daten: object) -> None:
    with contextlib.suppress(KimNrwFehler):
        struktur(typ, daten)


# -- dieselbe Form wie die Kommandozeile ---------------------------------------------------------


@pytest.mark.parametrize("anfrage", ["05370", "05334002", "05334", "051", "05315000", "05370016"])
def test_kommune_json_ist_entstruktur(anfrage: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kommune", anfrage, "--json"]) == 0
    ausgabe = capsys.readouterr().out
    einheit = register().finde(anfrage)
    assert json.loads(ausgabe) == entstruktur(einheit)
    assert ausgabe == als_json(einheit) + "\n"


@pytest.mark.parametrize("anfrage", ["05370", "05334002", "05334", "05315"])
def test_ki_json_ist_entstruktur(anfrage: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ki", anfrage, "--json"]) == 0
    ausgabe = capsys.readouterr().out
    assert ausgabe == als_json(ki(anfrage)) + "\n"
    assert main(["ki", "--json"]) == 0
    alle = json.loads(capsys.readouterr().out)
    assert alle["ki"] == [entstruktur(k)["ki"][0] for k in ki_register()]


@pytest.mark.parametrize(("schluessel", "jahr"), [("05370", 2021), ("05334002", 2027),
                                                  ("05370016", 2023)])  # fmt: skip
def test_plan_json_ist_entstruktur(
    schluessel: str, jahr: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["planen", schluessel, "--jahr", str(jahr), "--json"]) == 0
    ausgabe = capsys.readouterr().out
    plan = plane(schluessel, jahr)
    assert entstruktur(plan) == plan_als_dict(plan) == json.loads(ausgabe)
    assert ausgabe == als_json(plan) + "\n"
    _VALIDATOREN["plan"].validate(entstruktur(plan))
    with pytest.raises(DokumentFehler) as fehler:
        struktur(Plan, entstruktur(plan))
    assert "plane" in fehler.value.probleme[0].meldung
