"""Das KI-Register: 54 KI, Zuständigkeit für alle 396 Gemeinden, Aachen, Zählungen."""

from __future__ import annotations

from collections import Counter

import pytest

from kim_nrw import register
from kim_nrw.fehler import NichtGefunden, UngueltigeEingabe
from kim_nrw.gebiet import Kreis, KreisangehoerigeGemeinde, KreisfreieStadt
from kim_nrw.recht import Gewissheit
from kim_nrw.zentren import KI_ZAEHLUNGEN, ki, ki_register, zustaendiges_ki


def test_54_ki_je_traeger_eines() -> None:
    alle = ki_register()
    assert len(alle) == 54
    assert len({z.schluessel for z in alle}) == 54
    arten = Counter(type(z.traeger) for z in alle)
    assert arten == {Kreis: 31, KreisfreieStadt: 22, KreisangehoerigeGemeinde: 1}


def test_ki_je_regierungsbezirk() -> None:
    je_rb = Counter(z.regierungsbezirk.name_kurz for z in ki_register())
    # RB Arnsberg: 12 KI (S-Unna-2018); Köln 8 Kreise + 3 kfS + Stadt Aachen
    assert je_rb == {"Düsseldorf": 15, "Köln": 12, "Münster": 8, "Detmold": 7, "Arnsberg": 12}


def test_jede_der_396_gemeinden_hat_genau_ein_ki() -> None:
    zuordnung = {str(g.ags): zustaendiges_ki(g) for g in register().gemeinden()}
    assert len(zuordnung) == 396
    # jede Gemeinde taucht in den Kommunen genau eines KI auf
    aus_ki = Counter(str(g.ags) for z in ki_register() for g in z.kommunen)
    assert set(aus_ki) == set(zuordnung) and set(aus_ki.values()) == {1}
    for ags, zentrum in zuordnung.items():
        assert ags in {str(g.ags) for g in zentrum.kommunen}


def test_zustaendigkeit_in_der_staedteregion_aachen() -> None:
    assert zustaendiges_ki("05334002").traeger.name == "Aachen, Stadt"
    staedteregion = ki("05334")
    for g in register().kreis("05334").gemeinden:
        erwartet = "05334002" if str(g.ags) == "05334002" else "05334"
        assert zustaendiges_ki(g).schluessel == erwartet
    assert len(staedteregion.kommunen) == 9


@pytest.mark.parametrize(
    ("kommune", "traeger"),
    [("05370", "05370"), ("05370004", "05370"), ("05111000", "05111"), ("05111", "05111"),
     ("Herne", "05916"), ("05334", "05334")],
)  # fmt: skip
def test_zustaendiges_ki(kommune: str, traeger: str) -> None:
    assert zustaendiges_ki(kommune).schluessel == traeger


def test_ki_nur_fuer_traeger() -> None:
    with pytest.raises(NichtGefunden, match="Kreis Heinsberg"):
        ki("Erkelenz")
    with pytest.raises(NichtGefunden):
        ki("053")
    assert ki("Stadt Aachen").traeger.name == "Aachen, Stadt"


def test_regierungsbezirk_hat_kein_zustaendiges_ki() -> None:
    with pytest.raises(UngueltigeEingabe):
        zustaendiges_ki("059")


def test_gruendungen_nur_wo_belegt() -> None:
    bekannt = {z.schluessel: z.gruendung for z in ki_register() if z.gruendung}
    assert set(bekannt) == {"05334002", "05562", "05911", "05916", "05114", "05170", "05370",
                            "05558", "05566"}  # fmt: skip
    assert bekannt["05334002"].jahr == 2013
    assert bekannt["05558"].datum is not None and bekannt["05558"].datum.isoformat() == "2016-02-15"


def test_historische_zaehlungen() -> None:
    zahlen = {(z.stand.isoformat(), z.anzahl) for z in KI_ZAEHLUNGEN}
    assert ("2016-01-22", 49) in zahlen
    assert ("2017-10-22", 52) in zahlen
    assert ("2018-01-01", 54) in zahlen
    assert [z.anzahl for z in KI_ZAEHLUNGEN if z.gewissheit is Gewissheit.UNSICHER] == [52]
    assert max(z.anzahl for z in KI_ZAEHLUNGEN) == len(ki_register())


def test_gruendung_und_zaehlung_pruefen_ihre_felder() -> None:
    from datetime import date

    from kim_nrw.zentren import Gruendung, KIZaehlung

    with pytest.raises(UngueltigeEingabe, match=r"^Gruendung\.jahr: "):
        Gruendung(13, None, ("S-Krefeld",))
    with pytest.raises(UngueltigeEingabe, match=r"^KIZaehlung\.quellen: "):
        KIZaehlung(date(2016, 1, 22), 49, ())
