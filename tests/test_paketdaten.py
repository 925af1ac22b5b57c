"""Die erzeugte Kopie der TOML-Paketdaten: aktuell, gleich dem, was tomllib liest, nie maßgeblich.

Schlägt hier etwas fehl, weil eine TOML-Datei geändert wurde: ``python tools/paketdaten.py``
ausführen und ``src/kim_nrw/daten/toml_kopie.json`` mit einchecken.
"""

from __future__ import annotations

import datetime as dt
import pickle
import tomllib
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kim_nrw._paketdaten as paketdaten
import kim_nrw.recht.laden as recht_laden
from kim_nrw.einmal import _NOCH_NICHT
from kim_nrw.programme import Programmteil
from kim_nrw.programme.behoerden import alle_behoerden, behoerden_aus_toml, lade_behoerden
from kim_nrw.programme.laden import (
    DATEI_VORGAENGER,
    PROGRAMMDATEIEN,
    katalog,
    katalog_aus_toml,
    lade_programm,
    lade_vorgaenger,
)
from kim_nrw.recht import alle_parameter, alle_rechtsquellen
from kim_nrw.recht.laden import lade_parameterdateien, lade_rechtsquellen, recht_aus_toml

DATEN = Path(__file__).resolve().parent.parent / "src" / "kim_nrw" / "daten"
NEU_ERZEUGEN = "python tools/paketdaten.py ausführen, src/kim_nrw/daten/toml_kopie.json einchecken"
NEU_ERZEUGEN_GELADEN = (
    "python tools/paketdaten.py ausführen, src/kim_nrw/daten/geladen.pickle einchecken"
)


def _streng_gleich(a: object, b: object, pfad: str = "") -> None:
    """Gleich mit Typ und Reihenfolge (``1 == 1.0 == True`` zählt nicht als gleich, ebenso
    wenig derselbe Zeitpunkt in einer anderen Zeitzone)."""
    assert type(a) is type(b), f"{pfad}: {type(a).__name__} statt {type(b).__name__}"
    if isinstance(a, dict):
        assert isinstance(b, dict)
        assert list(a) == list(b), f"{pfad}: Schlüssel {list(a)} statt {list(b)}"
        for schluessel in a:
            _streng_gleich(a[schluessel], b[schluessel], f"{pfad}.{schluessel}")
    elif isinstance(a, list):
        assert isinstance(b, list)
        assert len(a) == len(b), f"{pfad}: {len(a)} Einträge statt {len(b)}"
        for nr, (x, y) in enumerate(zip(a, b, strict=True)):
            _streng_gleich(x, y, f"{pfad}[{nr}]")
    elif isinstance(a, float | dt.date | dt.time):  # -0.0 und 0.0, Zeitzonen unterscheiden
        assert repr(a) == repr(b), f"{pfad}: {a!r} statt {b!r}"
    else:
        assert a == b, f"{pfad}: {a!r} statt {b!r}"


def _kopie() -> dict[str, dict[str, Any]]:
    return paketdaten.lies_kopie((DATEN / paketdaten.KOPIE).read_text(encoding="utf-8"))


# -- Aktuell und gleich ---------------------------------------------------------------------


def test_die_kopie_ist_aktuell() -> None:
    gespeichert = (DATEN / paketdaten.KOPIE).read_text(encoding="utf-8")
    assert gespeichert == paketdaten.kopie_text(), f"toml_kopie.json ist veraltet: {NEU_ERZEUGEN}"


def test_die_kopie_hat_genau_die_toml_dateien() -> None:
    erwartet = sorted(str(p.relative_to(DATEN).as_posix()) for p in DATEN.rglob("*.toml"))
    assert sorted(paketdaten.alle_toml_dateien()) == erwartet, "ein neuer Ordner mit TOML?"
    assert sorted(_kopie()) == erwartet, f"toml_kopie.json ist veraltet: {NEU_ERZEUGEN}"


@pytest.mark.parametrize("pfad", paketdaten.alle_toml_dateien())
def test_die_kopie_liefert_was_tomllib_liest(pfad: str) -> None:
    eintrag = _kopie().get(pfad)
    assert eintrag is not None, f"{pfad} fehlt in toml_kopie.json: {NEU_ERZEUGEN}"
    _streng_gleich(eintrag["inhalt"], tomllib.loads(paketdaten.text(pfad)), pfad)
    assert paketdaten.inhalt(pfad) == eintrag["inhalt"], f"{pfad}: Prüfsumme passt nicht"


def test_die_lader_liefern_aus_kopie_und_toml_dieselben_objekte() -> None:
    quellen = lade_rechtsquellen(paketdaten.text("rechtsquellen.toml"))
    assert dict(quellen) == dict(alle_rechtsquellen())
    assert list(quellen) == list(alle_rechtsquellen())
    dateien = paketdaten.toml_dateien("parameter")
    texte = [(f"kim_nrw/daten/{p}", paketdaten.text(p)) for p in dateien]
    parameter = lade_parameterdateien(texte, quellen)
    assert dict(parameter) == dict(alle_parameter())
    assert list(parameter) == list(alle_parameter())
    behoerden = lade_behoerden(paketdaten.text("programme/behoerden.toml"), "behoerden.toml")
    assert dict(behoerden) == dict(alle_behoerden())
    for programm, name in PROGRAMMDATEIEN.items():
        aus_toml = lade_programm(paketdaten.text(f"programme/{name}"), name)
        assert aus_toml == katalog().programme[programm]
    vorgaenger = lade_vorgaenger(paketdaten.text(f"programme/{DATEI_VORGAENGER}"), "v.toml")
    assert vorgaenger == katalog().vorgaenger


# -- Nie maßgeblich ---------------------------------------------------------------------------


def test_eine_geaenderte_datei_wird_selbst_gelesen(monkeypatch: pytest.MonkeyPatch) -> None:
    pfad = "parameter/ki.toml"
    geaendert = paketdaten.text(pfad) + "\n# geändert\n"
    echt = paketdaten.daten
    monkeypatch.setattr(
        paketdaten, "daten", lambda p: geaendert.encode() if p == pfad else echt(p)
    )
    assert paketdaten.inhalt(pfad) == geaendert
    assert isinstance(paketdaten.inhalt("parameter/kim.toml"), dict)


def test_ohne_kopie_werden_die_toml_dateien_gelesen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paketdaten, "_kopie", dict)
    assert paketdaten.inhalt("rechtsquellen.toml") == paketdaten.text("rechtsquellen.toml")


# -- Die geladene Form ------------------------------------------------------------------------


_TEILE = ["recht", "behoerden", "katalog"]


@pytest.mark.parametrize("name", _TEILE)
def test_die_geladene_form_ist_aktuell(name: str) -> None:
    teile = paketdaten._teile_aus((DATEN / paketdaten.GELADEN).read_bytes())
    assert sorted(teile) == sorted(_TEILE), f"geladen.pickle ist veraltet: {NEU_ERZEUGEN_GELADEN}"
    assert paketdaten._teil(teile[name]) is not None, f"Felder geändert: {NEU_ERZEUGEN_GELADEN}"


def test_die_geladene_form_liefert_dieselben_objekte_wie_die_toml_dateien() -> None:
    recht = paketdaten.geladen("recht")
    assert recht == recht_aus_toml()
    reihenfolge = {n: list(t) for n, t in recht_aus_toml().items()}
    assert {n: list(t) for n, t in recht.items()} == reihenfolge
    assert all(type(t) is MappingProxyType for t in recht.values())
    assert paketdaten.geladen("behoerden") == behoerden_aus_toml()
    geladen = paketdaten.geladen("katalog")
    assert geladen == katalog_aus_toml()
    assert type(geladen.teile) is MappingProxyType and list(geladen.teile) == list(Programmteil)


@pytest.mark.parametrize("quelle", ["parameter/ki.toml", "rechtsquellen.toml", "gebietsstand.csv"])
def test_nach_aenderung_einer_quelle_gilt_die_geladene_form_nicht(
    quelle: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    roh = (DATEN / paketdaten.GELADEN).read_bytes()
    assert paketdaten._teile_aus(roh)
    echt = paketdaten.daten
    monkeypatch.setattr(paketdaten, "daten", lambda p: echt(p) + b"\n" if p == quelle else echt(p))
    assert paketdaten._teile_aus(roh) == {}


def test_mit_geaenderten_feldern_gilt_die_geladene_form_nicht() -> None:
    eintrag = paketdaten._teile_aus((DATEN / paketdaten.GELADEN).read_bytes())["behoerden"]
    modul, name, felder = eintrag["klassen"][0]
    for anders in ([*felder, "neu"], felder[1:], [modul, name, felder]):
        geaendert = {**eintrag, "klassen": [(modul, name, anders)]}
        assert paketdaten._teil(geaendert) is None
    assert paketdaten._teil({**eintrag, "klassen": [(modul, "Weg", felder)]}) is None
    assert paketdaten._teil({**eintrag, "daten": b"kaputt"}) is None


@pytest.mark.parametrize("roh", [b"", b"kaputt", pickle.dumps({"teile": {}}), pickle.dumps([1])])
def test_eine_kaputte_geladene_form_gilt_nicht(roh: bytes) -> None:
    assert paketdaten._teile_aus(roh) == {}


def test_ohne_geladene_form_lesen_die_lader_die_toml_dateien(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(paketdaten, "geladen", lambda name: None)
    for lader in (recht_laden._recht, alle_rechtsquellen, alle_parameter, alle_behoerden, katalog):
        monkeypatch.setattr(lader, "_wert", _NOCH_NICHT)  # danach wieder die geladenen Objekte
    assert alle_parameter() == recht_aus_toml()["parameter"]
    assert katalog() == katalog_aus_toml()


# -- Die Kodierung -----------------------------------------------------------------------------

# Die Marken ($datum …) sind als Schlüssel verboten (siehe den Test danach).
_MARKEN = tuple(paketdaten._MARKEN)
_schluessel = st.text(max_size=8).filter(lambda s: s not in _MARKEN)
_zonen = st.sampled_from([None, dt.UTC, dt.timezone(dt.timedelta(hours=-5, minutes=-30))])
_blatt = (
    st.text(max_size=20)
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.booleans()
    | st.dates()
    | st.datetimes(timezones=_zonen).map(lambda d: d.replace(fold=0))  # TOML kennt kein fold
    | st.times().map(lambda t: t.replace(fold=0))
)
_toml_wert = st.recursive(
    _blatt,
    lambda innen: st.lists(innen, max_size=4) | st.dictionaries(_schluessel, innen, max_size=4),
    max_leaves=20,
)


@given(st.dictionaries(_schluessel, _toml_wert, max_size=5))
def test_die_kodierung_gibt_jeden_toml_wert_unveraendert_zurueck(inhalt: dict[str, Any]) -> None:
    text = paketdaten.kodiere({"x.toml": ("", inhalt)})
    _streng_gleich(paketdaten.lies_kopie(text)["x.toml"]["inhalt"], inhalt)


@pytest.mark.parametrize("marke", _MARKEN)
def test_ein_schluessel_wie_eine_marke_ist_ein_fehler(marke: str) -> None:
    inhalt = tomllib.loads(f'[tabelle]\n"{marke}" = "2021-06-01"\n')
    with pytest.raises(ValueError, match=rf"x\.toml\.tabelle: der Schlüssel '\{marke}'"):
        paketdaten.kodiere({"x.toml": ("", inhalt)})
