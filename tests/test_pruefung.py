"""Die Prüfung: Rechtsfälle als Datentabellen, Eigenschaften, Regelmotor und ehrliche Ergebnisse.

Die Fälle liegen in ``tests/faelle/*.toml``: Antrag in seiner JSON-Form, Stichtag,
erwartete Entscheidung, Höchstbetrag und *jede* Bedingung mit Status und der zitierten
Fundstelle (``"erfüllt | TIntG-2021 § 9 Abs. 1"``), wahlweise die Vorbehalte.
"""

from __future__ import annotations

import ast
import random
import re
import tomllib
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kim_nrw import (
    Betrag,
    Entscheidung,
    Foerderantrag,
    Kreis,
    Kreisschluessel,
    Programmteil,
    Pruefstatus,
    Stelle,
    Stellenanteil,
    Stellenfunktion,
    Zeitraum,
    pruefe,
    pruefe_alle,
)
from kim_nrw.antrag import Weiterleitung, Zusatzstelle
from kim_nrw.fehler import NichtGefunden, UngueltigeEingabe
from kim_nrw.gebiet import AGS, register
from kim_nrw.programme import teil as programm_teil
from kim_nrw.pruefung import (
    REGELN,
    Hinweisart,
    Pruefpunkt,
    Regelversion,
    Versionsart,
    Vorbehaltsart,
)
from kim_nrw.pruefung import regelwerk as regelmodul
from kim_nrw.pruefung.kontext import Pruefung
from kim_nrw.recht import Gewissheit, Quellenart, alle_parameter, alle_rechtsquellen, rechtsquelle
from kim_nrw.serial import struktur
from kim_nrw.testing import ags, foerderantraege, zeitraeume

FAELLE = Path(__file__).parent / "faelle"
PRUEFUNG = Path(__file__).resolve().parent.parent / "src" / "kim_nrw" / "pruefung"
KIM_B1, KIM_B2 = Programmteil.KIM_B1, Programmteil.KIM_B2


def _faelle() -> list[Any]:
    alle = []
    for datei in sorted(FAELLE.glob("*.toml")):
        for fall in tomllib.loads(datei.read_text(encoding="utf-8"))["fall"]:
            alle.append(pytest.param(fall, id=f"{datei.stem}: {fall['name']}"))
    return alle


def test_mindestens_60_faelle_ueber_alle_programmteile() -> None:
    faelle = [p.values[0] for p in _faelle()]
    assert len(faelle) >= 60
    teile = {t for f in faelle for t in f["antrag"]["programmteile"]}
    assert teile >= {"KI", "KIM.B1", "KIM.B2", "KIM.B3", "KOMMAN.I", "KOMMAN.II", "KOMMAN.III"}
    # fast jeder Fall nennt die Fundstellen seiner Bedingungen
    mit_fundstelle = [f for f in faelle if all(" | " in v for v in f["pruefpunkte"].values())]
    assert len(mit_fundstelle) >= 0.9 * len(faelle)


@pytest.mark.parametrize("fall", _faelle())
def test_rechtsfall(fall: dict[str, Any]) -> None:
    antrag = struktur(Foerderantrag, fall["antrag"])
    ergebnis = pruefe(antrag, fall["stichtag"])
    soll = {k: v.split(" | ") for k, v in fall["pruefpunkte"].items()}
    ist = {p.id: [p.status.value, str(p.fundstelle)] for p in ergebnis.pruefpunkte}
    assert {k: v[0] for k, v in ist.items()} == {k: v[0] for k, v in soll.items()}
    assert {k: ist[k] for k, v in soll.items() if len(v) == 2} == {
        k: v for k, v in soll.items() if len(v) == 2
    }
    assert ergebnis.entscheidung.value == fall["entscheidung"]
    hoechst = "unbekannt" if ergebnis.hoechstbetrag is None else str(ergebnis.hoechstbetrag.wert)
    assert hoechst == fall["hoechstbetrag"]
    if "vorbehalte" in fall:
        ist_v = sorted(f"{v.art.value} {v.parameter or v.quelle or ''}".strip()
                       for v in ergebnis.vorbehalte)  # fmt: skip
        assert ist_v == sorted(fall["vorbehalte"])
    if "hoechstbetraege" in fall:
        assert {t.teil.value: ("unbekannt" if t.betrag is None else str(t.betrag.wert))
                for t in ergebnis.hoechstbetraege} == fall["hoechstbetraege"]  # fmt: skip


def test_jede_fundstelle_steht_im_quellenkatalog() -> None:
    katalog = alle_rechtsquellen()
    for p in _faelle():
        for wert in p.values[0]["pruefpunkte"].values():
            if " | " in wert:
                assert wert.split(" | ")[1].split(" ")[0] in katalog, wert


def _antrag(teil: Programmteil = KIM_B2, jahr: int = 2021, **kw: Any) -> Foerderantrag:
    stellen = (Stelle(Stellenfunktion.CASE_MANAGEMENT, Stellenanteil.von(1)),)
    return Foerderantrag(Kreisschluessel("05370"), teil, Zeitraum.jahr(jahr),
                         stellen=kw.pop("stellen", stellen), ki_vorhanden=True, **kw)  # fmt: skip


def test_jede_bedingung_hat_begruendung_und_fundstelle() -> None:
    ergebnis = pruefe(_antrag(), date(2021, 6, 1))
    for punkt in ergebnis.pruefpunkte:
        assert punkt.begruendung and punkt.quelle in alle_rechtsquellen()
        assert punkt.teile == (KIM_B2,)
    doppel = ergebnis.punkt("KIM.DOPPELFOERDERUNG")
    assert (doppel.quelle, doppel.norm) == ("TIntG-2021", "§ 9 Abs. 4")
    assert doppel.zitat == "§ 9 Abs. 4 TIntG 2021 (GV. NRW. S. 1213a)"


def test_ausserhalb_der_geltung_sagt_der_motor_welche_fassung_wann_gilt() -> None:
    doppel = pruefe(_antrag(), date(2021, 6, 1)).punkt("KIM.DOPPELFOERDERUNG")
    assert doppel.status is Pruefstatus.NICHT_ANWENDBAR
    assert "für Stichtage ab 01.01.2022" in doppel.begruendung
    vorher = pruefe(_antrag(Programmteil.KI, 2012, integrationskonzept=date(2011, 1, 1)),
                    date(2012, 1, 1)).punkt("KI.INTEGRATIONSKONZEPT_ALTER")  # fmt: skip
    assert vorher.status is Pruefstatus.NICHT_ANWENDBAR
    assert "für Stichtage 25.06.2012–26.03.2018" in vorher.begruendung
    assert "für Stichtage ab 27.03.2018" in vorher.begruendung


def test_nach_der_ki_rl_2012_ist_das_hoechstalter_nicht_belegt() -> None:
    """Die Grenze von drei Jahren stammt aus den Regeln von 2012; danach ist sie eine Lücke:
    ein älteres Konzept ist unbekannt, keines wird nach einer geratenen Grenze abgelehnt."""

    def alter(konzept: date) -> Pruefpunkt:
        return pruefe(_antrag(Programmteil.KI, 2022, integrationskonzept=konzept),
                      date(2022, 1, 1)).punkt("KI.INTEGRATIONSKONZEPT_ALTER")  # fmt: skip

    alt = alter(date(2015, 1, 1))
    assert alt.status is Pruefstatus.UNBEKANNT
    assert "ob eine Grenze gilt, ist nicht belegt" in alt.begruendung
    neu = alter(date(2020, 1, 1))
    assert neu.status is Pruefstatus.ERFUELLT
    assert "hält die letzte belegte Grenze (belegt bis 26.03.2018) ein" in neu.begruendung


def _versionen(teil: Programmteil, stichtag: date) -> tuple[str | None, ...]:
    return tuple(v.quelle for v in pruefe(_antrag(teil, stichtag.year), stichtag).regelversionen)


def test_regelversionen_folgen_dem_stichtag_und_dem_programmteil() -> None:
    # Baustein 2 lief bis zur KIM-RL 2024 als Pauschale ohne Richtlinie
    assert _versionen(KIM_B2, date(2021, 12, 31)) == ("TIntG-2012", None)
    assert _versionen(KIM_B2, date(2022, 1, 1)) == ("TIntG-2021", None)
    assert _versionen(KIM_B2, date(2024, 12, 11)) == ("TIntG-2021", None)
    assert _versionen(KIM_B2, date(2024, 12, 12)) == ("TIntG-2021", "KIM-RL-2024")
    # Baustein 1: KIM-RL 2020 vom 25.11.2020 bis zur KIM-RL 2024
    assert _versionen(KIM_B1, date(2020, 11, 24))[1] is None
    assert _versionen(KIM_B1, date(2020, 11, 25))[1] == "KIM-RL-2020"
    assert _versionen(KIM_B1, date(2024, 12, 11))[1] == "KIM-RL-2020"
    assert _versionen(KIM_B1, date(2024, 12, 12))[1] == "KIM-RL-2024"
    # KI: die Änderung vom 26.04.2016 gilt bis zur KI-RL 2018
    assert _versionen(Programmteil.KI, date(2016, 4, 25))[1] == "KI-RL-2012"
    assert _versionen(Programmteil.KI, date(2016, 4, 26))[1] == "KI-RL-2016"
    assert _versionen(Programmteil.KI, date(2018, 3, 27))[1] == "KI-RL-2018"
    # KOMM-AN III: die Richtlinien für Integrationsagenturen (gefolgert, deshalb unsicher)
    assert _versionen(Programmteil.KOMMAN_III, date(2017, 12, 14))[1] is None
    assert _versionen(Programmteil.KOMMAN_III, date(2021, 6, 1))[1] == "IA-RL-2017"
    assert _versionen(Programmteil.KOMMAN_III, date(2024, 7, 2))[1] == "IA-RL-2024"
    assert _versionen(Programmteil.KOMMAN_III, date(2026, 1, 1))[1] == "IA-RL-2025"


def test_regelversionen_sind_daten() -> None:
    versionen = pruefe(_antrag(KIM_B1), date(2021, 6, 1)).regelversionen
    assert versionen == (
        Regelversion(Versionsart.GESETZ, "TIntG-2012", None, date(2012, 2, 14),
                     date(2021, 12, 31), Gewissheit.ABGELEITET),
        Regelversion(Versionsart.RICHTLINIE, "KIM-RL-2020", KIM_B1, date(2020, 11, 25),
                     date(2024, 12, 11), Gewissheit.ABGELEITET),
    )  # fmt: skip


def test_regelversion_ist_die_richtlinie_des_programmkatalogs() -> None:
    for teil in Programmteil:
        for jahr in range(2012, 2027):
            stichtag = date(jahr, 6, 1)
            richtlinien = {
                g.quelle
                for g in programm_teil(teil).rechtsgrundlagen_am(stichtag)
                if rechtsquelle(g.quelle).art is Quellenart.RICHTLINIE
            }
            version = _versionen(teil, stichtag)[1]
            assert version in richtlinien or (not richtlinien and version is None)


def test_traeger_fundstelle_wechselt_am_01_01_2022() -> None:
    alt = pruefe(_antrag(), date(2021, 12, 31)).punkt("ALLG.TRAEGER")
    neu = pruefe(_antrag(), date(2022, 1, 1)).punkt("ALLG.TRAEGER")
    # Baustein 2 vor 2022: keine Rechtsgrundlage belegt, die Programmseite der BRA
    assert alt.quelle == "S-BRA-KIM"
    assert neu.zitat == "§ 9 Abs. 1 TIntG 2021 (GV. NRW. S. 1213a)"
    b1 = pruefe(_antrag(KIM_B1, stellen=()), date(2021, 12, 31)).punkt("ALLG.TRAEGER")
    assert b1.quelle == "KIM-RL-2020"
    ki_alt = pruefe(_antrag(Programmteil.KI), date(2021, 12, 31)).punkt("ALLG.TRAEGER")
    ki_neu = pruefe(_antrag(Programmteil.KI), date(2022, 1, 1)).punkt("ALLG.TRAEGER")
    assert (ki_alt.quelle, ki_alt.norm) == ("TIntG-2012", "§ 7")
    assert (ki_neu.quelle, ki_neu.norm) == ("TIntG-2021", "§ 8 Abs. 1")


def test_erklaerung_fuer_den_aktenvermerk() -> None:
    antrag = _antrag(beantragter_betrag=Betrag.von(60000))
    text = pruefe(antrag, date(2021, 6, 1)).erklaerung()
    assert "Antragsteller: Kreis Heinsberg (05370)" in text
    assert "Stichtag: 01.06.2021" in text
    assert "Ergebnis: förderfähig\n" in text
    assert "beantragt 60.000,00 €, höchstens 55.000,00 €: auf 55.000,00 € gekürzt" in text
    assert ("Betrag je Vollzeitstelle Case Management (2020–2024 fachbezogene Pauschale; ab 2025 "
            "auf Antrag zusammen mit Baustein 1) = 55.000,00 € (01.01.2021–31.12.2022; [C] "
            "bestätigt; von den Quellen belegt bis 31.12.2022; zuletzt geprüft "
            "06.10.2025") in text  # fmt: skip
    assert "Regelversionen: TIntG 2012 (GV. NRW. S. 97)" in text
    assert "KIM Baustein 2: keine Richtlinie belegt" in text
    assert "„förderfähig“ begründet keinen Rechtsanspruch" in text
    assert "kim.b2." not in text and "S-BRA-KIM" not in text and "case_management" not in text


def test_gekuerzter_betrag_ist_bewilligungsfaehig() -> None:
    ergebnis = pruefe(_antrag(beantragter_betrag=Betrag.von(60000)), date(2021, 6, 1))
    assert ergebnis.bewilligungsfaehig == Betrag.von(55000)
    kleiner = pruefe(_antrag(beantragter_betrag=Betrag.von(40000)), date(2021, 6, 1))
    assert kleiner.bewilligungsfaehig == Betrag.von(40000)


def test_nicht_foerderfaehig_hat_keinen_bewilligungsfaehigen_betrag() -> None:
    antrag = Foerderantrag(Kreisschluessel("05370"), Programmteil.KOMMAN_III, Zeitraum.jahr(2021),
                           beantragter_betrag=Betrag.von(1000))  # fmt: skip
    ergebnis = pruefe(antrag, date(2021, 6, 1))
    assert ergebnis.entscheidung is Entscheidung.NICHT_FOERDERFAEHIG
    assert ergebnis.bewilligungsfaehig is None


def test_halbjahr_2020_nach_monaten() -> None:
    # Baustein 3 (Betrag belegt): 01.07.–31.12.2020 ist ein halbes Jahr, nicht 184/366
    antrag = Foerderantrag(Kreisschluessel("05334"), Programmteil.KIM_B3,
                           Zeitraum.parse("2020-07-01/2020-12-31"),
                           stellen=(Stelle(Stellenfunktion.ABH_EBH, Stellenanteil.von(1)),),
                           )  # fmt: skip
    ergebnis = pruefe(antrag, date(2020, 9, 1))
    assert ergebnis.hoechstbetrag == Betrag.von(25000)
    posten = [s for s in ergebnis.rechnung if s.funktion is Stellenfunktion.ABH_EBH]
    assert posten[0].monate == 6 and posten[0].anteil == Fraction(1, 2)
    assert posten[0].satz == Betrag.von(25000) and posten[0].je_vzae == Decimal("0.5")


@pytest.mark.parametrize(("argument", "wert"), [("antrag", "kein Antrag"), ("stichtag", "2021")])
def test_falsche_argumente(argument: str, wert: object) -> None:
    args: dict[str, Any] = {"antrag": _antrag(), "stichtag": date(2021, 1, 1)} | {argument: wert}
    with pytest.raises(UngueltigeEingabe, match=argument):
        pruefe(args["antrag"], args["stichtag"])


def test_pruefe_alle_entspricht_einzelpruefung() -> None:
    antraege = [_antrag(jahr=j) for j in range(2020, 2027)]
    einzeln = [pruefe(a, date(2023, 1, 1)) for a in antraege]
    assert pruefe_alle(antraege, date(2023, 1, 1)) == einzeln


def test_regelkennungen_sind_eindeutig_und_jede_fassung_hat_teile() -> None:
    kennungen = [r.id for r in REGELN]
    assert len(kennungen) == len(set(kennungen))
    for regel in REGELN:
        assert regel.fassungen and all(f.teile for f in regel.fassungen), regel.id


# -- Regelmotor ---------------------------------------------------------------------------


def _grenztage(regel: regelmodul.Regel, teil: Programmteil) -> set[date]:
    tage = {date(2011, 6, 1), date(2030, 6, 1)}
    for f in regel.fassungen_fuer(teil):
        for spannen in f.spannen(teil).values():
            for s in spannen:
                for tag in (s.ab, s.bis):
                    if tag is not None:
                        tage |= {tag - timedelta(days=1), tag, tag + timedelta(days=1)}
    return tage


def test_fuer_jeden_tag_gilt_hoechstens_eine_juengste_fassung() -> None:
    for regel in REGELN:
        for teil in regel.teile:
            for tag in _grenztage(regel, teil):
                antrag = _antrag(teil, tag.year, stellen=())
                p = Pruefung(antrag, tag, (teil,))
                beginne = [b for f in regel.fassungen_fuer(teil)
                           if (b := f.beginn(teil, p)) is not None]  # fmt: skip
                if beginne:
                    assert beginne.count(max(beginne)) == 1, (regel.id, teil, tag)


def _name(knoten: ast.AST) -> str:
    if isinstance(knoten, ast.Name):
        return knoten.id
    if isinstance(knoten, ast.Attribute):
        return knoten.attr
    return ""


def test_pruefung_kennt_kein_datum_und_vergleicht_keinen_stichtag() -> None:
    """Im Code von pruefung/ steht kein Tag und kein Vergleich mit dem Stichtag (welche
    Fassung gilt, sagt der Regelmotor aus den Daten); Deutsch schreibt schreibweise."""
    text_verboten = {
        "Datumsformat": re.compile(r"%d\.%m\.%Y"),
        "Dezimalkomma von Hand": re.compile(r"""\.replace\(["']\.["'], *["'],["']\)"""),
        "Ein-Buchstaben-Alias": re.compile(r"^[A-Z]\d?(, [A-Z]\d?)+ = ", re.MULTILINE),
    }
    for datei in sorted(PRUEFUNG.glob("*.py")):
        text = datei.read_text(encoding="utf-8")
        for was, muster in text_verboten.items():
            assert not muster.search(text), f"{datei.name}: {was}"
        for knoten in ast.walk(ast.parse(text)):
            if isinstance(knoten, ast.Call) and _name(knoten.func) == "date":
                assert not any(isinstance(a, ast.Constant) for a in knoten.args), (
                    f"{datei.name}:{knoten.lineno}: Datumsliteral"
                )
            if isinstance(knoten, ast.Compare):
                seiten = [knoten.left, *knoten.comparators]
                assert not any(_name(s) == "stichtag" for s in seiten), (
                    f"{datei.name}:{knoten.lineno}: Vergleich mit dem Stichtag"
                )


# -- Eigenschaften ------------------------------------------------------------------------

stichtage = st.dates(min_value=date(2010, 1, 1), max_value=date(2030, 12, 31))


def _erwartete_kennungen(antrag: Foerderantrag) -> set[str]:
    teile = set(antrag.programmteile)
    return {r.id for r in REGELN if teile & r.teile and (len(teile) > 1 or not r.nur_gemeinsam)}


@settings(max_examples=150, deadline=None)
@given(antrag=foerderantraege(), stichtag=stichtage)
def test_pruefung_ist_total(antrag: Foerderantrag, stichtag: date) -> None:
    ergebnis = pruefe(antrag, stichtag)
    assert {p.id for p in ergebnis.pruefpunkte} == _erwartete_kennungen(antrag)
    assert ergebnis.entscheidung is Entscheidung.aus(
        [p.status for p in ergebnis.pruefpunkte], ergebnis.vorbehalte
    )
    katalog = alle_rechtsquellen()
    assert all(p.quelle in katalog for p in ergebnis.pruefpunkte)
    ergebnis.erklaerung()


@settings(max_examples=60, deadline=None)
@given(antrag=foerderantraege(), stichtag=stichtage, saat=st.integers(0, 2**32))
def test_ergebnis_haengt_nicht_von_der_regelreihenfolge_ab(
    antrag: Foerderantrag, stichtag: date, saat: int
) -> None:
    vorher = pruefe(antrag, stichtag)
    gemischt = list(REGELN)
    random.Random(saat).shuffle(gemischt)
    original = list(REGELN)
    try:
        regelmodul.REGELN[:] = gemischt
        nachher = pruefe(antrag, stichtag)
    finally:
        regelmodul.REGELN[:] = original
    assert nachher.entscheidung == vorher.entscheidung
    assert sorted(nachher.pruefpunkte, key=lambda p: p.id) == sorted(
        vorher.pruefpunkte, key=lambda p: p.id
    )
    assert nachher.hoechstbetrag == vorher.hoechstbetrag


@settings(max_examples=100, deadline=None)
@given(
    antrag=foerderantraege(),
    gemeinde=ags(nur_register=False),
    empfaenger=ags(nur_register=False),
    stichtag=stichtage,
)
def test_unbekannte_gemeindeschluessel_sind_nicht_erfuellt_statt_fehler(
    antrag: Foerderantrag, gemeinde: AGS, empfaenger: AGS, stichtag: date
) -> None:
    antrag = attrs.evolve(
        antrag,
        zusatzstelle=Zusatzstelle(gemeinde, True, True, True),
        weiterleitungen=(Weiterleitung("Empfänger", Betrag.von(1), empfaenger),),
    )
    ergebnis = pruefe(antrag, stichtag)  # wirft nie
    bekannt = {str(g.ags) for g in register().gemeinden()}
    pruefpunkte = {p.id: p for p in ergebnis.pruefpunkte}
    for kennung, ags_ in (
        ("KIM.B1.ZUSATZSTELLE.KREIS", gemeinde),
        ("KIM.WEITERLEITUNG.SCHLUESSEL", empfaenger),
    ):
        punkt = pruefpunkte.get(kennung)
        # nicht anwendbar: außerhalb der Geltung (etwa eine Zusatzstelle ab 2025 in einem
        # Antrag, den die Regel nicht betrifft)
        if (str(ags_) not in bekannt and punkt is not None
                and punkt.status is not Pruefstatus.NICHT_ANWENDBAR):  # fmt: skip
            assert punkt.status is Pruefstatus.NICHT_ERFUELLT
            assert str(ags_) in punkt.begruendung


def _obergrenze(antrag: Foerderantrag) -> Betrag | None:
    """Jahresobergrenze × Anteil, wo belegt: Kreise 2018–2021, KOMM-AN I ab 2024 (ganze Jahre)."""
    summe = Fraction(0)
    if antrag.ist_gemeinsam:
        return None
    for abschnitt in antrag.zeitraum.nach_haushaltsjahren():
        jahr = abschnitt.beginn.year
        if (
            antrag.programmteil is Programmteil.KI
            and isinstance(antrag.kommune, Kreis)
            and (2018 <= jahr <= 2021)
        ):
            grenze = Decimal(320000)
        elif antrag.programmteil is Programmteil.KOMMAN_I and jahr >= 2024:
            grenze = Decimal(114000)
        else:
            return None
        summe += Fraction(grenze) * abschnitt.jahresanteil_monate()
    return Betrag.von(Decimal(round(summe * 100)) / 100)


@settings(max_examples=200, deadline=None)
@given(antrag=foerderantraege(), stichtag=stichtage)
def test_hoechstbetrag_uebersteigt_nie_die_obergrenze(
    antrag: Foerderantrag, stichtag: date
) -> None:
    ergebnis = pruefe(antrag, stichtag)
    grenze = _obergrenze(antrag)
    if ergebnis.hoechstbetrag is not None and grenze is not None:
        assert ergebnis.hoechstbetrag <= grenze
    if ergebnis.bewilligungsfaehig is not None and ergebnis.hoechstbetrag is not None:
        assert ergebnis.bewilligungsfaehig <= ergebnis.hoechstbetrag
    betraege = [t.betrag for t in ergebnis.hoechstbetraege]
    if ergebnis.hoechstbetrag is not None:
        assert sum((b for b in betraege if b is not None), Betrag.null()) == ergebnis.hoechstbetrag


def test_unbekannt_heisst_unentschieden_nie_foerderfaehig() -> None:
    antrag = _antrag(jahr=2022)  # andere_foerderung unbekannt
    ergebnis = pruefe(antrag, date(2022, 6, 1))
    assert ergebnis.punkt("KIM.DOPPELFOERDERUNG").status is Pruefstatus.UNBEKANNT
    assert ergebnis.entscheidung is Entscheidung.UNENTSCHIEDEN


def test_unbekannte_pruefpunkt_kennung_ist_kim_fehler() -> None:
    ergebnis = pruefe(_antrag(), date(2021, 6, 1))
    with pytest.raises(NichtGefunden, match=r"KI\.RATSBESCHLUSS"):
        ergebnis.punkt("KI.RATSBESCHLUSS")


# -- Ehrliche Ergebnisse ------------------------------------------------------------------

_STAND = max(w.zuletzt_geprueft for p in alle_parameter().values() for w in p.werte)
"""Der letzte Tag, an dem ein Parameterwert an den Quellen geprüft wurde."""


@settings(max_examples=150, deadline=None)
@given(
    antrag=foerderantraege(
        zeitraum=zeitraeume(von=_STAND + timedelta(days=1), bis=date(2040, 12, 31))
    ),
    stichtag=stichtage,
)
def test_nach_dem_stand_der_quellen_nie_schlicht_foerderfaehig(
    antrag: Foerderantrag, stichtag: date
) -> None:
    ergebnis = pruefe(antrag, stichtag)
    assert ergebnis.entscheidung is not Entscheidung.FOERDERFAEHIG
    if ergebnis.entscheidung is Entscheidung.FOERDERFAEHIG_VORBEHALTLICH:
        arten = {v.art for v in ergebnis.vorbehalte}
        assert Vorbehaltsart.NACH_STAND_DER_QUELLEN in arten
        assert ergebnis.entscheidungszeile.startswith("förderfähig, vorbehaltlich: ")


@settings(max_examples=150, deadline=None)
@given(antrag=foerderantraege(), stichtag=stichtage)
def test_schlicht_foerderfaehig_nur_auf_bestaetigten_werten(
    antrag: Foerderantrag, stichtag: date
) -> None:
    ergebnis = pruefe(antrag, stichtag)
    assert [h.art for h in ergebnis.hinweise] == [Hinweisart.KEIN_RECHTSANSPRUCH]
    if ergebnis.entscheidung is Entscheidung.FOERDERFAEHIG:
        assert not ergebnis.vorbehalte
        for w in ergebnis.verwendete_werte:
            assert w.gewissheit is Gewissheit.BESTAETIGT
            assert w.belegt_bis is None or w.benutzt_bis is None or w.benutzt_bis <= w.belegt_bis


def test_fortgeschriebener_betrag_ist_ein_vorbehalt() -> None:
    # 57.000 € je Stelle Case Management ist für 2023 belegt; 2024 ist fortgeschrieben
    ergebnis = pruefe(_antrag(jahr=2024, andere_foerderung=()), date(2024, 3, 1))
    assert ergebnis.entscheidung is Entscheidung.FOERDERFAEHIG_VORBEHALTLICH
    fort = [v for v in ergebnis.vorbehalte if v.art is Vorbehaltsart.FORTGESCHRIEBEN]
    assert [(v.parameter, v.bis, v.benutzt_bis) for v in fort] == [
        ("kim.b2.case_management.betrag_je_stelle", date(2023, 12, 31), date(2024, 12, 31))
    ]
    assert "fortgeschriebener Wert: Betrag je Vollzeitstelle Case Management" in (
        ergebnis.erklaerung()
    )


def test_kim_2027_ist_als_zeitraum_nach_den_quellen_benannt() -> None:
    stellen = (Stelle(Stellenfunktion.KOORDINATION, Stellenanteil.von(1)),) * 4
    antrag = _antrag(KIM_B1, 2027, stellen=stellen, antragsdatum=date(2026, 10, 1),
                     lenkungsgruppe=True, kim_konzept=True, koordination_am_ki=True,
                     andere_foerderung=())  # fmt: skip
    ergebnis = pruefe(antrag, date(2026, 12, 1))
    arten = {v.art for v in ergebnis.vorbehalte}
    assert Vorbehaltsart.NACH_STAND_DER_QUELLEN in arten
    frist = ergebnis.punkt("KIM.ANTRAGSFRIST")
    assert frist.status is Pruefstatus.UNBEKANNT
    assert "wahrscheinlich" in frist.begruendung
    assert ergebnis.entscheidung is Entscheidung.UNENTSCHIEDEN
    assert "Zeitraum nach dem Stand der Quellen" in ergebnis.erklaerung()


def test_antragsfrist_unbekannt_und_nicht_anwendbar_sind_verschieden() -> None:
    koordination = (Stelle(Stellenfunktion.KOORDINATION, Stellenanteil.von(1)),)
    spaet = pruefe(_antrag(KIM_B1, 2023, stellen=koordination, antragsdatum=date(2022, 11, 15)),
                   date(2023, 3, 1)).punkt("KIM.ANTRAGSFRIST")  # fmt: skip
    assert spaet.status is Pruefstatus.UNBEKANNT  # die Frist 30.10.2022 ist nur unsicher belegt
    assert "30.10.2022" in spaet.begruendung and spaet.quelle == "S-ufa-BRA-KIM"
    rechtzeitig = pruefe(_antrag(KIM_B1, 2023, stellen=koordination,
                                 antragsdatum=date(2022, 10, 30)), date(2023, 3, 1))  # fmt: skip
    assert rechtzeitig.punkt("KIM.ANTRAGSFRIST").status is Pruefstatus.ERFUELLT
    assert Vorbehaltsart.UNSICHER in {v.art for v in rechtzeitig.vorbehalte}
    pauschale = pruefe(_antrag(jahr=2023), date(2023, 3, 1)).punkt("KIM.ANTRAGSFRIST")
    assert pauschale.status is Pruefstatus.NICHT_ANWENDBAR
    assert "für Förderzeiträume ab 01.01.2025" in pauschale.begruendung


def test_case_management_im_antrag_auf_baustein_1_nennt_baustein_2() -> None:
    stellen = (Stelle(Stellenfunktion.CASE_MANAGEMENT, Stellenanteil.von(1)),)
    vorher = pruefe(_antrag(KIM_B1, 2023, stellen=stellen), date(2023, 3, 1)).punkt("ALLG.STELLEN")
    assert vorher.status is Pruefstatus.NICHT_ERFUELLT
    assert "Case Management gehört zu KIM Baustein 2" in vorher.begruendung
    assert "(ab 01.01.2025 im gemeinsamen Antrag für die Bausteine 1 und 2)" in vorher.begruendung
    ergebnis_2025 = pruefe(_antrag(KIM_B1, 2025, stellen=stellen), date(2025, 1, 10))
    ab_2025 = ergebnis_2025.punkt("ALLG.STELLEN")
    assert "beantragen Sie sie im gemeinsamen Antrag für die Bausteine 1 und 2" in (
        ab_2025.begruendung
    )


def test_stichtag_vor_dem_zeitraum_unter_einer_anderen_fassung_ist_ein_vorbehalt() -> None:
    # KI-Antrag für 2022, geprüft am 01.06.2021: es gilt das TIntG 2012, das am 31.12.2021 endet
    fachkraft = (Stelle(Stellenfunktion.FACHKRAFT, Stellenanteil.von(1)),)
    antrag = _antrag(Programmteil.KI, 2022, ratsbeschluss=True, integrationskonzept=True,
                     stellen=fachkraft)  # fmt: skip
    ergebnis = pruefe(antrag, date(2021, 6, 1))
    fassung = [v for v in ergebnis.vorbehalte if v.art is Vorbehaltsart.NACH_ENDE_DER_FASSUNG]
    assert {(v.quelle, v.bis) for v in fassung} >= {("TIntG-2012", date(2021, 12, 31))}


# -- Feldpfade der Regeln -------------------------------------------------------------------

# Eigenschaften des Antrags und das Feld, aus dem sie kommen.
_EIGENSCHAFTEN = {"kommune": "antragsteller", "programmteil": "programmteile",
                  "ist_gemeinsam": "programmteile", "stellen_summe": "stellen"}  # fmt: skip


def _gelesene_felder(funktion: Any) -> set[str]:
    """Die Felder, die eine Prüffunktion direkt liest: ``k.antrag.X`` und ``k.kommune``."""
    import inspect
    import textwrap

    baum = ast.parse(textwrap.dedent(inspect.getsource(funktion)))
    felder = set()
    for knoten in ast.walk(baum):
        if isinstance(knoten, ast.Attribute):
            if isinstance(knoten.value, ast.Attribute) and knoten.value.attr == "antrag":
                felder.add(_EIGENSCHAFTEN.get(knoten.attr, knoten.attr))
            elif knoten.attr == "kommune" and isinstance(knoten.value, ast.Name):
                felder.add("antragsteller")
    return felder


def test_jede_regel_nennt_die_felder_die_sie_liest() -> None:
    for regel in REGELN:
        assert regel.felder, regel.id
        erklaert = {re.split(r"[.\[]", f.removeprefix("$.inhalt."))[0] for f in regel.felder}
        for fassung in regel.fassungen:
            fehlend = _gelesene_felder(fassung.pruefe) - erklaert - {"zeitraum", "programmteile"}
            assert not fehlend, (regel.id, fehlend)


def test_die_feldpfade_stehen_im_ergebnis_und_seinem_json() -> None:
    import json

    from kim_nrw.gebiet import Kreisschluessel
    from kim_nrw.serial import als_json

    antrag = Foerderantrag(Kreisschluessel("05370"), Programmteil.KIM_B2, Zeitraum.jahr(2021))
    ergebnis = pruefe(antrag, date(2021, 6, 1))
    punkt = next(p for p in ergebnis.pruefpunkte if p.id == "ALLG.KI_VORHANDEN")
    assert "$.inhalt.ki_vorhanden" in punkt.felder
    nach_id = {r.id: r.felder for r in REGELN}
    assert all(p.felder == nach_id[p.id] for p in ergebnis.pruefpunkte)
    dokument = json.loads(als_json(ergebnis))
    assert dokument["version"] == 3
    im_json = {p["id"]: p["felder"] for p in dokument["inhalt"]["pruefpunkte"]}
    assert im_json["ALLG.KI_VORHANDEN"] == list(punkt.felder)


@pytest.mark.parametrize("felder", [("gibt_es_nicht",), ("Ki_vorhanden",), "ki_vorhanden", (1,)])
def test_unbekannte_feldpfade_sind_ein_fehler(felder: Any) -> None:
    with pytest.raises(UngueltigeEingabe, match=r"Regel\.felder"):
        regelmodul.Regel("X.Y", "Titel", felder=felder)


def test_weiterleitungen_ueber_betrag_max_sind_kein_fehler() -> None:
    # Issue 12: die Summe der Weiterleitungen darf über BETRAG_MAX gehen, ohne dass die
    # Prüfung mit UngueltigerBetrag abbricht; sie ist dann einfach mehr als beantragt.
    from kim_nrw.gebiet import Kreisschluessel
    from kim_nrw.geld import BETRAG_MAX, Betrag

    groesster = Betrag(BETRAG_MAX)
    antrag = Foerderantrag(
        Kreisschluessel("05370"), Programmteil.KIM_B1, Zeitraum.jahr(2021),
        beantragter_betrag=groesster,
        weiterleitungen=tuple(Weiterleitung("Gemeinde", groesster, AGS("05370016"))
                              for _ in range(3)),
    )  # fmt: skip
    ergebnis = pruefe(antrag, date(2021, 6, 1))
    punkt = next(p for p in ergebnis.pruefpunkte if p.id == "KIM.WEITERLEITUNG.BETRAG")
    assert punkt.status is Pruefstatus.NICHT_ERFUELLT
    assert "2.999.999.999.999.999,97" in punkt.begruendung
def test_aachen_nach_dem_register_nicht_nach_dem_schluessel() -> None:
    """Stadt Aachen (05334002) hat den Schlüssel einer Gemeinde der StädteRegion, aber die
    Rechtsstellung einer kreisfreien Stadt und ein eigenes KI; die übrigen Gemeinden der
    StädteRegion betreut das KI der StädteRegion (Aachen-Gesetz)."""
    stadt, alsdorf = AGS("05334002"), AGS("05334004")
    fachkraft = (Stelle(Stellenfunktion.FACHKRAFT, Stellenanteil.von(1)),)
    eigen = pruefe(Foerderantrag(stadt, Programmteil.KI, Zeitraum.jahr(2021), stellen=fachkraft),
                   date(2021, 6, 1)).punkt("ALLG.TRAEGER")  # fmt: skip
    assert eigen.status is Pruefstatus.ERFUELLT
    assert "regionsangehörig mit der Rechtsstellung einer kreisfreien Stadt" in eigen.begruendung
    fremd = pruefe(Foerderantrag(alsdorf, Programmteil.KI, Zeitraum.jahr(2021), stellen=fachkraft),
                   date(2021, 6, 1)).punkt("ALLG.TRAEGER")  # fmt: skip
    assert fremd.status is Pruefstatus.NICHT_ERFUELLT
    assert "Zuständig ist: Kommunales Integrationszentrum Städteregion Aachen" in fremd.begruendung
    weiter = (Weiterleitung("Stadt Eschweiler", Betrag.von(1000), AGS("05334012")),)
    gebiet = pruefe(_antrag(jahr=2022, weiterleitungen=weiter, andere_foerderung=()),
                    date(2022, 6, 1)).punkt("KIM.WEITERLEITUNG.GEBIET")  # fmt: skip
    assert gebiet.status is Pruefstatus.NICHT_ERFUELLT  # Kreis Heinsberg: nicht sein Gebiet
    von_stadt = attrs.evolve(_antrag(jahr=2022, weiterleitungen=weiter, andere_foerderung=()),
                             antragsteller=stadt)  # fmt: skip
    punkt = pruefe(von_stadt, date(2022, 6, 1)).punkt("KIM.WEITERLEITUNG.GEBIET")
    assert punkt.status is Pruefstatus.NICHT_ERFUELLT and punkt.quelle == "AachenG"
    assert "die Stadt Aachen hat die Rechtsstellung einer kreisfreien Stadt" in punkt.begruendung
    von_region = attrs.evolve(von_stadt, antragsteller=Kreisschluessel("05334"))
    punkt = pruefe(von_region, date(2022, 6, 1)).punkt("KIM.WEITERLEITUNG.GEBIET")
    assert punkt.status is Pruefstatus.ERFUELLT
