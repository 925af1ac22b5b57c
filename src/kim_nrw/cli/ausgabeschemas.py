"""Die JSON Schemas der JSON-Ausgaben von ``kim-nrw`` (``--json``), je Form eine Datei.

Die Formen: ``kommune``, ``ki``, ``programme``, ``tabelle``, ``plan``, ``programmteil``,
``programm`` (jede mit ``"ausgabe"`` und ``"version"``). ``kommune``, ``ki``,
``programmteil``, ``programm`` und ``plan`` sind zugleich die Formen, die
:func:`kim_nrw.serial.entstruktur` für Referenzdaten und Pläne schreibt
(:mod:`kim_nrw.serial.referenz`). ``pruefen --json`` schreibt das Dokument
``pruefergebnis``; sein Schema gibt ``kim-nrw schema pruefergebnis`` aus.

Die Dateien liegen im Paket unter ``kim_nrw/daten/schema/ausgabe/<form>.json``;
``tools/ausgabeschemas.py --schreiben`` erzeugt sie aus :func:`schema`, ein Test prüft,
dass beide übereinstimmen.
"""

from __future__ import annotations

import json
from typing import Any

from kim_nrw.fehler import UngueltigeEingabe

__all__ = ["FORMEN", "schema", "schema_text"]

FORMEN = ("kommune", "ki", "programme", "tabelle", "plan", "programmteil", "programm")
"""Die Ausgabeformen mit eigenem Schema."""

_BASIS = "urn:kim-nrw:schema:ausgabe:"
_TEXT: dict[str, Any] = {"type": "string"}
_TEXT_ODER_NULL: dict[str, Any] = {"type": ["string", "null"]}
_DATUM: dict[str, Any] = {"type": "string", "format": "date"}
_DATUM_ODER_NULL: dict[str, Any] = {"type": ["string", "null"], "format": "date"}
_BETRAG = {"type": "string", "pattern": r"^-?[0-9]+\.[0-9]{2}$"}
_BETRAG_ODER_NULL = {"anyOf": [_BETRAG, {"type": "null"}]}
_GEWISSHEIT = {"enum": ["bestaetigt", "abgeleitet", "unsicher"]}
_GEWISSHEIT_ODER_NULL = {"enum": ["bestaetigt", "abgeleitet", "unsicher", None]}


def _objekt(pflicht: dict[str, Any], wahl: dict[str, Any] | None = None) -> dict[str, Any]:
    eigenschaften = dict(pflicht)
    eigenschaften.update(wahl or {})
    return {"type": "object", "properties": eigenschaften, "required": list(pflicht),
            "additionalProperties": False}  # fmt: skip


def _liste(element: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": element}


def _kopf(form: str, titel: str, inhalt: dict[str, Any]) -> dict[str, Any]:
    schema = _objekt({"ausgabe": {"const": form}, "version": {"const": 1}, **inhalt["pflicht"]},
                     inhalt.get("wahl"))  # fmt: skip
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{_BASIS}{form}:1", "title": titel, **schema}  # fmt: skip


def _spaltentyp(typ: str) -> dict[str, Any]:
    return {"string": _TEXT, "string|null": _TEXT_ODER_NULL, "integer": {"type": "integer"}}[typ]


def _kommune() -> dict[str, Any]:
    verweis = _objekt({"schluessel": _TEXT, "name": _TEXT})
    return _kopf("kommune", "kim-nrw kommune --json", {
        "pflicht": {
            "art": _TEXT, "schluessel": _TEXT, "name": _TEXT, "name_kurz": _TEXT,
            "einwohner": {"type": "integer"}, "einwohner_stichtag": _DATUM,
            "flaeche_km2": _TEXT, "gebietsstand": _DATUM, "quelle": _TEXT,
        },
        "wahl": {
            "ars": _TEXT, "kreisschluessel": _TEXT, "rechtlich_kreisfrei": {"type": "boolean"},
            "kreis": verweis, "sonderstatus": _TEXT, "regierungsbezirk": verweis,
            "gemeinden": _liste(_objekt({"ags": _TEXT, "name": _TEXT,
                                         "einwohner": {"type": "integer"}})),
        },
    })  # fmt: skip


def _zeile(tabelle: str) -> dict[str, Any]:
    from kim_nrw.planung import SPALTEN

    return _objekt({n: _spaltentyp(t) for n, t, _ in SPALTEN[tabelle]})


def _ki() -> dict[str, Any]:
    zeile = _zeile("ki")
    zeile["properties"]["zustaendig_fuer"] = _liste(_objekt({"ags": _TEXT, "name": _TEXT}))
    zeile["required"].append("zustaendig_fuer")
    return _kopf("ki", "kim-nrw ki --json", {"pflicht": {"ki": _liste(zeile)}})


def _stand() -> dict[str, Any]:
    return _objekt({
        "parameter": _TEXT, "stand": {"enum": ["belegt", "nicht_belegt", "keine_geltung"]},
        "wert": _TEXT_ODER_NULL, "gewissheit": _GEWISSHEIT_ODER_NULL,
        "gilt_ab": _DATUM_ODER_NULL, "gilt_bis": _DATUM_ODER_NULL, "quellen": _liste(_TEXT),
        "grund": _TEXT_ODER_NULL,
    })  # fmt: skip


def _programme() -> dict[str, Any]:
    teil = _objekt({
        "teil": _TEXT, "bezeichnung": _TEXT, "laeuft": {"type": "boolean"}, "beginn": _DATUM,
        "empfaenger": _liste(_TEXT), "foerderart": _TEXT_ODER_NULL,
        "richtlinie": _TEXT_ODER_NULL, "rechtsgrundlagen": _liste(_TEXT),
        "parameter": _liste(_stand()),
    })  # fmt: skip
    programm = _objekt({"programm": _TEXT, "bezeichnung": _TEXT, "bewilligt_von": _TEXT,
                        "parameter": _liste(_stand()), "teile": _liste(teil)})  # fmt: skip
    return _kopf("programme", "kim-nrw programme --json",
                 {"pflicht": {"stichtag": _DATUM, "programme": _liste(programm)}})  # fmt: skip


def _tabelle() -> dict[str, Any]:
    from kim_nrw.planung import SPALTEN

    schema = _kopf("tabelle", "kim-nrw tabelle --format json", {"pflicht": {
        "tabelle": {"enum": list(SPALTEN)},
        "spalten": _liste(_objekt({"name": _TEXT, "typ": _TEXT, "bedeutung": _TEXT})),
        "zeilen": _liste({"type": "object"}),
    }})  # fmt: skip
    schema["allOf"] = [
        {"if": {"properties": {"tabelle": {"const": name}}},
         "then": {"properties": {"zeilen": _liste(_zeile(name))}}}
        for name in SPALTEN
    ]  # fmt: skip
    return schema


def _plan() -> dict[str, Any]:
    pruefpunkt = _objekt({"id": _TEXT, "begruendung": _TEXT})
    stelle = _objekt({
        "funktion": _TEXT, "vzae": _TEXT_ODER_NULL, "begrenzt": {"type": ["boolean", "null"]},
        "einheit": _TEXT,
        "betrag_je_einheit": _BETRAG_ODER_NULL, "grund": _TEXT_ODER_NULL,
    })  # fmt: skip
    posten = _objekt({
        "teil": _TEXT, "programm": _TEXT, "bezeichnung": _TEXT,
        "zugang": {"enum": ["selbst", "ueber", "kein_empfaenger", "nicht_im_jahr"]},
        "ueber": {"anyOf": [_objekt({"schluessel": _TEXT, "name": _TEXT}), {"type": "null"}]},
        "entscheidung": _TEXT_ODER_NULL, "hoechstbetrag": _BETRAG_ODER_NULL,
        "grund": _TEXT_ODER_NULL, "gewissheit": _GEWISSHEIT_ODER_NULL,
        "stellen": _liste(stelle),
        "rechnung": _liste(_objekt({"art": _TEXT, "betrag": _BETRAG_ODER_NULL, "text": _TEXT})),
        "werte": _liste(_objekt({
            "parameter": _TEXT, "wert": _TEXT, "gewissheit": _GEWISSHEIT, "gilt_ab": _DATUM,
            "gilt_bis": _DATUM_ODER_NULL, "belegt_bis": _DATUM_ODER_NULL,
            "quellen": _liste(_TEXT)})),
        "vorbehalte": _liste(_objekt({"art": _TEXT, "parameter": _TEXT_ODER_NULL,
                                      "text": _TEXT})),
        "offen": _liste(pruefpunkt), "nicht_erfuellt": _liste(pruefpunkt),
        "hinweise": _liste(_TEXT), "anmerkungen": _liste(_TEXT),
    })  # fmt: skip
    kommune = _objekt({"schluessel": _TEXT, "name": _TEXT, "art": _TEXT, "empfaenger": _TEXT,
                       "regierungsbezirk": _TEXT})  # fmt: skip
    return _kopf("plan", "kim-nrw planen --json", {"pflicht": {
        "kommune": kommune, "jahr": {"type": "integer"}, "summe": _BETRAG,
        "vollstaendig": {"type": "boolean"}, "posten": _liste(posten),
    }})  # fmt: skip


def _programmteil() -> dict[str, Any]:
    from kim_nrw.programme import Empfaenger, Programm, Programmteil, Stellenfunktion

    teile = [t.value for t in Programmteil]
    grundlage = _objekt({"quelle": _TEXT, "norm": _TEXT_ODER_NULL, "gewissheit": _GEWISSHEIT,
                         "gilt_ab": _DATUM, "gilt_bis": _DATUM_ODER_NULL})  # fmt: skip
    return _kopf("programmteil", "entstruktur(Teilbeschreibung)", {"pflicht": {
        "teil": {"enum": teile}, "programm": {"enum": [p.value for p in Programm]},
        "bezeichnung": _TEXT, "gegenstand": _TEXT,
        "empfaenger": _liste({"enum": [e.value for e in Empfaenger]}),
        "beginn": _DATUM, "ende": _DATUM_ODER_NULL, "abgeloest_durch": {"enum": [*teile, None]},
        "stellenfunktionen": _liste({"enum": [f.value for f in Stellenfunktion]}),
        "rechtsgrundlagen": _liste(grundlage), "parameter": _liste(_TEXT),
        "quellen": _liste(_TEXT),
    }})  # fmt: skip


def _programm() -> dict[str, Any]:
    from kim_nrw.programme import Programm, Programmteil

    return _kopf("programm", "entstruktur(Programmbeschreibung)", {"pflicht": {
        "programm": {"enum": [p.value for p in Programm]}, "bezeichnung": _TEXT,
        "beschreibung": _TEXT, "bewilligt_von": _TEXT, "beginn": _DATUM,
        "teile": _liste({"enum": [t.value for t in Programmteil]}),
        "parameter": _liste(_TEXT), "quellen": _liste(_TEXT),
    }})  # fmt: skip


_ERZEUGER = {"kommune": _kommune, "ki": _ki, "programme": _programme, "tabelle": _tabelle,
             "plan": _plan, "programmteil": _programmteil, "programm": _programm}  # fmt: skip


def schema(form: str) -> dict[str, Any]:
    """Das JSON Schema einer Ausgabeform (erzeugt; im Paket liegt dasselbe als Datei)."""
    if form not in _ERZEUGER:
        raise UngueltigeEingabe("form", form, f"eine Ausgabeform: {', '.join(FORMEN)}")
    return _ERZEUGER[form]()


def datei_text(form: str) -> str:
    """Der Text der Schemadatei, wie ``tools/ausgabeschemas.py`` ihn schreibt."""
    return json.dumps(schema(form), ensure_ascii=False, indent=2) + "\n"


def schema_text(form: str) -> str:
    """Das mitgelieferte Schema einer Ausgabeform als Text (``kim-nrw schema ausgabe.<form>``)."""
    from importlib import resources

    if form not in _ERZEUGER:
        formen = ", ".join("ausgabe." + f for f in FORMEN)
        raise UngueltigeEingabe("TYP", f"ausgabe.{form}", f"eine Ausgabeform: {formen}")
    datei = resources.files("kim_nrw").joinpath("daten", "schema", "ausgabe", f"{form}.json")
    return datei.read_text(encoding="utf-8").rstrip("\n")
