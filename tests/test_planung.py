"""Planen und Auswerten: Höchstbeträge je Kommune und Jahr, landesweite Tabellen, Ausgaben.

Die Fälle des Planers stehen als Daten in ``tests/faelle/planung/*.toml``.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import subprocess
import sys
import tomllib
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from kim_nrw.cli import main, parser
from kim_nrw.cli.ausgabeschemas import FORMEN, datei_text
from kim_nrw.fehler import UngueltigeEingabe
from kim_nrw.gebiet import register
from kim_nrw.planung import (
    SPALTEN,
    Zugang,
    hoechstbetraege,
    ki_tabelle,
    kommunen_tabelle,
    landesmittel,
    plane,
    programme_tabelle,
    summen,
)
from kim_nrw.planung.tabellen import _stellen
from kim_nrw.programme import Programmteil
from kim_nrw.pruefung import Entscheidung
from kim_nrw.umbruch import tabelle_als_text, umbrechen

WURZEL = Path(__file__).resolve().parent.parent
FAELLE = Path(__file__).parent / "faelle" / "planung"
SCHEMAS = WURZEL / "src" / "kim_nrw" / "daten" / "schema"


def _faelle() -> list[Any]:
    alle = []
    for datei in sorted(FAELLE.glob("*.toml")):
        for fall in tomllib.loads(datei.read_text(encoding="utf-8"))["plan"]:
            alle.append(pytest.param(fall, id=f"{datei.stem}: {fall['name']}"))
    return alle


def test_faelle_decken_die_verlangten_kommunen_und_jahre() -> None:
    faelle = [p.values[0] for p in _faelle()]
    arten = {(f["empfaenger"], f["jahr"]) for f in faelle}
    for art in ("kreis", "kreisfreie_stadt", "stadt_aachen", "kreisangehoerige_gemeinde"):
        assert {(art, j) for j in (2021, 2023, 2027)} <= arten, art


@pytest.mark.parametrize("fall", _faelle())
def test_fall_des_planers(fall: dict[str, Any]) -> None:
    plan = plane(fall["kommune"], fall["jahr"])
    assert plan.empfaenger.value == fall["empfaenger"]
    assert str(plan.summe.wert) == fall["summe"]
    ist = {}
    for p in plan.posten:
        ist[p.teil.value] = " | ".join([
            p.zugang.value,
            "–" if p.entscheidung is None else p.entscheidung.value,
            "–" if p.hoechstbetrag is None else str(p.hoechstbetrag.wert),
            _stellen(p) or "–",
            "–" if p.gewissheit is None else p.gewissheit.value,
        ])  # fmt: skip
    assert ist == fall["teile"]
    for teil, stueck in fall.get("gruende", {}).items():
        assert stueck in plan.posten_fuer(Programmteil(teil)).grund, teil


def test_plan_rechnet_mit_der_pruefung_und_nennt_werte_vorbehalte_und_hinweis() -> None:
    plan = plane("05370", 2023)
    ki = plan.posten_fuer(Programmteil.KI)
    assert ki.ergebnis is not None
    # der Betrag ist der der Prüfung – keine zweite Rechnung
    assert {t.teil: t.betrag for t in ki.ergebnis.hoechstbetraege}[Programmteil.KI] == (
        ki.hoechstbetrag
    )
    assert ki.ergebnis.verwendete_werte and all(w.gewissheit for w in ki.ergebnis.verwendete_werte)
    # förderfähig (vorbehaltlich) – oder unentschieden, wo nur das Antragsdatum fehlt
    assert ki.ergebnis.entscheidung is not Entscheidung.NICHT_FOERDERFAEHIG
    assert ki.ergebnis.vorbehalte and ki.ergebnis.hinweise  # kein Rechtsanspruch
    assert not ki.nicht_erfuellt


def test_kreis_hat_eine_fachkraftstelle_mehr_als_die_kreisfreie_stadt() -> None:
    kreis = plane("05370", 2023).posten_fuer(Programmteil.KI)
    stadt = plane("05111", 2023).posten_fuer(Programmteil.KI)
    vzae = {s.funktion.value: s.vzae for s in kreis.stellen}
    assert vzae == {"fachkraft": Decimal(6), "verwaltungsassistenz": Decimal("0.5")}
    assert {s.funktion.value: s.vzae for s in stadt.stellen}["fachkraft"] == Decimal(5)


def test_gemeinde_erhaelt_ueber_ihren_kreis_und_aachen_baustein_3_ueber_die_staedteregion() -> None:
    gemeinde = plane("05370016", 2023)
    ki = gemeinde.posten_fuer(Programmteil.KI)
    assert ki.zugang is Zugang.UEBER and ki.ueber == "05370"
    assert gemeinde.posten_fuer(Programmteil.KIM_B3).zugang is Zugang.SELBST
    aachen = plane("05334002", 2023)
    b3 = aachen.posten_fuer(Programmteil.KIM_B3)
    assert b3.zugang is Zugang.UEBER and b3.ueber == "05334"
    assert aachen.posten_fuer(Programmteil.KI).zugang is Zugang.SELBST


def test_teil_vor_seinem_beginn_hat_den_grund() -> None:
    b1 = plane("05370", 2019).posten_fuer(Programmteil.KIM_B1)
    assert b1.zugang is Zugang.NICHT_IM_JAHR and "beginnt erst" in b1.grund


@pytest.mark.parametrize("falsch", [("05", 2021), ("05370", 1999), ("05370", True)])
def test_plan_lehnt_ungueltige_eingaben_ab(falsch: tuple[Any, Any]) -> None:
    with pytest.raises(UngueltigeEingabe):
        plane(*falsch)


# -- landesweite Tabellen -------------------------------------------------------------------


@pytest.fixture(scope="module")
def zeilen() -> list[dict[str, Any]]:
    return hoechstbetraege(2020, 2023)


def test_summen_gleichen_der_summe_ihrer_zeilen(zeilen: list[dict[str, Any]]) -> None:
    sums: list[dict[str, Any]] = list(summen(zeilen))
    erwartet: dict[tuple[Any, ...], Decimal] = defaultdict(Decimal)
    anzahl: dict[tuple[Any, ...], int] = defaultdict(int)
    for z in zeilen:
        for ebene, schluessel in (("regierungsbezirk", z["regierungsbezirk_schluessel"]),
                                  ("land", "05")):  # fmt: skip
            for teil in (z["teil"], None):
                k = (z["jahr"], ebene, schluessel, z["programm"], teil)
                anzahl[k] += 1
                if z["hoechstbetrag"] is not None:
                    erwartet[k] += Decimal(z["hoechstbetrag"])
    assert len(sums) == len(anzahl)
    for s in sums:
        k = (s["jahr"], s["ebene"], s["schluessel"], s["programm"], s["teil"])
        assert s["traeger"] == anzahl[k]
        assert (Decimal(str(s["summe"])) if s["summe"] else Decimal(0)) == erwartet[k]
    # das Land ist die Summe seiner Regierungsbezirke
    for s in (s for s in sums if s["ebene"] == "land" and s["summe"]):
        bezirke = [b for b in sums if b["ebene"] == "regierungsbezirk" and b["jahr"] == s["jahr"]
                   and b["teil"] == s["teil"] and b["programm"] == s["programm"]]  # fmt: skip
        assert sum(Decimal(b["summe"] or 0) for b in bezirke) == Decimal(s["summe"])


def test_landesmittel_stehen_neben_den_summen(zeilen: list[dict[str, Any]]) -> None:
    land = next(s for s in summen(zeilen)
                if s["ebene"] == "land" and s["jahr"] == 2021 and s["programm"] == "KIM"
                and s["teil"] is None)  # fmt: skip
    assert land["landesmittel"] == "50000000.00"
    assert land["landesmittel_gewissheit"] == "bestaetigt"
    zeilen_mittel = landesmittel(2012, 2027)
    assert zeilen_mittel and any(z["betrag"] is None for z in zeilen_mittel)
    for z in zeilen_mittel:  # ein Betrag mit Gewissheit – oder der Grund, warum keiner
        assert (z["betrag"] is None) == (z["gewissheit"] is None) == (z["grund"] is not None)


def test_zeilen_sind_schlichte_werte_mit_den_dokumentierten_spalten(
    zeilen: list[dict[str, Any]],
) -> None:
    tabellen = {
        "hoechstbetraege": zeilen, "summen": summen(zeilen), "landesmittel": landesmittel(2021),
        "kommunen": kommunen_tabelle(), "ki": ki_tabelle(), "programme": programme_tabelle(2021),
    }  # fmt: skip
    typen = {"string": (str,), "string|null": (str, type(None)), "integer": (int,)}
    for name, tabelle in tabellen.items():
        spalten = SPALTEN[name]
        for z in tabelle:
            assert list(z) == [n for n, _, _ in spalten], name
            for n, t, _ in spalten:
                assert type(z[n]) in typen[t] and not isinstance(z[n], bool), (name, n)


def test_einwohner_der_tabellen_gleichen_dem_register() -> None:
    r = register()
    kommunen = kommunen_tabelle()
    je_bezirk: dict[str, int] = defaultdict(int)
    je_kreis: dict[str, int] = defaultdict(int)
    for z in kommunen:
        if z["art"] in ("kreisfreie_stadt", "kreisangehoerige_gemeinde"):
            je_bezirk[str(z["regierungsbezirk_schluessel"])] += int(str(z["einwohner"]))
        if z["kreis_schluessel"]:
            je_kreis[str(z["kreis_schluessel"])] += int(str(z["einwohner"]))
    assert je_bezirk == {str(rb.schluessel): rb.einwohner for rb in r.regierungsbezirke()}
    assert je_kreis == {str(k.schluessel): k.einwohner for k in r.kreise()}
    land = sum(rb.einwohner for rb in r.regierungsbezirke())
    assert sum(int(str(z["einwohner"])) for z in ki_tabelle()) == land


def _csv_zurueck(text: str, name: str) -> list[dict[str, Any]]:
    typen = {n: t for n, t, _ in SPALTEN[name]}
    zurueck = []
    for z in csv.DictReader(io.StringIO(text)):
        zeile: dict[str, Any] = {}
        for n, wert in z.items():
            if typen[n] == "integer":
                zeile[n] = int(wert)
            elif typen[n] == "string|null" and wert == "":
                zeile[n] = None
            else:
                zeile[n] = wert
        zurueck.append(zeile)
    return zurueck


@pytest.mark.parametrize("tabelle", ["ki", "kommunen", "programme", "hoechstbetraege"])
def test_csv_liest_sich_mit_dem_csv_modul_zu_denselben_werten(
    tabelle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argumente = ["tabelle", tabelle, "--format", "csv"]
    if tabelle in ("programme", "hoechstbetraege"):
        argumente += ["--von", "2021", "--bis", "2022"]
    assert main(argumente) == 0
    text = capsys.readouterr().out
    erwartet = {"ki": ki_tabelle, "kommunen": kommunen_tabelle}.get(tabelle)
    zeilen = (
        erwartet()
        if erwartet
        else (
            programme_tabelle(2021, 2022) if tabelle == "programme" else hoechstbetraege(2021, 2022)
        )
    )
    assert _csv_zurueck(text, tabelle) == zeilen


def test_csv_der_summen(capsys: pytest.CaptureFixture[str]) -> None:
    argumente = ["tabelle", "hoechstbetraege", "--jahr", "2021", "--summen", "--format", "csv"]
    assert main(argumente) == 0
    assert _csv_zurueck(capsys.readouterr().out, "summen") == summen(hoechstbetraege(2021))


# -- JSON-Ausgaben und ihre Schemas -------------------------------------------------------------


def test_mitgelieferte_ausgabeschemas_sind_die_erzeugten() -> None:
    for form in FORMEN:
        datei = SCHEMAS / "ausgabe" / f"{form}.json"
        assert datei.read_text(encoding="utf-8") == datei_text(form), form
        jsonschema.Draft202012Validator.check_schema(json.loads(datei_text(form)))


JSON_AUFRUFE = [
    ("kommune", ["kommune", "05370", "--json"]),
    ("kommune", ["kommune", "05334002", "--json"]),
    ("kommune", ["kommune", "051", "--json"]),
    ("ki", ["ki", "--json"]),
    ("ki", ["ki", "05334002", "--json"]),
    ("programme", ["programme", "--stichtag", "2021-06-01", "--json"]),
    ("programme", ["programme", "--stichtag", "2027-01-01", "--json"]),
    ("plan", ["planen", "05370", "--jahr", "2021", "--json"]),
    ("plan", ["planen", "05334002", "--jahr", "2027", "--json"]),
    ("plan", ["planen", "05370016", "--jahr", "2023", "--json"]),
    ("plan", ["planen", "05358008", "--jahr", "2020", "--stichtag", "2020-12-01", "--json"]),
    ("tabelle", ["tabelle", "ki", "--json"]),
    ("tabelle", ["tabelle", "kommunen", "--format", "json"]),
    ("tabelle", ["tabelle", "programme", "--jahr", "2025", "--json"]),
    ("tabelle", ["tabelle", "hoechstbetraege", "--jahr", "2025", "--json"]),
    ("tabelle", ["tabelle", "hoechstbetraege", "--jahr", "2021", "--summen", "--json"]),
    ("pruefergebnis", ["pruefen", str(WURZEL / "examples" / "antraege" /
                                      "kreis_kleve_kim_b1_b2_2025.json"),
                       "--stichtag", "2025-01-10", "--json"]),
]  # fmt: skip


@pytest.mark.parametrize(("form", "argumente"), JSON_AUFRUFE, ids=lambda a: str(a))
def test_jede_json_ausgabe_gilt_nach_ihrem_schema(
    form: str, argumente: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argumente) in (0, 1, 3)
    daten = json.loads(capsys.readouterr().out)
    typ = form if form == "pruefergebnis" else f"ausgabe.{form}"
    assert main(["schema", typ, "--json"]) == 0
    schema = json.loads(capsys.readouterr().out)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(
        daten
    )
    if form != "pruefergebnis":
        assert (daten["ausgabe"], daten["version"]) == (form, 1)


def test_jeder_unterbefehl_nimmt_json() -> None:
    from kim_nrw.cli.auswertung import _befehle

    for name, unter in _befehle(parser()).items():
        assert any("--json" in a.option_strings for a in unter._actions), name


# -- Text für 80 Spalten ----------------------------------------------------------------------


def _readme_befehle() -> list[list[str]]:
    """Die Befehle der README: in Codezeilen (``.venv/bin/kim-nrw …``) und in `kim-nrw …`."""
    text = (WURZEL / "README.md").read_text(encoding="utf-8")
    funde = re.findall(r"bin/kim-nrw ([^\n`&|]+)", text)
    funde += [" ".join(f.split()) for f in re.findall(r"`kim-nrw ([^`]+)`", text)]
    befehle = []
    for fund in funde:
        worte = fund.split()
        # Text, nicht JSON oder CSV (schema, --json, --format json|csv); „pruefen“ und
        # „pruefen -“ ohne Datei
        text_befehl = worte[0] in {"kommune", "ki", "programme", "pruefen", "planen", "tabelle"}
        maschinell = "--json" in worte or any(
            a == "--format" and b != "text" for a, b in itertools.pairwise(worte)
        )
        if text_befehl and not maschinell and worte not in (["pruefen"], ["pruefen", "-"]):
            befehle.append(worte)
    return befehle


TEXT_AUFRUFE = [
    ["kommune", "05370"], ["kommune", "05334002"], ["kommune", "051"], ["ki"],
    ["ki", "05334002"], ["programme", "--stichtag", "2021-06-01"],
    ["programme", "--stichtag", "2025-03-01"], ["programme", "--stichtag", "2027-01-01"],
    *[["pruefen", str(p), "--stichtag", "2025-06-01"]
      for p in sorted((WURZEL / "examples" / "antraege").glob("*.json"))],
    ["planen", "05370", "--jahr", "2021"], ["planen", "05111", "--jahr", "2025"],
    ["planen", "05334002", "--jahr", "2027"], ["planen", "05370016", "--jahr", "2023"],
    ["tabelle", "ki"], ["tabelle", "kommunen"], ["tabelle", "programme", "--von", "2012",
                                                 "--bis", "2027"],
    ["tabelle", "hoechstbetraege", "--jahr", "2023"],
    ["tabelle", "hoechstbetraege", "--von", "2020", "--bis", "2021", "--summen"],
    ["vervollstaendigung", "bash"], ["vervollstaendigung", "zsh"],
]  # fmt: skip


@pytest.mark.parametrize("argumente", TEXT_AUFRUFE + _readme_befehle(), ids=" ".join)
def test_textausgabe_passt_in_80_spalten(
    argumente: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    main(argumente)
    aus = capsys.readouterr().out
    assert aus.strip()
    breit = [z for z in aus.splitlines() if len(z) > 80]
    assert not breit, breit[:3]


def test_hilfe_jedes_befehls_passt_in_80_spalten() -> None:
    from kim_nrw.cli.auswertung import _befehle

    for name in ["", *_befehle(parser())]:
        argumente = [name, "--help"] if name else ["--help"]
        ergebnis = subprocess.run(
            [sys.executable, "-m", "kim_nrw", *argumente], capture_output=True, text=True,
            env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}, check=True,
        )  # fmt: skip
        assert max(len(z) for z in ergebnis.stdout.splitlines()) <= 80, name


def test_umbruch_an_wortgrenzen_mit_einzug() -> None:
    text = "    - " + " ".join(["Wort"] * 40)
    zeilen = umbrechen(text, 30).splitlines()
    assert all(len(z) <= 30 for z in zeilen)
    assert all(z.startswith("      Wort") for z in zeilen[1:])
    assert " ".join(z.strip() for z in zeilen).removeprefix("- ") == " ".join(["Wort"] * 40)


def test_tabelle_bricht_um_und_weicht_sonst_auf_bloecke_aus() -> None:
    zeilen = [{"a": "x" * 10, "b": "ein recht langer Text " * 6}]
    text = tabelle_als_text([("a", "A"), ("b", "B")], zeilen, breite=40)
    assert all(len(z) <= 40 for z in text.splitlines()) and len(text.splitlines()) > 3
    viele = [(str(i), f"Spalte{i}") for i in range(12)]
    bloecke = tabelle_als_text(viele, [{str(i): "w" for i in range(12)}], breite=40)
    assert "Spalte11: w" in bloecke.replace("  ", " ").replace("  ", " ")


# -- Vervollständigung ---------------------------------------------------------------------------


def test_vervollstaendigung_kommt_aus_dem_parser(capsys: pytest.CaptureFixture[str]) -> None:
    from kim_nrw.cli.auswertung import _befehle, _optionen

    assert main(["vervollstaendigung", "bash"]) == 0
    skript = capsys.readouterr().out
    for name, unter in _befehle(parser()).items():
        assert f"        {name})" in skript
        for namen, _ in _optionen(unter):
            assert all(n in skript for n in namen)
    assert "text json csv" in skript and "complete -F _kim_nrw kim-nrw" in skript
    ergebnis = subprocess.run(["bash", "-n"], input=skript, text=True, capture_output=True)
    assert ergebnis.returncode == 0, ergebnis.stderr


def test_vervollstaendigung_ergaenzt_in_bash(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["vervollstaendigung", "bash"]) == 0
    skript = capsys.readouterr().out
    probe = (skript + '\nCOMP_WORDS=(kim-nrw tabelle --format ""); COMP_CWORD=3; _kim_nrw; '
             'echo "${COMPREPLY[@]}"; COMP_WORDS=(kim-nrw pla); COMP_CWORD=1; _kim_nrw; '
             'echo "${COMPREPLY[@]}"\n')  # fmt: skip
    ergebnis = subprocess.run(["bash"], input=probe, text=True, capture_output=True, check=True)
    assert ergebnis.stdout.splitlines() == ["text json csv", "planen"]


# -- Kommandozeile: Fehler ---------------------------------------------------------------------


@pytest.mark.parametrize("argumente", [
    ["planen", "05370", "--jahr", "20x1"], ["planen", "05", "--jahr", "2021"],
    ["tabelle", "ki", "--summen"], ["tabelle", "hoechstbetraege", "--jahr", "2021", "--von",
                                    "2020"],
    ["tabelle", "hoechstbetraege", "--von", "2022", "--bis", "2021"], ["tabelle", "gibtsnicht"],
    ["schema", "ausgabe.gibtsnicht"], ["vervollstaendigung", "fish"],
])  # fmt: skip
def test_falsche_eingaben_enden_mit_2(argumente: list[str]) -> None:
    assert main(argumente) == 2
