"""Serialisierung: JSON-Form, Rundreisen, Fehlerberichte, Umschlag und Migrationen."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
import pickle
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kim_nrw.antrag import (
    Ausgabe,
    Drittmittel,
    Foerderantrag,
    Stelle,
    Stellenfunktion,
    Verwendungsnachweis,
    Weiterleitung,
    Zusatzstelle,
    Zuwendungsbescheid,
    abgleich,
)
from kim_nrw.fehler import DokumentFehler, KimNrwFehler, Problem, UngueltigeEingabe
from kim_nrw.gebiet import AGS, ARS, Kommune, Kreis, Kreisschluessel, RBSchluessel, register
from kim_nrw.geld import Betrag, Stellenanteil
from kim_nrw.programme import Foerderart, Programmteil
from kim_nrw.pruefung import Pruefergebnis, pruefe
from kim_nrw.recht import (
    Gewissheit,
    Luecke,
    Parameter,
    Parameterart,
    Parameterwert,
    Quellenart,
    Rechtsquelle,
    alle_parameter,
    alle_rechtsquellen,
)
from kim_nrw.serial import (
    DOKUMENTTYPEN,
    MODELLE,
    als_json,
    entstruktur,
    lade,
    migriere,
    struktur,
)
from kim_nrw.serial.konverter import KONVERTER
from kim_nrw.zeit import Zeitraum

WURZEL = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
BEISPIELE = sorted((WURZEL / "examples" / "antraege").glob("*.json"))

ANTRAG: dict[str, Any] = {
    "antragsteller": "05370",
    "programmteile": ["KIM.B2"],
    "zeitraum": "2021-01-01/2021-12-31",
    "stellen": [
        {"funktion": "case_management", "anteil": "1", "bezeichnung": "Erkelenz"},
        {"funktion": "case_management", "anteil": "1"},
        {"funktion": "case_management", "anteil": "0.5"},
    ],
    "beantragter_betrag": "140000.00",
    "antragsdatum": "2021-02-09",
    "ki_vorhanden": True,
    "ratsbeschluss": "2020-12-17",
}


def _dokument(inhalt: object, typ: str = "foerderantrag", version: int = 2) -> str:
    return json.dumps({"dokument": typ, "version": version, "inhalt": inhalt})


def _probleme(fehler: pytest.ExceptionInfo[DokumentFehler]) -> dict[str, Problem]:
    return {p.pfad: p for p in fehler.value.probleme}


# -- JSON-Form ---------------------------------------------------------------------------


def test_antrag_hat_die_vereinbarte_json_form() -> None:
    antrag = struktur(Foerderantrag, ANTRAG)
    form = entstruktur(antrag)
    assert form["antragsteller"] == "05370"
    assert form["programmteile"] == ["KIM.B2"]
    assert form["zeitraum"] == "2021-01-01/2021-12-31"
    assert form["stellen"][2] == {"funktion": "case_management", "anteil": "0.5", "bezeichnung": ""}
    assert form["sonstige_kosten"] == "0.00"  # Vorgaben werden geschrieben
    assert form["beantragter_betrag"] == "140000.00"
    assert form["antragsdatum"] == "2021-02-09"
    assert form["ki_vorhanden"] is True
    assert form["ratsbeschluss"] == "2020-12-17"
    assert form["integrationskonzept"] is None
    assert form["weiterleitungen"] == []
    assert list(form) == [a.name for a in Foerderantrag.__attrs_attrs__]


def test_eingabe_ist_nachsichtig_ausgabe_kanonisch() -> None:
    eingabe = dict(
        ANTRAG,
        zeitraum="2021",
        sonstige_kosten="1.234,50 €",
        beantragter_betrag=140000,
        stellen=[
            {"funktion": "fachkraft", "anteil": "0,50"},
            {"funktion": "fachkraft", "anteil": 1},
        ],
    )
    form = entstruktur(struktur(Foerderantrag, eingabe))
    assert form["zeitraum"] == "2021-01-01/2021-12-31"
    assert form["sonstige_kosten"] == "1234.50"
    assert form["beantragter_betrag"] == "140000.00"
    assert [s["anteil"] for s in form["stellen"]] == ["0.5", "1"]


@pytest.mark.parametrize("datei", BEISPIELE, ids=lambda p: p.name)
def test_beispielantraege_laden_und_rundreisen(datei: Path) -> None:
    antrag = lade("foerderantrag", datei.read_bytes())
    assert isinstance(antrag, Foerderantrag)
    text = als_json(antrag)
    assert lade(Foerderantrag, text) == antrag
    assert als_json(lade("foerderantrag", text)) == text  # die kanonische Form ist ein Fixpunkt


def test_alle_modelle_haben_dokumenttyp_oder_sind_teil_eines() -> None:
    assert {d.modell for d in DOKUMENTTYPEN.values()} <= set(MODELLE)
    assert {"foerderantrag", "zuwendungsbescheid", "verwendungsnachweis", "pruefergebnis",
            "parameter"} <= set(DOKUMENTTYPEN)  # fmt: skip


# -- Rundreisen der übrigen Dokumente ----------------------------------------------------


def _bescheid() -> Zuwendungsbescheid:
    antrag = struktur(Foerderantrag, ANTRAG)
    return Zuwendungsbescheid(
        "36.01-KIM-2021-05370",
        dt.date(2021, 3, 1),
        antrag,
        Betrag.von(130000),
        Zeitraum.parse("2021-03-01/2021-12-31"),
        Foerderart.FACHBEZOGENE_PAUSCHALE,
    )


def _nachweis() -> Verwendungsnachweis:
    return Verwendungsnachweis(
        "36.01-KIM-2021-05370",
        (
            Ausgabe(Stellenfunktion.CASE_MANAGEMENT, Zeitraum.jahr(2021), Betrag.von(120000)),
            Ausgabe(None, Zeitraum.parse("2021-03-01/2021-06-30"), Betrag.parse("99,99")),
        ),
    )


def test_bescheid_nachweis_abgleich_rundreisen() -> None:
    bescheid, nachweis = _bescheid(), _nachweis()
    assert lade("zuwendungsbescheid", als_json(bescheid)) == bescheid
    assert lade("verwendungsnachweis", als_json(nachweis)) == nachweis
    ergebnis = abgleich(bescheid, nachweis)
    assert struktur(type(ergebnis), entstruktur(ergebnis)) == ergebnis


@pytest.mark.parametrize("stichtag", [dt.date(2021, 6, 30), dt.date(2025, 6, 30)])
def test_pruefergebnis_rundreise(stichtag: dt.date) -> None:
    ergebnis = pruefe(struktur(Foerderantrag, ANTRAG), stichtag)
    text = als_json(ergebnis)
    geladen = lade("pruefergebnis", text)
    assert isinstance(geladen, Pruefergebnis)
    assert geladen == ergebnis
    assert als_json(geladen) == text


def test_alle_parameter_und_quellen_rundreisen() -> None:
    for p in alle_parameter().values():
        assert lade("parameter", als_json(p)) == p, p.name
    for q in alle_rechtsquellen().values():
        assert lade("rechtsquelle", als_json(q)) == q, q.kurzname


def test_parameterwert_folgt_der_art() -> None:
    p = next(iter(alle_parameter().values()))
    form = entstruktur(p)
    form_art = {**form, "werte": [{**w, "wert": 57000} for w in form["werte"]]}
    if form["art"] in ("betrag", "vzae", "quote", "datum", "text") and form["werte"]:
        with pytest.raises(DokumentFehler) as fehler:
            struktur(Parameter, form_art)
        assert "$.werte[0].wert" in _probleme(fehler)


def test_kommunen_als_referenz() -> None:
    for kommune in register().kommunen():
        assert struktur(Kommune, entstruktur(kommune)) == kommune
    assert struktur(Kommune, "05315").name == struktur(Kommune, "05315000").name
    # als Verweis in einem Dokument steht eine Kommune mit ihrem Schlüssel; für sich
    # allein schreibt entstruktur ihre Form "kommune" (tests/test_referenz.py)
    assert entstruktur(struktur(Kommune, "05315"))["schluessel"] == "05315000"
    with pytest.raises(DokumentFehler):
        struktur(Kreis, "05370004")  # eine Gemeinde ist kein Kreis
    with pytest.raises(DokumentFehler):
        struktur(Kommune, "053")  # ein Regierungsbezirk ist keine Kommune


def test_blattwerte() -> None:
    assert struktur(Betrag, "57.000,00 €") == Betrag.von(57000)
    assert entstruktur(Betrag.von(57000)) == "57000.00"
    assert entstruktur(Stellenanteil(Decimal("0.500"))) == "0.5"
    assert entstruktur(Stellenanteil(Decimal("1.000"))) == "1"
    assert struktur(AGS, "05334002") == AGS("05334002")
    assert struktur(Zeitraum, "2020") == Zeitraum.jahr(2020)
    assert struktur(Programmteil, "KOMMAN.II") is Programmteil.KOMMAN_II


# -- Fehlerberichte ----------------------------------------------------------------------


def test_alle_probleme_mit_pfad_und_deutscher_meldung() -> None:
    schlecht = copy.deepcopy(ANTRAG)
    schlecht["stellen"][2]["anteil"] = "1,5"
    schlecht["stellen"][1]["umfang"] = "1"
    schlecht["antragsteller"] = "05999"
    schlecht["sonstige_kosten"] = 1200.5
    schlecht["zeitraum"] = "2021-12-31/2021-01-01"
    schlecht["unbekannt"] = {"x": 1}
    del schlecht["programmteile"]
    with pytest.raises(DokumentFehler) as fehler:
        lade("foerderantrag", _dokument(schlecht))
    probleme = _probleme(fehler)
    assert set(probleme) == {
        "$.inhalt.antragsteller",
        "$.inhalt.programmteile",
        "$.inhalt.zeitraum",
        "$.inhalt.stellen[1].umfang",
        "$.inhalt.stellen[2].anteil",
        "$.inhalt.sonstige_kosten",
        "$.inhalt.unbekannt",
    }
    assert probleme["$.inhalt.stellen[2].anteil"].wert == '"1,5"'
    assert "0 < x ≤ 1" in probleme["$.inhalt.stellen[2].anteil"].meldung
    assert probleme["$.inhalt.programmteile"].wert == "(fehlt)"
    assert "Pflichtfeld fehlt" in probleme["$.inhalt.programmteile"].meldung
    assert "nicht gefunden" in probleme["$.inhalt.antragsteller"].meldung
    assert "Dezimalpunkt" in probleme["$.inhalt.sonstige_kosten"].meldung
    assert "unbekannter Schlüssel" in probleme["$.inhalt.unbekannt"].meldung
    assert "beginn <= ende" in probleme["$.inhalt.zeitraum"].meldung
    assert isinstance(fehler.value, ValueError)
    assert isinstance(fehler.value, KimNrwFehler)
    assert str(fehler.value).startswith("Dokument 'foerderantrag': 7 Probleme")


def test_pfade_ohne_umschlag_beginnen_bei_dollar() -> None:
    schlecht = copy.deepcopy(ANTRAG)
    schlecht["stellen"][2]["anteil"] = "2"
    with pytest.raises(DokumentFehler) as fehler:
        struktur(Foerderantrag, schlecht)
    assert [p.pfad for p in fehler.value.probleme] == ["$.stellen[2].anteil"]


def test_invariante_des_konstruktors_wird_dem_feld_zugeordnet() -> None:
    form = entstruktur(_bescheid())
    form["zeitraum"] = "2022-01-01/2022-06-30"  # außerhalb des beantragten Zeitraums
    with pytest.raises(DokumentFehler) as fehler:
        struktur(Zuwendungsbescheid, form)
    (problem,) = fehler.value.probleme
    assert problem.pfad == "$.zeitraum"
    assert problem.wert == '"2022-01-01/2022-06-30"'
    assert "innerhalb des beantragten Zeitraums" in problem.meldung


@pytest.mark.parametrize(
    ("wert", "ausschnitt"),
    [
        (57000.0, "Dezimalpunkt"),
        (True, "Eurobetrag"),
        ("-5", "nie negativ"),
        ("1.234", "1.234"),  # Tausenderpunkt: gültig!
        (10**400, "Ganzzahl"),
        ("1" * 1_000_000, "Eurobetrag"),
        ([], "Eurobetrag"),
    ],
)
def test_betrag_fehler(wert: object, ausschnitt: str) -> None:
    if wert == "1.234":
        assert struktur(Betrag, wert) == Betrag.von(1234)
        return
    with pytest.raises(DokumentFehler) as fehler:
        struktur(Betrag, wert)
    (problem,) = fehler.value.probleme
    assert problem.pfad == "$"
    assert ausschnitt in problem.meldung + problem.wert
    assert len(problem.wert) <= 80


def test_float_wird_ueberall_abgelehnt() -> None:
    for feld, wert in [("beantragter_betrag", 1.0), ("sonstige_kosten", 0.0)]:
        with pytest.raises(DokumentFehler) as fehler:
            struktur(Foerderantrag, {**ANTRAG, feld: wert})
        assert f"$.{feld}" in _probleme(fehler)
    stellen = [{"funktion": "fachkraft", "anteil": 1.0}]
    with pytest.raises(DokumentFehler) as fehler:
        struktur(Foerderantrag, {**ANTRAG, "stellen": stellen})
    assert "$.stellen[0].anteil" in _probleme(fehler)


def test_falsche_typen_je_feld() -> None:
    schlecht = {
        **ANTRAG,
        "ki_vorhanden": "ja",
        "ratsbeschluss": "27.09.2012",
        "antragsdatum": "2021-02-30",
        "stellen": {"funktion": "fachkraft"},
        "weiterleitungen": [{"empfaenger": " ", "betrag": "1.00", "ags": "09162000"}],
    }
    with pytest.raises(DokumentFehler) as fehler:
        struktur(Foerderantrag, schlecht)
    assert set(_probleme(fehler)) == {
        "$.ki_vorhanden",
        "$.ratsbeschluss",
        "$.antragsdatum",
        "$.stellen",
        "$.weiterleitungen[0].empfaenger",
        "$.weiterleitungen[0].ags",
    }


def test_eingabe_wird_nicht_veraendert() -> None:
    for daten in (ANTRAG, {**ANTRAG, "stellen": [{"umfang": "1"}], "x": 1}):
        vorher = copy.deepcopy(daten)
        with contextlib.suppress(DokumentFehler):
            struktur(Foerderantrag, daten)
        assert daten == vorher
    alt = json.loads((GOLDEN / "foerderantrag_v0.json").read_text("utf-8"))
    vorher = copy.deepcopy(alt)
    migriere(alt)
    assert alt == vorher


def test_dokumentfehler_laesst_sich_picklen() -> None:
    with pytest.raises(DokumentFehler) as fehler:
        struktur(Foerderantrag, {})
    kopie = pickle.loads(pickle.dumps(fehler.value))
    assert kopie.probleme == fehler.value.probleme
    assert str(kopie) == str(fehler.value)


# -- Umschlag ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "pfad", "ausschnitt"),
    [
        ("", "$", "kein gültiges JSON"),
        ("[1, 2", "$", "kein gültiges JSON"),
        ('{"a": NaN}', "$", "NaN"),
        ("[" * 100_000 + "]" * 100_000, "$", ""),
        ("1" * 5000, "$", ""),
        ("[]", "$", "JSON-Objekt"),
        ('{"version": 1, "inhalt": {}}', "$.dokument", "fehlt"),
        ('{"dokument": "parameter", "version": 1, "inhalt": {}}', "$.dokument", "foerderantrag"),
        ('{"dokument": "foerderantrag", "version": 3, "inhalt": {}}', "$.version", "neuere"),
        ('{"dokument": "foerderantrag", "version": -1, "inhalt": {}}', "$.version", "0..2"),
        ('{"dokument": "foerderantrag", "version": true, "inhalt": {}}', "$.version", ""),
        ('{"dokument": "foerderantrag", "version": 1}', "$.inhalt", "fehlt"),
        ('{"dokument": "foerderantrag", "version": 1, "inhalt": {}, "x": 1}', "$.x", "Umschlag"),
    ],
)
def test_umschlag_fehler(text: str, pfad: str, ausschnitt: str) -> None:
    with pytest.raises(DokumentFehler) as fehler:
        lade("foerderantrag", text)
    probleme = _probleme(fehler)
    assert pfad in probleme
    assert ausschnitt in probleme[pfad].meldung + probleme[pfad].wert


def test_doppelte_schluessel_werden_mit_allen_werten_gemeldet() -> None:
    text = _dokument(ANTRAG)
    text = text.replace('"zeitraum": "2021-01-01/2021-12-31"',
                        '"zeitraum": "2021-02-30/2021-12-31"')  # fmt: skip
    text = text.replace('"anteil": "1", "bezeichnung": "Erkelenz"',
                        '"anteil": "1", "anteil": "0.5", "bezeichnung": "Erkelenz"')  # fmt: skip
    text = text.replace('"version": 2', '"version": 2, "version": 2')
    with pytest.raises(DokumentFehler) as fehler:
        lade("foerderantrag", text)
    probleme = _probleme(fehler)
    assert probleme["$.inhalt.stellen[0].anteil"].wert == '["1", "0.5"]'
    assert "2-mal" in probleme["$.inhalt.stellen[0].anteil"].meldung
    assert "$.version" in probleme  # auch gleiche Werte: der Absender hat etwas doppelt
    assert "$.inhalt.zeitraum" in probleme  # die übrigen Probleme kommen mit
    assert len(probleme) == 3


def test_doppelte_schluessel_tief_verschachtelt() -> None:
    tief = "[" * 900 + '{"a": 1, "a": 2}' + "]" * 900
    with pytest.raises(DokumentFehler) as fehler:
        lade("foerderantrag", f'{{"dokument": "foerderantrag", "version": 2, "inhalt": {tief}}}')
    pfade = [p.pfad for p in fehler.value.probleme]
    assert pfade[0] == "$.inhalt" + "[0]" * 900 + ".a"


def test_doppelter_schluessel_vor_zu_tiefer_verschachtelung() -> None:
    tief = "[" * 100_000 + "]" * 100_000
    inhalt = f'[{{"a": 1, "a": 2}}, {tief}]'
    with pytest.raises(DokumentFehler, match="zu tief verschachtelt"):
        lade("foerderantrag", f'{{"dokument": "foerderantrag", "version": 2, "inhalt": {inhalt}}}')


def test_bytes_muessen_utf8_sein() -> None:
    with pytest.raises(DokumentFehler, match="UTF-8"):
        lade("foerderantrag", b"\xff\xfe{}")
    text = _dokument(ANTRAG)
    assert lade("foerderantrag", text.encode("utf-8")) == lade("foerderantrag", text)


def test_parameterwert_nur_im_parameter() -> None:
    # Ohne die Art des Parameters ist "0.90" nicht entscheidbar (Dezimalwert oder Text).
    p = next(q for q in alle_parameter().values() if q.werte)
    with pytest.raises(UngueltigeEingabe):
        struktur(Parameterwert, {})
    with pytest.raises(UngueltigeEingabe):
        entstruktur(p.werte[0])
    assert entstruktur(p)["werte"][0]["gilt_ab"] == p.werte[0].gilt_ab.isoformat()


def test_unbekannter_typ_ist_ein_programmierfehler() -> None:
    with pytest.raises(UngueltigeEingabe):
        lade("antrag", "{}")
    with pytest.raises(UngueltigeEingabe):
        als_json(Stelle(Stellenfunktion.FACHKRAFT, Stellenanteil.von(1)))
    with pytest.raises(UngueltigeEingabe):
        struktur(dict, {})


# -- Migrationen (Goldene Dateien) ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "von"),
    [(art.name, m.von) for art in DOKUMENTTYPEN.values() for m in art.migrationen],
)
def test_migration_golden(name: str, von: int) -> None:
    """Je Schritt: ``<typ>_v<von>.json`` → ``_v<von>_migriert.json`` (genau dieser Schritt)
    und ``_v<von+1>.json`` (die kanonische Form der nächsten Version)."""
    art = DOKUMENTTYPEN[name]
    alt = (GOLDEN / f"{name}_v{von}.json").read_text("utf-8")
    migriert = (GOLDEN / f"{name}_v{von}_migriert.json").read_text("utf-8")
    naechste = (GOLDEN / f"{name}_v{von + 1}.json").read_text("utf-8")
    # 1. Der Schritt selbst: genau diese Umschreibung, sonst nichts.
    roh = json.loads(alt)
    schritt = {"dokument": name, "version": von + 1,
               "inhalt": art.migration(von).umschreiben(roh["inhalt"])}  # fmt: skip
    assert schritt == json.loads(migriert)
    # 2. Geladen: dasselbe Objekt wie das kanonische Dokument der nächsten Version.
    objekt = lade(name, alt)
    assert lade(name, migriert) == objekt
    assert objekt == lade(name, naechste)
    if von + 1 == art.version:  # die neueste Version ist kanonisch geschrieben
        assert als_json(objekt) + "\n" == naechste
    # 3. Die ganze Kette bis zur aktuellen Version (migriere) gibt dasselbe Objekt.
    assert lade(name, json.dumps(migriere(roh))) == objekt


def test_migrierte_fehler_zeigen_in_die_alte_form() -> None:
    alt = json.loads((GOLDEN / "foerderantrag_v0.json").read_text("utf-8"))
    alt["inhalt"]["stellen"][1]["umfang"] = "7"
    with pytest.raises(DokumentFehler) as fehler:
        lade("foerderantrag", json.dumps(alt))
    assert [p.pfad for p in fehler.value.probleme] == ["$.inhalt.stellen[1].umfang"]


def test_fehler_im_pruefergebnis_der_version_1_zeigen_in_die_alte_form() -> None:
    alt = json.loads((GOLDEN / "pruefergebnis_v1.json").read_text("utf-8"))
    alt["inhalt"]["antrag"]["programmteil"] = "KIM.B9"
    alt["inhalt"]["verwendete_werte"][0]["status"] = "sicher"
    with pytest.raises(DokumentFehler) as fehler:
        lade("pruefergebnis", json.dumps(alt))
    assert {p.pfad for p in fehler.value.probleme} == {
        "$.inhalt.antrag.programmteil",
        "$.inhalt.verwendete_werte[0].status",
    }


def test_jede_migration_hat_goldene_dateien() -> None:
    for art in DOKUMENTTYPEN.values():
        assert art.aelteste <= art.version
        for m in art.migrationen:
            assert (GOLDEN / f"{art.name}_v{m.von}.json").is_file()
            assert (GOLDEN / f"{art.name}_v{m.von}_migriert.json").is_file()
            assert (GOLDEN / f"{art.name}_v{m.nach}.json").is_file()


# -- Schneller und ausführlicher Durchgang stimmen überein ---------------------------------

_json_werte = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda kinder: (
        st.lists(kinder, max_size=3) | st.dictionaries(st.text(max_size=8), kinder, max_size=3)
    ),
    max_leaves=6,
)


@given(
    feld=st.sampled_from([a.name for a in Foerderantrag.__attrs_attrs__]),
    wert=_json_werte
    | st.sampled_from(["05370", "05334002", "2021", "0.5", "1", "57000.00", "KIM.B1"])
    | st.sampled_from([1.0, "ja", "", " ", "57.000,00 €", "05999", [], {}, None, True, 0]),
)
def test_schnell_gleich_ausfuehrlich(feld: str, wert: object) -> None:
    daten = {**ANTRAG, feld: wert}
    try:
        schnell: object = KONVERTER.leser(Foerderantrag)(daten, Foerderantrag)
    except Exception as fehler:  # jeder Abbruch ist erlaubt
        schnell = fehler
    try:
        gruendlich: object = KONVERTER.gruendlich.structure(daten, Foerderantrag)
    except Exception as fehler:
        gruendlich = fehler
    if isinstance(schnell, Foerderantrag):
        assert gruendlich == schnell, (
            "der schnelle Durchgang nimmt etwas an, das der ausführliche ablehnt"
        )


@given(
    art=st.sampled_from([AGS, ARS, Kreisschluessel, RBSchluessel]),
    text=st.text(alphabet="0123456789٠١ 05x", max_size=13)
    | st.sampled_from(["05370004", "053700004004", "05370", "053", "09162000", "0537000４"]),
)
def test_schluesselleser_nimmt_genau_an_was_parse_annimmt(art: Any, text: str) -> None:
    try:
        erwartet: object = art.parse(text)
    except KimNrwFehler as fehler:
        erwartet = type(fehler)
    try:
        gelesen: object = art.from_json(text)
    except KimNrwFehler as fehler:
        gelesen = type(fehler)
    assert gelesen == erwartet
    assert type(gelesen) is type(erwartet)


def test_unterobjekte_gleich() -> None:
    for objekt in (
        Weiterleitung("DRK", Betrag.von(1), AGS("05370004")),
        Drittmittel("ESF", Betrag.von(5), gleicher_zweck=False),
        Zusatzstelle(AGS("05370004"), True, None, False),
        Kreisschluessel("05370"),
    ):
        typ = type(objekt)
        assert KONVERTER.leser(typ)(entstruktur(objekt), typ) == objekt
        assert KONVERTER.gruendlich.structure(entstruktur(objekt), typ) == objekt


# -- Rundreise jedes Modells als Property ----------------------------------------------------

_KURZNAME = st.from_regex(r"[A-Za-z0-9§][A-Za-z0-9§._-]{0,12}", fullmatch=True)
_TEXT = st.text(min_size=1, max_size=30).map(str.strip).filter(bool)
_RANDLOS = st.just("") | _TEXT

_TAGE = st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31))


def _parameterwert(art: Parameterart) -> st.SearchStrategy[Decimal | int | dt.date | str]:
    if art is Parameterart.BETRAG:
        return st.integers(0, 10**12).map(lambda c: Decimal(c).scaleb(-2))
    if art is Parameterart.VZAE:
        return st.decimals(0, 1000, places=3)
    if art is Parameterart.QUOTE:
        return st.decimals(0, 1, places=2)
    if art is Parameterart.ANZAHL:
        return st.integers(0, 10**6)
    if art is Parameterart.DATUM:
        return _TAGE
    return _TEXT


@st.composite
def _parameter(draw: st.DrawFn) -> Parameter:
    name = draw(st.from_regex(r"[a-z][a-z0-9_]{0,6}(\.[a-z0-9_]{1,6}){1,3}", fullmatch=True))
    art = draw(st.sampled_from(Parameterart))
    if draw(st.integers(0, 9)) == 0:
        return Parameter(name, draw(_TEXT), draw(_TEXT), art, nicht_bekannt=draw(_TEXT))
    anzahl = draw(st.integers(1, 4))
    tage = sorted(draw(st.lists(_TAGE, min_size=2 * anzahl, max_size=2 * anzahl, unique=True)))
    werte: list[Parameterwert] = []
    luecken: list[Luecke] = []
    for i in range(anzahl):
        ab = tage[2 * i]
        bis: dt.date | None = tage[2 * i + 1]
        if i == anzahl - 1 and draw(st.booleans()):
            bis = None
        quellen = tuple(draw(st.lists(_KURZNAME, min_size=1, max_size=3, unique=True)))
        if draw(st.booleans()):
            werte.append(Parameterwert(draw(_parameterwert(art)), ab, bis,
                                       draw(st.sampled_from(Gewissheit)), quellen,
                                       draw(_RANDLOS), draw(_TAGE)))  # fmt: skip
        else:
            luecken.append(Luecke(ab, bis, draw(_TEXT), quellen))
    return Parameter(name, draw(_TEXT), draw(_TEXT), art, tuple(werte), luecken=tuple(luecken))


@st.composite
def _rechtsquelle(draw: st.DrawFn) -> Rechtsquelle:
    kurzname = draw(_KURZNAME)
    ab, bis = sorted(draw(st.lists(_TAGE, min_size=2, max_size=2)))
    andere = _KURZNAME.filter(lambda k: k != kurzname)
    return Rechtsquelle(
        kurzname,
        draw(st.sampled_from(Quellenart)),
        draw(_TEXT),
        draw(_TEXT),
        norm=draw(st.none() | _TEXT.filter(lambda t: "\n" not in t and "\r" not in t)),
        fundstelle=draw(st.none() | _TEXT),
        fassung_vom=draw(st.none() | _TAGE),
        in_kraft_ab=draw(st.none() | st.just(ab)),
        in_kraft_bis=draw(st.none() | st.just(bis)),
        url=draw(st.none() | _TEXT.map(lambda t: "https://" + t.replace(" ", ""))),
        zuletzt_geprueft=draw(_TAGE),
        gewissheit=draw(st.sampled_from(Gewissheit)),
        teil_von=draw(st.none() | andere),
        belege=tuple(draw(st.lists(andere, max_size=3, unique=True))),
        anmerkung=draw(_RANDLOS),
    )


def _alle_modelle() -> st.SearchStrategy[object]:
    from kim_nrw.testing import foerderantraege, verwendungsnachweise, zuwendungsbescheide

    antraege = foerderantraege()
    bescheide = zuwendungsbescheide()
    return st.one_of(
        antraege,
        antraege.flatmap(lambda a: st.sampled_from(a.stellen) if a.stellen else st.just(a)),
        bescheide,
        verwendungsnachweise(),
        st.tuples(bescheide, verwendungsnachweise()).map(lambda bn: abgleich(
            bn[0], Verwendungsnachweis(bn[0].aktenzeichen, bn[1].ausgaben))),
        st.builds(pruefe, antraege, _TAGE),
        _parameter(),
        _parameter().flatmap(lambda p: st.sampled_from(p.luecken) if p.luecken else st.just(p)),
        _rechtsquelle(),
        st.sampled_from(register().kommunen()),
    )  # fmt: skip


@given(_alle_modelle())
def test_rundreise_jedes_modells(objekt: object) -> None:
    typ: object = Kommune if isinstance(objekt, Kommune) else type(objekt)
    form = entstruktur(objekt)
    assert struktur(typ, form) == objekt
    assert json.loads(json.dumps(form)) == form  # reines JSON, keine Python-Objekte
    assert entstruktur(struktur(typ, form)) == form  # kanonisch: ein Fixpunkt


def test_migrierter_parameter_meldet_den_alten_schluessel() -> None:
    alt = json.loads((GOLDEN / "parameter_v1.json").read_text("utf-8"))
    alt["inhalt"]["werte"][1]["status"] = "gesichert"
    with pytest.raises(DokumentFehler) as fehler:
        lade("parameter", json.dumps(alt))
    assert [p.pfad for p in fehler.value.probleme] == ["$.inhalt.werte[1].status"]


def test_ungueltiges_dokument_wird_hoechstens_zweimal_gelesen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gelesen: list[str] = []
    schnell = KONVERTER.leser(Foerderantrag)
    gruendlich = KONVERTER.gruendlich_lesen

    def zaehle_schnell(daten: object, typ: object) -> object:
        gelesen.append("schnell")
        return schnell(daten, typ)

    def zaehle_gruendlich(typ: Any, daten: object, wurzel: str = "$") -> object:
        gelesen.append("gründlich")
        return gruendlich(typ, daten, wurzel)

    monkeypatch.setitem(KONVERTER._leser, Foerderantrag, zaehle_schnell)
    monkeypatch.setattr(KONVERTER, "gruendlich_lesen", zaehle_gruendlich)
    with pytest.raises(DokumentFehler):
        lade("foerderantrag", _dokument({**ANTRAG, "zeitraum": "2021-13-01/2021-12-31"}))
    assert gelesen == ["schnell", "gründlich"]
