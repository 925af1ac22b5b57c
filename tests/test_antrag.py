"""Antrag, Bescheid und Verwendungsnachweis: Konstruktion, schlechte Eingaben, Abgleich."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from kim_nrw import (
    AGS,
    Ausgabe,
    Betrag,
    Foerderantrag,
    Kreisschluessel,
    Programmteil,
    Stelle,
    Stellenanteil,
    Stellenfunktion,
    Verwendungsnachweis,
    Zeitraum,
    Zuwendungsbescheid,
    abgleich,
)
from kim_nrw.antrag import BEWILLIGUNGSBEHOERDE, Drittmittel, Weiterleitung, Zusatzstelle
from kim_nrw.fehler import NichtGefunden, UngueltigeEingabe
from kim_nrw.programme import Foerderart

AZ = "36.01-KIM-2021-05370"


def _antrag(**kw: Any) -> Foerderantrag:
    werte: dict[str, Any] = {
        "antragsteller": Kreisschluessel("05370"),
        "programmteile": Programmteil.KIM_B2,
        "zeitraum": Zeitraum.jahr(2021),
        "stellen": (Stelle(Stellenfunktion.CASE_MANAGEMENT, Stellenanteil.von(1)),),
    } | kw
    return Foerderantrag(**werte)


def test_antragsteller_aus_dem_register() -> None:
    assert _antrag().kommune.bezeichnung == "Kreis Heinsberg"
    assert _antrag(antragsteller=AGS("05334002")).kommune.ist_kreisfrei
    assert _antrag(antragsteller=Kreisschluessel("05111")).kommune.name == "Düsseldorf, Stadt"


def test_unbekannter_antragsteller() -> None:
    with pytest.raises(NichtGefunden, match="05370099"):
        _antrag(antragsteller=AGS("05370099"))


@pytest.mark.parametrize(
    ("feld", "wert"),
    [
        ("antragsteller", "05370"),
        ("programmteile", "KIM.B2"),
        ("programmteile", ()),
        ("programmteile", (Programmteil.KIM_B1, Programmteil.KIM_B1)),
        ("zeitraum", "2021"),
        ("stellen", [Stelle(Stellenfunktion.CASE_MANAGEMENT, Stellenanteil.von(1))]),
        ("stellen", ("x",)),
        ("sonstige_kosten", 100),
        ("beantragter_betrag", 55000.0),
        ("antragsdatum", datetime(2021, 1, 1, 12, 0)),
        ("antragsdatum", "2021-01-01"),
        ("ki_vorhanden", "ja"),
        ("ratsbeschluss", "2012-09-27"),
        ("integrationskonzept", 2020),
        ("zusatzstelle", "05370004"),
        ("weiterleitungen", None),
        ("andere_foerderung", [Drittmittel("ESF", Betrag.von(1), True)]),
    ],
)
def test_falscher_typ_nennt_das_feld(feld: str, wert: object) -> None:
    with pytest.raises(UngueltigeEingabe) as info:
        _antrag(**{feld: wert})
    assert f"Foerderantrag.{feld}" in str(info.value)
    assert info.value.wert is wert


def test_tatsachen_duerfen_unbekannt_sein() -> None:
    antrag = _antrag()
    assert antrag.ki_vorhanden is None and antrag.ratsbeschluss is None
    assert antrag.andere_foerderung is None
    assert _antrag(andere_foerderung=()).andere_foerderung == ()


def test_nachweis_als_datum_oder_wahrheitswert() -> None:
    assert _antrag(ratsbeschluss=date(2012, 9, 27)).ratsbeschluss == date(2012, 9, 27)
    assert _antrag(integrationskonzept=False).integrationskonzept is False


@pytest.mark.parametrize(
    "bauer",
    [
        lambda: Weiterleitung("", Betrag.von(1)),
        lambda: Weiterleitung("DRK", 1),  # type: ignore[arg-type]
        lambda: Drittmittel("ESF", Betrag.von(1), "ja"),  # type: ignore[arg-type]
        lambda: Zusatzstelle("05370004"),  # type: ignore[arg-type]
        lambda: Zusatzstelle(AGS("05370004"), jugendamt="ja"),  # type: ignore[arg-type]
        lambda: Stelle("case_management", Stellenanteil.von(1)),  # type: ignore[arg-type]
        lambda: Stelle(Stellenfunktion.CASE_MANAGEMENT, Stellenanteil.von(1), "x" * 501),
    ],
)
def test_teile_pruefen_ihre_felder(bauer: Any) -> None:
    with pytest.raises(UngueltigeEingabe):
        bauer()


def _bescheid(betrag: int = 55000, zeitraum: Zeitraum | None = None) -> Zuwendungsbescheid:
    return Zuwendungsbescheid(AZ, date(2021, 3, 1), _antrag(), Betrag.von(betrag),
                              zeitraum or Zeitraum.jahr(2021),
                              Foerderart.FACHBEZOGENE_PAUSCHALE)  # fmt: skip


def test_bescheid_standardbehoerde() -> None:
    assert _bescheid().behoerde == BEWILLIGUNGSBEHOERDE
    assert "Bezirksregierung Arnsberg" in BEWILLIGUNGSBEHOERDE


def test_bescheid_zeitraum_muss_im_antrag_liegen() -> None:
    assert _bescheid(zeitraum=Zeitraum.halbjahr(2021, 2)).zeitraum.beginn == date(2021, 7, 1)
    with pytest.raises(UngueltigeEingabe, match=r"Zuwendungsbescheid\.zeitraum"):
        _bescheid(zeitraum=Zeitraum.parse("2021-06-01/2022-01-31"))


def _nachweis(*ausgaben: tuple[str, int]) -> Verwendungsnachweis:
    return Verwendungsnachweis(AZ, tuple(
        Ausgabe(Stellenfunktion.CASE_MANAGEMENT, Zeitraum.parse(z), Betrag.von(b))
        for z, b in ausgaben))  # fmt: skip


def test_abgleich_nicht_verbraucht_wird_erstattet() -> None:
    ergebnis = abgleich(_bescheid(), _nachweis(("2021-01-01/2021-06-30", 25000),
                                               ("2021-07-01/2021-12-31", 20000)))  # fmt: skip
    assert ergebnis.verwendet == Betrag.von(45000)
    assert ergebnis.nicht_verbraucht == ergebnis.erstattung == Betrag.von(10000)
    assert ergebnis.ausserhalb == ()


def test_abgleich_mehrausgaben_werden_nicht_erstattet() -> None:
    ergebnis = abgleich(_bescheid(), _nachweis(("2021-01-01/2021-12-31", 60000)))
    assert ergebnis.erstattung == Betrag.null()


def test_abgleich_ausgaben_ausserhalb_des_zeitraums_zaehlen_nicht() -> None:
    ergebnis = abgleich(_bescheid(), _nachweis(("2021-01-01/2021-12-31", 50000),
                                               ("2022-01-01/2022-01-31", 5000)))  # fmt: skip
    assert ergebnis.verwendet == Betrag.von(50000)
    assert len(ergebnis.ausserhalb) == 1
    assert ergebnis.erstattung == Betrag.von(5000)


def test_abgleich_nur_mit_gleichem_aktenzeichen() -> None:
    nachweis = Verwendungsnachweis("anderes", ())
    with pytest.raises(UngueltigeEingabe, match="Aktenzeichen"):
        abgleich(_bescheid(), nachweis)


def test_gemeinsamer_antrag_hat_seine_teile_in_fester_reihenfolge() -> None:
    antrag = _antrag(programmteile=[Programmteil.KIM_B2, Programmteil.KIM_B1])
    assert antrag.programmteile == (Programmteil.KIM_B1, Programmteil.KIM_B2)
    assert antrag.ist_gemeinsam
    with pytest.raises(UngueltigeEingabe, match="programmteile"):
        antrag.programmteil  # noqa: B018 - die Frage nach *dem* Teil ist falsch gestellt
    einzeln = _antrag()
    assert einzeln.programmteile == (Programmteil.KIM_B2,) and not einzeln.ist_gemeinsam
    assert einzeln.programmteil is Programmteil.KIM_B2


def test_programmteil_als_schluesselwort_ist_veraltet_und_geht_weiter() -> None:
    with pytest.warns(DeprecationWarning, match=r"programmteil=.*programmteile="):
        antrag = Foerderantrag(Kreisschluessel("05370"), programmteil=Programmteil.KIM_B2,
                               zeitraum=Zeitraum.jahr(2021))  # fmt: skip
    assert antrag == Foerderantrag(Kreisschluessel("05370"), Programmteil.KIM_B2,
                                   Zeitraum.jahr(2021))  # fmt: skip
    with pytest.warns(DeprecationWarning), pytest.raises(UngueltigeEingabe, match="nur eines"):
        Foerderantrag(Kreisschluessel("05370"), Programmteil.KIM_B2, Zeitraum.jahr(2021),
                      programmteil=Programmteil.KIM_B1)  # fmt: skip


def test_der_konstruktor_nennt_jedes_feld_in_der_reihenfolge_der_felder() -> None:
    # Foerderantrag hat einen eigenen __init__ (ein Teil darf an zweiter Stelle stehen);
    # ein neues Feld ohne Parameter dort fiele sonst erst beim Aufruf auf.
    import inspect

    import attrs

    parameter = list(inspect.signature(Foerderantrag.__init__).parameters)
    felder = [a.name for a in attrs.fields(Foerderantrag)]
    assert parameter == ["self", *felder, "programmteil"]


@pytest.mark.parametrize(
    "zeitraum",
    [Zeitraum(date(2021, 1, 1), date(9999, 12, 31)), Zeitraum(date(1999, 12, 31), date(2021, 1, 1)),
     Zeitraum(date(2100, 1, 1), date(2101, 1, 1))],
    ids=["bis-9999", "ab-1999", "bis-2101"],
)  # fmt: skip
def test_der_antragszeitraum_liegt_in_den_haushaltsjahren_2000_bis_2100(zeitraum: Zeitraum) -> None:
    with pytest.raises(UngueltigeEingabe, match="Haushaltsjahren 2000 bis 2100") as fehler:
        Foerderantrag(Kreisschluessel("05370"), Programmteil.KIM_B2, zeitraum)
    assert fehler.value.feld == "Foerderantrag.zeitraum"
    grenzen = Zeitraum(date(2000, 1, 1), date(2100, 12, 31))
    assert Foerderantrag(Kreisschluessel("05370"), Programmteil.KIM_B2, grenzen).zeitraum == grenzen


def test_der_lader_lehnt_den_antrag_bis_9999_mit_seinem_pfad_ab() -> None:
    import json

    from kim_nrw.fehler import DokumentFehler
    from kim_nrw.serial import lade

    dokument = {"dokument": "foerderantrag", "version": 2,
                "inhalt": {"antragsteller": "05370", "programmteile": ["KIM.B2"],
                           "zeitraum": "2021-01-01/9999-12-31"}}  # fmt: skip
    with pytest.raises(DokumentFehler, match=r"\$\.inhalt\.zeitraum"):
        lade("foerderantrag", json.dumps(dokument))


def test_antragsteller_als_text_oder_kommune_nennt_den_erwarteten_typ() -> None:
    from kim_nrw.gebiet import register

    with pytest.raises(UngueltigeEingabe, match=r'Kreisschluessel\("05711"\)'):
        Foerderantrag("05711", Programmteil.KIM_B2, Zeitraum.jahr(2021))  # type: ignore[arg-type]
    kreis = register().kreis("05370")
    with pytest.raises(UngueltigeEingabe, match=r"kommune\.schluessel"):
        Foerderantrag(kreis, Programmteil.KIM_B2, Zeitraum.jahr(2021))  # type: ignore[arg-type]
    antrag = Foerderantrag(kreis.schluessel, Programmteil.KIM_B2, Zeitraum.jahr(2021))
    assert antrag.kommune is kreis
