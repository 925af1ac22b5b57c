"""kim_nrw.testing: die Strategien erzeugen gültige Objekte; Hypothesis bleibt ein Test-Extra."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import kim_nrw
from kim_nrw.antrag import Foerderantrag, Stelle, Stellenfunktion
from kim_nrw.gebiet import AGS, Gebietsart, Kreis, Kreisschluessel, register
from kim_nrw.geld import Betrag, Stellenanteil
from kim_nrw.pruefung import Pruefergebnis, pruefe
from kim_nrw.serial import als_json, entstruktur, lade, struktur
from kim_nrw.testing import (
    ags,
    betraege,
    foerderantraege,
    kommunen,
    kreisschluessel,
    stellen,
    stellenanteile,
    verwendungsnachweise,
    zeitraeume,
    zuwendungsbescheide,
)
from kim_nrw.zeit import Zeitraum

WURZEL = Path(__file__).resolve().parent.parent


@given(ags())
def test_ags_aus_dem_register(schluessel: AGS) -> None:
    assert register().gemeinde(schluessel).ags == schluessel


@given(ags(nur_register=False), kreisschluessel(nur_register=False))
def test_formal_gueltige_schluessel(a: AGS, k: Kreisschluessel) -> None:
    assert AGS.parse(str(a)) == a
    assert Kreisschluessel.parse(str(k)) == k


@given(kreisschluessel())
def test_kreisschluessel_aus_dem_register(schluessel: Kreisschluessel) -> None:
    register().nach_schluessel(schluessel)


@given(kommunen(Gebietsart.KREIS, Gebietsart.STAEDTEREGION))
def test_kommunen_nach_art(kommune: object) -> None:
    assert isinstance(kommune, Kreis)


@given(zeitraeume(max_tage=10))
def test_zeitraeume_begrenzt(z: Zeitraum) -> None:
    assert 1 <= z.tage <= 10
    assert Zeitraum.parse(str(z)) == z


@given(betraege(min_wert=Betrag.von(5), max_wert=Betrag.von(6)))
def test_betraege_in_grenzen(b: Betrag) -> None:
    assert Betrag.von(5) <= b <= Betrag.von(6)
    assert b.wert.as_tuple().exponent == -2


@given(stellenanteile())
def test_stellenanteile(s: Stellenanteil) -> None:
    assert Decimal(0) < s.wert <= 1
    assert struktur(Stellenanteil, entstruktur(s)) == s


@given(stellen(st.just(Stellenfunktion.KOORDINATION)))
def test_stellen_mit_funktion(stelle: Stelle) -> None:
    assert stelle.funktion is Stellenfunktion.KOORDINATION


@given(foerderantraege())
def test_antraege_gueltig_und_rundreisefest(antrag: Foerderantrag) -> None:
    felder = {a.name: getattr(antrag, a.name) for a in Foerderantrag.__attrs_attrs__}
    assert Foerderantrag(**felder) == antrag  # der Konstruktor nimmt ihn an
    assert lade("foerderantrag", als_json(antrag)) == antrag
    ergebnis = pruefe(antrag, antrag.zeitraum.beginn)
    assert isinstance(ergebnis, Pruefergebnis)
    assert lade("pruefergebnis", als_json(ergebnis)) == ergebnis


@given(zuwendungsbescheide())
def test_bescheide_rundreisefest(bescheid: object) -> None:
    assert lade("zuwendungsbescheid", als_json(bescheid)) == bescheid


@given(verwendungsnachweise())
def test_nachweise_rundreisefest(nachweis: object) -> None:
    assert lade("verwendungsnachweis", als_json(nachweis)) == nachweis


def test_import_kim_nrw_laedt_kein_hypothesis() -> None:
    code = (
        "import sys, kim_nrw, kim_nrw.serial\n"
        "kim_nrw.Foerderantrag\n"
        "assert 'hypothesis' not in sys.modules, 'hypothesis geladen'\n"
        "assert 'kim_nrw.testing' not in sys.modules\n"
    )
    ergebnis = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert ergebnis.returncode == 0, ergebnis.stderr


def test_downstream_beispiel_pinnt_die_aktuelle_version() -> None:
    projekt = tomllib.loads((WURZEL / "examples" / "downstream" / "pyproject.toml").read_text())
    assert f"kim-nrw=={kim_nrw.__version__}" in projekt["project"]["dependencies"]
