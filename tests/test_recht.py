"""Quellenkatalog und Parameter: Vollständigkeit, Stichtagsgrenzen, Meldungen, strenges Laden."""

from __future__ import annotations

import pickle
import subprocess
import sys
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kim_nrw.fehler import (
    DatenFehler,
    KeinWertAmStichtag,
    KimNrwFehler,
    NichtBekannt,
    NichtGefunden,
    UngueltigeEingabe,
)
from kim_nrw.gebiet.register import SONDERSTATUS
from kim_nrw.recht import (
    STAND_ERSTERFASSUNG,
    Gewissheit,
    Luecke,
    Parameter,
    Parameterart,
    Parameterwert,
    Quellenart,
    Rechtsquelle,
    Zitat,
    alle_parameter,
    alle_rechtsquellen,
    lade_parameter,
    lade_parameterdatei,
    lade_parameterdateien,
    lade_rechtsquellen,
    parameter,
    rechtsquelle,
)

FIXTURES = Path(__file__).parent / "fixtures" / "parameter_fehler"
TAG = timedelta(days=1)

RECHTSAKTE = [
    "TIntG-2012",
    "TIntG-2021",
    "KI-RL-2012",
    "KI-RL-2018",
    "KI-RL-2023",
    "KI-RL-2025",
    "KI-RdErl-2012",
    "KI-RdErl-2015",
    "KI-RdErl-2018",
    "KI-RdErl-2022",
    "KIM-RL-2020",
    "KIM-RL-2024",
    "KOMMAN-RL-2019",
    "KOMMAN-RL-2022",
    "LHO-44",
    "VV-LHO-44-2003",
    "VV-LHO-44-2020",
    "VV-LHO-44-2022",
    "AachenG",
]


def _wert(wert: object, ab: date, bis: date | None, quelle: str = "Q") -> Parameterwert:
    return Parameterwert(wert, ab, bis, Gewissheit.BESTAETIGT, (quelle,))  # type: ignore[arg-type]


def _betrag(*werte: Parameterwert, luecken: tuple[Luecke, ...] = ()) -> Parameter:
    return Parameter(
        "test.betrag", "Ein Testbetrag", "EUR", Parameterart.BETRAG, werte, luecken=luecken
    )


# -- Katalog ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kurzname", RECHTSAKTE)
def test_jeder_rechtsakt_des_faktenblatts_steht_im_katalog(kurzname: str) -> None:
    quelle = rechtsquelle(kurzname)
    assert quelle.ist_rechtsakt
    assert quelle.kurzname == kurzname


def test_jede_von_parametern_genannte_quelle_steht_im_katalog() -> None:
    katalog = alle_rechtsquellen()
    genannt = {k for p in alle_parameter().values() for k in p.quellen()}
    assert genannt
    assert genannt <= set(katalog)


def test_verweise_im_katalog_sind_aufgeloest_und_belege_haben_eine_adresse() -> None:
    katalog = alle_rechtsquellen()
    for quelle in katalog.values():
        assert quelle.teil_von is None or quelle.teil_von in katalog
        assert set(quelle.belege) <= set(katalog)
        if quelle.kurzname.startswith("S-"):
            assert not quelle.ist_rechtsakt
            assert quelle.url is not None, quelle.kurzname
    belege = [k for k in katalog if k.startswith("S-")]
    assert len(belege) >= 110  # alle Schlüssel aus Abschnitt 11 des Faktenblatts


def test_die_aachen_kennung_des_gebiets_steht_im_katalog() -> None:
    for status in SONDERSTATUS.values():
        assert status.quelle in alle_rechtsquellen()
    aachen = rechtsquelle("AachenG")
    assert aachen.art is Quellenart.GESETZ
    assert aachen.fassung_vom == date(2008, 2, 26)
    assert aachen.fundstelle == "GV. NRW. 2008 Nr. 9 S. 159"


def test_tintg_2012_mit_aufhebung_und_fundstellenkonflikt() -> None:
    alt = rechtsquelle("TIntG-2012")
    assert alt.fassung_vom == date(2012, 2, 14)
    assert alt.fundstelle == "GV. NRW. S. 97"
    assert "S. 95" in alt.anmerkung
    assert alt.in_kraft_ab is None  # nicht belegt, nicht geraten
    assert alt.in_kraft_bis == date(2021, 12, 31)
    neu = rechtsquelle("TIntG-2021")
    assert neu.in_kraft_ab == date(2022, 1, 1) == alt.in_kraft_bis + TAG
    assert neu.in_kraft_bis is None


def test_katalogdaten_der_richtlinien() -> None:
    erwartet = {
        "KI-RL-2012": (date(2012, 6, 25), "MBl. 2012 Nr. 19"),
        "KI-RL-2018": (date(2018, 3, 27), "MBl. NRW 2018 Nr. 9 S. 177"),
        "KI-RL-2023": (date(2023, 3, 10), "MBl. NRW 2023 S. 225"),
        "KI-RL-2025": (date(2025, 4, 3), "BASS 11-02 Nr. 10"),
        "KIM-RL-2020": (date(2020, 11, 25), "MBl. NRW 2020 Nr. 32 S. 751"),
        "KIM-RL-2024": (date(2024, 12, 12), "MBl. NRW 2024 Nr. 43 S. 1229"),
        "KOMMAN-RL-2019": (date(2019, 11, 27), "MBl. S. 754"),
        "KOMMAN-RL-2022": (date(2022, 1, 1), "MBl. NRW S. 65"),
        "VV-LHO-44-2003": (date(2003, 9, 30), "MBl. S. 1254"),
        "VV-LHO-44-2020": (date(2020, 6, 10), "MBl. S. 309"),
        "VV-LHO-44-2022": (date(2022, 6, 6), "MBl. S. 445"),
    }
    for kurzname, (datum, fundstelle) in erwartet.items():
        quelle = rechtsquelle(kurzname)
        assert (quelle.fassung_vom, quelle.fundstelle) == (datum, fundstelle), kurzname


def test_unsichere_quelle_ist_markiert_und_zuletzt_geprueft_hat_den_standardwert() -> None:
    assert rechtsquelle("S-ufa-BRA-KIM").gewissheit is Gewissheit.UNSICHER
    assert rechtsquelle("S-ufa-BRA-KIM").gewissheit.kennung == "[U]"
    assert Gewissheit.BESTAETIGT.bezeichnung == "bestätigt"
    assert rechtsquelle("TIntG-2021").zuletzt_geprueft == STAND_ERSTERFASSUNG


def test_zitate() -> None:
    zitat = rechtsquelle("TIntG-2021").zitiere("§ 9 Abs. 1")
    assert isinstance(zitat, Zitat)
    assert zitat.text == str(zitat) == "§ 9 Abs. 1 TIntG 2021 (GV. NRW. S. 1213a)"
    assert zitat.kurzname == "TIntG-2021"
    assert rechtsquelle("S-TIntG-§9").zitat() == "§ 9 TIntG 2021 (GV. NRW. S. 1213a)"
    assert rechtsquelle("S-TIntG-§9").teil_von == "TIntG-2021"
    assert rechtsquelle("S-TIntG-§9").zitiere("§ 9 Abs. 2").text.startswith("§ 9 Abs. 2 TIntG")
    assert rechtsquelle("LHO-44").zitat() == "§ 44 LHO NRW"
    assert rechtsquelle("KI-RL-2016").zitat() == "Änderung KI-RL 2016 vom 26.04.2016"
    bra = rechtsquelle("S-BRA-KIM")
    assert bra.zitat() == bra.titel


def test_rechtsquelle_prueft_ihre_felder() -> None:
    gut = {"art": Quellenart.GESETZ, "titel": "T", "abkuerzung": "T"}
    with pytest.raises(UngueltigeEingabe, match="kurzname"):
        Rechtsquelle("mit leerzeichen", **gut)  # type: ignore[arg-type]
    with pytest.raises(UngueltigeEingabe, match="url"):
        Rechtsquelle("X", **gut, url="ftp://x")  # type: ignore[arg-type]
    with pytest.raises(UngueltigeEingabe, match="fassung_vom"):
        Rechtsquelle("X", **gut, fassung_vom=datetime(2020, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(UngueltigeEingabe, match="in_kraft_bis"):
        Rechtsquelle("X", **gut, in_kraft_ab=date(2020, 1, 2), in_kraft_bis=date(2020, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(UngueltigeEingabe, match="selbst"):
        Rechtsquelle("X", **gut, belege=("X",))  # type: ignore[arg-type]
    with pytest.raises(UngueltigeEingabe, match="norm"):
        Rechtsquelle("X", Quellenart.GESETZ, "T", "T").zitiere(" ")


def test_suche_nach_unbekannten_namen() -> None:
    with pytest.raises(NichtGefunden, match="KI-RL-2018"):
        rechtsquelle("KI-RL-2019")
    with pytest.raises(UngueltigeEingabe):
        rechtsquelle(2018)  # type: ignore[arg-type]
    with pytest.raises(NichtGefunden, match=r"ki\.hoechstbetrag_kreis"):
        parameter("ki.hoechstbetrag_kreise")
    with pytest.raises(UngueltigeEingabe):
        parameter(None)  # type: ignore[arg-type]


def test_daten_werden_einmal_geladen() -> None:
    assert alle_parameter() is alle_parameter()
    assert alle_rechtsquellen() is alle_rechtsquellen()
    assert list(alle_parameter()) == sorted(alle_parameter())


def test_import_laedt_keine_daten() -> None:
    code = (
        "import kim_nrw, kim_nrw.recht\n"
        "from kim_nrw.recht.laden import alle_parameter, alle_rechtsquellen\n"
        "print(alle_parameter.geladen, alle_rechtsquellen.geladen)\n"
    )
    ergebnis = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert ergebnis.stdout.strip() == "False False", ergebnis.stderr


@pytest.mark.parametrize(
    ("ersetzt", "vorher"),
    [
        # aus der geladenen Form (der Normalfall) …
        ("laden.paketdaten.geladen", ""),
        # … und aus den TOML-Dateien, wenn die geladene Form nicht passt
        ("laden.lade_parameterdateien", "laden.paketdaten.geladen = lambda name: None\n"),
    ],
)
def test_daten_laden_einmal_auch_aus_mehreren_threads(ersetzt: str, vorher: str) -> None:
    code = (
        "import threading\n"
        "from kim_nrw.recht import laden\n"
        f"{vorher}"
        "zaehler = []\n"
        f"alt = {ersetzt}\n"
        f"{ersetzt} = lambda *a: zaehler.append(1) or alt(*a)\n"
        "ergebnisse = []\n"
        "threads = [threading.Thread(target=lambda: ergebnisse.append(laden.alle_parameter()))\n"
        "           for _ in range(8)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "print(len(zaehler), len({id(e) for e in ergebnisse}))\n"
    )
    ergebnis = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert ergebnis.stdout.strip() == "1 1", ergebnis.stderr


# -- KI-Parameter an ihren Grenzen -----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "tag", "erwartet"),
    [
        ("ki.fachkraft.hoechstbetrag_je_stelle", date(2017, 12, 31), NichtBekannt),
        ("ki.fachkraft.hoechstbetrag_je_stelle", date(2018, 1, 1), Decimal("50000.00")),
        # Änderung der KI-RL vom 30.10.2020: 55.000 EUR ab den Bewilligungen 2021
        ("ki.fachkraft.hoechstbetrag_je_stelle", date(2020, 12, 31), Decimal("50000.00")),
        ("ki.fachkraft.hoechstbetrag_je_stelle", date(2021, 1, 1), Decimal("55000.00")),
        ("ki.fachkraft.hoechstbetrag_je_stelle", date(2021, 12, 31), Decimal("55000.00")),
        # 2022 strittig (55.000 oder 57.000): eine Lücke, kein gewählter Wert
        ("ki.fachkraft.hoechstbetrag_je_stelle", date(2022, 1, 1), NichtBekannt),
        ("ki.fachkraft.hoechstbetrag_je_stelle", date(2022, 12, 31), NichtBekannt),
        ("ki.fachkraft.hoechstbetrag_je_stelle", date(2023, 1, 1), Decimal("57000.00")),
        ("ki.fachkraft.hoechstbetrag_je_stelle", date(2012, 6, 24), KeinWertAmStichtag),
        ("ki.fachkraft.hoechstbetrag_je_stelle", date(2012, 6, 25), NichtBekannt),
        (
            "ki.verwaltungsassistenz.hoechstbetrag_je_halbe_stelle",
            date(2020, 12, 31),
            Decimal("20000.00"),
        ),
        (
            "ki.verwaltungsassistenz.hoechstbetrag_je_halbe_stelle",
            date(2021, 1, 1),
            Decimal("22500.00"),
        ),
        (
            "ki.verwaltungsassistenz.hoechstbetrag_je_halbe_stelle",
            date(2022, 1, 1),
            Decimal("22500.00"),
        ),
        ("ki.hoechstbetrag_kreis", date(2018, 1, 1), Decimal("320000.00")),
        ("ki.hoechstbetrag_kreis", date(2020, 12, 31), Decimal("320000.00")),
        ("ki.hoechstbetrag_kreis", date(2021, 1, 1), NichtBekannt),
        ("ki.hoechstbetrag_kreis", date(2022, 1, 1), NichtBekannt),
        ("ki.laiensprachmittlerpool.hoechstbetrag", date(2017, 12, 31), KeinWertAmStichtag),
        ("ki.laiensprachmittlerpool.hoechstbetrag", date(2030, 1, 1), Decimal("50000.00")),
        ("ki.zusatzfachkraft_2017.hoechstbetrag_je_stelle", date(2016, 12, 31), KeinWertAmStichtag),
        ("ki.zusatzfachkraft_2017.hoechstbetrag_je_stelle", date(2017, 1, 1), Decimal("50000.00")),
        ("ki.zusatzfachkraft_2017.hoechstbetrag_je_stelle", date(2018, 1, 1), KeinWertAmStichtag),
        ("ki.fachkraft.stellen_kreis", date(2016, 12, 31), Decimal("3")),
        ("ki.fachkraft.stellen_kreis", date(2017, 1, 1), Decimal("6")),
        ("ki.fachkraft.stellen_kreisfreie_stadt", date(2017, 1, 1), Decimal("5")),
        ("ki.verwaltungsassistenz.stellen", date(2020, 1, 1), Decimal("0.5")),
        ("ki.antragsfenster.ende", date(2025, 12, 31), NichtBekannt),
        ("ki.antragsfenster.ende", date(2027, 1, 1), NichtBekannt),
        ("ki.eigenanteil.quote", date(2024, 1, 1), NichtBekannt),
    ],
)
def test_ki_werte_an_den_grenzen(name: str, tag: date, erwartet: object) -> None:
    p = parameter(name)
    if isinstance(erwartet, type):
        with pytest.raises(erwartet):
            p.wert_am(tag)
    else:
        assert p.wert_am(tag).dezimal == erwartet


def _verhalten(p: Parameter, tag: date) -> object:
    try:
        return p.wert_am(tag)
    except (NichtBekannt, KeinWertAmStichtag) as fehler:
        return type(fehler)


@pytest.mark.parametrize("name", sorted(alle_parameter()))
def test_jede_grenze_jedes_parameters_auf_beiden_seiten(name: str) -> None:
    p = parameter(name)
    for w in p.werte:
        assert p.wert_am(w.gilt_ab) is w
        assert _verhalten(p, w.gilt_ab - TAG) is not w
        if w.gilt_bis is not None:
            assert p.wert_am(w.gilt_bis) is w
            assert _verhalten(p, w.gilt_bis + TAG) is not w
        else:
            assert p.wert_am(date(9999, 12, 31)) is w
    for luecke in p.luecken:
        assert _verhalten(p, luecke.gilt_ab) is NichtBekannt
        assert _luecke_am(p, luecke.gilt_ab) is luecke
        assert _luecke_am(p, luecke.gilt_ab - TAG) is not luecke
        if luecke.gilt_bis is not None:
            assert _verhalten(p, luecke.gilt_bis) is NichtBekannt
            assert _luecke_am(p, luecke.gilt_bis) is luecke
            assert _luecke_am(p, luecke.gilt_bis + TAG) is not luecke


def _luecke_am(p: Parameter, tag: date) -> object:
    """Die Lücke, in der ``tag`` liegt (zwei Lücken dürfen aneinanderstoßen, etwa ein
    strittiges Jahr und die Jahre danach, für die nichts belegt ist)."""
    if _verhalten(p, tag) is not NichtBekannt:
        return None
    return next(lu for lu in p.luecken if lu.enthaelt(tag))


def test_jeder_parameterwert_hat_quellen_und_eine_begruendung_seiner_tage() -> None:
    for p in alle_parameter().values():
        assert p.ist_bekannt == bool(p.werte or p.luecken)
        for w in p.werte:
            assert w.quellen
            if w.gewissheit is not Gewissheit.BESTAETIGT:
                assert w.anmerkung, p.name


def test_kein_wert_am_stichtag_nennt_parameter_tag_und_zeitraeume() -> None:
    with pytest.raises(KeinWertAmStichtag) as info:
        parameter("ki.fachkraft.hoechstbetrag_je_stelle").wert_am(date(2010, 5, 1))
    text = str(info.value)
    assert "'ki.fachkraft.hoechstbetrag_je_stelle'" in text
    assert "01.05.2010" in text
    assert "01.01.2018–31.12.2020, 01.01.2021–31.12.2021, ab 01.01.2023" in text
    assert "nicht bekannt für 25.06.2012–31.12.2017, 01.01.2022–31.12.2022" in text
    assert isinstance(info.value, LookupError | KimNrwFehler)


def test_nicht_bekannt_nennt_den_grund() -> None:
    with pytest.raises(NichtBekannt, match=r"ki\.eigenanteil\.quote.*nicht belegt"):
        parameter("ki.eigenanteil.quote").wert_am(date(2024, 1, 1))
    with pytest.raises(NichtBekannt, match=r"01\.01\.2015.*25\.06\.2012–31\.12\.2017.*pauschal"):
        parameter("ki.fachkraft.hoechstbetrag_je_stelle").wert_am(date(2015, 1, 1))
    assert not parameter("ki.eigenanteil.quote").ist_bekannt


def test_strittiger_ki_betrag_2022_nennt_beide_werte_mit_quellen() -> None:
    """Für 2022 wählt kim_nrw nicht: die Lücke nennt 55.000 und 57.000 EUR und ihre Quellen."""
    with pytest.raises(NichtBekannt) as info:
        parameter("ki.fachkraft.hoechstbetrag_je_stelle").wert_am(date(2022, 6, 30))
    text = str(info.value)
    for teil in ("55.000 EUR", "57.000 EUR", "N-BASS-19311", "S-pufii-KI"):
        assert teil in text
    luecke = parameter("ki.fachkraft.hoechstbetrag_je_stelle").luecken[1]
    assert {"KI-RL-2020", "S-pufii-KI"} <= set(luecke.quellen)


@pytest.mark.parametrize("tag", [datetime(2020, 1, 1, 12, 0), "2020-01-01", None])
def test_stichtag_muss_ein_datum_sein(tag: object) -> None:
    with pytest.raises(UngueltigeEingabe, match="stichtag"):
        parameter("ki.hoechstbetrag_kreis").wert_am(tag)  # type: ignore[arg-type]


# -- Modelle ---------------------------------------------------------------------------------


def test_parameter_prueft_seine_invarianten() -> None:
    a = _wert(Decimal("1.00"), date(2020, 1, 1), date(2020, 12, 31))
    b = _wert(Decimal("2.00"), date(2020, 12, 31), None)
    with pytest.raises(UngueltigeEingabe, match="Überschneidung"):
        _betrag(a, b)
    c = _wert(Decimal("2.00"), date(2021, 1, 1), None)
    with pytest.raises(UngueltigeEingabe, match="chronologisch"):
        _betrag(c, a)
    with pytest.raises(UngueltigeEingabe, match="Cent"):
        _betrag(_wert(Decimal("1.000"), date(2020, 1, 1), None))
    with pytest.raises(UngueltigeEingabe, match="mindestens"):
        _betrag()
    with pytest.raises(UngueltigeEingabe, match="Überschneidung"):
        _betrag(a, luecken=(Luecke(date(2019, 1, 1), date(2020, 1, 1), "unbekannt"),))
    with pytest.raises(UngueltigeEingabe, match="keine Werte"):
        Parameter("test.x", "B", "E", Parameterart.BETRAG, (a,), nicht_bekannt="NOT FOUND")
    with pytest.raises(UngueltigeEingabe, match="name"):
        Parameter("Test X", "B", "E", Parameterart.BETRAG, (a,))
    assert _betrag(a, c).quellen() == ("Q",)


@pytest.mark.parametrize("wert", [1.5, True, float("nan"), Decimal("NaN"), None, [1]])
def test_parameterwert_lehnt_floats_und_fremde_typen_ab(wert: object) -> None:
    with pytest.raises(UngueltigeEingabe, match="wert"):
        _wert(wert, date(2020, 1, 1), None)


def test_parameterwert_braucht_eine_quelle_und_gueltige_tage() -> None:
    with pytest.raises(UngueltigeEingabe, match="quellen"):
        Parameterwert(Decimal("1.00"), date(2020, 1, 1), None, Gewissheit.BESTAETIGT, ())
    with pytest.raises(UngueltigeEingabe, match="gilt_bis"):
        _wert(Decimal("1.00"), date(2020, 1, 2), date(2020, 1, 1))
    with pytest.raises(UngueltigeEingabe, match="gilt_ab"):
        _wert(Decimal("1.00"), datetime(2020, 1, 1), None)
    eintaegig = _wert(Decimal("1.00"), date(2020, 1, 1), date(2020, 1, 1))
    assert eintaegig.enthaelt(date(2020, 1, 1)) and eintaegig.zeitraum == "01.01.2020–01.01.2020"


@pytest.mark.parametrize(
    ("art", "wert", "gut"),
    [
        (Parameterart.BETRAG, Decimal("1.00"), True),
        (Parameterart.BETRAG, Decimal("1"), False),
        (Parameterart.BETRAG, Decimal("-1.00"), False),
        (Parameterart.VZAE, Decimal("0.5"), True),
        (Parameterart.QUOTE, Decimal("0.90"), True),
        (Parameterart.QUOTE, Decimal("1.01"), False),
        (Parameterart.ANZAHL, 3, True),
        (Parameterart.ANZAHL, -1, False),
        (Parameterart.ANZAHL, Decimal("3"), False),
        (Parameterart.DATUM, date(2024, 10, 30), True),
        (Parameterart.DATUM, "2024-10-30", False),
        (Parameterart.TEXT, "bis 30.11.", True),
        (Parameterart.TEXT, "", False),
    ],
)
def test_art_nennt_den_mangel_des_werts(art: Parameterart, wert: object, gut: bool) -> None:
    assert (art.mangel(wert) is None) is gut


def test_typisierte_zugriffe() -> None:
    w = parameter("ki.hoechstbetrag_kreis").wert_am(date(2019, 1, 1))
    assert w.dezimal == Decimal("320000.00")
    for zugriff in ("ganzzahl", "datum", "text"):
        with pytest.raises(UngueltigeEingabe):
            getattr(w, zugriff)
    assert _wert(3, date(2020, 1, 1), None).ganzzahl == 3
    assert _wert(date(2020, 5, 1), date(2020, 1, 1), None).datum == date(2020, 5, 1)
    assert _wert("x", date(2020, 1, 1), None).text == "x"
    with pytest.raises(UngueltigeEingabe):
        _wert("x", date(2020, 1, 1), None).dezimal  # noqa: B018


def test_eine_gewissheit_fuer_quellen_werte_und_katalog() -> None:
    assert [g.kennung for g in Gewissheit] == ["[C]", "[I]", "[U]"]
    werte = [w for p in alle_parameter().values() for w in p.werte]
    assert {type(w.gewissheit) for w in werte} == {Gewissheit}
    assert {type(q.gewissheit) for q in alle_rechtsquellen().values()} == {Gewissheit}


# -- Laden: Fehlerdateien ------------------------------------------------------------------------

FEHLERFAELLE = {
    "unbekannter_schluessel.toml": (".werte[0].gilt_seit", "unbekannter Schlüssel"),
    "ueberlappung.toml": (".werte", "keine Überschneidung"),
    "ohne_quelle.toml": (".werte[0].quellen", "mindestens eine Quelle"),
    "unbekannte_quelle.toml": (".werte[0].quellen", "'KI-RL-2019' steht nicht"),
    "datum_ungueltig.toml": (".werte[0].gilt_ab", "TOML-Datum"),
    "datum_mit_uhrzeit.toml": (".werte[0].gilt_ab", "ohne Uhrzeit"),
    "float_betrag.toml": (".werte[0].wert", "Float"),
    "betrag_als_ganzzahl.toml": (".werte[0].wert", "Ganzzahl"),
    "pflichtschluessel_fehlt.toml": (".einheit", "Pflichtschlüssel fehlt"),
    "toml_syntax.toml": ("(TOML-Syntax)", "kein gültiges TOML"),
    "doppelter_name.toml": ("", "doppelt"),
    "gilt_bis_vor_gilt_ab.toml": (".werte[0].gilt_bis", "nicht vor gilt_ab"),
    "unbekannte_gewissheit.toml": (".werte[0].gewissheit", "in_kraft"),
    "nicht_bekannt_mit_werten.toml": (".nicht_bekannt", "keine Werte"),
    "nicht_chronologisch.toml": (".werte", "chronologisch"),
}  # fmt: skip


def test_jede_fehlerdatei_hat_einen_fall() -> None:
    assert sorted(p.name for p in FIXTURES.glob("*.toml")) == sorted(FEHLERFAELLE)


@pytest.mark.parametrize("datei", sorted(FEHLERFAELLE))
def test_fehlerdatei_nennt_datei_schluessel_und_problem(datei: str) -> None:
    ort, problem = FEHLERFAELLE[datei]
    schluessel = ort if ort.startswith("(") else "parameter[test.betrag]" + ort
    with pytest.raises(DatenFehler) as info:
        lade_parameterdatei(FIXTURES / datei)
    fehler = info.value
    assert fehler.datei.endswith(datei)
    assert fehler.schluessel == schluessel
    assert problem in fehler.problem
    assert str(fehler).startswith(f"{fehler.datei}: {schluessel}: ")
    assert pickle.loads(pickle.dumps(fehler)).schluessel == schluessel


def test_fehlende_datei() -> None:
    with pytest.raises(DatenFehler, match="nicht lesbar"):
        lade_parameterdatei(FIXTURES / "gibt_es_nicht.toml")


KATALOG = lade_rechtsquellen(
    """
[quelle.Q]
art = "richtlinie"
titel = "Eine Richtlinie"
gewissheit = "bestaetigt"
""",
    "katalog.toml",
)


def _datei(art: str, wert: str) -> str:
    return f"""
[[parameter]]
name = "test.wert"
beschreibung = "Test"
einheit = "E"
art = "{art}"

[[parameter.werte]]
wert = {wert}
gilt_ab = 2020-01-01
gewissheit = "unsicher"
quellen = ["Q"]
"""


@pytest.mark.parametrize(
    ("art", "toml", "erwartet"),
    [
        ("betrag", '"50000"', Decimal("50000.00")),
        ("betrag", '"22500.5"', Decimal("22500.50")),
        ("vzae", '"0.5"', Decimal("0.5")),
        ("quote", '"0.90"', Decimal("0.90")),
        ("anzahl", "3", 3),
        ("datum", "2024-10-30", date(2024, 10, 30)),
        ("text", '"bis 30.11. des Vorjahres"', "bis 30.11. des Vorjahres"),
    ],
)
def test_jede_art_wird_geladen(art: str, toml: str, erwartet: object) -> None:
    p = lade_parameter(_datei(art, toml), "test.toml", KATALOG)["test.wert"]
    w = p.wert_am(date(2020, 1, 1))
    assert w.wert == erwartet
    assert type(w.wert) is type(erwartet)
    assert w.gewissheit is Gewissheit.UNSICHER
    assert w.zuletzt_geprueft == STAND_ERSTERFASSUNG


@pytest.mark.parametrize(
    ("art", "toml"),
    [("betrag", '"50.000,00"'), ("betrag", '"1.234"'), ("vzae", "0.5"), ("quote", '"1.5"'),
     ("anzahl", '"3"'), ("anzahl", "true"), ("datum", '"2024-10-30"'), ("text", "3")],
)  # fmt: skip
def test_falsche_schreibweise_je_art(art: str, toml: str) -> None:
    with pytest.raises(DatenFehler) as info:
        lade_parameter(_datei(art, toml), "test.toml", KATALOG)
    assert info.value.schluessel == "parameter[test.wert].werte[0].wert"


def test_namen_sind_dateiuebergreifend_eindeutig() -> None:
    text = _datei("anzahl", "3")
    with pytest.raises(DatenFehler, match=r"schon in a\.toml") as info:
        lade_parameterdateien([("a.toml", text), ("b.toml", text)], KATALOG)
    assert info.value.datei == "b.toml"


def test_leere_datei_und_unbekannter_dateischluessel() -> None:
    with pytest.raises(DatenFehler, match="mindestens ein"):
        lade_parameter('beschreibung = "leer"\n', "leer.toml", KATALOG)
    with pytest.raises(DatenFehler, match="unbekannter Schlüssel"):
        lade_parameter('titel = "x"\n' + _datei("anzahl", "3"), "x.toml", KATALOG)
    with pytest.raises(UngueltigeEingabe):
        lade_parameter(b"x", "x.toml", KATALOG)  # type: ignore[arg-type]


def test_luecken_werden_geladen() -> None:
    text = _datei("anzahl", "3") + (
        '\n[[parameter.luecken]]\ngilt_ab = 2010-01-01\ngilt_bis = 2019-12-31\ngrund = "fehlt"\n'
    )
    p = lade_parameter(text, "l.toml", KATALOG)["test.wert"]
    assert p.luecken == (Luecke(date(2010, 1, 1), date(2019, 12, 31), "fehlt"),)
    with pytest.raises(NichtBekannt, match="fehlt"):
        p.wert_am(date(2015, 1, 1))
    with pytest.raises(KeinWertAmStichtag):
        p.wert_am(date(2009, 12, 31))


@pytest.mark.parametrize(
    ("text", "schluessel", "problem"),
    [
        ('[quelle.A]\nart = "gesetz"\ngewissheit = "bestaetigt"\n', "quelle[A].titel", "Pflicht"),
        ('[quelle.A]\nart = "gesetz"\ntitel = "T"\ngewissheit = "sicher"\n', "quelle[A].gewissheit",
         "einer der Werte"),
        ('[quelle.A]\nart = "erlass"\ntitel = "T"\ngewissheit = "bestaetigt"\n', "quelle[A].art",
         "runderlass"),
        ('[quelle.A]\nart = "gesetz"\ntitel = "T"\ngewissheit = "bestaetigt"\nseite = 3\n',
         "quelle[A].seite", "unbekannter Schlüssel"),
        ('[quelle.A]\nart = "gesetz"\ntitel = "T"\ngewissheit = "bestaetigt"\nbelege = ["B"]\n',
         "quelle[A].belege", "'B' steht nicht im Katalog"),
        ('[quelle.A]\nart = "gesetz"\ntitel = "T"\ngewissheit = "bestaetigt"\nteil_von = "B"\n',
         "quelle[A].teil_von", "nicht im Katalog"),
        ('[quelle.A]\nart = "gesetz"\ntitel = "T"\ngewissheit = "bestaetigt"\nurl = "x"\n',
         "quelle[A].url", "http"),
        ('[quelle."A B"]\nart = "gesetz"\ntitel = "T"\ngewissheit = "bestaetigt"\n',
         "quelle[A B].kurzname", "Buchstaben"),
        ('[quelle.A]\nart = "gesetz"\ntitel = "T"\ngewissheit = "bestaetigt"\n'
         'fassung_vom = "2012-02-14"\n', "quelle[A].fassung_vom", "TOML-Datum"),
        ("quelle = 3\n", "quelle", "Tabelle"),
        ("[quelle.A\n", "(TOML-Syntax)", "TOML"),
    ],
)  # fmt: skip
def test_katalogfehler(text: str, schluessel: str, problem: str) -> None:
    with pytest.raises(DatenFehler) as info:
        lade_rechtsquellen(text, "k.toml")
    assert (info.value.datei, info.value.schluessel) == ("k.toml", schluessel)
    assert problem in info.value.problem


# -- Eigenschaft: genau ein Wert oder ein klarer Fehler -------------------------------------------

_TAGE = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


@st.composite
def _parameter(draw: st.DrawFn) -> Parameter:
    grenzen = sorted(draw(st.sets(_TAGE, min_size=1, max_size=12)))
    werte: list[Parameterwert] = []
    luecken: list[Luecke] = []
    for i, ab in enumerate(grenzen):
        naechste = grenzen[i + 1] if i + 1 < len(grenzen) else None
        if naechste is None:
            bis = None if draw(st.booleans()) else ab + timedelta(days=draw(st.integers(0, 400)))
        else:
            bis = naechste - timedelta(days=draw(st.integers(1, max(1, (naechste - ab).days))))
        art = draw(st.sampled_from(["wert", "wert", "luecke", "nichts"]))
        if art == "wert":
            werte.append(_wert(Decimal(i).quantize(Decimal("0.01")), ab, bis))
        elif art == "luecke":
            luecken.append(Luecke(ab, bis, "unbekannt"))
    if not werte and not luecken:
        werte.append(_wert(Decimal("1.00"), grenzen[0], grenzen[0]))
    return _betrag(*werte, luecken=tuple(luecken))


@given(_parameter(), _TAGE)
def test_wert_am_liefert_den_einzigen_passenden_wert_oder_einen_klaren_fehler(
    p: Parameter, tag: date
) -> None:
    passend = [w for w in p.werte if w.enthaelt(tag)]
    in_luecke = [lu for lu in p.luecken if lu.enthaelt(tag)]
    assert len(passend) + len(in_luecke) <= 1
    if passend:
        assert p.wert_am(tag) is passend[0]
    elif in_luecke:
        with pytest.raises(NichtBekannt):
            p.wert_am(tag)
    else:
        with pytest.raises(KeinWertAmStichtag, match=tag.strftime("%d.%m.%Y")):
            p.wert_am(tag)


@given(st.sampled_from(sorted(alle_parameter())), st.dates())
def test_echte_parameter_fuer_jeden_tag(name: str, tag: date) -> None:
    p = parameter(name)
    passend = [w for w in p.werte if w.enthaelt(tag)]
    try:
        assert [p.wert_am(tag)] == passend
    except NichtBekannt:
        assert not passend
        assert not p.ist_bekannt or any(lu.enthaelt(tag) for lu in p.luecken)
    except KeinWertAmStichtag:
        assert not passend


# -- Generierter Katalog der Doku -------------------------------------------------------------


def test_doku_katalog_nennt_jeden_parameter_und_jede_quelle(tmp_path: Path) -> None:
    import importlib.util
    import sys

    pfad = Path(__file__).resolve().parent.parent / "docs" / "_ext" / "kim_katalog.py"
    if str(pfad.parent) not in sys.path:  # die Erweiterungen teilen docs/_ext/erzeugt.py
        sys.path.insert(0, str(pfad.parent))
    spec = importlib.util.spec_from_file_location("kim_katalog", pfad)
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    text = modul.erzeuge()
    for name in alle_parameter():
        assert f"``{name}``" in text
    for kurzname in alle_rechtsquellen():
        assert f".. rubric:: {kurzname} – " in text
    assert "57.000,00 €" in text
    ziel = tmp_path / "katalog.rst"
    assert modul.schreibe(ziel) is True
    assert modul.schreibe(ziel) is False  # unverändert: nicht neu geschrieben
    assert ziel.read_text(encoding="utf-8") == text


def test_fundstelle_nur_mit_nummer_wird_zitiert_wie_sie_ist() -> None:
    """Seit 2025 erscheint das Ministerialblatt als MB.NRW mit Nummern ohne Seite."""
    q = rechtsquelle("IA-RL-2025")
    assert q.fundstelle == "MB.NRW 2025 Nr. 196"
    assert q.zitat() == "IA-RL 2025 (MB.NRW 2025 Nr. 196)"
    assert q.zitiere("Nr. 5.1").text == "Nr. 5.1 IA-RL 2025 (MB.NRW 2025 Nr. 196)"
    assert (q.in_kraft_ab, q.gewissheit) == (date(2026, 1, 1), Gewissheit.UNSICHER)
    eigen = Rechtsquelle("X-MB", Quellenart.RICHTLINIE, "Eine Richtlinie", "X-RL",
                         fundstelle="MB.NRW 2025 Nr. 199")  # fmt: skip
    assert eigen.zitat() == "X-RL (MB.NRW 2025 Nr. 199)"


def test_quellen_des_stands_2026_haben_adresse_und_pruefdatum() -> None:
    neu = [q for k, q in alle_rechtsquellen().items() if k.startswith("N-")]
    assert len(neu) >= 40
    for q in neu:
        assert q.url is not None and q.url.startswith("http"), q.kurzname
        assert q.zuletzt_geprueft == date(2026, 12, 1), q.kurzname
    aenderung = rechtsquelle("KI-RL-2020")
    assert aenderung.fundstelle == "MBl. NRW. 2020 S. 769" and "BASS 19311" in aenderung.anmerkung
    assert "KI-RL-2020" in rechtsquelle("KI-RL-2023").ersetzt
