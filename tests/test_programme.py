"""Programmbeschreibungen: Teile, Empfänger, Rechtsgrundlagen, Förderart, Übersicht, Zeitleiste."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from types import ModuleType

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kim_nrw.fehler import (
    KeinWertAmStichtag,
    KimNrwFehler,
    NichtBekannt,
    NichtGefunden,
    UngueltigeEingabe,
)
from kim_nrw.gebiet import Kreis, KreisangehoerigeGemeinde, KreisfreieStadt, register
from kim_nrw.programme import (
    Baustein,
    Belegstand,
    Bewilligungsbehoerde,
    Empfaenger,
    Foerderart,
    Modellkommune,
    Parameterstand,
    Posten,
    Programm,
    Programmteil,
    Rechtsgrundlage,
    Stellenfunktion,
    alle_programme,
    einwanderung_gestalten,
    empfaengerart,
    foerderart_am,
    parameter_am,
    programm,
    programme_uebersicht,
    teil,
)
from kim_nrw.recht import Gewissheit, alle_parameter, alle_rechtsquellen, parameter

TAG = timedelta(days=1)
WURZEL = Path(__file__).resolve().parent.parent


def d(j: int, m: int, t: int) -> date:
    return date(j, m, t)


# -- Aufbau ---------------------------------------------------------------------------------


def test_vier_programme_mit_allen_teilen() -> None:
    programme = alle_programme()
    assert [p.programm for p in programme] == list(Programm)
    teile = [t.teil for p in programme for t in p.teile]
    assert teile == list(Programmteil)
    assert programm(Programm.KIM) is programm("KIM")


@pytest.mark.parametrize("kennung", list(Programmteil))
def test_jeder_teil_ist_beschrieben(kennung: Programmteil) -> None:
    t = teil(kennung)
    assert t is teil(kennung.value)
    assert t.teil is kennung and t.programm is kennung.programm
    assert t.bezeichnung == kennung.bezeichnung
    assert t.gegenstand and t.empfaenger and t.empfaenger_text and t.verfahren and t.quellen
    assert t.rechtsgrundlagen or t.grundlagenluecken
    assert t.parameternamen(), kennung
    assert all(n.startswith(t.praefix) for n in t.parameternamen())


@pytest.mark.parametrize("kennung", list(Programmteil))
def test_jeder_tag_hat_rechtsgrundlage_oder_begruendete_luecke(kennung: Programmteil) -> None:
    t = teil(kennung)
    tag = t.beginn()
    ende = t.ende()
    letzter = d(2026, 12, 31) if ende is None else min(d(2026, 12, 31), ende.datum)
    while tag <= letzter:
        grundlagen = [g for g in t.rechtsgrundlagen_am(tag) if g.quelle != "LHO-44"]
        assert grundlagen or t.grundlagenluecke_am(tag) is not None, (kennung, tag)
        tag += timedelta(days=30)


def test_alle_verweise_stehen_im_katalog_und_zitieren() -> None:
    katalog = alle_rechtsquellen()
    for p in alle_programme():
        for t in p.teile:
            for g in t.rechtsgrundlagen:
                assert g.quelle in katalog
                assert katalog[g.quelle].ist_rechtsakt, g.quelle
                assert g.zitat().text
            assert set(t.quellen) <= set(katalog)


def test_bewilligungsbehoerde_ist_die_bra() -> None:
    for p in alle_programme():
        assert p.bewilligungsbehoerde.dezernat == "Dezernat 36"
        assert "Arnsberg" in p.bewilligungsbehoerde.text


def test_parameter_gehoeren_genau_einer_gruppe() -> None:
    gruppen: Counter[str] = Counter()
    for p in alle_programme():
        gruppen.update(p.parameternamen())
        for t in p.teile:
            gruppen.update(t.parameternamen())
    gruppen.update(einwanderung_gestalten().parameternamen())
    gruppen.update(n for n in alle_parameter() if n.startswith("tintg."))
    assert set(gruppen) == set(alle_parameter())
    assert set(gruppen.values()) == {1}


def test_programmweite_parameter() -> None:
    assert "kim.landesmittel" in programm(Programm.KIM).parameternamen()
    assert "kim.b1.foerderart" not in programm(Programm.KIM).parameternamen()
    assert programm(Programm.KI).parameternamen() == ()
    assert "komman.foerderbeginn" in programm(Programm.KOMM_AN).parameternamen()
    assert programm(Programm.EHRENAMT_PRAEVENTION).parameternamen() == ()


# -- Beginn, Förderart, Verfahren -----------------------------------------------------------


@pytest.mark.parametrize(
    ("kennung", "beginn"),
    [
        (Programmteil.KI, d(2012, 6, 25)),
        (Programmteil.KIM_B1, d(2020, 11, 25)),
        (Programmteil.KIM_B2, d(2020, 7, 1)),
        (Programmteil.KIM_B3, d(2020, 1, 1)),
        (Programmteil.KOMMAN_I, d(2016, 1, 1)),
        (Programmteil.KOMMAN_II, d(2016, 1, 1)),
        (Programmteil.KOMMAN_III, d(2016, 1, 1)),
        (Programmteil.EHRENAMT_PRAEVENTION, d(2025, 1, 1)),
    ],
)
def test_beginn_beide_seiten(kennung: Programmteil, beginn: date) -> None:
    t = teil(kennung)
    assert t.beginn() == beginn
    assert not t.laeuft_am(beginn - TAG)
    assert t.laeuft_am(beginn)


@pytest.mark.parametrize(
    ("kennung", "ende", "gewissheit"),
    [
        # KOMM-AN: seit 2025 ersetzt; Teil II gestrichen, bei Teil I unsicher
        (Programmteil.KOMMAN_I, d(2024, 12, 31), Gewissheit.UNSICHER),
        (Programmteil.KOMMAN_II, d(2024, 12, 31), Gewissheit.ABGELEITET),
        # „bis zum 31.12.2028 angelegt (Richtlinie)“ – nur eine Quelle, unsicher
        (Programmteil.EHRENAMT_PRAEVENTION, d(2028, 12, 31), Gewissheit.UNSICHER),
    ],
)
def test_ende_beide_seiten(kennung: Programmteil, ende: date, gewissheit: Gewissheit) -> None:
    t = teil(kennung)
    w = t.ende()
    assert w is not None and (w.datum, w.gewissheit) == (ende, gewissheit)
    assert w.quellen and w.anmerkung
    assert t.laeuft_am(ende)
    assert not t.laeuft_am(ende + TAG)


@pytest.mark.parametrize("kennung", [t for t in Programmteil if t.programm is not Programm.KOMM_AN
                                     and t is not Programmteil.EHRENAMT_PRAEVENTION]
                         + [Programmteil.KOMMAN_III])  # fmt: skip
def test_ohne_bekanntes_ende_laeuft_der_teil_weiter(kennung: Programmteil) -> None:
    t = teil(kennung)
    assert t.ende() is None and t.parameter_ende is None
    assert t.laeuft_am(d(2026, 12, 1)) and t.laeuft_am(d(2099, 1, 1))


def test_komman_wird_durch_ehrenamt_im_kontext_praevention_abgeloest() -> None:
    for kennung in (Programmteil.KOMMAN_I, Programmteil.KOMMAN_II):
        assert teil(kennung).abgeloest_durch is Programmteil.EHRENAMT_PRAEVENTION
    assert teil(Programmteil.KOMMAN_III).abgeloest_durch is None
    ep = teil(Programmteil.EHRENAMT_PRAEVENTION)
    assert [b.kennung for b in ep.bausteine] == ["1", "2", "3", "4", "5"]
    assert ep.stellen.funktionen == ()
    assert "§ 44 LHO" in ep.weiterleitung and "Nr. 12 VVG" in ep.weiterleitung
    # 58.000 EUR je KI: also auch die Stadt Aachen mit eigenem KI neben der StädteRegion
    assert {Empfaenger.STADT_AACHEN, Empfaenger.STAEDTEREGION} <= set(ep.empfaenger)
    assert Empfaenger.KREISANGEHOERIGE_GEMEINDE not in ep.empfaenger


def test_programmbeginn_ist_der_frueheste_teil() -> None:
    assert programm(Programm.KIM).beginn() == d(2020, 1, 1)
    assert programm(Programm.KOMM_AN).beginn() == d(2016, 1, 1)


@pytest.mark.parametrize(
    ("kennung", "tag", "art"),
    [
        (Programmteil.KI, d(2012, 6, 25), Foerderart.FESTBETRAG),
        (Programmteil.KI, d(2020, 12, 31), Foerderart.FESTBETRAG),
        # Änderung der KI-RL vom 30.10.2020: Vollfinanzierung bis zu einem Höchstbetrag
        (Programmteil.KI, d(2021, 1, 1), Foerderart.VOLLFINANZIERUNG),
        (Programmteil.KI, d(2022, 12, 31), Foerderart.VOLLFINANZIERUNG),
        (Programmteil.KIM_B1, d(2020, 11, 25), Foerderart.FESTBETRAG),
        (Programmteil.KIM_B2, d(2020, 7, 1), Foerderart.FACHBEZOGENE_PAUSCHALE),
        (Programmteil.KIM_B2, d(2021, 6, 30), Foerderart.FACHBEZOGENE_PAUSCHALE),
        (Programmteil.KIM_B2, d(2024, 12, 31), Foerderart.FACHBEZOGENE_PAUSCHALE),
        (Programmteil.KIM_B3, d(2020, 1, 1), Foerderart.FACHBEZOGENE_PAUSCHALE),
        (Programmteil.KIM_B3, d(2025, 1, 1), Foerderart.FACHBEZOGENE_PAUSCHALE),
        (Programmteil.KOMMAN_I, d(2019, 11, 27), Foerderart.FESTBETRAG),
        (Programmteil.KOMMAN_II, d(2023, 3, 10), Foerderart.FESTBETRAG),
        (Programmteil.KOMMAN_II, d(2024, 12, 31), Foerderart.FESTBETRAG),
        (Programmteil.KOMMAN_III, d(2016, 1, 1), Foerderart.ANTEILFINANZIERUNG),
        (Programmteil.KOMMAN_III, d(2026, 1, 1), Foerderart.ANTEILFINANZIERUNG),
    ],
)
def test_foerderart(kennung: Programmteil, tag: date, art: Foerderart) -> None:
    assert foerderart_am(kennung, tag) is art
    assert teil(kennung).foerderart_am(tag) is art


@pytest.mark.parametrize(
    ("kennung", "tag", "fehler"),
    [
        (Programmteil.KIM_B2, d(2020, 6, 30), KeinWertAmStichtag),
        (Programmteil.KIM_B2, d(2025, 1, 1), NichtBekannt),
        (Programmteil.KIM_B1, d(2020, 11, 24), KeinWertAmStichtag),
        (Programmteil.KOMMAN_I, d(2019, 11, 26), NichtBekannt),
        (Programmteil.KOMMAN_II, d(2016, 1, 1), NichtBekannt),
        (Programmteil.KI, d(2012, 6, 24), KeinWertAmStichtag),
        # die Förderart der KI-Richtlinien 2023 und 2025 ist nicht belegt
        (Programmteil.KI, d(2023, 1, 1), NichtBekannt),
        (Programmteil.KI, d(2025, 6, 1), NichtBekannt),
        # KOMM-AN seit 2025 ersetzt: Teil I nicht bekannt, Teil II ohne Geltung
        (Programmteil.KOMMAN_I, d(2025, 1, 1), NichtBekannt),
        (Programmteil.KOMMAN_II, d(2025, 1, 1), KeinWertAmStichtag),
        (Programmteil.EHRENAMT_PRAEVENTION, d(2025, 1, 1), NichtBekannt),
        (Programmteil.EHRENAMT_PRAEVENTION, d(2024, 12, 31), KeinWertAmStichtag),
    ],
)
def test_foerderart_unbekannt_oder_ohne_geltung(
    kennung: Programmteil, tag: date, fehler: type[KimNrwFehler]
) -> None:
    with pytest.raises(fehler):
        foerderart_am(kennung, tag)


def test_alle_foerderart_werte_sind_kennungen() -> None:
    for t in (t for p in alle_programme() for t in p.teile):
        for w in parameter(t.parameter_foerderart).werte:
            assert Foerderart(w.text).bezeichnung


def test_foerderart_bezeichnungen() -> None:
    assert [a.bezeichnung for a in Foerderart] == [
        "Festbetrag",
        "Vollfinanzierung bis zu einem Höchstbetrag",
        "fachbezogene Pauschale",
        "Anteilfinanzierung",
    ]


def test_antragsverfahren_sind_bekannte_kennungen() -> None:
    erlaubt = {"antrag", "ohne_antrag", "gemeinsamer_antrag_b1_b2"}
    for b in ("b1", "b2", "b3"):
        assert {w.text for w in parameter(f"kim.{b}.antragsverfahren").werte} <= erlaubt
    b1, b2 = parameter("kim.b1.antragsverfahren"), parameter("kim.b2.antragsverfahren")
    for p in (b1, b2):
        assert p.wert_am(d(2025, 1, 1)).text == "gemeinsamer_antrag_b1_b2"
    assert b1.wert_am(d(2024, 12, 31)).text == "antrag"
    assert b2.wert_am(d(2024, 12, 31)).text == "ohne_antrag"


# -- Rechtsgrundlagen je Zeitraum ---------------------------------------------------------


def _quellen(kennung: Programmteil, tag: date) -> set[str]:
    return {g.quelle for g in teil(kennung).rechtsgrundlagen_am(tag)}


@pytest.mark.parametrize(
    ("kennung", "grenze", "vorher", "ab"),
    [
        (Programmteil.KI, d(2022, 1, 1), "TIntG-2012", "TIntG-2021"),
        (Programmteil.KI, d(2018, 3, 27), "KI-RL-2012", "KI-RL-2018"),
        (Programmteil.KI, d(2023, 3, 10), "KI-RL-2018", "KI-RL-2023"),
        (Programmteil.KI, d(2025, 4, 3), "KI-RL-2023", "KI-RL-2025"),
        (Programmteil.KI, d(2018, 5, 8), "KI-RdErl-2012", "KI-RdErl-2018"),
        (Programmteil.KIM_B1, d(2024, 12, 12), "KIM-RL-2020", "KIM-RL-2024"),
        (Programmteil.KOMMAN_I, d(2022, 1, 1), "KOMMAN-RL-2019", "KOMMAN-RL-2022"),
        (Programmteil.KOMMAN_II, d(2023, 3, 10), "KOMMAN-RL-2022", "KI-RL-2023"),
    ],
)
def test_rechtsgrundlage_wechselt_an_der_grenze(
    kennung: Programmteil, grenze: date, vorher: str, ab: str
) -> None:
    davor, danach = _quellen(kennung, grenze - TAG), _quellen(kennung, grenze)
    assert vorher in davor and ab not in davor
    assert ab in danach and vorher not in danach


def test_tintg_2021_grundlage_des_kim_ab_2022() -> None:
    for kennung in (Programmteil.KIM_B1, Programmteil.KIM_B2, Programmteil.KIM_B3):
        assert "TIntG-2021" not in _quellen(kennung, d(2021, 12, 31))
        g = [
            g for g in teil(kennung).rechtsgrundlagen_am(d(2022, 1, 1)) if g.quelle == "TIntG-2021"
        ]
        assert [x.norm for x in g] == ["§ 9"] and g[0].gewissheit is Gewissheit.BESTAETIGT


def test_luecken_der_rechtsgrundlage() -> None:
    b2 = teil(Programmteil.KIM_B2)
    assert b2.grundlagenluecke_am(d(2021, 12, 31)) is not None
    assert b2.grundlagenluecke_am(d(2022, 1, 1)) is None
    assert b2.rechtsgrundlagen_am(d(2020, 7, 1)) == ()
    k3 = teil(Programmteil.KOMMAN_III)
    # Programmteil III: Lücke bis vor die Richtlinie für Integrationsagenturen vom 15.12.2017
    assert k3.grundlagenluecke_am(d(2017, 12, 14)) is not None
    assert k3.grundlagenluecke_am(d(2017, 12, 15)) is None
    assert [g.quelle for g in k3.rechtsgrundlagen_am(d(2026, 1, 1))] == ["IA-RL-2025"]
    assert all(g.gewissheit is Gewissheit.UNSICHER for g in k3.rechtsgrundlagen)
    ep = teil(Programmteil.EHRENAMT_PRAEVENTION)
    assert ep.grundlagenluecke_am(d(2025, 4, 2)) is not None
    assert ep.grundlagenluecke_am(d(2025, 4, 3)) is None
    k1 = teil(Programmteil.KOMMAN_I)
    assert k1.grundlagenluecke_am(d(2019, 11, 26)) is not None
    assert k1.grundlagenluecke_am(d(2019, 11, 27)) is None


def test_zusammengefasste_grundlagen_des_programms() -> None:
    kim = {(g.quelle, g.norm): g for g in programm(Programm.KIM).rechtsgrundlagen}
    rl = kim[("KIM-RL-2024", None)]
    assert rl.gilt_ab == d(2024, 12, 12) and rl.gilt_bis is None
    assert rl.gewissheit is Gewissheit.ABGELEITET  # die stärkste (B1, B2); B3: unsicher
    assert kim[("KIM-RL-2020", None)].gilt_bis == d(2024, 12, 11)
    ki = {g.quelle: g for g in programm(Programm.KI).rechtsgrundlagen}
    assert ki["TIntG-2012"].gilt_bis == d(2021, 12, 31)


# -- Empfänger und Aachen ---------------------------------------------------------------------


def test_empfaenger() -> None:
    kreisebene = {Empfaenger.KREIS, Empfaenger.STAEDTEREGION, Empfaenger.KREISFREIE_STADT}
    for kennung in (Programmteil.KI, Programmteil.KIM_B1, Programmteil.KIM_B2,
                    Programmteil.KOMMAN_I, Programmteil.KOMMAN_II):  # fmt: skip
        assert set(teil(kennung).empfaenger) == kreisebene | {Empfaenger.STADT_AACHEN}
    b3 = set(teil(Programmteil.KIM_B3).empfaenger)
    assert b3 == kreisebene | {Empfaenger.KREISANGEHOERIGE_GEMEINDE}
    assert teil(Programmteil.KOMMAN_III).empfaenger == (Empfaenger.WOHLFAHRTSVERBAND,)
    assert all(e.bezeichnung for e in Empfaenger)


@pytest.mark.parametrize(
    ("schluessel", "art"),
    [
        ("05334002", Empfaenger.STADT_AACHEN),
        ("05334", Empfaenger.STAEDTEREGION),
        ("05334012", Empfaenger.KREISANGEHOERIGE_GEMEINDE),
        ("05370", Empfaenger.KREIS),
        ("05111000", Empfaenger.KREISFREIE_STADT),
        ("05358008", Empfaenger.KREISANGEHOERIGE_GEMEINDE),
    ],
)
def test_empfaengerart(schluessel: str, art: Empfaenger) -> None:
    einheit = register().nach_schluessel(schluessel)
    assert isinstance(einheit, Kreis | KreisfreieStadt | KreisangehoerigeGemeinde)
    assert empfaengerart(einheit) is art


@pytest.mark.parametrize("falsch", [register().regierungsbezirk("053"), "05334002", None, 5])
def test_empfaengerart_falsche_eingabe(falsch: object) -> None:
    with pytest.raises(UngueltigeEingabe, match="kommune"):
        empfaengerart(falsch)  # type: ignore[arg-type]


def test_aachen_baustein_3_geht_an_die_staedteregion() -> None:
    stadt = register().gemeinde("05334002")
    assert isinstance(stadt, KreisangehoerigeGemeinde) and stadt.sonderstatus is not None
    assert str(stadt.sonderstatus.auslaenderwesen_bei) == "05334"
    assert empfaengerart(stadt) not in teil(Programmteil.KIM_B3).empfaenger
    assert empfaengerart(stadt) in teil(Programmteil.KIM_B2).empfaenger
    assert "StädteRegion" in teil(Programmteil.KIM_B3).empfaenger_text


# -- Einwanderung gestalten ----------------------------------------------------------------------


def test_zwoelf_modellkommunen_im_register() -> None:
    eg = einwanderung_gestalten()
    assert eg.nachfolger is Programm.KIM
    assert eg.ende == d(2020, 6, 30) and eg.beginn_jahr == 2017
    kommunen = eg.kommunen()
    assert len(kommunen) == 12 == parameter("einwanderung_gestalten.modellkommunen").werte[0].wert
    arten = Counter(type(k).__name__ for k in kommunen)
    assert arten == {"Kreis": 2, "KreisfreieStadt": 7, "KreisangehoerigeGemeinde": 3}
    for m, k in zip(eg.modellkommunen, kommunen, strict=True):
        assert m.name in k.bezeichnung, (m.name, k.bezeichnung)
    namen = {m.name for m in eg.modellkommunen}
    assert namen == {"Kreis Lippe", "Rheinisch-Bergischer Kreis", "Mülheim an der Ruhr", "Köln",
                     "Bielefeld", "Dortmund", "Münster", "Wuppertal", "Hamm", "Moers", "Rheine",
                     "Dormagen"}  # fmt: skip


def test_modellkommune_ungueltig() -> None:
    with pytest.raises(UngueltigeEingabe, match="schluessel"):
        Modellkommune("0537", "zu kurz")
    with pytest.raises(NichtGefunden):
        Modellkommune("05999", "gibt es nicht").einheit()
    koeln = Modellkommune("05315", "Köln").einheit()  # Kreisschlüssel einer kreisfreien Stadt
    assert isinstance(koeln, KreisfreieStadt) and str(koeln.ags) == "05315000"


# -- Parameter am Stichtag ------------------------------------------------------------------


def test_parameter_am_teil_und_programm() -> None:
    staende = {s.parameter.name: s for s in parameter_am(Programmteil.KIM_B2, d(2020, 12, 31))}
    assert staende["kim.b2.case_management.betrag_je_stelle"].stand is Belegstand.NICHT_BELEGT
    assert staende["kim.b2.foerderbeginn"].stand is Belegstand.BELEGT
    staende = {s.parameter.name: s for s in parameter_am("KIM.B2", d(2021, 1, 1))}
    assert staende["kim.b2.erster_foerderzeitraum_ende"].stand is Belegstand.KEINE_GELTUNG
    belegt = staende["kim.b2.case_management.betrag_je_stelle"]
    assert belegt.ist_belegt and belegt.wert is not None and belegt.grund == ""
    assert "55.000,00 EUR" in belegt.text
    programmweit = {s.parameter.name for s in parameter_am(Programm.KIM, d(2021, 1, 1))}
    assert "kim.landesmittel" in programmweit and "kim.b2.foerderart" not in programmweit
    assert {s.parameter.name for s in parameter_am("KOMM-AN", d(2021, 1, 1))} >= {"komman.volumen"}


@pytest.mark.parametrize("falsch", ["KIM.B4", "", 3, None, Foerderart.FESTBETRAG])
def test_parameter_am_falsche_kennung(falsch: object) -> None:
    with pytest.raises(UngueltigeEingabe, match="kennung"):
        parameter_am(falsch, d(2021, 1, 1))  # type: ignore[arg-type]


@pytest.mark.parametrize("falsch", [datetime(2021, 1, 1), "2021-01-01", None])
def test_stichtag_muss_ein_datum_sein(falsch: object) -> None:
    for aufruf in (
        lambda: parameter_am(Programmteil.KI, falsch),  # type: ignore[arg-type]
        lambda: teil(Programmteil.KI).foerderart_am(falsch),  # type: ignore[arg-type]
        lambda: teil(Programmteil.KI).rechtsgrundlagen_am(falsch),  # type: ignore[arg-type]
        lambda: programme_uebersicht(falsch),  # type: ignore[arg-type]
    ):
        with pytest.raises(UngueltigeEingabe, match="stichtag"):
            aufruf()


@pytest.mark.parametrize("falsch", ["KIM.B9", 7, None])
def test_falsche_kennungen(falsch: object) -> None:
    with pytest.raises(UngueltigeEingabe, match="teil"):
        teil(falsch)  # type: ignore[arg-type]
    with pytest.raises(UngueltigeEingabe, match="programm"):
        programm(falsch)  # type: ignore[arg-type]


def test_parameterstand_invarianten() -> None:
    p = parameter("kim.landesmittel")
    w = p.wert_am(d(2021, 1, 1))
    with pytest.raises(UngueltigeEingabe, match="wert"):
        Parameterstand(p, d(2021, 1, 1), Belegstand.BELEGT)
    with pytest.raises(UngueltigeEingabe, match="wert"):
        Parameterstand(p, d(2021, 1, 1), Belegstand.NICHT_BELEGT, w, "Grund")
    with pytest.raises(UngueltigeEingabe, match="grund"):
        Parameterstand(p, d(2021, 1, 1), Belegstand.NICHT_BELEGT)
    with pytest.raises(UngueltigeEingabe, match="grund"):
        Parameterstand(p, d(2021, 1, 1), Belegstand.BELEGT, w, "überflüssig")
    with pytest.raises(UngueltigeEingabe, match="parameter"):
        Parameterstand("kim.landesmittel", d(2021, 1, 1), Belegstand.BELEGT, w)  # type: ignore[arg-type]


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=d(2010, 1, 1), max_value=d(2035, 12, 31)))
def test_parameterstand_stimmt_mit_direkter_abfrage(tag: date) -> None:
    for kennung in Programmteil:
        for s in parameter_am(kennung, tag):
            try:
                erwartet = s.parameter.wert_am(tag)
            except NichtBekannt:
                assert s.stand is Belegstand.NICHT_BELEGT and s.grund
            except KeinWertAmStichtag:
                assert s.stand is Belegstand.KEINE_GELTUNG and s.grund
            else:
                assert s.stand is Belegstand.BELEGT and s.wert == erwartet


# -- Modelle: Konstruktion --------------------------------------------------------------------


def test_rechtsgrundlage_konstruktion() -> None:
    g = Rechtsgrundlage("KI-RL-2018")
    assert g.gewissheit is Gewissheit.ABGELEITET and g.norm is None and g.anmerkung == ""
    assert (g.gilt_ab, g.gilt_bis) == (d(2018, 3, 27), d(2023, 3, 9))  # aus dem Quellenkatalog
    assert not g.gilt_am(d(2018, 3, 26)) and g.gilt_am(d(2018, 3, 27))
    assert g.gilt_am(d(2023, 3, 9)) and not g.gilt_am(d(2023, 3, 10))
    assert g.zeitraum == "27.03.2018–09.03.2023"
    vv = Rechtsgrundlage("VV-LHO-44-2022", ab="KI-RL-2023", bis="KI-RL-2025")
    assert (vv.gilt_ab, vv.gilt_bis) == (d(2023, 3, 10), None)
    with pytest.raises(UngueltigeEingabe, match="quelle"):
        Rechtsgrundlage("KI RL")
    with pytest.raises(UngueltigeEingabe, match="norm"):
        Rechtsgrundlage("KI-RL-2018", "§ 1\n§ 2")
    with pytest.raises(UngueltigeEingabe, match="gewissheit"):
        Rechtsgrundlage("KI-RL-2018", None, "in_kraft")  # type: ignore[arg-type]
    with pytest.raises(UngueltigeEingabe, match="ab"):
        Rechtsgrundlage("KI-RL-2018", ab="KI RL")
    with pytest.raises(UngueltigeEingabe, match="stichtag"):
        g.gilt_am(datetime(2018, 3, 27))
    with pytest.raises(NichtGefunden):
        Rechtsgrundlage("GIBT-ES-NICHT").zitat()
    with pytest.raises(NichtGefunden):
        _ = Rechtsgrundlage("GIBT-ES-NICHT").gilt_ab
    with pytest.raises(NichtBekannt, match="LHO-44"):  # § 44 LHO hat im Katalog kein Datum
        _ = Rechtsgrundlage("LHO-44").gilt_ab


def test_teilbeschreibung_konstruktion() -> None:
    t = teil(Programmteil.KIM_B1)
    with pytest.raises(UngueltigeEingabe, match="parameter_foerderart"):
        attrs.evolve(t, parameter_foerderart="kim.b2.foerderart")
    with pytest.raises(UngueltigeEingabe, match="empfaenger"):
        attrs.evolve(t, empfaenger=())
    with pytest.raises(UngueltigeEingabe, match="empfaenger"):
        attrs.evolve(t, empfaenger=(Empfaenger.KREIS, Empfaenger.KREIS))
    with pytest.raises(UngueltigeEingabe, match="praefix"):
        attrs.evolve(t, praefix="kim.b1")
    with pytest.raises(UngueltigeEingabe, match="quellen"):
        attrs.evolve(t, quellen=())
    with pytest.raises(UngueltigeEingabe, match="gegenstand"):
        attrs.evolve(t, gegenstand=" ")
    with pytest.raises(UngueltigeEingabe, match="grundlagenluecken"):
        attrs.evolve(t, grundlagenluecken=("Lücke",))  # type: ignore[arg-type]
    with pytest.raises(UngueltigeEingabe, match="teil"):
        attrs.evolve(t, teil="KIM.B1")  # type: ignore[arg-type]
    fremd = Posten(Stellenfunktion.CASE_MANAGEMENT, "kim.b2.case_management.betrag_je_stelle")
    with pytest.raises(UngueltigeEingabe, match="posten"):
        attrs.evolve(t, posten=(*t.posten, fremd))


def test_programmbeschreibung_konstruktion() -> None:
    kim = programm(Programm.KIM)
    with pytest.raises(UngueltigeEingabe, match="teile"):
        attrs.evolve(kim, teile=kim.teile[:2])
    with pytest.raises(UngueltigeEingabe, match="teile"):
        attrs.evolve(kim, teile=(kim.teile[1], kim.teile[0], kim.teile[2]))
    with pytest.raises(UngueltigeEingabe, match="praefix"):
        attrs.evolve(kim, praefix="komman.")
    with pytest.raises(NichtGefunden):
        kim.teil(Programmteil.KI)
    with pytest.raises(UngueltigeEingabe, match="bewilligt_von"):
        attrs.evolve(kim, bewilligt_von="Bezirksregierung Arnsberg")
    with pytest.raises(NichtGefunden, match="XYZ"):
        _ = attrs.evolve(kim, bewilligt_von="XYZ").bewilligungsbehoerde


def test_kleine_modelle_konstruktion() -> None:
    with pytest.raises(UngueltigeEingabe, match="quellen"):
        Bewilligungsbehoerde("BR", "Dez. 1", "Stelle", ("X", "X"))
    with pytest.raises(UngueltigeEingabe, match="kennung"):
        Baustein("", "Titel", "Inhalt", ("S-BRA-KOMMAN-II",))
    eg = einwanderung_gestalten()
    with pytest.raises(UngueltigeEingabe, match="ende"):
        attrs.evolve(eg, ende=d(2016, 12, 31))
    with pytest.raises(UngueltigeEingabe, match="modellkommunen"):
        attrs.evolve(eg, modellkommunen=eg.modellkommunen + eg.modellkommunen[:1])
    with pytest.raises(UngueltigeEingabe, match="beginn_jahr"):
        attrs.evolve(eg, beginn_jahr=True)


# -- Übersicht ------------------------------------------------------------------------------


def test_uebersicht_nennt_jeden_parameter_genau_einmal() -> None:
    text = programme_uebersicht(d(2025, 7, 1))  # alle vier Programme sind eingeführt
    assert text.endswith("\n")
    zeilen = [z.strip() for z in text.splitlines()]
    for name in alle_parameter():
        treffer = [z for z in zeilen if re.match(rf"{re.escape(name)}( =|:)", z)]
        assert len(treffer) == 1, name


def test_uebersicht_am_stichtag() -> None:
    text = programme_uebersicht(d(2021, 7, 1))
    assert text.splitlines()[0] == "Förderprogramme in NRW am Stichtag 01.07.2021"
    assert "kim.b2.case_management.betrag_je_stelle = 55.000,00 EUR (01.01.2021–31.12.2022" in text
    assert "Förderart: fachbezogene Pauschale" in text
    assert "§ 7 TIntG 2012 (GV. NRW. S. 97)" in text
    assert "beendet; Nachfolger: Kommunales Integrationsmanagement NRW" in text
    assert "komman.iii.foerdersatz = 90 %" in text
    assert "ki.antragsfenster.ende: nicht belegt" in text
    assert "kim.antragsfenster.beginn: keine Geltung" in text
    assert "Am Stichtag noch nicht eingeführt (erster Fördertag: 01.01.2025)." in text


def test_uebersicht_nach_dem_ende_von_komm_an() -> None:
    text = programme_uebersicht(d(2026, 12, 1))
    assert ("Letzter Fördertag: 31.12.2024 ([I] abgeleitet; am Stichtag beendet; abgelöst durch "
            "Ehrenamt im Kontext Prävention") in text  # fmt: skip
    assert "Letzter Fördertag: 31.12.2024 ([U] unsicher; am Stichtag vielleicht beendet" in text
    assert "Letzter Fördertag: 31.12.2028 ([U] unsicher; am Stichtag läuft" in text
    assert "ehrenamt_praevention.hoechstbetrag_je_ki = 58.000,00 EUR" in text
    assert "komman.i.fachkraft.betrag_je_stelle: nicht belegt" in text
    assert "komman.ii.ankommenstreffpunkt.renovierung_je_raum: keine Geltung" in text


def test_uebersicht_vor_dem_kim() -> None:
    text = programme_uebersicht(d(2015, 1, 1))
    assert "Am Stichtag noch nicht eingeführt (erster Fördertag: 01.01.2020)." in text
    assert "noch nicht begonnen" in text
    assert "kim.b2.foerderart" not in text
    assert "KI-RL 2012 (MBl. 2012 Nr. 19)" in text


def test_uebersicht_einzelner_teil_noch_nicht_eingefuehrt() -> None:
    text = programme_uebersicht(d(2020, 8, 1))
    assert "am Stichtag noch nicht eingeführt (erster Fördertag: 25.11.2020)" in text
    assert "Modellphase" not in text.split("Am Stichtag:")[1].splitlines()[0]
    text = programme_uebersicht(d(2019, 1, 1))
    assert "Am Stichtag: Modellphase (Beginn im Frühjahr 2017, Tag nicht belegt)" in text


def test_uebersicht_zeigt_luecke_der_rechtsgrundlage() -> None:
    text = programme_uebersicht(d(2021, 1, 1))
    assert "nicht belegt – Vor dem TIntG 2021 ist die Rechtsgrundlage" in text


@settings(max_examples=25, deadline=None)
@given(st.dates(min_value=d(2000, 1, 1), max_value=d(2040, 12, 31)))
def test_uebersicht_wirft_nie(tag: date) -> None:
    assert programme_uebersicht(tag).startswith("Förderprogramme in NRW am Stichtag")


# -- Import und Zeitleiste ------------------------------------------------------------------


def test_import_der_programme_liest_keine_datendatei() -> None:
    code = (
        "import builtins, io, sys\n"
        "geoeffnet = []\n"
        "orig = io.open\n"
        "def spion(f, *a, **k):\n"
        "    geoeffnet.append(str(f)); return orig(f, *a, **k)\n"
        "io.open = builtins.open = spion\n"
        "import kim_nrw.programme\n"
        "daten = [f for f in geoeffnet if 'daten' in f]\n"
        "print(daten)\n"
        "sys.exit(1 if daten else 0)\n"
    )
    ergebnis = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert ergebnis.returncode == 0, ergebnis.stdout + ergebnis.stderr


def _zeitleiste() -> ModuleType:
    pfad = WURZEL / "docs" / "_ext" / "kim_zeitleiste.py"
    if str(pfad.parent) not in sys.path:  # die Erweiterungen teilen docs/_ext/erzeugt.py
        sys.path.insert(0, str(pfad.parent))
    spec = importlib.util.spec_from_file_location("kim_zeitleiste", pfad)
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    sys.modules["kim_zeitleiste"] = modul
    spec.loader.exec_module(modul)
    return modul


def test_zeitleiste_ist_gueltiges_svg_aus_den_daten(tmp_path: Path) -> None:
    z = _zeitleiste()
    svg = z.erzeuge_svg()
    wurzel = ET.fromstring(svg)
    assert wurzel.tag == "{http://www.w3.org/2000/svg}svg"
    erwartet = ["TIntG 2012", "KIM-RL 2024", "KOMM-AN-RL 2019", "KIM Baustein 2", "2012", "2025"]
    erwartet += ["Einwanderung gestalten NRW", "fachbezogene Pauschale"]
    for text in erwartet:
        assert text in svg, text
    beschriftungen = [z.beschriftung for z in z.alle_zeilen()]
    for t in alle_programme():
        for tb in t.teile:
            assert tb.bezeichnung.split(":")[0] in beschriftungen
    assert z.schreibe(tmp_path) is True
    assert z.schreibe(tmp_path) is False
    tabelle = (tmp_path / z.ZIEL_RST).read_text(encoding="utf-8")
    assert "KIM-RL 2020: maßgeblich 25.11.2020–11.12.2024" in tabelle
    assert (tmp_path / z.ZIEL_SVG).read_text(encoding="utf-8") == svg


def test_zeitleiste_faerbt_nach_foerderart() -> None:
    z = _zeitleiste()
    zeilen = {zeile.beschriftung: zeile for zeile in z.zeilen_programme()}
    b2 = zeilen["KIM Baustein 2"].abschnitte
    assert [(a.ab, a.bis, a.schraffiert) for a in b2] == [
        (d(2020, 7, 1), d(2024, 12, 31), False),
        (d(2025, 1, 1), None, True),
    ]
    eg = zeilen["Einwanderung gestalten NRW"].abschnitte[0]
    assert eg.bis == d(2020, 6, 30) and eg.unscharf_am_anfang
