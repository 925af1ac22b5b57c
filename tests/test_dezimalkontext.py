"""Geld und VZÄ hängen nie vom Decimal-Kontext des Aufrufers ab (Issue 12).

Jede Decimal-Rechnung von kim_nrw läuft in einem eigenen Kontext. Die Tests stellen
kleine Genauigkeiten (``prec=2, 3, 10``), Abrunden (``ROUND_FLOOR``) und Kontexte ein,
die bei jeder Rundung eine Ausnahme werfen (``Inexact``, ``Rounded``), und verlangen
dieselben Ergebnisse wie im Standardkontext – ohne Ausnahme.
"""

from __future__ import annotations

import datetime as dt
from decimal import (
    ROUND_FLOOR,
    Context,
    Decimal,
    Inexact,
    InvalidOperation,
    Rounded,
    localcontext,
)
from fractions import Fraction
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kim_nrw.antrag import Foerderantrag
from kim_nrw.geld import Betrag, Stellenanteil
from kim_nrw.recht import alle_parameter, alle_rechtsquellen, lade_parameterdateien
from kim_nrw.serial import als_json, entstruktur, lade, struktur
from kim_nrw.testing import betraege, foerderantraege, stellenanteile

KONTEXTE = {
    "prec=2": Context(prec=2),
    "prec=3": Context(prec=3),
    "prec=10": Context(prec=10),
    "ROUND_FLOOR": Context(rounding=ROUND_FLOOR),
    "Inexact+Rounded": Context(traps=[Inexact, Rounded, InvalidOperation]),
    "alles zugleich": Context(prec=2, rounding=ROUND_FLOOR, traps=[Inexact, Rounded]),
}
_kontexte = st.sampled_from(list(KONTEXTE.values()))

DRITTEL = {
    "antragsteller": "05370",
    "programmteile": ["KIM.B2"],
    "zeitraum": "2021",
    "stellen": [{"funktion": "case_management", "anteil": "0.333333"}] * 3,
    "sonstige_kosten": "1.234,56 €",
    "beantragter_betrag": 54999,
    "ki_vorhanden": True,
}


@pytest.mark.parametrize("kontext", KONTEXTE.values(), ids=KONTEXTE.keys())
def test_json_rundreise_und_vzae_im_fremden_kontext(kontext: Context) -> None:
    erwartet = struktur(Foerderantrag, DRITTEL)
    text = als_json(erwartet)
    with localcontext(kontext):
        antrag = struktur(Foerderantrag, DRITTEL)
        im_kontext = als_json(antrag)
        zurueck = lade("foerderantrag", im_kontext)
        summe = antrag.stellen_summe
    assert '"anteil": "0.333333"' in im_kontext
    assert im_kontext == text
    assert zurueck == antrag == erwartet
    assert summe == Decimal("0.999999")


@pytest.mark.parametrize("kontext", KONTEXTE.values(), ids=KONTEXTE.keys())
def test_paketdaten_laden_im_fremden_kontext(kontext: Context) -> None:
    ordner = resources.files("kim_nrw").joinpath("daten", "parameter")
    texte = [(e.name, e.read_text("utf-8")) for e in ordner.iterdir() if e.name.endswith(".toml")]
    with localcontext(kontext):
        geladen = lade_parameterdateien(texte, alle_rechtsquellen())
        werte = {p.name: als_json(p) for p in geladen.values()}
    assert geladen == alle_parameter()
    assert werte == {p.name: als_json(p) for p in alle_parameter().values()}


@given(
    kontext=_kontexte,
    a=betraege(),
    b=betraege(),
    faktor=st.fractions(0, 1, max_denominator=10**6),
    anteile=st.lists(stellenanteile(), min_size=1, max_size=8),
)
def test_betrag_und_stellenanteil_rechnen_gleich(
    kontext: Context, a: Betrag, b: Betrag, faktor: Fraction, anteile: list[Stellenanteil]
) -> None:
    passt = a.cent + b.cent <= Betrag.parse("999999999999999.99").cent

    def rechne() -> object:
        return (
            a + b if passt else None,
            max(a, b) - min(a, b),
            a.mal(faktor),
            a.mal(anteile[0]),
            a.aufteilen(anteile),
            Stellenanteil.summe(anteile),
            [entstruktur(x) for x in anteile],
            entstruktur(a),
            a.deutsch(),
            Betrag.parse(a.deutsch()),
            Betrag.von(a.wert),
        )

    erwartet = rechne()
    with localcontext(kontext):
        assert rechne() == erwartet


@given(kontext=_kontexte, antrag=foerderantraege())
def test_antraege_rundreisen_im_fremden_kontext(kontext: Context, antrag: Foerderantrag) -> None:
    text = als_json(antrag)
    summe = sum((s.anteil.wert for s in antrag.stellen), Decimal(0))
    with localcontext(kontext):
        assert als_json(antrag) == text
        assert lade("foerderantrag", text) == antrag
        assert antrag.stellen_summe == summe


def test_kontext_des_aufrufers_bleibt_unberuehrt() -> None:
    kontext = Context(prec=3, rounding=ROUND_FLOOR, traps=[Inexact])
    with localcontext(kontext) as aktiv:
        struktur(Foerderantrag, DRITTEL).stellen_summe  # noqa: B018
        als_json(struktur(Foerderantrag, DRITTEL))
        assert (aktiv.prec, aktiv.rounding, aktiv.traps[Inexact]) == (3, ROUND_FLOOR, True)
        assert not aktiv.flags[Inexact] and not aktiv.flags[Rounded]


def test_pruefe_im_fremden_kontext() -> None:
    from kim_nrw.pruefung import pruefe

    antrag = struktur(Foerderantrag, DRITTEL)
    erwartet = pruefe(antrag, dt.date(2021, 6, 1))
    with localcontext(Context(prec=2)):
        assert pruefe(antrag, dt.date(2021, 6, 1)) == erwartet
