"""Beträge und Stellenanteile: reale Werte, exakte Rechnung, Rundungsregel, schlechte Eingaben."""

from __future__ import annotations

import datetime as dt
import math
import pickle
import re
from decimal import Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kim_nrw.fehler import (
    KimNrwFehler,
    UngueltigeEingabe,
    UngueltigerBetrag,
    UngueltigerStellenanteil,
)
from kim_nrw.geld import BETRAG_MAX, Betrag, Stellenanteil
from kim_nrw.zeit import Zeitraum

MAX_CENT = int(BETRAG_MAX * 100)

cents = st.integers(0, MAX_CENT)
kleine_cents = st.integers(0, 10**11)


def aus_cent(cent: int) -> Betrag:
    return Betrag(Decimal(cent).scaleb(-2))


betraege = cents.map(aus_cent)
faktoren = st.one_of(
    st.integers(0, 1000),
    st.fractions(min_value=0, max_value=1000, max_denominator=10**6),
    st.decimals(min_value=0, max_value=1000, places=6, allow_nan=False, allow_infinity=False),
)


# -- reale Werte ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "57.000,00 €",
        "57.000,00 EUR",
        "57.000,00\u00a0€",
        "57.000,00€",
        "57000,00",
        "57.000",
        "57.000 €",
        "57000",
        "57000.00",
        "57000.0",
    ],
)
def test_57000_euro_in_allen_schreibweisen(text: str) -> None:
    b = Betrag.parse(text)
    assert b.wert == Decimal("57000.00")
    assert b.wert.as_tuple().exponent == -2
    assert str(b) == b.deutsch() == "57.000,00 €"
    assert b == Betrag.von(57000) == Betrag.von(Decimal("57000")) == Betrag.von(text)


def test_repr_lesbar() -> None:
    assert repr(Betrag.parse("57.000,00 €")) == "Betrag(wert=Decimal('57000.00'))"
    assert repr(Stellenanteil.parse("0,5")) == "Stellenanteil(wert=Decimal('0.5'))"


@pytest.mark.parametrize(
    ("text", "wert"),
    [
        ("1.234,5", "1234.50"),
        ("1.234", "1234.00"),  # drei Ziffern nach dem Punkt: immer Tausenderpunkt
        ("1.23", "1.23"),
        ("0", "0.00"),
        ("0,01", "0.01"),
        ("0.5", "0.50"),
        ("22.500,00 €", "22500.00"),
        ("1.000.000,00 €", "1000000.00"),
        ("999.999.999.999.999,99", "999999999999999.99"),
    ],
)
def test_parse_schreibweisen(text: str, wert: str) -> None:
    assert Betrag.parse(text).wert == Decimal(wert)


def test_deutsche_ausgabe() -> None:
    assert Betrag.null().deutsch() == "0,00 €"
    assert Betrag.parse("0,05").deutsch() == "0,05 €"
    assert Betrag.von(1234567).deutsch() == "1.234.567,00 €"
    assert Betrag.von(999).deutsch() == "999,00 €"
    assert Betrag.von(1000).deutsch() == "1.000,00 €"


def test_halbe_stelle_und_jahresanteile() -> None:
    jahr = Betrag.parse("57.000,00 €")
    assert jahr.mal(Stellenanteil.parse("0,5")) == Betrag.parse("28.500,00")
    kim_b2 = Zeitraum.parse("2020-07-01/2020-12-31")
    # zwei Anteile, zwei Ergebnisse – welcher gilt, sagt die Regel, nicht der Typ
    assert jahr.mal(kim_b2.jahresanteil_monate()) == Betrag.parse("28.500,00")
    assert jahr.mal(kim_b2.jahresanteil_tage()) == Betrag.parse("28.655,74")  # 28.655,7377…
    assert jahr.mal(6) == Betrag.parse("342.000,00")


# -- die eine Rundungsregel ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("betrag", "faktor", "ergebnis"),
    [
        ("0,05", Fraction(1, 2), "0,03"),  # 2,5 Cent -> 3 (halb auf)
        ("0,03", Fraction(1, 2), "0,02"),  # 1,5 Cent -> 2
        ("0,01", Fraction(1, 2), "0,01"),  # 0,5 Cent -> 1
        ("0,01", Fraction(49, 100), "0,00"),  # 0,49 Cent -> 0
        ("100,00", Fraction(1, 3), "33,33"),
        ("200,00", Fraction(1, 3), "66,67"),
        ("0,10", Decimal("0.25"), "0,03"),  # 2,5 Cent -> 3 (nicht Banker's Rounding)
        ("0,10", Decimal("0.15"), "0,02"),  # 1,5 Cent -> 2
        ("57.000,00", 0, "0,00"),
        ("57.000,00", Decimal("1E+3"), "57.000.000,00"),
    ],
)
def test_mal_rundet_kaufmaennisch(
    betrag: str, faktor: int | Decimal | Fraction, ergebnis: str
) -> None:
    assert Betrag.parse(betrag).mal(faktor) == Betrag.parse(ergebnis)


@given(betraege, faktoren)
def test_mal_ist_exakt_dann_halb_auf(b: Betrag, faktor: int | Decimal | Fraction) -> None:
    genau = Fraction(b.cent) * Fraction(faktor)
    erwartet = math.floor(genau + Fraction(1, 2))
    if erwartet > MAX_CENT:
        with pytest.raises(UngueltigerBetrag):
            b.mal(faktor)
        return
    ergebnis = b.mal(faktor)
    assert ergebnis.cent == erwartet
    assert abs(Fraction(ergebnis.cent) - genau) <= Fraction(1, 2)


def test_mal_haengt_nicht_vom_decimal_kontext_ab() -> None:
    b = Betrag.parse("123.456.789,01")
    with localcontext() as ctx:
        ctx.prec = 3
        assert b.mal(Fraction(1, 3)) == Betrag.parse("41.152.263,00")
        assert b + Betrag.parse("0,01") == Betrag.parse("123.456.789,02")
        assert b - Betrag.parse("0,01") == Betrag.parse("123.456.789,00")
        assert Betrag.von(Decimal("123456789.01")) == b


# -- exakte Summen, keine Drift ------------------------------------------------------------


@given(st.lists(kleine_cents, max_size=50))
def test_summe_exakt(liste: list[int]) -> None:
    teile = [aus_cent(c) for c in liste]
    if teile:
        assert sum(teile) == aus_cent(sum(liste))
    else:
        assert sum(teile) == 0  # sum([]) bleibt die ganze Zahl 0; Startwert Betrag.null()
    assert sum(teile, Betrag.null()) == aus_cent(sum(liste))


@given(betraege, betraege)
def test_addition_und_subtraktion(a: Betrag, b: Betrag) -> None:
    if a.cent + b.cent > MAX_CENT:
        with pytest.raises(UngueltigerBetrag):
            a + b
        return
    assert a + b == b + a
    assert (a + b) - b == a
    assert (a + b).cent == a.cent + b.cent


@given(betraege, betraege)
def test_subtraktion_nie_negativ(a: Betrag, b: Betrag) -> None:
    if b > a:
        with pytest.raises(UngueltigerBetrag, match="nie negativ"):
            a - b
        assert a.wert - b.wert < 0  # die Differenz mit Vorzeichen ist ein Decimal
    else:
        assert (a - b).cent == a.cent - b.cent


@given(
    kleine_cents.map(aus_cent),
    st.lists(
        st.one_of(st.integers(0, 400), st.fractions(0, 10, max_denominator=1000)),
        min_size=1,
        max_size=20,
    ).filter(lambda a: sum(a) > 0),
)
def test_aufteilen_ergibt_genau_das_ganze(ganzes: Betrag, anteile: list[int | Fraction]) -> None:
    teile = ganzes.aufteilen(anteile)
    assert len(teile) == len(anteile)
    assert sum(teile) == ganzes
    gesamt = sum(Fraction(a) for a in anteile)
    for teil, anteil in zip(teile, anteile, strict=True):
        genau = Fraction(ganzes.cent) * Fraction(anteil) / gesamt
        assert abs(teil.cent - genau) < 1


@given(kleine_cents.map(aus_cent), st.dates(), st.dates())
def test_aufteilen_nach_tagen_der_haushaltsjahre(ganzes: Betrag, a: dt.date, b: dt.date) -> None:
    z = Zeitraum(min(a, b), max(a, b))
    teile = z.nach_haushaltsjahren()
    betraege_je_jahr = ganzes.aufteilen([t.tage for t in teile])
    assert sum(betraege_je_jahr) == ganzes


def test_aufteilen_reste_gehen_an_die_frueheren() -> None:
    teile = Betrag.parse("0,02").aufteilen([1, 1, 1])
    assert [t.cent for t in teile] == [1, 1, 0]
    teile = Betrag.parse("1,00").aufteilen([Fraction(1, 3), Fraction(2, 3)])
    assert [t.cent for t in teile] == [33, 67]
    assert Betrag.parse("10,00").aufteilen([0, 1]) == (Betrag.null(), Betrag.parse("10,00"))


# -- Rundreisen und Ordnung ----------------------------------------------------------------


@given(betraege)
def test_parse_str_rundreise(b: Betrag) -> None:
    assert Betrag.parse(str(b)) == b
    assert Betrag.parse(str(b.wert)) == b  # technische Schreibweise, wie in JSON
    assert Betrag.von(b.wert) == b
    assert Betrag.von(b.cent // 100) == Betrag.parse(f"{b.cent // 100}")


@given(betraege, betraege)
def test_ordnung_wie_cent(a: Betrag, b: Betrag) -> None:
    assert (a < b) == (a.cent < b.cent)
    assert (a == b) == (a.cent == b.cent)
    assert (hash(a) == hash(b)) or a != b


def test_gleichheit_nur_unter_betraegen_und_pickle() -> None:
    b = Betrag.parse("57.000,00 €")
    andere: list[object] = [Decimal("57000.00"), 57000, "57.000,00 €"]
    assert all(b != x for x in andere)
    assert pickle.loads(pickle.dumps(b)) == b
    assert len({b, Betrag.von(57000), Betrag.null()}) == 2


# -- schlechte Eingaben für Beträge --------------------------------------------------------

SCHLECHTE_BETRAEGE: list[object] = [
    None,
    0.1,
    57000.0,
    float("nan"),
    float("inf"),
    True,
    False,
    -1,
    10**15,
    10**1000,
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("Infinity"),
    Decimal("-Infinity"),
    Decimal("-0"),
    Decimal("-0.01"),
    Decimal("1.234"),
    Decimal("1.230"),
    Decimal("1E+15"),
    Decimal("1E+999999"),
    Fraction(1, 2),
    complex(1, 0),
    b"57000",
    ["57000"],
    "abc",
    "",
    " ",
    "x" * 10_000,
    "1" * 10_000,
    "-5",
    "-5,00 €",
    "+5",
    "1,234",
    "12,345",
    "1.2345",
    "0.500",
    "057",
    ",50",
    "5,",
    "5.",
    ".5",
    "1.234.5",
    "12.34.567",
    "1234.567,00",
    "1,234.56",
    "5 ",
    " 5",
    "5  €",
    "€ 5",
    "5 €€",
    "5 Euro",
    "1e3",
    "1_000",
    "NaN",
    "Infinity",
    "１２３",  # Vollbreitenziffern
    "١٢٣",  # arabisch-indische Ziffern
    "१२३",  # Devanagari
    "1.000.000.000.000.000,00",
]


@pytest.mark.parametrize("wert", SCHLECHTE_BETRAEGE)
def test_betrag_von_schlechte_eingaben(wert: object) -> None:
    with pytest.raises(UngueltigerBetrag) as info:
        Betrag.von(wert)  # type: ignore[arg-type]
    assert info.value.feld == "Betrag"
    assert len(str(info.value)) < 400
    if isinstance(wert, str):
        with pytest.raises(UngueltigerBetrag):
            Betrag.parse(wert)


@pytest.mark.parametrize("wert", [0.1, 1e10, float("nan")])
def test_float_meldung_erklaert_warum(wert: float) -> None:
    with pytest.raises(UngueltigerBetrag, match="Gleitkommazahlen können Cent nicht exakt"):
        Betrag.von(wert)  # type: ignore[arg-type]


@pytest.mark.parametrize("wert", [57000, Decimal("57000.00"), None, 0.5])
def test_parse_nimmt_nur_text(wert: object) -> None:
    with pytest.raises(UngueltigerBetrag):
        Betrag.parse(wert)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "wert",
    [
        Decimal("57000"),
        Decimal("57000.0"),
        Decimal("57000.000"),
        Decimal("-1.00"),
        Decimal("-0.00"),
        Decimal("NaN"),
        Decimal("1000000000000000.00"),
        "57000.00",
        57000,
        None,
    ],
)
def test_konstruktor_streng(wert: object) -> None:
    with pytest.raises(UngueltigerBetrag, match="genau zwei Nachkommastellen"):
        Betrag(wert)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "faktor",
    [
        0.5,
        float("nan"),
        True,
        None,
        "0,5",
        -1,
        Fraction(-1, 2),
        Decimal("-0.5"),
        Decimal("NaN"),
        Decimal("sNaN"),
        Decimal("Infinity"),
        Decimal("1E-999999999"),
        Decimal("1E+999999999"),
        10**16,
        Fraction(10**16, 1),
    ],
)
def test_mal_schlechte_faktoren(faktor: object) -> None:
    with pytest.raises(UngueltigerBetrag, match=r"^Betrag\.mal\(faktor\): "):
        Betrag.von(1).mal(faktor)  # type: ignore[arg-type]


def test_mal_ueberlauf() -> None:
    with pytest.raises(UngueltigerBetrag, match=r"^Betrag\.mal\(faktor\): "):
        Betrag.parse(str(BETRAG_MAX)).mal(2)


@pytest.mark.parametrize("anderer", [0, 1, Decimal("1.00"), 1.0, None, "1,00"])
def test_operatoren_nur_mit_betraegen(anderer: object) -> None:
    b = Betrag.von(1)
    if not (type(anderer) is int and anderer == 0):  # 0 + Betrag ist der Startwert von sum()
        with pytest.raises(UngueltigerBetrag):
            anderer + b  # type: ignore[operator]
    with pytest.raises(UngueltigerBetrag):
        b + anderer  # type: ignore[operator]
    with pytest.raises(UngueltigerBetrag):
        b - anderer  # type: ignore[operator]


def test_stern_gibt_es_nicht_nur_mal() -> None:
    b = Betrag.von(1)
    with pytest.raises(UngueltigerBetrag, match=r"Betrag\.mal"):
        b * 2
    with pytest.raises(UngueltigerBetrag, match=r"Betrag\.mal"):
        2 * b


def test_summe_ueber_dem_maximum() -> None:
    with pytest.raises(UngueltigerBetrag):
        Betrag.parse(str(BETRAG_MAX)) + Betrag.parse("0,01")


@pytest.mark.parametrize(
    "anteile",
    [[], [0], [0, 0], "abc", None, 5, [1, -1], [0.5, 0.5], [1, None], [Fraction(-1, 2), 1]],
)
def test_aufteilen_schlechte_anteile(anteile: object) -> None:
    with pytest.raises(UngueltigerBetrag, match=r"^Betrag\.aufteilen\(anteile\): "):
        Betrag.von(10).aufteilen(anteile)  # type: ignore[arg-type]


@given(st.text(max_size=30))
def test_parse_beliebiger_text_nur_eigene_fehler(text: str) -> None:
    try:
        b = Betrag.parse(text)
    except UngueltigerBetrag:
        return
    assert Betrag.parse(str(b)) == b


@given(st.from_regex(r"[0-9.,]{1,20}( ?€)?", fullmatch=True))
def test_parse_zahlenaehnlicher_text_nur_eigene_fehler(text: str) -> None:
    try:
        b = Betrag.parse(text)
    except UngueltigerBetrag:
        return
    zahl = text.removesuffix("€").rstrip(" ")
    if "," in zahl or re.fullmatch(r"[0-9]+(\.[0-9]{3})+", zahl):  # deutsch
        erwartet = Decimal(zahl.replace(".", "").replace(",", "."))
    else:  # technisch
        erwartet = Decimal(zahl)
    assert b.wert == erwartet


@given(st.one_of(st.none(), st.booleans(), st.floats(), st.integers(), st.decimals(), st.text()))
def test_von_beliebiger_wert_nur_eigene_fehler(wert: object) -> None:
    try:
        b = Betrag.von(wert)  # type: ignore[arg-type]
    except UngueltigerBetrag:
        return
    assert isinstance(b, Betrag)
    assert b.wert.as_tuple().exponent == -2


# -- Stellenanteile ------------------------------------------------------------------------


def test_stellenanteil_schreibweisen() -> None:
    halb = Stellenanteil.parse("0,5")
    assert halb == Stellenanteil.parse("0.5") == Stellenanteil.von(Decimal("0.5"))
    assert halb == Stellenanteil.parse("0,50")
    assert str(halb) == "0,5"
    assert Stellenanteil.von(1).wert == 1
    assert Stellenanteil.parse("1,000000").wert == 1
    assert Stellenanteil.parse("0,000001").wert == Decimal("0.000001")


def test_stellenanteil_grenzen() -> None:
    Stellenanteil.von(Decimal("1"))
    Stellenanteil.von(Decimal("0.000001"))
    for falsch in (Decimal("0"), Decimal("1.000001"), Decimal("-0.5"), Decimal("0.0000001")):
        with pytest.raises(UngueltigerStellenanteil):
            Stellenanteil.von(falsch)


def test_stellen_summieren_als_decimal() -> None:
    stellen = [Stellenanteil.von(1)] * 5 + [Stellenanteil.parse("0,5")]
    assert sum(s.wert for s in stellen) == Decimal("5.5")
    # Kreis Heinsberg 2021: 11,5 KIM-Stellen – als Summe von Anteilen
    heinsberg = [Stellenanteil.von(1)] * 11 + [Stellenanteil.parse("0,5")]
    assert sum(s.wert for s in heinsberg) == Decimal("11.5")


@given(st.decimals(min_value=Decimal("0.000001"), max_value=1, places=6))
def test_stellenanteil_rundreise(wert: Decimal) -> None:
    s = Stellenanteil.von(wert)
    assert Stellenanteil.parse(str(s)) == s
    assert Stellenanteil.parse(str(s).replace(",", ".")) == s


@pytest.mark.parametrize(
    "wert",
    [
        None,
        0.5,
        float("nan"),
        True,
        0,
        2,
        -1,
        Decimal("NaN"),
        Decimal("sNaN"),
        Decimal("Infinity"),
        Fraction(1, 2),
        "",
        "abc",
        "0",
        "0,0",
        "1,5",
        "2",
        ",5",
        "0,",
        "0,1234567",
        " 0,5",
        "0,5 ",
        "-0,5",
        "50 %",
        "x" * 10_000,
        "０,５",
        "٠,٥",
    ],
)
def test_stellenanteil_schlechte_eingaben(wert: object) -> None:
    with pytest.raises(UngueltigerStellenanteil) as info:
        Stellenanteil.von(wert)  # type: ignore[arg-type]
    assert info.value.feld == "Stellenanteil"
    assert len(str(info.value)) < 400


def test_stellenanteil_float_meldung() -> None:
    with pytest.raises(UngueltigerStellenanteil, match="Gleitkommazahlen"):
        Stellenanteil.von(0.5)  # type: ignore[arg-type]


@given(st.one_of(st.none(), st.floats(), st.integers(), st.decimals(), st.text()))
def test_stellenanteil_beliebiger_wert_nur_eigene_fehler(wert: object) -> None:
    try:
        s = Stellenanteil.von(wert)  # type: ignore[arg-type]
    except UngueltigerStellenanteil:
        return
    assert 0 < s.wert <= 1


def test_fehler_sind_valueerror_und_kim_fehler() -> None:
    with pytest.raises(ValueError):
        Betrag.parse("abc")
    with pytest.raises(UngueltigeEingabe):
        Stellenanteil.parse("abc")
    with pytest.raises(KimNrwFehler):
        Betrag.von(0.1)  # type: ignore[arg-type]
