"""JSON Schema: aus den Modellen erzeugt, mitgeliefert, gültig – und einig mit dem Lader."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from kim_nrw.fehler import DokumentFehler, Problem, UngueltigeEingabe
from kim_nrw.pruefung import pruefe
from kim_nrw.recht import alle_parameter, alle_rechtsquellen
from kim_nrw.serial import DOKUMENTTYPEN, als_json, lade, schema, schema_text
from kim_nrw.serial.schema import geliefertes_schema
from kim_nrw.serial.werte import kommunalschluessel
from kim_nrw.testing import foerderantraege, verwendungsnachweise, zuwendungsbescheide

WURZEL = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"


@cache
def _pruefer(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema(name), format_checker=Draft202012Validator.FORMAT_CHECKER)


def _fehler(name: str, dokument: object) -> list[str]:
    fehler = _pruefer(name).iter_errors(dokument)
    return [f"{'/'.join(map(str, f.absolute_path))}: {f.message}" for f in fehler]


# -- Erzeugt, mitgeliefert, gültig -------------------------------------------------------


@pytest.mark.parametrize("name", sorted(DOKUMENTTYPEN))
def test_mitgeliefertes_schema_gleich_neu_erzeugtem(name: str) -> None:
    assert geliefertes_schema(name) == schema_text(name), "python tools/schemas.py ausführen"


def test_werkzeug_findet_nichts_veraltet() -> None:
    spec = importlib.util.spec_from_file_location("schemas", WURZEL / "tools" / "schemas.py")
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    assert modul.main(["--pruefen"]) == 0


@pytest.mark.parametrize("name", sorted(DOKUMENTTYPEN))
def test_schema_ist_gueltiges_draft_2020_12(name: str) -> None:
    s = schema(name)
    Draft202012Validator.check_schema(s)
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert s["properties"]["dokument"] == {"const": name}
    assert s["properties"]["version"] == {"const": DOKUMENTTYPEN[name].version}
    assert s["additionalProperties"] is False
    for definition in s["$defs"].values():
        if definition.get("type") == "object":
            assert definition["additionalProperties"] is False


def test_schema_liefert_kopien() -> None:
    s = schema("foerderantrag")
    s["$defs"].clear()
    assert schema("foerderantrag")["$defs"]


def test_unbekannter_typ() -> None:
    with pytest.raises(UngueltigeEingabe):
        schema("antrag")
    with pytest.raises(UngueltigeEingabe):
        schema_text(None)  # type: ignore[arg-type]


def test_antragsteller_sind_die_schluessel_des_registers() -> None:
    s = schema("foerderantrag")
    assert s["$defs"]["Foerderantrag"]["properties"]["antragsteller"]["$ref"] == "#/$defs/Kommune"
    kommune = s["$defs"]["Kommune"]
    assert [w["const"] for w in kommune["oneOf"]] == list(kommunalschluessel())
    assert {"const": "05370", "title": "Kreis Heinsberg"} in kommune["oneOf"]


# -- Beispiele gegen das Schema -----------------------------------------------------------

def _aktuell(datei: Path) -> bool:
    """Ob eine goldene Datei die aktuelle Version ihres Dokumenttyps hat."""
    dokument = json.loads(datei.read_text("utf-8"))
    return bool(dokument["version"] == DOKUMENTTYPEN[dokument["dokument"]].version)


_BEISPIELE = sorted((WURZEL / "examples" / "antraege").glob("*.json")) + sorted(
    p for p in GOLDEN.glob("*.json") if "migriert" not in p.name and _aktuell(p)
)


@pytest.mark.parametrize("datei", _BEISPIELE, ids=lambda p: p.name)
def test_beispiele_sind_schemagueltig(datei: Path) -> None:
    dokument = json.loads(datei.read_text("utf-8"))
    assert _fehler(dokument["dokument"], dokument) == []


def test_alle_parameter_und_quellen_sind_schemagueltig() -> None:
    for p in alle_parameter().values():
        assert _fehler("parameter", json.loads(als_json(p))) == [], p.name
    for q in alle_rechtsquellen().values():
        assert _fehler("rechtsquelle", json.loads(als_json(q))) == [], q.kurzname


def test_v0_dokumente_sind_nicht_schemagueltig() -> None:
    # Das Schema beschreibt die aktuelle Version; v0 liest nur der Lader (Migration).
    dokument = json.loads((GOLDEN / "foerderantrag_v0.json").read_text("utf-8"))
    assert _fehler("foerderantrag", dokument)
    lade("foerderantrag", json.dumps(dokument))


@pytest.mark.parametrize(
    ("bezeichnung", "gueltig"), [("x" * 500, True), ("x" * 501, False), ("", True)]
)
def test_textlaenge_wie_im_modell(bezeichnung: str, gueltig: bool) -> None:
    inhalt = {
        "antragsteller": "05370",
        "programmteile": ["KI"],
        "zeitraum": "2021",
        "stellen": [{"funktion": "fachkraft", "anteil": "1", "bezeichnung": bezeichnung}],
    }
    dokument = {"dokument": "foerderantrag", "version": 2, "inhalt": inhalt}
    assert (_fehler("foerderantrag", dokument) == []) is gueltig
    try:
        lade("foerderantrag", json.dumps(dokument))
    except DokumentFehler:
        assert not gueltig
    else:
        assert gueltig


# -- Schema und Lader stimmen überein (Hypothesis) -----------------------------------------

_DOKUMENTE: dict[str, st.SearchStrategy[Any]] = {
    "foerderantrag": foerderantraege(),
    "zuwendungsbescheid": zuwendungsbescheide(),
    "verwendungsnachweis": verwendungsnachweise(),
    "pruefergebnis": st.builds(
        pruefe, foerderantraege(), st.dates(dt.date(2012, 1, 1), dt.date(2030, 12, 31))
    ),
    "parameter": st.sampled_from(sorted(alle_parameter().values(), key=lambda p: p.name)),
    "rechtsquelle": st.sampled_from(
        sorted(alle_rechtsquellen().values(), key=lambda q: q.kurzname)
    ),
}


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_erzeugte_dokumente_sind_schemagueltig(daten: st.DataObject) -> None:
    name = daten.draw(st.sampled_from(sorted(_DOKUMENTE)))
    objekt = daten.draw(_DOKUMENTE[name])
    text = als_json(objekt)
    assert _fehler(name, json.loads(text)) == []
    assert lade(name, text) == objekt


_TAG = r"20[0-9]{2}-[01][0-9]-[0-3][0-9]"
# Werte, die Muster an ihren Rändern treffen: je Format gültige und knapp ungültige.
_MUSTERWERTE = st.one_of(
    st.from_regex(r"(0|[1-9][0-9]{0,15})(\.[0-9]{1,3})?", fullmatch=True),
    st.from_regex(r"[0-9]{1,3}(\.[0-9]{3}){0,5}(,[0-9]{1,3})?( ?(€|EUR))?", fullmatch=True),
    st.from_regex(r"[01]([.,][0-9]{1,7})?", fullmatch=True),
    st.from_regex(r"(19|20|21)[0-9]{2}-[01][0-9]-[0-3][0-9]", fullmatch=True),
    st.from_regex(f"({_TAG})/\\1", fullmatch=True),
    st.from_regex(f"{_TAG}/{_TAG}", fullmatch=True),
    st.from_regex(r"(19|20|21)[0-9]{2}", fullmatch=True),
    st.from_regex(r"0[4-6][0-9]{3}([0-9]{3})?", fullmatch=True),
    st.sampled_from(sorted(kommunalschluessel())),
    st.sampled_from(["KI", "KIM.B2", "kim.b2", "case_management", "betrag", "in_kraft", "x.y"]),
    st.sampled_from(["", " ", "a\n", "https://x", "http:// x", "§ 9", "S-Quelle"]),
)
_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**16), 10**16)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10)
    | _MUSTERWERTE,
    lambda kinder: (
        st.lists(kinder, max_size=3) | st.dictionaries(st.text(max_size=6), kinder, max_size=3)
    ),
    max_leaves=5,
)

# Was JSON Schema nicht ausdrücken kann (dokumentiert im Schema als $comment und in
# docs/erklaerung/json_und_schemas.rst): nur der Lader prüft es.
_NUR_LADER = re.compile(
    "gültigen Kalendertagen|beginn <= ende|Dezimalpunkt|float|innerhalb des beantragten"
    "|chronologisch|Überschneidung|nicht vor|mindestens einen Wert|keine Werte oder Lücken"
    "|nicht auf sich selbst|Kalendertag"
)


def _nur_lader(problem: Problem) -> bool:
    if _NUR_LADER.search(problem.meldung):
        return True
    # 1.0 ist für JSON Schema eine ganze Zahl, für den Lader eine Gleitkommazahl.
    return bool(re.fullmatch(r"-?[0-9]+\.0|-?[0-9.]+e[+-]?[0-9]+", problem.wert))


def _stellen(wert: object) -> list[tuple[dict[str, Any] | list[Any], Any]]:
    """Alle (Behälter, Schlüssel)-Paare eines JSON-Werts."""
    ergebnis: list[tuple[dict[str, Any] | list[Any], Any]] = []
    if isinstance(wert, dict):
        for k, v in wert.items():
            ergebnis.append((wert, k))
            ergebnis.extend(_stellen(v))
    elif isinstance(wert, list):
        for i, v in enumerate(wert):
            ergebnis.append((wert, i))
            ergebnis.extend(_stellen(v))
    return ergebnis


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_schema_und_lader_stimmen_ueberein(daten: st.DataObject) -> None:
    name = daten.draw(st.sampled_from(sorted(_DOKUMENTE)))
    dokument = json.loads(als_json(daten.draw(_DOKUMENTE[name])))
    for _ in range(daten.draw(st.integers(1, 2))):
        behaelter, schluessel = daten.draw(st.sampled_from(_stellen(dokument)))
        aktion = daten.draw(st.sampled_from(["ersetzen", "ersetzen", "loeschen", "dazu"]))
        if aktion == "ersetzen":
            behaelter[schluessel] = daten.draw(_JSON)
        elif aktion == "loeschen":
            del behaelter[schluessel]
        elif isinstance(behaelter, dict):
            behaelter[daten.draw(st.text(max_size=6))] = daten.draw(_JSON)
        else:
            behaelter.append(daten.draw(_JSON))
    text = json.dumps(dokument)
    schema_fehler = _fehler(name, json.loads(text))
    try:
        lade(name, text)
    except DokumentFehler as fehler:
        if not schema_fehler:
            unerklaert = [p for p in fehler.probleme if not _nur_lader(p)]
            assert unerklaert == [], f"Schema nimmt an, Lader nicht: {text}"
    else:
        version = dokument.get("version") if isinstance(dokument, dict) else None
        if isinstance(version, int) and version < DOKUMENTTYPEN[name].version:
            return  # alte Version: liest nur der Lader (Migration), nicht das Schema
        assert schema_fehler == [], f"Lader nimmt an, Schema nicht: {text}"


def test_schema_nimmt_auch_den_namen_des_modells() -> None:
    from kim_nrw import schema as schema_der_wurzel
    from kim_nrw.serial import schema

    assert schema("Foerderantrag") == schema("foerderantrag")
    assert schema_der_wurzel("Zuwendungsbescheid") == schema("zuwendungsbescheid")


def test_jedes_feld_des_antrags_hat_titel_und_beschreibung_aus_dem_modell() -> None:
    from kim_nrw.serial import schema

    s = schema("foerderantrag")
    modelle = ("Foerderantrag", "Stelle", "Weiterleitung", "Drittmittel", "Zusatzstelle",
               "Ankommenstreffpunkt")  # fmt: skip
    for name in modelle:
        for feld, teil in s["$defs"][name]["properties"].items():
            assert teil.get("title") and teil.get("description"), (name, feld)
            assert "``" not in teil["description"], (name, feld)
    assert s["$defs"]["Foerderantrag"]["properties"]["ki_vorhanden"]["title"] == (
        "Kommunales Integrationszentrum vorhanden"
    )


def test_aufzaehlungen_tragen_ihre_bezeichnungen() -> None:
    from kim_nrw.programme import Programmteil
    from kim_nrw.serial import schema

    teile = schema("foerderantrag")["$defs"]["Programmteil"]["oneOf"]
    assert teile == [{"const": t.value, "title": t.bezeichnung} for t in Programmteil]
