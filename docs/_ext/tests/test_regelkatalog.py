"""Der Regelkatalog der Doku: jede Regel mit Kennung, Titel, Teilen, Fundstelle und Geltung."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from kim_nrw.pruefung import REGELN
from kim_nrw.recht import alle_rechtsquellen

DOCS = Path(__file__).resolve().parents[2]


def _erweiterung() -> ModuleType:
    if str(DOCS / "_ext") not in sys.path:
        sys.path.insert(0, str(DOCS / "_ext"))
    spec = importlib.util.spec_from_file_location("kim_regeln", DOCS / "_ext" / "kim_regeln.py")
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    sys.modules["kim_regeln"] = modul
    spec.loader.exec_module(modul)
    return modul


def test_jede_regel_und_jede_fassung_steht_im_katalog() -> None:
    regeln = _erweiterung()
    text = regeln.erzeuge()
    for regel in REGELN:
        assert f".. _{regeln.marke(regel.id)}:" in text
        assert f"``{regel.id}``" in text
        for fassung in regel.fassungen:
            if fassung.fundstelle is not None:
                assert f"(``{fassung.fundstelle.quelle}``)" in text
    assert "für Stichtage ab 01.01.2022: solange TIntG 2021 in Kraft ist" in text
    assert "für Förderzeiträume ab 01.01.2025" in text
    katalog = set(alle_rechtsquellen())
    assert all(f.fundstelle.quelle in katalog for r in REGELN for f in r.fassungen if f.fundstelle)


def test_die_datei_wird_nur_bei_aenderung_geschrieben(tmp_path: Path) -> None:
    regeln = _erweiterung()
    ziel = tmp_path / "regeln.rst"
    assert regeln.schreibe(ziel) is True
    assert regeln.schreibe(ziel) is False
