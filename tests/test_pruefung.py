"""Die Prüfung: Rechtsfälle als Datentabellen, Eigenschaften und Einzelfälle.

Die Fälle liegen in ``tests/faelle/*.toml``: Antrag in seiner JSON-Form, Stichtag,
erwartete Entscheidung, Höchstbetrag und der Status *jeder* Bedingung.
"""

from __future__ import annotations

import random
import tomllib
from datetime import date
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
from kim_nrw.pruefung import REGELN
from kim_nrw.pruefung import regeln as regelmodul
from kim_nrw.recht import Quellenart, rechtsquelle
from kim_nrw.serial import struktur
from kim_nrw.testing import ags, foerderantraege

FAELLE = Path(__file__).parent / "faelle"
B1, B2 = Programmteil.KIM_B1, Programmteil.KIM_B2


def _faelle() -> list[Any]:
    alle = []
    for datei in sorted(FAELLE.glob("*.toml")):
        for fall in tomllib.loads(datei.read_text(encoding="utf-8"))["fall"]:
            alle.append(pytest.param(fall, id=f"{datei.stem}: {fall['name']}"))
    return alle


def test_mindestens_40_faelle_ueber_alle_programmteile() -> None:
    faelle = [p.values[0] for p in _faelle()]
    assert len(faelle) >= 40
    assert {f["antrag"]["programmteil"] for f in faelle} >= {
        "KI", "KIM.B1", "KIM.B2", "KIM.B3", "KOMMAN.I", "KOMMAN.II", "KOMMAN.III"}  # fmt: skip


@pytest.mark.parametrize("fall", _faelle())
def test_rechtsfall(fall: dict[str, Any]) -> None:
    antrag = struktur(Foerderantrag, fall["antrag"])
    ergebnis = pruefe(antrag, fall["stichtag"])
    ist = {p.id: p.status.value for p in ergebnis.pruefpunkte}
    assert ist == fall["pruefpunkte"]
    assert ergebnis.entscheidung.value == fall["entscheidung"]
    hoechst = "unbekannt" if ergebnis.hoechstbetrag is None else str(ergebnis.hoechstbetrag.wert)
    assert hoechst == fall["hoechstbetrag"]


def _antrag(teil: Programmteil = Programmteil.KIM_B2, jahr: int = 2021, **kw: Any) -> Foerderantrag:
    stellen = (Stelle(Stellenfunktion.CASE_MANAGEMENT, Stellenanteil.von(1)),)
    return Foerderantrag(Kreisschluessel("05370"), teil, Zeitraum.jahr(jahr),
                         stellen=kw.pop("stellen", stellen), ki_vorhanden=True, **kw)  # fmt: skip


def test_jede_bedingung_hat_begruendung_und_fundstelle() -> None:
    ergebnis = pruefe(_antrag(), date(2021, 6, 1))
    for punkt in ergebnis.pruefpunkte:
        assert punkt.begruendung and punkt.quelle and punkt.quellen_id
    assert "§ 9 Abs. 4 TIntG 2021" in ergebnis.punkt("KIM.DOPPELFOERDERUNG").quelle


def _versionen(teil: Programmteil, stichtag: date) -> tuple[str, ...]:
    return pruefe(_antrag(teil, stichtag.year), stichtag).regelversionen


def test_regelversionen_folgen_dem_stichtag_und_dem_programmteil() -> None:
    keine_b2 = "keine Richtlinie für KIM.B2 belegt"
    # Baustein 2 lief bis zur KIM-RL 2024 als Pauschale ohne Richtlinie (Faktenblatt 1.4)
    assert _versionen(B2, date(2021, 12, 31)) == ("TIntG-2012", keine_b2)
    assert _versionen(B2, date(2022, 1, 1)) == ("TIntG-2021", keine_b2)
    assert _versionen(B2, date(2024, 12, 11)) == ("TIntG-2021", keine_b2)
    assert _versionen(B2, date(2024, 12, 12)) == ("TIntG-2021", "KIM-RL-2024")
    # Baustein 1: KIM-RL 2020 vom 25.11.2020 bis zur KIM-RL 2024
    assert _versionen(B1, date(2020, 11, 24))[1] == "keine Richtlinie für KIM.B1 belegt"
    assert _versionen(B1, date(2020, 11, 25))[1] == "KIM-RL-2020"
    assert _versionen(B1, date(2024, 12, 11))[1] == "KIM-RL-2020"
    assert _versionen(B1, date(2024, 12, 12))[1] == "KIM-RL-2024"
    # KI: die Änderung vom 26.04.2016 gilt bis zur KI-RL 2018
    assert _versionen(Programmteil.KI, date(2016, 4, 25))[1] == "KI-RL-2012"
    assert _versionen(Programmteil.KI, date(2016, 4, 26))[1] == "KI-RL-2016"
    assert _versionen(Programmteil.KI, date(2018, 3, 27))[1] == "KI-RL-2018"
    # KOMM-AN III: keine gelesene Quelle nennt die Richtlinie
    assert _versionen(Programmteil.KOMMAN_III, date(2021, 6, 1))[1] == (
        "keine Richtlinie für KOMMAN.III belegt"
    )


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
            assert version in richtlinien or (not richtlinien and version.startswith("keine"))


def test_traeger_fundstelle_wechselt_am_01_01_2022() -> None:
    alt = pruefe(_antrag(), date(2021, 12, 31)).punkt("ALLG.TRAEGER")
    neu = pruefe(_antrag(), date(2022, 1, 1)).punkt("ALLG.TRAEGER")
    # Baustein 2 vor 2022: keine Rechtsgrundlage belegt, die Programmseite der BRA
    assert alt.quellen_id == "S-BRA-KIM"
    assert neu.quelle == "§ 9 Abs. 1 TIntG 2021 (GV. NRW. S. 1213a)"
    b1 = pruefe(_antrag(B1, stellen=()), date(2021, 12, 31)).punkt("ALLG.TRAEGER")
    assert b1.quellen_id == "KIM-RL-2020"


def test_erklaerung_fuer_den_aktenvermerk() -> None:
    antrag = _antrag(beantragter_betrag=Betrag.von(60000))
    text = pruefe(antrag, date(2021, 6, 1)).erklaerung()
    assert "Antragsteller: Kreis Heinsberg (05370)" in text
    assert "Stichtag: 01.06.2021" in text
    assert "beantragt 60.000,00 €, höchstens 55.000,00 €: auf 55.000,00 € gekürzt" in text
    assert "kim.b2.case_management.betrag_je_stelle = 55000.00 (01.01.2021–31.12.2022" in text
    assert "Regelversionen: TIntG-2012, keine Richtlinie für KIM.B2 belegt" in text


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
    assert pruefe(antrag, date(2020, 9, 1)).hoechstbetrag == Betrag.von(25000)


@pytest.mark.parametrize(("argument", "wert"), [("antrag", "kein Antrag"), ("stichtag", "2021")])
def test_falsche_argumente(argument: str, wert: object) -> None:
    args: dict[str, Any] = {"antrag": _antrag(), "stichtag": date(2021, 1, 1)} | {argument: wert}
    with pytest.raises(UngueltigeEingabe, match=argument):
        pruefe(args["antrag"], args["stichtag"])


def test_pruefe_alle_entspricht_einzelpruefung() -> None:
    antraege = [_antrag(jahr=j) for j in range(2020, 2027)]
    einzeln = [pruefe(a, date(2023, 1, 1)) for a in antraege]
    assert pruefe_alle(antraege, date(2023, 1, 1)) == einzeln


def test_regelkennungen_sind_eindeutig() -> None:
    kennungen = [r.id for r in REGELN]
    assert len(kennungen) == len(set(kennungen))


# -- Eigenschaften ------------------------------------------------------------------

stichtage = st.dates(min_value=date(2010, 1, 1), max_value=date(2030, 12, 31))


@settings(max_examples=150, deadline=None)
@given(antrag=foerderantraege(), stichtag=stichtage)
def test_pruefung_ist_total(antrag: Foerderantrag, stichtag: date) -> None:
    ergebnis = pruefe(antrag, stichtag)
    erwartet = {r.id for r in REGELN if antrag.programmteil in r.teile} | {"ALLG.HOECHSTBETRAG"}
    assert {p.id for p in ergebnis.pruefpunkte} == erwartet
    assert ergebnis.entscheidung is Entscheidung.aus([p.status for p in ergebnis.pruefpunkte])
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
    for kennung, ags_ in (("KIM.B1.ZUSATZSTELLE", gemeinde), ("KIM.WEITERLEITUNG", empfaenger)):
        if str(ags_) not in bekannt and kennung in {p.id for p in ergebnis.pruefpunkte}:
            punkt = ergebnis.punkt(kennung)
            assert punkt.status is Pruefstatus.NICHT_ERFUELLT
            assert str(ags_) in punkt.begruendung


def _obergrenze(antrag: Foerderantrag) -> Betrag | None:
    """Jahresobergrenze × Anteil, wo belegt: Kreise 2018–2021, KOMM-AN I ab 2024 (ganze Jahre)."""
    summe = Fraction(0)
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


def test_unbekannt_heisst_unentschieden_nie_foerderfaehig() -> None:
    antrag = _antrag(jahr=2022)  # andere_foerderung unbekannt
    ergebnis = pruefe(antrag, date(2022, 6, 1))
    assert ergebnis.punkt("KIM.DOPPELFOERDERUNG").status is Pruefstatus.UNBEKANNT
    assert ergebnis.entscheidung is Entscheidung.UNENTSCHIEDEN


def test_unbekannte_pruefpunkt_kennung_ist_kim_fehler() -> None:
    ergebnis = pruefe(_antrag(), date(2021, 6, 1))
    with pytest.raises(NichtGefunden, match=r"KI\.RATSBESCHLUSS"):
        ergebnis.punkt("KI.RATSBESCHLUSS")
