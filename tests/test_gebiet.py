"""Das Gebietsregister: Zahlen, Schlüssel, Navigation, Aachen, Namenssuche, schlechte Eingaben."""

from __future__ import annotations

import contextlib
import pickle
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kim_nrw
from kim_nrw import (
    AGS,
    ARS,
    Gebietsart,
    Kreis,
    KreisangehoerigeGemeinde,
    KreisfreieStadt,
    Kreisschluessel,
    RBSchluessel,
)
from kim_nrw.fehler import (
    KimNrwFehler,
    MehrdeutigerName,
    NichtGefunden,
    UngueltigeEingabe,
    UngueltigerAGS,
    UngueltigerSchluessel,
)

R = kim_nrw.register()


def test_zaehlungen() -> None:
    assert len(R.regierungsbezirke()) == 5
    assert len(R.kreise()) == 31
    assert len(R.kreisfreie_staedte()) == 22
    assert len(R.kreisangehoerige_gemeinden()) == 374
    assert len(R.gemeinden()) == 396
    assert len(R.ki_traeger()) == 54
    assert len(R.kommunen(Gebietsart.STAEDTEREGION)) == 1
    assert sum(1 for g in R.kreisangehoerige_gemeinden() if g.ist_stadt) == 250


@pytest.mark.parametrize(
    ("rb", "kreise", "kfs"),
    [("051", 5, 10), ("053", 8, 3), ("055", 5, 3), ("057", 6, 1), ("059", 7, 5)],
)
def test_kreise_und_kreisfreie_staedte_je_bezirk(rb: str, kreise: int, kfs: int) -> None:
    assert len(R.kreise(regierungsbezirk=rb)) == kreise
    assert len(R.kreisfreie_staedte(regierungsbezirk=rb)) == kfs


def test_schluessel_passen_zu_den_eltern() -> None:
    for g in R.kreisangehoerige_gemeinden():
        assert str(g.ags).startswith(str(g.kreis.schluessel))
        assert str(g.ags)[:3] == str(g.regierungsbezirk.schluessel)
        assert g.ars.ags == g.ags
    for s in R.kreisfreie_staedte():
        assert str(s.ags).endswith("000")
        assert s.ars.ags == s.ags


def test_summen_von_kreis_und_bezirk() -> None:
    for kreis in R.kreise():
        assert kreis.einwohner == sum(g.einwohner for g in kreis.gemeinden)
        assert kreis.flaeche_ha == sum(g.flaeche_ha for g in kreis.gemeinden)
    for rb in R.regierungsbezirke():
        assert rb.einwohner == sum(g.einwohner for g in rb.gemeinden)
    assert sum(g.einwohner for g in R.gemeinden()) == 17_925_570
    assert sum(g.flaeche_km2 for g in R.gemeinden()) == Decimal("34112.35")


def test_navigation_in_beide_richtungen() -> None:
    for kreis in R.kreise():
        for g in kreis.gemeinden:
            assert g.kreis == kreis
            assert g in kreis.regierungsbezirk.gemeinden
    koeln = R.regierungsbezirk("053")
    assert R.kreis("05370") in koeln.kreise


def test_die_zehn_gemeinden_des_kreises_heinsberg() -> None:
    heinsberg = R.kreis("05370")
    assert heinsberg.art is Gebietsart.KREIS
    assert heinsberg.bezeichnung == "Kreis Heinsberg"
    assert [g.name_kurz for g in heinsberg.gemeinden] == [
        "Erkelenz", "Gangelt", "Geilenkirchen", "Heinsberg", "Hückelhoven",
        "Selfkant", "Übach-Palenberg", "Waldfeucht", "Wassenberg", "Wegberg",
    ]  # fmt: skip
    assert heinsberg.einwohner == 256_458


def test_aachen_ist_rechtlich_kreisfrei_aber_regionsangehoerig() -> None:
    aachen = R.gemeinde("05334002")
    assert isinstance(aachen, KreisangehoerigeGemeinde)
    assert aachen.ist_kreisfrei
    assert aachen.kreis.art is Gebietsart.STAEDTEREGION
    assert aachen.sonderstatus is not None
    assert aachen.sonderstatus.eigenes_ki
    assert aachen.sonderstatus.auslaenderwesen_bei == Kreisschluessel("05334")
    assert aachen.sonderstatus.quelle == "AachenG"
    assert aachen in R.ki_traeger()
    assert str(aachen.ags) not in {str(s.ags) for s in R.kreisfreie_staedte()}
    # die anderen neun regionsangehörigen Gemeinden sind gewöhnlich kreisangehörig
    andere = [g for g in R.kreis("05334").gemeinden if g != aachen]
    assert len(andere) == 9
    assert not any(g.ist_kreisfrei or g.sonderstatus for g in andere)
    # keine andere Gemeinde hat einen Sonderstatus
    assert [g for g in R.kreisangehoerige_gemeinden() if g.sonderstatus] == [aachen]


def test_kreisfrei_kommt_nicht_aus_dem_schluessel() -> None:
    for g in R.gemeinden():
        if isinstance(g, KreisfreieStadt):
            assert g.ist_kreisfrei
        elif str(g.ags) != "05334002":
            assert not g.ist_kreisfrei


def test_ki_traeger_sind_kreisebene_plus_aachen() -> None:
    traeger = R.ki_traeger()
    assert {type(t) for t in traeger} == {Kreis, KreisfreieStadt, KreisangehoerigeGemeinde}
    assert len({str(t.schluessel) for t in traeger}) == 54


@pytest.mark.parametrize(
    ("anfrage", "schluessel"),
    [
        ("05370", "05370"),
        ("05370004", "05370004"),
        ("053700004004", "05370004"),
        ("05111", "05111000"),
        ("053", "053"),
        ("Erkelenz", "05370004"),
        ("erkelenz, stadt", "05370004"),
        ("ERKELENZ", "05370004"),
        ("Kreis Heinsberg", "05370"),
        ("Stadt Heinsberg", "05370016"),
        ("Muelheim an der Ruhr", "05117000"),
        ("Mülheim an der Ruhr", "05117000"),
        ("Uebach-Palenberg", "05370028"),
        ("übach palenberg", "05370028"),
        ("Städteregion Aachen", "05334"),
        ("StädteRegion Aachen", "05334"),
        ("Aachen", "05334002"),
        ("Regierungsbezirk Köln", "053"),
        ("Reg.-Bez. Köln", "053"),
        ("Solingen", "05122000"),
        ("Erkrath", "05158004"),
        ("Meschede", "05958032"),
        ("Hochsauerlandkreis", "05958"),
    ],
)
def test_finde(anfrage: str, schluessel: str) -> None:
    assert str(R.finde(anfrage).schluessel) == schluessel


def test_gross_und_ss_schreibung() -> None:
    treffer = [g for g in R.gemeinden() if "ß" in g.name]
    assert treffer, "die Daten enthalten Namen mit ß"
    for g in treffer:
        assert R.finde(g.name_kurz.replace("ß", "ss").upper()) == g


@pytest.mark.parametrize(
    ("anfrage", "kandidaten"),
    [
        ("Heinsberg", {"05370", "05370016"}),
        ("Köln", {"053", "05315000"}),
        ("Düsseldorf", {"051", "05111000"}),
        ("Münster", {"055", "05515000"}),
    ],
)
def test_mehrdeutige_namen_nennen_alle_kandidaten(anfrage: str, kandidaten: set[str]) -> None:
    with pytest.raises(MehrdeutigerName) as info:
        R.finde(anfrage)
    assert {k for k, _ in info.value.kandidaten} == kandidaten
    for k in kandidaten:
        assert k in str(info.value)


def test_jeder_eindeutige_kurzname_findet_seine_einheit() -> None:
    for einheit in R.einheiten:
        treffer = R.suche(einheit.name)
        assert einheit in treffer


@pytest.mark.parametrize(
    ("eingabe", "fehler"),
    [
        ("", UngueltigerAGS),
        (None, UngueltigerAGS),
        ("0537", UngueltigerAGS),
        ("09162000", UngueltigerAGS),
        ("05370 004", UngueltigerAGS),
        ("０５３７０００４", UngueltigerAGS),
        ("٠٥٣٧٠٠٠٤", UngueltigerAGS),
        ("0" * 10_000, UngueltigerAGS),
        (5370004, UngueltigerAGS),
        ("05270004", UngueltigerAGS),  # Bezirksziffer 2 gibt es nicht
    ],
)
def test_schlechte_ags(eingabe: object, fehler: type[Exception]) -> None:
    with pytest.raises(fehler) as info:
        AGS.parse(eingabe)
    assert isinstance(info.value, ValueError)
    assert "AGS" in str(info.value) and "8 Ziffern" in str(info.value)
    assert info.value.wert == eingabe  # type: ignore[attr-defined]
    assert len(str(info.value)) < 400


@pytest.mark.parametrize(
    "eingabe", ["", "0537", "05370 004", "09162000", "０５３７０", "1" * 10_000, "05370004x"]
)
def test_finde_mit_schlechter_eingabe_gibt_kim_fehler(eingabe: str) -> None:
    with pytest.raises(KimNrwFehler):
        R.finde(eingabe)


@pytest.mark.parametrize("eingabe", [None, 5370, b"05370", ["05370"]])
def test_finde_mit_falschem_typ(eingabe: object) -> None:
    with pytest.raises(UngueltigeEingabe):
        R.finde(eingabe)  # type: ignore[arg-type]


def test_unbekannter_gueltiger_schluessel() -> None:
    with pytest.raises(NichtGefunden, match="05370099"):
        R.finde("05370099")
    with pytest.raises(NichtGefunden):
        R.kreis("05111")  # kreisfreie Stadt, kein Kreis


def test_unbekannter_name() -> None:
    with pytest.raises(NichtGefunden, match="Atlantis"):
        R.finde("Atlantis")


def test_fehler_sind_picklebar() -> None:
    try:
        AGS.parse("x")
    except UngueltigerAGS as f:
        kopie = pickle.loads(pickle.dumps(f))
        assert str(kopie) == str(f)
    try:
        R.finde("Heinsberg")
    except MehrdeutigerName as f:
        assert str(pickle.loads(pickle.dumps(f))) == str(f)


SCHLUESSELTYPEN = [RBSchluessel, Kreisschluessel, AGS, ARS]


@pytest.mark.parametrize("typ", SCHLUESSELTYPEN)
@given(text=st.text() | st.from_regex(r"\A05[0-9]{1,10}\Z"))
def test_jeder_text_ist_schluessel_oder_gibt_den_eigenen_fehler(typ: type[AGS], text: str) -> None:
    try:
        schluessel = typ.parse(text)
    except UngueltigerSchluessel as fehler:
        assert isinstance(fehler, typ.FEHLER)
    else:
        assert str(schluessel) == text
        assert typ.parse(str(schluessel)) == schluessel


@given(text=st.text(max_size=200))
def test_finde_wirft_nur_eigene_fehler(text: str) -> None:
    with contextlib.suppress(KimNrwFehler):
        R.finde(text)


def test_datenstand_und_quellenvermerk() -> None:
    stand = R.datenstand
    assert stand.gebietsstand.isoformat() == "2021-11-30"
    assert stand.stichtag_bevoelkerung.isoformat() == "2020-12-31"
    assert "Destatis" in stand.quellenvermerk and "Quellenangabe" in stand.quellenvermerk


def test_register_wird_einmal_geladen() -> None:
    assert kim_nrw.register() is kim_nrw.register()


def test_nicht_gefunden_behaelt_beim_pickeln_den_hinweis() -> None:
    with pytest.raises(NichtGefunden) as info:
        R.nach_schluessel("05999")
    kopie = pickle.loads(pickle.dumps(info.value))
    assert str(kopie) == str(info.value) and "NRW hat diesen Schlüssel nicht" in str(kopie)
    assert (kopie.was, kopie.anfrage, kopie.hinweis) == (
        info.value.was,
        info.value.anfrage,
        info.value.hinweis,
    )


def test_einheiten_eines_eigenen_registers_bleiben_in_ihm() -> None:
    from kim_nrw.gebiet import DATENSTAND, Register

    erkelenz, heinsberg, koeln = R.gemeinde("05370004"), R.kreis("05370"), R.regierungsbezirk("053")
    eigen = Register(einheiten=(erkelenz, heinsberg, koeln), datenstand=DATENSTAND)
    assert [g.name for g in eigen.kreis("05370").gemeinden] == ["Erkelenz, Stadt"]
    assert eigen.kreis("05370").gemeinden[0].kreis is eigen.kreis("05370")
    assert eigen.regierungsbezirk("053").kreise == (eigen.kreis("05370"),)
    # Das eingebettete Register bleibt unberührt, die Einheiten bleiben gleich.
    assert len(R.kreis("05370").gemeinden) == 10
    assert R.kreis("05370").gemeinden[0].kreis is R.kreis("05370")
    assert eigen.gemeinde("05370004") == erkelenz


def test_von_hand_gebaute_einheit_fragt_das_eingebettete_register() -> None:
    from kim_nrw.gebiet import ARS, KreisangehoerigeGemeinde

    g = KreisangehoerigeGemeinde(
        AGS.parse("05370004"), ARS.parse("053700004004"), "Erkelenz, Stadt", True, 1, 1
    )
    assert g.kreis is R.kreis("05370")
    assert g.regierungsbezirk is R.regierungsbezirk("053")


@pytest.mark.parametrize(
    "aufruf",
    [
        lambda: R.kreise(regierungsbezirk=10**5000),  # type: ignore[arg-type]
        lambda: R.kreisfreie_staedte(regierungsbezirk=10**5000),  # type: ignore[arg-type]
        lambda: R.kreisangehoerige_gemeinden(kreis=10**5000),  # type: ignore[arg-type]
        lambda: R.kreisangehoerige_gemeinden(regierungsbezirk=[1]),  # type: ignore[arg-type]
        lambda: R.gemeinden(kreis=10**5000),  # type: ignore[arg-type]
        lambda: R.gemeinden(regierungsbezirk=b"053"),  # type: ignore[arg-type]
        lambda: R.regierungsbezirk(10**5000),  # type: ignore[arg-type]
        lambda: R.kreis(None),  # type: ignore[arg-type]
        lambda: R.gemeinde(5370004),  # type: ignore[arg-type]
    ],
)
def test_falsche_argumente_geben_den_schluesselfehler(aufruf: Callable[[], object]) -> None:
    with pytest.raises(UngueltigerSchluessel, match="erwartet"):
        aufruf()


def test_register_laedt_auch_bei_gleichzeitigem_erstem_zugriff_einmal() -> None:
    code = (
        "import sys, threading\n"
        "import kim_nrw.gebiet.register\n"
        "r = sys.modules['kim_nrw.gebiet.register']\n"
        "aufrufe = []\n"
        "echt = r.aus_csv\n"
        "def zaehle(*a, **k):\n"
        "    aufrufe.append(1)\n"
        "    return echt(*a, **k)\n"
        "r.aus_csv = zaehle\n"
        "start = threading.Barrier(8)\n"
        "ergebnisse = []\n"
        "def lauf():\n"
        "    start.wait()\n"
        "    ergebnisse.append(r.register())\n"
        "threads = [threading.Thread(target=lauf) for _ in range(8)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "print(len(aufrufe), len({id(e) for e in ergebnisse}))\n"
    )
    ergebnis = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert ergebnis.stdout.split() == ["1", "1"], ergebnis.stderr


@pytest.mark.parametrize(
    ("anfrage", "ags"),
    [
        ("Mülheim a.d. Ruhr", "05117000"),
        ("Mülheim a. d. Ruhr", "05117000"),
        ("Mülheim/Ruhr", "05117000"),
        ("Mu\u0308lheim an der Ruhr", "05117000"),  # aus einem PDF: ü zerlegt (NFD)
        ("Emmerich a. Rh.", "05154008"),
        ("Gronau i. W.", "05554020"),
        ("Gronau (Westfalen)", "05554020"),
        ("Halle/Westf.", "05754012"),
        ("Langenfeld (Rhld.)", "05158020"),
        ("Stolberg (Rheinland)", "05334032"),
        ("Hennef/Sieg", "05382020"),
        ("Wetter an der Ruhr", "05954032"),
        ("Heinsberg, Stadt", "05370016"),
    ],
)
def test_kommunen_werden_gefunden_wie_man_sie_schreibt(anfrage: str, ags: str) -> None:
    assert str(R.finde(anfrage).schluessel) == ags


def test_jeder_kandidat_der_mehrdeutigkeit_wird_selbst_gefunden() -> None:
    geprueft = 0
    for einheit in R.einheiten:
        try:
            R.finde(einheit.name_kurz)
        except MehrdeutigerName as fehler:
            for schluessel, name in fehler.kandidaten:
                assert str(R.finde(name).schluessel) == schluessel, name
                geprueft += 1
    assert geprueft >= 4  # u. a. Heinsberg, Köln, Düren, Aachen


def test_jede_einheit_wird_unter_amtlichem_namen_und_bezeichnung_gefunden() -> None:
    for einheit in R.einheiten:
        if "," in einheit.name:  # der Name mit amtlichem Zusatz ist eindeutig
            assert R.finde(einheit.name) is einheit, einheit.name
        if not isinstance(einheit, kim_nrw.Regierungsbezirk):
            assert R.finde(einheit.bezeichnung) is einheit, einheit.bezeichnung
