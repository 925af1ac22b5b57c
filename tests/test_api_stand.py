"""Die öffentliche API gleicht dem gespeicherten Stand (tests/golden/oeffentliche_api.txt).

Eine Abweichung ist kein Fehler des Codes, sondern eine Entscheidung, die bewusst fallen
muss: Der Test zeigt, was entfällt, sich ändert oder neu ist, und was das für die
Version heißt. Ist die Änderung gewollt, schreibt ``.venv/bin/python tools/api_stand.py
--schreiben`` den Stand neu (siehe docs/erklaerung/versionierung.rst).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

WURZEL = Path(__file__).resolve().parent.parent


def _werkzeug() -> ModuleType:
    spec = importlib.util.spec_from_file_location("api_stand", WURZEL / "tools" / "api_stand.py")
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


def test_die_oeffentliche_api_gleicht_dem_gespeicherten_stand() -> None:
    werkzeug = _werkzeug()
    unterschied = werkzeug.bericht(werkzeug.lies(), werkzeug.erfasse())
    if unterschied:
        pytest.fail(unterschied, pytrace=False)


def test_der_bericht_teilt_nach_folgen_fuer_die_version() -> None:
    werkzeug = _werkzeug()
    alt = [
        "kim_nrw.a: Funktion kim_nrw.m.a() -> int",
        "kim_nrw.b: Funktion kim_nrw.m.b(x: int) -> int",
        "kim_nrw.c: Klasse kim_nrw.m.c(object)",
    ]
    neu = [
        "kim_nrw.b: Funktion kim_nrw.m.b(x: str) -> int",
        "kim_nrw.c: veraltet seit 0.2.0, entfällt in 0.4.0 → kim_nrw.d",
        "kim_nrw.d: Klasse kim_nrw.m.c(object)",
    ]
    text = werkzeug.bericht(alt, neu)
    inkompatibel, rest = text.split("Als veraltet angemeldet")
    assert "entfällt: kim_nrw.a" in inkompatibel
    assert "geändert: kim_nrw.b: Funktion kim_nrw.m.b(x: int)" in inkompatibel
    assert "kim_nrw.c" not in inkompatibel
    assert "kim_nrw.c: veraltet seit 0.2.0" in rest
    assert "Neu (verträglich" in rest and "kim_nrw.d: Klasse" in rest
    assert "tools/api_stand.py --schreiben" in rest
    assert werkzeug.bericht(alt, alt) == ""


def test_der_stand_nennt_modul_signatur_und_felder() -> None:
    zeilen = _werkzeug().lies()
    assert "kim_nrw.lade: Funktion kim_nrw.serial.dokument.lade" in "\n".join(zeilen)
    assert "kim_nrw.Foerderantrag.zeitraum: Feld: kim_nrw.zeit.Zeitraum" in zeilen
    assert any(z.startswith("kim_nrw.recht.Gewissheit.BESTAETIGT: Glied") for z in zeilen)
    assert not any(" at 0x" in z for z in zeilen)
