"""Tests des Beispielprojekts: gegen das installierte kim_nrw, mit dessen Strategien."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from antragseingang import nimm_an
from hypothesis import given, settings
from hypothesis import strategies as st

from kim_nrw.antrag import Foerderantrag
from kim_nrw.serial import als_json, lade
from kim_nrw.testing import foerderantraege, zeitraeume

DATEN = Path(__file__).resolve().parent.parent / "daten"
STICHTAG = dt.date(2021, 6, 30)


def test_antrag_aus_datei() -> None:
    eingang = nimm_an(DATEN / "antrag_heinsberg.json", STICHTAG)
    assert eingang.angenommen
    assert eingang.antrag is not None
    assert eingang.antrag.kommune.bezeichnung == "Kreis Heinsberg"
    assert str(eingang.antrag.beantragter_betrag) == "82.500,00 €"
    assert eingang.akte is not None
    assert lade("pruefergebnis", eingang.akte) == eingang.ergebnis


def test_maengel_mit_stelle_im_dokument() -> None:
    dokument = json.loads((DATEN / "antrag_heinsberg.json").read_text("utf-8"))
    dokument["inhalt"]["stellen"][1]["anteil"] = "1,5"
    dokument["inhalt"]["antragsteller"] = "09162"
    eingang = nimm_an(json.dumps(dokument), STICHTAG)
    assert not eingang.angenommen
    assert [m.split(" ")[0] for m in eingang.maengel] == [
        "$.inhalt.antragsteller",
        "$.inhalt.stellen[1].anteil",
    ]


@settings(max_examples=50, deadline=None, database=None)
@given(foerderantraege(zeitraum=zeitraeume(von=dt.date(2020, 1, 1), bis=dt.date(2026, 12, 31))))
def test_jeder_gueltige_antrag_wird_angenommen_und_geprueft(antrag: Foerderantrag) -> None:
    eingang = nimm_an(als_json(antrag), antrag.zeitraum.beginn)
    assert eingang.angenommen, eingang.maengel
    assert eingang.antrag == antrag
    assert eingang.ergebnis is not None
    assert eingang.ergebnis.antrag == antrag


@settings(max_examples=50, deadline=None, database=None)
@given(st.binary(max_size=200) | st.text(max_size=200))
def test_muell_wird_abgelehnt_nie_mit_absturz(daten: bytes | str) -> None:
    eingang = nimm_an(daten, STICHTAG)
    assert not eingang.angenommen
    assert eingang.maengel
