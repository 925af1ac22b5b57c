"""Zeiträume und Haushaltsjahre: reale Fälle, Grenzen, Eigenschaften, schlechte Eingaben."""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import pickle
from fractions import Fraction
from functools import reduce

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kim_nrw.fehler import KimNrwFehler, UngueltigeEingabe, UngueltigerZeitraum
from kim_nrw.zeit import HAUSHALTSJAHR_MAX, HAUSHALTSJAHR_MIN, Haushaltsjahr, Zeitraum

D = dt.date

# KIM Baustein 2, erster Durchführungszeitraum (Rhein-Kreis Neuss, BRA-Mitteilung vom 25.05.2020).
KIM_B2_2020 = Zeitraum(D(2020, 7, 1), D(2020, 12, 31))

tage = st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31))
nahe_tage = st.dates(min_value=D(1990, 1, 1), max_value=D(2060, 12, 31))


@st.composite
def zeitraeume(draw: st.DrawFn, tage: st.SearchStrategy[dt.date] = tage) -> Zeitraum:
    a, b = draw(tage), draw(tage)
    return Zeitraum(min(a, b), max(a, b))


# -- reale Fälle ---------------------------------------------------------------------------


def test_kim_baustein_2_erster_zeitraum() -> None:
    z = Zeitraum.parse("2020-07-01/2020-12-31")
    assert z == KIM_B2_2020 == Zeitraum.halbjahr(2020, 2)
    assert z.deutsch() == "01.07.2020 bis 31.12.2020"
    assert str(z) == "2020-07-01/2020-12-31"
    assert z.tage == 184
    assert z.volle_monate == 6
    assert z.angefangene_monate == 6
    assert z.nach_haushaltsjahren() == (z,)
    # 2020 ist ein Schaltjahr: 184/366 nach Tagen, 6/12 nach Monaten.
    assert z.jahresanteil_tage() == Fraction(184, 366)
    assert z.jahresanteil_monate() == Fraction(1, 2)
    assert z.jahresanteil_tage() != z.jahresanteil_monate()


def test_haushaltsjahr_2021() -> None:
    hj = Haushaltsjahr.parse("2021")
    assert hj == Haushaltsjahr(2021)
    assert str(hj) == "2021"
    assert hj.zeitraum == Zeitraum.jahr(2021)
    assert hj.zeitraum.tage == 365
    assert hj.zeitraum.jahresanteil_tage() == 1
    assert hj.zeitraum.jahresanteil_monate() == 1


def test_konstruktoren() -> None:
    assert str(Zeitraum.jahr(2020)) == "2020-01-01/2020-12-31"
    assert Zeitraum.jahr(2020).tage == 366
    assert str(Zeitraum.halbjahr(2021, 1)) == "2021-01-01/2021-06-30"
    assert str(Zeitraum.monat(2020, 7)) == "2020-07-01/2020-07-31"
    assert Zeitraum.monat(2020, 2).tage == 29
    assert Zeitraum.monat(2021, 2).tage == 28
    assert Zeitraum.monat(2021, 12).ende == D(2021, 12, 31)
    assert Zeitraum(D(2020, 7, 1), D(2020, 7, 1)).tage == 1


def test_beginn_gleich_ende_ja_beginn_nach_ende_nein() -> None:
    Zeitraum(D(2020, 12, 31), D(2020, 12, 31))
    with pytest.raises(UngueltigerZeitraum, match="beginn <= ende"):
        Zeitraum(D(2021, 1, 1), D(2020, 12, 31))


def test_enthaelt_beide_seiten_der_grenzen() -> None:
    z = KIM_B2_2020
    assert not z.enthaelt(D(2020, 6, 30))
    assert z.enthaelt(D(2020, 7, 1))
    assert z.enthaelt(D(2020, 12, 31))
    assert not z.enthaelt(D(2021, 1, 1))


def test_schnitt_und_ueberschneidung() -> None:
    a = Zeitraum.parse("2020-07-01/2021-06-30")
    assert a.schnitt(Zeitraum.jahr(2021)) == Zeitraum.halbjahr(2021, 1)
    assert a.ueberschneidet(Zeitraum.jahr(2020))
    # Grenze: ein gemeinsamer Tag genügt, ein Tag Abstand nicht.
    assert a.schnitt(Zeitraum.parse("2021-06-30/2021-07-31")) == Zeitraum(
        D(2021, 6, 30), D(2021, 6, 30)
    )
    assert a.schnitt(Zeitraum.parse("2021-07-01/2021-07-31")) is None
    assert not a.ueberschneidet(Zeitraum.parse("2021-07-01/2021-07-31"))


def test_vereinigung() -> None:
    h1, h2 = Zeitraum.halbjahr(2020, 1), Zeitraum.halbjahr(2020, 2)
    assert h1.vereinigung(h2) == h2.vereinigung(h1) == Zeitraum.jahr(2020)
    assert Zeitraum.jahr(2020).vereinigung(h2) == Zeitraum.jahr(2020)
    # ein Tag Lücke: Fehler mit klarer Meldung
    h2_spaet = Zeitraum(D(2020, 7, 2), D(2020, 12, 31))
    with pytest.raises(UngueltigerZeitraum, match=r"Lücke vom 01\.07\.2020 bis 01\.07\.2020"):
        h1.vereinigung(h2_spaet)


def test_nach_haushaltsjahren() -> None:
    z = Zeitraum.parse("2012-01-01/2026-12-31")
    teile = z.nach_haushaltsjahren()
    assert teile == tuple(Zeitraum.jahr(j) for j in range(2012, 2027))
    grenze = Zeitraum.parse("2020-12-31/2021-01-01").nach_haushaltsjahren()
    assert grenze == (
        Zeitraum(D(2020, 12, 31), D(2020, 12, 31)),
        Zeitraum(D(2021, 1, 1), D(2021, 1, 1)),
    )


@pytest.mark.parametrize(
    ("text", "volle", "angefangene"),
    [
        ("2020-07-01/2020-12-31", 6, 6),
        ("2020-07-15/2020-08-14", 1, 2),
        ("2020-07-15/2020-08-13", 0, 2),
        ("2020-07-01/2020-07-30", 0, 1),
        ("2020-07-01/2020-07-31", 1, 1),
        ("2020-01-01/2021-12-31", 24, 24),
        # Monatsende (§ 188 Abs. 3 BGB): ab 31.01. endet der Monat am letzten Februartag
        ("2021-01-31/2021-02-27", 0, 2),
        ("2021-01-31/2021-02-28", 1, 2),
        ("2020-01-31/2020-02-28", 0, 2),
        ("2020-01-31/2020-02-29", 1, 2),
        ("2020-01-30/2020-02-29", 1, 2),
        ("2020-01-29/2020-02-28", 1, 2),
        ("2021-03-31/2021-04-30", 1, 2),
        ("2021-03-31/2021-04-29", 0, 2),
    ],
)
def test_monate(text: str, volle: int, angefangene: int) -> None:
    z = Zeitraum.parse(text)
    assert z.volle_monate == volle
    assert z.angefangene_monate == angefangene
    assert z.jahresanteil_monate() == Fraction(volle, 12)


def test_jahresanteil_tage_nur_innerhalb_eines_jahres() -> None:
    assert Zeitraum.parse("2021-07-01/2021-12-31").jahresanteil_tage() == Fraction(184, 365)
    with pytest.raises(UngueltigerZeitraum, match="nach_haushaltsjahren"):
        Zeitraum.parse("2020-07-01/2021-06-30").jahresanteil_tage()


def test_ordnung_gleichheit_hash_pickle() -> None:
    a, b = Zeitraum.jahr(2020), Zeitraum.halbjahr(2020, 2)
    assert sorted([b, a]) == [a, b]
    assert len({a, Zeitraum.parse("2020-01-01/2020-12-31"), b}) == 2
    assert pickle.loads(pickle.dumps(KIM_B2_2020)) == KIM_B2_2020
    assert sorted([Haushaltsjahr(2022), Haushaltsjahr(2021)])[0] == Haushaltsjahr(2021)


def test_haushaltsjahr_grenzen() -> None:
    assert Haushaltsjahr(HAUSHALTSJAHR_MIN).jahr == 2000
    assert Haushaltsjahr(HAUSHALTSJAHR_MAX).jahr == 2100
    for falsch in (HAUSHALTSJAHR_MIN - 1, HAUSHALTSJAHR_MAX + 1):
        with pytest.raises(UngueltigerZeitraum, match="Haushaltsjahr"):
            Haushaltsjahr(falsch)


# -- Eigenschaften -------------------------------------------------------------------------


@given(zeitraeume(), zeitraeume())
def test_schnitt_kommutiert(a: Zeitraum, b: Zeitraum) -> None:
    assert a.schnitt(b) == b.schnitt(a)
    assert a.ueberschneidet(b) == (a.schnitt(b) is not None)
    s = a.schnitt(b)
    if s is not None:
        assert s.tage <= min(a.tage, b.tage)
        assert a.enthaelt(s.beginn) and b.enthaelt(s.ende)


@given(zeitraeume())
def test_aufteilen_und_wieder_vereinigen(z: Zeitraum) -> None:
    teile = z.nach_haushaltsjahren()
    assert reduce(Zeitraum.vereinigung, teile) == z
    assert sum(t.tage for t in teile) == z.tage
    assert len(teile) == z.ende.year - z.beginn.year + 1
    for vorher, nachher in itertools.pairwise(teile):
        assert vorher.ende.toordinal() + 1 == nachher.beginn.toordinal()
    for t in teile:
        assert t.beginn.year == t.ende.year


@given(zeitraeume(nahe_tage))
def test_jahresanteile_einer_aufteilung(z: Zeitraum) -> None:
    teile = z.nach_haushaltsjahren()
    anteile = [t.jahresanteil_tage() for t in teile]
    assert all(0 < a <= 1 for a in anteile)
    tage_im_jahr = [366 if calendar.isleap(t.beginn.year) else 365 for t in teile]
    assert sum(a * n for a, n in zip(anteile, tage_im_jahr, strict=True)) == z.tage
    # volle Jahre zählen genau 1
    for t, a in zip(teile, anteile, strict=True):
        assert (a == 1) == (t == Zeitraum.jahr(t.beginn.year))


@given(zeitraeume())
def test_parse_str_rundreise(z: Zeitraum) -> None:
    assert Zeitraum.parse(str(z)) == z


def _ende_nach_monaten_referenz(beginn: dt.date, n: int) -> dt.date | None:
    """Unabhängig von relativedelta: § 188 Abs. 2, 3 BGB für n Monate ab beginn."""
    monat0 = beginn.year * 12 + beginn.month - 1 + n
    jahr, monat = divmod(monat0, 12)
    monat += 1
    if jahr > 9999:
        return None
    letzter = calendar.monthrange(jahr, monat)[1]
    if beginn.day <= letzter:
        return D(jahr, monat, beginn.day) - dt.timedelta(days=1)
    return D(jahr, monat, letzter)


@given(zeitraeume(nahe_tage))
def test_volle_monate_wie_referenz(z: Zeitraum) -> None:
    n = 0
    while True:
        ende = _ende_nach_monaten_referenz(z.beginn, n + 1)
        if ende is None or ende > z.ende:
            break
        n += 1
    assert z.volle_monate == n
    assert z.volle_monate <= z.angefangene_monate
    assert z.jahresanteil_monate() == Fraction(n, 12)


@given(tage)
def test_volle_monate_am_rand_des_kalenders(beginn: dt.date) -> None:
    z = Zeitraum(beginn, D.max)
    assert 0 <= z.volle_monate <= z.angefangene_monate


@given(st.integers(1, 9999), st.integers(1, 12))
def test_ganze_monate_und_jahre(jahr: int, monat: int) -> None:
    m = Zeitraum.monat(jahr, monat)
    assert (m.volle_monate, m.angefangene_monate) == (1, 1)
    assert m.tage == calendar.monthrange(jahr, monat)[1]
    assert Zeitraum.jahr(jahr).tage == (366 if calendar.isleap(jahr) else 365)
    assert Zeitraum.jahr(jahr).volle_monate == 12
    assert Zeitraum.halbjahr(jahr, 1).volle_monate == Zeitraum.halbjahr(jahr, 2).volle_monate == 6


@given(st.integers(HAUSHALTSJAHR_MIN, HAUSHALTSJAHR_MAX))
def test_haushaltsjahr_rundreise(jahr: int) -> None:
    hj = Haushaltsjahr(jahr)
    assert Haushaltsjahr.parse(str(hj)) == hj
    assert hj.zeitraum.nach_haushaltsjahren() == (hj.zeitraum,)


# -- schlechte Eingaben --------------------------------------------------------------------

SCHLECHTE_TEXTE: list[object] = [
    None,
    1.5,
    float("nan"),
    20200701,
    b"2020-07-01/2020-12-31",
    "abc",
    "",
    "x" * 10_000,
    "2020-07-01/2020-12-31" * 500,
    "2020-07-01/2020-12-31 ",
    " 2020-07-01/2020-12-31",
    "2020-07-01/2020-12-31\n",
    "2020-07-01--2020-12-31",
    "2020-07-01/P6M",
    "2020-07/2020-12",
    "2020-W27/2020-W53",
    "2020-07-01T00:00/2020-12-31",
    "01.07.2020/31.12.2020",
    "2020-02-30/2020-12-31",
    "2020-00-01/2020-12-31",
    "0000-01-01/2020-12-31",
    "2021-01-01/2020-12-31",
    "２０２０-07-01/2020-12-31",  # Vollbreitenziffern
    "٢٠٢٠-07-01/2020-12-31",  # arabisch-indische Ziffern
    "+020-07-01/2020-12-31",
]


@pytest.mark.parametrize("text", SCHLECHTE_TEXTE)
def test_zeitraum_parse_schlechte_eingaben(text: object) -> None:
    with pytest.raises(UngueltigerZeitraum) as info:
        Zeitraum.parse(text)  # type: ignore[arg-type]
    assert info.value.feld == "Zeitraum"
    assert info.value.wert is text or info.value.wert == text  # nan != nan
    assert len(str(info.value)) < 400


@pytest.mark.parametrize(
    "wert",
    [None, "2020-07-01", 20200701, 1.5, dt.datetime(2020, 7, 1), dt.datetime(2020, 7, 1).time()],
)
def test_zeitraum_felder_nur_kalendertage(wert: object) -> None:
    with pytest.raises(UngueltigerZeitraum, match=r"^Zeitraum\.beginn: "):
        Zeitraum(wert, D(2020, 12, 31))  # type: ignore[arg-type]
    with pytest.raises(UngueltigerZeitraum, match=r"^Zeitraum\.ende: "):
        Zeitraum(D(2020, 7, 1), wert)  # type: ignore[arg-type]
    with pytest.raises(UngueltigerZeitraum, match=r"enthaelt\(tag\)"):
        KIM_B2_2020.enthaelt(wert)  # type: ignore[arg-type]


@pytest.mark.parametrize("anderer", [None, "2020-07-01/2020-12-31", D(2020, 7, 1), 1.5])
def test_zeitraum_operationen_nur_mit_zeitraeumen(anderer: object) -> None:
    for methode in (
        KIM_B2_2020.schnitt,
        KIM_B2_2020.ueberschneidet,
        KIM_B2_2020.vereinigung,
    ):
        with pytest.raises(UngueltigerZeitraum, match=r"\(anderer\)"):
            methode(anderer)  # type: ignore[arg-type]


@pytest.mark.parametrize("jahr", [None, 2020.0, float("nan"), True, "2020", 0, 10_000, -1])
def test_konstruktoren_schlechte_jahre(jahr: object) -> None:
    with pytest.raises(UngueltigerZeitraum, match=r"\(jahr\)"):
        Zeitraum.jahr(jahr)  # type: ignore[arg-type]
    with pytest.raises(UngueltigerZeitraum, match=r"\(jahr\)"):
        Zeitraum.halbjahr(jahr, 1)  # type: ignore[arg-type]
    with pytest.raises(UngueltigerZeitraum, match=r"\(jahr\)"):
        Zeitraum.monat(jahr, 1)  # type: ignore[arg-type]


@pytest.mark.parametrize("teil", [0, 3, 13, -1, None, 1.0, True, "1"])
def test_konstruktoren_schlechte_halbjahre_und_monate(teil: object) -> None:
    if teil not in (3,):
        with pytest.raises(UngueltigerZeitraum, match=r"\(monat\)"):
            Zeitraum.monat(2020, teil)  # type: ignore[arg-type]
    with pytest.raises(UngueltigerZeitraum, match=r"\(halbjahr\)"):
        Zeitraum.halbjahr(2020, teil)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "wert", [None, 2021.0, float("nan"), True, "2021", 1999, 2101, 10**100, -2021]
)
def test_haushaltsjahr_schlechte_werte(wert: object) -> None:
    with pytest.raises(UngueltigerZeitraum, match=r"^Haushaltsjahr\.jahr: "):
        Haushaltsjahr(wert)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        None,
        2021,
        "21",
        "20211",
        " 2021",
        "2021\n",
        "１９９９",
        "٢٠٢١",
        "abcd",
        "1999",
        "x" * 10_000,
    ],
)
def test_haushaltsjahr_parse_schlechte_texte(text: object) -> None:
    with pytest.raises(UngueltigerZeitraum, match=r"^Haushaltsjahr: "):
        Haushaltsjahr.parse(text)  # type: ignore[arg-type]


@given(st.text(max_size=40))
def test_zeitraum_parse_beliebiger_text_nur_eigene_fehler(text: str) -> None:
    try:
        z = Zeitraum.parse(text)
    except UngueltigerZeitraum:
        return
    assert str(z) == text


@given(st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}/[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True))
def test_zeitraum_parse_fast_gueltige_texte(text: str) -> None:
    try:
        z = Zeitraum.parse(text)
    except UngueltigerZeitraum:
        return
    assert str(z) == text


def test_fehler_sind_valueerror_und_kim_fehler() -> None:
    with pytest.raises(ValueError):
        Zeitraum.parse("abc")
    with pytest.raises(UngueltigeEingabe):
        Haushaltsjahr(1)
    with pytest.raises(KimNrwFehler):
        Zeitraum.jahr(0)
