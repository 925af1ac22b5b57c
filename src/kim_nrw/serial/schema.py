"""JSON Schema (Draft 2020-12) je Dokumenttyp, erzeugt aus den Modellen.

Das Schema entsteht aus denselben Quellen wie der Lader: den attrs-Feldern der
Modelle (Typ, Vorgabe), den Werttypen selbst (``Betrag.json_schema()``,
``Zeitraum.json_schema()`` …, für Typen ohne eigene Klasse die Tabelle
:data:`kim_nrw.serial.werte.FORMEN`) und den Validatoren der Felder, die sagen, was
sie prüfen (:meth:`kim_nrw.validatoren.Validator.json_schema`: Textlänge, Muster,
Kurznamen; :meth:`~kim_nrw.validatoren.Validator.schema_typ`: die Schlüssel des
Gebietsregisters). Ein Validator außerhalb der Familie :mod:`kim_nrw.validatoren`
ist ein Fehler beim Erzeugen – so bleibt kein Feld unbeschrieben.

Das Schema beschreibt die *Eingabe* der aktuellen Version (mit ihrer Nachsicht:
deutsche Beträge, ``"0,5"``, Haushaltsjahr als Zeitraum); ``als_json`` schreibt
immer die kanonische Teilmenge. Was JSON Schema nicht ausdrücken kann, prüft nur
der Lader; das steht als ``$comment`` im Schema und in
``docs/erklaerung/json_und_schemas.rst``: gültige Kalendertage in Intervallen,
Beginn ≤ Ende, Invarianten der Modelle (z. B. Bewilligungszeitraum im
Antragszeitraum) und Zahlen mit Dezimalpunkt (``1.0`` zählt in JSON Schema als
ganze Zahl, der Lader lehnt jede Gleitkommazahl ab).

Die Schemas liegen auch fertig im Paket (``kim_nrw/daten/schema/<typ>.json``);
``tools/schemas.py`` schreibt sie neu, ein Test prüft, dass sie aktuell sind.

>>> from kim_nrw.serial import schema
>>> s = schema("foerderantrag")
>>> s["$schema"], s["properties"]["version"]
('https://json-schema.org/draft/2020-12/schema', {'const': 2})
>>> s["$defs"]["Stelle"]["required"]
['funktion', 'anteil']
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import functools
import inspect
import json
import re
import threading
from collections.abc import Mapping
from importlib import resources
from typing import Any, Final, get_args

import attrs

from kim_nrw.antrag import Zuwendungsbescheid
from kim_nrw.fehler import UngueltigeEingabe
from kim_nrw.gebiet import AGS, Kommune, Kreisschluessel
from kim_nrw.konverter import ohne_none
from kim_nrw.recht import Luecke, Parameter, Parameterart, Parameterwert, Rechtsquelle
from kim_nrw.serial.dokument import DOKUMENTTYPEN, Dokumenttyp
from kim_nrw.serial.konverter import KONVERTER
from kim_nrw.validatoren import Validator

__all__ = ["SCHEMA_DIALEKT", "geliefertes_schema", "schema", "schema_text"]

SCHEMA_DIALEKT: Final = "https://json-schema.org/draft/2020-12/schema"
"""Der Dialekt aller Schemas von kim_nrw."""

_INVARIANTEN: Final[Mapping[type, str]] = {
    Zuwendungsbescheid: "Nicht im Schema, nur beim Laden geprüft: der Bewilligungszeitraum "
    "liegt im beantragten Zeitraum.",
    Parameter: "Nicht im Schema, nur beim Laden geprüft: Werte und Lücken chronologisch und "
    "ohne Überschneidung; nicht_bekannt schließt Werte und Lücken aus; sonst mindestens ein "
    "Wert oder eine Lücke.",
    Parameterwert: "Nicht im Schema, nur beim Laden geprüft: gilt_bis nicht vor gilt_ab.",
    Luecke: "Nicht im Schema, nur beim Laden geprüft: gilt_bis nicht vor gilt_ab.",
    Rechtsquelle: "Nicht im Schema, nur beim Laden geprüft: in_kraft_bis nicht vor "
    "in_kraft_ab; die Quelle verweist nicht auf sich selbst.",
}
_ALLGEMEIN = (
    "Nicht im Schema, nur beim Laden geprüft: gültige Kalendertage in Zeiträumen, Beginn ≤ "
    "Ende, und dass Zahlen keinen Dezimalpunkt haben (1.0 lehnt der Lader ab)."
)

_DEF_NAMEN: Final[Mapping[object, str]] = {
    dt.date: "Datum",
    dt.date | bool: "Nachweis",
    AGS | Kreisschluessel: "Kommunalschluessel",
    Kommune: "Kommune",
}


def _def_name(typ: object) -> str | None:
    if typ in (str, bool, int):
        return None
    if typ in _DEF_NAMEN:
        return _DEF_NAMEN[typ]
    if isinstance(typ, type):
        return typ.__name__
    return None


def _beschreibung(klasse: type) -> str:
    text = inspect.getdoc(klasse) or ""
    return " ".join(text.split("\n\n")[0].split())


_PARAM = re.compile(r"^:param (\w+):(.*(?:\n(?!:)[ \t]+\S.*)*)", re.MULTILINE)


@functools.cache
def _felddoku(klasse: type) -> Mapping[str, tuple[str, str]]:
    """Feldname → (Titel, Beschreibung) aus den ``:param name: Titel – Beschreibung``-Zeilen
    des Klassen-Docstrings (ohne Gedankenstrich ist der ganze Text beides)."""
    ergebnis: dict[str, tuple[str, str]] = {}
    for treffer in _PARAM.finditer(inspect.getdoc(klasse) or ""):
        text = _ohne_markup(" ".join(treffer.group(2).split()))
        titel, strich, rest = text.partition(" – ")
        if not strich or len(titel) > 60:  # sonst: bis zum ersten Komma oder Punkt
            titel, rest = re.split(r"[,.;:(]", text, maxsplit=1)[0].strip(), text
        if len(titel) > 60:
            titel = treffer.group(1).replace("_", " ")
        ergebnis[treffer.group(1)] = (titel[:1].upper() + titel[1:], _satz(rest or text))
    return ergebnis


def _ohne_markup(text: str) -> str:
    """Der Text ohne reST-Auszeichnung: ``x`` → x, :class:`~a.B` → B."""
    text = re.sub(r":[a-z]+:`~?(?:[^`<]*<)?([^`>]*)>?`", lambda m: m.group(1).split(".")[-1], text)
    return text.replace("``", "")


def _satz(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def _feldtexte(klasse: type, a: attrs.Attribute[Any]) -> dict[str, str]:
    """``title`` und ``description`` eines Felds: aus ``metadata`` oder dem Docstring."""
    titel = a.metadata.get("titel")
    beschreibung = a.metadata.get("beschreibung")
    doku = _felddoku(klasse).get(a.name)
    if doku is not None:
        titel = titel or doku[0]
        beschreibung = beschreibung or doku[1]
    texte = {}
    if titel:
        texte["title"] = titel
    if beschreibung:
        texte["description"] = beschreibung
    return texte


class _Erzeuger:
    """Sammelt die ``$defs`` eines Schemas, während es die Typen durchläuft."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def typ(self, typ: object) -> dict[str, Any]:
        basis, optional = ohne_none(typ)
        if optional:
            return {"anyOf": [self.typ(basis), {"type": "null"}]}
        form = KONVERTER.form(typ)
        if form is not None:
            name = _def_name(typ)
            fragment = dict(form.schema())
            if name is None:
                return fragment
            if name not in self.defs:
                if isinstance(typ, type) and issubclass(typ, enum.Enum):
                    fragment = {"description": _beschreibung(typ), **fragment}
                self.defs[name] = fragment
            return {"$ref": f"#/$defs/{name}"}
        if isinstance(typ, type) and attrs.has(typ):
            if typ.__name__ not in self.defs:
                self.defs[typ.__name__] = {}  # Platzhalter gegen Rekursion
                self.defs[typ.__name__] = self.modell(typ)
            return {"$ref": f"#/$defs/{typ.__name__}"}
        if getattr(typ, "__origin__", None) is tuple:
            return {"type": "array", "items": self.typ(get_args(typ)[0])}
        raise UngueltigeEingabe("typ", typ, "ein Typ, den der Konverter von kim_nrw kennt")

    def modell(self, klasse: type) -> dict[str, Any]:
        eigenschaften: dict[str, Any] = {}
        pflicht: list[str] = []
        for a in attrs.fields(attrs.resolve_types(klasse)):
            if not a.init:
                continue
            feld = {**self._feld(klasse, a), **_feldtexte(klasse, a)}
            if a.default is attrs.NOTHING:
                pflicht.append(a.name)
            else:
                vorgabe = a.default
                if isinstance(vorgabe, attrs.Factory):  # type: ignore[arg-type]
                    vorgabe = getattr(vorgabe, "factory")()  # noqa: B009
                feld["default"] = KONVERTER.entstrukturiere(vorgabe, a.type)
            eigenschaften[a.name] = feld
        ergebnis: dict[str, Any] = {
            "type": "object",
            "title": klasse.__name__,
            "description": _beschreibung(klasse),
            "properties": eigenschaften,
            "required": pflicht,
            "additionalProperties": False,
        }
        if klasse in _INVARIANTEN:
            ergebnis["$comment"] = _INVARIANTEN[klasse]
        if klasse is Parameter:
            ergebnis["allOf"] = _parameter_nach_art()
        return ergebnis

    def _feld(self, klasse: type, a: attrs.Attribute[Any]) -> dict[str, Any]:
        """Das Schema eines Felds: sein Typ, verfeinert um das, was sein Validator prüft."""
        validator = a.validator
        if validator is None:
            return self.typ(a.type)
        if not isinstance(validator, Validator):
            raise UngueltigeEingabe(
                f"{klasse.__name__}.{a.name}",
                validator,
                "einen Validator aus kim_nrw.validatoren (er sagt, was er prüft)",
            )
        ersatz = validator.schema_typ()
        if ersatz is not None:  # etwa ein Schlüssel, der im Gebietsregister stehen muss
            return self.typ(ersatz)
        feld = self.typ(a.type)
        zusatz = validator.json_schema()
        if not zusatz:
            return feld
        if ohne_none(a.type)[1]:
            # X | None: die Verfeinerung gilt für X.
            erstes, *rest = feld["anyOf"]
            return {**feld, "anyOf": [_verbinde(erstes, zusatz), *rest]}
        return _verbinde(feld, zusatz)


def _verbinde(feld: dict[str, Any], zusatz: Mapping[str, object]) -> dict[str, Any]:
    return {**feld, **{k: v for k, v in zusatz.items() if k != "type"}}


def _parameter_nach_art() -> list[dict[str, Any]]:
    """Je Parameterart: ``if art == …`` dann haben alle Werte deren Form."""
    return [
        {
            "if": {"properties": {"art": {"const": art.value}}, "required": ["art"]},
            "then": {
                "properties": {"werte": {"items": {"properties": {"wert": art.json_schema()}}}}
            },
        }
        for art in Parameterart
    ]


def _dokumenttyp(typ_name: object) -> Dokumenttyp:
    """Der Dokumenttyp zu seinem Namen (``foerderantrag``) oder dem Namen seines Modells
    (``Foerderantrag``)."""
    if isinstance(typ_name, str):
        if typ_name in DOKUMENTTYPEN:
            return DOKUMENTTYPEN[typ_name]
        for art in DOKUMENTTYPEN.values():
            if typ_name == art.modell.__name__:
                return art
    namen = ", ".join(f"{n} ({a.modell.__name__})" for n, a in DOKUMENTTYPEN.items())
    raise UngueltigeEingabe("typ", typ_name, "ein Dokumenttyp oder sein Modell: " + namen)


_SCHEMAS: dict[str, dict[str, Any]] = {}
_SPERRE = threading.Lock()


def _erzeuge(name: str) -> dict[str, Any]:
    """Das Schema des Dokumenttyps, einmal je Prozess erzeugt (auch bei Threads zugleich)."""
    schema = _SCHEMAS.get(name)
    if schema is None:
        with _SPERRE:
            schema = _SCHEMAS.get(name)
            if schema is None:
                schema = _SCHEMAS[name] = _erzeuge_neu(name)
    return schema


def _erzeuge_neu(name: str) -> dict[str, Any]:
    art = DOKUMENTTYPEN[name]
    erzeuger = _Erzeuger()
    inhalt = erzeuger.typ(art.modell)
    # Die Kommune-Schlüssel stammen aus dem Register; Wert des Feldes Kommune als Enum.
    return {
        "$schema": SCHEMA_DIALEKT,
        "$id": f"urn:kim-nrw:schema:{art.name}:{art.version}",
        "title": f"kim_nrw-Dokument {art.name!r}, Version {art.version}",
        "description": f"{art.beschreibung} Umschlag mit Dokumenttyp, Schemaversion und Inhalt.",
        "$comment": _ALLGEMEIN,
        "type": "object",
        "properties": {
            "dokument": {"const": art.name},
            "version": {"const": art.version},
            "inhalt": inhalt,
        },
        "required": ["dokument", "version", "inhalt"],
        "additionalProperties": False,
        "$defs": dict(sorted(erzeuger.defs.items())),
    }


def schema(typ_name: str) -> dict[str, Any]:
    """Das JSON Schema (Draft 2020-12) des Dokumenttyps ``typ_name``, mit Umschlag.

    ``typ_name`` ist der Name des Dokumenttyps (``"foerderantrag"``) oder seines Modells
    (``"Foerderantrag"``).

    Gibt eine neue Kopie zurück; Änderungen daran ändern nichts in kim_nrw.
    """
    art = _dokumenttyp(typ_name)
    return copy.deepcopy(_erzeuge(art.name))


def schema_text(typ_name: str) -> str:
    """Das Schema als JSON-Text (UTF-8, zwei Leerzeichen Einrückung, Zeilenende am Schluss).

    Genau dieser Text liegt im Paket unter ``kim_nrw/daten/schema/<typ>.json``; der
    Befehl ``kim-nrw schema TYP`` druckt ihn.

    >>> from kim_nrw.serial import schema_text
    >>> print(schema_text("parameter")[:62])
    {
      "$schema": "https://json-schema.org/draft/2020-12/schema",
    """
    return json.dumps(schema(typ_name), ensure_ascii=False, indent=2) + "\n"


def geliefertes_schema(typ_name: str) -> str:
    """Der Text des im Paket mitgelieferten Schemas (ohne es neu zu erzeugen)."""
    art = _dokumenttyp(typ_name)
    datei = resources.files("kim_nrw").joinpath("daten", "schema", f"{art.name}.json")
    return datei.read_text(encoding="utf-8")
